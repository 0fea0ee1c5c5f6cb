"""What every subcommand shares: settings, finding and loading the knowledge base, failing
cleanly.

Every setting is read here, through `bot.config.Settings`, with one precedence:
command-line flag > process environment > `.env` in the working directory > default.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bot.config import ConfigError, Settings
from bot.core.knowledge import KnowledgeError
from bot.core.model import KnowledgeBase
from bot.knowledge_files import DEFAULT_DIR, load_dir

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


def load_knowledge(args: argparse.Namespace) -> KnowledgeBase:
    """The validated knowledge base, or every problem on stderr and exit 1 (never a partial KB)."""
    directory = knowledge_dir(args)
    if not directory.is_dir():
        raise fail(f"no knowledge directory at {directory} (see --knowledge)")
    try:
        return load_dir(directory)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"rapporteur: the knowledge in {directory} is invalid", file=sys.stderr)
        raise Abort(FAILED) from None


def fail(message: str, code: int = USAGE) -> Abort:
    """Print `message` to stderr and return the Abort to raise."""
    print(f"rapporteur: {message}", file=sys.stderr)
    return Abort(code)
