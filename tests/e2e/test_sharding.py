"""SHARD_COUNT=2: two gateway sessions, each serving the guilds Discord routes to it; and
SHARD_IDS: two processes, one shard each, and a button that works wherever its guild is now."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from tests.e2e import process
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.gateway import IDENTIFY
from tests.e2e.fake_discord.payloads import shard_of
from tests.e2e.helpers import block_quotes, embed

QUESTION = "Who exposed Pegasus?"


async def test_two_shards_answer_interactions_from_guilds_on_both(
    server: FakeDiscord, start_bot: StartBot
) -> None:
    # discord.py waits 5 s before each IDENTIFY after the first (Discord's identify pacing).
    await start_bot(shards=2, within=10, SHARD_COUNT="2")
    identify = [f.d["shard"] for f in server.gateway.frames if f.op == IDENTIFY]
    assert sorted(identify) == [[0, 2], [1, 2]]
    assert {s.id for s in server.gateway.by_shard.values()} == set(server.gateway.sessions)
    assert [shard_of(g["id"], 2) for g in server.guilds] == [0, 1]

    for guild in (0, 1):
        session = server.gateway.by_shard[guild]
        before = session.seq
        exchange = await server.send_command("ask", {"question": QUESTION}, guild=guild)
        assert session.seq == before + 1  # dispatched on the shard that owns the guild
        assert block_quotes(embed(await exchange.message())["description"])
    dm = await server.send_command("ask", {"question": QUESTION}, guild=None)  # DMs: shard 0
    assert block_quotes(embed(await dm.message())["description"])

    # One shard's connection drops; it resumes while the other keeps serving.
    await server.drop_connection(4000, shard=1)
    await server.wait_for_event("resumed", shard=1)
    exchange = await server.send_command("ask", {"question": QUESTION}, guild=1)
    assert block_quotes(embed(await exchange.message())["description"])


async def started(server: FakeDiscord, cwd: Path, log: Path, shard: int | None, **env: str):
    """`rapporteur run` as its own process (its log in a file), ready on `shard`."""
    after = len(server.events.items)
    bot = await process.start(server, "run", cwd=cwd, log=log.open("wb"), **env)
    await server.wait_for_event("ready", shard or 0, after=after, within=process.STEP)
    return bot


async def stopped(bot: asyncio.subprocess.Process) -> int:
    if bot.returncode is None:
        bot.send_signal(signal.SIGTERM)
    code, _, _ = await process.finish(bot)
    return code


def answered_in(log: Path) -> int:
    return log.read_text().count("rapporteur.answers: command=")


async def test_two_processes_each_serve_their_own_shard_and_buttons_follow_the_guild(
    server: FakeDiscord, tmp_path: Path
) -> None:
    logs = [tmp_path / "shard0.log", tmp_path / "shard1.log"]
    bots = await asyncio.gather(
        *(started(server, tmp_path, logs[i], i, SHARD_COUNT="2", SHARD_IDS=str(i)) for i in (0, 1))
    )
    try:
        identify = [f.d["shard"] for f in server.gateway.frames if f.op == IDENTIFY]
        assert sorted(identify) == [[0, 2], [1, 2]]  # one shard each, no 5 s identify pacing
        messages = []
        for guild in (0, 1):
            before = [answered_in(log) for log in logs]
            exchange = await server.send_command("ask", {"question": QUESTION}, guild=guild)
            messages.append(await exchange.message())
            after = [answered_in(log) for log in logs]
            assert [a - b for a, b in zip(after, before, strict=True)] == [
                int(guild == 0),
                int(guild == 1),
            ]  # answered by the process that runs the guild's shard, and only by it
    finally:
        codes = [await stopped(bot) for bot in bots]
    assert codes == [0, 0]
    # A new layout: one process, one connection for every guild. The old buttons work there.
    solo_log = tmp_path / "solo.log"
    solo = await started(server, tmp_path, solo_log, None)
    try:
        for message in messages:
            shown = await (await server.click(message, label="Read the paragraph")).message()
            assert shown["flags"] & 64
            assert "belong to the person who asked" not in shown["embeds"][0]["description"]
    finally:
        assert await stopped(solo) == 0
    for log in [*logs, solo_log]:
        assert "Traceback" not in log.read_text()
