"""The console's engine cache: the same answers as a fresh build, rebuilt on any change."""

from __future__ import annotations

from pathlib import Path

from bot.core.knowledge import load
from bot.engine_cache import build_engine, cache_dir, cached_engine
from bot.knowledge_files import DEFAULT_DIR, read_dir


def test_a_cached_engine_answers_as_the_built_one(tmp_path: Path) -> None:
    environ = {"XDG_CACHE_HOME": str(tmp_path)}
    files = read_dir(DEFAULT_DIR)
    assert cached_engine(files, environ) is None  # nothing cached yet
    built = build_engine(load(files), files, environ)
    cached = cached_engine(files, environ)
    assert cached is not None
    assert cached.kb == built.kb
    for question in ("who exposed pegasus?", "what is the capital of peru", "kahn"):
        assert cached.answer(question) == built.answer(question)


def test_a_changed_knowledge_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    environ = {"XDG_CACHE_HOME": str(tmp_path)}
    files = read_dir(DEFAULT_DIR)
    build_engine(load(files), files, environ)
    changed = dict(files)
    changed["synonyms.yaml"] += "\n# a curator's comment\n"
    assert cached_engine(changed, environ) is None
    assert len(list((tmp_path / "rapporteur").glob("engine-*.pickle"))) == 1


def test_the_cache_can_be_turned_off_or_be_unwritable(tmp_path: Path) -> None:
    assert cache_dir({"RAPPORTEUR_CACHE": "off"}) is None
    files = read_dir(DEFAULT_DIR)
    kb = load(files)
    assert build_engine(kb, files, {"RAPPORTEUR_CACHE": "off"}).kb == kb
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    environ = {"XDG_CACHE_HOME": str(blocked)}
    assert build_engine(kb, files, environ).kb == kb  # builds; nothing to cache into
    assert cached_engine(files, environ) is None
