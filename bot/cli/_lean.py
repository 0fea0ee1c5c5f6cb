"""Start-up: load only the English stemmer.

`import snowballstemmer` imports the stemmers of all 30 of its languages (about 10 ms of a
console command's start-up); the engine uses English only. Before anything imports it, this
puts a package in its place that loads `english_stemmer` alone and offers the same
`stemmer("english")`. It steps aside when snowballstemmer is already imported or when its
C backend (PyStemmer) is installed, which the real package would use instead.
"""

from __future__ import annotations

import importlib.util
import sys
import types

LANGUAGE = "english"


def english_only_stemmer() -> None:
    if "snowballstemmer" in sys.modules or importlib.util.find_spec("Stemmer") is not None:
        return
    spec = importlib.util.find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:
        return
    package = types.ModuleType("snowballstemmer")
    package.__spec__ = spec
    package.__path__ = list(spec.submodule_search_locations)
    package.__file__ = spec.origin
    sys.modules["snowballstemmer"] = package
    from snowballstemmer.english_stemmer import EnglishStemmer  # type: ignore[import-untyped]

    def stemmer(language: str) -> object:
        if language != LANGUAGE:
            raise KeyError(f"only {LANGUAGE!r} is loaded, not {language!r}")
        return EnglishStemmer()

    package.__dict__.update(stemmer=stemmer, algorithms=lambda: [LANGUAGE])
