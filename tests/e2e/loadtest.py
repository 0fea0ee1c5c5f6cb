"""`make loadtest`: the real `rapporteur run` under load, faults and restarts (a benchmark).

The bot runs as `rapporteur run` in its own process (its own core), the local Discord server in
this one. Every interaction comes from a different user (the per-user cooldown never applies)
and asks a question taken in turn from the knowledge base, with one to decline every tenth.
Phases, in order:

- steady: STEADY /ask interactions at RATE per second; latency is from the moment the
  INTERACTION_CREATE frame is written to the moment the bot's response arrives;
- bursts: BURSTS interactions dispatched back to back (default 500, then 3,000);
- malformed: INTERACTION_CREATE events Discord might send one day (fields missing), each
  followed by a good one: the process must stay up and answer;
- soak: SOAK interactions at SOAK_RATE per second, one in four a click on a button under an
  earlier answer; the bot's resident memory is read after the first tenth (warm-up) and at
  the end;
- restart: the bot stops (SIGTERM) and a new process, started under a 1,024 open-file limit,
  answers clicks on buttons sent by the old one, then a burst of FD_BURST at once.

An interaction is lost if no response (the answer, or a "thinking" defer) arrives within
Discord's 3 s; undelivered if the answer itself has not arrived 10 s after the phase.
The last line: `loadtest: N sent, N answered, N lost, p50 X ms, p95 Y ms, p99 Z ms at R/s,
C answers/s burst` (N counts every phase; the percentiles are the steady phase's, the burst
rate is the largest burst's). It exits 1 if anything was lost or undelivered, the bot logged
an error, or memory grew more than 30 MB over the soak.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pstats
import resource
import signal
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from bot.knowledge_files import load_dir
from tests.e2e import process
from tests.e2e.fake_discord import Exchange, FakeDiscord, payloads

Json = dict[str, Any]
DEADLINE = 3.0  # Discord's: a response later than this is refused
DELIVERY = 10.0  # seconds after a phase by which every answer must have arrived
DECLINED = ("What is the capital of Peru?", "Will it rain tomorrow?", "Who won the match?")
MEMORY_GROWTH_MB = 30.0
OPEN_FILES = 1024
MALFORMED = ("version", "attachment_size_limit", "data", "token", "member")
BUTTONS = ("Read the paragraph", "Why this answer?")


@dataclass
class Phase:
    name: str
    sent: int = 0
    acked: int = 0  # responded to within DEADLINE
    delivered: int = 0
    ack_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0  # first dispatch to last answer delivered
    bot_cpu: float = float("nan")  # CPU seconds the bot's process used in the phase
    server_cpu: float = float("nan")  # ... and this process (the local Discord server)

    @property
    def lost(self) -> int:
        return self.sent - self.acked

    @property
    def rate(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.ack_ms) < 2:
            return self.ack_ms[0] if self.ack_ms else float("nan")
        return statistics.quantiles(self.ack_ms, n=100, method="inclusive")[p - 1]

    def summary(self) -> str:
        return (
            f"{self.name}: {self.sent} sent, {self.acked} answered within 3 s, {self.lost} lost, "
            f"{self.sent - self.delivered} undelivered; {self.rate:.0f} answers/s; response "
            f"p50 {self.percentile(50):.1f} ms, p99 {self.percentile(99):.1f} ms; "
            f"CPU per interaction: bot {self.cpu_ms:.2f} ms, server {self.server_cpu_ms:.2f} ms"
        )

    @property
    def server_cpu_ms(self) -> float:
        return self.server_cpu / self.sent * 1000 if self.sent else float("nan")

    @property
    def cpu_ms(self) -> float:
        """CPU per interaction: unlike wall time, barely moved by other work on the machine."""
        return self.bot_cpu / self.sent * 1000 if self.sent else float("nan")


@dataclass
class Result:
    rate: float
    phases: list[Phase] = field(default_factory=list)
    rss_mb: tuple[float, float] = (float("nan"), float("nan"))  # after warm-up, at the end
    peak_rss_mb: float = float("nan")
    problems: list[str] = field(default_factory=list)

    def phase(self, name: str) -> Phase:
        return next(p for p in self.phases if p.name == name)

    @property
    def lost(self) -> int:
        return sum(p.lost for p in self.phases)

    @property
    def undelivered(self) -> int:
        return sum(p.sent - p.delivered for p in self.phases)

    @property
    def growth_mb(self) -> float:
        return self.rss_mb[1] - self.rss_mb[0]

    def line(self) -> str:
        sent = sum(p.sent for p in self.phases)
        answered = sum(p.acked for p in self.phases)
        steady = self.phase("steady")
        bursts = [p for p in self.phases if p.name.startswith("burst")]
        biggest = max(bursts, key=lambda p: p.sent)
        return (
            f"loadtest: {sent} sent, {answered} answered, {self.lost} lost, "
            f"p50 {steady.percentile(50):.1f} ms, p95 {steady.percentile(95):.1f} ms, "
            f"p99 {steady.percentile(99):.1f} ms at {self.rate:g}/s, "
            f"{biggest.rate:.0f} answers/s burst"
        )

    @property
    def ok(self) -> bool:
        return not (self.lost or self.undelivered or self.problems) and not (
            self.growth_mb > MEMORY_GROWTH_MB
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


class Users:
    """A new user for every interaction, asking the pool's questions in turn."""

    def __init__(self, server: FakeDiscord) -> None:
        self.server = server
        self.pool = questions()
        self.count = 0

    def ask(self) -> Json:
        self.count += 1
        user = payloads.user(payloads.snowflake(), f"user{self.count}")
        question = self.pool[self.count % len(self.pool)]
        return self.server.command_payload("ask", {"question": question}, user=user)

    def batch(self, count: int) -> list[Json]:
        return [self.ask() for _ in range(count)]


