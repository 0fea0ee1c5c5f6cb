"""Capture the payloads the real bot sends, for looking at them as a Discord user would.

    .venv/bin/python -m tests.preview.capture OUT_DIR [--shoot]

Runs the real bot (`run_bot`, as `rapporteur run` does) against the local Discord server of
tests/e2e, asks and clicks through every kind of card, and writes OUT_DIR/NAME.json (the
message as the server stored it), OUT_DIR/NAME.html (tests/preview/discord_html.py) and, with
--shoot, OUT_DIR/NAME.png from headless Chromium. A tool for people, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app.client import run_bot
from bot.knowledge_files import load_dir
from tests.e2e.conftest import settings_for
from tests.e2e.fake_discord import FakeDiscord
from tests.preview.discord_html import page

Json = dict[str, Any]
Scenario = Callable[[FakeDiscord], Awaitable[Json]]


async def _command(server: FakeDiscord, command: str, **options: object) -> Json:
    return await (await server.send_command(command, dict(options))).message()


async def _click(server: FakeDiscord, question: str, label: str) -> Json:
    answer = await _command(server, "ask", question=question)
    return await (await server.click(answer, label=label)).message()


async def _mention(server: FakeDiscord) -> Json:
    exchange = await server.send_message("who is Mary Lawlor?", mention=True)
    return await exchange.message()


SCENARIOS: dict[str, Scenario] = {
    "answer": lambda s: _command(s, "ask", question="Who exposed Pegasus?"),
    "answer-cut-quote": lambda s: _command(s, "ask", question="How many phones were hacked?"),
    "decline-off-topic": lambda s: _command(s, "ask", question="What is the capital of Peru?"),
    "decline-near": lambda s: _command(s, "ask", question="When was Irene Khan appointed?"),
    "why": lambda s: _click(s, "Who exposed Pegasus?", "Why this answer?"),
    "paragraph": lambda s: _click(s, "Who exposed Pegasus?", "Read the paragraph"),
    "timeline": lambda s: _command(s, "timeline"),
    "demands": lambda s: _command(s, "demands"),
    "demands-kaye": lambda s: _command(s, "demands", by="kaye-2019"),
    "who": lambda s: _command(s, "who", name="Irene Khan"),
    "source": lambda s: _command(s, "source"),
    "help": lambda s: _command(s, "help"),
    "mention": _mention,
}


async def capture(kb: KnowledgeBase) -> dict[str, Json]:
    server = FakeDiscord()
    await server.start()
    stopping = asyncio.Event()
    task = asyncio.create_task(run_bot(settings_for(server), kb, stop=stopping))
    try:
        await server.wait_for_event("ready", 0, within=10)
        return {name: await scenario(server) for name, scenario in SCENARIOS.items()}
    finally:
        stopping.set()
        await asyncio.wait_for(task, 10)
        await server.close()


def shoot(html: Path, png: Path, width: int = 760) -> None:
    """A screenshot of `html` with headless Chromium (Debian's package)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{_height(html)}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )


def _height(html: Path) -> int:
    # The page says how tall it needs to be (a rough estimate made while rendering it).
    text = html.read_text(encoding="utf-8")
    marker = 'data-height="'
    at = text.find(marker)
    return int(text[at + len(marker) : text.index('"', at + len(marker))]) if at >= 0 else 900


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shoot", action="store_true", help="also take PNG screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    messages = asyncio.run(capture(load_dir()))
    for name, message in messages.items():
        (args.out / f"{name}.json").write_text(
            json.dumps(message, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        html = args.out / f"{name}.html"
        html.write_text(page(message, title=name), encoding="utf-8")
        if args.shoot:
            shoot(html, args.out / f"{name}.png")
        print(args.out / name)


if __name__ == "__main__":
    main()
