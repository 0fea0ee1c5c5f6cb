"""The command tree, and how every failure to answer is logged and told.

- The interaction was already dead (10062 Unknown interaction: its 3 seconds had passed) or
  already answered (40060): one line, no traceback, and no apology, which would fail too.
- Discord refused or failed the request (403, 5xx...): one line, and an apology (which may
  get through where the answer did not).
- The bot is stopping, or Discord cannot be reached: one line.
- Anything else is a bug: logged with its traceback, and the user gets an ephemeral apology.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
import discord
from discord import app_commands

from bot.discord_app import notices

_log = logging.getLogger("rapporteur.commands")

UNKNOWN_INTERACTION = 10062
ALREADY_ACKNOWLEDGED = 40060
MISSING_PERMISSIONS = 50013

# What a send can raise besides an API error: the connection dropped, or the HTTP session
# was already closed because the bot is shutting down.
UNREACHABLE = (discord.HTTPException, aiohttp.ClientError, RuntimeError, TimeoutError)


class RapporteurTree(app_commands.CommandTree[Any]):
    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        return is_whole(interaction)

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /
    ) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        cause = error.original if isinstance(error, app_commands.CommandInvokeError) else error
        await failed(interaction, cause, f"command={command}")


def is_whole(interaction: discord.Interaction[Any]) -> bool:
    """Has the parts discord.py reads without checking (the data, who it is from); if not,
    one line and the interaction is left alone."""
    missing = "data" if not isinstance(interaction.data, dict) else None
    if not isinstance(interaction.user, discord.User | discord.Member):
        missing = "user"
    if missing:
        _log.warning("ignored a malformed INTERACTION_CREATE event (no %s)", missing)
    return missing is None


def describe(error: BaseException) -> str:
    code = getattr(error, "code", 0)
    status = getattr(error, "status", None)
    if status is not None:
        return f"HTTP {status}" + (f" (code {code})" if code else "")
    return type(error).__name__


def is_expired(error: BaseException) -> bool:
    """The interaction can no longer be answered: too late, or answered already."""
    return isinstance(error, discord.HTTPException) and error.code in (
        UNKNOWN_INTERACTION,
        ALREADY_ACKNOWLEDGED,
    )


async def failed(interaction: discord.Interaction[Any], error: BaseException, what: str) -> None:
    """Log a failed answer by its kind (see the module doc); apologise only for a bug."""
    if is_expired(error):
        _log.warning("%s: the interaction expired before the answer (%s)", what, describe(error))
    elif isinstance(error, discord.HTTPException):
        _log.warning("%s: Discord refused the answer: %s", what, describe(error))
        await apologise(interaction)
    elif isinstance(error, UNREACHABLE):
        _log.warning("%s: could not answer: %s", what, describe(error))
    else:
        _log.error("%s failed", what, exc_info=error)
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
