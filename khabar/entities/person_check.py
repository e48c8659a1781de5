"""Is a person span made of a person's name? entities.merge.v3 drops persons that are not.

On news it was not trained on, the tagger reads common words and product names as persons
(`باحثون`, `بتصفيق حماسي`, `SmartThinQ App`; issue 14). A person is weak when its name is:

- Latin words in no name's shape: a word that starts in lower case (`Of Alice`) or has a
  capital inside it (`SmartThinQ`, `iTunes`): products, titles of works, phrases;
- an Arabic word with tanween (`خاويًا`, `ابتهالاً`): an indefinite common word, never a name;
- none of its words a known name part (name_parts.tsv, from Wikidata person labels: built by
  scripts/build_name_parts.py), one of them in a common noun's shape (definite without the
  nisba ending of family names, `المصدر`; a feminine dual, `ركعتين`; a participle's plural
  or dual, `مندوبون`, `متظاهران`, not `ماكرون`), and
  the tagger unsure of every mention (score below UNSURE): a common word the model guessed at.

Names the list does not know stay when the tagger is sure of them (`كيخال كنتارسي`) or when
they have no common noun's shape (`كيندي`), as do persons with one known word (`ومحامي ساركوزي`).

entities.merge.v5 also drops a person every word of whose every mention is seldom a name in news
and no Wikidata person's (seldom_names.tsv: `سموه`, `باحثون`, `بوليوود`, `الفاتيكان`), however
sure the tagger was: it reads `سموه` (his highness) as a person at 0.8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.document import Entity
from khabar.entities.names import clitic_variants, strip_article
from khabar.lexicons import read_rows

# Below this mean marginal, a person mention is a guess of the tagger (dev half of the blind set:
# the common words it read as persons scored 0.61 to 0.65, names unknown to the list 0.86+).
UNSURE = 0.75
_TANWEEN = re.compile("[\u064b-\u064d]")
_LATIN_OR_TANWEEN = re.compile("[A-Za-z\u064b-\u064d]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3][\u0621-\u065f\u0670-\u06d3\u0640]*")
_PLURAL_ENDINGS = ("ون", "ين", "ان")
_FEMININE_DUAL = ("تان", "تين")
# `عبدالله`, `أبوبكر`: compounds of a known first part.
_COMPOUND_FIRST = tuple(fold(w) for w in ("عبد", "أبو"))


@dataclass(frozen=True, slots=True)
class NameParts:
    """Folded name parts without `ال` (name_parts.tsv)."""

    parts: frozenset[str]

    def known(self, folded: str) -> bool:
        """True when a folded word is a name part, after proclitics and `ال`."""
        if folded.startswith(_COMPOUND_FIRST) and len(folded) > 5:
            return True
        return any(strip_article(rest) in self.parts for _, rest in clitic_variants(folded))


def load_seldom_names() -> frozenset[str]:
    """Folded words the tagger reads in names that news seldom writes in one (seldom_names.tsv,
    built by scripts/build_given_names.py)."""
    return frozenset(row[0] for row in read_rows("seldom_names.tsv"))


def seldom_named(text: str, entity: Entity, seldom: frozenset[str]) -> bool:
    """True when every word of every mention of the person is seldom a name (module docstring)."""
    words = [word for m in entity.mentions for word in fold(text[m.start:m.end]).split()]
    return bool(words) and all(word in seldom for word in words)


def load_name_parts() -> NameParts:
    return NameParts(frozenset(row[0] for row in read_rows("name_parts.tsv")))


def weak_person(text: str, entity: Entity, parts: NameParts) -> bool:
    """True when no mention of the person reads as a person's name (see the module docstring)."""
    return all(_weak_mention(text[m.start:m.end], m.score, parts) for m in entity.mentions)


def maybe_weak(text: str, entity: Entity) -> bool:
    """False when a mention is surely a name to the checks here: the tagger sure of it, and no
    Latin letter or tanween in it (most persons; the checks need not run)."""
    return not any((m.score is None or m.score >= UNSURE)
                   and not _LATIN_OR_TANWEEN.search(text, m.start, m.end) for m in entity.mentions)


def guessed_person(text: str, entity: Entity, parts: NameParts) -> bool:
    """True when the tagger was unsure of every mention and none holds a known name part."""
    return all(_guessed(_ARABIC_WORD.findall(text[m.start:m.end]), m.score, parts)
               for m in entity.mentions)


def _weak_mention(name: str, score: float | None, parts: NameParts) -> bool:
    latin = _LATIN_WORD.findall(name)
    arabic = _ARABIC_WORD.findall(name)
    if latin and not arabic:
        return any(w[0].islower() or any(c.isupper() for c in w[1:]) for w in latin)
    if _TANWEEN.search(name):
        return True
    return _guessed(arabic, score, parts) and any(_common_shape(fold(w)) for w in arabic)


def _guessed(arabic: list[str], score: float | None, parts: NameParts) -> bool:
    if score is None or score >= UNSURE or not arabic:
        return False
    return not any(parts.known(fold(word)) for word in arabic)


def _common_shape(folded: str) -> bool:
    """A common noun's shape: definite but no nisba (`المصدر`; family names with ال end in ي),
    or a sound plural or a dual (`باحثون`, `متظاهران`, `ركعتين`)."""
    if folded.startswith(("ال", "وال", "بال", "لل")) and not folded.endswith("ي"):
        return True
    if len(folded) >= 6 and folded.endswith(_FEMININE_DUAL):
        return True
    # a participle's plural or dual (م, then no alef: `مندوبون`, `متظاهران`, not `ماكرون`)
    return (len(folded) >= 6 and folded[0] == "م" and folded[1] != "ا"
            and folded.endswith(_PLURAL_ENDINGS))
