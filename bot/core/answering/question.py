"""A question read once: what it asks (its kinds), about what, with which names, whether it
is negated or takes an outcome for granted. Matching and every decision use this, never the
raw text again. Pure and deterministic.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.answering.lexicon import English
from bot.core.answering.normalize import Normalizer, plural_noun, stem, words
from bot.core.answering.question_shape import (
    detail_words,
    focus_words,
    specifics_asked,
    strip_address,
)
from bot.core.answering.wordlists import (
    ARTICLE_WORDS,
    AUXILIARIES,
    CHAT_CLOSERS,
    CHAT_OPENERS,
    CONDITION_WORDS,
    CONTRAST_PHRASES,
    CONTRASTS,
    DETERMINERS,
    DURATION_WORDS,
    FUNCTION_WORDS,
    IMPLIED_CONTRASTS,
    IRREGULAR_PAST,
    NEGATION_PHRASES,
    NEGATIONS,
    NEGATIVE_AUXILIARIES,
    NON_ASSERTING,
    NOT_NEGATING,
    PAST_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PHRASAL_PARTICLES,
    PHRASAL_PREMISES,
    PREMISE_VERBS,
    PRONOUNS,
    PUBLICATION_VERBS,
    PURPOSE_NOUNS,
    REACTION_WORDS,
    SPEECH_VERBS,
    STOPWORDS,
    UNSETTLED_AUXILIARIES,
)
from bot.core.text import fold


class Kind(StrEnum):
    """The kinds of question an entry can answer (`kinds:` in entries.yaml)."""

    WHO = "who"
    WHAT = "what"
    WHEN = "when"
    WHERE = "where"
    WHY = "why"
    HOW = "how"
    HOW_MANY = "how-many"
    HOW_LONG = "how-long"
    YES_NO = "yes-no"


KIND_NAMES = tuple(k.value for k in Kind)


class Question(NamedTuple):  # immutable, and a tuple: quick to make for every message
    text: str  # as the user wrote it, cleaned and cut (what is shown back)
    core: str  # without mentions, a greeting to the bot, chatter and chat wrappers
    words: tuple[str, ...]  # the core's folded words, typos corrected
    tokens: tuple[str, ...]  # content stems, synonyms mapped (what matching uses)
    kinds: frozenset[Kind]  # empty: no question form ("Ana Okafor", "budget 2024")
    negated: bool  # "who did not ...", "which rights are not ..."
    contrasted: bool  # "besides X, who ...", "other than X, which ..."
    asks_speaker: bool  # "who said ...?": every entry tells who is quoted
    about_article: bool  # asks about the article's own publication ("when was it published")
    about_bot: bool  # asks about the bot itself or its opinion ("who made you", "do you think")
    asserted: tuple[str, ...]  # outcomes it takes for granted ("ended" in "when did it end")
    did: tuple[str, ...]  # stems of what a "did" question tells as done ("what did X reveal")
    names: frozenset[str]  # ids of the people and organisations it names
    name_tokens: frozenset[str]  # the tokens of those names
    swapped: str  # "ana hale": one person's first name with another's surname, or ""
    unknown_name: str  # a capitalised name the article never mentions ("Human Rights Watch")
    focus: frozenset[str]  # tokens of the noun asked about ("which *country*")
    excluded: frozenset[str]  # tokens of what a contrast sets aside ("other than *boats*")
    detail: frozenset[str]  # tokens of a reaction asked about ("how did they *respond*")
    detail_named: frozenset[str]  # stems of a detail asked for ("the *names* of", "the *title* of")
    counted: frozenset[str]  # tokens of what "how many" counts ("how many *journalists*")
    corrections: int  # how many words typo correction changed
    markup: bool  # looks like code, markup or a link rather than a question ("## Title")
    exact: bool  # asks for an exact figure ("exactly how many", "the exact number")
    addressee: bool  # asks whom something is asked of ("who are they calling on?")
    day: bool  # asks for a day of the month ("on exactly which day", "the exact date")
    now: bool  # asks how things stand now, past the article ("these days", "since then")
    names_work: bool  # asks what a work was called ("what was the investigation called")
    advice: bool  # asks about the asker's own case ("should I stop using my phone?")
    which_as_article: str  # a which-question as the article words it ("which heads of state"
    # -> "which political leaders"), or "" when no reader's phrase changes
    predicts: bool = False  # asks someone's forecast ("do they think it will work?")
    future: tuple[str, ...] = ()  # stems of deeds it asks will be done ("will it be adopted?")
    which_named: bool = False  # "which country ...?": a named one asked for, not "all states"
    findings: bool = False  # "what did the study find?": what a work found, as it reported it
    # "What kind of group is Ana's club?": the ids of the names whose kind is asked.
    kind_of: frozenset[str] = frozenset()
    # Who it says did what ("did Ana hack ..."): the ids named, the verb's tokens.
    deeds_by: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    reporters_view: bool = False  # asks the reporter's own view ("what does the author think?")
    happened: bool = False  # asks what happened ("what came of it?"): only an event tells
    within: str = ""  # the place a "where in" asks inside ("where in *Spain*")
    specifics: str = ""  # the noun whose particular members it asks ("what specific *measures*")
    names_set_aside: frozenset[str] = frozenset()  # ids of those a contrast sets aside
    named_by_name: frozenset[str] = frozenset()  # ids it names by name, not by title
    # The tokens of the two alternatives of "A or B" ("is the ban on *selling* or *using*
    # it?"); either may be what the article does not say, if it says the other.
    alternatives: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())


# Names: each name word -> the ids it belongs to, and whether it starts or ends a name.
@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
@dataclass(frozen=True, slots=True)
class NameParts:
    owners: Mapping[str, frozenset[str]]
    firsts: frozenset[str]
    lasts: frozenset[str]
    pairs: frozenset[tuple[str, str]] = frozenset()  # words next to each other in a name
    by_name: Mapping[str, frozenset[str]] = field(default_factory=dict)  # owners, titles left out
    spans: frozenset[str] = frozenset()  # every word of every name ("riverton city council")


# Clause breaks: punctuation, a dash, and the chat words people use as punctuation.
COMMON_NAME_ZIPF = 5.0  # "group", "states": too common to name an organisation by themselves

_CLAUSES = re.compile(
    r"[.!?;:,\n()]+|\s[-–—]+\s|\b(?:lol|lmao|lmfao|haha+|btw|but|ngl|tbh|imo|imho)\b"
    # What the asker cannot do starts a clause of its own ("... title i cant pronounce it").
    r"|\s(?=i\s+(?:can[’']?t|cannot|don[’']?t|didn[’']?t|do\s+not|never)\b)",
    re.IGNORECASE,
)
# One word, though ";" cuts clauses; spelled out too ("too long didnt read").
_TLDR = re.compile(r"\btl\s*;\s*dr\b|\btoo long,? didn[’']?t read\b", re.IGNORECASE)
_PUNCTUATION_CLAUSES = re.compile(r"[.!?;:,\n()]+|\s[-–—]+\s")  # the same, without the words
_CLAUSE_WORDS = frozenset("lol lmao lmfao btw but ngl tbh imo imho i".split())


_NOTS = frozenset("not isnt arent wasnt werent".split())
_OPPOSITE_PREFIXES = ("un", "in", "il", "ir", "im", "dis")
_ASKING_CLOSER = re.compile(r"\bor (?:what|nah|not)\W*$", re.IGNORECASE)
_QUOTE_MARKS = frozenset("'\"‘’“”")
# A quoted phrase, then a verb of seeming and the rest of the clause: "... 'X' sounds dramatic".
_QUOTED_REACTION = re.compile(
    r"(?:^|(?<=\s))['\"‘“](?P<phrase>[^'\"‘’“”]{3,80})['\"’”](?=\s|$|[?!])"
    r"(?P<after>\s+(?:is|sounds|seems|feels|looks|goes|went|was)\b.*)$",
    re.IGNORECASE,
)
_QUOTED_RUN = 3  # this many words of the article in a row are a phrase of it
_REACTION_SPAN = 5  # "'X' is a pretty wild phrase": the most words a reaction takes


def _counted_head(after: list[str]) -> list[str]:
    """What "how many" counts: the last word of the noun after it ("how many phone *numbers*
    were ...", not phones)."""
    noun = list(itertools.takewhile(lambda w: w not in STOPWORDS, after[:_COUNTED_SPAN]))
    return noun[-1:] if len(noun) > 1 and noun[-1] in _COUNTED_HEADS else after[:1]


_COUNTED_SPAN = 3  # "how many [human rights defenders]": the most words of the noun
_COUNTED_HEADS = frozenset("number numbers".split())  # "phone numbers" are no phones


def _once(text: str, word: str) -> str:
    """ "tldr?? too long didnt read" is one request: the word's later repeats left out."""
    if text.count(word) < 2:
        return text  # the common case
    first = text.index(word) + len(word)
    return text[:first] + re.sub(rf"\b{word}\b", "", text[first:])


def clauses_of(text: str) -> list[str]:
    """`text` cut at punctuation, dashes and chat words ("lol", "but"). Most questions have
    no such word, and are cut by the far quicker punctuation pattern."""
    # Folding joins words across an apostrophe ("lol's"), where the pattern sees two.
    plain_ascii = text.isascii() and "haha" not in text.lower() and "'" not in text
    if plain_ascii and _CLAUSE_WORDS.isdisjoint(words(text)):
        return _PUNCTUATION_CLAUSES.split(text)
    return _CLAUSES.split(text)


_TIME_NOUNS = frozenset("year date month day time week decade".split())
_WHY_VERBS = frozenset(
    "made prompted led caused triggered motivated drove sparked spurred inspired pushed "
    "behind".split()
)
_PREPOSITIONS = frozenset(
    "in on at for by to of from since until till with under after before about during against "
    "into toward towards upon over through between among within across".split()
)
_WH = {
    "who": Kind.WHO,
    "whom": Kind.WHO,
    "whose": Kind.WHO,
    "whos": Kind.WHO,
    "what": Kind.WHAT,
    "whats": Kind.WHAT,
    "wat": Kind.WHAT,
    "wht": Kind.WHAT,
    "wut": Kind.WHAT,
    "which": Kind.WHAT,
    "whta": Kind.WHAT,
    "when": Kind.WHEN,
    "where": Kind.WHERE,
    "wheres": Kind.WHERE,
    "why": Kind.WHY,
    "how": Kind.HOW,
    "hw": Kind.HOW,
}


_OR_TAIL = (["or", "is"], ["or", "are"], ["or", "am"], ["or", "was"], ["or", "do"])


def _by_edge(phrases: Sequence[list[str]], edge: int) -> dict[str, list[list[str]]]:
    """Phrases by their first (edge 0) or last (edge -1) word, longest first."""
    found: dict[str, list[list[str]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        found.setdefault(phrase[edge], []).append(phrase)
    return found


_OPENERS = _by_edge(CHAT_OPENERS, 0)
_CLOSERS = _by_edge(CHAT_CLOSERS, -1)
_CHAT_PHRASES = frozenset(tuple(p) for p in (*CHAT_OPENERS, *CHAT_CLOSERS))


def strip_chat(found: Sequence[str]) -> list[str]:
    """The words without chat openers ("ok so", "can someone explain") and closers ("or
    what", "lol", "or is that overblown") around them; the words themselves when nothing
    else would be left."""
    out = _without_or_tail(list(found))
    out = _without_heard_before(out) if out else out
    changed = True
    while changed and out:
        out, opened = _without_opener(out)
        out, closed = _without_closer(out)
        out, aside = _without_purpose(out)
        changed = opened or closed or aside
    return out


_PURPOSE_SPAN = 6  # "for my intro to law class": the most words a purpose aside takes
_BECAUSE = frozenset("bc because cause cuz coz cos since as".split())


def _without_purpose(out: list[str]) -> tuple[list[str], bool]:
    """The words without an aside on why the asker asks, leading ("for my class, who ...")
    or trailing ("..., asking for my journalism class", "asking bc of a debate"), and whether
    one was cut; never all of them."""
    for i in range(max(0, len(out) - _PURPOSE_SPAN - 2), len(out) - 1):
        if out[i] == "asking" and out[i + 1] in _BECAUSE:
            return out[:i], True
    if "for" not in out:
        return out, False
    for end in range(min(_PURPOSE_SPAN, len(out) - 1), 1, -1):
        if out[0] == "for" and out[end - 1] in PURPOSE_NOUNS:
            return out[end:], True
    return _without_trailing_purpose(out)


def _without_trailing_purpose(out: list[str]) -> tuple[list[str], bool]:
    # "... asking for a debate thing": the purpose noun may come before a vague one.
    last = out[-2] if out[-1] in ("thing", "stuff") and len(out) > 2 else out[-1]
    for start in range(max(1, len(out) - _PURPOSE_SPAN), len(out) - 1):
        if out[start] == "for" and last in PURPOSE_NOUNS:
            cut = start - 1 if out[start - 1] in ("asking", "its", "is") else start
            return out[:cut], True
    return out, False


def _without_or_tail(out: list[str]) -> list[str]:
    """The words cut before a trailing "or is ...", "or are ..." among the last few words,
    or before the asker doubting themselves anywhere after the question ("... or am i
    reading too much into it")."""
    if "or" not in out:
        return out  # both kinds of tail start with "or"
    for i in range(2, len(out) - 2):
        if out[i : i + 3] in _SELF_DOUBT:
            return out[:i]
    for i in range(max(1, len(out) - 5), len(out) - 1):
        if out[i : i + 2] in _OR_TAIL:
            return out[:i]
    return out


_SELF_DOUBT = (["or", "am", "i"], ["or", "did", "i"])  # the asker, not the topic


def _without_opener(out: list[str]) -> tuple[list[str], bool]:
    """The (non-empty) words without their longest chat opener, and whether one was cut;
    never all of them."""
    for phrase in _OPENERS.get(out[0], ()):
        if out[: len(phrase)] == phrase and len(out) > len(phrase):
            return out[len(phrase) :], True
    return out, False


def _without_heard_before(out: list[str]) -> list[str]:
    """ "never heard of the firm b4": the asker's "before", no "repeatedly" of the article."""
    if out[-1] in ("b4", "before") and "heard" in out:
        return out[:-1]
    return out


def _without_closer(out: list[str]) -> tuple[list[str], bool]:
    """The (non-empty) words without their longest chat closer, and whether one was cut;
    never all of them."""
    for phrase in _CLOSERS.get(out[-1], ()):
        if out[-len(phrase) :] == phrase and len(out) > len(phrase):
            if phrase in (["again"], ["wild"]) and out[-2] in _PHRASED_WITH[phrase[0]]:
                continue  # "start again", "run wild": what is asked, not "remind me", "wow"
            return out[: -len(phrase)], True
    return out, False


# Verbs that "again" completes ("could sales start again"): a resumption, not a reminder.
_RESUMED = frozenset("start starts started begin begins began sell sold happen happens".split())
_PHRASED_WITH = {
    "again": _RESUMED,
    "wild": frozenset("run runs running ran go goes going went gone".split()),
}


def _wh_kinds(found: Sequence[str], at: int) -> frozenset[Kind]:
    """The kinds asked by the question word at `found[at]` (and "and when" after it)."""
    word, after = found[at], found[at + 1 : at + 3]
    if word == "whose":  # "whose devices", "whose export deals": a who or a what
        return frozenset({Kind.WHO, Kind.WHAT})
    kind = _WH[word]
    if kind is Kind.HOW:
        return _how_kinds(after)
    if kind is Kind.WHAT:
        return _what_word_kinds(found, at)
    if at > 0 and found[at - 1] in ("until", "till"):
        return frozenset({Kind.HOW_LONG})
    return frozenset({kind, *_and_wh(found, at, after)} - {Kind.HOW})


def _what_word_kinds(found: Sequence[str], at: int) -> frozenset[Kind]:
    """The kinds asked by "what" or "which" at `found[at]`."""
    if _until_what(found, at):
        return frozenset({Kind.HOW_LONG})
    if _people_noun_at(found, at + 1) is not None:
        return frozenset({Kind.WHO})  # "which (group of) people": a who
    # "what was the date of ...": the time noun after "is the" or "was the" asks when.
    after = found[at + 1 : at + 3]
    dated = list(after) in (["is", "the"], ["was", "the"]) and found[at + 3 : at + 4]
    return _what_kinds(found[at], found[at + 3 : at + 4] if dated else after)


def _until_what(found: Sequence[str], at: int) -> bool:
    """ "Until what point ...": a limit, as "until when" is."""
    until = at > 0 and found[at - 1] in ("until", "till")
    return until and found[at + 1 : at + 2] in (["point"], ["time"], ["date"], ["stage"])


def _what_kinds(word: str, after: Sequence[str]) -> frozenset[Kind]:
    """The kinds asked by "what"/"which" (`word`), given the two words `after` it."""
    if any(w in _TIME_NOUNS for w in after):
        return frozenset({Kind.WHEN})
    # "what made ...", "what is behind ..."
    verb = after[1:2] if list(after[:1]) in (["is"], ["was"]) else after[:1]
    why_verb = any(w in _WHY_VERBS for w in verb)
    if why_verb or "reason" in after or after == ["for"]:
        return frozenset({Kind.WHY})
    # "which experts" asks for people as often as for things.
    return frozenset({Kind.WHAT, Kind.WHO} if word == "which" else {Kind.WHAT})


def _and_wh(found: Sequence[str], at: int, after: Sequence[str]) -> set[Kind]:
    """The kind of a second question word joined by "and" ("where and when"), if any."""
    return (
        {_WH[found[at + 2]]}
        if after[:1] == ["and"] and found[at + 2 : at + 3] and (found[at + 2] in _WH)
        else set()
    )


def _how_kinds(after: Sequence[str]) -> frozenset[Kind]:
    if after[:1] in (["many"], ["much"]):
        return frozenset({Kind.HOW_MANY})
    if after[:1] == ["long"]:
        return frozenset({Kind.WHEN} if after[1:2] == ["ago"] else {Kind.HOW_LONG})
    if after[:1] == ["come"]:
        return frozenset({Kind.WHY})
    return frozenset({Kind.HOW, Kind.WHAT})  # "how did the mayor describe ..." asks what he said


def kinds_of(found: Sequence[str], ends_with_question_mark: bool) -> frozenset[Kind]:
    """What a question (folded words, chat stripped) asks for: its question word at the start
    (after a preposition: "in what year") or the end ("the bridge was built by who"), else a
    yes-no question (an auxiliary first, "if"/"whether", or a statement with "?")."""
    if not found:
        return frozenset()
    start = 1 if found[0] in _PREPOSITIONS and len(found) > 1 else 0
    if found[start] in _WH:
        return _leading_wh(found, start)
    if _asks_last(found):
        inside = _asked_before_and_where(found)
        return _wh_kinds(found, inside if inside is not None else len(found) - 1)
    return _kinds_without_a_leading_word(found, ends_with_question_mark)


def _kinds_without_a_leading_word(found: Sequence[str], question_mark: bool) -> frozenset[Kind]:
    if _asks_for_detail(found):
        return _what_kinds("what", found[1:3])  # "(i need) the name of the ...", "the date of"
    if len(found) > 1 and found[-1] in _COUNT_NOUNS and FUNCTION_WORDS.isdisjoint(found):
        return frozenset({Kind.HOW_MANY})  # "targeted devices count": keywords for how many
    asked = _asked_in_place(found) if "which" in found or "what" in found else 0
    return _wh_kinds(found, asked) if asked else _yes_no_kinds(found, question_mark)


def _as_named(found: list[str]) -> list[str]:
    """ "Which country is *identified as* its home?" asks which is its home; "which clients
    were identified?" still asks who was named."""
    if _IDENTIFYING.isdisjoint(found):
        return found
    return [
        w
        for w, after in zip(found, [*found[1:], ""], strict=True)
        if not (w in _IDENTIFYING and after == "as")
    ]


_IDENTIFYING = frozenset("identify identifies identified identifying".split())


def _without_back_then(found: list[str]) -> list[str]:
    """ "did they do it *back then*?": when it was done, not anyone's former post (as in "who
    held the post back then")."""
    pairs = list(itertools.pairwise(found))
    if ("back", "then") not in pairs:
        return found
    at = pairs.index(("back", "then"))
    return [*found[:at], *found[at + 2 :]]


def put_in_place_joined(found: list[str]) -> list[str]:
    """ "put the ban in place" is "put in place the ban": a phrase split by its object (up to
    three words), joined so that it reads as the phrase."""
    if "put" not in found:
        return found
    at = found.index("put")
    for end in range(at + 2, min(at + 5, len(found) - 1)):
        if tuple(found[end : end + 2]) in _PUT_ENDINGS:
            return [
                *found[: at + 1],
                *found[end : end + 2],
                *found[at + 1 : end],
                *found[end + 2 :],
            ]
    return found


_PUT_ENDINGS = frozenset({("in", "place"), ("into", "place"), ("into", "effect"), ("in", "force")})


def appearing_as_published(found: list[str]) -> list[str]:
    """ "When did the report *appear*?": a work appears when it is published, said last or
    before a date (a person appears before a body, a name in a byline, a piece in a paper)."""
    if _APPEARING.isdisjoint(found):
        return found
    at = next(i for i, w in enumerate(found) if w in _APPEARING)
    work = not _WORKS_PUBLISHED.isdisjoint(found[max(0, at - 3) : at])
    after = found[at + 1 : at + 3]
    dated = not after or (after[0] in ("in", "on") and any(c.isdigit() for c in after[-1]))
    return [*found[:at], "published", *found[at + 1 :]] if work and dated else found


_APPEARING = frozenset("appear appeared".split())
_WORKS_PUBLISHED = frozenset("report reports findings article story piece study".split())


def imperative_asked(found: list[str]) -> list[str]:
    """ "Name the firm behind it", "tell me the two groups that ...", "list three rights": a
    request, asked as "which ..."."""
    if len(found) < 3 or found[0] not in _ASKING_VERBS:
        return found
    at = 2 if found[1] in ("me", "us") else 1
    # "Name the experts" asks for their names ("what name ..."), which a list of them gives;
    # "name the firm" asks which firm.
    if found[at] in ("the", "a", "an"):
        named = found[0] == "name" and any(plural_noun(w) for w in _noun_run(found[at + 1 :]))
        return [*(["what", "name"] if named else ["which"]), *found[at + 1 :]]
    asked = ["what", "name"] if found[0] == "name" else ["which"]
    return [*asked, *found[at:]] if found[at] in _COUNTED else found


_KINDS = frozenset("kind sort type kinds sorts types".split())


def _noun_run(found: Sequence[str]) -> list[str]:
    """The words up to the first stopword ("club members" of "club members who voted")."""
    out: list[str] = []
    for word in found[:_NOUN_RUN]:
        if word in STOPWORDS:
            break
        out.append(word)
    return out


_NOUN_RUN = 3
_COUNT_NOUNS = frozenset("count tally".split())
_ASKING_VERBS = frozenset("name list identify give tell cite specify".split())
_COUNTED = frozenset("two three four five both all".split())


def _asks_for_detail(found: Sequence[str]) -> bool:
    """ "the name of the rapporteur pls": a request, asked as "what is the name of"."""
    return found[0] == "the" and found[2:3] == ["of"] and found[1] in _DETAILS_ASKED


_DETAILS_ASKED = frozenset("name names title date number year".split())


def _asked_before_and_where(found: Sequence[str]) -> int | None:
    """ "'a turning point', who said that and where": who is asked; "and where" asks where
    in the text, which every answer shows. The earlier question word's place, or None."""
    if found[-2:] != ["and", "where"]:
        return None
    return next((i for i, w in enumerate(found[:-2]) if w in _WH and w != "where"), None)


def _asks_last(found: Sequence[str]) -> bool:
    """A question word last: "... built by who", not "... the how" (shuffled words)."""
    return found[-1] in _WH and len(found) > 1 and found[-2] not in ("the", "a")


def _asked_in_place(found: Sequence[str]) -> int:
    """Where "which" or "what" asks from inside a statement ("it must follow *which* rules?",
    "in line with *what* principles"): after a preposition or a verb of following; not the
    "which" of a relative clause ("the report, which ..."). 0 if none."""
    return next(
        (
            i
            for i, w in enumerate(found[1:-1], 1)
            if w in ("which", "what")
            and (found[i - 1] in _PREPOSITIONS or found[i - 1] in _FOLLOWING)
        ),
        0,
    )


_FOLLOWING = frozenset("follow follows followed meet meets met use uses used obey obeys".split())


def _yes_no_kinds(found: Sequence[str], ends_with_question_mark: bool) -> frozenset[Kind]:
    """Yes-no for a (non-empty) question without a question word: an auxiliary first,
    "if"/"whether", or a statement with "?"; else none."""
    if len(found) > 1 and (found[0] in AUXILIARIES or found[0] in ("if", "whether")):
        return frozenset({Kind.YES_NO})
    # A statement with "?" ("the plan was dropped?"), not a lone keyword ("budget?") nor
    # keywords with no word to join them ("budget mayor vote council?").
    statement = ends_with_question_mark and len(found) >= 3 and not FUNCTION_WORDS.isdisjoint(found)
    return frozenset({Kind.YES_NO}) if statement else frozenset()


def _leading_wh(found: Sequence[str], start: int) -> frozenset[Kind]:
    """The kinds of a question word at `start` (0, or 1 after a preposition)."""
    word = found[start]
    if word in ("what", "how") and found[start + 1 : start + 2] == ["about"]:
        return frozenset()  # "what about the budget?": a keyword with a prompt
    if start and word == "when":
        return _when_after(found[0]) or _wh_kinds(found, start)
    if word in ("where", "wheres") and _asks_for_passage(found[start + 1 :]):
        return frozenset()  # "where does it say that?": the passage, which every answer shows
    return _wh_kinds(found, start)


def _when_after(preposition: str) -> frozenset[Kind]:
    """ "until when": how long; "since when": when; else nothing special."""
    if preposition in ("until", "till"):
        return frozenset({Kind.HOW_LONG})
    return frozenset({Kind.WHEN}) if preposition == "since" else frozenset()


def _asks_for_passage(after: Sequence[str]) -> bool:
    """ "(where) in the article", "(where) does it say", "(where) is that mentioned": where in
    the text, not a place."""
    if after[:1] == ["in"] and after[1:3] in (["the", "article"], ["the", "text"]):
        return True
    # "does *it* say", "does *the article* say"; not "does the firm come from".
    text = (after[1:2] and after[1] in _THE_TEXT) or after[1:3] in _THE_ARTICLE
    return after[:1] in _ASKING_AUX and bool(text) and any(w in _PASSAGE_VERBS for w in after[2:6])


_THE_TEXT = frozenset("it that this they".split())
_THE_ARTICLE = [["the", w] for w in "article text story piece phrase word quote".split()]
_ASKING_AUX = (["does"], ["did"], ["do"], ["is"], ["was"], ["are"])
_PASSAGE_VERBS = frozenset(
    "say says said mention mentioned mentions state stated states write written talk come comes"
    " appear appears show shows feature features".split()
)


def is_negated_question(found: Sequence[str], asks: frozenset[Kind]) -> bool:
    """Negated, and not a confirming question ("isn't it true that ...")."""
    return not _confirming(found, asks) and is_negated(found)


def is_negated(found: Sequence[str]) -> bool:
    """Negation anywhere but a leading auxiliary ("wasnt there ...?" asks for confirmation:
    it means "was there ...?"), "not just" or "not only"."""
    if NEGATIONS.isdisjoint(found) and _NEGATION_LEADS.isdisjoint(found):
        return False  # most questions: nothing below could find one
    rest = list(found[1:] if found[:1] and found[0] in NEGATIVE_AUXILIARIES else found)
    rest = _without_condition(rest)
    pairs = list(itertools.pairwise(rest))
    _drop_non_negating(rest, pairs)
    return any(w in NEGATIONS for w in rest) or any(p in pairs for p in NEGATION_PHRASES)


def negated_verb(found: Sequence[str]) -> str:
    """The word a negation negates: the first after "not", "didnt", "never" that is no
    auxiliary ("did they not *adopt*", "should it not be *lifted*", "refrain from *selling*"),
    or "" when there is none or it could be any deed ("what must they not *do*")."""
    for i, word in enumerate(found):
        if word in NEGATIONS:
            verb = next((w for w in found[i + 1 :] if w not in _NOT_THE_VERB), "")
            return "" if verb in ANY_DEED else verb
    return ""


_NOT_THE_VERB = _PREPOSITIONS | frozenset(
    "to be been being have has had yet even ever also just really actually all quite fully "
    "entirely completely".split()
)
# Verbs that say nothing of which deed is negated ("what must they not *do*", "should not
# *allow* it to be sold"): a negation of one of them may be of any deed.
ANY_DEED = frozenset(
    "do doing done happen happens allow allowed allowing let permit permitted supposed "
    "meant expected make made take took taken get got".split()
)


def _drop_non_negating(rest: list[str], pairs: list[tuple[str, str]]) -> None:
    """Blank out, in place, "not just", "not only" and what the asker cannot do."""
    for i, pair in enumerate(pairs):
        if pair in NOT_NEGATING or (pair[0] in NEGATIONS and rest[i + 1 : i + 3] == _FIRST):
            rest[i] = ""  # "not just", "isnt the first time" (it happened before)
        elif pair[0] == "i":
            _drop_askers_negation(rest, i + 1)


_FIRST = ["the", "first"]


def _drop_askers_negation(rest: list[str], at: int) -> None:
    """ "i cant pronounce it", "i do not get it": what the asker cannot do negates nothing
    asked."""
    if rest[at] in NEGATIONS:
        rest[at] = ""
    elif rest[at] in AUXILIARIES and rest[at + 1 : at + 2] == ["not"]:
        rest[at + 1] = ""


_NEGATION_LEADS = frozenset(first for first, _ in NEGATION_PHRASES)


def _without_condition(found: list[str]) -> list[str]:
    """The words without a leading condition ("if they didnt ban it, what did they do?") or
    a trailing one ("what should happen while there is no plan yet?"): its negation is the
    premise's, not the question's."""
    after = next((i for i, w in enumerate(found) if i and w in _SUBORDINATING), 0)
    found = found[:after] if after else found
    if found[:1] != ["if"]:
        return found
    asked = next((i for i, w in enumerate(found) if w in _WH), 0)
    return found[asked:] if asked else found


# A clause after one of these, past the question's start, tells a circumstance, not what is asked.
_SUBORDINATING = frozenset("while whilst because although though whereas".split())


def _confirming(found: Sequence[str], asks: frozenset[Kind]) -> bool:
    """ "Is the ban not meant to be permanent?": a yes-no question with "not" just after its
    subject asks to confirm, like "isn't the ban ...?"."""
    return (
        asks == {Kind.YES_NO}
        and found[:1] != []
        and "not" in found[1:5]
        and (found[0] in AUXILIARIES)
    )


def is_contrasted(found: Sequence[str]) -> bool:
    """ "besides X", "other than X", "apart from X", "which other X": the rest of a list is
    asked for."""
    if _contrast_ends(found):
        return True
    return "other" in found and any(p in IMPLIED_CONTRASTS for p in itertools.pairwise(found))


def _contrast_ends(found: Sequence[str]) -> list[int]:
    """Where each contrast's marker ends ("besides", "other than"): what it sets aside follows."""
    return [
        i + 1
        for i, w in enumerate(found)
        if w in CONTRASTS or (i and (found[i - 1], w) in CONTRAST_PHRASES)
    ]


_EXCLUDED_SPAN = 4  # "other than [its mobile phones]": the most words an exclusion takes


def excluded_words(found: Sequence[str]) -> list[str]:
    """The words a contrast sets aside: "other than *mobile phones*", "besides *the mayor*"
    (up to the next question word or verb-like auxiliary)."""
    out: list[str] = []
    for after in _contrast_ends(found):
        for w in found[after : after + _EXCLUDED_SPAN]:
            if w in _WH or w in AUXILIARIES:
                break
            out.append(w)
    return out


def asks_speaker(found: Sequence[str], asks: frozenset[Kind]) -> bool:
    """ "who said that?", "who warned about ...", "'a free-for-all', who said that": who is
    quoted."""
    if Kind.WHO not in asks:
        return False
    after_who = any(a == "who" and b in SPEECH_VERBS for a, b in itertools.pairwise(found))
    return after_who or any(w in SPEECH_VERBS for w in found[:4])


def about_article(found: Sequence[str]) -> bool:
    """The article itself and its publication ("who published this article?"). A "post" is
    the article only as "this post": "what post did he hold when he wrote it" asks a job."""
    if PUBLICATION_VERBS.isdisjoint(found):
        return False
    posted = any(pair in (("this", "post"), ("that", "post")) for pair in itertools.pairwise(found))
    return posted or not (ARTICLE_WORDS - {"post"}).isdisjoint(found)


# The bot as the one asked about: "who made you", "do you think ...", "your opinion".
_MAKING = frozenset("made make makes created create built build programmed coded designed".split())
_OPINING = frozenset(
    "think thinks believe believes reckon reckons feel feels expect expects".split()
)
_WORKING = frozenset("work works function operate decide choose".split())
_YOUR_OWN = frozenset(
    "opinion view views thoughts take creator maker instructions prompt prompts rules".split()
)


_ASKING_YOU = frozenset({("are", "you"), ("r", "you"), ("were", "you")})


def about_the_bot(found: Sequence[str]) -> bool:
    """Asks about the bot itself, or for its own opinion, which no article passage gives."""
    for a, b in itertools.pairwise(found):
        if (a in _MAKING and b == "you") or (a == "you" and b in _OPINING):
            return True
        if (a, b) in _ASKING_YOU or (a == "your" and b in _YOUR_OWN):
            return True
    return _asks_how_you_work(found)


def _asks_how_you_work(found: Sequence[str]) -> bool:
    """ "how do you (even) work?", "do you work for ...": the bot's own workings."""
    return any(
        w == "you" and not _WORKING.isdisjoint(found[i + 1 : i + 3]) for i, w in enumerate(found)
    )


_CONFIRMING_TAGS = (
    ["true", "or", "nah"],
    ["true", "or", "not"],
    ["true", "or", "false"],
    ["is", "that", "true"],
    ["is", "that", "right"],
    ["or", "nah"],
)


def is_embedded_question(found: Sequence[str]) -> bool:
    """ "what the council is", "who they are": a question in a statement's word order (its
    verb last), said in passing ("idk what ... is")."""
    return (
        len(found) >= 3
        and found[0] in _WH
        and found[1] not in AUXILIARIES
        and found[-1] in _EMBEDDED_VERBS
    )


_EMBEDDED_VERBS = frozenset("is are was were means mean meant".split())


def is_tag(found: Sequence[str]) -> bool:
    """ "is it", "isnt it", "do they", "right": a tag asking to confirm what came before."""
    confirm = ("right", "true", "correct", "so")
    aux_pronoun = len(found) in (2, 3) and found[0] in AUXILIARIES and found[1] in PRONOUNS
    aux_pronoun = aux_pronoun and (len(found) == 2 or (found[2] in PRONOUNS or found[2] in confirm))
    asked = list(found) in ([c] for c in confirm) or list(found) in _CONFIRMING_TAGS
    return aux_pronoun or asked


def asserted_outcomes(found: Sequence[str], nouns: frozenset[int] = frozenset()) -> tuple[str, ...]:
    """Stems of the outcomes a question takes as having happened: a past "ended", "lifted",
    "resigned" (or "did ... end"), unless it only asks what would, could or should happen.
    A word after a determiner, a number or a possessive is a noun ("the ban", "the council's ban");
    so are the positions in `nouns`."""
    vetoed, condition = _kept_open(found, nouns)
    if vetoed:
        return ()
    past = _in_past_tense(found)
    asserted = tuple(
        stem(w)
        for i, w in enumerate(found)
        if w in PREMISE_VERBS and i not in nouns and _told_as_outcome(found, i, past, condition)
    )
    if condition is not None:
        return asserted
    return (*asserted, *_phrasal_outcomes(found, past), *_ended_up_doing(found, past))


def lasting_asserted(found: Sequence[str], asks: frozenset[Kind]) -> tuple[str, ...]:
    """ "How long *did* the ban last?" takes it as having been in force: the stems of
    its verbs of lasting, which the entry must state ("how long should it last?" takes
    nothing)."""
    if Kind.HOW_LONG not in asks or "did" not in found:
        return ()
    start = found.index("did") + 1
    return tuple(
        stem(w)
        for i, w in enumerate(found[start:], start)
        if w in _LASTING and found[i - 1] not in _WISHED  # "did he want it *to* last?"
    )


_LASTING = frozenset("last stay remain run continue".split())
_WISHED = frozenset("to should would could will must might may".split())


def told_as_done(found: Sequence[str]) -> tuple[str, ...]:
    """Stems of the plain verbs after "did" ("what did the city *reveal*"): told as done, unless
    the question is of what would be, or asks what someone was urged to do ("did they urge it
    *to* reveal")."""
    if "did" not in found:
        return ()
    vetoed, condition = _kept_open(found)
    if vetoed or condition is not None:
        return ()
    start = found.index("did") + 1
    return tuple(
        stem(w)
        for i, w in enumerate(found[start:], start)
        if w not in STOPWORDS
        and stem(w) == w
        and found[i - 1] != "to"
        and not _after_determiner(found, i)
    )


def _kept_open(
    found: Sequence[str], nouns: frozenset[int] = frozenset()
) -> tuple[bool, int | None]:
    """Whether a word of wish or doubt ("would", "whether") keeps every outcome open, and
    where the last condition word ("until", "before") stands, if any."""
    open_at = [
        i for i, w in enumerate(found) if w in NON_ASSERTING and _keeps_open(found, i, nouns)
    ]
    vetoed = any(found[i] not in CONDITION_WORDS for i in open_at)
    return vetoed, (open_at[-1] if open_at else None)


def _keeps_open(found: Sequence[str], i: int, nouns: frozenset[int]) -> bool:
    """The wish word at `i` is one: not a noun after a determiner ("after this call"; "this
    could ..." is no noun) or a possessive ("after the experts' call"; "the mayor's proposed
    ban" still wishes), nor past in a clause of time, nor describing a noun."""
    w = found[i]
    if not (w in _MODALS or not _after_determiner(found, i)) or (i in nouns and not is_past(w)):
        return False
    return not _in_past_time_clause(found, i) and not _describes_a_noun(found, i)


def _describes_a_noun(found: Sequence[str], i: int) -> bool:
    """ "enforce the ban *the mayor proposed*": a past wish after a noun and its subject
    tells which noun, and keeps nothing open."""
    before = found[max(0, i - 2) : i]
    wish = found[i + 1 : i + 2] == ["to"]  # "the ban was supposed to ...": a wish still
    return is_past(found[i]) and not wish and len(before) == 2 and STOPWORDS.isdisjoint(before)


def _in_past_time_clause(found: Sequence[str], i: int) -> bool:
    """ "what did she reveal *after they asked*?": a wish that is past, in a clause of time,
    tells when; it keeps nothing open."""
    return is_past(found[i]) and not _TIME_CONJUNCTIONS.isdisjoint(found[max(0, i - 4) : i])


_TIME_CONJUNCTIONS = frozenset("after when once since".split())
_MODALS = frozenset("would could should might must shall wud cud shud".split())


def _told_as_outcome(found: Sequence[str], i: int, past: bool, condition: int | None) -> bool:
    """The premise verb at `i` is told as having happened: in the past, not as one of two
    options, not "ended up" (what came of it), and told as past after a condition word."""
    if _an_alternative(found, i) or (found[i] in _ENDING and found[i + 1 : i + 2] == ["up"]):
        return False  # "ended up": what came of it; "signed up to" is signing
    if condition is not None and not _past_after_condition(found, condition, i):
        return False
    if found[max(0, i - 3) : i] in (["come", "to", "an"], ["came", "to", "an"]):
        return past or found[i - 3] == "came"  # "when did it come to an end": it ended
    return is_past(found[i]) or (past and not _after_determiner(found, i))


def _ended_up_doing(found: Sequence[str], past: bool) -> list[str]:
    """ "did the firm end up disclosing": what it ended up doing is the outcome."""
    return [
        stem(after)
        for verb, up, after in zip(found, found[1:], found[2:], strict=False)
        if verb in ("end", "ended")
        and up == "up"
        and (past or verb == "ended")
        and stem(after) in _PREMISE_STEMS
    ]


_PREMISE_STEMS = frozenset(stem(w) for w in PREMISE_VERBS)
_ENDING = frozenset("end ends ended ending".split())


def _past_after_condition(found: Sequence[str], condition: int, i: int) -> bool:
    """The verb at `i` is told as past after the condition word at `condition` ("before it
    *was lifted*", "until it *ended*"), not as what may come ("until it is lifted")."""
    between = found[condition + 1 : i]
    return i > condition and is_past(found[i]) and UNSETTLED_AUXILIARIES.isdisjoint(between)


def _phrasal_outcomes(found: Sequence[str], past: bool) -> list[str]:
    """ "took over from him" (he was succeeded), "stepped down": outcomes said with a particle."""
    out = []
    for i, verb in enumerate(found):
        # "left them out": the particle may come after a short object.
        particles = found[i + 1 : i + 2 + _PHRASAL_OBJECT]
        meant = next(
            (PHRASAL_PREMISES[(verb, p)] for p in particles if (verb, p) in PHRASAL_PREMISES), ""
        )
        if meant and (verb in IRREGULAR_PAST or is_past(verb) or past):
            out.append(stem(meant))
    return out


_PHRASAL_OBJECT = 2  # "left [the journalists] out": the most words between verb and particle


def reactions_asked(found: Sequence[str]) -> list[str]:
    """The reactions a question asks about ("how did they *respond*?", "their *reaction*"),
    but not a cause ("a response to what?")."""
    return [w for i, w in enumerate(found) if w in REACTION_WORDS and not _asks_cause(found, i)]


def _asks_cause(found: Sequence[str], i: int) -> bool:
    """ "a response to?", "in response to what": what prompted it, not how anyone reacted."""
    after = found[i + 1 : i + 3]
    return found[i].startswith("respons") and after[:1] == ["to"] and after[1:] in ([], ["what"])


def _an_alternative(found: Sequence[str], i: int) -> bool:
    """ "rather than *impose* it", "instead of *adopting* it": what was not done."""
    return found[i - 1 : i] == ["than"] or found[max(i - 2, 0) : i] == ["instead", "of"]


def _in_past_tense(found: Sequence[str]) -> bool:
    """A perfect ("has ended") or a past auxiliary ("did it end"): bare verbs are past too."""
    perfect = any(a in PERFECT_AUXILIARIES and is_past(b) for a, b in itertools.pairwise(found))
    return perfect or any(w in PAST_AUXILIARIES for w in found)


def _after_determiner(found: Sequence[str], i: int) -> bool:
    """`found[i]` follows a determiner or a number ("the ban", "2 bans"): a noun, not a verb."""
    before = found[i - 1] if i else ""
    if before in DETERMINERS or before.isdigit():
        return True
    # "a global ban", "the temporary halt": an adjective between.
    return i > 1 and found[i - 2] in DETERMINERS and before.endswith(_ADJECTIVE_ENDINGS)


_ADJECTIVE_ENDINGS = ("al", "ary", "ive", "ous", "wide", "ful", "ic")


def is_past(word: str) -> bool:
    return word.endswith("ed") or word in IRREGULAR_PAST


_MARKUP = re.compile(r"^\s*#{1,6}\s|```|</?[a-z][^>]*>|[{}]|https?://|www\.", re.IGNORECASE)
_CODE = re.compile(
    r"\b(?:select|insert|delete|drop)\b.*\b(?:from|into|table|where)\b"
    r"|\b(?:def|function|var|const|import)\s+\w+\s*[=(]",
    re.IGNORECASE,
)
# What each pattern cannot match without: most questions have none, and skip the patterns.
_MARKUP_HINTS = ("#", "`", "<", "{", "}", "http", "www.")
_CODE_HINTS = ("select", "insert", "delete", "drop", "def", "function", "var", "const", "import")


def _has_markup(text: str) -> bool:
    lowered = text.lower()
    markup = any(h in lowered for h in _MARKUP_HINTS) and _MARKUP.search(text) is not None
    return markup or (any(h in lowered for h in _CODE_HINTS) and _CODE.search(text) is not None)


_SYMBOL = re.compile(r"[^\w\s]")
REPEATS = 5  # this many of one word, over half the text, is spam, not a question


def looks_like_markup(text: str, whole: str = "", whole_words: Sequence[str] | None = None) -> bool:
    """Code, a Markdown heading, HTML, a link, or mostly symbols: not a question to answer;
    nor is one word over and over in the `whole` message (before the bot's name is taken
    off; `whole_words`, when given, are its words)."""
    if _has_markup(text) or (len(text) >= 4 and len(_SYMBOL.findall(text)) > len(text) * 0.4):
        return True
    return is_repetition(words(whole or text) if whole_words is None else whole_words)


def is_repetition(found: Sequence[str]) -> bool:
    """ "spyware spyware spyware spyware spyware": one word making up most of many, as
    spam, not a question (read as markup)."""
    if len(found) < REPEATS or len(set(found)) > len(found) / 2 + 1:
        return False  # too short, or too many different words for one to be most of them
    most = Counter(found).most_common(1)[0][1]
    return most >= REPEATS and most > len(found) / 2


_POSSESSED_OR_COMPOUND = re.compile(r"(?:\w['’]s?\s+|\w-)([a-z]+)", re.IGNORECASE)


def _nouned(plain: str, surface: Sequence[str]) -> frozenset[int]:
    """Positions of words that follow a possessive or a hyphen ("the council's ban", "open-ended"):
    nouns or parts of one, not verbs."""
    marked = {m.group(1).lower() for m in _POSSESSED_OR_COMPOUND.finditer(plain)}
    return frozenset(i for i, w in enumerate(surface) if w in marked)


_EXACT = frozenset("exact exactly precise precisely specific".split())
_FIGURES = frozenset("many much number figure count total amount".split())


def asks_addressee(found: Sequence[str], asks: frozenset[Kind]) -> bool:
    """ "Who are the experts calling on?", "to whom is the appeal addressed?": whom a call
    is made to, not who makes it (nor whom a firm sells to)."""
    if Kind.WHO not in asks:
        return False
    for i in range(len(found) - 1):
        # "... calling on (in this)?": nothing of the topic after the particle.
        if calls_on(found, i) and STOPWORDS.issuperset(found[i + 2 :]):
            return True
    return not _ADDRESSING.isdisjoint(found) and not _APPEALS.isdisjoint(found)


def _aimed(found: Sequence[str]) -> bool:
    return any(pair in _AIMING for pair in itertools.pairwise(found))


_AIMING_VERBS = frozenset("aimed directed targeted meant".split())
_AIMING = frozenset(
    {
        ("aimed", "at"),
        ("directed", "at"),
        ("targeted", "at"),
        ("meant", "for"),
        ("aimed", "towards"),
    }
)


def calls_on(found: Sequence[str], i: int) -> bool:
    """`found[i]` is "call" (any form) with "on" or "upon": calling on someone, a demand of
    them."""
    return found[i] in _CALLING_FORMS and found[i + 1 : i + 2] in (["on"], ["upon"])


_CALLING_FORMS = frozenset("call calls called calling".split())
_ADDRESSING = frozenset("address addressed addresses addressing".split())
_APPEALS = frozenset("appeal appeals call calls demand demands plea pleas request".split())
_BANS = frozenset("ban bans halt freeze pause".split())  # what an appeal is for, by its tokens


def asks_exact(found: Sequence[str]) -> bool:
    """ "Exactly how many ...", "the exact number of ...": a precise figure is asked for; so
    is a part of a count ("how many *of the* phones were journalists'?")."""
    if not _EXACT.isdisjoint(found) and not _FIGURES.isdisjoint(found):
        return True
    if "of" not in found or "many" not in found:
        return False
    triples = zip(found, found[1:], found[2:], strict=False)
    return any(triple == ("how", "many", "of") for triple in triples)


def asks_day(found: Sequence[str]) -> bool:
    """ "On exactly which day ...", "the exact date", "what day": a day of the month."""
    if "day" not in found and "date" not in found:
        return False
    which_day = any(p in (("which", "day"), ("what", "day")) for p in itertools.pairwise(found))
    return which_day or not _EXACT.isdisjoint(found)


def taking(found: Sequence[str], asks: frozenset[Kind]) -> list[str]:
    """ "How long would it *take* to put it into effect?" asks the time a thing takes, not
    how long it lasts: a detail only a quote that tells what it takes answers."""
    if Kind.HOW_LONG not in asks:
        return []
    return [w for w in found if w in _TAKING][:1]


_TAKING = frozenset("take takes took taking".split())


def asks_name_of_work(found: Sequence[str]) -> bool:
    """ "What was the investigation called?", "what did they call their report?": the name of
    a work, which only a passage that gives it (in quotes, or "called ...") answers. "What
    did the report call for?" asks a demand."""
    if _WORKS.isdisjoint(found):
        return False
    if len(naming_call_dropped(found)) < len(_naming_use_dropped(found)):
        return True  # "what did they call their report" (not "what word did they use for it")
    if "title" in found and not _GIVING.isdisjoint(found):
        return True  # "what title did she give her report" (not "what title did she hold")
    return any(
        w in _NAMED and found[i + 1 : i + 2] not in _DEMAND_PARTICLES for i, w in enumerate(found)
    )


_WORKS = frozenset(
    """
    investigation investigations probe inquiry report study operation project campaign
    framework frameworks treaty convention regime mechanism
    """.split()
)
_NAMED = frozenset("called named titled entitled dubbed".split())
_GIVING = frozenset("give gave given giving".split())
_DEMAND_PARTICLES = (["for"], ["on"], ["upon"])


def asks_advice(found: Sequence[str]) -> bool:
    """ "Should I stop using my phone?", "how can I check whether my own phone has it?": the
    asker's own case, on which a news article gives no advice."""
    if _ADVISED.isdisjoint(found):
        return False  # every phrase below has one of these
    pairs = set(itertools.pairwise(found))
    return not pairs.isdisjoint(_ADVICE) or any(
        (a, b, c) in _ADVICE_HOW for a, b, c in zip(found, found[1:], found[2:], strict=False)
    )


_ADVICE = frozenset(
    {("should", "i"), ("my", "own"), ("is", "my"), ("has", "my"), ("was", "my")}
    | {("shud", "i"), ("shld", "i")}
)
_ADVISED = frozenset("i my".split())
_ADVICE_HOW = frozenset(
    {("how", "can", "i"), ("how", "could", "i"), ("how", "would", "i"), ("how", "do", "i")}
)


def asks_forecast(found: Sequence[str]) -> bool:
    """ "Does the author think it would actually work?": an opinion of what will come,
    which no report of what was said gives."""
    if _OPINING.isdisjoint(found):
        return False
    at = next(i for i, w in enumerate(found) if w in _OPINING)
    return not _FORECASTING.isdisjoint(found[at + 1 : at + 1 + _FORECAST_SPAN])


_FORECASTING = frozenset("will would gonna wont".split())  # not "could": possibly so


def asks_reporters_view(found: Sequence[str]) -> bool:
    """ "What does the author personally think of it?", "the reporter's opinion": the view of
    whoever wrote the report, which a news report does not give (what it says the people in
    it think is theirs: "what does the author say they think" is not asked)."""
    if _REPORTERS.isdisjoint(found):
        return False
    at = next(i for i, w in enumerate(found) if w in _REPORTERS)
    after = found[at + 1 : at + 1 + _VIEW_SPAN]
    told = next((i for i, w in enumerate(after) if w in _TELLING), len(after))
    return not _VIEWS.isdisjoint(after[:told])


def asks_what_happened(found: Sequence[str]) -> bool:
    """ "What happened after the call?", "what came of it?": an event asked for, which an
    entry that reports none cannot tell."""
    if _HAPPENING.isdisjoint(found):
        return False
    return any(
        w in _WHAT
        and (_HAPPENED.intersection(found[i + 1 : i + 3]) or found[i + 1 : i + 3] in _CAME_OF)
        for i, w in enumerate(found)
    )


_WHAT = frozenset("what whats wat".split())
# Past only: "what should happen" and "what happens to press freedom" ask for no event.
_HAPPENED = frozenset({"happened"})
_CAME_OF = (["came", "of"], ["became", "of"])
_HAPPENING = _HAPPENED | {"came", "became"}


_REPORTERS = frozenset("author authors reporter reporters writer writers columnist".split())
_VIEWS = frozenset(
    """
    think thinks feel feels believe believes opinion opinions view views stance personally
    personal support supports agree agrees favour favor favours favors
    """.split()
)
_TELLING = frozenset("say says said report reports reported write writes wrote quote".split())
_VIEW_SPAN = 3  # "the author [really] personally think": the most words between
_FORECAST_SPAN = 5  # "think [the states] will": the most words between


def place_within(found: Sequence[str], names: Mapping[str, object]) -> str:
    """ "Where in Spain is it based?", "where exactly is it based in Spain?": the place
    asked inside ("spain"), or "". After "where in" any word; later, a known name."""
    if "where" not in found:
        return ""
    at = found.index("where")
    for i in range(at, len(found) - 1):
        if found[i] == "in" and (i == at + 1 or found[i + 1] in names):
            return found[i + 1]
    return ""


def asks_findings(found: Sequence[str]) -> bool:
    """ "What did the report commissioned by the council find?", "what did the study end up
    showing?": what a work found, which only a passage that reports its findings tells."""
    if _WORKS.isdisjoint(found) or _FINDING.isdisjoint(found):
        return False
    work = next(i for i, w in enumerate(found) if w in _WORKS)
    verb = next(i for i, w in enumerate(found) if w in _FINDING)
    # "what did the report find", not "what became of the ban the report recommended"
    asked = not _WHAT_WHICH.isdisjoint(found[:work]) and not _DOING.isdisjoint(found[:work])
    return asked and 0 < verb - work <= _FINDING_SPAN


_FINDING = frozenset(
    "find finding found conclude concluded show showing showed reveal recommend recommended".split()
)
_WHAT_WHICH = frozenset("what which".split())
_FINDING_SPAN = 8  # "the report [that the council commissioned end up] finding": the most between


def asks_which_named(found: Sequence[str]) -> bool:
    """ "Which country did they single out?", "what company makes it?", "which named
    activists ...": one with a name is asked for, which "all states" or "the firm" does not
    give."""
    singular = any(
        a in ("which", "what") and b in _NAMED_NOUNS for a, b in itertools.pairwise(found)
    )
    # "Which named defenders ...", "which governments are known to be its clients?".
    return singular or ("which" in found and not _NAMING.isdisjoint(found))


_NAMED_NOUNS = frozenset("country nation company firm government".split())
_NAMING = frozenset("named known identified".split())


def asks_now(found: Sequence[str]) -> bool:
    """ "What is he doing these days?", "has it changed since then?": how things stand now,
    which a news article, told at one time, does not say."""
    return any(pair in _NOW for pair in itertools.pairwise(found)) or not _NOW_WORDS.isdisjoint(
        found
    )


_NOW = frozenset(
    {("these", "days"), ("since", "then"), ("right", "now"), ("at", "present"), ("any", "more")}
    | {("this", "day"), ("the", "moment")}
)
_NOW_WORDS = frozenset("nowadays lately anymore".split())


_TWO_CAPITALS = re.compile(r"[A-Z][^A-Z]*[A-Z]")
_CAPITALISED = re.compile(r"\b(?:[A-Z][\w'’-]*\s+){1,}[A-Z][\w'’-]*")


# Capitalised, but no part of a name: "Jane Smith's May 2019 report".
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)


def unknown_name(
    text: str,
    known: str,
    correct: Callable[[str], str] = str,
    remembered: dict[str, str] | None = None,
) -> str:
    """A run of two or more capitalised words ("Human Rights Watch", "John Smith") that
    the article never has, even with typos `correct`ed ("Jane Smtih" is Jane Smith), or "".
    Not the question's first word, nor a title-cased question; "Okafor and Hale" is two
    names, not one. Each run's verdict is kept in `remembered`, when given: readers name
    the same few people again and again, and a run is looked for through the whole text."""
    if text[1:].islower():
        return ""  # no capital after the first letter: no run of capitalised words
    found = text.split()
    capitals = sum(w[:1].isupper() for w in found[1:])
    if len(found) > 3 and capitals > 0.7 * (len(found) - 1):
        return ""  # "What Did The Experts Say?": capitals for style, not names
    start = len(found[0]) if found else 0
    if not _TWO_CAPITALS.search(text, start):
        return ""  # a run of capitalised words needs two capitals
    for match in _CAPITALISED.finditer(text, start):
        for part in _possessive_split(match.group(0)):
            run = _remembered_stranger(part, known, correct, remembered)
            if run:
                return run
    return ""


def _remembered_stranger(
    part: str, known: str, correct: Callable[[str], str], remembered: dict[str, str] | None
) -> str:
    if remembered is None:
        return _stranger(part, known, correct)
    found = remembered.get(part)
    if found is None:
        found = _stranger(part, known, correct)
        if len(remembered) < _REMEMBERED_RUNS:
            remembered[part] = found
    return found


_REMEMBERED_RUNS = 10_000  # bounded: junk input cannot grow memory without limit


def _possessive_split(capitalised: str) -> list[str]:
    """A capitalised run cut after each possessive: "Jane Smith's UN role" holds the name
    "Jane Smith" and "UN", not the name "Jane Smith UN"."""
    parts: list[list[str]] = [[]]
    for word in capitalised.split():
        parts[-1].append(word)
        if word.endswith(("'s", "’s")):
            parts.append([])
    return [" ".join(p) for p in parts if p]


def _stranger(capitalised: str, known: str, correct: Callable[[str], str]) -> str:
    """The capitalised run, folded and without months and words in capitals for stress
    ("Acme Corp NOT"), when it has two or more words and the article has it neither as typed
    nor with typos corrected; else ""."""
    said = [w for w in capitalised.split() if not _stressed(w)]
    run = _without_sentence_start([w for w in fold(" ".join(said)).split() if w not in _CALENDAR])
    typed, fixed = " ".join(run), " ".join(correct(w) for w in run)
    if len(run) < 2 or f" {typed} " in known or f" {fixed} " in known:
        return ""
    return "" if _misspelt_in(run, _positions(known)) else typed


def _without_sentence_start(run: list[str]) -> list[str]:
    """ "ok so Which UN body", "hey, Under Ana's plan": a sentence's start, no name's."""
    at = next((i for i, w in enumerate(run) if w not in _SENTENCE_STARTS), len(run))
    return run[at:]


# Words that start a sentence after chat ("wait Which ..."), never a name's first word.
_SENTENCE_STARTS = frozenset(_WH) | AUXILIARIES | _PREPOSITIONS


def _stressed(word: str) -> bool:
    """A function word in capitals: "what must they NOT do", "ONLY the experts"."""
    return word.isupper() and len(word) > 1 and fold(word) in FUNCTION_WORDS


@functools.lru_cache(maxsize=4)
def _positions(known: str) -> tuple[tuple[str, ...], dict[str, list[int]]]:
    """The text's words, and where each stands (the reader passes one text again and again)."""
    found = tuple(known.split())
    at: dict[str, list[int]] = {}
    for i, word in enumerate(found):
        at.setdefault(word, []).append(i)
    return found, at


def _misspelt_in(run: Sequence[str], known: tuple[tuple[str, ...], dict[str, list[int]]]) -> bool:
    """The run is, word for word, a misspelling of words the text has in a row ("Human Rihgts
    Counsel", "Working Grupe"): each as written or one slip away (two in a long word)."""
    found, at = known
    slips = [1 if len(w) < 7 else 2 for w in run]
    near = process.extract(run[0], list(at), scorer=OSA.distance, score_cutoff=slips[0], limit=None)
    starts = sorted(i for word, _, _ in near for i in at[word])
    return any(
        all(_slipped(w, found[start + j : start + j + 1], slips[j]) for j, w in enumerate(run))
        for start in starts
    )


def _slipped(typed: str, known: tuple[str, ...], slips: int) -> bool:
    return bool(known) and OSA.distance(typed, known[0], score_cutoff=slips) <= slips


def swapped_name(found: Sequence[str], parts: NameParts) -> str:
    """ "ana hale": a first name followed by another person's surname, or ""."""
    firsts, lasts, owners = parts.firsts, parts.lasts, parts.owners
    for first, last in itertools.pairwise(found):
        if first in firsts and last in lasts and not _owned_by_one(owners, first, last):
            return f"{first} {last}"
    return ""


def either_or(found: Sequence[str]) -> tuple[list[str], list[str]]:
    """The two alternatives of "A or B": the run of content words before the first "or"
    and the one after it (up to _ALTERNATIVE_SPAN words each); none for "or something",
    "or not", "or what"."""
    if "or" not in found:
        return [], []
    at = found.index("or")
    if found[at + 1 : at + 2] and found[at + 1] in _NO_ALTERNATIVE:
        return [], []
    before = _content_run(list(reversed(found[:at])))[::-1]
    after = _content_run(list(found[at + 1 :]))
    return (before, after) if before and after else ([], [])


def _content_run(found: list[str]) -> list[str]:
    """The first run of content words in `found`, stopwords before it skipped."""
    start = next((i for i, w in enumerate(found) if w not in STOPWORDS), len(found))
    run = itertools.takewhile(lambda w: w not in STOPWORDS, found[start:])
    return list(run)[:_ALTERNATIVE_SPAN]


_ALTERNATIVE_SPAN = 3
_NO_ALTERNATIVES: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
_NO_ALTERNATIVE = frozenset("something smth sth what nah not whatever so anything".split())


def _asked_as_kind(surface: list[str], asks: frozenset[Kind]) -> list[str]:
    """The words as the kind asked reads them: in a how-long question without the verbs of
    lasting and with "long" ("until when would it last" asks how long, as the entries about
    it are asked); "did they do it" as carrying it out; "did ... back then" as when."""
    if Kind.HOW_LONG in asks:
        surface = [w for w in surface if w not in DURATION_WORDS]
        surface += [] if "long" in surface else ["long"]
    if Kind.YES_NO in asks and "do" in surface:
        surface = done_as_carried_out(surface)
    if "did" in surface and "back" in surface:
        surface = _without_back_then(surface)
    return surface


def _without_wording(surface: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """The words without those that only word the question, each step in its turn (see
    _WORDING_STEPS): a call for a name ("what did they call it"), a condition being met,
    "addressed" in a question of whom an appeal is to, a "now" that asks no present, the modal
    "may"; and a work's author is who published it."""
    for step in _WORDING_STEPS:
        surface = step(surface, asks, addressee)
    return surface


def _naming_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return naming_call_dropped(found) if _NAMING_VERBS & set(found) else found


def _condition_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    if _CONDITION_NOUNS.isdisjoint(found):
        return found
    return [w for w in found if w not in _MEETING_CONDITIONS]


def _issue_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return at_issue_dropped(found) if "issue" in found or "question" in found else found


def _news_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return news_as_the_article(found) if "news" in found else found


def _sat_on(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "What group were they on", "which panel was she in (again)": who sat on it."""
    if _BODIES.isdisjoint(found) or _BEING.isdisjoint(found):
        return found
    for i, word in enumerate(found):
        if word in ("on", "in") and (found[i + 1 : i + 2] or [""])[0] in _AFTER_SITTING:
            return [*found[:i], "sat", "on", *found[i + 1 :]]
    return found


def _press_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return pressing_as_urging(found) if not _PRESSING.isdisjoint(found) else found


def _now_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return now_of_a_duty_dropped(found) if "now" in found else found


def _expression_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    used = "expression" in found and not _NAMING_USES.isdisjoint(found)
    return expression_used_dropped(found) if used else found


def _count_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "Devices count": the kind asked, no topic."""
    counted = Kind.HOW_MANY in asks and found[-1:] and found[-1] in _COUNT_NOUNS
    return found[:-1] if counted else found


def _happening_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return wished_happening_dropped(found) if "happen" in found else found


def _advice_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return advice_taken_as_adopted(found) if not _TAKING.isdisjoint(found) else found


def _may_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    if "may" not in found:
        return found
    return [w for i, w in enumerate(found) if w != "may" or _the_month(found, i)]


def _work_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    if _WORKS.isdisjoint(found):
        return found
    if not _WRITING.isdisjoint(found):
        found = work_written_as_published(found)
    if Kind.WHEN in asks and not _DROPPING.isdisjoint(found):
        found = ["published" if w in _DROPPING else w for w in found]  # "when did it drop"
    return found


def _made_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return made_to_do_required(found)


def _addressee_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    if not addressee:
        return found
    return [w for w in found if w not in _ADDRESSING and w not in _AIMING_VERBS]


def _helping_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    return helping_dropped(found) if not _HELPING.isdisjoint(found) else found


def helping_dropped(found: list[str]) -> list[str]:
    """ "Who (else) helped (to) expose it?", "which group helped expose it?" asks who exposed
    it, as one of those who did; "how did Ana help Bo build it" asks no such thing."""
    for i, word in enumerate(found):
        if word not in _HELPING or not _asked_who_helped(found, i):
            continue
        at = i + 2 if found[i + 1 : i + 2] == ["to"] else i + 1
        if found[at : at + 1] and found[at] not in STOPWORDS:
            return [*found[:i], *found[at:]]
    return found


def _asked_who_helped(found: list[str], i: int) -> bool:
    before = found[max(0, i - 2) : i]
    return bool(before) and (before[-1] in ("who", "else") or before[0] in ("which", "what"))


_HELPING = frozenset("help helps helped helping".split())


def _writer_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "The reporter's name on this story", "the journalist behind this piece": its author,
    not a journalist the story tells of."""
    if _WRITERS.isdisjoint(found):
        return found  # the common case: no writer named
    piece = any(a in ("this", "the") and b in _PIECES for a, b in itertools.pairwise(found))
    if not piece:
        return found
    return [
        "author" if w in _WRITERS and found[i - 1 : i] == ["the"] else w
        for i, w in enumerate(found)
    ]


_PIECES = frozenset("piece story article text byline".split())


def _part_of_it_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "Is press freedom part of this?": covered by what the article tells, no membership
    ("part of the club")."""
    if "part" not in found:
        return found
    for i in range(len(found) - 2):
        if found[i : i + 2] == ["part", "of"] and found[i + 2] in _THIS:
            return [*found[:i], *found[i + 3 :]]
    return found


_THIS = frozenset("this it that these those".split())


def _summing_up_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "Summarise what the club urges": the question after it is asked, no summary of the
    article."""
    if _SUMMING_UP.isdisjoint(found):
        return found
    for i, word in enumerate(found[:-1]):
        if word in _SUMMING_UP and found[i + 1] in _WH:
            return [*found[:i], *found[i + 1 :]]
    return found


_SUMMING_UP = frozenset("summarise summarize summarising summarizing recap".split())


def _no_longer_worded(found: list[str], asks: frozenset[Kind], addressee: bool) -> list[str]:
    """ "Who no longer holds the post?": who held it before, no negation."""
    if "longer" not in found:
        return found
    for i, pair in enumerate(itertools.pairwise(found)):
        if pair == ("no", "longer"):
            return [*found[:i], "former", *found[i + 2 :]]
    return found


_WordingStep = Callable[[list[str], frozenset[Kind], bool], list[str]]
# In order: each sees what the ones before it left.
_WORDING_STEPS: tuple[_WordingStep, ...] = (
    _naming_worded,
    _condition_worded,
    _issue_worded,
    _news_worded,
    _sat_on,
    _press_worded,
    _now_worded,
    _expression_worded,
    _count_worded,
    _happening_worded,
    _advice_worded,
    _may_worded,
    _work_worded,
    _made_worded,
    _addressee_worded,
    _helping_worded,
    _no_longer_worded,
    _summing_up_worded,
    _writer_worded,
    _part_of_it_worded,
)


_MAKING_DO = frozenset("make makes".split())
_MADE_SPAN = 4  # "make [all the member states] do": the most words between


def at_issue_dropped(found: list[str]) -> list[str]:
    """ "The spyware at issue", "the tools in question": the one talked of, no issuing (of a
    report) nor question."""
    for i, pair in enumerate(itertools.pairwise(found)):
        if pair in _TALKED_OF:
            return [*found[:i], *found[i + 2 :]]
    return found


_TALKED_OF = frozenset({("at", "issue"), ("in", "question")})


def expression_used_dropped(found: list[str]) -> list[str]:
    """ "What expression did he use for it?": the words asked for (as "what phrase"), not the
    freedom of expression."""
    for i, word in enumerate(found[1:], 1):
        if word == "expression" and found[i - 1] in ("what", "which"):
            return [*found[:i], *found[i + 1 :]]
    return found


def advice_taken_as_adopted(found: list[str]) -> list[str]:
    """ "Did the council take Ana's advice?": to take advice (a proposal, a recommendation)
    is to adopt it."""
    return [
        "adopted" if w in _TAKING and not _ADVICE_TAKEN.isdisjoint(found[i + 1 : i + 4]) else w
        for i, w in enumerate(found)
    ]


_ADVICE_TAKEN = frozenset(
    "advice recommendation recommendations proposal proposals suggestion suggestions".split()
)


def wished_happening_dropped(found: list[str]) -> list[str]:
    """ "What should happen to the tools?": what is wanted, no outcome ("what could happen"
    asks one)."""
    return [w for i, w in enumerate(found) if w != "happen" or not (i and found[i - 1] in _OUGHT)]


_OUGHT = frozenset("should shud shld shd must".split())


def now_of_a_duty_dropped(found: list[str]) -> list[str]:
    """ "On what now??", "what does the firm have to do now": no question of the present (as
    "what is it doing now?" is), but of a duty, or chat."""
    duty = any(pair in _DUTIES for pair in itertools.pairwise(found)) or "must" in found
    return [
        w for i, w in enumerate(found) if w != "now" or not (duty or found[i - 1 : i] == ["what"])
    ]


_DUTIES = frozenset(
    {("have", "to"), ("has", "to"), ("supposed", "to"), ("need", "to"), ("needs", "to")}
    | {("ought", "to"), ("got", "to"), ("gotta", "do")}
)


def _the_month(found: list[str], i: int) -> bool:
    """The month ("in May", "May 2019"), unless the modal's verb follows ("lives may *be* at
    risk", "it may *not* ...")."""
    return found[i + 1 : i + 2] not in _AFTER_THE_MODAL


_AFTER_THE_MODAL = [[w] for w in "be have not also well possibly even still never".split()]


def work_written_as_published(found: list[str]) -> list[str]:
    """ "Who authored the 2019 report?": a work's author published it ("this report" is the
    article, whose author has a byline)."""
    this = any(w in _WORKS and found[i - 1 : i] == ["this"] for i, w in enumerate(found))
    return found if this else ["published" if w in _WRITING else w for w in found]


_WRITING = frozenset("authored author wrote written penned".split())
_DROPPING = frozenset("drop dropped".split())


def pressing_as_urging(found: list[str]) -> list[str]:
    """ "Which country did they press to come clean?": to press someone to do a thing is to
    urge it ("the press" and "press freedom" are the media)."""
    return ["urge" if w in _PRESSING and _presses(found, i) else w for i, w in enumerate(found)]


def _presses(found: list[str], i: int) -> bool:
    """ "did they *press* Ana to ...": a verb, with "to" after its object; not "the press"
    nor "to the press", nor "press freedom"."""
    noun = i and (found[i - 1] in DETERMINERS or found[i - 1] in _PREPOSITIONS)
    named = found[i + 1 : i + 2] and found[i + 1] in _PRESS_NOUNS
    return not noun and not named and "to" in found[i + 1 : i + 1 + _PRESSED_SPAN]


_PRESSING = frozenset("press presses pressed pressing".split())
_PRESS_NOUNS = frozenset("freedom freedoms media release releases conference coverage".split())
_PRESSED_SPAN = 4  # "press [the city council] to": the most words up to "to"


# What may follow "on" when it ends what is asked: "were they on (again), something about ...".
_AFTER_SITTING = frozenset(["", "again", "something", "smth", "sth", "i", "right", "exactly"])
_BODIES = frozenset("group groups body bodies committee panel board council".split())
_BEING = frozenset("is are was were been".split())  # "were they on", not "decide on"


def news_as_the_article(found: list[str]) -> list[str]:
    """ "This news piece", "the title of this news": the article itself, no news in it."""
    return [
        w
        for i, w in enumerate(found)
        if w != "news"
        or not ((found[i + 1 : i + 2] and found[i + 1] in _PIECES) or found[i - 1 : i] == ["this"])
    ]


_PIECES = frozenset("piece story article report item".split())


def who_nouns_dropped(found: list[str]) -> list[str]:
    """ "Which (group of) people are behind the call?" asks who, as "who is behind" does: the
    noun after the question word says a person is asked for, not which passage tells."""
    authoring = bool(_AUTHORING.intersection(found))
    nouns = _WHO_NOUNS | _WRITERS if authoring else _WHO_NOUNS
    for i, word in enumerate(found[:-1]):
        end = _people_noun_at(found, i + 1, nouns) if word in ("which", "what") else None
        if end is not None:
            return [*found[: i + 1], *found[end:]]
    return _writer_asked_dropped(found) if authoring else found


def _writer_asked_dropped(found: list[str]) -> list[str]:
    """ "Who is the reporter credited on this piece": the writer asked for, by the verb."""
    for i, word in enumerate(found[:-3]):
        if word not in ("who", "whos"):
            continue
        at = i + 3 if found[i + 1 : i + 3] == ["is", "the"] else i + 2
        if found[at - 1] == "the" and found[at] in _WRITERS:
            return [*found[:at], *found[at + 1 :]]
    return found


def _people_noun_at(
    found: Sequence[str], at: int, nouns: frozenset[str] = frozenset()
) -> int | None:
    """Where a noun for people ("people", "group of officials") at `at` ends, or None."""
    if found[at : at + 2] == ["group", "of"]:
        at += 2
    return at + 1 if found[at : at + 1] and found[at] in (nouns or _WHO_NOUNS) else None


_WHO_NOUNS = frozenset("people person persons individuals officials figures".split())
# "Which journalist is credited with the story?" asks who wrote it, not about journalists.
_WRITERS = frozenset("journalist reporter writer".split())
_AUTHORING = frozenset("credited wrote written authored penned byline behind".split())


def made_to_do_required(found: list[str]) -> list[str]:
    """ "What does the law make states do?": to make someone do a thing is to require it of
    them, not to make (build) anything."""
    if "do" not in found or _MAKING_DO.isdisjoint(found):
        return found
    for i, word in enumerate(found):
        sure = found[i + 1 : i + 2] in (["sure"], ["certain"])  # "make sure they do not"
        if word in _MAKING_DO and not sure and "do" in found[i + 2 : i + 2 + _MADE_SPAN]:
            return [*found[:i], "requires", *found[i + 1 :]]
    return found


def name_hedges_dropped(found: list[str], owners: Mapping[str, object]) -> list[str]:
    """Without what a reader says of a name they half remember: "the guy *with the long
    name*, ana *something*"."""
    if _VAGUE.isdisjoint(found) and "with" not in found and "w" not in found:
        return found  # the common case: nothing said of a name
    return _hedges_dropped(found, owners)


def _hedges_dropped(found: list[str], owners: Mapping[str, object]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(found):
        if word in _VAGUE and out and out[-1] in owners:
            continue
        if word in ("with", "w") and found[i + 1 : i + 2] == ["the"]:
            said = found[i + 2 : i + 5]
            size = next((n for n in (3, 2) if said[:n] in _DESCRIBED_NAMES), 0)
            if size:
                return [*out, *_hedges_dropped(found[i + 2 + size :], owners)]
        out.append(word)
    return out


_VAGUE = frozenset("something somethin smth sth whatever".split())
_DESCRIBED_NAMES = (
    ["long", "name"],
    ["long", "middle", "name"],
    ["long", "last", "name"],
    ["weird", "name"],
    ["hard", "name"],
)


def _predicts(asks: frozenset[Kind], said: list[str]) -> bool:
    return Kind.YES_NO in asks and asks_forecast(said)


def future_deeds(found: Sequence[str], asks: frozenset[Kind]) -> tuple[str, ...]:
    """ "Will the ban be adopted?", "is it likely to pass?": the stems of the deeds a yes-no
    question asks will be done, which only a passage that says someone will or would do them
    tells (not "will the ban last?", which the terms may)."""
    if Kind.YES_NO not in asks:
        return ()
    future = found[:1] in (["will"], ["wont"]) or any(
        pair in _FUTURE_PAIRS for pair in itertools.pairwise(found)
    )
    if not future:
        return ()
    return tuple(stem(w) for w in found if w in _FUTURE_DEEDS or stem(w) in _PREMISE_STEMS)


_FUTURE_PAIRS = frozenset({("likely", "to"), ("going", "to"), ("gonna", "be")})
_FUTURE_DEEDS = frozenset("support supported back backed pass passed vote work".split())


def _named_as_who(asks: frozenset[Kind], focus: frozenset[str]) -> frozenset[Kind]:
    """ "What is the author's *name*?" asks who as much as what."""
    return asks | {Kind.WHO} if Kind.WHAT in asks and "name" in focus else asks


def ends_as_question(text: str) -> bool:
    """The text ends with "?", or with "?" and a sign-off after it ("... gradual? ty")."""
    if text.rstrip().endswith("?") or "?" not in text:
        return "?" in text  # the common cases, told without reading the words
    after = words(text.rsplit("?", 1)[1])
    return all(w in _SIGN_OFFS or not any(c.isalnum() for c in w) for w in after)


_SIGN_OFFS = frozenset("ty thx thanks thank you pls plz please lol lmao haha tia".split())


def _owned_by_one(owners: Mapping[str, frozenset[str]], first: str, last: str) -> bool:
    return bool(owners.get(first, frozenset()) & owners.get(last, frozenset()))


# Words of a clause about the asker rather than the article.
_ASKER_WORDS = frozenset(
    """
    i im ive id me my mine myself we our sorry thanks thank hi hello hey new noob english
    class homework school teacher assignment essay citation cite project paper forgot forget
    missed
    """.split()
)


def _is_chat_phrase(clause: list[str]) -> bool:
    """A whole clause of chat: "thanks", "..., like whats his deal"."""
    linked = clause[0] in _LINKS and tuple(clause[1:]) in _CHAT_PHRASES
    return tuple(clause) in _CHAT_PHRASES or linked


_OURS = frozenset("my our".split())
_REFERRING = frozenset("it them".split())  # what another clause named ("this" is the article)
_ASKERS_WORK = frozenset("im i ive doing writing working".split())  # opening a clause
_LINKS = frozenset("like so and or but".split())
_ASKER_NOUNS = frozenset(
    """
    teacher teachers prof professor class classmate classmates tutor lecturer boss editor
    friend friends mate mates roommate dad mom mum brother sister partner bf gf buddy buddies
    pal pals bestie colleague colleagues coworker coworkers
    """.split()
)


def _word_pairs(found: Sequence[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The words the text puts after each content word, and before each."""
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for first, second in itertools.pairwise(found):
        if first.isalpha() and second.isalpha():
            if first not in STOPWORDS:
                after.setdefault(first, set()).add(second)
            if second not in STOPWORDS or second in _PARTICLES:
                before.setdefault(second, set()).add(first)
    return after, before


# A verb's particle tells the verb as well as a content word does ("call *for*", "urge *on*").
_PARTICLES = frozenset("for on upon".split())


def _brands_kept(found: list[str], fixed: list[str], brands: frozenset[str]) -> list[str]:
    """A word written with a capital inside ("iPhone", "TikTok") is a name as written, not a
    typo of the base's word ("phone")."""
    if not brands:
        return fixed
    return [w if w in brands else f for w, f in zip(found, fixed, strict=True)]


def _brands(plain: str) -> frozenset[str]:
    """The words written with a capital inside, lower-cased (read once per question)."""
    if plain.islower() or plain.isupper():
        return frozenset()  # most questions: no word can be cased so
    return frozenset(w.lower() for w in _WORD_RUN.findall(plain) if _cased_inside(w))


def _cased_inside(word: str) -> bool:
    return not word.isupper() and any(c.isupper() for c in word[1:])


def _capitalised(text: str) -> frozenset[str]:
    """The words written with a capital after the first word, lower-cased."""
    return frozenset(w.lower() for w in _WORD_RUN.findall(text)[1:] if w[0].isupper())


_WORD_RUN = re.compile(r"\b\w+")
# zipf: below it a word is rare. A capitalised rare word is a name ("NSA" Group), a common one
# may be a typo ("Human Rights *Counsel*"); a guess with a rare word ("arrogance", 3.2) names a
# quote's word, a common one ("dangerous", 4.5) any.
_RARE = 4.0


def _swapped(word: str, meant: str) -> bool:
    return sorted(word) == sorted(meant)


def _a_typo_away(word: str, meant: str) -> bool:
    """`meant` mistyped as `word`: the same first letter, a letter away (two in a long word),
    and not merely another form of it."""
    if word[0] != meant[0] or stem(word) == stem(meant):
        return False
    return OSA.distance(word, meant) <= (2 if min(len(word), len(meant)) >= 6 else 1)


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
class QuestionReader:
    """Reads questions with one knowledge base's vocabulary, names and synonyms."""

    def __init__(
        self,
        normalizer: Normalizer,
        names: NameParts,
        known_tokens: frozenset[str],
        bot_name: str,
        known_text: str = "",
    ) -> None:
        self._known_text = f" {known_text} "  # folded: the article, its title, its names
        self._known_run = f" {' '.join(words(known_text))} "  # its words, for quoted phrases
        self._next_words, self._previous_words = _word_pairs(words(known_text))
        self._normalizer = normalizer
        self._names = names
        self.names = names  # the base's names, for reading its quotes the same way
        self._name_list = sorted(names.owners)
        self._known_tokens = known_tokens  # a set, not the index's method: it pickles
        self._bot_name = bot_name
        self._strangers: dict[str, str] = {}  # capitalised runs' verdicts (see unknown_name)
        self._appeal_tokens = self._tokens_of_each([*_APPEALS, *_BANS])

    def read(self, text: str) -> Question:
        """`text` must already be cleaned (control characters out, cut to the limit)."""
        plain = _once(_TLDR.sub("tldr", strip_address(text, self._bot_name)), "tldr")
        kept, tagged = self._core_clauses(plain)
        core_words = [w for c in kept for w in c]
        corrected = self._corrected(kept, plain)
        fixed = self._named_fixed([w for c in corrected for w in c])
        corrections = sum(a != b for a, b in zip(core_words, fixed, strict=True))
        surface = self._opposite_joined(fixed)
        focus = self._tokens_of_each(focus_words(plain))
        asks = self._asks(corrected, plain, focus)
        names, name_tokens = self._names_in(surface)
        said = words(plain)
        contrasted = is_contrasted(surface)
        addressee = self._addressee(surface, asks)
        return Question(
            text=text,
            core=" ".join(core_words),
            words=tuple(surface),
            tokens=self._topic_tokens(surface, asks, addressee),
            kinds=frozenset({Kind.YES_NO}) if tagged else asks,
            negated=not tagged and is_negated_question(surface, asks),
            contrasted=contrasted,
            asks_speaker=asks_speaker(surface, asks),
            about_article=about_article(surface),
            about_bot=_about_bot(surface),
            asserted=self._asserted(plain, surface) + lasting_asserted(surface, asks),
            did=told_as_done(surface),
            names=names,
            name_tokens=name_tokens,
            swapped=swapped_name(surface, self._names),
            unknown_name=unknown_name(plain, self._known_text, self._name_word, self._strangers),
            focus=focus,
            excluded=self._excluded(surface, contrasted),
            detail=self._tokens_of_each(reactions_asked(surface)),
            detail_named=frozenset(stem(w) for w in [*detail_words(plain), *taking(surface, asks)]),
            counted=self._counted(surface),
            corrections=corrections,
            markup=_markup(plain, text, said),
            exact=asks_exact(said),
            addressee=addressee,
            day=asks_day(said),
            now=asks_now(
                core_words
            ),  # not an aside's "anymore": "..., hes not mayor anymore right?"
            names_work=asks_name_of_work(said),
            advice=asks_advice(said),
            predicts=_predicts(asks, said),
            future=future_deeds(said, asks),
            deeds_by=self._deeds_by(surface, names),
            reporters_view=asks_reporters_view(said),
            happened=asks_what_happened(said),
            within=place_within(said, self._names.owners),
            which_as_article=self._which_as_article(said),
            specifics=specifics_asked(plain),
            kind_of=self._kind_of_name(said),
            which_named=asks_which_named(said),
            findings=asks_findings(said),
            names_set_aside=self._names_set_aside(surface, contrasted),
            named_by_name=self._people_named(surface, names),
            alternatives=self._alternatives(surface),
        )

    def _corrected(self, kept: list[list[str]], plain: str) -> list[list[str]]:
        """Each kept clause's words, typos fixed: alone, then in the article's context; a
        word cased inside is a name as written."""
        brands = _brands(plain)
        return [
            self._in_context(_brands_kept(c, self._normalizer.correct_all(c), brands), plain)
            for c in kept
        ]

    def _asks(
        self, corrected: list[list[str]], plain: str, focus: frozenset[str]
    ) -> frozenset[Kind]:
        asks = _named_as_who(self._kinds(corrected, ends_as_question(plain)), focus)
        if not asks and _ASKING_CLOSER.search(plain):
            return frozenset({Kind.YES_NO})  # "so the ban is forever or what": a question
        return asks

    def _kind_of_name(self, said: list[str]) -> frozenset[str]:
        """ "What kind of organisation is the Acme Group?": whose kind is asked (the name just
        after "is"), or nothing ("what kind of harm is it causing, per Ana" asks no kind of
        Ana)."""
        for i, pair in enumerate(itertools.pairwise(said)):
            if pair[0] in ("what", "which") and pair[1] in _KINDS and said[i + 2 : i + 3] == ["of"]:
                rest = said[i + 4 :]
                if rest[:1] in (["is"], ["are"], ["was"]):
                    return self._subject_named(rest[2:] if rest[1:2] == ["the"] else rest[1:])
        return frozenset()

    def _subject_named(self, subject: list[str]) -> frozenset[str]:
        """The ids of the name the words start with."""
        runs = name_runs(subject, self._names)
        return runs[0][2] if runs and runs[0][0] == 0 else frozenset()

    def _deeds_by(
        self, surface: list[str], names: frozenset[str]
    ) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        owned = [(frozenset[str](), call) for call in calls_of_a_group(surface, self._names)]
        named = deeds_by_name(surface, self._names) if names else []
        return tuple(
            (ids, frozenset(self._normalizer.word_tokens(verb))) for ids, verb in named + owned
        )

    def _named_fixed(self, surface: list[str]) -> list[str]:
        if self._names.owners.keys().isdisjoint(surface):
            return surface
        return paired_name_fixed(surface, self._names)

    def _which_as_article(self, said: list[str]) -> str:
        if "which" not in said:
            return ""
        worded = self._normalizer.as_article_words(said)
        return " ".join(worded) if worded != said else ""

    def _alternatives(self, surface: list[str]) -> tuple[frozenset[str], frozenset[str]]:
        if "or" not in surface:
            return _NO_ALTERNATIVES
        left, right = (frozenset(self._normalizer.tokens_of(a)) for a in either_or(surface))
        return left - right, right - left  # what one alternative says and the other does not

    def _names_set_aside(self, surface: list[str], contrasted: bool) -> frozenset[str]:
        return self._named_by_name(excluded_words(surface)) if contrasted else frozenset()

    def _people_named(self, surface: list[str], names: frozenset[str]) -> frozenset[str]:
        return self._named_by_name(surface) if names else names  # no name: none by name

    def _named_by_name(self, found: Sequence[str]) -> frozenset[str]:
        """The ids the words name by name: "freedom of expression" names a mandate, no one."""
        by_name = self._names.by_name
        return frozenset(i for w in found for i in by_name.get(w, ()))

    def _excluded(self, surface: list[str], contrasted: bool) -> frozenset[str]:
        if not contrasted:
            return frozenset()
        return frozenset(self._normalizer.tokens_of(excluded_words(surface)))

    def _addressee(self, surface: list[str], asks: frozenset[Kind]) -> bool:
        return asks_addressee(surface, asks) or self._aimed_appeal(surface, asks)

    def _aimed_appeal(self, surface: list[str], asks: frozenset[Kind]) -> bool:
        """ "Who is the ban aimed at?": whom an appeal (or what it calls for) is meant for,
        not whom spying targets."""
        if Kind.WHO not in asks or not _aimed(surface):
            return False
        return not self._appeal_tokens.isdisjoint(self._tokens_of_each(surface))

    def _topic_tokens(
        self, surface: list[str], asks: frozenset[Kind], addressee: bool
    ) -> tuple[str, ...]:
        """The content tokens, read as the kind asked, hedged names, people asked for as "who"
        and the question's own wording aside."""
        surface = _asked_as_kind(surface, asks)
        if not self._names.owners.keys().isdisjoint(surface):
            surface = name_hedges_dropped(surface, self._names.owners)
        if not _WHO_NOUNS.isdisjoint(surface) or not _WRITERS.isdisjoint(surface):
            surface = who_nouns_dropped(surface)
        return self._normalizer.tokens_of(_without_wording(surface, asks, addressee))

    def _in_context(self, found: list[str], plain: str) -> list[str]:
        """Real words that are typos of the article's words beside them: "member *stats*"
        (states), "human rights *counsel*" (council). Only a word the base does not know is
        changed, only next to a content word, only into the one word the article puts there
        that is a letter away (two in a long word), and never a capitalised word that is no
        common English: the "NSA Group" is no typo, but another name."""
        fixed = list(found)
        for i, word in enumerate(found):
            if len(word) < 3 or not word.isalpha() or self._normalizer.knows(word):
                continue
            near = [w for w in self._beside(found, i) if _a_typo_away(word, w)]
            # Two letters swapped ("NOS Group") is a slip even in a name ("NSA" is another).
            if len(near) == 1 and (self._not_a_name(word, plain) or _swapped(word, near[0])):
                fixed[i] = near[0]
        return fixed

    def _beside(self, found: list[str], i: int) -> set[str]:
        """The words the article puts where word `i` stands, after the word before it or
        before the word after it."""
        before = found[i - 1] if i else ""
        after = found[i + 1] if i + 1 < len(found) else ""
        return {*self._next_words.get(before, ()), *self._previous_words.get(after, ())}

    def _not_a_name(self, word: str, plain: str) -> bool:
        common = self._normalizer.zipf(word) >= _RARE
        return common or word not in _capitalised(plain)

    def _core_clauses(self, plain: str) -> tuple[list[list[str]], bool]:
        """The topical clauses' words, chat stripped, and whether a confirming tag ("is it?")
        ended the question (the tag is left out)."""
        split = [
            self._normalizer.spelled_out(words(self._reaction_cut(c))) for c in clauses_of(plain)
        ]
        clauses = [c for c in split if c]
        tagged = len(clauses) > 1 and is_tag(clauses[-1])
        topical = self._topical(clauses[: -1 if tagged else None])
        kept = [
            appearing_as_published(imperative_asked(put_in_place_joined(_as_named(strip_chat(c)))))
            for c in topical
        ]
        if len(kept) == 1 == len(clauses) and _all_chat(kept[0]):
            # "tldr pls": the chat was all there was to ask ("so what is it about" is not).
            return (kept if STOPWORDS.issuperset(clauses[0]) else clauses), tagged
        return kept, tagged

    def _opposite_joined(self, surface: list[str]) -> list[str]:
        """ "Spying that is not lawful" is the article's "unlawful" spying: no
        negation, the article's word for it (un-, in-, il-, ir-, im-, dis-)."""
        if _NOTS.isdisjoint(surface):
            return surface  # the common case
        out: list[str] = []
        skip = False
        for word, after in itertools.zip_longest(surface, surface[1:], fillvalue=""):
            if skip:
                skip = False
                continue
            opposite = next(
                (f"{p}{after}" for p in _OPPOSITE_PREFIXES if f" {p}{after} " in self._known_run),
                "",
            )
            if word in _NOTS and after and opposite:
                out.append(opposite)
                skip = True
            else:
                out.append(word)
        return out

    def _reaction_cut(self, clause: str) -> str:
        """A phrase of the article in quotation marks and the asker's reaction to it ("'a
        free-for-all' sounds wild", "'damning' is harsh"): the phrase, without the reaction."""
        if not _QUOTE_MARKS.intersection(clause):
            return clause  # the common case
        found = _QUOTED_REACTION.search(clause)
        after = words(found["after"]) if found else []
        if found is None or len(after) > _REACTION_SPAN or self._in_article(after):
            return clause  # "'Pegasus' is the spyware?" asks about the article
        phrase = " ".join(words(found["phrase"]))
        return clause[: found.start("after")] if f" {phrase} " in self._known_run else clause

    def _in_article(self, found: list[str]) -> bool:
        return any(f" {w} " in self._known_run for w in found if w not in STOPWORDS)

    @staticmethod
    def _kinds(stripped: list[list[str]], question_mark: bool) -> frozenset[Kind]:
        """The form of the first clause (chat stripped) that has one, a question asked
        straight before one said in passing ("idk what the council is, where r they based");
        else a question word inside a clause ("this spy program watch who is doing it");
        else none."""
        for found in sorted(stripped, key=is_embedded_question):
            asks = kinds_of(found, question_mark and found is stripped[-1])
            if asks:
                return asks
        for found in stripped:
            inside = [i for i, w in enumerate(found[1:-1], 1) if w in _WH and w != "which"]
            if inside:
                return _wh_kinds(found, inside[0])
        return frozenset()

    def _names_in(self, surface: list[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The ids of the people and organisations the words name, and those words' tokens."""
        named = [w for w in surface if w in self._names.owners]
        ids = frozenset(i for w in named for i in self._names.owners[w])
        return ids, self._tokens_of_each(named)

    def _name_word(self, word: str) -> str:
        """A word of a capitalised name, typos fixed: into the base's vocabulary, or into the
        nearest part of a known name ("smth" is Smith, "jne" Jane) one letter away (two in a
        long word). A real word may be a name's misspelling; a different name is farther."""
        fixed = self._normalizer.correct(word)
        if fixed in self._names.owners or len(word) < 3:
            return fixed
        found = process.extractOne(
            word,
            self._name_list,
            scorer=OSA.distance,
            processor=None,
            score_cutoff=1 if len(word) < 7 else 2,
        )
        return str(found[0]) if found else fixed

    def _tokens_of_each(self, found: Sequence[str]) -> frozenset[str]:
        return frozenset(t for w in found for t in self._normalizer.word_tokens(w))

    @staticmethod
    def _asserted(plain: str, surface: list[str]) -> tuple[str, ...]:
        if PREMISE_VERBS.isdisjoint(surface) and PHRASAL_PARTICLES.isdisjoint(surface):
            return ()
        return asserted_outcomes(surface, _nouned(plain, surface))

    def _counted(self, surface: list[str]) -> frozenset[str]:
        if "how" not in surface:
            return frozenset()
        for i, pair in enumerate(itertools.pairwise(surface)):
            if pair in (("how", "many"), ("how", "much")):
                return frozenset(self._normalizer.tokens_of(_counted_head(surface[i + 2 :])))
        return frozenset()

    def _topical(self, clauses: list[list[str]]) -> list[list[str]]:
        """Clauses without chatter about the asker ("my english is bad", "sorry, I'm new"):
        no question word, nothing the knowledge base knows, and a first-person or chat
        word. Dropped unless nothing else is left."""
        if len(clauses) == 1:
            return clauses
        tokens = [self._clause_tokens(c) for c in clauses]
        kept = self._without_chatter(clauses, tokens)
        said = [t for c, t in zip(clauses, tokens, strict=True) if c in kept]
        if not any(tokens) and _asks_any(kept):
            return kept  # "hey quick q, what is it about": a question of common words
        return clauses if _untopical(clauses, kept, said) else kept

    def _without_chatter(
        self, clauses: list[list[str]], tokens: list[tuple[str, ...]]
    ) -> list[list[str]]:
        return [
            c
            for n, (c, t) in enumerate(zip(clauses, tokens, strict=True))
            if not (self._chatter(c, t) or (n and self._askers_afterword(c, t)))
        ]

    def _clause_tokens(self, clause: list[str]) -> tuple[str, ...]:
        # "what did they call it, like 'irresponsible' or something?": a name asked for has
        # no topic but the guess.
        return self._normalizer.tokens_of(naming_call_dropped(self._normalizer.correct_all(clause)))

    def _chatter(self, clause: list[str], tokens: Sequence[str]) -> bool:
        if _is_chat_phrase(clause):
            return True
        if any(w in _WH for w in clause):
            return False
        if _is_askers_own(clause):
            return True
        if any(w in self._names.owners for w in clause):
            return False
        if _is_askers_people(clause):
            return True
        return self._about_asker(clause) or not tokens

    def _askers_afterword(self, clause: list[str], tokens: Sequence[str]) -> bool:
        """After the question, the asker's guess, remark or belief, unless it is a guess that
        names what is asked about."""
        return _is_afterword(clause) and not self._known_guess(clause, tokens)

    def _known_guess(self, clause: list[str], tokens: Sequence[str]) -> bool:
        """A guess that names what is asked about ("..., like arrogance or something?"): all
        its words the base's, a rare word or the article's phrase ("city council") among
        them, and no name, which would be an option offered ("just the mayor or everyone?").
        Any other guess is the asker's."""
        known = self._known_tokens
        if not (tokens and is_guess(clause) and all(t in known for t in tokens)):
            return False
        content = [w for w in clause if w not in STOPWORDS]
        if any(w in self._names.owners for w in content):
            return False
        return self._names_a_quote(content) or self._quotes_a_run(clause)

    def _names_a_quote(self, content: list[str]) -> bool:
        """A rare word, or two words the article puts side by side."""
        phrase = any(b in self._next_words.get(a, ()) for a, b in itertools.pairwise(content))
        return phrase or any(self._normalizer.zipf(w) < _RARE for w in content)

    def _quotes_a_run(self, clause: list[str]) -> bool:
        """Three words or more of the article in its order, a content word among them ("a free
        for all or something")."""
        for size in range(len(clause), _QUOTED_RUN - 1, -1):
            for start in range(len(clause) - size + 1):
                run = clause[start : start + size]
                worded = not STOPWORDS.issuperset(run)
                if worded and f" {' '.join(run)} " in self._known_run:
                    return True
        return False

    def _about_asker(self, clause: list[str]) -> bool:
        """ "sorry typing on phone": a word about the asker, and at most one the base knows."""
        return bool(set(clause) & _ASKER_WORDS) and self._known_words(clause) <= 1

    def _known_words(self, clause: list[str]) -> int:
        """How many of the clause's words, other than words about the asker, the base knows
        ("sorry typing on phone": one, though "phone" is two tokens)."""
        said = [w for w in self._normalizer.correct_all(clause) if w not in _ASKER_WORDS]
        known = self._known_tokens
        return sum(not known.isdisjoint(self._normalizer.word_tokens(w)) for w in said)


def _markup(plain: str, text: str, said: list[str]) -> bool:
    """`looks_like_markup` of the question, with its words when the whole text is the question."""
    return looks_like_markup(plain, text, said if plain == text else None)


def _asks_any(clauses: list[list[str]]) -> bool:
    """Some clause starts with a question word."""
    return any(c[:1] and c[0] in _WH for c in clauses)


def _all_chat(kept: list[str]) -> bool:
    """Stopwords only, and no question of them ("what is it about" asks one)."""
    return STOPWORDS.issuperset(kept) and not _asks_any([kept])


def _untopical(
    clauses: list[list[str]], kept: list[list[str]], said: Sequence[Sequence[str]]
) -> bool:
    """Nothing topical is left without the chatter, or what is left points back at it."""
    return not any(said) or _points_back(clauses, kept, said)


def _points_back(
    clauses: list[list[str]], kept: list[list[str]], said: Sequence[Sequence[str]]
) -> bool:
    """ "my teacher mentioned some 2019 report, who wrote it?": the question kept points back
    at what an aside before it named, and says nothing else."""
    if not kept or kept[0] is clauses[0] or sum(map(len, said)) > 1:
        return False
    return any(_REFERRING & set(c) for c in kept)


def _is_askers_people(clause: list[str]) -> bool:
    """ "my teacher wants a list", "me and my buddy are arguing": about the asker, whatever
    it names."""
    at = 2 if clause[:2] in (["me", "and"], ["i", "and"]) else 0
    return clause[at : at + 1] == [] or (
        clause[at] in _OURS and clause[at + 1 : at + 2] != [] and clause[at + 1] in _ASKER_NOUNS
    )


def _is_askers_work(clause: list[str]) -> bool:
    """ "im writing an essay on press freedom": the asker's work, not the topic."""
    about = not PURPOSE_NOUNS.isdisjoint(clause) or clause[2:3] in (["about"], ["abt"], ["on"])
    return bool(_ASKERS_WORK & set(clause[:2])) and about


def _about_bot(found: list[str]) -> bool:
    """About the bot, or asking it for leave ("can i share it?")."""
    return about_the_bot(found) or _is_askers_intent(found)


def _is_afterword(clause: list[str]) -> bool:
    """After the question: a guess at the answer ("..., like 'reckless'?"), a remark, or what
    the asker believes, checked with a tag ("..., hes not mayor anymore right?")."""
    return is_guess(clause) or _is_remark(clause) or _is_belief(clause)


def _is_belief(clause: list[str]) -> bool:
    checked = clause[-1] in _BELIEF_TAGS and len(clause) <= _BELIEF_SPAN
    return checked and not any(w in _WH for w in clause)


_BELIEF_TAGS = frozenset("right correct yeah innit".split())
_BELIEF_SPAN = 8


def _is_askers_own(clause: list[str]) -> bool:
    """The asker's work, what they need the answer for, or what they will do with it."""
    return _is_askers_work(clause) or _is_askers_purpose(clause) or _is_askers_intent(clause)


def _is_remark(clause: list[str]) -> bool:
    """ "..., it was pretty harsh": the asker's remark on what they ask about, after it."""
    at = 1 if clause[0] in _REMARKED else 0
    if clause[at : at + 1] and clause[at] in _REMARKING:
        at += 1  # "it sounds vague", or just "sounds vague"
    while at < len(clause) - 1 and clause[at] in _INTENSIFIERS:
        at += 1
    return 0 < at == len(clause) - 1


_REMARKED = frozenset("it its thats this that they theyre".split())
_REMARKING = frozenset("was is were are sounds sounded seems seemed".split())
_INTENSIFIERS = frozenset("pretty so really very kinda quite super rly soo sooo too".split())


def _is_askers_purpose(clause: list[str]) -> bool:
    """ "need it for a slide": what the asker needs the answer for, and nothing else."""
    if "for" not in clause or clause[-1] not in PURPOSE_NOUNS:
        return False
    return set(clause[: clause.index("for")]) <= _NEEDING


_NEEDING = frozenset(
    """
    i im need needed needs it this that want wanna using use asking its is citing quoting
    the a number name date answer quote source info
    """.split()
)


def _is_askers_intent(clause: list[str]) -> bool:
    """ "wanna share it in #news": what the asker will do with the answer."""
    if not clause or clause[0] not in _INTENDING:
        return False  # the common case
    at = 0
    while at < len(clause) and clause[at] in _INTENDING:
        at += 1
    said = clause[at : at + 2]
    return at > 0 and len(said) == 2 and said[0] in _PASSING_ON and said[1] in _REFERRING_TO


_INTENDING = frozenset("i im ill wanna want to gonna going so can could will".split())
_PASSING_ON = frozenset("share post send quote cite forward repost paste pin use".split())
_REFERRING_TO = frozenset("it this that them".split())


# "what condition has to be *met*": a condition is met, fulfilled or satisfied; no meeting.
_CONDITION_NOUNS = frozenset(
    """
    condition conditions requirement requirements criteria benchmark benchmarks standard
    standards
    """.split()
)
_MEETING_CONDITIONS = frozenset("met meet meets fulfilled fulfil fulfill satisfied".split())
_CALL_SUBJECT = 3  # "what did [the un experts] call it": the words between "did" and "call"
_CALL_PARTICLES = frozenset("for on upon to off out".split())  # "call for", "call on": a demand


def naming_call_dropped(found: Sequence[str]) -> list[str]:
    """ "What did they call it?" asks for a name or a description, not for a call (a demand):
    that "call" says nothing of the topic and is left out; so is the "use" of "what word did
    they use"."""
    found = _naming_use_dropped(found)
    if "call" not in found and "calls" not in found:
        return found
    for i, word in enumerate(found):
        if word not in ("call", "calls") or set(found[i + 1 : i + 2]) & _CALL_PARTICLES:
            continue
        start = max(0, i - _CALL_SUBJECT - 2)
        before = found[start:i]
        if "what" in before and {"do", "did", "does", "would", "to"} & set(before[1:]):
            return [*found[:i], *found[i + 1 :]]
    return list(found)


def _naming_use_dropped(found: Sequence[str]) -> list[str]:
    """ "what word did they use", "which terms were used": the words asked for, no use."""
    for i, word in enumerate(found):
        if word in _NAMING_USES and _NAMING_NOUNS & set(found[max(0, i - _NAMING_SPAN) : i]):
            return [*found[:i], *found[i + 1 :]]
    return list(found)


_NAMING_USES = frozenset("use used attach attached apply applied".split())
_NAMING_SPAN = 7  # "what word [in quotation marks do the experts] use"
_NAMING_VERBS = frozenset({"call", "calls"}) | _NAMING_USES  # what makes a question name a thing
_NAMING_NOUNS = frozenset(
    """
    word words term terms phrase phrases label labels adjective adjectives wording language
    """.split()
)
_YES_NO_STARTS = frozenset("did do does will would could".split())


def done_as_carried_out(found: Sequence[str]) -> list[str]:
    """ "Did the city actually do the census?": "do" with a thing after it, in a yes-no
    question, is putting that thing into effect (a word readers use for it, not a stopword)."""
    if not found or found[0] not in _YES_NO_STARTS:
        return list(found)
    for i in range(2, len(found) - 1):
        if found[i] == "do" and found[i + 1] in DETERMINERS:
            return [*found[:i], "implement", *found[i + 1 :]]
    return list(found)


_GUESS_TAGS = frozenset(
    (a, b) for a in ("is", "was", "are", "were") for b in ("it", "that", "this", "they")
)
_GUESS_STARTS = frozenset("like maybe probably perhaps the a or".split())
_AMOUNTS = frozenset("dozen dozens tens hundreds thousands millions".split())


def is_guess(clause: Sequence[str]) -> bool:
    """A guess the asker adds after a question ("..., like tens or hundreds", "..., the 40th
    or something?"): a few words, no question word, offering options or an amount. It is
    the asker's, not the question's: the quote that answers shows whether it was right."""
    if tuple(clause[:2]) in _GUESS_TAGS:
        clause = clause[2:]  # "..., is it like a virus or smth": the guess as a yes-no
    if clause[-2:] == ["or", "what"]:
        clause = clause[:-2]  # "..., like dozens or what": the chat closer, no question word
    if not clause or len(clause) > 6 or any(w in _WH for w in clause):
        return False
    return _offers_options(clause) or _offers_figures(clause)


def _offers_options(clause: Sequence[str]) -> bool:
    trailing = clause[0] == "or" and len(clause) <= 3  # "..., or smth"
    return "or" in clause[1:] or trailing


def _offers_figures(clause: Sequence[str]) -> bool:
    """ "..., like 40", "..., 40th? 41st?", "..., 40 something?" (figures offered, one
    clause each)."""
    figures = [w for w in clause if any(ch.isdigit() for ch in w)]
    rough = all(w in _ROUGHLY for w in clause if w not in figures)
    alone = len(clause) <= 2 and bool(figures) and rough
    return alone or (clause[0] in _GUESS_STARTS and _has_amount(clause))


_ROUGHLY = frozenset("something ish odd plus".split())  # "40 something", "40-odd"


def _has_amount(clause: Sequence[str]) -> bool:
    return any(w in _AMOUNTS or any(ch.isdigit() for ch in w) for w in clause)


def name_parts(
    people: Sequence[tuple[str, Sequence[str], bool]], stop: frozenset[str], english: English
) -> NameParts:
    """NameParts from (id, names and aliases, is a person) triples. `stop` words are no name
    parts, nor are common English words in an organisation's name ("member states"). Only
    people's names have first names and surnames to swap."""
    owners: dict[str, set[str]] = {}
    firsts: set[str] = set()
    lasts: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for person_id, names, is_person in people:
        for name in names:
            found = _name_words(name, stop)
            for w in _naming_words(found, is_person, english):
                owners.setdefault(w, set()).add(person_id)
            if is_person and len(found) >= 2:
                firsts.add(found[0])
                lasts.update(found[1:])  # middle names too: "Ana Kwame" if Kwame is another's
                pairs.update(itertools.pairwise(found))
    frozen = {w: frozenset(ids) for w, ids in owners.items()}
    by_name = _owners_by_name(people, stop, english)
    spans = frozenset(w for _, names, _ in people for name in names for w in words(name))
    return NameParts(frozen, frozenset(firsts), frozenset(lasts), frozenset(pairs), by_name, spans)


def name_runs(found: Sequence[str], names: NameParts) -> list[tuple[int, int, frozenset[str]]]:
    """The names said in `found`, as (start, end, ids): runs of names' words holding a word
    that names someone by name ("the Acme Group", "Ana Ruiz"); a run joined to the one before
    by "and" holds that one's ids too ("Ana Ruiz and the Acme Group")."""
    runs: list[tuple[int, int, frozenset[str]]] = []
    i = 0
    while i < len(found):
        end = i
        while end < len(found) and found[end] in names.spans:
            end += 1
        ids = frozenset(o for w in found[i:end] for o in names.by_name.get(w, ()))
        if ids:
            joined = runs and runs[-1][1] == i - 1 and found[i - 1] == "and"
            runs.append((i, end, ids | runs[-1][2] if joined else ids))
        i = max(end, i + 1)
    return runs


def calls_of_a_group(found: Sequence[str], names: NameParts) -> list[str]:
    """ "The officials' call", "the officials made their call": a call a group of people
    (named by no name) made, no one person's ("Ana's call")."""
    if _CALL_NOUNS.isdisjoint(found):
        return []  # the common case: no call asked about
    out = []
    for i, word in enumerate(found):
        if word not in _CALL_NOUNS or not i:
            continue
        at = i - 1
        if found[at] == "their":
            at = next(
                (k for k in range(i - 2, max(-1, i - 5), -1) if _a_group(found[k], names)), -1
            )
        if at >= 0 and _a_group(found[at], names):
            out.append(word)
    return out


def _a_group(word: str, names: NameParts) -> bool:
    """A plural noun for people that is no name's word ("officials"; not "its", "Reyes", nor
    "Anas" for "Ana's")."""
    named = word in names.spans or word[:-1] in names.spans
    return plural_noun(word) and not named and word not in STOPWORDS


_CALL_NOUNS = frozenset("call calls appeal demand demands proposal recommendation".split())


def deeds_by_name(found: Sequence[str], names: NameParts) -> list[tuple[frozenset[str], str]]:
    """Who the question says did what: "did *Ana* [herself] *hack* ...", "*hacked* by
    *Ana*", as (the ids named, the verb)."""
    out = []
    for start, end, ids in name_runs(found, names):
        for verb in (_verb_after_doing(found, start, end), _verb_before_by(found, start)):
            if verb:
                out.append((ids, verb))
    return out


def _verb_after_doing(found: Sequence[str], start: int, end: int) -> str:
    """ "did [the] Ana [herself] *hack*": the verb after a name that follows "did"."""
    before = found[start - 1] if start else ""
    doing = before in _DOING or (before == "the" and start > 1 and found[start - 2] in _DOING)
    return _next_content(found, end) if doing else ""


def _verb_before_by(found: Sequence[str], start: int) -> str:
    """ "*hacked* by [the] Ana": the content word a few words before "by" and the name."""
    before = found[start - 1] if start else ""
    if before != "by" and found[start - 2 : start - 1] != ["by"]:
        return ""
    at = start - 1 if before == "by" else start - 2
    return next((w for w in reversed(found[max(0, at - 3) : at]) if w not in STOPWORDS), "")


def _next_content(found: Sequence[str], at: int) -> str:
    while at < len(found) and found[at] in _BY_ITSELF:
        at += 1
    word = found[at] if at < len(found) else ""
    return "" if word in STOPWORDS else word


_DOING = frozenset("did does do has have had".split())
_BY_ITSELF = frozenset("itself themselves himself herself actually really even ever also".split())


def _owners_by_name(
    people: Sequence[tuple[str, Sequence[str], bool]], stop: frozenset[str], english: English
) -> dict[str, frozenset[str]]:
    """Each name word's owners, leaving out people's titles: an alias that shares no word
    with the name ("special rapporteur on freedom of expression") names a mandate, whose
    words ("freedom", "expression") are no one's name."""
    owners: dict[str, set[str]] = {}
    for person_id, names, is_person in people:
        own = set(_name_words(names[0], stop))
        for name in names:
            found = _name_words(name, stop)
            if is_person and own.isdisjoint(found):
                continue
            for w in _naming_words(found, is_person, english):
                owners.setdefault(w, set()).add(person_id)
    return {w: frozenset(ids) for w, ids in owners.items()}


def paired_name_fixed(found: Sequence[str], parts: NameParts) -> list[str]:
    """A word one slip from the name word it stands beside in a known name ("jnae smith",
    "ana okafr") is that word: typed in lower case, it is no capitalised name to look up."""
    out = list(found)
    owners = parts.owners
    for i, (a, b) in enumerate(itertools.pairwise(found)):
        if (a in owners or b in owners) and (a, b) not in parts.pairs:
            out[i : i + 2] = _pair_fixed(a, b, out[i : i + 2], parts)
    return out


def _pair_fixed(a: str, b: str, current: list[str], parts: NameParts) -> list[str]:
    """The two words, either one fixed into its known partner's other half."""
    for x, y in parts.pairs:
        if b == y and _slip_of(a, x, parts):
            return [x, current[1]]
        if a == x and _slip_of(b, y, parts):
            return [current[0], y]
    return current


def _slip_of(typed: str, name: str, parts: NameParts) -> bool:
    """`typed` is a slip for the name word `name`, not itself another name's word."""
    return typed != name and typed not in parts.owners and _one_slip(typed, name)


def _one_slip(typed: str, name: str) -> bool:
    return len(typed) >= 3 and typed.isalpha() and OSA.distance(typed, name, score_cutoff=1) <= 1


def _name_words(name: str, stop: frozenset[str]) -> list[str]:
    """A name's words that can be name parts: not `stop` words, longer than two letters."""
    return [w for w in words(name) if w not in stop and len(w) > 2]


def _naming_words(found: list[str], is_person: bool, english: English) -> list[str]:
    """The name words that name their owner: all of a person's, an organisation's uncommon ones."""
    return [w for w in found if is_person or english.zipf(w) < COMMON_NAME_ZIPF]


def phrasing_kinds(phrasing: str) -> frozenset[Kind]:
    """The kinds a curated phrasing asks (for checking an entry's declared `kinds`): as a
    question would, except that "which technologies" declares what, not who."""
    found = strip_chat(words(phrasing))
    asked = kinds_of(found, phrasing.rstrip().endswith("?"))
    which = "which" in found[:2] and asked == {Kind.WHAT, Kind.WHO}
    return frozenset({Kind.WHAT}) if which else asked
