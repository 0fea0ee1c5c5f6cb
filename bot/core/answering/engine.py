"""Pick the entry that answers a question, or decline with suggestions. Deterministic.

The question is read once (question.py). Matching ranks entries (matching.py); the best entry
that answers the question's kind is checked by the named rules in checks.py; confidence is the
calibrated probability that the answer is right (calibration.py). The engine answers only when
every check passes and the confidence reaches ANSWER_THRESHOLD; a decline's confidence stays
below it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from mypy_extensions import mypyc_attr
from rapidfuzz import fuzz, process

from bot.core.answering.checks import (
    CURATED_FIT,
    Match,
    Profile,
    Reason,
    first_failure,
    focus_asked,
    kind_fits,
    names_one,
    sets_aside_alike,
)
from bot.core.answering.lexicon import English
from bot.core.answering.matching import EntryIndex, Scored
from bot.core.answering.normalize import Normalizer, clean, stem, words
from bot.core.answering.question import (
    Kind,
    Question,
    QuestionReader,
    calls_on,
    is_contrasted,
    is_negated,
    is_past,
    name_parts,
    name_runs,
    negated_verb,
)
from bot.core.answering.wordlists import AUXILIARIES, INTENSIFIERS, QUOTED_SPEECH, STOPWORDS
from bot.core.calibration import IDENTITY
from bot.core.knowledge.model import Entry, KnowledgeBase, Person
from bot.core.text import fold

MAX_QUESTION_CHARS = 500  # longer input is cut here before matching
ANSWER_THRESHOLD = 0.5
AMBIGUITY_MARGIN = 0.03  # two unrelated entries closer than this: the question is ambiguous...
AMBIGUITY_CEILING = 0.75  # ...unless the best one fits this well
FACTLESS_KINDS = ("demand",)  # entries that say what someone wants done, not what is so
NEGATED_FIT = 0.6  # how closely a negated question must fit a negated phrasing
KIND_SLACK = 0.25  # how far below the best an entry of the asked kind may score and still answer
# Words asking for what someone said ("Ana quote", "what did she say").
_SPEECH_ASKED = frozenset("quote quotes quoted say says said words".split())
EVIDENCE_SLACK, EVIDENCE_LOW = 0.05, 0.5  # see Engine._quote_told
FIGURE_SLACK = 0.1  # how far below the best an entry that knows the question's figure may be
RANKED = 4  # entries considered per question
SUGGESTIONS = 3
NAME_CUTOFF = 75  # rapidfuzz ratio for a misspelt name ("Linda Okafro") to find its person
CLOSE_PHRASING = 88  # rapidfuzz ratio for a question with no topic words to match a phrasing

__all__ = ["ANSWER_THRESHOLD", "Answer", "Assessment", "Candidate", "Engine", "Reason", "agree"]


class Candidate(NamedTuple):  # immutable, and quick to make
    entry: Entry
    score: float  # 0..1
    phrasing: str  # the question or alternate it matched best


class Answer(NamedTuple):  # immutable, and quick to make
    question: str  # the user's text, cleaned of control characters and cut to the limit
    entry: Entry | None  # None: declined
    confidence: float  # 0..1: the chance the answer is right
    matched: Candidate | None  # the best candidate, kept for "Why this answer?" even on declines
    runner_up: Candidate | None
    suggestions: tuple[Entry, ...]  # up to 3 questions the article can answer (on declines)
    reason: str  # a checks.Reason value: "answered", or why not
    detail: str = ""  # what the reason is about, e.g. the unknown name ("ana okafor")

    @property
    def answered(self) -> bool:
        return self.entry is not None


class Assessment(NamedTuple):  # immutable, and quick to make
    answer: Answer
    candidate: Entry | None  # the entry it would answer with, declined or not
    features: dict[str, float]  # the calibration model's inputs (empty without a candidate)
    failed: Reason | None  # the check that declined it; None when only confidence decided


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
class Engine:
    """The answering engine over one validated, read-only knowledge base."""

    def __init__(self, kb: KnowledgeBase, english: English) -> None:
        self.kb = kb
        self.english = english
        self.normalizer = Normalizer(_vocabulary(kb), _synonym_groups(kb), english)
        self.index = EntryIndex(
            kb.entries,
            self.normalizer,
            _attributions(kb, self.normalizer),
            _descriptions(kb, self.normalizer),
        )
        self.reader = self._reader(kb, english)
        self.calibration = kb.calibration or IDENTITY
        self._people_of = _people_by_entry(kb)
        self._persons = frozenset(p.id for p in kb.people if p.kind == "person")
        self._profiles = [self._profile(e) for e in kb.entries]
        self._quote_df = _quote_frequencies(kb.entries, self._profiles)
        self._questions = [fold(e.question) for e in kb.entries]
        self._phrasings = _folded_phrasings(kb.entries)
        self._phrasing_texts = [_as_article(p.split()) for p, _, _ in self._phrasings]
        self._names = _folded_names(kb.people)
        self._spoken_by = _spoken_by(kb)
        self._then = [bool(_FORMER.search(e.quote)) for e in kb.entries]

    def _reader(self, kb: KnowledgeBase, english: English) -> QuestionReader:
        """The question reader, knowing the base's names and all the text the article has."""
        people = [(p.id, (p.name, *p.aliases), p.kind == "person") for p in kb.people]
        names = name_parts(people, STOPWORDS, english)
        texts = (kb.title, kb.header, kb.text, *(n for _, ns, _ in people for n in ns))
        known = " ".join(fold(t) for t in texts)
        return QuestionReader(self.normalizer, names, self.index.tokens(), kb.bot_name, known)

    def _profile(self, entry: Entry) -> Profile:
        negating = [words(p) for p in entry.phrasings if is_negated(words(p))]
        negated = tuple(frozenset(self.normalizer.tokens(" ".join(p))) for p in negating)
        negated_verbs = tuple(self._verb_tokens(negated_verb(p)) for p in negating)
        contrasted = self._contrasted(entry)
        own = [*words(entry.quote), *words(entry.answer)]
        return Profile(
            kinds=frozenset(Kind(k) for k in entry.kinds),
            negated=negated,
            negated_verbs=negated_verbs,
            contrasted=bool(contrasted),
            contrasted_phrasings=contrasted,
            evidence=stated(words(entry.quote)) | stated(words(entry.answer)),
            done=self._done(entry),
            answer_states=self._tokens_of(stated_words(words(entry.answer))),
            answer_addresses=self._tokens_of(stated_words(words(entry.answer), True)),
            mentioned=frozenset(stem(w) for w in own),
            names_people=self._names_people(entry.quote),
            urges_someone=_urges_someone(words(entry.quote)),
            addressed=stated(words(entry.quote), True) | stated(words(entry.answer), True),
            quote_tokens=frozenset(self.normalizer.tokens(entry.quote)),
            answer_tokens=frozenset(self.normalizer.tokens(entry.answer)),
            own_tokens=frozenset(self.normalizer.tokens(f"{entry.quote} {entry.answer}")),
            one_word_phrasings=self._one_word_phrasings(entry),
            open_tokens=self._open_tokens(entry.quote),
            demanded=self._demanded(entry.quote),
            set_aside=tuple(self._set_aside(entry.phrasings[i]) for i in sorted(contrasted)),
            states_facts=entry.kind not in FACTLESS_KINDS,
            reports_event=entry.kind == "event",
            about_people=self._people_of.get(entry.id, frozenset()),
            quoted_people=self._people_quoted(entry.quote),
            promised=promised(words(entry.quote)),
            actors=self._actors(entry.quote),
            described=self._described(entry.quote),
        )

    def _described(self, quote: str) -> frozenset[str]:
        """The people and organisations the quote says what they are: a name, then a comma
        and "a", "an" or "the" ("Ana Ruiz, a hydrologist at ...", "Bo, the club's president")."""
        found = set()
        for person in self.kb.people:
            for name in (person.name, *person.aliases):
                if re.search(rf"\b{re.escape(name)},\s+(?:a|an|the)\s", quote):
                    found.add(person.id)
        return frozenset(found)

    def _actors(self, quote: str) -> dict[str, frozenset[str]]:
        """Each token of the quote's words with the name said nearest before it in its clause
        ("Ana's *exposure*", "the firm's app was used for *spying*"): whose deed it
        is, as far as the order of the words tells. A token said anywhere with no name before
        it in its clause is no one's for sure, and left out."""
        found: dict[str, set[str]] = {}
        unnamed: set[str] = set()
        for clause in _QUOTE_CLAUSES.split(quote):
            for token, ids in self._clause_actors(words(clause)):
                if ids:
                    found.setdefault(token, set()).update(ids)
                else:
                    unnamed.add(token)
        return {t: frozenset(ids) for t, ids in found.items() if t not in unnamed}

    def _clause_actors(self, said: list[str]) -> list[tuple[str, frozenset[str]]]:
        """Each content word's tokens in a clause, with the ids of the name said last before
        it (none: an empty set)."""
        names = self.reader.names
        runs = name_runs(said, names)
        out: list[tuple[str, frozenset[str]]] = []
        for k, word in enumerate(said):
            if word in STOPWORDS or word in names.spans:
                continue
            before = [ids for _, end, ids in runs if end <= k]
            last = before[-1] if before else frozenset()
            out.extend((token, last) for token in self.normalizer.word_tokens(word))
        return out

    def _contrasted(self, entry: Entry) -> dict[int, int]:
        """Its contrastive phrasings, by position: how many names each sets aside."""
        return {
            i: len(self.reader.read(p).names)
            for i, p in enumerate(entry.phrasings)
            if is_contrasted(words(p))
        }

    def _one_word_phrasings(self, entry: Entry) -> frozenset[str]:
        return frozenset(
            t for p in entry.phrasings if len(words(p)) == 1 for t in self.normalizer.tokens(p)
        )

    def _names_people(self, quote: str) -> bool:
        return bool(self._people_quoted(quote))

    def _people_quoted(self, quote: str) -> frozenset[str]:
        named = _named_in(quote, self.kb.people, aliases=False)
        return frozenset(p.id for p in named if p.kind == "person")

    def _set_aside(self, phrasing: str) -> tuple[frozenset[str], bool]:
        read = self.reader.read(phrasing)
        return read.excluded, bool(read.excluded) and read.excluded <= read.name_tokens

    def _tokens_of(self, found: list[str]) -> frozenset[str]:
        return frozenset(self.normalizer.tokens(" ".join(found)))

    def _done(self, entry: Entry) -> frozenset[str]:
        """The tokens of the past verbs its quote and answer state ("published" as "publish"):
        a synonym of one ("released") is then stated too. Nouns are not ("a ban" is no ban
        imposed)."""
        said = [*stated_words(words(entry.quote)), *stated_words(words(entry.answer))]
        return frozenset(self.normalizer.stem_token(stem(w)) for w in said if is_past(w))

    def _demanded(self, quote: str) -> dict[str, frozenset[str]]:
        """The tokens of the verbs its quote urges someone to, with the tokens of who is
        urged ("urge *the city* ... to *disclose*", "*the company* must publicly *disclose*"):
        "the company" is also the company the quote names, by its name."""
        kinds = self._kinds_in(quote)
        demanded: dict[str, frozenset[str]] = {}
        for word, party in urged_verbs(words(quote)):
            urged = self._tokens_of(party)
            urged |= frozenset(t for head, name in kinds if head & urged for t in name)
            for token in self._tokens_of([word]):
                demanded[token] = urged
        return demanded

    def _kinds_in(self, quote: str) -> list[tuple[frozenset[str], frozenset[str]]]:
        """The people and organisations a quote names: what each is (its role's head noun)
        and its name, as tokens."""
        return [
            (
                frozenset(_role_head(p.role, self.normalizer)),
                frozenset(self.normalizer.tokens(p.name)),
            )
            for p in _named_in(quote, self.kb.people)
        ]

    def _open_tokens(self, quote: str) -> frozenset[str]:
        """The tokens of what a quote leaves open ("disclose whether it conducted ..."): the
        words after "whether" that the quote does not also use before it."""
        found = words(quote)
        if "whether" not in found:
            return frozenset()
        at = found.index("whether")
        before = self.normalizer.tokens(" ".join(found[:at]))
        return frozenset(self.normalizer.tokens(" ".join(found[at + 1 :]))) - set(before)

    def read(self, question: str) -> Question:
        return self.reader.read(clean(question, MAX_QUESTION_CHARS))

    def answer(self, question: str) -> Answer:
        return self.assess(question).answer

    def assess(self, question: str) -> Assessment:
        """The answer, with what the calibration model saw (for `rapporteur calibrate`)."""
        q = self.read(question)
        ranked = self._ranked(q)
        if not ranked:
            empty = Answer(q.text, None, 0.0, None, None, self._suggest([]), Reason.EMPTY)
            return Assessment(empty, None, {}, Reason.EMPTY)
        chosen = self._choose(q, ranked)
        runner_up = next((s for s in ranked if s is not chosen), None)
        best = self._candidate(chosen)
        second = self._candidate(runner_up) if runner_up else None
        features = self.features(q, chosen, ranked)
        confidence = round(self.calibration.probability(features), 3)
        failed = self._failed_check(q, chosen, features["margin"])
        answer = self._verdict(q, ranked, best, second, confidence, failed)
        return Assessment(answer, best.entry, features, failed)

    def _ranked(self, q: Question) -> list[Scored]:
        """The entries to weigh for `q`, best first; a question with no topic words can only
        match a curated phrasing near-verbatim."""
        if not q.tokens:
            return self._close_phrasing(q)
        # Who asks for a person: "the UN special rapporteur" is then the question itself.
        ranked = self.index.score(q.tokens, RANKED, attributed=Kind.WHO not in q.kinds)
        return [_alternative_forgiven(q, s) for s in ranked] if any(q.alternatives) else ranked

    def _verdict(
        self,
        q: Question,
        ranked: list[Scored],
        best: Candidate,
        second: Candidate | None,
        confidence: float,
        failed: Reason | None,
    ) -> Answer:
        """Answer with the best candidate when no check failed and the confidence is high
        enough; otherwise decline, with the confidence kept below the threshold."""
        reason = failed or (Reason.ANSWERED if confidence >= ANSWER_THRESHOLD else Reason.WEAK)
        if reason is Reason.ANSWERED:
            return Answer(q.text, best.entry, confidence, best, second, (), Reason.ANSWERED)
        capped = min(confidence, ANSWER_THRESHOLD - 0.01)
        detail = (q.swapped or q.unknown_name) if reason is Reason.UNKNOWN_NAME else ""
        suggestions = self._suggest(ranked)
        return Answer(q.text, None, capped, best, second, suggestions, reason, detail)

    def _choose(self, q: Question, ranked: list[Scored]) -> Scored:
        """The best entry that fits the question's form (its kind; for a negated question,
        an entry curated for negation) and scores near the best or stands in the best
        entry's paragraph (the passage that holds the answer: why someone is urged to act is
        told beside the urging). When the first knows nothing of the noun asked about ("which
        *session*"), one whose own quote or answer holds it comes first."""
        fitting = self._fitting(q, ranked)
        if not fitting:
            return ranked[0]
        if focus_asked(q, self._profiles[fitting[0].entry_index]) & set(fitting[0].unexplained):
            # The first would be declined for not knowing the noun: try one that says it.
            about = [s for s in fitting if not self._focus_untold(q, s.entry_index)]
            return next(iter(about or fitting))
        first = self._quote_told(q, _figure_told(fitting), fitting)
        first = self._named_one(q, self._post_now(q, first, fitting), fitting)
        return self._own_words(q, ranked) or first

    def _post_now(self, q: Question, first: Scored, fitting: list[Scored]) -> Scored:
        """ "Who is the rapporteur on ...?", no one named: today's, not "the then" one."""
        if not self._then[first.entry_index] or q.named_by_name or not _asks_present(q):
            return first
        return next((s for s in fitting if self._holds_a_post_now(s)), first)

    def _named_one(self, q: Question, first: Scored, fitting: list[Scored]) -> Scored:
        """ "Which country ...?": one that names a country, not one that says "all states"."""
        if not q.which_named or self._names_one(q, first):
            return first
        return next((s for s in fitting if self._names_one(q, s)), first)

    def _spoken(self, q: Question) -> set[int]:
        """The entries in the words of the people a question asks the words of ("Ana quote"),
        if it asks nothing more."""
        if not q.named_by_name or _SPEECH_ASKED.isdisjoint(q.words):
            return set()
        if not set(q.tokens) <= q.name_tokens:
            return set()  # more is asked than what the person said
        return {i for person in q.named_by_name for i in self._spoken_by.get(person, ())}

    def _holds_a_post_now(self, scored: Scored) -> bool:
        """A person's own entry whose quote gives no former post."""
        i = scored.entry_index
        return bool(self._profiles[i].about_people) and not self._then[i]

    def _names_one(self, q: Question, scored: Scored) -> bool:
        return names_one(self.kb.entries[scored.entry_index].answer, q, self.english)

    def _own_words(self, q: Question, ranked: list[Scored]) -> Scored | None:
        """For "Ana quote", "what did Ana say?" (a person's name, and words asking for what was
        said): the best entry whose quote is that person's own words, if any."""
        spoken = self._spoken(q)
        if not spoken or any(s.entry_index in spoken for s in ranked[:1]):
            return None
        # Few entries are ranked; the person's own words may rank lower, all are weighed.
        every = self.index.score(q.tokens, len(self.kb.entries), attributed=False)
        return next((s for s in every if s.entry_index in spoken), None)

    def _quote_told(self, q: Question, first: Scored, fitting: list[Scored]) -> Scored:
        """`first`, unless its passage says little of the question's words (they fit its
        phrasings only) and one close behind says them all ("done *repeatedly*", of the
        passage that says "repeatedly")."""
        if first.fit >= CURATED_FIT or self._told_share(q, first) >= EVIDENCE_LOW:
            return first  # a phrasing curated for the question, or a passage that says it
        close = [s for s in fitting if s is not first and s.score >= first.score - EVIDENCE_SLACK]
        return next((s for s in close if self._told_share(q, s) >= 1.0), first)

    def _told_share(self, q: Question, scored: Scored) -> float:
        """The share of the question's weight the entry's quote and answer say (the
        calibration's "evidence")."""
        own = self._profiles[scored.entry_index].own_tokens
        weight = self.index.weight
        total = sum(weight(t) for t in q.tokens)
        return self._share(total, [t for t in q.tokens if t in own])

    def _focus_untold(self, q: Question, index: int) -> frozenset[str]:
        profile = self._profiles[index]
        return focus_asked(q, profile) - profile.own_tokens

    def _fitting(self, q: Question, ranked: list[Scored]) -> list[Scored]:
        """The ranked entries that fit the question's form and either score within
        KIND_SLACK of the best or (for a question of a known kind) share its paragraph."""
        floor = ranked[0].score - KIND_SLACK
        paragraph = self.kb.entries[ranked[0].entry_index].paragraph
        return [
            s
            for s in ranked
            if (
                s.score >= floor
                or (q.kinds and self.kb.entries[s.entry_index].paragraph == paragraph)
            )
            and self._fits_form(q, s)
        ]

    def _fits_form(self, q: Question, scored: Scored) -> bool:
        profile = self._profiles[scored.entry_index]
        negation = not q.negated or self.negation_fit(q, scored.entry_index)
        contrast = not q.contrasted or (profile.contrasted and sets_aside_alike(q, profile))
        addressed = not q.addressee or profile.urges_someone
        named = self._names_fit(q, profile)
        return kind_fits(q, profile) and negation and contrast and addressed and named

    def _names_fit(self, q: Question, profile: Profile) -> bool:
        """One person's own entry does not answer a question that names only other people
        ("what does Ana cover?" is not answered by Bo's mandate, though one quote names both)."""
        if not q.named_by_name or not profile.about_people:
            return True  # the common case: no name, or no person's own entry
        named = (q.named_by_name - q.names_set_aside) & self._persons
        return not named or bool(named & profile.about_people)

    def negation_fit(self, q: Question, index: int) -> bool:
        """A negated question fits an entry that has a negated phrasing close to it: by the
        F1 of how much of the phrasing the question says and how much of the question the
        phrasing or the entry's quote explains (a reader may name part of the answer: "the
        industry must not become a what-free zone"). The two must negate the same verb: "who
        did not *sidestep* it" is no "what did they not *adopt*" ("what did they not *do*" may
        be either)."""
        asked = set(q.tokens)
        total = sum(self.index.weight(t) for t in asked)  # once, not per phrasing
        quote = self.index.quote_tokens(index)
        profile = self._profiles[index]
        verb = self._verb_tokens(negated_verb(q.words))
        return any(
            self._negated_fit(asked, total, phrasing, quote) >= NEGATED_FIT
            and (not verb or bool(verb & negates))
            for phrasing, negates in zip(profile.negated, profile.negated_verbs, strict=True)
        )

    def _verb_tokens(self, word: str) -> frozenset[str]:
        """A verb's tokens, synonyms mapped; a plain one ("do") as its stem."""
        if not word:
            return frozenset()
        return frozenset(self.normalizer.word_tokens(word)) or frozenset({stem(word)})

    def _negated_fit(
        self, asked: set[str], total: float, phrasing: frozenset[str], quote: frozenset[str]
    ) -> float:
        """The F1 of `negation_fit` for one negated phrasing (0 when they share nothing);
        `total` is the weight of `asked`."""
        weight = self.index.weight
        said = sum(weight(t) for t in asked & phrasing)
        if not said:
            return 0.0
        explained = sum(weight(t) for t in asked if t in phrasing or t in quote)
        recall = said / sum(weight(t) for t in phrasing)
        precision = explained / total
        return 2 * recall * precision / (recall + precision)

    def match(self, question: str) -> Match | None:
        """The question and the entry the engine would weigh for it, as the checks see them
        (None when no entry shares a word with it): for testing each check on its own."""
        q = self.read(question)
        ranked = self._ranked(q)
        return self._match(q, self._choose(q, ranked)) if ranked else None

    def _match(self, q: Question, chosen: Scored) -> Match:
        negation_fits = q.negated and self.negation_fit(q, chosen.entry_index)
        return Match(
            q,
            self.kb.entries[chosen.entry_index],
            chosen,
            self._profiles[chosen.entry_index],
            self.index,
            self.english,
            self._quote_df,
            negation_fits,
            self._token_of_stem,
        )

    def _failed_check(self, q: Question, chosen: Scored, margin: float) -> Reason | None:
        failed = first_failure(self._match(q, chosen))
        if failed is not None:
            return failed
        if margin < AMBIGUITY_MARGIN and chosen.score < AMBIGUITY_CEILING:
            return Reason.AMBIGUOUS
        return None

    def _token_of_stem(self, stem_: str) -> str:
        return self.normalizer.stem_token(stem_)

    def features(self, q: Question, chosen: Scored, ranked: list[Scored]) -> dict[str, float]:
        """The calibration model's inputs for answering `q` with `chosen` (see calibration)."""
        profile = self._profiles[chosen.entry_index]
        weight = self.index.weight
        total = sum(weight(t) for t in q.tokens)
        return {
            "score": chosen.score,
            "fit": chosen.fit,
            "coverage": chosen.coverage,
            "margin": self._margin(q, chosen, ranked),
            "kind_known": 1.0 if q.kinds and q.kinds & profile.kinds else 0.0,
            "content_words": math.log1p(len(q.tokens)),
            "corrections": float(q.corrections),
            "demoted": 0.0 if chosen is ranked[0] else 1.0,
            "unexplained": self._share(total, chosen.unexplained),
            "leftover": 1.0 if chosen.unexplained else 0.0,
            "evidence": self._told_share(q, chosen),
        }

    def _share(self, total: float, part: Sequence[str]) -> float:
        """The share of the question's weight, `total`, that the tokens `part` carry."""
        weight = self.index.weight
        return round(sum(weight(t) for t in part) / total, 6) if total else 0.0

    def _margin(self, q: Question, chosen: Scored, ranked: list[Scored]) -> float:
        """How far `chosen` leads the best entry that would answer the question's kind with
        a different passage."""
        entry = self.kb.entries[chosen.entry_index]
        others = [
            s.score
            for s in ranked
            if s is not chosen
            and not agree(entry, self.kb.entries[s.entry_index])
            and kind_fits(q, self._profiles[s.entry_index])
        ]
        return round(chosen.score - max(others, default=0.0), 6)

    def _close_phrasing(self, q: Question) -> list[Scored]:
        """For questions made only of common words ("what is this article about?"):
        a near-verbatim match with a curated phrasing, or nothing."""
        said = [w for w in q.core.split() if w not in INTENSIFIERS]
        if said[:1] and said[0] in _WH_IS and said[1:2] and said[1] not in AUXILIARIES:
            said.insert(1, "is")  # "what's it about" lost its "is" to the apostrophe
        found = process.extractOne(
            _as_article(said),
            self._phrasing_texts,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=CLOSE_PHRASING,
        )
        if found is None:
            return []
        _, entry, phrasing = self._phrasings[found[2]]
        score = found[1] / 100
        return [Scored(entry, score, phrasing, (), score, 1.0)]

    def _candidate(self, scored: Scored) -> Candidate:
        entry = self.kb.entries[scored.entry_index]
        return Candidate(entry, round(scored.score, 3), entry.phrasings[scored.phrasing])

    def _suggest(self, ranked: list[Scored]) -> tuple[Entry, ...]:
        picked = [self.kb.entries[s.entry_index] for s in ranked[:SUGGESTIONS]]
        for entry in self.kb.entries:  # fill with the article's first, central questions
            if len(picked) >= SUGGESTIONS:
                break
            if entry not in picked:
                picked.append(entry)
        return tuple(picked)

    def complete(self, text: str, limit: int = 25) -> list[Entry]:
        """Entries whose questions fit what the user has typed so far (for autocomplete)."""
        typed = fold(clean(text, MAX_QUESTION_CHARS))
        if not typed:
            return list(self.kb.entries[:limit])
        found = process.extract(
            typed, self._questions, scorer=fuzz.WRatio, processor=None, limit=limit
        )
        return [self.kb.entries[i] for _, _, i in found]

    def find_people(self, text: str, limit: int = 25) -> list[Person]:
        """People and organisations whose name or alias starts like `text` or is a near
        spelling of it ("okafro"), best first; an unknown name finds nobody."""
        typed = fold(clean(text, MAX_QUESTION_CHARS))
        if not typed:
            return list(self.kb.people[:limit])
        scored: dict[str, tuple[float, int]] = {}
        for order, (name, person) in enumerate(self._names):
            starts = any(w.startswith(typed) for w in (name, *name.split()))
            score = 101.0 if name == typed else 100.0 if starts else fuzz.ratio(typed, name)
            if score >= NAME_CUTOFF and score > scored.get(person.id, (0.0, 0))[0]:
                scored[person.id] = (score, order)
        best = sorted(scored.items(), key=lambda item: (-item[1][0], item[1][1]))
        people = {p.id: p for p in self.kb.people}
        return [people[pid] for pid, _ in best[:limit]]


