"""Running `rapporteur` as a real process against the local server."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO

from tests.e2e.fake_discord import FakeDiscord

STEP = 15.0  # a fresh interpreter imports discord.py and loads the knowledge base first


def command() -> list[str]:
    """The installed console script, else the package's __main__."""
    script = Path(sys.executable).parent / "rapporteur"
    found = str(script) if script.exists() else shutil.which("rapporteur")
    return [found] if found else [sys.executable, "-m", "bot"]


def environment(server: FakeDiscord, **extra: str) -> dict[str, str]:
    """The process environment: the server's addresses, no stray Discord settings."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD"))}
    return (
        keep
        | {
            "DISCORD_TOKEN": server.token,
            "DISCORD_API_BASE": server.api_base,
            "DISCORD_GATEWAY_URL": server.gateway_url,
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }
        | extra
    )


async def start(
    server: FakeDiscord,
    *args: str,
    cwd: Path,
    program: list[str] | None = None,
    log: IO[bytes] | None = None,
    preexec_fn: Callable[[], None] | None = None,
    **env: str,
) -> asyncio.subprocess.Process:
    """`rapporteur ARGS` in `cwd` (a directory without a .env file).

    stderr is piped unless `log` is given: a long run must log to a file, as nothing reads
    the pipe until the end and a full pipe would block the bot.
    """
    return await asyncio.create_subprocess_exec(
        *(program or command()),
        *args,
        cwd=cwd,
        env=environment(server, **env),
        stdout=asyncio.subprocess.PIPE,
        stderr=log or asyncio.subprocess.PIPE,
        preexec_fn=preexec_fn,  # e.g. resource limits, set in the child before it starts
    )


async def finish(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    """Exit code, stdout and stderr once the process ends (killed if it takes over STEP s)."""
    try:
        out, err = await asyncio.wait_for(process.communicate(), STEP)
    except TimeoutError:
        process.kill()
        out, err = await process.communicate()
        raise AssertionError(f"rapporteur did not exit:\n{(err or b'').decode()}") from None
    assert process.returncode is not None
    return process.returncode, out.decode(), (err or b"").decode()
