"""The shell's side of the English word list: read it from the installed package, once.

The list is SymSpell's English frequency dictionary (82,765 words with counts, from Google
Books n-grams intersected with the SCOWL word list), shipped inside the `symspellpy` package
(MIT licence). Only its data file is used, never its code.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from bot.core.answering.lexicon import English, parse_counts

_PACKAGE = "symspellpy"
_FILE = "frequency_dictionary_en_82_765.txt"


def english_path() -> Path:
    """Where the word list is; found without importing the package (its code is not needed)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is not installed: run make (or pip install)")
    return Path(next(iter(spec.submodule_search_locations))) / _FILE


@lru_cache(maxsize=1)
def english() -> English:
    """The English word list, read once."""
    return English(parse_counts(english_path().read_text(encoding="utf-8")))
