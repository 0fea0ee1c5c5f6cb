"""The command line on any article: `init` starts a base, every command finds the knowledge
through the same settings (flag > environment > .env > bundled), and an article without a
timeline, demands or people reads well."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge_files import DEFAULT_DIR

COUNCIL = Path(__file__).resolve().parents[1] / "fixtures" / "council"
ARTICLE = COUNCIL / "source" / "article.txt"
COUNCIL_QUESTION = "Who is Dr. Ortiz?"


@pytest.fixture(autouse=True)
def no_settings(monkeypatch, tmp_path):
    """Each test starts in an empty directory (no .env) with no KNOWLEDGE_DIR set."""
    monkeypatch.delenv("KNOWLEDGE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def answered(capsys, *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, *argv, "ask", "--json", COUNCIL_QUESTION)
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def test_init_writes_a_base_that_check_accepts_with_warnings(capsys, tmp_path):
    code, out, err = run(capsys, "init", str(ARTICLE), str(tmp_path / "kb"))
    assert code == 0, err
    assert "wrote a draft knowledge base" in out
    assert "1 demand" in out
    code, out, err = run(capsys, "--knowledge", str(tmp_path / "kb"), "check")
    assert code == 0, err
    assert "covered 12 of 12 sentences" in out
    assert "warning: entries.yaml:" in err
    assert "draft: true" in err


def test_init_never_overwrites_without_force(capsys, tmp_path):
    assert run(capsys, "init", str(ARTICLE), str(tmp_path))[0] == 0
    code, _, err = run(capsys, "init", str(ARTICLE), str(tmp_path))
    assert code == 2
    assert "exists" in err
    assert "--force" in err
    assert run(capsys, "init", "--force", str(ARTICLE), str(tmp_path))[0] == 0


def test_init_reports_an_unreadable_article(capsys, tmp_path):
    code, _, err = run(capsys, "init", str(tmp_path / "missing.txt"), str(tmp_path / "kb"))
    assert code == 2
    assert "cannot read" in err
    assert not (tmp_path / "kb").exists()


def test_init_explains_an_article_without_paragraphs(capsys, tmp_path):
    article = tmp_path / "flat.txt"
    article.write_text("A title\nBy Someone\nAll of it in one block.\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(article), str(tmp_path / "kb"))
    assert code == 2
    assert "found no paragraphs" in err
    assert "blank line" in err
    assert not (tmp_path / "kb").exists()


def test_knowledge_dir_precedence(capsys, monkeypatch, tmp_path):
    assert "Ortiz" not in str(answered(capsys)["quote"])  # the bundled base by default
    (tmp_path / ".env").write_text(f"KNOWLEDGE_DIR={COUNCIL}\n", encoding="utf-8")
    assert answered(capsys)["answered"] is True  # .env is read by every command
    monkeypatch.setenv("KNOWLEDGE_DIR", str(DEFAULT_DIR))
    assert answered(capsys)["answered"] is False  # the environment beats .env
    assert answered(capsys, "--knowledge", str(COUNCIL))["answered"] is True  # the flag wins


@pytest.mark.parametrize("command", [["source"], ["check"], ["who", "okafor"], ["timeline"]])
def test_every_command_reads_dotenv(capsys, tmp_path, command):
    (tmp_path / ".env").write_text(f"KNOWLEDGE_DIR={COUNCIL}\n", encoding="utf-8")
    code, out, err = run(capsys, *command)
    assert code == 0, err
    assert "Riverton" in out or "Okafor" in out


def test_a_bad_setting_is_a_usage_error_for_every_command(capsys, monkeypatch):
    monkeypatch.setenv("SHARD_COUNT", "zero")
    code, _, err = run(capsys, "source")
    assert code == 2
    assert "SHARD_COUNT" in err


def test_an_article_without_timeline_demands_or_people(capsys, tmp_path):
    bare = tmp_path / "bare"
    shutil.copytree(COUNCIL, bare)
    for name in ("timeline.yaml", "demands.yaml", "people.yaml"):
        (bare / name).unlink()
    (bare / "timeline.yaml").write_text("", encoding="utf-8")  # empty counts as none too
    outputs = {}
    for command in (["check"], ["timeline"], ["demands"], ["who", "okafor"]):
        code, out, err = run(capsys, "--knowledge", str(bare), *command)
        assert code == 0, err
        outputs[command[0]] = out
    assert "no events, no demands, no people" in outputs["check"]
    assert "The article reports no events." in outputs["timeline"]
    assert "The article reports no demands." in outputs["demands"]
    assert "It mentions" not in outputs["who"]
    assert " ." not in outputs["demands"]


def test_bench_needs_no_file_under_tests(capsys):
    code, out, err = run(
        capsys, "--knowledge", str(COUNCIL), "bench", "--count", "50", "--loads", "1"
    )
    assert code == 0, err
    assert "from the knowledge base" in out
