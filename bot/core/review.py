"""What `rapporteur check` warns about in a valid knowledge base: drafts a curator has not
rewritten yet, and help examples the base does not answer. Warnings, not errors: a draft
from `rapporteur init` loads and answers, it just has not been checked by a person."""

from __future__ import annotations

from bot.core.answering import Engine
from bot.core.model import KnowledgeBase
from bot.core.wording import count


def drafts(kb: KnowledgeBase) -> list[str]:
    """One line per file that still has `draft: true` records."""
    sections = (
        ("entries.yaml", [e.id for e in kb.entries if e.draft], "entry", "entries"),
        ("timeline.yaml", [e.id for e in kb.timeline if e.draft], "event", None),
        ("demands.yaml", [d.id for d in kb.demands if d.draft], "demand", None),
        ("people.yaml", [p.id for p in kb.people if p.draft], "person", "people"),
    )
    return [
        f"{file}: {count(len(ids), singular, plural)} still marked draft: true "
        f"(first: {ids[0]}); rewrite each in your words, then delete its draft line"
        for file, ids, singular, plural in sections
        if ids
    ]


def unanswered_examples(kb: KnowledgeBase, engine: Engine) -> list[str]:
    return [
        f"article.yaml: the help example {q!r} is declined: rephrase it or teach an entry"
        for q in kb.examples
        if not engine.answer(q).answered
    ]


def warnings(kb: KnowledgeBase) -> list[str]:
    return [*drafts(kb), *unanswered_examples(kb, Engine(kb))]
