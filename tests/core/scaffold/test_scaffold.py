"""`rapporteur init`'s pure side: the source format, sentence splitting, and a draft base
that check accepts and that answers questions asked in the article's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import knowledge, render
from bot.core.answering import Engine
from bot.core.knowledge import review
from bot.core.knowledge.article_format import body_blocks
from bot.core.knowledge.model import QUESTION_KINDS, KnowledgeBase, SourceFormat
from bot.core.knowledge.sentences import split
from bot.core.measure.coverage import coverage
from bot.core.render import card_to_text
from bot.core.scaffold import scaffold
from bot.core.scaffold import text as surface
from bot.lexicon_files import english

COUNCIL = Path(__file__).resolve().parents[2] / "fixtures" / "council"
SOURCE = (COUNCIL / "source" / "article.txt").read_text(encoding="utf-8")
# Asked in the article's own words, each with a fragment the right quote contains.
OWN_WORDS = [
    ("How much will the project cost?", "estimated to cost $14 million"),
    ("When will construction begin?", "begin in March 2025"),
    ("Who voted against the plan?", "Greg Hale and Priya Nair"),
    ("What did the anglers club urge the council to do?", "commission an independent study"),
    ("When will the city hold a public meeting?", "public meeting on June 12"),
]


@pytest.fixture(scope="module")
def draft() -> KnowledgeBase:
    return knowledge.load(scaffold(SOURCE, english()))


def test_sentences_keep_abbreviations_and_initials_whole() -> None:
    text = "Dr. Ruiz met the U.S. team on Monday. Ana K. Smith left. “Why?” she asked. Done!"
    assert split(text) == [
        "Dr. Ruiz met the U.S. team on Monday.",
        "Ana K. Smith left.",
        "“Why?” she asked.",
        "Done!",
    ]
    assert split("They met at Acme Corp. Then they left.") == [
        "They met at Acme Corp. Then they left."  # a known abbreviation never ends one
    ]
    assert split("Ask Sgtx. Then go.", abbreviations=["Sgtx."]) == ["Ask Sgtx. Then go."]


@pytest.mark.parametrize("byline", ["By Ana Ruiz", "by Ana Ruiz", "BY ANA RUIZ"])
def test_a_byline_in_any_case_is_not_a_paragraph(byline: str) -> None:
    source = f"A title\n\n{byline}\n\nThe first paragraph.\n\nRelated Posts\n"
    title, found, body = body_blocks(source, SourceFormat(furniture=("Related Posts",)))
    assert (title, found, body) == ("A title", byline, ["The first paragraph."])


def test_a_paragraph_starting_with_by_is_body_after_the_byline() -> None:
    source = "T\n\nBy Ana Ruiz\n\nBy noon the vote was over."
    assert body_blocks(source, SourceFormat())[2] == ["By noon the vote was over."]


def test_surface_guesses() -> None:
    sentence = "Two council members, Greg Hale and Priya Nair, voted in March 2025."
    assert [n.text for n in surface.names(sentence)] == ["Greg Hale", "Priya Nair"]
    assert [(d.when, d.date) for d in surface.dates(sentence)] == [("March 2025", "2025-03")]
    assert {"who", "when", "how-many"} <= set(surface.question_kinds(sentence, False))
    assert [n.kind for n in surface.names("The U.S. Department of Energy paid.")] == [
        "organisation"
    ]
    assert surface.demand_target("The club urged the council to act.") == "council"
    assert surface.demander("We urge the council to act.") is None  # the speaker's demand
    assert surface.base_forms("The company lost $3 million.") == "lose company lost million"
    names = surface.names("Acme Group’s Blue Widget and Golden Fruit Ltd. met.")
    assert [n.text for n in names] == ["Acme Group", "Blue Widget", "Golden Fruit Ltd."]


def test_the_draft_passes_check_and_cites_every_sentence(draft: KnowledgeBase) -> None:
    assert draft.title == SOURCE.splitlines()[0]
    assert draft.author == "Ana Ruiz"
    assert len(draft.paragraphs) == 10  # "Related Posts" is furniture
    assert all(line.entries for line in coverage(draft))
    assert all(e.draft for e in draft.entries)
    assert all(set(e.kinds) <= set(QUESTION_KINDS) for e in draft.entries)
    assert {p.name for p in draft.people} >= {"Linda Okafor", "Samuel Ortiz", "Tom Becker"}
    assert [e.date for e in draft.timeline if e.date] == ["2024-10", "2025-03"]
    assert draft.demands
    assert draft.speakers[0].id == "reporter"
    assert any(s.name == "Tom Becker" for s in draft.speakers)  # quoted with "said Tom Becker"


def test_check_warns_about_drafts(draft: KnowledgeBase) -> None:
    warnings = review.warnings(draft, english())
    assert any(w.startswith("entries.yaml:") and "draft: true" in w for w in warnings)
    assert not review.unanswered_examples(draft, Engine(draft, english()))


def test_the_draft_answers_questions_in_the_articles_words(draft: KnowledgeBase) -> None:
    engine = Engine(draft, english())
    right = [
        q
        for q, fragment in OWN_WORDS
        if (a := engine.answer(q)).entry and fragment in a.entry.quote
    ]
    assert len(right) >= 4, right


def test_the_draft_declines_the_first_article(kb: KnowledgeBase, draft: KnowledgeBase) -> None:
    engine = Engine(draft, english())
    questions = [*kb.examples, "What did David Kaye recommend?", "Who is Irene Khan?"]
    assert [q for q in questions if engine.answer(q).answered] == []


def test_an_article_with_no_names_dates_or_demands() -> None:
    source = "Quiet week\n\nThe weather stayed mild and nothing much happened in town.\n"
    kb = knowledge.load(scaffold(source, english()))
    assert (kb.timeline, kb.demands, kb.people) == ((), (), ())
    assert kb.author == "the reporter"
    texts = [
        card_to_text(render.demands_card(kb)),
        card_to_text(render.nobody_card("Someone", kb)),
        card_to_text(render.timeline_card(kb)),
        card_to_text(render.source_card(kb)),
        card_to_text(render.paragraph_card(kb, 2)),
    ]
    for text in texts:
        assert " ." not in text, text
        assert ": ." not in text, text
        assert "It mentions" not in text, text
    assert "The article reports no demands." in texts[0]
    assert "1 paragraph." in texts[3]
    assert "(N: paragraph 1)" in texts[3]
    assert "The article has paragraph 1." in texts[4]
    help_text = card_to_text(render.help_card(kb))
    assert "/ask" in help_text
    assert "/timeline" not in help_text
    assert "/demands" not in help_text


def test_a_long_sentence_is_quoted_clause_by_clause() -> None:
    clause = "a member of the board who has served on the finance committee for years"
    paragraph = f"The board includes Ana Ruiz, {clause}; Tom Hale, {clause}; and Li Wu, {clause}."
    source = f"Board named\n\nBy A. Writer\n\n{paragraph}\n"
    kb = knowledge.load(scaffold(source, english()))
    quotes = [e.quote for e in kb.entries if not e.id.startswith("who-")]
    assert len(quotes) == 3
    assert quotes[0].endswith(";")
    assert "".join(q + " " for q in quotes).strip() == paragraph
