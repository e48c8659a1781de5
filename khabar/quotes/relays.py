"""Speakers behind relays and media, and subjects that run past their first words (v3).

News relays words more often than it quotes them first hand. The speaker is the one whose
words they are, never the channel (docs/annotation-quotes-events.md):

- `نقلت وكالة الأنباء عن فلان أن ...`, `أفادت الوكالة نقلا عن مصدر أن ...`: the one named
  after `عن` (or after `إلى` for `نسب`);
- `نشرت الشرطة تغريدة على تويتر تقول ...`, `أصدرت الوزارة بيانا قالت فيه ...`: a tweet, a
  statement or a platform carries the words of whoever posted it, the subject of the
  sentence's first verb.

A subject also runs past what khabar.quotes.speakers takes in two common shapes: a title
with the name set off by commas that no entity stage found (`قالت مديرة المستشفى، لورنا
ويلكنسون، إن`), and a part of a group (`عدد من السكان`, `بعض المسؤولين`).
"""

from __future__ import annotations

import dataclasses

from khabar.arabic import fold
from khabar.document import Offsets
from khabar.quotes.lexicon import CueForm, CueLexicon
from khabar.quotes.people import People
from khabar.quotes.scan import COMPLEMENTIZERS, WHAT
from khabar.quotes.speakers import WHEN_WORDS, Speaker, explicit_subject
from khabar.quotes.text import COMMAS, Word

# The verbs whose source follows a preposition: نقل عن, نسب إلى.
_RELAY_VERBS = {fold("نقل"): (fold("عن"),), fold("نسب"): (fold("إلى"), fold("الى"))}
_FROM = frozenset(fold(w) for w in ("نقلا", "نقلاً"))
_ABOUT = fold("عن")
_QUANTIFIERS = frozenset(fold(w) for w in "عدد بعض كثير العديد مجموعة معظم أغلب غالبية".split())
_OF = frozenset(fold(w) for w in ("من", "منهم", "منهن"))
_POSSESSIVE = ("هما", "هم", "ها", "ه")
_SITE = fold("موقع")
RELATIVES = frozenset(fold(w) for w in "الذي التي الذين اللذين اللتين".split())
_MEDIUM_REACH = 6  # words between a medium noun and the cue it speaks through


def is_medium(word: Word, lexicon: CueLexicon) -> bool:
    """Whether a word names what carries words (`تغريدة`, `بيان`, `بيانا`, `تويتر`), not a
    speaker."""
    found = lexicon.word(word.folded)
    if found is None and word.folded.endswith("ا"):  # the accusative (أصدرت بيانا)
        found = lexicon.word(word.folded[:-1])
    return found is not None and found[0] in ("medium", "platform")


def relayed_source(window: list[Word], cue: CueForm, people: People,
                   lexicon: CueLexicon) -> Speaker | None:
    """The one whose words a relay passes on: after `نقلا عن` anywhere in the subject window,
    or after `عن` / `إلى` when the cue itself is `نقل` / `نسب`."""
    lead = [w for w in window if w.is_word]
    marks = _RELAY_VERBS.get(fold(cue.lemma), ())
    for k, word in enumerate(lead[:-1]):
        if word.folded in marks or (word.folded in _FROM and lead[k + 1].folded == _ABOUT):
            after = lead[k + 1:] if word.folded in marks else lead[k + 2:]
            return explicit_subject(after, people, lexicon) if after else None
    return None


_TO = frozenset(fold(w) for w in ("عن", "إلى", "الى"))
_NOUN_REACH = 10  # words back from `قوله` to the preposition of its relay
_RELAY_FORMS = {prefix + fold(form): True for form in "نقل نقلت نسب نسبت ينقل تنقل".split()
                for prefix in ("", "و", "ف")}


