"""Attributions written after what was said: `"..."، قال الوزير`, `...، كما أعلنت الوزارة`.

A cue that introduces nothing forward but follows a comma (or `حسبما`, `وفق ما`, `بحسب ما`,
`كما`) and is followed by its subject up to the end of the sentence attributes the clause
before it: the quoted span that closes right there (direct), or the words from the start of
the sentence (reported). Clauses already taken by an earlier quote are left alone.
"""

from __future__ import annotations

from bisect import bisect_left

from khabar.arabic import fold
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.marks import QUOTE_MARKS, Quoted
from khabar.quotes.relays import RELATIVES
from khabar.quotes.scan import COMPLEMENTIZERS, Target
from khabar.quotes.text import COMMAS, Word

_LINKS = frozenset(fold(w) for w in
                   "كما حسبما بحسبما وفقما لما ما حسب بحسب وفق وفقا طبقا على".split())
_MARKS = frozenset("\"»”")
_STRONG = frozenset(fold(w) for w in "حسبما بحسبما وفقما ما".split())  # no comma needed
_WHAT_WAS = frozenset(fold(w) for w in "لما ما".split())
_TO = "ل"  # `لـ` written apart
_DATELINE = 4  # v4: words of a dateline before its colon (`أيمن حسن- سبق- متابعة:`)
_SEMICOLON = "؛"  # v4: closes the clause an attribution after it cites (`...؛ بحسب صحيفة`)
_CITING = _LINKS | {"ل", "عن"}  # v4: words before a cited source's name in marks
_OF_IT = frozenset(fold(w) for w in "به بها عنه عنها في".split())  # v4: `لما جاء في صحيفة`


def _forward(word: Word, lexicon: CueLexicon, strong: bool) -> bool:
    """Whether a word after the cue suggests forward content; after `حسبما` marks are names."""
    if word.folded in QUOTE_MARKS:
        return not strong
    return word.folded in COMPLEMENTIZERS or (word.is_word and lexicon.cue(word.folded) is not None)


def backward(words: list[Word], i: int, sentence_start: int, limit: int, covered: int,
             closing: dict[int, Quoted], lexicon: CueLexicon, v4: bool = False,
             ) -> tuple[Target, tuple[int, int]] | None:
    """The attribution target of the cue at words[i] and the content it attributes, if any.
    `v4` (quotes.cues.v4): `وفقا لما ذكره البيت الأبيض` is attributed to who said it, past
    `لما` and its verb."""
    j = i - 1
    while j >= 0 and words[j].folded in _LINKS and i - j <= 3:
        j -= 1
    if j < 0 or words[j].start < sentence_start:
        return None
    strong = any(w.folded in _STRONG for w in words[j + 1 : i])
    after_mark = words[j].folded in _MARKS
    if not (after_mark or strong or words[j].folded in COMMAS
            or v4 and words[j].folded == _SEMICOLON):
        return None
    if strong and words[j].is_word:
        j += 1  # `يدرس خيار ترشحه حسبما أكد`: the clause runs up to the link word
    stop = bisect_left(words, limit, i + 1, key=_start)  # words up to the sentence's end
    if stop - (i + 1) > 12:
        return None
    window = words[i + 1 : stop]
    # v4: after `لما` and its verb, marks hold the source's name (`وفقا لما أعلنته الوكالة
    # “ناسا”.`), as after `حسبما`
    named = strong or v4 and bool(window) and window[0].folded in _WHAT_WAS
    # v4: after `حسب`, `وفقا لـ`, marks hold the source's name too (`، حسب وكالة «رويترز».`)
    named = named or v4 and lexicon.cue(words[i].folded).kind == "according"
    if not window or any(_forward(w, lexicon, named) for w in window):
        return None  # the cue may have forward content after all (a quote, a clause, a cue)
    window = [w for w in window if w.is_word or w.folded not in ".،,"]
    if v4 and len(window) > 1 and window[0].folded == _TO:
        window = window[1:]  # `، وفقاً لـ"رويترز".`: the source, without the preposition
    if v4 and len(window) > 2 and window[0].folded in _WHAT_WAS:
        window = window[2:]  # `لما ذكره`, `لما أعلنته`: what the source said, then the source
        while len(window) > 1 and window[0].folded in _OF_IT:
            window = window[1:]  # `لما أفادت به الوزارة`, `لما جاء في صحيفة`
        cut = next((k for k, w in enumerate(window) if k and w.folded in RELATIVES), None)
        window = window[:cut]  # `ما جاء في التقرير الذي سلم لرئيس الوزراء فلان`: the report
    mark = j if after_mark else j - 1
    if mark >= 0 and words[mark].folded in _MARKS and words[mark].start in closing:
        quoted = closing[words[mark].start]
        if v4 and _cited_name(words, quoted):
            return None  # `، وفقاً لـ "OCHA"، ويتوقع ...`: a source's name, not what was said
        if quoted.start >= covered:
            return Target("direct", window, quoted, cited=strong), (quoted.start, quoted.end)
        return None
    first = bisect_left(words, max(sentence_start, covered), 0, max(j, 0), key=_start)
    if v4:
        first = _past_dateline(words, first, j)
    clause = _clause(words, first, j)
    if clause is None:
        return None
    return Target("indirect", window, cited=strong), clause


def _cited_name(words: list[Word], quoted: Quoted) -> bool:
    """v4: marks around a name a source is cited by (after `لـ`, `حسب`, `وفقا`, `عن`)."""
    k = bisect_left(words, quoted.open, key=_start)
    return k > 0 and words[k - 1].folded in _CITING


def _past_dateline(words: list[Word], first: int, stop: int) -> int:
    """v4: where a clause starts past an opening dateline (`سبق- وكالات: فجّر مجهولون ...`):
    after a colon among its first _DATELINE words."""
    for k in range(first, min(stop, first + _DATELINE + 1)):
        if words[k].folded == ":":
            return k + 1
    return first


def _clause(words: list[Word], first: int, stop: int) -> tuple[int, int] | None:
    """From the first to the last word of words[first:stop], when there are three or more."""
    head = next((k for k in range(first, stop) if words[k].is_word), None)
    tail = next((k for k in range(stop - 1, first - 1, -1) if words[k].is_word), None)
    if head is None or tail is None:
        return None
    count = 0
    for k in range(head, tail + 1):
        count += words[k].is_word
        if count == 3:
            return words[head].start, words[tail].end
    return None


def _start(word: Word) -> int:
    return word.start
