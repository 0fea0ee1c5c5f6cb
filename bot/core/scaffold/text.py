"""What a sentence of a news article shows on its surface: names, dates, numbers, who speaks,
whether it demands something, and its key phrases. English newswire conventions, no model:
every guess here is a draft a curator checks. Pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.answering.wordlists import FUNCTION_WORDS, STOPWORDS
from bot.core.text import fold

MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Words that make a capitalised name an organisation (or a place) rather than a person.
ORGANISATION_WORDS = frozenset(
    """
    Agency Alliance Association Assembly Authority Bank Board Bureau Centre Center Church City
    Club Coalition College Commission Committee Company Congress Corporation Council County
    Court Department District Forum Foundation Fund Group Guidelines Hospital Inc. Initiative
    Institute International Lake League Ltd. Ministry Museum Nations Network News Office
    Organisation Organization Parliament Party Police Principles Programme Program Project
    Reservoir Rights River School Schools Senate Service Society State States Street Times
    Trust Union United University Watch
    """.split()
)
# Titles before a person's name: not part of the name readers type.
TITLES = frozenset(
    """
    Mr. Mrs. Ms. Mx. Dr. Prof. Professor Mayor President Senator Sen. Rep. Governor Gov.
    Minister Judge Chief Councillor Councilman Councilwoman Secretary Director Chairman
    Chairwoman Chair Officer Sergeant Sgt. Captain Capt. General Gen. Sir Dame Lord Lady
    Reverend Rev. Detective Inspector Commissioner Superintendent Coach
    """.split()
)
# Irregular past tenses and their base form: a reader asks "did it lose" of "it lost", and
# stems cannot join the two. English, not knowledge.
_IRREGULAR = dict(
    pair.split(":")
    for pair in """
    lost:lose won:win paid:pay sold:sell bought:buy found:find began:begin rose:rise fell:fall
    grew:grow left:leave held:hold met:meet spent:spend built:build sent:send brought:bring
    kept:keep led:lead chose:choose gave:give took:take made:make went:go came:come saw:see
    knew:know thought:think wrote:write drove:drive ran:run struck:strike stood:stand
    fought:fight caught:catch taught:teach sought:seek broke:break spoke:speak stole:steal
    froze:freeze forgot:forget got:get hid:hide lent:lend meant:mean rang:ring rode:ride
    shook:shake shot:shoot sang:sing sank:sink slept:sleep swam:swim threw:throw
    understood:understand woke:wake wore:wear withdrew:withdraw rebuilt:rebuild flew:fly
    drew:draw ate:eat fed:feed felt:feel heard:hear hung:hang laid:lay dealt:deal told:tell
    said:say became:become
    """.split()
)
REPORTING_VERBS = (
    "said|says|added|adds|warned|warns|urged|urges|told|tells|explained|noted|argued|"
    "stated|wrote|insisted|claimed|announced|according to"
)
_REPORTING = re.compile(rf"\b(?:{REPORTING_VERBS})\b")
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.|[A-Z][\w’'-]*[\w])"
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:of|for|on|and|the|de|van|von)\s+)?{_NAME_WORD})*")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})\s+)?(?P<month>{_MONTH})(?:\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
)
_YEAR = re.compile(
    r"\b(?:in|since|by|from|until|of|during|before|after)\s+(?P<year>(?:19|20)\d{2})\b"
)
_WEEKDAY = re.compile(rf"\b(?:on|last|next|this)\s+(?:{'|'.join(WEEKDAYS)})\b")
_NUMBER = re.compile(
    r"(?:\$|€|£)?\b\d[\d,.]*\b(?:\s*(?:percent|per cent|%|million|billion|thousand))?"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
    r"thousands?|millions?)\b",
    re.I,
)
_MONEY = re.compile(r"[$€£]\s?\d|\b(?:cost|costs|price|budget|fund|grant|dollars|euros)\b", re.I)
_WHY = re.compile(r"\b(?:because|due to|citing|so that|in order to|as a result|since)\b", re.I)
_WHERE = re.compile(r"\b(?:in|at|near|across|outside)\s+(?:the\s+)?([A-Z]\w*)")
_DEMAND = re.compile(
    r"\b(?:call(?:s|ed|ing)? on|call(?:s|ed|ing) for|urg(?:e|es|ed|ing)|must|demand(?:s|ed)?|"
    r"ask(?:s|ed)? (?:the|for)|should)\b"
)
_DEMAND_TARGET = re.compile(
    r"\b(?:call(?:s|ed|ing)? on|urg(?:e|es|ed|ing)|ask(?:s|ed)?)\s+(?P<target>(?:the\s+)?"
    r"[\w’' -]{2,60}?)\s+to\b"
)
_MUST_SUBJECT = re.compile(r"(?P<target>(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:must|should)\b")


@dataclass(frozen=True, slots=True)
class Name:
    text: str  # as the article writes it, without a leading title ("Linda Okafor")
    kind: str  # "person" or "organisation"


@dataclass(frozen=True, slots=True)
class Date:
    when: str  # as worded: "March 2025", "on Tuesday"
    date: str | None  # "YYYY", "YYYY-MM", "YYYY-MM-DD", or None when the year is not given


def _drop_edges(words: list[str]) -> list[str]:
    while words and (words[0].lower() in FUNCTION_WORDS or words[0] in TITLES):
        words = words[1:]
    while words and words[-1].lower() in FUNCTION_WORDS:
        words = words[:-1]
    return words


def _is_name(words: Sequence[str]) -> bool:
    calendar = {*MONTHS, *WEEKDAYS}
    return len(words) >= 2 and not any(w in calendar for w in words)


def _split_names(words: list[str]) -> list[list[str]]:
    """Names joined by "and" or a possessive: "Greg Hale and Priya Nair" is two people, "Acme
    Group’s Widget" two names; "Department of Trade and Industry" stays one."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word == "and" and not {"of", "on", "for"} & set(parts[-1]):
            parts.append([])
            continue
        stripped = word.removesuffix("’s").removesuffix("'s")
        parts[-1].append(stripped)
        if stripped != word:
            parts.append([])
    return [p for p in parts if p]


