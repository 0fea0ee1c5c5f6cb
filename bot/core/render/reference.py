"""Cards for reading the article itself: paragraphs, timeline, demands, people, source, help."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.core.knowledge.model import Citation, Demand, KnowledgeBase, Person, TimelineEvent
from bot.core.render import limits
from bot.core.render.card import TONE_INFO, Card, Field, fit
from bot.core.render.limits import escape
from bot.core.render.wording import count, span
from bot.core.text import plain, strip_controls

_ECHO_LIMIT = limits.TITLE


def echo(text: str, limit: int = _ECHO_LIMIT) -> str:
    """User text on one line, escaped, and cut so that the escaped form fits `limit`."""
    flat = " ".join(strip_controls(text).split())
    raw_limit = limit
    while True:
        shown = escape(limits.cut(flat, raw_limit))
        if len(shown) <= limit:
            return shown
        raw_limit -= len(shown) - limit  # escaping lengthened it: cut the raw text shorter


CUT_MARK = "…"  # marks where a quote leaves off inside a sentence; never in the article itself
_SENTENCE_END = re.compile(r"[.!?]")
_WORD = re.compile(r"\w")


def cut_marks(kb: KnowledgeBase, quote: str, paragraph: int) -> tuple[bool, bool]:
    """Whether `quote` starts and ends inside a sentence of its paragraph (it was cut there).

    Only punctuation left over (a closing quote mark, the full stop) does not count as a cut.
    """
    text = kb.paragraph(paragraph).text if 0 <= paragraph <= len(kb.paragraphs) else ""
    at = text.find(quote)
    if at < 0 or not quote:
        return False, False
    before = _SENTENCE_END.split(text[:at])[-1]
    after = _SENTENCE_END.split(text[at + len(quote) :])[0]
    ends_sentence = bool(_SENTENCE_END.search(quote[-3:]))  # "….”" or "rights."
    return bool(_WORD.search(before)), not ends_sentence and bool(_WORD.search(after))


def block_quote(text: str, cut_before: bool = False, cut_after: bool = False) -> str:
    """Article text as a Markdown block quote, one "> " per line; "…" where it was cut.

    The marks stand outside the verbatim text, which is only escaped.
    """
    lines = [escape(line) for line in text.splitlines() or [""]]
    if cut_before:
        lines[0] = CUT_MARK + lines[0]
    if cut_after:
        lines[-1] += CUT_MARK
    return "\n".join(f"> {line}" for line in lines)


def quoted(kb: KnowledgeBase, quote: str, paragraph: int) -> str:
    """`quote` as a block quote with its cut marks."""
    return block_quote(quote, *cut_marks(kb, quote, paragraph))


def speaker_name(kb: KnowledgeBase, speaker_id: str) -> str:
    """The speaker, without the author's name when it only repeats the byline (the footer's)."""
    name = kb.speaker(speaker_id).name
    return name.removesuffix(f", {kb.author}") or name


def byline(kb: KnowledgeBase) -> str:
    """The article's title and author: said once per card, in the footer."""
    return f"{kb.title}, by {kb.author}"


def attribution(kb: KnowledgeBase, paragraph: int) -> str:
    return f"paragraph {paragraph}" if paragraph else "the headline and byline"


def _cited(kb: KnowledgeBase, record: Citation) -> str:
    return f"{quoted(kb, record.quote, record.paragraph)}\n({attribution(kb, record.paragraph)})"


def paragraph_card(kb: KnowledgeBase, number: int) -> Card:
    """Paragraph `number` verbatim, or a clear message when there is no such paragraph."""
    total = len(kb.paragraphs)
    if number == 0 and kb.header:
        return fit(Card("Headline and byline", escape(kb.header), (), kb.title, TONE_INFO))
    if not 1 <= number <= total:
        return fit(Card(f"No paragraph {number}", f"The article has {span(total)}."))
    text = escape(kb.paragraph(number).text)
    return fit(Card(f"Paragraph {number} of {total}", text, (), byline(kb), TONE_INFO))


def _when(event: TimelineEvent) -> str:
    if event.date:
        return escape(event.when)
    return "Undated" if event.when.casefold() == "undated" else f"Undated ({escape(event.when)})"


def timeline_card(kb: KnowledgeBase) -> Card:
    """The article's events in one card, as fields (the /timeline of old; see timeline_pages)."""
    fields = tuple(Field(_when(e), f"{escape(e.event)}\n{_cited(kb, e)}") for e in kb.timeline)
    description = "Events the article mentions, in order. Undated events keep the article's order."
    if not fields:
        description = "The article reports no events."
    return fit(Card("Timeline", description, fields, footer=kb.title))


def _fold(text: str) -> str:
    return plain(text).strip()


