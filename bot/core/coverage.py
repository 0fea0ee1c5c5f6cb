"""Which article sentences the entries cite: the coverage report of `rapporteur check`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.model import KnowledgeBase, Paragraph

# A sentence ends at . ! or ? (and any closing quotes) before a capital or an opening quote.
# The article's body has no abbreviations with a full stop, so this is enough here.
_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"']*\s+(?=[“‘\"'(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int
    index: int  # 1-based within its paragraph
    start: int  # character offsets in the paragraph's text
    end: int

    def text(self, kb: KnowledgeBase) -> str:
        return kb.paragraph(self.paragraph).text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class SentenceCoverage:
    sentence: Sentence
    text: str
    entries: tuple[str, ...]  # ids of the entries whose quote overlaps the sentence


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """The paragraph's sentences, with their offsets (closing quotes stay with their sentence)."""
    found: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(paragraph.text):
        end = match.start() + len(match.group().rstrip())
        found.append(Sentence(paragraph.number, len(found) + 1, start, end))
        start = match.end()
    found.append(Sentence(paragraph.number, len(found) + 1, start, len(paragraph.text.rstrip())))
    return found


def all_sentences(kb: KnowledgeBase) -> list[Sentence]:
    return [s for p in kb.paragraphs for s in sentences(p)]


def coverage(kb: KnowledgeBase) -> list[SentenceCoverage]:
    """Every sentence of the article with the entries that cite part of it."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for entry in kb.entries:
        text = kb.paragraph(entry.paragraph).text
        at = text.find(entry.quote)
        if at >= 0:  # always true for a validated knowledge base
            spans.setdefault(entry.paragraph, []).append((at, at + len(entry.quote), entry.id))
    report = []
    for sentence in all_sentences(kb):
        cited = tuple(
            entry_id
            for start, end, entry_id in spans.get(sentence.paragraph, [])
            if start < sentence.end and end > sentence.start
        )
        report.append(SentenceCoverage(sentence, sentence.text(kb), cited))
    return report
