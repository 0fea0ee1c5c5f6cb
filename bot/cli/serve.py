"""`rapporteur serve`: the Discord bot, and only the bot (the Docker image's command).

Unlike `rapporteur run`, which falls back to the console chat, it refuses to start without
DISCORD_TOKEN: a container with no terminal would otherwise sit silently doing nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.common import USAGE, fail

NO_TOKEN = (
    "DISCORD_TOKEN is not set: set it to the bot's token "
    "(docker run -e DISCORD_TOKEN=... rapporteur, or a .env file)"
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="start the Discord bot; exit 2 if DISCORD_TOKEN is not set",
        description=(
            "Serve the Discord bot until SIGTERM or Ctrl-C, as `rapporteur run` does, but "
            "without the console fallback: no DISCORD_TOKEN (in the environment or .env) is "
            "an error (exit 2, one line on stderr). The Docker image runs this."
        ),
    )
    parser.add_argument(
        "--sync",
        action="store_true",
        help="register the slash commands first (in DEV_GUILD_ID when set, else globally)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.cli.common import load_settings  # the bot's own settings checks (.env included)

    if load_settings().discord_token is None:
        raise fail(NO_TOKEN, USAGE)
    from bot.cli import main  # then the same start as `rapporteur run`

    knowledge = ["--knowledge", args.knowledge] if args.knowledge else []
    return main([*knowledge, "run", *(["--sync"] if args.sync else [])])
