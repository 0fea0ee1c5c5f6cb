"""All user-visible text about answers, shared by the console and Discord.

Cards are embed-shaped and always within Discord's limits (see `card.fit`); the console
prints them with `card_to_text`. User text is escaped; article text is shown verbatim.
"""

from __future__ import annotations

import re

from bot.core.answering import Answer, Candidate
from bot.core.card import TONE_ANSWER, TONE_DECLINE, Card, Field, fit, within_limits
from bot.core.limits import cut, escape, split_message
from bot.core.model import Entry, KnowledgeBase
from bot.core.reference import (
    attribution,
    block_quote,
    demands_card,
    demands_pages,
    echo,
    help_card,
    nobody_card,
    paragraph_card,
    source_card,
    timeline_card,
    timeline_pages,
    who_card,
)

__all__ = [
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
    "split_message",
    "suggestion_label",
    "timeline_card",
    "timeline_pages",
    "who_card",
    "why_card",
    "within_limits",
]

_NO_QUESTION = "There was no question to answer. Ask me something about the article."
_DECLINE = {
    "ambiguous": (
        "The article doesn't clearly cover that: your question fits more than one part of it "
        "equally well, so I won't guess."
    ),
}
_DECLINE_DEFAULT = "The article doesn't cover that, so I won't guess or make anything up."

_WHY = {
    "answered": "The best match was strong and clearly ahead of the others.",
    "empty": "None of the question's words match anything in the article, so I declined.",
    "weak": "The best match was too weak to trust, so I declined.",
    "ambiguous": "Two different answers matched almost equally well, so I declined.",
    "unknown-words": (
        "Your question has key words that the best match knows nothing about, so I declined."
    ),
    "question-kind": (
        "You asked when, where, how many or how long, and the best match says nothing of the "
        "kind, so I declined."
    ),
    "asked-about": (
        "The best match mentions what you asked about but doesn't give the detail you asked "
        "for, so I declined."
    ),
}


def percent(score: float) -> str:
    return f"{round(min(max(score, 0.0), 1.0) * 100)}%"


def answer_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """The answer (short answer, verbatim quote, who said it, where) or an honest decline."""
    asked = echo(answer.question)
    title = asked or "(empty question)"
    if answer.entry is None:
        said = _DECLINE.get(answer.reason, _DECLINE_DEFAULT) if asked else _NO_QUESTION
        return fit(Card(title, said, _try_asking(answer), tone=TONE_DECLINE))
    entry = answer.entry
    description = "\n\n".join(
        (
            f"**{escape(entry.answer)}**",
            block_quote(entry.quote),
            f"— {escape(kb.speaker(entry.speaker).name)}\n{attribution(kb, entry.paragraph)}",
        )
    )
    footer = f"Quoted verbatim from the article · confidence {percent(answer.confidence)}"
    return fit(Card(title, description, footer=footer, tone=TONE_ANSWER))


def _try_asking(answer: Answer) -> tuple[Field, ...]:
    if not answer.suggestions:
        return ()
    lines = "\n".join(f"• {escape(e.question)}" for e in answer.suggestions[:3])
    return (Field("Questions the article can answer", lines),)


def suggestion_label(answer: Answer, suggestion: Entry) -> str:
    """The text of a suggestion button under a decline."""
    return f"Did you mean: {suggestion.question}"


def why_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """What the question matched, how sure the engine was, and what came second."""
    description = (
        f"You asked: {echo(answer.question) or '(nothing)'}\n\n"
        f"{_WHY.get(answer.reason, answer.reason)}"
    )
    fields = (
        Field("Matched", _candidate(answer.matched)),
        Field("Confidence", percent(answer.confidence), inline=True),
        Field("Decision", "answered" if answer.answered else f"declined ({answer.reason})", True),
        Field("Runner-up", _candidate(answer.runner_up)),
    )
    return fit(Card("Why this answer?", description, fields, footer=kb.title))


def _candidate(candidate: Candidate | None) -> str:
    if candidate is None:
        return "None"
    return (
        f"“{escape(candidate.phrasing)}” ({percent(candidate.score)})\n"
        f"entry: {escape(candidate.entry.id)}"
    )


def answer_json(answer: Answer, kb: KnowledgeBase) -> dict[str, object]:
    """The machine-readable answer; the keys are a contract (docs/cli.md)."""
    entry: Entry | None = answer.entry
    return {
        "question": answer.question,
        "answered": entry is not None,
        "answer": entry.answer if entry else None,
        "quote": entry.quote if entry else None,
        "paragraph": entry.paragraph if entry else None,
        "speaker": kb.speaker(entry.speaker).name if entry else None,
        "confidence": round(min(max(answer.confidence, 0.0), 1.0), 3),
        "suggestions": [e.question for e in answer.suggestions],
        "entry": entry.id if entry else None,
    }


# Backslash escapes, bold markers and zero-width spaces mean nothing in a terminal.
_CONSOLE_NOISE = re.compile(r"\\(.)|\*\*|\u200b", re.DOTALL)


def _plain(text: str) -> str:
    return _CONSOLE_NOISE.sub(lambda m: m.group(1) or "", text)


def _field_text(field: Field) -> str:
    name, value = _plain(field.name), _plain(field.value)
    return f"{name}: {value}" if field.inline and "\n" not in value else f"{name}:\n{value}"


def card_to_text(card: Card) -> str:
    """The console form of a card: title, description, fields, footer, in blocks."""
    blocks = [_plain(card.title), _plain(card.description)]
    blocks += [_field_text(f) for f in card.fields]
    blocks.append(_plain(card.footer))
    return "\n\n".join(b for b in blocks if b.strip())
