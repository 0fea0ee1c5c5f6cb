"""How far behind the bot is, and the work in flight: when to defer, and what a stop waits for.

Discord drops an interaction that gets no response within 3 seconds of its creation. Under a
burst the event loop has more answers to compute and send than it can in that time, so each
answer waits for a slot (a few at a time keeps every answer computed right before it is
sent) and an interaction that would wait too long is deferred first: Discord shows "thinking",
and the answer follows by editing that message (its token lasts 15 minutes).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

SLOTS = 16  # answers computed and sent at once; more only queue inside aiohttp
DEFER_AFTER = 1.5  # seconds: expected to answer later than this after creation, defer first
_START_PACE = 0.002  # seconds between two answers before any has been timed
_SMOOTHING = 0.1


@dataclass
class Tally:
    """What happened to interactions around a stop, for the one summary line."""

    finished: int = 0
    unfinished: int = 0
    refused: int = 0


class Backlog:
    def __init__(self, slots: int = SLOTS, clock: Callable[[], float] = time.monotonic) -> None:
        self._slots = asyncio.Semaphore(slots)
        self._clock = clock
        self.waiting = 0  # answers waiting for a slot
        self.in_flight = 0  # answers begun and not finished (waiting ones included)
        self.pace = _START_PACE  # recent seconds between two finished answers while busy
        self._last_done = clock()
        self.stopping = False
        self.tally = Tally()
        self._idle = asyncio.Event()
        self._idle.set()
        self.deferring = 0  # defers being sent
        self._no_defers = asyncio.Event()
        self._no_defers.set()

    def expected_wait(self) -> float:
        """Seconds until a new answer would get its slot, at the recent pace."""
        return self.waiting * self.pace

    def should_defer(self, age: float) -> bool:
        """Defer an interaction `age` seconds old (by its id) rather than risk the deadline."""
        return max(0.0, age) + self.expected_wait() > DEFER_AFTER

    @contextlib.asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        """Count one answer in flight, from its start (before any defer) to its end."""
        self.in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self.in_flight -= 1
            if self.stopping:
                self.tally.finished += 1
            if self.in_flight == 0:
                self._idle.set()

    @contextlib.asynccontextmanager
    async def deferral(self) -> AsyncIterator[None]:
        """Count a defer being sent: the answers already deferred wait for it (see below)."""
        self.deferring += 1
        self._no_defers.clear()
        try:
            yield
        finally:
            self.deferring -= 1
            if not self.deferring:
                self._no_defers.set()

    async def defers_sent(self) -> None:
        """A deferred answer has 15 minutes; a defer not sent has 3 seconds: let them go first."""
        await self._no_defers.wait()

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one of the slots while computing and sending an answer."""
        self.waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self.waiting -= 1
        try:
            yield
        finally:
            self._slots.release()
            self._timed()

    def _timed(self) -> None:
        now = self._clock()
        if self.waiting:  # only a busy stretch says how fast answers go
            self.pace += _SMOOTHING * ((now - self._last_done) - self.pace)
        self._last_done = now

    async def drain(self, within: float) -> Tally:
        """Stop taking work and wait up to `within` seconds for what is in flight."""
        self.stopping = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), within)
        self.tally.unfinished = self.in_flight
        return self.tally