def relayed_owner(words: list[Word], i: int, sentence_start: int, people: People,
                  lexicon: CueLexicon) -> Speaker | None:
    """Whose `قوله` (the noun cue at words[i]) it is: `نقلت الوكالة عن فلان قوله`, `نسبت
    الوكالة إلى فلان قوله`: the one named between the preposition and the cue, when a relay
    verb comes before it (`وتطرق إلى الجانب الفني بقوله` names a topic, not a speaker)."""
    for back in range(i - 1, max(-1, i - 1 - _NOUN_REACH), -1):
        word = words[back]
        if word.start < sentence_start or (not word.is_word and word.folded not in COMMAS):
            return None
        if word.folded in _TO:
            lead = [w for w in words[back + 1 : i] if w.is_word]
            relay = any(_RELAY_FORMS.get(w.folded) for w in words[max(0, back - 6) : back]
                        if w.start >= sentence_start)
            return explicit_subject(lead, people, lexicon) if lead and relay else None
    return None


def medium_author(words: list[Word], i: int, sentence_start: int, people: People,
                  lexicon: CueLexicon) -> Speaker | None:
    """`ونشرت الشرطة تغريدة على تويتر تقول`: the one who posted the medium named just before
    the cue at words[i] (the subject after the sentence's first word, its verb)."""
    medium = None
    for back in range(i - 1, max(-1, i - 1 - _MEDIUM_REACH), -1):
        if words[back].start < sentence_start:
            break
        if words[back].is_word and is_medium(words[back], lexicon):
            medium = back
    if medium is None:
        return None
    owner = _owner(words[medium + 1 : i], people, lexicon)
    if owner is not None:  # `بيان لوزارة الداخلية، يؤكد أن`
        return owner
    published = _publisher(words, medium, sentence_start, people, lexicon)
    if published is not None:
        return published
    first = next((k for k in range(medium) if words[k].start >= sentence_start), None)
    if first is None or medium - first < 2:
        return None
    lead = [w for w in words[first + 1 : medium] if w.is_word]
    if not lead or any(is_medium(w, lexicon) for w in lead):
        return None
    return explicit_subject(lead, people, lexicon)


# `قال فيها، فلان، إن`, `قالت بها الحكومة إن`, `قال عنه الحربي إن`: a preposition with a
# pronoun stands before the subject (the one spoken about is not the speaker).
_PRONOUN_OBJECTS = frozenset(fold(w) for w in
    "فيه فيها فيهما فيهم به بها بهم عنه عنها عنهم خلاله خلالها".split())


_WHAT = frozenset({fold("ما")})
_NO_SUBJECT = frozenset(fold(w) for w in "بين حول ضمن منذ وسط تحت فوق داخل خارج".split())


def subject_window(window: list[Word], cue: CueForm, *, v4: bool = False) -> list[Word]:
    """The words after a cue that may hold its subject: past a leading preposition with a
    pronoun (and its comma), and for `وفقا لصحيفة هآرتس` without the ل of the source; `v4`
    (quotes.cues.v4): past `لما` too (`ووفقا لما ذكرته الصحف`), and a source named in
    quotation marks read without them (`وبحسب "واس"`)."""
    lead = list(window)
    if lead and lead[0].folded in _NO_SUBJECT:
        return []  # `وكتبت بين قوسين:`: a preposition, the subject was dropped
    if len(lead) > 1 and lead[0].folded in _PRONOUN_OBJECTS:
        lead = lead[2:] if lead[1].folded in COMMAS else lead[1:]
    if len(lead) > 2 and lead[0].folded == "ل" and lead[1].folded in _OPEN_MARKS:
        close = next((k for k in range(2, min(len(lead), 7)) if lead[k].folded in _CLOSE_MARKS),
                     None)  # `وقال لـ"الاقتصادية" فلان`: the outlet told, then the subject
        if close is not None:
            lead = [w for w in lead[close + 1 :] if w.is_word or w.folded not in COMMAS]
    if v4 and cue.kind == "according" and lead and lead[0].folded in _OPEN_MARKS:
        lead = [w for w in lead if w.folded not in _OPEN_MARKS and w.folded not in _CLOSE_MARKS]
        # `وبحسب "واس"`, `وبحسب "رويترز"، فإن`: the source named in marks
    what = WHAT if v4 else _WHAT
    if cue.kind == "according" and len(lead) > 2 and lead[0].folded in what and lead[1].is_word:
        lead = lead[2:]  # `وبحسب ما أظهرت نقوش الجدران`, `ووفقا لما ذكرته الصحف`: the subject
        # of the verb after ما
    first = lead[0] if lead else None
    if cue.kind == "according" and first and first.is_word and first.folded.startswith("ل") \
            and len(first.folded) > 3:  # the offsets stay, so a mention with its ل is found
        lead[0] = _without_li(first)
    return lead


