"""Staying up: malformed events, dead tokens, zombies, refusals, being behind, restarts."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import pytest

from bot.discord_app import backlog
from tests.e2e.conftest import RunningBot, StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.gateway import IDENTIFY, RESUME
from tests.e2e.helpers import QUESTION, all_text, answered, block_quotes, embed, labels

CALLBACK = r"^/interactions/\d+/[^/]+/callback$"
CHANNEL_MESSAGES = r"^/channels/\d+/messages$"
Errors = Callable[[], list[logging.LogRecord]]


async def logged(caplog: pytest.LogCaptureFixture, text: str, within: float = 5.0) -> None:
    """Wait until `text` was logged (the bot logs just after the request it is about)."""
    async with asyncio.timeout(within):
        while text not in caplog.text:  # noqa: ASYNC110 (logging has no event to wait on)
            await asyncio.sleep(0.01)


def lines(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == name]


@pytest.mark.parametrize("missing", ["version", "attachment_size_limit", "data", "token"])
async def test_a_malformed_interaction_is_one_line_and_the_bot_goes_on(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture, missing: str
) -> None:
    caplog.set_level(logging.INFO)
    payload = server.command_payload("ask", {"question": "my secret question"})
    del payload[missing]
    await server.gateway.by_shard[0].dispatch("INTERACTION_CREATE", payload)
    assert await answered(server)  # the same connection, still serving
    warned = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warned) == 1, [r.getMessage() for r in warned]
    why = "no data" if missing == "data" else "KeyError"
    assert warned[0].getMessage() == f"ignored a malformed INTERACTION_CREATE event ({why})"
    assert not warned[0].exc_info
    assert "secret" not in caplog.text
    assert len([f for f in server.gateway.frames if f.op == IDENTIFY]) == 1


async def test_an_unknown_event_is_ignored(server: FakeDiscord, bot: RunningBot) -> None:
    await server.gateway.by_shard[0].dispatch("SOMETHING_NEW", {"x": 1})
    assert await answered(server)


async def test_a_crash_outside_the_parsers_restarts_the_connection(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await server.gateway.by_shard[0].dispatch("READY", {})  # discord.py reads its session_id
    await server.wait_for_event("ready", after=1, within=10)
    assert await answered(server)
    assert "the connection failed (KeyError); starting again in" in caplog.text
    assert not bot.task.done()


async def test_an_expired_interaction_is_one_line_without_an_apology(
    server: FakeDiscord, bot: RunningBot, errors: Errors, caplog: pytest.LogCaptureFixture
) -> None:
    for code in (10062, 40060):
        status = 404 if code == 10062 else 400
        server.inject("POST", CALLBACK, status, code=code)
        exchange = await server.send_command("ask", {"question": QUESTION})
        await exchange.requests.wait_for(lambda r: r.status >= 400)
        assert await answered(server)  # the next one, after
        await logged(caplog, f"expired before the answer (HTTP {status} (code {code}))")
        assert len(exchange.requests) == 1, "no apology after a dead interaction"
    assert errors() == []
    assert "Traceback" not in caplog.text


async def test_a_zombie_connection_is_noticed_and_resumed(
    server: FakeDiscord, start_bot: StartBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    server.gateway.heartbeat_interval_ms = 400
    await start_bot()
    server.gateway.ack_heartbeats = False
    await server.wait_for_event("resumed", within=5)
    server.gateway.ack_heartbeats = True
    assert "heartbeat not acknowledged; reconnecting" in caplog.text
    assert [f.op for f in server.gateway.frames].count(RESUME) >= 1
    assert await answered(server)


async def test_when_behind_the_answer_is_deferred_then_delivered(
    server: FakeDiscord, bot: RunningBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backlog, "DEFER_AFTER", -1.0)  # as if every answer would be late
    exchange = await server.send_command("ask", {"question": QUESTION})
    assert (await exchange.callback())["type"] == 5  # "thinking", within the deadline
    message = await exchange.message()
    assert block_quotes(embed(message)["description"])
    assert "Read the paragraph" in labels(message)
    paragraph = await (await server.click(message, label="Read the paragraph")).message()
    assert (await server.click(message, label="Why this answer?")).payload
    assert paragraph["flags"] & 64


async def test_a_reply_without_permission_is_one_line(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture, errors: Errors
) -> None:
    caplog.set_level(logging.INFO)
    server.inject("POST", CHANNEL_MESSAGES, 403, code=50013)
    exchange = await server.send_message(QUESTION, mention=True)
    await exchange.requests.wait_for(lambda r: r.status == 403)
    await logged(caplog, "could not reply")
    warned = lines(caplog, "rapporteur.mentions")
    assert [r.getMessage() for r in warned] == [
        "could not reply to a message: HTTP 403 (code 50013): missing permissions in that channel"
    ]
    assert errors() == []
    answer = await (await server.send_message(QUESTION, mention=True)).message()
    assert block_quotes(embed(answer)["description"])


async def test_buttons_work_after_a_restart(server: FakeDiscord, start_bot: StartBot) -> None:
    first = await start_bot()
    answer = await (await server.send_command("ask", {"question": QUESTION})).message()
    decline = await (
        await server.send_command("ask", {"question": "What is the capital of Peru?"})
    ).message()
    await first.stop()
    await start_bot()  # a new process would be no different: nothing was kept
    for label in labels(answer):
        shown = await (await server.click(answer, label=label)).message()
        assert "belong to the person who asked" not in all_text(shown)
    suggestion = await (await server.click(decline, label=labels(decline)[0])).message()
    assert block_quotes(embed(suggestion)["description"])


async def test_burst_with_a_stop_in_the_middle_finishes_what_it_took(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    exchanges = [await server.send_command("ask", {"question": QUESTION}) for _ in range(60)]
    await asyncio.sleep(0)
    await bot.stop()
    done = [e for e in exchanges if e.answered.done()]
    summary = [r.getMessage() for r in caplog.records if r.getMessage().startswith("stopped:")]
    assert len(summary) == 1
    assert "0 unfinished" in summary[0]
    refused = int(summary[0].split(", ")[-1].split()[0])
    assert len(done) + refused == len(exchanges)
    assert "Traceback" not in caplog.text
