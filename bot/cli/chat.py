"""`rapporteur chat`: a console conversation; also what `rapporteur run` falls back to."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO

from bot.cli.common import OK, fit_terminal, load_engine, use_colour
from bot.core.answering import Answer, Engine
from bot.core.answering.question_shape import asks_for_help
from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import answer_card, card_to_text, help_card, why_card
from bot.core.render.card import Card

QUIT = frozenset({"quit", "exit", "q", ":q", "bye"})
WHY = "why"
PROMPT = "you> "
WHY_FIRST = "Ask a question first; then type why to see why I gave that answer."


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "chat",
        help="ask questions in the console until EOF or quit",
        description=(
            "A console conversation. Type a question; `why` explains the last answer (what it "
            "matched, how sure, what came close), `help` shows help, `quit`, `exit` or EOF "
            "(Ctrl-D) leaves. At a terminal, the arrow keys edit the line and recall earlier "
            "questions (kept in memory only). With input piped in, each line is answered and "
            "the command exits at EOF."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb, engine = load_engine(args)
    return chat_loop(engine, kb, sys.stdin, sys.stdout)


def _line_editing() -> None:
    """Arrow keys and history at a terminal: readline, with history in memory only (it is
    never written to a file, so nothing of what was asked is kept)."""
    # Not on every platform; the chat works without it.
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (input() uses it once it is imported)


def _reader(stdin: TextIO, stdout: TextIO, interactive: bool) -> Callable[[], str]:
    """A function returning the next line ("" at EOF); with a prompt at a terminal."""
    if interactive and stdin is sys.stdin and stdout is sys.stdout:
        _line_editing()

        def read_line() -> str:
            try:
                return input(PROMPT) + "\n"
            except EOFError:
                return ""

        return read_line

    def read_plain() -> str:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        return stdin.readline()

    return read_plain


def _reply(
    text: str, last: Answer | None, engine: Engine, kb: KnowledgeBase
) -> tuple[Card | str, Answer | None]:
    """What to show for `text`, and the answer a later `why` explains."""
    if asks_for_help(text):
        return help_card(kb, console=True), last
    if text.casefold() == WHY:
        return (why_card(last, kb) if last is not None else WHY_FIRST), last
    answer = engine.answer(text)
    return answer_card(answer, kb, console=True), answer


def chat_loop(engine: Engine, kb: KnowledgeBase, stdin: TextIO, stdout: TextIO) -> int:
    """Answer each line of `stdin` on `stdout` until EOF or quit; prompt only on a terminal."""
    interactive = stdin.isatty()
    colour = use_colour(stdout, os.environ)
    if interactive:
        stdout.write(
            f"Ask me about “{kb.title}”, by {kb.author}.\n"
            "Type a question, why (after an answer), help, or quit to leave.\n"
        )
    read_line = _reader(stdin, stdout, interactive)
    last: Answer | None = None
    while True:
        try:
            line = read_line()
        except KeyboardInterrupt:
            line = ""
        if not line:  # EOF
            if interactive:
                stdout.write("\n")
            return OK
        text = line.strip()
        if not text:
            continue
        if text.casefold() in QUIT:
            return OK
        reply, last = _reply(text, last, engine, kb)
        shown = card_to_text(reply, colour=colour) if isinstance(reply, Card) else reply
        stdout.write(fit_terminal(shown, stdout) + "\n\n")
        stdout.flush()
