"""Names in a dashed dateline: `رغد عشميل – عين اليوم`, `عين اليوم – جدة`, `حائل - بشير الرشيدي`.

Its parts are a writer, an outlet and a place, each standing alone, so the tagger, which reads
names from the words around them, leaves many untagged (of 148 datelines in 2,500 corpus
articles, the outlet `عين اليوم` 102 times). entities.merge.v5 reads the parts nothing took:
- a part the lexicon or the gazetteer knows as a place stays a place (`الرياض`, a city and a
  newspaper);
- a known outlet (lexicons/outlets.tsv, as the reader knows them) is an organization;
- two or three words that are all parts of persons' names (name_parts.tsv), the first without
  `ال`, are the writer.
Other parts (`متابعات`, `وكالات`, a town no list knows) stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from khabar.arabic import fold
from khabar.entities.gazetteer import ORG
from khabar.entities.merge import PER
from khabar.entities.person_check import NameParts
from khabar.reading.boilerplate import Outlets, line_key
from khabar.reading.dateline import dashed_parts

_MIN_WRITER_WORDS, _MAX_WRITER_WORDS = 2, 3


def dateline_names(text: str, datelines: Iterable[tuple[int, int]],
                   taken: Callable[[int, int], bool], outlets: Outlets, name_parts: NameParts,
                   is_place: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the outlets and writers in the dateline paragraphs [start, end)
    that no mention covers (`taken`)."""
    found = []
    for start, end in datelines:
        for a, b in dashed_parts(text[start:end]):
            a, b = start + a, start + b
            if taken(a, b):
                continue
            part = text[a:b]
            if is_place(part):  # `الرياض` is the city there, not the newspaper
                continue
            if line_key(part) in outlets.by_name:
                found.append((a, b, ORG))
            elif _writer(part, name_parts):
                found.append((a, b, PER))
    return found


def _writer(part: str, name_parts: NameParts) -> bool:
    words = fold(part).split()
    return (_MIN_WRITER_WORDS <= len(words) <= _MAX_WRITER_WORDS and not words[0].startswith("ال")
            and all(name_parts.known(word) for word in words))
