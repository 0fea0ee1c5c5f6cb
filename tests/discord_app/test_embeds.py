from __future__ import annotations

import discord
import pytest

from bot.core.render import (
    answer_card,
    demands_card,
    help_card,
    paragraph_card,
    source_card,
    timeline_card,
    who_card,
    why_card,
)
from bot.core.render.card import Card, Field
from bot.discord_app.embeds import to_embed

NASTY = [
    "who exposed pegasus?",
    "@everyone what is <@&123> **bold** `code` > quote",
    "x" * 100_000,
    "\u202eevil\u0000 \U0001f600" * 50,
    "",
]


def assert_within_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title", "")) <= 256
    assert len(data.get("description", "")) <= 4096
    assert len(data.get("fields", [])) <= 25
    for field in data.get("fields", []):
        assert 0 < len(field["name"]) <= 256
        assert 0 < len(field["value"]) <= 1024
    assert len(data.get("footer", {}).get("text", "")) <= 2048
    assert len(embed) <= 6000


def test_a_card_becomes_an_embed():
    card = Card("Title", "Body", (Field("A", "1", inline=True), Field("B", "2")), "Foot")
    data = to_embed(card).to_dict()
    assert data["title"] == "Title"
    assert data["description"] == "Body"
    assert data["fields"] == [
        {"name": "A", "value": "1", "inline": True},
        {"name": "B", "value": "2", "inline": False},
    ]
    assert data["footer"] == {"text": "Foot"}


def test_empty_parts_are_left_out():
    data = to_embed(Card("Title", "")).to_dict()
    assert "description" not in data
    assert "footer" not in data
    assert "fields" not in data


def test_an_oversized_card_is_cut_with_a_visible_ellipsis():
    word = "word " * 3000
    card = Card(word, word, tuple(Field(word, word) for _ in range(40)), word)
    embed = to_embed(card)
    assert_within_limits(embed)
    assert embed.title is not None
    assert embed.title.endswith("...")


@pytest.mark.parametrize("question", NASTY)
def test_answer_and_why_embeds_fit_for_any_question(kb, engine, question):
    answer = engine.answer(question)
    assert_within_limits(to_embed(answer_card(answer, kb)))
    assert_within_limits(to_embed(why_card(answer, kb)))


def test_every_reference_embed_fits(kb):
    cards = [timeline_card(kb), demands_card(kb), source_card(kb), help_card()]
    cards += [paragraph_card(kb, n) for n in range(0, len(kb.paragraphs) + 2)]
    cards += [who_card(person, kb) for person in kb.people]
    cards += [demands_card(kb, by=s.id) for s in kb.speakers]
    cards += [demands_card(kb, of=target) for target, _ in kb.targets]
    for card in cards:
        assert_within_limits(to_embed(card))


def test_user_text_in_an_answer_embed_cannot_ping(kb, engine):
    embed = to_embed(answer_card(engine.answer("@everyone <@123> @here"), kb))
    text = str(embed.to_dict())
    assert "@everyone" not in text
    assert "<@123>" not in text
    assert "@here" not in text
