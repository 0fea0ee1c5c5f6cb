"""The real bot serving the second test article (tests/fixtures/council): slash commands,
mentions, declines and the registered commands show that article only, never the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.knowledge.model import KnowledgeBase
from bot.knowledge_files import load_dir
from tests.article_words import distinctive_words, occurrences
from tests.e2e.conftest import RunningBot, StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import Json, all_text, block_quotes, embed, labels, normalise

COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "council"


@pytest.fixture(scope="module")
def first() -> KnowledgeBase:
    return load_dir()


@pytest.fixture
def kb() -> KnowledgeBase:
    """The knowledge base the bot serves in this module: the second article."""
    return load_dir(COUNCIL)


def assert_none_of(first: KnowledgeBase, message: Json) -> None:
    assert occurrences(distinctive_words(first), all_text(message)) == []


async def command(server: FakeDiscord, command_name: str, **options: object) -> Json:
    exchange = await server.send_command(command_name, options)
    return await exchange.message()


async def test_ask_answers_from_the_second_article(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, first: KnowledgeBase
) -> None:
    answer = await command(server, "ask", question="How many homes will the solar farm power?")
    quotes = block_quotes(embed(answer)["description"])
    assert quotes
    assert all(q in normalise(kb.text) for q in quotes)
    assert "3,000 homes" in quotes[0]
    assert_none_of(first, answer)


async def test_a_question_about_the_first_article_is_declined_with_this_articles_questions(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, first: KnowledgeBase
) -> None:
    decline = await command(server, "ask", question=first.examples[0])
    assert "doesn't cover" in embed(decline)["description"]
    buttons = labels(decline)
    assert buttons
    for label in buttons:
        assert occurrences(distinctive_words(first), label) == []
    for field in embed(decline).get("fields", []):
        assert occurrences(distinctive_words(first), field["value"]) == []


async def test_help_source_who_and_demands_show_this_article(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, first: KnowledgeBase
) -> None:
    shown = {
        "help": await command(server, "help"),
        "source": await command(server, "source"),
        "paragraph": await command(server, "source", paragraph=4),
        "who": await command(server, "who", name="okafor"),
        "demands": await command(server, "demands"),
        "timeline": await command(server, "timeline"),
    }
    for message in shown.values():
        assert_none_of(first, message)
    assert all(q in normalise(all_text(shown["help"])) for q in kb.examples)
    assert normalise(kb.title) in normalise(all_text(shown["source"]))
    assert "Linda Okafor" in all_text(shown["who"])


async def test_a_mention_addressing_the_bot_by_name_is_answered(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, first: KnowledgeBase
) -> None:
    exchange = await server.send_message(f"hey {kb.bot_name}, who is Dr. Ortiz?", mention=True)
    reply = await exchange.message()
    assert "hydrologist" in all_text(reply)
    assert_none_of(first, reply)


async def test_registered_commands_describe_this_articles_options(
    server: FakeDiscord, start_bot: StartBot, kb: KnowledgeBase, first: KnowledgeBase
) -> None:
    guild_id = server.guilds[0]["id"]
    await start_bot(sync=True, DEV_GUILD_ID=guild_id)
    registered = server.commands[guild_id]
    described = " ".join(
        f"{c['description']} {o['description']}" for c in registered for o in c.get("options", [])
    )
    assert occurrences(distinctive_words(first), described) == []
    demands = next(c for c in registered if c["name"] == "demands")
    by = next(o for o in demands["options"] if o["name"] == "by")
    assert by["description"] == kb.option("demands-by", "")
