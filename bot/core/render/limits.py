"""Discord's size limits, and the pure text tools that keep every message within them.

Shared by the console and Discord so both show the same text: cut at a word with a visible
"...", split long messages at paragraph/line/word boundaries, and neutralise user text.
"""

from __future__ import annotations

import re

from bot.core.text import strip_controls

MESSAGE = 2000
TITLE = 256
DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
EMBED_TOTAL = 6000

ELLIPSIS = "..."
ZWSP = "\u200b"  # a zero-width space breaks a mention without changing how it reads

# Markdown characters that format anywhere in a line (masked links need [ and ]).
_MARKDOWN = re.compile(r"([\\*_~`|\[\]])")
# Characters that format only at the start of a line: quotes, headings, lists.
_LINE_START = re.compile(r"^(\s*)([>#-]|\d+\.)", re.MULTILINE)


def escape(text: str) -> str:
    """User text made inert for Discord: no markdown, no mentions, no control characters.

    Other scripts, right-to-left text and emoji are kept as they are.
    """
    text = strip_controls(text)
    text = _MARKDOWN.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    # "@everyone", "@here", "<@123>", "<@&5>" all need an "@"; "<#123>" needs "<#".
    return text.replace("@", "@" + ZWSP).replace("<#", "<#" + ZWSP)


def cut(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else cut at a word with a visible "..."."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[: max(limit, 0)]
    room = limit - len(ELLIPSIS)
    head = text[: room + 1]
    space = max(head.rfind(" "), head.rfind("\n"))
    # Cut at the last space unless that throws away more than half of the room.
    head = head[:space] if space > room // 2 else text[:room]
    return head.rstrip() + ELLIPSIS


def split_message(text: str, limit: int = MESSAGE) -> list[str]:
    """Chunks of at most `limit` characters, cut at paragraph, line or word boundaries.

    Only whitespace at the cut points is lost; a word longer than `limit` is cut hard.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]
        at = next((i for i in (window.rfind(s) for s in ("\n\n", "\n", " ")) if i > 0), limit)
        # `rest` never starts with whitespace, so a boundary after index 0 leaves a real chunk.
        chunks.append(rest[:at].rstrip())
        rest = rest[at:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks
