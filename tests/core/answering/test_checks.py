"""Each decision check on its own, on the match the engine would weigh (Engine.match).

Each test pairs a question the check must stop with a near twin it must let through, so a
check that always or never fires fails here.
"""

from __future__ import annotations

import pytest

from bot.core.answering import Engine
from bot.core.answering import checks as c
from bot.core.answering.checks import Reason
from bot.core.answering.matching import Scored


def run(engine: Engine, check: c.Check, question: str) -> Reason | None:
    match = engine.match(question)
    assert match is not None, question
    return check(match)


@pytest.mark.parametrize(
    ("check", "stopped", "passed", "reason"),
    [
        (c.markup, "## Who exposed Pegasus?", "Who exposed Pegasus?", Reason.MARKUP),
        (c.about_the_bot, "Who made you?", "Who made Pegasus?", Reason.ABOUT_BOT),
        (
            c.about_the_bot,
            "Do you think the moratorium will work?",
            "Do the experts think the moratorium is needed?",
            Reason.ABOUT_BOT,
        ),
        (c.swapped_name, "Who is David Lawlor?", "Who is Mary Lawlor?", Reason.UNKNOWN_NAME),
        (
            c.swapped_name,
            "What did Human Rights Watch find?",
            "What did Amnesty find?",
            Reason.UNKNOWN_NAME,
        ),
        (
            c.question_kind,
            "Why did Irene Khan write the article?",
            "Who wrote the article?",
            Reason.QUESTION_KIND,
        ),
        (
            c.negation,
            "Who did not warn about the surveillance sector?",
            "Who warned about the surveillance sector?",
            Reason.NEGATION,
        ),
        (
            c.negation,
            "Besides Khan, Lawlor and Voulé, which experts signed?",
            "Besides Amnesty International, who exposed Pegasus?",
            Reason.NEGATION,
        ),
        (
            c.negation,
            "Which devices other than mobile phones were surveilled?",
            "Besides Amnesty International, who exposed Pegasus?",
            Reason.NEGATION,
        ),
        (
            c.about_the_article,
            "When was this article published?",
            "Who wrote this article?",
            Reason.ASKED_ABOUT,
        ),
        (
            c.premise,
            "When was the moratorium lifted?",
            "When could the moratorium be lifted?",
            Reason.PREMISE,
        ),
        (
            # What the experts urge is not done; a synonym of what the article says was done
            # ("published") is.
            c.premise,
            "When did Israel publish its review of NSO's exports?",
            "When did Kaye release his report?",
            Reason.PREMISE,
        ),
        (
            # A call to impose it says nothing of whether anyone did.
            c.premise,
            "Has any country already imposed the moratorium?",
            "Did the experts call on states to impose a moratorium?",
            Reason.PREMISE,
        ),
        (
            # "did not adopt it" answers whether they did, and says no one did.
            c.premise,
            "Which member states have agreed to Kaye's moratorium?",
            "Did member states agree to Kaye's moratorium?",
            Reason.PREMISE,
        ),
        (
            c.premise,
            "What did NSO Group disclose about its human rights due diligence?",
            "What must NSO Group disclose?",
            Reason.PREMISE,
        ),
        (
            c.unsettled,
            "Has NSO done human rights due diligence?",
            "Must NSO disclose its human rights due diligence?",
            Reason.UNSETTLED,
        ),
        (
            c.unknown_words,
            "Who is Irene Khan's dentist?",
            "Who is Irene Khan?",
            Reason.UNKNOWN_WORDS,
        ),
        (
            c.asked_about,
            "Which journalists were targeted?",
            "Whose devices were targeted?",
            Reason.ASKED_ABOUT,
        ),
        (  # a quote that names none of them, nor says the noun asked for
            c.asked_about,
            "Which particular countries bought from the NSO Group?",
            "Who are the firm's customers?",
            Reason.ASKED_ABOUT,
        ),
        (
            c.counted,
            "How many journalists were spied on?",
            "How many devices were spied on?",
            Reason.ASKED_ABOUT,
        ),
        (
            c.counted,
            "Exactly how many devices were spied on?",
            "How many devices were spied on?",
            Reason.ASKED_ABOUT,
        ),
        (c.terse, "states", "moratorium", Reason.TERSE),
        (
            c.keywords,
            "working group business rights states sector",
            "Working Group on Business and Human Rights",
            Reason.KEYWORDS,
        ),
        (  # a yes-no only by its first word: shuffled words of a quote, no glue
            c.keywords,
            "must transfer human moratorium rights surveillance",
            "must the states stop selling surveillance technology",
            Reason.KEYWORDS,
        ),
        (
            c.keywords,
            "of the and to in human rights surveillance",
            "human rights surveillance",
            Reason.KEYWORDS,
        ),
        (
            # Shuffled words of a quote, one function word among them.
            c.keywords,
            "devices mobile hundreds of widespread surveillance conduct",
            "surveillance of hundreds of mobile devices",
            Reason.KEYWORDS,
        ),
        (
            c.counted,
            "On exactly which day in May 2019 was Kaye's report published?",
            "On which day did Kaye present his findings?",
            Reason.ASKED_ABOUT,
        ),
        (
            c.asked_about,
            "Which Israeli agency reviews NSO's export transactions?",
            "Which Israeli company makes Pegasus?",
            Reason.ASKED_ABOUT,
        ),
        (
            c.keywords,
            "the of and NSO Group a to moratorium in",
            "NSO Group and the moratorium",
            Reason.KEYWORDS,
        ),
        (
            # No sentence ends in an article.
            c.keywords,
            "framework regulatory robust develop community the",
            "develop a robust regulatory framework",
            Reason.KEYWORDS,
        ),
        (
            # Two of the quote's pairs turned round: shuffled, even with two function words.
            c.keywords,
            "rights human technology surveillance sector the allow to",
            "allow the surveillance technology sector to become a human rights-free zone",
            Reason.KEYWORDS,
        ),
        (
            # A detail as written: "the title of the report" is no job title.
            c.asked_about,
            "What was the official title of Irene Khan's report?",
            "What is the full title of the article?",
            Reason.ASKED_ABOUT,
        ),
        (
            # Keywords that a quote explains in full, its figure answering "number".
            c.keywords,
            "hrc session number pegasus experts",
            "hrc session number",
            Reason.KEYWORDS,
        ),
        (
            # "which other devices" asks for other kinds of what the contrast sets aside.
            c.negation,
            "Apart from mobile phones, which other devices were targeted?",
            "Apart from journalists, whose devices were targeted?",
            Reason.NEGATION,
        ),
        (
            # "The names of": a quote that names people gives them; one of a group does not.
            c.asked_about,
            "What are the names of the journalists who were targeted?",
            "for my class i need the names of the experts",
            Reason.ASKED_ABOUT,
        ),
        (
            # A provision of a text ("which article of the law") must be named by the quote.
            c.asked_about,
            "Which article of international human rights law requires domestic safeguards?",
            "What does international human rights law require of states?",
            Reason.ASKED_ABOUT,
        ),
        (
            # A list of those named ("besides Amnesty, who exposed it?") is no list of spyware.
            c.negation,
            "Other than Pegasus, which spyware did the experts mention?",
            "Besides Amnesty International, who exposed Pegasus?",
            Reason.NEGATION,
        ),
        (
            # A refusal told as done is a premise the quote must state.
            c.premise,
            "Which states refused to sidestep Kaye's call?",
            "Which states sidestepped Kaye's call?",
            Reason.PREMISE,
        ),
        (
            # A part of a count needs a figure for the part.
            c.counted,
            "How many of the targeted devices belonged to journalists?",
            "How many devices were targeted?",
            Reason.ASKED_ABOUT,
        ),
        (
            # What a quote urges someone to do is no deed done.
            c.premise,
            "What did Israel reveal about its export reviews?",
            "What did the experts urge Israel to reveal?",
            Reason.PREMISE,
        ),
        (
            # How long a thing takes is no how long it lasts.
            c.asked_about,
            "How long would it take to impose the moratorium?",
            "How long should the moratorium last?",
            Reason.ASKED_ABOUT,
        ),
        (
            # The name of a work, which the passage never gives.
            c.asked_about,
            "What was the Forbidden Stories investigation called?",
            "Who exposed Pegasus?",
            Reason.ASKED_ABOUT,
        ),
        (
            # The reporter's own view, which a news report does not give.
            c.asked_about,
            "What does the reporter personally think of NSO Group?",
            "What did the experts say about NSO Group?",
            Reason.ASKED_ABOUT,
        ),
        (
            # What happened, of an entry that reports no event.
            c.asked_about,
            "What happened when the experts made their call?",
            "What came of Kaye's call for a moratorium?",
            Reason.ASKED_ABOUT,
        ),
        (
            # A question word does not make a salad a question: no sentence has "the of".
            c.keywords,
            "who pegasus the of transfer israel sale rapporteurs are",
            "who are the rapporteurs",
            Reason.KEYWORDS,
        ),
        (
            # Nor does a question mark: a yes-no statement has words to join its keywords.
            c.keywords,
            "sale lawlor defenders moratorium working khan group?",
            "Mary Lawlor defends human rights?",
            Reason.KEYWORDS,
        ),
        (
            # "heads of state" are the "political leaders" the quote only lists.
            c.asked_about,
            "Which heads of state had their phones hacked?",
            "Were heads of state targeted?",
            Reason.ASKED_ABOUT,
        ),
        (
            # "the experts' call" is a noun: it leaves the adopting asked about as done.
            c.premise,
            "Did any country adopt the moratorium after the experts' call?",
            "What did the experts call for?",
            Reason.PREMISE,
        ),
        (
            # The asker's own case: no passage advises.
            c.asked_about,
            "Should I stop using my phone because of Pegasus?",
            "Whose phones did Pegasus target?",
            Reason.ASKED_ABOUT,
        ),
        (
            # How things stand now: the article was told at one time.
            c.asked_about,
            "What is Irene Khan working on these days?",
            "What is Irene Khan working on?",
            Reason.ASKED_ABOUT,
        ),
        (
            # "this call" is a noun: it leaves the adopting asked about as done.
            c.premise,
            "Did any state actually adopt the moratorium after this call?",
            "What did the experts call for?",
            Reason.PREMISE,
        ),
    ],
)
def test_a_check_stops_one_question_and_lets_its_twin_through(
    engine: Engine, check: c.Check, stopped: str, passed: str, reason: Reason
) -> None:
    assert run(engine, check, stopped) == reason
    assert run(engine, check, passed) is None


