"""Entry scoring: skipping entries that cannot make the cut never changes the ranking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answering import Engine
from bot.core.answering.engine import _role_head
from bot.core.answering.matching import EntryIndex, Scored
from bot.core.answering.normalize import words
from bot.core.text import fold


def exhaustive(index: EntryIndex, tokens: list[str], limit: int) -> list[Scored]:
    """`EntryIndex.score` with every entry scored: a cut of all entries skips none."""
    everything = len(index._vocab)
    weights = {t: index.weight(t) for t in tokens}
    total = sum(weights.values())
    walked = index._walked(weights)
    explained, phrased = index._explained(walked)
    if not explained:
        return []
    raw, best, canonical = index._leaders(walked, explained, phrased, total, everything)
    assert len(raw) == len(explained)  # nothing skipped
    ranked = index._rank(raw, best, canonical, weights, limit)
    return [
        Scored(
            i,
            score,
            at,
            tuple(t for t in tokens if t not in index._explains[i]),
            fit,
            explained[i] / total,
        )
        for *_, i, at, score, fit in ranked[:limit]
    ]


def vocabulary(engine: Engine) -> list[str]:
    return sorted(engine.index._idf)


@settings(max_examples=400, deadline=None)
@given(data=st.data(), limit=st.integers(min_value=1, max_value=8))
def test_skipping_never_changes_the_ranking(
    engine: Engine, data: st.DataObject, limit: int
) -> None:
    known = vocabulary(engine)
    tokens = data.draw(
        st.lists(st.sampled_from([*known, "zzqx", "foreignword"]), min_size=1, max_size=10)
    )
    tokens = list(dict.fromkeys(tokens))
    assert engine.index.score(tokens, limit) == exhaustive(engine.index, tokens, limit)


def test_curated_phrasings_rank_as_when_every_entry_is_scored(engine: Engine) -> None:
    for entry in engine.kb.entries:
        for phrasing in entry.phrasings:
            tokens = list(engine.read(phrasing).tokens)
            if tokens:
                assert engine.index.score(tokens, 6) == exhaustive(engine.index, tokens, 6)


def test_skipping_happens(engine: Engine) -> None:
    """The bound does prune: a question sharing a common word with many entries scores few
    of them in full."""
    tokens = list(engine.read("What do the experts say about states and the moratorium?").tokens)
    weights = {t: engine.index.weight(t) for t in tokens}
    walked = engine.index._walked(weights)
    explained, phrased = engine.index._explained(walked)
    raw, _, _ = engine.index._leaders(walked, explained, phrased, sum(weights.values()), 6)
    assert len(raw) < len(explained) / 2


def test_words_pointing_at_the_source_leave_nothing_unexplained(engine: Engine) -> None:
    """ "...according to the experts' statement": for every entry, the words naming who says
    its quote are explained, unless the question asks who (then they are its subject)."""
    index = engine.index
    for i, entry in enumerate(engine.kb.entries):
        source = index._explains[i] - index._explains_unattributed[i]
        asked = engine.read(entry.question).tokens
        if not source or not asked:
            continue
        tokens = [*asked, *sorted(source)]
        for attributed in (True, False):
            found = [s for s in index.score(tokens, 60, attributed) if s.entry_index == i]
            assert found, entry.id
            left = set(found[0].unexplained) & source
            assert left == (set() if attributed else source), entry.id


def test_no_one_is_an_attribution(engine: Engine) -> None:
    """A person's or organisation's name always counts: it is a topic, not a source."""
    named = {
        t
        for p in engine.kb.people
        for n in (p.name, *p.aliases)
        for t in engine.normalizer.tokens(n)
    }
    for i in range(len(engine.kb.entries)):
        assert not (engine.index._explains[i] - engine.index._explains_unattributed[i]) & named


def test_what_the_named_are_is_explained_in_any_question(engine: Engine) -> None:
    """ "Which *firm* ...?": each person's or organisation's kind (the head noun of its role)
    is explained, even in a question of who, by every entry whose quote names them."""
    for person in engine.kb.people:
        kinds = set(_role_head(person.role, engine.normalizer)) - {"un"}
        if not kinds:
            continue
        names = [" ".join(words(n)) for n in (person.name, *person.aliases)]
        for i, entry in enumerate(engine.kb.entries):
            quote = f" {' '.join(words(entry.quote))} "
            if any(f" {n} " in quote for n in names):
                assert kinds <= engine.index._explains_unattributed[i], (person.id, entry.id)


def test_a_role_head_is_the_noun_before_its_first_preposition(engine: Engine) -> None:
    heads = {
        role: _role_head(role, engine.normalizer)
        for role in ("Company behind the spyware", "The body to whose session", "With others, x")
    }
    assert heads == {
        "Company behind the spyware": engine.normalizer.word_tokens("company"),
        "The body to whose session": engine.normalizer.word_tokens("body"),
        "With others, x": (),
    }


def test_the_number_of_a_quote_with_a_figure_is_explained(engine: Engine) -> None:
    """ "the session number": an entry whose quote gives a figure explains "number"; one
    without a figure does not."""
    number = set(engine.normalizer.tokens("number"))
    figures = [any(c.isdigit() for c in e.quote) for e in engine.kb.entries]
    assert any(figures)
    assert not all(figures)
    for i, has_figure in enumerate(figures):
        # ...in a question of who too ("which session was it, the number").
        for explains in (engine.index._explains, engine.index._explains_unattributed):
            assert (number <= explains[i]) is (has_figure or number <= engine.index._vocab[i])


def test_what_a_quoted_speaker_did_in_saying_it_is_explained(engine: Engine) -> None:
    """ "what threat did the experts *raise*?": the words for how someone quoted spoke are
    explained by every entry of theirs; the reporter tells, and does not warn or flag."""
    speech = set(engine.normalizer.tokens("warned raised flagged noted stressed"))
    author = fold(engine.kb.author)
    reporters = {s.id for s in engine.kb.speakers if author in fold(s.name)}
    assert reporters
    index = engine.index
    for i, entry in enumerate(engine.kb.entries):
        source = index._explains[i] - index._explains_unattributed[i]
        if entry.speaker in reporters:
            assert not source & speech, entry.id
        else:
            assert speech <= index._explains[i], entry.id


def test_the_entry_telling_who_someone_is_explains_their_name(engine: Engine) -> None:
    """ "the guy with the long name, what's his job": a person's own entry explains "name";
    an organisation's does not ("what was the name of the group's investigation?")."""
    name = set(engine.normalizer.tokens("name"))
    ids = [e.id for e in engine.kb.entries]
    kinds = {p.kind for p in engine.kb.people if p.entry}
    assert kinds == {"person", "organisation"}
    for person in engine.kb.people:
        if not person.entry:
            continue
        i = ids.index(person.entry)
        if name <= engine.index._vocab[i]:
            continue
        assert (name <= engine.index._explains[i]) is (person.kind == "person"), person.id