def _without_li(word: Word) -> Word:
    """A word read without its leading ل (`للوزارة` as `الوزارة`, `لوزارة` as `وزارة`), at the
    same offsets."""
    bare = "ال" + word.folded[2:] if word.folded.startswith("لل") else word.folded[1:]
    return Word(word.start, word.end, bare, word.kind)


_OPEN_MARKS = frozenset("\"«“")
_CLOSE_MARKS = frozenset("\"»”")
_KANA = frozenset(fold(w) for w in "كان وكان كانت وكانت فكان فكانت".split())
_QAD = frozenset(fold(w) for w in ("قد", "وقد"))
_KANA_MARKS = "()«»\"“”"
_KANA_REACH = 8  # v4: words and marks between كان and the verb


def subject_after_kana(words: list[Word], i: int, people: People,
                       lexicon: CueLexicon, *, marks: bool = False) -> Speaker | None:
    """`وكانت سيول قد أعلنت`, `وكانت الوزارة أكدت`: the subject between كان (either gender)
    and the verb at words[i], over an optional قد. With `marks` (quotes.cues.v4), a name in
    quotation marks may be part of it (`وكانت إذاعة «راديو مونت كارلو» قد أشارت`)."""
    j = i - 1
    if j >= 0 and words[j].folded in _QAD:
        j -= 1
    allowed = _KANA_MARKS if marks else "()"
    for k in range(j, max(-1, j - (_KANA_REACH if marks else 5)), -1):
        if not words[k].is_word and words[k].folded not in allowed:
            return None
        if words[k].folded in _KANA:
            lead = [w for w in words[k + 1 : j + 1] if w.is_word]
            if not lead or any(is_medium(w, lexicon) for w in lead):
                return None  # `كانت أصدرت بيانا أشارت فيه`: the statement's own clause
            found = explicit_subject(lead, people, lexicon)
            if marks and words[j].folded in _KANA_MARKS:  # the closing mark of a quoted name
                if found is None or found.entity is None and found.span is not None \
                        and found.span.end == lead[-1].end:
                    start = found.span.start if found and found.span else lead[0].start
                    return Speaker(None, None, Offsets(start, words[j].end))
            return found or Speaker(None, None, Offsets(lead[0].start, lead[-1].end))
    return None


_PUBLISHING = frozenset(fold(w) for w in
    "أصدر أصدرت نشر نشرت بث بثت وزع وزعت أرسل أرسلت وجه وجهت عمم عممت أطلق أطلقت".split())
_PUBLISHING |= {prefix + w for w in _PUBLISHING for prefix in ("و", "ف")}
_BEFORE_VERB_STOP = frozenset(fold(w) for w in "لكن ولكن و ثم فيما بينما كما أن إن".split())


def _publisher(words: list[Word], medium: int, sentence_start: int, people: People,
               lexicon: CueLexicon) -> Speaker | None:
    """Who issued the medium: the subject of the verb that did (`أصدرت الرئاسة بيانا`, or
    before it: `لكن رئاسة الأركان كانت أصدرت الخميس بيانا`)."""
    verb = next((k for k in range(medium - 1, max(-1, medium - 6), -1)
                 if words[k].start >= sentence_start and words[k].folded in _PUBLISHING), None)
    if verb is None:
        return None
    after = explicit_subject([w for w in words[verb + 1 : medium] if w.is_word], people, lexicon)
    if after is not None:
        return after
    k = verb - 1
    if k >= 0 and words[k].folded in _QAD:
        k -= 1  # `وكانت قيادة القوات قد أصدرت بيانا`: قد and كان are no words of the subject
    if k >= 0 and words[k].folded in _KANA:
        k -= 1
    lead: list[Word] = []
    while k >= 0 and words[k].start >= sentence_start and len(lead) < 5 and words[k].is_word \
            and words[k].folded not in _BEFORE_VERB_STOP and words[k].folded not in _KANA:
        lead.insert(0, words[k])
        k -= 1
    return explicit_subject(lead, people, lexicon) if lead else None


