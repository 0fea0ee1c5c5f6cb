"""Turn free text into comparable tokens: clean, fold, fix typos, apply synonyms, stem.

Pure and deterministic. `Normalizer` is built once from the knowledge base's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

import snowballstemmer
from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.answering.lexicon import English
from bot.core.answering.wordlists import (
    AUXILIARIES,
    FILLER,
    FUNCTION_WORDS,
    NEGATIONS,
    SLANG,
    SPELLED_FILLER,
    STOPWORDS,
)
from bot.core.text import clean_input, fold

_REPEATS = {2: re.compile(r"(\w)\1{2,}"), 1: re.compile(r"(\w)\1+")}
RARE_ZIPF = 3.0  # an English word rarer than this ("rote") may still be a typo
SWAP_ZIPF = 3.5  # ...and one rarer than this, two letters swapped ("kahn", not "sue")
MIN_JOINED = 6  # letters of a word typed as two ("spy ware") before the two are joined
_CACHE_LIMIT = 50_000  # bounded caches: junk input cannot grow memory without limit


def clean(text: str, limit: int) -> str:
    """Drop control characters, collapse whitespace, and cut to `limit` characters."""
    return clean_input(text, limit)


def words(text: str) -> list[str]:
    return list(_words(text))


@lru_cache(maxsize=_CACHE_LIMIT)
def _words(text: str) -> tuple[str, ...]:
    # The knowledge base's own texts are folded again and again while the engine is built.
    return tuple(fold(text).split())


_STEMMER = snowballstemmer.stemmer("english")


_ORDINAL = re.compile(r"(\d*?)(1[0-9]|[0-9])(st|nd|rd|th)")


def ordinal(word: str) -> str:
    """A number's ordinal with its right ending ("41th" is "41st", "12nd" is "12th"); any
    other word as it is."""
    found = _ORDINAL.fullmatch(word)
    if not found:
        return word
    head, last, _ = found.groups()
    ending = {"1": "st", "2": "nd", "3": "rd"}.get(last, "th") if len(last) == 1 else "th"
    return f"{head}{last}{ending}"


@lru_cache(maxsize=_CACHE_LIMIT)
def stem(word: str) -> str:
    return word if word.isdigit() else str(_STEMMER.stemWord(word))


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
class Normalizer:
    """Text -> content stems, knowing the knowledge base's vocabulary and synonyms, and which
    words are English (a real word is never "corrected" into another: "flaw" is not "law")."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        synonyms: Iterable[Iterable[str]],
        english: English,
    ) -> None:
        self._english = english
        self._corrections: dict[str, str] = {}
        self._word_tokens: dict[str, tuple[str, ...]] = {}
        self._spelled_words: dict[str, tuple[str, ...]] = {}
        groups = [[words(phrase) for phrase in group] for group in synonyms]
        self._vocab = _ranked_vocabulary([*vocabulary, *(w for g in groups for p in g for w in p)])
        self._known = frozenset(self._vocab) | FUNCTION_WORDS
        self._short_vocab = _short_words(self._vocab)
        self._content_words = frozenset(self._vocab) - STOPWORDS
        # A word whose stem the knowledge base knows ("presents" / "presenting") is no typo.
        self._known_stems = frozenset(stem(w) for w in self._vocab)
        self._stop_stems = frozenset(stem(w) for w in FILLER | FUNCTION_WORDS)  # "wats" is "wat"
        self._by_prefix = _stems_by_prefix(self._known_stems - self._stop_stems)
        self._relatives: dict[str, tuple[str, ...]] = {}
        self._spelled, self._synonyms = _synonym_tables(groups)
        # Readers' phrases of two or more words, as the article words them ("heads of state"
        # -> "political leaders"): for checks that read the question's words, not its stems.
        self._as_article = _readers_phrases(groups)
        # The longest phrase that starts with each word (as written, or as a stem), and with
        # each pair of words: a word that starts none is looked up alone.
        self._longest: dict[str, int] = {}
        self._pairs: dict[tuple[str, ...], int] = {}
        for phrase in (*self._spelled, *self._synonyms):
            _keep_longest(self._longest, phrase[0], len(phrase))
            if phrase[1:]:
                _keep_longest(self._pairs, phrase[:2], len(phrase))

    def correct(self, word: str) -> str:
        """The knowledge-base word a typo most likely meant, or the word itself."""
        if word in self._known or len(word) < 3:
            return word
        if not word.isalpha():
            return ordinal(word)
        if stem(word) in self._known_stems:
            return word
        return _remembered(self._corrections, word, self._fixed)

    def _fixed(self, word: str) -> str:
        return self._english_word(word) if self._english.is_word(word) else self._typo(word)

    def _english_word(self, word: str) -> str:
        """A real word stays itself ("flaw" is not "law"), but a rare one may be a typo of
        the knowledge base's ("rote" for "wrote"), and a fairly rare one two letters swapped
        in a name ("wlaker" for "walker")."""
        # An inflected form is as common as its word: "skimmed" is no typo, since "skim" is
        # no rare word.
        base = stem(word)
        zipf = max(self._english.zipf(word), self._english.zipf(base) if base != word else 0.0)
        if zipf < RARE_ZIPF:
            return self._typo(word, slips=1)  # a real word: one slip at most ("retract")
        return (_swapped(word, self._vocab) if zipf < SWAP_ZIPF else None) or word

    def _typo(self, word: str, slips: int = 2) -> str:
        return (
            _missing_letter(word, _FUNCTION_LIST)
            # Too short for fuzzy matching, but a dropped letter or a swap is still plain
            # ("rol", "aks").
            or (len(word) == 3 and _missing_letter(word, self._short_vocab))
            or (len(word) >= 4 and self._closest_word(word, slips))
            # A possessive typed without its apostrophe: "kahns" is "kahn's".
            or (word.endswith("s") and len(word) >= 5 and _closest(word[:-1], self._vocab, slips))
            or word
        )

    def _closest_word(self, word: str, slips: int) -> str | None:
        """The knowledge base's word nearest the typo; or a word that only words questions
        when that is two letters swapped and the other is not ("peice" is "piece", not the
        article's "peace")."""
        known = _closest(word, self._vocab, slips)
        if len(word) < _SLIPPED_FILLER or (known and _swap_of(word, known)):
            return known
        filler = _closest(word, _FILLER_LIST, slips)
        return filler if filler and (not known or _swap_of(word, filler)) else known

    def surface(self, text: str) -> list[str]:
        """The folded words of `text`, chat spellings written out ("ppl", "talkin") and typos
        fixed (no synonyms, no stemming)."""
        return self.correct_all(self.spelled_out(words(text)))

    def zipf(self, word: str) -> float:
        return self._english.zipf(word)

    def knows(self, word: str) -> bool:
        """The word, or another form of it, is the knowledge base's or a function word."""
        return word in self._known or stem(word) in self._known_stems

    def correct_all(self, found: list[str]) -> list[str]:
        fixed = [self.correct(w) for w in found]
        if found and found[0] in _QUESTION_WORDS:
            # "what dose it say": after the question word, a real word one swap from an
            # auxiliary is that auxiliary.
            for i, word in enumerate(fixed[1:2], start=1):
                fixed[i] = _AUXILIARY_SWAPS.get(word, word)
        return fixed

    def spelled_out(self, found: list[str]) -> list[str]:
        out: list[str] = []
        remembered = self._spelled_words.get
        for word in self._joined(found):
            spelled = remembered(word) or _remembered(self._spelled_words, word, self._spelled_word)
            out.extend(spelled)
        return out

    def _spelled_word(self, word: str) -> tuple[str, ...]:
        if word in SPELLED_FILLER:
            return ()
        if word in SLANG:
            return tuple(SLANG[word].split())
        english = self._english.is_word(word)
        if word.endswith("in") and not english and self._english.is_word(word + "g"):
            return (word + "g",)  # "talkin" is "talking"
        chat = None if english else self._chat_slip(word)
        return (chat or self._unstretched(word),)

    def _chat_slip(self, word: str) -> str | None:
        """A slip in a chat word, read before chat is stripped ("agian", "acocrding"): one
        letter dropped, added or swapped; but "verfy" is the base's "verify", not "very"."""
        if len(word) < _SLIPPED_FILLER or word in self._known:
            return None
        chat = _closest(word, _FILLER_LIST, slips=1)
        if chat is None or not (_swap_of(word, chat) or len(chat) != len(word)):
            return None
        return chat if _closest(word, self._vocab) in (None, chat) else None

    def _joined(self, found: list[str]) -> list[str]:
        """Words split by a slip of the space bar ("spy ware", "safe guards") joined when
        together they are a content word of the base."""
        content = self._content_words
        last = len(found) - 1
        out: list[str] = []
        i = 0
        while i < last:
            pair = found[i] + found[i + 1]
            # Never across a function word: "brazil is" is no "brazilis".
            if len(pair) >= MIN_JOINED and pair in content and found[i + 1] not in FUNCTION_WORDS:
                out.append(pair)
                i += 2
            else:
                out.append(found[i])
                i += 1
        if i == last:
            out.append(found[i])
        return out

    def _unstretched(self, word: str) -> str:
        """ "hiii", "soooo", "pleasee": letters held down for emphasis, when that is no word."""
        if word in self._known:
            return word
        collapsed = _REPEATS[1].sub(r"\1", word)
        if collapsed == word:
            return word
        if collapsed in FUNCTION_WORDS:
            return collapsed  # "hii", "sooo", "okk"
        if self._english.is_word(word) or word in self._known:
            return word
        for limit in (2, 1):
            shorter = _REPEATS[limit].sub(r"\1" * limit, word)
            if shorter != word and (self._english.is_word(shorter) or shorter in self._known):
                return shorter
        return word

    def as_article_words(self, found: Sequence[str]) -> list[str]:
        """`found` with each reader's phrase (see _readers_phrases) replaced by the article's
        own phrase for it; other words as they are."""
        out: list[str] = []
        i = 0
        while i < len(found):
            for size in range(min(_LONGEST_PHRASE, len(found) - i), 0, -1):
                article = self._as_article.get(tuple(found[i : i + size]))
                if article:
                    out.extend(article)
                    i += size
                    break
            else:
                out.append(found[i])
                i += 1
        return out

    def tokens(self, text: str) -> tuple[str, ...]:
        """Content stems of `text`: typos fixed, synonyms mapped, no stopwords, no repeats."""
        return self.tokens_of(self.surface(text))

    def word_tokens(self, word: str) -> tuple[str, ...]:
        """`tokens` of one word, remembered: names and asked-about nouns are read per word."""
        return _remembered(self._word_tokens, word, self.tokens)

    def tokens_of(self, surface: list[str]) -> tuple[str, ...]:
        """Content stems of already corrected words (see `surface`)."""
        surface = list_size_dropped(surface)
        stems = [stem(w) for w in surface]
        out: list[str] = []
        i = 0
        longest, stop_stems = self._longest, self._stop_stems
        while i < len(stems):
            word, stem_ = surface[i], stems[i]
            if word in longest or stem_ in longest:
                canonical, size = self._phrase_at(surface, stems, i)
            else:
                canonical, size = None, 1  # the common case, told without a call
            if canonical is not None:
                out.extend(canonical)
            elif not (word in STOPWORDS or stem_ in stop_stems):
                out.extend(self._relative(stem_))
            i += size
        # One-character tokens are noise: the "m" of "I'm", the "2" of "how r states supposed 2".
        return tuple(dict.fromkeys(t for t in out if len(t) > 1))

    def stem_token(self, found: str) -> str:
        """The token of one word's stem ("releas" -> "publish"): synonyms mapped."""
        canonical = self._synonyms.get((found,))
        return canonical[0] if canonical else found

    def _relative(self, found: str) -> tuple[str, ...]:
        """The knowledge base's stem for another form of the same word ("disclosure" of
        "disclose", "societal" of "society", "principals" of "principles", "chairmanship"
        of "chairman"): an unknown stem
        that shares all but its last letters, and at least RELATIVE_PREFIX, with a known one;
        synonyms mapped. Other stems stay as they are."""
        if found in self._known_stems or len(found) < RELATIVE_PREFIX or not found.isalpha():
            return (found,)
        return _remembered(self._relatives, found, self._related)

    def _related(self, found: str) -> tuple[str, ...]:
        holder = stem(found.removesuffix("ship"))  # "chairmanship": the chairman's office
        if found.endswith("ship") and holder in self._known_stems:
            return self._synonyms.get((holder,), (holder,))
        near = _nearest_relative(found, self._by_prefix.get(found[:RELATIVE_PREFIX], ()))
        return self._synonyms.get((near,), (near,)) if near else (found,)

    def _yields(self, surface: list[str], stems: list[str], start: int, size: int) -> bool:
        """A phrase led by a stopword ("the un") gives way to one that starts after that
        word and reaches further ("un people"): the stopword only decided the first."""
        later, later_size = self._phrase_at(surface, stems, start + 1)
        return later is not None and start + 1 + later_size > start + size

    def _phrase_at(
        self, surface: list[str], stems: list[str], start: int
    ) -> tuple[tuple[str, ...] | None, int]:
        """The canonical stems of the longest synonym phrase at `start`, as written or by
        stems, and how many words it spans; (None, 1) when none starts there."""
        for size in range(min(self._pair_at(surface, stems, start), len(stems) - start), 1, -1):
            canonical = self._spelled.get(tuple(surface[start : start + size]))
            if canonical is None:
                canonical = self._synonyms.get(tuple(stems[start : start + size]))
            if canonical is None:
                continue
            if surface[start] in STOPWORDS and self._yields(surface, stems, start, size):
                return None, 1  # "the un people": "un people" is read, not "the un"
            return canonical, size
        return self._word_at(surface[start], stems[start])

    def _word_at(self, word: str, stem_: str) -> tuple[tuple[str, ...] | None, int]:
        """`_phrase_at` for a phrase of one word."""
        canonical = self._spelled.get((word,))
        if canonical is None and not _able(word, stem_):
            canonical = self._synonyms.get((stem_,))
        return canonical, 1

    def _pair_at(self, surface: list[str], stems: list[str], start: int) -> int:
        """The most words a phrase starting at `start` may take (0 or 1: no longer phrase)."""
        after = start + 1
        if after >= len(stems):
            return 0
        pairs = self._pairs
        return max(
            pairs.get((surface[start], surface[after]), 0),
            pairs.get((stems[start], stems[after]), 0),
        )


