"""Screenshots of what users see: the bot's real payloads, drawn Discord-style, shot by Chromium.

    .venv/bin/python -m tests.e2e.shots OUT_DIR

Runs the bot against the local Discord server, plays a few users (an answer, a decline, the
buttons, the paged /timeline and /demands, /who, /source, /help, a mention), renders each
message the server received as HTML in Discord's dark theme (embed colour bar, Markdown,
block quotes, command mentions, buttons, menus) and shoots it with headless Chromium
(Debian's `chromium` package). Not part of `make test`: a tool for looking.
"""

from __future__ import annotations

import asyncio
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.discord_app.client import run_bot
from bot.knowledge_files import load_dir
from tests.e2e.fake_discord import FakeDiscord

Json = dict[str, Any]
STYLE = """
body { background:#313338; color:#dbdee1; font: 15px/1.375 "gg sans","Noto Sans",sans-serif;
       margin:0; padding:16px 16px 16px 72px; width:560px; }
.who { color:#f2f3f5; font-weight:600; margin-bottom:4px; }
.who .tag { background:#5865f2; color:#fff; font-size:10px; border-radius:3px; padding:1px 4px;
            margin-left:4px; vertical-align:middle; }
.eph { color:#949ba4; font-size:12px; margin-top:6px; }
.embed { background:#2b2d31; border-left:4px solid; border-radius:4px; padding:8px 16px 16px 12px;
         max-width:520px; margin-top:4px; }
.title { color:#f2f3f5; font-weight:600; margin-top:8px; }
.desc, .fv { margin-top:8px; white-space:normal; }
.fn { color:#f2f3f5; font-weight:600; margin-top:8px; font-size:14px; }
.foot { color:#b5bac1; font-size:12px; margin-top:8px; }
blockquote { margin:4px 0; padding-left:12px; border-left:4px solid #4e5058; }
.mention { background:rgba(88,101,242,.3); color:#c9cdfb; border-radius:3px; padding:0 2px; }
.row { margin-top:8px; display:flex; flex-wrap:wrap; gap:8px; }
.btn { border-radius:3px; padding:2px 16px; min-height:32px; display:flex; align-items:center;
       font-size:14px; font-weight:500; color:#fff; }
.s1 { background:#5865f2; } .s2 { background:#4e5058; } .s3 { background:#248046; }
.s4 { background:#da373c; } .off { opacity:.5; }
.select { background:#1e1f22; border-radius:4px; padding:10px; width:400px; color:#949ba4; }
.content { margin-top:4px; }
"""


def markdown(text: str) -> str:
    """The Markdown Discord renders in embeds, enough to read the cards as users do."""
    out = []
    quote: list[str] = []
    for line in text.split("\n"):
        if line.startswith("> "):
            quote.append(inline(line[2:]))
            continue
        if quote:
            out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote = []
        out.append(inline(line) + "<br>")
    if quote:
        out.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
    return "".join(out)


