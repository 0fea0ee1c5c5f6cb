"""What the buttons and commands need from the bot, reached from any interaction.

Buttons are stateless (discord.ui.DynamicItem), so what they use lives on the bot:
`interaction.client` is the Rapporteur bot, described here without importing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, cast

import discord

from bot.discord_app.answers import Asker
from bot.discord_app.backlog import Backlog


class Host(Protocol):
    asker: Asker
    backlog: Backlog
    command_mentions: Mapping[str, str]  # "ask" -> "</ask:ID>", or "/ask" when unknown


def host_of(interaction: discord.Interaction[Any]) -> Host:
    return cast(Host, interaction.client)
