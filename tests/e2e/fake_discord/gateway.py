"""The gateway (v10, JSON, zlib-stream): sessions, heartbeats, IDENTIFY, RESUME, dispatch."""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from tests.e2e.fake_discord import payloads
from tests.e2e.fake_discord.records import Frame, Log

if TYPE_CHECKING:
    from tests.e2e.fake_discord.server import FakeDiscord

Json = dict[str, Any]

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HELLO, HEARTBEAT_ACK = (
    0, 1, 2, 6, 7, 9, 10, 11,
)  # fmt: skip
AUTHENTICATION_FAILED, INVALID_SHARD, INVALID_INTENTS, DISALLOWED_INTENTS = 4004, 4010, 4013, 4014
MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = 1 << 1 | 1 << 8 | MESSAGE_CONTENT  # members, presences, message content
REPLAY_LIMIT = 2000


class Connection:
    """One websocket; compresses frames as one zlib or zstd stream when the client asked
    (`compress=zlib-stream` or `zstd-stream`, as Discord offers: discord.py asks for zstd when
    the zstandard package is installed)."""

    def __init__(self, ws: web.WebSocketResponse, compress: str | None) -> None:
        self.ws = ws
        self._compress = _compressor(compress)
        self._lock = asyncio.Lock()  # one compression stream: frames must leave in order

    async def send(self, op: int, d: Any, s: int | None = None, t: str | None = None) -> None:
        text = json.dumps({"op": op, "d": d, "s": s, "t": t})
        async with self._lock:
            if self._compress is None:
                await self.ws.send_str(text)
            else:
                await self.ws.send_bytes(self._compress(text.encode()))


def _compressor(kind: str | None) -> Callable[[bytes], bytes] | None:
    """Each frame compressed and flushed so that it can be read at once."""
    if kind == "zlib-stream":
        stream = zlib.compressobj()
        return lambda data: stream.compress(data) + stream.flush(zlib.Z_SYNC_FLUSH)
    if kind == "zstd-stream":
        import zstandard

        zstd = zstandard.ZstdCompressor().compressobj()
        return lambda data: zstd.compress(data) + zstd.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
    return None


@dataclass
class Session:
    """A gateway session: outlives its websocket so that RESUME can replay what was missed."""

    id: str
    shard: tuple[int, int]
    conn: Connection | None = None
    intents: int = 0
    seq: int = 0
    resumes: int = 0
    backlog: list[tuple[int, str, Json]] = field(default_factory=list)  # for the replay

    async def dispatch(self, event: str, data: Json) -> bool:
        """Send an event, or keep it for the replay if the socket is gone. True if sent now."""
        self.seq += 1
        self.backlog.append((self.seq, event, data))
        del self.backlog[:-REPLAY_LIMIT]
        if self.conn is None or self.conn.ws.closed:
            return False
        await self.conn.send(DISPATCH, data, self.seq, event)
        return True

    async def replay(self, after: int) -> None:
        assert self.conn is not None
        for seq, event, data in list(self.backlog):
            if seq > after:
                await self.conn.send(DISPATCH, data, seq, event)