def names(sentence: str) -> list[Name]:
    """Capitalised multi-word names and acronyms, in order of appearance."""
    found: list[Name] = []
    for match in _NAME.finditer(sentence):
        for part in _split_names(match.group().split()):
            part = _drop_edges(part)
            if _is_name(part):
                kind = "organisation" if ORGANISATION_WORDS & set(part) else "person"
                found.append(Name(" ".join(part), kind))
    for match in _ACRONYM.finditer(sentence):
        if not any(match.group() in n.text.split() for n in found):
            found.append(Name(match.group(), "organisation"))
    return found


def _calendar_date(match: re.Match[str]) -> Date | None:
    month = MONTHS.index(match["month"]) + 1
    day, year = match["day1"] or match["day2"], match["year"]
    if month == 5 and not (day or year):
        return None  # "May" as a verb at the start of a sentence
    date = f"{year}-{month:02d}" if year else None
    if date and day:
        date += f"-{int(day):02d}"
    return Date(match.group(), date)


def dates(sentence: str) -> list[Date]:
    """Dates as the sentence words them, with YYYY[-MM[-DD]] when the year is given."""
    found = [d for m in _DATE.finditer(sentence) if (d := _calendar_date(m)) is not None]
    taken = " ".join(d.when for d in found)
    for match in _YEAR.finditer(sentence):
        if match["year"] not in taken:
            found.append(Date(match.group(), match["year"]))
    found += [Date(m.group(), None) for m in _WEEKDAY.finditer(sentence)]
    return found


def numbers(sentence: str) -> list[str]:
    """Counts and amounts that are not part of a date."""
    inside = " ".join(d.when for d in dates(sentence))
    return [m.group() for m in _NUMBER.finditer(sentence) if m.group() not in inside]


