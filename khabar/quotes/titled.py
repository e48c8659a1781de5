"""A dropped subject's antecedent that no entity stage named: a title opening a sentence.

`وبعث رئيس مفوضية الاتحاد الأوروبي رسالة تهنئة ... وقال في الرسالة إن ...`: the one who speaks
is the subject of the sentence before, a title after its verb, though nobody named them and
they said nothing yet. khabar.quotes.memory knows speakers and named persons; this reads the
sentences between the cue and the one before it for a verb followed by a title (quotes.cues.v3).
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic import fold
from khabar.document import Offsets
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.people import People
from khabar.quotes.speakers import WHEN_WORDS, Speaker, title_gender
from khabar.quotes.text import Word, words_of

_IN_NAME_OF = fold("باسم")
_HEAD = 8  # words of a sentence read for its opening verb and subject
_GLANCE = 60  # characters that hold a sentence's first two words
_HEAD_CHARS = 400  # characters that hold a sentence's first _HEAD words, and many more


@dataclass(frozen=True, slots=True)
class Titled:
    """A title subject opening a sentence: where the sentence starts, and the speaker."""

    sentence: int
    speaker: Speaker


def titled_subject(text: str, sentences: list[tuple[int, int]], until: int, people: People,
                   lexicon: CueLexicon, folds: dict[str, str]) -> Titled | None:
    """The latest of `sentences` (start, end) that opens, before `until`, with a verb and a
    title (`وبعث رئيس المفوضية`, `استقبل وزير الخارجية`; after a side phrase, `من جهته عبّر
    رئيس الجمعية`), and that subject."""
    for start, end in reversed(sentences):
        glance = text[start : start + _GLANCE].split()
        side = _side_words(glance, lexicon)  # `من جهته، عبّر رئيس الجمعية عن ...`
        second = glance[side + 1 : side + 2]  # most sentences fail here,
        head = lexicon.word(fold(second[0])) if second else None  # before any tokenizing
        if head is None or head[0] != "title":
            continue
        # the sentence's head only: a whole one-sentence page per quote would be quadratic;
        # a word the window cuts is left out
        window = min(end, until, start + _HEAD_CHARS)
        words = [w for w in words_of(text, start, window, folds)
                 if w.is_word and (w.end < window or window == min(end, until))][side:_HEAD]
        if len(words) < 3 or lexicon.cue(words[0].folded) is not None:
            continue  # a speech verb's subject is already remembered with its quote
        head = lexicon.word(words[1].folded)
        if head is None or head[0] != "title" or lexicon.word(words[0].folded) is not None:
            continue
        if side and any(e.type == "PER" for _, _, e in people.starting_in(words[0].start, end)):
            continue  # after a side phrase only an unnamed title: a name read later is theirs
        speaker = _subject(words[1:], people, lexicon)
        if speaker is not None:
            return Titled(start, speaker)
    return None


def _side_words(glance: list[str], lexicon: CueLexicon) -> int:
    """How many words a side phrase takes before the sentence's verb (`من جهته`, `من جانبها`:
    for their part, said of the subject after the verb), 0 when it opens with none."""
    key = tuple(fold(w.strip("،,")) for w in glance[:2])
    return 2 if len(key) == 2 and key in lexicon.sides else 0


def _subject(words: list[Word], people: People, lexicon: CueLexicon) -> Speaker:
    """The title and what it governs (`رئيس مفوضية الاتحاد الأوروبي`), or the person named
    with it; an indefinite word after a definite one starts the object (`رسالة تهنئة`)."""
    taken = [words[0]]
    for word in words[1:]:
        if not word.folded.startswith("ال") and taken[-1].folded.startswith("ال") \
                and word.folded != _IN_NAME_OF:  # (`المتحدث باسم الكرملين` goes on)
            break
        if word.folded in WHEN_WORDS:
            break  # `ورحب الرئيس الأمريكي الخميس`: the day, no word of the title
        taken.append(word)
    lo, hi = taken[0].start, words[-1].end
    named = next(((s, e, ent) for s, e, ent in people.starting_in(lo, hi)
                  if ent.type == "PER" and _introduced(words, taken[-1].end, s, lexicon)), None)
    gender = title_gender(words[0].folded, lexicon)
    if named is not None:
        return Speaker(named[2].id, None, Offsets(lo, named[1]), gender, "s")
    return Speaker(None, None, Offsets(lo, taken[-1].end), gender, "s")


def _introduced(words: list[Word], end: int, start: int, lexicon: CueLexicon) -> bool:
    """Whether a name at `start` belongs to the title phrase ending at `end`: right after it,
    or right after another title word (`الوكيل المساعد لشؤون البيئة الدكتور فلان`), not after
    a noun it owns (`تصريحات فلان`)."""
    before = [w for w in words if end <= w.start < start]
    if not before:
        return True
    found = lexicon.word(before[-1].folded)
    return found is not None and found[0] == "title"
