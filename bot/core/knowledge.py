"""Load and validate the knowledge base from YAML text: all of it or nothing.

The caller reads the files (the core never opens one) and passes {file name: text}.
Every mistake becomes a Problem with file, line, what is wrong and how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from bot.core._validation import (
    KnowledgeError,
    Problem,
    _check_phrasings,
    _check_synonym_group,
    _Checker,
    _closest,
    _is_str,
    _is_str_list,
    _quote_fix,
    _source_paragraphs,
    _yaml_fix,
)
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

FILES = (
    "article.yaml",
    "entries.yaml",
    "timeline.yaml",
    "demands.yaml",
    "people.yaml",
    "synonyms.yaml",
)
SOURCE_FILE = "source/article.txt"
__all__ = ["FILES", "SOURCE_FILE", "KnowledgeError", "Problem", "load"]
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


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