def issued_by(window: list[Word], people: People, lexicon: CueLexicon) -> Speaker | None:
    """v4: who issued the statement named in `window` (`بيان صادر عن وزارة الخارجية`, `تقرير
    الصادر عن البنك`): the body or person named after `صادر عن`, when the article names them."""
    lead = [w for w in window if w.is_word]
    for k in range(len(lead) - 2):
        if lead[k].folded in _ISSUED and lead[k + 1].folded == _ABOUT:
            found = explicit_subject(lead[k + 2:], people, lexicon)
            return found if found is not None and found.entity is not None else None
    return None


_ISSUED = frozenset(fold(w) for w in "صادر صادرة الصادر الصادرة".split())


def _owner(after: list[Word], people: People, lexicon: CueLexicon) -> Speaker | None:
    """Whose a medium is, when a ل names them right after it: `بيان لوزارة الداخلية`."""
    lead = [w for w in after if w.is_word]
    if not lead or not lead[0].folded.startswith("ل") or len(lead[0].folded) <= 3:
        return None
    found = explicit_subject([_without_li(lead[0]), *lead[1:]], people, lexicon)
    return found if found is not None and found.entity is not None else None


def medium_kind(text: str, speaker: Speaker, lexicon: CueLexicon) -> str | None:
    """"medium" when a subject is what carries words (`تغريدة`, `مذكرة`), "platform" when it
    is where they are posted (`تويتر`) or someone's own (`وفقا لموقعها`), else None."""
    if speaker.span is None:
        return None
    first = fold(text[speaker.span.start : speaker.span.end]).split()[:1]
    if not first:
        return None
    word = first[0][1:] if first[0].startswith("ل") else first[0]
    bare = next((word[: -len(end)] for end in _POSSESSIVE if word.endswith(end)), None)
    owned = lexicon.word(bare) if bare else None
    if bare == _SITE or owned is not None and owned[0] in ("medium", "platform"):
        return "platform"  # `وفقا لموقعها`, `حسابه`: someone's own site speaks for them
    found = lexicon.word(first[0])
    return found[0] if found is not None and found[0] in ("medium", "platform") else None


def widened(text: str, speaker: Speaker, window: list[Word], people: People,
            lexicon: CueLexicon) -> Speaker:
    """An unnamed subject reread with what follows it: the name in apposition (`مديرة
    المستشفى، لورنا ويلكنسون،`), the group a part is counted out of (`عدد من السكان`), or a
    relative clause (khabar.quotes.relays._before_relative)."""
    if speaker.entity is not None or speaker.span is None or speaker.text:
        return speaker
    inside = [w for w in window if speaker.span.start <= w.start < speaker.span.end]
    relative = next((k for k, w in enumerate(inside) if w.folded in RELATIVES), None)
    if relative:
        return _before_relative(speaker, inside[relative - 1], window, people, lexicon)
    comma = next((k for k, w in enumerate(inside[1:], 1)
                  if any(mark in text[inside[k - 1].end : w.start] for mark in "،,")), None)
    if comma:  # `حسبما أعلن التلفزيون الإيراني، وكانت ...`: the subject ends at its comma
        inside = inside[:comma]
    inside = _trimmed(inside)
    if inside and inside[-1].end < speaker.span.end:  # `المرصد السوري اليوم الجمعة`
        speaker = dataclasses.replace(speaker, span=Offsets(speaker.span.start, inside[-1].end))
    assert speaker.span is not None
    rest = [w for w in window if w.start >= speaker.span.end]
    named = _quoted_name(rest)
    if named is not None:  # `المتحدث باسم "أحرار الشام"`
        return dataclasses.replace(speaker, span=Offsets(speaker.span.start, named))
    first = fold(text[speaker.span.start : speaker.span.end]).split()[:1]
    if first and first[0] in _QUANTIFIERS and len(rest) >= 2 and rest[0].folded in _OF:
        end = rest[0].end if rest[0].folded != fold("من") else rest[1].end
        return dataclasses.replace(speaker, span=Offsets(speaker.span.start, end), number="p")
    name = _apposed(rest, lexicon)
    if name is None:
        return speaker
    return dataclasses.replace(speaker, text=text[name.start : name.end],
                               span=Offsets(speaker.span.start, name.end))


