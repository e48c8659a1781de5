"""Titles next to names: the gender they give a person, and who a bare title refers to.

`ليز جراندي منسقة العمليات` tells that Grande is a woman; `وزير الخارجية التركي مولود جاويش
أوغلو` early in an article lets a later `وأفاد الوزير التركي بأن` go to the same person. Role
records from the entity stage (Entity.roles) count as well as the words around each mention.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from khabar.arabic import fold
from khabar.document import Entity
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.people import Skips
from khabar.quotes.scan import COMPLEMENTIZERS
from khabar.quotes.speakers import title_gender

_BEFORE = 6  # words before a mention that may hold its title
# folded feminine titles that are nouns of places too, without ال (person_titles drops it)
_PLACE_NOUNS = frozenset(fold(w) for w in "محافظة بمحافظة لمحافظة ومحافظة".split())
_AFTER = 3
# v4: where the words before a mention stop being its own: a word that closes a sentence or
# opens what was said (`وذكر مسؤول أمريكي أن العقوبات على سليماني`: مسؤول is the speaker's)
_CLOSES = (".", ":", "؟", "!", "«", "»", '"', "“", "”")


def _bare(folded: str) -> str:
    return folded[2:] if folded.startswith("ال") and len(folded) > 4 else folded


def person_titles(text: str, people: Iterable[tuple[int, int, Entity]],
                  lexicon: CueLexicon, *, clauses: bool = False) -> dict[tuple[int, str], set[str]]:
    """For each PER mention (start, entity id): the words around it, folded, without ال;
    with `clauses` (quotes.cues.v4), only the words of its own sentence, and before it only
    up to a complementizer (`قالت الوزيرة إن سليماني`: no title of Soleimani's, nor his
    gender; `... على سليماني. وقال المسؤول`: nor the next sentence's)."""
    out: dict[tuple[int, str], set[str]] = {}
    for start, end, entity in people:
        if entity.type != "PER":
            continue
        preceding = reversed(text[max(0, start - 80) : start].split())
        if clauses:
            preceding = _within_clause(preceding)
        before = _folded_words(preceding, _BEFORE)
        following = text[end : end + 40].split()
        after = _folded_words(_to_clause_end(following) if clauses else following, _AFTER)
        titles = {_bare(w.strip("،,:()\"«»")) for w in before + after}
        for role in entity.roles:
            titles.update(_bare(word) for word in fold(role.title).split()[:1])
        out[(start, entity.id)] = titles
    return out


def _within_clause(words_back: Iterator[str]) -> Iterator[str]:
    """The words before a mention, nearest first, up to the clause they belong to."""
    for word in words_back:
        if word.endswith(_CLOSES) or fold(word) in COMPLEMENTIZERS:
            return
        yield word
        if word.startswith(_CLOSES):
            return


def _to_clause_end(words: list[str]) -> Iterator[str]:
    """The words after a mention up to the end of its sentence or an opening mark."""
    for word in words:
        if word.startswith(_CLOSES):
            return
        yield word
        if word.endswith(_CLOSES):
            return


def _folded_words(words: Iterable[str], count: int) -> list[str]:
    """The first `count` of `words` that fold to something: the same words as folding the
    whole stretch and splitting it (folding drops marks, never spaces), with short words
    served from fold's memo instead of one translate() per stretch."""
    out = []
    for word in words:
        folded = fold(word)
        if folded:
            out.append(folded)
            if len(out) == count:
                break
    return out


def person_genders(titles: dict[tuple[int, str], set[str]], lexicon: CueLexicon, *,
                   places: bool = False) -> dict[str, str]:
    """A gender per entity when its nearby titles agree on one; with `places`
    (quotes.cues.v4), not from a word that is a place's noun too (`محافظة`, a governor and a
    governorate: `مدير ... في محافظة ينبع، فلان` is no woman)."""
    seen: dict[str, set[str]] = {}
    for (_, entity_id), words in titles.items():
        for word in words:
            if places and word in _PLACE_NOUNS:
                continue
            gender = title_gender(word, lexicon)
            if gender:
                seen.setdefault(entity_id, set()).add(gender)
    return {entity_id: genders.pop() for entity_id, genders in seen.items() if len(genders) == 1}


class TitleIndex:
    """The words around each PER mention (`person_titles`), latest mention first, and by title
    word, so a bare title looks only at the mentions that carry its head word."""

    def __init__(self, titles: dict[tuple[int, str], set[str]]) -> None:
        self.items = sorted(titles.items(), reverse=True)
        self.by_head: dict[str, list[int]] = {}  # word -> indexes into items, earliest first
        for index in range(len(self.items) - 1, -1, -1):
            for word in self.items[index][1]:
                self.by_head.setdefault(word, []).append(index)
        # Per bare title (its folded words): the mentions to walk, and those that failed it.
        self._walks: dict[tuple[str, ...], tuple[list[int], Skips]] = {}

    def walk(self, title: tuple[str, ...], heads: set[str], before: int
             ) -> Iterator[tuple[int, tuple[int, str], set[str]]]:
        """(position, key, words) of the mentions before offset `before` whose words hold every
        one of `heads`, latest first (in the order of `items`), less those `drop`ped for
        `title`; a position is what `drop` takes."""
        if title not in self._walks:
            shortest = min((self.by_head.get(head, []) for head in sorted(heads)), key=len)
            self._walks[title] = (shortest, Skips(len(shortest)))
        indexes, skips = self._walks[title]
        position = skips.last(bisect_left(indexes, before, key=self._start) - 1)
        while position >= 0:
            key, words = self.items[indexes[position]]
            if heads <= words:
                yield position, key, words
            else:
                skips.drop(position)
            position = skips.last(position - 1)

    def drop(self, title: tuple[str, ...], position: int) -> None:
        """The mention at `position` of the walk for `title` is no antecedent of it, ever."""
        self._walks[title][1].drop(position)

    def _start(self, index: int) -> int:
        return self.items[index][0][0]


def title_antecedent(folded_words: list[str], before: int, titles: TitleIndex,
                     genders: dict[str, str], lexicon: CueLexicon,
                     nisba: dict[tuple[str, ...], str] | None = None) -> str | None:
    """The latest person before `before` introduced with the same title as a bare subject.

    A person whose gender is known and differs from the title's (`الطالبة` and a man named
    next to it in `والد الطالبة فيصل`) is not a candidate; with `nisba` (folded nationality
    adjectives → country), neither is one introduced with another country's adjective than
    the title's (`وزير الخارجية السعودي` is not `وزير الخارجية الألماني فلان`). A mention that
    fails a title fails it for good (genders are only ever set once), so later uses of the
    title skip it: a long page of bare titles does not walk back over every person each time.
    """
    heads = {_bare(w) for w in folded_words if title_gender(w, lexicon)}
    if not heads:
        return None
    wanted = {_bare(w) for w in folded_words}
    gender = next((title_gender(w, lexicon) for w in folded_words if title_gender(w, lexicon)))
    title = tuple(folded_words)
    countries = countries_of(wanted, nisba)
    for position, (_start, entity_id), words in titles.walk(title, heads, before):
        known = genders.get(entity_id)
        if known and gender and known != gender:
            titles.drop(title, position)
        elif countries and _contradicts(countries, countries_of(words, nisba)):
            titles.drop(title, position)
        elif len(wanted & words) >= 0.6 * len(wanted):  # `الوزير التركي` ~ `وزير الخارجية التركي`
            return entity_id
        else:
            titles.drop(title, position)
    return None


def _contradicts(wanted: set[str], theirs: set[str]) -> bool:
    return bool(theirs) and not wanted & theirs


def countries_of(words: set[str], nisba: dict[tuple[str, ...], str] | None) -> set[str]:
    """The countries whose nationality adjectives are among `words` (folded, without ال)."""
    if not nisba:
        return set()
    return {nisba[(word,)] for word in words if (word,) in nisba}
