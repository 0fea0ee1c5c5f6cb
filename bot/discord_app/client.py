"""The bot (a commands.Bot wired to the core), and how it starts, registers commands and stops.

The contract the command line and the end-to-end tests rely on:
- `create_bot(settings, kb)`: a ready-to-start bot (an AutoShardedBot when SHARD_COUNT is set),
  already pointed at `settings.api_base` / `settings.gateway_url`.
- `run_bot(settings, kb, sync=False, stop=None)`: log in, optionally register the commands,
  serve until SIGTERM, Ctrl-C or `stop` is set, then close the gateway connection cleanly.
- `sync_only(settings, kb, guild_id)`: register the commands over REST only, then close.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.config import ConfigError, Settings
from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app.answers import Asker
from bot.discord_app.cogs.ask import Ask
from bot.discord_app.cogs.mentions import Mentions
from bot.discord_app.cogs.overview import Overview
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.endpoints import use_endpoints
from bot.discord_app.tree import RapporteurTree

_log = logging.getLogger("rapporteur.client")

# Usable in servers, in DMs with the bot and in group DMs; installable to a server or a user.
CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)
INSTALLS = app_commands.AppInstallationType(guild=True, user=True)


def intents() -> discord.Intents:
    """No privileged intents: Discord sends the content of mentions and DMs regardless."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


class Rapporteur(commands.Bot):
    def __init__(self, settings: Settings, kb: KnowledgeBase, **options: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=RapporteurTree,
            allowed_contexts=CONTEXTS,
            allowed_installs=INSTALLS,
            max_messages=None,  # keep no messages in memory
            member_cache_flags=discord.MemberCacheFlags.none(),
            chunk_guilds_at_startup=False,
            **options,
        )
        self.settings = settings
        self.asker = Asker.for_kb(kb)
        self.cooldown = Cooldown(settings.cooldown_questions, settings.cooldown_seconds)
        self.sync_on_start = False

    async def setup_hook(self) -> None:
        await self.add_cog(Ask(self.asker, self.cooldown))
        await self.add_cog(Overview(self, self.asker))
        await self.add_cog(Mentions(self, self.asker, self.cooldown))
        if self.sync_on_start:
            await sync_commands(self, self.settings.dev_guild_id)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: cogs/mentions.py answers messages."""


class ShardedRapporteur(Rapporteur, commands.AutoShardedBot):
    """The same bot over several gateway connections (SHARD_COUNT)."""


def create_bot(settings: Settings, kb: KnowledgeBase) -> Rapporteur:
    use_endpoints(settings)
    # The bot never joins voice: skip discord.py's warnings about missing voice libraries.
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
    if settings.shard_count is not None:
        return ShardedRapporteur(settings, kb, shard_count=settings.shard_count)
    return Rapporteur(settings, kb)


async def sync_commands(bot: commands.Bot, guild_id: int | None) -> list[app_commands.AppCommand]:
    """Register the commands in one server (instantly) or globally."""
    if guild_id is None:
        return await bot.tree.sync()
    guild = discord.Object(id=guild_id)
    bot.tree.copy_global_to(guild=guild)
    return await bot.tree.sync(guild=guild)


def _token(settings: Settings) -> str:
    if settings.discord_token is None:
        raise ConfigError("DISCORD_TOKEN is not set")
    return settings.discord_token


async def sync_only(settings: Settings, kb: KnowledgeBase, guild_id: int | None) -> list[str]:
    """Log in over REST, register the commands, close; the names registered."""
    token = _token(settings)
    async with create_bot(settings, kb) as bot:
        await bot.login(token)
        return [command.name for command in await sync_commands(bot, guild_id)]


async def run_bot(
    settings: Settings,
    kb: KnowledgeBase,
    *,
    sync: bool = False,
    stop: asyncio.Event | None = None,
) -> None:
    """Serve until SIGTERM, SIGINT or `stop`; `sync` registers the commands first
    (in DEV_GUILD_ID when set, else globally). Login failures are raised."""
    token = _token(settings)
    stop = stop or asyncio.Event()
    bot = create_bot(settings, kb)
    bot.sync_on_start = sync
    with _stop_on_signals(stop):
        async with bot:
            serving = asyncio.create_task(bot.start(token))
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not serving.done():
                _log.info("stopping: closing the gateway connection")
                await bot.close()
            await serving


@contextlib.contextmanager
def _stop_on_signals(stop: asyncio.Event) -> Iterator[None]:
    loop = asyncio.get_running_loop()
    installed: list[signal.Signals] = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):
            continue  # not the main thread, or no signals on this platform
        installed.append(sig)
    try:
        yield
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
