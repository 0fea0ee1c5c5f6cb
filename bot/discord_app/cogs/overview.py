"""/timeline, /demands, /who, /source and /help: the article's content, no question needed."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import (
    demands_card,
    help_card,
    nobody_card,
    paragraph_card,
    source_card,
    timeline_card,
    who_card,
)
from bot.core.render.card import Card
from bot.core.render.limits import cut
from bot.discord_app.answers import Asker
from bot.discord_app.embeds import to_embed

_log = logging.getLogger("rapporteur.commands")

MAX_CHOICES = 25
CHOICE_LENGTH = 100
MAX_NAME = 100


async def _show(interaction: discord.Interaction[Any], card: Card) -> None:
    _log.info("command=%s", interaction.command.name if interaction.command else "?")
    await interaction.response.send_message(embed=to_embed(card))


def _choices(options: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=cut(label, CHOICE_LENGTH), value=i) for i, label in options]


def demands_command(kb: KnowledgeBase) -> app_commands.Command[Any, ..., None]:
    """/demands, its `by` and `of` choices taken from the knowledge base (at most 25 each)."""

    @app_commands.describe(
        by=kb.option("demands-by", "Who makes the demand"),
        of=kb.option("demands-of", "Of whom it is demanded"),
    )
    async def demands(
        interaction: discord.Interaction[Any], by: str | None = None, of: str | None = None
    ) -> None:
        await _show(interaction, demands_card(kb, by, of))

    demanders = {d.by for d in kb.demands}
    speakers = [(s.id, s.name) for s in kb.speakers if s.id in demanders][:MAX_CHOICES]
    targets = list(kb.targets)[:MAX_CHOICES]
    choices = {name: _choices(o) for name, o in (("by", speakers), ("of", targets)) if o}
    if choices:
        demands = app_commands.choices(**choices)(demands)
    return app_commands.command(name="demands", description="Who demands what, of whom")(demands)


class Overview(commands.Cog):
    def __init__(self, bot: commands.Bot, asker: Asker) -> None:
        self.bot = bot
        self.asker = asker
        self.demands = demands_command(asker.kb)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.demands)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.demands.name)

    @app_commands.command(name="timeline", description="The article's events in order")
    async def timeline(self, interaction: discord.Interaction[Any]) -> None:
        await _show(interaction, timeline_card(self.asker.kb))

    @app_commands.command(name="who", description="A person or organisation in the article")
    @app_commands.describe(name="A person's or organisation's name (pick one from the list)")
    async def who(
        self, interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, MAX_NAME]
    ) -> None:
        found = self.asker.engine.find_people(name, 1)
        kb = self.asker.kb
        await _show(interaction, who_card(found[0], kb) if found else nobody_card(name, kb))

    @who.autocomplete("name")
    async def suggest_name(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        people = self.asker.engine.find_people(current[:MAX_NAME], MAX_CHOICES)
        return _choices([(cut(p.name, CHOICE_LENGTH), p.name) for p in people])

    @app_commands.command(name="source", description="The article, its author, or one paragraph")
    @app_commands.describe(paragraph="Show this paragraph of the article, word for word")
    async def source(
        self, interaction: discord.Interaction[Any], paragraph: int | None = None
    ) -> None:
        kb = self.asker.kb
        await _show(
            interaction, source_card(kb) if paragraph is None else paragraph_card(kb, paragraph)
        )

    @app_commands.command(name="help", description="What Rapporteur does, with examples")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await _show(interaction, help_card(self.asker.kb))
