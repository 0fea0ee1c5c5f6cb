"""Card (pure, from render.py) -> discord.Embed, cut to Discord's limits on the way."""

from __future__ import annotations

import discord

from bot.core.render.card import Card, fit

COLOUR = discord.Colour(0x2B6CB0)


def to_embed(card: Card) -> discord.Embed:
    card = fit(card)
    embed = discord.Embed(
        title=card.title or None, description=card.description or None, colour=COLOUR
    )
    for field in card.fields:
        embed.add_field(name=field.name, value=field.value, inline=field.inline)
    if card.footer:
        embed.set_footer(text=card.footer)
    return embed
