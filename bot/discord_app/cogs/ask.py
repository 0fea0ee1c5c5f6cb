"""/ask: a question about the article, answered with the exact quote (or declined)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.knowledge.model import Entry
from bot.core.render.limits import cut
from bot.discord_app import notices
from bot.discord_app.answers import Asker
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.views import send_answer

MAX_QUESTION = 300
MAX_CHOICES = 25  # Discord's limits for autocomplete: 25 choices of up to 100 characters
CHOICE_LENGTH = 100


def question_choices(entries: list[Entry]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices for these entries' questions, within Discord's limits."""
    return [
        app_commands.Choice(
            name=cut(e.question, CHOICE_LENGTH), value=cut(e.question, CHOICE_LENGTH)
        )
        for e in entries[:MAX_CHOICES]
    ]


class Ask(commands.Cog):
    def __init__(self, asker: Asker, cooldown: Cooldown) -> None:
        self.asker = asker
        self.cooldown = cooldown

    @app_commands.command(name="ask", description="Ask about the article; get the exact quote")
    @app_commands.describe(
        question="Your question about the article, in your own words (suggestions as you type)",
        private="Show the answer only to you (default: everyone in the channel sees it)",
    )
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION],
        private: bool = False,
    ) -> None:
        wait = self.cooldown.hit(interaction.user.id)
        if wait > 0:
            notice = notices.cooldown(wait, self.cooldown.rate, self.cooldown.per)
            await interaction.response.send_message(notice, ephemeral=True)
            return
        await send_answer(interaction, question, "ask", private)

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return question_choices(self.asker.engine.complete(current[:MAX_QUESTION], MAX_CHOICES))
