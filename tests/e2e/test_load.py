"""The load test in miniature: 50 interactions at a steady rate and 50 at once, none lost.

A check that the benchmark runs and the bot keeps up, not a timing assertion: the figures
come from `make loadtest` (docs/testing.md).
"""

from __future__ import annotations

from tests.e2e.loadtest import run_load


async def test_small_load_loses_nothing() -> None:
    result = await run_load(steady_count=50, rate=200, burst_count=50)
    assert (result.steady.sent, result.burst.sent) == (50, 50)
    assert result.lost == 0
    assert result.line().startswith("loadtest: 100 sent, 100 answered, 0 lost, p50 ")
