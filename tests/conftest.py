"""Shared fixtures: the real knowledge base, loaded and validated once per test session."""

from __future__ import annotations

import pytest

from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.knowledge_files import load_dir
from bot.lexicon_files import english


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_dir()


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb, english())
