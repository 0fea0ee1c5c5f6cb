"""The local Discord itself, spoken to directly: the protocol details the bot relies on."""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import zstandard

from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.fake_discord.gateway import HELLO, IDENTIFY, INVALID_SESSION, RESUME
from tests.e2e.fake_discord.payloads import shard_of


@pytest.fixture
async def client() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def receive(ws: aiohttp.ClientWebSocketResponse, inflate: Any = None) -> dict[str, Any]:
    msg = await ws.receive(timeout=5)
    if msg.type is aiohttp.WSMsgType.BINARY and isinstance(inflate, ZstdStream):
        frame = json.loads(inflate.decompress(msg.data))
        return frame
    if msg.type is aiohttp.WSMsgType.BINARY:
        assert msg.data.endswith(b"\x00\x00\xff\xff")  # a zlib-stream flush, as Discord sends
        frame: dict[str, Any] = json.loads(inflate.decompress(msg.data))
        return frame
    assert msg.type is aiohttp.WSMsgType.TEXT, msg
    frame = json.loads(msg.data)
    return frame


class ZstdStream:
    """Each frame readable at once, as discord.py reads zstd-stream."""

    def __init__(self) -> None:
        self._stream = zstandard.ZstdDecompressor().decompressobj()

    def decompress(self, data: bytes) -> bytes:
        return bytes(self._stream.decompress(data))


def identify(token: str, shard: list[int] | None = None, intents: int = 513) -> dict[str, Any]:
    d = {"token": token, "intents": intents, "properties": {}} | ({"shard": shard} if shard else {})
    return {"op": IDENTIFY, "d": d}


async def test_identify_gets_ready_and_the_shards_guilds(
    server: FakeDiscord, client: aiohttp.ClientSession
) -> None:
    for shard in (0, 1):
        async with client.ws_connect(f"{server.gateway_url}/?v=10&encoding=json") as ws:
            assert (await receive(ws))["op"] == HELLO
            await ws.send_json(identify(server.token, [shard, 2]))
            ready = await receive(ws)
            assert (ready["t"], ready["s"]) == ("READY", 1)
            assert ready["d"]["resume_gateway_url"].endswith("/resume")
            created = await receive(ws)
            assert created["t"] == "GUILD_CREATE"
            assert shard_of(created["d"]["id"], 2) == shard
            assert [g["id"] for g in ready["d"]["guilds"]] == [created["d"]["id"]]


async def test_zlib_stream_compression(server: FakeDiscord, client: aiohttp.ClientSession) -> None:
    url = f"{server.gateway_url}/?v=10&encoding=json&compress=zlib-stream"
    inflate = zlib.decompressobj()
    async with client.ws_connect(url) as ws:
        assert (await receive(ws, inflate))["op"] == HELLO
        await ws.send_json(identify(server.token))
        assert (await receive(ws, inflate))["t"] == "READY"
        assert (await receive(ws, inflate))["t"] == "GUILD_CREATE"


async def test_zstd_stream_compression(server: FakeDiscord, client: aiohttp.ClientSession) -> None:
    url = f"{server.gateway_url}/?v=10&encoding=json&compress=zstd-stream"
    inflate = ZstdStream()
    async with client.ws_connect(url) as ws:
        assert (await receive(ws, inflate))["op"] == HELLO
        await ws.send_json(identify(server.token))
        assert (await receive(ws, inflate))["t"] == "READY"
        assert (await receive(ws, inflate))["t"] == "GUILD_CREATE"


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        (identify("wrong"), 4004),
        (identify("e2e-token", [2, 2]), 4010),
        (identify("e2e-token", intents=1 << 15), 4014),  # message content: privileged
    ],
)
async def test_bad_identify_is_closed_with_discords_code(
    server: FakeDiscord, client: aiohttp.ClientSession, frame: dict[str, Any], code: int
) -> None:
    async with client.ws_connect(f"{server.gateway_url}/?v=10&encoding=json") as ws:
        await receive(ws)
        await ws.send_json(frame)
        msg = await ws.receive(timeout=5)
        assert msg.type is aiohttp.WSMsgType.CLOSE
        assert ws.close_code == code


async def test_resume_of_an_unknown_session_is_invalid(
    server: FakeDiscord, client: aiohttp.ClientSession
) -> None:
    async with client.ws_connect(f"{server.gateway_url}/resume?v=10&encoding=json") as ws:
        await receive(ws)
        await ws.send_json(
            {"op": RESUME, "d": {"token": server.token, "session_id": "1", "seq": 3}}
        )
        assert await receive(ws) == {"op": INVALID_SESSION, "d": False, "s": None, "t": None}


async def test_rest_answers_like_discord(
    server: FakeDiscord, client: aiohttp.ClientSession
) -> None:
    auth = {"Authorization": f"Bot {server.token}"}
    async with client.get(f"{server.api_base}/users/@me", headers=auth) as response:
        assert response.headers["Content-Type"] == "application/json"  # exactly: no charset
        assert (await response.json())["id"] == server.application_id
    async with client.get(f"{server.api_base}/users/@me") as response:
        assert response.status == 401
    server.inject("GET", r"^/gateway/bot$", 429, retry_after=1.5)
    async with client.get(f"{server.api_base}/gateway/bot", headers=auth) as response:
        assert response.status == 429
        assert response.headers["Via"]  # without it discord.py assumes a Cloudflare ban
        assert response.headers["X-RateLimit-Remaining"] == "0"
        assert (await response.json())["retry_after"] == 1.5
    async with client.get(f"{server.api_base}/gateway/bot", headers=auth) as response:
        assert (await response.json())["shards"] == 1
