"""The compiled core (bot/speedups.py): it answers exactly as the pure Python core does, and a
compiled module older than its source is refused, with how to rebuild it.

Where a C compiler is, `make` compiles the core before the tests, and these tests compare the
compiled core (in this process) with a pure copy of the package (in a subprocess). Where none
is, both are pure Python, and the comparison only shows that a copy answers alike.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import speedups
from bot.cli.evaluate import read_questions
from bot.core.answering import Engine
from bot.core.render import answer_json
from bot.knowledge_files import DEFAULT_DIR

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _pure_copy(tmp_path: Path) -> Path:
    """The package's Python files alone, as a directory to put on PYTHONPATH."""
    site = tmp_path / "pure"
    shutil.copytree(
        ROOT / "bot",
        site / "bot",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", ".compiled-sources", "__pycache__"),
    )
    return site


def _questions() -> list[str]:
    """Every one-line question of a few stored sets: readers', chat-style, adversarial, junk
    (one line each: they go to `ask --json` as lines)."""
    names = ("dev.yaml", "blind97.yaml", "adversarial91.yaml")
    found = [q.question for name in names for q in read_questions(EVAL / name)]
    return [q for q in found if "\n" not in q and "\r" not in q]


def _run_pure(
    site: Path, argv: list[str], stdin: str, cache: Path
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KNOWLEDGE_DIR"}
    env |= {"PYTHONPATH": str(site), "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "--knowledge", str(DEFAULT_DIR), *argv],
        input=stdin,
        env=env,
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_pure_core_answers_as_this_one(tmp_path: Path, engine: Engine) -> None:
    questions = _questions()
    assert len(questions) > 300
    site = _pure_copy(tmp_path)
    stdin = "".join(f"{q}\n" for q in questions)
    ours = [answer_json(engine.answer(q), engine.kb) for q in questions]
    # Twice: the second run loads the engine the first one pickled into the cache.
    for _ in range(2):
        done = _run_pure(site, ["ask", "--json"], stdin, tmp_path / "cache")
        assert done.returncode == 0, done.stderr
        theirs = [json.loads(line) for line in done.stdout.splitlines()]
        assert theirs == ours
    assert list((tmp_path / "cache").rglob("engine-*.pickle"))


def test_this_engine_pickles_and_answers_alike(engine: Engine) -> None:
    copy = pickle.loads(pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL))
    for question in _questions()[:200]:
        assert copy.answer(question) == engine.answer(question)


def test_status_tells_pure_compiled_and_stale(tmp_path: Path) -> None:
    site = _pure_copy(tmp_path)
    package = site / "bot"
    assert speedups.status(package) == "pure"
    (package / "core" / "answering" / f"matching{SUFFIX}").write_bytes(b"")  # as if built
    assert speedups.status(package) == "stale"  # no record of what was compiled
    (package / speedups.RECORD).write_text(speedups.current_digest(package) + "\n")
    assert speedups.status(package) == "compiled"
    source = package / "core" / "answering" / "matching.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert speedups.status(package) == "stale"


@pytest.mark.parametrize("argv", [["ask", "who wrote it?"], ["check"]])
def test_the_command_line_refuses_a_stale_build(tmp_path: Path, argv: list[str]) -> None:
    site = _pure_copy(tmp_path)
    # An extension of no module that is imported, with no record: stale, yet importable.
    (site / "bot" / "core" / f"leftover{SUFFIX}").write_bytes(b"")
    done = _run_pure(site, argv, "", tmp_path / "cache")
    assert done.returncode == 2
    assert "older than its source" in done.stderr
    assert "make" in done.stderr
    assert done.stdout == ""


def test_the_digest_changes_with_any_source_byte() -> None:
    base = speedups.sources_digest([b"a = 1\n", b"b = 2\n"])
    assert base == speedups.sources_digest([b"a = 1\n", b"b = 2\n"])
    assert base != speedups.sources_digest([b"a = 1\n", b"b = 3\n"])
    assert base != speedups.sources_digest([b"a = 1\nb", b" = 2\n"])  # where one file ends
