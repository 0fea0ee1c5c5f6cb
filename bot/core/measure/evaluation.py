"""Score answers against a question file (tests/eval/dev.yaml format). Pure: text in, report out.

A result is right when the question expects a decline and got one, or when it was answered and
its quote or answer text contains ANY expected fragment, both normalised (case, curly quotes,
accents, whitespace).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from bot.core.answering import Engine
from bot.core.knowledge._yaml_lines import LineDict, LineList, parse
from bot.core.text import plain, straighten


@dataclass(frozen=True, slots=True)
class EvalQuestion:
    category: str
    question: str
    expect: tuple[str, ...] | None  # None: the right behaviour is to decline
    line: int


@dataclass(frozen=True, slots=True)
class Result:
    question: EvalQuestion
    got: Mapping[str, object]  # the answer in the `ask --json` shape
    right: bool


class EvalFileError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)  # each "line: message"
        super().__init__("\n".join(problems))


def normalise(text: str) -> str:
    """The eval file's rule: case, curly quotes, accents and whitespace do not count."""
    return " ".join(plain(straighten(text)).split())


def parse_questions(text: str) -> list[EvalQuestion]:
    """The questions of a YAML list of {cat, q, expect}; EvalFileError names every bad line."""
    data = _parse_list(text)
    questions, problems = [], []
    for item, line in zip(data, data.item_lines, strict=True):
        question = _question(item, line)
        if isinstance(question, str):
            problems.append(question)
        else:
            questions.append(question)
    if problems:
        raise EvalFileError(problems)
    return questions


def _parse_list(text: str) -> LineList:
    """The file's top-level list; EvalFileError when it is not YAML or not a list."""
    try:
        data: Any = parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise EvalFileError([f"{mark.line + 1 if mark else 1}: YAML syntax error"]) from None
    if not isinstance(data, LineList):
        raise EvalFileError(["1: expected a list of {cat, q, expect} items"])
    return data


def _question(item: Any, line: int) -> EvalQuestion | str:
    """The question one item holds, or its "line: message" problem."""
    if not isinstance(item, LineDict) or set(item) != {"cat", "q", "expect"}:
        return f"{line}: each item needs exactly the keys cat, q and expect"
    expect = item["expect"]
    if expect is not None and not _is_fragment_list(expect):
        return f"{line}: expect must be null or a non-empty list of strings"
    expected = None if expect is None else tuple(expect)
    return EvalQuestion(str(item["cat"]), str(item["q"]), expected, line)


def _is_fragment_list(expect: Any) -> bool:
    """A non-empty list of strings: the fragments a right answer may contain."""
    return isinstance(expect, list) and bool(expect) and all(isinstance(e, str) for e in expect)


def is_right(got: Mapping[str, object], expect: tuple[str, ...] | None) -> bool:
    if expect is None:
        return got.get("answered") is False
    if not got.get("answered"):
        return False
    shown = normalise(f"{got.get('quote') or ''}\n{got.get('answer') or ''}")
    return any(normalise(fragment) in shown for fragment in expect)


@dataclass(frozen=True, slots=True)
class Report:
    results: tuple[Result, ...]

    @staticmethod
    def rate(results: list[Result]) -> float | None:
        """The share of `results` that are right, or None when there are none."""
        return sum(r.right for r in results) / len(results) if results else None

    def by_category(self) -> dict[str, list[Result]]:
        groups: dict[str, list[Result]] = {}
        for result in self.results:
            groups.setdefault(result.question.category, []).append(result)
        return groups

    @property
    def overall(self) -> float | None:
        return self.rate(list(self.results))

    @property
    def answerable(self) -> float | None:
        return self.rate([r for r in self.results if r.question.expect is not None])

    @property
    def declined(self) -> float | None:
        return self.rate([r for r in self.results if r.question.expect is None])

    @property
    def misses(self) -> list[Result]:
        return [r for r in self.results if not r.right]


def score(questions: list[EvalQuestion], ask: Callable[[str], Mapping[str, object]]) -> Report:
    """Ask every question (ask returns the `ask --json` shape) and judge each answer."""
    results = []
    for question in questions:
        got = ask(question.question)
        results.append(Result(question, got, is_right(got, question.expect)))
    return Report(tuple(results))


@dataclass(frozen=True, slots=True)
class Labelled:
    """One question as the calibration model sees it: its features, and whether answering
    with the engine's candidate would be right."""

    features: Mapping[str, float]
    right: bool


def labelled(questions: list[EvalQuestion], engine: Engine) -> list[Labelled]:
    """The questions the checks let through to the confidence model, labelled."""
    rows = []
    for question in questions:
        assessed = engine.assess(question.question)
        if assessed.failed is not None or assessed.candidate is None:
            continue
        entry = assessed.candidate
        as_answered = {"answered": True, "quote": entry.quote, "answer": entry.answer}
        rows.append(Labelled(assessed.features, is_right(as_answered, question.expect)))
    return rows


def answered_pairs(report: Report) -> list[tuple[float, bool]]:
    """(confidence, right) of every question the engine answered."""
    return [
        (float(str(r.got.get("confidence", 0.0))), r.right)
        for r in report.results
        if r.got.get("answered")
    ]