_URGING = frozenset("urge urged urges urging ask asked asks asking demand demanded".split())
_UNSTATED_AFTER = frozenset("to must should would could will can may might shall".split())
_NEGATED_AFTER = frozenset("not never".split())
_CONDITIONS = frozenset("until unless pending if till".split())  # what follows is not (yet) so


def stated(found: list[str], negated: bool = False) -> frozenset[str]:
    """Stems of the words a text states (see `stated_words`)."""
    return frozenset(stem(w) for w in stated_words(found, negated))


def stated_words(found: list[str], negated: bool = False) -> list[str]:
    """The words a text states: not a verb after "to" or a modal ("called on all states to
    impose" does not say anything was imposed), nor after "not" unless `negated` ("they did
    not adopt it" answers whether they did, but says nothing was adopted), nor anything in a
    condition ("until regulations were *adopted*" says none were)."""
    unstated = _UNSTATED_AFTER if negated else _UNSTATED_AFTER | _NEGATED_AFTER
    condition = next((i for i, w in enumerate(found) if w in _CONDITIONS), len(found))
    out, left_out = [], False
    for i, word in enumerate(found[:condition]):
        before = found[i - 1] if i else ""
        # "must publicly disclose": an adverb left out passes that on to its verb.
        left_out = before in unstated or (left_out and before.endswith("ly"))
        if not left_out:
            out.append(word)
    return out


