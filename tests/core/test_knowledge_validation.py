"""Each knowledge mistake is reported with file, line and a fix; a valid base loads whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core import knowledge

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"

ENTRIES = """\
entries:
  - id: moratorium
    question: What are the experts calling for?
    alternates: [what do they want]
    answer: A global moratorium on selling and transferring surveillance technology.
    quote: "a global moratorium on the sale and transfer of “life-threatening”"
    paragraph: 1
    speaker: reporter
    kind: demand
    related: [spyware]
  - id: spyware
    question: Which spyware was used?
    alternates: [pegasus]
    answer: The NSO Group's Pegasus spyware.
    quote: NSO Group’s Pegasus spyware
    paragraph: 2
    speaker: reporter
    kind: fact
"""
TIMELINE = """\
events:
  - id: kaye-report
    date: 2019-05
    when: May 2019
    event: David Kaye publishes a report.
    quote: In May 2019, David Kaye
    paragraph: 6
    entry: moratorium
"""
DEMANDS = """\
targets:
  states: All states
demands:
  - id: states-moratorium
    by: un-experts
    of: states
    what: Impose a global moratorium.
    quote: impose a global moratorium
    paragraph: 1
"""
PEOPLE = """\
people:
  - id: kaye
    name: David Kaye
    kind: person
    aliases: [Kaye]
    role: The then UN special rapporteur on freedom of opinion and expression.
    quote: David Kaye, the then UN special rapporteur on freedom of opinion and expression
    paragraph: 6
"""
SYNONYMS = """\
synonyms:
  - [moratorium, ban]
