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
from bot.core.calibration import expected_calibration_error, reliability
from bot.core.measure.evaluation import (
    EvalFileError,
    EvalQuestion,
    Report,
    answered_pairs,
    parse_questions,
    score,
)
from bot.core.render import answer_json
from bot.core.render.limits import cut
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
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="also print the reliability table (confidence band, answers, share right) and ECE",
    )
    parser.add_argument(
        "--plot", type=Path, metavar="PNG", help="write the reliability diagram (needs matplotlib)"
    )
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
    if args.calibration:
        print(reliability_text(report))
    if args.plot:
        plot_reliability(report, args.plot)
    for failure in failures:
        print(f"rapporteur eval: {failure}", file=sys.stderr)
    return FAILED if failures else OK


def reliability_text(report: Report) -> str:
    """The reliability table of the answers given, the expected calibration error, and the
    share of answers that are wrong at confidence 0.8 or more."""
    pairs = answered_pairs(report)
    bands = reliability(pairs)
    lines = ["  confidence   answers   right   mean confidence"]
    for band in bands:
        share = "-" if band.share_right is None else f"{band.share_right * 100:.0f}%"
        mean = f"{band.mean_confidence:.2f}" if band.count else "-"
        lines.append(
            f"  {band.low:.1f}-{band.high:.1f}    {band.count:>7}   {share:>5}   {mean:>15}"
        )
    confident_wrong = sum(1 for c, right in pairs if c >= 0.8 and not right)
    share_wrong = confident_wrong / len(pairs) if pairs else 0.0
    lines += [
        f"  expected calibration error: {expected_calibration_error(bands):.3f}",
        f"  wrong at confidence >= 0.8: {confident_wrong} of {len(pairs)} answers "
        f"({share_wrong * 100:.1f}%)",
    ]
    return "\n".join(lines)


def plot_reliability(report: Report, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        raise fail("--plot needs matplotlib: .venv/bin/pip install -e '.[plot]'") from None
    bands = [b for b in reliability(answered_pairs(report)) if b.count]
    figure, axes = pyplot.subplots(figsize=(4.5, 4.5), dpi=120)
    axes.plot([0.5, 1], [0.5, 1], linestyle="--", color="grey", label="perfectly calibrated")
    axes.plot(
        [b.mean_confidence for b in bands],
        [b.share_right or 0.0 for b in bands],
        marker="o",
        label="answers",
    )
    for band in bands:
        axes.annotate(str(band.count), (band.mean_confidence, band.share_right or 0.0))
    axes.set(xlabel="confidence", ylabel="share right", xlim=(0.45, 1.02), ylim=(0, 1.02))
    axes.set_title("Reliability of answers (labels: answers per band)", fontsize=9)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    print(f"wrote {path}")


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
