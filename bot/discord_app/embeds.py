"""Card (pure, from render.py) -> discord.Embed, cut to Discord's limits on the way.

The colour bar tells what a card is at a glance: blue for an answer, amber for a decline
(the article doesn't say), grey for reference cards (timeline, demands, help...).
"""

from __future__ import annotations

import discord

from bot.core.render.card import TONE_ANSWER, TONE_DECLINE, Card, fit

COLOUR = discord.Colour(0x2B6CB0)  # answers
DECLINE_COLOUR = discord.Colour(0xD69E2E)
INFO_COLOUR = discord.Colour(0x718096)
_COLOURS = {TONE_ANSWER: COLOUR, TONE_DECLINE: DECLINE_COLOUR}


def colour_of(card: Card) -> discord.Colour:
    return _COLOURS.get(card.tone, INFO_COLOUR)


def to_embed(card: Card) -> discord.Embed:
    card = fit(card)
    embed = discord.Embed(
        title=card.title or None, description=card.description or None, colour=colour_of(card)
    )
    for field in card.fields:
        embed.add_field(name=field.name, value=field.value, inline=field.inline)
    if card.footer:
        embed.set_footer(text=card.footer)
    return embed
