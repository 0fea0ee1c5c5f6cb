"""`rapporteur run` and `rapporteur sync` as a user starts them (no Discord needed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge_files import DEFAULT_DIR

SETTINGS = (
    "DISCORD_TOKEN",
    "DEV_GUILD_ID",
    "KNOWLEDGE_DIR",
    "LOG_LEVEL",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
    "SHARD_COUNT",
    "COOLDOWN_QUESTIONS",
    "COOLDOWN_SECONDS",
)
TOKEN = "NzY1.fake-token.for-tests"


def rapporteur(
    cwd: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        input=stdin,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_a_token_run_is_the_console_chat(tmp_path):
    done = rapporteur(tmp_path, "run", stdin="who exposed pegasus?\n")
    assert done.returncode == 0, done.stderr
    assert "Pegasus" in done.stdout
    assert done.stderr.strip().count("\n") == 0
    assert "DISCORD_TOKEN is not set" in done.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("DEV_GUILD_ID", "my-server"), ("SHARD_COUNT", "0"), ("DISCORD_GATEWAY_URL", "gateway")],
)
def test_a_malformed_setting_exits_2_naming_it(tmp_path, name, value):
    done = rapporteur(tmp_path, "run", **{name: value})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert name in done.stderr
    assert done.stdout == ""


def test_a_bad_dotenv_file_exits_2(tmp_path):
    (tmp_path / ".env").write_text("LOG_LEVEL=INFO\nnonsense\n", encoding="utf-8")
    done = rapporteur(tmp_path, "run")
    assert done.returncode == 2
    assert ".env line 2" in done.stderr


def test_settings_in_dotenv_are_used(tmp_path):
    (tmp_path / ".env").write_text("SHARD_COUNT=none\n", encoding="utf-8")
    done = rapporteur(tmp_path, "run")
    assert done.returncode == 2
    assert "SHARD_COUNT" in done.stderr


def test_invalid_knowledge_exits_1_before_the_bot_starts(tmp_path):
    broken = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_DIR, broken)
    (broken / "entries.yaml").write_text("entries: [\n", encoding="utf-8")
    done = rapporteur(
        tmp_path,
        "run",
        KNOWLEDGE_DIR=str(broken),
        DISCORD_TOKEN=TOKEN,
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
    )
    assert done.returncode == 1
    assert "entries.yaml" in done.stderr
    assert "cannot talk to Discord" not in done.stderr


def test_sync_needs_a_token(tmp_path):
    done = rapporteur(tmp_path, "sync")
    assert done.returncode == 2
    assert "DISCORD_TOKEN" in done.stderr


def test_an_unreachable_discord_is_a_clear_error_without_the_token(tmp_path):
    done = rapporteur(
        tmp_path, "run", DISCORD_TOKEN=TOKEN, DISCORD_API_BASE="http://127.0.0.1:9/api/v10"
    )
    assert done.returncode == 1
    assert "cannot talk to Discord at http://127.0.0.1:9/api/v10" in done.stderr
    assert TOKEN not in done.stderr + done.stdout
