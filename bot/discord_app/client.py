"""The bot (a commands.Bot wired to the core), and how it starts, registers commands and stops.

The contract the command line and the end-to-end tests rely on:
- `create_bot(settings, kb)`: a ready-to-start bot (an AutoShardedBot when SHARD_COUNT is set,
  running SHARD_IDS only when set), already pointed at `settings.api_base` / `gateway_url`.
- `run_bot(settings, kb, sync=False, stop=None)`: log in, optionally register the commands,
  serve until SIGTERM, Ctrl-C or `stop` is set, then stop taking interactions, let those in
  flight finish (up to GRACE seconds), close, and log one summary line. After an unexpected
  error the connection is started again with backoff; Discord's refusals (a rejected token,
  close codes 4004 and 4010-4014) are raised.
- `sync_only(settings, kb, guild_id)`: register the commands over REST only, then close.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import signal
import time
from collections.abc import Callable, Iterator
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.backoff import ExponentialBackoff
from discord.ext import commands

from bot import heartbeat
from bot.config import ConfigError, Settings
from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app.answers import Asker
from bot.discord_app.backlog import Backlog
from bot.discord_app.cogs.ask import Ask
from bot.discord_app.cogs.mentions import Mentions
from bot.discord_app.cogs.overview import Overview
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.endpoints import use_endpoints
from bot.discord_app.pages import PageButton
from bot.discord_app.tree import RapporteurTree
from bot.discord_app.views import ANSWER_ITEMS

_log = logging.getLogger("rapporteur.client")

# Usable in servers, in DMs with the bot and in group DMs; installable to a server or a user.
CONTEXTS = app_commands.AppCommandContext(guild=True, dm_channel=True, private_channel=True)
INSTALLS = app_commands.AppInstallationType(guild=True, user=True)

CONNECTIONS = 64  # open HTTP connections at most, kept alive between requests
KEEPALIVE = 30.0  # seconds an idle connection stays open
# Discord sends a heartbeat interval of 41.25 s and acks each heartbeat at once. A heartbeat
# unanswered for ACK_GRACE seconds means a zombie connection: it is closed and resumed, so a
# zombie is noticed within 41.25 + 8 s. discord.py's own check (nothing received for
# HEARTBEAT_TIMEOUT) stays as a fallback just above one interval.
DISCORD_HEARTBEAT_INTERVAL = 41.25
ACK_GRACE = 8.0
HEARTBEAT_TIMEOUT = DISCORD_HEARTBEAT_INTERVAL + ACK_GRACE
GRACE = 5.0  # seconds in-flight answers get to finish after SIGTERM
# Events that start new work: refused once the bot is stopping.
NEW_WORK = frozenset({"INTERACTION_CREATE", "MESSAGE_CREATE"})


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
            # discord.py's default opens one socket per request in flight, without limit.
            connector=aiohttp.TCPConnector(limit=CONNECTIONS, keepalive_timeout=KEEPALIVE),
            heartbeat_timeout=HEARTBEAT_TIMEOUT,
            **options,
        )
        self.settings = settings
        self.asker = Asker.for_kb(kb)
        self.cooldown = Cooldown(settings.cooldown_questions, settings.cooldown_seconds)
        self.backlog = Backlog()
        self.command_mentions: dict[str, str] = {}
        self.sync_on_start = False
        self.serving = False  # run_bot, not only registering the commands (sync_only)
        self.connected = False  # reached the gateway at least once
        self._watchdog: asyncio.Task[None] | None = None
        self._health: asyncio.Task[None] | None = None
        guard_parsers(self._connection.parsers, self.backlog)

    async def setup_hook(self) -> None:
        await self.add_cog(Ask(self.asker, self.cooldown))
        await self.add_cog(Overview(self, self.asker))
        mentions = Mentions(self, self.asker, self.cooldown, self.backlog, self.command_mentions)
        await self.add_cog(mentions)
        # Stateless buttons: found again by custom_id, in any process, after any restart.
        self.add_dynamic_items(*ANSWER_ITEMS, PageButton)
        if not self.serving:
            return
        if self.sync_on_start:
            registered = await sync_commands(self, self.settings.dev_guild_id)
        else:
            registered = await self._registered_commands()
        self.command_mentions.update(command_mentions(self.tree, registered))
        self._watchdog = asyncio.create_task(watch_heartbeats(self.gateway_sockets))
        # The container's health signal (`rapporteur health`): a file touched while connected.
        self._health = asyncio.create_task(heartbeat.keep_beating(self.is_connected))

    async def _registered_commands(self) -> list[app_commands.AppCommand]:
        """The commands as registered (their ids make clickable mentions); none if unknown."""
        guild = self.settings.dev_guild_id
        try:
            return await self.tree.fetch_commands(guild=discord.Object(guild) if guild else None)
        except (discord.DiscordException, aiohttp.ClientError, OSError) as error:
            _log.warning("could not fetch the registered commands: %s", type(error).__name__)
            return []

    def gateway_sockets(self) -> list[Any]:
        return [self.ws] if self.ws is not None else []

    async def on_connect(self) -> None:
        self.connected = True

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: cogs/mentions.py answers messages."""

    async def shut_down(self) -> None:
        """Stop taking interactions, let those in flight finish, close; one summary line."""
        tally = await self.backlog.drain(GRACE)
        await self.close()
        _log.info(
            "stopped: %d answers finished after the stop signal, %d unfinished, "
            "%d new interactions and messages refused",
            tally.finished,
            tally.unfinished,
            tally.refused,
        )

    def is_connected(self) -> bool:
        return self.is_ready() and not self.is_closed() and math.isfinite(self.latency)

    async def close(self) -> None:
        for task in (self._watchdog, self._health):
            if task is not None:
                task.cancel()
        await super().close()


