"""Ask the engine and log what it chose: the command, the entry and the confidence, never who."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.core.answering import MAX_QUESTION_CHARS, Answer, Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.text import clean_input
from bot.lexicon_files import english

_log = logging.getLogger("rapporteur.answers")

# Discord mention syntax and @names: who the message pings is not part of the question.
_MENTIONS = re.compile(r"<(?:@[!&]?|#)\d+>|@\w+")


def clean(question: str) -> str:
    return clean_input(question, MAX_QUESTION_CHARS)


def strip_mentions(text: str) -> str:
    """The question without "@everyone", "<@123>", "<#456>" and the like."""
    return " ".join(_MENTIONS.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class Asker:
    """The engine and the knowledge base it answers from, shared by every cog and view."""

    engine: Engine
    kb: KnowledgeBase

    @classmethod
    def for_kb(cls, kb: KnowledgeBase) -> Asker:
        return cls(Engine(kb, english()), kb)

    def ask(self, question: str, command: str) -> Answer:
        # Matched without the mentions; shown (escaped) as the person wrote it.
        answer = self.engine.answer(strip_mentions(question))._replace(question=clean(question))
        _log.info(
            "command=%s entry=%s confidence=%.3f reason=%s",
            command,
            answer.entry.id if answer.entry else "-",
            answer.confidence,
            answer.reason,
        )
        return answer
