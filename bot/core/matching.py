"""Score knowledge-base entries against a question's tokens. Pure, deterministic, small.

Each entry is known by its curated phrasings (question and alternates) and by its own words
(answer and quote). Words are weighted by rarity across entries (IDF), so
"Lawlor" counts for more than "human rights". A question is scored against an entry by
- how well it matches the entry's best phrasing (weighted overlap, both ways), and
- how much of the question the entry's whole vocabulary explains.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.model import Entry
from bot.core.normalize import Normalizer

PHRASING_WEIGHT = 0.6  # share of the score from the best phrasing; the rest from vocabulary


@dataclass(frozen=True, slots=True)
class Scored:
    index: int  # position of the entry in the knowledge base
    score: float  # 0..1
    phrasing: int  # index into entry.phrasings of the best phrasing
    unexplained: tuple[str, ...]  # question tokens this entry's vocabulary does not contain


class EntryIndex:
    """An inverted index of entries' tokens with IDF weights."""

    def __init__(self, entries: Sequence[Entry], normalizer: Normalizer) -> None:
        self._normalizer = normalizer
        self._phrasings: list[list[frozenset[str]]] = []
        self._vocab: list[frozenset[str]] = []
        self._quotes: list[frozenset[str]] = []
        for entry in entries:
            phrasings = [frozenset(normalizer.tokens(p)) for p in entry.phrasings]
            own = normalizer.tokens(f"{entry.answer} {entry.quote}")
            self._quotes.append(frozenset(normalizer.tokens(entry.quote)))
            self._phrasings.append(phrasings)
            self._vocab.append(frozenset().union(*phrasings, own))
        df: dict[str, int] = defaultdict(int)
        for vocab in self._vocab:
            for token in vocab:
                df[token] += 1
        n = len(entries)
        self._idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
        self.foreign_weight = math.log((n + 1) / 0.5)  # a word no entry knows
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, vocab in enumerate(self._vocab):
            for token in vocab:
                self._postings[token].append(i)
        self._phrasing_postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, phrasings in enumerate(self._phrasings):
            for j, phrasing in enumerate(phrasings):
                for token in phrasing:
                    self._phrasing_postings[token].append((i, j))
        self._phrasing_weights = [
            [sum(self._idf[t] for t in p) for p in phrasings] for phrasings in self._phrasings
        ]

    def weight(self, token: str) -> float:
        return self._idf.get(token, self.foreign_weight)

    def knows(self, token: str) -> bool:
        return token in self._idf

    def score(self, tokens: Sequence[str], limit: int = 5) -> list[Scored]:
        """The `limit` best entries sharing a token with the question, best first.

        Ties go to the entry whose quote is most about the question's words, then to the one
        whose own question fits best, then to the earlier entry."""
        weights = {t: self.weight(t) for t in tokens}
        total = sum(weights.values())
        if total <= 0:
            return []
        # Walk the postings once: weight explained per entry, weight shared per phrasing.
        explained: dict[int, float] = defaultdict(float)
        shared: dict[tuple[int, int], float] = defaultdict(float)
        for token, weight in weights.items():
            for i in self._postings.get(token, ()):
                explained[i] += weight
            for key in self._phrasing_postings.get(token, ()):
                shared[key] += weight
        fits: dict[int, list[tuple[float, int]]] = defaultdict(list)
        for (i, j), weight in shared.items():
            recall = weight / total
            precision = weight / self._phrasing_weights[i][j]
            fits[i].append((2 * recall * precision / (recall + precision), -j))
        ranked = []
        for i, covered in explained.items():
            best, best_at = max(fits[i], default=(0.0, 0))
            canonical = next((f for f, j in fits[i] if j == 0), 0.0)
            score = PHRASING_WEIGHT * best + (1 - PHRASING_WEIGHT) * covered / total
            quote = self._quotes[i]
            focus = sum(w for t, w in weights.items() if t in quote) / (1 + len(quote))
            ranked.append((-round(score, 6), -focus, -canonical, i, -best_at, score))
        ranked.sort()
        return [
            Scored(i, score, at, tuple(t for t in tokens if t not in self._vocab[i]))
            for _, _, _, i, at, score in ranked[:limit]
        ]
