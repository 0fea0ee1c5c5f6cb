"""/timeline, /demands, /who, /source and /help on the wire."""

from __future__ import annotations

import pytest

from bot.core.knowledge.model import KnowledgeBase
from tests.e2e.conftest import RunningBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import Json, all_text, block_quotes, embed, normalise


async def show(server: FakeDiscord, command: str, **options: object) -> Json:
    exchange = await server.send_command(command, options)
    assert (await exchange.callback())["type"] == 4
    return embed(await exchange.message())


def assert_quotes_from(text: str, kb: KnowledgeBase) -> None:
    article = normalise(kb.text)
    quotes = block_quotes(text)
    assert quotes, text
    assert all(q in article for q in quotes), quotes


async def test_timeline_lists_events_in_order_with_quotes(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    timeline = await show(server, "timeline")
    assert timeline["title"] == "Timeline"
    fields = timeline["fields"]
    assert len(fields) == min(len(kb.timeline), 25)
    for field, event in zip(fields, kb.timeline, strict=False):
        assert_quotes_from(field["value"], kb)
        if event.date is None:
            assert field["name"].startswith("Undated")


async def test_demands_without_filters_lists_every_demand(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    demands = await show(server, "demands")
    assert demands["title"] == "Demands"
    assert len(demands["fields"]) == min(len(kb.demands), 25)
    for field in demands["fields"]:
        assert_quotes_from(field["value"], kb)


async def test_demands_filters_by_who_and_of_whom(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    for by in {d.by for d in kb.demands}:
        name = normalise(kb.speaker(by).name)
        shown = await show(server, "demands", by=by)
        expected = sum(d.by == by for d in kb.demands)
        assert len(shown["fields"]) == expected
        assert all(normalise(f["name"]).startswith(name) for f in shown["fields"])
    for of, label in kb.targets:
        shown = await show(server, "demands", of=of)
        expected = sum(d.of == of for d in kb.demands)
        if expected == 0:
            assert shown["title"] == "No matching demands"
        else:
            assert len(shown["fields"]) == expected
            assert all(normalise(f["name"]).endswith(normalise(label)) for f in shown["fields"])
    demand = kb.demands[0]
    both = await show(server, "demands", by=demand.by, of=demand.of)
    assert len(both["fields"]) == sum(d.by == demand.by and d.of == demand.of for d in kb.demands)


async def test_who_shows_a_role_and_its_quote(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    for person in kb.people[:3]:
        card = await show(server, "who", name=person.name)
        assert normalise(card["title"]) == person.name
        assert_quotes_from(card["description"], kb)


async def test_who_autocomplete_and_an_unknown_name(server: FakeDiscord, bot: RunningBot) -> None:
    exchange = await server.send_autocomplete("who", {"name": "law"}, "name")
    choices = await exchange.choices()
    assert 1 <= len(choices) <= 25
    assert any("Lawlor" in c["name"] for c in choices)
    nobody = await show(server, "who", name="Zebulon Quartermaine")
    assert nobody["title"] == "Nobody by that name"


async def test_source_names_the_article_and_its_author(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    source = await show(server, "source")
    assert normalise(source["title"]) == kb.title
    assert kb.author in normalise(all_text({"embeds": [source]}))


@pytest.mark.parametrize("which", ["first", "last"])
async def test_source_paragraph_is_shown_verbatim(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, which: str
) -> None:
    number = 1 if which == "first" else len(kb.paragraphs)
    card = await show(server, "source", paragraph=number)
    assert normalise(card["description"]) == normalise(kb.paragraph(number).text)


@pytest.mark.parametrize("number", [-3, 13, 10_000])
async def test_source_paragraph_out_of_range_says_so(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase, number: int
) -> None:
    if number == 13:
        number = len(kb.paragraphs) + 1
    card = await show(server, "source", paragraph=number)
    assert card["title"] == f"No paragraph {number}"
    assert f"1 to {len(kb.paragraphs)}" in card["description"]


async def test_help_lists_the_commands(server: FakeDiscord, bot: RunningBot) -> None:
    text = all_text({"embeds": [await show(server, "help")]})
    for command in ("/ask", "/timeline", "/demands", "/who", "/source", "/help"):
        assert command in text