class Gateway:
    def __init__(self, server: FakeDiscord) -> None:
        self.server = server
        self.frames: Log[Frame] = Log()  # every frame the bot sent
        self.sessions: dict[str, Session] = {}
        self.by_shard: dict[int, Session] = {}  # the live session of each shard
        self.connections = 0  # websockets opened
        self.closes: list[tuple[int | None, int | None]] = []  # (shard, close code) of each
        self.heartbeat_interval_ms = 41250
        self.ack_heartbeats = True  # False: a zombie connection, open but deaf to heartbeats
        self.refuse_identify: int | None = None  # close every IDENTIFY with this code

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        self.connections += 1
        if request.query.get("v") != "10" or request.query.get("encoding") != "json":
            await ws.close(code=4012, message=b"Invalid API version")
            return ws
        conn = Connection(ws, compress=request.query.get("compress"))
        await conn.send(HELLO, {"heartbeat_interval": self.heartbeat_interval_ms})
        session: Session | None = None
        async for msg in ws:
            if msg.type is not WSMsgType.TEXT:
                break
            frame = json.loads(msg.data)
            op, d = frame.get("op"), frame.get("d")
            shard = session.shard[0] if session else None
            if op == IDENTIFY:
                shard = (d.get("shard") or [0, 1])[0]
            self.frames.add(Frame(shard, op, d))
            if op == HEARTBEAT and self.ack_heartbeats:
                await conn.send(HEARTBEAT_ACK, None)
            elif op == IDENTIFY:
                session = await self._identify(conn, d)
            elif op == RESUME:
                session = await self._resume(conn, d)
        if session is not None and session.conn is conn:
            session.conn = None
        self.closes.append((session.shard[0] if session else None, ws.close_code))
        return ws

    async def _identify(self, conn: Connection, d: Json) -> Session | None:
        refusal = self._refusal(d)
        if refusal is not None:
            await conn.ws.close(code=refusal[0], message=refusal[1])
            return None
        shard_id, count = d.get("shard") or [0, 1]
        session = Session(payloads.snowflake(), (shard_id, count), conn, d["intents"])
        self.sessions[session.id] = session
        self._forget_other_layouts(count)
        self.by_shard[shard_id] = session
        guilds = [g for g in self.server.guilds if payloads.shard_of(g["id"], count) == shard_id]
        ready = {
            "v": 10,
            "user": self.server.bot_user,
            "guilds": [{"id": g["id"], "unavailable": True} for g in guilds],
            "session_id": session.id,
            "resume_gateway_url": self.server.gateway_url + "/resume",
            "shard": [shard_id, count],
            "application": {"id": self.server.application_id, "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
        }
        await session.dispatch("READY", ready)
        for guild in guilds:
            await session.dispatch("GUILD_CREATE", guild)
        self.server.events.add(("ready", shard_id))
        return session

    def _refusal(self, d: Json) -> tuple[int, bytes] | None:
        """The close code and reason Discord would answer this IDENTIFY with, if any."""
        if self.refuse_identify is not None:
            return self.refuse_identify, b"Refused."
        if d.get("token") != self.server.token:
            return AUTHENTICATION_FAILED, b"Authentication failed."
        shard_id, count = d.get("shard") or [0, 1]
        if not 0 <= shard_id < count:
            return INVALID_SHARD, b"Invalid shard."
        intents = d.get("intents")
        if not isinstance(intents, int):
            return INVALID_INTENTS, b"Invalid intent(s)."
        if intents & PRIVILEGED_INTENTS & ~self.server.privileged_intents:
            return DISALLOWED_INTENTS, b"Disallowed intent(s)."
        return None

    def _forget_other_layouts(self, count: int) -> None:
        """A new shard count is a new layout: Discord routes guilds by it from now on."""
        for shard, old in list(self.by_shard.items()):
            if old.shard[1] != count:
                del self.by_shard[shard]

    async def _resume(self, conn: Connection, d: Json) -> Session | None:
        session = self.sessions.get(d.get("session_id", ""))
        if session is None or d.get("token") != self.server.token:
            await conn.send(INVALID_SESSION, False)
            return None
        if session.conn is not None and not session.conn.ws.closed:
            await session.conn.ws.close(code=4000)
        session.conn = conn
        session.resumes += 1
        self.by_shard[session.shard[0]] = session
        await session.replay(after=d.get("seq") or 0)
        await session.dispatch("RESUMED", {})
        self.server.events.add(("resumed", session.shard[0]))
        return session

    # Faults the tests trigger
    def live(self, shard: int) -> Session:
        session = self.by_shard[shard]
        assert session.conn is not None, f"shard {shard} has no connection"
        return session

    async def close(self, shard: int, code: int) -> None:
        await self.live(shard).conn.ws.close(code=code)  # type: ignore[union-attr]

    async def send_op(self, shard: int, op: int, d: Any) -> None:
        await self.live(shard).conn.send(op, d)  # type: ignore[union-attr]

    def invalidate(self, shard: int) -> None:
        self.sessions.pop(self.by_shard[shard].id, None)
