"""`rapporteur run` as a real process: it answers, and SIGTERM closes the gateway cleanly."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.e2e import process
from tests.e2e.fake_discord import FakeDiscord, payloads
from tests.e2e.helpers import block_quotes, embed


async def test_run_answers_then_exits_cleanly_on_sigterm(
    server: FakeDiscord, tmp_path: Path
) -> None:
    bot = await process.start(server, "run", cwd=tmp_path)
    try:
        await server.wait_for_event("ready", within=process.STEP)
        exchange = await server.send_command("ask", {"question": "Who exposed Pegasus?"})
        assert block_quotes(embed(await exchange.message())["description"])
    finally:
        if bot.returncode is None:
            bot.send_signal(signal.SIGTERM)
    code, _, err = await process.finish(bot)
    assert code == 0, err
    # The bot closed the websocket with a close frame (an abrupt exit leaves no code). The code
    # is 4000, not 1000: discord.py's reader task answers the close first (see docs/testing.md).
    assert server.gateway.closes in ([(0, 1000)], [(0, 4000)])
    assert "Traceback" not in err
    assert server.token not in err


async def test_run_with_a_wrong_token_exits_with_a_clear_message(
    server: FakeDiscord, tmp_path: Path
) -> None:
    wrong = "wrong-token-0123456789"
    bot = await process.start(server, "run", cwd=tmp_path, DISCORD_TOKEN=wrong)
    code, out, err = await process.finish(bot)
    assert code == 2
    assert "rejected DISCORD_TOKEN" in err
    assert "Traceback" not in err
    assert wrong not in out + err
    assert len(server.gateway.frames) == 0


async def test_sigterm_in_the_middle_of_a_burst_finishes_what_it_took(
    server: FakeDiscord, tmp_path: Path
) -> None:
    log = tmp_path / "bot.log"
    bot = await process.start(server, "run", cwd=tmp_path, log=log.open("wb"))
    try:
        await server.wait_for_event("ready", within=process.STEP)
        built = [
            server.command_payload(
                "ask",
                {"question": "Who exposed Pegasus?"},
                user=payloads.user(payloads.snowflake(), f"user{i}"),
            )
            for i in range(300)
        ]
        exchanges = [await server.send_interaction(payload) for payload in built]
        await exchanges[20].answered  # it is answering: stop it now
    finally:
        bot.send_signal(signal.SIGTERM)
    code, _, _ = await process.finish(bot)
    err = log.read_text()
    assert code == 0, err
    assert "Traceback" not in err
    assert " ERROR " not in err
    summary = [line for line in err.splitlines() if "stopped:" in line]
    assert len(summary) == 1, err
    assert " 0 unfinished" in summary[0]
    # Every interaction it took was answered in full (at once, or deferred then edited).
    taken = [e for e in exchanges if e.answered.done()]
    assert len(taken) > 20
    assert all(e.delivered.done() for e in taken)


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (4004, "rejected DISCORD_TOKEN"),
        (4010, "refused the shard"),
        (4011, "requires sharding"),
        (4013, "refused the intents"),
    ],
)
async def test_a_fatal_close_code_stops_the_bot_with_a_clear_message(
    server: FakeDiscord, tmp_path: Path, code: int, said: str
) -> None:
    server.gateway.refuse_identify = code  # as Discord answers an IDENTIFY it will not take
    bot = await process.start(server, "run", cwd=tmp_path)
    exit_code, _, err = await process.finish(bot)
    assert exit_code == (2 if code == 4004 else 1), err
    assert said in err
    assert str(code) in err
    assert "Traceback" not in err
