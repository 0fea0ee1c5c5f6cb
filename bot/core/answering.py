"""Pick the entry that answers a question, or decline with suggestions. Deterministic.

(Temporary simple matcher: the real engine replaces the body; the API below is the contract.)
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from bot.core.model import Entry, KnowledgeBase, Person

MAX_QUESTION_CHARS = 500  # longer input is cut here before matching


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
    reason: str  # "answered", "empty", "weak", "ambiguous" or "unknown-words"

    @property
    def answered(self) -> bool:
        return self.entry is not None


class Engine:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._phrasings = [(p, e) for e in kb.entries for p in e.phrasings]

    def answer(self, question: str) -> Answer:
        text = question[:MAX_QUESTION_CHARS]
        found = process.extract(
            text,
            [p for p, _ in self._phrasings],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=2,
            score_cutoff=0,
        )
        if not found:
            return Answer(text, None, 0.0, None, None, tuple(self.kb.entries[:3]), "empty")
        best = Candidate(self._phrasings[found[0][2]][1], found[0][1] / 100, found[0][0])
        if best.score < 0.8:
            return Answer(text, None, best.score, best, None, (best.entry,), "weak")
        return Answer(text, best.entry, best.score, best, None, (), "answered")

    def complete(self, text: str, limit: int = 25) -> list[Entry]:
        """Entries whose questions fit what the user has typed so far (for autocomplete)."""
        if not text.strip():
            return list(self.kb.entries[:limit])
        found = process.extract(
            text,
            [e.question for e in self.kb.entries],
            scorer=fuzz.partial_ratio,
            processor=utils.default_process,
            limit=limit,
        )
        return [self.kb.entries[i] for _, _, i in found]

    def find_people(self, text: str, limit: int = 25) -> list[Person]:
        """People and organisations whose name or alias fits `text`, best first."""
        if not text.strip():
            return list(self.kb.people[:limit])
        names = [(n, p) for p in self.kb.people for n in (p.name, *p.aliases)]
        found = process.extract(
            text,
            [n for n, _ in names],
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=limit * 3,
            score_cutoff=60,
        )
        seen: list[Person] = []
        for _, _, i in found:
            if names[i][1] not in seen:
                seen.append(names[i][1])
        return seen[:limit]