async def settle(phase: Phase, exchanges: list[Exchange], first: float) -> Phase:
    """Wait for every answer (up to DELIVERY s) and count what arrived in time."""
    waits = [asyncio.wait_for(asyncio.shield(e.delivered), DELIVERY) for e in exchanges]
    outcomes = await asyncio.gather(*waits, return_exceptions=True)
    last = first
    for exchange, outcome in zip(exchanges, outcomes, strict=True):
        if exchange.answered.done():
            waited = exchange.answered.result().at - exchange.dispatched_at
            if waited <= DEADLINE:
                phase.acked += 1
                phase.ack_ms.append(waited * 1000)
        if not isinstance(outcome, BaseException):
            phase.delivered += 1
            last = max(last, outcome.at)
    phase.seconds = last - first
    return phase


async def steady(server: FakeDiscord, name: str, built: list[Json], rate: float) -> Phase:
    exchanges = []
    start = time.perf_counter()
    for i, payload in enumerate(built):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        exchanges.append(await server.send_interaction(payload))
    return await settle(Phase(name, sent=len(built)), exchanges, start)


async def burst(server: FakeDiscord, name: str, built: list[Json]) -> Phase:
    start = time.perf_counter()
    exchanges = [await server.send_interaction(payload) for payload in built]
    return await settle(Phase(name, sent=len(built)), exchanges, start)


async def malformed(server: FakeDiscord, users: Users, rounds: int) -> Phase:
    """Odd events, each followed by a good interaction that must be answered."""
    session = server.gateway.by_shard[0]
    good = []
    start = time.perf_counter()
    for i in range(rounds):
        odd = users.ask()
        del odd[MALFORMED[i % len(MALFORMED)]]
        await session.dispatch("INTERACTION_CREATE", odd)
        good.append(await server.send_interaction(users.ask()))
    return await settle(Phase("malformed", sent=rounds), good, start)


async def click(server: FakeDiscord, exchange: Exchange, index: int) -> Exchange | None:
    """The asker clicks a button (or picks a related question) under their answer."""
    message = exchange.messages.items[-1] if exchange.messages.items else None
    if not message or not message.get("components"):
        return None
    user = asker_of(exchange.payload)
    items = [c for row in message["components"] for c in row["components"]]
    menus = [c for c in items if c["type"] == 3]
    if index % 3 == 2 and menus:
        value = menus[0]["options"][0]["value"]
        return await server.click(message, values=[value], user=user)
    return await server.click(message, label=button_to_press(items, index), user=user)


