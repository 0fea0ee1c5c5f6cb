"""`rapporteur bench`: engine speed against a naive baseline, load time, peak memory.

Prints measurements and ratios only; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.cli.common import OK, knowledge_dir, load_knowledge
from bot.cli.evaluate import read_questions
from bot.core import knowledge
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.measure.baseline import NaiveBaseline
from bot.core.measure.evaluation import EvalQuestion, Report, score
from bot.core.render import answer_json
from bot.knowledge_files import read_dir
from bot.lexicon_files import english

ROUNDS = 5  # timing rounds, interleaved; the medians are reported


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="time the engine against a naive baseline",
        description=(
            "Answer the dev questions repeated to at least --count, with the engine and with "
            "a naive baseline (rapidfuzz extractOne over the article's sentences); print "
            "microseconds per question (medians of interleaved rounds), the engine/baseline "
            "ratio, the knowledge load time (median) and peak memory. Measurements only: it "
            "never fails on time."
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
    parser.add_argument(
        "--starts", type=int, default=7, help="process start-ups to time, each kind (7)"
    )
    parser.set_defaults(handler=run)


def _command() -> list[str]:
    """How to start `rapporteur`: the installed console script, else `python -m bot`."""
    script = Path(sys.executable).with_name("rapporteur")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def _process_ms(argv: list[str], stdin: str = "") -> float:
    """The wall time of running `argv` to its end, in milliseconds."""
    start = time.perf_counter()
    subprocess.run(argv, input=stdin, capture_output=True, text=True, check=True)
    return (time.perf_counter() - start) * 1e3


def _medians_ms(commands: list[tuple[list[str], str]], runs: int) -> list[float]:
    """The median time of each command, run in turns (a, b, a, b...) so that both see the
    same load on a shared machine."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(max(runs, 1)):
        for spent, (argv, stdin) in zip(times, commands, strict=True):
            spent.append(_process_ms(argv, stdin))
    return [statistics.median(spent) for spent in times]


@dataclass(frozen=True)
class Startup:
    bare_ms: float  # python -c "import rapidfuzz, yaml"
    ask_ms: float  # rapporteur ask --json QUESTION
    batch_us: float  # per question, through `ask --json` on stdin, start-up subtracted
    batch: int


def _startup(args: argparse.Namespace, texts: list[str]) -> Startup:
    """Start-up of `ask` against a bare `import rapidfuzz, yaml`, and a JSON batch as a real
    process (stdin to stdout, per question, start-up subtracted)."""
    ask = [*_command(), "--knowledge", str(knowledge_dir(args)), "ask", "--json"]
    size = min(max(args.count, 1), 2_000)
    batch = (texts * max(math.ceil(size / max(len(texts), 1)), 1))[:size]
    bare, one, whole = _medians_ms(
        [
            ([sys.executable, "-c", "import rapidfuzz, yaml"], ""),
            ([*ask, texts[0] if texts else "who?"], ""),
            (ask, "".join(f"{t}\n" for t in batch)),
        ],
        args.starts,
    )
    return Startup(bare, one, max(whole - one, 0.0) * 1e3 / max(len(batch), 1), len(batch))


def _per_question_us(answer: Callable[[str], object], questions: list[str]) -> float:
    start = time.perf_counter()
    for question in questions:
        answer(question)
    return (time.perf_counter() - start) / len(questions) * 1e6


def _interleaved_us(
    answerers: list[Callable[[str], object]], questions: list[str], rounds: int
) -> list[float]:
    """Each answerer's median µs/question over `rounds` rounds, taken in turn so that a
    noisy spell of the machine hits all of them alike; a round is 1/rounds of `questions`."""
    for answer in answerers:
        for question in questions[:100]:  # warm up caches before timing
            answer(question)
    size = max(len(questions) // rounds, 1)
    chunks = [questions[k * size : (k + 1) * size] for k in range(rounds)]
    times: list[list[float]] = [[] for _ in answerers]
    for chunk in chunks:
        for answer, spent in zip(answerers, times, strict=True):
            spent.append(_per_question_us(answer, chunk))
    return [statistics.median(spent) for spent in times]


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
    started = time.perf_counter()
    engine = Engine(
        kb, english()
    )  # the first build: the stemmer's cache is still cold, as at start-up
    build_ms = (time.perf_counter() - started) * 1e3
    baseline = NaiveBaseline(kb)

    loads = _load_ms(directory, args.loads)
    engine_us, json_us, baseline_us = _interleaved_us(
        [engine.answer, lambda q: json.dumps(answer_json(engine.answer(q), kb)), baseline.answer],
        repeated,
        ROUNDS,
    )
    startup = _startup(args, texts)
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
    print(f"engine + json  {json_us:8.1f} µs/question (answer_json + json.dumps, in process)")
    print(f"ratio          {json_us / baseline_us:8.2f}x engine+json/baseline (target: within 3x)")
    print(
        f"start-up       {startup.ask_ms:8.1f} ms `rapporteur ask --json QUESTION`, "
        f"median of {args.starts}"
    )
    print(f"bare python    {startup.bare_ms:8.1f} ms `python -c 'import rapidfuzz, yaml'`")
    print(f"ratio          {startup.ask_ms / startup.bare_ms:8.2f}x start-up/bare (target: 4x)")
    print(
        f"  of which     {build_ms:8.1f} ms building the engine (its first build in this process)"
    )
    print(
        f"json batch     {startup.batch_us:8.1f} µs/question, {startup.batch} lines through "
        "`ask --json` (start-up subtracted)"
    )
    ratio = startup.batch_us / baseline_us
    print(f"ratio          {ratio:8.2f}x json batch/baseline (target: within 3x)")
    print(
        f"knowledge load {statistics.median(loads):8.1f} ms median of {len(loads)} "
        f"(min {min(loads):.1f}, max {max(loads):.1f}; read, parse and validate)"
    )
    print(f"peak memory    {rss_mb:8.1f} MB RSS, whole process (ru_maxrss)")
    print(f"               {allocated:8.1f} MB allocated to load knowledge + build the engine")
    print(f"accuracy       engine   {_accuracy(engine_report)} on {len(dev)} questions")
    print(f"               baseline {_accuracy(baseline_report)}; it never declines")
    return OK
