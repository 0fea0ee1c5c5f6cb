"""The naive baseline the engine is benchmarked against: the closest article sentence.

rapidfuzz `extractOne` over the article's sentences, with no curation and no declines.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.core.knowledge.model import KnowledgeBase
from bot.core.measure.coverage import all_sentences


class NaiveBaseline:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.sentences = [s.text(kb) for s in all_sentences(kb)]

    def answer(self, question: str) -> str:
        """The article sentence closest to `question` (never declines)."""
        best = process.extractOne(
            question, self.sentences, scorer=fuzz.WRatio, processor=utils.default_process
        )
        return best[0] if best else self.sentences[0]

    def answer_json(self, question: str) -> dict[str, object]:
        """The answer in the `ask --json` shape, enough for evaluation.score."""
        return {"question": question, "answered": True, "quote": self.answer(question)}
