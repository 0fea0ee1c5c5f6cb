"""Draft knowledge records from an article's paragraphs: one entry per sentence, the people
and organisations it names, dated events, demands. Every record is `draft: true`.

Records are plain dicts in the order the YAML files list their fields. Pure.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from bot.core.knowledge import sentences
from bot.core.knowledge._validation import MIN_QUOTE
from bot.core.scaffold import text as surface
from bot.core.text import fold

Record = dict[str, Any]
REPORTER = "reporter"
UNNAMED_TARGET = "unnamed"


@dataclass(frozen=True, slots=True)
class Unit:
    """A span an entry quotes: one sentence, or a short one joined to its neighbour."""

    paragraph: int
    index: int  # 1-based, within the paragraph
    text: str


def slug(text: str, words: int = 4) -> str:
    return "-".join(fold(text).split()[:words]) or "item"


LONG_SENTENCE = 200  # characters: a longer sentence is quoted clause by clause ("; ")
MIN_CLAUSE = 40


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A long sentence's clauses between semicolons, when each is long enough to quote."""
    if end - start <= LONG_SENTENCE:
        return [(start, end)]
    cuts = [start, *(i + 2 for i in range(start, end) if text.startswith("; ", i)), end + 2]
    parts = [(a, b - 2) for a, b in pairwise(cuts)]
    if len(parts) < 2 or any(b - a < MIN_CLAUSE for a, b in parts):
        return [(start, end)]
    return [(a, b + 1) if i < len(parts) - 1 else (a, b) for i, (a, b) in enumerate(parts)]


def _merge_short(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans too short to quote joined to the next one (the last one to the one before)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] - merged[-1][0] < MIN_QUOTE:
            start = merged.pop()[0]
        merged.append((start, end))
    if len(merged) > 1 and merged[-1][1] - merged[-1][0] < MIN_QUOTE:
        end = merged.pop()[1]
        merged[-1] = (merged[-1][0], end)
    return merged


def units(paragraphs: Sequence[str], abbreviations: Sequence[str]) -> list[Unit]:
    """Each paragraph's sentences (a long one by clauses); one shorter than a quote joins the
    next."""
    found = []
    for number, text in enumerate(paragraphs, 1):
        spans = [c for a, b in sentences.spans(text, abbreviations) for c in _clauses(text, a, b)]
        merged = _merge_short(spans)
        found += [Unit(number, i, text[a:b]) for i, (a, b) in enumerate(merged, 1)]
    return [u for u in found if len(u.text) >= MIN_QUOTE]


