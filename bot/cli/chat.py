"""`rapporteur chat`: a console conversation; also what `rapporteur run` falls back to."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from bot.cli.common import OK, load_knowledge
from bot.core.answering import Answer, Engine
from bot.core.model import KnowledgeBase
from bot.core.question_shape import asks_for_help
from bot.core.render import answer_card, card_to_text, help_card, why_card

QUIT = frozenset({"quit", "exit", "q", ":q", "bye"})
PROMPT = "you> "


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "chat",
        help="ask questions in the console until EOF or quit",
        description=(
            "A console conversation. Type a question; `why` explains the last answer, "
            "`help` shows help, `quit`, `exit` or EOF (Ctrl-D) leaves. With input piped in, "
            "each line is answered and the command exits at EOF."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge(args)
    return chat_loop(Engine(kb), kb, sys.stdin, sys.stdout)


def chat_loop(engine: Engine, kb: KnowledgeBase, stdin: TextIO, stdout: TextIO) -> int:
    """Answer each line of `stdin` on `stdout` until EOF or quit; prompt only on a terminal."""
    interactive = stdin.isatty()
    if interactive:
        stdout.write(f"Ask me about “{kb.title}”, by {kb.author}. Type help, or quit to leave.\n")
    last: Answer | None = None
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            line = ""
        if not line:  # EOF
            if interactive:
                stdout.write("\n")
            return OK
        text = line.strip()
        command = text.casefold()
        if not text:
            continue
        if command in QUIT:
            return OK
        if asks_for_help(text):
            card = help_card(console=True)
        elif command == "why" and last is not None:
            card = why_card(last, kb)
        else:
            last = engine.answer(text)
            card = answer_card(last, kb, console=True)
        stdout.write(card_to_text(card) + "\n\n")
        stdout.flush()
