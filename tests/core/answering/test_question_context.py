"""Reading a question with the article's words beside it: real-word typos fixed in context,
guesses that name what is asked, the asker's own negation, and questions that no entry of the
wrong sort answers (the reporter's view, what happened). Made-up sentences over the second
article (tests/fixtures/council), and the pure helpers on their own."""

from __future__ import annotations

import re

import pytest

from bot.core.answering import Engine, checks
from bot.core.answering.matching import Scored
from bot.core.answering.normalize import words
from bot.core.answering.question import (
    Kind,
    advice_taken_as_adopted,
    appearing_as_published,
    asks_findings,
    asks_name_of_work,
    asks_reporters_view,
    asks_what_happened,
    asks_which_named,
    asserted_outcomes,
    at_issue_dropped,
    calls_of_a_group,
    clauses_of,
    deeds_by_name,
    expression_used_dropped,
    future_deeds,
    helping_dropped,
    imperative_asked,
    is_negated,
    name_runs,
    news_as_the_article,
    now_of_a_duty_dropped,
    pressing_as_urging,
    put_in_place_joined,
    who_nouns_dropped,
    wished_happening_dropped,
    work_written_as_published,
)


@pytest.fixture(scope="module")
def council(council_engine: Engine) -> Engine:
    return council_engine


@pytest.mark.parametrize(
    ("text", "meant", "typed"),
    [
        ("what did the city counsel vote for", "council", "counsel"),  # two letters, long
        ("how much will the solar form cost", "farm", "form"),  # a letter, after its word
        ("who runs the anglers clue", "club", "clue"),
    ],
)
def test_a_real_word_typed_for_the_articles_word_beside_it(
    council: Engine, text: str, meant: str, typed: str
) -> None:
    read = council.read(text).words
    assert meant in read
    assert typed not in read


@pytest.mark.parametrize(
    "text",
    [
        "which form did they fill in",  # beside function words only: no context
        "who runs the Anglers Cluj",  # capitalised and rare: a name, not a typo
        "what did the city council vote for",  # the base's own words stay
    ],
)
def test_no_context_no_change(council: Engine, text: str) -> None:
    assert council.read(text).words == tuple(words(text.lower()))


def test_a_guess_with_a_rare_word_of_the_article_names_what_is_asked(council: Engine) -> None:
    guessed = council.read("what did the expert say the panels would cut, like evaporation or so?")
    assert any(t.startswith("evapor") for t in guessed.tokens)
    # Common words and names offered as options stay the asker's.
    assert "harm" not in council.read("what did the club fear, like harm or something?").tokens
    offered = council.read("who voted against it, like hale or someone else?")
    assert not offered.names


def test_chat_alone_is_still_asked(engine: Engine) -> None:
    assert engine.read("tldr pls").tokens == engine.read("tldr").tokens != ()


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("whats her title i cant even pronounce it", False),
        ("who voted i do not remember", False),
        ("who did not vote", True),
        ("why cant they build it", True),
    ],
)
def test_what_the_asker_cannot_do_negates_nothing(text: str, negated: bool) -> None:
    assert is_negated(words(text)) is negated


def test_what_the_asker_cannot_do_is_a_clause_of_its_own() -> None:
    assert len(clauses_of("whats her title i cant pronounce her name")) == 2
    assert len(clauses_of("why cant i find the title")) == 1


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what does the author personally think of the plan", True),
        ("what is the reporters opinion", True),
        ("does the writer support the farm", True),
        ("what does the author say the club thinks", False),  # the club's view, reported
        ("who is the author", False),
        ("what do the anglers think", False),
    ],
)
def test_the_reporters_own_view(text: str, asked: bool) -> None:
    assert asks_reporters_view(words(text)) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("what happened after the vote", True),
        ("what came of the study", True),
        ("what should happen before the panels go in", False),  # a demand, not an event
        ("what happens to the fish", False),  # a consequence, told as a claim
        ("who happened to vote", False),
    ],
)
def test_what_happened_asks_for_an_event(text: str, asked: bool) -> None:
    assert asks_what_happened(words(text)) is asked


