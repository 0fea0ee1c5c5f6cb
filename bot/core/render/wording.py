"""Counts and lists that read well with none, one or many items ("1 paragraph", "no events")."""

from __future__ import annotations

from collections.abc import Sequence


def count(n: int, singular: str, plural: str | None = None) -> str:
    """ "no events", "1 event", "3 events"."""
    word = singular if n == 1 else plural or f"{singular}s"
    return f"{n if n else 'no'} {word}"


def listing(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"; empty for no items."""
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def span(total: int, singular: str = "paragraph") -> str:
    """ "paragraphs 1 to 12", "paragraph 1" or "no paragraphs": what N may be."""
    if total == 1:
        return f"{singular} 1"
    return f"{singular}s 1 to {total}" if total else f"no {singular}s"
