"""`rapporteur health`: exit 0 when the bot's heartbeat is fresh (a Docker HEALTHCHECK)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot import heartbeat
from bot.cli.common import FAILED, OK


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "health",
        help="exit 0 if the running bot is connected to Discord (for health checks)",
        description=(
            "Check the heartbeat file the bot updates every "
            f"{heartbeat.INTERVAL:g} seconds while it is connected to Discord. Exit 0 when it "
            "is fresh, 1 when it is missing or stale, with one line saying which."
        ),
    )
    parser.add_argument(
        "--file", type=Path, default=heartbeat.PATH, help=f"default: {heartbeat.PATH}"
    )
    parser.add_argument(
        "--max-age",
        type=float,
        default=heartbeat.MAX_AGE,
        metavar="SECONDS",
        help=f"the oldest heartbeat that counts as healthy (default: {heartbeat.MAX_AGE:g})",
    )
    parser.set_defaults(handler=run)


def verdict(age: float | None, max_age: float, path: Path) -> tuple[int, str]:
    """The exit code and the line to print for a heartbeat `age` seconds old (None: none)."""
    if age is None:
        return FAILED, f"unhealthy: no heartbeat at {path} (the bot has not connected yet)"
    if age > max_age:
        return FAILED, f"unhealthy: the last heartbeat is {age:.0f} s old (over {max_age:g} s)"
    return OK, f"healthy: connected, last heartbeat {age:.0f} s ago"


def run(args: argparse.Namespace) -> int:
    code, line = verdict(heartbeat.age(args.file), args.max_age, args.file)
    print(line)
    return code
