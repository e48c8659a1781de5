"""Entities across a collection: the key that makes two article entities one, and the rules that
join a one-word person name to a full name and choose an entity's display name.

The SQLite store applies these rules as articles arrive (khabar.store.entities); the Spark job
applies them to the whole corpus at once (khabar.spark.tables). Both end in the same entities:
a one-word person key (`كيري`) belongs to the collection's only multi-word person key ending in
that word (`جون كيري`), and to none while there is none, or more than one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from khabar.arabic import fold

PERSON_TYPES = frozenset({"PER", "PERSON", "PERS"})

# Titles and descriptions that precede a person's name (folded forms, written by us).
_TITLE_WORDS = frozenset(fold(w) for w in """
وزير وزيرة الوزير رئيس رئيسة الرئيس نائب النائب الملك الأمير الامير الشيخ السيد السيدة الدكتور
الدكتورة د المستشار المتحدث المتحدثة باسم الناطق العاهل ولي العهد خادم الحرمين الشريفين سمو
صاحب السمو الملكي معالي فخامة سعادة اللواء العميد العقيد الفريق المشير الجنرال القائد قائد
الأمين العام امين أمين الخارجية الداخلية الدفاع المالية الوزراء الحكومة الجمهورية مجلس المدير
مدير السفير سفير المبعوث مبعوث الخاص الأممي الاممي البابا الإمام الامام الحاكم حاكم عضو النائبة
""".split())
_PUNCT = re.compile(r"[^\w\s]|_")


def is_person(entity_type: str) -> bool:
    return entity_type.upper() in PERSON_TYPES


def entity_key(entity_type: str, name: str) -> str:
    """The normalized canonical name that identifies an entity of this type in the collection.

    Folded, punctuation removed, and for people leading titles and descriptions dropped
    (`وزير الخارجية الأمريكي جون كيري` → `جون كيري`). Never empty for a non-empty name.
    """
    words = _PUNCT.sub(" ", fold(name)).split()
    if is_person(entity_type):
        while len(words) > 1 and (words[0] in _TITLE_WORDS or _is_nisba(words[0], words[1:])):
            words = words[1:]
    return " ".join(words) or fold(name).strip() or name


def _is_nisba(word: str, rest: list[str]) -> bool:
    # `الأمريكي`, `السعودية`: a definite relational adjective before a name describes it.
    return len(rest) >= 1 and word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) > 4


def is_last_name(entity_type: str, key: str) -> bool:
    """A one-word person key, which may belong to a full name ending in it."""
    return is_person(entity_type) and " " not in key


def last_word(key: str) -> str:
    return key.rsplit(" ", 1)[-1]


def display_name(name: str, key: str) -> str:
    """The original spelling of the part of `name` that the key kept (titles removed)."""
    words = name.split()
    count = len(key.split())
    return " ".join(words[-count:]) if count <= len(words) else name


def best_name(names: Iterable[tuple[str, int]], entity_type: str, key: str) -> str | None:
    """An entity's display name: of the names whose own key is the entity's key (a linked last
    name never wins), the one most article entities use, ties to the shorter, then the smaller
    string (so a spelling with tatweel loses to the plain one); titles removed."""
    own = [(-count, len(name), name) for name, count in names if entity_key(entity_type, name) == key]
    return display_name(min(own)[2], key) if own else None
