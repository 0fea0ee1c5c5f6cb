"""The `rapporteur` command line, run in-process (main(argv)) and as a real process."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.chat import chat_loop
from bot.knowledge_files import DEFAULT_DIR
from tests.json_contract import JSON_KEYS

JUNK_LINES = [
    "",
    "   ",
    "x" * 100_000,
    "\x00\x01\x02 who is \x1b[31mdavid kaye\x7f",
    "🙂🙂🙂",
    "מי חשף את פגסוס?",
    "@everyone @here <@123> <@&5>",
    "**bold** `code` [link](http://example.com) ||spoiler||",
    "who exposed pegasus?",
]


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_answer_quote_and_attribution(capsys, kb):
    code, out, _ = run(capsys, "ask", "who exposed pegasus?")
    assert code == 0
    assert "\n> " in out
    assert "· paragraph 2\n" in out
    assert f"{kb.title}, by {kb.author} · confidence" in out
    assert "*" not in out  # plain text: no Markdown markers


def test_ask_json_prints_one_object_with_the_contract_keys(capsys, kb):
    code, out, _ = run(capsys, "ask", "--json", "who exposed pegasus?")
    assert code == 0
    data = json.loads(out)
    assert list(data) == JSON_KEYS
    assert data["answered"] is True
    assert data["quote"] in kb.text


def test_ask_json_batch_answers_every_stdin_line(capsys, monkeypatch, kb):
    stdin = "\n".join(JUNK_LINES) + "\n"
    code, out, _ = run(capsys, "ask", "--json", stdin=stdin, monkeypatch=monkeypatch)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(JUNK_LINES)
    assert all(list(r) == JSON_KEYS for r in rows)
    assert all(r["quote"] is None or r["quote"] in kb.text for r in rows)
    assert rows[-1]["answered"] is True
    assert rows[0]["answered"] is False


def test_batch_as_a_real_process_survives_raw_junk_bytes(kb):
    lines = [line.encode() for line in JUNK_LINES] + [b"\xff\xfe invalid utf-8", b"a\rb"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(rows) == len(lines)
    assert all(r["quote"] is None or r["quote"] in kb.text for r in rows)


def test_the_console_script_shows_exit_codes_in_help():
    script = Path(sys.executable).with_name("rapporteur")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    done = subprocess.run([*command, "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "exit codes" in done.stdout


def test_chat_with_piped_input_answers_each_line_until_quit(capsys, monkeypatch):
    stdin = "who is david kaye\n\nquit\nwho is mary lawlor\n"
    code, out, _ = run(capsys, "chat", stdin=stdin, monkeypatch=monkeypatch)
    assert code == 0
    assert "David Kaye" in out
    assert "Mary Lawlor" not in out
    assert "you>" not in out  # no prompt when stdin is not a terminal


def test_chat_loop_stops_at_eof_and_explains_with_why(kb, engine):
    out = io.StringIO()
    assert chat_loop(engine, kb, io.StringIO("who exposed pegasus\nwhy\n"), out) == 0
    assert "Why this answer?" in out.getvalue()


def test_timeline(capsys):
    code, out, _ = run(capsys, "timeline")
    assert code == 0
    assert "May 2019" in out
    assert out.count("Undated") == 1  # one heading over every undated event
    assert "page 1 of" not in out  # the console is not paged


def test_demands_filters(capsys):
    _, everyone, _ = run(capsys, "demands")
    _, kaye, _ = run(capsys, "demands", "--by", "kaye")
    _, israel, _ = run(capsys, "demands", "--of", "israel")
    code, nothing, _ = run(capsys, "demands", "--by", "kaye", "--of", "israel")
    assert "David Kaye" in everyone
    assert "The UN experts" in everyone
    assert "The UN experts" not in kaye
    assert "→ Israel" in israel
    assert "Kaye" not in israel
    assert code == 0
    assert "no demands" in nothing


def test_who_finds_people_with_typos_and_says_when_nobody_matches(capsys):
    code, out, _ = run(capsys, "who", "dave", "kaye")
    assert code == 0
    assert out.startswith("David Kaye")
    code, out, _ = run(capsys, "who", "Zorro")
    assert code == 0
    assert "nobody called" in out


def test_source_and_paragraphs_in_and_out_of_range(capsys, kb):
    code, out, _ = run(capsys, "source")
    assert code == 0
    assert kb.title in out
    assert "word for word" in out
    code, out, _ = run(capsys, "source", "-p", "3")
    assert code == 0
    assert kb.paragraph(3).text in out
    code, out, err = run(capsys, "source", "--paragraph", str(len(kb.paragraphs) + 1))
    assert code == 2
    assert not out
    assert f"The article has paragraphs 1 to {len(kb.paragraphs)}." in err


def test_check_reports_coverage(capsys):
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert out.rstrip().splitlines()[-1].startswith("covered ")


@pytest.fixture
def broken_knowledge(tmp_path, kb) -> tuple[Path, int]:
    """A copy of the knowledge with one entry's quote changed; returns (dir, that line)."""
    copy = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, copy)
    entries = copy / "entries.yaml"
    lines = entries.read_text(encoding="utf-8").splitlines(keepends=True)
    # A one-line quote, so the replacement leaves no continuation lines behind.
    number = next(i for i, line in enumerate(lines) if line.lstrip().startswith('quote: "'))
    indent = lines[number][: len(lines[number]) - len(lines[number].lstrip())]
    lines[number] = f'{indent}quote: "words the article never says"\n'
    entries.write_text("".join(lines), encoding="utf-8")
    return copy, number + 1


