"""/timeline and /demands, one screen at a time, paged with stateless buttons.

    rp:page:<t|d>:<page>:<asker>:<by>:<of>   go to page <page> (by/of: the demands filter ids)

The person who ran the command turns the pages of its message; anyone else who presses gets
the page privately, with buttons of their own.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord

from bot.core.knowledge.model import KnowledgeBase
from bot.core.render.card import Card
from bot.core.render.reference import demands_pages, resolve, timeline_pages
from bot.discord_app import notices
from bot.discord_app.embeds import to_embed
from bot.discord_app.host import host_of
from bot.discord_app.replies import Reply, respond, stateless
from bot.discord_app.tree import failed
from bot.discord_app.views import FromCustomId

Button = discord.ui.Button[discord.ui.View]
TIMELINE, DEMANDS = "t", "d"
_ID = re.compile(r"[a-z0-9-]{0,24}")
CUSTOM_ID = 100  # Discord's limit: filters too long to carry get the first page, unpaged


def pages_of(kb: KnowledgeBase, kind: str, by: str, of: str) -> tuple[Card, ...]:
    return timeline_pages(kb) if kind == TIMELINE else demands_pages(kb, by or None, of or None)


def filter_id(query: str | None, options: list[tuple[str, str]]) -> str | None:
    """What a button carries for a filter: an id (from the choices, or the one `query` names);
    None when the text names several or none and cannot be carried."""
    if not query:
        return ""
    if _ID.fullmatch(query):
        return query
    found = resolve(query, options)
    return found[0] if len(found) == 1 else None


def page_reply(kb: KnowledgeBase, kind: str, page: int, asker: int, by: str, of: str) -> Reply:
    pages = pages_of(kb, kind, by, of)
    page = min(max(page, 0), len(pages) - 1)
    view = None
    if len(pages) > 1 and len(page_id(kind, len(pages), asker, by, of)) <= CUSTOM_ID:
        view = stateless(pager(kind, page, len(pages), asker, by, of))
    return Reply(to_embed(pages[page]), view)


def pager(kind: str, page: int, count: int, asker: int, by: str, of: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    back = PageButton(kind, max(page - 1, 0), asker, by, of, notices.PREVIOUS)
    back.item.disabled = page == 0
    here: Button = discord.ui.Button(
        label=f"{page + 1} / {count}", disabled=True, custom_id=f"rp:at:{kind}:{page}"
    )
    forward = PageButton(kind, min(page + 1, count - 1), asker, by, of, notices.NEXT)
    forward.item.disabled = page == count - 1
    for item in (back, here, forward):
        view.add_item(item)
    return view


def page_id(kind: str, page: int, asker: int, by: str, of: str) -> str:
    return f"rp:page:{kind}:{page}:{asker}:{by}:{of}"


class PageButton(
    FromCustomId,
    discord.ui.DynamicItem[Button],
    template=r"rp:page:(?P<kind>[td]):(?P<page>\d+):(?P<asker>\d+):(?P<by>[a-z0-9-]*):(?P<of>[a-z0-9-]*)",
):
    def __init__(
        self, kind: str, page: int, asker: int, by: str, of: str, label: str = "-"
    ) -> None:
        self.kind, self.page, self.asker, self.by, self.of = kind, page, asker, by, of
        button: Button = discord.ui.Button(
            label=label,
            style=discord.ButtonStyle.secondary,
            custom_id=page_id(kind, page, asker, by, of),
        )
        super().__init__(button)

    @classmethod
    def from_match(cls, match: re.Match[str]) -> Self:
        page, asker = int(match["page"]), int(match["asker"])
        return cls(match["kind"], page, asker, match["by"], match["of"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        try:
            await self._turn(interaction)
        except Exception as error:
            await failed(interaction, error, "page button")

    async def _turn(self, interaction: discord.Interaction[Any]) -> None:
        kb = host_of(interaction).asker.kb
        mine = interaction.user.id == self.asker
        reader = self.asker if mine else interaction.user.id

        def build() -> Reply:
            return page_reply(kb, self.kind, self.page, reader, self.by, self.of)

        # The asker turns the page of the message; anyone else gets it privately.
        await respond(interaction, build, ephemeral=not mine, update=mine, what="page button")
