"""A Discord message payload (content, embeds, components) as HTML that looks like Discord's
dark theme, for screenshots: colour bar, title, Markdown description, fields, footer, buttons.

Only the Markdown the bot uses is rendered: **bold**, *italic*, backslash escapes, "> " block
quotes, "-# " subtext and command mentions (</ask:ID>); anything else shows as typed, which is
the point: a stray marker is visible.
"""

from __future__ import annotations

import html
import re
from typing import Any

Json = dict[str, Any]

_INLINE = re.compile(
    r"\\(?P<escaped>.)"
    r"|\*\*(?P<bold>.+?)\*\*"
    r"|(?<![\\*])\*(?P<italic>[^*\n]+?)\*"
    r"|</(?P<command>[\w-]+(?: [\w-]+)*):\d+>"
    r"|(?P<ping>@everyone|@here|<@[!&]?\d+>)",
    re.DOTALL,
)
BUTTON_COLOURS = {1: "#5865f2", 2: "#4e5058", 3: "#248046", 4: "#da373c", 5: "#4e5058"}

CSS = """
body { margin: 0; background: #313338; font-family: "gg sans", "Noto Sans", "DejaVu Sans",
  sans-serif; color: #dbdee1; font-size: 16px; line-height: 1.375; }
.message { display: flex; padding: 16px 16px 8px 16px; width: 700px; }
.avatar { width: 40px; height: 40px; border-radius: 50%; background: #5865f2; flex: none;
  margin-right: 16px; }
.name { color: #f2f3f5; font-weight: 600; } .bot { background: #5865f2; color: white;
  font-size: 10px; padding: 1px 4px; border-radius: 3px; margin-left: 4px; vertical-align: 2px; }
.time { color: #949ba4; font-size: 12px; margin-left: 6px; }
.embed { background: #2b2d31; border-left: 4px solid #1e1f22; border-radius: 4px;
  padding: 8px 16px 16px 12px; margin-top: 4px; max-width: 516px; }
.title { color: #f2f3f5; font-weight: 600; margin-top: 8px; }
.description, .value { font-size: 14px; margin-top: 8px; white-space: normal; }
.fields { display: flex; flex-wrap: wrap; gap: 0 8px; }
.field { margin-top: 8px; flex: 1 1 100%; } .field.inline { flex: 1 1 30%; }
.fname { font-weight: 600; font-size: 14px; color: #f2f3f5; }
.footer { color: #b5bac1; font-size: 12px; margin-top: 8px; }
blockquote { margin: 4px 0; padding: 0 8px 0 12px; border-left: 4px solid #4e5058; }
.subtext { color: #949ba4; font-size: 12px; }
.mention { background: rgba(88,101,242,.3); color: #c9cdfb; border-radius: 3px;
  padding: 0 2px; font-weight: 500; }
.ping { background: #f0b232; color: black; }
.row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; max-width: 520px; }
.button { color: white; font-size: 14px; font-weight: 500; border-radius: 3px;
  padding: 2px 16px; min-height: 32px; display: flex; align-items: center; }
.button.disabled { opacity: .5; }
.select { background: #1e1f22; border-radius: 4px; width: 500px; padding: 8px; font-size: 14px;
  color: #949ba4; display: flex; justify-content: space-between; }
.ephemeral { color: #949ba4; font-size: 12px; margin-top: 4px; }
"""


def inline(text: str) -> str:
    """Discord's inline Markdown, as HTML (everything else escaped)."""
    out: list[str] = []
    at = 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[at : match.start()]))
        at = match.end()
        if match["escaped"] is not None:
            out.append(html.escape(match["escaped"]))
        elif match["bold"] is not None:
            out.append(f"<b>{inline(match['bold'])}</b>")
        elif match["italic"] is not None:
            out.append(f"<i>{inline(match['italic'])}</i>")
        elif match["command"] is not None:
            out.append(f'<span class="mention">/{html.escape(match["command"])}</span>')
        else:
            out.append(f'<span class="mention ping">{html.escape(match["ping"])}</span>')
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\u200b", "")


