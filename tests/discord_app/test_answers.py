"""The adapter's side of asking: Discord mention syntax is not part of the question."""

from __future__ import annotations

from bot.core.knowledge.model import KnowledgeBase
from bot.discord_app.answers import Asker, strip_mentions


def test_mention_syntax_is_stripped() -> None:
    assert strip_mentions("<@123456789012345678> who? @everyone <#42> <@&7>") == "who?"


def test_mentions_do_not_change_the_answer(kb: KnowledgeBase) -> None:
    asker = Asker.for_kb(kb)
    question = kb.entries[0].question
    plain = asker.ask(question, "test")
    assert plain.entry is not None
    for noisy in (f"{question} @everyone", f"<@123456789012345678> {question}"):
        assert asker.ask(noisy, "test").entry == plain.entry, noisy
    assert not asker.ask("@here <@&42>", "test").answered


def test_mentions_do_not_hide_the_question_kind(kb: KnowledgeBase) -> None:
    # The same when-question with and without mentions gets the same decision.
    asker = Asker.for_kb(kb)
    for entry in kb.entries[:10]:
        question = f"When {entry.question[0].lower()}{entry.question[1:]}"
        noisy = f"<@1> <@2> <@3> {question}"
        assert asker.ask(noisy, "test").reason == asker.ask(question, "test").reason