def resolve(query: str, options: Iterable[tuple[str, str]]) -> list[str]:
    """Ids of the (id, label) options that `query` names: an exact id, else part of a label."""
    options = list(options)
    wanted = _fold(query)
    exact = [i for i, _ in options if _fold(i) == wanted]
    return exact or [i for i, label in options if wanted in _fold(label) or wanted in _fold(i)]


def _chosen_demands(kb: KnowledgeBase, by: str | None, of: str | None) -> list[Demand]:
    speakers = [(s.id, s.name) for s in kb.speakers]
    by_ids = resolve(by, speakers) if by else [i for i, _ in speakers]
    of_ids = resolve(of, kb.targets) if of else [i for i, _ in kb.targets]
    # Grouping by speaker keeps one speaker's demands apart from another's (now vs. earlier).
    return [d for s in by_ids for d in kb.demands if d.by == s and d.of in of_ids]


def short_speaker(kb: KnowledgeBase, speaker_id: str) -> str:
    """A heading's speaker: the name before its first comma, and the year it ends with if any
    ("Ana Ruiz, the then city mayor, in 2019" -> "Ana Ruiz (2019)")."""
    name = kb.speaker(speaker_id).name
    year = re.search(r"\b(\d{4})$", name)
    short = name.split(",")[0].strip() or name
    return f"{short} ({year.group(1)})" if year and year.group(1) not in short else short


def _who_to_whom(kb: KnowledgeBase, demand: Demand) -> str:
    return f"{escape(short_speaker(kb, demand.by))} → {escape(kb.target_label(demand.of))}"


