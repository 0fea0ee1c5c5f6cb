"""Everything users see, shared by the console and Discord: answer cards and JSON (answers),
reference cards (reference), embed-shaped cards and their limits (card, limits), wording."""

from bot.core.render.answers import (
    BUTTON_LABEL,
    NEAR_SCORE,
    answer_card,
    answer_json,
    card_to_text,
    percent,
    suggestion_label,
    why_card,
)
from bot.core.render.card import Card, Field, within_limits
from bot.core.render.limits import cut, escape, split_message
from bot.core.render.reference import (
    demands_card,
    demands_pages,
    help_card,
    nobody_card,
    paragraph_card,
    source_card,
    speaker_name,
    timeline_card,
    timeline_pages,
    who_card,
)

__all__ = [
    "BUTTON_LABEL",
    "NEAR_SCORE",
    "Card",
    "Field",
    "answer_card",
    "answer_json",
    "card_to_text",
    "cut",
    "demands_card",
    "demands_pages",
    "escape",
    "help_card",
    "nobody_card",
    "paragraph_card",
    "percent",
    "source_card",
    "speaker_name",
    "split_message",
    "suggestion_label",
    "timeline_card",
    "timeline_pages",
    "who_card",
    "why_card",
    "within_limits",
]
