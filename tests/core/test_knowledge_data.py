"""The shipped knowledge base itself: complete, consistent, and answerable as curated."""

from __future__ import annotations

from bot.core.answering import Engine
from bot.core.coverage import coverage
from bot.core.model import KnowledgeBase


def test_every_sentence_of_the_article_is_cited(kb: KnowledgeBase) -> None:
    uncovered = [c.text for c in coverage(kb) if not c.entries]
    assert uncovered == []


def test_every_curated_phrasing_is_answered(kb: KnowledgeBase, engine: Engine) -> None:
    # A phrasing the engine declines is dead weight; one that lands on another paragraph
    # is a collision between entries. A handful of near-synonymous entries may share one.
    declined, elsewhere = [], []
    for entry in kb.entries:
        for phrasing in entry.phrasings:
            answer = engine.answer(phrasing)
            if answer.entry is None:
                declined.append(phrasing)
            elif answer.entry.paragraph != entry.paragraph:
                elsewhere.append((phrasing, entry.id, answer.entry.id))
    assert declined == []
    assert len(elsewhere) <= 10, elsewhere


def test_references_point_both_ways_to_real_things(kb: KnowledgeBase) -> None:
    ids = {e.id for e in kb.entries}
    for item in (*kb.timeline, *kb.demands, *kb.people):
        assert item.entry is None or item.entry in ids
        assert item.quote in kb.paragraph(item.paragraph).text
    speakers = {s.id for s in kb.speakers}
    assert {d.by for d in kb.demands} <= speakers
    assert {t for t, _ in kb.targets} >= {d.of for d in kb.demands}


def test_timeline_is_in_order(kb: KnowledgeBase) -> None:
    dated = [t.date for t in kb.timeline if t.date is not None]
    assert dated == sorted(dated)
    undated = [t.paragraph for t in kb.timeline if t.date is None]
    assert undated == sorted(undated)
