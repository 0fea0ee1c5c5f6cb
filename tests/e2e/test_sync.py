"""`rapporteur sync`: exactly the documented commands are registered, as Discord expects them."""

from __future__ import annotations

from pathlib import Path

from tests.e2e import process
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.limits import command_problems
from tests.e2e.helpers import Json, block_quotes, embed

STRING, INTEGER, BOOLEAN = 3, 4, 5
GUILD, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2
GUILD_INSTALL, USER_INSTALL = 0, 1
# name -> [(option, type, required, autocomplete, has choices)], as docs/discord.md lists them
DOCUMENTED = {
    "ask": [("question", STRING, True, True, False), ("private", BOOLEAN, False, False, False)],
    "timeline": [],
    "demands": [("by", STRING, False, False, True), ("of", STRING, False, False, True)],
    "who": [("name", STRING, True, True, False)],
    "source": [("paragraph", INTEGER, False, False, False)],
    "help": [],
}


def shape(command: Json) -> list[tuple[str, int, bool, bool, bool]]:
    return [
        (
            o["name"],
            o["type"],
            bool(o.get("required")),
            bool(o.get("autocomplete")),
            bool(o.get("choices")),
        )
        for o in command.get("options", [])
    ]


def assert_documented(commands: list[Json]) -> None:
    assert sorted(c["name"] for c in commands) == sorted(DOCUMENTED)
    for command in commands:
        assert command["type"] == 1
        assert command_problems(command) == []
        assert shape(command) == DOCUMENTED[command["name"]], command["name"]
        assert sorted(command["contexts"]) == [GUILD, BOT_DM, PRIVATE_CHANNEL]
        assert sorted(command["integration_types"]) == [GUILD_INSTALL, USER_INSTALL]
    ask = next(c for c in commands if c["name"] == "ask")
    question = ask["options"][0]
    assert (question["min_length"], question["max_length"]) == (1, 300)


async def test_sync_registers_the_documented_commands_globally(
    server: FakeDiscord, tmp_path: Path
) -> None:
    code, out, err = await process.finish(await process.start(server, "sync", cwd=tmp_path))
    assert code == 0, err
    assert "registered 6 commands globally" in out
    assert_documented(server.commands[None])
    assert [r.method for r in server.requests if "/commands" in r.path] == ["PUT"]
    assert len(server.gateway.frames) == 0  # REST only: sync never opens the gateway


async def test_sync_in_one_guild_then_run_answers_there(
    server: FakeDiscord, start_bot: StartBot, tmp_path: Path
) -> None:
    guild_id = server.guilds[0]["id"]
    started = await process.start(server, "sync", "--guild", guild_id, cwd=tmp_path)
    code, out, err = await process.finish(started)
    assert code == 0, err
    assert f"in server {guild_id}" in out
    assert_documented(server.commands[guild_id])
    assert None not in server.commands
    # The bot restarted later (without --sync) answers the guild command (data.guild_id set).
    await start_bot()
    exchange = await server.send_command("ask", {"question": "Who exposed Pegasus?"})
    assert exchange.payload["data"]["guild_id"] == guild_id
    assert block_quotes(embed(await exchange.message())["description"])


async def test_run_with_sync_registers_in_the_dev_guild_then_serves(
    server: FakeDiscord, start_bot: StartBot
) -> None:
    guild_id = server.guilds[1]["id"]
    await start_bot(sync=True, DEV_GUILD_ID=guild_id)
    assert_documented(server.commands[guild_id])
    exchange = await server.send_command("ask", {"question": "Who exposed Pegasus?"}, guild=1)
    assert exchange.payload["data"]["guild_id"] == guild_id
    assert block_quotes(embed(await exchange.message())["description"])
