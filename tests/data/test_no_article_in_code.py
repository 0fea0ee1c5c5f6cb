"""No Python file under bot/ names anything of the article: the knowledge base is the only
thing that knows it (comments and docstrings included)."""

from __future__ import annotations

from pathlib import Path

from bot.core.knowledge.model import KnowledgeBase
from tests.article_words import distinctive_words, occurrences

BOT = Path(__file__).resolve().parents[2] / "bot"


def test_the_word_list_is_built_from_the_knowledge_base(kb: KnowledgeBase) -> None:
    words = distinctive_words(kb)
    assert len(words) >= 10  # names and title words: a list that can catch something
    assert not occurrences(words, "Rapporteur answers questions about one news article.")
    person = next(p for p in kb.people if p.kind == "person")
    assert occurrences(words, f"for example: who is {person.name}?")


def test_no_python_file_names_the_article(kb: KnowledgeBase) -> None:
    words = distinctive_words(kb)
    found = {
        str(path.relative_to(BOT)): hits
        for path in sorted(BOT.rglob("*.py"))
        if (hits := occurrences(words, path.read_text(encoding="utf-8")))
    }
    assert found == {}, f"article words in code (move them to knowledge/): {found}"
