from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import (
    DEFAULT_API_BASE,
    DEFAULT_GATEWAY_URL,
    ConfigError,
    Settings,
    parse_dotenv,
)


def test_defaults_with_an_empty_environment():
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.discord_token is None
    assert settings.dev_guild_id is None
    assert settings.knowledge_dir is None
    assert settings.log_level == "INFO"
    assert settings.api_base == DEFAULT_API_BASE == "https://discord.com/api/v10"
    assert settings.gateway_url == DEFAULT_GATEWAY_URL == "wss://gateway.discord.gg"
    assert settings.shard_count is None
    assert (settings.cooldown_questions, settings.cooldown_seconds) == (5, 30.0)


def test_every_setting_is_read():
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": "abc.def.ghi",
            "DEV_GUILD_ID": "123456789012345678",
            "KNOWLEDGE_DIR": "/srv/knowledge",
            "LOG_LEVEL": "debug",
            "DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:8080",
            "SHARD_COUNT": "2",
            "COOLDOWN_QUESTIONS": "3",
            "COOLDOWN_SECONDS": "7.5",
        }
    )
    assert settings.discord_token == "abc.def.ghi"
    assert settings.dev_guild_id == 123456789012345678
    assert settings.knowledge_dir == Path("/srv/knowledge")
    assert settings.log_level == "DEBUG"
    assert settings.api_base == "http://127.0.0.1:8080/api/v10"  # no trailing slash
    assert settings.gateway_url == "ws://127.0.0.1:8080"
    assert settings.shard_count == 2
    assert (settings.cooldown_questions, settings.cooldown_seconds) == (3, 7.5)


def test_empty_values_count_as_unset():
    settings = Settings.from_env({"DISCORD_TOKEN": "  ", "DEV_GUILD_ID": "", "SHARD_COUNT": ""})
    assert settings == Settings()


def test_zero_questions_turns_the_cooldown_off():
    assert Settings.from_env({"COOLDOWN_QUESTIONS": "0"}).cooldown_questions == 0


def test_the_token_is_never_in_the_repr():
    settings = Settings.from_env({"DISCORD_TOKEN": "very-secret-token"})
    assert "very-secret-token" not in repr(settings)
    assert "very-secret-token" not in str(settings)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DEV_GUILD_ID", "my-server"),
        ("DEV_GUILD_ID", "0"),
        ("DEV_GUILD_ID", "-5"),
        ("LOG_LEVEL", "LOUD"),
        ("DISCORD_API_BASE", "discord.com/api"),
        ("DISCORD_API_BASE", "ws://127.0.0.1:1/api"),
        ("DISCORD_GATEWAY_URL", "https://gateway.discord.gg"),
        ("DISCORD_GATEWAY_URL", "ws://"),
        ("SHARD_COUNT", "0"),
        ("SHARD_COUNT", "two"),
        ("COOLDOWN_QUESTIONS", "-1"),
        ("COOLDOWN_QUESTIONS", "five"),
        ("COOLDOWN_SECONDS", "0"),
        ("COOLDOWN_SECONDS", "soon"),
    ],
)
def test_a_malformed_setting_is_named_on_one_line(name, value):
    with pytest.raises(ConfigError) as error:
        Settings.from_env({name: value})
    message = str(error.value)
    assert message.startswith(name)
    assert "\n" not in message


def test_a_malformed_token_is_named_but_never_echoed():
    with pytest.raises(ConfigError, match=r"^DISCORD_TOKEN") as error:
        Settings.from_env({"DISCORD_TOKEN": "secret part two"})
    assert "secret" not in str(error.value)


def test_dotenv_values_are_used_and_the_environment_wins():
    dotenv = """
# a comment
export DISCORD_TOKEN="from-dotenv"
DEV_GUILD_ID = 42
LOG_LEVEL=warning  # trailing comment
KNOWLEDGE_DIR='/data/k'
"""
    settings = Settings.from_env({"DEV_GUILD_ID": "7"}, dotenv)
    assert settings.discord_token == "from-dotenv"
    assert settings.dev_guild_id == 7
    assert settings.log_level == "WARNING"
    assert settings.knowledge_dir == Path("/data/k")


def test_parse_dotenv():
    assert parse_dotenv("A=1\n\n#x\nB='two words'\nC=\"q\"\nD=\n") == {
        "A": "1",
        "B": "two words",
        "C": "q",
        "D": "",
    }


def test_a_malformed_dotenv_line_is_reported_by_number():
    with pytest.raises(ConfigError, match=r"^\.env line 2: expected NAME=value$"):
        parse_dotenv("A=1\nthis is not a setting\n")


def test_a_bad_value_in_dotenv_is_named():
    with pytest.raises(ConfigError, match=r"^SHARD_COUNT"):
        Settings.from_env({}, "SHARD_COUNT=many\n")


@pytest.mark.parametrize(
    ("value", "shards"),
    [("0-3", (0, 1, 2, 3)), ("0,2", (0, 2)), (" 1 - 2 , 5 ", (1, 2, 5)), ("3", (3,))],
)
def test_shard_ids_name_ranges_and_lists(value, shards):
    settings = Settings.from_env({"SHARD_COUNT": "6", "SHARD_IDS": value})
    assert settings.shard_ids == shards


@pytest.mark.parametrize("value", ["x", "3-1", "1-", "-1", "0,,2", "6", "0-6"])
def test_bad_shard_ids_name_the_setting(value):
    with pytest.raises(ConfigError, match=r"^SHARD_IDS must be"):
        Settings.from_env({"SHARD_COUNT": "6", "SHARD_IDS": value})


def test_shard_ids_need_a_shard_count():
    with pytest.raises(ConfigError, match=r"^SHARD_IDS needs SHARD_COUNT"):
        Settings.from_env({"SHARD_IDS": "0-1"})
