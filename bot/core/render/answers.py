"""All user-visible text about answers, shared by the console and Discord.

Cards are embed-shaped and always within Discord's limits (see `card.fit`); the console
prints them with `card_to_text`. User text is escaped; article text is shown verbatim.
"""

from __future__ import annotations

import re

from bot.core.answering import Answer, Candidate
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.render.card import (
    TONE_ANSWER,
    TONE_DECLINE,
    TONE_INFO,
    Card,
    Field,
    fit,
)
from bot.core.render.limits import cut, escape
from bot.core.render.reference import (
    attribution,
    byline,
    echo,
    quoted,
    speaker_name,
)

_NO_QUESTION = "There was no question to answer. Ask me something about the article."
_DECLINE = {
    "about-the-bot": (
        "I answer questions about the article, in its own words: I have no opinions of my "
        "own, and the article says nothing about me."
    ),
    "ambiguous": (
        "The article doesn't clearly cover that: your question fits more than one part of it "
        "equally well, so I won't guess."
    ),
}
_DECLINE_DEFAULT = "The article doesn't cover that, so I won't guess or make anything up."
_PICK_BELOW = "Here are questions it does answer: pick one below."

_WHY = {
    "answered": "It was a strong match, clearly ahead of the others, so I answered.",
    "empty": "None of the question's words match anything in the article, so I declined.",
    "weak": "That match is too weak to trust, so I declined.",
    "ambiguous": "Two different questions matched almost equally well, so I declined.",
    "unknown-words": (
        "Your question has key words the article's answer to that question doesn't cover, "
        "so I declined."
    ),
    "question-kind": (
        "You asked a kind of question (why, when, who, how many...) that the passages about "
        "this topic don't answer, so I declined."
    ),
    "asked-about": (
        "That question is about what you asked, but the article doesn't give the detail "
        "you asked for, so I declined."
    ),
    "negation": (
        "You asked what is not so, or for others besides those named, and the article "
        "doesn't say, so I declined."
    ),
    "unknown-name": "Your question names someone the article doesn't mention, so I declined.",
    "premise": (
        "Your question takes for granted something the article doesn't say happened, so I declined."
    ),
    "unsettled": (
        "The article raises that question but doesn't answer it (it asks for it to be "
        "disclosed), so I declined."
    ),
    "terse": (
        "A single everyday word isn't a question I can answer from the article; ask it as "
        "a question."
    ),
    "keywords": "Those words don't belong to any one passage of the article, so I declined.",
    "markup": "That looks like code or formatting rather than a question, so I declined.",
    "about-the-bot": "You asked about me or for my opinion, which the article doesn't give.",
}

# A declined question was near an entry when that entry scored at least this well: then its
# button says "Did you mean", the others "Try". (On the holdout set's declines, lower scores
# were mostly unrelated entries: "How much does Pegasus cost?" at 0.40.)
NEAR_SCORE = 0.45
BUTTON_LABEL = 80  # Discord's limit for a button label


def percent(score: float) -> str:
    return f"{round(min(max(score, 0.0), 1.0) * 100)}%"


def confidence_percent(confidence: float) -> str:
    """A probability as shown: never "100%" (nothing here is certain), never below 1%."""
    return f"{min(max(round(confidence * 100), 1), 99)}%"


def answer_card(answer: Answer, kb: KnowledgeBase, *, console: bool = False) -> Card:
    """The answer (short answer, verbatim quote, who said it, where) or an honest decline.

    On Discord a decline's suggestions are buttons (`suggestion_label`); the console
    (`console=True`) lists them as text instead.
    """
    asked = echo(answer.question)
    title = asked or "(empty question)"
    if answer.entry is None:
        return _decline_card(answer, kb, title, console=console)
    entry = answer.entry
    description = "\n\n".join(
        (
            f"**{escape(entry.answer)}**",
            quoted(kb, entry.quote, entry.paragraph),
            f"— {escape(speaker_name(kb, entry.speaker))} · {attribution(kb, entry.paragraph)}",
        )
    )
    footer = f"{byline(kb)} · confidence {confidence_percent(answer.confidence)}"
    return fit(Card(title, description, footer=footer, tone=TONE_ANSWER))


