"""article.yaml's optional settings and the new entry fields are validated like the rest:
each mistake is file:line with a fix."""

from __future__ import annotations

from bot.core import knowledge
from tests.core.knowledge.test_validation import ENTRIES, problems, valid_files

ARTICLE = valid_files()["article.yaml"]


def with_article(old: str, new: str) -> list[str]:
    assert old in ARTICLE
    return problems(article_yaml=ARTICLE.replace(old, new))


def test_the_settings_load() -> None:
    kb = knowledge.load(valid_files())
    assert kb.bot_name == "Rapporteur"
    assert kb.source_format.furniture == ("Related Posts",)
    assert kb.examples
    assert kb.option("demands-by", "x") != "x"
    assert kb.option("no-such-option", "fallback") == "fallback"


def test_a_bad_byline_pattern() -> None:
    found = with_article('byline: "(?i)^by\\\\s+\\\\S"', 'byline: "(?i)^by ("')
    assert any(
        p.startswith("article.yaml:") and "byline must be a regular expression" in p for p in found
    )


def test_furniture_not_listed_becomes_a_paragraph() -> None:
    found = with_article("furniture: [Related Posts]", "furniture: []")
    assert any("the source has 13 paragraphs, article.yaml has 12" in p for p in found)


def test_bad_abbreviations_options_and_examples() -> None:
    assert any(
        "must end with its full stop" in p
        for p in with_article("abbreviations: []", "abbreviations: [Dr]")
    )
    found = with_article("  who-name:", "  who-nam:")
    assert any("option 'who-nam' is unknown" in p for p in found)
    assert any(
        "examples must be a list" in p
        for p in with_article("examples:\n", "examples: 3\nold_examples:\n")
    )
    assert any(
        "bot_name must be a short name" in p
        for p in with_article("bot_name: Rapporteur", "bot_name: '!!'")
    )


def test_entry_kinds_and_draft_are_checked() -> None:
    kinds = ENTRIES.replace("    kind: fact", "    kind: fact\n    kinds: [who, whom]")
    assert any("kinds ['whom'] unknown" in p for p in problems(entries_yaml=kinds))
    draft = ENTRIES.replace("    kind: fact", "    kind: fact\n    draft: maybe")
    assert any("'draft' must be true or false" in p for p in problems(entries_yaml=draft))


def test_optional_files_may_be_absent() -> None:
    files = valid_files()
    for name in ("timeline.yaml", "demands.yaml", "people.yaml"):
        del files[name]
    kb = knowledge.load(files)
    assert (kb.timeline, kb.demands, kb.people, kb.targets) == ((), (), (), ())
