"""Builders for the JSON objects Discord sends: snowflakes, users, guilds, messages, interactions.

Shapes follow the Discord API v10 documentation and what discord.py 2.7 reads from them.
"""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1420070400000
ALL_PERMISSIONS = str((1 << 50) - 1)
_sequence = itertools.count(1)

Json = dict[str, Any]


def snowflake(timestamp_ms: int | None = None) -> str:
    """A new, unique, time-ordered Discord ID."""
    ms = int(time.time() * 1000) if timestamp_ms is None else timestamp_ms
    return str(((ms - DISCORD_EPOCH_MS) << 22) | (next(_sequence) & 0x3FFFFF))


def shard_of(guild_id: str | int, num_shards: int) -> int:
    """The shard that receives a guild's events, by the rule Discord documents."""
    return (int(guild_id) >> 22) % num_shards


def guild_id_on_shard(shard: int, num_shards: int) -> str:
    """A guild ID that `shard_of` puts on `shard`."""
    base = (int(snowflake()) >> 22) // num_shards * num_shards
    return str(((base + shard) << 22) | (next(_sequence) & 0x3FFFFF))


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def user(user_id: str, name: str, *, bot: bool = False) -> Json:
    return {
        "id": user_id,
        "username": name,
        "discriminator": "0",
        "global_name": name,
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
        "flags": 0,
    }


def member(member_user: Json, *, roles: tuple[str, ...] = ()) -> Json:
    return {
        "user": member_user,
        "roles": list(roles),
        "joined_at": now_iso(),
        "deaf": False,
        "mute": False,
        "flags": 0,
        "permissions": ALL_PERMISSIONS,
    }


def text_channel(channel_id: str, guild_id: str, name: str = "general") -> Json:
    return {
        "id": channel_id,
        "type": 0,
        "guild_id": guild_id,
        "name": name,
        "position": 0,
        "permission_overwrites": [],
        "nsfw": False,
        "parent_id": None,
        "topic": None,
        "last_message_id": None,
        "rate_limit_per_user": 0,
    }


def dm_channel(channel_id: str, recipient: Json) -> Json:
    return {"id": channel_id, "type": 1, "recipients": [recipient], "last_message_id": None}


def role(role_id: str, name: str) -> Json:
    return {
        "id": role_id,
        "name": name,
        "permissions": ALL_PERMISSIONS if name == "@everyone" else "0",
        "position": 0,
        "color": 0,
        "hoist": False,
        "managed": False,
        "mentionable": True,
        "flags": 0,
    }


def guild(
    guild_id: str, name: str, *, owner_id: str, channels: list[Json], members: list[Json]
) -> Json:
    """A full GUILD_CREATE payload (an available guild)."""
    return {
        "id": guild_id,
        "name": name,
        "icon": None,
        "owner_id": owner_id,
        "roles": [role(guild_id, "@everyone")],
        "emojis": [],
        "stickers": [],
        "features": [],
        "channels": channels,
        "threads": [],
        "members": members,
        "voice_states": [],
        "presences": [],
        "member_count": len(members),
        "large": False,
        "unavailable": False,
        "joined_at": now_iso(),
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "system_channel_id": None,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "nsfw_level": 0,
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def message(
    *,
    channel_id: str,
    author: Json,
    content: str = "",
    guild_id: str | None = None,
    mentions: list[Json] | None = None,
    message_id: str | None = None,
    **fields: Any,
) -> Json:
    """A message object as Discord returns it (MESSAGE_CREATE, or the response to a send)."""
    data: Json = {
        "id": message_id or snowflake(),
        "channel_id": channel_id,
        "author": author,
        "content": content,
        "timestamp": now_iso(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": False,
        "mentions": mentions or [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": False,
        "type": 0,
        "flags": 0,
    }
    if guild_id is not None:
        data["guild_id"] = guild_id
    data.update(fields)
    return data


def option_type(value: Any) -> int:
    """The application command option type Discord would send for a value."""
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    return 3


def command_options(options: dict[str, Any], focused: str | None = None) -> list[Json]:
    return [
        {"name": name, "type": option_type(value), "value": value}
        | ({"focused": True} if name == focused else {})
        for name, value in options.items()
    ]


def interaction(
    *,
    kind: int,
    data: Json,
    application_id: str,
    invoker: Json,
    channel: Json,
    guild_id: str | None = None,
    message_data: Json | None = None,
) -> Json:
    """An INTERACTION_CREATE payload; in a guild when `guild_id` is given, else in a DM."""
    interaction_id = snowflake()
    payload: Json = {
        "id": interaction_id,
        "application_id": application_id,
        "type": kind,
        "data": data,
        "token": f"itoken-{interaction_id}",
        "version": 1,
        "locale": "en-US",
        "attachment_size_limit": 10 * 1024 * 1024,
        "entitlements": [],
        "app_permissions": ALL_PERMISSIONS,
        "channel": channel,
        "channel_id": channel["id"],
    }
    if guild_id is not None:
        payload |= {
            "guild_id": guild_id,
            "guild_locale": "en-US",
            "guild": {"id": guild_id, "locale": "en-US", "features": []},
            "member": member(invoker),
            "context": 0,
            "authorizing_integration_owners": {"0": guild_id},
        }
    else:
        payload |= {
            "user": invoker,
            "context": 1,
            "authorizing_integration_owners": {"1": invoker["id"]},
        }
    if message_data is not None:
        payload["message"] = message_data
    return payload
