"""Load and validate the knowledge base from YAML text: all of it or nothing.

The caller reads the files (the core never opens one) and passes {file name: text}.
Every mistake becomes a Problem with file, line, what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from bot.core._yaml_lines import LineDict, LineList, parse
from bot.core.model import (
    ENTRY_KINDS,
    PERSON_KINDS,
    Demand,
    Entry,
    KnowledgeBase,
    Paragraph,
    Person,
    Speaker,
    TimelineEvent,
)
from bot.core.normalize import fold, phrase_stems

FILES = (
    "article.yaml",
    "entries.yaml",
    "timeline.yaml",
    "demands.yaml",
    "people.yaml",
    "synonyms.yaml",
)
SOURCE_FILE = "source/article.txt"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


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


_TEXT = (True, _is_str, "a non-empty string")
_OPT_TEXT = (False, _is_opt_str, "a string or null")
_NUMBER = (True, _is_int, "a whole number")
_LIST = (False, _is_str_list, "a list of strings")

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
        "related": _LIST,
    },
    "event": {
        "id": _TEXT,
        "date": _OPT_TEXT,
        "when": _TEXT,
        "event": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "entry": _OPT_TEXT,
    },
    "demand": {
        "id": _TEXT,
        "by": _TEXT,
        "of": _TEXT,
        "what": _TEXT,
        "quote": _TEXT,
        "paragraph": _NUMBER,
        "entry": _OPT_TEXT,
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
    },
}


class _Checker:
    """Collects problems while turning parsed YAML into records."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str, int]] = {}

    def add(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def top(self, file: str, data: Any, keys: dict[str, str]) -> LineDict | None:
        """Check a file's top-level mapping has exactly `keys` (name -> expected kind)."""
        if not isinstance(data, LineDict):
            names = ", ".join(keys)
            self.add(file, 1, f"expected a mapping with the keys {names}; see knowledge/README.md")
            return None
        for key in data:
            if key not in keys:
                self.add(
                    file,
                    data.key_lines[key],
                    f"unknown top-level key {key!r}: expected {', '.join(keys)}",
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
        ok = True
        for key in item:
            if key not in spec:
                close = _closest(key, spec)
                hint = f" (did you mean {close!r}?)" if close else ""
                allowed = ", ".join(spec)
                self.add(
                    file,
                    item.key_lines[key],
                    f"unknown field {key!r} in a {spec_name}{hint}; allowed: {allowed}",
                )
                ok = False
        for key, (required, check, kind) in spec.items():
            if key not in item:
                if required:
                    self.add(file, item.line, f"{spec_name} is missing the field {key!r} ({kind})")
                    ok = False
            elif not check(item[key]):
                got = type(item[key]).__name__
                hint = f' (write it in quotes: "{item[key]}")' if got == "date" else ""
                self.add(file, item.key_lines[key], f"{key!r} must be {kind}, not {got}{hint}")
                ok = False
        if ok:
            self.unique_id(file, item)
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
        close = _closest(value, known)
        hint = f" Did you mean {close!r}?" if close else f" Known: {', '.join(sorted(known))}."
        self.add(file, item.key_lines[key], f"{key} {value!r} is not a known {what}.{hint}")
        return False

    def quote(self, file: str, item: LineDict, paragraphs: Mapping[int, Paragraph]) -> bool:
        number = item["paragraph"]
        if number not in paragraphs:
            self.add(
                file,
                item.key_lines["paragraph"],
                f"paragraph {number} does not exist: the article has 1 to {len(paragraphs)}",
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


def _closest(word: str, options: Mapping[str, Any] | dict[str, Any]) -> str | None:
    from rapidfuzz import fuzz, process, utils

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
    """Two groups must not claim the same word: after stemming, "reporters" is "report"."""
    for phrase in group:
        key = phrase_stems(phrase)
        if key in seen and seen[key][1] != line:
            other, other_line = seen[key]
            check.add(
                "synonyms.yaml",
                line,
                f"{phrase!r} means the same as {other!r} (line {other_line}) once stemmed: "
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


def _yaml_fix(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'a value containing ": " must be in double quotes'
    if "duplicate key" in problem:
        return "each key may appear once per mapping"
    return "check the indentation and quoting on this line and the one before"


def _source_paragraphs(source: str) -> list[str]:
    """The article's body paragraphs from the source text: no title, byline or page furniture."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source) if b.strip()]
    body = [b for b in blocks[1:] if not b.startswith("by ") and b != "Related Posts"]
    return body


def load(files: Mapping[str, str]) -> KnowledgeBase:
    """Validate every file and build the knowledge base; raise KnowledgeError with all problems."""
    check = _Checker()
    parsed: dict[str, Any] = {}
    for name in FILES:
        if name not in files:
            check.add(name, 1, "file is missing: restore it (see knowledge/README.md)")
            continue
        try:
            parsed[name] = parse(files[name])
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problem = getattr(exc, "problem", None) or str(exc)
            check.add(name, line, f"YAML syntax error: {problem}; {_yaml_fix(problem)}")
    if check.problems:
        raise KnowledgeError(check.problems)

    art = check.top(
        "article.yaml",
        parsed["article.yaml"],
        {"title": "string", "author": "string", "speakers": "list", "paragraphs": "list"},
    )
    if art is None:
        raise KnowledgeError(check.problems)
    speakers = {
        s["id"]: Speaker(s["id"], s["name"])
        for s in check.records("article.yaml", art, "speakers", "speaker")
    }
    paragraphs: dict[int, Paragraph] = {}
    for p in check.records("article.yaml", art, "paragraphs", "paragraph"):
        number = p["number"]
        if number != len(paragraphs) + 1:
            check.add(
                "article.yaml",
                p.key_lines["number"],
                f"paragraph numbers must run 1, 2, 3...: expected {len(paragraphs) + 1}",
            )
        paragraphs[number] = Paragraph(p["id"], number, p["text"])
    _check_against_source(check, files.get(SOURCE_FILE), art, paragraphs)

    entries_doc = check.top("entries.yaml", parsed["entries.yaml"], {"entries": "list"})
    entry_items = (
        check.records("entries.yaml", entries_doc, "entries", "entry") if entries_doc else []
    )
    entry_ids = {e["id"]: e for e in entry_items}
    _check_phrasings(check, entry_items)
    entries = []
    for e in entry_items:
        ok = check.ref("entries.yaml", e, "speaker", speakers, "speaker (see article.yaml)")
        ok &= check.quote("entries.yaml", e, paragraphs)
        if e["kind"] not in ENTRY_KINDS:
            check.add(
                "entries.yaml",
                e.key_lines["kind"],
                f"kind {e['kind']!r} is unknown: use one of {', '.join(ENTRY_KINDS)}",
            )
        for i, rel in enumerate(e.get("related") or []):
            if rel not in entry_ids or rel == e["id"]:
                line = e.key_lines["related"] + (i if len(e["related"]) > 1 else 0)
                close = _closest(rel, entry_ids)
                hint = f"did you mean {close!r}?" if close else "remove it"
                check.add("entries.yaml", line, f"related {rel!r} is not another entry: {hint}")
        if ok:
            entries.append(
                Entry(
                    id=e["id"],
                    question=e["question"],
                    alternates=tuple(e["alternates"]),
                    answer=e["answer"],
                    quote=e["quote"],
                    paragraph=e["paragraph"],
                    speaker=e["speaker"],
                    kind=e["kind"],
                    related=tuple(e.get("related") or ()),
                )
            )

    timeline = []
    tl_doc = check.top("timeline.yaml", parsed["timeline.yaml"], {"events": "list"})
    for t in check.records("timeline.yaml", tl_doc, "events", "event") if tl_doc else []:
        ok = check.quote("timeline.yaml", t, paragraphs)
        ok &= check.ref("timeline.yaml", t, "entry", entry_ids, "entry")
        date = t.get("date")
        if date is not None and not _DATE.match(date):
            check.add("timeline.yaml", t.key_lines["date"], "date must be YYYY-MM or YYYY-MM-DD")
            ok = False
        if ok:
            timeline.append(
                TimelineEvent(
                    t["id"], date, t["when"], t["event"], t["quote"], t["paragraph"], t.get("entry")
                )
            )

    demands = []
    targets: dict[str, str] = {}
    dm_doc = check.top(
        "demands.yaml", parsed["demands.yaml"], {"targets": "mapping", "demands": "list"}
    )
    if dm_doc:
        raw_targets = dm_doc.get("targets")
        if isinstance(raw_targets, dict) and all(_is_str(v) for v in raw_targets.values()):
            targets = dict(raw_targets)
        elif "targets" in dm_doc:
            check.add(
                "demands.yaml",
                dm_doc.key_lines["targets"],
                "targets must map ids to labels (states: All states)",
            )
        for d in check.records("demands.yaml", dm_doc, "demands", "demand"):
            ok = check.quote("demands.yaml", d, paragraphs)
            ok &= check.ref("demands.yaml", d, "by", speakers, "speaker (see article.yaml)")
            ok &= check.ref("demands.yaml", d, "of", targets, "target (see targets: above)")
            ok &= check.ref("demands.yaml", d, "entry", entry_ids, "entry")
            if ok:
                demands.append(
                    Demand(
                        d["id"],
                        d["by"],
                        d["of"],
                        d["what"],
                        d["quote"],
                        d["paragraph"],
                        d.get("entry"),
                    )
                )

    people = []
    pp_doc = check.top("people.yaml", parsed["people.yaml"], {"people": "list"})
    for p in check.records("people.yaml", pp_doc, "people", "person") if pp_doc else []:
        ok = check.quote("people.yaml", p, paragraphs)
        ok &= check.ref("people.yaml", p, "entry", entry_ids, "entry")
        if p["kind"] not in PERSON_KINDS:
            check.add("people.yaml", p.key_lines["kind"], "kind must be person or organisation")
            ok = False
        if ok:
            people.append(
                Person(
                    p["id"],
                    p["name"],
                    p["kind"],
                    tuple(p.get("aliases") or ()),
                    p["role"],
                    p["quote"],
                    p["paragraph"],
                    p.get("entry"),
                )
            )

    synonyms: list[tuple[str, ...]] = []
    seen_phrases: dict[tuple[str, ...], tuple[str, int]] = {}
    sy_doc = check.top("synonyms.yaml", parsed["synonyms.yaml"], {"synonyms": "list"})
    raw_groups = sy_doc.get("synonyms") if sy_doc else None
    if isinstance(raw_groups, LineList):
        for group, line in zip(raw_groups, raw_groups.item_lines, strict=True):
            if not _is_str_list(group) or len(group) < 2:
                check.add(
                    "synonyms.yaml",
                    line,
                    "each synonym group is a list of 2+ strings, the article's word first",
                )
            else:
                synonyms.append(tuple(group))
                _check_synonym_group(check, group, line, seen_phrases)

    if check.problems:
        raise KnowledgeError(check.problems)
    return KnowledgeBase(
        title=art["title"],
        author=art["author"],
        paragraphs=tuple(paragraphs.values()),
        speakers=tuple(speakers.values()),
        entries=tuple(entries),
        timeline=tuple(timeline),
        targets=tuple(targets.items()),
        demands=tuple(demands),
        people=tuple(people),
        synonyms=tuple(synonyms),
    )


def _check_against_source(
    check: _Checker, source: str | None, art: LineDict, paragraphs: dict[int, Paragraph]
) -> None:
    """The curated paragraphs must be the source article's, verbatim and complete."""
    if source is None:
        check.add(SOURCE_FILE, 1, "the source article is missing: restore knowledge/source/")
        return
    expected = _source_paragraphs(source)
    title = source.strip().splitlines()[0].strip()
    if art.get("title") != title:
        check.add("article.yaml", art.key_lines.get("title", 1), f"title must be {title!r}")
    if len(paragraphs) != len(expected):
        check.add(
            "article.yaml",
            art.key_lines.get("paragraphs", 1),
            f"the source has {len(expected)} paragraphs, article.yaml has {len(paragraphs)}",
        )
    items = art.get("paragraphs") or []
    for (number, para), want in zip(paragraphs.items(), expected, strict=False):
        if para.text != want:
            item = items[number - 1] if number - 1 < len(items) else art
            line = item.key_lines.get("text", item.line) if isinstance(item, LineDict) else 1
            check.add(
                "article.yaml",
                line,
                f"paragraph {number} differs from {SOURCE_FILE}: {_quote_fix(para.text, want)}",
            )
