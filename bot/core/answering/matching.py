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
from typing import Any, NamedTuple

from mypy_extensions import mypyc_attr

from bot.core.answering.normalize import Normalizer
from bot.core.knowledge.model import Entry

PHRASING_WEIGHT = 0.6  # share of the score from the best phrasing; the rest from vocabulary


class Scored(NamedTuple):  # a tuple, quick to make: one per ranked entry of every question
    entry_index: int  # position of the entry in the knowledge base
    score: float  # 0..1
    phrasing: int  # index into entry.phrasings of the best phrasing
    unexplained: tuple[str, ...]  # question tokens this entry's vocabulary does not contain
    fit: float = 0.0  # how well the best phrasing fits (weighted F1), 0..1
    coverage: float = 0.0  # share of the question's weight the entry's vocabulary explains


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
class EntryIndex:
    """An inverted index of entries' tokens with IDF weights."""

    def __init__(
        self,
        entries: Sequence[Entry],
        normalizer: Normalizer,
        attributions: Sequence[frozenset[str]] = (),
        descriptions: Sequence[frozenset[str]] = (),
    ) -> None:
        """`attributions`: for each entry, the tokens readers use to point at who says its
        quote ("the experts' statement"). They leave nothing unexplained ("what does the
        experts' statement say of it?") but neither score nor weigh: nearly every entry has some.
        `descriptions`: the same for words that describe what its quote holds ("number" of a
        figure, "firm" of a company it names), explained even in a question of who."""
        by_entry = self._add_vocabularies(entries, normalizer, attributions, descriptions)
        n = len(entries)
        self._idf = _inverse_document_frequencies(self._vocab, n)
        self.foreign_weight = math.log((n + 1) / 0.5)  # a word no entry knows
        self._postings = _entry_postings(self._vocab)
        # Phrasings by a flat id: which of its entry's phrasings, its total weight, and how
        # many of the entry's phrasings have the same tokens (walked once, counted so).
        self._phrasing_position: list[int] = []
        self._phrasing_weight: list[float] = []
        self._phrasing_copies: list[int] = []
        self._phrasing_postings: dict[str, list[int]] = defaultdict(list)
        self._entry_phrasing_postings: list[dict[str, list[int]]] = []  # the same, by entry
        for phrasings in by_entry:
            self._add_phrasings(phrasings)
        self._twin = self._twins()
        # The same three facts of each phrasing together, as the ranking reads them.
        self._phrasing_about = list(
            zip(self._phrasing_weight, self._phrasing_position, self._phrasing_copies, strict=True)
        )
        # For the bound on a phrasing's fit: each token's entries whose phrasings hold it too;
        # each entry's lightest phrasing.
        self._phrased_postings = {
            token: [i for i in entries if token in self._entry_phrasing_postings[i]]
            for token, entries in self._postings.items()
        }
        self._lightest = [
            min((self._phrasing_weight[f] for ids in own.values() for f in ids), default=0.0)
            for own in self._entry_phrasing_postings
        ]

    def _add_vocabularies(
        self,
        entries: Sequence[Entry],
        normalizer: Normalizer,
        attributions: Sequence[frozenset[str]],
        descriptions: Sequence[frozenset[str]],
    ) -> list[list[frozenset[str]]]:
        """Each entry's vocabulary, quote tokens and what it explains; its phrasings' tokens."""
        by_entry: list[list[frozenset[str]]] = []  # each entry's phrasings as token sets
        self._vocab: list[frozenset[str]] = []
        self._explains: list[frozenset[str]] = []  # the vocabulary, attribution and descriptions
        self._explains_unattributed: list[frozenset[str]] = []  # ...without the attribution
        self._quotes: list[frozenset[str]] = []
        said_by = attributions or [frozenset()] * len(entries)
        described = descriptions or [frozenset()] * len(entries)
        for entry, attribution, description in zip(entries, said_by, described, strict=True):
            phrasings = [frozenset(normalizer.tokens(p)) for p in entry.phrasings]
            own = normalizer.tokens(f"{entry.answer} {entry.quote}")
            self._quotes.append(frozenset(normalizer.tokens(entry.quote)))
            by_entry.append(phrasings)
            self._vocab.append(frozenset().union(*phrasings, own))
            self._explains.append(self._vocab[-1] | attribution | description)
            self._explains_unattributed.append(self._vocab[-1] | description)
        return by_entry

    def _add_phrasings(self, phrasings: list[frozenset[str]]) -> None:
        """Give the next entry's distinct phrasings flat ids; a repeat only counts as a copy."""
        first: dict[frozenset[str], int] = {}
        own: dict[str, list[int]] = defaultdict(list)
        for j, phrasing in enumerate(phrasings):
            if phrasing in first:
                self._phrasing_copies[first[phrasing]] += 1
                continue
            flat = first[phrasing] = len(self._phrasing_position)
            for token in phrasing:
                self._phrasing_postings[token].append(flat)
                own[token].append(flat)
            self._phrasing_position.append(j)
            self._phrasing_weight.append(sum(self._idf[t] for t in phrasing))
            self._phrasing_copies.append(1)
        self._entry_phrasing_postings.append(dict(own))

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

    def quote_tokens(self, i: int) -> frozenset[str]:
        """The tokens of entry `i`'s quote."""
        return self._quotes[i]

    def knows(self, token: str) -> bool:
        return token in self._idf

    def tokens(self) -> frozenset[str]:
        """Every token any entry knows."""
        return frozenset(self._idf)

    def score(self, tokens: Sequence[str], limit: int = 5, attributed: bool = True) -> list[Scored]:
        """The `limit` best entries sharing a token with the question, best first; with
        `attributed`, words pointing at an entry's source leave nothing unexplained.

        Ties go to the entry with more phrasings that fit as well, then to the one whose quote
        is most about the question's words, then to the one whose own question fits best, then
        to the earlier entry."""
        weights = {t: self.weight(t) for t in tokens}
        total = sum(weights.values())
        if total <= 0:
            return []
        walked = self._walked(weights)
        explained, phrased = self._explained(walked)
        if not explained:
            return []
        raw, best, canonical = self._leaders(walked, explained, phrased, total, limit)
        ranked = self._rank(raw, best, canonical, weights, limit)
        explains = self._explains if attributed else self._explains_unattributed
        return [
            Scored(
                i,
                score,
                at,
                tuple([t for t in tokens if t not in explains[i]]),
                fit,
                explained[i] / total,
            )
            for *_, i, at, score, fit in ranked[:limit]
        ]

    def _walked(self, weights: dict[str, float]) -> dict[str, float]:
        """The question's weights by token, tokens that always come together (a first name
        and surname) walked as one."""
        walked: dict[str, float] = defaultdict(float)
        for token, weight in weights.items():
            walked[self._twin.get(token, token)] += weight
        return walked

    def _explained(self, walked: dict[str, float]) -> tuple[dict[int, float], dict[int, float]]:
        """The question's weight each entry's vocabulary explains, for entries sharing any,
        and the weight its phrasings explain."""
        explained: dict[int, float] = defaultdict(float)
        phrased: dict[int, float] = defaultdict(float)
        postings, phrased_postings = self._postings, self._phrased_postings
        for token, weight in walked.items():
            for i in postings.get(token, ()):
                explained[i] += weight
            for i in phrased_postings.get(token, ()):
                phrased[i] += weight
        return explained, phrased

    def _leaders(
        self,
        walked: dict[str, float],
        explained: dict[int, float],
        phrased: dict[int, float],
        total: float,
        limit: int,
    ) -> tuple[dict[int, float], dict[int, list[float]], dict[int, float]]:
        """The scores of the entries that can make the top `limit`, with their best phrasings
        and how well their own questions fit.

        A phrasing of weight W shares at most what its entry's phrasings explain (p), and at
        most W, so its fit 2s/(T+W) is at most 2p/(T+max(p, lightest W)): entries are scored
        in the order of that bound, and the rest are skipped once the bound falls below the
        `limit`-th score (with room for rounding)."""
        share = 1 - PHRASING_WEIGHT
        lightest = self._lightest
        phrased_of = phrased.get
        bound = {}
        for i, e in explained.items():
            p = phrased_of(i, 0.0)
            light = lightest[i]
            bound[i] = _TWICE_WEIGHT * p / (total + (p if p > light else light)) + share * e / total
        raw: dict[int, float] = {}
        best: dict[int, list[float]] = {}
        canonical: dict[int, float] = {}
        leaders: list[float] = []  # a min-heap of the `limit` best scores so far
        full = False
        for i in sorted(bound, key=bound.__getitem__, reverse=True):
            if full and bound[i] < leaders[0] - _ROOM:
                break
            fit = self._best_phrasing(i, walked, total, best, canonical)
            value = raw[i] = PHRASING_WEIGHT * fit + share * explained[i] / total
            if full:
                heapq.heappushpop(leaders, value)
            else:
                heapq.heappush(leaders, value)
                full = len(leaders) >= limit
        return raw, best, canonical

    def _best_phrasing(
        self,
        i: int,
        walked: dict[str, float],
        total: float,
        best: dict[int, list[float]],
        canonical: dict[int, float],
    ) -> float:
        """Entry `i`'s best phrasing by F1 of the weighted overlap (2RP/(R+P) = 2s/(T+W)),
        kept in `best` as [fit, position, phrasings that fit as well] (nothing when no
        phrasing shares a word), and how well its own question fits, kept in `canonical`.
        Phrasings are walked in order, so the earliest of equal fits wins."""
        shared: dict[int, float] = {}
        postings = self._entry_phrasing_postings[i]
        get = shared.get
        for token, weight in walked.items():
            for phrasing in postings.get(token, ()):
                shared[phrasing] = get(phrasing, 0.0) + weight
        if not shared:
            return 0.0
        about = self._phrasing_about
        top, at, support = -1.0, 0, 0
        for phrasing, overlap in sorted(shared.items()):
            weight, j, copies = about[phrasing]
            fit = 2 * overlap / (total + weight)
            if j == 0:
                canonical[i] = fit
            if fit > top + 1e-9:
                top, at, support = fit, j, copies
            elif fit >= top - 1e-9:
                support += copies
                if fit > top:
                    top, at = fit, j
        best[i] = [top, at, support]
        return top

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
        cutoff = round(sorted(raw.values(), reverse=True)[:limit][-1], 6)  # few: no heap
        ranked = []
        floor = cutoff - 1e-6
        for i, value in raw.items():
            if value < floor:
                continue
            score = round(value, 6)
            if score < cutoff:
                continue
            fit, at, support = best.get(i, _NO_FIT)
            quote = self._quotes[i]
            focus = sum([w for t, w in weights.items() if t in quote]) / (1 + len(quote))
            # `support`: how many of its phrasings ask this same way (the entry *about* it).
            ranked.append(
                (-score, -support, -focus, -canonical.get(i, 0.0), i, int(at), score, fit)
            )
        ranked.sort()
        return ranked


_TWICE_WEIGHT = PHRASING_WEIGHT * 2  # as the bound's first factor, computed once
_NO_FIT = [0.0, 0, 0]  # an entry none of whose phrasings shares a token
_ROOM = 2e-6  # scores are compared at 6 places: skip only what cannot round into the cut


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
