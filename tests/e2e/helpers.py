"""Reading what the bot sent: embeds, quotes, buttons; undoing the escaping to compare text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.e2e.fake_discord import FakeDiscord

Json = dict[str, Any]
QUESTION = "Who exposed Pegasus?"  # one the article answers
ZWSP = "\u200b"


def unescape(text: str) -> str:
    """Markdown text as a reader sees it: no backslash escapes, no zero-width spaces."""
    return re.sub(r"\\(.)", r"\1", text).replace(ZWSP, "")


def normalise(text: str) -> str:
    return " ".join(unescape(text).split())


def embed(message: Json) -> Json:
    assert len(message["embeds"]) == 1, message
    result: Json = message["embeds"][0]
    return result


def block_quotes(text: str) -> list[str]:
    """The Markdown block quotes in `text` (consecutive "> " lines), as a reader sees them,
    without the "…" that marks where a quote was cut inside a sentence."""
    quotes, current = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("> "):
            current.append(line[2:])
        elif current:
            quotes.append(normalise("\n".join(current)).strip("…"))  # "…" marks a cut
            current = []
    return quotes


def labels(message: Json) -> list[str]:
    """The labels of the buttons under a message."""
    return [
        c["label"] for row in message["components"] for c in row["components"] if c["type"] == 2
    ]


def select_menu(message: Json) -> Json:
    menus = [c for row in message["components"] for c in row["components"] if c["type"] == 3]
    assert len(menus) == 1, message["components"]
    menu: Json = menus[0]
    return menu


def is_ephemeral(message: Json) -> bool:
    return bool(message["flags"] & 64)


def all_text(message: Json) -> str:
    """Content and every embed text of a message, joined."""
    parts = [message.get("content") or ""]
    for e in message.get("embeds", []):
        parts += [
            e.get("title", ""),
            e.get("description", ""),
            (e.get("footer") or {}).get("text", ""),
        ]
        parts += [f"{f['name']}\n{f['value']}" for f in e.get("fields", [])]
    return "\n".join(p for p in parts if p)


async def answered(server: FakeDiscord, question: str = QUESTION) -> bool:
    """Ask by /ask: was the reply an answer (it quotes the article)?"""
    exchange = await server.send_command("ask", {"question": question})
    return bool(block_quotes(embed(await exchange.message())["description"]))