def test_the_checks_run_in_one_order_and_the_first_failure_names_the_reason(
    engine: Engine,
) -> None:
    assert c.CHECKS[0] is c.markup  # markup before anything reads its words
    match = engine.match("Who is David Lawlor?")
    assert match is not None
    assert c.first_failure(match) == Reason.UNKNOWN_NAME
    answered = engine.match("Who is Mary Lawlor?")
    assert answered is not None
    assert c.first_failure(answered) is None


@pytest.mark.parametrize(
    ("passage", "names"),
    [
        ("The inquiry, called “Project Lantern”, found ...", True),
        ("a probe dubbed Lantern", True),
        ("They called it “reckless”.", True),
        ("“The council must publish every contract it signs, in full, within a month.”", False),
        ("The report found that the council broke its own rules.", False),
    ],
)
def test_a_passage_gives_a_name_in_short_quotes_or_after_called(passage: str, names: bool) -> None:
    # A whole quoted sentence names nothing: it is what someone said.
    assert bool(c._GIVES_A_NAME.search(passage)) is names


def test_where_inside_a_place_needs_an_answer_naming_more(engine: Engine) -> None:
    # "Where in Spain is it based?" is not answered by "in Spain": the answer must name more.
    q = engine.read("Where in Spain is the firm based?")
    assert q.within == "spain"
    english = engine.english
    assert not c._names_more_than("The firm is based in Spain.", q, english)
    assert not c._names_more_than("Spain is the Firm Group's home.", q, english)  # common words
    assert c._names_more_than("The firm is based in Madrid, Spain.", q, english)


