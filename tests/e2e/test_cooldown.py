"""The per-user cooldown on /ask and mentions: a friendly private notice; others unaffected."""

from __future__ import annotations

from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.helpers import block_quotes, embed

QUESTION = "Who exposed Pegasus?"


async def test_a_fast_asker_is_slowed_down_and_nobody_else(
    server: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(COOLDOWN_QUESTIONS="2", COOLDOWN_SECONDS="600")
    for _ in range(2):
        answer = await (await server.send_command("ask", {"question": QUESTION})).message()
        assert block_quotes(embed(answer)["description"])
    notice = await (await server.send_command("ask", {"question": QUESTION})).message()
    assert notice["flags"] & 64
    assert "try again in" in notice["content"]
    reply = await (await server.send_message(QUESTION, mention=True)).message()
    assert "try again in" in reply["content"]  # mentions share the same budget
    other = await (
        await server.send_command("ask", {"question": QUESTION}, user=server.bob)
    ).message()
    assert block_quotes(embed(other)["description"])