def test_what_happened_is_told_only_by_an_event(council: Engine) -> None:
    # The entries of the second article that report no event never answer it.
    events = {e.id for e in council.kb.entries if e.kind == "event"}
    for entry in council.kb.entries:
        if entry.kind != "event" and entry.kind != "meta":
            answer = council.answer(f"What happened after {entry.question.rstrip('?')}?")
            assert answer.entry is None or answer.entry.id in events, entry.id


def test_signing_up_is_signing_but_ending_up_is_what_came_of_it() -> None:
    assert asserted_outcomes(words("which states signed up to the deal")) == ("sign",)
    assert "end" not in asserted_outcomes(words("what did they end up doing"))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("name the mayor", "which mayor"),
        ("name the club members", "what name club members"),  # their names: a list gives them
        ("name the two members", "what name two members"),
        ("tell me the two members who voted against", "which two members who voted against"),
        ("list three concerns of the club", "which three concerns of the club"),
        ("give me a date", "which date"),
        ("tell me about the farm", "tell me about the farm"),  # a topic, not a request
        ("name", "name"),
    ],
)
def test_a_request_is_asked_as_which(text: str, asked: str) -> None:
    assert " ".join(imperative_asked(words(text))) == asked


def test_keywords_with_a_question_mark_are_no_yes_no_question(council: Engine) -> None:
    assert not council.read("farm reservoir panels anglers?").kinds
    assert Kind.YES_NO in council.read("the farm was approved?").kinds


def test_an_answer_to_a_question_with_a_year_holds_that_year(engine: Engine) -> None:
    # Every entry's question, asked of each year another entry's quote holds: whatever
    # answers knows the year, in its quote, answer or curated phrasings (a close rival that
    # knows it is preferred), or it is declined.
    years = {y for e in engine.kb.entries for y in re.findall(r"\b(?:19|20)\d\d\b", e.quote)}
    assert years
    for entry in engine.kb.entries:
        for year in sorted(years):
            answer = engine.answer(f"{entry.question.rstrip('?')} in {year}?")
            told = answer.entry and (
                answer.entry.quote,
                answer.entry.answer,
                *answer.entry.phrasings,
            )
            assert not told or any(year in t for t in told), (entry.id, year)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("when did the study appear", "when did the study published"),
        ("did the report appear in 2024", "did the report published in 2024"),
        ("which paper did the story appear in", "which paper did the story appear in"),
        (
            "when did the mayor appear before the council",
            "when did the mayor appear before the council",
        ),
    ],
)
def test_a_work_that_appears_is_published(text: str, read: str) -> None:
    assert " ".join(appearing_as_published(words(text))) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("who has to put the new rules in place", "who has to put in place the new rules"),
        ("when will they put it into effect", "when will they put into effect it"),
        ("who put the panels on the roof", "who put the panels on the roof"),
    ],
)
def test_a_phrase_split_by_its_object_is_joined(text: str, read: str) -> None:
    assert " ".join(put_in_place_joined(words(text))) == read


def test_identified_as_asks_what_it_is(council: Engine) -> None:
    assert (
        council.read("which city is identified as the farm's home").tokens
        == council.read("which city is the farm's home").tokens
    )
    assert "identifi" in council.read("which members were identified").tokens


def test_the_askers_friends_arguing_are_the_askers(council: Engine) -> None:
    asked = council.read("how many panels will the farm have")
    said = "me and my buddy are arguing over the council vote - how many panels will the farm have"
    assert council.read(said).tokens == asked.tokens


def test_a_suspension_is_a_premise() -> None:
    assert asserted_outcomes(words("why was the mayor suspended from the council")) == ("suspend",)


@pytest.mark.parametrize(
    "said",
    [
        "how many panels will the farm have, need it for the group chat",
        "how many panels will the farm have pls im lazy",
    ],
)
def test_what_the_answer_is_for_and_how_the_asker_feels_are_chatter(
    council: Engine, said: str
) -> None:
    assert council.read(said).tokens == council.read("how many panels will the farm have").tokens


def test_a_common_capitalised_word_is_still_a_typo_beside_the_articles_word(
    council: Engine,
) -> None:
    assert "council" in council.read("What did the City Counsel vote for?").words


def test_what_could_happen_is_no_premise() -> None:
    assert asserted_outcomes(words("does it say this could get the fish killed")) == ()


