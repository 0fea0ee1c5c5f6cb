"""`rapporteur init ARTICLE.txt DIR`: start a knowledge base for a new article.

The pure scaffold (bot.core.scaffold) turns the text into files; this writes them, refusing
to overwrite a knowledge base that is already there.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.common import OK, fail
from bot.core import knowledge
from bot.core.render.wording import count
from bot.core.scaffold import scaffold
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "init",
        help="start a draft knowledge base from a plain-text article",
        description=(
            "Read ARTICLE (UTF-8 text: the title on the first line, a 'By ...' byline, then "
            "paragraphs separated by blank lines) and write a draft knowledge base into DIR "
            "that `rapporteur check` accepts: the paragraphs verbatim, an entry per sentence, "
            "people, dated events and demands, each marked draft: true for a curator to "
            "rewrite (see knowledge/README.md)."
        ),
    )
    parser.add_argument("article", type=Path, metavar="ARTICLE", help="the article as text")
    parser.add_argument("directory", type=Path, metavar="DIR", help="where to write the base")
    parser.add_argument(
        "--force", action="store_true", help="overwrite the knowledge files already in DIR"
    )
    parser.set_defaults(handler=run)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read {path}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    source = _read(args.article)
    if not source.strip():
        raise fail(f"{args.article} is empty: give the article's text")
    files = scaffold(source, english())
    target: Path = args.directory
    existing = [name for name in files if (target / name).exists()]
    if existing and not args.force:
        raise fail(f"{target / existing[0]} exists: choose an empty DIR, or add --force")
    kb = knowledge.load(files)  # the scaffold must pass check; a failure here is a bug
    if not kb.paragraphs:
        raise fail(
            f"found no paragraphs in {args.article}: put the title on the first line, then a "
            "blank line, the byline, a blank line, and paragraphs separated by blank lines"
        )
    try:
        for name, text in files.items():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write to {target}: {exc}") from None
    sizes = (
        count(len(kb.paragraphs), "paragraph"),
        count(len(kb.entries), "entry", "entries"),
        count(len(kb.people), "person", "people"),
        count(len(kb.timeline), "event"),
        count(len(kb.demands), "demand"),
    )
    print(
        f"wrote a draft knowledge base to {target}: {', '.join(sizes)}\n"
        f"next: rapporteur --knowledge {target} check   (then curate: knowledge/README.md)"
    )
    return OK