@dataclass
class Draft:
    """The records being built, with the ids and phrasings already used (all must be unique)."""

    author: str
    speakers: dict[str, str] = field(default_factory=dict)  # id -> name
    entries: list[Record] = field(default_factory=list)
    people: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    demands: list[Record] = field(default_factory=list)
    targets: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    phrasings: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.speakers[REPORTER] = f"The reporter, {self.author}"

    def unique_id(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.ids:
            ident, n = f"{base}-{n}", n + 1
        self.ids.add(ident)
        return ident

    def fresh(self, phrasings: Sequence[str]) -> list[str]:
        """The phrasings no entry has yet (the loader rejects one phrasing in two entries)."""
        kept = []
        for phrasing in phrasings:
            key = fold(phrasing)
            if key and key not in self.phrasings:
                self.phrasings.add(key)
                kept.append(phrasing)
        return kept

    def speaker(self, name: str) -> str:
        ident = slug(name)
        if ident == REPORTER:
            ident = f"{ident}-quoted"
        self.speakers.setdefault(ident, name)
        return ident


def _intent_phrasings(sentence: str, kinds: Sequence[str], phrase: str) -> Iterator[str]:
    """Phrasings that ask the way the sentence answers: "when ...", "how many ..."."""
    for kind in ("when", "where", "why"):
        if kind in kinds:
            yield f"{kind} {phrase}"
    if "how-many" in kinds:
        for number in surface.numbers(sentence):
            after = sentence.split(number, 1)[1]
            noun = " ".join(surface.content_words(after)[:2])
            if noun:
                yield f"how many {noun}"
        if surface.asks_money(sentence) or "percent" in sentence or "%" in sentence:
            yield f"how much {phrase}"


def sentence_entry(draft: Draft, unit: Unit, speaker: str) -> Record:
    sentence = unit.text
    kinds = surface.question_kinds(sentence, speaker != REPORTER)
    phrases = surface.key_phrases(sentence)
    lead = phrases[0] if phrases else surface.topic(sentence)
    topic = surface.topic(sentence)
    question = f"What does paragraph {unit.paragraph} say about {topic}?"
    if fold(question) in draft.phrasings:
        question = f"What does sentence {unit.index} of paragraph {unit.paragraph} say?"
    draft.fresh([question])
    based = surface.base_forms(sentence)
    intent = _intent_phrasings(sentence, kinds, lead)
    alternates = draft.fresh([sentence, *phrases, *intent, *([based] if based else [])])
    kind = (
        "demand" if surface.is_demand(sentence) else "event" if surface.dates(sentence) else "fact"
    )
    return {
        "id": draft.unique_id(f"p{unit.paragraph}-s{unit.index}-{slug(topic, 3)}"),
        "question": question,
        "alternates": alternates,
        "answer": sentence,
        "quote": sentence,
        "paragraph": unit.paragraph,
        "speaker": speaker,
        "kind": kind,
        "kinds": list(kinds),
        "draft": True,
    }


def person_records(draft: Draft, name: surface.Name, unit: Unit, alias: str | None) -> None:
    """A people.yaml record and its "who is" entry, both quoting the sentence naming them."""
    role = surface.appositive(unit.text, name.text)
    role = f"{role[0].upper()}{role[1:]}." if role else f"Named in paragraph {unit.paragraph}."
    aliases = [alias] if alias else []
    who = [f"who is {a}" for a in aliases]
    entry_id = draft.unique_id(f"who-{slug(name.text)}")
    question = f"Who is {name.text}?"
    draft.fresh([question])  # names are unique, so this question is new
    draft.entries.append(
        {
            "id": entry_id,
            "question": question,
            "alternates": draft.fresh([name.text.lower(), *who]),
            "answer": f"{name.text}: {role}",
            "quote": unit.text,
            "paragraph": unit.paragraph,
            "speaker": REPORTER,
            "kind": name.kind,
            "kinds": ["who"],
            "draft": True,
        }
    )
    draft.people.append(
        {
            "id": draft.unique_id(f"person-{slug(name.text)}"),
            "name": name.text,
            "kind": name.kind,
            "aliases": aliases,
            "role": role,
            "quote": unit.text,
            "paragraph": unit.paragraph,
            "entry": entry_id,
            "draft": True,
        }
    )


def event_record(draft: Draft, unit: Unit, entry_id: str) -> None:
    found = surface.dates(unit.text)
    if not found:
        return
    date = next((d for d in found if d.date), found[0])
    draft.events.append(
        {
            "id": draft.unique_id(f"tl-p{unit.paragraph}-s{unit.index}"),
            "date": date.date,
            "when": date.when,
            "event": unit.text,
            "quote": unit.text,
            "paragraph": unit.paragraph,
            "entry": entry_id,
            "draft": True,
        }
    )


def demand_record(draft: Draft, unit: Unit, speaker: str, entry_id: str, known: list[str]) -> None:
    if not surface.is_demand(unit.text):
        return
    who = surface.demander(unit.text)
    if who is not None:
        named = next((n for n in known if n in who or who in n), None)
        speaker = draft.speaker(named or who[0].upper() + who[1:])
    target = surface.demand_target(unit.text)
    target_id = slug(target) if target else UNNAMED_TARGET
    label = f"{target[0].upper()}{target[1:]}" if target else "Not named (draft)"
    draft.targets.setdefault(target_id, label)
    draft.demands.append(
        {
            "id": draft.unique_id(f"dm-p{unit.paragraph}-s{unit.index}"),
            "by": speaker,
            "of": target_id,
            "what": unit.text,
            "quote": unit.text,
            "paragraph": unit.paragraph,
            "entry": entry_id,
            "draft": True,
        }
    )


def sorted_events(events: list[Record]) -> list[Record]:
    """Dated events oldest first, then the undated ones in the article's order."""
    dated = sorted((e for e in events if e["date"]), key=lambda e: str(e["date"]))
    return dated + [e for e in events if not e["date"]]