def test_back_then_after_did_is_when_not_a_former_post(council: Engine) -> None:
    said = council.read("did the council approve the farm back then").tokens
    assert said == council.read("did the council approve the farm").tokens


def test_only_the_articles_words_keep_a_clause_that_is_all_chat(council: Engine) -> None:
    assert council.read("so like whats this article about in one line").core == (
        "what is this article about"
    )


@pytest.mark.parametrize("brand", ["iPhone", "TikTok", "YouTube", "eBay", "PlayStation"])
def test_a_word_cased_inside_is_a_name_as_written(council: Engine, brand: str) -> None:
    assert brand.lower() in council.read(f"did the council buy a {brand} for the farm?").words


def test_a_brand_is_not_corrected_into_the_articles_word(engine: Engine) -> None:
    # "iphone" is a letter away from the article's "phone" (its mobile devices).
    assert "iphone" in engine.read("is my iPhone safe from this?").words


def test_where_in_the_text_asks_for_the_passage_not_a_place(council: Engine) -> None:
    assert not council.read("where does it say the panels could harm fish").kinds
    assert not council.read("where in the article is the fish mentioned").kinds
    assert not council.read("fish harmed?? where does that come in").kinds
    assert council.read("where is the farm").kinds == {Kind.WHERE}
    assert council.read("where does the anglers club come from").kinds == {Kind.WHERE}


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("which people voted against the plan", "who voted against the plan"),
        ("which group of people warned about the fish", "who warned about the fish"),
        ("what officials voted against the plan", "who voted against the plan"),
    ],
)
def test_a_noun_for_people_after_which_asks_who(council: Engine, said: str, asked: str) -> None:
    read, meant = council.read(said), council.read(asked)
    assert (read.tokens, read.kinds) == (meant.tokens, meant.kinds)


def test_an_adjective_for_one_person_is_no_who_noun() -> None:
    said = words("which individual rights were breached")
    assert who_nouns_dropped(said) == said


def test_a_reaction_to_a_quoted_phrase_of_the_article_is_chatter(council: Engine) -> None:
    plain = council.read("'a turning point', what did she mean").tokens
    for reaction in ("sounds dramatic", "is a wild phrase", "goes hard", "is harsh"):
        said = f"ngl 'a turning point' {reaction}, what did she mean"
        assert council.read(said).tokens == plain


@pytest.mark.parametrize(
    "said",
    [
        "'a big win' sounds dramatic",  # no phrase of the article: the words are the question
        "'a turning point' is the mayor's phrase?",  # the article's own word after the verb
    ],
)
def test_what_follows_a_quote_is_kept_unless_a_reaction(council: Engine, said: str) -> None:
    assert len(council.read(said).tokens) > len(council.read(said.split("'")[1]).tokens)


def test_the_one_at_issue_is_no_issue() -> None:
    assert at_issue_dropped(words("what did the project at issue cost")) == words(
        "what did the project cost"
    )
    assert at_issue_dropped(words("when was the report issued")) == words(
        "when was the report issued"
    )


def test_a_real_word_before_a_particle_is_read_as_the_articles_word(council: Engine) -> None:
    assert "grant" in council.read("how much was the grand for the farm").words


def test_a_swapped_question_word_still_asks(council: Engine) -> None:
    assert council.read("whta did the council vote for").kinds == {Kind.WHAT}


@pytest.mark.parametrize(
    ("said", "to_whom"),
    [
        ("who is the demand aimed at", True),
        ("who is the ban aimed at", True),  # what a demand calls for, by its tokens
        ("who was the warning aimed at", False),
        ("who are the panels aimed at", False),
    ],
)
def test_whom_an_appeal_is_aimed_at_is_its_addressee(
    council: Engine, said: str, to_whom: bool
) -> None:
    read = council.read(said)
    assert read.addressee is to_whom
    assert ("aim" in read.tokens) is not to_whom  # the aiming only words the question


def test_a_noun_after_an_adjective_is_no_outcome() -> None:
    assert asserted_outcomes(words("who asked for a temporary halt")) == ()
    assert asserted_outcomes(words("who asked for a global ban")) == ()
    assert asserted_outcomes(words("when was the vote halted")) == ("halt",)


