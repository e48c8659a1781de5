"""Speakers named after a cue: a person, an organization, or an unnamed group or title.

Arabic news puts the explicit subject right after the reporting verb (`قال وزير الدفاع
الأمريكي، آشتون كارتر، إن`): the first person mentioned in that window is the speaker and the
title before the name belongs to the speaker span. Without a name the subject is kept as words
(`مسؤولون`, `المتحدث باسم الوزارة`), with speaker=None. When the verb is followed directly by a
preposition, a time word or nothing (`وأضاف أن`, `وقالت:`), the subject was dropped and
khabar.quotes.memory resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.arabic import ABBREVIATED_HONORIFICS, fold
from khabar.document import Entity, Offsets
from khabar.entities.roles import CHAIRED_BY, COUNSEL_AND_AIDES
from khabar.quotes.lexicon import CueLexicon
from khabar.quotes.marks import QUOTE_MARKS
from khabar.quotes.people import People
from khabar.quotes.text import Word

# Words right after a verb that show its subject was dropped: prepositions and object pronouns.
_DROPPED_SUBJECT = frozenset(fold(w) for w in
    "في فى خلال امام على عن مع من الى الي لدى عقب بعد قبل اثناء له لها لهم لهما لنا لي لك "
    "عنه عنها عنهم فيه فيها انه انها ان بان عبر حول "
    # `وكتب عليه “...”`, `وكتب فوقها "..."`, `قال وقتها "..."`: a place or a time, no subject
    "عليه عليها عليهم فوقه فوقها تحته تحتها وقتها وقتئذ يومها عندها بعدها "
    # `قال جوابا عن سؤال`, `وكتب مغردا`, `وقال بالنص الصريح`: how it was said, no subject
    "جوابا ردا تعليقا مغردا مغردة معلقا معلقة بالنص "
    # `ولفت النظر إلى أن`: the object of لفت, not its subject
    "النظر الانتباه الانظار".split()
)
# `قال أحد أقارب الشهيد فلان`: one of someone's people speaks, not the person named.
_ONE_OF = frozenset(fold(w) for w in "احد احدى".split())
# Time words and adverbs that may sit between the verb and its subject.
_ADVERBS = frozenset(fold(w) for w in
    "امس اليوم الليله مساء صباح الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت حينها "
    "ايضا كذلك مجددا سابقا لاحقا رسميا تماما مرارا بدوره بدورها مؤخرا اخيرا حديثا خصوصا تحديدا "
    "صراحه علنا علانيه اول بالمقابل بالمثل بدورهم بدورهما".split()  # `قال صراحة إن`, `أعلنت أول من
    # أمس أن`, `أكد بالمقابل أنه`
)
# quotes.cues.v4: a time of two words after a cue (`وقال الشهر الماضي إن`), no subject.
_TIME_NOUNS = frozenset(fold(w) for w in "الشهر الأسبوع العام السنة الليلة".split())
_TIME_ADJECTIVES = frozenset(fold(w) for w in (
    "الماضي الماضية الجاري الجارية الحالي الحالية المقبل المقبلة المنصرم المنصرمة الفائت "
    "الفائتة السابق السابقة").split())
_DAY = fold("يوم")  # `يوم الأحد`, `يوم أمس`
IMAM = "إمام"  # v4: as written, an imam (`وقال إمام المسجد`), which folds like `أمام` (before)


def written_imam(text: str | None, word: Word) -> bool:
    """v4: the word is `إمام` as written (its fold is `أمام`'s, before)."""
    return text is not None and text[word.start:word.end] == IMAM


_THIS = frozenset(fold(w) for w in "هذا هذه".split())  # `ذكروا هذا الأسبوع أن`: when, not who
_THEN_ADVERBS = frozenset(fold(w) for w in "آنذاك حينذاك عندئذ وقتذاك".split())  # `قال آنذاك`
# v4: words that say when or how, never part of a subject's name or title; not those that
# are also names: a paper (`صحيفة اليوم`), given names (`صباح`, `مساء`)
WHEN_WORDS = (_ADVERBS | _THEN_ADVERBS) - {fold(w) for w in "اليوم صباح مساء".split()}
# v4: styles of address said before a title (`فضيلة`, `سماحة`, `معالي`), no word of the speaker's
_STYLES = frozenset(fold(w) for w in "فضيلة سماحة معالي سعادة فخامة سمو".split())
_HONORIFICS_BEFORE = 2  # v4: words around a title read by the roles stage (`سماحة`, `الشيخ`)
# `وقالت لصحيفة ...`, `وقال لـ"الرياض"`: the outlet told, not the speaker.
_TOLD = frozenset(
    fold(w) for w in "لـ ل لصحيفه لوكاله لقناه لموقع لتلفزيون لاذاعه لبرنامج للصحفيين".split()
)
# Verbs of an aside after an unnamed subject that withholds their name (`رفض الكشف عن هويته`);
# `فضل` only before `عدم`: it is also a given name (`نائب مدير أمن عدن فضل الراعي`).
_WITHHOLDS = frozenset(fold(prefix + w) for prefix in ("", "و") for w in (
    "رفض رفضت طلب طلبت رافضا رافضة مفضلا مفضلة طالبا طالبة اشترط اشترطت").split()) | {
    fold("عبر")}  # `الدفاع المدني عبر حسابه`: where it said it
# Indefinite words that head the genitive of a title or a body (`مدير عام فرع وزارة العمل`),
# beside the lexicon's bodies; a title of more than five words before a name reads as one such
# phrase, up to _MAX_TITLE_WORDS.
_MAX_TITLE_WORDS = 8
_CONSTRUCT_HEADS = frozenset(fold(w) for w in (
    "عام عامة فرع قوة جهاز قسم مكتب مستشفى نادي منتخب مديرية").split())
_PREFERS = frozenset(fold(w) for w in "فضل فضلت وفضل وفضلت".split())  # before `عدم`
_STOP = frozenset(
    fold(w) for w in "في خلال امام على عن مع الى لدى عقب اثناء ان انه انها بان من".split()
)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a cue's subject is: an entity id or None, how the text names them, and where."""

    entity: str | None
    text: str | None
    span: Offsets | None
    gender: str | None = None
    number: str | None = "s"


def explicit_subject(
    words: list[Word], people: People, lexicon: CueLexicon,
    *, phrase_only: bool = False, addressee: bool = False, times: bool = False,
    roles: bool = False, text: str | None = None,
) -> Speaker | None:
    """The subject named right after a cue, or None when the subject was dropped.

    `phrase_only`: the words after the subject are content (`نفى وزير الخارجية وجود ...`),
    so an unnamed subject is cut to its definite noun phrase. `addressee` (quotes.cues.v4):
    the one told, `ل` glued to a name or a noun of the told (`وذكر لرويترز أن`, `وقال مصدر
    لبي بي سي إن`), is no subject, wherever it stands. `times` (quotes.cues.v4): a time of two
    words is passed over as an adverb is (`وقال الشهر الماضي إن`). `roles` (quotes.cues.v4):
    with `phrase_only`, the words before a name that the roles stage read as the person's title
    are titles too, however long (`حذّر سماحة مفتي عام المملكة رئيس هيئة كبار العلماء الشيخ
    فلان المسلمين من ...`). `text` (quotes.cues.v4), the document's text: where a relation
    stands before the first name, read as written, someone of the person's speaks (`وقالت
    والدة مريم`, `أكد محامي ترامب`, `قال متحدث باسم الأمين العام فلان`).
    """
    lead = _without_times(list(words), pairs=times)
    told: set[int] = set()
    if addressee:
        told = _told_names(lead, people)
        if lead and _told(lead[0], people):  # `وذكر لصور أن`, `وقال لشبكة سي ان ان إنه`
            lead = _after_told(lead, people)
        elif lead and lead[0].folded == "ل":  # `وأوضح لـ”الوئام” المتحدث ...`: an outlet told
            lead = _after_quoted_outlet(lead)
        lead = _without_times(lead, pairs=times)
    while len(lead) > 2 and lead[0].folded in ABBREVIATED_HONORIFICS and lead[1].folded == "." \
            and lead[1].start == lead[0].end:
        del lead[:2]  # `وقال د. فلان`: the honorific's letter and stop
    if (roles or times) and len(lead) > 1 and lead[0].folded in _STYLES and (
            title_gender(lead[1].folded, lexicon) is not None
            or written_imam(text, lead[1])) \
            and not _person_at(lead[0], people, lead):
        del lead[0]  # v4: `وبين فضيلة إمام وخطيب المسجد النبوي أن`: a style before a title,
        # no name (`فضيلة` is also a woman's)
    if not lead or not lead[0].is_word or (
            lead[0].folded in _DROPPED_SUBJECT and not _person_at(lead[0], people, lead)
            and not written_imam(text, lead[0])) \
            or lead[0].folded in _TOLD or lead[0].folded.startswith("لل"):
        return None  # (`وقال علي الزهراني`: a name, though `علي` folds like `على`; `إمام`)
    first = lexicon.word(lead[0].folded)
    if first and first[0] in ("pronoun", "impersonal"):
        return None
    lo, hi = lead[0].start, lead[-1].end
    inside = [(s, e, ent) for s, e, ent in people.starting_in(lo, hi) if e <= hi
              and s not in told]
    if lead[0].folded in _ONE_OF and len(lead) > 1:
        return _one_of(lead, inside)
    person = next((m for m in inside if m[2].type == "PER"), None)
    if person is not None and phrase_only and not _titles_only(lead, person[0], lexicon,
                                                               appointed=roles) \
            and not (roles and _titled_by_role(lead, person, lexicon)):
        person = None  # `أكدت تصميم الدولة على ... شعبها`: a name inside the content
    if person is not None and text is not None and (
            chaired := _chaired(lead, person[0], inside)) is not None:
        return chaired  # v4: `وأعلنت إدارة نادي الاتحاد برئاسة فلان`: the body speaks
    if person is not None and text is not None and _relation_before(lead, person[0], lexicon,
                                                                     text):
        # v4: `وقالت والدة مريم`, `قال متحدث باسم الأمين العام غوتيريس`: someone of the
        # person's speaks; named right after them (`المتحدث باسم لوفن، جوناتن هولست`), or unnamed
        named_after = next((m for m in inside if m[2].type == "PER" and m[0] > person[1]
                            and _apposed_next(lead, person[1], m[0])), None)
        if named_after is not None:
            return _named([w for w in lead if w.start >= named_after[0]], named_after, lexicon)
        # as written, so that no title inside it is read as the speaker's (`محامي الرئيس ترامب`)
        return Speaker(None, text[lead[0].start:person[1]], Offsets(lead[0].start, person[1]),
                       None, "s")
    if person is not None:
        return _named(lead, person, lexicon)
    leading = next((m for m in inside if m[0] == lo or _after_body(lead, m[0], lexicon)), None)
    if leading is not None:
        _start, end, entity = leading
        return Speaker(entity.id, None, Offsets(lo, end), None, "s")
    return described(lead, lexicon, phrase_only, told=addressee)


def _without_times(lead: list[Word], *, pairs: bool) -> list[Word]:
    """The words after a cue without the adverbs before its subject (`وقال أمس`); with `pairs`
    (quotes.cues.v4) times of two words too (`وقال الشهر الماضي إن`, `وأعلن يوم الأحد`, `ذكروا
    هذا الأسبوع أن`) and `آنذاك`: when, not who."""
    while lead:
        if lead[0].folded in _ADVERBS or pairs and lead[0].folded in _THEN_ADVERBS:
            del lead[:1]
        elif pairs and len(lead) > 1 and (
                lead[0].folded in _TIME_NOUNS and lead[1].folded in _TIME_ADJECTIVES
                or lead[0].folded == _DAY and lead[1].folded in _ADVERBS
                or lead[0].folded in _THIS and lead[1].folded in _TIME_NOUNS):
            del lead[:2]
        else:
            break
    return lead


def _person_at(word: Word, people: People, lead: list[Word] | None = None) -> bool:
    """Whether a person's tagged name starts at `word`, or (with `lead`, the words from it)
    right after it when it is `علي`, a given name the tagger cut off (`وقال علي [عبدالله
    صالح]`); the preposition `على` (which folds alike) is not followed by the speaker's name."""
    if any(entity.type == "PER" for _s, _e, entity in
           people.starting_in(word.start, word.start + 1)):
        return True
    return lead is not None and len(lead) > 1 and word.folded == _ALI \
        and _person_at(lead[1], people)


_ALI = fold("علي")
_MAX_OUTLET_WORDS = 4  # v4: words of an outlet's name in marks after `لـ`


# v4: nouns of the one told after `ل` (`لرويترز`, `لوكالة`, `لوالده`, `لإحدى الصحف`), and the
# first words of agencies the tagger may take for a person (`لفرانس برس`, `لبي بي سي`).
_TOLD_NOUNS = frozenset(fold(w) for w in (
    "رويترز رويتر وكالة صحيفة قناة شبكة موقع إذاعة تلفزيون مجلة والده والدته والدها أمي أبي "
    "أمه أبيه أولاده أولادهم أبنائه إحدى أحد الصحفيين الصحافيين المراسلين "
    "فرانس أسوشيتد أسوشيتدبرس بلومبرغ بلومبيرغ بي سي").split())


def _told_noun(folded: str) -> bool:
    """`للصحافيين`, `للوكالة`: ل with a noun of the one told (_TOLD_NOUNS)."""
    return folded.startswith("لل") and (folded[2:] in _TOLD_NOUNS
                                        or "ال" + folded[2:] in _TOLD_NOUNS)


def _told(word: Word, people: People) -> bool:
    """`لرويترز`, `لصور` (`ل` before a tagged name), `لوالده`, `للوكالة`, `للصحافيين`: the one
    told; not a name that starts with `ل` (`لافروف`, `لجنة الاحتراف`)."""
    folded = word.folded
    if word.is_word and folded.startswith("لل"):  # `للوكالة`, `للصحافيين`: a noun of the told
        return _told_noun(folded)
    if not word.is_word or len(folded) < 4 or not folded.startswith("ل") \
            or people.starting_in(word.start, word.start + 1):
        return False
    after = people.starting_in(word.start + 1, word.start + 2)
    if after:
        # not a person's full name that starts with ل, cut by the tagger (`ل[وبوش بارتا]`);
        # one word tagged a person after ل is mostly an outlet (`لصور`)
        return all(entity.type != "PER" or len(entity.name.split()) == 1
                   or fold(entity.name.split()[0]) in _TOLD_NOUNS for _s, _e, entity in after)
    return folded[1:] in _TOLD_NOUNS


def _told_names(words: list[Word], people: People) -> set[int]:
    """Starts of the mentions of the one told in `words`, and of the words they cover: a name
    not a person's with `ل` glued to it (`لبي بي سي`; `المدرب لريال ...` is Real's coach)."""
    out: set[int] = set()
    for word in words:
        if _told(word, people):
            for start, end, entity in people.starting_in(word.start + 1, word.start + 2):
                if entity.type != "PER":
                    out.add(start)
                    out.update(w.start for w in words if word.start <= w.start < end)
    return out


def _after_told(lead: list[Word], people: People) -> list[Word]:
    """The words after the one told that opens `lead` (`لفرانس برس`, `لوكالة الأنباء`,
    `لإحدى الصحف`): from a person named later (`وقال لصحيفة محلية المتحدث فلان`), else none:
    the subject was dropped."""
    persons = [s for s, _e, entity in people.starting_in(lead[0].end, lead[-1].end)
               if entity.type == "PER"]
    return [w for w in lead[1:] if w.start >= persons[0]] if persons else []


def _after_quoted_outlet(lead: list[Word]) -> list[Word]:
    """The words after `لـ` written apart and an outlet's name in marks (`لـ”الوئام ”`,
    `لـ«عين اليوم»`), the one told; `lead` as it is when no name in marks follows `لـ`."""
    if len(lead) < 3 or lead[1].is_word:
        return lead
    for k in range(2, min(len(lead), 2 + _MAX_OUTLET_WORDS + 1)):
        if not lead[k].is_word:
            return lead[k + 1:] if lead[k].folded in QUOTE_MARKS and k > 2 else lead
    return lead


def _one_of(words: list[Word], inside: list[tuple[int, int, Entity]]) -> Speaker:
    """`أحد أقارب الشهيد العريف فلان`: the speaker is the unnamed one, and the span runs over
    the person they are related to, so that person is not taken for a later dropped subject."""
    end = words[1].end
    for word in words[2:4]:
        if not word.is_word or word.folded in _STOP:
            break
        end = word.end
    person = next((m for m in inside if m[2].type == "PER"), None)
    if person is not None and person[0] - end <= 40 and not any(
            w.folded in _STOP or (not w.is_word and w.folded not in "،,")
            for w in words if end <= w.start < person[0]):
        end = max(end, person[1])
    return Speaker(None, None, Offsets(words[0].start, end), None, "s")


def _after_body(words: list[Word], start: int, lexicon: CueLexicon) -> bool:
    """Whether a name at `start` follows only the word for what it is: `وكالة رويترز`,
    `مجلة "فورن بوليسي"` (an institution's name after its head noun)."""
    ahead = [w for w in words if w.start < start and w.is_word]
    if len(ahead) != 1:
        return False
    found = lexicon.word(ahead[0].folded)
    return found is not None and found[0] == "body"


def _titles_only(words: list[Word], before: int, lexicon: CueLexicon, *,
                 appointed: bool = False) -> bool:
    """Whether the words before a name are only its title (`وزير الخارجية عادل الجبير`);
    `appointed` (quotes.cues.v4): never across an appointment's noun (`أعلنت الحكومة تعيين
    الدكتور فلان وزيرا`: the one appointed, no speaker)."""
    ahead = [w for w in words if w.start < before]
    if len(ahead) > _MAX_TITLE_WORDS or any(
            w.folded in _STOP or appointed and w.folded in _APPOINTMENTS for w in ahead):
        return False
    first = lexicon.word(ahead[0].folded) if ahead else None
    if ahead and (first is None or first[0] not in ("title", "body", "group")):
        return False
    # a longer title reads as one phrase (`مدير عام فرع وزارة العمل بالجوف، فلان`)
    return len(ahead) <= 5 or _one_phrase([w for w in ahead if w.is_word], lexicon)


def _titled_by_role(words: list[Word], person: tuple[int, int, Entity],
                    lexicon: CueLexicon) -> bool:
    """Whether the words before the person's name are a title the roles stage read for them,
    with at most _HONORIFICS_BEFORE words before it and after it (`سماحة`, `الشيخ`); a body
    or an appointment before the title is the subject and its act (`أعلنت الحكومة تعيين
    الدكتور فلان وزيرا`: the government announces, the person is appointed)."""
    start, _, entity = person
    ahead = [w for w in words if w.start < start]
    if not ahead:
        return True
    latest = ahead[min(len(ahead) - 1, _HONORIFICS_BEFORE)].start  # where the title may start
    return any(r.evidence.end <= start and r.evidence.start <= latest
               and sum(r.evidence.end <= w.start for w in ahead) <= _HONORIFICS_BEFORE
               and not any(_subject_or_act(w, lexicon) for w in ahead
                           if w.end <= r.evidence.start)
               for r in entity.roles)


def _subject_or_act(word: Word, lexicon: CueLexicon) -> bool:
    """A body or group noun (`الحكومة`), or an appointment's noun (`تعيين`)."""
    kind = lexicon.word(word.folded)
    return kind is not None and kind[0] in ("body", "group") or word.folded in _APPOINTMENTS


# v4: the nouns of an appointment, after which a titled name is the one appointed
_APPOINTMENTS = frozenset(fold(w) for w in "تعيين تكليف ترقية تسمية اختيار انتخاب ترشيح".split())


def _one_phrase(words: list[Word], lexicon: CueLexicon) -> bool:
    """Each word definite, or in construct after an indefinite title or body."""
    return all(_definite(word.folded) or _construct(before, word, lexicon)
               for before, word in zip(words, words[1:]))


def _definite(folded: str) -> bool:
    return folded.startswith(("ال", "بال", "لل"))


# v4: nouns of someone's relatives, counsel, office and spokespeople, in construct with a
# person's name: they, not the person, speak (`والدة مريم`, `محامي ترامب`, `مكتب ميركل`)
_RELATIONS = frozenset(prefix + fold(w) for prefix in ("", "و") for w in COUNSEL_AND_AIDES + tuple(
    "محامو والد والدة شقيق شقيقة نجل نجلة زوج زوجة عائلة أسرة أقارب صديق صديقة أصدقاء مكتب "
    "باسم".split()))  # (not `ابن`, `أم`: in names;
# folded, `والدة` is `والده` (his father): the written word tells them apart)
# v4: what a person leads, which speaks when it opens the subject (`وقالت حملة كلينتون`, `وقالت
# إدارة الرئيس أوباما`); not after a title (`مدير إدارة الترجمة فلان`: the director speaks)
_LED_BY = ("حملة", "إدارة", "حكومة")
_LED = frozenset(prefix + fold(w) for prefix in ("", "و") for w in _LED_BY)
_ON_BEHALF = fold("باسم")
# v4: of those, the ones whose name may follow a title of the person's (`والدة الطالبة مريم`):
# not an aide, an office or a deputy, whose title may be the whole phrase (`مساعد وزير الخارجية
# ... فلان`)
_KIN_AND_COUNSEL = _RELATIONS - frozenset(prefix + fold(w) for prefix in ("", "و") for w in (
    "مساعد مساعدة باسم مكتب وكيل وكيلة").split()) | {fold("عراب")}  # (`مدير مكتب الوزير فلان`,
# `وكيل الجامعة فلان`: titles)
_TITLE_CHAIN = 4  # title words between a relation and the name
_A_SPOKESPERSON = frozenset(fold(w) for w in "متحدث متحدثة ومتحدث ومتحدثة".split())


def speaks_for(words: list[Word]) -> bool:
    """v4: the words name someone who speaks for another: a relative, counsel, office, or an
    unnamed spokesperson (`متحدث`; `المتحدث باسم الوزارة` is one post, its holder may be named);
    what someone leads, or officials of it."""
    named = [w for w in words if w.is_word]
    return any(w.folded in _KIN_AND_COUNSEL or w.folded in _A_SPOKESPERSON for w in named) or (
        bool(named) and named[0].folded in _LED) or _of_administration(named)


# v4: officials or sources of what a person leads (`مسؤولون في إدارة فلان`, `مصادر بحملة فلان`)
_OFFICIALS = frozenset(fold(w) for w in "مسؤول مسؤولة مصدر مسؤولون مسؤولين مسؤولو مسؤولي مصادر "
                       "مستشارون مساعدون مقربون".split())
_IN_OF = frozenset(fold(w) for w in "في من لدى".split())
_ADMINISTRATIONS = frozenset(prefix + fold(w) for prefix in ("", "ب", "و", "ل")
                             for w in _LED_BY + ("فريق", "مكتب"))


def _of_administration(words: list[Word]) -> bool:
    """v4: the words name officials, then right after them what someone leads, whose they are
    (`مسؤولون بإدارة فلان`, `اثنان من مسؤولي حكومة فلان`, `مسؤول في حملة فلان`); not an
    official's post (`مسؤول دائرة العلاقات الخارجية في حكومة الإقليم فلان` is named)."""
    first = next((k for k, w in enumerate(words) if w.folded in _OFFICIALS), None)
    if first is None:
        return False
    after = words[first + 1:first + 3]
    if after and after[0].folded in _IN_OF:
        after = after[1:]
    return bool(after) and after[0].folded in _ADMINISTRATIONS


def _relation_before(lead: list[Word], start: int, lexicon: CueLexicon, text: str) -> bool:
    """v4: the word right before the name at `start` is such a relation, the name its
    complement (`والدة مريم`, `مكتب ميركل`, `المتحدث باسم لوفن`; as written: `والده محمد` is
    his father, named); what the person leads (`حملة كلينتون`) or officials of it (`مسؤولون
    بإدارة الرئيس فلان`); or an unnamed spokesperson speaks for a title the name holds (`متحدث
    باسم الأمين العام للأمم المتحدة فلان`; but `المتحدث باسم الرئيس التركي فلان` is the
    spokesman himself, named)."""
    before = [w for w in lead if w.end <= start]
    if before and before[-1].is_word and before[-1].folded in _RELATIONS:
        return not text[before[-1].start:before[-1].end].endswith("ه")  # a pronoun: his ...
    if before and before[0].is_word and before[0].folded in _LED:
        return True  # `وقالت حملة كلينتون إن`, `وقالت إدارة الرئيس أوباما إن`: it speaks
    if _of_administration([w for w in before if w.is_word]):
        return True  # `أفاد مسؤولون بإدارة الرئيس ترامب أن`: officials of his, not he
    k = len(before) - 1  # `محامي الرئيس الأمريكي ترامب`, `عراب النجم الأرجنتيني ميسي`
    while k > 0 and len(before) - k <= _TITLE_CHAIN and before[k].is_word and (
            before[k].folded.startswith("ال")
            or title_gender(before[k].folded, lexicon) is not None):
        k -= 1
    if k < len(before) - 1 and before[k].is_word and before[k].folded in _KIN_AND_COUNSEL:
        return not text[before[k].start:before[k].end].endswith("ه")
    on_behalf = next((k for k, w in enumerate(before) if w.folded == _ON_BEHALF), None)
    return on_behalf is not None and on_behalf + 1 < len(before) \
        and before[0].folded in _A_SPOKESPERSON \
        and title_gender(before[on_behalf + 1].folded, lexicon) is not None


def _chaired(lead: list[Word], start: int, inside: list[tuple[int, int, Entity]]
             ) -> Speaker | None:
    """v4: a body said to be chaired or led by the person whose name starts at `start`
    (`إدارة نادي الاتحاد برئاسة فلان`, `اللجنة برئاسة الوزير فلان`): the body before it, the
    organization named in it where there is one."""
    chair = next((k for k, w in enumerate(lead) if w.start < start and w.folded in CHAIRED_BY),
                 None)
    if not chair:
        return None
    end = lead[chair - 1].end
    body = next((m for m in inside if m[2].type == "ORG" and m[1] <= end), None)
    return Speaker(body[2].id if body else None, None, Offsets(lead[0].start, end), None, "s")


def _apposed_next(lead: list[Word], end: int, start: int) -> bool:
    """v4: only commas, or at most two words, stand between a name ending at `end` and the
    next starting at `start` (`محامي فلان، فلان`), not a clause (`بين فلان و...`)."""
    between = [w for w in lead if end <= w.start < start]
    return sum(w.is_word for w in between) <= 2 and not any(
        w.folded in _STOP or w.folded.startswith("و") for w in between if w.is_word)


def _named(words: list[Word], mention: tuple[int, int, Entity], lexicon: CueLexicon) -> Speaker:
    start, end, entity = mention
    gender, plain = None, True
    for word in words:
        if word.start >= start:
            break
        plain = plain and word.folded not in _STOP
        gender = gender or title_gender(word.folded, lexicon)
    span_start = words[0].start if plain else start
    return Speaker(entity.id, None, Offsets(span_start, end), gender, "s")


def described(words: list[Word], lexicon: CueLexicon, phrase_only: bool, *,
              told: bool = False) -> Speaker | None:
    """An unnamed subject: a group (`مسؤولون`) or a title or noun phrase (`المتحدث باسم`).
    `told` (quotes.cues.v4): it ends before the one told (`وقال السفير لوكالة الأنباء`) and
    before an adverb (`وقال المسؤول الإيراني أيضا`), and a sound plural heads a plural subject."""
    first = lexicon.word(words[0].folded)
    if phrase_only and (first is None or first[0] not in ("title", "group", "body")):
        return None  # `أكدت تصميم الدولة ...`: no named subject, the words are the content
    taken = [words[0]]
    for k, word in enumerate(words[1:6], start=1):
        if not word.is_word or word.folded in _STOP or lexicon.cue(word.folded) \
                or withholds_name(words, k) or told and (
                    word.folded in _TOLD or _told_noun(word.folded) or word.folded in WHEN_WORDS):
            break
        if phrase_only and not _definite(word.folded) and not _construct(taken[-1], word,
                                                                          lexicon):
            break
        taken.append(word)
    group = first is not None and first[0] == "group" and words[0].folded != "مصدر"
    gender = next((g for g in (title_gender(w.folded, lexicon) for w in taken) if g), None)
    span = Offsets(taken[0].start, taken[-1].end)
    plural = group or told and first is None and _sound_plural(words[0].folded)
    return Speaker(None, None, span, gender, "p" if plural else "s")


def _sound_plural(folded: str) -> bool:
    """v4: a masculine sound plural in the nominative (`باحثون`, `المحللون`) heads a subject
    of many, whom a plural cue later goes on from (`وأضافوا أن`)."""
    bare = folded[2:] if folded.startswith("ال") else folded
    return len(bare) >= 5 and bare.endswith("ون")


def withholds_name(words: list[Word], k: int) -> bool:
    """words[k] opens an aside that withholds the subject's name: `مسؤول رفض الكشف عن هويته`,
    `المصدر ــ فضل عدم ذكر اسمه ــ` (`فضل` only before `عدم`: it is also a given name)."""
    folded = words[k].folded
    return folded in _WITHHOLDS or (folded in _PREFERS and k + 1 < len(words)
                                    and words[k + 1].folded == "عدم")


def _construct(before: Word, word: Word, lexicon: CueLexicon) -> bool:
    """An indefinite word that goes on an indefinite title or body in construct (`مدير عام`,
    `قائد قوة`, `مدير مركز`, `فرع وزارة`), not the reported noun phrase (`نفى مسؤول وجود`)."""
    if _definite(before.folded):
        return False
    found = lexicon.word(word.folded)
    return word.folded in _CONSTRUCT_HEADS or found is not None and found[0] == "body"


def title_gender(folded: str, lexicon: CueLexicon) -> str | None:
    """The gender a title word gives its holder (`منسقة` f, `وزير` m), if it is a title."""
    found = lexicon.word(folded)
    return found[1] if found and found[0] == "title" else None


def entity_gender(entity: Entity, lexicon: CueLexicon) -> str | None:
    """A person's gender from a role title or a first name, when either is known."""
    for role in entity.roles:
        parts = fold(role.title).split()
        if parts and title_gender(parts[0], lexicon):
            return title_gender(parts[0], lexicon)
    parts = fold(entity.name).split()
    found = lexicon.word(parts[0]) if parts else None
    return found[1] if found and found[0] in ("name", "title") else None
