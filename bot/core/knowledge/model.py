"""The knowledge base as frozen dataclasses, shared read-only by every part of the bot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.core.calibration import Calibration

ENTRY_KINDS = ("fact", "demand", "warning", "event", "person", "organisation", "meta")
PERSON_KINDS = ("person", "organisation")
# The kinds of question an entry answers (`kinds:` in entries.yaml).
QUESTION_KINDS = ("who", "what", "when", "where", "why", "how", "how-many", "how-long", "yes-no")


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    question: str
    alternates: tuple[str, ...]
    answer: str
    quote: str
    paragraph: int
    speaker: str
    kind: str
    related: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # QUESTION_KINDS it answers; empty: not stated
    draft: bool = False  # written by `rapporteur init`, not yet rewritten by a curator

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.question, *self.alternates)


class Citation(Protocol):
    """What every record that quotes the article has: the verbatim quote, the paragraph it
    stands in (0: the headline and byline), and the entry that answers questions about it.
    Entries, timeline events, demands and people are all citations; rendering and validation
    take any of them."""

    @property
    def quote(self) -> str: ...

    @property
    def paragraph(self) -> int: ...


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    id: str
    date: str | None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when the article gives no date
    when: str  # as the article words it ("March 2025"), or "undated"
    event: str
    quote: str
    paragraph: int
    entry: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True)
class Demand:
    id: str
    by: str  # a speaker id
    of: str  # a target id
    what: str
    quote: str
    paragraph: int
    entry: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    kind: str  # "person" or "organisation"
    role: str
    quote: str
    paragraph: int
    entry: str | None = None
    aliases: tuple[str, ...] = ()
    draft: bool = False


@dataclass(frozen=True, slots=True)
class SourceFormat:
    """How the source article is laid out: which blocks are not body paragraphs, and which
    full stops do not end a sentence. Set in article.yaml (`source_format:`)."""

    byline: str = r"(?i)^by\s+\S"  # a regular expression; the first block matching it
    furniture: tuple[str, ...] = ()  # whole blocks of page furniture to drop, as written
    abbreviations: tuple[str, ...] = ()  # added to the usual English ones ("Dr.", "U.S.")


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    title: str
    author: str
    paragraphs: tuple[Paragraph, ...]
    speakers: tuple[Speaker, ...]
    entries: tuple[Entry, ...]
    timeline: tuple[TimelineEvent, ...]
    targets: tuple[tuple[str, str], ...]  # (target id, label) in display order
    demands: tuple[Demand, ...]
    people: tuple[Person, ...]
    synonyms: tuple[tuple[str, ...], ...]  # each group: the article's word first
    calibration: Calibration | None = None  # confidence model; None: the match score
    header: str = ""  # the headline and byline, verbatim: "paragraph 0" for quotes
    bot_name: str = "Rapporteur"  # what readers call the bot ("hey Rapporteur, ...")
    examples: tuple[str, ...] = ()  # help examples, each one the knowledge base answers
    options: tuple[tuple[str, str], ...] = ()  # (command-option, description), e.g. "demands-by"
    source_format: SourceFormat = field(default_factory=SourceFormat)
    _entries_by_id: dict[str, Entry] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._entries_by_id.update({e.id: e for e in self.entries})

    def entry(self, entry_id: str) -> Entry:
        return self._entries_by_id[entry_id]

    def paragraph(self, number: int) -> Paragraph:
        """Paragraph `number` of the body; 0 is the headline and byline."""
        if number == 0:
            return Paragraph("header", 0, self.header)
        return self.paragraphs[number - 1]

    def speaker(self, speaker_id: str) -> Speaker:
        return next(s for s in self.speakers if s.id == speaker_id)

    def target_label(self, target_id: str) -> str:
        return dict(self.targets)[target_id]

    def option(self, name: str, default: str) -> str:
        """The description of a command option ("demands-by") from article.yaml, or `default`."""
        return dict(self.options).get(name, default)

    @property
    def text(self) -> str:
        """The article: headline and byline, then the paragraphs, joined by blank lines; every
        quote is a substring."""
        return "\n\n".join([self.header] * bool(self.header) + [p.text for p in self.paragraphs])
