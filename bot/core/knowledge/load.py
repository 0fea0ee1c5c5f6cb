"""Load and validate the knowledge base from YAML text: all of it or nothing.

The caller reads the files (the core never opens one) and passes {file name: text}.
Every mistake becomes a Problem with file, line, what is wrong and how to fix it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import fields
from typing import Any, TypeGuard, TypeVar

import yaml

from bot.core.answering.question import KIND_NAMES, phrasing_kinds
from bot.core.calibration import FEATURES, Calibration
from bot.core.knowledge import article_format
from bot.core.knowledge._validation import (
    STRAIGHT_QUOTE_INSIDE,
    KnowledgeError,
    Problem,
    _check_phrasings,
    _check_synonym_group,
    _Checker,
    _closest,
    _is_str,
    _is_str_list,
    _quote_fix,
    _yaml_fix,
    ends_early,
)
from bot.core.knowledge._yaml_lines import LineDict, LineList, parse
from bot.core.knowledge.model import (
    ENTRY_KINDS,
    PERSON_KINDS,
    Demand,
    Entry,
    KnowledgeBase,
    Paragraph,
    Person,
    SourceFormat,
    Speaker,
    TimelineEvent,
)

FILES = (
    "article.yaml",
    "entries.yaml",
    "timeline.yaml",
    "demands.yaml",
    "people.yaml",
    "synonyms.yaml",
)
# These may be absent or empty: an article without dates, demands or named people;
# calibration.yaml holds the confidence model (`rapporteur calibrate`), if fitted.
OPTIONAL_FILES = ("timeline.yaml", "demands.yaml", "people.yaml", "calibration.yaml")
SOURCE_FILE = "source/article.txt"
MIN_ALTERNATES = 8  # knowledge/README.md: "Aim for 8-15" alternates per entry
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_Record = TypeVar("_Record", Speaker, Paragraph, Entry, TimelineEvent, Demand, Person)


def load(files: Mapping[str, str]) -> KnowledgeBase:
    """Validate every file and build the knowledge base; raise KnowledgeError with all problems."""
    return load_with_warnings(files)[0]


def load_with_warnings(files: Mapping[str, str]) -> tuple[KnowledgeBase, tuple[Problem, ...]]:
    """`load`, and the warnings: things to improve that do not stop the bot (`check` prints
    them), such as an entry with fewer alternates than knowledge/README.md asks for."""
    check = _Checker()
    parsed = _parse_all(check, files)
    art = check.top(
        "article.yaml",
        parsed["article.yaml"],
        {"title": "string", "author": "string", "speakers": "list", "paragraphs": "list"},
        article_format.OPTIONAL_KEYS,
    )
    if art is None:
        raise KnowledgeError(check.problems)
    extras = article_format.settings(check, art)
    speakers, body = _article(check, art, files.get(SOURCE_FILE), extras.source_format)
    header = _header(files.get(SOURCE_FILE))
    # Paragraph 0 is the headline and byline: what the title and author entries cite.
    paragraphs = {0: Paragraph("header", 0, header), **body} if header else body
    entries, entry_ids = _entries(check, parsed["entries.yaml"], speakers, paragraphs)
    timeline = _timeline(check, parsed["timeline.yaml"], paragraphs, entry_ids)
    targets, demands = _demands(check, parsed["demands.yaml"], paragraphs, speakers, entry_ids)
    people = _people(check, parsed["people.yaml"], paragraphs, entry_ids)
    synonyms = _synonyms(check, parsed["synonyms.yaml"])
    calibration = _calibration(check, files.get("calibration.yaml"))
    if check.problems:
        raise KnowledgeError(check.problems)
    kb = KnowledgeBase(
        title=art["title"],
        author=art["author"],
        paragraphs=tuple(body.values()),
        header=header,
        speakers=tuple(speakers.values()),
        entries=entries,
        timeline=timeline,
        targets=tuple(targets.items()),
        demands=demands,
        people=people,
        synonyms=synonyms,
        calibration=calibration,
        bot_name=extras.bot_name,
        examples=extras.examples,
        options=extras.options,
        source_format=extras.source_format,
    )
    return kb, tuple(check.warnings)


def _parse_all(check: _Checker, files: Mapping[str, str]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    for name in FILES:
        if name not in files:
            if name not in OPTIONAL_FILES:
                check.add(name, 1, "file is missing: restore it (see knowledge/README.md)")
            parsed[name] = None
            continue
        try:
            parsed[name] = parse(files[name])
        except yaml.YAMLError as exc:
            check.add(name, *_syntax_error(exc, files[name]))
    if check.problems:
        raise KnowledgeError(check.problems)
    return parsed


def _syntax_error(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The line and message for a YAML syntax error, said in the curator's terms."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(exc, "problem", None) or str(exc)
    lines = text.splitlines()
    if 0 < line <= len(lines) and ends_early(lines[line - 1]):
        return line, f"YAML syntax error: {STRAIGHT_QUOTE_INSIDE}"
    return line, f"YAML syntax error: {problem}; {_yaml_fix(problem)}"


def _build(cls: type[_Record], item: LineDict) -> _Record:
    """A record from a checked mapping: YAML lists become tuples (null lists empty ones)."""
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in item:
            value = item[f.name]
            empty = value is None and f.default == ()
            values[f.name] = () if empty else tuple(value) if isinstance(value, list) else value
    return cls(**values)


def _article(
    check: _Checker, art: LineDict, source: str | None, fmt: SourceFormat
) -> tuple[dict[str, Speaker], dict[int, Paragraph]]:
    speakers = {
        s["id"]: _build(Speaker, s)
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
        paragraphs[number] = _build(Paragraph, p)
    _check_against_source(check, source, art, paragraphs, fmt)
    return speakers, paragraphs


def _entries(
    check: _Checker,
    doc: Any,
    speakers: Mapping[str, Speaker],
    paragraphs: Mapping[int, Paragraph],
) -> tuple[tuple[Entry, ...], dict[str, LineDict]]:
    top = check.top("entries.yaml", doc, {"entries": "list"})
    items = check.records("entries.yaml", top, "entries", "entry") if top else []
    ids = {e["id"]: e for e in items}
    _check_phrasings(check, items)
    entries = []
    for e in items:
        ok = check.ref("entries.yaml", e, "speaker", speakers, "speaker (see article.yaml)")
        ok &= check.quote("entries.yaml", e, paragraphs)
        # These report an unknown kind, few alternates or a bad `related`; none drops the entry.
        _check_entry_kind(check, e)
        _check_alternates(check, e)
        _check_related(check, e, ids)
        ok &= _check_kinds(check, e)
        if ok:
            entries.append(_build(Entry, e))
    return tuple(entries), ids


def _check_entry_kind(check: _Checker, e: LineDict) -> None:
    """`kind` is one of ENTRY_KINDS."""
    if e["kind"] not in ENTRY_KINDS:
        check.add(
            "entries.yaml",
            e.key_lines["kind"],
            f"kind {e['kind']!r} is unknown: use one of {', '.join(ENTRY_KINDS)}",
        )


def _check_related(check: _Checker, e: LineDict, ids: Mapping[str, LineDict]) -> None:
    """Every `related` id names another entry."""
    related = e.get("related")
    lines = related.item_lines if isinstance(related, LineList) else []
    for rel, line in zip(related or [], lines, strict=True):
        if rel in check.listed and rel not in ids:
            continue  # that entry is broken, and reported where it is
        if rel not in ids or rel == e["id"]:
            close = _closest(rel, ids)
            hint = f"did you mean {close!r}?" if close else "remove it"
            check.add("entries.yaml", line, f"related {rel!r} is not another entry: {hint}")


def _check_kinds(check: _Checker, e: LineDict) -> bool:
    """`kinds` lists known kinds, and every phrasing asks one of them (or none: a bare name)."""
    declared = e.get("kinds") or []
    unknown = [k for k in declared if k not in KIND_NAMES]
    if unknown:
        line = e.key_lines.get("kinds", e.line)
        check.add("entries.yaml", line, f"kinds {unknown} unknown: use {', '.join(KIND_NAMES)}")
        return False
    if not declared:
        return True
    return _check_phrasing_kinds(check, e, declared)


def _check_phrasing_kinds(check: _Checker, e: LineDict, declared: list[str]) -> bool:
    """Each phrasing (question, then alternates) that asks a kind asks one `declared` lists."""
    alternates = e.get("alternates")
    lines = [e.key_lines.get("question", e.line)]
    lines += alternates.item_lines if isinstance(alternates, LineList) else []
    ok = True
    for phrasing, line in zip([e["question"], *(alternates or [])], lines, strict=False):
        asked = {k.value for k in phrasing_kinds(phrasing)}
        if asked and not asked & set(declared):
            wanted = ", ".join(sorted(asked))
            check.add(
                "entries.yaml",
                line,
                f"this phrasing asks {wanted}, which the entry's kinds {declared} leave out: "
                "add the kind to `kinds` if the quote answers it, or move the phrasing",
            )
            ok = False
    return ok


def _check_alternates(check: _Checker, entry: LineDict) -> None:
    count = len(entry["alternates"])
    if count >= MIN_ALTERNATES:
        return
    have = "no alternates" if count == 0 else f"only {count} alternate{'s' * (count > 1)}"
    check.warn(
        "entries.yaml",
        entry.key_lines["alternates"],
        f"entry {entry['id']!r} has {have}: add {MIN_ALTERNATES - count} or more "
        f"(aim for {MIN_ALTERNATES}-15 ways readers ask it, see knowledge/README.md)",
    )


def _timeline(
    check: _Checker, doc: Any, paragraphs: Mapping[int, Paragraph], entry_ids: Mapping[str, Any]
) -> tuple[TimelineEvent, ...]:
    top = check.top("timeline.yaml", doc, {}, {"events": "list"}) if doc is not None else None
    events = []
    for t in check.records("timeline.yaml", top, "events", "event") if top else []:
        ok = check.quote("timeline.yaml", t, paragraphs)
        ok &= check.ref("timeline.yaml", t, "entry", entry_ids, "entry")
        date = t.get("date")
        if date is not None and not _DATE.match(date):
            check.add(
                "timeline.yaml", t.key_lines["date"], "date must be YYYY, YYYY-MM or YYYY-MM-DD"
            )
            ok = False
        if ok:
            events.append(_build(TimelineEvent, t))
    return tuple(events)


def _demands(
    check: _Checker,
    doc: Any,
    paragraphs: Mapping[int, Paragraph],
    speakers: Mapping[str, Speaker],
    entry_ids: Mapping[str, Any],
) -> tuple[dict[str, str], tuple[Demand, ...]]:
    if doc is None:
        return {}, ()
    top = check.top("demands.yaml", doc, {}, {"targets": "mapping", "demands": "list"})
    if not top:
        return {}, ()
    targets: dict[str, str] = {}
    raw_targets = top.get("targets")
    if isinstance(raw_targets, dict) and all(_is_str(v) for v in raw_targets.values()):
        targets = dict(raw_targets)
    elif "targets" in top:
        check.add(
            "demands.yaml",
            top.key_lines["targets"],
            "targets must map ids to labels (states: All states)",
        )
    demands = []
    for d in check.records("demands.yaml", top, "demands", "demand"):
        ok = check.quote("demands.yaml", d, paragraphs)
        ok &= check.ref("demands.yaml", d, "by", speakers, "speaker (see article.yaml)")
        ok &= check.ref("demands.yaml", d, "of", targets, "target (see targets: above)")
        ok &= check.ref("demands.yaml", d, "entry", entry_ids, "entry")
        if ok:
            demands.append(_build(Demand, d))
    return targets, tuple(demands)


def _people(
    check: _Checker, doc: Any, paragraphs: Mapping[int, Paragraph], entry_ids: Mapping[str, Any]
) -> tuple[Person, ...]:
    top = check.top("people.yaml", doc, {}, {"people": "list"}) if doc is not None else None
    people = []
    for p in check.records("people.yaml", top, "people", "person") if top else []:
        ok = check.quote("people.yaml", p, paragraphs)
        ok &= check.ref("people.yaml", p, "entry", entry_ids, "entry")
        if p["kind"] not in PERSON_KINDS:
            check.add("people.yaml", p.key_lines["kind"], "kind must be person or organisation")
            ok = False
        if ok:
            people.append(_build(Person, p))
    return tuple(people)


def _synonyms(check: _Checker, doc: Any) -> tuple[tuple[str, ...], ...]:
    top = check.top("synonyms.yaml", doc, {"synonyms": "list"})
    groups = top.get("synonyms") if top else None
    if not isinstance(groups, LineList):
        return ()
    synonyms = []
    seen: dict[tuple[str, ...], tuple[str, int]] = {}
    for group, line in zip(groups, groups.item_lines, strict=True):
        if not _is_str_list(group) or len(group) < 2:
            check.add(
                "synonyms.yaml",
                line,
                "each synonym group is a list of 2+ strings, the article's word first",
            )
        else:
            synonyms.append(tuple(group))
            _check_synonym_group(check, group, line, seen)
    return tuple(synonyms)


def _calibration(check: _Checker, text: str | None) -> Calibration | None:
    """The confidence model `rapporteur calibrate` wrote, or None without the file."""
    if text is None:
        return None
    name = "calibration.yaml"
    try:
        doc = parse(text)
    except yaml.YAMLError:
        check.add(name, 1, "YAML syntax error: write it again with `rapporteur calibrate`")
        return None
    if not isinstance(doc, LineDict):
        check.add(name, 1, "expected a mapping with intercept and weights")
        return None
    intercept, weights = doc.get("intercept"), doc.get("weights")
    if not _is_number(intercept):
        check.add(name, doc.key_lines.get("intercept", 1), "intercept must be a number")
        return None
    if not isinstance(weights, dict) or not all(_is_number(v) for v in weights.values()):
        check.add(name, doc.key_lines.get("weights", 1), "weights must map features to numbers")
        return None
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        line = doc.key_lines.get("weights", 1)
        check.add(name, line, f"unknown features {unknown}: use {', '.join(FEATURES)}")
        return None
    return Calibration(float(intercept), {k: float(v) for k, v in weights.items()})


def _is_number(value: Any) -> TypeGuard[float]:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return number and math.isfinite(value)


def _header(source: str | None) -> str:
    """The source's headline and byline blocks, verbatim, or "" without a byline."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", source or "") if b.strip()]
    if len(blocks) < 2 or not blocks[1].lower().startswith("by "):
        return ""
    return f"{blocks[0]}\n\n{blocks[1]}"


def _check_against_source(
    check: _Checker,
    source: str | None,
    art: LineDict,
    paragraphs: dict[int, Paragraph],
    fmt: SourceFormat,
) -> None:
    """The curated paragraphs must be the source article's, verbatim and complete."""
    if source is None:
        check.add(SOURCE_FILE, 1, "the source article is missing: restore knowledge/source/")
        return
    title, _, expected = article_format.body_blocks(source, fmt)
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
