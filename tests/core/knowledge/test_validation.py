"""Each knowledge mistake is reported with file, line and a fix; a valid base loads whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core import knowledge
from bot.core.knowledge._validation import STRAIGHT_QUOTE_INSIDE

KNOWLEDGE = Path(__file__).resolve().parents[3] / "knowledge"

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
    assert found == [
        f"entries.yaml:{line}: unknown field 'knd' in an entry (did you mean 'kind'?); "
        "allowed: id, question, alternates, answer, quote, paragraph, speaker, kind, kinds, "
        "related, draft"
    ]  # and not also "missing the field 'kind'": one mistake, one line


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


def real_files() -> dict[str, str]:
    names = (*knowledge.FILES, knowledge.SOURCE_FILE)
    return {name: (KNOWLEDGE / name).read_text(encoding="utf-8") for name in names}


def real_problems(name: str, change: Callable[[str], str]) -> list[str]:
    files = real_files()
    files[name] = change(files[name])
    assert files[name] != real_files()[name], "the change changed nothing"
    with pytest.raises(knowledge.KnowledgeError) as caught:
        knowledge.load(files)
    return [str(p) for p in caught.value.problems]


def test_a_misspelt_block_style_key_is_reported_on_its_own_line() -> None:
    text = real_files()["entries.yaml"]
    line = text.splitlines().index("    alternates:") + 1  # the first block-style one
    found = real_problems(
        "entries.yaml", lambda t: t.replace("    alternates:\n", "    alternatives:\n", 1)
    )
    assert found == [
        f"entries.yaml:{line}: unknown field 'alternatives' in an entry "
        "(did you mean 'alternates'?); allowed: id, question, alternates, answer, quote, "
        "paragraph, speaker, kind, kinds, related, draft"
    ]


def test_a_broken_top_level_key_adds_no_errors_elsewhere() -> None:
    found = real_problems("entries.yaml", lambda t: t.replace("\nentries:", "\nentrys:", 1))
    assert all(p.startswith("entries.yaml:") for p in found), found
    assert len(found) == 2  # the unknown key and the missing one, on the same line
    assert not any("Known: ." in p for p in found)


def test_a_broken_entry_is_not_reported_again_by_what_points_to_it() -> None:
    kb = knowledge.load(real_files())
    target = next(e for e in kb.timeline if e.entry).entry
    assert target is not None

    def drop_answer(text: str) -> str:
        start = text.index(f"- id: {target}\n")
        answer = text.index("    answer:", start)
        return text[:answer] + text[text.index("\n", answer) + 1 :]

    found = real_problems("entries.yaml", drop_answer)
    assert len(found) == 1, found
    assert "entry is missing the field 'answer'" in found[0]


def test_an_unknown_reference_lists_a_few_known_ids_not_all() -> None:
    found = real_problems("timeline.yaml", lambda t: t.replace("entry: kaye-report", "entry: zzz"))
    (problem,) = found
    assert "is not a known entry. Known: " in problem
    assert " more." in problem
    assert len(problem) < 300


@pytest.mark.parametrize(
    "line",
    [
        '    quote: "They warned in a statement that it’s "hazardous and irresponsible""',
        '    quote: "a "human rights-free zone" it is"',
        '    alternates: ["what is "pegasus"", other]',
    ],
)
def test_a_straight_quote_inside_a_double_quoted_string_is_explained(line: str) -> None:
    broken = ENTRIES.replace("    quote: NSO Group’s Pegasus spyware", line)
    found = problems(entries_yaml=broken)
    number = broken.splitlines().index(line) + 1
    assert found == [f"entries.yaml:{number}: YAML syntax error: {STRAIGHT_QUOTE_INSIDE}"]


def test_other_syntax_errors_keep_their_own_explanation() -> None:
    found = problems(entries_yaml=ENTRIES.replace("    kind: fact", '    kind: "fact", "x"'))
    assert found
    assert STRAIGHT_QUOTE_INSIDE not in found[0]


def test_too_few_alternates_is_a_warning_not_a_failure() -> None:
    files = valid_files()
    files["entries.yaml"] = ENTRIES.replace("alternates: [pegasus]", "alternates: []")
    kb, warnings = knowledge.load_with_warnings(files)
    assert len(kb.entries) == 2  # loaded all the same
    lines = files["entries.yaml"].splitlines()
    assert [str(w) for w in warnings] == [
        f"entries.yaml:{lines.index('    alternates: [what do they want]') + 1}: entry "
        "'moratorium' has only 1 alternate: add 7 or more (aim for 8-15 ways readers ask it, "
        "see knowledge/README.md)",
        f"entries.yaml:{lines.index('    alternates: []') + 1}: entry 'spyware' has no "
        "alternates: add 8 or more (aim for 8-15 ways readers ask it, see knowledge/README.md)",
    ]


def test_check_prints_warnings_and_still_passes(tmp_path, capsys) -> None:
    import shutil

    from bot.cli import main

    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    entries = copy / "entries.yaml"
    text = entries.read_text(encoding="utf-8")
    start = text.index("    alternates:\n")
    end = text.index("    answer:", start)
    entries.write_text(text[:start] + "    alternates: []\n" + text[end:], encoding="utf-8")
    assert main(["--knowledge", str(copy), "check"]) == 0
    out, err = capsys.readouterr()
    assert "warning: entry" in err
    assert "has no alternates" in err
    assert "covered" in out
