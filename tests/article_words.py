"""The distinctive words of a knowledge base's article: its people's names and aliases and
its title's long words, minus common English. Built from the data, so the tests that use it
("no Python file names the article", "nothing of one article in the other's output") hold
for any article, not a hard-coded list of one."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bot.core.knowledge.model import KnowledgeBase

# Common words that names of organisations are made of: not distinctive of any article.
COMMON = frozenset(
    """
    group international council united nations working business human rights member members
    states state government special freedom expression defenders peaceful assembly
    association stories story technologies intl department energy club university city
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def distinctive_words(kb: KnowledgeBase) -> set[str]:
    """Acronyms ("NSO") as written; other words lower-cased and without accents."""
    found: set[str] = set()
    for person in kb.people:
        for name in (person.name, *person.aliases):
            for word in _WORD.findall(name):
                if word.isupper() and len(word) >= 3:
                    found.add(word)
                elif len(word) >= 4 and word[0].isupper() and word.lower() not in COMMON:
                    found.add(_plain(word).lower())
    bot_name = kb.bot_name.lower()
    for word in _WORD.findall(kb.title):
        lowered = _plain(word).lower()
        if len(word) >= 8 and not lowered.startswith(bot_name) and lowered not in COMMON:
            found.add(lowered)
    return found


def occurrences(words: Iterable[str], text: str) -> list[str]:
    """The words that occur in `text` as whole words (acronyms case-sensitive)."""
    plain = _plain(text)
    lowered = plain.lower()
    hits = []
    for word in sorted(words):
        haystack = plain if word.isupper() else lowered
        if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", haystack):
            hits.append(word)
    return hits
