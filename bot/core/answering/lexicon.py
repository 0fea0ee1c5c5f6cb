"""What is an English word, and how common: the language, not the article. Pure.

Built by the shell from a frequency list (word, count); the core never reads the file itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from mypy_extensions import mypyc_attr


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
class English:
    """An English word list with counts: `is_word` and `zipf` (log10 of uses per billion)."""

    def __init__(self, counts: Iterable[tuple[str, int]]) -> None:
        self._counts = {word: count for word, count in counts if count > 0}
        self._total = sum(self._counts.values()) or 1

    def __len__(self) -> int:
        return len(self._counts)

    def words(self) -> list[str]:
        """Every word, most frequent first."""
        return [word for word, _ in sorted(self._counts.items(), key=_most_used_first)]

    def is_word(self, word: str) -> bool:
        return word in self._counts

    def zipf(self, word: str) -> float:
        """About 7 for "the", 5 for "news", 3 for "referendum", 0 for what is not English."""
        count = self._counts.get(word)
        return math.log10(count * 1e9 / self._total) if count else 0.0


def _most_used_first(item: tuple[str, int]) -> tuple[int, str]:
    # Not a lambda in the method: mypyc compiles no closures in methods of Python classes.
    word, count = item
    return -count, word


NO_ENGLISH = English(())  # for tests of the matcher alone: every word is unknown English


def parse_counts(text: str) -> list[tuple[str, int]]:
    """`word count` lines (SymSpell's frequency-dictionary format) as pairs; junk lines skipped."""
    fields = text.lower().split()
    if len(fields) % 2 == 0:
        # The common case, a well-formed file: pair the fields without looking at lines.
        try:
            return list(zip(fields[0::2], map(int, fields[1::2]), strict=True))
        except ValueError:
            pass
    pairs = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            pairs.append((parts[0].lower(), int(parts[1])))
    return pairs
