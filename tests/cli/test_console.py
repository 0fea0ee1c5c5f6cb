"""The console as a person meets it: version, prompts, `why`, colour, start-up imports,
wrong-answer reports, the health check and `serve`."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot import heartbeat
from bot.cli import COMMAND_MODULES, main
from bot.cli import ask as ask_command
from bot.cli.chat import WHY_FIRST, chat_loop
from bot.cli.common import use_colour
from bot.cli.health import verdict
from bot.cli.reports import parse, summary

ROOT = Path(__file__).resolve().parents[2]
NETWORK_MODULES = ("discord", "aiohttp", "asyncio", "ssl")


class Terminal(io.StringIO):
    """Text that says it is a terminal, as a person's stdin or stdout would."""

    def isatty(self) -> bool:
        return True


def python(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "NO_COLOR")}
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=env.pop("cwd", None),
        env=clean | env,
    )


def test_version(capsys):
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("rapporteur ")
    assert out.split()[1][0].isdigit()


@pytest.mark.parametrize(
    "argv", [["ask", "--json", "who is kaye"], ["chat"], ["check"], ["timeline"]]
)
def test_console_commands_import_no_discord_or_network_code(argv):
    probe = (
        "import sys, contextlib, io\n"
        "from bot.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {NETWORK_MODULES!r}))\n"
        "print(sorted(m for m in sys.modules if m.startswith('snowballstemmer.')))\n"
    )
    done = python("-c", probe, stdin="who is kaye\n")
    assert done.returncode == 0, done.stderr
    network, stemmers = done.stdout.splitlines()[-2:]
    assert network == "[]"
    assert "snowballstemmer.english_stemmer" in stemmers
    assert "snowballstemmer.french_stemmer" not in stemmers


def test_the_english_only_stemmer_stems_as_the_whole_package_does(kb):
    import snowballstemmer

    words = sorted({w for e in kb.entries for q in e.phrasings for w in q.lower().split()})
    probe = (
        "import sys\n"
        "from bot.cli._lean import english_only_stemmer\n"
        "english_only_stemmer()\n"
        "import snowballstemmer\n"
        "s = snowballstemmer.stemmer('english')\n"
        "print('\\n'.join(s.stemWord(w) for w in sys.stdin.read().split()))\n"
    )
    done = python("-c", probe, stdin="\n".join(words))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [snowballstemmer.stemmer("english").stemWord(w) for w in words]


def test_every_command_is_found_in_its_module(capsys):
    for command, module in COMMAND_MODULES.items():
        assert main([command, "--help"]) == 0, (command, module)
        assert f"rapporteur {command}" in capsys.readouterr().out
    assert main(["--help"]) == 0
    listed = capsys.readouterr().out
    assert all(command in listed for command in COMMAND_MODULES)


def test_chat_explains_why_only_after_a_question(kb, engine):
    out = io.StringIO()
    assert chat_loop(engine, kb, io.StringIO("why\nwho exposed pegasus\nwhy\n"), out) == 0
    text = out.getvalue()
    assert text.startswith(WHY_FIRST)
    assert "Pegasus" in text.split(WHY_FIRST, 1)[1]  # `why` was not taken as a question
    assert text.count("Why this answer?") == 1


def test_chat_help_mentions_why(kb, engine):
    out = io.StringIO()
    chat_loop(engine, kb, io.StringIO("help\n"), out)
    assert "why:" in out.getvalue()


def test_chat_at_a_terminal_greets_and_prompts(kb, engine):
    out = Terminal()
    chat_loop(engine, kb, Terminal("who is david kaye\n"), out)
    text = out.getvalue()
    assert "Type a question, why" in text
    assert text.count("you> ") == 2  # before the question, and before EOF


def test_ask_at_a_terminal_prompts_on_stderr(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("who is david kaye\n"))
    assert main(["ask", "--json"]) == 0
    out, err = capsys.readouterr()
    assert ask_command.PROMPT in err
    assert ask_command.AT_A_TERMINAL in err
    assert json.loads(out)["answered"] is True  # stdout holds only the answers


