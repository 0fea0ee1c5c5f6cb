"""/timeline, /demands, /who, /source and /help on the wire."""

from __future__ import annotations

import dataclasses
import re

import pytest

from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import reference
from bot.core.render.card import Card
from bot.core.render.reference import demands_card
from bot.discord_app import pages
from bot.discord_app.cogs import overview
from tests.e2e.conftest import RunningBot, StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import Json, all_text, block_quotes, embed, normalise


async def show(server: FakeDiscord, command: str, **options: object) -> Json:
    exchange = await server.send_command(command, options)
    assert (await exchange.callback())["type"] == 4
    return embed(await exchange.message())


async def show_pages(server: FakeDiscord, command: str, **options: object) -> list[Json]:
    """Every page of a paged answer (pressing Next until it is disabled)."""
    exchange = await server.send_command(command, options)
    assert (await exchange.callback())["type"] == 4
    message = await exchange.message()
    pages = [embed(message)]
    while (button := next_button(message)) is not None and not button.get("disabled"):
        message = await (await server.click(message, custom_id=button["custom_id"])).message()
        pages.append(embed(message))
    return pages


def items(pages: list[Json]) -> int:
    """How many items a paged list shows: each ends with its "-# paragraph N" line."""
    return sum(len(re.findall(r"^-# ", page.get("description", ""), re.M)) for page in pages)


def quotes_on(pages: list[Json], kb: KnowledgeBase) -> None:
    for page in pages:
        assert_quotes_from(page["description"], kb)


def headings(pages: list[Json]) -> list[str]:
    text = "\n".join(page.get("description", "") for page in pages)
    return re.findall(r"^\*\*(.+?)\*\*$", text, re.M)


def next_button(message: Json) -> Json | None:
    buttons = [c for row in message.get("components", []) for c in row["components"]]
    return next((b for b in buttons if b.get("label") == "Next"), None)


def assert_quotes_from(text: str, kb: KnowledgeBase) -> None:
    article = normalise(kb.text)
    quotes = block_quotes(text)
    assert quotes, text
    assert all(q in article for q in quotes), quotes


async def test_timeline_lists_events_in_order_with_quotes(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    pages = await show_pages(server, "timeline")
    assert {page["title"] for page in pages} == {"Timeline"}
    assert items(pages) == len(kb.timeline)
    quotes_on(pages, kb)
    undated = [e for e in kb.timeline if e.date is None]
    assert headings(pages).count("Undated") == (1 if undated else 0)  # said once, not per event


async def test_demands_without_filters_lists_every_demand(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    pages = await show_pages(server, "demands")
    assert {page["title"] for page in pages} == {"Demands"}
    assert items(pages) == len(kb.demands)
    quotes_on(pages, kb)


async def test_demands_filters_by_who_and_of_whom(
    server: FakeDiscord, bot: RunningBot, kb: KnowledgeBase
) -> None:
    for by in {d.by for d in kb.demands}:
        name = normalise(reference.short_speaker(kb, by))
        pages = await show_pages(server, "demands", by=by)
        assert items(pages) == sum(d.by == by for d in kb.demands)
        assert all(normalise(h).startswith(name) for h in headings(pages))
    for of, label in kb.targets:
        pages = await show_pages(server, "demands", of=of)
        expected = sum(d.of == of for d in kb.demands)
        if expected == 0:
            assert pages[0]["title"] == "No matching demands"
        else:
            assert items(pages) == expected
            assert all(normalise(h).endswith(normalise(label)) for h in headings(pages))
    demand = kb.demands[0]
    pages = await show_pages(server, "demands", by=demand.by, of=demand.of)
    expected = sum(d.by == demand.by and d.of == demand.of for d in kb.demands)
    assert items(pages) == expected


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


def split(card: Card, size: int) -> tuple[Card, ...]:
    """The card as pages of `size` fields: what reference.py's *_pages give for long lists."""
    chunks = [card.fields[i : i + size] for i in range(0, len(card.fields), size)] or [()]
    return tuple(dataclasses.replace(card, fields=chunk) for chunk in chunks)


async def test_pages_turn_for_the_asker_and_open_privately_for_others(
    server: FakeDiscord, start_bot: StartBot, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        pages, "demands_pages", lambda kb, by, of: split(demands_card(kb, by, of), 2)
    )
    await start_bot()
    exchange = await server.send_command("demands", {"by": kb.demands[0].by})
    first = await exchange.message()
    count = len(split(demands_card(kb, kb.demands[0].by, None), 2))
    assert count > 1
    labels = [c["label"] for row in first["components"] for c in row["components"]]
    assert labels == ["Previous", f"1 / {count}", "Next"]
    turned = await server.click(first, label="Next")
    assert (await turned.callback())["type"] == 7  # the asker's click edits the message
    second = await turned.message()
    assert second["id"] == first["id"]
    assert f"2 / {count}" in [c["label"] for row in second["components"] for c in row["components"]]
    assert embed(second)["fields"] != embed(first)["fields"]
    # Someone else gets the page for themselves, with their own buttons; the message stays.
    theirs = await (await server.click(second, label="Previous", user=server.bob)).message()
    assert theirs["flags"] & 64
    assert embed(theirs)["fields"] == embed(first)["fields"]
    assert server.messages[first["id"]]["embeds"] == second["embeds"]
    mine = next_button(theirs)
    assert mine is not None
    assert server.bob["id"] in mine["custom_id"]


async def test_help_gets_the_registered_commands_as_clickable_mentions(
    server: FakeDiscord, start_bot: StartBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[object] = []

    def help_card(kb: KnowledgeBase, **kw: object) -> Card:
        given.append(kw.get("commands"))
        return reference.help_card(kb, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(overview, "help_card", help_card)
    await start_bot(sync=True)  # registers the commands: now they have ids
    await show(server, "help")
    registered = {c["name"]: c["id"] for c in server.commands[None]}
    assert given == [{name: f"</{name}:{i}>" for name, i in registered.items()}]
