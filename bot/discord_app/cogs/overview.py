"""/timeline, /demands, /who, /source and /help: the article's content, no question needed.

/timeline, /demands and /who exist only when the knowledge base has events, demands and
people; their option texts come from the knowledge base, not from any one article.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.knowledge.model import KnowledgeBase
from bot.core.render.card import Card
from bot.core.render.limits import cut
from bot.core.render.reference import (
    demands_pages,
    help_card,
    nobody_card,
    paragraph_card,
    source_card,
    who_card,
)
from bot.discord_app.answers import Asker
from bot.discord_app.embeds import to_embed
from bot.discord_app.host import host_of
from bot.discord_app.pages import DEMANDS, TIMELINE, filter_id, page_reply
from bot.discord_app.replies import Reply, respond

_log = logging.getLogger("rapporteur.commands")

MAX_CHOICES = 25
CHOICE_LENGTH = 100
DESCRIPTION = 100  # Discord's limit for a command or option description
MAX_NAME = 100

AnyCommand = app_commands.Command[Any, ..., None]


async def _show(interaction: discord.Interaction[Any], card: Card) -> None:
    _log.info("command=%s", interaction.command.name if interaction.command else "?")
    await respond(interaction, lambda: Reply(to_embed(card)), what="command")


async def _show_pages(
    interaction: discord.Interaction[Any], kb: KnowledgeBase, kind: str, by: str, of: str
) -> None:
    _log.info("command=%s", interaction.command.name if interaction.command else "?")
    user = interaction.user.id
    await respond(interaction, lambda: page_reply(kb, kind, 0, user, by, of), what="command")


def _choices(options: list[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=cut(label, CHOICE_LENGTH), value=i) for i, label in options]


def _listing(lead: str, names: list[str]) -> str:
    return cut(f"{lead}: {', '.join(names)}", DESCRIPTION)


def timeline_command(kb: KnowledgeBase) -> AnyCommand:
    async def timeline(interaction: discord.Interaction[Any]) -> None:
        await _show_pages(interaction, kb, TIMELINE, "", "")

    return app_commands.command(name="timeline", description="The article's events in order")(
        timeline
    )


def demands_command(kb: KnowledgeBase) -> AnyCommand:
    """/demands, its `by` and `of` choices taken from the knowledge base (at most 25 each)."""
    demanders = {d.by for d in kb.demands}
    speakers = [(s.id, s.name) for s in kb.speakers if s.id in demanders]
    targets = list(kb.targets)

    @app_commands.describe(
        by=kb.option("demands-by", _listing("Who makes the demand", [n for _, n in speakers])),
        of=kb.option("demands-of", _listing("Of whom it is demanded", [t for _, t in targets])),
    )
    async def demands(
        interaction: discord.Interaction[Any], by: str | None = None, of: str | None = None
    ) -> None:
        by_id, of_id = filter_id(by, speakers), filter_id(of, targets)
        if by_id is None or of_id is None:  # free text naming several: one page, as named
            await _show(interaction, demands_pages(kb, by, of)[0])
            return
        await _show_pages(interaction, kb, DEMANDS, by_id, of_id)

    options = (("by", speakers[:MAX_CHOICES]), ("of", targets[:MAX_CHOICES]))
    choices = {name: _choices(o) for name, o in options if o}
    if choices:
        demands = app_commands.choices(**choices)(demands)
    return app_commands.command(name="demands", description="Who demands what, of whom")(demands)


def who_command(asker: Asker) -> AnyCommand:
    kb = asker.kb

    @app_commands.describe(name=cut(f"A name, for example {kb.people[0].name}", DESCRIPTION))
    async def who(
        interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, MAX_NAME]
    ) -> None:
        found = asker.engine.find_people(name, 1)
        await _show(interaction, who_card(found[0], kb) if found else nobody_card(name, kb))

    command: AnyCommand = app_commands.command(
        name="who", description="A person or organisation in the article"
    )(who)

    @command.autocomplete("name")
    async def suggest_name(
        interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return people_choices(asker, current)

    return command


def people_choices(asker: Asker, typed: str) -> list[app_commands.Choice[str]]:
    people = asker.engine.find_people(typed[:MAX_NAME], MAX_CHOICES)
    return _choices([(cut(p.name, CHOICE_LENGTH), p.name) for p in people])


def optional_commands(asker: Asker) -> list[AnyCommand]:
    """The commands for the knowledge base's optional sections that it has."""
    kb = asker.kb
    made = []
    if kb.timeline:
        made.append(timeline_command(kb))
    if kb.demands:
        made.append(demands_command(kb))
    if kb.people:
        made.append(who_command(asker))
    return made


class Overview(commands.Cog):
    def __init__(self, bot: commands.Bot, asker: Asker) -> None:
        self.bot = bot
        self.asker = asker
        self.optional = optional_commands(asker)

    async def cog_load(self) -> None:
        for command in self.optional:
            self.bot.tree.add_command(command)

    async def cog_unload(self) -> None:
        for command in self.optional:
            self.bot.tree.remove_command(command.name)

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
        mentions = host_of(interaction).command_mentions
        await _show(interaction, help_card(self.asker.kb, commands=mentions))
