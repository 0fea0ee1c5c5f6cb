"""A local Discord (gateway v10 + REST v10) for end-to-end tests of the real bot."""

from tests.e2e.fake_discord.records import Exchange, Request
from tests.e2e.fake_discord.server import FakeDiscord

__all__ = ["Exchange", "FakeDiscord", "Request"]
