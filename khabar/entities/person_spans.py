"""Titles the tagger took into a person's span: `القاضي فلان` → `فلان`, `تشارلز أمير ويلز` → `تشارلز`.

On news it was not trained on, the tagger often tags a title together with the name (issue 14).
The title stays outside a person's span (docs/annotation-entities.md), and leaving it in hides
it from the role reader, so entities.merge.v2 cuts it off: leading words that are a definite
title head (`القاضي`, `الرئيس`; an honorific such as `الملك` stays), and from the first title
head after the name's first word (`أمير ويلز`, `دوق كامبريدج`, `وزير الخارجية`) to the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from khabar.arabic import fold
from khabar.entities.names import clitic_variants

_WORD = re.compile(r"[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*")


@dataclass(frozen=True, slots=True)
class PersonWords:
    """Folded words that start a title (`وزير`, `الأمير`) and honorifics (`السيد`, `اللواء`)."""

    title_words: frozenset[str]
    honorifics: frozenset[str]
    # entities.merge.v5: two-word titles whose first word alone is none (`أمين منطقة`, `رائد
    # الفضاء`, `عالم الآثار`): inside a name that word is a name (`محمد أمين الشامي`) unless the
    # second follows, and before a name both are cut off (`رائد الفضاء فلان`)
    pairs: frozenset[tuple[str, str]] = frozenset()
    paired_only: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        object.__setattr__(self, "paired_only", frozenset(first for first, _ in self.pairs))

    def starts_title(self, folded: str) -> bool:
        return any(word in self.title_words for _, word in clitic_variants(folded))

    def title_at(self, folded: str, following: str) -> bool:
        """As `starts_title`, the word before `following` (v5: a pair's first word needs it)."""
        if folded not in self.paired_only:
            return self.starts_title(folded)
        return (folded, following) in self.pairs

    def only_title(self, mention: str) -> bool:
        """True when a mention is one word that starts a title (`للسفير`, `الوزير`)."""
        words = _WORD.findall(mention)
        return len(words) == 1 and self.starts_title(fold(words[0]))

    def leading(self, folded: str) -> bool:
        """True for a definite title head a name never starts with (`القاضي`, `الرئيس`).

        Honorifics (`الملك`, `الأمير`) stay: many corpora count them in the name (`الملك
        حسين`), and the role reader finds them before the name either way."""
        return any(word.startswith("ال") and word in self.title_words and word not in self.honorifics
                   for _, word in clitic_variants(folded))


def trim_person(text: str, start: int, end: int, words: PersonWords) -> tuple[int, int] | None:
    """The person's name inside the mention [start, end), or None when only titles are left."""
    spans = [m.span() for m in _WORD.finditer(text, start, end)]
    if words.pairs and spans and _pair_starts(text, spans[-1], words):
        if len(spans) == 1:
            return None  # v5: `[رائد] الفضاء`: the tagger took a title's first word for a name
        spans.pop()
        end = spans[-1][1]
    if len(spans) < 2:
        return start, end
    folded = [fold(text[s:e]) for s, e in spans]
    first = 0
    while first < len(spans) - 1 and words.leading(folded[first]):
        first += 1
    while first < len(spans) - 2 and (folded[first], folded[first + 1]) in words.pairs:
        first += 2  # v5: `رائد الفضاء سلطان النيادي`
    last = len(spans) - 1
    for k in range(first + 1, len(spans) - 1):
        if words.title_at(folded[k], folded[k + 1]):
            last = k - 1
            break
    if first == 0 and last == len(spans) - 1:
        return start, end
    return (spans[first][0] if first else start), spans[last][1]


def paired_titles(titles: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, str]]:
    """v5: the two-word titles of a role lexicon's keys whose first word is no title alone."""
    singles = {key[0] for key in titles if len(key) == 1}
    return frozenset((key[0], key[1]) for key in titles if len(key) == 2 and key[0] not in singles)


def _pair_starts(text: str, last: tuple[int, int], words: PersonWords) -> bool:
    """v5: the mention's last word and the word right after it make a two-word title."""
    folded = fold(text[last[0]:last[1]])
    if folded not in words.paired_only:
        return False
    following = _WORD.match(text, last[1] + 1)
    return (following is not None and text[last[1]] == " "
            and (folded, fold(following.group())) in words.pairs)
