"""/ask on the wire: the answer embed, a decline, every button and the menu, autocomplete."""

from __future__ import annotations

import json
import logging
import re

import pytest

from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app import notices
from tests.e2e.conftest import RunningBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import (
    Json,
    all_text,
    block_quotes,
    embed,
    is_ephemeral,
    labels,
    normalise,
    select_menu,
)

ANSWERABLE = "Who exposed Pegasus?"
UNANSWERABLE = "What is the capital of Peru?"
REPORT = "Report a wrong answer"


def assert_is_answer(message: Json, kb: KnowledgeBase) -> None:
    """An answer embed: at least one block quote, each word for word from the article."""
    description = embed(message)["description"]
    quotes = block_quotes(description)
    assert quotes, description
    article = normalise(kb.text)
    for quote in quotes:
        assert quote in article
    assert re.search(r" · paragraph \d+$", description)


async def ask(server: FakeDiscord, question: str, **options: object) -> Json:
    exchange = await server.send_command("ask", {"question": question, **options})
    return await exchange.message()


async def test_answer_quotes_the_article_verbatim(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    exchange = await server.send_command("ask", {"question": ANSWERABLE})
    assert (await exchange.callback())["type"] == 4  # answered at once, not deferred
    message = await exchange.message()
    assert normalise(embed(message)["title"]) == ANSWERABLE
    assert_is_answer(message, kb)
    assert not is_ephemeral(message)
    assert labels(message)[:2] == ["Read the paragraph", "Why this answer?"]


async def test_private_answer_is_ephemeral(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    message = await ask(server, ANSWERABLE, private=True)
    assert is_ephemeral(message)
    assert_is_answer(message, kb)


async def test_ask_works_in_a_dm(server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase) -> None:
    exchange = await server.send_command("ask", {"question": ANSWERABLE}, guild=None)
    assert_is_answer(await exchange.message(), kb)


async def test_decline_offers_did_you_mean_buttons_that_answer(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    decline = await ask(server, UNANSWERABLE)
    assert "doesn't cover" in embed(decline)["description"]
    assert labels(decline)[-1] == REPORT
    buttons = labels(decline)[:-1]
    assert 1 <= len(buttons) <= 3
    for label in buttons:
        answer = await (await server.click(decline, label=label)).message()
        assert_is_answer(answer, kb)
        if not label.endswith("..."):  # a long question is cut in the label
            assert normalise(embed(answer)["title"]) in label  # "Try: ..." / "Did you mean ..."


async def test_read_the_paragraph_shows_it_whole_and_privately(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    answer = await ask(server, ANSWERABLE)
    found = re.search(r"paragraph (\d+)$", embed(answer)["description"])
    assert found is not None
    number = int(found.group(1))
    shown = await (await server.click(answer, label="Read the paragraph")).message()
    assert is_ephemeral(shown)
    assert normalise(embed(shown)["description"]) == normalise(kb.paragraph(number).text)


async def test_why_this_answer_explains_the_match_privately(
    server: FakeDiscord, bot: RunningBot
) -> None:
    answer = await ask(server, ANSWERABLE)
    why = await (await server.click(answer, label="Why this answer?")).message()
    assert is_ephemeral(why)
    assert embed(why)["title"] == "Why this answer?"
    assert "It matched the question “" in embed(why)["description"]
    assert "entry:" not in all_text(why)  # plain words, no internal ids


async def test_related_questions_menu_answers_the_pick(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    answer = await ask(server, ANSWERABLE)
    menu = select_menu(answer)
    assert 1 <= len(menu["options"]) <= 25
    for option in menu["options"]:
        picked = await (await server.click(answer, values=[option["value"]])).message()
        assert_is_answer(picked, kb)
        if not option["label"].endswith("..."):
            assert normalise(embed(picked)["title"]) == option["label"]


@pytest.mark.parametrize("question", [ANSWERABLE, UNANSWERABLE])
async def test_someone_else_is_refused_politely(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, question: str
) -> None:
    message = await ask(server, question)
    for label in labels(message)[:-1]:  # all but "Report a wrong answer", open to anyone
        refusal = await (await server.click(message, label=label, user=server.bob)).message()
        assert is_ephemeral(refusal)
        assert "belong to the person who asked" in all_text(refusal)
    if question == ANSWERABLE:
        first = select_menu(message)["options"][0]["value"]
        refusal = await (await server.click(message, values=[first], user=server.bob)).message()
        assert is_ephemeral(refusal)
        assert "belong to the person who asked" in all_text(refusal)
    # The asker's own click still works afterwards.
    own = await (await server.click(message, label=labels(message)[0])).message()
    assert "belong to the person who asked" not in all_text(own)


@pytest.mark.parametrize(
    "typed", ["", "moratorium", "who", "pegasus spy", "x" * 300, "@everyone **", "日本語 ✓ 🚀"]
)
async def test_autocomplete_suggests_at_most_25_questions(
    server: FakeDiscord, bot: RunningBot, typed: str
) -> None:
    choices = await (
        await server.send_autocomplete("ask", {"question": typed}, "question")
    ).choices()
    assert len(choices) <= 25
    for choice in choices:
        assert 1 <= len(choice["name"]) <= 100
        assert 1 <= len(choice["value"]) <= 100
    if typed == "moratorium":
        assert any("moratorium" in c["name"].lower() for c in choices)


async def test_a_suggestion_picked_from_autocomplete_is_answered(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    choices = await (
        await server.send_autocomplete("ask", {"question": "pegasus"}, "question")
    ).choices()
    assert choices
    assert_is_answer(await ask(server, choices[0]["value"]), kb)


@pytest.mark.parametrize("question", [ANSWERABLE, UNANSWERABLE])
async def test_report_a_wrong_answer_thanks_privately_and_logs_no_one(
    server: FakeDiscord, bot: RunningBot, caplog: pytest.LogCaptureFixture, question: str
) -> None:
    caplog.set_level(logging.INFO)
    message = await ask(server, question)
    thanks = await (await server.click(message, label=REPORT, user=server.bob)).message()
    assert is_ephemeral(thanks)
    assert all_text(thanks) == notices.REPORT_THANKS
    reports = [r for r in caplog.records if r.name == "rapporteur.reports"]
    assert len(reports) == 1
    assert reports[0].levelno == logging.WARNING
    found = re.fullmatch(r"report: entry=([a-z0-9-]+) question=(.+)", reports[0].getMessage())
    assert found is not None, reports[0].getMessage()
    assert json.loads(found.group(2)) == question
    assert (found.group(1) == "-") == (question == UNANSWERABLE)
    for user in (server.alice, server.bob):
        assert user["id"] not in caplog.text
        assert user["username"] not in caplog.text


async def test_buttons_under_a_private_answer_stay_private(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    decline = await ask(server, UNANSWERABLE, private=True)
    assert is_ephemeral(decline)
    suggested = await (await server.click(decline, label=labels(decline)[0])).message()
    assert is_ephemeral(suggested)  # the private flag travels in the button's custom_id
    assert_is_answer(suggested, kb)
    why = await (await server.click(suggested, label="Why this answer?")).message()
    assert is_ephemeral(why)
    first = select_menu(suggested)["options"][0]["value"]
    related = await (await server.click(suggested, values=[first])).message()
    assert is_ephemeral(related)
    assert_is_answer(related, kb)
