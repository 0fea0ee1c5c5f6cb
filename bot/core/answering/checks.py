"""The decision rules: small named checks of a parsed question against the entry that would
answer it. Each returns the Reason to decline, or None. Pure and deterministic.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mypy_extensions import mypyc_attr

from bot.core.answering.lexicon import English
from bot.core.answering.matching import EntryIndex, Scored
from bot.core.answering.normalize import stem, words
from bot.core.answering.question import Kind, Question
from bot.core.answering.question_shape import asks_which_members, lists_after, noun_root
from bot.core.answering.wordlists import AUXILIARIES, FUNCTION_WORDS, NON_ASSERTING, STOPWORDS
from bot.core.knowledge.model import Entry
from bot.core.text import fold, straighten

CONTRAST_NAMES = 2  # "besides A and B, who ...": the list the article gives is used up
MAX_UNEXPLAINED = 0.34  # share of the question's weight the answer may leave unexplained
MIN_SCORE = 0.5  # a weaker match is no answer, whatever the confidence model says
MIN_KEYWORDS, KEYWORDS_COVERAGE, KEYWORDS_FIT = 4, 0.95, 0.7
MIN_GLUE = 4  # a form-less text with this many function words in a row is no question
MIN_SALAD = 6  # a form-less text with this many content words must keep the quote's order
MAX_SALAD_GLUE = 1  # ...when it has no more function words than this
MAX_TERSE_ENTRIES = 3  # a lone word more entries' quotes use than this is no topic by itself
CURATED_FIT = 0.9  # a lone word fitting an entry's phrasing this well is one curated for it
COMMON_ZIPF = 5.0  # nor is a word this common in English ("states", "rules", "deal")


class Reason(StrEnum):
    """Why the engine answered or declined; shown by "Why this answer?"."""

    ANSWERED = "answered"
    EMPTY = "empty"  # no words to match
    WEAK = "weak"  # the best match is unlikely to be right
    AMBIGUOUS = "ambiguous"  # two unrelated entries fit equally well
    UNKNOWN_WORDS = "unknown-words"  # key words the entry (or the article) knows nothing of
    UNSETTLED = "unsettled"  # a yes-no the quote raises ("whether it did") but doesn't answer
    QUESTION_KIND = "question-kind"  # a why/when/who... the fitting entries don't answer
    ASKED_ABOUT = "asked-about"  # the detail asked for is not what the entry tells
    NEGATION = "negation"  # "who did not ...": no entry is curated for the negated question
    UNKNOWN_NAME = "unknown-name"  # one person's first name with another's surname
    PREMISE = "premise"  # takes for granted an outcome the article doesn't state
    TERSE = "terse"  # a lone word the entry's quote is not about
    MARKUP = "markup"  # code, markup or a link, not a question
    ABOUT_BOT = "about-the-bot"  # about the bot itself or its opinion ("who made you?")
    KEYWORDS = "keywords"  # a string of words with no question form that fits no one passage


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
@dataclass(frozen=True, slots=True)
class Profile:
    """What the checks need to know about one entry, computed once."""

    kinds: frozenset[Kind]  # empty: any kind (an entry that declares none)
    negated: tuple[frozenset[str], ...]  # the tokens of each of its negated phrasings
    contrasted: bool  # it has a contrastive phrasing ("besides X, who ..."): a list entry
    contrasted_phrasings: Mapping[int, int]  # those phrasings, by position: how many they name
    evidence: frozenset[str]  # stems of what its quote and answer state (see engine.stated)
    done: frozenset[str]  # tokens of the past verbs they state ("published": "released" too)
    answer_states: frozenset[str]  # tokens of what its answer states (see engine.stated)
    answer_addresses: frozenset[str]  # ...or states did not happen ("did not adopt")
    mentioned: frozenset[str]  # stems of every word of its quote and answer
    addressed: frozenset[str]  # what it states, or states did not happen ("did not adopt")
    quote_tokens: frozenset[str]  # its quote's content tokens (synonyms mapped)
    answer_tokens: frozenset[str]  # its answer's content tokens (synonyms mapped)
    own_tokens: frozenset[str]  # its quote's and answer's content tokens
    one_word_phrasings: frozenset[str]  # tokens of its one-word phrasings ("title")
    states_facts: bool  # not a demand: its quote says what is so, not what someone wants
    reports_event: bool  # it reports something that happened (its kind is "event")
    open_tokens: frozenset[str]  # what its quote leaves open ("must disclose whether it ...")
    # What its quote urges, and whom ("urge *the city* to *disclose*"): token -> party tokens.
    demanded: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # What each contrastive phrasing sets aside, and whether that is only names of people
    # ("besides *the mayor*": the mayor's tokens, True).
    set_aside: tuple[tuple[frozenset[str], bool], ...] = ()
    names_people: bool = False  # its quote gives people's names ("the names of the experts")
    urges_someone: bool = False  # its quote says whom it urges ("call on *all states*")
    about_people: frozenset[str] = frozenset()  # the people whose own entry it is
    quoted_people: frozenset[str] = frozenset()  # the ids of the people its quote names
    promised: frozenset[str] = frozenset()  # stems of what its quote says will or would be done
    described: frozenset[str] = frozenset()  # ids its quote describes ("Ana, a hydrologist")
    # The tokens of the verb each negated phrasing negates ("what did they *not adopt*").
    negated_verbs: tuple[frozenset[str], ...] = ()
    # Its quote's tokens, each with the names said nearest before it ("Ana's *exposure*").
    actors: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Match:
    """A question and the entry that would answer it."""

    question: Question
    entry: Entry
    scored: Scored
    profile: Profile
    index: EntryIndex
    english: English
    quote_df: Mapping[str, int]  # token -> how many entries' quotes hold it
    negation_fits: bool  # the entry has a negated phrasing close to the question
    premise_token: Callable[[str], str]  # a verb's stem -> its token (synonyms mapped)


def kind_fits(question: Question, profile: Profile) -> bool:
    """The entry declares a kind the question asks, or declares none. A yes-no question fits
    any entry that states something (a demand says what someone wants, not what is so);
    "who said ...?" fits every entry (each tells who is quoted)."""
    if not question.kinds or not profile.kinds or question.kinds & profile.kinds:
        return True
    if question.asks_speaker:
        return True
    return question.kinds == {Kind.YES_NO} and profile.states_facts


def markup(m: Match) -> Reason | None:
    return Reason.MARKUP if m.question.markup else None


def swapped_name(m: Match) -> Reason | None:
    """One person's first name with another's name, or a name the article never has."""
    return Reason.UNKNOWN_NAME if m.question.swapped or m.question.unknown_name else None


def negation(m: Match) -> Reason | None:
    """A negated or contrastive question needs an entry curated for it (one with such a
    phrasing: "besides the mayor, who voted for it?")."""
    if m.question.negated and not m.negation_fits:
        return Reason.NEGATION
    # "Other than A, B and C, who ...?" of a list of A, B and C: nothing is left to name.
    # ...unless the entry's own contrastive phrasing names as many ("anyone besides A, B, C?").
    if m.question.contrasted and not _contrast_answerable(m):
        return Reason.NEGATION
    return None


def _contrast_answerable(m: Match) -> bool:
    """Something is left once the contrast sets its part aside."""
    q = m.question
    named = m.profile.contrasted_phrasings.get(m.scored.phrasing, 0)
    aside = len(q.names_set_aside)  # not the names asked among: "which *rapporteurs*"
    exhausted = _used_up(q, m.profile, aside) and aside > named
    # "Which boats other than ferries ...?": other kinds of what the article names only as the
    # one set aside.
    other_kinds = bool(q.focus) and q.focus <= q.excluded
    return (
        m.profile.contrasted
        and not exhausted
        and not other_kinds
        and sets_aside_alike(q, m.profile)
    )


def _used_up(q: Question, profile: Profile, aside: int) -> bool:
    """The contrast sets aside every person the quote names ("besides A and B" of a quote
    naming A, B and C leaves C), or, of a quote naming none, two or more names."""
    if not profile.quoted_people:
        return aside >= CONTRAST_NAMES
    return profile.quoted_people <= q.names_set_aside | q.named_by_name


def sets_aside_alike(q: Question, profile: Profile) -> bool:
    """An entry whose contrasts set aside only names ("besides the watchdog, who exposed
    it?") lists those named: "besides the spyware, which other spyware?" sets aside no name
    and asks another list, unless it sets aside one of the same words. "Besides the three
    named" sets aside every name: only a contrast curated for it answers."""
    if q.excluded & _NAMES:
        return any(aside & q.excluded for aside, _ in profile.set_aside)
    if not profile.set_aside or not all(named for _, named in profile.set_aside):
        return True
    names = bool(q.excluded) and q.excluded <= q.name_tokens
    return names or any(aside & q.excluded for aside, _ in profile.set_aside)


def about_the_bot(m: Match) -> Reason | None:
    return Reason.ABOUT_BOT if m.question.about_bot else None


def about_the_article(m: Match) -> Reason | None:
    """ "When was this article published?" is answered only by an entry about the article."""
    return Reason.ASKED_ABOUT if m.question.about_article and m.entry.kind != "meta" else None


def question_kind(m: Match) -> Reason | None:
    return None if kind_fits(m.question, m.profile) else Reason.QUESTION_KIND


def premise(m: Match) -> Reason | None:
    """An outcome the question takes for granted must be in the entry's quote or answer: as
    written, or as a curated synonym in the answer of an entry that reports an event."""
    # A yes-no question asks whether ("Did they adopt it?" is answered by "they did not");
    # any other takes the outcome as stated ("When did they adopt it?").
    asks = Kind.YES_NO in m.question.kinds
    if not asks and (_demand_told_as_done(m) or _outcome_of_a_demand(m)):
        return Reason.PREMISE
    if asks and _only_demanded(m):
        return Reason.PREMISE  # "has any state imposed it?" of a call to impose it
    return Reason.PREMISE if _unstated_outcomes(m, asks) else None


def another_did_it(m: Match) -> Reason | None:
    """ "How many phones did Ana hack?" of a quote that tells of Ana's exposure of how Bo's
    spyware was used for the hacking: the deed is another's."""
    actors = m.profile.actors
    for ids, tokens in m.question.deeds_by:
        if any(t in actors and ids.isdisjoint(actors[t]) for t in tokens):
            return Reason.PREMISE
    return None


def _only_demanded(m: Match) -> bool:
    """An outcome a yes-no question asks about that the entry only urges, and no one did."""
    profile = m.profile
    return any(
        (token := m.premise_token(verb)) in profile.demanded and token not in profile.done
        for verb in m.question.asserted
    )


def _unstated_outcomes(m: Match, asks: bool) -> list[str]:
    """The outcomes the question takes for granted that the entry does not state."""
    evidence = m.profile.addressed if asks else m.profile.evidence
    # An event's answer says it in curated words ("did not adopt it" answers whether they did,
    # but says of no one that they did).
    told = m.profile.answer_addresses if asks else m.profile.answer_states
    return [
        verb
        for verb in m.question.asserted
        if verb not in evidence
        and m.premise_token(verb) not in m.profile.done
        and not (m.profile.reports_event and m.premise_token(verb) in told)
    ]


def _outcome_of_a_demand(m: Match) -> bool:
    """ "What did the city's disclosure show?", "how did its review turn out?": the result of
    what the quote only urges the one asked about to do."""
    said = m.question.words
    if _RESULTING.isdisjoint(said) or not NON_ASSERTING.isdisjoint(said):
        return False
    asked = set(m.question.tokens)
    return any(
        token in asked and parties & asked and token not in m.profile.done
        for token, parties in m.profile.demanded.items()
    )


_RESULTING = frozenset("show shows showed shown find found turn turned".split())


def _demand_told_as_done(m: Match) -> bool:
    """ "What did the city *reveal*?" of a quote that urges the city to disclose: what it is urged
    to do is no deed done."""
    for verb in m.question.did:
        token = m.premise_token(verb)
        party = m.profile.demanded.get(token)
        if party and party & _doers(m, verb) and token not in m.profile.done:
            return True  # the one urged is the one asked about
    return False


def _doers(m: Match, verb: str) -> set[str]:
    """The tokens of who the question says did `verb`: its words between "did" and the verb
    ("what did *the city* reveal"), or all of its tokens when it words it otherwise."""
    said = m.question.words
    start = said.index("did") + 1 if "did" in said else 0
    end = next((i for i, w in enumerate(said[start:], start) if stem(w) == verb), None)
    if end is None:
        return set(m.question.tokens)
    return {m.premise_token(stem(w)) for w in said[start:end]} & set(m.question.tokens)


def terse(m: Match) -> Reason | None:
    """A lone word is answered only when it is a name the entry's quote or answer holds, a
    one-word phrasing of an entry about the article itself ("title"), or a word that is not
    common English ("referendum", not "states" or "rules"), that the entry's quote or answer
    holds and that few entries' quotes use or the entry has as its own one-word phrasing."""
    q = m.question
    own = [w for w in q.words if w not in STOPWORDS]
    if not _lone_word(q, own):
        return None
    if m.entry.kind == "meta" and q.tokens[0] in m.profile.one_word_phrasings:
        return None
    return None if _answers_lone_word(m, own) else Reason.TERSE


def _lone_word(q: Question, own: list[str]) -> bool:
    """A single word with no question form: one word that is no stopword, or none such and
    a single token."""
    lone = len(own) == 1 or (not own and len(q.tokens) == 1)
    return not q.kinds and lone


def _answers_lone_word(m: Match, own: list[str]) -> bool:
    """The entry's quote or answer holds the lone word, and it is a name or a topic word."""
    curated = m.scored.fit >= CURATED_FIT  # the entry's own one-word phrasing
    if not _about(m, own, curated):
        return False
    return bool(m.question.names) or _topic_word(m, own, curated)


def _about(m: Match, own: list[str], curated: bool) -> bool:
    """The entry's quote or answer holds the word, or the word is no English (an acronym
    or alias: "ungp") and the entry's own one-word phrasing."""
    if any(stem(w) in m.profile.mentioned for w in own):
        return True
    return curated and bool(own) and not any(m.english.is_word(w) for w in own)


def _topic_word(m: Match, own: list[str], curated: bool) -> bool:
    """Not everyday English ("free-for-all" is not "free"), and few quotes use it or the
    entry has it as its own one-word phrasing."""
    english = [w for w in own if m.english.is_word(w)]
    common = "-" not in m.question.text and any(m.english.zipf(w) >= COMMON_ZIPF for w in english)
    distinctive = all(m.quote_df.get(t, 0) <= MAX_TERSE_ENTRIES for t in m.question.tokens)
    return not common and (distinctive or curated)


def keywords(m: Match) -> Reason | None:
    """Four or more words with no question form must all belong to one entry and fit one of
    its phrasings well: "working group business rights states" is a salad, not a search."""
    q = m.question
    if q.kinds and _auxiliary_then_salad(q) and _shuffled_quote(m):
        return Reason.KEYWORDS  # "must sell farm council vote panels": no question
    if q.kinds:
        # "who pegasus the of transfer ...": a question word among shuffled words.
        return Reason.KEYWORDS if _article_then_glue(q.words) else None
    if _glue_run(q.words) >= MIN_GLUE or _article_before_glue(q.words) or _shuffled(q):
        return Reason.KEYWORDS
    if len(q.tokens) < MIN_KEYWORDS:
        return None
    return _keywords_fit(m)


def _auxiliary_then_salad(q: Question) -> bool:
    """A yes-no only by its first word, then a salad's many content words and no glue."""
    first, rest = q.words[:1], q.words[1:]
    if q.kinds != {Kind.YES_NO} or not first or first[0] not in AUXILIARIES:
        return False
    return len(rest) > MIN_KEYWORDS and FUNCTION_WORDS.isdisjoint(rest)


def _keywords_fit(m: Match) -> Reason | None:
    """Enough keywords: not a shuffled run of the quote's words, and covered by the entry
    and fitting one of its phrasings well."""
    if _shuffled_quote(m):
        return Reason.KEYWORDS  # a long run of the quote's words, shuffled
    coherent = _covered(m) >= KEYWORDS_COVERAGE and m.scored.fit >= KEYWORDS_FIT
    return None if coherent else Reason.KEYWORDS


def _shuffled_quote(m: Match) -> bool:
    q = m.question
    return _salad(q, m.entry.quote) and not _in_order(q.words, m.entry.quote, m.entry.answer)


def _covered(m: Match) -> float:
    """The share of the question's weight the entry explains, words pointing at its source
    and its figures included."""
    missing, total = _weight_left(m)
    return 1 - missing / total if total else 0.0


def _weight_left(m: Match) -> tuple[float, float]:
    """The weight of the question's words the entry leaves unexplained, and of all of them."""
    total = sum(m.index.weight(t) for t in m.question.tokens)
    return sum(m.index.weight(t) for t in m.scored.unexplained), total


def _glue_run(found: Sequence[str]) -> int:
    """The longest run of function words ("of the and to in human rights": four)."""
    run = longest = 0
    for word in found:
        run = run + 1 if word in FUNCTION_WORDS else 0
        longest = max(longest, run)
    return longest


_ARTICLES = frozenset("the a an".split())
# Words no noun phrase starts with: after "the" or "a" they show words put in at random.
_NO_NOUN_AFTER = frozenset(
    "of and to in on for or with by at from is are was were the a an how why who".split()
)


def _article_before_glue(found: Sequence[str]) -> bool:
    """ "the of and ...", "a to ...": an article right before a preposition or conjunction,
    or last ("... prevent the"), which no English sentence has: shuffled words, not a
    question."""
    if len(found) >= 3 and found[-1] in _ARTICLES:
        return True
    return _article_then_glue(found)


def _article_then_glue(found: Sequence[str]) -> bool:
    return any(a in _ARTICLES and b in _NO_NOUN_AFTER for a, b in itertools.pairwise(found))


_DANGLING = frozenset("of and".split())  # no phrase ends so ("exposed by" may: "by whom")
MIN_DANGLING = 4


def _shuffled(q: Question) -> bool:
    """ "... peaceful the rapporteur of": "of" or "and" last among many words, which no
    phrase ends with (unless trailing off: "rights of...?"); or a content word twice in a
    row ("audit audit report")."""
    found = q.words
    trailing_off = ".." in q.text or "…" in q.text
    if len(found) >= MIN_DANGLING and found[-1] in _DANGLING and not trailing_off:
        return True
    if any(a == b and a not in STOPWORDS for a, b in itertools.pairwise(found)):
        return True
    # "spyware ban spyware ban spyware": a few words said over and over.
    return len(found) >= MIN_DANGLING + 1 and 2 * len(set(found)) <= len(found)


def _salad(q: Question, quote: str) -> bool:
    """Many content words and no function word, a list rather than a sentence or a message;
    or one function word among words that turn the quote's round ("devices mobile")."""
    glue = sum(w in FUNCTION_WORDS for w in q.words)
    if len(q.tokens) < MIN_SALAD or glue > MAX_SALAD_GLUE + 1:
        return False
    turned = _turned_round(q.words, quote)
    # Two pairs turned round is a shuffle even with a second function word in it.
    return not glue or turned >= glue


def _turned_round(asked: Sequence[str], quote: str) -> int:
    """How many pairs of words side by side the quote has side by side the other way round."""
    said = {(stem(a), stem(b)) for a, b in itertools.pairwise(words(quote))}
    return sum((stem(b), stem(a)) in said for a, b in itertools.pairwise(asked))


def _in_order(asked: Sequence[str], *texts: str) -> bool:
    """The asked content words come in the order of one of `texts` (by stem), as when a
    reader pastes words of the quote to find it."""
    wanted = [stem(w) for w in asked if w not in STOPWORDS]
    for text in texts:
        remaining = iter([stem(w) for w in words(text)])
        if all(any(w == said for said in remaining) for w in wanted):
            return True
    return False


def weak(m: Match) -> Reason | None:
    return Reason.WEAK if m.scored.score < MIN_SCORE else None


# "the firm has to show it audited itself": the demand, not the fact, is asked about.
_DEMAND_WORDING = frozenset({("has", "to"), ("have", "to"), ("needs", "to"), ("need", "to")})


def unsettled(m: Match) -> Reason | None:
    """ "Has the firm audited itself?" of a quote that demands it "disclose whether it" did."""
    said = m.question.words
    demand = any(pair in _DEMAND_WORDING for pair in itertools.pairwise(said))
    asks_fact = Kind.YES_NO in m.question.kinds and not NON_ASSERTING & set(said) and not demand
    left_open = set(m.question.tokens) & m.profile.open_tokens
    return Reason.UNSETTLED if asks_fact and left_open else None


_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DAY_OF_MONTH = re.compile(
    rf"\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? (?:of )?(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS}) (?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
)


def counted(m: Match) -> Reason | None:
    """ "How many journalists" is not answered by a count of devices, and "exactly how
    many" not by "hundreds" (an answer without a figure)."""
    if m.question.exact and not any(c.isdigit() for c in m.entry.answer):
        return Reason.ASKED_ABOUT
    if m.question.day and not _DAY_OF_MONTH.search(fold(m.entry.answer)):
        return Reason.ASKED_ABOUT  # "which day in May?" of "in May 2019"
    missing = m.question.counted - m.profile.answer_tokens
    return Reason.ASKED_ABOUT if Kind.HOW_MANY in m.question.kinds and missing else None


def unknown_words(m: Match) -> Reason | None:
    """Words the article knows nothing of; a name the entry knows nothing of ("How many
    boats did the mayor sell?" of a quote without the mayor); too much left unexplained."""
    if any(not m.index.knows(t) for t in m.scored.unexplained):
        return Reason.UNKNOWN_WORDS
    if m.question.name_tokens & set(m.scored.unexplained):
        return Reason.UNKNOWN_WORDS
    if any(t.isdigit() for t in m.scored.unexplained):
        return Reason.UNKNOWN_WORDS  # "... in 2019?" of a passage that says no such year
    missing, total = _weight_left(m)
    return Reason.UNKNOWN_WORDS if total and missing / total > MAX_UNEXPLAINED else None


def asked_about(m: Match) -> Reason | None:
    """The noun asked about ("which *country*", "the mayor's *husband*") must be the entry's, and
    "which journalists" is not answered by a quote that only lists journalists."""
    if focus_asked(m.question, m.profile) & set(m.scored.unexplained):
        return Reason.ASKED_ABOUT
    if m.question.detail - m.profile.own_tokens:
        return Reason.ASKED_ABOUT
    # As written, no synonym: "the title of the report" is no job title.
    given = _NAMES if m.profile.names_people else frozenset()
    if m.question.detail_named - m.profile.mentioned - given:
        return Reason.ASKED_ABOUT
    if _asks_which_listed(m) or _asks_what_no_passage_tells(m) or _specifics_untold(m):
        return Reason.ASKED_ABOUT
    return None


def focus_asked(q: Question, profile: Profile) -> frozenset[str]:
    """The nouns asked about, but a "name" of a person's own entry ("the author's name"):
    that entry gives the name."""
    return q.focus - _NAMES if profile.about_people else q.focus


def _specifics_untold(m: Match) -> bool:
    """ "What specific measures did it take?" of a quote that says "measures" but lists none."""
    noun = m.question.specifics
    if not noun:
        return False
    quote = straighten(m.entry.quote.lower())
    root = noun_root(noun)
    if root not in quote:
        # "Which specific governments were its clients?" of "its clients": no one named.
        return not _names_more_than(m.entry.answer, m.question, m.english)
    return not lists_after(quote, noun)


def _asks_what_no_passage_tells(m: Match) -> bool:
    return _untold_by_this_passage(m) or _untold_by_any_passage(m.question, m.profile)


def _untold_by_this_passage(m: Match) -> bool:
    return _untold_details(m) or _untold_deeds(m)


def _untold_details(m: Match) -> bool:
    q = m.question
    if q.now and m.profile.mentioned.isdisjoint(_NOW_STEMS):
        return True  # "what is she doing these days?" of a quote from then
    if q.names_work and not _GIVES_A_NAME.search(f"{m.entry.quote} {m.entry.answer}"):
        return True  # "what was the investigation called?" of no name
    if q.within and not _names_more_than(m.entry.answer, q, m.english):
        return True  # "where in Spain is it based?" of "it is based in Spain"
    return bool(q.kind_of) and not q.kind_of <= m.profile.described  # "what kind of group is X?"


def _untold_deeds(m: Match) -> bool:
    q = m.question
    if q.findings and m.profile.mentioned.isdisjoint(_FINDINGS_TOLD):
        return True  # "what did the report find?" of a passage that tells of none
    if q.which_named and not names_one(m.entry.answer, q, m.english):
        return True  # "which country ...?" of "all states"
    if q.future and not set(q.future) <= m.profile.promised:
        return True  # "will it be adopted?" of a passage that says no one will or would
    return q.happened and not m.profile.reports_event  # "what happened after ..." of no event


def _untold_by_any_passage(q: Question, profile: Profile) -> bool:
    """ "Should I stop using my phone?": no passage advises, nor forecasts, nor gives the
    reporter's own view; "whom are they calling on?" of who is calling."""
    return q.advice or q.predicts or q.reporters_view or (q.addressee and not profile.urges_someone)


def names_one(answer: str, q: Question, english: English) -> bool:
    """The answer names something the question, the asker's guess aside, does not ("which
    country is it from, Spain right?" is answered by "Spain"): a short clause without a
    question word is a guess."""
    clauses = [words(c) for c in _GUESS_BREAKS.split(q.text)]
    asked = {w for c in clauses if len(c) > _GUESS_WORDS or _ASKING & set(c) for w in c}
    return _names_more_than(answer, q, english, asked)


_GUESS_BREAKS = re.compile(r"[?,;!]")
_GUESS_WORDS = 4  # "..., is it Spain? just checking": the most words of a guess
_ASKING = frozenset("which what who whose".split())


def _names_more_than(
    answer: str, q: Question, english: English, asked: set[str] | None = None
) -> bool:
    """The answer names something the question does not: a capitalised word that is no
    common English word ("Madrid", not the "Group" of a firm's name)."""
    asked = set(q.words) | set(words(q.text)) if asked is None else asked
    said = (
        _POSSESSIVE.sub("", fold(w).rstrip(".,;:!?")) for w in answer.split() if w[:1].isupper()
    )
    return any(w not in asked and english.zipf(w) < COMMON_ZIPF for w in said)


_POSSESSIVE = re.compile(r"['’]s$")


# A name given: in quotes, or after "called", "named", "titled" ("called Project Lantern").
# A name in quotation marks is short: a whole quoted sentence names nothing.
_GIVES_A_NAME = re.compile(
    r"[“\"][^”\"]{1,40}[”\"]|\b(?:called|named|titled|entitled|dubbed) [“\"]?[A-Z]"
)


def _asks_which_listed(m: Match) -> bool:
    """ "which journalists", or "which heads of state" of a list of "political leaders"."""
    asked = (m.question.text, m.question.which_as_article)
    return any(text and asks_which_members(text, m.entry.quote) for text in asked)


# Stems of words that report what a work found ("his findings", "a damning report", "it
# recommended", "their exposure of how ...").
_FINDINGS_TOLD = frozenset(
    "find found conclud show reveal describ recommend exposur damn warn".split()
)
_NOW_STEMS = frozenset("now current today nowaday".split())
_NAMES = frozenset({"name"})  # the stem of "names", as `detail_named` holds it


Check = Callable[[Match], Reason | None]
# In order: the first that fails names the reason.
CHECKS: tuple[Check, ...] = (
    markup,
    about_the_bot,
    swapped_name,
    question_kind,
    negation,
    about_the_article,
    premise,
    another_did_it,
    unsettled,
    unknown_words,
    asked_about,
    counted,
    terse,
    keywords,
    weak,
)


def first_failure(m: Match) -> Reason | None:
    for check in CHECKS:
        reason = check(m)
        if reason is not None:
            return reason
    return None