def question_kinds(sentence: str, has_speaker: bool) -> tuple[str, ...]:
    """The kinds of question the sentence answers (see model.QUESTION_KINDS)."""
    kinds = ["what"]
    if has_speaker or names(sentence):
        kinds.append("who")
    checks = (
        ("when", bool(dates(sentence))),
        ("where", any(w not in {*MONTHS, *WEEKDAYS} for w in _WHERE.findall(sentence))),
        ("why", bool(_WHY.search(sentence))),
        ("how-many", bool(numbers(sentence))),
    )
    kinds += [kind for kind, present in checks if present]
    return tuple(kinds)


def asks_money(sentence: str) -> bool:
    return bool(_MONEY.search(sentence))


def unquoted(sentence: str) -> str:
    """The narration around quotation marks: where "said Okafor" is."""
    return _QUOTED.sub(" ", sentence)


def is_quoted(sentence: str) -> bool:
    return bool(_QUOTED.search(sentence)) and bool(_REPORTING.search(unquoted(sentence)))


def reporting_subject(sentence: str, known: Sequence[Name]) -> str | None:
    """The known name nearest to the reporting verb in the narration, or None."""
    narration = unquoted(sentence)
    verb = _REPORTING.search(narration)
    if verb is None:
        return None
    best: tuple[int, str] | None = None
    window = 80  # characters: a name further from the verb is not its subject
    for name in known:
        surname = name.text.split()[-1]
        for candidate in (name.text, surname):
            at = narration.find(candidate)
            if at >= 0:
                distance = abs(at - verb.start())
                if distance <= window and (best is None or distance < best[0]):
                    best = (distance, name.text)
    return best[1] if best else None


def demand_target(sentence: str) -> str | None:
    """Of whom a demand is made: "urged *the council* to", "*the city* must"."""
    narration = unquoted(sentence)
    match = _DEMAND_TARGET.search(narration) or _MUST_SUBJECT.search(narration)
    if match is None:
        return None
    words = [w for w in match["target"].split() if w.lower() not in {"the", "a", "an"}]
    return " ".join(words) or None


def is_demand(sentence: str) -> bool:
    return bool(_DEMAND.search(unquoted(sentence)))


def demander(sentence: str) -> str | None:
    """Who makes the demand: the words before "urged" / "called on" ("the anglers club")."""
    match = _DEMAND_TARGET.search(unquoted(sentence))
    if match is None:
        return None
    before = unquoted(sentence)[: match.start()].split()
    words = _drop_edges([w.strip(",") for w in before[-5:]])
    if words and words[0].lower() in {"we", "i", "they", "he", "she", "it"}:
        return None  # a pronoun: the sentence's speaker makes the demand
    while words and words[-1].lower() in {"has", "have", "had", "also", "is", "was", "were"}:
        words = words[:-1]
    return " ".join(words[-4:]) or None


def appositive(sentence: str, name: str) -> str | None:
    """ "Samuel Ortiz, *a hydrologist at Eastfield University*, said": the role given."""
    match = re.search(rf"{re.escape(name)},\s+((?:a|an|the)\s[^,;.“”]{{3,120}})", sentence)
    return match.group(1) if match else None


def content_words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in STOPWORDS and len(w) > 1]


def key_phrases(sentence: str, size: int = 3, limit: int = 6) -> list[str]:
    """Overlapping runs of the sentence's content words: how a reader echoes the article."""
    words = content_words(unquoted(sentence)) or content_words(sentence)
    if len(words) <= size:
        return [" ".join(words)] if words else []
    step = max(1, size - 1)
    runs = [" ".join(words[i : i + size]) for i in range(0, len(words) - size + 1, step)]
    return runs[:limit]


def base_forms(sentence: str) -> str | None:
    """The sentence's content words with irregular past tenses in their base form ("company
    lose million"), or None when it has none."""
    words = content_words(sentence)
    based = [_IRREGULAR.get(w, w) for w in fold(sentence).split() if _IRREGULAR.get(w)]
    if not based:
        return None
    return " ".join([*based, *words])


def topic(sentence: str) -> str:
    """A short label for what the sentence is about: its first name, else key words."""
    found = names(sentence)
    if found:
        return found[0].text
    words = content_words(sentence)[:4]
    return " ".join(words) or "this"