def inline(text: str) -> str:
    escaped: list[str] = []

    def keep(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"\x00{len(escaped) - 1}\x00"

    text = re.sub(r"\\(.)", keep, text).replace("\u200b", "")
    text = html.escape(text)
    text = re.sub(r"&lt;/([\w-]+):\d+&gt;", r'<span class="mention">/\1</span>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", text)
    text = re.sub(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)", r"<i>\1</i>", text)
    return re.sub("\x00(\\d+)\x00", lambda m: html.escape(escaped[int(m.group(1))]), text)


def embed_html(embed: Json) -> str:
    colour = f"#{embed.get('color', 0x1E1F22):06x}"
    parts = [f'<div class="embed" style="border-color:{colour}">']
    if embed.get("title"):
        parts.append(f'<div class="title">{inline(embed["title"])}</div>')
    if embed.get("description"):
        parts.append(f'<div class="desc">{markdown(embed["description"])}</div>')
    for field in embed.get("fields", []):
        parts.append(f'<div class="fn">{inline(field["name"])}</div>')
        parts.append(f'<div class="fv">{markdown(field["value"])}</div>')
    if embed.get("footer"):
        parts.append(f'<div class="foot">{inline(embed["footer"]["text"])}</div>')
    return "".join(parts) + "</div>"


def components_html(rows: list[Json]) -> str:
    out = []
    for row in rows:
        items = []
        for c in row["components"]:
            off = " off" if c.get("disabled") else ""
            if c["type"] == 2:
                style = c.get("style", 2)
                items.append(f'<div class="btn s{style}{off}">{html.escape(c["label"])}</div>')
            else:
                items.append(f'<div class="select">{html.escape(c.get("placeholder", ""))}</div>')
        out.append('<div class="row">' + "".join(items) + "</div>")
    return "".join(out)


def message_html(message: Json) -> str:
    body = ['<div class="who">Rapporteur<span class="tag">APP</span></div>']
    if message.get("content"):
        body.append(f'<div class="content">{markdown(message["content"])}</div>')
    body += [embed_html(e) for e in message.get("embeds", [])]
    body.append(components_html(message.get("components", [])))
    if message.get("flags", 0) & 64:
        body.append('<div class="eph">Only you can see this · Dismiss message</div>')
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"


def shoot(page: Path, png: Path, height: int) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("needs Chromium: apt-get install -y chromium")
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
                f"--user-data-dir={profile}",
                "--hide-scrollbars",
                f"--screenshot={png}",
                f"--window-size=680,{height}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )


def height_of(message: Json) -> int:
    """A window tall enough for the message: a rough count of its lines."""
    text = "\n".join(
        [message.get("content") or ""]
        + [
            "\n".join([e.get("description", ""), *(f["value"] for f in e.get("fields", []))])
            for e in message.get("embeds", [])
        ]
    )
    lines = sum(1 + len(line) // 62 for line in text.split("\n"))
    fields = sum(len(e.get("fields", [])) for e in message.get("embeds", []))
    return min(4000, 160 + 21 * lines + 30 * fields + components_height(message))


def components_height(message: Json) -> int:
    """Buttons wrap onto more lines when their labels are long (about 8 px a character)."""
    total = 0
    for row in message.get("components", []):
        widths = [40 + 8 * len(c.get("label") or "x" * 50) for c in row["components"]]
        total += 48 * max(1, -(-sum(widths) // 560))
    return total


async def scenes(server: FakeDiscord) -> list[tuple[str, Json]]:
    """What a few users do, and the message each action produced."""
    shots: list[tuple[str, Json]] = []

    async def command(command_name: str, shot: str, **options: Any) -> Json:
        message = await (await server.send_command(command_name, options)).message()
        shots.append((shot, message))
        return message

    async def click(message: Json, shot: str, **how: Any) -> Json:
        shown = await (await server.click(message, **how)).message()
        shots.append((shot, shown))
        return shown

    answer = await command("ask", "01-answer", question="Who exposed Pegasus?")
    await click(answer, "02-why", label="Why this answer?")
    await click(answer, "03-paragraph", label="Read the paragraph")
    await click(answer, "04-report", label="Report a wrong answer")
    await click(answer, "05-not-yours", label="Read the paragraph", user=server.bob)
    await command("ask", "06-decline-off-topic", question="What is the capital of Peru?")
    await command("ask", "07-decline-near", question="When was Irene Khan born?")
    timeline = await command("timeline", "08-timeline-1")
    if any(
        c.get("label") == "Next" for r in timeline.get("components", []) for c in r["components"]
    ):
        await click(timeline, "09-timeline-2", label="Next")
    demands = await command("demands", "10-demands-1")
    if any(
        c.get("label") == "Next" for r in demands.get("components", []) for c in r["components"]
    ):
        await click(demands, "11-demands-2", label="Next")
    await command("who", "12-who", name="Mary Lawlor")
    await command("source", "13-source")
    await command("help", "14-help")
    reply = await (await server.send_message("who is david kaye?", mention=True)).message()
    shots.append(("15-mention", reply))
    return shots


async def capture() -> list[tuple[str, Json]]:
    server = FakeDiscord()
    await server.start()
    env = {
        "DISCORD_TOKEN": server.token,
        "DISCORD_API_BASE": server.api_base,
        "DISCORD_GATEWAY_URL": server.gateway_url,
        "COOLDOWN_QUESTIONS": "0",
    }
    stop = asyncio.Event()
    bot = asyncio.create_task(run_bot(Settings.from_env(env), load_dir(), sync=True, stop=stop))
    try:
        await server.wait_for_event("ready", within=15)
        return await scenes(server)
    finally:
        stop.set()
        await bot
        await server.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "shots")
    out.mkdir(parents=True, exist_ok=True)
    for name, message in asyncio.run(capture()):
        page = out / f"{name}.html"
        page.write_text(message_html(message), encoding="utf-8")
        shoot(page, out / f"{name}.png", height_of(message))
        print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