def urged_verbs(found: list[str]) -> list[tuple[str, list[str]]]:
    """Each verb a text urges, with who is urged: the first verb after "to" that follows a
    word of urging ("urge the city ... to *disclose*"), or one right after "must" or
    "should" ("the company must publicly *disclose*": an adverb may come between)."""
    out: list[tuple[str, list[str]]] = []
    party: list[str] = []
    last = -1  # where the last word before this one stands, adverbs skipped
    for i, word in enumerate(found):
        party = _urged_party(found, i) or party
        before = found[last] if last >= 0 else ""
        if before in ("must", "should") and last >= i - 2:
            out.append((word, found[max(0, last - 2) : last]))
        elif before == "to" and party:
            out.append((word, party))
        if not word.endswith("ly"):
            last = i
    return out


def _urges_someone(found: list[str]) -> bool:
    return any(_urged_party(found, i) for i in range(len(found)))


def _urged_party(found: list[str], i: int) -> list[str]:
    """Who `found[i]` urges, if it is a verb of urging: "urge X", "call on X" (the verb, not
    the noun: "the call for")."""
    if found[i] in _URGING or calls_on(found, i):
        return list(itertools.takewhile(lambda w: w != "to", found[i + 1 : i + 3]))
    return []


def _alternative_forgiven(q: Question, scored: Scored) -> Scored:
    """ "Is the ban on selling or using it?": an entry that explains one alternative whole
    leaves nothing unexplained by not saying the other."""
    left, right = q.alternatives
    missing = set(scored.unexplained)
    forgiven = (right & missing if left and not left & missing else set()) | (
        left & missing if right and not right & missing else set()
    )
    if not forgiven:
        return scored
    return scored._replace(unexplained=tuple(t for t in scored.unexplained if t not in forgiven))


