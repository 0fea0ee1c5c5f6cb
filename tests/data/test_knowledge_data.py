"""The shipped knowledge base itself: complete, consistent, and answerable as curated."""

from __future__ import annotations

from bot.core.answering import Engine, agree
from bot.core.knowledge.model import Citation, KnowledgeBase
from bot.core.measure.coverage import coverage


def test_every_sentence_of_the_article_is_cited(kb: KnowledgeBase) -> None:
    uncovered = [c.text for c in coverage(kb) if not c.entries]
    assert uncovered == []


def test_every_curated_phrasing_answers_its_own_entry(kb: KnowledgeBase, engine: Engine) -> None:
    # Autocomplete and the suggestions under a decline offer these phrasings' questions, so
    # each must come back to its own entry, or to one that agrees with it (same passage, or
    # linked as related): never a decline, never another answer.
    wrong = []
    for entry in kb.entries:
        for phrasing in entry.phrasings:
            got = engine.answer(phrasing).entry
            if got is None or not (got == entry or agree(got, entry)):
                wrong.append((entry.id, phrasing, got.id if got else "declined"))
    assert wrong == []


def test_autocomplete_offers_only_questions_that_answer_themselves(
    kb: KnowledgeBase, engine: Engine
) -> None:
    for typed in ("", "who", "kaye", "nso", "what did", "ban"):
        for entry in engine.complete(typed):
            assert engine.answer(entry.question).entry == entry, entry.question


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


def test_every_record_that_quotes_is_a_citation_of_its_paragraph(kb: KnowledgeBase) -> None:
    records: list[Citation] = [*kb.entries, *kb.timeline, *kb.demands, *kb.people]
    assert len(records) > len(kb.entries)
    for record in records:
        assert record.quote in kb.paragraph(record.paragraph).text


_OPENERS = ("", "ok so ", "wait ", "lol ", "yo ", "hey quick q, ", "ngl ", "um ", "sorry but ")
_CLOSERS = ("", " lol", " ??", " pls", " tho", " 🤔", " fr", " or what", " idk", " thx")


def test_every_curated_question_in_chat_wrappers_answers_its_own_entry(
    kb: KnowledgeBase, engine: Engine
) -> None:
    # Each entry's own question, lower-cased, inside every opener and a closer picked in
    # turn: chat around a question must not change its answer.
    wrong = []
    for i, entry in enumerate(kb.entries):
        question = entry.question.rstrip("?")
        for j, opener in enumerate(_OPENERS):
            closer = _CLOSERS[(i + j) % len(_CLOSERS)]
            text = f"{opener}{question[0].lower()}{question[1:]}{closer}"
            got = engine.answer(text).entry
            if got is None or not agree(got, entry):
                wrong.append((entry.id, text, got.id if got else None))
    assert wrong == []


def _slips(word: str) -> list[str]:
    """A word with two letters swapped, one dropped and one doubled, at its middle."""
    i = len(word) // 2
    return [
        word[:i] + word[i + 1] + word[i] + word[i + 2 :],
        word[:i] + word[i + 1 :],
        word[:i] + word[i] + word[i:],
    ]


def test_a_slip_in_a_curated_phrasing_never_answers_another_entry(
    kb: KnowledgeBase, engine: Engine
) -> None:
    # A typo in a phrasing's longest word may make the bot decline, but a confident answer
    # to another question would be the worst thing it could do.
    wrong = []
    for entry in kb.entries:
        for phrasing in entry.phrasings:
            said = phrasing.split()
            longest = max(range(len(said)), key=lambda i: len(said[i]))
            if len(said[longest]) < 6:
                continue
            for slip in _slips(said[longest]):
                text = " ".join([*said[:longest], slip, *said[longest + 1 :]])
                got = engine.answer(text).entry
                if got is not None and not agree(got, entry):
                    wrong.append((entry.id, text, got.id))
    assert wrong == []
