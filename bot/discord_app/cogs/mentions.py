"""Questions in messages: "@Rapporteur who said that?" in a server, or anything in a DM.

Works without the privileged message content intent: Discord still sends the content of
messages that mention the bot and of DMs. Bots (this one included) are never answered.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

import discord
from discord.ext import commands

from bot.core.answering.question_shape import asks_for_help
from bot.core.render import help_card
from bot.discord_app import notices
from bot.discord_app.answers import Asker
from bot.discord_app.backlog import Backlog
from bot.discord_app.cooldown import Cooldown
from bot.discord_app.embeds import to_embed
from bot.discord_app.tree import MISSING_PERMISSIONS, UNREACHABLE, describe
from bot.discord_app.views import reply_answer

_log = logging.getLogger("rapporteur.mentions")

_ANSWERED_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def question_in(content: str, bot_id: int, *, direct: bool, mentioned: bool) -> str | None:
    """The question a message asks the bot, without the mention; None if not addressed to it.

    `direct`: the message is in a DM. `mentioned`: it mentions the bot (Discord's list).
    """
    if not (direct or mentioned):
        return None
    return " ".join(re.sub(rf"<@!?{bot_id}>", " ", content).split())


class Mentions(commands.Cog):
    def __init__(
        self,
        bot: commands.Bot,
        asker: Asker,
        cooldown: Cooldown,
        backlog: Backlog,
        mentions: Mapping[str, str],
    ) -> None:
        self.bot = bot
        self.backlog = backlog
        self.mentions = mentions  # filled in once the commands' ids are known
        self.asker = asker
        self.cooldown = cooldown

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot or message.type not in _ANSWERED_TYPES:
            return
        mentioned = any(user.id == me.id for user in message.mentions)
        question = question_in(
            message.content, me.id, direct=message.guild is None, mentioned=mentioned
        )
        if question is None:
            return
        async with self.backlog.track():
            try:
                await self._answer(message, question)
            except UNREACHABLE as error:
                if not self.backlog.stopping:
                    _log.warning("could not reply to a message: %s", _why_not(error))

    async def _answer(self, message: discord.Message, question: str) -> None:
        wait = self.cooldown.hit(message.author.id)
        if wait > 0:
            notice = notices.cooldown(wait, self.cooldown.rate, self.cooldown.per)
            await message.reply(notice, mention_author=False)
        elif not question or asks_for_help(question):
            card = help_card(self.asker.kb, commands=self.mentions)
            await message.reply(embed=to_embed(card), mention_author=False)
        else:
            await reply_answer(message, self.asker, question)


def _why_not(error: BaseException) -> str:
    if getattr(error, "code", None) == MISSING_PERMISSIONS or getattr(error, "status", 0) == 403:
        return f"{describe(error)}: missing permissions in that channel"
    return describe(error)