def test_a_deed_the_quote_tells_of_another_is_no_answer(council_engine: Engine) -> None:
    council = council_engine
    warning = [e.id for e in council.kb.entries].index("anglers-warning")

    def check(question: str) -> Reason | None:
        match = council._match(council.read(question), Scored(warning, 1.0, 0, ()))
        return c.another_did_it(match)

    assert check("What did Okafor warn about?") is Reason.PREMISE  # the club warned
    assert check("What was warned about by Okafor?") is Reason.PREMISE
    assert check("What did the Kessler Anglers Club warn about?") is None
    assert check("What did Okafor say about the fish?") is None  # saying is no deed of theirs


def test_a_call_one_person_made_is_no_groups_call(engine: Engine) -> None:
    # The quote tells of one named person's call; the question asks of a group's.
    sidestepped = [e.id for e in engine.kb.entries].index("states-sidestepped")

    def check(question: str) -> Reason | None:
        match = engine._match(engine.read(question), Scored(sidestepped, 1.0, 0, ()))
        return c.another_did_it(match)

    assert check("what is the outcome of the experts' call?") is Reason.PREMISE
    assert check("what happened after the experts issued their call?") is Reason.PREMISE
    assert check("what came of Kaye's call?") is None
    assert check("what came of Kayes call?") is None


