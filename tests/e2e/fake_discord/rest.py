"""REST v10: the routes the bot uses, Discord's error and rate-limit answers, injectable faults."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tests.e2e.fake_discord.records import Request

if TYPE_CHECKING:
    from tests.e2e.fake_discord.server import FakeDiscord

Json = dict[str, Any]
Handler = Callable[["FakeDiscord", Request, re.Match[str]], Awaitable[Any]]
API_PREFIX = "/api/v10"
_ROUTES: list[tuple[str, re.Pattern[str], Handler, bool]] = []  # method, path, handler, authed


def route(method: str, pattern: str, *, authed: bool = True) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _ROUTES.append((method, re.compile(f"^{pattern}$"), handler, authed))
        return handler

    return register


@dataclass
class Fault:
    """Answer `status` instead of serving the request, `times` times (429 carries retry_after;
    `code` is Discord's JSON error code, such as 50013 Missing Permissions with a 403)."""

    method: str
    path: re.Pattern[str]
    status: int
    times: int = 1
    retry_after: float = 0.2
    code: int = 0


class DiscordError(Exception):
    def __init__(self, status: int, message: str, code: int = 0, errors: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.errors = status, code, errors


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    # discord.py parses JSON only when Content-Type is exactly "application/json" (no charset).
    headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers)


_FAULT_MESSAGES = {
    10062: "Unknown interaction",
    40060: "Interaction has already been acknowledged.",
    50013: "Missing Permissions",
}


def ratelimit_headers(remaining: int, reset_after: float, bucket: str) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
        "X-RateLimit-Reset-After": f"{reset_after:.3f}",
        "X-RateLimit-Bucket": bucket,
    }


def too_many_requests(fault: Fault) -> web.Response:
    headers = ratelimit_headers(0, fault.retry_after, f"bucket-{fault.path.pattern}")
    headers |= {
        "Retry-After": str(max(1, round(fault.retry_after))),
        "X-RateLimit-Scope": "user",
        "Via": "1.1 google",  # discord.py treats a 429 without Via as a Cloudflare ban
    }
    body = {"message": "You are being rate limited.", "retry_after": fault.retry_after}
    return json_response(body | {"global": False}, 429, headers)


async def handle(server: FakeDiscord, http: web.Request) -> web.Response:
    path = http.path.removeprefix(API_PREFIX)
    body = await http.read()
    request = Request(http.method, path, dict(http.query), json.loads(body) if body else None)
    response = await _serve(server, http, request)
    request.status = response.status
    server.record(request)
    return response


async def _serve(server: FakeDiscord, http: web.Request, request: Request) -> web.Response:
    fault = server.take_fault(request)
    if fault is not None:
        if fault.status == 429:
            return too_many_requests(fault)
        message = _FAULT_MESSAGES.get(fault.code, f"{fault.status}: Internal Server Error")
        return json_response({"message": message, "code": fault.code}, fault.status)
    for method, pattern, handler, authed in _ROUTES:
        match = pattern.match(request.path)
        if match is None or method != request.method:
            continue
        if authed and http.headers.get("Authorization") != f"Bot {server.token}":
            return json_response({"message": "401: Unauthorized", "code": 0}, 401)
        try:
            result = await handler(server, request, match)
        except DiscordError as exc:
            error = {"message": str(exc), "code": exc.code}
            if exc.errors:
                error["errors"] = exc.errors
            return json_response(error, exc.status)
        if result is None:
            return web.Response(status=204)
        return json_response(result, headers=ratelimit_headers(4, 1.0, f"bucket-{method}"))
    server.violations.append(f"unhandled route: {request.method} {request.path}")
    return json_response({"message": "404: Not Found", "code": 0}, 404)


def check(problems: list[str], server: FakeDiscord, request: Request) -> None:
    """Refuse a payload over Discord's limits as Discord does, and remember why."""
    if problems:
        server.violations.extend(f"{request.method} {request.path}: {p}" for p in problems)
        raise DiscordError(400, "Invalid Form Body", 50035, {"_errors": problems})
