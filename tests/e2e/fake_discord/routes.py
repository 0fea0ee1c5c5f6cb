"""The REST routes Rapporteur uses, each answered with what Discord documents."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tests.e2e.fake_discord import limits, payloads
from tests.e2e.fake_discord.records import Request
from tests.e2e.fake_discord.rest import DiscordError, check, route

if TYPE_CHECKING:
    from tests.e2e.fake_discord.server import FakeDiscord

Json = dict[str, Any]
Match = re.Match[str]
EPHEMERAL, LOADING = 1 << 6, 1 << 7
SNOWFLAKE, TOKEN = r"(\d+)", r"([^/]+)"


@route("GET", "/gateway")
async def gateway(server: FakeDiscord, _r: Request, _m: Match) -> Json:
    return {"url": server.gateway_url}


@route("GET", "/gateway/bot")
async def gateway_bot(server: FakeDiscord, _r: Request, _m: Match) -> Json:
    limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    return {"url": server.gateway_url, "shards": server.recommended_shards} | {
        "session_start_limit": limit
    }


@route("GET", "/users/@me")
async def me(server: FakeDiscord, _r: Request, _m: Match) -> Json:
    return server.bot_user


@route("GET", "/oauth2/applications/@me")
async def application(server: FakeDiscord, _r: Request, _m: Match) -> Json:
    return {
        "id": server.application_id,
        "name": "Rapporteur",
        "description": "",
        "icon": None,
        "bot_public": True,
        "bot_require_code_grant": False,
        "owner": server.owner,
        "verify_key": "0" * 64,
        "flags": 0,
        "team": None,
        "bot": server.bot_user,
    }


@route("GET", f"/applications/{SNOWFLAKE}/commands")
@route("GET", f"/applications/{SNOWFLAKE}/guilds/{SNOWFLAKE}/commands")
async def get_commands(server: FakeDiscord, _r: Request, m: Match) -> list[Json]:
    guild_id = m.group(2) if m.lastindex == 2 else None
    return server.commands.get(guild_id, [])


@route("PUT", f"/applications/{SNOWFLAKE}/commands")
@route("PUT", f"/applications/{SNOWFLAKE}/guilds/{SNOWFLAKE}/commands")
async def put_commands(server: FakeDiscord, request: Request, m: Match) -> list[Json]:
    guild_id = m.group(2) if m.lastindex == 2 else None
    check([p for c in request.json for p in limits.command_problems(c)], server, request)
    if len(request.json) > 100:
        check(["more than 100 commands"], server, request)
    registered = [
        {
            "id": payloads.snowflake(),
            "application_id": server.application_id,
            "version": payloads.snowflake(),
            "type": 1,
            "default_member_permissions": None,
            "nsfw": False,
            "options": [],
        }
        | command
        | ({"guild_id": guild_id} if guild_id else {})
        for command in request.json
    ]
    server.commands[guild_id] = registered
    return registered


@route("POST", f"/interactions/{SNOWFLAKE}/{TOKEN}/callback", authed=False)
async def callback(server: FakeDiscord, request: Request, m: Match) -> Json:
    exchange = server.exchange_for_token(m.group(2))
    if exchange.callback_done:
        raise DiscordError(400, "Interaction has already been acknowledged.", 40060)
    check(limits.callback_problems(request.json), server, request)
    exchange.callback_done = True
    kind, data = request.json["type"], request.json.get("data") or {}
    info: Json = {"id": exchange.payload["id"], "type": exchange.payload["type"]}
    message = None
    if kind in (4, 5):
        flags = data.get("flags", 0) | (LOADING if kind == 5 else 0)
        message = server.create_message(exchange, data | {"flags": flags}, interaction=True)
        exchange.original_id = message["id"]
    elif kind == 7:
        message = server.edit_message(exchange, exchange.payload["message"]["id"], data)
    if message is not None:
        info |= {
            "response_message_id": message["id"],
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(message["flags"] & EPHEMERAL),
        }
    resource: Json = {"type": kind} | ({"message": message} if message else {})
    return {"interaction": info, "resource": resource}


@route("POST", f"/webhooks/{SNOWFLAKE}/{TOKEN}", authed=False)
async def followup(server: FakeDiscord, request: Request, m: Match) -> Json:
    exchange = server.exchange_for_token(m.group(2))
    check(limits.message_problems(request.json), server, request)
    return server.create_message(exchange, request.json, interaction=True)


@route("PATCH", f"/webhooks/{SNOWFLAKE}/{TOKEN}/messages/(@original|\\d+)", authed=False)
async def edit_followup(server: FakeDiscord, request: Request, m: Match) -> Json:
    exchange = server.exchange_for_token(m.group(2))
    check(limits.message_problems(request.json), server, request)
    message_id = exchange.original_id if m.group(3) == "@original" else m.group(3)
    if message_id is None:
        raise DiscordError(404, "Unknown Message", 10008)
    return server.edit_message(exchange, message_id, request.json)


@route("GET", f"/webhooks/{SNOWFLAKE}/{TOKEN}/messages/(@original|\\d+)", authed=False)
async def get_followup(server: FakeDiscord, _r: Request, m: Match) -> Json:
    exchange = server.exchange_for_token(m.group(2))
    message_id = exchange.original_id if m.group(3) == "@original" else m.group(3)
    return server.message(message_id)


@route("DELETE", f"/webhooks/{SNOWFLAKE}/{TOKEN}/messages/(@original|\\d+)", authed=False)
async def delete_followup(server: FakeDiscord, _r: Request, m: Match) -> None:
    exchange = server.exchange_for_token(m.group(2))
    message_id = exchange.original_id if m.group(3) == "@original" else m.group(3)
    server.messages.pop(message_id or "", None)


@route("POST", f"/channels/{SNOWFLAKE}/messages")
async def channel_message(server: FakeDiscord, request: Request, m: Match) -> Json:
    check(limits.message_problems(request.json), server, request)
    reference = (request.json.get("message_reference") or {}).get("message_id")
    exchange = server.exchange_for_message(reference, m.group(1))
    return server.create_message(exchange, request.json, channel_id=m.group(1))


@route("PATCH", f"/channels/{SNOWFLAKE}/messages/{SNOWFLAKE}")
async def edit_channel_message(server: FakeDiscord, request: Request, m: Match) -> Json:
    check(limits.message_problems(request.json), server, request)
    exchange = server.exchange_of_message(m.group(2))
    return server.edit_message(exchange, m.group(2), request.json)


@route("POST", f"/channels/{SNOWFLAKE}/typing")
async def typing(server: FakeDiscord, _r: Request, _m: Match) -> None:
    return None


@route("POST", "/users/@me/channels")
async def open_dm(server: FakeDiscord, request: Request, _m: Match) -> Json:
    recipient = server.users[str(request.json["recipient_id"])]
    return payloads.dm_channel(server.dm_channel_id(recipient["id"]), recipient)
