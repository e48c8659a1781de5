"""What a cue introduces: a quoted span, a reported clause (أن ...), or a noun phrase (نفى ...).

From a cue, the scan reads the words up to the end of its sentence: the subject first, then a
quotation mark, a colon or a complementizer (`إن`, `أن`, `بأن`, `أنه` ...) that starts the
content. A plain reporting verb needs one of those; a verb marked `np` in the lexicon
(`نفى وجود شرخ`) may report a noun phrase instead.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from khabar.arabic import fold
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.marks import Quoted
from khabar.quotes.people import Covered
from khabar.quotes.speakers import withholds_name
from khabar.quotes.text import COMMAS, Word

COMPLEMENTIZERS = frozenset(
    "ان انه انها انهم انهما انهن انني اننا اني بان بانه بانها بانهم فان".split()
)
BARE = frozenset(("ان", "بان", "فان"))  # complementizers left out of the content they open
_BEFORE_QUOTE = frozenset(":،,-–—")
_MAX_WINDOW = 40
_NAME_OBJECTS = frozenset(fold(w) for w in (
    "اسمه اسمها اسميهما اسمائهم اسماءهم هويته هويتها هويتهم هوياتهم").split())
# v4: an occasion of speaking named without the article after `في`, `خلال`, `عبر`: a verb
# right after it is a clause that describes it (`في مداخلة نقلت عبر التلفزيون`)
_OCCASIONS = frozenset(fold(w) for w in (
    "تصريح تصريحات مداخلة مقابلة حديث بيان كلمة تغريدة تغريدات رسالة مؤتمر لقاء اتصال حوار "
    "خطاب").split())
_AT_OCCASION = frozenset(fold(w) for w in "في خلال عبر".split())
_MAX_WITHHELD = 6  # v4: words of an aside that withholds the speaker's name, up to the name
_MAX_QUOTED_NAME = 4  # words of a name quoted as the speaker (`«المرصد السوري لحقوق الإنسان»`)
_OPENING_MARKS = frozenset("«“\"")  # what opens the words after a quoted speaker's name
_CLOSING_MARKS = frozenset("»”“\"")
_TO = "ل"  # `لـ` written apart, before an outlet's name in marks
# v4: nouns of an outlet before its name in marks, in a source cited after a quoted speaker
_OUTLET_NOUNS = frozenset(fold(w) for w in "موقع صحيفة وكالة قناة شبكة مجلة".split())
# v4: cues whose first noun is the one told (`أبلغ "الاقتصادية" مصدر مسؤول أن`), not a speaker
_TELLS = frozenset(("أبلغ",))
_TO_CUES = frozenset(("أشار", "لفت", "نوه"))  # v4: cues that report with `إلى أن`
_TO_WORDS = frozenset(fold(w) for w in "إلى الى".split())
_NAME_TAIL = 8  # v4: words after a quoted speaker's name up to what they said
_CONJUNCTIONS = frozenset("لكن ولكن لكنه لكنها ولكنها ولكنه الا كما فيما بينما ثم".split())
# `بعد أن`, `قبل أن`: a conjunction, not the start of reported content.
_NOT_REPORTING = frozenset("بعد قبل منذ رغم دون حتى لدرجه بمجرد".split())
# v4: words before أن that open a clause of its own, which no cue before reports (`علما أن`,
# note that; `إلا أن`, `غير أن`, however; `بل إن`, indeed; `كما أن`, moreover; `حيث إن`,
# `بما أن`, since)
_OWN_CLAUSE = frozenset(fold(w) for w in (
    "علما علماً إلا الا غير بل كما حيث بما لأن لان بالتالي وبالتالي لذلك ولذلك لذا ولذا وعليه"
).split())  # (`وبالتالي فإن`, `لذلك فإن`: therefore, the writer's conclusion)
# v4: words in marks after a subject or an adjunct (_said_after_subject)
_MIN_SAID = 3
_MIN_SPEECH = 7  # words in marks after a naming noun that are a sentence said, not a name
_MAX_SUBJECT = 16  # words (`وقال فلان - الفائز يوم السبت بانتخابات رئاسة النادي - للصحفيين`)
_MAX_NAMED_SUBJECT = 24  # v4: the same after a name right after the cue
_BRACKETS = frozenset("()")
_WILLED = fold("شاء")  # v4: `إن شاء الله`
# v4: `ما`, `لما` after an attribution, before the source's verb (`وفقا لما ذكرت صحيفة`)
WHAT = frozenset(fold(w) for w in "ما لما".split())
_TOPIC_PREPOSITIONS = frozenset(fold(w) for w in "عن حول إلى الى على في من مع ب ل".split())
# Nouns that make what a cue reports a noun phrase (`أكد أهمية ...`): words in marks after them
# are part of it
_REPORTED_NOUNS = frozenset(fold(w) for w in "أهمية ضرورة وجود".split())
# Nouns whose quoted complement is a name, not what was said (`بعنوان «...»`, `مشروع "..."`,
# `لشركة «...»`, `جلسة «...»`), and the pronoun that introduces a list (`وهي «...»`)
_NAMING_NOUNS = frozenset(fold(w) for w in (
    "عنوان اسم شعار وسم هاشتاق حملة مشروع برنامج كتاب مقال رواية فيلم أغنية قصيدة مسلسل "
    "منفذ موقع تطبيق شركة تحالف حزب حركة جماعة منظمة جمعية مؤسسة مجموعة رئيس مدير "
    "مبدأ مبادرة عملية مؤلف قصة لوحة ألبوم جلسة ندوة محاضرة ورشة مؤتمر منتدى معرض "
    "مهرجان بطولة مسابقة جائزة").split())
_LIST_PRONOUNS = frozenset(fold(w) for w in "هي هو وهي وهو".split())
_MAX_CITED_ASIDE = 12  # v4: words of a source cited between commas (`، وفقاً لما نقلت عنه عكاظ،`)
_MAX_SOURCE_SUBJECT = 4  # v4: words of a subject before a source cited after it (`بحسب ...`)


@dataclass(frozen=True, slots=True)
class Target:
    """What a cue governs: its subject window and where the content starts (or the quote)."""

    kind: str  # "direct", "indirect" or "np"
    window: list[Word]
    quoted: Quoted | None = None
    content_start: int = 0
    cited: bool = False  # a source cited after the words (`حسبما أكد مصدر`), not followed later


def scan(
    words: list[Word], i: int, limit: int, open_at: dict[int, Quoted], lexicon: CueLexicon,
    person_ends: set[int], *, skip_outlets: bool = False, names: Covered | None = None,
    open_subject: bool = False,
) -> Target | None:
    """The target of the cue at words[i], looking no further than `limit` (sentence end).

    `skip_outlets` (quotes.cues.v3): a one-word quoted name followed by a comma and a
    complementizer (`قال الحربي "الرياض"، إنه ...`) is the outlet told, not the content, and
    a short quoted name before a colon is the speaker (`وقال "البرقان": "..."`). `names`: the
    stretches of entity mentions, where `فان` or `بان` is a name's part (`لويس فان غال`, `بان كي
    مون`), not `فإن` or `بأن`. `open_subject` (quotes.cues.v4): words in marks that close the
    clause after any subject or adjunct are the quote (`وقال الوزير «...».`, `وقال للصحفيين
    "..."`), not only after a person's name.
    """
    window: list[Word] = []
    name_marks: set[int] = set()  # the marks around a quoted speaker's name, not in its window
    subject_done = False  # v4: past an aside after the subject (`بحسب ...`, `بعد أن ...`)
    aside_end = -1  # v4: the last word of a source cited between commas (`، وفقا لـ ...،`)
    depth = 0  # v4: brackets open in the window (an aside about the subject)
    for j in range(i + 1, min(len(words), i + 1 + _MAX_WINDOW)):
        word = words[j]
        if word.start >= limit:
            break
        if j <= aside_end:
            continue
        if open_subject and j > i + 1 and (end := _withheld_aside(words, j)) > j:
            aside_end = end  # `وقال أحد السكان طالبا عدم الكشف عن اسمه «...»`
            continue
        if open_subject and word.folded in _BRACKETS:
            if word.folded == ")" and depth == 0:
                return None  # the cue stood in an aside, which says nothing outside it
            depth += 1 if word.folded == "(" else -1
        quoted = open_at.get(word.start)
        if quoted is not None and open_subject and j == i + 1 and quoted.closed \
                and lexicon.cue(words[i].folded).lemma in _TELLS \
                and 1 <= _word_count(words, quoted) <= _MAX_QUOTED_NAME:
            aside_end = bisect_left(words, quoted.end, key=_start)  # the one told, in marks
            continue
        if quoted is not None and skip_outlets and j == i + 1 and _names_speaker(
                words, quoted, limit, names, tail=_NAME_TAIL if open_subject else 0):
            name_marks, quoted = {quoted.open, quoted.end}, None
        if quoted is not None and open_subject and j == i + 1 and not name_marks \
                and _name_then_more(words, quoted, limit, names):
            name_marks, quoted = {quoted.open, quoted.end}, None  # `وأشار "العتيبي" إلى أن`
        if quoted is not None and skip_outlets and _outlet_told(words, quoted, limit):
            quoted = None
        if quoted is not None and open_subject and _told_to(words, j, quoted, limit):
            quoted = None  # `وقال فلان لـ"الشرق الأوسط": "..."`: the outlet spoken to
        if quoted is not None and open_subject and j > i + 1 and words[j - 1].folded != _TO \
                and _name_before_said(words, quoted, limit, lexicon,
                                      lexicon.cue(words[i].folded).lemma in _TO_CUES):
            quoted = None  # `ذكرت شركة الأدوية "إيلي ليلي" أمس إن`: the subject's name in
            # marks, with the subject's words; what was said comes later
        if quoted is not None:
            prev = words[j - 1]
            if j == i + 1 or prev.folded in COMPLEMENTIZERS or prev.folded in _BEFORE_QUOTE \
                    or prev.start in name_marks or _opens_with_complementizer(words, j):
                return Target("direct", window, quoted)
            if prev.end in person_ends and (_word_count(words, quoted) >= 2
                                            or _ends_clause(words, quoted, limit)):
                return Target("direct", window, quoted)  # قال كارتر "..." without a comma
            if open_subject and _said_after_subject(words, window, quoted, limit, names):
                return Target("direct", window, quoted)  # `وقال الوزير «...».`
        if word.folded in COMPLEMENTIZERS and not _inside_name(word, names) \
                and not (open_subject and (_abbreviation_at(words, j) or _god_willing(words, j))):
            if open_subject and words[j - 1].folded in _OWN_CLAUSE:
                break  # `وأكد الوزير دعمه للمشروع، علما أن ...`: a note, not what was said
            if words[j - 1].folded in _NOT_REPORTING:
                if open_subject:  # `وقالت فلانة بعد أن علمت بوفاته "..."`: a time clause
                    if window and window[-1] is words[j - 1]:
                        window.pop()
                    subject_done = True
                    continue
                break
            after = words[j + 1] if j + 1 < len(words) else None
            if after is not None and after.start in open_at and not (
                    open_subject and _named_in_clause(words, open_at[after.start], limit)):
                return Target("direct", window, open_at[after.start])
            start = word.end if word.folded in BARE else word.start
            return Target("indirect", window, content_start=start)
        if word.folded == ":":
            after = words[j + 1] if j + 1 < len(words) else None
            if after is not None and after.start in open_at:
                return Target("direct", window, open_at[after.start])
            if after is not None and after.start < limit:
                return Target("indirect", window, content_start=after.start)
            return None
        cue = lexicon.cue(word.folded) if word.is_word else None
        if cue is not None and (withheld(words, j) or depth):
            cue = None  # (v4: `وقال فلان، عميد ... (كان ... وكتب كتابا عن ...): «...»`)
        if cue is not None and open_subject and _describes_occasion(words, j):
            cue = None  # `وقال روحاني في مداخلة نقلت عبر التلفزيون «...»`
        if cue is not None and cue.kind == "participle" and cue.lemma == "قال":
            continue  # `وتابع قائلا إن`, `غردت ... قائلة:`: one speech act
        if open_subject and cue is not None and cue.kind == "according" and window:
            aside_end = _cited_between_commas(words, j, limit)
            if aside_end > j:  # `وأوضح العقيد فلان، وفقاً لما نقلت عنه عكاظ، أن ...`
                subject_done = True
                continue
        if open_subject and cue is not None and cue.kind == "according" \
                and sum(w.is_word for w in window) <= _MAX_SOURCE_SUBJECT:
            subject_done = True  # `وأضاف بحسب وكالة الأنباء: «...»`, `وقال فلان بحسب صحيفة ... إنه`
            continue
        if open_subject and subject_done and cue is not None and words[j - 1].folded in WHAT:
            continue  # `وأوضحت الوزارة وفقاً لما ذكرت صحيفة “المدينة”، أن`: the source's verb
        if cue is not None or (word.folded in _CONJUNCTIONS and words[j - 1].folded in COMMAS):
            break  # another cue, or a new clause (`، ولكنها ...`): this cue introduces nothing
        if word.start not in name_marks and not subject_done:
            window.append(word)
    return None


def _god_willing(words: list[Word], j: int) -> bool:
    """v4: words[j] is the `إن` of `إن شاء الله` (God willing), no complementizer."""
    return words[j].folded == "ان" and j + 1 < len(words) and words[j + 1].folded == _WILLED


def _abbreviation_at(words: list[Word], j: int) -> bool:
    """v4: words[j] is a letter's name glued by a full stop to the next (`إن.بي.سي`): part of
    an abbreviation, not the complementizer `إن`."""
    return (j + 2 < len(words) and words[j + 1].folded == "." and words[j + 2].is_word
            and words[j + 1].start == words[j].end and words[j + 2].start == words[j + 1].end)


def _cited_between_commas(words: list[Word], j: int, limit: int) -> int:
    """v4: the index of the comma that closes a source cited between commas after a subject
    (`فلان، وفقا لسكاي نيوز، إن ...`), or of the mark that closes its name in marks (`فلان،
    بحسب "سي إن إن" إن ...`), when a complementizer follows it; -1 otherwise."""
    if words[j - 1].folded not in COMMAS:
        return -1
    for k in range(j + 1, min(len(words), j + 1 + _MAX_CITED_ASIDE)):
        if words[k].start >= limit:
            return -1
        after = words[k + 1] if k + 1 < len(words) else None
        if words[k].folded in COMMAS:
            return k if after is not None and after.folded in COMPLEMENTIZERS else -1
        if words[k].folded in _CLOSING_MARKS and k > j + 2 and after is not None \
                and after.folded in COMPLEMENTIZERS:
            return k
    return -1


def _said_after_subject(words: list[Word], window: list[Word], quoted: Quoted,
                        limit: int, names: Covered | None = None) -> bool:
    """Words in marks after a subject or an adjunct (`الوزير`, `للصحفيين`, `في مؤتمر صحفي`)
    are what was said when there are at least _MIN_SAID of them and they close the clause, or
    _MIN_SPEECH of them whatever follows (not after a naming noun); one or two words in marks
    in the middle of a clause are a title or a term (`وصف الوزير «الإصلاحات» بأنها`), and
    marks after a preposition name a topic (`قال عن «نيوم»`). A subject named right after the
    cue (`names`) may run on longer, with its title and where it
    spoke (`وقال فلان كبير الخبراء ... في المؤتمر السنوي "بلاك هات" في لاس فيجاس "..."`)."""
    named = names is not None and bool(window) and window[0].start in names
    reach = _MAX_NAMED_SUBJECT if named else _MAX_SUBJECT
    if not window or sum(w.is_word for w in window) > reach or not quoted.closed:
        return False
    last = window[-1].folded
    if last in _TOPIC_PREPOSITIONS or last in _LIST_PRONOUNS:
        return False
    if _bare_noun(last) in _NAMING_NOUNS and _word_count(words, quoted) < _MIN_SPEECH:
        return False  # `مهرجان «...»` names it; a sentence in marks after `المهرجان` is said
    if window[0].folded == "عن" or any(w.folded in _REPORTED_NOUNS for w in window):
        return False  # `أعلنت عن ...`, `وأكد أهمية الحل ... “...”`: marks inside its object
    said = _word_count(words, quoted)
    if said < _MIN_SAID:
        return False
    if not _ends_clause(words, quoted, limit) and (
            said < _MIN_SPEECH or _bare_noun(last) in _NAMING_NOUNS):
        return False  # a sentence in marks may be followed by what it was about (`«...» للأزمات`)
    index = bisect_right(words, quoted.end, key=_start)  # `لشركة «إيه أند بي»، في بيان: «...»`:
    return not any(w.folded == ":" or w.folded in _OPENING_MARKS  # the name of the subject's body
                   for w in words[index:] if w.start < limit)


def _named_in_clause(words: list[Word], quoted: Quoted, limit: int) -> bool:
    """v4: one or two words in marks after the complementizer that the clause goes on after
    (`أن «أوبك» لا تعتزم خفض الإنتاج`): a name in what is reported, not the words said."""
    return quoted.closed and _word_count(words, quoted) <= 2 \
        and not _ends_clause(words, quoted, limit)


def _bare_noun(folded: str) -> str:
    """The word without a preposition or the article glued to it, nor a possessive pronoun
    (`لشركة` → `شركة`, `مؤلفه` → `مؤلف`)."""
    for prefix in ("بال", "لل", "ال", "ب", "ل"):
        if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
            folded = folded[len(prefix):]
            break
    for suffix in ("ها", "ه"):
        if folded.endswith(suffix) and folded[:-len(suffix)] in _NAMING_NOUNS:
            return folded[:-len(suffix)]
    return folded


def _describes_occasion(words: list[Word], j: int) -> bool:
    """v4: the cue at words[j] describes the occasion just named without the article, so it
    reports nothing of its own (`في مداخلة نقلت عبر التلفزيون`, `خلال مقابلة أجرتها`)."""
    return j >= 2 and words[j - 1].folded in _OCCASIONS and words[j - 2].folded in _AT_OCCASION


def _withheld_aside(words: list[Word], j: int) -> int:
    """v4: the index of the name at the end of an aside that withholds the speaker's name
    after the subject (`طالبا عدم الكشف عن اسمه`, `مفضلا عدم نشر هويته`; after `الذي` the
    relative clause ends the speaker's name anyway), whose verb of telling is no cue; -1 when
    words[j] opens none."""
    if not withholds_name(words, j):
        return -1
    for k in range(j + 1, min(len(words), j + 1 + _MAX_WITHHELD)):
        if words[k].folded in _NAME_OBJECTS:
            return k
        if not words[k].is_word:
            return -1
    return -1


def withheld(words: list[Word], i: int) -> bool:
    """`فضل عدم ذكر اسمه`, `رفض الكشف عن هويته`: the verb's object is a name withheld, so it
    reports nothing (346 such phrases in the corpus, 195 after `عدم`)."""
    k = i + 1
    if k < len(words) and words[k].folded == "عن":
        k += 1
    return k < len(words) and words[k].folded in _NAME_OBJECTS


def _outlet_told(words: list[Word], quoted: Quoted, limit: int) -> bool:
    """`"الرياض"، إنه ...`: one quoted word, then a comma and the reported clause."""
    if not quoted.closed or _word_count(words, quoted) != 1:
        return False
    index = bisect_right(words, quoted.end, key=_start)
    after = [w for w in words[index : index + 2] if w.start < limit]
    return (len(after) == 2 and after[0].folded in ("،", ",")
            and after[1].folded in COMPLEMENTIZERS)


def _told_to(words: list[Word], j: int, quoted: Quoted, limit: int) -> bool:
    """v4: words in marks after `لـ` (to) that are followed by a colon, a complementizer or
    more marks name the outlet spoken to (`لـ"الشرق الأوسط": "..."`, `لـ«عكاظ» إن`)."""
    if j == 0 or words[j - 1].folded != _TO or not quoted.closed \
            or not 1 <= _word_count(words, quoted) <= _MAX_QUOTED_NAME:
        return False
    index = bisect_right(words, quoted.end, key=_start)
    after = words[index] if index < len(words) and words[index].start < limit else None
    return after is not None and (after.folded == ":" or after.folded in COMPLEMENTIZERS
                                  or after.folded in _OPENING_MARKS and after.start > quoted.end)


def _inside_name(word: Word, names: Covered | None) -> bool:
    """The word is a mention's part before its last word (`لويس فان غال`, `بان كي مون`); a
    complementizer that ends a mention was read into it (`ليندمير بأن`)."""
    run = names.run_at(word.start) if names is not None else None
    return run is not None and word.end < run[1]


def _names_speaker(words: list[Word], quoted: Quoted, limit: int, names: Covered | None,
                   tail: int = 0) -> bool:
    """`وقال "البرقان": "..."`, `وتابع "البرقان" أنه`, `كما يقول «جديدي».`: a short quoted name
    right after the cue is who speaks (some outlets quote every name), not what is said. It is
    followed by a colon or a complementizer, or ends the clause and is a name the article tags.
    With a `tail` (quotes.cues.v4), the colon or complementizer may come up to that many words
    later, past a title or an adjunct (`قال "حسين عبدالغني" لاعب فريق النصر: إن`, `قالت
    "منظمة ..."، في بيان، إن`)."""
    index = _after_short_name(words, quoted)
    if index is None:
        return False
    after = words[index] if index < len(words) and words[index].start < limit else None
    if after is not None and (after.folded == ":" or after.folded in COMPLEMENTIZERS
                              or after.folded in _OPENING_MARKS and after.start > quoted.end):
        return True  # `وقالت «اليطاليا» "نظرا لاندلاع حريق ..."`: the words follow in marks
    if tail and after is not None and _said_later(words[index : index + tail], limit):
        return True
    return (after is None or after.folded in ("،", ",", ".")) and names is not None \
        and quoted.start in names


def _after_short_name(words: list[Word], quoted: Quoted) -> int | None:
    """The index of the first word after `quoted` when it may be a name: closed marks around
    one to _MAX_QUOTED_NAME words that do not open with a complementizer; None otherwise."""
    if not quoted.closed or not 1 <= _word_count(words, quoted) <= _MAX_QUOTED_NAME:
        return None
    inside = bisect_right(words, quoted.start, key=_start)
    if inside < len(words) and words[inside].folded in COMPLEMENTIZERS:
        return None
    return bisect_right(words, quoted.end, key=_start)


def _name_then_more(words: list[Word], quoted: Quoted, limit: int, names: Covered | None,
                    ) -> bool:
    """v4: a quoted name right after the cue, and the sentence goes on with a word (`وأشار
    "العتيبي" إلى أن`, `وكشف «المسلم» عن برنامج`, `وقالت "فتح" في بيان`): the one who speaks,
    as some outlets mark every name, not what was said. A name is one or two words, or up to
    _MAX_QUOTED_NAME that the article tags (`وتابع "لن نكرر مأساة عام 1948" في اشارة`,
    `وقالت "تعرضت للتحرش والاغتصاب" بين دموعها` are said)."""
    index = _after_short_name(words, quoted)
    if index is None or _word_count(words, quoted) > 2 and not (
            names is not None and quoted.start in names):
        return False
    after = words[index] if index < len(words) else None
    return after is not None and after.start < limit and after.is_word


def _name_before_said(words: list[Word], quoted: Quoted, limit: int, lexicon: CueLexicon,
                      to: bool) -> bool:
    """v4: words in marks inside a cue's subject that name it (`التقرير اليومي لمنظمة الدول
    المصدرة للبترول "أوبك"، أمس، إن`, `في مصرف "إتش إس بي سي"، إلى أن` after a cue that
    takes `إلى`, `to`): at most _MAX_QUOTED_NAME words, then a complementizer or a colon within
    _NAME_TAIL words, past words and commas only, no other cue (`وقال كارتر "سنواصل العمل"
    مؤكدا أن`: the participle's own) and no clause joined by و after a comma."""
    index = _after_short_name(words, quoted)
    if index is None:
        return False
    tail = words[index : index + _NAME_TAIL]
    if any(w.is_word and lexicon.cue(w.folded) is not None for w in tail) or any(
            w.folded in COMMAS and k + 1 < len(tail) and tail[k + 1].folded[:1] == "و"
            for k, w in enumerate(tail)):
        return False  # (`قال لها الجملة "اقعدي يا هند"، وكررها ...`: a clause of its own)
    if to:  # `، إلى أن`: the preposition the cue takes, read past as a comma
        tail = [w for k, w in enumerate(tail) if not (
            w.folded in _TO_WORDS and k + 1 < len(tail) and tail[k + 1].folded in COMPLEMENTIZERS)]
    return _said_later(tail, limit)


def _said_later(tail: list[Word], limit: int) -> bool:
    """Whether a colon or a complementizer comes in `tail` (the words after a quoted name),
    past words and commas only: no mark, no other stop, not after a preposition or a
    conjunction (`في إشارة إلى أن`, `، قبل أن`), and not `فإن` (`، ولذلك فإن`). An outlet in
    marks after `لـ` is passed over (`وأضاف "الذكير" لـ"سبق": ...`)."""
    told = False  # inside the marks of an outlet spoken to
    for k, word in enumerate(tail):
        if word.start >= limit:
            return False
        if told:
            told = word.folded not in _CLOSING_MARKS
            continue
        if word.folded in _OPENING_MARKS:
            if k and (tail[k - 1].folded == _TO or tail[k - 1].folded in _OUTLET_NOUNS):
                told = True  # (`بحسب موقع "بي بي سي"`: the source cited, a name in marks too)
                continue
            return False
        if word.folded == ":" or word.folded in COMPLEMENTIZERS:
            before = tail[k - 1].folded if k else ""
            return bool(before) and word.folded != "فان" and before not in _TOPIC_PREPOSITIONS \
                and before not in _NOT_REPORTING
        if not word.is_word and word.folded not in ("،", ","):
            return False
    return False


def _opens_with_complementizer(words: list[Word], j: int) -> bool:
    """`قالت في تقرير "إن ...`: the quote itself starts with the complementizer."""
    return j + 1 < len(words) and words[j + 1].folded in COMPLEMENTIZERS


def _ends_clause(words: list[Word], quoted: Quoted, limit: int) -> bool:
    """`قال كوركر "نعم"،`: a one-word quote that closes its clause is still a quote."""
    index = bisect_right(words, quoted.end, key=_start)
    after = words[index] if index < len(words) else None
    return after is None or after.start >= limit or after.folded in ("،", ",", ".", "؛")


def _word_count(words: list[Word], quoted: Quoted) -> int:
    lo = bisect_left(words, quoted.start, key=_start)
    hi = bisect_left(words, quoted.end, key=_start)
    return sum(1 for index in range(lo, hi) if words[index].is_word)


def _start(word: Word) -> int:
    return word.start
