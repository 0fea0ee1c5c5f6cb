"""`rapporteur bench`: engine speed against a naive baseline, load time, peak memory.

Prints measurements and ratios only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.cli.common import OK, knowledge_dir, load_knowledge
from bot.cli.evaluate import read_questions
from bot.core import knowledge
from bot.core.answering import Engine
from bot.core.baseline import NaiveBaseline
from bot.core.evaluation import EvalQuestion, Report, score
from bot.core.model import KnowledgeBase
from bot.core.render import answer_json
from bot.knowledge_files import read_dir
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="time the engine against a naive baseline",
        description=(
            "Answer the dev questions repeated to at least --count, with the engine and with "
            "a naive baseline (rapidfuzz extractOne over the article's sentences); print "
            "microseconds per question, the engine/baseline ratio, the knowledge load time "
            "(median) and peak memory. Measurements only: it never fails on time."
        ),
    )
    parser.add_argument(
        "--questions",
        type=Path,
        metavar="FILE",
        help="question file (default: the knowledge base's own questions, expecting their quotes)",
    )
    parser.add_argument("--count", type=int, default=10_000, help="questions to time (10000)")
    parser.add_argument("--loads", type=int, default=7, help="knowledge loads to time (7)")
    parser.set_defaults(handler=run)


def _per_question_us(answer: Callable[[str], object], questions: list[str]) -> float:
    for question in questions[:100]:  # warm up caches before timing
        answer(question)
    start = time.perf_counter()
    for question in questions:
        answer(question)
    return (time.perf_counter() - start) / len(questions) * 1e6


def _load_ms(directory: Path, loads: int) -> list[float]:
    times = []
    for _ in range(max(loads, 1)):
        start = time.perf_counter()
        knowledge.load(read_dir(directory))
        times.append((time.perf_counter() - start) * 1e3)
    return times


def _allocated_mb(directory: Path) -> float:
    """Peak Python allocations while loading the knowledge and building the engine."""
    tracemalloc.start()
    Engine(knowledge.load(read_dir(directory)), english())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _accuracy(report: Report) -> str:
    def pct(share: float | None) -> str:
        return "n/a" if share is None else f"{share * 100:.1f}%"

    return (
        f"{pct(report.overall):>6} right (answerable {pct(report.answerable)}, "
        f"unanswerable declined {pct(report.declined)})"
    )


def own_questions(kb: KnowledgeBase) -> list[EvalQuestion]:
    """Each entry's question, expecting its quote: a default that fits any article."""
    return [EvalQuestion("own", e.question, (e.quote,), n) for n, e in enumerate(kb.entries, 1)]


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge(args)  # validates first: an invalid knowledge base exits 1 here
    directory = knowledge_dir(args)
    dev = read_questions(args.questions) if args.questions else own_questions(kb)
    texts = [q.question for q in dev]
    repeated = texts * max(math.ceil(args.count / len(texts)), 1) if texts else []
    engine, baseline = Engine(kb, english()), NaiveBaseline(kb)

    loads = _load_ms(directory, args.loads)
    engine_us = _per_question_us(engine.answer, repeated)
    baseline_us = _per_question_us(baseline.answer, repeated)
    engine_report = score(dev, lambda q: answer_json(engine.answer(q), kb))
    baseline_report = score(dev, baseline.answer_json)
    allocated = _allocated_mb(directory)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB

    source = args.questions.name if args.questions else "the knowledge base"
    print(f"questions      {len(repeated)} ({len(texts)} from {source}, repeated)")
    print(f"engine         {engine_us:8.1f} µs/question")
    print(
        f"baseline       {baseline_us:8.1f} µs/question "
        f"(extractOne over {len(baseline.sentences)} sentences)"
    )
    print(f"ratio          {engine_us / baseline_us:8.2f}x engine/baseline")
    print(
        f"knowledge load {statistics.median(loads):8.1f} ms median of {len(loads)} "
        f"(min {min(loads):.1f}, max {max(loads):.1f}; read, parse and validate)"
    )
    print(f"peak memory    {rss_mb:8.1f} MB RSS, whole process (ru_maxrss)")
    print(f"               {allocated:8.1f} MB allocated to load knowledge + build the engine")
    print(f"accuracy       engine   {_accuracy(engine_report)} on {len(dev)} questions")
    print(f"               baseline {_accuracy(baseline_report)}; it never declines")
    return OK
