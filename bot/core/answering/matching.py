"""Score knowledge-base entries against a question's tokens. Pure, deterministic, small.

Each entry is known by its curated phrasings (question and alternates) and by its own words
(answer and quote). Words are weighted by rarity across entries (IDF), so
a surname counts for more than "city council". A question is scored against an entry by
- how well it matches the entry's best phrasing (weighted overlap, both ways), and
- how much of the question the entry's whole vocabulary explains.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.answering.normalize import Normalizer
from bot.core.knowledge.model import Entry

PHRASING_WEIGHT = 0.6  # share of the score from the best phrasing; the rest from vocabulary


@dataclass(frozen=True, slots=True)
class Scored:
    index: int  # position of the entry in the knowledge base
    score: float  # 0..1
    phrasing: int  # index into entry.phrasings of the best phrasing
    unexplained: tuple[str, ...]  # question tokens this entry's vocabulary does not contain
    fit: float = 0.0  # how well the best phrasing fits (weighted F1), 0..1
    coverage: float = 0.0  # share of the question's weight the entry's vocabulary explains


class EntryIndex:
    """An inverted index of entries' tokens with IDF weights."""

    def __init__(self, entries: Sequence[Entry], normalizer: Normalizer) -> None:
        by_entry: list[list[frozenset[str]]] = []  # each entry's phrasings as token sets
        self._vocab: list[frozenset[str]] = []
        self._quotes: list[frozenset[str]] = []
        for entry in entries:
            phrasings = [frozenset(normalizer.tokens(p)) for p in entry.phrasings]
            own = normalizer.tokens(f"{entry.answer} {entry.quote}")
            self._quotes.append(frozenset(normalizer.tokens(entry.quote)))
            by_entry.append(phrasings)
            self._vocab.append(frozenset().union(*phrasings, own))
        n = len(entries)
        self._idf = _inverse_document_frequencies(self._vocab, n)
        self.foreign_weight = math.log((n + 1) / 0.5)  # a word no entry knows
        self._postings = _entry_postings(self._vocab)
        # Phrasings by a flat id: which entry, which of its phrasings, its total weight, and
        # how many of the entry's phrasings have the same tokens (walked once, counted so).
        self._phrasing_entry: list[int] = []
        self._phrasing_position: list[int] = []
        self._phrasing_weight: list[float] = []
        self._phrasing_copies: list[int] = []
        self._phrasing_postings: dict[str, list[int]] = defaultdict(list)
        for i, phrasings in enumerate(by_entry):
            self._add_phrasings(i, phrasings)
        self._twin = self._twins()
        # The same, one tuple per phrasing: the scoring loop unpacks it in one step.
        self._phrasings = list(
            zip(
                self._phrasing_entry,
                self._phrasing_position,
                self._phrasing_weight,
                self._phrasing_copies,
                strict=True,
            )
        )

    def _add_phrasings(self, i: int, phrasings: list[frozenset[str]]) -> None:
        """Give entry `i`'s distinct phrasings flat ids; a repeat only counts as a copy."""
        first: dict[frozenset[str], int] = {}
        for j, phrasing in enumerate(phrasings):
            if phrasing in first:
                self._phrasing_copies[first[phrasing]] += 1
                continue
            first[phrasing] = len(self._phrasing_entry)
            for token in phrasing:
                self._phrasing_postings[token].append(len(self._phrasing_entry))
            self._phrasing_entry.append(i)
            self._phrasing_position.append(j)
            self._phrasing_weight.append(sum(self._idf[t] for t in phrasing))
            self._phrasing_copies.append(1)

    def _twins(self) -> dict[str, str]:
        """Tokens with the very same postings (entries and phrasings) stand for each other:
        each token maps to the first of its kind in sorted order."""
        first_of: dict[tuple[tuple[int, ...], tuple[int, ...]], str] = {}
        twin: dict[str, str] = {}
        for token in sorted(self._postings):
            key = (tuple(self._postings[token]), tuple(self._phrasing_postings.get(token, ())))
            twin[token] = first_of.setdefault(key, token)
        return twin

    def weight(self, token: str) -> float:
        return self._idf.get(token, self.foreign_weight)

    def knows(self, token: str) -> bool:
        return token in self._idf

    def score(self, tokens: Sequence[str], limit: int = 5) -> list[Scored]:
        """The `limit` best entries sharing a token with the question, best first.

        Ties go to the entry with more phrasings that fit as well, then to the one whose quote
        is most about the question's words, then to the one whose own question fits best, then
        to the earlier entry."""
        weights = {t: self.weight(t) for t in tokens}
        total = sum(weights.values())
        if total <= 0:
            return []
        explained, shared = self._walk(weights)
        best, canonical = self._best_phrasings(shared, total)
        share = 1 - PHRASING_WEIGHT
        raw = {
            i: PHRASING_WEIGHT * best.get(i, _NO_FIT)[0] + share * c / total
            for i, c in explained.items()
        }
        if not raw:
            return []
        ranked = self._rank(raw, best, canonical, weights, limit)
        return [
            Scored(
                i,
                score,
                at,
                tuple(t for t in tokens if t not in self._vocab[i]),
                fit,
                explained[i] / total,
            )
            for *_, i, at, score, fit in ranked[:limit]
        ]

    def _walk(self, weights: dict[str, float]) -> tuple[dict[int, float], dict[int, float]]:
        """Walk the postings once: weight explained per entry, weight shared per phrasing.
        Tokens that always come together (a first name and surname) are walked once."""
        explained: dict[int, float] = defaultdict(float)
        shared: dict[int, float] = defaultdict(float)
        walked: dict[str, float] = defaultdict(float)
        for token, weight in weights.items():
            walked[self._twin.get(token, token)] += weight
        for token, weight in walked.items():
            for i in self._postings.get(token, ()):
                explained[i] += weight
            for phrasing in self._phrasing_postings.get(token, ()):
                shared[phrasing] += weight
        return explained, shared

    def _best_phrasings(
        self, shared: dict[int, float], total: float
    ) -> tuple[dict[int, list[float]], dict[int, float]]:
        """Each entry's best phrasing by F1 of the weighted overlap (2RP/(R+P) = 2s/(T+W)),
        as [fit, position, phrasings that fit as well], and how well its own question fits."""
        best: dict[int, list[float]] = {}
        canonical: dict[int, float] = {}
        phrasings = self._phrasings
        for phrasing, weight in shared.items():
            i, j, own_weight, copies = phrasings[phrasing]
            fit = 2 * weight / (total + own_weight)
            if j == 0:
                canonical[i] = fit
            held = best.get(i)
            if held is None:
                best[i] = [fit, j, copies]
            elif fit > held[0] + 1e-9:
                held[0], held[1], held[2] = fit, j, copies
            elif fit >= held[0] - 1e-9:
                held[2] += copies
                if fit > held[0] or (fit == held[0] and j < held[1]):
                    held[0], held[1] = fit, j
        return best, canonical

    def _rank(
        self,
        raw: dict[int, float],
        best: dict[int, list[float]],
        canonical: dict[int, float],
        weights: dict[str, float],
        limit: int,
    ) -> list[tuple[Any, ...]]:
        """The entries that can make the cut (scores compared at 6 places), with their
        tie-breakers, sorted."""
        cutoff = round(heapq.nlargest(limit, raw.values())[-1], 6)
        ranked = []
        for i, value in raw.items():
            score = round(value, 6) if value >= cutoff - 1e-6 else -1.0
            if score < cutoff:
                continue
            fit, at, support = best.get(i, _NO_FIT)
            quote = self._quotes[i]
            focus = sum(w for t, w in weights.items() if t in quote) / (1 + len(quote))
            # `support`: how many of its phrasings ask this same way (the entry *about* it).
            ranked.append(
                (-score, -support, -focus, -canonical.get(i, 0.0), i, int(at), score, fit)
            )
        ranked.sort()
        return ranked


_NO_FIT = [0.0, 0, 0]  # an entry none of whose phrasings shares a token


def _inverse_document_frequencies(vocabs: list[frozenset[str]], n: int) -> dict[str, float]:
    """Each token's inverse document frequency over the `n` entries' vocabularies."""
    df: dict[str, int] = defaultdict(int)
    for vocab in vocabs:
        for token in vocab:
            df[token] += 1
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def _entry_postings(vocabs: list[frozenset[str]]) -> dict[str, list[int]]:
    """The entries (in order) whose vocabulary holds each token."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vocab in enumerate(vocabs):
        for token in vocab:
            postings[token].append(i)
    return postings
