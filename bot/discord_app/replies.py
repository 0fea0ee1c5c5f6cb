"""Responding to an interaction: at once, or deferred first when the bot is behind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.discord_app.host import host_of
from bot.discord_app.tree import failed


@dataclass
class Reply:
    embed: discord.Embed
    view: discord.ui.View | None = None
    content: str | None = None


def age(interaction: discord.Interaction[Any]) -> float:
    """Seconds since Discord created the interaction (its id carries the time)."""
    return (discord.utils.utcnow() - interaction.created_at).total_seconds()


def stateless(view: discord.ui.View) -> discord.ui.View:
    """A view discord.py will not keep: its items are DynamicItems, found again by custom_id."""
    view.stop()  # a finished view is not stored in the client's view store
    return view


async def respond(
    interaction: discord.Interaction[Any],
    build: Callable[[], Reply],
    *,
    ephemeral: bool = False,
    update: bool = False,
    what: str = "answer",
) -> None:
    """Send `build()` as the response (`update`: edit the message the button is under).

    When the bot is behind, defer first (within Discord's 3 seconds) and edit afterwards.
    """
    backlog = host_of(interaction).backlog

    async def defer() -> None:
        await _defer(interaction, ephemeral=ephemeral, update=update)

    async with backlog.track():
        try:
            async with backlog.slot(age(interaction), defer):
                reply = build()
                await _send(interaction, reply, ephemeral=ephemeral, update=update)
        except Exception as error:
            if not backlog.stopping:
                await failed(interaction, error, what)


async def _defer(interaction: discord.Interaction[Any], *, ephemeral: bool, update: bool) -> None:
    if update:
        await interaction.response.defer()
    else:
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)


async def _send(
    interaction: discord.Interaction[Any], reply: Reply, *, ephemeral: bool, update: bool
) -> None:
    view = reply.view if reply.view is not None else discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.edit_original_response(
            content=reply.content, embed=reply.embed, view=view
        )
    elif update:
        await interaction.response.edit_message(content=reply.content, embed=reply.embed, view=view)
    else:
        await interaction.response.send_message(
            reply.content, embed=reply.embed, view=view, ephemeral=ephemeral
        )
