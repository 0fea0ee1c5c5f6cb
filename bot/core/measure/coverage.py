"""Which article sentences the entries cite: the coverage report of `rapporteur check`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.knowledge import sentences as splitter
from bot.core.knowledge.model import KnowledgeBase, Paragraph


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


def sentences(paragraph: Paragraph, abbreviations: Iterable[str] = ()) -> list[Sentence]:
    """The paragraph's sentences, with their offsets (closing quotes stay with their sentence)."""
    return [
        Sentence(paragraph.number, index, start, end)
        for index, (start, end) in enumerate(splitter.spans(paragraph.text, abbreviations), 1)
    ]


def all_sentences(kb: KnowledgeBase) -> list[Sentence]:
    abbreviations = kb.source_format.abbreviations
    return [s for p in kb.paragraphs for s in sentences(p, abbreviations)]


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
