"""article.yaml's optional settings: the source's layout, the bot's name, help examples and
command-option descriptions. Everything that differs from one article to the next is data.

Pure: parsed YAML in, checked values out; mistakes go to the loader's checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.knowledge._validation import _Checker, _is_str, _is_str_list
from bot.core.knowledge._yaml_lines import LineDict
from bot.core.knowledge.model import SourceFormat

FILE = "article.yaml"
# The slash-command options whose description an article may set (`options:`).
OPTION_NAMES = ("ask-question", "demands-by", "demands-of", "who-name")
OPTIONAL_KEYS = {
    "bot_name": "string",
    "examples": "list of questions",
    "options": "mapping",
    "source_format": "mapping",
}
_FORMAT_KEYS = ("byline", "furniture", "abbreviations")
_BOT_NAME = re.compile(r"^[\w][\w .'-]{0,31}$")


@dataclass(frozen=True, slots=True)
class ArticleSettings:
    bot_name: str = "Rapporteur"
    examples: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    source_format: SourceFormat = field(default_factory=SourceFormat)


def settings(check: _Checker, art: LineDict) -> ArticleSettings:
    """The optional settings of article.yaml, each checked; a bad one is reported and left out."""
    found = ArticleSettings()
    bot_name = art.get("bot_name", found.bot_name)
    if not (_is_str(bot_name) and _BOT_NAME.match(bot_name)):
        _add(check, art, "bot_name", "bot_name must be a short name (letters, digits, spaces)")
        bot_name = found.bot_name
    examples = art.get("examples", [])
    if not _is_str_list(examples):
        _add(check, art, "examples", "examples must be a list of questions the base answers")
        examples = []
    return ArticleSettings(
        bot_name=bot_name,
        examples=tuple(examples),
        options=_options(check, art),
        source_format=_source_format(check, art),
    )


def _add(check: _Checker, art: LineDict, key: str, message: str) -> None:
    check.add(FILE, art.key_lines.get(key, art.line), message)


def _options(check: _Checker, art: LineDict) -> tuple[tuple[str, str], ...]:
    raw = art.get("options") or {}
    if not isinstance(raw, dict):
        _add(check, art, "options", "options must map an option name to its description")
        return ()
    good = []
    for name, text in raw.items():
        if name not in OPTION_NAMES:
            _add(
                check, art, "options", f"option {name!r} is unknown: use {', '.join(OPTION_NAMES)}"
            )
        elif not (_is_str(text) and len(text) <= 100):
            _add(check, art, "options", f"option {name!r} needs a description of 1-100 characters")
        else:
            good.append((name, text))
    return tuple(good)


def _source_format(check: _Checker, art: LineDict) -> SourceFormat:
    raw: Any = art.get("source_format")
    default = SourceFormat()
    if raw is None:
        return default
    if not isinstance(raw, LineDict):
        _add(check, art, "source_format", "source_format must be a mapping (byline, furniture...)")
        return default
    for key in raw:
        if key not in _FORMAT_KEYS:
            check.add(
                FILE,
                raw.key_lines[key],
                f"unknown source_format key {key!r}: use {', '.join(_FORMAT_KEYS)}",
            )
    byline = _byline(check, raw, default.byline)
    lists = {}
    for key in ("furniture", "abbreviations"):
        value = raw.get(key, [])
        if not _is_str_list(value):
            check.add(FILE, raw.key_lines.get(key, raw.line), f"{key} must be a list of strings")
            value = []
        lists[key] = tuple(value)
    for word in lists["abbreviations"]:
        if not word.endswith("."):
            line = raw.key_lines["abbreviations"]
            check.add(FILE, line, f"abbreviation {word!r} must end with its full stop")
    return SourceFormat(byline, lists["furniture"], lists["abbreviations"])


def _byline(check: _Checker, raw: LineDict, default: str) -> str:
    byline = raw.get("byline", default)
    try:
        re.compile(byline if isinstance(byline, str) else "(")
    except re.error as error:
        line = raw.key_lines.get("byline", raw.line)
        check.add(FILE, line, f"byline must be a regular expression ({error}), e.g. '(?i)^by '")
        return default
    return str(byline)


def body_blocks(source: str, fmt: SourceFormat) -> tuple[str, str | None, list[str]]:
    """The source's title, byline (None when there is none) and body paragraphs.

    Blocks are separated by blank lines. The title is the first line; the byline is the first
    of the next two blocks that matches `fmt.byline`; blocks listed as furniture are dropped.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source) if b.strip()]
    if not blocks:
        return "", None, []
    first, _, rest = blocks[0].partition("\n")
    blocks = [rest.strip(), *blocks[1:]] if rest.strip() else blocks[1:]
    pattern = re.compile(fmt.byline)
    byline = next((b for b in blocks[:2] if pattern.search(b)), None)
    furniture = set(fmt.furniture)
    body = [b for b in blocks if b is not byline and b not in furniture]
    return first.strip(), byline, body
