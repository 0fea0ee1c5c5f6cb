"""The buttons and menus under an answer, and sending an answer with them.

Every component is a stateless `discord.ui.DynamicItem`: its custom_id carries what it needs,
so the bot keeps no view in memory, and a button works after a restart and in whichever
process serves its guild now. The custom_ids (each at most 100 characters):

    rp:para:<paragraph>:<asker>        Read the paragraph
    rp:why:<asker>                     Why this answer? (the question: the message's title)
    rp:report:<entry or ->             Report a wrong answer (anyone; nobody is recorded)
    rp:rel:<asker>:<private>           the related-questions menu (its values: entry ids)
    rp:try:<entry>:<asker>:<private>   a suggestion under a decline

Only the person who asked (the asker id) may use the others; a stranger is told so privately.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any, Self

import discord

from bot.core.answering import Answer
from bot.core.knowledge.model import Entry, KnowledgeBase
from bot.core.render import answer_card, suggestion_label, why_card
from bot.core.render.limits import ZWSP, cut
from bot.core.render.reference import paragraph_card
from bot.discord_app import notices
from bot.discord_app.answers import Asker
from bot.discord_app.embeds import to_embed
from bot.discord_app.host import host_of
from bot.discord_app.replies import Reply, respond, stateless
from bot.discord_app.tree import failed, is_whole

_reports = logging.getLogger("rapporteur.reports")

MAX_OPTIONS = 25  # Discord's limit for a select menu
MAX_SUGGESTIONS = 3
NO_ENTRY = "-"

Button = discord.ui.Button[discord.ui.View]
Select = discord.ui.Select[discord.ui.View]


def may_use(owner_id: int, user_id: int) -> bool:
    """Only the person who asked may press the buttons under their answer."""
    return owner_id == user_id


def question_of(message: discord.Message | None) -> str:
    """The question an answer card shows as its title, unescaped (as the reader typed it)."""
    title = message.embeds[0].title if message and message.embeds else None
    return re.sub(r"\\(.)", r"\1", title or "").replace(ZWSP, "")


class FromCustomId:
    """discord.py rebuilds a DynamicItem from its custom_id on each press; every item here
    needs only the match, so it says how in `from_match`. Put it before DynamicItem."""

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        return cls.from_match(match)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        raise NotImplementedError


class _Guarded(FromCustomId):
    """Run the action, and turn any failure into one log line (see tree.failed)."""

    what = "button"

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        if not is_whole(interaction):
            return
        try:
            await self.act(interaction)
        except Exception as error:
            await failed(interaction, error, self.what)

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        raise NotImplementedError


class _AskersOnly(_Guarded):
    asker_id: int

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not is_whole(interaction):
            return False
        if may_use(self.asker_id, interaction.user.id):
            return True
        try:
            await interaction.response.send_message(notices.NOT_YOURS, ephemeral=True)
        except Exception as error:
            await failed(interaction, error, "refusal")
        return False


class ParagraphButton(
    _AskersOnly, discord.ui.DynamicItem[Button], template=r"rp:para:(?P<n>\d+):(?P<asker>\d+)"
):
    what = "paragraph button"

    def __init__(self, paragraph: int, asker_id: int) -> None:
        self.paragraph, self.asker_id = paragraph, asker_id
        button: Button = discord.ui.Button(
            label=notices.READ_PARAGRAPH,
            style=discord.ButtonStyle.primary,
            custom_id=f"rp:para:{paragraph}:{asker_id}",
        )
        super().__init__(button)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        return cls(int(match["n"]), int(match["asker"]))

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        kb = host_of(interaction).asker.kb
        await respond(
            interaction, lambda: Reply(to_embed(paragraph_card(kb, self.paragraph))), ephemeral=True
        )


class WhyButton(_AskersOnly, discord.ui.DynamicItem[Button], template=r"rp:why:(?P<asker>\d+)"):
    what = "why button"

    def __init__(self, asker_id: int) -> None:
        self.asker_id = asker_id
        button: Button = discord.ui.Button(
            label=notices.WHY, style=discord.ButtonStyle.secondary, custom_id=f"rp:why:{asker_id}"
        )
        super().__init__(button)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        return cls(int(match["asker"]))

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        asker = host_of(interaction).asker
        question = question_of(interaction.message)

        def build() -> Reply:
            return Reply(to_embed(why_card(asker.ask(question, "why"), asker.kb)))

        await respond(interaction, build, ephemeral=True)


class ReportButton(
    _Guarded, discord.ui.DynamicItem[Button], template=r"rp:report:(?P<entry>[a-z0-9-]+)"
):
    """Anyone who sees an answer may say it is wrong: the log line names the question and the
    entry, never who pressed."""

    what = "report button"

    def __init__(self, entry_id: str, row: int | None = None) -> None:
        self.entry_id = entry_id
        button: Button = discord.ui.Button(
            label=notices.REPORT, style=discord.ButtonStyle.secondary, custom_id=report_id(entry_id)
        )
        super().__init__(button, row=row)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        return cls(match["entry"])

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        question = question_of(interaction.message)
        _reports.warning("report: entry=%s question=%s", self.entry_id, json.dumps(question))
        await interaction.response.send_message(notices.REPORT_THANKS, ephemeral=True)


def report_id(entry_id: str) -> str:
    return f"rp:report:{entry_id}"


class RelatedSelect(
    _AskersOnly,
    discord.ui.DynamicItem[Select],
    template=r"rp:rel:(?P<asker>\d+):(?P<private>[01])",
):
    what = "related-questions menu"

    def __init__(self, asker_id: int, private: bool, related: list[Entry] | None = None) -> None:
        self.asker_id, self.private = asker_id, private
        options = [
            discord.SelectOption(label=cut(e.question, notices.OPTION_LABEL), value=e.id)
            for e in related or []
        ]
        menu: Select = discord.ui.Select(
            placeholder=notices.RELATED,
            custom_id=f"rp:rel:{asker_id}:{int(private)}",
            options=options or [discord.SelectOption(label="-")],
        )
        super().__init__(menu)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        # discord.py then gives the menu the value picked (DynamicItem._refresh_state).
        return cls(int(match["asker"]), match["private"] == "1")

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        await answer_entry(interaction, self.item.values[0], "related", self.private)


class SuggestionButton(
    _AskersOnly,
    discord.ui.DynamicItem[Button],
    template=r"rp:try:(?P<entry>[a-z0-9-]+):(?P<asker>\d+):(?P<private>[01])",
):
    what = "suggestion button"

    def __init__(
        self, entry_id: str, asker_id: int, private: bool, label: str = "-", row: int | None = None
    ) -> None:
        self.entry_id, self.asker_id, self.private = entry_id, asker_id, private
        button: Button = discord.ui.Button(
            label=cut(label, notices.BUTTON_LABEL),
            style=discord.ButtonStyle.secondary,
            custom_id=f"rp:try:{entry_id}:{asker_id}:{int(private)}",
        )
        super().__init__(button, row=row)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        return cls(match["entry"], int(match["asker"]), match["private"] == "1")

    async def act(self, interaction: discord.Interaction[Any]) -> None:
        await answer_entry(interaction, self.entry_id, "did-you-mean", self.private)


ANSWER_ITEMS = (ParagraphButton, WhyButton, ReportButton, RelatedSelect, SuggestionButton)


def answer_view(answer: Answer, kb: KnowledgeBase, asker_id: int, private: bool) -> discord.ui.View:
    """The components under an answer (or a decline), all stateless."""
    view = discord.ui.View(timeout=None)
    entry = answer.entry
    if entry is None:
        # One suggestion a row: they read as a list of questions, and the report stands apart.
        suggestions = answer.suggestions[:MAX_SUGGESTIONS]
        for row, suggestion in enumerate(suggestions):
            label = suggestion_label(answer, suggestion)
            view.add_item(SuggestionButton(suggestion.id, asker_id, private, label, row))
        view.add_item(ReportButton(NO_ENTRY, row=len(suggestions)))
        return stateless(view)
    view.add_item(ParagraphButton(entry.paragraph, asker_id))
    view.add_item(WhyButton(asker_id))
    view.add_item(ReportButton(entry.id))
    related = [kb.entry(i) for i in dict.fromkeys(entry.related)][:MAX_OPTIONS]
    if related:
        view.add_item(RelatedSelect(asker_id, private, related))
    return stateless(view)


def answer_reply(asker: Asker, question: str, command: str, asker_id: int, private: bool) -> Reply:
    answer = asker.ask(question, command)
    embed = to_embed(answer_card(answer, asker.kb))
    return Reply(embed, answer_view(answer, asker.kb, asker_id, private))


async def send_answer(
    interaction: discord.Interaction[Any], question: str, command: str, private: bool
) -> None:
    """Answer `question` as this interaction's response, with the components under it."""
    asker = host_of(interaction).asker
    user = interaction.user.id
    await respond(
        interaction,
        lambda: answer_reply(asker, question, command, user, private),
        ephemeral=private,
        what=f"command={command}",
    )


async def answer_entry(
    interaction: discord.Interaction[Any], entry_id: str, command: str, private: bool
) -> None:
    """Answer the question of entry `entry_id` (a suggestion or a related question)."""
    kb = host_of(interaction).asker.kb
    entry = next((e for e in kb.entries if e.id == entry_id), None)
    if entry is None:  # the knowledge base changed since the button was sent
        await interaction.response.send_message(notices.GONE, ephemeral=True)
        return
    await send_answer(interaction, entry.question, command, private)


async def reply_answer(message: discord.Message, asker: Asker, question: str) -> None:
    """Answer `question` as a reply to `message` (a mention or a DM), with the components."""
    reply = answer_reply(asker, question, "mention", message.author.id, private=False)
    await message.reply(
        embed=reply.embed, view=reply.view or discord.utils.MISSING, mention_author=False
    )
