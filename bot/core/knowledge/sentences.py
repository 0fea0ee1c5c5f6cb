"""Split article text into sentences, knowing the full stops that do not end one.

"Dr. Ruiz", "the U.S. agency" and "John Q. Public" are one sentence each: a full stop after
a known abbreviation, an initial or a dotted acronym is not a sentence end. Language, not
knowledge: the usual English abbreviations are here, an article adds its own in
article.yaml (`source_format: abbreviations:`). Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A candidate end: . ! or ? (and closing quotes) before a capital, a digit or an opening quote.
_CANDIDATE_END = re.compile(r"(?<=[.!?])[”’\"')]*\s+(?=[“‘\"'(]?[A-Z0-9])")
_INITIAL = re.compile(r"[A-Z]\.")  # "Q." in "John Q. Public"
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")  # "U.S.", "e.g."
_OPENING = "“‘\"'("

COMMON_ABBREVIATIONS = frozenset(
    """
    Mr. Mrs. Ms. Mx. Dr. Prof. Sr. Jr. St. Mt. Ft. Gen. Col. Lt. Sgt. Capt. Cmdr. Adm. Gov.
    Sen. Rep. Rev. Hon. Pres. Supt. Det. Insp. Inc. Ltd. Co. Corp. Bros. No. Nos. vs. v.
    Jan. Feb. Mar. Apr. Aug. Sep. Sept. Oct. Nov. Dec. Mon. Tue. Tues. Wed. Thu. Thurs. Fri.
    Sat. Sun. Ave. Blvd. Rd. Dept. Univ. Assn. Fig. approx. est. ca. cf. al. p. pp.
    """.split()
)


def _word_before(text: str, end: int) -> str:
    """The word ending at `end` (its full stop included), without opening quotes."""
    start = text.rfind(" ", 0, end) + 1
    return text[start:end].lstrip(_OPENING)


def _ends_sentence(word: str, abbreviations: frozenset[str]) -> bool:
    if not word.endswith("."):
        return True  # "!" or "?"
    return not (
        word in abbreviations or _INITIAL.fullmatch(word) or _DOTTED.fullmatch(word) is not None
    )


def spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of `text`; closing quotes stay with their
    sentence, and no span has leading or trailing whitespace."""
    known = COMMON_ABBREVIATIONS | frozenset(abbreviations)
    found: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE_END.finditer(text):
        if not _ends_sentence(_word_before(text, match.start()), known):
            continue
        end = match.start() + len(match.group().rstrip())
        found.append((start, end))
        start = match.end()
    last = len(text.rstrip())
    if start < last:
        found.append((start, last))
    return found


def split(text: str, abbreviations: Iterable[str] = ()) -> list[str]:
    """The sentences of `text`, as written."""
    return [text[a:b] for a, b in spans(text, abbreviations)]
