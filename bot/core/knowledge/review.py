"""What `rapporteur check` warns about in a valid knowledge base: drafts a curator has not
rewritten yet, and help examples the base does not answer. Warnings, not errors: a draft
from `rapporteur init` loads and answers, it just has not been checked by a person."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answering import Engine
from bot.core.answering.lexicon import English
from bot.core.knowledge.model import Demand, Entry, KnowledgeBase, Person, TimelineEvent
from bot.core.render.wording import count


def drafts(kb: KnowledgeBase) -> list[str]:
    """One line per file that still has `draft: true` records."""
    sections = (
        ("entries.yaml", _draft_ids(kb.entries), "entry", "entries"),
        ("timeline.yaml", _draft_ids(kb.timeline), "event", None),
        ("demands.yaml", _draft_ids(kb.demands), "demand", None),
        ("people.yaml", _draft_ids(kb.people), "person", "people"),
    )
    return [_draft_line(*section) for section in sections if section[1]]


def _draft_ids(records: Iterable[Entry | TimelineEvent | Demand | Person]) -> list[str]:
    return [r.id for r in records if r.draft]


def _draft_line(file: str, ids: list[str], singular: str, plural: str | None) -> str:
    return (
        f"{file}: {count(len(ids), singular, plural)} still marked draft: true "
        f"(first: {ids[0]}); rewrite each in your words, then delete its draft line"
    )


def unanswered_examples(kb: KnowledgeBase, engine: Engine) -> list[str]:
    return [
        f"article.yaml: the help example {q!r} is declined: rephrase it or teach an entry"
        for q in kb.examples
        if not engine.answer(q).answered
    ]


def warnings(kb: KnowledgeBase, english: English) -> list[str]:
    return [*drafts(kb), *unanswered_examples(kb, Engine(kb, english))]
