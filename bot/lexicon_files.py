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


@lru_cache(maxsize=1)
def english() -> English:
    """The English word list; found without importing the package (its code is not needed)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {_PACKAGE} package is not installed: run make (or pip install)")
    path = Path(next(iter(spec.submodule_search_locations))) / _FILE
    return English(parse_counts(path.read_text(encoding="utf-8")))
