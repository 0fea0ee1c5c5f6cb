"""`rapporteur check`: validate the knowledge base and report which sentences entries cite."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli.common import OK, load_knowledge_with_warnings
from bot.core.knowledge import review
from bot.core.measure.coverage import coverage
from bot.core.render.limits import cut
from bot.core.render.wording import count
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="validate the knowledge base and print its coverage",
        description=(
            "Load and validate every knowledge file. On a problem, print each one as "
            "file:line: message on stderr and exit 1. Otherwise print warnings (things to "
            "improve, such as too few alternates; they do not fail the check) on stderr, then "
            "each article sentence with the entries whose quote overlaps it, then "
            "'covered N of M sentences'."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb, warnings = load_knowledge_with_warnings(args)
    for warning in warnings:
        print(f"{warning.file}:{warning.line}: warning: {warning.message}", file=sys.stderr)
    sizes = (
        (kb.paragraphs, "paragraph", None),
        (kb.entries, "entry", "entries"),
        (kb.timeline, "event", None),
        (kb.demands, "demand", None),
        (kb.people, "person", "people"),
        (kb.synonyms, "synonym group", None),
    )
    print("knowledge OK: " + ", ".join(count(len(items), *words) for items, *words in sizes))
    report = coverage(kb)
    for line in report:
        where = f"{line.sentence.paragraph}.{line.sentence.index}"
        cited = ", ".join(line.entries) if line.entries else "NOT COVERED"
        print(f"\n[{where}] {cut(line.text, 100)}\n    {cited}")
    covered = sum(1 for line in report if line.entries)
    print(f"\ncovered {covered} of {len(report)} sentences")
    for draft in review.warnings(kb, english()):  # drafts and the like: worth fixing
        print(f"warning: {draft}", file=sys.stderr)
    return OK
