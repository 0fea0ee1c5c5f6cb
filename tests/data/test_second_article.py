"""The engine and the cards on a second, unrelated article (tests/fixtures/council): the code
works for any knowledge base, and nothing of the first article shows in the second's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import render
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.measure.evaluation import parse_questions, score
from bot.core.render import answer_json, card_to_text
from bot.core.render.card import Card, within_limits
from bot.knowledge_files import load_dir
from bot.lexicon_files import english
from tests.article_words import distinctive_words, occurrences
from tests.core.answering.test_engine import BAD_INPUTS, check_valid
from tests.core.render.test_render import all_cards

COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "council"


@pytest.fixture(scope="module")
def council() -> KnowledgeBase:
    return load_dir(COUNCIL)


@pytest.fixture(scope="module")
def council_engine(council: KnowledgeBase) -> Engine:
    return Engine(council, english())


def reference_cards(kb: KnowledgeBase, engine: Engine) -> list[Card]:
    """Every card the second article shows that echoes no user text."""
    answers = [engine.answer(q) for e in kb.entries for q in e.phrasings]
    return [
        *(render.answer_card(a, kb) for a in answers),
        *(render.why_card(a, kb) for a in answers),
        *(render.paragraph_card(kb, n) for n in range(0, len(kb.paragraphs) + 2)),
        render.demands_card(kb),
        *(render.who_card(p, kb) for p in kb.people),
        render.timeline_card(kb),
        render.source_card(kb),
        render.help_card(kb),
        render.help_card(kb, console=True),
    ]


def test_every_entry_answers_its_own_question(council, council_engine) -> None:
    for entry in council.entries:
        assert council_engine.answer(entry.question).entry == entry, entry.id


def test_question_set(council, council_engine) -> None:
    questions = parse_questions((COUNCIL / "questions.yaml").read_text(encoding="utf-8"))
    report = score(questions, lambda q: answer_json(council_engine.answer(q), council))
    assert report.answerable is not None
    assert report.answerable >= 0.9
    assert report.declined == 1.0  # including every question about the first article


def test_junk_gets_a_valid_answer(council, council_engine) -> None:
    for text in BAD_INPUTS:
        check_valid(council_engine.answer(text), council)


def test_the_bot_is_addressed_by_its_name_from_the_knowledge_base(council, council_engine):
    plain = council_engine.answer("Who is Dr. Ortiz?")
    addressed = council_engine.answer(f"hey {council.bot_name}, who is Dr. Ortiz?")
    assert plain.entry is not None
    assert addressed.entry == plain.entry


def test_help_examples_are_answered_by_their_own_base(kb, engine, council, council_engine):
    for base, answering in ((kb, engine), (council, council_engine)):
        assert base.examples
        for question in base.examples:
            assert answering.answer(question).answered, question


def test_help_shows_this_articles_examples(kb, council) -> None:
    for base in (kb, council):
        text = card_to_text(render.help_card(base))
        assert all(q in text for q in base.examples)


def test_nothing_of_the_first_article_in_the_seconds_output(kb, council, council_engine):
    first = distinctive_words(kb)
    asked = [q for e in kb.entries for q in e.phrasings[:2]]  # the first article's questions
    cards = reference_cards(council, council_engine)
    texts = [card_to_text(card) for card in cards]
    for question in asked:  # what a decline offers instead (the question itself is echoed)
        answer = council_engine.answer(question)
        texts += [e.question for e in answer.suggestions]
        texts += [answer.entry.quote] if answer.entry else []
    found = {hit for text in texts for hit in occurrences(first, text)}
    assert found == set()


def test_questions_about_the_first_article_are_declined(kb, council_engine) -> None:
    questions = [e.question for e in kb.entries] + list(kb.examples)
    answered = [q for q in questions if council_engine.answer(q).answered]
    assert len(answered) <= len(questions) // 20, answered  # generic ones may fit ("who wrote")


def test_cards_fit_discord_on_the_second_article(council, council_engine) -> None:
    for card in all_cards(council, council_engine):
        assert within_limits(card), card.title
