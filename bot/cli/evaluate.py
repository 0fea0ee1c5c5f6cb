"""`rapporteur eval FILE`: score the engine on a question file; exit 1 under the thresholds."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.cli.common import FAILED, OK, USAGE, fail, load_knowledge
from bot.core.answering import Engine
from bot.core.evaluation import EvalFileError, EvalQuestion, Report, parse_questions, score
from bot.core.limits import cut
from bot.core.render import answer_json
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the engine on a question file (tests/eval/dev.yaml format)",
        description=(
            "Answer every question of FILE and score it: right when the quote or answer "
            "contains any expected fragment (case, curly quotes, accents and whitespace "
            "normalised), or when `expect: null` and the bot declined. Prints accuracy per "
            "category and overall, and the misses. Exit 1 under a --min threshold."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the question file (YAML)")
    parser.add_argument(
        "--min-answered",
        type=_share,
        metavar="X",
        help="fail under this share of answerable questions answered right (95 or 0.95)",
    )
    parser.add_argument(
        "--min-declined",
        type=_share,
        metavar="Y",
        help="fail under this share of unanswerable questions declined (95 or 0.95)",
    )
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.set_defaults(handler=run)


def _share(text: str) -> float:
    """A percentage (95) or a fraction (0.95); values up to 1 are read as fractions."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError("must be from 0 to 100 (or a fraction from 0 to 1)")
    return value if value <= 1 else value / 100


def run(args: argparse.Namespace) -> int:
    questions = read_questions(args.file)
    kb = load_knowledge(args)
    engine = Engine(kb, english())
    report = score(questions, lambda q: answer_json(engine.answer(q), kb))
    failures = _failures(report, args.min_answered, args.min_declined)
    print(
        json.dumps(_as_json(report, failures), ensure_ascii=False) if args.json else _text(report)
    )
    for failure in failures:
        print(f"rapporteur eval: {failure}", file=sys.stderr)
    return FAILED if failures else OK


def read_questions(path: Path) -> list[EvalQuestion]:
    try:
        return parse_questions(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(f"cannot read {path}: {exc.strerror}") from None
    except EvalFileError as exc:
        for problem in exc.problems:
            print(f"{path}:{problem}", file=sys.stderr)
        raise fail(f"{path} is not a valid question file", USAGE) from None


def _failures(report: Report, min_answered: float | None, min_declined: float | None) -> list[str]:
    failures = []
    for name, share, minimum in (
        ("answerable questions answered right", report.answerable, min_answered),
        ("unanswerable questions declined", report.declined, min_declined),
    ):
        if minimum is not None and (share or 0.0) < minimum:
            failures.append(f"{name}: {_pct(share)}, under the minimum {_pct(minimum)}")
    return failures


def _pct(share: float | None) -> str:
    return "n/a" if share is None else f"{share * 100:.1f}%"


def _count(results: list[Any]) -> str:
    return f"{sum(r.right for r in results)}/{len(results)}"


def _text(report: Report) -> str:
    lines = [f"{len(report.results)} questions", ""]
    for category, results in report.by_category().items():
        lines.append(f"  {category:<18} {_count(results):>7}  {_pct(Report.rate(results)):>6}")
    answerable = [r for r in report.results if r.question.expect is not None]
    declinable = [r for r in report.results if r.question.expect is None]
    lines += [
        "",
        f"  {'overall':<18} {_count(list(report.results)):>7}  {_pct(report.overall):>6}",
        f"  {'answered right':<18} {_count(answerable):>7}  {_pct(report.answerable):>6}",
        f"  {'declined right':<18} {_count(declinable):>7}  {_pct(report.declined):>6}",
    ]
    if report.misses:
        lines += ["", f"misses ({len(report.misses)}):"]
    for miss in report.misses:
        q = miss.question
        wanted = "a decline" if q.expect is None else " | ".join(q.expect)
        lines += [
            f"  line {q.line} [{q.category}] {q.question}",
            f"    expected: {wanted}",
            f"    got:      {_got(miss.got)}",
        ]
    return "\n".join(lines)


def _got(got: Mapping[str, object]) -> str:
    if not got.get("answered"):
        return "declined"
    return f"{got.get('entry')}: {cut(str(got.get('quote')), 120)}"


def _as_json(report: Report, failures: list[str]) -> dict[str, object]:
    return {
        "questions": len(report.results),
        "overall": report.overall,
        "answered_right": report.answerable,
        "declined_right": report.declined,
        "categories": {
            category: {"right": sum(r.right for r in results), "total": len(results)}
            for category, results in report.by_category().items()
        },
        "misses": [
            {
                "line": m.question.line,
                "category": m.question.category,
                "question": m.question.question,
                "expect": list(m.question.expect) if m.question.expect else None,
                "got": dict(m.got),
            }
            for m in report.misses
        ],
        "failures": failures,
        "passed": not failures,
    }
