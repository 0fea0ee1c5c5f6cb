"""@mentions and DMs answered as replies, bots ignored, user text escaped, nobody pinged."""

from __future__ import annotations

import pytest

from bot.core.knowledge.model import KnowledgeBase
from tests.e2e.conftest import RunningBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.limits import message_problems
from tests.e2e.helpers import ZWSP, Json, block_quotes, embed, normalise, unescape

QUESTION = "who is Mary Lawlor?"


def assert_reply_to(reply: Json, message: Json, kb: KnowledgeBase) -> None:
    assert str(reply["message_reference"]["message_id"]) == message["id"]
    quotes = block_quotes(embed(reply)["description"])
    assert quotes
    assert all(q in normalise(kb.text) for q in quotes)


async def test_mention_in_a_channel_is_answered_as_a_reply(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    exchange = await server.send_message(QUESTION, mention=True)
    reply = await exchange.message()
    assert_reply_to(reply, exchange.payload, kb)
    request = (await exchange.requests.wait_for(lambda r: r.method == "POST")).json
    assert request["allowed_mentions"]["parse"] == []
    assert not request["allowed_mentions"].get("replied_user")  # the reply pings nobody


async def test_dm_is_answered_as_a_reply(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    exchange = await server.send_message(QUESTION, guild=None)
    assert_reply_to(await exchange.message(), exchange.payload, kb)


async def test_buttons_under_a_mention_reply_work(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    reply = await (await server.send_message(QUESTION, mention=True)).message()
    shown = await (await server.click(reply, label="Read the paragraph")).message()
    assert shown["flags"] & 64
    refusal = await (await server.click(reply, label="Why this answer?", user=server.bob)).message()
    assert "belong to the person who asked" in refusal["content"]


async def test_messages_from_bots_and_unaddressed_messages_are_ignored(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    ignored = [
        await server.send_message(QUESTION, mention=True, user=server.other_bot),
        await server.send_message(QUESTION, guild=None, user=server.other_bot),
        await server.send_message(QUESTION, mention=True, user=server.bot_user),
        await server.send_message(QUESTION),  # in a channel, not addressed to the bot
    ]
    # Events are handled in order: once a later message is answered, the earlier ones were seen.
    later = await server.send_message(QUESTION, mention=True)
    await later.message()
    await (await server.send_message(QUESTION, guild=None)).message()
    assert [len(e.requests) for e in ignored] == [0, 0, 0, 0]


HOSTILE = (
    "@everyone @here <@&123456> <@42> **bold** __under__ `code` [link](https://x.test) > quote"
)


async def test_hostile_question_is_echoed_escaped_in_slash_answers(
    server: FakeDiscord, bot: RunningBot
) -> None:
    message = await (await server.send_command("ask", {"question": HOSTILE})).message()
    title = embed(message)["title"]
    assert "@everyone" not in title
    assert "@here" not in title
    assert "<@&123456>" not in title
    assert "**bold**" not in title
    assert f"@{ZWSP}everyone" in title
    assert unescape(title) == HOSTILE


async def test_hostile_mention_is_echoed_escaped_in_replies(
    server: FakeDiscord, bot: RunningBot
) -> None:
    reply = await (await server.send_message(HOSTILE, mention=True)).message()
    title = embed(reply)["title"]
    assert "@everyone" not in title
    assert "<@&123456>" not in title
    assert unescape(title) == HOSTILE


LONG_QUESTIONS = [
    "*" * 300,
    "@everyone " * 30,
    "why " * 75,
    "a" * 300,
    "😀" * 300,
]


@pytest.mark.parametrize("question", LONG_QUESTIONS, ids=["stars", "everyone", "why", "a", "emoji"])
async def test_long_questions_stay_within_limits(
    server: FakeDiscord, bot: RunningBot, question: str
) -> None:
    message = await (await server.send_command("ask", {"question": question})).message()
    assert embed(message)["title"]
    reply = await (await server.send_message(question * 6, mention=True)).message()
    assert embed(reply)["title"]


async def test_every_payload_the_bot_sent_pings_nobody_and_fits(
    server: FakeDiscord, bot: RunningBot
) -> None:
    answer = await (
        await server.send_command("ask", {"question": "Who exposed Pegasus?"})
    ).message()
    await (await server.click(answer, label="Why this answer?")).message()
    await (await server.send_command("ask", {"question": HOSTILE}, guild=None)).message()
    await (await server.send_message(HOSTILE, mention=True)).message()
    for command in ("timeline", "demands", "source", "help"):
        await (await server.send_command(command)).message()
    payloads = server.message_payloads()
    assert len(payloads) >= 8
    for payload in payloads:
        assert payload["allowed_mentions"]["parse"] == []
        assert message_problems(payload) == []


async def test_no_privileged_intent_is_requested(server: FakeDiscord, bot: RunningBot) -> None:
    (identify,) = [f.d for f in server.gateway.frames if f.op == 2]
    message_content, members, presences = 1 << 15, 1 << 1, 1 << 8
    assert identify["intents"] & (message_content | members | presences) == 0
    # Mentions and DMs still carry their text (see the tests above); other messages don't.
