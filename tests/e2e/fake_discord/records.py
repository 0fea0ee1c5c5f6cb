"""What the bot sent: every REST request and gateway frame, with helpers to wait for them."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Json = dict[str, Any]
DEFAULT_TIMEOUT = 5.0
LOADING = 1 << 7  # message flag of a "thinking..." placeholder


@dataclass(slots=True)
class Request:
    """One REST request from the bot, as received (before any injected fault is applied)."""

    method: str
    path: str  # without the API base, e.g. "/interactions/1/tok/callback"
    query: dict[str, str]
    json: Any
    status: int = 0  # what the server answered
    at: float = field(default_factory=time.perf_counter)

    def __str__(self) -> str:
        return f"{self.method} {self.path} -> {self.status}"


@dataclass(slots=True)
class Frame:
    """One gateway frame from the bot."""

    shard: int | None
    op: int
    d: Any
    at: float = field(default_factory=time.perf_counter)


class Log(Generic[T]):
    """An append-only list that coroutines can wait on."""

    def __init__(self) -> None:
        self.items: list[T] = []
        self._changed = asyncio.Event()

    def add(self, item: T) -> None:
        self.items.append(item)
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    def __iter__(self) -> Iterator[T]:
        return iter(list(self.items))

    def __len__(self) -> int:
        return len(self.items)

    async def wait_for(
        self, predicate: Callable[[T], bool], within: float = DEFAULT_TIMEOUT, start: int = 0
    ) -> T:
        """The first item from index `start` on that matches, waiting up to `within` s."""

        async def scan() -> T:
            index = start
            while True:
                changed = self._changed
                while index < len(self.items):
                    if predicate(self.items[index]):
                        return self.items[index]
                    index += 1
                await changed.wait()

        return await asyncio.wait_for(scan(), within)

    async def wait_count(
        self, predicate: Callable[[T], bool], count: int, within: float = DEFAULT_TIMEOUT
    ) -> list[T]:
        """Wait until `count` items match; those items."""

        async def scan() -> list[T]:
            while True:
                changed = self._changed
                found = [item for item in self.items if predicate(item)]
                if len(found) >= count:
                    return found[:count]
                await changed.wait()

        return await asyncio.wait_for(scan(), within)


def carries_content(request: Request) -> bool:
    """A callback, followup or edit with something to read in it."""
    body = request.json if isinstance(request.json, dict) else {}
    data = body.get("data") if request.path.endswith("/callback") else body
    return isinstance(data, dict) and bool(data.get("embeds") or data.get("content"))


class Exchange:
    """One interaction (or message) the server dispatched and everything the bot answered to it."""

    def __init__(self, payload: Json, token: str | None) -> None:
        self.payload = payload
        self.token = token
        self.dispatched_at = 0.0
        self.requests: Log[Request] = Log()
        self.messages: Log[Json] = Log()  # message objects the server created or edited for it
        self.answered: asyncio.Future[Request] = asyncio.get_running_loop().create_future()
        # The request that carried the answer itself (not a "thinking..." defer).
        self.delivered: asyncio.Future[Request] = asyncio.get_running_loop().create_future()
        self.callback_done = False
        self.original_id: str | None = None  # the message the callback created

    def record(self, request: Request) -> None:
        self.requests.add(request)
        if request.status < 300 and not self.answered.done():
            self.answered.set_result(request)
        if request.status < 300 and not self.delivered.done() and carries_content(request):
            self.delivered.set_result(request)

    async def callback(self, within: float = DEFAULT_TIMEOUT) -> Json:
        """The body of the bot's interaction callback (type and data)."""
        request = await self.requests.wait_for(
            lambda r: r.path.endswith("/callback") and r.status < 300, within
        )
        body: Json = request.json
        return body

    async def message(self, within: float = DEFAULT_TIMEOUT, index: int = 0) -> Json:
        """The `index`-th message the bot's answer produced (not a 'thinking...' placeholder)."""
        seen = 0

        def is_wanted(msg: Json) -> bool:
            nonlocal seen
            if msg["flags"] & LOADING:
                return False
            seen += 1
            return seen > index

        return await self.messages.wait_for(is_wanted, within)

    async def choices(self, within: float = DEFAULT_TIMEOUT) -> list[Json]:
        """The choices of an autocomplete answer (callback type 8)."""
        body = await self.callback(within)
        assert body["type"] == 8, body
        result: list[Json] = body["data"]["choices"]
        return result
