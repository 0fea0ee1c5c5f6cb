"""SHARD_COUNT=2: two gateway sessions, each serving the guilds Discord routes to it."""

from __future__ import annotations

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