def _decline_card(answer: Answer, kb: KnowledgeBase, title: str, *, console: bool) -> Card:
    said = (
        _DECLINE.get(answer.reason, _DECLINE_DEFAULT) if answer.question.strip() else _NO_QUESTION
    )
    if answer.reason == "unknown-name" and answer.detail:
        who = " ".join(w.capitalize() for w in answer.detail.split())
        said = f"The article doesn't mention {escape(who)}, so I won't guess who that is."
    if console:
        fields = _try_asking(answer)
    else:
        fields = ()
        said += f"\n\n{_PICK_BELOW}" if answer.suggestions else ""
    return fit(Card(title, said, fields, footer=byline(kb), tone=TONE_DECLINE))


def _try_asking(answer: Answer) -> tuple[Field, ...]:
    if not answer.suggestions:
        return ()
    lines = "\n".join(f"• {escape(e.question)}" for e in answer.suggestions[:3])
    return (Field("Questions the article can answer", lines),)


def _near(answer: Answer, entry: Entry) -> bool:
    """Whether the declined question was close to `entry` (not a filler suggestion)."""
    return any(
        c is not None and c.entry == entry and c.score >= NEAR_SCORE
        for c in (answer.matched, answer.runner_up)
    )


def suggestion_label(answer: Answer, suggestion: Entry) -> str:
    """The text of a suggestion button under a decline, within Discord's 80 characters.

    "Did you mean" only when the question was close to this entry; otherwise "Try".
    """
    lead = "Did you mean: " if _near(answer, suggestion) else "Try: "
    return cut(lead + suggestion.question, BUTTON_LABEL)


def why_card(answer: Answer, kb: KnowledgeBase) -> Card:
    """In plain words: the question it matched, how sure, what else came close. No ids."""
    lines = [f"You asked: “{echo(answer.question) or '(nothing)'}”"]
    if answer.matched is not None:
        lines.append(_matched(answer, answer.matched))
    lines.append(_WHY.get(answer.reason, _WHY["weak"]))
    close = answer.runner_up
    if close is None:
        lines.append("Nothing else came close.")
    fields = (
        (
            Field(
                "What else came close", f"“{escape(close.entry.question)}” ({percent(close.score)})"
            ),
        )
        if close is not None
        else ()
    )
    return fit(Card("Why this answer?", "\n\n".join(lines), fields, byline(kb), TONE_INFO))


def _matched(answer: Answer, matched: Candidate) -> str:
    question = f"“{escape(matched.entry.question)}”"
    if answer.answered:
        sure = confidence_percent(answer.confidence)
        return f"It matched the question {question}, with {sure} confidence."
    return f"The closest question I can answer is {question} (a {percent(matched.score)} match)."


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


# In a terminal, Markdown means nothing: backslash escapes, ** and * markers, zero-width
# spaces and the subtext marker "-# " go; "> " stays, as the quote's indentation.
_CONSOLE_MARKUP = re.compile(r"\\(.)|\*\*|\*|\u200b|^-# ", re.DOTALL | re.MULTILINE)
BOLD, ITALIC, DIM, RESET = "\x1b[1m", "\x1b[3m", "\x1b[2m", "\x1b[0m"


def _plain(text: str, colour: bool = False) -> str:
    """`text` without Markdown; with `colour`, bold and italic as terminal escapes."""
    open_styles: list[str] = []

    def replace(match: re.Match[str]) -> str:
        marker = match.group(0)
        if match.group(1) is not None or marker == "\u200b" or marker == "-# ":
            return match.group(1) or ""
        if not colour:
            return ""
        style = BOLD if marker == "**" else ITALIC
        if style in open_styles:
            open_styles.remove(style)
            return RESET + "".join(open_styles)
        open_styles.append(style)
        return style

    return _CONSOLE_MARKUP.sub(replace, text) + (RESET if open_styles else "")


def _field_text(field: Field, colour: bool) -> str:
    name, value = _plain(field.name, colour), _plain(field.value, colour)
    name = f"{BOLD}{name}{RESET}" if colour else name
    return f"{name}: {value}" if field.inline and "\n" not in value else f"{name}:\n{value}"


def card_to_text(card: Card, *, colour: bool = False) -> str:
    """The console form of a card: title, description, fields, footer, in plain text blocks.

    With `colour` (the shell decides: a terminal, and no NO_COLOR), the title and bold parts
    are bold and the footer dim.
    """
    title, footer = _plain(card.title), _plain(card.footer)
    if colour:
        title = f"{BOLD}{title}{RESET}" if title else ""
        footer = f"{DIM}{footer}{RESET}" if footer else ""
    blocks = [title, _plain(card.description, colour)]
    blocks += [_field_text(f, colour) for f in card.fields]
    blocks.append(footer)
    return "\n\n".join(b for b in blocks if b.strip())