def agree(a: Entry, b: Entry) -> bool:
    """Two entries agree when either would answer: same passage, or linked as related."""
    same_passage = a.paragraph == b.paragraph and (a.quote in b.quote or b.quote in a.quote)
    return same_passage or b.id in a.related or a.id in b.related


def _vocabulary(kb: KnowledgeBase) -> list[str]:
    texts = [kb.title, kb.author, *(p.text for p in kb.paragraphs)]
    for e in kb.entries:
        texts += [*e.phrasings, e.answer]
    for p in kb.people:
        texts += [p.name, *p.aliases, p.role]
    return [w for t in texts for w in words(t)]


def _quote_frequencies(entries: Sequence[Entry], profiles: Sequence[Profile]) -> Counter[str]:
    """How many distinct quotes hold each token (entries citing one sentence count once)."""
    quotes = {e.quote: p.quote_tokens for e, p in zip(entries, profiles, strict=True)}
    return Counter(t for tokens in quotes.values() for t in tokens)


def _people_by_entry(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each person's own entry -> the people it is about ("Who is Ana Kwame?")."""
    found: dict[str, set[str]] = {}
    for person in kb.people:
        if person.kind == "person" and person.entry:
            found.setdefault(person.entry, set()).add(person.id)
    return {entry: frozenset(ids) for entry, ids in found.items()}


def _asks_present(q: Question) -> bool:
    """A question of who someone is now ("who is", "which rapporteur's brief is"), no past."""
    said = set(q.words)
    return not _PRESENT.isdisjoint(said) and _PAST_ASKED.isdisjoint(said) and not _figures(q.tokens)


_FORMER = re.compile(r"\b(?:the then|then-|former)\b", re.IGNORECASE)
_PRESENT = frozenset("is are".split())
_PAST_ASKED = frozenset("was were did had then former time".split())


def promised(found: list[str]) -> frozenset[str]:
    """The stems of the verbs said to be what will or would be done ("the city *would
    publish* the review"): a few words after "will" or "would"."""
    return frozenset(
        stem(w)
        for i, word in enumerate(found)
        if word in _PROMISING
        for w in found[i + 1 : i + 1 + _PROMISE_SPAN]
        if w not in STOPWORDS
    )


_WH_IS = frozenset("what who where how".split())
# "What is this piece about?" is asked of the article, as the phrasings word it.
_AS_ARTICLE = {"piece": "article", "story": "article", "text": "article", "news": ""}


def _as_article(found: list[str]) -> str:
    return " ".join(w for w in (_AS_ARTICLE.get(w, w) for w in found) if w)


_QUOTE_CLAUSES = re.compile(r"[,;:()“”\"—–]")  # where a clause of a quote ends
_PROMISING = frozenset("will would shall".split())
_PROMISE_SPAN = 3  # "would [also be] published": the most words between


def _spoken_by(kb: KnowledgeBase) -> dict[str, frozenset[int]]:
    """Each person -> the entries whose quote is in their own words (its speaker names them)."""
    speakers = {s.id: s.name for s in kb.speakers}
    found: dict[str, set[int]] = {}
    for i, entry in enumerate(kb.entries):
        for person in _named_in(speakers.get(entry.speaker, ""), kb.people, aliases=False):
            found.setdefault(person.id, set()).add(i)
    return {person: frozenset(ids) for person, ids in found.items()}


def _folded_phrasings(entries: Sequence[Entry]) -> list[tuple[str, int, int]]:
    """Every curated phrasing, folded, with its entry's index and its own position."""
    return [(fold(p), i, j) for i, e in enumerate(entries) for j, p in enumerate(e.phrasings)]


def _attributions(kb: KnowledgeBase, normalizer: Normalizer) -> list[frozenset[str]]:
    """For each entry, the words of its speaker's name that name no one ("experts",
    "statement" of "The UN experts, in their statement"): how readers point at the source.
    A person's or organisation's name is a topic of its own, never a mere attribution."""
    named = {t for p in kb.people for n in (p.name, *p.aliases) for t in normalizer.tokens(n)}
    said_by = {s.id: frozenset(normalizer.tokens(s.name)) - named for s in kb.speakers}
    # The byline's author speaks as the writer: "how does the writer describe the report".
    author = fold(kb.author)
    writer = frozenset(normalizer.tokens("author writer"))
    speech = frozenset(normalizer.tokens(QUOTED_SPEECH))
    for s in kb.speakers:
        # The reporter tells; the people quoted warn, raise and flag.
        said_by[s.id] |= writer if author and author in fold(s.name) else speech
    return [said_by[e.speaker] for e in kb.entries]


def _figure_told(fitting: list[Scored]) -> Scored:
    """The first, unless it does not know a figure of the question ("... in 2019?") and one
    close behind does."""
    first = fitting[0]
    if _figures(first.unexplained):
        told = [s for s in fitting[1:] if not _figures(s.unexplained)]
        if told and told[0].score >= first.score - FIGURE_SLACK:
            return told[0]
    return first


def _figures(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if any(c.isdigit() for c in t)]


def _descriptions(kb: KnowledgeBase, normalizer: Normalizer) -> list[frozenset[str]]:
    """For each entry, words that describe what its quote holds, in a question of any kind:
    "the session *number*" of a figure; "which *firm*" of what the ones it names are; and of
    the entry telling who someone is, their *name* and *post* ("the guy with the long name")."""
    numbered = frozenset(normalizer.tokens("number"))
    own = frozenset(normalizer.tokens("name post position title"))
    post = frozenset(normalizer.tokens("post position title job"))
    measure = frozenset(normalizer.tokens("measure step action course"))
    introduces = {p.entry for p in kb.people if p.kind == "person"}
    return [
        (numbered if _has_figure(e.quote) else frozenset())
        | (own if e.id in introduces else frozenset())
        | (post if _gives_a_post(e.quote, kb.people, normalizer) else frozenset())
        | (measure if not _DEMANDING.isdisjoint(words(e.quote)) else frozenset())
        | _kinds_named(e.quote, kb.people, normalizer)
        for e in kb.entries
    ]


# A quote with one of these asks for something: "what *measure* did the report call for?"
_DEMANDING = frozenset(
    "call called calls calling urge urged urging recommend recommended recommending "
    "demand demanded demanding".split()
)


def _gives_a_post(quote: str, people: Sequence[Person], normalizer: Normalizer) -> bool:
    """Whether `quote` names a person with their post ("Jane Smith, the then city
    treasurer"): "what job did Smith have when she wrote it?" is answered there."""
    said = set(normalizer.tokens(quote))
    return any(
        p.kind == "person" and said.issuperset(_role_head(p.role, normalizer))
        for p in _named_in(quote, people)
    )


def _kinds_named(quote: str, people: Sequence[Person], normalizer: Normalizer) -> frozenset[str]:
    """What the people and organisations a quote names are, by the head noun of their role
    ("Company behind the spyware"): "which *firm* is behind it?" asks for one of them."""
    return frozenset(t for p in _named_in(quote, people) for t in _role_head(p.role, normalizer))


def _named_in(quote: str, people: Sequence[Person], aliases: bool = True) -> list[Person]:
    """The people and organisations `quote` names, by name (and alias), as whole words."""
    text = f" {' '.join(words(quote))} "
    return [
        p
        for p in people
        if any(f" {' '.join(words(n))} " in text for n in (p.name, *(p.aliases if aliases else ())))
    ]


# A role's first phrase ends at its first preposition or clause break.
_ROLE_PHRASE_END = re.compile(
    r"[;,]| (?:on|of|behind|to|for|with|in|at|from|whose|which|that) ", re.IGNORECASE
)


def _role_head(role: str, normalizer: Normalizer) -> tuple[str, ...]:
    phrase = words(_ROLE_PHRASE_END.split(f" {role} ", maxsplit=1)[0])
    return normalizer.word_tokens(phrase[-1]) if phrase else ()


def _has_figure(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _folded_names(people: Sequence[Person]) -> list[tuple[str, Person]]:
    """Every name and alias, folded, with the person or organisation it names."""
    return [(fold(n), p) for p in people for n in (p.name, *p.aliases)]


def _synonym_groups(kb: KnowledgeBase) -> list[tuple[str, ...]]:
    # A person's aliases are synonyms of their name ("Okafor", "Mayor Okafor" -> the full name).
    people = [(p.name, *p.aliases) for p in kb.people if p.aliases]
    return [*kb.synonyms, *people]
