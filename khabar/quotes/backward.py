"""Attributions written after what was said: `"..."، قال الوزير`, `...، كما أعلنت الوزارة`.

A cue that introduces nothing forward but follows a comma (or `حسبما`, `وفق ما`, `بحسب ما`,
`كما`) and is followed by its subject up to the end of the sentence attributes the clause
before it: the quoted span that closes right there (direct), or the words from the start of
the sentence (reported). Clauses already taken by an earlier quote are left alone.
"""

from __future__ import annotations

from khabar.arabic import fold
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.marks import Quoted
from khabar.quotes.scan import COMPLEMENTIZERS, Target
from khabar.quotes.text import Word

_COMMAS = frozenset("،,")
_LINKS = frozenset(fold(w) for w in "كما حسبما بحسبما وفقما لما ما حسب بحسب وفق وفقا على".split())
_MARKS = frozenset("\"»”")
_ALL_MARKS = frozenset("\"«»“”")
_STRONG = frozenset(fold(w) for w in "حسبما بحسبما وفقما ما".split())  # no comma needed


def _forward(word: Word, lexicon: CueLexicon, strong: bool) -> bool:
    """Whether a word after the cue suggests forward content; after `حسبما` marks are names."""
    if word.folded in _ALL_MARKS:
        return not strong
    return word.folded in COMPLEMENTIZERS or (word.is_word and lexicon.cue(word.folded) is not None)


def backward(words: list[Word], i: int, sentence_start: int, limit: int, covered: int,
             closing: dict[int, Quoted], lexicon: CueLexicon,
             ) -> tuple[Target, tuple[int, int]] | None:
    """The attribution target of the cue at words[i] and the content it attributes, if any."""
    j = i - 1
    while j >= 0 and words[j].folded in _LINKS and i - j <= 3:
        j -= 1
    if j < 0 or words[j].start < sentence_start:
        return None
    strong = any(w.folded in _STRONG for w in words[j + 1 : i])
    after_mark = words[j].folded in _MARKS
    if not (after_mark or strong or words[j].folded in _COMMAS):
        return None
    if strong and words[j].is_word:
        j += 1  # `يدرس خيار ترشحه حسبما أكد`: the clause runs up to the link word
    window = [w for w in words[i + 1 :] if w.start < limit]
    if not window or len(window) > 12 or any(_forward(w, lexicon, strong) for w in window):
        return None  # the cue may have forward content after all (a quote, a clause, a cue)
    window = [w for w in window if w.is_word or w.folded not in ".،,"]
    mark = j if after_mark else j - 1
    if mark >= 0 and words[mark].folded in _MARKS and words[mark].start in closing:
        quoted = closing[words[mark].start]
        if quoted.start >= covered:
            return Target("direct", window, quoted, cited=strong), (quoted.start, quoted.end)
        return None
    clause = [w for w in words[:j] if w.start >= max(sentence_start, covered) and w.is_word]
    if len(clause) < 3:
        return None
    return Target("indirect", window, cited=strong), (clause[0].start, clause[-1].end)
