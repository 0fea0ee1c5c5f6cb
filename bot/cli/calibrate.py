"""`rapporteur calibrate`: fit the confidence model on labelled question files, score it on
others, and write it to the knowledge base (calibration.yaml)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.cli.common import OK, knowledge_dir, load_knowledge
from bot.cli.evaluate import read_questions, reliability_text
from bot.core.answering import Engine
from bot.core.calibration import Calibration, fit
from bot.core.measure.evaluation import labelled, score
from bot.core.render import answer_json
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calibrate",
        help="fit the confidence model on labelled question files",
        description=(
            "Fit confidence (a logistic model over the match's features) on the --fit files, "
            "report its reliability on them and on the --score files (which must be other "
            "files), and with --write store it as calibration.yaml in the knowledge directory."
        ),
    )
    parser.add_argument("--fit", type=Path, nargs="+", required=True, metavar="FILE")
    parser.add_argument("--score", type=Path, nargs="*", default=[], metavar="FILE")
    parser.add_argument("--write", action="store_true", help="write calibration.yaml")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge(args)
    engine = Engine(kb, english())  # features do not depend on the model being fitted
    rows = [row for path in args.fit for row in labelled(read_questions(path), engine)]
    model = fit([r.features for r in rows], [r.right for r in rows])
    print(f"fitted on {len(rows)} questions from {', '.join(map(str, args.fit))}")
    print(to_yaml(model, args.fit))
    fitted = Engine(_with(kb, model), english())
    for title, paths in (("fit files", args.fit), ("score files", args.score)):
        if paths:
            questions = [q for path in paths for q in read_questions(path)]
            report = score(questions, lambda q: answer_json(fitted.answer(q), kb))
            print(f"\n{title}: {', '.join(map(str, paths))}\n{reliability_text(report)}")
    if args.write:
        path = knowledge_dir(args) / "calibration.yaml"
        path.write_text(to_yaml(model, args.fit), encoding="utf-8")
        print(f"\nwrote {path}")
    return OK


def _with(kb: Any, model: Calibration) -> Any:
    from dataclasses import replace

    return replace(kb, calibration=model)


def to_yaml(model: Calibration, fitted_on: list[Path]) -> str:
    lines = [
        "# The confidence model: P(right) = 1 / (1 + exp(-(intercept + sum(weight * feature)))).",
        "# Written by `rapporteur calibrate`; the features are described in",
        "# bot/core/calibration.py. Fitted on: " + ", ".join(p.name for p in fitted_on),
        f"intercept: {model.intercept}",
        "weights:",
        *(f"  {name}: {weight}" for name, weight in model.weights.items()),
    ]
    return "\n".join(lines) + "\n"
