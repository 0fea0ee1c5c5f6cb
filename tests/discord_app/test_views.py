from __future__ import annotations

from typing import Any

import discord

from bot.core.answering import Answer
from bot.core.render import suggestion_label
from bot.core.render.limits import escape
from bot.core.render.reference import timeline_card
from bot.discord_app import notices, pages
from bot.discord_app.answers import Asker
from bot.discord_app.pages import PageButton, filter_id, page_reply, pager
from bot.discord_app.views import (
    ANSWER_ITEMS,
    NO_ENTRY,
    answer_view,
    may_use,
    question_of,
)

ASKER = 123456789012345678


def view_for(asker: Asker, answer: Answer, private: bool = False) -> discord.ui.View:
    return answer_view(answer, asker.kb, ASKER, private)


def components(view: discord.ui.View) -> list[dict[str, Any]]:
    return [c for row in view.to_components() for c in row["components"]]


def answered_with_related(asker: Asker) -> Answer:
    entry = next(e for e in asker.kb.entries if e.related)
    answer = asker.engine.answer(entry.question)
    assert answer.entry == entry
    return answer


def assert_components_within_limits(view: discord.ui.View) -> None:
    rows = view.to_components()
    assert len(rows) <= 5
    ids = [c["custom_id"] for row in rows for c in row["components"]]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert len(row["components"]) <= 5
        for component in row["components"]:
            assert len(component.get("label", "")) <= 80
            assert 1 <= len(component["custom_id"]) <= 100
            options = component.get("options", [])
            assert len(options) <= 25
            assert len({o["value"] for o in options}) == len(options)
            assert all(1 <= len(o["label"]) <= 100 for o in options)


def matching_item(custom_id: str) -> type:
    """The DynamicItem class discord.py would route this custom_id to (by its template)."""
    found = [
        i
        for i in (*ANSWER_ITEMS, PageButton)
        if i.__discord_ui_compiled_template__.fullmatch(custom_id)
    ]
    assert len(found) == 1, (custom_id, found)
    return found[0]


def test_only_the_asker_may_use_the_buttons():
    assert may_use(1, 1)
    assert not may_use(1, 2)


async def test_an_answer_has_paragraph_why_report_and_related(kb, engine):
    asker = Asker(engine, kb)
    answer = answered_with_related(asker)
    view = view_for(asker, answer)
    found = components(view)
    buttons = [c["label"] for c in found if c["type"] == 2]
    menus = [c for c in found if c["type"] == 3]
    assert buttons == [notices.READ_PARAGRAPH, notices.WHY, notices.REPORT]
    assert answer.entry is not None
    related = [kb.entry(i) for i in dict.fromkeys(answer.entry.related)]
    assert [o["label"] for o in menus[0]["options"]] == [e.question for e in related]
    assert [o["value"] for o in menus[0]["options"]] == [e.id for e in related]
    assert_components_within_limits(view)


async def test_every_custom_id_carries_its_state_and_routes_to_one_item(kb, engine):
    asker = Asker(engine, kb)
    answer = answered_with_related(asker)
    assert answer.entry is not None
    ids = [c["custom_id"] for c in components(view_for(asker, answer, private=True))]
    assert ids[0] == f"rp:para:{answer.entry.paragraph}:{ASKER}"
    assert ids[1] == f"rp:why:{ASKER}"
    assert ids[2] == f"rp:report:{answer.entry.id}"
    assert ids[3] == f"rp:rel:{ASKER}:1"
    assert [matching_item(i).__name__ for i in ids] == [
        "ParagraphButton",
        "WhyButton",
        "ReportButton",
        "RelatedSelect",
    ]


async def test_the_view_is_finished_so_discord_py_keeps_nothing(kb, engine):
    # A finished view is not put in the client's view store when sent: nothing per answer.
    view = view_for(Asker(engine, kb), engine.answer("who is irene khan"))
    assert view.is_finished()


async def test_a_decline_offers_its_suggestions_as_buttons_and_a_report(kb, engine):
    answer = engine.answer("what is the capital of peru?")
    assert not answer.answered
    view = view_for(Asker(engine, kb), answer)
    found = components(view)
    assert 2 <= len(found) <= 4
    assert found[-1]["custom_id"] == f"rp:report:{NO_ENTRY}"
    suggestions = found[:-1]
    assert [c["label"] for c in suggestions] == [
        suggestion_label(answer, e)[:80] for e in answer.suggestions[:3]
    ]
    for component, entry in zip(suggestions, answer.suggestions, strict=False):
        assert component["custom_id"] == f"rp:try:{entry.id}:{ASKER}:0"
        assert matching_item(component["custom_id"]).__name__ == "SuggestionButton"
    assert_components_within_limits(view)


def test_the_question_is_read_back_from_the_card_title():
    asked = "Who is *she* @everyone? 1. <#5> \\"
    message: Any = type("M", (), {"embeds": [discord.Embed(title=escape(asked))]})
    assert escape(asked) != asked
    assert question_of(message) == asked
    assert question_of(None) == ""


async def test_pages_have_previous_and_next_within_limits():
    first = pager("d", 0, 3, ASKER, "un-experts", "")
    ids = [c["custom_id"] for c in components(first)]
    disabled = [c.get("disabled", False) for c in components(first)]
    assert disabled == [True, True, False]
    assert ids[2] == f"rp:page:d:1:{ASKER}:un-experts:"
    assert matching_item(ids[2]) is PageButton
    last = pager("t", 2, 3, ASKER, "", "")
    assert [c.get("disabled", False) for c in components(last)] == [False, True, True]
    assert_components_within_limits(first)
    assert_components_within_limits(last)


def test_a_filter_is_carried_as_an_id():
    options = [("un-experts", "UN experts"), ("kaye-2019", "David Kaye, 2019")]
    assert filter_id(None, options) == ""
    assert filter_id("kaye-2019", options) == "kaye-2019"
    assert filter_id("David Kaye", options) == "kaye-2019"
    assert filter_id("Nobody At All", options) is None


def test_the_cooldown_notice_says_when_to_try_again():
    text = notices.cooldown(12.2, 5, 30.0)
    assert "5 questions every 30 seconds" in text
    assert "13 seconds" in text
    assert notices.cooldown(0.2, 5, 30.0).endswith("in 1 second.")


def test_filters_too_long_to_carry_get_one_page_without_buttons(kb, monkeypatch):
    card = timeline_card(kb)
    monkeypatch.setattr(pages, "demands_pages", lambda kb, by, of: (card, card))
    assert page_reply(kb, "d", 0, ASKER, "un-experts", "").view is not None
    assert page_reply(kb, "d", 0, ASKER, "x" * 90, "").view is None
