"""Fixtures: the local Discord server, and the real bot (run_bot, as `rapporteur run` does).

Every test gets a fresh server and bot. After each test the server's record must be clean:
no payload over Discord's limits, none that could ping, no request to an unknown route.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings
from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app.client import run_bot
from tests.e2e.fake_discord import FakeDiscord

STEP = 5.0  # seconds any one step may take before the test fails (instead of hanging)


def settings_for(server: FakeDiscord, **env: str) -> Settings:
    """The bot's settings, read from environment variables as `rapporteur run` reads them."""
    return Settings.from_env(
        {
            "DISCORD_TOKEN": server.token,
            "DISCORD_API_BASE": server.api_base,
            "DISCORD_GATEWAY_URL": server.gateway_url,
            "COOLDOWN_QUESTIONS": "0",  # tests ask many questions as one user; see test_cooldown
        }
        | env
    )


class RunningBot:
    """The bot serving in this event loop, as `rapporteur run` would, until `stop()`."""

    def __init__(
        self, server: FakeDiscord, settings: Settings, kb: KnowledgeBase, *, sync: bool = False
    ) -> None:
        self.server = server
        self.settings = settings
        self.stopping = asyncio.Event()
        self._seen = len(server.events.items)  # a later bot waits for its own READY
        self.task = asyncio.create_task(run_bot(settings, kb, sync=sync, stop=self.stopping))

    async def ready(self, shards: int = 1, within: float = STEP) -> None:
        """Wait until every shard has received READY (interactions are served from then on)."""
        waits = [
            self.server.wait_for_event("ready", shard, after=self._seen, within=within)
            for shard in range(shards)
        ]
        connected = asyncio.ensure_future(asyncio.gather(*waits))
        either: list[asyncio.Future[Any]] = [connected, self.task]
        await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        if not connected.done():
            connected.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await connected
            self.task.result()  # raises what stopped the bot
            raise AssertionError("the bot stopped before it was ready")
        connected.result()  # raises TimeoutError if a shard did not connect in time

    async def stop(self) -> None:
        self.stopping.set()
        await asyncio.wait_for(self.task, STEP)


@pytest.fixture(autouse=True)
def restore_endpoints() -> Iterator[None]:
    """The bot points discord.py (process-wide) at the server; put Discord's addresses back."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@pytest.fixture
async def server() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
    assert fake.violations == [], "\n".join(fake.violations)


StartBot = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
async def start_bot(server: FakeDiscord, kb: KnowledgeBase) -> AsyncIterator[StartBot]:
    """start_bot(shards, within, sync, **ENV): run the bot (`rapporteur run [--sync]`) with
    extra environment settings and wait until it is ready."""
    bots: list[RunningBot] = []

    async def start(
        shards: int = 1, within: float = STEP, sync: bool = False, **env: str
    ) -> RunningBot:
        running = RunningBot(server, settings_for(server, **env), kb, sync=sync)
        bots.append(running)
        await running.ready(shards, within)
        return running

    yield start
    for running in bots:
        if not running.task.done():
            await running.stop()


@pytest.fixture
async def bot(start_bot: StartBot) -> RunningBot:
    """The bot, connected to the server with one shard."""
    return await start_bot()


@pytest.fixture
def errors(caplog: pytest.LogCaptureFixture) -> Callable[[], list[logging.LogRecord]]:
    """The ERROR records logged so far."""
    caplog.set_level(logging.INFO)
    return lambda: [r for r in caplog.records if r.levelno >= logging.ERROR]
