"""Cards for reading the article itself: paragraphs, timeline, demands, people, source, help."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

from bot.core import limits
from bot.core.card import Card, Field, fit
from bot.core.limits import escape
from bot.core.model import KnowledgeBase, Person, TimelineEvent
from bot.core.wording import count, span

_ECHO_LIMIT = limits.TITLE


def echo(text: str, limit: int = _ECHO_LIMIT) -> str:
    """User text on one line, escaped, and cut so that the escaped form fits `limit`."""
    flat = " ".join(limits.strip_controls(text).split())
    raw_limit = limit
    while True:
        shown = escape(limits.cut(flat, raw_limit))
        if len(shown) <= limit:
            return shown
        raw_limit -= len(shown) - limit  # escaping lengthened it: cut the raw text shorter


def block_quote(text: str) -> str:
    """Article text as a Markdown block quote, one "> " per line."""
    return "\n".join(f"> {escape(line)}" for line in text.splitlines() or [""])


def attribution(kb: KnowledgeBase, paragraph: int) -> str:
    where = f"Paragraph {paragraph}" if paragraph else "The headline and byline"
    return f"{where} of *{escape(kb.title)}*, by {escape(kb.author)}"


def _cited(quote: str, paragraph: int) -> str:
    return f"{block_quote(quote)}\n(paragraph {paragraph})"


def paragraph_card(kb: KnowledgeBase, number: int) -> Card:
    """Paragraph `number` verbatim, or a clear message when there is no such paragraph."""
    total = len(kb.paragraphs)
    if number == 0 and kb.header:
        return fit(Card("Headline and byline", escape(kb.header), footer=kb.title))
    if not 1 <= number <= total:
        return fit(Card(f"No paragraph {number}", f"The article has {span(total)}."))
    footer = f"{kb.title}, by {kb.author}"
    return fit(
        Card(f"Paragraph {number} of {total}", escape(kb.paragraph(number).text), (), footer)
    )


def _when(event: TimelineEvent) -> str:
    if event.date:
        return escape(event.when)
    return "Undated" if event.when.casefold() == "undated" else f"Undated ({escape(event.when)})"


def timeline_card(kb: KnowledgeBase) -> Card:
    """The article's events in the knowledge base's order; undated ones labelled so."""
    fields = tuple(
        Field(_when(e), f"{escape(e.event)}\n{_cited(e.quote, e.paragraph)}") for e in kb.timeline
    )
    description = "Events the article mentions, in order. Undated events keep the article's order."
    if not fields:
        description = "The article reports no events."
    return fit(Card("Timeline", description, fields, footer=kb.title))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def resolve(query: str, options: Iterable[tuple[str, str]]) -> list[str]:
    """Ids of the (id, label) options that `query` names: an exact id, else part of a label."""
    options = list(options)
    wanted = _fold(query)
    exact = [i for i, _ in options if _fold(i) == wanted]
    return exact or [i for i, label in options if wanted in _fold(label) or wanted in _fold(i)]


def demands_card(kb: KnowledgeBase, by: str | None = None, of: str | None = None) -> Card:
    """Who demands what, of whom, each with its quote; one speaker's demands together."""
    speakers = [(s.id, s.name) for s in kb.speakers]
    by_ids = resolve(by, speakers) if by else [i for i, _ in speakers]
    of_ids = resolve(of, kb.targets) if of else [i for i, _ in kb.targets]
    # Grouping by speaker keeps one speaker's demands apart from another's (now vs. earlier).
    chosen = [d for s in by_ids for d in kb.demands if d.by == s and d.of in of_ids]
    if not chosen:
        return fit(Card("No matching demands", _no_demands(kb, by, of)))
    fields = tuple(
        Field(
            f"{escape(kb.speaker(d.by).name)} → {escape(kb.target_label(d.of))}",
            f"{escape(d.what)}\n{_cited(d.quote, d.paragraph)}",
        )
        for d in chosen
    )
    description = "Who demands what, of whom. Each speaker's demands are listed apart."
    return fit(Card("Demands", description, fields, footer=kb.title))


def _asked(by: str | None, of: str | None) -> str:
    return " and ".join(
        part for part in (by and f"by “{echo(by, 100)}”", of and f"of “{echo(of, 100)}”") if part
    )


def _no_demands(kb: KnowledgeBase, by: str | None, of: str | None) -> str:
    none = " ".join(("The article reports no demands", _asked(by, of))).strip() + "."
    if not kb.demands:
        return none
    demanders = {d.by for d in kb.demands}
    who = ", ".join(escape(s.name) for s in kb.speakers if s.id in demanders)
    made_of = {d.of for d in kb.demands}
    whom = ", ".join(escape(label) for target, label in kb.targets if target in made_of)
    return f"{none}\n\nDemands are made by: {who}.\nThey are made of: {whom}."


