"""What every subcommand shares: settings, finding and loading the knowledge base, failing
cleanly.

Every setting is read here, through `bot.config.Settings`, with one precedence:
command-line flag > process environment > `.env` in the working directory > default.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot.config import ConfigError, Settings
from bot.core import knowledge
from bot.core.answering import Engine
from bot.core.knowledge import KnowledgeError, Problem
from bot.core.knowledge.model import KnowledgeBase
from bot.knowledge_files import DEFAULT_DIR, read_dir

OK, FAILED, USAGE = 0, 1, 2
DOTENV = Path(".env")


class Abort(Exception):
    """Stop the command with this exit code; the message has already gone to stderr."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def default_knowledge_dir() -> str:
    """The bundled knowledge base (what `--knowledge` falls back to without KNOWLEDGE_DIR)."""
    return str(DEFAULT_DIR)


def load_settings(dotenv: Path = DOTENV) -> Settings:
    """Settings from os.environ and `dotenv` if it exists; a bad one exits with code 2."""
    try:
        text = dotenv.read_text(encoding="utf-8") if dotenv.is_file() else None
        return Settings.from_env(os.environ, text)
    except ConfigError as error:
        raise fail(str(error), USAGE) from None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"cannot read {dotenv}: {error}", USAGE) from None


def knowledge_dir(args: argparse.Namespace) -> Path:
    """--knowledge DIR, else KNOWLEDGE_DIR (environment, then .env), else the bundled base."""
    flag = getattr(args, "knowledge", None)
    if flag:
        return Path(flag)
    return load_settings().knowledge_dir or DEFAULT_DIR


def load_engine(args: argparse.Namespace) -> tuple[KnowledgeBase, Engine]:
    """The knowledge base and its engine for a console command: the engine built earlier from
    these very files when the cache has it (they were valid then), else loaded, validated
    and built like `load_knowledge` (bot/engine_cache.py)."""
    from bot.engine_cache import build_engine, cached_engine

    directory = knowledge_dir(args)
    if directory.is_dir():
        engine = cached_engine(read_dir(directory), os.environ)
        if engine is not None:
            return engine.kb, engine
    kb = load_knowledge(args)
    return kb, build_engine(kb, read_dir(directory), os.environ)


def load_knowledge(args: argparse.Namespace) -> KnowledgeBase:
    """The validated knowledge base, or every problem on stderr and exit 1 (never a partial KB)."""
    return load_knowledge_with_warnings(args)[0]


def load_knowledge_with_warnings(
    args: argparse.Namespace,
) -> tuple[KnowledgeBase, tuple[Problem, ...]]:
    """`load_knowledge`, and the warnings that do not stop it (for `rapporteur check`)."""
    directory = knowledge_dir(args)
    if not directory.is_dir():
        raise fail(f"no knowledge directory at {directory} (see --knowledge)")
    try:
        return knowledge.load_with_warnings(read_dir(directory))
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"rapporteur: the knowledge in {directory} is invalid", file=sys.stderr)
        raise Abort(FAILED) from None


def use_colour(stream: TextIO, environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never with NO_COLOR set (no-color.org) or TERM=dumb."""
    if environ.get("NO_COLOR") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False


MAX_WIDTH = 100  # wider lines are hard to read even on a wide terminal


def fit_terminal(text: str, stream: TextIO) -> str:
    """`text` wrapped at words to the terminal's width when `stream` is one ("> " quote
    lines keep their mark); unchanged when it goes to a pipe or a file."""
    try:
        if not stream.isatty():
            return text
    except ValueError:
        return text
    width = min(shutil.get_terminal_size().columns, MAX_WIDTH)
    return "\n".join(_wrap(line, width) for line in text.split("\n"))


def _wrap(line: str, width: int) -> str:
    prefix = "> " if line.startswith("> ") else ""
    return textwrap.fill(line, width, subsequent_indent=prefix) if line.strip() else line


def fail(message: str, code: int = USAGE) -> Abort:
    """Print `message` to stderr and return the Abort to raise."""
    print(f"rapporteur: {message}", file=sys.stderr)
    return Abort(code)