# Words that end an unnamed subject: times (`اليوم الجمعة`) and the outlet told (`لـ"سكاي"`).
_AFTER_SUBJECT = frozenset(fold(w) for w in (
    "اليوم أمس الليلة مساء صباح الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "لـ لوكالة لصحيفة لقناة لموقع لتلفزيون لإذاعة لشبكة").split())


# The first words of outlets told by name (`خبير لبي بي سي`, `مسؤول لرويترز`): the subject ends
# before them.
_OUTLETS_TOLD = frozenset(fold(w) for w in "لبي لرويترز لفرانس لسكاي لسي لأسوشيتد".split())


def _trimmed(inside: list[Word]) -> list[Word]:
    """An unnamed subject's words without the time or outlet words that ended up after it."""
    told = next((k for k, word in enumerate(inside) if k and word.folded in _OUTLETS_TOLD), None)
    kept = list(inside[:told])
    while len(kept) > 1 and (kept[-1].folded in _AFTER_SUBJECT or not kept[-1].is_word):
        kept.pop()
    return kept


def _quoted_name(rest: list[Word]) -> int | None:
    """Where a name in quotation marks right after an unnamed subject ends (`باسم "حماس"`)."""
    if len(rest) < 3 or rest[0].folded not in _OPEN_MARKS:
        return None
    close = next((k for k in range(2, min(len(rest), 7)) if rest[k].folded in _CLOSE_MARKS), None)
    return rest[close].end if close is not None else None


def _before_relative(speaker: Speaker, last: Word, window: list[Word], people: People,
                     lexicon: CueLexicon) -> Speaker:
    """`حسب الأرقام التي أكدها المرصد السوري`: the one named in the relative clause vouches for
    the words; `اللاعب المصري الذي حقق الجائزة`: the subject ends before its relative clause."""
    clause = [w for w in window if w.start > last.end and w.is_word][1:]  # after الذي / التي
    if len(clause) >= 2 and lexicon.word(clause[0].folded) is None:
        named = explicit_subject(clause[1:], people, lexicon)
        found = lexicon.word(clause[1].folded)
        if named is not None and (named.entity is not None or found is not None
                                  and found[0] in ("title", "body", "group")):
            return named
    assert speaker.span is not None
    return dataclasses.replace(speaker, span=Offsets(speaker.span.start, last.end))


# v4: words that open an aside of where or when between commas (`، في المؤتمر الصحفي،`,
# `، خلال اللقاء،`, `، أمس،`), never a name
_ASIDE_OPENERS = WHEN_WORDS | frozenset(fold(w) for w in (
    "في خلال أمام على عن مع إلى لدى عقب أثناء من عبر بعد قبل حول عند وفي").split())


def _apposed(rest: list[Word], lexicon: CueLexicon) -> Offsets | None:
    """`، لورنا ويلكنسون،` right after a title: two to four plain words between commas, then
    the content (a complementizer, a colon or a quote mark)."""
    if len(rest) < 4 or rest[0].folded not in COMMAS:
        return None
    close = next((k for k in range(1, min(len(rest), 6)) if rest[k].folded in COMMAS), None)
    if close is None or not 3 <= close <= 5:
        return None
    name = rest[1:close]
    if name[0].folded.startswith("ال") or name[0].folded in _ASIDE_OPENERS or not all(
            w.is_word and lexicon.cue(w.folded) is None and lexicon.word(w.folded) is None
            for w in name):
        return None  # `، وزير الخارجية،`, `، الناطق باسمها،` or a clause, not a name
    after = rest[close + 1] if close + 1 < len(rest) else None
    if after is not None and after.folded not in COMPLEMENTIZERS and after.folded not in ":\"«“":
        return None
    return Offsets(name[0].start, name[-1].end)