def test_colour_only_on_a_terminal_and_never_with_no_color():
    assert use_colour(Terminal(), {})
    assert not use_colour(io.StringIO(), {})
    assert not use_colour(Terminal(), {"NO_COLOR": "1"})
    assert not use_colour(Terminal(), {"TERM": "dumb"})
    assert use_colour(Terminal(), {"NO_COLOR": ""})  # set but empty does not count


def test_ask_prints_colour_at_a_terminal_unless_no_color(monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(["ask", "who is david kaye"])
    assert "\x1b[1m" in terminal.getvalue()
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    main(["ask", "who is david kaye"])
    assert "\x1b[" not in terminal.getvalue()
    assert "David Kaye" in terminal.getvalue()


# As logs.FORMAT prints them (the date left off here).
LOG = """\
09:00:00,123 INFO rapporteur.reports: report: entry=who-exposed-pegasus question="who found pegasus"
09:00:01,001 INFO rapporteur.commands: command=ask entry=kaye-role confidence=0.9
09:00:02,002 INFO rapporteur.reports: report: entry=kaye-role question="who is \\"dave\\"?"
09:00:03,003 INFO rapporteur.reports: report: entry=who-exposed-pegasus question="who found pegasus"
09:00:04,004 INFO rapporteur.reports: report: entry=who-exposed-pegasus question="pegasus?"
garbage report: entry=x question="unterminated
"""


def test_reports_are_counted_per_entry_with_their_questions():
    reports = parse(LOG.splitlines())
    assert len(reports) == 4
    assert ("kaye-role", 'who is "dave"?') in reports
    text = summary(reports)
    lines = text.splitlines()
    assert lines[0] == "4 reports about 2 entries"
    assert lines.index("who-exposed-pegasus: 3 reports") < lines.index("kaye-role: 1 report")
    assert '  "who found pegasus" (2 times)' in lines
    assert summary([]) == "No wrong-answer reports found."


def test_reports_reads_a_file_or_stdin(tmp_path, capsys, monkeypatch):
    log = tmp_path / "bot.log"
    log.write_text(LOG, encoding="utf-8")
    assert main(["reports", str(log)]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO(LOG))
    assert main(["reports"]) == 0
    assert capsys.readouterr().out == from_file
    assert main(["reports", str(tmp_path / "missing.log")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_health_follows_the_heartbeat(tmp_path, capsys):
    beat = tmp_path / "heartbeat"
    assert main(["health", "--file", str(beat)]) == 1
    assert "no heartbeat" in capsys.readouterr().out
    assert heartbeat.beat(beat)
    assert main(["health", "--file", str(beat)]) == 0
    assert capsys.readouterr().out.startswith("healthy")
    old = time.time() - heartbeat.MAX_AGE - 5
    os.utime(beat, (old, old))
    assert main(["health", "--file", str(beat)]) == 1
    assert "old" in capsys.readouterr().out
    assert verdict(10.0, 90.0, beat)[0] == 0


def test_a_heartbeat_that_cannot_be_written_is_no_crash(tmp_path):
    assert heartbeat.beat(tmp_path / "no" / "such" / "dir") is False


def test_serve_without_a_token_exits_2_with_one_line(tmp_path):
    done = python("-m", "bot", "serve", cwd=str(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "DISCORD_TOKEN" in done.stderr
    assert "set it" in done.stderr


def test_run_without_a_token_still_answers_piped_questions(tmp_path):
    done = python("-m", "bot", "run", cwd=str(tmp_path), stdin="who exposed pegasus?\n")
    assert done.returncode == 0, done.stderr
    assert "Pegasus" in done.stdout


async def test_the_bot_beats_only_while_connected(tmp_path):
    import asyncio

    beat = tmp_path / "heartbeat"
    up = {"now": False}
    task = asyncio.create_task(heartbeat.keep_beating(lambda: up["now"], beat, interval=0.01))
    await asyncio.sleep(0.05)
    assert heartbeat.age(beat) is None  # not connected: no heartbeat
    up["now"] = True
    for _ in range(100):
        await asyncio.sleep(0.01)
        if heartbeat.age(beat) is not None:
            break
    task.cancel()
    age = heartbeat.age(beat)
    assert age is not None
    assert age < heartbeat.MAX_AGE
