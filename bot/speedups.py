"""The answering core compiled to C with mypyc: an optional speed-up, the same answers.

The core is strictly typed Python and runs as it is. mypyc (part of mypy, MIT licence)
compiles each of its modules to a C extension beside its source, which Python then imports
instead: the same code, about 1.6 times as fast. `make` builds it when there is a C compiler and
rebuilds it whenever a compiled module's source changes; without a compiler the core stays
pure Python, and everything works, only slower.

A compiled module older than its source would run old code, so the build records a digest of
the sources it compiled. `status()` compares it with the sources as they are now; the command
line and the tests refuse to run on a stale build and say how to rebuild it.

    python -m bot.speedups build [--require] | clean | status
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import io
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent  # where `bot/` lives: extensions are built in place, beside the sources
# The modules that answer a question. Packages' __init__ files stay Python: they import in
# circles (the knowledge loader reads question kinds), which compiled packages cannot.
COMPILED = tuple(
    f"core/{name}.py"
    for name in (
        "answering/checks",
        "answering/engine",
        "answering/lexicon",
        "answering/matching",
        "answering/normalize",
        "answering/question",
        "answering/question_shape",
        "answering/wordlists",
        "calibration",
        "text",
    )
)
GROUP = "bot.core.compiled"  # the shared library of the compiled modules: bot/core/compiled__mypyc
RECORD = "core/.compiled-sources"  # in the package: the digest of the sources last compiled
REBUILD = "run `make` (or `python -m bot.speedups build`; `... clean` for pure Python)"


def sources_digest(texts: Sequence[bytes]) -> str:
    """The digest of the compiled modules' sources, with the Python it is compiled for."""
    digest = hashlib.sha256(sys.version.encode())
    for text in texts:
        digest.update(len(text).to_bytes(8, "little") + text)
    return digest.hexdigest()


def current_digest(package: Path = PACKAGE) -> str:
    return sources_digest([(package / name).read_bytes() for name in COMPILED])


def extensions(package: Path = PACKAGE) -> list[Path]:
    """The compiled extensions now beside the sources (none: the core is pure Python)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p for p in (package / "core").rglob("*") if p.name.endswith(suffixes))


def status(package: Path = PACKAGE) -> str:
    """ "pure" (no extensions), "compiled" (built from the sources as they are) or "stale"."""
    if not extensions(package):
        return "pure"
    try:
        recorded = (package / RECORD).read_text(encoding="utf-8").strip()
    except OSError:
        return "stale"
    return "compiled" if recorded == current_digest(package) else "stale"


def stale_message() -> str:
    return f"the compiled answering core is older than its source: {REBUILD}"


def clean() -> None:
    for path in extensions():
        path.unlink()
    (PACKAGE / RECORD).unlink(missing_ok=True)


def build() -> bool:
    """Compile the core in place; False (and pure Python left) when it cannot be compiled."""
    clean()
    said = io.StringIO()  # mypyc's own notes ("treating generator comprehension as list")
    here = Path.cwd()
    try:
        with (
            tempfile.TemporaryDirectory(prefix="rapporteur-mypyc-") as work,
            contextlib.redirect_stdout(said),
            contextlib.redirect_stderr(said),
        ):
            os.chdir(ROOT)  # mypyc names modules by their paths from here
            _compile(work)
    except (Exception, SystemExit) as exc:  # no mypyc, no compiler, a compile error
        clean()
        print(said.getvalue()[-4000:], end="")
        print(f"speedups: not compiled ({exc!r}); the core stays pure Python")
        return False
    finally:
        os.chdir(here)
    (PACKAGE / RECORD).write_text(current_digest() + "\n", encoding="utf-8")
    print(f"speedups: compiled {len(COMPILED)} modules of the answering core")
    return True


def _compile(work: str) -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    modules = mypycify(
        [f"bot/{name}" for name in COMPILED],
        opt_level="3",
        group_name=GROUP,
        target_dir=str(Path(work) / "c"),
    )
    setup(
        name="rapporteur-speedups",
        packages=[],
        ext_modules=modules,
        script_args=["build_ext", "--inplace", "--build-temp", work, "--build-lib", work],
    )


def main(argv: Sequence[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "build":
        # Pure Python is a working result, not a failure, unless --require (the image's build).
        return 1 if not build() and "--require" in argv[1:] else 0
    if command == "clean":
        clean()
        return 0
    if command == "status":
        state = status()
        print(state if state != "stale" else f"stale: {stale_message()}")
        return 1 if state == "stale" else 0
    print("usage: python -m bot.speedups build [--require] | clean | status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
