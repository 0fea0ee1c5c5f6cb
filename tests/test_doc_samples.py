"""Every sample of program output in the docs is what the program prints now.

A sample is a fenced block right after an HTML comment `<!-- sample -->`; its first line is
`$ COMMAND` (run with bash in the repository, `rapporteur` and `.venv/bin/rapporteur` from
this environment, `make run` as the `rapporteur run` it stands for, no DISCORD_TOKEN), the
rest is its stdout. In the sample, `...` stands for any text (keep long lines short).
`<!-- sample: shape, run: CMD -->` checks only the shape, for output with timings: numbers
may differ, and CMD (a smaller run of the same command) is what the test runs.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "knowledge" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SAMPLE = re.compile(r"<!-- sample(?P<options>[^>]*?)\s*-->\n```[a-z]*\n(?P<body>.*?)```", re.DOTALL)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def samples() -> list[tuple[str, str, str, str]]:
    """(where, options, command, expected output) of every sample in the docs."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in SAMPLE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            first, _, expected = match["body"].partition("\n")
            assert first.startswith("$ "), f"{doc.name}:{line}: a sample starts with `$ COMMAND`"
            found.append((f"{doc.relative_to(ROOT)}:{line}", match["options"], first[2:], expected))
    return found


def pattern(expected: str, shape: bool) -> re.Pattern[str]:
    lines = []
    for line in expected.rstrip("\n").split("\n"):
        parts = [re.escape(p) for p in line.rstrip().split("...")]
        if shape:
            parts = [NUMBER.sub(r"\\d+(?:[.,]\\d+)*", re.sub(r"(\\ )+", " ", p)) for p in parts]
            parts = [p.replace(" ", r"\s+") for p in parts]
        lines.append(".*?".join(parts) + r"[ \t]*")
    return re.compile("\n".join(lines) + r"\n*")  # "..." never spans lines


def run(command: str) -> str:
    command = re.sub(r"\bmake run\b", "rapporteur run", command).replace(".venv/bin/", "")
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "NO_COLOR")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_docs_have_samples():
    where = {w.split(":")[0] for w, *_ in samples()}
    assert {"README.md", "docs/cli.md", "knowledge/README.md"} <= where


@pytest.mark.parametrize(("where", "options", "command", "expected"), samples())
def test_a_sample_is_what_the_program_prints(where, options, command, expected):
    shape = "shape" in options
    runs = re.search(r"run: (.+)$", options.strip())
    printed = run(runs[1] if runs else command)
    if not pattern(expected, shape).fullmatch(printed):
        pytest.fail(f"{where}: the sample of `{command}` is out of date; it prints:\n{printed}")


def test_the_docs_send_nobody_into_a_developers_directory():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "/work/" not in text, doc
        assert not re.search(r"\bcd /", text), doc
