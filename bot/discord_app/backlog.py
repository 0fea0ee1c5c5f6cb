"""How far behind the bot is, and the work in flight: when to defer, and what a stop waits for.

Discord drops an interaction that gets no response within 3 seconds of its creation. Under a
burst the event loop has more answers to compute and send than it can in that time, so each
answer waits for a slot (a few at a time keeps every answer computed right before it is
sent), and one still waiting DEFER_AFTER seconds after its creation is deferred: Discord
shows "thinking", and the answer follows by editing that message (its token lasts 15
minutes). Decided by the time actually waited, not by a forecast that a burst would upset.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

SLOTS = 16  # answers computed and sent at once; more only queue inside aiohttp
DEFER_AFTER = 1.5  # seconds after creation: still waiting for a slot, defer first


@dataclass
class Tally:
    """What happened to interactions around a stop, for the one summary line."""

    finished: int = 0
    unfinished: int = 0
    refused: int = 0


class Backlog:
    def __init__(self, slots: int = SLOTS) -> None:
        self._slots = asyncio.Semaphore(slots)
        self.waiting = 0  # answers waiting for a slot
        self.in_flight = 0  # answers begun and not finished (waiting ones included)
        self.stopping = False
        self.tally = Tally()
        self._idle = asyncio.Event()
        self._idle.set()
        self.deferring = 0  # defers being sent
        self._no_defers = asyncio.Event()
        self._no_defers.set()

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
    async def slot(self, age: float, defer: Callable[[], Awaitable[None]]) -> AsyncIterator[None]:
        """Hold one of the slots while computing and sending an answer to an interaction
        `age` seconds old; `defer()` it first if it would wait past DEFER_AFTER."""
        self.waiting += 1
        try:
            if not await self._acquire(within=DEFER_AFTER - max(age, 0.0)):
                async with self._deferral():
                    await defer()
                # A deferred answer has 15 minutes; a defer not yet sent has 3 seconds.
                await self._no_defers.wait()
                await self._slots.acquire()
        finally:
            self.waiting -= 1
        try:
            yield
        finally:
            self._slots.release()

    async def _acquire(self, within: float) -> bool:
        """A slot within `within` seconds (True), or none yet (False)."""
        if within <= 0:
            return False  # already late when it reached us: the loop is far behind
        if not self._slots.locked():
            await self._slots.acquire()
            return True
        try:
            async with asyncio.timeout(within):  # a timer, not a task per waiting answer
                await self._slots.acquire()
        except TimeoutError:
            return False
        return True

    @contextlib.asynccontextmanager
    async def _deferral(self) -> AsyncIterator[None]:
        self.deferring += 1
        self._no_defers.clear()
        try:
            yield
        finally:
            self.deferring -= 1
            if not self.deferring:
                self._no_defers.set()

    async def drain(self, within: float) -> Tally:
        """Stop taking work and wait up to `within` seconds for what is in flight."""
        self.stopping = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), within)
        self.tally.unfinished = self.in_flight
        return self.tally