_Key = TypeVar("_Key")


def _keep_longest(longest: dict[_Key, int], start: _Key, size: int) -> None:
    """Keep in `longest` the most words of a phrase that starts with `start`."""
    longest[start] = max(longest.get(start, 0), size)


def _able(word: str, stem_: str) -> bool:
    """ "acceptable", "defensible", "nationality": a word the stemmer cut to another word
    ("accept", "nation") that means something else; it takes none of that word's synonyms."""
    return word.endswith(_DERIVED) and not stem_.endswith(_DERIVED_STEMS)


# "What *two* adjectives ...", "which three rights": the size of the list asked for, which
# no quote need repeat.
_LIST_SIZES = frozenset("two three four five six seven eight nine ten".split())


def list_size_dropped(found: list[str]) -> list[str]:
    """The words without a list's size right after "what" or "which"."""
    if _LIST_SIZES.isdisjoint(found):
        return found
    return [
        w
        for i, w in enumerate(found)
        if not (w in _LIST_SIZES and found[i - 1 : i] in (["what"], ["which"]))
    ]


_DERIVED = ("able", "ible", "ality")
_DERIVED_STEMS = ("abl", "ibl", "al")


# A typo is never fixed into a negation: "ist" is no "isnt" (a slip must not flip a question).
_FUNCTION_LIST = sorted(FUNCTION_WORDS - NEGATIONS)
_FILLER_LIST = sorted(STOPWORDS - NEGATIONS)
_SLIPPED_FILLER = 5  # shorter slips are too near other words ("wat", "thn")
_Value = TypeVar("_Value")