def test_putting_into_effect_is_imposing_when_done() -> None:
    done = put_in_place_joined(words("has the council already put the plan into effect"))
    assert asserted_outcomes(done) == ("impos",)
    wished = put_in_place_joined(words("what should the council put into effect"))
    assert asserted_outcomes(wished) == ()


def test_being_regulated_is_a_state_taken_for_granted() -> None:
    assert asserted_outcomes(words("why is the sector already well regulated")) == ("regul",)
    assert asserted_outcomes(words("how should the sector be regulated")) == ()
    assert asserted_outcomes(words("what regulation do they want")) == ()


@pytest.mark.parametrize(
    ("said", "deeds"),
    [
        ("will the plan actually be adopted by the council", ("adopt",)),
        ("is the farm likely to be approved", ("approv",)),
        ("will the anglers club support the farm", ("support",)),
        ("will the panels last 30 years", ()),  # what the terms may say, not a deed
        ("was the plan adopted", ()),
    ],
)
def test_whether_a_deed_will_be_done_is_asked_of_the_future(
    said: str, deeds: tuple[str, ...]
) -> None:
    assert future_deeds(words(said), frozenset({Kind.YES_NO})) == deeds


def test_only_a_passage_saying_it_will_be_done_answers_whether_it_will(council: Engine) -> None:
    promised = council.answer("will the city publish the environmental review")
    assert promised.entry is not None  # "the city would publish the environmental review"
    assert council.answer("will the city approve the environmental review").entry is None


def test_who_the_question_says_did_what(council: Engine) -> None:
    names = council.reader.names
    assert deeds_by_name(words("what did the anglers club itself warn about"), names) == [
        (frozenset({"org-anglers-club"}), "warn")
    ]
    assert deeds_by_name(words("how much was awarded by okafor"), names) == [
        (frozenset({"person-linda-okafor"}), "awarded")
    ]
    assert deeds_by_name(words("what did okafor say"), names) == []  # "say" is no content
    runs = name_runs(words("okafor and becker spoke"), names)
    assert runs[-1][2] == {"person-linda-okafor", "person-tom-becker"}  # joined by "and"


def test_a_call_a_group_of_people_made_is_no_named_persons(council: Engine) -> None:
    names = council.reader.names
    assert calls_of_a_group(words("what came of the residents call for a study"), names) == ["call"]
    assert calls_of_a_group(words("the residents made their demand"), names) == ["demand"]
    assert calls_of_a_group(words("what came of okafors call"), names) == []  # "Okafor's"
    assert calls_of_a_group(words("the anglers made their demand"), names) == []  # a name's word
    assert calls_of_a_group(words("what came of this call"), names) == []
    assert council.read("what came of the residents call").deeds_by == (
        (frozenset(), frozenset({"call"})),
    )


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("who helped expose the deal", "who expose the deal"),
        ("who else helped to expose the deal", "who else expose the deal"),
        ("which club helped block the panels", "which club block the panels"),
        ("how did okafor help the club block it", "how did okafor help the club block it"),
        ("who asked for help", "who asked for help"),
    ],
)
def test_who_helped_do_a_thing_asks_who_did_it(said: str, kept: str) -> None:
    assert helping_dropped(words(said)) == words(kept)


def test_no_longer_is_a_former_post_not_a_negation(council: Engine) -> None:
    asked = council.read("who no longer holds the post")
    assert set(council.normalizer.tokens("former")) <= set(asked.tokens)
    assert "longer" not in asked.tokens
    assert not asked.negated


def test_a_failure_asked_about_is_a_premise_the_quote_must_state(council: Engine) -> None:
    # "What did X fail to do?" takes a failure for granted, as "what did X refuse" does.
    assert "fail" in council.read("what did the council fail to do").asserted
    assert "fail" in council.read("which members failed to vote").asserted


def test_a_which_question_is_read_in_the_articles_words(council: Engine) -> None:
    # A plural for a plural: "which fishers" asks of the article's "anglers".
    assert council.read("which fishers were worried").which_as_article == (
        "which anglers were worried"
    )
    # A singular is no member of a plural: "houses" for "homes", but no "house".
    assert council.read("which house was sold").which_as_article == ""


