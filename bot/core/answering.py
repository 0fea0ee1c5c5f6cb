"""Pick the entry that answers a question, or decline with suggestions. Deterministic.

Confidence is the match score of the chosen entry, from 0 to 1 (see matching.py): the share of
the question's weighted words that the entry explains, blended with how closely the question
fits one of the entry's curated phrasings. The engine answers only when the confidence reaches
ANSWER_THRESHOLD *and* every key word of the question is known to that entry; otherwise it
declines, and a decline's confidence is kept below the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.matching import EntryIndex, Scored
from bot.core.model import Entry, KnowledgeBase, Person
from bot.core.normalize import Normalizer, clean, fold, words
from bot.core.question_shape import (
    asks_which_members,
    focus_words,
    intents,
    strip_address,
    strip_mentions,
)

MAX_QUESTION_CHARS = 500  # longer input is cut here before matching
ANSWER_THRESHOLD = 0.5
AMBIGUITY_MARGIN = 0.03  # two unrelated entries closer than this: the question is ambiguous...
AMBIGUITY_CEILING = 0.75  # ...unless the best one fits this well
MAX_UNEXPLAINED = 0.34  # share of the question's weight the answer may leave unexplained
SUGGESTIONS = 3
NAME_CUTOFF = 75  # rapidfuzz ratio for a misspelt name ("Linda Okafro") to find its person
CLOSE_PHRASING = 88  # rapidfuzz ratio for a question with no topic words to match a phrasing


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    score: float  # 0..1
    phrasing: str  # the question or alternate it matched best


@dataclass(frozen=True, slots=True)
class Answer:
    question: str  # the user's text, cleaned of control characters and cut to the limit
    entry: Entry | None  # None: declined
    confidence: float  # 0..1
    matched: Candidate | None  # the best candidate, kept for "Why this answer?" even on declines
    runner_up: Candidate | None
    suggestions: tuple[Entry, ...]  # up to 3 questions the article can answer (on declines)
    # "answered", or why not: "empty" (no words to match), "weak", "ambiguous" (two unrelated
    # entries tie), "unknown-words", "question-kind" (a when/where/how-many the entry doesn't
    # answer), "asked-about" (the thing asked for is not what the entry tells)
    reason: str

    @property
    def answered(self) -> bool:
        return self.entry is not None


class Engine:
    """The answering engine over one validated, read-only knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.normalizer = Normalizer(_vocabulary(kb), _synonym_groups(kb))
        self.index = EntryIndex(kb.entries, self.normalizer)
        self._questions = [fold(e.question) for e in kb.entries]
        self._intents = [frozenset().union(*map(intents, e.phrasings)) for e in kb.entries]
        self._phrasings = [
            (fold(p), i, j) for i, e in enumerate(kb.entries) for j, p in enumerate(e.phrasings)
        ]
        self._names = [(fold(n), p) for p in kb.people for n in (p.name, *p.aliases)]

    def answer(self, question: str) -> Answer:
        text = clean(question, MAX_QUESTION_CHARS)
        tokens = self.normalizer.tokens(strip_address(strip_mentions(text), self.kb.bot_name))
        ranked = self.index.score(tokens) if tokens else self._close_phrasing(text)
        if not ranked:
            return Answer(text, None, 0.0, None, None, self._suggest([]), "empty")
        best = self._candidate(ranked[0])
        runner_up = self._candidate(ranked[1]) if len(ranked) > 1 else None
        reason = self._decline_reason(text, tokens, ranked)
        if reason:
            confidence = min(best.score, ANSWER_THRESHOLD - 0.01)
            return Answer(text, None, confidence, best, runner_up, self._suggest(ranked), reason)
        return Answer(text, best.entry, best.score, best, runner_up, (), "answered")

    def _close_phrasing(self, text: str) -> list[Scored]:
        """For questions made only of common words ("what is this article about?"):
        a near-verbatim match with a curated phrasing, or nothing."""
        found = process.extractOne(
            fold(text),
            [p for p, _, _ in self._phrasings],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=CLOSE_PHRASING,
        )
        if found is None:
            return []
        _, entry, phrasing = self._phrasings[found[2]]
        return [Scored(entry, found[1] / 100, phrasing, ())]

    def _decline_reason(self, text: str, tokens: tuple[str, ...], ranked: list[Scored]) -> str:
        best = ranked[0]
        if not intents(text) <= self._intents[best.index]:
            return "question-kind"
        if any(not self.index.knows(t) for t in best.unexplained):
            return "unknown-words"
        # The thing asked about ("which *country*", "Okafor's *husband*") must be the entry's.
        focus = {t for w in focus_words(text) for t in self.normalizer.tokens(w)}
        if focus & set(best.unexplained):
            return "asked-about"
        if asks_which_members(text, self.kb.entries[best.index].quote):
            return "asked-about"
        total = sum(self.index.weight(t) for t in tokens)
        missing = sum(self.index.weight(t) for t in best.unexplained)
        if total and missing / total > MAX_UNEXPLAINED:
            return "unknown-words"
        if best.score < ANSWER_THRESHOLD:
            return "weak"
        close = (
            len(ranked) > 1
            and best.score < AMBIGUITY_CEILING
            and best.score - ranked[1].score < AMBIGUITY_MARGIN
        )
        if close and not self._agree(self.kb.entries[best.index], self.kb.entries[ranked[1].index]):
            return "ambiguous"
        return ""

    @staticmethod
    def _agree(a: Entry, b: Entry) -> bool:
        """Two entries agree when either would answer: same passage, or linked as related."""
        same_passage = a.paragraph == b.paragraph and (a.quote in b.quote or b.quote in a.quote)
        return same_passage or b.id in a.related or a.id in b.related

    def _candidate(self, scored: Scored) -> Candidate:
        entry = self.kb.entries[scored.index]
        return Candidate(entry, round(scored.score, 3), entry.phrasings[scored.phrasing])

    def _suggest(self, ranked: list[Scored]) -> tuple[Entry, ...]:
        picked = [self.kb.entries[s.index] for s in ranked[:SUGGESTIONS]]
        for entry in self.kb.entries:  # fill with the article's first, central questions
            if len(picked) >= SUGGESTIONS:
                break
            if entry not in picked:
                picked.append(entry)
        return tuple(picked)

    def complete(self, text: str, limit: int = 25) -> list[Entry]:
        """Entries whose questions fit what the user has typed so far (for autocomplete)."""
        typed = fold(clean(text, MAX_QUESTION_CHARS))
        if not typed:
            return list(self.kb.entries[:limit])
        found = process.extract(
            typed, self._questions, scorer=fuzz.WRatio, processor=None, limit=limit
        )
        return [self.kb.entries[i] for _, _, i in found]

    def find_people(self, text: str, limit: int = 25) -> list[Person]:
        """People and organisations whose name or alias starts like `text` or is a near
        spelling of it ("okafro"), best first; an unknown name finds nobody."""
        typed = fold(clean(text, MAX_QUESTION_CHARS))
        if not typed:
            return list(self.kb.people[:limit])
        scored: dict[str, tuple[float, int]] = {}
        for order, (name, person) in enumerate(self._names):
            starts = any(w.startswith(typed) for w in (name, *name.split()))
            score = 101.0 if name == typed else 100.0 if starts else fuzz.ratio(typed, name)
            if score >= NAME_CUTOFF and score > scored.get(person.id, (0.0, 0))[0]:
                scored[person.id] = (score, order)
        best = sorted(scored.items(), key=lambda item: (-item[1][0], item[1][1]))
        people = {p.id: p for p in self.kb.people}
        return [people[pid] for pid, _ in best[:limit]]


def _vocabulary(kb: KnowledgeBase) -> list[str]:
    texts = [kb.title, kb.author, *(p.text for p in kb.paragraphs)]
    for e in kb.entries:
        texts += [*e.phrasings, e.answer]
    for p in kb.people:
        texts += [p.name, *p.aliases, p.role]
    return [w for t in texts for w in words(t)]


def _synonym_groups(kb: KnowledgeBase) -> list[tuple[str, ...]]:
    # A person's aliases are synonyms of their name ("Okafor", "Mayor Okafor" -> the full name).
    people = [(p.name, *p.aliases) for p in kb.people if p.aliases]
    return [*kb.synonyms, *people]
