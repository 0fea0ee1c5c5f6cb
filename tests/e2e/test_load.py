"""The load test in miniature: every phase of `make loadtest` at small sizes, nothing lost.

A check that the benchmark runs and the bot keeps up (steady, bursts, malformed events, a
soak with clicks, a restart whose new process answers the old buttons under a 1,024
open-file limit), not a timing or memory assertion: the figures come from `make loadtest`
(docs/testing.md).
"""

from __future__ import annotations

from tests.e2e.loadtest import Sizes, run_load

SMALL = Sizes(
    steady=50, rate=200, bursts=(50,), malformed=5, soak=200, restart_clicks=20, fd_burst=50
)


async def test_small_load_loses_nothing() -> None:
    result = await run_load(SMALL)
    assert result.problems == []
    assert [p.name for p in result.phases] == [
        "steady",
        "burst-50",
        "malformed",
        "soak",
        "restart-clicks",
        "burst-fd",
    ]
    assert result.phase("restart-clicks").sent == 20
    assert result.lost == 0
    assert result.undelivered == 0
    assert result.line().startswith("loadtest: 375 sent, 375 answered, 0 lost, p50 ")
