"""`rapporteur run`: the Discord bot when DISCORD_TOKEN is set, else the console chat;
`rapporteur sync`: register the slash commands with Discord, then exit.

Settings come from the environment and an optional `.env` in the working directory
(docs/discord.md). discord.py is imported only when the bot actually starts.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from bot.cli.chat import chat_loop
from bot.cli.common import (
    FAILED,
    OK,
    USAGE,
    default_knowledge_dir,
    fail,
    load_knowledge,
    load_settings,
)
from bot.config import Settings
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.lexicon_files import english

REJECTED_TOKEN = 4004  # the gateway's close code for a token it does not accept
# The gateway's other close codes that starting again cannot fix, and what to do about each.
FATAL_CLOSES = {
    4010: "the gateway refused the shard: check SHARD_IDS and SHARD_COUNT",
    4011: "Discord requires sharding for this bot: set SHARD_COUNT",
    4012: "the gateway refused the API version (this discord.py is too old)",
    4013: "the gateway refused the intents the bot asked for",
    4014: "Discord refused the intents the bot asked for",
}
T = TypeVar("T")


def register(subparsers: Any) -> None:
    run = subparsers.add_parser(
        "run",
        help="start the Discord bot (DISCORD_TOKEN set), else the console chat",
        description=(
            "With DISCORD_TOKEN set, serve the Discord bot until SIGTERM or Ctrl-C. Without it, "
            "the console chat on stdin/stdout. Settings: docs/discord.md."
        ),
    )
    run.add_argument(
        "--sync",
        action="store_true",
        help="register the slash commands first (in DEV_GUILD_ID when set, else globally)",
    )
    run.set_defaults(handler=_run)
    sync = subparsers.add_parser(
        "sync",
        help="register the slash commands with Discord, then exit",
        description=(
            "Register the slash commands in one server (instant) or globally (may take up "
            "to an hour to appear). Needs DISCORD_TOKEN."
        ),
    )
    sync.add_argument(
        "--guild",
        type=int,
        metavar="ID",
        help="register in this server only (default: DEV_GUILD_ID when set, else globally)",
    )
    sync.set_defaults(handler=_sync)


def _knowledge(args: argparse.Namespace, settings: Settings) -> KnowledgeBase:
    # --knowledge wins; else KNOWLEDGE_DIR from the environment or .env; else the bundled one.
    if settings.knowledge_dir is not None and args.knowledge == default_knowledge_dir():
        args = argparse.Namespace(**{**vars(args), "knowledge": str(settings.knowledge_dir)})
    return load_knowledge(args)


def _run(args: argparse.Namespace) -> int:
    settings = load_settings()
    kb = _knowledge(args, settings)
    if settings.discord_token is None:
        print("rapporteur: DISCORD_TOKEN is not set: starting the console chat", file=sys.stderr)
        return chat_loop(Engine(kb, english()), kb, sys.stdin, sys.stdout)
    from bot.discord_app.client import run_bot

    _serve(settings, run_bot(settings, kb, sync=args.sync))
    return OK


def _sync(args: argparse.Namespace) -> int:
    settings = load_settings()
    kb = _knowledge(args, settings)
    if settings.discord_token is None:
        raise fail("DISCORD_TOKEN is not set (sync needs the bot's token)", USAGE)
    from bot.discord_app.client import sync_only

    guild = args.guild if args.guild is not None else settings.dev_guild_id
    names = _serve(settings, sync_only(settings, kb, guild))
    where = f"in server {guild}" if guild is not None else "globally"
    print(f"registered {len(names)} commands {where}: {', '.join(sorted(names))}")
    return OK


def _event_loop_runner() -> Callable[[Coroutine[Any, Any, T]], T]:
    """uvloop's faster event loop where it is installed (not on Windows), else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run
    return uvloop.run


def _serve(settings: Settings, work: Coroutine[Any, Any, T]) -> T:
    """Run the bot's coroutine with logging set up; Discord's refusals become exit codes."""
    import aiohttp
    import discord

    from bot.discord_app import logs

    logs.configure(settings.log_level, [settings.discord_token or ""])
    try:
        return _event_loop_runner()(work)
    except discord.LoginFailure:
        raise fail(
            "Discord rejected DISCORD_TOKEN (login failed): check the token", USAGE
        ) from None
    except discord.ConnectionClosed as error:
        if error.code == REJECTED_TOKEN:
            raise fail("Discord rejected DISCORD_TOKEN (gateway close 4004)", USAGE) from None
        why = FATAL_CLOSES.get(error.code, "the gateway closed the connection")
        raise fail(f"{why} (code {error.code})", FAILED) from None
    except discord.PrivilegedIntentsRequired:
        raise fail("Discord refused the intents the bot asked for", FAILED) from None
    except (discord.HTTPException, discord.GatewayNotFound, aiohttp.ClientError, OSError) as error:
        raise fail(f"cannot talk to Discord at {settings.api_base}: {error}", FAILED) from None
