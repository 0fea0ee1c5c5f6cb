"""Settings from the environment and an optional .env file: a pure parse, no I/O.

The process environment wins over .env. Every problem is a `ConfigError` whose one-line
message names the setting; the command line prints it and exits with code 2.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
DEFAULT_COOLDOWN_QUESTIONS = 5
DEFAULT_COOLDOWN_SECONDS = 30.0
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

_DOTENV_LINE = re.compile(r"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
_SHARD_RANGE = re.compile(r"^\s*(\d+)(?:\s*-\s*(\d+))?\s*$")
T = TypeVar("T")


class ConfigError(ValueError):
    """A missing or malformed setting; the message names it and fits on one line."""


@dataclass(frozen=True, slots=True)
class Settings:
    discord_token: str | None = field(default=None, repr=False)  # never printed
    dev_guild_id: int | None = None
    knowledge_dir: Path | None = None
    log_level: str = "INFO"
    api_base: str = DEFAULT_API_BASE
    gateway_url: str = DEFAULT_GATEWAY_URL
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs (of shard_count)
    cooldown_questions: int = DEFAULT_COOLDOWN_QUESTIONS  # per user per window; 0 turns it off
    cooldown_seconds: float = DEFAULT_COOLDOWN_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str], dotenv_text: str | None = None) -> Settings:
        """Settings from `environ`, falling back to the text of a .env file."""
        values = {**parse_dotenv(dotenv_text or ""), **environ}

        def get(name: str) -> str | None:
            value = values.get(name, "").strip()
            return value or None

        return cls(
            discord_token=_token(get("DISCORD_TOKEN")),
            dev_guild_id=_opt("DEV_GUILD_ID", get("DEV_GUILD_ID"), _snowflake),
            knowledge_dir=_opt("KNOWLEDGE_DIR", get("KNOWLEDGE_DIR"), Path),
            log_level=_log_level(get("LOG_LEVEL") or "INFO"),
            api_base=_url("DISCORD_API_BASE", get("DISCORD_API_BASE"), ("http", "https")),
            gateway_url=_url("DISCORD_GATEWAY_URL", get("DISCORD_GATEWAY_URL"), ("ws", "wss")),
            shard_count=(shard_count := _opt("SHARD_COUNT", get("SHARD_COUNT"), _positive_int)),
            shard_ids=_shard_ids(get("SHARD_IDS"), shard_count),
            cooldown_questions=_or(
                _opt("COOLDOWN_QUESTIONS", get("COOLDOWN_QUESTIONS"), _count),
                DEFAULT_COOLDOWN_QUESTIONS,
            ),
            cooldown_seconds=_or(
                _opt("COOLDOWN_SECONDS", get("COOLDOWN_SECONDS"), _seconds),
                DEFAULT_COOLDOWN_SECONDS,
            ),
        )


def parse_dotenv(text: str) -> dict[str, str]:
    """KEY=VALUE lines; blank lines and # comments are skipped; quotes around a value go."""
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _DOTENV_LINE.match(line)
        if match is None:
            raise ConfigError(f".env line {number}: expected NAME=value")
        name, value = match.groups()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[name] = value
    return values


def _opt(name: str, value: str | None, parse: Callable[[str], T]) -> T | None:
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as error:
        raise ConfigError(f"{name} {error}, got {value!r}") from None


def _or(value: T | None, default: T) -> T:
    return default if value is None else value


def _token(value: str | None) -> str | None:
    if value is not None and any(ch.isspace() for ch in value):
        # The value itself is never echoed: it may be a real token.
        raise ConfigError("DISCORD_TOKEN must be the bot token alone (it contains spaces)")
    return value


def _snowflake(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise ValueError("must be a Discord server id (a positive whole number)")
    return int(text)


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ValueError("must be a whole number of at least 1")
    return int(text)


def _shard_ids(value: str | None, count: int | None) -> tuple[int, ...] | None:
    """SHARD_IDS such as "0-3" or "0,2" (or "0-1,4"), each below SHARD_COUNT."""
    if value is None:
        return None
    if count is None:
        raise ConfigError("SHARD_IDS needs SHARD_COUNT (the total number of shards) to be set")
    ids: set[int] = set()
    for part in value.split(","):
        match = _SHARD_RANGE.match(part)
        low, high = (int(n) for n in match.groups(match.group(1))) if match else (1, 0)
        if low > high:
            raise ConfigError(f"SHARD_IDS must be shard numbers like 0-3 or 0,2, got {value!r}")
        ids.update(range(low, high + 1))
    if max(ids) >= count:
        raise ConfigError(f"SHARD_IDS must be below SHARD_COUNT ({count}), got {value!r}")
    return tuple(sorted(ids))


def _count(text: str) -> int:
    if not text.isdigit():
        raise ValueError("must be a whole number (0 turns the cooldown off)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise ValueError("must be a number of seconds") from None
    if not 0 < seconds <= 86_400:
        raise ValueError("must be more than 0 and at most 86400 seconds")
    return seconds


def _log_level(text: str) -> str:
    level = text.upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, got {text!r}")
    return level


def _url(name: str, value: str | None, schemes: tuple[str, ...]) -> str:
    default = DEFAULT_API_BASE if name == "DISCORD_API_BASE" else DEFAULT_GATEWAY_URL
    if value is None:
        return default
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.hostname:
        wanted = " or ".join(f"{s}://" for s in schemes)
        raise ConfigError(f"{name} must be a {wanted} URL with a host, got {value!r}")
    return value.rstrip("/")
