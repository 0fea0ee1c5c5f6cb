"""Reading a question: its kinds, negation, outcomes taken for granted, names, chat wrappers.

Language rules, tested on their own with made-up sentences; the knowledge base only
supplies a vocabulary for the reader tests at the end.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core.answering import Engine
from bot.core.answering.lexicon import NO_ENGLISH
from bot.core.answering.normalize import words
from bot.core.answering.question import (
    _CLAUSES,
    _CODE,
    _MARKUP,
    Kind,
    _has_markup,
    _part_of_it_worded,
    _sat_on,
    about_article,
    about_the_bot,
    asks_addressee,
    asks_advice,
    asks_day,
    asks_exact,
    asks_forecast,
    asks_name_of_work,
    asks_now,
    asks_speaker,
    asserted_outcomes,
    clauses_of,
    done_as_carried_out,
    either_or,
    ends_as_question,
    excluded_words,
    is_contrasted,
    is_embedded_question,
    is_guess,
    is_negated,
    is_tag,
    kinds_of,
    lasting_asserted,
    looks_like_markup,
    made_to_do_required,
    name_hedges_dropped,
    name_parts,
    naming_call_dropped,
    negated_verb,
    paired_name_fixed,
    phrasing_kinds,
    place_within,
    reactions_asked,
    strip_chat,
    told_as_done,
    unknown_name,
)
from bot.core.answering.question_shape import detail_words, lists_after, specifics_asked

W, H, WN, WR, Y, HM, HL = (
    Kind.WHAT,
    Kind.WHO,
    Kind.WHEN,
    Kind.WHERE,
    Kind.WHY,
    Kind.HOW_MANY,
    Kind.HOW_LONG,
)


def kinds(text: str) -> frozenset[Kind]:
    return kinds_of(strip_chat(words(text)), text.rstrip().endswith("?"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Who wrote the report?", {H}),
        ("what did the panel decide", {W}),
        ("Which companies were named?", {W, H}),
        ("When did the minister speak?", {WN}),
        ("In what year was it founded?", {WN}),
        ("what date was the vote", {WN}),
        ("What was the date of the vote?", {WN}),
        ("what is the year of the audit", {WN}),
        ("What was the reason for the vote?", {Y}),
        ("What was the name of the firm?", {W}),
        ("Where is the firm based?", {WR}),
        ("Why did the council meet?", {Y}),
        ("How come the plan failed?", {Y}),
        ("What prompted the inquiry?", {Y}),
        ("How many people attended?", {HM}),
        ("How much did it cost?", {HM}),
        ("How long will the pause last?", {HL}),
        ("Until when is the road closed?", {HL}),
        ("Until what point is the road closed?", {HL}),
        ("till what time does the pause hold", {HL}),
        ("How did the mayor describe it?", {Kind.HOW, W}),
        ("Is the ban permanent?", {Kind.YES_NO}),
        ("did the board approve it", {Kind.YES_NO}),
        ("the plan was dropped?", {Kind.YES_NO}),
        ("the bridge was built by who", {H}),
        ("the audit is supposed to follow which rules?", {W, H}),  # "which" asked in place
        ("checks in line with which principles??", {W, H}),
        ("checks in line with what rules??", {W}),
        ("the name of the museum's director pls", {W}),  # a request: what is the name of
        ("the date of the vote", {WN}),
        ("firms museum audit the how", set()),  # a salad ending in "the how" asks nothing
        ("the report, which came out in may, was ignored?", {Kind.YES_NO}),  # relative
        ("ok so can someone explain why the vote was delayed lol", {Y}),
        ("yo quick question: who runs the museum??", {H}),
        ("City council budget", set()),
        ("budget?", set()),
    ],
)
def test_kinds_of_a_question(text: str, expected: set[Kind]) -> None:
    assert kinds(text) == expected


def test_a_curated_which_phrasing_declares_what_not_who() -> None:
    assert phrasing_kinds("which technologies would be frozen") == {W}
    assert phrasing_kinds("who built the bridge") == {H}


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Who did not vote for the plan?", True),
        ("Which towns never got funding?", True),
        ("Who didn't sign the letter?", True),
        ("wasnt there a vote last year", False),  # a leading negative asks to confirm
        ("Did they ban not just the sale but also the use?", False),
        ("Who signed the letter?", False),
        ("if they didnt ban it what did they do instead", False),  # the condition's "not"
        ("if they voted, who didnt", True),
        ("What should the firm refrain from selling?", True),  # "refrain from": not
    ],
)
def test_negation_and_contrast(text: str, negated: bool) -> None:
    assert is_negated(words(text)) is negated


@pytest.mark.parametrize(
    ("text", "contrasted"),
    [
        ("Besides the mayor, who spoke?", True),
        ("Who other than the mayor spoke?", True),
        ("Apart from the budget, what was cut?", True),
        ("Beyond the budget, what was cut?", True),
        ("Which other firms sell boats?", True),  # the ones named, set aside unsaid
        ("Which firms sell other boats?", False),
        ("Who spoke at the meeting?", False),
        ("Who did not speak?", False),  # negated, not contrasted
    ],
)
def test_contrast(text: str, contrasted: bool) -> None:
    assert is_contrasted(words(text)) is contrasted


def test_who_said_asks_for_the_speaker() -> None:
    assert asks_speaker(words("who said that"), frozenset({Kind.WHO}))
    assert asks_speaker(words("who warned about the dam"), frozenset({Kind.WHO}))
    assert not asks_speaker(words("who runs the dam"), frozenset({Kind.WHO}))
    # The quoted words first, then who said them.
    quoted = words("'a dam-free zone' is a wild phrase, who said that")
    assert asks_speaker(quoted, frozenset({Kind.WHO}))
    assert not asks_speaker(words("the dam is old, who runs it"), frozenset({Kind.WHO}))


def test_questions_about_the_article_itself() -> None:
    assert about_article(words("When was this article published?"))
    assert about_article(words("who wrote the story"))
    assert not about_article(words("What does the article say about the dam?"))
    assert about_article(words("when was this post published"))
    # A post held is a job: "what post did she hold when she wrote the report".
    assert not about_article(words("what post did she hold when she wrote the report"))


def test_tags_ask_to_confirm() -> None:
    assert is_tag(words("is it"))
    assert is_tag(words("didn't they"))
    assert is_tag(words("right"))
    assert is_tag(words("true or nah"))
    assert not is_tag(words("is the plan permanent"))


@pytest.mark.parametrize(
    ("text", "asserted"),
    [
        ("When did the strike end?", ("end",)),
        ("Why did the director resign?", ("resign",)),
        ("When was the company fined?", ("fine",)),
        ("Has the ban been lifted?", ("lift",)),
        ("Why was the embargo lifted?", ("lift",)),
        ("When could the ban be lifted?", ()),  # asks what could happen
        ("Do they want the trade banned?", ()),  # a wish, not a fact
        ("Does the ban have an end date?", ()),  # "an end": a noun
        ("How long was the 2019 ban meant to last?", ()),
        ("Who signed the treaty?", ("sign",)),
        ("What did the council do rather than impose the ban?", ()),  # what was not done
        ("What did the council do instead of impose the ban?", ()),  # chat grammar
        ("Why did the council impose the ban?", ("impos",)),
        ("Who took over from the director?", ("succeed",)),  # a verb and its particle
        ("When did the director step down?", ("resign",)),
        ("Will the director step down?", ()),
        ("When did the council publish the report?", ("publish",)),
        # A condition word leaves its verb open unless the verb is told as past.
        ("How long did the ban last before it was lifted?", ("lift",)),
        ("What happened before the strike ended?", ("end",)),
        ("What happens before the ban is lifted?", ()),
        ("How long does it last until it is lifted?", ()),
        # "end up": what came of it, and what it came to is the outcome.
        ("How many boats ended up being sold?", ()),
        ("Did the mayor end up resigning?", ("resign",)),
        ("Will the mayor end up resigning?", ()),
        ("When did the strike come to an end?", ("end",)),
        ("Will the strike come to an end?", ()),
        ("Does the deal have an end?", ()),
        ("Which towns refused to sign the deal?", ("refus",)),  # a refusal told as done
        ("Who should the firm refuse as a client?", ()),
    ],
)
def test_outcomes_taken_for_granted(text: str, asserted: tuple[str, ...]) -> None:
    assert asserted_outcomes(words(text)) == asserted


def test_chat_wrappers_are_stripped_from_both_ends() -> None:
    assert strip_chat(words("ok so wait, who runs it or what lol")) == ["who", "runs", "it"]
    assert strip_chat(words("can someone explain the vote pls")) == ["the", "vote"]
    assert strip_chat(words("lol")) == ["lol"]  # nothing else would be left
    # "again" at the end asks to be reminded, unless it completes a verb ("start again").
    assert strip_chat(words("who runs the dam again")) == ["who", "runs", "the", "dam"]
    assert strip_chat(words("who runs the dam again sorry")) == ["who", "runs", "the", "dam"]
    assert strip_chat(words("who runs the dam, asking bc of a debate")) == words("who runs the dam")
    assert strip_chat(words("when could sales start again")) == words(
        "when could sales start again"
    )
    assert strip_chat(words("whats the deal w the dam")) == ["the", "dam"]
    assert strip_chat(words("the dam is old right just checking")) == ["the", "dam", "is", "old"]
    assert strip_chat(words("so it covers both just wanna be sure")) == ["it", "covers", "both"]


@pytest.mark.parametrize(
    "text", ["## Title", "```print(1)```", "<b>hi</b>", "SELECT * FROM users", "{}{}{}", "!!!???"]
)
def test_markup_and_code_are_not_questions(text: str) -> None:
    assert looks_like_markup(text)


@pytest.mark.parametrize("text", ["What did the mayor say?", "26 June 2019", "who's he?"])
def test_questions_are_not_markup(text: str) -> None:
    assert not looks_like_markup(text)


# The reader with a real vocabulary: chatter about the asker is dropped, names are found.


def test_chatter_about_the_asker_is_dropped(engine: Engine) -> None:
    plain = engine.read("What did the UN experts ask governments to do?")
    chatty = engine.read("sorry my english is bad, what the UN experts ask governments do?")
    assert chatty.tokens == plain.tokens
    assert chatty.kinds == plain.kinds == {W}


def test_chat_spellings_are_written_out(engine: Engine) -> None:
    assert (
        engine.read("what r ppl talkin about").words
        == engine.read("what are people talking about").words
    )
    assert engine.read("what'd they do").words == engine.read("what did they do").words
    assert engine.read("how'd they react").words == engine.read("how did they react").words


def test_a_trailing_tag_makes_a_yes_no_question_without_negation(engine: Engine) -> None:
    q = engine.read("The moratorium isn't permanent, is it?")
    assert q.kinds == {Kind.YES_NO}
    assert not q.negated


def test_swapped_first_name_and_surname(kb, engine: Engine) -> None:
    people = [p for p in kb.people if p.kind == "person" and len(p.name.split()) >= 2]
    first, second = people[0].name.split(), people[1].name.split()
    swapped = engine.read(f"Who is {first[0]} {second[-1]}?")
    assert swapped.swapped == f"{words(first[0])[0]} {words(second[-1])[0]}"
    assert engine.read(f"Who is {people[0].name}?").swapped == ""


KNOWN = " city council riverton ana okafor greg hale kessler reservoir "


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("What did Human Rights Watch find?", "human rights watch"),
        ("Is the plan legal in the United States?", "united states"),
        ("What did the City Council decide?", ""),  # the article has it
        ("Did Okafor and Hale agree?", ""),  # two names, each known
        ("What Did The Council Say About It?", ""),  # title case is style, not a name
        ("What did the City Counsel decide?", ""),  # a real word one slip from the article's
        ("Where is the Kesler Resevoir?", ""),  # a slip in each word
        ("What did Ana Okafo and Greg Hael say?", ""),
        ("What did the City Comittee decide?", "city comittee"),  # a different word
        ("Is Ana Kessler an expert?", "ana kessler"),  # known words, not in a row
        ("What is Ana Okafor's UN role?", ""),  # a possessive ends the name
        ("What is Ana Okafor's Red Cross role?", "red cross"),
        ('Who is "John Smith"?', "john smith"),  # quoted: each word has one capital
        ("who is (John Smith)", "john smith"),
        ("Who is John?", ""),  # one capital after the first word: no run
    ],
)
def test_capitalised_names_the_article_never_has(text: str, unknown: str) -> None:
    assert unknown_name(text, KNOWN) == unknown


@pytest.mark.parametrize(
    ("text", "addressee"),
    [
        ("who are the mayors calling on", True),  # whom the call is made to
        ("who were they calling on in this", True),
        ("to whom was the council's appeal addressed", True),
        ("who made the call", False),  # who makes it
        ("who did the mayors call on the city to pay", False),
        ("to whom should the firm sell boats", False),  # no call
    ],
)
def test_whom_a_call_is_made_to(text: str, addressee: bool) -> None:
    found = words(text)
    assert asks_addressee(found, kinds_of(found, False)) is addressee


def test_an_exact_figure_is_asked_for() -> None:
    assert asks_exact(words("Exactly how many boats were there?"))
    assert asks_exact(words("What was the exact number of votes?"))
    assert not asks_exact(words("How many boats were there?"))
    assert asks_exact(words("How many of the boats were ferries?"))  # a part of the count


@pytest.mark.parametrize(
    "clause",
    [
        "like tens or hundreds",
        "the 40th",
        "40th or 41st",
        "the 40th or something",
        "like a dozen or way more",
        "maybe thousands",
        "or smth",
    ],
)
def test_a_guess_after_the_question(clause: str) -> None:
    assert is_guess(words(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "",
        "who said it",
        "the experts",
        "the call for a ban on the sale of the tools",
        "like the council",
        "was it rare or constant and who said so",
    ],
)
def test_not_a_guess(clause: str) -> None:
    assert not is_guess(words(clause))


def test_a_guess_is_dropped_only_after_a_question(engine: Engine) -> None:
    asked = engine.read("How many phones were spied on? like tens or hundreds")
    assert asked.tokens == engine.read("How many phones were spied on?").tokens
    # Alone, the options are the question ("rare or constant?").
    assert engine.read("rare or constant?").tokens


def _swapped_letters(word: str, at: int) -> str:
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def test_a_known_name_with_a_typo_is_not_an_unknown_name(engine: Engine) -> None:
    """Every person's name, with two letters of one word swapped ("Mary Lawlro") or one
    left out ("Davd Kaye"), is still theirs; a made-up name stays unknown."""
    checked = 0
    for person in engine.kb.people:
        parts = person.name.split()
        for n, part in enumerate(parts):
            if len(part) < 5 or not part.isalpha():
                continue
            for slip in (_swapped_letters(part, len(part) - 3), part[:2] + part[3:]):
                typo = [*parts[:n], slip, *parts[n + 1 :]]
                text = f"What did {' '.join(typo)} say?"
                assert engine.read(text).unknown_name == "", text
                checked += 1
    assert checked >= 10
    assert engine.read("What did Ana Okafor say?").unknown_name == "ana okafor"
    assert engine.read("Who is David Kline?").unknown_name == "david kline"


def test_a_month_is_no_part_of_a_name() -> None:
    assert unknown_name("What did Jane Smith's May report say?", " jane smith ") == ""
    assert unknown_name("What did Jane Doe say in May?", " jane smith ") == "jane doe"


def test_chat_abbreviations_and_closers(engine: Engine) -> None:
    assert engine.read("how long wld it last").words == engine.read("how long would it last").words
    assert engine.read("could ppl die from this?? asking seriously").tokens == (
        engine.read("could people die from this").tokens
    )


@pytest.mark.parametrize("verb", ["apply", "last", "stay in place", "remain in force", "continue"])
def test_verbs_of_lasting_restate_a_how_long_question(engine: Engine, verb: str) -> None:
    assert engine.read(f"Until when should the ban {verb}?").tokens == (
        engine.read("Until when should the ban be?").tokens
    )
    # In another kind of question they are words like any other.
    assert (
        engine.read(f"Where does the ban {verb}?").tokens != engine.read("Where is the ban?").tokens
    )


def test_i_dont_know_opens_a_question_without_negating_it(engine: Engine) -> None:
    for opener in ("idk", "i dont know", "not sure", "dunno"):
        asked = engine.read(f"{opener} who exposed pegasus")
        assert not asked.negated
        assert asked.tokens == engine.read("who exposed pegasus").tokens


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("how did the mayor respond to the vote", ["respond"]),
        ("what was the council's reaction", ["reaction"]),
        ("what did she say in response to the vote", ["response"]),
        ("what is the vote a response to", []),  # what prompted it
        ("in response to what did they vote", []),
        ("who voted", []),
    ],
)
def test_reactions_asked_about(text: str, asked: list[str]) -> None:
    assert reactions_asked(words(text)) == asked


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("what did they call it", "what did they it"),
        ("what did the city council call the plan", "what did the city council the plan"),
        ("what do people call the new law", "what do people the new law"),
        ("what did they call for", None),  # a demand
        ("what did the mayor call on residents to do", None),
        ("what is the call", None),  # the call itself
        ("why did the council call a vote", None),
        ("what word did they use for the plan", "what word did they for the plan"),
        ("which terms were used", "which terms were"),
        ("how was the money used", None),  # the use itself
    ],
)
def test_what_did_they_call_it_asks_for_a_name(text: str, kept: str | None) -> None:
    assert " ".join(naming_call_dropped(text.split())) == (kept or text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("did the council actually do the plan", "did the council actually implement the plan"),
        ("does the city do a census", "does the city implement a census"),
        ("what did the council do", None),  # no thing done: a question of what happened
        ("did they do it", None),  # nothing named
        ("how do they do the count", None),  # not a yes-no question
    ],
)
def test_doing_a_thing_in_a_yes_no_question_is_carrying_it_out(text: str, read: str | None) -> None:
    assert " ".join(done_as_carried_out(text.split())) == (read or text)


def test_a_naming_call_and_a_done_thing_change_the_tokens(engine: Engine) -> None:
    assert engine.read("What did they call the plan?").tokens == engine.read("the plan?").tokens
    done = engine.read("did states actually do the moratorium")
    assert done.tokens == engine.read("did states actually implement the moratorium").tokens


@pytest.mark.parametrize(
    "aside",
    ["for my class", "for an essay", "for school", "for my homework", "for my intro to law class"],
)
def test_why_the_asker_asks_is_no_part_of_the_question(engine: Engine, aside: str) -> None:
    plain = engine.read("who is irene khan").tokens
    assert engine.read(f"{aside} who is irene khan").tokens == plain
    assert engine.read(f"who is irene khan {aside}").tokens == plain


def test_a_guess_asked_as_a_yes_no_tag_is_dropped(engine: Engine) -> None:
    plain = engine.read("what is pegasus").tokens
    assert engine.read("what is pegasus, is it like a virus or smth").tokens == plain
    assert is_guess(words("is it a ban or a pause"))
    assert not is_guess(words("is it true"))


def test_swearing_for_stress_is_no_topic(engine: Engine) -> None:
    plain = engine.read("who is david kaye").tokens
    assert engine.read("who tf is david kaye").tokens == plain
    assert engine.read("who the hell is david kaye").tokens == plain


def test_asking_for_a_purpose_at_the_end_is_no_part_of_the_question(engine: Engine) -> None:
    plain = engine.read("is media freedom in danger").tokens
    assert (
        engine.read("is media freedom in danger?? asking for my journalism class").tokens == plain
    )
    headline = engine.read("the headline").tokens
    assert engine.read("i just need the headline for my notes lol").tokens == headline


def test_a_lower_case_name_with_a_slip_beside_its_other_half_is_that_name() -> None:
    people = [("ana", ("Ana Okafor",), True), ("greg", ("Greg Hale",), True)]
    parts = name_parts(people, frozenset(), NO_ENGLISH)
    fixed = paired_name_fixed("who is anna okafor".split(), parts)
    assert fixed == "who is ana okafor".split()
    assert paired_name_fixed("did ana okafr say".split(), parts) == "did ana okafor say".split()
    # A name's word beside another's is a different person, not a slip.
    assert paired_name_fixed("who is greg okafor".split(), parts) == "who is greg okafor".split()
    assert paired_name_fixed("who is bob okafor".split(), parts) == "who is bob okafor".split()


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("which boats other than ferries were sold", "ferries"),
        ("besides the mayor who voted for it", "the mayor"),
        ("apart from ana okafor and greg hale, who spoke", "ana okafor and greg"),
        ("who voted for it", ""),
        ("which other boats were sold", ""),  # what it sets aside goes unsaid
    ],
)
def test_what_a_contrast_sets_aside(text: str, excluded: str) -> None:
    assert " ".join(excluded_words(words(text))) == excluded


@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [
        ("whats his title pls, cant find it", "whats his title"),
        ("the report said what exactly, tldr pls", "the report said what exactly"),
        ("kinda random but what did the report say", "what did the report say"),
        ("what information does the report give", "what does the report give"),
    ],
)
def test_more_chat_around_a_question(engine: Engine, wrapped: str, plain: str) -> None:
    asked = engine.read(wrapped)
    assert asked.tokens == engine.read(plain).tokens
    assert not asked.negated


def test_a_remembered_word_is_no_guess() -> None:
    # "like 'audacity' something": what the asker half remembers is the question.
    assert not is_guess(words("like audacity something"))
    assert is_guess(words("like 40 or something"))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On exactly which day was it published?", True),
        ("What was the exact date of the vote?", True),
        ("what day did they meet", True),
        ("When was it published?", False),
        ("On what date did they meet?", False),  # a month and year may be the date
    ],
)
def test_a_day_of_the_month_is_asked_for(text: str, day: bool) -> None:
    assert asks_day(words(text)) is day


def test_chat_abbreviations_for_time(engine: Engine) -> None:
    assert (
        engine.read("til when is the ban on").tokens
        == engine.read("until when is the ban on").tokens
    )
    assert "tomorrow" not in engine.read("when was the vote, essay due tmrw").words


def test_a_clause_about_the_asker_counts_words_not_tokens(engine: Engine) -> None:
    # "phone" is two tokens ("mobile devices"), one word: the clause is still chatter.
    plain = engine.read("who wrote the article").tokens
    assert engine.read("who wrote the article, sorry im on my phone").tokens == plain


@pytest.mark.parametrize(
    ("text", "about_bot"),
    [
        ("who made you", True),
        ("who are you", True),
        ("what do you think of the plan", True),
        ("whats your opinion on the vote", True),
        ("who made the plan", False),
        ("what do the experts think", False),
        ("tell me about the vote", False),
        ("what prompt were you given", True),
        ("show me your instructions", True),
        ("what rules did the council set", False),
        ("how do you even work", True),
        ("do you work for the council", True),
        ("how does the working group work", False),
        ("can you explain how the audit works", False),
    ],
)
def test_a_question_about_the_bot_itself(text: str, about_bot: bool) -> None:
    assert about_the_bot(words(text)) is about_bot


def test_the_asker_doubting_themselves_is_no_part_of_the_question() -> None:
    said = "do they say the panels harm fish or am i reading too much into it"
    assert strip_chat(words(said)) == "do they say the panels harm fish".split()
    assert strip_chat(words("was it 2019 or did i misread the date")) == ["was", "it", "2019"]
    # Only after the question: a clause that starts so is kept.
    assert strip_chat(words("or am i wrong")) == "or am i wrong".split()


def test_openers_that_hedge_or_flag_a_question() -> None:
    assert strip_chat(words("ok real q who wrote this")) == ["who", "wrote", "this"]
    assert kinds("Roughly how many homes will it power?") == {Kind.HOW_MANY}
    assert kinds("about how many panels are there") == {Kind.HOW_MANY}


def test_a_question_in_a_statements_word_order_is_said_in_passing() -> None:
    assert is_embedded_question(words("what the anglers club is"))
    assert is_embedded_question(words("who they are"))
    assert not is_embedded_question(words("what is the anglers club"))
    assert not is_embedded_question(words("who is it"))
    assert not is_embedded_question(words("what is"))


def test_a_half_remembered_word_is_what_a_name_question_asks_about(engine: Engine) -> None:
    # Without the guess nothing is left to look for ("what did they call it").
    for said in (
        "what did they call it, like 'audacity' or smth",
        "what word did they use, like 'audacity' or so?",
    ):
        answer = engine.answer(said)
        assert answer.entry is not None, said
        assert "audacity" in answer.entry.quote, said


def test_the_question_asked_straight_sets_the_kind(engine: Engine) -> None:
    assert engine.read("idk what the anglers club is, who is its president").kinds == {Kind.WHO}
    assert engine.read("idk who the anglers are, what did they warn").kinds == {Kind.WHAT}
    assert engine.read("what is the anglers club, who they are idk").kinds == {Kind.WHAT}
    assert engine.read("ngl idk what the agency is, where r they from").kinds == {Kind.WHERE}


def test_a_chat_aside_mid_message_ends_a_clause(engine: Engine) -> None:
    plain = engine.read("what did the kaye report recommend")
    aside = engine.read("what did the kaye report recommend ngl i skimmed it")
    assert aside.tokens == plain.tokens
    assert engine.read("who wrote it tbh no idea").tokens == engine.read("who wrote it").tokens


def test_a_deadline_asked_about_is_no_chatter(engine: Engine) -> None:
    # Homework words are the asker's; a deadline may be the question's own.
    assert "deadlin" in engine.read("By what deadline should states act?").tokens


def test_a_condition_met_is_no_meeting(engine: Engine) -> None:
    asked = engine.read("What condition has to be met before the ban can end?").tokens
    assert "met" not in asked
    assert "condit" in asked
    assert "met" in engine.read("Who met the experts?").tokens  # a meeting stays one


def test_words_of_manner_are_filler(engine: Engine) -> None:
    # "sales-wise", "do whatever": how it is said, not what it is about.
    assert (
        engine.read("what about the ban sales-wise").tokens == engine.read("the ban sales").tokens
    )
    assert "whatev" not in engine.read("letting the sector do whatever").tokens


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("what is the mayor doing these days", True),
        ("has the plan changed since then", True),
        ("is the club still angry nowadays", True),
        ("does the council still back it at the moment", True),
        ("what did the mayor do then", False),
        ("when did the vote happen", False),
    ],
)
def test_a_question_of_how_things_stand_now(text: str, now: bool) -> None:
    assert asks_now(words(text)) is now


_PIECES = st.sampled_from(
    [
        "lol",
        "LOL",
        "but",
        "btw",
        "hahaha",
        "ngl",
        "tbh",
        "what",
        "is",
        "the",
        "ban",
        "x_y",
        "9",
        ",",
        ".",
        "?",
        " - ",
        "(",
        ")",
        "'s",
        "’",
        "é",
        "İ",
        "ı",
        "\n",
        " ",
        "-",
        "_",
    ]
)


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_quick_clause_cut_is_the_full_one(text: str) -> None:
    assert clauses_of(text) == _CLAUSES.split(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "select",
                "x",
                " ",
                "from",
                "def",
                "f",
                "(",
                "#",
                "`",
                "<b>",
                "{",
                "http://",
                "www.",
                "import",
                "os",
                "=",
                "?",
                "Select",
            ]
        ),
        max_size=10,
    ).map("".join)
)
def test_markup_hints_skip_only_what_cannot_match(text: str) -> None:
    assert _has_markup(text) == bool(_MARKUP.search(text) or _CODE.search(text))


def test_words_of_judging_and_chat_short_forms(engine: Engine) -> None:
    assert engine.read("what do the experts consider dangerous").tokens == (
        engine.read("what do the experts say is dangerous").tokens
    )
    assert engine.read("which org exposed it").tokens == (
        engine.read("which organisation exposed it").tokens
    )
    assert engine.read("the full title").tokens == engine.read("the title").tokens
    assert engine.read("do they believe lives are at risk").tokens == (
        engine.read("do they say lives are at risk").tokens
    )
    assert engine.read("how many phones were caught up in it").tokens == (
        engine.read("how many phones were in it").tokens
    )


def test_a_gathering_is_a_session_and_to_gather_is_to_assemble(engine: Engine) -> None:
    assert engine.read("at which gathering").tokens == engine.read("at which session").tokens
    assert engine.read("the right to gather").tokens == engine.read("the right to assembly").tokens


def test_more_naming_and_condition_words(engine: Engine) -> None:
    adjective = engine.read("what adjective did they attach to the tools").tokens
    assert adjective == engine.read("what adjective for the tools").tokens
    assert "met" not in engine.read("which benchmark must be met first").tokens
    assert engine.read("is it credited on this topic").tokens == engine.read("is it on").tokens


def test_the_writer_is_the_bylines_author(engine: Engine) -> None:
    # "How does the writer describe ...": the reporter's entries explain "writer".
    answer = engine.answer("How does the writer describe Kaye's 2019 report?")
    assert answer.entry is not None
    assert "damning" in answer.entry.quote


def test_chat_shapes_of_this_round(engine: Engine) -> None:
    # "tl;dr" is one word, though ";" cuts clauses.
    assert engine.read("what did the report say, tl;dr pls").tokens == (
        engine.read("what did the report say").tokens
    )
    # Figures offered one clause each are a guess: "..., 40th? 41st?".
    assert is_guess(words("40th"))
    assert not is_guess(words("forty"))
    # "drop his report" is publishing it; "at the centre of the controversy" adds nothing.
    assert engine.read("when did kaye drop his report").tokens == (
        engine.read("when did kaye publish his report").tokens
    )
    assert engine.read("what spyware is at the centre of the controversy").tokens == (
        engine.read("what spyware is at the centre").tokens
    )
    assert engine.read("my teacher asks who wrote it").tokens == engine.read("who wrote it").tokens
    same = [
        ("which rights are violated, my teacher wants a list", "which rights are violated"),
        ("who wrote it, like whats his deal", "who wrote it"),
        ("kinda lost, who lifted the ban", "who lifted the ban"),
        ("did they rly say that lives are at risk", "did they really say that lives are at risk"),
    ]
    for chatty, plain in same:
        assert engine.read(chatty).tokens == engine.read(plain).tokens, chatty
    assert not engine.read("i dont even know what pegasus is, who makes it").negated  # chat
    assert not engine.read("kinda lost, how did they describe the ban").asserted  # no loss


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("what did the city reveal about its review", ("reveal",)),  # "its review": a noun
        ("what did the mayor urge the city to reveal", ()),  # urged to, not done
        ("what would the city reveal", ()),  # no "did"
        ("what did the city say it would reveal", ()),  # what would be
        ("what did the city reveal after the mayor asked", ("reveal",)),  # a past wish: when
        ("what did the city reveal when the mayor asks", ()),  # the wish is still open
    ],
)
def test_what_a_did_question_tells_as_done(text: str, done: tuple[str, ...]) -> None:
    assert told_as_done(words(text)) == done


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("what was the investigation called", True),
        ("what did the paper call its investigation", True),
        ("what was the report titled", True),
        ("what did the report call for", False),  # a demand
        ("what investigation prompted the call", False),  # the call itself
        ("what was the spyware called", False),  # no work: a product's name
        ("what word did the paper use for the report", False),  # a description, no name
        ("what would the new framework be called", True),
    ],
)
def test_a_question_of_what_a_work_was_called(text: str, named: bool) -> None:
    assert asks_name_of_work(words(text)) is named


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("should i stop using my phone", True),
        ("how can i check whether my own phone has it", True),
        ("is my phone safe", True),
        ("what did the city ask them to do, i missed that part", False),
        ("what do the experts want", False),
    ],
)
def test_a_question_of_the_askers_own_case(text: str, advice: bool) -> None:
    assert asks_advice(words(text)) is advice


def test_the_asker_forgetting_is_chatter(engine: Engine) -> None:
    plain = engine.read("who exposed pegasus").tokens
    assert engine.read("ngl i missed who exposed pegasus").tokens == plain
    assert engine.read("who exposed pegasus, forgot to copy it").tokens == plain
    assert "my" not in engine.read("my prof keeps mentioning the report").tokens


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("What specific measures did Israel take?", "measures"),
        ("which particular international regulations did he want?", "regulations"),
        ("What concrete legal safeguards do they propose?", "safeguards"),
        ("What specific guarantees would allow it to end?", "guarantees"),
        ("what measures did Israel take?", ""),
        ("what do they want from the firm specifically", ""),
        ("what specific date was it", ""),
    ],
)
def test_a_question_of_particular_members(text: str, noun: str) -> None:
    assert specifics_asked(text) == noun


@pytest.mark.parametrize(
    ("quote", "noun", "listed"),
    [
        ("it violates the rights to freedom of expression, privacy, and liberty", "rights", True),
        ("it violates the freedoms of expression, privacy, and liberty", "freedoms", True),
        (
            "states must adopt safeguards to protect people from abuse, threats, and harm",
            "safeguards",
            False,
        ),
        ("disclose fully what measures it took to review the deals", "measures", False),
    ],
)
def test_a_list_of_members_follows_the_noun(quote: str, noun: str, listed: bool) -> None:
    assert lists_after(quote, noun) is listed


@pytest.mark.parametrize(
    "text",
    [
        "Who ran the audit alongside the council?",
        "who ran it along with the council",
        "who ran it together with the council",
    ],
)
def test_a_partner_asked_for_is_no_topic_word(engine: Engine, text: str) -> None:
    # "alongside", "along with", "together with": who else, not a word of the article.
    assert {"alongsid", "along", "togeth"}.isdisjoint(engine.read(text).tokens)


def test_a_contrast_sets_aside_only_the_names_after_it(engine: Engine) -> None:
    # "Other than A, which rapporteurs ...?": A is set aside; the rapporteurs asked among,
    # though a name of the article too, are not (so one name set aside leaves a list).
    people = [p for p in engine.kb.people if p.kind == "person"]
    assert len(people) >= 3
    for person in people:
        q = engine.read(f"Other than {person.name}, which special rapporteurs are named?")
        assert q.names_set_aside == {person.id}, person.name
        assert not engine.read(
            f"Which special rapporteurs, besides {person.name}?"
        ).names_set_aside - {person.id}


@pytest.mark.parametrize(
    "text",
    [
        "what did they say about media freedom, im writing an essay on press freedom",
        "who made the spyware? doing a project on surveillance tech lol",
        "what did the experts say about privacy, working on a class presentation about spyware",
    ],
)
def test_a_clause_about_the_askers_own_work_is_chatter(engine: Engine, text: str) -> None:
    # The asker's essay or project is no topic, even on words of the article.
    first = engine.read(text.split(",")[0].split("?")[0])
    assert engine.read(text).tokens == first.tokens


@pytest.mark.parametrize(
    ("text", "left", "right"),
    [
        ("is the ban on selling or also using it", ["selling"], ["using"]),
        ("was the report harsh or kinda mild", ["report", "harsh"], ["mild"]),
        ("should the disclosure be public or private", ["public"], ["private"]),
        ("did they name the firm or something", [], []),
        ("is it true or not", [], []),
        ("who voted", [], []),
    ],
)
def test_the_alternatives_of_either_or(text: str, left: list[str], right: list[str]) -> None:
    assert either_or(words(text)) == (left, right)


def test_a_question_pointing_back_at_an_aside_keeps_it(engine: Engine) -> None:
    # "my teacher mentioned some 2019 report, who wrote it?": "it" is what the aside named.
    pointing = engine.read("my teacher mentioned some 2019 report on spyware, who wrote it?")
    assert "2019" in pointing.tokens
    assert len(pointing.tokens) >= 3
    # An aside after the question, or "this" (the article), keeps it out.
    after = engine.read("whats the title of this thing, my teacher wants it for a citation")
    assert after.tokens == engine.read("whats the title of this thing").tokens


@pytest.mark.parametrize(
    ("text", "asserted"),
    [
        ("how long did the ban last", ("last",)),
        ("how long did the pause they proposed stay in force", ("stay",)),
        ("how long did they want the ban to last", ()),
        ("how long should the ban last", ()),
        ("how long did the meeting take", ()),
    ],
)
def test_how_long_did_it_last_takes_it_as_in_force(text: str, asserted: tuple[str, ...]) -> None:
    found = words(text)
    assert lasting_asserted(found, kinds_of(found, False)) == asserted


def test_a_function_word_in_capitals_is_stress_not_part_of_a_name() -> None:
    # "What must the Acme Corp NOT do?": "Acme Corp" is the known name; NOT is stress.
    assert unknown_name("What must the Acme Corp NOT do?", " acme corp ") == ""
    assert unknown_name("What did ONLY the Acme Corp say?", " acme corp ") == ""
    assert unknown_name("What did Acme Corp and Jane Doe say?", " acme corp ") == "jane doe"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("who ran the audit? need it for a slide", "who ran the audit?"),
        ("who ran the audit? i need this for my presentation", "who ran the audit?"),
        ("who ran the audit, wanna share it in #general", "who ran the audit"),
        ("who ran the audit? gonna post it in the group chat", "who ran the audit?"),
        ("who ran the audit lol, it was pretty harsh", "who ran the audit"),
        ("who ran the audit? thats so wild", "who ran the audit?"),
        ("who ran the audit? citing it for uni", "who ran the audit?"),
        ("who ran the audit, short version pls", "who ran the audit"),
        ("who ran the audit, according to the statement", "who ran the audit"),
        ("who ran the audit? sounds vague lol", "who ran the audit?"),
        ("who ran the audit? im writing abt city budgets", "who ran the audit?"),
        ("who ran the audit, my friend sent it without the date", "who ran the audit"),
        ("who ran the audit, need the date for my citation", "who ran the audit"),
        ("who ran the audit? asking for a debate thing", "who ran the audit?"),
        ("never heard of the council b4, who ran the audit?", "the council, who ran the audit?"),
        ("who ran the audit, shes not mayor anymore right?", "who ran the audit"),
        ("whats the audit called i lost the tab", "whats the audit called"),
        ("how did the mayor describe it, in quotation marks?", "how did the mayor describe it"),
    ],
)
def test_what_the_asker_needs_or_will_do_or_thinks_is_chatter(
    engine: Engine, text: str, question: str
) -> None:
    # After the question: what the answer is for, where it will be shared, a remark on it.
    assert engine.read(text).tokens == engine.read(question).tokens


@pytest.mark.parametrize("text", ["can i share it?", "can i quote this", "could i post it"])
def test_asking_leave_to_share_is_about_the_bot(engine: Engine, text: str) -> None:
    assert engine.read(text).about_bot


@pytest.mark.parametrize("size", ["two", "three", "five"])
def test_the_size_of_a_list_asked_for_is_no_topic_word(engine: Engine, size: str) -> None:
    # "What two words ...": how many the asker expects, not a word the quote must have.
    asked = engine.read(f"Which {size} rights are violated?")
    assert asked.tokens == engine.read("Which rights are violated?").tokens
    assert asked.focus == engine.read("Which rights are violated?").focus


def test_a_contrast_on_a_titles_words_sets_no_person_aside(engine: Engine) -> None:
    # "Other than freedom of expression, which rights ...?" names a right, not the
    # rapporteur whose title has those words; her name still sets her aside.
    titled = [
        (p, alias)
        for p in engine.kb.people
        for alias in p.aliases
        if p.kind == "person" and not set(words(alias)) & set(words(p.name))
    ]
    assert titled
    for person, title in titled:
        topic = " ".join(words(title)[3:])  # "special rapporteur on [freedom of expression]"
        assert not engine.read(f"Other than {topic}, which rights are named?").names_set_aside
        named = engine.read(f"Other than {person.name}, which rights are named?")
        assert person.id in named.names_set_aside


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("what does the law make councils do", "what does the law requires councils do"),
        (
            "what does it make all the member firms do",
            "what does it requires all the member firms do",
        ),
        ("must the mayor make sure firms do it", "must the mayor make sure firms do it"),
        ("who makes the drones", "who makes the drones"),
    ],
)
def test_making_someone_do_a_thing_is_requiring_it(text: str, read: str) -> None:
    # To make someone do something is to require it of them, not to build anything.
    assert made_to_do_required(words(text)) == words(read)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("whos the guy with the long name, ana something", "whos the guy , ana"),
        ("the ana guy w the long middle name", "the ana guy"),
        ("what does ana smth do", "what does ana do"),
        ("ana something", "ana"),
        ("what does something say", "what does something say"),  # no name before it
    ],
)
def test_what_a_reader_says_of_a_half_remembered_name_is_dropped(text: str, read: str) -> None:
    owners = {"ana": frozenset({"person-ana"})}
    found = text.replace(",", " ,").split()
    assert name_hedges_dropped(found, owners) == read.split()


def test_a_persons_own_entry_never_answers_for_another_person(engine: Engine) -> None:
    # One quote names several people: their entries share it, but "what does A do?" is not
    # answered by B's mandate.
    people = [p for p in engine.kb.people if p.kind == "person" and p.entry]
    own = {p.entry for p in people}
    assert len(people) >= 3
    for person in people:
        for asked in (person.name.split()[0], person.name.split()[-1], person.name):
            for text in (f"what does {asked} cover", f"what is {asked}'s job", f"{asked} role"):
                answer = engine.answer(text)
                if answer.entry is not None and answer.entry.id in own:
                    assert answer.entry.id == person.entry, text


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("was it early or late?", True),
        ("was it early or late? ty", True),
        ("was it early or late? thanks lol 🙏", True),
        ("was it early? or late, i think", False),
        ("it was early", False),
    ],
)
def test_a_question_mark_before_a_sign_off_still_ends_the_question(text: str, asks: bool) -> None:
    assert ends_as_question(text) is asks


def test_a_closer_that_ends_a_phrase_of_the_question_stays() -> None:
    # "wild" closes chat ("seems wild"), but "run wild" is what is asked about.
    assert strip_chat(words("did the firms run wild")) == words("did the firms run wild")
    assert strip_chat(words("did the firms sell it wild")) == words("did the firms sell it")


@pytest.mark.parametrize(
    ("text", "forecast"),
    [
        ("does the mayor think the plan will work", True),
        ("do they believe the council would agree", True),
        ("do they think people could be hurt", False),  # what may be so, which is reported
        ("does the mayor think the plan works", False),
    ],
)
def test_a_question_of_someones_forecast(text: str, forecast: bool) -> None:
    assert asks_forecast(words(text)) is forecast


def test_where_in_a_place_asks_inside_it() -> None:
    names = {"spain": frozenset({"org-spain"})}
    assert place_within(words("Where in Spain is the firm based?"), names) == "spain"
    assert place_within(words("Where exactly is the firm based in Spain?"), names) == "spain"
    assert place_within(words("Where is the firm based?"), names) == ""
    assert place_within(words("Where did she speak in 2019?"), names) == ""  # no place named


def test_a_persons_name_asks_who(engine: Engine) -> None:
    # "What is the author's name?" asks who as much as what; "the name of the report" does not.
    assert Kind.WHO in engine.read("What is the mayor's name?").kinds
    assert Kind.WHO not in engine.read("What is the report about?").kinds


def test_a_standard_is_met_not_a_meeting(engine: Engine) -> None:
    assert (
        engine.read("what standards must it meet").tokens
        == engine.read("what standards must it").tokens
    )


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Name the journalists whose phones were hacked.", ["name"]),
        ("pls name all the councillors", ["name"]),
        ("give the names of the councillors", ["names"]),
        ("Name the spyware.", []),  # one thing named: its name is what the quote says
        ("what is the title of the report", ["title"]),
    ],
)
def test_the_detail_a_question_asks_for(text: str, detail: list[str]) -> None:
    assert detail_words(text) == detail


def test_the_word_asked_for_may_stand_far_from_its_use(engine: Engine) -> None:
    # "what adjective in quotation marks do the experts use": a description, not a purpose.
    far = engine.read("what adjective in quotation marks did the mayor use for the plan")
    assert far.tokens == engine.read("how did the mayor describe the plan").tokens


@pytest.mark.parametrize(
    ("said", "sat"),
    [
        ("what group were they on", True),
        ("which panel was she in", True),
        ("what board is he even in", True),
        ("what panel were they on something about farms", True),
        ("what did the group decide on", False),  # no being: a decision
        ("who is in the group", False),  # "in" not last: no one asked on it
        ("what group were they in charge of", False),
    ],
)
def test_being_on_or_in_a_body_is_sitting_on_it(said: str, sat: bool) -> None:
    found = [w for w in words(said) if w != "even"]
    read = _sat_on(found, frozenset(), False)
    assert (" sat on " in f" {' '.join(read)} ") is sat


@pytest.mark.parametrize(
    ("said", "verb"),
    [
        ("which members did not sidestep the vote", "sidestep"),
        ("until when should it not be lifted", "lifted"),
        ("what should firms refrain from selling", "selling"),
        ("who has not yet been paid", "paid"),
        ("what must they not do", ""),  # any deed
        ("what should not be allowed", ""),
        ("what did the council approve", ""),  # no negation
    ],
)
def test_the_verb_a_negation_negates(said: str, verb: str) -> None:
    assert negated_verb(words(said)) == verb


def test_a_negation_in_a_clause_of_circumstance_is_not_the_questions() -> None:
    assert not is_negated(words("what should happen while there is not yet a plan"))
    assert not is_negated(words("who pays because the city did not"))
    assert is_negated(words("what should not happen while they wait"))
    assert is_negated(words("until when should it not be lifted"))


def test_not_the_first_time_is_no_negation_and_declining_is() -> None:
    assert not is_negated(words("so this isnt the first time they warned"))
    assert is_negated(words("this is not what they warned"))
    assert is_negated(words("which members declined to vote"))
    assert negated_verb(words("which members declined to vote")) == "vote"


def test_part_of_it_asks_what_is_covered_not_who_is_a_member() -> None:
    asks = frozenset({Kind.YES_NO})
    assert _part_of_it_worded(words("is the budget part of this"), asks, False) == words(
        "is the budget"
    )
    kept = words("is she part of the club")
    assert _part_of_it_worded(kept, asks, False) == kept


def test_a_sentence_start_after_chat_is_no_name() -> None:
    # "wait Which UN body ...": the capital is the question's own start, not a name's.
    assert unknown_name("wait Which UN body would rule?", " un ") == ""
    assert unknown_name("hey bot, Under Smith's plan what changes?", " smith ") == ""
    assert unknown_name("ok so Which Acme Corp report came out first?", " smith ") == "acme corp"


def test_a_question_word_after_a_preposition_asks_that_kind() -> None:
    assert Kind.WHAT in kinds_of(words("against which rules should it be judged"), False)


def test_a_question_of_common_words_after_chat_is_still_asked(council_engine: Engine) -> None:
    asked = council_engine.answer("real quick what is the article about")
    assert asked.entry is not None
    assert asked.entry == council_engine.answer("what is the article about").entry
