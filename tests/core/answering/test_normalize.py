"""Normalisation: the same question in other clothes gives the same tokens."""

from __future__ import annotations

import pytest

from bot.core.answering.lexicon import NO_ENGLISH
from bot.core.answering.normalize import Normalizer, clean, list_size_dropped, ordinal
from bot.core.answering.question_shape import asks_which_members, strip_address
from bot.core.text import fold
from bot.lexicon_files import english

VOCAB = "irene khan group nso kaye present presenting international amnesty rights council"
NORMALIZER = Normalizer(
    VOCAB.split(),
    [["moratorium", "ban", "pause"], ["mobile devices", "phones"], ["david kaye", "dave kaye"]],
    NO_ENGLISH,
)


def test_fold_handles_case_accents_quotes_and_possessives() -> None:
    assert fold("Clément Nyaletsossi VOULÉ’s “mandate”!") == "clement nyaletsossi voule mandate"
    assert fold("NSO Group's") == fold("nso group’s") == "nso group"


def test_clean_removes_controls_and_cuts() -> None:
    assert clean("a\x00b\u202ec\n\t d", 100) == "a b c d"
    assert clean("x" * 1000, 10) == "x" * 10
    assert clean("\x00\x01 \u200b", 10) == ""


def test_typos_are_corrected_to_known_words() -> None:
    assert NORMALIZER.tokens("Irene Kahn") == NORMALIZER.tokens("irene khan")
    assert NORMALIZER.tokens("nso grup") == NORMALIZER.tokens("NSO Group")
    assert NORMALIZER.tokens("amnesty internatonal") == NORMALIZER.tokens("Amnesty International")
    # A possessive typed without its apostrophe, misspelt too.
    assert NORMALIZER.tokens("irene kahns") == NORMALIZER.tokens("Irene Khan's")


def test_real_words_are_not_bent_into_known_ones() -> None:
    # "most" is one letter from "must"-like words but is an ordinary word, not a typo.
    assert NORMALIZER.correct("most") == "most"
    # A known stem is not a typo: "presented" is "present", not "prevent".
    assert NORMALIZER.correct("presented") == "presented"


def test_an_inflected_common_word_is_no_typo() -> None:
    # "skimmed" is rarer than "skim", which is no rare word: it is not "skirted".
    typed = Normalizer(["skirted", "rote"], [], english())
    assert typed.correct("skimmed") == "skimmed"
    assert typed.correct("rote") == "rote"  # known


def test_synonyms_map_to_the_article_word() -> None:
    assert NORMALIZER.tokens("a ban on phones") == NORMALIZER.tokens("moratorium mobile devices")
    assert NORMALIZER.tokens("who is dave kaye") == NORMALIZER.tokens("David Kaye")


RELATED = Normalizer(
    "disclose society principles privacy event report".split(),
    [["moratorium", "suspension"]],
    english(),  # real English: "private" is a word, not a typo of "privacy"
)


def test_another_form_of_a_known_word_reads_as_that_word() -> None:
    assert RELATED.tokens("nso disclosure") == RELATED.tokens("nso disclose")
    assert RELATED.tokens("societal damage") == RELATED.tokens("society damage")
    assert RELATED.tokens("guiding principals") == RELATED.tokens("guiding principles")
    # ...synonyms mapped: "suspend" is a form of "suspension", which is the moratorium.
    assert RELATED.tokens("suspend") == RELATED.tokens("moratorium")
    # An "-able" word is what can be done, not the doing: no synonym of the verb.
    able = Normalizer(["adopt"], [["adopt", "accept"]], english())
    assert able.tokens("accepted") == able.tokens("adopt")
    assert able.tokens("acceptable") != able.tokens("adopt")
    nations = Normalizer(["state"], [["state", "nation"]], english())
    assert nations.tokens("which nation") == nations.tokens("which state")
    assert nations.tokens("nationality") != nations.tokens("state")  # no nation
    # The office of one who holds it: "reportership" is the reporter's.
    holders = Normalizer(["reporter", "moratorium"], [], english())
    assert holders.tokens("reportership") == holders.tokens("reporter")


