"""The shared user-visible text: limits, escaping, splitting, cards and the JSON contract."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core import render
from bot.core.answering import Answer, Candidate, Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import (
    answer_card,
    answer_json,
    card_to_text,
    escape,
    limits,
    reference,
    split_message,
    why_card,
)
from bot.core.render.card import Card, Field, fit, total_length, within_limits
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
        *render.timeline_pages(kb),
        *(page for by in speakers for of in targets for page in render.demands_pages(kb, by, of)),
        render.source_card(kb),
        render.help_card(),
        render.help_card(console=True),
        render.help_card(kb, commands={"ask": "</ask:1234567890123456789>"}),
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
    assert card.tone == "answer"
    assert card.title == escape(entry.question)
    assert escape(entry.quote) in card.description
    attribution = card.description.splitlines()[-1]
    assert (
        attribution == f"— {render.speaker_name(kb, entry.speaker)} · paragraph {entry.paragraph}"
    )
    assert card.footer.startswith(f"{kb.title}, by {kb.author} · confidence ")


def test_every_answer_names_the_author_once(kb, engine):
    for entry in kb.entries:
        card = answer_card(engine.answer(entry.question), kb)
        text = "\n".join((card.description, card.footer))
        said = entry.quote + entry.answer  # the article-title entry's answer is the title
        assert text.count(kb.author) - said.count(kb.author) == 1, entry.id
        assert text.count(kb.title) - said.count(kb.title) == 1, entry.id


def test_the_speaker_drops_only_a_repeated_byline(kb):
    assert render.speaker_name(kb, "reporter") == "The reporter"
    assert render.speaker_name(kb, "un-experts") == kb.speaker("un-experts").name


def test_a_quote_cut_inside_a_sentence_is_marked_and_stays_verbatim(kb):
    for entry in kb.entries:
        text = kb.paragraph(entry.paragraph).text
        at = text.index(entry.quote)
        lead, trail = reference.cut_marks(kb, entry.quote, entry.paragraph)
        # A quote starting at the paragraph's start, or right after a full stop, is not cut.
        if at == 0 or text[:at].rstrip().endswith((".", "?", "!")):
            assert not lead, entry.id
        if text.endswith(entry.quote):
            assert not trail, entry.id
        shown = reference.quoted(kb, entry.quote, entry.paragraph)
        inner = "\n".join(line.removeprefix("> ") for line in shown.splitlines())
        assert inner.startswith("…") == lead
        assert inner.endswith("…") == trail
        assert inner.strip("…") == escape(entry.quote)


def test_cut_marks_on_made_up_sentences(kb):
    text = kb.paragraph(2).text  # "The call for a moratorium follows ... political leaders."
    assert reference.cut_marks(kb, text, 2) == (False, False)
    assert reference.cut_marks(kb, text[:40], 2) == (False, True)
    assert reference.cut_marks(kb, text[10:], 2) == (True, False)
    assert reference.cut_marks(kb, text[:-1], 2) == (False, False)  # only the full stop left


def test_a_decline_is_its_own_tone_and_lists_suggestions_only_in_the_console(kb, engine):
    answer = engine.answer("What is the best pizza topping?")
    assert not answer.answered
    discord_card = answer_card(answer, kb)
    assert discord_card.tone == "decline"
    assert "doesn't cover" in discord_card.description
    assert not discord_card.fields  # Discord shows them once, as buttons
    assert "below" in discord_card.description
    console = answer_card(answer, kb, console=True)
    suggested = [line for f in console.fields for line in f.value.splitlines()]
    assert 1 <= len(suggested) <= 3
    assert [line.removeprefix("• ") for line in suggested] == [
        escape(e.question) for e in answer.suggestions
    ]


def test_suggestion_labels_say_did_you_mean_only_when_the_question_was_near(kb, engine):
    far = engine.answer("What is the capital of Peru?")
    assert all(render.suggestion_label(far, e).startswith("Try: ") for e in far.suggestions), (
        far.reason
    )
    near = next(
        a
        for q in ("When was Irene Khan appointed?", "How many experts are there?")
        for a in [engine.answer(q)]
        if a.reason in ("question-kind", "asked-about")
    )
    assert near.matched is not None
    assert render.suggestion_label(near, near.matched.entry).startswith("Did you mean: ")


def test_suggestion_labels_fit_a_button(kb, engine):
    for text in ("lol", "who is the president", "when did kaye speak", "x " * 300):
        answer = engine.answer(text)
        for entry in answer.suggestions:
            label = render.suggestion_label(answer, entry)
            assert 0 < len(label) <= 80
            assert entry.question[:20] in label


def test_the_question_is_echoed_escaped(kb, engine):
    card = answer_card(engine.answer("@everyone **who** is <@123> kaye?"), kb)
    assert not MENTION.search(card.title)
    assert r"\*\*who\*\*" in card.title


def test_why_card_says_in_plain_words_what_matched_how_sure_and_what_came_close(kb, engine):
    for question in ("who exposed pegasus", "What is the capital of Peru?", "kaye", ""):
        answer = engine.answer(question)
        text = card_to_text(why_card(answer, kb))
        ids = {e.id for e in kb.entries}
        assert not any(re.search(rf"\b{re.escape(i)}\b", text) for i in ids if "-" in i)
        if answer.matched is not None:
            assert f"“{answer.matched.entry.question}”" in text
        if answer.answered:
            assert f"{render.answers.confidence_percent(answer.confidence)} confidence" in text
        if answer.runner_up is not None:
            assert f"“{answer.runner_up.entry.question}”" in text
        else:
            assert "Nothing else came close" in text


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
    # Paragraph 0 is the headline and byline (knowledge/README.md), cited by their entries.
    assert data["paragraph"] is None or 0 <= data["paragraph"] <= len(kb.paragraphs)
    if data["paragraph"] == 0:
        assert data["quote"] in kb.header
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


def test_every_card_has_a_tone(kb, engine):
    for card in all_cards(kb, engine):
        assert card.tone in ("answer", "decline", "info")


def test_pages_fit_one_screen_and_say_which_page(kb):
    speakers = [None, *(s.id for s in kb.speakers)]
    for pages in (render.timeline_pages(kb), *(render.demands_pages(kb, by) for by in speakers)):
        for number, page in enumerate(pages, 1):
            assert len(page.description) <= 1200, page.description
            assert page.description.count("\n> ") + page.description.startswith("> ") <= 5
            assert f"page {number} of {len(pages)}" in page.footer


def test_pages_keep_every_item_once_in_order(kb):
    shown = "\n".join(p.description for p in render.timeline_pages(kb))
    at = [shown.index(reference.quoted(kb, e.quote, e.paragraph)) for e in kb.timeline]
    assert at == sorted(at)
    shown = "\n".join(p.description for p in render.demands_pages(kb))
    for demand in kb.demands:
        assert shown.count(reference.quoted(kb, demand.quote, demand.paragraph)) == 1


def test_undated_events_share_one_heading(kb):
    pages = render.timeline_pages(kb)
    text = "\n".join(p.description for p in pages)
    undated = sum(1 for e in kb.timeline if e.date is None)
    assert undated > 1
    headings = text.count("**Undated**")
    assert headings <= len(pages)  # once, and again only on a page it carries over to
    assert text.count("**Undated** (continued)") == headings - 1


def test_demands_show_the_quote_not_a_paraphrase_of_it(kb):
    text = "\n".join(p.description for p in render.demands_pages(kb))
    repeated = [d for d in kb.demands if escape(d.what) in text]
    for demand in repeated:  # kept only when it says what the quote doesn't
        assert reference._repeats(demand.what, demand.quote) is False


def test_demands_pages_keep_kaye_2019_apart_and_say_when_nothing_matches(kb):
    kaye = "\n".join(p.description for p in render.demands_pages(kb, by="kaye"))
    assert "David Kaye (2019) →" in kaye
    assert "The UN experts" not in kaye
    (nothing,) = render.demands_pages(kb, by="kaye", of="israel")
    assert nothing.title == "No matching demands"


def test_help_shows_command_mentions_and_no_console_instructions(kb):
    mentions = {name: f"</{name}:42>" for name in ("ask", "timeline", "demands", "who", "source")}
    card = render.help_card(kb, commands=mentions)
    text = card_to_text(card)
    for mention in mentions.values():
        assert mention in text
    assert "/help" in text  # not in the mapping: shown plainly
    for discord_card in (card, render.source_card(kb), render.help_card(kb)):
        assert "rapporteur " not in card_to_text(discord_card).casefold()
        assert "console" not in card_to_text(discord_card).casefold()


def test_console_help_explains_why(kb):
    text = card_to_text(render.help_card(kb, console=True))
    assert "why" in text
    assert "quit" in text


def test_console_text_has_no_markdown_and_colour_only_when_asked(kb, engine):
    answer = engine.answer("who is david kaye")
    card = answer_card(answer, kb)
    assert "**" in card.description
    plain = card_to_text(card)
    assert "**" not in plain
    assert "\x1b[" not in plain
    assert "\\" not in card_to_text(render.who_card(kb.people[0], kb))
    coloured = card_to_text(card, colour=True)
    assert "\x1b[1m" in coloured
    assert re.sub(r"\x1b\[\d+m", "", coloured) == plain
    page = card_to_text(render.timeline_pages(kb)[0])
    assert "-# " not in page
    assert "**" not in page


def test_each_who_to_whom_heading_comes_once(kb):
    text = "\n".join(p.description for p in render.demands_pages(kb))
    headings = re.findall(r"^\*\*(.+?)\*\*(?: \(continued\))?$", text, re.MULTILINE)
    starts = [h for h in re.findall(r"^\*\*(.+?)\*\*$", text, re.MULTILINE)]
    assert len(starts) == len(set(starts)), headings
    assert len(set(headings)) == len({(d.by, d.of) for d in kb.demands})


@pytest.mark.parametrize(
    ("score", "reason", "lead"),
    [
        (0.9, "question-kind", "Did you mean: "),
        (0.6, "unknown-words", "Did you mean: "),
        (render.NEAR_SCORE, "weak", "Did you mean: "),
        (render.NEAR_SCORE - 0.01, "question-kind", "Try: "),
        (0.2, "weak", "Try: "),
    ],
)
def test_did_you_mean_follows_how_near_the_entry_came(kb, score, reason, lead):
    near, other = kb.entries[0], kb.entries[1]
    matched = Candidate(near, score, near.question)
    answer = Answer("q", None, min(score, 0.49), matched, None, (near, other), reason)
    assert render.suggestion_label(answer, near).startswith(lead)
    assert render.suggestion_label(answer, other).startswith("Try: ")  # a filler suggestion


def test_every_help_example_is_answered(kb, engine):
    text = card_to_text(render.help_card(kb))
    examples = [line.removeprefix("• ") for line in text.splitlines() if line.startswith("• ")]
    assert examples
    for example in examples:
        assert engine.answer(example).answered, example


def test_confidence_is_never_shown_as_certain():
    assert render.answers.confidence_percent(1.0) == "99%"
    assert render.answers.confidence_percent(0.0) == "1%"
    assert render.answers.confidence_percent(0.874) == "87%"


def test_a_name_the_article_does_not_mention_is_said_so(kb, engine):
    first = next(p for p in kb.people if p.kind == "person").name.split()[0]
    last = [p for p in kb.people if p.kind == "person"][1].name.split()[-1]
    card = render.answer_card(engine.answer(f"Who is {first} {last}?"), kb)
    assert card.tone == "decline"
    assert "doesn't mention" in card.description