def _remembered(cache: dict[str, _Value], key: str, make: Callable[[str], _Value]) -> _Value:
    """`make(key)`, kept in `cache` while it holds fewer than _CACHE_LIMIT items."""
    found = cache.get(key)
    if found is None:
        found = make(key)
        if len(cache) < _CACHE_LIMIT:
            cache[key] = found
    return found


_LONGEST_PHRASE = 6  # words in the longest reader's phrase looked for
RELATIVE_PREFIX = 6  # letters two forms of one word must share ("privat-e" is no "privac-y")


def _stems_by_prefix(stems: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Content stems long enough to have relatives, by their first RELATIVE_PREFIX letters."""
    found: dict[str, list[str]] = {}
    for s in sorted(stems):
        if len(s) >= RELATIVE_PREFIX and s.isalpha():
            found.setdefault(s[:RELATIVE_PREFIX], []).append(s)
    return {prefix: tuple(group) for prefix, group in found.items()}


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _nearest_relative(found: str, candidates: Iterable[str]) -> str | None:
    """The candidate sharing the longest start with `found`, when the two differ only in
    their last letter or two past it (at most three letters longer or shorter)."""
    best, best_shared = None, 0
    for candidate in candidates:
        shared = _shared_start(found, candidate)
        shorter = min(len(found), len(candidate))
        if shared >= shorter - 1 and abs(len(found) - len(candidate)) <= 3 and shared > best_shared:
            best, best_shared = candidate, shared
    return best


Phrases = dict[tuple[str, ...], tuple[str, ...]]


def _ranked_vocabulary(found: list[str]) -> list[str]:
    """Typo targets: the knowledge base's words, most frequent first (a tie between two
    corrections picks the common word), then the filler words a typo may mean ("artical");
    short function words are no target ("your" is not a slip for "our")."""
    counts: dict[str, int] = {}
    for word in found:
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return ranked + sorted((STOPWORDS - FUNCTION_WORDS).difference(counts))


def _synonym_tables(groups: list[list[list[str]]]) -> tuple[Phrases, Phrases]:
    """Synonym phrases -> the stems of their group's first (the article's) phrase, without
    its function words ("calling for" -> "call"): as written, and by stems. A phrase as
    written wins over one that only shares its stems ("reporters" are the press, though
    "reporters" and "report" share the stem "report")."""
    spelled: Phrases = {}
    by_stems: Phrases = {}
    canonicals = [_canonical(g[0]) for g in groups]
    for group, canonical in zip(groups, canonicals, strict=True):
        for i, phrase in enumerate(group):
            spelled.setdefault(tuple(phrase), canonical)
            stems = tuple(stem(w) for w in phrase)
            if i and stems not in canonicals:  # "reported" stays "report", not the press
                by_stems.setdefault(stems, canonical)

    # A word of a phrase's canonical that another group owns reads as that group's word:
    # the "country" of "home country" is the "state" a lone "country" is.
    def owned(canonical: tuple[str, ...]) -> tuple[str, ...]:
        if len(canonical) < 2:
            return canonical
        return tuple(t for s in canonical for t in by_stems.get((s,), (s,)))

    return (
        {k: owned(v) for k, v in spelled.items()},
        {k: owned(v) for k, v in by_stems.items()},
    )


def _readers_phrases(groups: list[list[list[str]]]) -> dict[tuple[str, ...], list[str]]:
    """Each reader's phrase of two or more words -> its group's first (the article's) phrase;
    not a plural for a singular ("wider goods" -> "democracy"): a kind, not one of its kind.
    A plural word for a plural ("reporters" -> "journalists") is a phrase too."""
    return {
        tuple(p): group[0]
        for group in groups
        for p in group[1:]
        if (len(p) > 1 and not (p[-1].endswith("s") and not group[0][-1].endswith("s")))
        or (len(p) == 1 and plural_noun(p[0]) and plural_noun(group[0][-1]))
    }


def plural_noun(word: str) -> bool:
    """Ends in a plural "s" and is longer than a short word ("experts", not "its", "was" or
    "boss")."""
    return len(word) > _SHORTEST_PLURAL and word.endswith("s") and not word.endswith("ss")


_SHORTEST_PLURAL = 3  # "the *UN* experts", "the *two* firms": no plural


def _canonical(phrase: list[str]) -> tuple[str, ...]:
    """The stems a synonym group maps to: its first phrase's, without function words, unless
    that leaves none."""
    return tuple(stem(w) for w in phrase if w not in STOPWORDS) or tuple(stem(w) for w in phrase)


def _missing_letter(word: str, candidates: list[str]) -> str | None:
    """A short word with one letter dropped ("ths", "wen", "bein") or two swapped ("thsee",
    "waht"); never one letter more ("your" is not "our")."""
    for candidate in candidates:
        if len(candidate) == len(word) + 1 and OSA.distance(word, candidate) == 1:
            return candidate
        if sorted(candidate) == sorted(word) and OSA.distance(word, candidate) == 1:
            return candidate
    return None


def _slip_rank(word: str, candidate: str) -> int:
    """How common the slip from `candidate` to `word` is, when it is one: a letter dropped
    ("dealy" for "deadly"), two swapped, one added, one typed for another."""
    if len(candidate) > len(word):
        return 0
    if _swap_of(word, candidate):
        return 1
    return 2 if len(candidate) < len(word) else 3


def _swap_of(word: str, candidate: str) -> bool:
    return sorted(word) == sorted(candidate)


def _short_words(vocab: list[str]) -> list[str]:
    """The typo targets of a three-letter word: one letter more, or as long."""
    return [w for w in vocab if len(w) in (3, 4)]


_QUESTION_WORDS = frozenset("what who whom whose when where why how which".split())
_AUXILIARY_SWAPS = {
    swap: aux
    for aux in sorted(AUXILIARIES)
    for i in range(len(aux) - 1)
    if (swap := aux[:i] + aux[i + 1] + aux[i] + aux[i + 2 :]) not in FUNCTION_WORDS | {aux}
}


def _swapped(word: str, vocab: list[str]) -> str | None:
    """The most common word of `vocab` that is `word` with two letters swapped."""
    found = process.extract(word, vocab, scorer=OSA.distance, score_cutoff=1, limit=None)
    return next((str(c) for c, d, _ in found if d == 1 and sorted(c) == sorted(word)), None)


def _closest(word: str, vocab: list[str], slips: int = 2) -> str | None:
    # Long words may have two slips; others one; four-letter words never a plain substitution
    # ("most" is not a typo of "must"), only a missing/extra letter or a swap ("ruzi"/"ruiz").
    limit = min(slips, 2 if len(word) >= 6 else 1)
    found = process.extract(word, vocab, scorer=OSA.distance, score_cutoff=limit, limit=None)
    # Nearest first; of equals, the likelier slip (see _slip_rank: "relase" is "release", not
    # "relate"), then the one sharing the longest start (slips come late: "scandle" is
    # "scandal", not "scale"), then the most common word.
    found.sort(
        key=lambda hit: (
            hit[1],
            _slip_rank(word, hit[0]) if hit[1] == 1 else 0,
            -_shared_start(word, hit[0]),
            hit[2],
        )
    )
    for candidate, distance, _ in found:
        if distance == 2 and candidate[0] != word[0]:
            continue  # two slips and another first letter: another word ("conclude", "include")
        if len(word) > 4 or len(candidate) != len(word) or sorted(candidate) == sorted(word):
            return str(candidate)
    return None
