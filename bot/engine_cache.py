"""The shell's cache of built engines, so a console command starts fast.

Building the engine (normalising every phrasing, the index, the English word list) takes most
of a console command's start-up. The first run pickles the built engine to the user's cache
directory; later runs with the very same knowledge files, code and word list load it instead.
The key is a hash of all of those, so any change builds afresh. The cache holds the knowledge
base only (nothing about who asked what); a missing or unwritable cache directory just means
building every time. `RAPPORTEUR_CACHE=off` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Mapping
from pathlib import Path

import bot
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.lexicon_files import english, english_path
from bot.speedups import extensions

_VERSION = 1  # bumped when the cache's own format changes


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    if environ.get("RAPPORTEUR_CACHE", "").lower() in ("off", "0", "no"):
        return None
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rapporteur"


def _key(files: Mapping[str, str]) -> str:
    digest = hashlib.sha256(f"rapporteur-engine-{_VERSION}".encode())
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    # The code that builds and runs the engine, and the word list it reads.
    for path in sorted([*Path(bot.__file__).parent.rglob("*.py"), *extensions()]):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    words = english_path().stat()
    digest.update(f"{words.st_size}:{words.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def cached_engine(files: Mapping[str, str], environ: Mapping[str, str]) -> Engine | None:
    """The engine built earlier from exactly these files (and this code), if cached."""
    where = cache_dir(environ)
    if where is None:
        return None
    try:
        with (where / f"engine-{_key(files)}.pickle").open("rb") as cached:
            engine = pickle.load(cached)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None  # absent, unreadable or from other code: build it
    return engine if isinstance(engine, Engine) else None


def build_engine(kb: KnowledgeBase, files: Mapping[str, str], environ: Mapping[str, str]) -> Engine:
    """The engine for `kb` (loaded and validated from `files`), cached for next time."""
    engine = Engine(kb, english())
    where = cache_dir(environ)
    if where is not None:
        _store(engine, where, where / f"engine-{_key(files)}.pickle")
    return engine


def _store(engine: Engine, where: Path, path: Path) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True)
        for old in where.glob("engine-*.pickle"):
            old.unlink(missing_ok=True)  # one engine kept: the cache never grows
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as out:
            pickle.dump(engine, out, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a read-only home, a full disk: the next run builds again
