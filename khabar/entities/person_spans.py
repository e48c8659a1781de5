"""Titles the tagger took into a person's span: `القاضي فلان` → `فلان`, `تشارلز أمير ويلز` → `تشارلز`.

On news it was not trained on, the tagger often tags a title together with the name (issue 14).
The title stays outside a person's span (docs/annotation-entities.md), and leaving it in hides
it from the role reader, so entities.merge.v2 cuts it off: leading words that are a definite
title head (`القاضي`, `الرئيس`; an honorific such as `الملك` stays), and from the first title
head after the name's first word (`أمير ويلز`, `دوق كامبريدج`, `وزير الخارجية`) to the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.entities.names import clitic_variants

_WORD = re.compile(r"[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*")


@dataclass(frozen=True, slots=True)
class PersonWords:
    """Folded words that start a title (`وزير`, `الأمير`) and honorifics (`السيد`, `اللواء`)."""

    title_words: frozenset[str]
    honorifics: frozenset[str]

    def starts_title(self, folded: str) -> bool:
        return any(word in self.title_words for _, word in clitic_variants(folded))

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
    if len(spans) < 2:
        return start, end
    folded = [fold(text[s:e]) for s, e in spans]
    first = 0
    while first < len(spans) - 1 and words.leading(folded[first]):
        first += 1
    last = len(spans) - 1
    for k in range(first + 1, len(spans) - 1):
        if words.starts_title(folded[k]):
            last = k - 1
            break
    if first == 0 and last == len(spans) - 1:
        return start, end
    return (spans[first][0] if first else start), spans[last][1]