def test_words_that_only_start_alike_stay_apart() -> None:
    # Private is not privacy, eventually is not an event: too little of the known word's
    # start is shared (five letters), or the known word is too short to have relatives.
    assert RELATED.tokens("private") != RELATED.tokens("privacy")
    assert RELATED.tokens("eventually") != RELATED.tokens("event")
    # Known words, short words and numbers are never re-read.
    assert RELATED.tokens("disclose privacy 2019") == ("disclos", "privaci", "2019")


def test_a_word_split_in_two_is_joined() -> None:
    split = Normalizer("spyware safeguards human rights".split(), [], english())
    assert split.tokens("the spy ware") == split.tokens("the spyware")
    assert split.tokens("safe guards") == split.tokens("safeguards")
    # Two words that make no word of the base stay two; nor is a short pair joined.
    assert split.tokens("human rights") == (*split.tokens("human"), *split.tokens("rights"))
    # Never across a function word: "israel is" is no "israelis".
    names = Normalizer("israel israelis".split(), [], english())
    assert names.spelled_out("israel is".split()) == ["israel", "is"]


def test_a_phrase_reads_its_words_as_their_own_groups_do() -> None:
    """ "home country" is headed by "country", which the states group owns: a lone
    "country" (a state) is then a word of it."""
    grouped = Normalizer(
        "states home country".split(),
        [["states", "countries"], ["home country", "based in"]],
        english(),
    )
    assert set(grouped.tokens("country")) <= set(grouped.tokens("its home country"))
    assert grouped.tokens("based in") == grouped.tokens("home country")


def test_stopwords_only_gives_no_tokens() -> None:
    assert NORMALIZER.tokens("what is the, uh... it?") == ()
    assert NORMALIZER.tokens("") == ()


def test_talking_to_the_bot_by_name_is_not_a_question_about_rapporteurs() -> None:
    assert strip_address("hey Rapporteur, how's it going?") == "how's it going?"
    assert strip_address("Rapporteur: who is David Kaye?") == "who is David Kaye?"
    assert strip_address("who are the rapporteurs?") == "who are the rapporteurs?"


def test_asks_which_members_only_of_a_listed_item() -> None:
    quote = "devices of human rights defenders, journalists, and political leaders"
    assert asks_which_members("Which journalists?", quote)
    assert asks_which_members("which political leaders were hacked", quote)
    assert not asks_which_members("Which devices?", quote)
    assert not asks_which_members("Were journalists targeted?", quote)
    # Whose phones: the possessor's members are asked for.
    assert asks_which_members("Which journalists' phones were targeted?", quote)
    assert asks_which_members("Which political leaders' devices were hacked?", quote)
    assert not asks_which_members("Whose phones were targeted?", quote)
    assert asks_which_members("Which political leaders specifically were hacked?", quote)
    # "Who are the firm's clients?" asks which clients.
    assert asks_which_members("Who are the mayor's journalists?", quote)
    assert not asks_which_members("Who are the journalists' lawyers?", quote)
    # A capitalised run is a name, no list: "Business and Human Rights".
    named = "the rights to assembly, and sat on the Working Group on Business and Human Rights."
    assert not asks_which_members("which rights", named)


def test_a_phrase_led_by_a_stopword_gives_way_to_a_longer_one_after_it() -> None:
    # "the group" and "group leaders" overlap: the stopword must not decide the reading.
    overlapping = Normalizer(
        "group leaders members".split(),
        [["group", "the group"], ["members", "group leaders"]],
        english(),
    )
    assert overlapping.tokens("the group leaders") == overlapping.tokens("group leaders")
    assert overlapping.tokens("the group") == overlapping.tokens("group")
    assert overlapping.tokens("the group met") == overlapping.tokens("group met")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("41th", "41st"), ("2th", "2nd"), ("3th", "3rd"), ("11st", "11th"), ("112nd", "112th")],
)
def test_an_ordinal_gets_its_right_ending(typed: str, meant: str) -> None:
    assert ordinal(typed) == meant
    assert ordinal(meant) == meant
    assert NORMALIZER.correct(typed) == meant


def test_what_is_no_ordinal_stays_as_it_is() -> None:
    assert [ordinal(w) for w in ("4x4", "abc", "2024", "th")] == ["4x4", "abc", "2024", "th"]


