"""Assemble the draft: read the source's layout, build the records, pick help examples that
the draft answers, and write each file's YAML."""

from __future__ import annotations

import re
from typing import Any

import yaml

from bot.core import knowledge
from bot.core.answering import Engine
from bot.core.answering.lexicon import English
from bot.core.knowledge.article_format import body_blocks
from bot.core.knowledge.model import SourceFormat
from bot.core.scaffold import records
from bot.core.scaffold import text as surface
from bot.core.scaffold.records import REPORTER, Draft, Unit

_BYLINE_PREFIX = re.compile(r"(?i)^by\s+")
_PRONOUN = re.compile(
    r"\b(?:he|she)\s+(?:said|added|says|warned|told|noted)\b", re.I
)  # "they": a group
_SENTENCE_END = tuple(".!?”’\"')")
EXAMPLES = 4
HEADER = (
    "# Draft written by `rapporteur init`: check every record, rewrite it in your words, and\n"
    "# delete its `draft: true` line (`rapporteur check` lists the drafts left).\n"
)


def furniture(source: str) -> list[str]:
    """Short blocks with no sentence in them after the title ("Related Posts", "Share")."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source) if b.strip()][1:]
    return [
        b
        for b in blocks
        if len(b.split()) < 5 and not b.endswith(_SENTENCE_END) and not re.match(r"(?i)by\s", b)
    ]


def _author(byline: str | None) -> str:
    if byline is None:
        return "the reporter"
    name = _BYLINE_PREFIX.sub("", byline).split("\n")[0]
    return re.split(r",| \| | - ", name)[0].strip() or "the reporter"


def _names(units: list[Unit]) -> dict[str, tuple[surface.Name, Unit]]:
    found: dict[str, tuple[surface.Name, Unit]] = {}
    for unit in units:
        for name in surface.names(unit.text):
            found.setdefault(name.text, (name, unit))
    return found


def _aliases(names: dict[str, tuple[surface.Name, Unit]]) -> dict[str, str]:
    """A person's surname, when no other name ends with it: readers type "Okafor"."""
    people = [n for n, (name, _) in names.items() if name.kind == "person"]
    surnames = [n.split()[-1] for n in people]
    return {
        n: s
        for n, s in zip(people, surnames, strict=True)
        if surnames.count(s) == 1 and len(s) > 2 and s not in names
    }


def _speakers(draft: Draft, units: list[Unit], people: list[surface.Name]) -> list[str]:
    """Each unit's speaker id: the person quoted, else the reporter."""
    found, last = [], None
    for unit in units:
        speaker = REPORTER
        if surface.is_quoted(unit.text):
            named = surface.reporting_subject(unit.text, people)
            if named is None and _PRONOUN.search(surface.unquoted(unit.text)):
                named = last
            if named is not None:
                speaker = draft.speaker(named)
        mentioned = [n.text for n in surface.names(unit.text) if n.kind == "person"]
        last = mentioned[-1] if mentioned else last
        found.append(speaker)
    return found


def _build(draft: Draft, units: list[Unit]) -> None:
    names = _names(units)
    people = [name for name, _ in names.values() if name.kind == "person"]
    speakers = _speakers(draft, units, people)
    for unit, speaker in zip(units, speakers, strict=True):
        entry = records.sentence_entry(draft, unit, speaker)
        draft.entries.append(entry)
        records.event_record(draft, unit, entry["id"])
        records.demand_record(draft, unit, speaker, entry["id"], list(names))
    aliases = _aliases(names)
    for text, (name, unit) in names.items():
        records.person_records(draft, name, unit, aliases.get(text))


def _dump(data: Any) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return HEADER + body


def _files(source: str, article: dict[str, Any], draft: Draft) -> dict[str, str]:
    return {
        knowledge.SOURCE_FILE: source,
        "article.yaml": _dump(article),
        "entries.yaml": _dump({"entries": draft.entries}),
        "timeline.yaml": _dump({"events": records.sorted_events(draft.events)}),
        "demands.yaml": _dump({"targets": draft.targets, "demands": draft.demands}),
        "people.yaml": _dump({"people": draft.people}),
        "synonyms.yaml": _dump({"synonyms": []}),
    }


def _examples(files: dict[str, str], english: English) -> list[str]:
    """Up to four entry questions the draft answers with their own entry, from different
    paragraphs."""
    kb = knowledge.load(files)
    engine = Engine(kb, english)
    picked: list[str] = []
    paragraphs: set[int] = set()
    for entry in kb.entries:
        if len(picked) == EXAMPLES:
            break
        if entry.paragraph not in paragraphs and engine.answer(entry.question).entry == entry:
            picked.append(entry.question)
            paragraphs.add(entry.paragraph)
    return picked


def scaffold(source: str, english: English) -> dict[str, str]:
    """The draft knowledge base for the article `source` (plain text: title line, byline,
    paragraphs separated by blank lines), as {file name: text}."""
    fmt = SourceFormat(furniture=tuple(furniture(source)))
    title, byline, paragraphs = body_blocks(source, fmt)
    draft = Draft(_author(byline))
    _build(draft, records.units(paragraphs, fmt.abbreviations))
    article: dict[str, Any] = {
        "title": title,
        "author": draft.author,
        "bot_name": "Rapporteur",
        "source_format": {
            "byline": fmt.byline,
            "furniture": list(fmt.furniture),
            "abbreviations": [],
        },
        "examples": [],
        "speakers": [{"id": i, "name": n} for i, n in draft.speakers.items()],
        "paragraphs": [
            {"id": f"p{n:02d}-{records.slug(text, 3)}", "number": n, "text": text}
            for n, text in enumerate(paragraphs, 1)
        ],
    }
    files = _files(source, article, draft)
    article["examples"] = _examples(files, english)
    files["article.yaml"] = _dump(article)
    return files
