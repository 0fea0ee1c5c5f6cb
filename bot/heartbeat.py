"""The bot's health signal for container platforms: a file it touches while connected.

The Discord side runs `keep_beating(connected)` as a task for the bot's lifetime; it calls
`beat()` every `INTERVAL` seconds while `connected()` says the gateway connection is up.
`rapporteur health` (a Docker HEALTHCHECK) calls `age()` and fails when the file is missing
or older than `MAX_AGE`. The file holds nothing but the time (no one's data).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

PATH = Path("/tmp/rapporteur-heartbeat")
INTERVAL = 30.0  # seconds between beats while connected
MAX_AGE = 90.0  # three missed beats: unhealthy


def beat(path: Path = PATH) -> bool:
    """Record that the bot is connected now; False (never an exception) if it cannot write."""
    try:
        path.write_text(f"{time.time():.0f}\n", encoding="ascii")
    except OSError:
        return False
    return True


def age(path: Path = PATH, now: float | None = None) -> float | None:
    """Seconds since the last beat, or None when there has been none."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return max((time.time() if now is None else now) - modified, 0.0)


async def keep_beating(
    connected: Callable[[], bool], path: Path = PATH, interval: float = INTERVAL
) -> None:
    """Beat every `interval` seconds while `connected()`; runs until cancelled."""
    import asyncio  # here, so that `rapporteur health` does not import it

    while True:
        if connected():
            beat(path)
        await asyncio.sleep(interval)
