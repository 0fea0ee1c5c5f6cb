"""The preview tools (tests/preview/) are for people, but they must keep running: a card
preview that no longer builds is found here, not when someone wants to look at the cards."""

from __future__ import annotations

from tests.preview.cards import cards
from tests.preview.discord_html import page


def test_every_card_preview_builds_and_renders() -> None:
    shown = cards()
    assert {"answer", "decline-near", "timeline-1", "help", "who"} <= shown.keys()
    for name, message in shown.items():
        embed = message["embeds"][0]
        assert embed["title"], name
        html = page(message, title=name)
        assert "<html" in html.lower(), name