def test_the_one_urged_by_its_kind_is_also_urged_by_its_name(engine: Engine) -> None:
    # "the company must publicly disclose ...", in a quote that names the company: what the
    # company is urged to do is no deed the company is said to have done.
    disclose = [e.id for e in engine.kb.entries].index("nso-must-disclose")
    profile = engine._profiles[disclose]
    urged = set().union(*profile.demanded.values())
    assert set(engine.normalizer.tokens("NSO Group")) <= urged
    match = engine._match(engine.read("What did NSO Group reveal?"), Scored(disclose, 1.0, 0, ()))
    assert c.premise(match) is Reason.PREMISE


def test_the_outcome_of_what_is_only_urged_is_a_premise(council_engine: Engine) -> None:
    council = council_engine
    study = [e.id for e in council.kb.entries].index("study-demand")

    def check(question: str) -> Reason | None:
        return c.premise(council._match(council.read(question), Scored(study, 1.0, 0, ())))

    assert check("What did the council's commissioning of the study show?") is Reason.PREMISE
    assert check("What did the club urge the council to commission?") is None


def test_what_kind_a_name_is_takes_a_quote_that_says_it(council_engine: Engine) -> None:
    council = council_engine
    ids = [e.id for e in council.kb.entries]
    assert "person-samuel-ortiz" in council._profiles[ids.index("ortiz-role")].described
    asked = council.read("what kind of group is the anglers club")
    assert asked.kind_of == {"org-anglers-club"}
    warning = council._match(asked, Scored(ids.index("anglers-warning"), 1.0, 0, ()))
    assert (
        c.asked_about(warning) is Reason.ASKED_ABOUT
    )  # it tells what they warned, not what they are
    assert not council.read("what kind of harm did the club warn of").kind_of


def test_which_country_takes_an_answer_that_names_one(engine: Engine) -> None:
    # "All states" are urged too, but name no country: the entry that names one answers.
    answer = engine.answer("Which country do the experts urge, and on what grounds?")
    assert answer.entry is not None
    assert "Israel" in answer.entry.answer
    guessed = engine.read("which country is the firm from, is it israel? just checking")
    assert c.names_one("Israel, its home country.", guessed, engine.english)  # the guess aside
    assert not c.names_one("All states.", guessed, engine.english)
