"""`rapporteur reports [LOGFILE]`: what readers reported as wrong answers, per entry.

The bot logs each press of "Report a wrong answer" as one line on the logger
rapporteur.reports: `report: entry=<entry id> question=<the question as a JSON string>`.
Nothing says who pressed it. This reads those lines from a log (or stdin) and summarises them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bot.cli.common import OK, fail

# Anywhere in a log line, after whatever prefix the log format adds (time, level, logger).
REPORT = re.compile(r"report: entry=(?P<entry>\S+) question=(?P<question>\".*\")\s*$")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reports",
        help="summarise the readers' 'Report a wrong answer' log lines",
        description=(
            "Read the bot's log (LOGFILE, or stdin) and summarise the 'report: entry=... "
            "question=...' lines: how many reports each entry got, most first, with the "
            "questions that were answered with it."
        ),
    )
    parser.add_argument("logfile", nargs="?", type=Path, metavar="LOGFILE", help="default: stdin")
    parser.set_defaults(handler=run)


def parse(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(entry id, question) of every report line; other lines and damaged ones are skipped."""
    found = []
    for line in lines:
        match = REPORT.search(line)
        if match is None:
            continue
        try:
            question = json.loads(match["question"])
        except json.JSONDecodeError:
            continue
        if isinstance(question, str):
            found.append((match["entry"], question))
    return found


def summary(reports: list[tuple[str, str]]) -> str:
    """Entries by how often they were reported, each with its questions (and their counts)."""
    if not reports:
        return "No wrong-answer reports found."
    per_entry = Counter(entry for entry, _ in reports)
    lines = [f"{_count(len(reports), 'report')} about {_count(len(per_entry), 'entry')}"]
    for entry, count in sorted(per_entry.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"\n{entry}: {_count(count, 'report')}")
        asked = Counter(q for e, q in reports if e == entry)
        for question, times in sorted(asked.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {json.dumps(question, ensure_ascii=False)}" + _times(times))
    return "\n".join(lines)


def _count(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun if count == 1 else plural}"


def _times(count: int) -> str:
    return f" ({count} times)" if count > 1 else ""


def run(args: argparse.Namespace) -> int:
    if args.logfile is None:
        reports = parse(sys.stdin)
    else:
        try:
            with args.logfile.open(encoding="utf-8", errors="replace") as log:
                reports = parse(log)
        except OSError as error:
            raise fail(f"cannot read {args.logfile}: {error.strerror}") from None
    print(summary(reports))
    return OK
