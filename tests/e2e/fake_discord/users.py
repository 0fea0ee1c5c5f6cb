"""Acting as Discord users: slash commands, autocomplete, clicks and messages."""

from __future__ import annotations

import time
from typing import Any

from tests.e2e.fake_discord import payloads
from tests.e2e.fake_discord.gateway import MESSAGE_CONTENT, Gateway, Session
from tests.e2e.fake_discord.records import Exchange

Json = dict[str, Any]


class Users:
    """The FakeDiscord methods that make users act; every one returns the Exchange to watch."""

    application_id: str
    bot_user: Json
    alice: Json
    bob: Json
    guilds: list[Json]
    channels: dict[str, Json]
    commands: dict[str | None, list[Json]]
    messages: dict[str, Json]
    gateway: Gateway
    _by_token: dict[str, Exchange]
    _by_message: dict[str, Exchange]

    def dm_channel_id(self, user_id: str) -> str:
        return str(int(user_id) + 1)

    def _where(self, guild: int | None, invoker: Json) -> tuple[str | None, Json]:
        if guild is None:
            return None, payloads.dm_channel(self.dm_channel_id(invoker["id"]), invoker)
        g = self.guilds[guild]
        return g["id"], g["channels"][0]

    def _session_for(self, guild_id: str | None) -> Session:
        count = next(iter(self.gateway.by_shard.values())).shard[1]
        shard = payloads.shard_of(guild_id, count) if guild_id else 0
        return self.gateway.by_shard[shard]

    async def send_interaction(self, payload: Json) -> Exchange:
        """Dispatch an INTERACTION_CREATE on the right shard; the Exchange collects the answer."""
        exchange = Exchange(payload, payload["token"])
        self._by_token[payload["token"]] = exchange
        session = self._session_for(payload.get("guild_id"))
        exchange.dispatched_at = time.perf_counter()
        await session.dispatch("INTERACTION_CREATE", payload)
        return exchange

    def command_payload(
        self,
        name: str,
        options: Json | None = None,
        *,
        user: Json | None = None,
        guild: int | None = 0,
        kind: int = 2,
        focused: str | None = None,
    ) -> Json:
        invoker = user or self.alice
        guild_id, channel = self._where(guild, invoker)
        registered = [
            c for gid in (None, guild_id) for c in self.commands.get(gid, []) if c["name"] == name
        ]
        data: Json = {
            "id": registered[0]["id"] if registered else payloads.snowflake(),
            "name": name,
            "type": 1,
        }
        data["options"] = payloads.command_options(options or {}, focused)
        if registered and "guild_id" in registered[0]:
            data["guild_id"] = registered[0]["guild_id"]
        return payloads.interaction(
            kind=kind,
            data=data,
            application_id=self.application_id,
            invoker=invoker,
            channel=channel,
            guild_id=guild_id,
        )

    async def send_command(self, name: str, options: Json | None = None, **kw: Any) -> Exchange:
        """A user runs /name with options (in guild 0 by default; guild=None for a DM)."""
        return await self.send_interaction(self.command_payload(name, options, **kw))

    async def send_autocomplete(
        self, name: str, options: Json, focused: str, **kw: Any
    ) -> Exchange:
        return await self.send_interaction(
            self.command_payload(name, options, kind=4, focused=focused, **kw)
        )

    async def click(
        self,
        message: Json,
        *,
        label: str | None = None,
        custom_id: str | None = None,
        values: list[str] | None = None,
        user: Json | None = None,
    ) -> Exchange:
        """A user clicks the button (by label or custom_id) or picks `values` in a select.

        Discord sends the message as it is now (edits included), so the server's copy is used.
        """
        message = self.messages.get(message["id"], message)
        component = find_component(
            message, label=label, custom_id=custom_id, select=values is not None
        )
        invoker = user or self.alice
        channel = self.channels.get(message["channel_id"]) or payloads.dm_channel(
            message["channel_id"], invoker
        )
        assert not component.get("disabled"), f"Discord does not let users use {component}"
        data: Json = {"custom_id": component["custom_id"], "component_type": component["type"]}
        if values is not None:
            data["values"] = values
        payload = payloads.interaction(
            kind=3,
            data=data,
            application_id=self.application_id,
            invoker=invoker,
            channel=channel,
            guild_id=message.get("guild_id"),
            message_data=message,
        )
        return await self.send_interaction(payload)

    async def send_message(
        self,
        content: str,
        *,
        user: Json | None = None,
        guild: int | None = 0,
        mention: bool = False,
    ) -> Exchange:
        """A user posts in guild `guild` (None: a DM to the bot); mention=True @-mentions it."""
        author = user or self.alice
        guild_id, channel = self._where(guild, author)
        if mention:
            content = f"<@{self.bot_user['id']}> {content}"
        extra: Json = (
            {"member": {k: v for k, v in payloads.member(author).items() if k != "user"}}
            if guild_id
            else {}
        )
        message = payloads.message(
            channel_id=channel["id"],
            author=author,
            content=content,
            guild_id=guild_id,
            mentions=[self.bot_user] if mention else [],
            **extra,
        )
        session = self._session_for(guild_id)
        if guild_id and not mention and not session.intents & MESSAGE_CONTENT:
            message["content"] = ""  # what Discord sends a bot without the message content intent
        exchange = Exchange(message, None)
        self._by_message[message["id"]] = exchange
        exchange.dispatched_at = time.perf_counter()
        await session.dispatch("MESSAGE_CREATE", message)
        return exchange


def components_of(message: Json) -> list[Json]:
    return [c for row in message.get("components", []) for c in row.get("components", [])]


def find_component(
    message: Json, *, label: str | None, custom_id: str | None, select: bool
) -> Json:
    for component in components_of(message):
        if (
            select
            and component["type"] in (3, 5, 6, 7, 8)
            and custom_id in (None, component.get("custom_id"))
        ):
            return component
        if not select and (
            component.get("label") == label or component.get("custom_id") == custom_id
        ):
            return component
    raise AssertionError(f"no component {label or custom_id!r} in {components_of(message)}")
