"""`rapporteur ask`: answer one question, or one per line of stdin (JSON lines with --json)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

from bot.cli.common import OK, fit_terminal, load_engine, use_colour
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import answer_card, answer_json, card_to_text

PROMPT = "question> "
AT_A_TERMINAL = "Type a question and press Enter; Ctrl-D to finish."


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="answer a question with the exact quote",
        description=(
            "Answer QUESTION: the short answer, the quote, who said it and where. "
            "Without QUESTION, answer each line of stdin (with a prompt at a terminal); with "
            "--json, print one JSON object per line (keys: question, answered, answer, quote, "
            "paragraph, speaker, confidence, suggestions, entry)."
        ),
    )
    parser.add_argument("question", nargs="*", metavar="QUESTION", help="words of the question")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=run)


def _questions() -> Iterator[str]:
    """The lines of stdin; at a terminal, with a prompt on stderr (stdout stays answers only)."""
    if not sys.stdin.isatty():
        yield from (line.removesuffix("\n") for line in sys.stdin)
        return
    print(AT_A_TERMINAL, file=sys.stderr)
    while True:
        sys.stderr.write(PROMPT)
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            sys.stderr.write("\n")
            return
        yield line.removesuffix("\n")


def run(args: argparse.Namespace) -> int:
    kb, engine = load_engine(args)
    colour = not args.json and use_colour(sys.stdout, os.environ)
    if args.question:
        print(_render(engine, kb, " ".join(args.question), args.json, colour), flush=True)
        return OK
    for number, question in enumerate(_questions()):
        if not args.json and number:
            print()  # a blank line between text answers
        print(_render(engine, kb, question, args.json, colour), flush=True)
    return OK


def _render(engine: Engine, kb: KnowledgeBase, question: str, as_json: bool, colour: bool) -> str:
    answer = engine.answer(question)
    if as_json:
        # One line per answer, whatever the question contained.
        return json.dumps(answer_json(answer, kb), ensure_ascii=False)
    return fit_terminal(
        card_to_text(answer_card(answer, kb, console=True), colour=colour), sys.stdout
    )