def test_the_reporter_of_this_piece_is_its_author(council: Engine) -> None:
    author = set(council.normalizer.tokens("author"))
    assert author <= set(council.read("what is the reporter's name on this story").tokens)
    assert author <= set(council.read("name of the journalist behind this piece").tokens)
    # A reporter the story tells of is no author.
    assert not author & set(council.read("which reporter does the story quote").tokens)
    assert not author & set(council.read("what did the reporter ask the mayor").tokens)


def test_summing_up_a_question_asks_the_question(council: Engine) -> None:
    summary = set(council.read("summarise the article").tokens)
    assert summary  # a summary is asked for: a topic of its own
    asked = council.read("summarise what the club urges the council to do")
    assert summary.isdisjoint(asked.tokens)
    assert council.read("summarise what the club urges").kinds == {Kind.WHAT}


def test_backing_a_thing_is_told_as_done(council: Engine) -> None:
    # "Which members backed the plan?" takes it as backed, as "adopted" would.
    assert "back" in council.read("which members backed the plan").asserted


def test_a_name_with_two_letters_swapped_is_read_as_the_name(engine: Engine) -> None:
    # "nos" is an English word, and capitalised it could be another name ("NSA" is), but
    # the article's name beside "Group" has the same letters.
    assert "nso" in engine.read("What does the NOS Group make?").words
    assert "nsa" in engine.read("What does the NSA Group make?").words


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("what is the title of this news piece", "what is the title of this piece"),
        ("what is the title of this news", "what is the title of this"),
        ("did the news media report it", "did the news media report it"),
    ],
)
def test_news_of_the_article_itself_is_the_article(said: str, read: str) -> None:
    assert " ".join(news_as_the_article(words(said))) == read


def test_on_what_now_asks_no_now(council: Engine) -> None:
    asked = council.read("the council voted on what")
    assert council.read("the council voted on what now??").tokens == asked.tokens


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("which city did they press to come clean", "which city did they urge to come clean"),
        ("did they press the mayor to resign", "did they urge the mayor to resign"),
        ("what harm to the press did they point to", "what harm to the press did they point to"),
        ("is press freedom said to suffer", "is press freedom said to suffer"),
    ],
)
def test_pressing_someone_to_act_is_urging(said: str, read: str) -> None:
    assert " ".join(pressing_as_urging(words(said))) == read


def test_leaving_out_is_an_outcome_even_round_its_object() -> None:
    assert asserted_outcomes(words("why did the council leave the anglers out")) == ("omit",)
    assert asserted_outcomes(words("what did the mayor leave out of her speech")) == ("omit",)
    assert asserted_outcomes(words("who might be left out")) == ()


def test_a_title_given_to_a_work_is_its_name() -> None:
    assert asks_name_of_work(words("what title did the council give its study"))
    assert not asks_name_of_work(words("what title did she hold during the study"))


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("what does the club have to do now", "what does the club have to do"),
        ("what must the city publish now", "what must the city publish"),
        ("what is the club doing now", "what is the club doing now"),  # the present asked
    ],
)
def test_now_of_a_duty_is_no_present(said: str, read: str) -> None:
    assert " ".join(now_of_a_duty_dropped(words(said))) == read


def test_may_the_modal_is_no_month(council: Engine) -> None:
    assert "may" not in council.read("is it true the fish may be harmed").tokens
    assert "may" in council.read("what was decided in may").tokens


def test_the_author_of_a_work_published_it() -> None:
    assert work_written_as_published(words("who authored the study")) == words(
        "who published the study"
    )
    assert work_written_as_published(words("who wrote this report")) == words(
        "who wrote this report"
    )  # the article itself, with its byline


def test_an_amount_guessed_before_or_what_is_the_askers(council: Engine) -> None:
    asked = council.read("how many panels will the farm have").tokens
    assert council.read("how many panels will the farm have, like dozens or what").tokens == asked


def test_tldr_spelled_out_is_one_request(council: Engine) -> None:
    assert council.read("tldr?? too long didnt read").tokens == council.read("tldr").tokens


