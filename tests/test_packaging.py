"""The distribution ships the knowledge base: a real, non-editable install of this tree
answers questions when run from another directory, with no KNOWLEDGE_DIR.

`pip install --no-deps --target` builds the wheel with the pinned backend (about 2 s here),
so this runs in `make test`; the dependencies come from the test environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_an_installed_package_answers_from_its_own_knowledge(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, ROOT],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (target / "bot" / "knowledge" / "article.yaml").is_file()
    assert (target / "bot" / "knowledge" / "source" / "article.txt").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "KNOWLEDGE_DIR"} | {
        "PYTHONPATH": str(target)
    }
    probe = "import bot.knowledge_files as k; print(k.DEFAULT_DIR)"
    where = subprocess.run(
        [sys.executable, "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert Path(where.stdout.strip()) == target / "bot" / "knowledge", where.stderr
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json", "who wrote the article?"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert asked.returncode == 0, asked.stderr
    assert '"answered": true' in asked.stdout