class ShardedRapporteur(Rapporteur, commands.AutoShardedBot):
    """The same bot over several gateway connections (SHARD_COUNT, maybe only SHARD_IDS)."""

    def gateway_sockets(self) -> list[Any]:
        # ShardInfo keeps its shard (with its websocket) in a private attribute only.
        return [info._parent.ws for info in self.shards.values()]


def guard_parsers(parsers: dict[str, Callable[[Any], None]], backlog: Backlog) -> None:
    """Wrap discord.py's event parsers: a malformed event is one log line, not a crash, and
    new work is refused once the bot is stopping. The dict is the one the gateway reads."""
    for event, parse in list(parsers.items()):
        parsers[event] = _guarded(event, parse, backlog)


def _guarded(event: str, parse: Callable[[Any], None], backlog: Backlog) -> Callable[[Any], None]:
    starts_work = event in NEW_WORK

    def guarded(data: Any) -> None:
        if starts_work and backlog.stopping:
            backlog.tally.refused += 1
            return
        try:
            parse(data)
        except Exception as error:  # only the event type and the error's type: no user data
            _log.warning("ignored a malformed %s event (%s)", event, type(error).__name__)

    return guarded


async def watch_heartbeats(sockets: Callable[[], list[Any]], every: float = 1.0) -> None:
    """Close (and so resume) a connection whose last heartbeat went unanswered too long."""
    while True:
        await asyncio.sleep(every)
        for ws in sockets():
            if ws is not None and ws.open and is_zombie(ws._keep_alive, time.perf_counter()):
                _log.warning("shard %s: heartbeat not acknowledged; reconnecting", ws.shard_id)
                await ws.close(4000)


def is_zombie(keep_alive: Any, now: float) -> bool:
    """A heartbeat was sent, no ack came, and the grace (shorter for short intervals) passed."""
    if keep_alive is None or keep_alive.interval is None:
        return False
    grace = min(ACK_GRACE, keep_alive.interval / 2)
    sent, acked = keep_alive._last_send, keep_alive._last_ack
    return bool(sent > acked and now - sent > grace)


def command_mentions(
    tree: app_commands.CommandTree[Any], registered: list[app_commands.AppCommand]
) -> dict[str, str]:
    """Each command as /help shows it: a clickable </name:id> when registered, else /name."""
    ids = {c.name: c.mention for c in registered}
    return {c.name: ids.get(c.name, f"/{c.name}") for c in tree.get_commands()}


def create_bot(settings: Settings, kb: KnowledgeBase) -> Rapporteur:
    use_endpoints(settings)
    # The bot never joins voice: skip discord.py's warnings about missing voice libraries.
    discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
    if settings.shard_count is not None:
        shard_ids = list(settings.shard_ids) if settings.shard_ids is not None else None
        return ShardedRapporteur(
            settings, kb, shard_count=settings.shard_count, shard_ids=shard_ids
        )
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
    (in DEV_GUILD_ID when set, else globally). Login failures and fatal close codes are
    raised; after any other error the bot connects again, with backoff."""
    token = _token(settings)
    stop = stop or asyncio.Event()
    backoff = ExponentialBackoff()
    asyncio.get_running_loop().set_exception_handler(log_task_failure)
    with _stop_on_signals(stop):
        while True:
            bot = create_bot(settings, kb)
            bot.sync_on_start, sync = sync, False
            bot.serving = True
            error = await _serve(bot, token, stop)
            if error is None:
                return
            delay = backoff.delay()
            _log.warning("the connection failed (%s); starting again in %.1f s", error, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            if stop.is_set():
                return


def log_task_failure(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """The last resort for a task that failed unseen (inside discord.py, say, on an odd
    event): one line with its type, no user data; the traceback only at DEBUG."""
    error = context.get("exception")
    task = context.get("task") or context.get("future")
    name = task.get_name() if isinstance(task, asyncio.Task) else "-"
    kind = type(error).__name__ if error is not None else context.get("message", "?")
    _log.warning("a background task failed (%s in %s)", kind, name)
    _log.debug("the failed task's traceback", exc_info=error)


# Discord's refusals: starting again would be refused again.
FATAL = (discord.LoginFailure, discord.PrivilegedIntentsRequired, discord.ConnectionClosed)


async def _serve(bot: Rapporteur, token: str, stop: asyncio.Event) -> str | None:
    """Serve until `stop` (None) or an error to start again after (its type's name)."""
    async with bot:
        serving = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({serving, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not serving.done():
            _log.info("stopping: no new interactions; letting those in flight finish")
            await bot.shut_down()
            await serving
            return None
        error = serving.exception()
        if error is None:
            return None
        if isinstance(error, FATAL) or not bot.connected:
            raise error  # refused, or never reached Discord: the command line says which
        return type(error).__name__


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