def demands_card(kb: KnowledgeBase, by: str | None = None, of: str | None = None) -> Card:
    """Every demand in one card, as fields (the /demands of old; see demands_pages)."""
    chosen = _chosen_demands(kb, by, of)
    if not chosen:
        return fit(Card("No matching demands", _no_demands(kb, by, of)))
    fields = tuple(
        Field(
            f"{escape(kb.speaker(d.by).name)} → {escape(kb.target_label(d.of))}",
            _cited(kb, d),
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
    description = (
        f"{escape(person.role)}\n\n{quoted(kb, person.quote, person.paragraph)}\n"
        f"-# {attribution(kb, person.paragraph)}"
    )
    fields = (
        (Field("Also called", ", ".join(map(escape, person.aliases))),) if person.aliases else ()
    )
    footer = f"{person.kind.capitalize()} · {byline(kb)}"
    return fit(Card(escape(person.name), description, fields, footer))


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


def source_card(kb: KnowledgeBase, commands: Mapping[str, str] | None = None) -> Card:
    """Title, author, and how answers are sourced; how to read a paragraph, on Discord.

    The console gives its own hint instead of the field (bot/cli/reading.py).
    """
    paragraphs = count(len(kb.paragraphs), "paragraph").capitalize()
    description = f"By {escape(kb.author)}. {paragraphs}.\n\n{_SOURCING}"
    source = _command(commands, "source")
    numbers = span(len(kb.paragraphs))
    read = f"{source} with paragraph: N shows paragraph N word for word (N: {numbers})."
    return fit(Card(escape(kb.title), description, (Field("Read a paragraph", read),)))


def _command(commands: Mapping[str, str] | None, name: str) -> str:
    """How to show a command: Discord's clickable mention when known, else "/name"."""
    return (commands or {}).get(name) or f"/{name}"


_DISCORD_COMMANDS = (
    ("ask", "an answer with the exact quote"),
    ("timeline", "the events, in order"),
    ("demands", "who demands what, of whom"),
    ("who", "a person or organisation"),
    ("source", "the article, its author, a paragraph"),
    ("help", "this message"),
)
_CONSOLE_COMMANDS = (
    "Type a question and press Enter. Then:\n"
    "why: why that answer (what it matched, how sure, what came close)\n"
    "help: this help\n"
    "quit or exit (or Ctrl-D): leave\n"
    "Up and Down recall earlier questions (kept until you leave)."
)
HELP_EXAMPLES = 4
_SECTIONS = {"timeline": "timeline", "demands": "demands", "who": "people"}


def _available(kb: KnowledgeBase | None) -> list[tuple[str, str]]:
    """The Discord commands, without those of sections this article has no data for."""
    return [
        (name, what)
        for name, what in _DISCORD_COMMANDS
        if kb is None or name not in _SECTIONS or getattr(kb, _SECTIONS[name])
    ]


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
    """What the bot does, its commands (Discord's, or the console chat's), and examples.

    `commands` maps a command name to how to show it (Discord: a clickable `</ask:ID>`).
    """
    description = (
        "I answer questions about one news article with exact quotes from it: the short "
        "answer, the quote, who said it and the paragraph. If the article doesn't cover a "
        "question, I say so instead of guessing."
    )
    if console:
        listed = _CONSOLE_COMMANDS
    else:
        listed = "\n".join(f"{_command(commands, n)}: {what}" for n, what in _available(kb))
        listed += "\nYou can also mention me with a question, or send it in a DM."
    examples = _examples(kb) if kb is not None else ""
    footer = byline(kb) if kb else ""
    fields = (Field("Commands", listed), *((Field("Examples", examples),) if examples else ()))
    return fit(Card("Rapporteur", description, fields, footer, TONE_INFO))


# A page of a list fits one screen: a few items, about a thousand characters.
PAGE_ITEMS = 5
PAGE_CHARS = 1100
_REPEATS = 0.6  # a paraphrase whose words are this much in its quote says nothing new


@dataclass(frozen=True)
class _Item:
    heading: str  # items in a row with the same heading share it
    body: str


def _repeats(paraphrase: str, quote: str) -> bool:
    words = {w for w in re.findall(r"\w+", _fold(paraphrase)) if len(w) > 3}
    said = set(re.findall(r"\w+", _fold(quote)))
    return not words or len(words & said) / len(words) >= _REPEATS


def _body(kb: KnowledgeBase, paraphrase: str, record: Citation) -> str:
    lines = [] if _repeats(paraphrase, record.quote) else [escape(paraphrase)]
    lines += [quoted(kb, record.quote, record.paragraph), f"-# {attribution(kb, record.paragraph)}"]
    return "\n".join(lines)


def _page_text(intro: str, items: Sequence[_Item], carried: str) -> str:
    """The items under their headings; a heading carried over from the page before says so."""
    blocks = [intro] if intro else []
    heading = None
    for item in items:
        if item.heading == heading:
            blocks.append(item.body)
            continue
        more = " (continued)" if item is items[0] and item.heading == carried else ""
        blocks.append(f"**{item.heading}**{more}\n{item.body}")  # the heading sits on its item
        heading = item.heading
    return "\n\n".join(blocks)


def _fill(items: Sequence[_Item], per_page: int) -> list[list[_Item]]:
    """Pages in order, each of at most `per_page` items and about PAGE_CHARS characters."""
    pages: list[list[_Item]] = []
    size = 0
    for item in items:
        length = len(item.heading) + len(item.body)
        if not pages or len(pages[-1]) >= per_page or size + length > PAGE_CHARS:
            pages.append([])
            size = 0
        pages[-1].append(item)
        size += length
    return pages


def _paginate(items: Sequence[_Item]) -> list[list[_Item]]:
    # As few pages as the limits allow, then the items spread evenly over them (no page of one
    # item after a full one).
    count = len(_fill(items, PAGE_ITEMS))
    return _fill(items, -(-len(items) // count)) if count > 1 else _fill(items, PAGE_ITEMS)


def _pages(
    kb: KnowledgeBase, title: str, intro: str, items: Sequence[_Item], paged: bool
) -> tuple[Card, ...]:
    """Cards of a few items each (`paged`), or one card with them all (for the console)."""
    if not paged:
        return (fit(Card(title, _page_text(intro, items, ""), (), kb.title, TONE_INFO)),)
    pages = _paginate(items)
    cards = []
    for number, page in enumerate(pages, 1):
        carried = pages[number - 2][-1].heading if number > 1 else ""
        text = _page_text(intro if number == 1 else "", page, carried)
        footer = f"page {number} of {len(pages)} · {kb.title}"
        cards.append(fit(Card(title, text, (), footer, TONE_INFO)))
    return tuple(cards)


def _timeline_heading(event: TimelineEvent) -> str:
    return escape(event.when) if event.date else "Undated"


def timeline_pages(kb: KnowledgeBase, *, paged: bool = True) -> tuple[Card, ...]:
    """The timeline as cards that each fit one screen, in order; undated events together.

    `paged=False`: one card with every event (the console has no screen to fit).
    """
    items = [_Item(_timeline_heading(e), _body(kb, e.event, e)) for e in kb.timeline]
    intro = "Dated events oldest first, then the undated ones in the article's order."
    if not items:
        intro = "The article reports no events."
    return _pages(kb, "Timeline", intro, items, paged)


def demands_pages(
    kb: KnowledgeBase, by: str | None = None, of: str | None = None, *, paged: bool = True
) -> tuple[Card, ...]:
    """The demands as cards that each fit one screen, under "who → whom" headings.

    `paged=False`: one card with every demand.
    """
    chosen = _chosen_demands(kb, by, of)
    if not chosen:
        footer = f"page 1 of 1 · {kb.title}"
        return (fit(Card("No matching demands", _no_demands(kb, by, of), (), footer, TONE_INFO)),)
    items = [_Item(_who_to_whom(kb, d), _body(kb, d.what, d)) for d in chosen]
    # One heading per who → whom: its demands together, in the order the headings first come.
    first = {heading: n for n, heading in reversed(list(enumerate(i.heading for i in items)))}
    items.sort(key=lambda item: first[item.heading])
    intro = "Who demands what, of whom, in their own words."
    return _pages(kb, "Demands", intro, items, paged)
