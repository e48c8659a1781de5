"""Nisba adjectives (`الأمريكي`, `التركية`, `الأتراك`) and title heads, read from the lexicons.

Keys are folded (khabar.arabic.fold), so `الأميركية` and `الامريكيه` are one form.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic import fold
from khabar.lexicons import read_rows

# Suffixes of the generated forms: masculine, feminine, sound plurals, duals (folded spelling).
_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين")


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    """Folded nisba forms → country, and folded title heads → kind (head, fixed, counterpart)."""

    nisba: dict[tuple[str, ...], str]
    titles: dict[tuple[str, ...], str]

    longest_title: int
    first_words: frozenset[str]  # first words of titles: a quick "no title starts here"


def nisba_forms(stem: str) -> list[tuple[str, ...]]:
    """Folded forms of a nisba stem: with and without the article, each suffix in _SUFFIXES."""
    words = fold(stem).split()
    if words[0].startswith("ال"):
        return [tuple(words)]  # a broken plural, listed as written
    forms = []
    for suffix in _SUFFIXES:
        plain = tuple(word + suffix for word in words)
        forms.append(plain)
        forms.append(tuple("ال" + word for word in plain))
    return forms


def load_role_lexicon() -> RoleLexicon:
    """Read nisba.tsv and titles.tsv."""
    nisba: dict[tuple[str, ...], str] = {}
    for row in read_rows("nisba.tsv"):
        country, stems = row[0], row[1].split("|")
        for stem in stems:
            for form in nisba_forms(stem):
                nisba.setdefault(form, country)
    titles = {tuple(fold(row[0]).split()): row[1] for row in read_rows("titles.tsv")}
    return RoleLexicon(nisba, titles, max(len(key) for key in titles),
                       frozenset(key[0] for key in titles))
