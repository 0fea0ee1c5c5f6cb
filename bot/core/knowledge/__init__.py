"""The knowledge base: frozen dataclasses (model), loading and validation from YAML text
(load, with file:line problems), the article's settings and sentences, curator warnings."""

from bot.core.knowledge._validation import KnowledgeError, Problem
from bot.core.knowledge.load import (
    FILES,
    MIN_ALTERNATES,
    OPTIONAL_FILES,
    SOURCE_FILE,
    load,
    load_with_warnings,
)

__all__ = [
    "FILES",
    "MIN_ALTERNATES",
    "OPTIONAL_FILES",
    "SOURCE_FILE",
    "KnowledgeError",
    "Problem",
    "load",
    "load_with_warnings",
]
