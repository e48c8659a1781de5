"""Subjects written before their verb, a case `قال X` order does not cover.

`لكن مسؤولين قالوا`, `وكالة الأنباء السورية الرسمية قالت`, `إلا أن مسلم نفى`, and the
antecedent of a relative pronoun: `فاز بلاتر (79 عاما) - الذي أشار أمس إلى أن`.
"""

from __future__ import annotations

from khabar.arabic import fold
from khabar.document import Offsets
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.people import People
from khabar.quotes.speakers import Speaker, described
from khabar.quotes.text import Word

_RELATIVE = frozenset(("الذي", "التي"))
_WHO_HE = "الذي"  # v4: masculine, so a person before a body named in his title
_RELATIVE_REACH = 14  # v4: words before `الذي` where that person may be named
# v4: `إيران التي تنفي أن`: a state (feminine) is the antecedent of `التي` as a body is
_STATE_TOO = ("PER", "ORG", "LOC")
# After these the clause is nominal, so the words before the verb are its subject.
_NOMINAL = frozenset(fold(w) for w in "أن إن لكن ولكن".split())
# `وكان مكتب التحقيقات الفيدرالي أكد أن`: كان, its subject, then the verb (a past perfect).
_KANA = frozenset(fold(w) for w in "كان وكان كانت وكانت".split())
# v4: a clause that opens with these is asked about (`وعن موعد العودة قال:`), its words no subject
_ABOUT = frozenset(fold(w) for w in "عن وعن حول وحول بشأن وبشأن".split())
_ABOUT_REACH = 10
# `وعن محمد نور أجاب:`: a name after a preposition is what the speaker talks about.
_TOPIC = _ABOUT | frozenset(fold(w) for w in "تجاه وتجاه إلى وإلى على وعلى مع ومع".split())
_BEFORE_STOP = frozenset(fold(w) for w in (
    "لكن ولكن لكنه لكنها الا كما فيما بينما ثم حين الذي التي الذين قد وقد كان وكان و ان انه"
).split())


def subject_before(words: list[Word], i: int, people: People,
                   lexicon: CueLexicon, *, persons_first: bool = False) -> Speaker | None:
    """A subject written before its verb (`لكن مستخدمين قالوا`, `وكالة الأنباء ... قالت`).

    Also the antecedent of a relative pronoun: `فاز بلاتر (79 عاما) - الذي أشار أمس إلى أن`.
    With `persons_first` (quotes.cues.v4), `الذي` before a cue refers to the person named last
    within _RELATIVE_REACH words, past a body in their title (`الدكتور فلان استشاري أمراض
    القلب بمستشفى الملك فهد بجدة الذي أوضح أن`: the doctor, not the hospital).
    """
    if i > 0 and words[i - 1].folded in _RELATIVE:
        until = words[i - 1].start
        if persons_first and words[i - 1].folded == _WHO_HE:
            lo = words[max(0, i - _RELATIVE_REACH)].start
            persons = [(s, e, ent) for s, e, ent in people.starting_in(lo, until)
                       if e <= until and ent.type == "PER"]
            if persons:
                start, stop, entity = persons[-1]
                return Speaker(entity.id, None, Offsets(start, stop), None, "s")
        lo = words[max(0, i - 8)].start
        kinds = _STATE_TOO if persons_first and words[i - 1].folded != _WHO_HE else ("PER", "ORG")
        named = [(s, e, ent) for s, e, ent in people.starting_in(lo, until)
                 if e <= until and ent.type in kinds]
        if named:
            start, stop, entity = named[-1]
            return Speaker(entity.id, None, Offsets(start, stop), None, "s")
        return None
    taken: list[Word] = []
    stop = ""
    for back in range(i - 1, max(-1, i - 6), -1):
        word = words[back]
        if word.folded in ("(", ")"):
            continue  # `وكان تنظيم (داعش) أعلن`
        if not word.is_word or word.folded in _BEFORE_STOP or lexicon.cue(word.folded):
            stop = word.folded
            break
        taken.insert(0, word)
    if not taken:
        return None
    end = taken[-1].end
    for start, stop_at, entity in people.starting_in(taken[0].start, end):
        if stop_at == end and entity.type in ("PER", "ORG"):
            if _word_before(taken, start) in _TOPIC:
                return None
            return Speaker(entity.id, None, Offsets(start, stop_at), None, "s")
    first = lexicon.word(taken[0].folded)
    if first is not None and first[0] in ("title", "group", "body"):
        if persons_first and _asked_about(words, i):
            return None  # `وعن موعد عودة الحكومة إلى عدن قال:`: what he was asked about
        return described(taken, lexicon, False)
    if stop in _KANA and len(taken) <= 4:
        return Speaker(None, None, Offsets(taken[0].start, end), None, "s")
    if stop in _NOMINAL and len(taken) <= 3:  # `إلا أن مسلم نفى`: whatever stands there
        return Speaker(None, None, Offsets(taken[0].start, end), None, "s")
    return None


def _asked_about(words: list[Word], i: int) -> bool:
    """v4: the clause before the cue at words[i] opens with `وعن`, `وحول`, `وبشأن` (about)."""
    for back in range(i - 1, max(-1, i - _ABOUT_REACH), -1):
        if not words[back].is_word:
            return False
        if words[back].folded in _ABOUT:
            return True
    return False


def _word_before(taken: list[Word], start: int) -> str:
    """The folded word of `taken` right before offset `start` ("" at its start)."""
    before = [w.folded for w in taken if w.end <= start]
    return before[-1] if before else ""
