"""The shell's side of loading knowledge: read the files, hand their text to the pure core."""

from __future__ import annotations

from pathlib import Path

from bot.core import knowledge
from bot.core.knowledge.model import KnowledgeBase

# The wheel ships the knowledge base as package data (bot/knowledge); a source checkout
# keeps it at the repository's top level.
PACKAGED_DIR = Path(__file__).resolve().parent / "knowledge"
CHECKOUT_DIR = Path(__file__).resolve().parent.parent / "knowledge"
DEFAULT_DIR = PACKAGED_DIR if PACKAGED_DIR.is_dir() else CHECKOUT_DIR


def read_dir(directory: Path) -> dict[str, str]:
    """Every knowledge file that exists under `directory`, by its name relative to it."""
    names = (*knowledge.FILES, *knowledge.OPTIONAL_FILES, knowledge.SOURCE_FILE)
    return {
        name: (directory / name).read_text(encoding="utf-8")
        for name in names
        if (directory / name).is_file()
    }


def load_dir(directory: Path = DEFAULT_DIR) -> KnowledgeBase:
    """Load and validate; raises knowledge.KnowledgeError listing every problem."""
    return knowledge.load(read_dir(directory))
