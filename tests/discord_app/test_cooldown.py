from __future__ import annotations

import pytest

from bot.discord_app.cooldown import Cooldown


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_allows_rate_hits_then_says_how_long_to_wait():
    clock = Clock()
    limit = Cooldown(5, 30.0, clock)
    assert [limit.hit(1) for _ in range(5)] == [0.0] * 5
    clock.now += 10
    assert limit.hit(1) == pytest.approx(20.0)


def test_the_window_slides():
    clock = Clock()
    limit = Cooldown(2, 30.0, clock)
    limit.hit(1)
    clock.now += 20
    limit.hit(1)
    clock.now += 10  # the first hit has left the window
    assert limit.hit(1) == 0.0
    assert limit.hit(1) == pytest.approx(20.0)  # until the hit at +20 leaves the window


def test_refused_hits_are_not_counted():
    clock = Clock()
    limit = Cooldown(1, 30.0, clock)
    limit.hit(1)
    for _ in range(10):
        clock.now += 1
        limit.hit(1)
    clock.now += 20  # 30 s after the only recorded hit
    assert limit.hit(1) == 0.0


def test_other_users_are_not_slowed():
    limit = Cooldown(1, 30.0, Clock())
    assert limit.hit(1) == 0.0
    assert limit.hit(1) > 0
    assert limit.hit(2) == 0.0


def test_zero_rate_means_no_limit_and_remembers_nobody():
    limit = Cooldown(0, 30.0, Clock())
    assert all(limit.hit(1) == 0.0 for _ in range(100))
    assert len(limit) == 0


def test_sweep_forgets_users_whose_window_passed():
    clock = Clock()
    limit = Cooldown(3, 30.0, clock)
    limit.hit(1)
    clock.now += 25
    limit.hit(2)
    clock.now += 5
    limit.sweep()
    assert len(limit) == 1  # user 1 is forgotten; user 2 is still inside the window
    clock.now += 30
    limit.sweep()
    assert len(limit) == 0


def test_memory_stays_bounded_with_many_users():
    clock = Clock()
    limit = Cooldown(5, 30.0, clock)
    for user in range(10_000):
        clock.now += 0.1  # 1,000 s in all: only the last 30 s of users are kept
        limit.hit(user)
    assert len(limit) < 1_400


def test_invalid_parameters():
    with pytest.raises(ValueError, match="rate"):
        Cooldown(-1, 30.0)
    with pytest.raises(ValueError, match="rate"):
        Cooldown(1, 0.0)