def asker_of(payload: Json) -> Json:
    member: Json = payload.get("member") or {}
    user: Json = member.get("user") or payload["user"]
    return user


def button_to_press(items: list[Json], index: int) -> str:
    labels = [c.get("label") for c in items if c["type"] == 2]
    wanted = BUTTONS[index % 2]
    return wanted if wanted in labels else str(labels[0])


async def soak(
    server: FakeDiscord, users: Users, count: int, rate: float, pid: int
) -> tuple[Phase, tuple[float, float]]:
    """`count` interactions at `rate`/s, one in four a click; RSS after warm-up and at the end."""
    exchanges: list[Exchange] = []
    asks: list[Exchange] = []
    answered: deque[Exchange] = deque(maxlen=200)  # answers whose buttons can be clicked
    warm = count // 10
    after_warmup = float("nan")
    start = time.perf_counter()
    for i in range(count):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if i == warm:
            after_warmup = rss_mb(pid)
        sent = await click(server, answered.popleft(), i) if i % 4 == 3 and answered else None
        if sent is None:
            sent = await server.send_interaction(users.ask())
            asks.append(sent)
        exchanges.append(sent)
        if len(asks) > 8 and asks[-8].delivered.done():
            answered.append(asks[-8])
    phase = await settle(Phase("soak", sent=count), exchanges, start)
    return phase, (after_warmup, rss_mb(pid))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.asynccontextmanager
async def timed(pid: int, phases: list[Phase]) -> AsyncIterator[None]:
    """Note the bot's CPU time over the phase appended to `phases` inside the block."""
    before, ours, count = cpu_seconds(pid), time.process_time(), len(phases)
    yield
    for phase in phases[count:]:
        phase.bot_cpu = cpu_seconds(pid) - before
        phase.server_cpu = time.process_time() - ours


def _status_mb(pid: int, key: str) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_mb(pid: int) -> float:
    return _status_mb(pid, "VmRSS:")


def peak_rss_mb(pid: int) -> float:
    return _status_mb(pid, "VmHWM:")


def _open_file_limit() -> None:
    """In the bot's process, before it starts: at most OPEN_FILES open files."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (OPEN_FILES, OPEN_FILES))


@contextlib.asynccontextmanager
async def bot_process(
    server: FakeDiscord,
    log: IO[bytes],
    problems: list[str],
    *,
    limit_files: bool = False,
    program: list[str] | None = None,
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`rapporteur run`, ready; on the way out SIGTERM, and its exit code and errors noted."""
    after = len(server.events.items)
    bot = await process.start(
        server,
        "run",
        cwd=Path(log.name).parent,
        log=log,
        program=program,
        preexec_fn=_open_file_limit if limit_files else None,
    )
    try:
        await server.wait_for_event("ready", after=after, within=process.STEP)
        yield bot
    finally:
        if bot.returncode is None:
            bot.send_signal(signal.SIGTERM)
        code, _, _ = await process.finish(bot)
        if code != 0:
            problems.append(f"the bot exited with code {code}")


def bot_errors(log: IO[bytes]) -> list[str]:
    log.seek(0)
    text = log.read().decode(errors="replace")
    return [line for line in text.splitlines() if " ERROR " in line or "Traceback" in line]


@dataclass
class Sizes:
    steady: int = 1000
    rate: float = 200.0
    bursts: tuple[int, ...] = (500, 3000)
    malformed: int = 20
    soak: int = 20_000
    soak_rate: float = 400.0
    restart_clicks: int = 200
    fd_burst: int = 1500
    profile: Path | None = None  # run the first bot process under cProfile, saving here


