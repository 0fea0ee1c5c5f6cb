"""`make loadtest`: the bot under load through one gateway connection (a benchmark, no assertions).

The bot runs as `rapporteur run` in its own process (its own core), the local Discord server in
this one. Two phases, every interaction from a different user (so the per-user cooldown never
applies) and with a question taken in turn from the knowledge base, plus some it must decline:

- steady: STEADY /ask interactions offered at RATE per second; the latency of each is the time
  from the moment its INTERACTION_CREATE frame is written to the moment the bot's callback
  request arrives;
- burst: BURST interactions dispatched back to back; the rate is answers per second from the
  first dispatch to the last answer.

The last line is `loadtest: N sent, N answered, N lost, p50 X ms, p95 Y ms, p99 Z ms at R/s,
C answers/s burst` (N counts both phases). `--profile` runs the bot under cProfile and prints
its hottest functions.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import pstats
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.knowledge_files import load_dir
from tests.e2e import process
from tests.e2e.fake_discord import Exchange, FakeDiscord, payloads

Json = dict[str, Any]
DEADLINE = 10.0  # seconds after the last dispatch; an interaction not answered by then is lost
DECLINED = ("What is the capital of Peru?", "Will it rain tomorrow?", "Who won the match?")


@dataclass
class Phase:
    sent: int = 0
    answered: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0  # first dispatch to last answer

    @property
    def lost(self) -> int:
        return self.sent - self.answered

    def percentile(self, p: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[p - 1]


@dataclass
class Result:
    steady: Phase
    burst: Phase
    rate: float
    peak_rss_mb: float

    @property
    def lost(self) -> int:
        return self.steady.lost + self.burst.lost

    def line(self) -> str:
        s, b = self.steady, self.burst
        burst_rate = b.answered / b.seconds if b.seconds else 0.0
        return (
            f"loadtest: {s.sent + b.sent} sent, {s.answered + b.answered} answered, "
            f"{self.lost} lost, p50 {s.percentile(50):.1f} ms, p95 {s.percentile(95):.1f} ms, "
            f"p99 {s.percentile(99):.1f} ms at {self.rate:g}/s, {burst_rate:.0f} answers/s burst"
        )


def questions() -> list[str]:
    """The knowledge base's questions and alternates, and one to decline after every tenth."""
    kb = load_dir()
    pool: list[str] = []
    for i, phrasing in enumerate(p for e in kb.entries for p in e.phrasings):
        pool.append(phrasing)
        if i % 10 == 9:
            pool.append(DECLINED[i % len(DECLINED)])
    return pool


def interactions(server: FakeDiscord, count: int, pool: list[str], offset: int) -> list[Json]:
    """Ready-made /ask payloads, each from a new user in guild 0 (built before the clock runs)."""
    built = []
    for i in range(count):
        user = payloads.user(payloads.snowflake(), f"user{offset + i}")
        question = pool[(offset + i) % len(pool)]
        built.append(server.command_payload("ask", {"question": question}, user=user))
    return built


async def collect(exchanges: list[Exchange], phase: Phase, first: float) -> None:
    last = first
    waits = [asyncio.wait_for(asyncio.shield(e.answered), DEADLINE) for e in exchanges]
    for exchange, outcome in zip(
        exchanges, await asyncio.gather(*waits, return_exceptions=True), strict=True
    ):
        if isinstance(outcome, BaseException):
            continue
        phase.answered += 1
        phase.latencies_ms.append((outcome.at - exchange.dispatched_at) * 1000)
        last = max(last, outcome.at)
    phase.seconds = last - first


async def steady(server: FakeDiscord, built: list[Json], rate: float) -> Phase:
    phase, exchanges = Phase(sent=len(built)), []
    start = time.perf_counter()
    for i, payload in enumerate(built):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        exchanges.append(await server.send_interaction(payload))
    await collect(exchanges, phase, start)
    return phase


async def burst(server: FakeDiscord, built: list[Json]) -> Phase:
    phase = Phase(sent=len(built))
    start = time.perf_counter()
    exchanges = [await server.send_interaction(payload) for payload in built]
    await collect(exchanges, phase, start)
    return phase


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM), in MB; NaN where /proc is missing."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def run_load(
    steady_count: int = 1000,
    rate: float = 200.0,
    burst_count: int = 1000,
    profile: Path | None = None,
) -> Result:
    """Start a server and `rapporteur run`, run both phases, stop the bot; the figures."""
    server = FakeDiscord()
    await server.start()
    pool = questions()
    program = process.command()
    if profile is not None:
        program = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "bot"]
    with tempfile.TemporaryDirectory() as cwd, (Path(cwd) / "bot.log").open("w+b") as log:
        bot = await process.start(server, "run", cwd=Path(cwd), program=program, log=log)
        try:
            await server.wait_for_event("ready", within=process.STEP)
            warm = await server.send_interaction(interactions(server, 1, pool, 10**6)[0])
            await asyncio.wait_for(warm.answered, process.STEP)
            first = await steady(server, interactions(server, steady_count, pool, 0), rate)
            second = await burst(server, interactions(server, burst_count, pool, steady_count))
            memory = peak_rss_mb(bot.pid)
        finally:
            if bot.returncode is None:
                bot.send_signal(signal.SIGTERM)
            code, _, _ = await process.finish(bot)
            await server.close()
            log.seek(0)
            errors = [line for line in log.read().decode().splitlines() if " ERROR " in line]
    if code != 0 or errors:
        print("\n".join(errors[:20]), file=sys.stderr)
        raise RuntimeError(f"the bot exited with code {code}, {len(errors)} errors logged")
    return Result(first, second, rate, memory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.loadtest", description=__doc__)
    parser.add_argument("--steady", type=int, default=1000, help="interactions at --rate")
    parser.add_argument("--rate", type=float, default=200.0, help="per second (steady phase)")
    parser.add_argument("--burst", type=int, default=1000, help="interactions all at once")
    parser.add_argument("--profile", action="store_true", help="profile the bot (cProfile)")
    args = parser.parse_args(argv)
    profile = Path(tempfile.mkdtemp()) / "bot.prof" if args.profile else None
    result = asyncio.run(run_load(args.steady, args.rate, args.burst, profile))
    s, b = result.steady, result.burst
    print(f"steady: {s.sent} at {args.rate:g}/s over {s.seconds:.2f} s, {s.lost} lost")
    print(f"burst: {b.sent} at once, answered in {b.seconds:.2f} s, {b.lost} lost")
    print(f"burst latency: p50 {b.percentile(50):.0f} ms, p99 {b.percentile(99):.0f} ms")
    print(f"bot peak memory (VmHWM): {result.peak_rss_mb:.0f} MB")
    if profile is not None:
        pstats.Stats(str(profile)).sort_stats("tottime").print_stats(25)
        print(f"profile saved: {profile} (python -m pstats {profile})")
    print(result.line())
    return 0 if result.lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
