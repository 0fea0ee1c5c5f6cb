"""Answering: read the question (question), normalise its words (normalize, lexicon,
wordlists), rank entries (matching), check the best against the question (checks), and give
a calibrated confidence (bot.core.calibration). The Engine (engine) ties them together."""

from bot.core.answering.checks import Reason
from bot.core.answering.engine import (
    ANSWER_THRESHOLD,
    MAX_QUESTION_CHARS,
    Answer,
    Assessment,
    Candidate,
    Engine,
    agree,
)

__all__ = [
    "ANSWER_THRESHOLD",
    "MAX_QUESTION_CHARS",
    "Answer",
    "Assessment",
    "Candidate",
    "Engine",
    "Reason",
    "agree",
]
