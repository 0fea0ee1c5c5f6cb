"""A per-user sliding-window limit on questions: pure, in memory, short-lived.

Privacy: the only thing kept about anyone is, per user id, the times of their last few
questions inside the window (at most `rate` numbers). A user's entry disappears once the
window has passed; nothing is written anywhere and a restart forgets everything.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

_SWEEP_EVERY = 1024  # calls between sweeps of users whose window has passed


class Cooldown:
    """At most `rate` hits per `per` seconds for each key; `rate` 0 means no limit."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        if rate < 0 or per <= 0:
            raise ValueError("rate must be >= 0 and per > 0")
        self.rate = rate
        self.per = per
        self._clock = clock
        self._hits: dict[int, deque[float]] = {}
        self._calls = 0

    def hit(self, key: int) -> float:
        """Record a hit and return 0.0, or return the seconds to wait (recording nothing)."""
        if self.rate == 0:
            return 0.0
        now = self._clock()
        self._calls += 1
        if self._calls % _SWEEP_EVERY == 0:
            self.sweep(now)
        hits = self._hits.setdefault(key, deque(maxlen=self.rate))
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) < self.rate:
            hits.append(now)
            return 0.0
        return self.per - (now - hits[0])

    def sweep(self, now: float | None = None) -> None:
        """Forget every user whose last hit is older than the window."""
        now = self._clock() if now is None else now
        stale = [key for key, hits in self._hits.items() if not hits or now - hits[-1] >= self.per]
        for key in stale:
            del self._hits[key]

    def __len__(self) -> int:
        """How many users are currently remembered."""
        return len(self._hits)