def markdown(text: str) -> str:
    """Block-level Markdown: "> " quotes, "-# " subtext, line breaks; inline inside."""
    blocks: list[str] = []
    quote: list[str] = []
    for line in [*text.split("\n"), None]:
        if line is not None and line.startswith("> "):
            quote.append(inline(line[2:]))
            continue
        if quote:
            blocks.append("<blockquote>" + "<br>".join(quote) + "</blockquote>")
            quote = []
        if line is None:
            break
        if line.startswith("-# "):
            blocks.append(f'<div class="subtext">{inline(line[3:])}</div>')
        else:
            blocks.append(inline(line) + "<br>")
    return "".join(blocks)


def embed_html(embed: Json) -> tuple[str, int]:
    """An embed, and a guess at its height in pixels (for the screenshot's size)."""
    colour = embed.get("color")
    bar = f"#{colour:06x}" if isinstance(colour, int) else "#1e1f22"
    parts = []
    if embed.get("title"):
        parts.append(f'<div class="title">{inline(embed["title"])}</div>')
    if embed.get("description"):
        parts.append(f'<div class="description">{markdown(embed["description"])}</div>')
    fields = []
    for field in embed.get("fields", []):
        css = "field inline" if field.get("inline") else "field"
        fields.append(
            f'<div class="{css}"><div class="fname">{inline(field["name"])}</div>'
            f'<div class="value">{markdown(field["value"])}</div></div>'
        )
    if fields:
        parts.append(f'<div class="fields">{"".join(fields)}</div>')
    if embed.get("footer"):
        parts.append(f'<div class="footer">{inline(embed["footer"]["text"])}</div>')
    text = "".join(
        [embed.get("title", ""), embed.get("description", "")]
        + [f["name"] + "\n" + f["value"] for f in embed.get("fields", [])]
    )
    height = 60 + 21 * (text.count("\n") + len(text) // 60)
    return f'<div class="embed" style="border-left-color: {bar}">{"".join(parts)}</div>', height


def components_html(rows: list[Json]) -> str:
    out = []
    for row in rows:
        items = []
        for c in row.get("components", []):
            disabled = " disabled" if c.get("disabled") else ""
            if c["type"] == 2:
                colour = BUTTON_COLOURS.get(c.get("style", 2), "#4e5058")
                items.append(
                    f'<div class="button{disabled}" style="background: {colour}">'
                    f"{html.escape(c.get('label', ''))}</div>"
                )
            elif c["type"] == 3:
                placeholder = c.get("placeholder") or "Make a selection"
                items.append(
                    f'<div class="select{disabled}">{html.escape(placeholder)}<span>⌄</span></div>'
                )
        out.append(f'<div class="row">{"".join(items)}</div>')
    return "".join(out)


def page(message: Json, title: str = "") -> str:
    """A whole HTML page showing `message` as the bot's message in a Discord channel."""
    body = []
    height = 120
    if message.get("content"):
        body.append(f'<div class="description">{markdown(message["content"])}</div>')
        height += 22 * (message["content"].count("\n") + 1)
    for embed in message.get("embeds", []):
        shown, tall = embed_html(embed)
        body.append(shown)
        height += tall
    rows = message.get("components", [])
    body.append(components_html(rows))
    height += 52 * len(rows) + 40
    if message.get("flags", 0) & 64:
        body.append('<div class="ephemeral">👁 Only you can see this · Dismiss message</div>')
    return (
        f'<!doctype html><html data-height="{height}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
        '<div class="message"><div class="avatar"></div><div>'
        '<span class="name">Rapporteur</span><span class="bot">APP</span>'
        '<span class="time">Today at 10:00</span>'
        f"{''.join(body)}</div></div></body></html>"
    )