async def run_load(sizes: Sizes | None = None) -> Result:
    """Start a server and `rapporteur run`, run every phase; the figures."""
    sizes = sizes or Sizes()
    result = Result(sizes.rate)
    server = FakeDiscord()
    await server.start()
    users = Users(server)
    with tempfile.TemporaryDirectory() as cwd, (Path(cwd) / "bot.log").open("w+b") as log:
        try:
            program = None
            if sizes.profile is not None:
                program = [sys.executable, "-m", "cProfile", "-o", str(sizes.profile), "-m", "bot"]
            async with bot_process(server, log, result.problems, program=program) as bot:
                await first_process(server, users, sizes, result, bot.pid)
                result.peak_rss_mb = peak_rss_mb(bot.pid)
                kept = [e for e in server_exchanges(server) if e.delivered.done()]
            async with bot_process(server, log, result.problems, limit_files=True) as bot:
                async with timed(bot.pid, result.phases):
                    clicks = await after_restart(server, kept, sizes.restart_clicks)
                    result.phases.append(clicks)
                async with timed(bot.pid, result.phases):
                    burst_phase = await burst(server, "burst-fd", users.batch(sizes.fd_burst))
                    result.phases.append(burst_phase)
        finally:
            await server.close()
        result.problems += bot_errors(log)[:20]
    return result


async def first_process(
    server: FakeDiscord, users: Users, sizes: Sizes, result: Result, pid: int
) -> None:
    warm = await server.send_interaction(users.ask())
    await asyncio.wait_for(warm.delivered, process.STEP)
    phases = result.phases
    async with timed(pid, phases):
        phases.append(await steady(server, "steady", users.batch(sizes.steady), sizes.rate))
    for size in sizes.bursts:
        async with timed(pid, phases):
            phases.append(await burst(server, f"burst-{size}", users.batch(size)))
    async with timed(pid, phases):
        phases.append(await malformed(server, users, sizes.malformed))
    async with timed(pid, phases):
        phase, result.rss_mb = await soak(server, users, sizes.soak, sizes.soak_rate, pid)
        phases.append(phase)


def server_exchanges(server: FakeDiscord) -> list[Exchange]:
    return [e for e in server._by_token.values() if e.payload["type"] == 2]


async def after_restart(server: FakeDiscord, kept: list[Exchange], count: int) -> Phase:
    """Clicks, in the new process, on buttons the old one sent."""
    exchanges, start = [], time.perf_counter()
    for i, exchange in enumerate(kept[-count:]):
        sent = await click(server, exchange, i)
        if sent is not None:
            exchanges.append(sent)
    return await settle(Phase("restart-clicks", sent=len(exchanges)), exchanges, start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.loadtest", description=__doc__)
    parser.add_argument("--steady", type=int, default=1000, help="interactions at --rate")
    parser.add_argument("--rate", type=float, default=200.0, help="per second (steady phase)")
    parser.add_argument("--bursts", type=int, nargs="*", default=[500, 3000], help="at once")
    parser.add_argument("--soak", type=int, default=20_000, help="interactions in the soak")
    parser.add_argument("--soak-rate", type=float, default=400.0, help="per second (soak)")
    parser.add_argument("--fd-burst", type=int, default=1500, help="at once, 1,024 files")
    parser.add_argument("--profile", action="store_true", help="the first bot under cProfile")
    args = parser.parse_args(argv)
    profile = Path(tempfile.mkdtemp()) / "bot.prof" if args.profile else None
    sizes = Sizes(
        steady=args.steady,
        rate=args.rate,
        bursts=tuple(args.bursts),
        soak=args.soak,
        soak_rate=args.soak_rate,
        fd_burst=args.fd_burst,
        profile=profile,
    )
    result = asyncio.run(run_load(sizes))
    for phase in result.phases:
        print(phase.summary())
    before, after = result.rss_mb
    print(
        f"memory: {before:.0f} MB after warm-up, {after:.0f} MB after the soak "
        f"({result.growth_mb:+.1f} MB), peak {result.peak_rss_mb:.0f} MB"
    )
    for problem in result.problems:
        print(f"problem: {problem}", file=sys.stderr)
    if profile is not None:
        pstats.Stats(str(profile)).sort_stats("tottime").print_stats(30)
        print(f"profile saved: {profile} (python -m pstats {profile})")
    print(result.line())
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
