"""The command tree as Discord will see it: names, descriptions, options, contexts."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.config import Settings
from bot.discord_app.client import Rapporteur, command_mentions, create_bot
from bot.discord_app.cogs.overview import people_choices

COMMANDS = {"ask", "demands", "help", "source", "timeline", "who"}
GUILD, BOT_DM, PRIVATE_CHANNEL = 0, 1, 2
GUILD_INSTALL, USER_INSTALL = 0, 1


@pytest.fixture
async def bot(kb) -> AsyncIterator[Rapporteur]:
    async with create_bot(Settings(), kb) as made:
        await made.setup_hook()  # adds the cogs, as login() does
        yield made


def payload(bot: commands.Bot, name: str) -> dict[str, Any]:
    command = bot.tree.get_command(name)
    assert command is not None
    return command.to_dict(bot.tree)


def options(bot: commands.Bot, name: str) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in payload(bot, name).get("options", [])}


async def test_exactly_the_documented_commands(bot):
    assert {c.name for c in bot.tree.get_commands()} == COMMANDS


async def test_every_command_has_a_description_within_limits(bot):
    for command in bot.tree.get_commands():
        data = command.to_dict(bot.tree)
        assert 1 <= len(data["description"]) <= 100
        for option in data.get("options", []):
            assert 1 <= len(option["description"]) <= 100
            assert len(option.get("choices", [])) <= 25


async def test_commands_work_everywhere_and_install_anywhere(bot):
    for name in COMMANDS:
        data = payload(bot, name)
        assert sorted(data["contexts"]) == [GUILD, BOT_DM, PRIVATE_CHANNEL]
        assert sorted(data["integration_types"]) == [GUILD_INSTALL, USER_INSTALL]


async def test_ask_options(bot):
    opts = options(bot, "ask")
    question, private = opts["question"], opts["private"]
    assert question["required"] is True
    assert question["type"] == discord.AppCommandOptionType.string.value
    assert (question["min_length"], question["max_length"]) == (1, 300)
    assert question["autocomplete"] is True
    assert private["type"] == discord.AppCommandOptionType.boolean.value
    assert private["required"] is False


async def test_demands_filters_are_choices_from_the_knowledge(bot, kb):
    opts = options(bot, "demands")
    assert not opts["by"]["required"]
    assert not opts["of"]["required"]
    by = {c["value"] for c in opts["by"]["choices"]}
    assert by == {d.by for d in kb.demands}
    assert {"un-experts", "kaye-2019"} <= by
    assert [c["value"] for c in opts["of"]["choices"]] == [t for t, _ in kb.targets]
    for choice in opts["by"]["choices"] + opts["of"]["choices"]:
        assert 1 <= len(choice["name"]) <= 100


async def test_who_autocompletes_a_required_name(bot):
    name = options(bot, "who")["name"]
    assert name["required"] is True
    assert name["autocomplete"] is True


async def test_source_paragraph_is_an_optional_integer(bot):
    paragraph = options(bot, "source")["paragraph"]
    assert paragraph["type"] == discord.AppCommandOptionType.integer.value
    assert paragraph["required"] is False


async def test_no_options_on_timeline_and_help(bot):
    assert options(bot, "timeline") == {}
    assert options(bot, "help") == {}


async def test_the_client_can_ping_nobody_and_needs_no_privileged_intent(bot):
    mentions = bot.allowed_mentions
    assert mentions is not None
    assert mentions.to_dict() == {"parse": []}  # no users, roles, @everyone or @here
    assert mentions.replied_user is False
    assert not bot.intents.message_content
    assert not bot.intents.members
    assert not bot.intents.presences
    assert bot.intents.guild_messages
    assert bot.intents.dm_messages


async def test_a_shard_count_makes_an_auto_sharded_bot(kb):
    async with create_bot(Settings(shard_count=2), kb) as sharded:
        assert isinstance(sharded, commands.AutoShardedBot)
        assert sharded.shard_count == 2
        await sharded.setup_hook()
        assert {c.name for c in sharded.tree.get_commands()} == COMMANDS


async def test_without_a_shard_count_one_connection(bot):
    assert not isinstance(bot, commands.AutoShardedBot)


async def test_autocomplete_of_ask_returns_at_most_25_short_choices(bot):
    cog = bot.get_cog("Ask")
    for typed in ["", "who", "pegasus moratorium", "x" * 300]:
        choices = await cog.suggest(None, typed)
        assert len(choices) <= 25
        for choice in choices:
            assert 1 <= len(choice.name) <= 100
            assert 1 <= len(choice.value) <= 100


async def test_autocomplete_of_who_finds_people(bot, kb):
    person = kb.people[-1]
    surname = person.name.split()[-1]
    choices = people_choices(bot.asker, surname.lower())
    assert choices
    assert len(choices) <= 25
    assert surname in choices[0].name


async def test_a_shard_range_runs_only_those_shards(kb):
    settings = Settings.from_env({"SHARD_COUNT": "4", "SHARD_IDS": "1-2"})
    async with create_bot(settings, kb) as sharded:
        assert isinstance(sharded, commands.AutoShardedBot)
        assert (sharded.shard_count, sharded.shard_ids) == (4, [1, 2])


@pytest.mark.parametrize(
    ("section", "command"), [("timeline", "timeline"), ("demands", "demands"), ("people", "who")]
)
async def test_a_section_the_knowledge_base_lacks_has_no_command(kb, section, command):
    async with create_bot(Settings(), dataclasses.replace(kb, **{section: ()})) as made:
        await made.setup_hook()
        assert {c.name for c in made.tree.get_commands()} == COMMANDS - {command}


async def test_help_shows_registered_commands_as_clickable_mentions(bot):
    registered = [
        app_commands.AppCommand(
            data={"id": "42", "application_id": "7", "name": "ask", "description": "d", "type": 1},
            state=bot._connection,
        )
    ]
    mentions = command_mentions(bot.tree, registered)
    assert mentions["ask"] == "</ask:42>"
    assert mentions["help"] == "/help"  # not registered (yet): plain text
    assert set(mentions) == COMMANDS


def test_no_adapter_file_names_anything_of_one_article(kb):
    # The adapter works for any knowledge base: texts come from it, not from the code.
    names = {n for p in kb.people for n in (p.name, *p.aliases) if len(n) > 3} | {"Pegasus"}
    named = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.I)
    adapter = Path(__file__).parents[2] / "bot" / "discord_app"
    for path in adapter.rglob("*.py"):
        assert not named.search(path.read_text(encoding="utf-8")), path
