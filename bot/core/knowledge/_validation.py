"""Checks behind knowledge.load: field specs, ids, references, quotes, each with its fix."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process, utils

from bot.core.knowledge._yaml_lines import LineDict, LineList
from bot.core.knowledge.model import Paragraph
from bot.core.text import fold

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_QUOTE = 20  # a quote shorter than this ("among others") tells the reader nothing


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, problems)))


# A field spec: name -> (required, type check, what the type is called)
_Spec = dict[str, tuple[bool, Callable[[Any], bool], str]]


def _is_str(v: Any) -> bool:
    return isinstance(v, str) and v.strip() != ""


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_is_str(x) for x in v)


def _is_opt_str(v: Any) -> bool:
    return v is None or _is_str(v)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


_TEXT = (True, _is_str, "a non-empty string")
_OPT_TEXT = (False, _is_opt_str, "a string or null")
_NUMBER = (True, _is_int, "a whole number")
_LIST = (False, _is_str_list, "a list of strings")
_DRAFT = (False, _is_bool, "true or false (true: written by rapporteur init, not yet curated)")

SPECS: dict[str, _Spec] = {
    "speaker": {"id": _TEXT, "name": _TEXT},
    "paragraph": {"id": _TEXT, "number": _NUMBER, "text": _TEXT},
    "entry": {
        "id": _TEXT,
        "question": _TEXT,
        "alternates": (True, _is_str_list, "a list of strings"),
        "answer": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "speaker": _TEXT,
        "kind": _TEXT,
        "kinds": _LIST,
        "related": _LIST,
        "draft": _DRAFT,
    },
    "event": {
        "id": _TEXT,
        "date": _OPT_TEXT,
        "when": _TEXT,
        "event": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "entry": _OPT_TEXT,
        "draft": _DRAFT,
    },
    "demand": {
        "id": _TEXT,
        "by": _TEXT,
        "of": _TEXT,
        "what": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "entry": _OPT_TEXT,
        "draft": _DRAFT,
    },
    "person": {
        "id": _TEXT,
        "name": _TEXT,
        "kind": _TEXT,
        "aliases": _LIST,
        "role": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "entry": _OPT_TEXT,
        "draft": _DRAFT,
    },
}


class _Checker:
    """Collects problems while turning parsed YAML into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.ids: dict[str, tuple[str, int]] = {}
        # Every id written in a record, valid or not: a reference to a record that is itself
        # broken is not a second mistake (its own problem is reported where it is).
        self.listed: set[str] = set()

    def warn(self, file: str, line: int, message: str) -> None:
        self.warnings.append(Problem(file, line, message))

    def add(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def top(
        self, file: str, data: Any, keys: dict[str, str], optional: Mapping[str, str] | None = None
    ) -> LineDict | None:
        """Check a file's top-level mapping has exactly `keys` (name -> expected kind), and
        maybe some of the `optional` ones."""
        optional = optional or {}
        if not isinstance(data, LineDict):
            names = ", ".join(keys)
            self.add(file, 1, f"expected a mapping with the keys {names}; see knowledge/README.md")
            return None
        for key in data:
            if key not in keys and key not in optional:
                self.add(
                    file,
                    data.key_lines[key],
                    f"unknown top-level key {key!r}: expected {', '.join([*keys, *optional])}",
                )
        for key, kind in keys.items():
            if key not in data:
                self.add(file, data.line, f"missing top-level key {key!r} ({kind})")
        return data

    def records(self, file: str, data: LineDict, key: str, spec_name: str) -> list[LineDict]:
        items = data.get(key)
        if not isinstance(items, LineList):
            if key in data:
                self.add(file, data.key_lines[key], f"{key!r} must be a list of {spec_name}s")
            return []
        good = []
        for item, line in zip(items, items.item_lines, strict=True):
            if self.record(file, line, item, spec_name):
                good.append(item)
        return good

    def record(self, file: str, line: int, item: Any, spec_name: str) -> bool:
        spec = SPECS[spec_name]
        if not isinstance(item, LineDict):
            self.add(file, line, f"each {spec_name} must be a mapping with {', '.join(spec)}")
            return False
        if isinstance(item.get("id"), str):
            self.listed.add(item["id"])  # broken or not, it exists: no follow-on errors
        # Both passes run, so every problem in the record is reported at once.
        known_keys, meant = self._unknown_fields(file, item, spec_name)
        good_values = self._field_values(file, item, spec_name, meant)
        ok = known_keys and good_values
        if ok:
            self.unique_id(file, item)
        return ok

    def _unknown_fields(self, file: str, item: LineDict, spec_name: str) -> tuple[bool, set[str]]:
        """Report each key the spec does not know; say whether there were none, and which
        fields the misspelt keys stand for (those are not also reported missing)."""
        spec = SPECS[spec_name]
        ok = True
        meant: set[str] = set()
        for key in item:
            if key not in spec:
                close = _closest(key, spec)
                meant |= {close} if close and close not in item else set()
                hint = f" (did you mean {close!r}?)" if close else ""
                allowed = ", ".join(spec)
                self.add(
                    file,
                    item.key_lines[key],
                    f"unknown field {key!r} in {_a(spec_name)}{hint}; allowed: {allowed}",
                )
                ok = False
        return ok, meant

    def _field_values(self, file: str, item: LineDict, spec_name: str, meant: set[str]) -> bool:
        """Report each required field missing (unless a misspelt key stands for it) and each
        value of the wrong type; say whether there were none."""
        ok = True
        for key, (required, check, kind) in SPECS[spec_name].items():
            if key not in item:
                if required and key not in meant:
                    self.add(file, item.line, f"{spec_name} is missing the field {key!r} ({kind})")
                    ok = False
            elif not check(item[key]):
                got = type(item[key]).__name__
                hint = f' (write it in quotes: "{item[key]}")' if got == "date" else ""
                self.add(file, item.key_lines[key], f"{key!r} must be {kind}, not {got}{hint}")
                ok = False
        return ok

    def unique_id(self, file: str, item: LineDict) -> None:
        ident = item["id"]
        line = item.key_lines["id"]
        if not _ID.match(ident):
            self.add(file, line, f"id {ident!r} must be lower-case words joined by '-'")
        if ident in self.ids:
            other_file, other_line = self.ids[ident]
            self.add(file, line, f"duplicate id {ident!r}, first used at {other_file}:{other_line}")
        else:
            self.ids[ident] = (file, line)

    def ref(self, file: str, item: LineDict, key: str, known: Mapping[str, Any], what: str) -> bool:
        value = item.get(key)
        if value is None or value in known:
            return True
        if not known or value in self.listed:
            return False  # what it points to is broken, and reported there: no follow-on
        close = _closest(value, known)
        hint = f" Did you mean {close!r}?" if close else f" Known: {_some(sorted(known))}."
        self.add(file, item.key_lines[key], f"{key} {value!r} is not a known {what}.{hint}")
        return False

    def quote(self, file: str, item: LineDict, paragraphs: Mapping[int, Paragraph]) -> bool:
        if len(item["quote"]) < MIN_QUOTE:
            self.add(
                file,
                item.key_lines["quote"],
                f"quote is only {len(item['quote'])} characters: quote at least the clause "
                f"around it ({MIN_QUOTE}+), so the reader sees what it says",
            )
            return False
        number = item["paragraph"]
        if number not in paragraphs and not paragraphs:
            return False  # article.yaml's paragraphs are broken, and reported there
        if number not in paragraphs:
            self.add(
                file,
                item.key_lines["paragraph"],
                f"paragraph {number} does not exist: the article has 1 to {max(paragraphs)}"
                + (" (and 0, its headline and byline)" if 0 in paragraphs else ""),
            )
            return False
        quote, text = item["quote"], paragraphs[number].text
        if quote in text:
            return True
        where = next((p.number for p in paragraphs.values() if quote in p.text), None)
        if where is not None:
            fix = f"it is in paragraph {where}: set paragraph: {where}"
        else:
            fix = _quote_fix(quote, text)
        self.add(
            file,
            item.key_lines["quote"],
            f"quote is not an exact substring of paragraph {number}: {fix}",
        )
        return False


def _some(names: list[str], shown: int = 8) -> str:
    """A few names, and how many more there are: a line stays readable."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _a(noun: str) -> str:
    """The noun with its article: "an entry", "a demand"."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _closest(word: str, options: Mapping[str, Any] | dict[str, Any]) -> str | None:
    found = process.extractOne(
        word, list(options), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=70
    )
    return found[0] if found else None


def _quote_fix(quote: str, text: str) -> str:
    straight = quote.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    curly_text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    if straight in curly_text:
        return "copy it with the article's curly quotes (\u201c \u201d \u2019)"
    if " ".join(quote.split()) in " ".join(text.split()):
        return "fix its spaces or line breaks to match the article exactly"
    if quote.lower() in text.lower():
        return "match the article's capital letters exactly"
    # Say where the quote stops matching, so the fix is easy to find.
    n = 0
    while n < len(quote) and quote[: n + 1] in text:
        n += 1
    return f"it matches up to {quote[:n][-30:]!r} then differs at {quote[n : n + 30]!r}"


def _check_synonym_group(
    check: _Checker, group: list[str], line: int, seen: dict[tuple[str, ...], tuple[str, int]]
) -> None:
    """A phrase belongs to one group: two groups cannot both claim what a reader wrote."""
    for phrase in group:
        key = tuple(fold(phrase).split())
        if key in seen and seen[key][1] != line:
            other, other_line = seen[key]
            check.add(
                "synonyms.yaml",
                line,
                f"{phrase!r} is already in the group at line {other_line} (as {other!r}): "
                "keep it in one group only",
            )
        seen.setdefault(key, (phrase, line))


def _check_phrasings(check: _Checker, items: list[LineDict]) -> None:
    """A phrasing belongs to one entry: the same question in two entries can only tie."""
    owner: dict[str, str] = {}
    for item in items:
        for text in [item["question"], *item["alternates"]]:
            key = fold(text)
            if key in owner and owner[key] != item["id"]:
                check.add(
                    "entries.yaml",
                    item.line,
                    f"phrasing {text!r} is also in entry {owner[key]!r}: keep it in one entry",
                )
            owner.setdefault(key, item["id"])


# A double-quoted string, and the character right after its closing quote.
_DOUBLE_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"\s*(?P<after>.?)')
STRAIGHT_QUOTE_INSIDE = (
    "a straight \" inside a double-quoted string ends the string early: write the article's "
    'curly quotes “ ” (they need no escaping), or \\" for a straight one'
)


def ends_early(line: str) -> bool:
    """Whether a double-quoted string on `line` is followed by more text: a straight quote
    inside it closed it (`quote: "they said "hazardous" it"`)."""
    return any(
        m["after"] not in ("", ",", "]", "}", "#", ":") for m in _DOUBLE_QUOTED.finditer(line)
    )


def _yaml_fix(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'a value containing ": " must be in double quotes'
    if "duplicate key" in problem:
        return "each key may appear once per mapping"
    return "check the indentation and quoting on this line and the one before"
