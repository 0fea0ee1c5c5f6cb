"""The core's cards rendered directly (no bot), as the Discord adapter is meant to send them:
the tone as the colour bar, a decline's suggestions as buttons labelled by
`render.suggestion_label`, the pages of /timeline and /demands one by one.

    .venv/bin/python -m tests.preview.cards OUT_DIR [--shoot]

For looking at the core's text while the adapter catches up; `capture.py` shows what the
real bot sends.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.core import render
from bot.core.answering import Engine
from bot.core.render.card import Card
from bot.knowledge_files import load_dir
from bot.lexicon_files import english
from tests.preview.capture import shoot
from tests.preview.discord_html import page

Json = dict[str, Any]
# The colours the preview gives each tone (the adapter picks its own).
TONES = {"answer": 0x2B6CB0, "decline": 0xB7791F, "info": 0x4A5568}


def payload(card: Card, buttons: list[tuple[str, int]] = (), ephemeral: bool = False) -> Json:  # type: ignore[assignment]
    embed: Json = {"title": card.title, "description": card.description, "color": TONES[card.tone]}
    embed["fields"] = [{"name": f.name, "value": f.value, "inline": f.inline} for f in card.fields]
    if card.footer:
        embed["footer"] = {"text": card.footer}
    rows = [
        {"type": 1, "components": [{"type": 2, "label": label, "style": style}]}
        for label, style in buttons
    ]
    return {"embeds": [embed], "components": rows, "flags": 64 if ephemeral else 0}


def cards() -> dict[str, Json]:
    kb = load_dir()
    engine = Engine(kb, english())
    shown: dict[str, Json] = {}
    answer_buttons = [("Read the paragraph", 1), ("Why this answer?", 2)]
    for name, question in (
        ("answer", "Who exposed Pegasus?"),
        ("answer-cut-quote", "How many phones were hacked?"),
        ("decline-off-topic", "What is the capital of Peru?"),
        ("decline-near", "When was Irene Khan appointed?"),
    ):
        answer = engine.answer(question)
        buttons = (
            answer_buttons
            if answer.answered
            else [(render.suggestion_label(answer, e), 2) for e in answer.suggestions]
        )
        shown[name] = payload(render.answer_card(answer, kb), buttons)
        shown[f"{name}-why"] = payload(render.why_card(answer, kb), ephemeral=True)
    for number, card in enumerate(render.timeline_pages(kb), 1):
        shown[f"timeline-{number}"] = payload(card, [("◀", 2), ("▶", 2)])
    for number, card in enumerate(render.demands_pages(kb), 1):
        shown[f"demands-{number}"] = payload(card, [("◀", 2), ("▶", 2)])
    mentions = {n: f"</{n}:1>" for n in ("ask", "timeline", "demands", "who", "source", "help")}
    shown["help"] = payload(render.help_card(kb, commands=mentions))
    shown["source"] = payload(render.source_card(kb, commands=mentions))
    shown["who"] = payload(render.who_card(kb.people[0], kb))
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shoot", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, message in cards().items():
        html = args.out / f"card-{name}.html"
        html.write_text(page(message, title=name), encoding="utf-8")
        if args.shoot:
            shoot(html, args.out / f"card-{name}.png")
        print(html.with_suffix(""))


if __name__ == "__main__":
    main()
