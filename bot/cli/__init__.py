"""The `rapporteur` command line: one module per subcommand, each with `register(subparsers)`.

A subcommand's parser sets `handler=function(args) -> int` (the exit code); handlers load the
knowledge base with `bot.cli.common.load_knowledge(args)`, which honours `--knowledge`.

Only the module of the command being run is imported, so `ask`, `chat` and `check` start
without discord.py, aiohttp, asyncio or ssl (`rapporteur --help` imports them all).
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence

from bot import speedups
from bot.cli._lean import english_only_stemmer

english_only_stemmer()  # before bot.cli.common, whose imports reach the stemmer

from bot.cli.common import OK, Abort  # noqa: E402

# `run` (and `sync`) belong to the Discord adapter's module; the others are here.
SUBCOMMAND_MODULES = (
    "ask",
    "chat",
    "reading",
    "check",
    "evaluate",
    "calibrate",
    "bench",
    "reports",
    "health",
    "serve",
    "run",
    "init",
)
# Which module registers each command, so that only that one need be imported.
COMMAND_MODULES = {
    "ask": "ask",
    "chat": "chat",
    "timeline": "reading",
    "demands": "reading",
    "who": "reading",
    "source": "reading",
    "check": "check",
    "eval": "evaluate",
    "calibrate": "calibrate",
    "bench": "bench",
    "reports": "reports",
    "health": "health",
    "serve": "serve",
    "run": "run",
    "sync": "run",
    "init": "init",
}

EXIT_CODES = """\
exit codes:
  0  success (a declined question is still a success)
  1  the knowledge base is invalid, or `check`/`eval` failed (see stderr)
  2  usage or configuration error (bad option, unreadable file, missing setting, or a
     compiled core older than its source)
"""


class _Version(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs start-up time)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("rapporteur")
        except PackageNotFoundError:
            number = "unknown (not installed)"
        print(f"rapporteur {number}")
        parser.exit()


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names, if it can be told without parsing (else None: load all)."""
    rest = list(argv)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--knowledge" and rest:
            rest.pop(0)  # its DIR
        elif not option.startswith("--knowledge="):
            return None  # --help, --version or a mistake: let argparse see every command
    return rest[0] if rest and rest[0] in COMMAND_MODULES else None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given `argv`, with only the subcommand it names when that is clear."""
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
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = _command_in(argv) if argv is not None else None
    modules = [COMMAND_MODULES[command]] if command else SUBCOMMAND_MODULES
    for name in modules:
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
    argv = sys.argv[1:] if argv is None else argv
    if speedups.status() == "stale":  # it would answer with the old code
        print(f"rapporteur: {speedups.stale_message()}", file=sys.stderr)
        return 2
    parser = build_parser(argv)
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
