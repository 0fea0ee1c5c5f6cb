"""`rapporteur timeline | demands | who | source`: the article's reference cards, as text.

The same cards the slash commands show, printed with `card_to_text`; lists are not paged.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from bot.cli.common import OK, USAGE, fit_terminal, load_knowledge, use_colour
from bot.core.answering import Engine
from bot.core.knowledge.model import KnowledgeBase
from bot.core.render import (
    Card,
    card_to_text,
    demands_pages,
    nobody_card,
    paragraph_card,
    source_card,
    timeline_pages,
    who_card,
)
from bot.core.render.card import Field
from bot.lexicon_files import english


def register(subparsers: Any) -> None:
    timeline = subparsers.add_parser("timeline", help="the dated events, in order")
    timeline.set_defaults(handler=_timeline)

    demands = subparsers.add_parser("demands", help="who demands what, of whom")
    demands.add_argument("--by", metavar="WHO", help="who demands: a speaker id or part of a name")
    demands.add_argument("--of", metavar="WHOM", help="of whom: a target id or part of a label")
    demands.set_defaults(handler=_demands)

    who = subparsers.add_parser("who", help="a person or organisation in the article")
    who.add_argument("name", nargs="+", metavar="NAME", help="a name or alias, typos allowed")
    who.set_defaults(handler=_who)

    source = subparsers.add_parser("source", help="the article's title, author and sourcing")
    source.add_argument(
        "-p", "--paragraph", type=int, metavar="N", help="print paragraph N verbatim instead"
    )
    source.set_defaults(handler=_source)


def _show(*cards: Card) -> int:
    colour = use_colour(sys.stdout, os.environ)
    text = "\n\n".join(card_to_text(card, colour=colour) for card in cards)
    print(fit_terminal(text, sys.stdout))
    return OK


def _timeline(args: argparse.Namespace) -> int:
    return _show(*timeline_pages(load_knowledge(args), paged=False))


def _demands(args: argparse.Namespace) -> int:
    return _show(*demands_pages(load_knowledge(args), by=args.by, of=args.of, paged=False))


def _who(args: argparse.Namespace) -> int:
    kb = load_knowledge(args)
    name = " ".join(args.name)
    found = Engine(kb, english()).find_people(name, limit=1)
    return _show(who_card(found[0], kb) if found else nobody_card(name, kb))


def console_source_card(kb: KnowledgeBase) -> Card:
    """The source card with the console's way to read a paragraph instead of Discord's."""
    read = f"rapporteur source --paragraph N prints paragraph N (1 to {len(kb.paragraphs)})."
    return replace(source_card(kb), fields=(Field("Read a paragraph", read),))


def _source(args: argparse.Namespace) -> int:
    kb = load_knowledge(args)
    if args.paragraph is None:
        return _show(console_source_card(kb))
    if not 1 <= args.paragraph <= len(kb.paragraphs):
        # A number out of range is a usage error: say so on stderr with the valid range.
        print(card_to_text(paragraph_card(kb, args.paragraph)), file=sys.stderr)
        return USAGE
    return _show(paragraph_card(kb, args.paragraph))
