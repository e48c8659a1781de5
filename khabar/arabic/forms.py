"""Search forms: the folded word with its proclitics stripped, as the search index, the story
signals and the collection's keys compare words."""

from __future__ import annotations

import re

from khabar.arabic import fold

_ONE_LETTER = frozenset("وفبكل")
_WORD = re.compile(r"[^\W_]+")


def stem(word: str) -> str:
    """The search form of one folded word: proclitics stripped while 3+ letters stay (2 after ال)."""
    while True:
        if word.startswith("ال") and len(word) >= 4:
            word = word[2:]
        elif len(word) >= 4 and word[0] in _ONE_LETTER:
            word = word[1:]
        else:
            return word


def terms_of(text: str) -> list[str]:
    """Search forms of every word and number in `text`, in order."""
    words = _WORD.findall(fold(text))
    forms = {word: stem(word) for word in set(words)}  # news text repeats its words a lot
    return [forms[word] for word in words]