"""


def valid_files() -> dict[str, str]:
    return {
        "article.yaml": (KNOWLEDGE / "article.yaml").read_text(encoding="utf-8"),
        "source/article.txt": (KNOWLEDGE / "source" / "article.txt").read_text(encoding="utf-8"),
        "entries.yaml": ENTRIES,
        "timeline.yaml": TIMELINE,
        "demands.yaml": DEMANDS,
        "people.yaml": PEOPLE,
        "synonyms.yaml": SYNONYMS,
    }


def problems(**changes: str) -> list[str]:
    files = valid_files()
    for name, text in changes.items():
        files[name.replace("_", ".", 1) if "." not in name else name] = text
    with pytest.raises(knowledge.KnowledgeError) as caught:
        knowledge.load(files)
    return [str(p) for p in caught.value.problems]


def test_the_fixture_is_valid() -> None:
    kb = knowledge.load(valid_files())
    assert [e.id for e in kb.entries] == ["moratorium", "spyware"]
    assert kb.entry("spyware").related == ()
    assert len(kb.paragraphs) == 12
    assert kb.paragraphs[0].number == 1


def test_yaml_syntax_error_names_the_line() -> None:
    broken = ENTRIES.replace("    kind: fact", "    kind: [fact")
    found = problems(entries_yaml=broken)
    assert len(found) == 1
    assert found[0].startswith("entries.yaml:")
    assert "YAML syntax error" in found[0]


def test_unknown_field_suggests_the_right_one() -> None:
    found = problems(entries_yaml=ENTRIES.replace("    kind: fact", "    knd: fact"))
    line = ENTRIES.splitlines().index("    kind: fact") + 1
    assert (
        f"entries.yaml:{line}: unknown field 'knd' in a entry (did you mean 'kind'?)" in (found[0])
    )
    assert any("missing the field 'kind'" in p for p in found)


def test_missing_field_and_wrong_type() -> None:
    no_answer = ENTRIES.replace("    answer: The NSO Group's Pegasus spyware.\n", "")
    assert any("is missing the field 'answer'" in p for p in problems(entries_yaml=no_answer))
    text_number = ENTRIES.replace("    paragraph: 2", "    paragraph: two")
    found = problems(entries_yaml=text_number)
    assert any("'paragraph' must be a whole number, not str" in p for p in found)


def test_duplicate_ids_across_files() -> None:
    found = problems(people_yaml=PEOPLE.replace("id: kaye", "id: spyware"))
    assert any("duplicate id 'spyware', first used at entries.yaml:" in p for p in found)


def test_duplicate_yaml_key() -> None:
    found = problems(synonyms_yaml="synonyms: []\nsynonyms: []\n")
    assert len(found) == 1
    assert found[0].startswith("synonyms.yaml:2: YAML syntax error: duplicate key 'synonyms'")


def test_reference_to_unknown_id() -> None:
    found = problems(entries_yaml=ENTRIES.replace("related: [spyware]", "related: [spywar]"))
    assert any("related 'spywar' is not another entry: did you mean 'spyware'?" in p for p in found)
    found = problems(timeline_yaml=TIMELINE.replace("entry: moratorium", "entry: nothing"))
    assert any(p.startswith("timeline.yaml:8: entry 'nothing' is not a known entry") for p in found)
    found = problems(demands_yaml=DEMANDS.replace("of: states", "of: israel"))
    assert any("of 'israel' is not a known target" in p for p in found)


def test_quote_with_straight_quotes_is_refused_with_the_fix() -> None:
    straight = ENTRIES.replace("NSO Group’s Pegasus", "NSO Group's Pegasus")
    found = problems(entries_yaml=straight)
    assert len(found) == 1
    assert "quote is not an exact substring of paragraph 2" in found[0]
    assert "curly quotes" in found[0]


def test_quote_in_another_paragraph_says_which() -> None:
    found = problems(entries_yaml=ENTRIES.replace("paragraph: 2", "paragraph: 3"))
    assert any("it is in paragraph 2: set paragraph: 2" in p for p in found)


def test_invented_quote_says_where_it_stops_matching() -> None:
    found = problems(entries_yaml=ENTRIES.replace("Pegasus spyware", "Pegasus malware"))
    assert any("then differs at 'malware'" in p for p in found)


def test_paragraph_out_of_range() -> None:
    found = problems(people_yaml=PEOPLE.replace("paragraph: 6", "paragraph: 13"))
    assert any("paragraph 13 does not exist: the article has 1 to 12" in p for p in found)


def test_article_must_match_the_source() -> None:
    article = valid_files()["article.yaml"].replace("hundreds of mobile", "thousands of mobile")
    found = problems(article_yaml=article)
    assert any(p.startswith("article.yaml:") and "paragraph 2 differs" in p for p in found)


def test_missing_file() -> None:
    files = valid_files()
    del files["entries.yaml"]
    with pytest.raises(knowledge.KnowledgeError) as caught:
        knowledge.load(files)
    assert [str(p) for p in caught.value.problems] == [
        "entries.yaml:1: file is missing: restore it (see knowledge/README.md)"
    ]


def test_bad_kind_and_date() -> None:
    found = problems(entries_yaml=ENTRIES.replace("kind: fact", "kind: rumour"))
    assert any("kind 'rumour' is unknown" in p for p in found)
    found = problems(timeline_yaml=TIMELINE.replace("date: 2019-05", "date: May 2019"))
    assert any("date must be YYYY, YYYY-MM or YYYY-MM-DD" in p for p in found)


def test_synonym_claimed_by_two_groups() -> None:
    found = problems(synonyms_yaml="synonyms:\n  - [report, study]\n  - [journalists, Report]\n")
    assert found == [
        "synonyms.yaml:3: 'Report' is already in the group at line 2 (as 'report'): "
        "keep it in one group only"
    ]


def test_same_phrasing_in_two_entries() -> None:
    twice = ENTRIES.replace("alternates: [pegasus]", "alternates: [what do they want]")
    found = problems(entries_yaml=twice)
    assert any("phrasing 'what do they want' is also in entry 'moratorium'" in p for p in found)


def test_a_fragment_too_short_to_read_is_no_quote() -> None:
    found = problems(
        entries_yaml=ENTRIES.replace("quote: NSO Group’s Pegasus spyware", "quote: Pegasus")
    )
    assert any("quote is only 7 characters" in p for p in found)
