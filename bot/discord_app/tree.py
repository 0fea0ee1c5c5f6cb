"""The command tree: every command error is logged with its traceback, and the user is told."""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.discord_app import notices

_log = logging.getLogger("rapporteur.commands")


class RapporteurTree(app_commands.CommandTree[Any]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        _log.error("command=%s failed", command, exc_info=error)
        await apologise(interaction)


async def apologise(interaction: discord.Interaction[Any]) -> None:
    """An ephemeral "something went wrong", whether or not the interaction was answered."""
    if interaction.type is discord.InteractionType.autocomplete:
        return  # an autocomplete response cannot carry a message
    try:
        if interaction.response.is_done():
            await interaction.followup.send(notices.SOMETHING_WENT_WRONG, ephemeral=True)
        else:
            await interaction.response.send_message(notices.SOMETHING_WENT_WRONG, ephemeral=True)
    except UNREACHABLE as error:
        _log.warning("could not tell the user about the error: %s", describe(error))


# What a send can raise besides an API error: the connection dropped, or the HTTP session
# was already closed because the bot is shutting down.
UNREACHABLE = (discord.HTTPException, aiohttp.ClientError, RuntimeError)


def describe(error: BaseException) -> str:
    status = getattr(error, "status", None)
    return f"HTTP {status}" if status is not None else type(error).__name__
