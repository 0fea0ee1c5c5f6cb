"""Entry scoring: skipping entries that cannot make the cut never changes the ranking."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.answering import Engine
from bot.core.answering.matching import EntryIndex, Scored


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
            found = [s for s in index.score(tokens, 60, attributed) if s.index == i]
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
        assert not (engine.index._explains[i] - engine.index._vocab[i]) & named


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
