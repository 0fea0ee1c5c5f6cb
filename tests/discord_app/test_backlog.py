"""The pieces that keep the bot up: the backlog, the parser guard, the zombie check."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

from bot.discord_app import backlog as backlog_module
from bot.discord_app.backlog import Backlog
from bot.discord_app.client import guard_parsers, is_zombie


async def test_a_free_slot_answers_at_once_and_a_long_wait_defers_first():
    backlog = Backlog(slots=1)
    deferred: list[str] = []
    order: list[str] = []

    async def defer(name: str) -> None:
        deferred.append(name)

    async def answer(name: str, age: float, hold: float) -> None:
        async with backlog.slot(age, lambda: defer(name)):
            order.append(name)
            await asyncio.sleep(hold)

    first = asyncio.create_task(answer("first", 0.0, 0.2))
    await asyncio.sleep(0)
    # Waits 0.2 s for the slot, which is past DEFER_AFTER for an interaction that old.
    second = asyncio.create_task(answer("second", backlog_module.DEFER_AFTER - 0.05, 0.0))
    await asyncio.gather(first, second)
    assert deferred == ["second"]
    assert order == ["first", "second"]
    # Already older than DEFER_AFTER when it arrives: deferred even with a free slot.
    await answer("late", backlog_module.DEFER_AFTER + 1, 0.0)
    assert deferred == ["second", "late"]
    await answer("young", 0.0, 0.0)
    assert deferred == ["second", "late"]


async def test_draining_waits_for_answers_in_flight_and_counts_them():
    backlog = Backlog()
    release = asyncio.Event()

    async def nothing() -> None:
        return None

    async def answer() -> None:
        async with backlog.track(), backlog.slot(0.0, nothing):
            await release.wait()

    tasks = [asyncio.create_task(answer()) for _ in range(3)]
    await asyncio.sleep(0)
    draining = asyncio.create_task(backlog.drain(within=5))
    await asyncio.sleep(0)
    assert backlog.stopping
    release.set()
    tally = await draining
    await asyncio.gather(*tasks)
    assert (tally.finished, tally.unfinished) == (3, 0)


async def test_draining_gives_up_after_its_time():
    backlog = Backlog()
    never = asyncio.Event()

    async def stuck() -> None:
        async with backlog.track():
            await never.wait()

    task = asyncio.create_task(stuck())
    await asyncio.sleep(0)
    tally = await backlog.drain(within=0.05)
    assert tally.unfinished == 1
    task.cancel()


def test_a_malformed_event_is_one_line_and_new_work_stops_with_the_bot(caplog):
    caplog.set_level(logging.INFO)
    seen: list[object] = []

    def parse(data: dict[str, str]) -> None:
        seen.append(data["id"])

    backlog = Backlog.__new__(Backlog)  # only its flags matter here
    backlog.stopping = False
    backlog.tally = backlog_module.Tally()
    parsers = {"INTERACTION_CREATE": parse}
    guard_parsers(parsers, backlog)
    parsers["INTERACTION_CREATE"]({"secret": "who asked"})
    assert caplog.messages == ["ignored a malformed INTERACTION_CREATE event (KeyError)"]
    assert "who asked" not in caplog.text
    backlog.stopping = True
    parsers["INTERACTION_CREATE"]({"id": "1"})
    assert seen == []
    assert backlog.tally.refused == 1


def test_a_heartbeat_without_an_ack_past_the_grace_is_a_zombie():
    beat = SimpleNamespace(interval=41.25, _last_send=100.0, _last_ack=99.0)
    assert not is_zombie(beat, now=105.0)  # still within the grace
    assert is_zombie(beat, now=109.0)
    acked = SimpleNamespace(interval=41.25, _last_send=100.0, _last_ack=100.01)
    assert not is_zombie(acked, now=140.0)
    assert not is_zombie(None, now=1.0)
