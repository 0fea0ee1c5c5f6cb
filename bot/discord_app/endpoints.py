"""Point discord.py at Discord, or at a Discord-compatible server (the end-to-end tests).

discord.py keeps both addresses in class attributes, so this is process-wide:
- REST: every request URL is `Route.BASE + path`; the base includes the API version.
- Gateway: the first connection (and every reconnect after INVALID_SESSION) goes to
  `DiscordWebSocket.DEFAULT_GATEWAY`, also for AutoShardedBot with a shard count; resumes
  use the `resume_gateway_url` the server sent in READY. `ws://127.0.0.1:PORT` works.
"""

from __future__ import annotations

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings


def use_endpoints(settings: Settings) -> None:
    Route.BASE = settings.api_base.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)
