"""The engine: right entries, honest declines, verified quotes, no crash on any input."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answering import ANSWER_THRESHOLD, MAX_QUESTION_CHARS, Answer, Engine
from bot.core.answering.checks import Reason
from bot.core.answering.engine import EVIDENCE_SLACK, agree, stated
from bot.core.answering.matching import Scored
from bot.core.answering.normalize import stem, words
from bot.core.answering.wordlists import ASKER_WORDS
from bot.core.knowledge.model import KnowledgeBase

BAD_INPUTS = [
    "",
    "   \t\n ",
    "x" * 100_000,
    "what\x00is\x07this\x1b[31m",
    "😀🔥🙈",
    "مرحبا، من هو ديفيد كاي؟",
    "@everyone @here <@123456789012345678> <@&987654321098765432>",
    "**bold** __under__ `code` ||spoiler|| [link](https://example.com)",
    "\u202e\u200b\ufeff",
]


def check_valid(answer: Answer, kb: KnowledgeBase) -> None:
    assert 0.0 <= answer.confidence <= 1.0
    assert len(answer.question) <= MAX_QUESTION_CHARS
    if answer.entry is None:
        assert answer.confidence < ANSWER_THRESHOLD
        assert 1 <= len(answer.suggestions) <= 3
    else:
        assert answer.confidence >= ANSWER_THRESHOLD
        assert answer.entry.quote in kb.text
        assert answer.entry.quote in kb.paragraph(answer.entry.paragraph).text
    for entry in answer.suggestions:
        assert entry in kb.entries


def test_every_entry_answers_its_own_question(kb: KnowledgeBase, engine: Engine) -> None:
    for entry in kb.entries:
        answer = engine.answer(entry.question)
        assert answer.entry is not None, entry.question
        # Two entries may share a passage; the quote must still answer the question.
        assert answer.entry.quote in kb.paragraph(entry.paragraph).text or answer.entry == entry


def test_bad_input_is_declined_clearly(kb: KnowledgeBase, engine: Engine) -> None:
    for text in BAD_INPUTS:
        answer = engine.answer(text)
        check_valid(answer, kb)
        assert not answer.answered, text[:40]
        assert answer.reason in set(Reason) - {Reason.ANSWERED}


def test_same_input_same_output(engine: Engine) -> None:
    for question in ["who is david kaye", "pegasus", "what is the best pizza"]:
        assert engine.answer(question) == engine.answer(question)


def test_question_about_something_the_entry_does_not_know(engine: Engine) -> None:
    assert engine.answer("Who is Irene Khan?").answered
    husband = engine.answer("Who is Irene Khan's husband?")
    assert not husband.answered
    assert husband.reason == "unknown-words"
    # The decline still points to what the article can answer about her.
    assert husband.matched is not None
    assert "Khan" in husband.matched.entry.quote


def test_long_input_is_cut_before_matching(engine: Engine) -> None:
    answer = engine.answer("who is david kaye " + "z" * 10_000)
    assert len(answer.question) == MAX_QUESTION_CHARS


def test_typos_and_accents_reach_the_same_entry(engine: Engine) -> None:
    clean = engine.answer("Who is Clément Nyaletsossi Voulé?")
    assert clean.entry is not None
    for variant in ["who is clement voule", "who is Clement Nyaletsossi Voule", "who is voule"]:
        assert engine.answer(variant).entry == clean.entry, variant


def test_autocomplete_and_people_lookup(kb: KnowledgeBase, engine: Engine) -> None:
    assert len(engine.complete("")) <= 25
    assert engine.complete("who is kay")[0].question
    assert all(e in kb.entries for e in engine.complete("pegasus spyware"))
    assert engine.find_people("kaye")[0].name == "David Kaye"
    assert engine.find_people("Clement Voule")[0].name == "Clement Nyaletsossi Voulé"
    assert engine.find_people("zzzzqqq") == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_string_gives_a_valid_result(kb: KnowledgeBase, engine: Engine, text: str) -> None:
    check_valid(engine.answer(text), kb)


def test_a_when_question_needs_an_entry_about_a_date(engine: Engine) -> None:
    dated = engine.answer("When did Kaye present his findings?")
    assert dated.entry is not None
    assert "2019" in dated.entry.quote
    undated = engine.answer("When did Mary Lawlor become a special rapporteur?")
    assert not undated.answered
    assert undated.reason == "question-kind"


def test_the_noun_asked_about_must_belong_to_the_entry(engine: Engine) -> None:
    # "Which country" asks for something the entry about Lawlor does not know.
    assert engine.answer("What is Mary Lawlor's mandate?").answered
    assert not engine.answer("Which country is Mary Lawlor from?").answered
    assert not engine.answer("What is Mary Lawlor's nationality?").answered
    assert engine.answer("What is the title of the article?").answered


def test_questions_about_the_reader_or_the_bot_are_declined(engine: Engine) -> None:
    assert not engine.answer("How do I get Pegasus off my phone?").answered
    assert not engine.answer("what's your name?").answered


def test_synonyms_reach_the_article_wording(engine: Engine) -> None:
    ban = engine.answer("do they want a permanent ban on spy tech?")
    moratorium = engine.answer("Is the moratorium on surveillance technology permanent?")
    assert ban.entry is not None
    assert ban.entry == moratorium.entry


def test_every_way_of_saying_must_reads_as_must(kb: KnowledgeBase, engine: Engine) -> None:
    # "what should NSO do" asks what NSO must do: generated over every curated phrasing with
    # "must", so the whole family of obligation words is covered, not one question.
    musts = [p for e in kb.entries for p in (e.question, *e.phrasings) if " must " in p]
    assert musts
    for phrasing in musts:
        tokens = engine.read(phrasing).tokens
        for said in ("should", "is supposed to", "ought to", "has to", "is expected to"):
            assert engine.read(phrasing.replace(" must ", f" {said} ")).tokens == tokens, said


def test_until_when_asks_how_long_not_for_a_date(engine: Engine) -> None:
    until = engine.answer("until when should the moratorium last?")
    assert until.entry is not None
    assert "at least until" in until.entry.quote
    assert not engine.answer("How long has Mary Lawlor been a special rapporteur?").answered


def test_which_members_of_a_listed_group_is_not_answered_by_the_list(engine: Engine) -> None:
    # The article says journalists were among those targeted, never which ones.
    assert engine.answer("Were journalists among those targeted?").answered
    assert not engine.answer("Which journalists were targeted?").answered
    # "Which rights" is answered: the article names them.
    assert engine.answer("Which rights do these practices violate?").answered


def test_a_quote_states_what_it_says_not_what_it_asks_for() -> None:
    said = stated(words("The council called on the mayor to resign and must apologise"))
    assert stem("call") in said
    assert stem("resign") not in said
    assert stem("apologise") not in said
    # A condition is not a fact: "until the rules were adopted" says none were (yet).
    waiting = stated(words("A pause was urged until the rules were adopted"))
    assert stem("urge") in waiting
    assert stem("adopt") not in waiting
    # An adverb between the wish and its verb: "must publicly apologise" is no apology.
    wished = stated(words("The mayor must publicly apologise and quickly resigned"))
    assert stem("apologise") not in wished
    assert stem("resign") in wished


def test_words_about_the_asker_do_not_change_the_answer(kb: KnowledgeBase, engine: Engine) -> None:
    """An aside about the asker ("sorry im confused", "for my homework lol"), before or
    after the question, leaves the answer as it was: every entry's question with asides
    made from every asker word."""
    rng = random.Random(20261201)
    templates = ["{w}", "im {w}", "so {w} lol", "for my {w}", "pretty {w} tbh"]
    for entry in kb.entries:
        alone = engine.answer(entry.question)
        if alone.entry is None or not engine.read(entry.question).tokens:
            continue  # only a near-verbatim match answers it; any aside breaks that
        for word in sorted(ASKER_WORDS):
            aside = rng.choice(templates).format(w=word)
            for text in (f"{entry.question} {aside}", f"{aside}, {entry.question.lower()}"):
                assert engine.answer(text).entry == alone.entry, text


def test_whom_a_call_is_made_to_is_answered_by_a_quote_that_says_whom(engine: Engine) -> None:
    """ "Who are the experts calling on?" asks whom, not who the experts are: the answer is
    a quote that names whom it urges, and no entry that names only who calls."""
    for question in (
        "who are the experts calling on?",
        "who were the rapporteurs calling on here?",
    ):
        answer = engine.answer(question)
        assert answer.entry is not None, question
        assert re.search(r"\bcall(?:ed|s)? on\b|\burge\b", answer.entry.quote), question
    callers = engine.answer("who are the experts?")
    assert callers.entry is not None
    assert not re.search(r"\bcalled on\b", callers.entry.quote)


_STRANGERS = (
    "tractor banana kettle violin pebble walrus glacier saddle lantern pickle orchard meadow "
    "giraffe trumpet mitten carrot marble puddle rooster spinach teapot volcano cobweb yogurt"
).split()


def test_a_negated_question_may_name_part_of_its_answer(kb: KnowledgeBase, engine: Engine) -> None:
    # "the industry must not become a what-free zone": the reader says the negated
    # phrasing and part of the quote that answers it, here twice as many words again as the
    # phrasing has. The same number of words the quote does not hold make another question.
    cases = 0
    for i, entry in enumerate(kb.entries):
        for phrasing in entry.alternates:
            if not engine.read(phrasing).negated:
                continue
            said = words(phrasing)
            unsaid = [w for w in dict.fromkeys(words(entry.quote)) if w not in said and len(w) > 3]
            if len(unsaid) < 2 * len(said):
                continue
            cases += 1
            answer_words = " ".join(unsaid[: 2 * len(said)])
            with_answer = engine.read(f"{phrasing} {answer_words}")
            assert with_answer.negated, phrasing
            assert engine.negation_fit(with_answer, i), phrasing
            strangers = " ".join(_STRANGERS[: 2 * len(said)])
            assert not engine.negation_fit(engine.read(f"{phrasing} {strangers}"), i), phrasing
    assert cases >= 3


def test_a_negated_question_fits_a_phrasing_only_if_it_negates_the_same_verb(
    council_engine: Engine,
) -> None:
    council = council_engine
    warning = [e.id for e in council.kb.entries].index("anglers-warning")  # "who is not convinced"
    assert council.negation_fit(council.read("who is not convinced"), warning)
    assert council.negation_fit(council.read("who is not at all convinced"), warning)
    # The same words, another deed negated: who did not *say* it is no one unconvinced.
    assert not council.negation_fit(council.read("who did not say they are convinced"), warning)


def test_a_question_of_common_words_with_whats_finds_its_phrasing(council_engine: Engine) -> None:
    # "What's" folds to "what": the lost "is" is put back before the near-verbatim match.
    asked = council_engine.answer("ok so what's this article even about lol")
    plain = council_engine.answer("what is the article about")
    assert plain.entry is not None
    assert asked.entry == plain.entry


def test_until_when_asks_how_long(kb: KnowledgeBase, engine: Engine) -> None:
    # "Until when should it last?" is asked as "How long should it last?" is: the same
    # entry (or one that agrees) answers, for every curated how-long phrasing.
    asked = 0
    for entry in kb.entries:
        for phrasing in entry.phrasings:
            if not phrasing.lower().startswith("how long "):
                continue
            for opening in ("Until when ", "till when "):
                text = opening + phrasing[len("how long ") :]
                answer = engine.answer(text)
                asked += 1
                assert answer.entry is not None, text
                assert agree(answer.entry, entry), text
    assert asked >= 4


def test_a_quote_that_gives_someones_post_explains_their_job(
    kb: KnowledgeBase, engine: Engine
) -> None:
    # "David Kaye, the then UN special rapporteur, published a report": in "what job did
    # Kaye have when he wrote the report?", "job" is explained by that passage.
    job = engine.normalizer.tokens("job")
    asked = 0
    for i, entry in enumerate(kb.entries):
        for person in kb.people:
            head = words(person.role.split(";")[0].split(",")[0].split(" on ")[0])[-1]
            if person.kind != "person" or person.name not in entry.quote:
                continue
            if head not in words(entry.quote):
                continue
            tokens = engine.read(f"What job did {person.name} have?").tokens
            scored = [s for s in engine.index.score(tokens, len(kb.entries)) if s.entry_index == i]
            asked += 1
            assert scored, entry.id
            assert not set(job) & set(scored[0].unexplained), entry.id
    assert asked >= 2


def test_whom_an_appeal_is_addressed_to_is_answered_by_whom_it_urges(engine: Engine) -> None:
    # "Addressed" is no presentation here: the answer is a quote that urges someone.
    urging = re.compile(r"\b(?:urge[sd]?|call(?:ed|s|ing)? on)\b", re.IGNORECASE)
    for appeal in ("appeal", "call", "demand", "plea"):
        for template in (
            "To whom is the {} addressed?",
            "Whom did the experts address their {} to?",
            "who was the experts' {} addressed to",
        ):
            text = template.format(appeal)
            answer = engine.answer(text)
            assert answer.entry is not None, text
            assert urging.search(answer.entry.quote), text


def test_a_passage_that_says_the_words_beats_a_close_one_only_phrased_so(
    council_engine: Engine,
) -> None:
    council = council_engine
    ids = [e.id for e in council.kb.entries]
    q = council.read("when would construction begin")
    says, silent = ids.index("construction-start"), ids.index("public-meeting")
    assert set(q.tokens) <= council._profiles[says].own_tokens
    assert set(q.tokens).isdisjoint(council._profiles[silent].own_tokens)

    def choose(first_fit: float, behind: float) -> int:
        first = Scored(silent, 0.8, 0, (), first_fit, 1.0)
        second = Scored(says, 0.8 - behind, 0, (), 0.6, 1.0)
        return council._quote_told(q, first, [first, second]).entry_index

    assert choose(0.7, EVIDENCE_SLACK / 2) == says
    assert choose(0.7, EVIDENCE_SLACK * 2) == silent  # too far behind
    assert choose(0.95, EVIDENCE_SLACK / 2) == silent  # a phrasing curated for the question


def test_a_persons_quote_asked_for_is_their_own_words(council_engine: Engine) -> None:
    council = council_engine
    ids = [e.id for e in council.kb.entries]
    role = Scored(ids.index("becker-role"), 1.0, 0, (), 1.0, 1.0)  # his post, the reporter's words
    own = council._own_words(council.read("becker quote"), [role])
    assert own is not None
    assert council.kb.entries[own.entry_index].id == "becker-quote"
    assert council._own_words(council.read("who is becker"), [role]) is None  # no words asked
    asked_more = council.read("what did becker say about the panels")
    assert council._own_words(asked_more, [role]) is None


def test_who_holds_a_post_now_is_not_who_held_it_then(engine: Engine) -> None:
    # Made-up questions: the article gives one rapporteur's post as "the then" one.
    now = engine.answer("Who is the UN rapporteur for free expression?")
    then = engine.answer("Who was the rapporteur on freedom of expression in 2019?")
    assert now.entry is not None
    assert then.entry is not None
    assert "the then" not in now.entry.quote
    assert "the then" in then.entry.quote
