"""Embed-shaped data that is always within Discord's embed limits."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.core.render import limits


@dataclass(frozen=True)
class Field:
    name: str
    value: str
    inline: bool = False


# What a card is, so each surface can mark it (Discord: the colour bar).
TONE_ANSWER = "answer"
TONE_DECLINE = "decline"
TONE_INFO = "info"


@dataclass(frozen=True)
class Card:
    title: str
    description: str
    fields: tuple[Field, ...] = ()
    footer: str = ""
    tone: str = TONE_INFO


_KEEP = 1500  # description characters kept before trailing fields are dropped


def total_length(card: Card) -> int:
    """The characters Discord counts towards an embed's 6,000 limit."""
    fields = sum(len(f.name) + len(f.value) for f in card.fields)
    return len(card.title) + len(card.description) + fields + len(card.footer)


def _field(field: Field) -> Field:
    # Discord rejects empty field names and values.
    name = limits.cut(field.name.strip() or "-", limits.FIELD_NAME)
    value = limits.cut(field.value.strip() or "-", limits.FIELD_VALUE)
    return Field(name, value, field.inline)


def fit(card: Card) -> Card:
    """`card` cut to every embed limit: each part first, then the total (description first)."""
    fitted = Card(
        title=limits.cut(card.title, limits.TITLE),
        description=limits.cut(card.description, limits.DESCRIPTION),
        fields=tuple(_field(f) for f in card.fields[: limits.FIELDS]),
        footer=limits.cut(card.footer, limits.FOOTER),
        tone=card.tone,
    )
    # Over the total: shorten the description (keeping its start), then drop trailing fields.
    excess = total_length(fitted) - limits.EMBED_TOTAL
    if excess > 0:
        keep = max(len(fitted.description) - excess, min(len(fitted.description), _KEEP))
        fitted = replace(fitted, description=limits.cut(fitted.description, keep))
    while fitted.fields and total_length(fitted) > limits.EMBED_TOTAL:
        fitted = replace(fitted, fields=fitted.fields[:-1])
    excess = total_length(fitted) - limits.EMBED_TOTAL
    if excess > 0:
        room = len(fitted.description) - excess
        fitted = replace(fitted, description=limits.cut(fitted.description, room))
    return fitted


def within_limits(card: Card) -> bool:
    return (
        len(card.title) <= limits.TITLE
        and len(card.description) <= limits.DESCRIPTION
        and len(card.fields) <= limits.FIELDS
        and all(
            0 < len(f.name) <= limits.FIELD_NAME and 0 < len(f.value) <= limits.FIELD_VALUE
            for f in card.fields
        )
        and len(card.footer) <= limits.FOOTER
        and total_length(card) <= limits.EMBED_TOTAL
    )
