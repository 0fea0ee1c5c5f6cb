"""Shared fixtures: the real knowledge base, loaded and validated once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import speedups
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.knowledge_files import load_dir
from bot.lexicon_files import english


def pytest_sessionstart(session: pytest.Session) -> None:
    # A compiled core older than its source would test the old code.
    if speedups.status() == "stale":
        pytest.exit(speedups.stale_message(), returncode=2)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_dir()


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> Engine:
    return Engine(kb, english())


COUNCIL = Path(__file__).resolve().parent / "fixtures" / "council"


@pytest.fixture(scope="session")
def council_engine() -> Engine:
    """The second article's engine: a reading rule or a check must hold for any article."""
    return Engine(load_dir(COUNCIL), english())
