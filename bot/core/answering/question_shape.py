"""What a question's form says: what kind of fact it asks for ("when", "how many"), which
noun it asks about ("which country"), and whether it starts by addressing the bot.

Language, not knowledge: these rules hold for any article. Pure and deterministic.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from bot.core.answering.normalize import words
from bot.core.answering.wordlists import STOPWORDS
from bot.core.text import straighten

# Question words that ask for a kind of fact; an entry answers them only if one of its
# curated phrasings asks the same way ("When was ...?" needs an entry about a date).
INTENTS = ("when", "where", "how many", "how much", "how long")


_FOCUS_ASKED = (
    r"\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:exact\s+)?([a-z]+)\s+of\b"  # the name of
    r"|\b(?:which|what)\s+(?:other\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:(?:kind|sort|type)s?\s+of\s+)?([a-z]+)"  # which country, which three rights
)
_FOCUS = re.compile(_FOCUS_ASKED + r"|\w's\s+([a-z]+)")  # ... or the mayor's nationality
# Without an apostrophe the last branch cannot match, and the rest is searched faster alone.
_FOCUS_WITHOUT_POSSESSIVE = re.compile(_FOCUS_ASKED)


# "the names of", "the title of": a detail of something, which only a quote that gives it
# answers ("the name of the spyware" is its name, which the quote has: not a detail).
# "the names of", "the exact title of", "the official title of": one word may come between.
_DETAIL = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(names|titles?|identit(?:y|ies)|ages)\s+of\b"
    r"|^(?:pls\s+|please\s+)?(name)\s+(?:all\s+)?the\s+(?:[a-z]+\s+)?[a-z]+s\b"  # "name the X-s"
)


def detail_words(text: str) -> list[str]:
    """The detail a question asks for: "give the *names* of the journalists", "the *title* of
    the report", "*name* the journalists" (never answered by a quote that only mentions the
    journalists or the report)."""
    lowered = straighten(text.lower())
    asked = " of" in lowered or "name" in lowered[:12]
    found = [a or b for a, b in _DETAIL.findall(lowered)] if asked else []
    if " of" in lowered and any(w in lowered for w in ("article", "clause", "provision")):
        found += _PROVISION.findall(lowered)
    return found


# "Which *article* of the convention ...": a provision of a text, which a quote must name
# (not "which part of the article", this one).
_PROVISION = re.compile(
    r"\b(?:which|what)\s+(articles?|clauses?|provisions?)\s+of\b"
    r"(?!\s+(?:the|this)\s+(?:article|story|piece|post)\b)"
)


def focus_words(text: str) -> list[str]:
    """The words a question asks about: the noun after "which"/"what" ("which country"),
    after a possessive ("the mayor's nationality"), or in "what is the name of"."""
    lowered = straighten(text.lower())
    focus = _FOCUS if "'" in lowered else _FOCUS_WITHOUT_POSSESSIVE
    found = [next(w for w in groups if w) for groups in focus.findall(lowered)]
    if not text[1:].islower():
        found += _named_focus(text.split())
    return [w for w in found if w not in STOPWORDS]


def _named_focus(typed: list[str]) -> list[str]:
    """ "Which French *agency*", "what EU *body*": the noun after a proper adjective."""
    return [
        noun
        for wh, adjective, noun in zip(typed, typed[1:], typed[2:], strict=False)
        if wh in _WH_FOCUS and adjective[:1].isupper() and noun.isalpha() and noun.islower()
    ]


_WH_FOCUS = frozenset("which Which what What".split())


_WHEN = re.compile(
    r"\b(?:what|which|on what|in what)\s+(?:date|year|month|day|time)\b|\bhow long ago\b"
)


def intents(text: str) -> frozenset[str]:
    """The kinds of fact a question asks for: "when" and "where" near its start (or "what
    year", "which date"), "how many", "how much", "how long" (or "until when")."""
    found = words(text)
    joined = f" {' '.join(found)} "
    for until in (" until when ", " till when "):  # a limit, not a date: "how long"
        joined = joined.replace(until, " how long ")
    found = joined.split()
    head = found[:3]
    asked = {i for i in INTENTS if (i in head if " " not in i else f" {i} " in joined)}
    if _WHEN.search(" ".join(found)):
        asked.add("when")
    return frozenset(asked)


# "hey Rapporteur, ..." talks to the bot (its name is the knowledge base's `bot_name`).
_GREETING = r"^\W*(?:(?:hey|hi|hello|yo|ok|okay|dear|thanks|thank you)\W+)*"


@lru_cache(maxsize=8)
def _address(name: str) -> re.Pattern[str]:
    return re.compile(_GREETING + re.escape(name) + r"\b\W*", re.I)


def strip_address(text: str, name: str = "Rapporteur") -> str:
    """The question without a leading "hey NAME," that names the bot."""
    return _address(name).sub("", text)


_AUX = frozenset("is are was were do does did have has had will would can could".split())


_WHICH_NOUN = re.compile(r"\bwhich\s+(?:of\s+the\s+|other\s+)?([a-z' ]+)")


def _which_heads(question: str) -> list[str]:
    """The noun each "which" asks about, the last word before its verb: "which political
    leaders were ..." -> leaders; and a possessor of things, whose members are asked for too
    ("which journalists' phones" -> journalists), not of one body ("which journalists'
    collective")."""
    heads = []
    for match in _WHICH_NOUN.finditer(question):
        # An adverb is no part of the noun: "which political leaders specifically were".
        heads += _heads_of([w for w in match.group(1).split()[:4] if not w.endswith("ly")])
    # "Who are the firm's clients?" asks which clients, as "which clients" would.
    heads += [m.group(1) for m in _WHO_ARE.finditer(question) if m.group(1).endswith("s")]
    return heads


_WHO_ARE = re.compile(
    r"\bwho\s+(?:are|were)\s+(?:the\s+|its\s+|their\s+|(?:[a-z]+\s+)?[a-z]+'s?\s+)([a-z]+)\W*$"
)


def _heads_of(found: list[str]) -> list[str]:
    """The words after one "which": the last before its verb, and possessors of things."""
    aux = next((i for i, w in enumerate(found) if w in _AUX), 1)
    owned = itertools.pairwise(found[: max(aux, 1) + 1])
    heads = [w.rstrip("'") for w, thing in owned if w.endswith("'") and thing.endswith("s")]
    if found and not found[0].endswith("'"):
        heads.append(found[max(aux, 1) - 1])
    return heads


def asks_which_members(question: str, quote: str) -> bool:
    """ "Which farmers were paid?" of a quote that only lists farmers among others
    ("... teachers, farmers, and nurses"): the article names the
    group, not which of its members, so the quote does not answer it."""
    question = question.lower()
    if "which" not in question and "who" not in question:
        return False  # the common case, decided before any text is straightened
    heads = [w for w in _which_heads(straighten(question)) if w not in STOPWORDS and len(w) >= 4]
    if not heads:
        return False  # most who- and which-questions: no group's members asked for
    cased = straighten(quote)
    quote = cased.lower()
    for word in heads:
        root = re.escape(noun_root(word))
        # A list item: after ", " or "and ", and itself followed by ",", "and" or the end
        # (of the quote, or of its sentence).
        start = r"(?:(?:, |\band )(?:\w+ )?|(?:\bincluding (?:those of )?|\bsuch as )(?:\w+ ){0,2})"
        item = rf"{start}({root})\w*(?: \w+)?(?:,| and\b|[.;”\"]|$)"
        if any(not _in_a_name(cased, found.start(1)) for found in re.finditer(item, quote)):
            return True
    return False


def _in_a_name(cased: str, at: int) -> bool:
    """The word at `at` is capitalised, part of a name ("Business and *Human Rights*"), not
    an item of a list (when casing kept the text's length)."""
    return at < len(cased) and cased[at].isupper()


_HELP = frozenset(
    {"help", "commands", "what can you do", "how do i use you", "how does this work", "?"}
)


def asks_for_help(text: str) -> bool:
    """ "help", "what can you do?": a request for the bot's help, not a question to answer."""
    return " ".join(words(text)) in _HELP or text.strip() == "?"


_SPECIFIC = re.compile(
    r"\b(?:what|which)\s+(?:specific|particular|concrete)\s+((?:[a-z-]+\s+){0,3}?[a-z-]+s)\b"
)
_AFTER_NOUN = frozenset(
    "is are was were do does did has have had will would should could can must may might "
    "what which who whom whose when where why how".split()
)


def specifics_asked(question: str) -> str:
    """The plural noun a question asks the particular members of ("what specific *measures*
    did it take", "which particular *regulations*"), folded, or ""."""
    lowered = question.lower()
    if not any(w in lowered for w in ("specific", "particular", "concrete")):
        return ""  # the common case, decided before the pattern
    match = _SPECIFIC.search(straighten(lowered))
    if match is None:
        return ""
    phrase = []
    for word in match.group(1).split():
        if word in _AFTER_NOUN:
            break
        phrase.append(word)
    return phrase[-1] if phrase and phrase[-1].endswith("s") else ""


def noun_root(noun: str) -> str:
    """A noun's first letters, which its other forms share ("farmers" ~ "farmer")."""
    return noun[: max(4, len(noun) - 2)]


def lists_after(quote: str, noun: str) -> bool:
    """Whether `quote` (folded) names members of `noun` in a list right after it ("the rights
    to freedom of expression, privacy, and liberty"): the first comma within a few words,
    and another after it."""
    found = quote.split()
    root = noun_root(noun)
    for at, word in enumerate(found):
        if word.startswith(root):
            near = found[at + 1 : at + 1 + _LIST_REACH]
            commas = [i for i, w in enumerate(near) if w.endswith(",")]
            if len(commas) >= 2 and commas[0] < _LIST_START:
                return True
    return False


_LIST_START = 4  # "rights to freedom of expression,": the words up to the first item's comma
_LIST_REACH = 16  # the words after the noun a list of its members may take