def who_card(person: Person, kb: KnowledgeBase) -> Card:
    """A person's or organisation's role in the article, with the quote that says so."""
    description = f"{escape(person.role)}\n\n{block_quote(person.quote)}\n\n" + attribution(
        kb, person.paragraph
    )
    fields = (
        (Field("Also called", ", ".join(map(escape, person.aliases))),) if person.aliases else ()
    )
    return fit(Card(escape(person.name), description, fields, footer=person.kind.capitalize()))


def nobody_card(name: str, kb: KnowledgeBase) -> Card:
    """The answer to /who when no person or organisation in the article fits `name`."""
    names = ", ".join(escape(p.name) for p in kb.people)
    description = f"The article mentions nobody called “{echo(name, 200)}”."
    if names:
        description += f"\n\nIt mentions: {names}."
    return fit(Card("Nobody by that name", description))


_SOURCING = (
    "Every answer quotes the article word for word. When the knowledge base loads, each quote "
    "is checked to be an exact substring of its paragraph; if any is not, the bot does not "
    "start. When the article does not answer a question, the bot says so and suggests "
    "questions it can answer instead of guessing."
)


def source_card(kb: KnowledgeBase) -> Card:
    """Title, author, and how answers are sourced."""
    paragraphs = count(len(kb.paragraphs), "paragraph").capitalize()
    description = f"By {escape(kb.author)}. {paragraphs}.\n\n{_SOURCING}"
    read = (
        f"/source paragraph:N on Discord, or rapporteur source --paragraph N in the console "
        f"(N: {span(len(kb.paragraphs))})."
    )
    fields = (Field("Read a paragraph", read),)
    return fit(Card(escape(kb.title), description, fields))


_DISCORD_COMMANDS = (
    "/ask question: an answer with the exact quote\n"
    "/timeline: the dated events\n"
    "/demands [by] [of]: who demands what, of whom\n"
    "/who name: a person or organisation\n"
    "/source [paragraph]: the article, its author, a paragraph\n"
    "/help: this message\n"
    "You can also mention me with a question, or send it in a DM."
)
_CONSOLE_COMMANDS = (
    "Type a question and press Enter; type quit or exit (or Ctrl-D) to leave.\n"
    "From the shell: rapporteur ask, timeline, demands, who, source, check, eval, bench "
    "(rapporteur --help lists them)."
)
HELP_EXAMPLES = 4


def _available(commands: str, kb: KnowledgeBase | None) -> str:
    """The command lines without the sections this article has no data for."""
    if kb is None:
        return commands
    empty = {"/timeline": kb.timeline, "/demands": kb.demands, "/who": kb.people}
    lines = commands.splitlines()
    return "\n".join(line for line in lines if empty.get(line.split(" ", 1)[0].rstrip(":"), True))


def _examples(kb: KnowledgeBase) -> str:
    """The article's own help examples, else its first questions: never another article's."""
    questions = kb.examples or tuple(e.question for e in kb.entries if not e.draft)
    questions = questions or tuple(e.question for e in kb.entries)
    return "\n".join(f"• {escape(q)}" for q in questions[:HELP_EXAMPLES])


def help_card(
    kb: KnowledgeBase | None = None,
    *,
    console: bool = False,
    commands: Mapping[str, str] | None = None,
) -> Card:
    """What the bot does, its commands (Discord's, or the console's), and examples.

    `commands` maps a command name to how to show it (Discord: a clickable `</ask:ID>`).
    """
    description = (
        "I answer questions about one news article with exact quotes from it: the short "
        "answer, the quote, who said it and the paragraph. If the article doesn't cover a "
        "question, I say so instead of guessing."
    )
    listed = _CONSOLE_COMMANDS if console else _available(_DISCORD_COMMANDS, kb)
    examples = _examples(kb) if kb is not None else ""
    fields = (Field("Commands", listed), *((Field("Examples", examples),) if examples else ()))
    return fit(Card("Rapporteur", description, fields))


def timeline_pages(kb: KnowledgeBase) -> tuple[Card, ...]:
    """The timeline as cards that each fit one screen, in order."""
    return (timeline_card(kb),)


def demands_pages(
    kb: KnowledgeBase, by: str | None = None, of: str | None = None
) -> tuple[Card, ...]:
    """The demands as cards that each fit one screen, in order."""
    return (demands_card(kb, by, of),)
