"""The few Discord-only texts that render.py does not cover: refusals, notices, labels."""

from __future__ import annotations

import math

BUTTON_LABEL = 80  # Discord's limit for a button label
OPTION_LABEL = 100  # ... and for a select option's label

READ_PARAGRAPH = "Read the paragraph"
WHY = "Why this answer?"
RELATED = "Related questions"
REPORT = "Report a wrong answer"
REPORT_THANKS = (
    "Thanks for the report. The question and the answer it got are passed on to the people "
    "who look after the bot's knowledge; nothing about you is recorded."
)
GONE = "That question is no longer in the knowledge base. Ask yours with /ask."
PREVIOUS = "Previous"
NEXT = "Next"
NOT_YOURS = (
    "These buttons belong to the person who asked. Ask your own question with /ask "
    "and you'll get your own."
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again in a moment."


def cooldown(wait: float, rate: int, per: float) -> str:
    """Why the question was not answered, and when to ask again."""
    seconds = max(1, math.ceil(wait))
    return (
        f"You're asking quickly: I answer up to {rate} questions every {per:g} seconds per "
        f"person. Please try again in {seconds} second{'s' if seconds != 1 else ''}."
    )
