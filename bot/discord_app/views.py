"""The buttons and menu under an answer, and sending an answer with them.

Under an answer: "Read the paragraph", "Why this answer?" and a menu of related questions.
Under a decline: up to 3 "Did you mean" buttons. Only the person who asked may use them;
after `TIMEOUT` seconds they are disabled.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.core.answering import Answer
from bot.core.knowledge.model import Entry
from bot.core.render import answer_card, paragraph_card, why_card
from bot.core.render.limits import cut
from bot.discord_app import notices
from bot.discord_app.answers import Asker
from bot.discord_app.embeds import to_embed
from bot.discord_app.tree import UNREACHABLE, apologise, describe

_log = logging.getLogger("rapporteur.views")

TIMEOUT = 300.0  # seconds; well inside the 15 minutes an interaction token lasts
MAX_OPTIONS = 25  # Discord's limit for a select menu
MAX_SUGGESTIONS = 3

Action = Callable[[discord.Interaction[Any]], Awaitable[None]]


def may_use(owner_id: int, user_id: int) -> bool:
    """Only the person who asked may press the buttons under their answer."""
    return owner_id == user_id


class AnswerView(discord.ui.View):
    def __init__(self, asker: Asker, answer: Answer, owner_id: int, *, private: bool) -> None:
        super().__init__(timeout=TIMEOUT)
        self.asker = asker
        self.answer = answer
        self.owner_id = owner_id
        self.private = private
        self._edit: Callable[[AnswerView], Awaitable[object]] | None = None
        entry = answer.entry
        if entry is None:
            for suggestion in answer.suggestions[:MAX_SUGGESTIONS]:
                ask = self._ask(suggestion.question, "did-you-mean")
                label = notices.did_you_mean(suggestion.question)
                self.add_item(_Button(label, ask, discord.ButtonStyle.primary))
            return
        self.add_item(_Button(notices.READ_PARAGRAPH, self._paragraph, discord.ButtonStyle.primary))
        self.add_item(_Button(notices.WHY, self._why, discord.ButtonStyle.secondary))
        related = [asker.kb.entry(i) for i in dict.fromkeys(entry.related)][:MAX_OPTIONS]
        if related:
            self.add_item(_RelatedSelect(related, self))

    def attach_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """The view was sent as this interaction's response: edit that on timeout."""
        self._edit = lambda view: interaction.edit_original_response(view=view)

    def attach_message(self, message: discord.Message) -> None:
        self._edit = lambda view: message.edit(view=view)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if may_use(self.owner_id, interaction.user.id):
            return True
        await interaction.response.send_message(notices.NOT_YOURS, ephemeral=True)
        return False

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button | discord.ui.Select):
                item.disabled = True
        if self._edit is None:
            return
        try:
            await self._edit(self)
        except UNREACHABLE as error:
            _log.info("could not disable expired buttons: %s", describe(error))

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        _log.error("a button or menu failed", exc_info=error)
        await apologise(interaction)

    def _ask(self, question: str, command: str) -> Action:
        async def action(interaction: discord.Interaction[Any]) -> None:
            await send_answer(interaction, self.asker, question, command, private=self.private)

        return action

    async def _paragraph(self, interaction: discord.Interaction[Any]) -> None:
        assert self.answer.entry is not None
        card = paragraph_card(self.asker.kb, self.answer.entry.paragraph)
        await interaction.response.send_message(embed=to_embed(card), ephemeral=True)

    async def _why(self, interaction: discord.Interaction[Any]) -> None:
        card = why_card(self.answer, self.asker.kb)
        await interaction.response.send_message(embed=to_embed(card), ephemeral=True)


class _Button(discord.ui.Button[AnswerView]):
    def __init__(self, label: str, action: Action, style: discord.ButtonStyle) -> None:
        super().__init__(label=cut(label, notices.BUTTON_LABEL), style=style)
        self._action = action

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await self._action(interaction)


class _RelatedSelect(discord.ui.Select[AnswerView]):
    def __init__(self, related: list[Entry], parent: AnswerView) -> None:
        options = [
            discord.SelectOption(label=cut(e.question, notices.OPTION_LABEL), value=str(i))
            for i, e in enumerate(related)
        ]
        super().__init__(placeholder=notices.RELATED, options=options)
        self._related = related
        self._answers = parent

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        entry = self._related[int(self.values[0])]
        parent = self._answers
        await send_answer(interaction, parent.asker, entry.question, "related", parent.private)


async def send_answer(
    interaction: discord.Interaction[Any], asker: Asker, question: str, command: str, private: bool
) -> None:
    """Answer `question` as this interaction's response, with the view under it."""
    answer = asker.ask(question, command)
    embed = to_embed(answer_card(answer, asker.kb))
    view = AnswerView(asker, answer, interaction.user.id, private=private)
    if not view.children:
        await interaction.response.send_message(embed=embed, ephemeral=private)
        return
    await interaction.response.send_message(embed=embed, view=view, ephemeral=private)
    view.attach_interaction(interaction)


async def reply_answer(message: discord.Message, asker: Asker, question: str) -> None:
    """Answer `question` as a reply to `message` (a mention or a DM), with the view under it."""
    answer = asker.ask(question, "mention")
    embed = to_embed(answer_card(answer, asker.kb))
    view = AnswerView(asker, answer, message.author.id, private=False)
    if not view.children:
        await message.reply(embed=embed, mention_author=False)
        return
    sent = await message.reply(embed=embed, view=view, mention_author=False)
    view.attach_message(sent)
