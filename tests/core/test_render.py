"""The shared user-visible text: limits, escaping, splitting, cards and the JSON contract."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import limits, render
from bot.core.answering import Engine
from bot.core.card import Card, Field, fit, total_length, within_limits
from bot.core.model import KnowledgeBase
from bot.core.render import answer_card, answer_json, card_to_text, escape, split_message, why_card
from tests.json_contract import JSON_KEYS

NASTY = [
    "",
    "   ",
    "x" * 100_000,
    "@everyone " * 5_000,
    "\x00\x01\x1b[31m who is david kaye \x7f",
    "🙂🙂🙂",
    "مرحبا، من هو ديفيد كاي؟",
    "\u202eevil\u202c who is kaye",
    "**who** _is_ `kaye` ||spoiler|| [link](http://example.com) > quote # heading",
    "<@123> <@&5> <#9> @here",
    "\n\n\n".join(["paragraph"] * 3_000),
]


def all_cards(kb: KnowledgeBase, engine: Engine) -> list[Card]:
    answers = [engine.answer(q) for e in kb.entries for q in e.phrasings]
    answers += [engine.answer(text) for text in NASTY]
    speakers = [None, *(s.id for s in kb.speakers)]
    targets = [None, *(t for t, _ in kb.targets)]
    return [
        *(answer_card(a, kb) for a in answers),
        *(why_card(a, kb) for a in answers),
        *(render.paragraph_card(kb, n) for n in range(-1, len(kb.paragraphs) + 3)),
        *(render.demands_card(kb, by, of) for by in speakers for of in targets),
        *(render.who_card(p, kb) for p in kb.people),
        render.nobody_card("x" * 10_000, kb),
        render.timeline_card(kb),
        render.source_card(kb),
        render.help_card(),
        render.help_card(console=True),
    ]


def test_every_card_is_within_discords_limits(kb, engine):
    for card in all_cards(kb, engine):
        assert within_limits(card), card.title


def test_fit_cuts_huge_cards_to_every_limit():
    huge = Card(
        "t " * 1_000,
        "d " * 10_000,
        tuple(Field("n " * 500, "v " * 2_000) for _ in range(30)),
        "f " * 2_000,
    )
    fitted = fit(huge)
    assert within_limits(fitted)
    assert total_length(fitted) <= limits.EMBED_TOTAL
    assert fitted.title.endswith("...")
    assert fitted.description.endswith("...")


def test_fit_replaces_empty_field_parts_discord_would_reject():
    assert within_limits(fit(Card("t", "d", (Field("", "  "),))))


def test_reference_cards_drop_nothing_for_the_real_knowledge(kb):
    assert len(render.demands_card(kb).fields) == len(kb.demands)
    assert len(render.timeline_card(kb).fields) == len(kb.timeline)


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 10, 50])
def test_cut_stays_within_the_limit_and_shows_it_cut(limit):
    text = "The UN experts call for a global moratorium on surveillance technology"
    result = limits.cut(text, limit)
    assert len(result) <= limit
    assert result.endswith(".") or len(result) < 3


def test_cut_prefers_a_word_boundary():
    assert limits.cut("alpha beta gamma delta", 15) == "alpha beta..."
    assert limits.cut("short", 10) == "short"


@given(st.text(), st.integers(min_value=1, max_value=300))
@settings(max_examples=300)
def test_split_message_never_exceeds_the_limit_and_loses_only_whitespace(text, limit):
    chunks = split_message(text, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert "".join("".join(c.split()) for c in chunks) == "".join(text.split())


def test_split_message_prefers_paragraphs_then_lines_then_words():
    text = "first paragraph here\n\nsecond line one\nsecond line two"
    assert split_message(text, 40) == ["first paragraph here", "second line one\nsecond line two"]
    assert split_message("one two three four", 9) == ["one two", "three", "four"]
    assert split_message("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_message("   ") == []


MENTION = re.compile(r"@(everyone|here)|<@!?&?\d+>|<#\d+>")


@pytest.mark.parametrize("text", ["@everyone", "@here", "<@123>", "<@!123>", "<@&5>", "<#42>"])
def test_escape_neutralises_mentions(text):
    assert not MENTION.search(escape(f"hi {text} there"))


def test_escape_neutralises_markdown_and_masked_links():
    assert escape("**bold** _it_ ~~s~~ `code` ||spoil||") == (
        r"\*\*bold\*\* \_it\_ \~\~s\~\~ \`code\` \|\|spoil\|\|"
    )
    assert escape("[click](http://evil.example)") == r"\[click\](http://evil.example)"
    assert escape("> quote\n# heading\n- item") == "\\> quote\n\\# heading\n\\- item"


def test_escape_strips_control_characters_but_keeps_scripts_and_emoji():
    assert escape("a\x00b\x1b[0mc\u202ed") == r"ab\[0mcd"
    for text in ("שלום עולם", "مرحبا", "日本語", "🙂👍🏽", "👨‍👩‍👧"):
        assert escape(text) == text


@given(st.text())
def test_escape_leaves_no_mention_or_control_character(text):
    escaped = escape(text)
    assert not MENTION.search(escaped)
    assert all(c == "\n" or unicodedata.category(c) != "Cc" for c in escaped)


def test_answer_card_shows_answer_quote_speaker_and_paragraph(kb, engine):
    entry = kb.entries[0]
    card = answer_card(engine.answer(entry.question), kb)
    text = card_to_text(card)
    assert card.title == escape(entry.question)
    assert "\n".join(f"> {line}" for line in entry.quote.splitlines()) in text
    assert kb.speaker(entry.speaker).name in text
    assert f"Paragraph {entry.paragraph} of *{kb.title}*, by {kb.author}" in text


def test_a_decline_says_so_and_suggests_at_most_three_questions(kb, engine):
    answer = engine.answer("What is the best pizza topping?")
    assert not answer.answered
    card = answer_card(answer, kb)
    assert "doesn't cover" in card.description
    suggested = [line for f in card.fields for line in f.value.splitlines()]
    assert 1 <= len(suggested) <= 3


def test_the_question_is_echoed_escaped(kb, engine):
    card = answer_card(engine.answer("@everyone **who** is <@123> kaye?"), kb)
    assert not MENTION.search(card.title)
    assert r"\*\*who\*\*" in card.title


def test_why_card_shows_match_confidence_and_runner_up(kb, engine):
    answer = engine.answer(kb.entries[0].question)
    text = card_to_text(why_card(answer, kb))
    assert render.percent(answer.confidence) in text
    assert "Runner-up" in text
    assert answer.matched is not None
    assert answer.matched.entry.id in text


def test_answer_json_has_exactly_the_contract_keys(kb, engine):
    for question in (kb.entries[0].question, "lol", ""):
        data = answer_json(engine.answer(question), kb)
        assert list(data) == JSON_KEYS
        assert isinstance(data["answered"], bool)
        assert isinstance(data["suggestions"], list)


def test_answer_json_of_an_answer(kb, engine):
    entry = kb.entries[0]
    data = answer_json(engine.answer(entry.question), kb)
    assert data["answered"] is True
    assert data["entry"] == entry.id
    assert data["quote"] == entry.quote
    assert data["paragraph"] == entry.paragraph
    assert data["speaker"] == kb.speaker(entry.speaker).name


@given(st.text(max_size=2_000))
@settings(max_examples=150, deadline=None)
def test_any_text_gives_a_valid_card_and_json(kb, engine, text):
    answer = engine.answer(text)
    assert within_limits(answer_card(answer, kb))
    assert within_limits(why_card(answer, kb))
    data = answer_json(answer, kb)
    assert list(data) == JSON_KEYS
    assert data["quote"] is None or data["quote"] in kb.text
    assert data["paragraph"] is None or 1 <= data["paragraph"] <= len(kb.paragraphs)
    confidence = data["confidence"]
    assert isinstance(confidence, float)
    assert 0 <= confidence <= 1
    assert confidence == round(confidence, 3)


def test_paragraph_card_in_and_out_of_range(kb):
    assert render.paragraph_card(kb, 1).description == escape(kb.paragraphs[0].text)
    last = len(kb.paragraphs)
    for number in (last + 1, -5):
        card = render.paragraph_card(kb, number)
        assert card.description == f"The article has paragraphs 1 to {last}."
    # Paragraph 0 is the headline and byline, which the title and author answers cite.
    assert render.paragraph_card(kb, 0).description == escape(kb.header)


def test_demands_keeps_kaye_2019_apart_from_the_experts(kb):
    kaye = card_to_text(render.demands_card(kb, by="kaye"))
    experts = card_to_text(render.demands_card(kb, by="experts"))
    assert "2019" in kaye
    assert "The UN experts" not in kaye
    assert "David Kaye" not in experts


def test_demands_filters_and_no_match_message(kb):
    israel = render.demands_card(kb, of="israel")
    assert israel.fields
    assert all("Israel" in f.name for f in israel.fields)
    nothing = render.demands_card(kb, by="kaye", of="israel")
    assert nothing.title == "No matching demands"
    assert "no demands" in nothing.description


def test_who_card_and_nobody_card(kb):
    person = kb.people[0]
    assert person.quote in card_to_text(render.who_card(person, kb))
    assert "nobody called" in render.nobody_card("Zorro", kb).description


def test_timeline_labels_undated_events(kb):
    card = render.timeline_card(kb)
    for event, field in zip(kb.timeline, card.fields, strict=True):
        assert field.name.startswith("Undated") == (event.date is None)
