"""Text folding and cleaning, in one place: the quote table, the control characters, and the
folds every part of the core compares text with. Pure.

- `plain`: case and accents folded (what "same text" means for names and labels).
- `fold`: `plain`, straight quotes, no possessive 's, only [a-z0-9] and spaces (matching).
- `clean_input`: a question without invisible or control characters, on one line, cut.
- `strip_controls`: text to show, without control characters but with its line breaks.
"""

from __future__ import annotations

import re
import unicodedata

# Curly and low quotes and the backtick, as the straight quote or apostrophe they stand for.
QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)
# Control characters (C0 and C1), bidirectional overrides and isolates: never shown, never
# matched. A question also loses the invisible ones (zero-width spaces, joiners, the BOM),
# which break matching; text shown keeps its newlines and the zero-width spaces escaping puts in.
_SHOWN_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INPUT_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"(\w)'s\b")


def straighten(text: str) -> str:
    """Curly quotes and apostrophes as straight ones."""
    if text.isascii():
        return text.replace("`", "'")  # the one ASCII mark in QUOTES; `translate` is slower
    return text.translate(QUOTES)


def plain(text: str) -> str:
    """Case folded, accents dropped ("Café" and "cafe" are the same)."""
    if text.isascii():
        return text.casefold()  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, no accents, straight quotes, no possessive 's, only [a-z0-9] and spaces."""
    folded = plain(straighten(text))
    # Apostrophes go before other punctuation, so "didn't" is one word, "didnt".
    return " ".join(_NON_WORD.sub(" ", _POSSESSIVE.sub(r"\1", folded).replace("'", "")).split())


def clean_input(text: str, limit: int) -> str:
    """Drop control and invisible characters, collapse whitespace, cut to `limit`."""
    text = _INPUT_CONTROLS.sub(" ", text[: limit * 4])  # bound the work before the regexes
    return " ".join(text.split())[:limit].strip()


def strip_controls(text: str) -> str:
    """Drop control characters (NUL, escapes, bidi overrides); tabs become spaces."""
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _SHOWN_CONTROLS.sub("", text)