def test_not_with_a_word_the_article_has_the_opposite_of_is_that_word(council: Engine) -> None:
    read = council.read("which study that is not dependent did the club urge")
    assert "independent" in read.words
    assert not read.negated
    assert council.read("which study was not done").negated  # no "undone" in the article


def test_taking_effect_is_imposing_and_no_part_is_a_negation() -> None:
    assert asserted_outcomes(words("when did the ban take effect")) == ("impos",)
    assert is_negated(words("which clubs had no part in the vote"))


def test_how_many_counts_the_head_of_its_noun(council: Engine) -> None:
    assert council.read("how many phone numbers were listed").counted == {"number"}
    assert council.read("how many homes will it power").counted == {"home"}


def test_the_writer_credited_is_the_author_asked_for(council: Engine) -> None:
    assert council.read("who's the reporter credited on this piece").tokens == ()
    assert council.read("who is the reporter").tokens != ()  # no authoring word: a reporter


def test_the_expression_used_is_the_words_asked_for() -> None:
    assert expression_used_dropped(words("what expression did she use")) == words(
        "what did she use"
    )
    assert expression_used_dropped(words("is freedom of expression used")) == words(
        "is freedom of expression used"
    )


def test_a_statement_closed_with_or_what_is_a_question(council: Engine) -> None:
    assert council.read("so the farm will cost 14 million or what").kinds == {Kind.YES_NO}
    assert not council.read("so the farm will cost 14 million").kinds


def test_keywords_ending_in_count_ask_how_many(council: Engine) -> None:
    read = council.read("solar panels count")
    assert read.kinds == {Kind.HOW_MANY}
    assert read.tokens == council.read("solar panels").tokens  # the kind asked, no topic
    assert not council.read("hrc session number").kinds  # a number asked for, no count


def test_which_country_asks_for_a_named_one() -> None:
    assert asks_which_named(words("which country did they single out"))
    assert not asks_which_named(words("which states must act"))
    assert asks_which_named(words("which named farmers were paid"))
    assert asks_which_named(words("which firms are known to be its clients"))
    assert not asks_which_named(words("which specific rights are at stake"))


def test_what_a_work_found_is_asked_of_a_passage_that_reports_it(council: Engine) -> None:
    assert asks_findings(words("what did the study the club urged end up finding"))
    assert asks_findings(words("what did the independent study recommend"))
    assert not asks_findings(words("who found the study"))  # no "what ... work ... found"
    # The club urges a study; the article reports no finding of it.
    study = [e.id for e in council.kb.entries].index("study-demand")
    asked = council.read("What did the independent study of the fish find?")
    match = council._match(asked, Scored(study, 1.0, 0, ()))
    assert checks.asked_about(match) is checks.Reason.ASKED_ABOUT


def test_what_should_happen_is_wanted_not_an_outcome() -> None:
    assert wished_happening_dropped(words("what should happen to the farm")) == words(
        "what should to the farm"
    )
    kept = words("what could happen to the fish")
    assert wished_happening_dropped(kept) == kept


def test_taking_advice_is_adopting_it() -> None:
    assert advice_taken_as_adopted(words("did the council take the club's advice")) == words(
        "did the council adopted the club's advice"
    )
    kept = words("how long will the work take")
    assert advice_taken_as_adopted(kept) == kept


def test_who_said_it_and_where_asks_who(council: Engine) -> None:
    assert council.read("'a turning point' who said that and where").kinds == {Kind.WHO}
    assert council.read("the panels are going where").kinds == {Kind.WHERE}


def test_a_past_wish_after_a_noun_tells_which_noun() -> None:
    assert asserted_outcomes(words("how did the council halt the plan okafor proposed")) == (
        "halt",
    )
    assert asserted_outcomes(words("did the council propose to halt the plan")) == ()


def test_the_body_someone_was_on_is_one_they_sat_on(council: Engine) -> None:
    assert "sat" in council.read("what group were the two members on").tokens
    assert "sat" not in council.read("what did the group decide on").tokens


def test_when_a_work_dropped_is_when_it_was_published(council: Engine) -> None:
    assert (
        council.read("when did the study drop").tokens
        == council.read("when was the study published").tokens
    )
    assert "drop" in council.read("why did the club drop the study").words
