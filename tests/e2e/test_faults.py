"""Faults Discord really produces: dropped sockets, RECONNECT, INVALID_SESSION, 429, 500."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import discord.webhook.async_
import pytest

from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app import backlog
from tests.e2e.conftest import RunningBot, settings_for
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.gateway import IDENTIFY, RESUME
from tests.e2e.helpers import QUESTION, answered, block_quotes, embed

CALLBACK = r"^/interactions/\d+/[^/]+/callback$"
EDIT_ORIGINAL = r"^/webhooks/\d+/[^/]+/messages/@original$"
Errors = Callable[[], list[logging.LogRecord]]


def frames(server: FakeDiscord, op: int) -> list[Any]:
    return [f.d for f in server.gateway.frames if f.op == op]


@pytest.mark.parametrize("code", [1001, 4000])
async def test_dropped_connection_is_resumed(
    server: FakeDiscord, bot: RunningBot, code: int
) -> None:
    session = server.gateway.by_shard[0]
    await server.drop_connection(code)
    # Dispatched while the bot is away: Discord replays it after RESUME.
    missed = await server.send_command("ask", {"question": QUESTION})
    await server.wait_for_event("resumed")
    assert block_quotes(embed(await missed.message())["description"])
    assert await answered(server)
    resume = frames(server, RESUME)
    assert [r["session_id"] for r in resume] == [session.id]
    assert len(frames(server, IDENTIFY)) == 1


async def test_reconnect_request_is_survived(server: FakeDiscord, bot: RunningBot) -> None:
    await server.send_reconnect()
    await server.wait_for_event("resumed")
    assert await answered(server)
    assert len(frames(server, IDENTIFY)) == 1


async def test_resumable_invalid_session_is_resumed(server: FakeDiscord, bot: RunningBot) -> None:
    await server.send_invalid_session(resumable=True)
    await server.wait_for_event("resumed")
    assert await answered(server)


async def test_invalid_session_leads_to_a_new_identify(
    server: FakeDiscord, bot: RunningBot
) -> None:
    first = server.gateway.by_shard[0].id
    await server.send_invalid_session(resumable=False)
    # discord.py waits 5 s before any IDENTIFY after the first (Discord's identify pacing).
    await server.wait_for_event("ready", after=1, within=10)
    assert server.gateway.by_shard[0].id != first
    assert len(frames(server, IDENTIFY)) == 2
    assert await answered(server)


async def test_rate_limited_callback_is_retried_after_retry_after(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    server.inject("POST", CALLBACK, 429, retry_after=0.3)
    exchange = await server.send_command("ask", {"question": QUESTION})
    assert block_quotes(embed(await exchange.message())["description"])
    limited, accepted = [r for r in exchange.requests if r.path.endswith("/callback")]
    assert (limited.status, accepted.status) == (429, 200)
    assert accepted.at - limited.at >= 0.3  # it waited as told, it did not hammer the route
    assert "rate limited" in caplog.text


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """discord.py's webhook client sleeps 1, 3, 5, 7, 9 s between 5xx retries: shorten them."""

    class Clock:
        def __getattr__(self, name: str) -> Any:
            return getattr(asyncio, name)

        @staticmethod
        async def sleep(delay: float, result: Any = None) -> Any:
            return await asyncio.sleep(min(delay, 0.01), result)

    monkeypatch.setattr(discord.webhook.async_, "asyncio", Clock())


async def test_server_errors_on_the_callback_are_logged_and_the_user_told(
    server: FakeDiscord,
    bot: RunningBot,
    fast_retries: None,
    errors: Errors,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.inject("POST", CALLBACK, 500, times=5)  # every retry discord.py makes fails
    exchange = await server.send_command("ask", {"question": QUESTION})
    apology = await exchange.message()
    assert "something went wrong" in apology["content"].lower()
    assert apology["flags"] & 64
    assert "command=ask: Discord refused the answer: HTTP 500" in caplog.text
    assert errors() == [], "one warning line, no traceback"
    assert await answered(server)


async def test_server_error_on_a_deferred_answer_is_logged_and_survived(
    server: FakeDiscord,
    bot: RunningBot,
    fast_retries: None,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(backlog, "DEFER_AFTER", -1.0)  # every answer deferred, then edited in
    caplog.set_level(logging.INFO)
    server.inject("PATCH", EDIT_ORIGINAL, 500, times=5)
    exchange = await server.send_command("ask", {"question": QUESTION})
    # discord.py tries 5 times, all fail; the bot logs one line and apologises.
    await exchange.requests.wait_count(lambda r: r.method == "PATCH" and r.status == 500, 5)
    apology = await exchange.requests.wait_for(
        lambda r: "/webhooks/" in r.path and r.method == "POST"
    )
    assert "something went wrong" in apology.json["content"].lower()
    assert "Discord refused the answer: HTTP 500" in caplog.text
    assert "Traceback" not in caplog.text
    later = await server.send_command("ask", {"question": QUESTION})
    assert block_quotes(embed(await later.message())["description"])


async def test_wrong_token_stops_the_bot_with_a_login_error(
    server: FakeDiscord, kb: KnowledgeBase
) -> None:

    running = RunningBot(server, settings_for(server, DISCORD_TOKEN="not-the-token"), kb)
    with pytest.raises(discord.LoginFailure):
        await running.ready()
    assert len(server.gateway.frames) == 0  # it never reached the gateway