def test_two_letters_of_a_function_word_swapped_read_as_that_word() -> None:
    assert english_normalizer().correct("thsee") == "these"
    assert english_normalizer().correct("waht") == "what"


def test_a_three_letter_slip_reads_as_the_known_word_without_a_substitution() -> None:
    short = Normalizer("role ask".split(), [], english())
    assert short.correct("rol") == "role"  # a letter dropped
    assert short.correct("aks") == "ask"  # two letters swapped
    assert short.correct("rxl") == "rxl"  # a letter changed: too far for so short a word


def test_of_two_equally_near_words_a_typo_means_the_one_it_starts_like() -> None:
    # "scale" and "scandal" (a filler word) are both two slips from "scandle".
    near = Normalizer(["scale"], [], english())
    assert near.correct("scandle") == "scandal"
    assert near.correct("scael") == "scale"


def test_after_the_question_word_a_swapped_auxiliary_is_that_auxiliary() -> None:
    # "dose" is a real word, but not as the second word of "what dose it say".
    typed = english_normalizer()
    assert typed.correct_all("what dose it say".split()) == "what does it say".split()
    assert typed.correct_all("how si it".split()) == "how is it".split()
    assert typed.correct_all("the dose".split()) == "the dose".split()
    assert typed.correct_all("what is dose".split()) == "what is dose".split()


def english_normalizer() -> Normalizer:
    return Normalizer("three rights practices".split(), [], english())


def test_readers_phrases_read_as_the_articles_words() -> None:
    worded = Normalizer(["leaders"], [["political leaders", "heads of state"]], NO_ENGLISH)
    said = "which heads of state were hacked".split()
    assert worded.as_article_words(said) == "which political leaders were hacked".split()
    assert worded.as_article_words(["heads", "up"]) == ["heads", "up"]  # one word: as it is


def test_a_plural_kind_is_not_read_as_one_of_its_kind() -> None:
    # "which wider goods" asks for the list; "which democracy" would ask which member of it.
    worded = Normalizer(["democracy"], [["democracy", "wider goods", "common good"]], NO_ENGLISH)
    assert worded.as_article_words("which wider goods".split()) == "which wider goods".split()
    assert worded.as_article_words("which common good".split()) == "which democracy".split()


def test_the_size_of_a_list_after_what_or_which_is_dropped() -> None:
    assert list_size_dropped("what two words".split()) == ["what", "words"]
    assert list_size_dropped("which three rights".split()) == ["which", "rights"]
    assert list_size_dropped("the two rights".split()) == ["the", "two", "rights"]


def test_a_slip_is_never_fixed_into_a_negation() -> None:
    # "ist" is a letter from "isnt", but a typo must not flip what is asked.
    assert english_normalizer().correct("ist") != "isnt"
    assert english_normalizer().correct("dont") == "dont"  # a negation typed stays one


def test_two_letters_swapped_in_a_word_that_only_words_questions_is_that_word() -> None:
    # "peice" is one slip from the base's "peace" and from "piece": the swap is the slip.
    base = Normalizer("peace talks".split(), [], english())
    assert base.correct("peice") == "piece"
    assert base.correct("peacr") == "peace"  # no swap: the base's word


def test_a_slipped_chat_word_is_read_before_chat_is_stripped() -> None:
    base = Normalizer("budget vote".split(), [], english())
    assert base.spelled_out(["agian"]) == ["again"]
    assert base.spelled_out(["acocrding"]) == ["according"]
    assert base.spelled_out(["budgte"]) == ["budgte"]  # a base word's slip waits for its fix


def test_of_two_words_one_slip_away_a_typo_means_the_likelier_slip() -> None:
    # A dropped letter is the commonest slip, a letter typed for another the rarest.
    near = Normalizer("deal deadly relate release".split(), [], english())
    assert near.correct("dealy") == "deadly"  # dropped "d", not an added "y"
    assert near.correct("relase") == "release"  # dropped "e", not "s" typed for "t"


def test_a_rare_real_word_is_a_typo_only_one_slip_away() -> None:
    # "retract" is English (if rare): two slips from "react" or "restrict" is another word.
    near = Normalizer("react restrict".split(), [], english())
    assert near.correct("retract") == "retract"
