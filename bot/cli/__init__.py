"""The `rapporteur` command line: one module per subcommand, each with `register(subparsers)`.

A subcommand's parser sets `handler=function(args) -> int` (the exit code); handlers load the
knowledge base with `bot.cli.common.load_knowledge(args)`, which honours `--knowledge`.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence

from bot.cli.common import OK, Abort

# `run` (and `sync`) belong to the Discord adapter's module; the others are here.
SUBCOMMAND_MODULES = (
    "ask",
    "chat",
    "reading",
    "check",
    "evaluate",
    "calibrate",
    "bench",
    "run",
    "init",
)

EXIT_CODES = """\
exit codes:
  0  success (a declined question is still a success)
  1  the knowledge base is invalid, or `check`/`eval` failed (see stderr)
  2  usage or configuration error (bad option, unreadable file, missing setting)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rapporteur",
        description="Answer questions about one news article with exact, sourced quotes.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--knowledge",
        metavar="DIR",
        help=(
            "the knowledge directory (default: KNOWLEDGE_DIR from the environment, else from "
            "./.env, else the bundled knowledge base)"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(f"bot.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bot.cli.{name}":
                raise  # a real missing dependency, not an absent optional subcommand
            continue
        module.register(subparsers)
    return parser


def _robust_stdio() -> None:
    # Junk input must not crash batch mode: undecodable bytes become U+FFFD, lines end only
    # at "\n" (a stray "\r" stays inside its line), and any character can be printed.
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace", newline="\n")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    if getattr(args, "handler", None) is None:
        parser.print_help(sys.stderr)
        return 2
    _robust_stdio()
    try:
        code: int = args.handler(args)
    except Abort as exc:
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python's exit-time flush of
        # stdout from failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    return code
