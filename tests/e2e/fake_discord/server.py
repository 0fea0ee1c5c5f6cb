"""FakeDiscord: a local gateway + REST server that records what the bot sends."""

from __future__ import annotations

import copy
import re
from typing import Any

from aiohttp import web

from tests.e2e.fake_discord import payloads, rest, routes
from tests.e2e.fake_discord.gateway import INVALID_SESSION, RECONNECT, Gateway
from tests.e2e.fake_discord.records import DEFAULT_TIMEOUT, Exchange, Log, Request
from tests.e2e.fake_discord.users import Users

Json = dict[str, Any]
_TOKEN_PATH = re.compile(r"^/(?:interactions|webhooks)/\d+/([^/]+)")
assert routes  # imported for its @route registrations


class FakeDiscord(Users):
    """Discord as the bot sees it: two guilds (one per shard when sharded in two) and users."""

    def __init__(
        self, token: str = "e2e-token", recommended_shards: int = 1, privileged_intents: int = 0
    ) -> None:
        self.token = token
        self.privileged_intents = privileged_intents  # enabled in the "developer portal"
        self.recommended_shards = recommended_shards
        self.application_id = payloads.snowflake()
        self.bot_user = payloads.user(self.application_id, "Rapporteur", bot=True)
        self.owner = payloads.user(payloads.snowflake(), "owner")
        self.alice = payloads.user(payloads.snowflake(), "alice")
        self.bob = payloads.user(payloads.snowflake(), "bob")
        self.other_bot = payloads.user(payloads.snowflake(), "helperbot", bot=True)
        self.users = {u["id"]: u for u in (self.bot_user, self.alice, self.bob, self.other_bot)}
        self.guilds: list[Json] = [self._guild(shard) for shard in (0, 1)]
        self.channels = {c["id"]: c for g in self.guilds for c in g["channels"]}
        self.commands: dict[str | None, list[Json]] = {}  # by guild id; None: global
        self.requests: Log[Request] = Log()
        self.events: Log[tuple[str, int]] = Log()  # ("ready" | "resumed", shard)
        self.violations: list[str] = []
        self.faults: list[rest.Fault] = []
        self.messages: dict[str, Json] = {}
        self._by_token: dict[str, Exchange] = {}
        self._by_message: dict[str, Exchange] = {}  # a user's message, by its id
        self._message_exchange: dict[str, Exchange | None] = {}  # a bot message, by its id
        self.gateway = Gateway(self)
        self._runner: web.AppRunner | None = None
        self.port = 0

    def _guild(self, shard: int) -> Json:
        guild_id = payloads.guild_id_on_shard(shard, 2)
        channel = payloads.text_channel(payloads.snowflake(), guild_id)
        members = [payloads.member(u) for u in (self.bot_user, self.alice, self.bob)]
        return payloads.guild(
            guild_id,
            f"Guild {shard}",
            owner_id=self.owner["id"],
            channels=[channel],
            members=members,
        )

    # Lifecycle
    async def start(self) -> None:
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_get("/", self.gateway.handle)
        app.router.add_get("/resume", self.gateway.handle)
        app.router.add_route("*", rest.API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        # A deep accept queue: a burst opens hundreds of connections at once (SYN retries: 1 s).
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=4096)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for session in self.gateway.sessions.values():
            if session.conn is not None:
                await session.conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        return await rest.handle(self, request)

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{rest.API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    # Records
    def record(self, request: Request) -> None:
        self.requests.add(request)
        exchange = self._exchange_of(request)
        if exchange is not None:
            exchange.record(request)

    def _exchange_of(self, request: Request) -> Exchange | None:
        if match := _TOKEN_PATH.match(request.path):
            return self._by_token.get(match.group(1))
        if request.method == "POST" and request.path.endswith("/messages"):
            reference = (request.json or {}).get("message_reference") or {}
            return self._by_message.get(str(reference.get("message_id")))
        if request.method == "PATCH" and "/messages/" in request.path:
            return self._message_exchange.get(request.path.rsplit("/", 1)[1])
        return None

    def message_payloads(self) -> list[Json]:
        """Every message body the bot sent or edited, wherever it went."""
        bodies = []
        for r in self.requests:
            if r.path.endswith("/callback") and r.json.get("type") in (4, 7):
                bodies.append(r.json.get("data") or {})
            elif r.method in ("POST", "PATCH") and (
                "/messages" in r.path or "/webhooks/" in r.path
            ):
                bodies.append(r.json or {})
        return bodies

    # Faults
    def inject(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        retry_after: float = 0.2,
        code: int = 0,
    ) -> rest.Fault:
        """Answer the next `times` requests matching `method` and the regex `path` with `status`
        (and Discord's error `code`)."""
        fault = rest.Fault(method, re.compile(path), status, times, retry_after, code)
        self.faults.append(fault)
        return fault

    def take_fault(self, request: Request) -> rest.Fault | None:
        for fault in self.faults:
            if (
                fault.times > 0
                and fault.method == request.method
                and fault.path.search(request.path)
            ):
                fault.times -= 1
                return fault
        return None

    async def drop_connection(self, code: int, shard: int = 0) -> None:
        await self.gateway.close(shard, code)

    async def send_reconnect(self, shard: int = 0) -> None:
        await self.gateway.send_op(shard, RECONNECT, None)

    async def send_invalid_session(self, resumable: bool, shard: int = 0) -> None:
        if not resumable:
            self.gateway.invalidate(shard)
        await self.gateway.send_op(shard, INVALID_SESSION, resumable)

    async def wait_for_event(
        self, kind: str, shard: int = 0, after: int = 0, within: float = DEFAULT_TIMEOUT
    ) -> int:
        """Wait until the bot is "ready" or "resumed" on a shard; the index in `events`."""
        event = await self.events.wait_for(lambda e: e == (kind, shard), within, start=after)
        return self.events.items.index(event, after)

    # Messages the server keeps
    def message(self, message_id: str | None) -> Json:
        if message_id not in self.messages:
            raise rest.DiscordError(404, "Unknown Message", 10008)
        return self.messages[message_id]

    def create_message(
        self,
        exchange: Exchange | None,
        data: Json,
        *,
        channel_id: str | None = None,
        interaction: bool = False,
    ) -> Json:
        if channel_id is None:
            assert exchange is not None
            channel_id = exchange.payload["channel_id"]
        guild_id = self.channels[channel_id]["guild_id"] if channel_id in self.channels else None
        fields: Json = {
            k: data[k] for k in ("embeds", "components", "flags", "message_reference") if k in data
        }
        if interaction and exchange is not None:
            invoker = exchange.payload.get("user") or exchange.payload["member"]["user"]
            fields |= {"application_id": self.application_id, "webhook_id": self.application_id}
            fields["interaction_metadata"] = {
                "id": exchange.payload["id"],
                "type": exchange.payload["type"],
                "user": invoker,
            }
        message = payloads.message(
            channel_id=channel_id,
            author=self.bot_user,
            content=data.get("content") or "",
            guild_id=guild_id,
            **fields,
        )
        self.messages[message["id"]] = message
        self._message_exchange[message["id"]] = exchange
        if exchange is not None:
            exchange.messages.add(copy.deepcopy(message))
        return message

    def edit_message(self, exchange: Exchange | None, message_id: str, data: Json) -> Json:
        message = self.message(message_id)
        message |= {k: data[k] for k in ("content", "embeds", "components") if k in data}
        message["flags"] = (message["flags"] & ~routes.LOADING) | data.get("flags", 0)
        message["edited_timestamp"] = payloads.now_iso()
        if exchange is not None:
            exchange.messages.add(copy.deepcopy(message))
        return message

    def exchange_for_token(self, token: str) -> Exchange:
        if token not in self._by_token:
            raise rest.DiscordError(404, "Unknown interaction", 10062)
        return self._by_token[token]

    def exchange_for_message(self, message_id: str | None, _channel_id: str) -> Exchange | None:
        return self._by_message.get(str(message_id))

    def exchange_of_message(self, message_id: str) -> Exchange | None:
        return self._message_exchange.get(message_id)