def test_check_on_broken_knowledge_prints_file_line_and_exits_1(capsys, broken_knowledge):
    directory, line = broken_knowledge
    code, out, err = run(capsys, "--knowledge", str(directory), "check")
    assert code == 1
    assert f"entries.yaml:{line}:" in err
    assert "covered" not in out


def test_every_command_refuses_invalid_knowledge(capsys, broken_knowledge):
    directory, _ = broken_knowledge
    code, out, _ = run(capsys, "--knowledge", str(directory), "ask", "--json", "who is kaye")
    assert code == 1
    assert not out


def test_a_missing_knowledge_directory_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "--knowledge", str(tmp_path / "nowhere"), "check")
    assert code == 2
    assert "nowhere" in err


QUESTIONS = """\
- {cat: easy, q: "who exposed pegasus?", expect: ["Amnesty International"]}
- {cat: easy, q: "who exposed pegasus?", expect: ["words the article never says"]}
- {cat: chatter, q: "What is the best pizza topping?", expect: null}
"""


@pytest.mark.parametrize(
    ("thresholds", "expected_code"),
    [
        ([], 0),
        (["--min-answered", "40"], 0),
        (["--min-answered", "60"], 1),
        (["--min-answered", "0.6"], 1),
        (["--min-declined", "100"], 0),
    ],
)
def test_eval_exit_code_follows_the_thresholds(capsys, tmp_path, thresholds, expected_code):
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS, encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(questions), *thresholds)
    assert code == expected_code
    assert "1/2" in out
    assert "50.0%" in out
    assert "words the article never says" in out  # the miss is listed


def test_eval_json_report(capsys, tmp_path):
    questions = tmp_path / "questions.yaml"
    questions.write_text(QUESTIONS, encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(questions), "--json", "--min-answered", "90")
    report = json.loads(out)
    assert code == 1
    assert report["passed"] is False
    assert report["answered_right"] == 0.5
    assert report["declined_right"] == 1.0
    assert report["categories"]["easy"] == {"right": 1, "total": 2}
    assert [m["line"] for m in report["misses"]] == [2]


def test_eval_rejects_a_malformed_question_file(capsys, tmp_path):
    questions = tmp_path / "questions.yaml"
    questions.write_text("- {cat: x, q: y}\n", encoding="utf-8")
    code, _, err = run(capsys, "eval", str(questions))
    assert code == 2
    assert f"{questions}:1:" in err


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("dev.yaml", "95"),  # the questions the engine was developed on: the issue's bar
        ("holdout.yaml", "90"),  # written without the knowledge base: the hidden set's bar
    ],
)
def test_question_sets_meet_the_issue_targets(capsys, name, minimum):
    questions = Path(__file__).parents[1] / "eval" / name
    code, out, err = run(
        capsys, "eval", str(questions), "--min-answered", minimum, "--min-declined", minimum
    )
    assert code == 0, out + err


def test_bench_prints_ratios(capsys):
    code, out, _ = run(capsys, "bench", "--count", "100", "--loads", "1", "--starts", "1")
    assert code == 0
    for label in (
        "engine",
        "baseline",
        "ratio",
        "engine + json",
        "start-up",
        "bare python",
        "json batch",
        "knowledge load",
        "peak memory",
    ):
        assert label in out


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    assert main(["no-such-command"]) == 2
    assert main(["source", "-p", "three"]) == 2
    capsys.readouterr()


def test_chat_answers_a_request_for_help_with_the_help(kb, engine):
    out = io.StringIO()
    assert chat_loop(engine, kb, io.StringIO("what can you do?\n"), out) == 0
    assert "Examples" in out.getvalue()
    assert "Questions the article can answer" not in out.getvalue()
