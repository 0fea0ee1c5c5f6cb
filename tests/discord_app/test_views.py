from __future__ import annotations

import discord

from bot.core.answering import Answer
from bot.discord_app import notices
from bot.discord_app.answers import Asker
from bot.discord_app.views import AnswerView, may_use


def view_for(asker: Asker, answer: Answer) -> AnswerView:
    return AnswerView(asker, answer, owner_id=1, private=False)


def answered_with_related(asker: Asker) -> Answer:
    entry = next(e for e in asker.kb.entries if e.related)
    answer = asker.engine.answer(entry.question)
    assert answer.entry == entry
    return answer


def assert_components_within_limits(view: AnswerView) -> None:
    rows = view.to_components()
    assert len(rows) <= 5
    for row in rows:
        assert len(row["components"]) <= 5
        for component in row["components"]:
            assert len(component.get("label", "")) <= 80
            assert len(component.get("custom_id", "")) <= 100
            options = component.get("options", [])
            assert len(options) <= 25
            assert len({o["value"] for o in options}) == len(options)
            assert all(1 <= len(o["label"]) <= 100 for o in options)


def test_only_the_asker_may_use_the_buttons():
    assert may_use(1, 1)
    assert not may_use(1, 2)


async def test_an_answer_has_paragraph_why_and_related(kb, engine):
    asker = Asker(engine, kb)
    answer = answered_with_related(asker)
    view = view_for(asker, answer)
    buttons = [c for c in view.children if isinstance(c, discord.ui.Button)]
    selects = [c for c in view.children if isinstance(c, discord.ui.Select)]
    assert [b.label for b in buttons] == [notices.READ_PARAGRAPH, notices.WHY]
    assert len(selects) == 1
    assert answer.entry is not None
    related = [kb.entry(i).question for i in dict.fromkeys(answer.entry.related)]
    assert [o.label for o in selects[0].options] == related
    assert_components_within_limits(view)


async def test_an_answer_without_related_questions_has_no_menu(kb, engine):
    entry = next((e for e in kb.entries if not e.related), None)
    if entry is None:
        return  # every entry has related questions
    view = view_for(Asker(engine, kb), engine.answer(entry.question))
    assert not any(isinstance(c, discord.ui.Select) for c in view.children)


async def test_a_decline_offers_up_to_three_did_you_mean_buttons(kb, engine):
    answer = engine.answer("what is the capital of peru?")
    assert not answer.answered
    view = view_for(Asker(engine, kb), answer)
    labels = [c.label for c in view.children if isinstance(c, discord.ui.Button)]
    assert 1 <= len(labels) <= 3
    assert len(labels) == len(view.children)
    assert all(label and label.startswith("Did you mean") for label in labels)
    assert_components_within_limits(view)


async def test_long_suggestions_are_cut_to_the_label_limit():
    assert len(notices.did_you_mean("why " * 100)) <= notices.BUTTON_LABEL
    assert notices.did_you_mean("why " * 100).endswith("...")


async def test_timeout_disables_everything_and_edits_the_message(kb, engine):
    asker = Asker(engine, kb)
    view = view_for(asker, answered_with_related(asker))
    edited: list[AnswerView] = []

    async def edit(v: AnswerView) -> None:
        edited.append(v)

    view._edit = edit
    await view.on_timeout()
    assert edited == [view]
    assert all(getattr(c, "disabled", False) for c in view.children)


async def test_timeout_without_a_message_still_disables(kb, engine):
    view = view_for(Asker(engine, kb), engine.answer("who is irene khan"))
    await view.on_timeout()
    assert all(getattr(c, "disabled", False) for c in view.children)


def test_the_cooldown_notice_says_when_to_try_again():
    text = notices.cooldown(12.2, 5, 30.0)
    assert "5 questions every 30 seconds" in text
    assert "13 seconds" in text
    assert notices.cooldown(0.2, 5, 30.0).endswith("in 1 second.")
