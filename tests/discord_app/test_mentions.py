from __future__ import annotations

from bot.discord_app.cogs.mentions import question_in

BOT = 1234


def test_a_mention_is_stripped_from_the_question():
    text = question_in(f"<@{BOT}> who is Mary Lawlor?", BOT, direct=False, mentioned=True)
    assert text == "who is Mary Lawlor?"


def test_the_nickname_form_and_a_mention_in_the_middle():
    assert question_in(f"hey <@!{BOT}>   who is  Kaye", BOT, direct=False, mentioned=True) == (
        "hey who is Kaye"
    )


def test_other_mentions_are_kept_as_text():
    assert question_in(f"<@{BOT}> is <@99> here", BOT, direct=False, mentioned=True) == (
        "is <@99> here"
    )


def test_a_guild_message_without_the_mention_is_ignored():
    assert question_in("who is Mary Lawlor?", BOT, direct=False, mentioned=False) is None


def test_any_dm_is_a_question():
    assert question_in("who is Mary Lawlor?", BOT, direct=True, mentioned=False) == (
        "who is Mary Lawlor?"
    )


def test_a_bare_mention_is_an_empty_question():
    assert question_in(f"<@{BOT}>", BOT, direct=False, mentioned=True) == ""
