"""Attach title phrases to the persons they name, before the name or in apposition after it."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from khabar.arabic import ABBREVIATED_HONORIFICS, fold, without_hashtag_marks
from khabar.document import Entity, Offsets, Role
from khabar.entities.names import clitic_variants, name_key, read_words, strip_article
from khabar.entities.nisba import RoleLexicon
from khabar.entities.roles import (
    APPOINTING, BARRIERS, BODY_HEADS, COMMAS, COUNSEL_AND_AIDES, COUNTERPART, DUALS, EPITHETS,
    FIXED, HONORIFICS, ONTO, RANKS, REGION_NOUNS, STATE_NOUNS, SUPERVISORS, UNTAGGED_HEADS,
    Context, Span, Title, entity_end, held_for_sovereign, marker, named_body, read_appointed,
    read_title, region_named, without_proclitic,
)

PER = "PER"
_HONORIFICS = {fold(w) for w in "السيد السيدة معالي سعادة فخامة سمو الحاج الحاجة".split()}
# Verbs whose subject is often followed by a titled object with no comma between:
# `التقى كيري رئيس الوزراء` (Kerry met the prime minister), unlike apposition `كيري، رئيس ...`.
_MEETING_VERBS = {fold(w) for w in (
    "التقى التقت يلتقي تلتقي استقبل استقبلت يستقبل تستقبل قابل قابلت يقابل زار زارت يزور تزور "
    "هاتف هاتفت أقال أقالت عين عينت انتقد انتقدت ينتقد دعا دعت يدعو حث حثت طالب طالبت أبلغ "
    "أبلغت التقيا اجتمع اجتمعت يجتمع بحث بحثت يبحث ودع ودعت"
).split()}
_LOOK_BACK = 12  # tokens searched before a name for the start of its title
# v5: longer, for a title with its body and a nationality set off (`المدير الفني للفريق الأول
# لكرة القدم بالنادي الأهلي السعودي، السويسري فلان`: 13 tokens)
_LOOK_BACK_V5 = 16
# entities.roles.v2 (issue 14): words between a title and its name that leave the title whole
# (`الرئيس الفرنسي السابق نيكولا`), and quotes or a parenthesis around the name
# (`وزير الخارجية الفرنسي (فلان)`, `الرئيس المصري "فلان"`, `فلان» زعيم التنظيم`).
_MODIFIERS = {fold(w) for w in "السابق السابقة الأسبق الأسبقة الراحل الراحلة المخلوع الحالي".split()}
_OPENING = {"(", '"', "«", "“"}
# v5: words of praise that end a title read with them (`الصحفي العالمي`), dropped from it;
# not `الكبير`, a rank as often as praise (`القائد العملاني الكبير`, a senior commander).
_PRAISE = {fold(w) for w in (
    "الشهير الشهيرة المعروف المعروفة المخضرم المخضرمة البارز البارزة القدير "
    "القديرة المبدع المبدعة الواعد الواعدة الصاعد الصاعدة المتميز المتميزة العالمي العالمية "
    "اللامع اللامعة الفذ المحنك").split()}
_CLOSING = {")", '"', "»", "”"}
# v5: military ranks, a title after the name where the article says where they are held (not
# `الفريق`, also the team, nor `الكابتن`, also a captain of one)
_RANKS_AFTER = RANKS - {fold(w) for w in "الفريق الكابتن".split()}
# entities.roles.v3: words of a rank after an honorific (`اللواء ركن`, `الفريق أول ركن`), and
# prepositions of a place between a title and its name (`المبعوث الأممي إلى اليمن فلان`).
_RANK_WORDS = {fold(w) for w in "ركن أول طيار بحري الركن".split()}
_PLACE_PREPOSITIONS = {fold(w) for w in "في إلى الى لدى عن".split()}
_IN = fold("في")
# After these a body is where the title is held as well as a place: `في الأمم المتحدة`,
# `لدى الأمم المتحدة`, `عن حزب العمال` (`عضوة البرلمان عن حزب العمال فلانة`).
_BODY_PREPOSITIONS = {fold(w) for w in "في لدى عن".split()}
_RANKS = fold("صفوف")  # `في صفوف الحركة`: in the movement's ranks, the body itself
_MAX_PLACES = 3
_MAX_ASIDE = 5
_QUOTES = {'"', "«", "»", "“", "”"}
_BRACES = {"{", "}"}  # v5: marks around a name, as Asharq Al-Awsat writes them (`زعيم {داعش} فلان`)
_NAME_MARKS = _QUOTES | _BRACES
# v5: `ل` + the honorific of the one a message or a visit is for (`برقية تهنئة لجلالة السلطان`)
_TO_THE_HONORED = frozenset(fold(prefix + w) for prefix in ("ل", "ول") for w in (
    "جلالة سمو فخامة معالي سعادة أخيه أخيها شقيقه شقيقها").split())
_BRACKETS = {"(", ")"}
# v5: prepositions before a title that make it someone else's than the name's after it
_OF_WHOM = frozenset(fold(w) for w in "ل من عن مع إلى الى على لدى عند بين".split())
# v5: `برئاسة فلان` (chaired by), and the title it gives
_CHAIRED = {fold(w) for w in "برئاسة وبرئاسة".split()}
_SITES = {fold(w) for w in "في مقر بمقر داخل قاعة بقاعة".split()}  # v5: where a meeting is held
_CHAIR = "رئيس"
# v5: `الفريق` is the team after these (`لاعبا الفريق`, `مهاجم الفريق`), not the rank
_TEAM = fold("الفريق")
_TEAM_NOUNS = {fold(w) for w in (
    "لاعب لاعبا لاعبي لاعبو مهاجم مهاجمي مدافع مدافعي حارس حارسا قائد مدرب مدربو إداري نجم "
    "نجوم هداف طبيب معالج أخصائي جماهير مشجعو مشجعي").split()}
_MAX_BRACKETED = 3  # v5: words of an aside in brackets between a title and its name
# v5: asides of time between a title and its name, the person's title then
_THEN = [tuple(fold(w) for w in phrase.split()) for phrase in (
    "في ذلك الوقت", "في حينه", "سابقا", "سابقاً", "آنذاك", "حينها", "حينذاك", "وقتها", "وقتئذ",
    # v5: and the legitimacy a title is given (`الرئيس اليمني المعترف به دوليا فلان`)
    "المعترف به دوليا", "المعترف به دولياً", "المعترف بها دوليا", "المعترف بها دولياً",
    "المعترف به", "الشرعي", "الشرعية")]
_HONORIFIC_TITLES = {fold(w) for w in "السفير السفيرة المستشار المستشارة".split()}
_NEW = {fold(w) for w in "الجديد الجديدة".split()}  # v5: a holder just named
_THEN_FIRST = {words[0] for words in _THEN}
_THEN_SIZES = sorted({len(words) for words in _THEN}, reverse=True)
_DASHES = {"-", "–", "—", "ـ"}  # v5: a title set off after the name like a parenthesis
# v5: words between a name and its title that say it holds it: `فلان، الذي يشغل منصب وزير
# الخارجية`, `فلان بصفته رئيسا للجنة` (a relative pronoun, `كان`, the verb, an adverb, `منصب`).
_HOLDS = {fold(w) for w in (
    "الذي التي كان كانت يشغل تشغل شغل شغلت يتولى تتولى تولى تولت حاليا حاليًا سابقا سابقًا "
    "حينها آنذاك حينذاك وقتها منصب بصفته بصفتها بوصفه بوصفها").split()}
_HOLDS_ENDS = {fold(w) for w in "منصب بصفته بصفتها بوصفه بوصفها".split()}
_MAX_HOLDS = 5
_PRONOUNS_OF_APPOSITION = {fold(w) for w in "وهو وهي".split()}
# v5: indefinite heads that, in construct with a person, name someone else (`محامي ترامب`)
# (as written, with the conjunctions and the preposition they may carry)
_RELATIONS = frozenset(prefix + word for prefix in ("", "و", "ل", "ول") for word in (
    COUNSEL_AND_AIDES + tuple("مستشار مستشارة نائب نائبة سائق حارس طبيب".split())))
# v5: a counterpart shares no plural's title (`وزراء الخارجية`, a group's)
_PLURAL_HEADS = {fold(w) for w in (
    "وزراء رؤساء قادة سفراء مسؤولو مسؤولي زعماء أمناء مديرو مديري").split()}
# v5: appointments (_appointed): a decree's post (`على وظيفة (...) بالمرتبة الخامسة عشرة`), and
# how far back in a list of appointed names the appointment's word may stand
_POSTS = {fold(w) for w in "وظيفة منصب".split()}
_POST_MARKS = _BRACKETS | _QUOTES  # around the post a decree appoints to
# v5: offices told in the accusative after a name that hold without an appointment's word (not
# `متحدثا`, `لاعبا`, `قائدا`: how or as what someone acts)
_OFFICES = {fold(w) for w in (
    "نائب نائبة أمين أمينة عضو عضوة مشرف مشرفة رئيس رئيسة مدير مديرة وكيل وكيلة منسق منسقة "
    "سكرتير سكرتيرة").split()}
_FROM, _EACH = fold("من"), {fold(w) for w in "كلا كلاً كل".split()}  # `كلا من فلان وفلان`
_DUTIES = {fold(w) for w in "بمهام بمهمة بمنصب".split()}  # `تكليف فلان بمهام مدير عام ...`
_GRADES = {fold(w) for w in "بالمرتبة بمرتبة".split()}
_GRADE_WORDS = 3  # `بالمرتبة الخامسة عشرة`
_APPOINTED_REACH = 40
_SENTENCE_MARKS = {".", "!", "?", "؟", ":", "؛", ";"}
_SEMICOLONS = {"؛", ";"}
# v5: a title's phrase through untagged words (_through_untagged): how far back, and the words
# that end a noun phrase (prepositions of another argument, complementizers, relatives, times).
_MAX_UNTAGGED = 8
_MAX_APPOSED = 4  # more words when a comma sets the name apart from its title's phrase
_MAX_DESCRIPTION = 3
_NOT_IN_PHRASE = {fold(w) for w in (
    "مع عن على علي إلى الى من بين أمام خلال بعد قبل منذ حتى عند نحو ضد الذي التي الذين اللذين "
    "أن إن أنه أنها بأن لأن كما بينما فيما حيث ثم أو أمس اليوم غدا مساء صباح حاليا أيضا وقد قد "
    "و هو هي هم كان كانت").split()}
# v5: heads whose object follows `على` (`المشرف العام على المركز فلان`): the object is the
# affiliation, as after `باسم` or `في`
# the head of `المشرف العام على`, and supervising (`لجنة الإشراف على`)
_SUPERVISORS = SUPERVISORS | {fold("الإشراف")}
_GENERAL = {fold(w) for w in "العام العامة عام عامة".split()}
# v5: words between a title's phrase and the name that are neither: ranks and descriptions
_BEFORE_NAME = {fold(w) for w in (
    "البحري الطيار الركن القبطان الكابتن كابتن الأخ الأخت الجديد الجديدة الشاب الشابة الشهير "
    "الشهيرة المخضرم الدولي المتشدد المعروف البارز").split()}
_HONORIFIC_WORDS = {fold(w) for w in (
    "صاحب صاحبة السمو الملكي معالي سعادة فخامة سمو بالإنابة بالنيابة بالوكالة المكلف المكلفة "
    "الدائم الدائمة متقاعد المتقاعد").split()}
# v5: what stands between a title's phrase and the name without being its affiliation
# (with honorific words that only this reading passes: `خطيب المسجد الحرام فضيلة الشيخ فلان`)
_NOT_AFFILIATION = HONORIFICS | _HONORIFIC_WORDS | _RANK_WORDS | _MODIFIERS | _BEFORE_NAME | {
    fold(w) for w in "فضيلة جلالة سماحة".split()}
_GLUED = frozenset(("ل", "ب", "لـ"))  # prepositions glued to a name
_FROM_IN = frozenset(fold(w) for w in "من في".split())  # v5: `فلان من فوج المظلات`
# v5: pronouns glued to a word, which a noun of a construct chain never has (`شكره`, `بعدها`)
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن")


def find_roles(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon, *,
               version: int = 1, sentences=()) -> dict[str, list[Role]]:
    """Roles per person entity id, in text order, without repeats of one (title, affiliation).

    Version 2 (entities.roles.v2) also reads titles past honorifics, modifiers, quotes and
    parentheses, joins compound titles, prefers a full title to an honorific, and keeps an
    honorific as a person's role only when no full title is found for them. Version 3 adds the
    rest of issue 14: titles joined by و, places between a title and its name, titles after the
    name in quotes or joined to the next title, and dual titles with one country per name.
    `sentences`, the Document's sentence ranges, spare reading the text's tokens again.
    """
    if not any(e.type == PER for e in entities):
        return {}
    ctx = _context(text, entities, lexicon, version, [(s.start, s.end) for s in sentences])
    roles: dict[str, list[Role]] = {}
    last_title: str | None = None
    shared: _Shared | None = None  # a dual title the next coordinated names share
    for span in sorted(ctx.spans, key=lambda s: (s.first, s.start)):
        if span.entity.type != PER:
            continue
        found = _pick(ctx, span) if ctx.extended else _before(ctx, span) or _after(ctx, span)
        if found is None and shared is not None:
            found = _coordinated(ctx, span, shared)
        if found is None:
            shared = None if shared is not None and shared.last < span.first - 3 else shared
            continue
        title, shared = found.title, None
        if ctx.extended:
            title, dual = _singular(title)
            shared = _Shared(title, list(found.others), found, span.last) if dual else None
        if found.kind == COUNTERPART:
            own = _possessors_title(ctx, found, roles) if ctx.v5 else None
            if own is not None:
                title = own  # `وتحدث ترامب مع نظيره الصيني`: the title of the one whose he is
            elif last_title is None or ctx.v5 and not _held_by_one(last_title):
                continue
            else:
                title = last_title
        last_title = title
        known = roles.setdefault(span.entity.id, [])
        for extra in [found] + (_also(ctx, span, found) if ctx.v3 else []):
            name = title if extra is found else _singular(extra.title)[0]
            affiliation = extra.affiliation
            if ctx.v5:
                name = _without_praise(name)
                affiliation = affiliation and without_proclitic(affiliation)
            role = Role(name, affiliation, Offsets(extra.start, extra.end))
            if all((r.title, r.affiliation) != (role.title, role.affiliation) for r in known):
                known.append(role)
    if ctx.v5:
        _named_later(ctx, roles)
        _affiliated_elsewhere(ctx, roles)
    return ({key: _full_first(found, held=ctx.v5) for key, found in roles.items()} if ctx.extended
            else roles)


# v5: verbs of saying whose subject is a title with no name in one sentence and the name alone
# in a later one (`أعلن رئيس الوزراء البلغاري أن ... وقال فلان، بعد الاجتماع، إن ...`)
_SAYING = {fold(w) for w in (
    "قال أعلن أكد أوضح ذكر صرح أشار أضاف تابع بين لفت شدد اعتبر رأى نفى كشف أفاد طالب دعا حذر "
    "قالت أعلنت أكدت أوضحت ذكرت صرحت أشارت أضافت تابعت بينت لفتت شددت اعتبرت رأت نفت كشفت "
    "أفادت طالبت دعت حذرت").split()}
_LATER_REACH = 80  # tokens between the unnamed title and the later name
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _named_later(ctx: Context, roles: dict[str, list[Role]]) -> None:
    """v5: a person first named bare as the subject of a verb of saying (`وقال فلان`) takes
    the title of the unnamed subject of the verb of saying before (`أعلن رئيس الوزراء البلغاري
    أن ...`), when no person is named between, the two verbs agree in gender and the title is
    no other person's (annotation guidelines: a title in an earlier sentence that the later
    bare name refers to). The title says where it is held (`وقال المتحدث:` may be an unnamed
    spokesman said before). The evidence is the title's words."""
    held = {(r.evidence.start, r.evidence.end) for found in roles.values() for r in found}
    seen: set[str] = set()
    previous_person = -1  # the last token of the last person's name
    for span in sorted(ctx.spans, key=lambda s: (s.first, s.start)):
        if span.entity.type != PER:
            continue
        first_time = span.entity.id not in seen
        seen.add(span.entity.id)
        verb = span.first - 1
        if first_time and span.entity.id not in roles and ctx.word(verb) \
                and ctx.text[ctx.tokens[span.first].start:span.start] == "" \
                and _saying(ctx.folded[verb]):
            title = _unnamed_subject(ctx, verb, previous_person, held)
            if title is not None:
                roles[span.entity.id] = [Role(title.title, title.affiliation
                                              and without_proclitic(title.affiliation),
                                              Offsets(title.start, title.end))]
        previous_person = max(previous_person, span.last)


_TOLD_OUTLET = re.compile(r"لـ?\s?[«\"“]")  # v5: `المستشار القانوني لـ«الشرق الأوسط»`: told


def _affiliated_elsewhere(ctx: Context, roles: dict[str, list[Role]]) -> None:
    """v5: a person's title read without its affiliation next to the name (`ويقول فلان، مدير
    إدارة مكافحة المخدرات، إن`) takes the one the article gives the same title where it names
    no one (`ويقول مدير إدارة مكافحة المخدرات بوزارة الداخلية إن`), when that title is no
    other person's and the article gives it one affiliation only (annotation guidelines: one
    role per person, the fullest; the evidence is that occurrence). The affiliation is a body
    or place the article tags, or a country; a title of one word (`الرئيس`) takes a country
    only (`الرئيس التونسي`: `رئيس لجنة ...` is another title), when no other person's title
    has that head; never inside a longer title (`نائب وزير الصحة للشؤون الصحية`), for a fixed
    one (`خادم الحرمين الشريفين`), nor an outlet told (`لـ«الشرق الأوسط»`)."""
    bare = {key: [r for r in found if r.affiliation is None and not _honorific(r.title)
                  and not _rank(r.title)] for key, found in roles.items()}
    if not any(bare.values()):
        return
    held = {(r.evidence.start, r.evidence.end) for found in roles.values() for r in found}
    holders: dict[str, set[str]] = {}  # the persons holding each title
    by_head: dict[str, set[str]] = {}  # and each title's head
    for key, found in roles.items():
        for r in found:
            title = name_key(r.title)
            holders.setdefault(title, set()).add(key)
            if title:
                by_head.setdefault(title.split()[0], set()).add(key)
    wanted = {name_key(r.title) for found in bare.values() for r in found}
    firsts = {title.split()[0] for title in wanted if title}
    firsts |= {prefix + first for first in firsts for prefix in ("ال", "لل")}  # as written
    named = {name_key(span.entity.name) for span in ctx.spans
             if span.entity.type in ("ORG", "LOC")}
    countries = ctx.lexicon.countries
    elsewhere: dict[str, list[Title]] = {}
    for i, word in enumerate(ctx.folded):
        if word not in firsts or not ctx.word(i) or (
                i > 0 and ctx.word(i - 1) and ctx.folded[i - 1] in ctx.lexicon.first_words):
            continue  # (`نائب وزير الصحة`: inside a longer title)
        found = read_title(ctx, i)
        if found is None or found.kind == FIXED or found.affiliation is None \
                or (found.start, found.end) in held:
            continue
        title, where = name_key(found.title), name_key(found.affiliation)
        if title in wanted and (where in countries or " " in title and where in named) \
                and _TOLD_OUTLET.search(ctx.text, found.start, found.end) is None:
            elsewhere.setdefault(title, []).append(found)
    for key, found in bare.items():
        for role in found:
            title = name_key(role.title)
            given = elsewhere.get(title, [])
            if holders.get(title) != {key} or len({name_key(t.affiliation) for t in given}) != 1 \
                    or " " not in title and by_head.get(title) != {key}:
                continue  # (`الوزير الأمريكي` is the one whose role is `وزير الخارجية`)
            other = given[0]
            roles[key].append(Role(role.title, without_proclitic(other.affiliation),
                                   Offsets(other.start, other.end)))


def _saying(word: str) -> str | None:
    """The verb of saying (`وقال` → `قال`), or None."""
    for bare in (word, word[1:] if word[:1] in "وف" else ""):
        if bare in _SAYING:
            return bare
    return None


def _unnamed_subject(ctx: Context, verb: int, after: int,
                     held: set[tuple[int, int]]) -> Title | None:
    """The title right after an earlier verb of saying of the same gender, in an earlier
    sentence between token `after` and `verb`: definite, with no name in it or right after it,
    held by nobody."""
    feminine = _saying(ctx.folded[verb]).endswith("ت")
    for k in range(verb - 1, max(after, verb - 1 - _LATER_REACH), -1):
        said = _saying(ctx.folded[k]) if ctx.word(k) else None
        if said is None or said.endswith("ت") != feminine:
            continue
        found = read_title(ctx, k + 1)
        if found is None or found.kind in (COUNTERPART, FIXED) or _used_as_honorific(found.title) \
                or _rank(found.title) or (found.start, found.end) in held \
                or found.affiliation is None:
            continue  # (`وقال المتحدث:`, no one's in particular: the spokesman said before)
        if not _SENTENCE_END.search(ctx.text, found.end, ctx.tokens[verb].start):
            return None  # in one sentence the name would stand beside its title
        named = ctx.covering.get(found.next)
        if named is not None and named.entity.type == PER \
                or found.start != ctx.tokens[k + 1].start or not _definite_at(ctx, k + 1) or any(
                    ctx.covering.get(i) is not None and ctx.covering[i].entity.type == PER
                    for i in range(k + 1, found.next)):
            continue  # named there; or `مسؤول عسكري`, someone unnamed; or a name inside
        return found
    return None


def _definite_at(ctx: Context, i: int) -> bool:
    """v5: the title starting at token i names one post: its head is definite (`المتحدث`) or
    in construct with a definite word or a name (`رئيس الوزراء`, `رئيس بلغاريا`)."""
    if _definite(ctx.folded[i]):
        return True
    named = ctx.covering.get(i + 1)
    return ctx.word(i + 1) and (_definite(ctx.folded[i + 1]) or (
        named is not None and named.entity.type != PER
        and named.start == ctx.tokens[i + 1].start))  # `خبير لبي بي سي`: an expert, anyone


@dataclass
class _Shared:
    """A dual title read before a name, waiting for the coordinated name that shares it."""

    title: str
    affiliations: list[str]  # the next names' affiliations, in order (`مصر والأردن`)
    found: Title
    last: int  # the last token of the previous name


def _also(ctx: Context, span: Span, found: Title) -> list[Title]:
    """v3: a second title joined to the one found by و (`وزير الدولة وعضو مجلس الوزراء`,
    `فلان أمير ويلز وولي عهد بريطانيا`)."""
    out: list[Title] = []
    if found.kind in (COUNTERPART, FIXED) or _honorific(found.title):
        return out  # `الرئيس المصري والأمير فلان`: two persons
    if found.end <= ctx.tokens[span.first].start:  # before the name: a title ending at its و
        first = bisect.bisect_left(ctx.tokens, found.start, key=lambda t: t.end)
        earlier = _title_ending_at(ctx, first) if ctx.folded[first].startswith("و") else None
        if earlier is not None and earlier.kind not in (COUNTERPART, FIXED):
            out.append(earlier)
    elif ctx.word(found.next) and ctx.folded[found.next].startswith("و"):
        second = read_title(ctx, found.next)
        if second is not None and second.kind not in (COUNTERPART, FIXED) and (
                ctx.text[ctx.tokens[found.next].start:second.start] == "و"):
            out.append(second)
    return out


def _title_ending_at(ctx: Context, first: int) -> Title | None:
    """The longest title phrase that ends right before token `first`."""
    best = None
    for i in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        other = ctx.covering.get(i)
        if not ctx.word(i) or not ctx.joined(i) or (other is not None and other.entity.type == PER):
            break
        found = read_title(ctx, i)
        if found is not None and found.next == first:
            best = found
    return best


def _coordinated(ctx: Context, span: Span, shared: _Shared) -> Title | None:
    """`… والأردني فلان` after `الوزيرين المصري فلان`: the shared title, this person's country;
    v3: `وزيرا خارجية مصر والأردن فلان وفلان`: the next country read with the title."""
    if ctx.v3 and shared.affiliations and fold(
            ctx.text[ctx.tokens[shared.last].end:span.start].strip(" ،,")) == "و":
        shared.last = span.last
        found = shared.found
        return Title("head", shared.title, shared.affiliations.pop(0), found.start, found.end,
                     span.first)
    k = span.first - 1
    if not ctx.word(k) or not ctx.folded[k].startswith("و") or not ctx.joined(k):
        return None
    country = ctx.lexicon.nisba.get((ctx.folded[k][1:],))
    if country is None:
        return None
    token = ctx.tokens[k]
    return Title("head", shared.title, country, token.start + 1, token.end, span.first)


def _singular(title: str) -> tuple[str, bool]:
    """A title with its dual head made singular (`الوزيرين` → `وزير`), and whether it was dual."""
    head, _, rest = title.partition(" ")
    single = DUALS.get(fold(head))
    return (title, False) if single is None else (f"{single} {rest}".strip(), True)


def _without_praise(title: str) -> str:
    """v5: a title without the words of praise after it (`الصحفي العالمي`, `رجل الأعمال
    المعروف`, `المعارض البارز`): they describe the person, they are no part of the title."""
    words = title.split()
    while len(words) > 1 and fold(words[-1]) in _PRAISE:
        words.pop()
    return " ".join(words)


def _honorific(title: str) -> bool:
    return fold(title) in HONORIFICS


def _used_as_honorific(title: str) -> bool:
    """v5: a one-word title that is an honorific after another title (`السفير`, `المستشار`;
    annotation guidelines: honorifics are no titles when a title exists)."""
    return _honorific(title) or fold(title) in _HONORIFIC_TITLES


def _full_first(roles: list[Role], *, held: bool = False) -> list[Role]:
    """A person's full titles; their honorifics only when the article gives nothing else, and
    a bare title (`الوزير`) only when no fuller one says it (`وزير الخارجية`); `held` (v5): nor
    when the same title is read elsewhere with where it is held (`المدرب` beside `المدرب` of
    Romania)."""
    full = [r for r in roles if not _honorific(r.title)] or roles
    return [r for r in full if r.affiliation or not any(
        other is not r and (_says_more(other.title, r.title)
                            or (held and other.affiliation and _same_title(other.title, r.title)))
        for other in full)]


def _same_title(one: str, other: str) -> bool:
    """`المدرب` and `مدرب`: the same words, with or without the article."""
    return _title_words(one) == _title_words(other)


def _title_words(title: str) -> list[str]:
    return [strip_article(w) for w in fold(title).split()]


def _says_more(fuller: str, bare: str) -> bool:
    words, bare_words = _title_words(fuller), _title_words(bare)
    return len(words) > len(bare_words) and words[:len(bare_words)] == bare_words


def _pick(ctx: Context, span: Span) -> Title | None:
    """entities.roles.v2: the title before the name, unless it is an honorific and a full title
    stands in apposition after it (`الجنرال فلان قائد القوات`). v5: a name after `و` takes only
    a title after it; a rank with its grade yields as an honorific does; a title whose phrase
    runs to the name through untagged words comes before one after the name."""
    if ctx.v5 and (appointed := _appointed(ctx, span)) is not None:
        return appointed
    if ctx.v5 and _joined_by_and(ctx, span):
        return _after(ctx, span)  # `فلان، الأمين العام للحزب، وفلان`: the title is the first's
    before = _before(ctx, span)
    if ctx.v5 and before is not None and _previous_name_holds(ctx, before):
        before = None  # `فلان الأمين العام للجامعة فلان المبعوث الخاص`: the first's title
    if ctx.v5 and before is not None and _whose(ctx, before, span):
        before = None  # `محامي ترامب`: Trump's lawyer is someone else
    if ctx.v5 and before is not None and before.affiliation is None \
            and fold(before.title) in _HONORIFIC_TITLES:
        after = _after(ctx, span)  # `السفير فلان رئيس المجلس المصري للشؤون الخارجية`: an
        if after is not None and not _used_as_honorific(after.title) \
                and not ctx.text[after.start - 1:after.start] == "و":  # honorific when a title
            return after  # exists (annotation guidelines); `فلان والأمين العام`: another's
    if before is not None and not _honorific(before.title) and not (ctx.v5 and _rank(before.title)):
        if ctx.v5 and before.affiliation is None and " " not in before.title:
            # the fullest title the article gives (annotation guidelines): `السفير فلان، سفير
            # المملكة في مصر`, `الرئيس فلان رئيس الجمهورية اليمنية`
            fuller = _after(ctx, span)
            if fuller is not None and _title_words(fuller.title)[0] == _title_words(before.title)[0] \
                    and (fuller.affiliation or " " in fuller.title):
                return fuller
        return before
    if ctx.v5 and before is None:
        untagged = _through_untagged(ctx, span)  # before the name, as a title read there
        if untagged is not None and not _previous_name_holds(ctx, untagged):
            return untagged  # `السكرتير العام بالاتحاد الكويتي فلان وهو عضو ...`; not the title
            # of a name before it (`فلان مدير التعليم، فلان مدير الصحة`)
    found = _after(ctx, span) or before
    if ctx.v5 and (found is None or _honorific(found.title) or _rank(found.title)):
        found = _through_untagged(ctx, span) or _chaired_by(ctx, span) or found
    if ctx.v5 and found is not None and _team_not_rank(ctx, found):
        return None  # `لاعبا الفريق فلان وفلان`, `بمهاجم الفريق فلان`: the team's, no general
    if ctx.v5 and found is not None and found.affiliation is None and found.kind != COUNTERPART \
            and found.end <= ctx.tokens[span.first].start:
        body = _body_after_name(ctx, span)
        if body is not None:  # `الرقيب فلان من فوج المظلات`
            found = dataclasses.replace(found, affiliation=body)
    return found


def _whose(ctx: Context, title: Title, span: Span) -> bool:
    """v5: the title before the name is a bare indefinite head that names a relation, in
    construct with the person (`محامي ترامب`, `مستشار فلان`, `لمساعدة فلان`): it is the title
    of someone else, the person's lawyer or aide, or no title at all (help)."""
    if len(title.title.split()) != 1 or title.affiliation is not None or span.first == 0 \
            or ctx.text[title.end:span.start].strip():
        return False
    # the word as written: `مساعدة` (help), not `مساعده` or `ونائبه` (his aide, his deputy)
    return ctx.tokens[span.first - 1].text in _RELATIONS


def _appointed(ctx: Context, span: Span) -> Title | None:
    """v5: a person appointed or elected to a title told after the name in the accusative
    (`تعيين المهندس فلان أمينًا لمنطقة الرياض`, `انتخاب فلان رئيسا للولايات المتحدة`): the
    article gives the title the person holds from then. Two titles in a row are one compound
    (`نائبًا لرئيس مجلس الوزراء وزيرًا للداخلية`)."""
    after = _skip_comma(ctx, span.last + 1)
    found = read_appointed(ctx, after) or _to_post(ctx, after)
    if found is None or not (_appointed_before(ctx, span.first - 1) or (
            fold(found.title.split()[0]) in _OFFICES and _listed(ctx, span))):
        return None  # (an office told so in a list is held without the appointment's word too:
        # `اعتماد مجلس إدارة النادي برئاسة فلان، وفلان نائبا للرئيس، وفلان أمينا عاما`; not
        # `وشارك فلان رئيسا للجلسة`, a capacity)
    then = read_appointed(ctx, found.next)
    if then is not None and found.affiliation is None:
        found = dataclasses.replace(then, title=f"{found.title} {then.title}", start=found.start)
    return found


def _listed(ctx: Context, span: Span) -> bool:
    """v5: the name is an item of a list: joined by و to the one before, or after `كلا من`."""
    return _joined_by_and(ctx, span) or span.first > 1 and ctx.folded[span.first - 1] == _FROM \
        and ctx.folded[span.first - 2] in _EACH


def _to_post(ctx: Context, j: int) -> Title | None:
    """v5: `على وظيفة (وكيل الوزارة للشؤون الزراعية) بالمرتبة الخامسة عشرة بوزارة الزراعة`,
    the post a decree appoints to, in brackets or not; a body named with `بـ` after it, past
    the civil service grade, is its affiliation. Or the duties someone is charged with (`تكليف
    فلان بمهام مدير عام الإدارة العامة لرعاية المسنين`)."""
    if ctx.word(j) and ctx.folded[j] in _DUTIES:  # `تكليف فلان بمهام مدير عام الإدارة`
        found = read_title(ctx, j + 1)
        return found if found is not None and found.start == ctx.tokens[j + 1].start else None
    if not (ctx.word(j + 1) and ctx.folded[j] == ONTO and ctx.folded[j + 1] in _POSTS):
        return None
    k = j + 2
    bracketed = k < len(ctx.tokens) and ctx.tokens[k].text in _POST_MARKS  # (`«مستشار أمني»`)
    found = read_title(ctx, k + 1 if bracketed else k)
    if found is None or found.affiliation is not None:
        return found
    k = found.next + (bracketed and found.next < len(ctx.tokens)
                      and ctx.tokens[found.next].text in _POST_MARKS)
    for m in range(k, min(len(ctx.tokens), k + _GRADE_WORDS + 1)):
        if not ctx.word(m):
            break  # `، وتعيين ...`: the next decision
        body = ctx.entity_at(m, types=("ORG",))
        if body is not None and body.first == m and ctx.folded[m].startswith("ب"):
            return dataclasses.replace(found, affiliation=body.entity.name)
        if m == k and ctx.folded[m] not in _GRADES:
            break  # only a grade may stand between the post and its body
    return found


def _possessor(ctx: Context, found: Title) -> Span | None:
    """v5: the person a counterpart's pronoun refers to (`نظيره`): the one named last before
    it in its sentence; past the name it is joined to by و (`التقى كارتر رئيس الوزراء فلان
    ونظيره العراقي`: the subject's counterpart, not the object's)."""
    k = bisect.bisect_right(ctx.tokens, found.start, key=lambda t: t.start) - 1  # (`ونظيره`)
    joined = ctx.folded[k].startswith("و")
    skipped = False
    for i in range(k - 1, -1, -1):
        token = ctx.tokens[i]
        if token.text in _SENTENCE_MARKS or "\n" in ctx.text[token.end:ctx.tokens[i + 1].start]:
            return None
        span = ctx.covering.get(i)
        if span is None or span.entity.type != PER or span.last != i:
            continue
        if joined and not skipped and i == _before_commas(ctx, k):
            skipped = True  # the name the counterpart is joined to by و
            continue
        return span
    return None


def _before_commas(ctx: Context, k: int) -> int:
    """The token before k, past commas."""
    i = k - 1
    while i >= 0 and ctx.tokens[i].text in COMMAS:
        i -= 1
    return i


def _possessors_title(ctx: Context, found: Title, roles: dict[str, list[Role]]) -> str | None:
    """v5: the title the counterpart shares: its possessor's, when the roles read so far give
    them one that is no honorific (else the last title read, as before v5)."""
    possessor = _possessor(ctx, found)
    if possessor is None:
        return None
    titles = [r.title for r in roles.get(possessor.entity.id, ())
              if not _honorific(r.title) and _held_by_one(r.title)]
    return titles[0] if titles else None


def _held_by_one(title: str) -> bool:
    """v5: a title a counterpart may share: not a plural (`وزراء الخارجية`, read of a group) nor
    a head with a pronoun (`مساعده`, another person's aide)."""
    head = title.split()[0]  # as written: a pronoun's `ه`, not the `ة` folded like it
    return strip_article(fold(head)) not in _PLURAL_HEADS and not head.endswith(("ه", "ها", "هم"))


def _appointed_before(ctx: Context, j: int) -> bool:
    """An appointment's word before token j in its sentence: right before the name (past
    honorifics), or before the earlier names of a list (`وتعيين فلان وزيرًا للخارجية، والمهندس
    فلان وزيرًا للصحة`)."""
    while j >= 0 and (ctx.word(j) and ctx.folded[j] in HONORIFICS or _abbreviated_at(ctx, j)):
        j -= 1  # `بتعيين م. فلان`
    for k in range(j, max(-1, j - _APPOINTED_REACH), -1):
        if not ctx.word(k):
            if ctx.tokens[k].text in _SENTENCE_MARKS:
                return False
            continue
        if ctx.folded[k] in APPOINTING:
            return True
    return False


def _body_after_name(ctx: Context, span: Span) -> str | None:
    """v5: the organization named right after a person's name by `من` or `في` (`الرقيب فلان
    من فوج المظلات`, `المهندس فلان في شركة أرامكو`): where the title before the name is held."""
    k = span.last + 1
    if not ctx.word(k) or ctx.folded[k] not in _FROM_IN or not ctx.joined(span.last) \
            or not ctx.joined(k):
        return None
    body = ctx.covering.get(k + 1)
    return body.entity.name if body is not None and body.entity.type == "ORG" \
        and body.first == k + 1 else None


def _previous_name_holds(ctx: Context, title: Title) -> bool:
    """v5: the title read before a name stands right after another person's name, which takes
    it in apposition (_after: the second name has its own title after it)."""
    k = bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.start) - 1
    previous = ctx.covering.get(k)
    if previous is None or previous.entity.type != PER or previous.last != k:
        return False
    held = _after(ctx, previous)
    return held is not None and held.start == title.start


def _team_not_rank(ctx: Context, title: Title) -> bool:
    """v5: `الفريق` read as a rank right after a player's or a staff member's noun, which makes
    it the team (`لاعبا الفريق`, `مهاجم الفريق`)."""
    if fold(title.title) != _TEAM:
        return False
    k = bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.start) - 1
    return k >= 0 and ctx.word(k) and any(word in _TEAM_NOUNS
                                          for _, word in clitic_variants(ctx.folded[k]))


def _chaired_by(ctx: Context, span: Span) -> Title | None:
    """v5: `لجنة ألعاب كرة القدم برئاسة الدكتور فلان`: the person named right after `برئاسة`
    (past honorifics) chairs the body named before it, or something unnamed (`وفد برئاسة فلان`:
    `رئيس` alone). A title after `برئاسة` is read by the readings before this one."""
    j = span.first - 1
    while j >= 0 and (ctx.word(j) and ctx.folded[j] in HONORIFICS or _abbreviated_at(ctx, j)):
        j -= 1
    if j < 0 or not ctx.word(j) or ctx.folded[j] not in _CHAIRED or not ctx.joined(j):
        return None
    k = j - 1 if j > 1 and ctx.tokens[j - 1].text in COMMAS else j  # `الهيئة ...، برئاسة فلان`
    body = ctx.covering.get(k - 1) if k > 0 else None
    if k < j and body is not None and body.first > 0 and ctx.folded[body.first - 1] in _SITES:
        body = None  # `عقدته اللجنة في مقر أمانة المنطقة، برئاسة فلان`: where, not what he chairs
    while body is not None and ctx.folded[body.first].startswith("ب") and body.first > 0 \
            and (outer := _body_before(ctx, body.first)) is not None:
        body = outer  # `لجنة الألعاب بالاتحاد السعودي برئاسة`: the committee, not where it sits
    affiliation = body.entity.name if body is not None and body.entity.type == "ORG" else None
    token = ctx.tokens[j]
    return Title("head", _CHAIR, affiliation, token.start, token.end, span.first)


def _rank(title: str) -> bool:
    """v5: a rank with its grade (`الفريق أول`, `اللواء ركن`), which yields to a full title as
    an honorific does (`رئيس هيئة الأركان العامة الفريق أول فلان`)."""
    head, *grades = fold(title).split()
    return head in HONORIFICS and bool(grades) and all(g in _RANK_WORDS for g in grades)


def _through_untagged(ctx: Context, span: Span) -> Title | None:
    """v5: a title whose phrase runs up to the name through words no reading took: a body or a
    place the tagger left out (`أمين عام جمعية إبصار فلان`, `مدير التعليم في محافظة الأفلاج
    فلان`, `رئيس مجلس النواب في الباراغواي فلان`). The nearest title head at most
    _MAX_UNTAGGED words before the name, with only words of a noun phrase between (no mark, no
    particle that starts another argument or clause, no person), holds the title; the words
    after its phrase are its affiliation."""
    if ctx.v5 and ctx.text[ctx.tokens[span.first].start : span.start] in _GLUED:
        return None  # `مسلسل "أستاذ ورئيس قسم" لفلان`: a name after ل or ب holds no title
    found = _head_before(ctx, span)
    if found is None or found.next >= span.first:
        return None  # none, or the phrase runs into the name: the readings before saw it
    last = span.first - 1
    if ctx.tokens[last].text in COMMAS:
        last -= 1
    before_honorific = last
    while last >= found.next and (
            ctx.folded[last] in _NOT_AFFILIATION or _abbreviated_at(ctx, last)
            or ctx.tokens[last].text in COMMAS
            or ctx.tokens[last].text in _NAME_MARKS or _bracketed_body(ctx, last)
            or ctx.folded[last] in _HONORIFIC_TITLES):
        last -= 1  # `... العميد البحري فلان`, `صاحب السمو الملكي "الأمير فلان"`, `السفير
        # فلان`: the honorific is not the affiliation
    if last >= found.next and (ctx.folded[found.next - 1],) in ctx.lexicon.nisba \
            and not _complement(ctx.folded[found.next]):
        # `الرئيس الإيراني المتشدد فلان`: after the nationality, a description, which is
        # neither the title nor its affiliation; the title holds if the description is one
        if not _description(ctx, found.next, last):
            return None
        return Title(found.kind, found.title, found.affiliation, found.start, found.end,
                     span.first)
    first = found.next + 1 if _governed_at(ctx, found.next) else found.next
    if not _noun_phrase(ctx, first, last, bare=" " not in found.title and found.affiliation is None,
                        construct=first > found.next, anchored=last < before_honorific):
        return None  # (after `المشرف على` a construct chain is the title's; up to an honorific
        # before the name, any chain)
    rest = [ctx.tokens[k].text for k in range(first, last + 1)
            if ctx.tokens[k].text not in _NAME_MARKS and not _bracketed_body(ctx, k)]
    if rest and fold(rest[0]) in _PLACE_PREPOSITIONS:
        rest = rest[1:]
    if rest and fold(rest[0]) == _RANKS:
        rest = rest[1:]  # `القيادي في صفوف المقاومة، فلان`: the body it serves in
    if len(rest) == 1 and (named := named_body(ctx, fold(rest[0]), BODY_HEADS)):
        rest = [named]  # `المشرف العام على المركز`: the one center the article names
    affiliation = " ".join(([found.affiliation] if found.affiliation else []) + rest) or None
    return Title(found.kind, found.title, affiliation, found.start,
                 ctx.tokens[max(last, found.next - 1)].end, span.first)


def _body_before(ctx: Context, first: int) -> Span | None:
    """v5: the organization whose mention ends within three tokens before token `first`."""
    for k in (first - 1, first - 2, first - 3):
        body = ctx.covering.get(k) if k >= 0 else None
        if body is not None and body.entity.type == "ORG":
            return body
    return None


def _bracketed_body(ctx: Context, i: int) -> bool:
    """v5: token i is a bracket around a body's or a place's name in a title's phrase (`مدير
    شركة (سيبرين) فلان`), which the phrase runs through; not one around a title or a name."""
    text = ctx.tokens[i].text
    if text not in _BRACKETS:
        return False
    inside = i + 1 if text == "(" else i - 1
    return 0 <= inside < len(ctx.tokens) and ctx.entity_at(inside) is not None


def _governed_at(ctx: Context, i: int) -> bool:
    """v5: token i is the `على` that a supervisor's title governs (`المشرف العام على`)."""
    if not ctx.word(i) or ctx.folded[i] not in ("على", "علي"):
        return False
    k = i - 1 if i > 0 and ctx.folded[i - 1] in _GENERAL else i
    return k > 0 and ctx.folded[k - 1].removeprefix("و") in _SUPERVISORS  # `والمشرف العام على`


def _head_before(ctx: Context, span: Span) -> Title | None:
    """v5: the nearest full title read at most _MAX_UNTAGGED words before the name, widened to
    the heads right before it (`رئيس مجلس ...`, `مساعد مدير ...`); None where a mark, a clause
    word or a person comes first."""
    reach = _MAX_UNTAGGED
    honored = _honorifics_before(ctx, span.first)  # `، اللواء الركن فلان`: where they start
    set_off = span.first > 1 and bool(COMMAS.intersection(  # `، فلان`, `، اللواء فلان`
        (ctx.tokens[span.first - 1].text, ctx.tokens[span.first - 2].text))) or (
        honored > 0 and ctx.tokens[honored - 1].text in COMMAS)  # `، اللواء الركن فلان`
    if span.first > 0 and (ctx.tokens[span.first - 1].text in COMMAS or honored < span.first):
        reach += _MAX_APPOSED  # `ممثل المنظمة في مجموعة الاتصال الخاصة بالأزمة، فلان`, `مدير عام
        # التخطيط الاستراتيجي وتطوير الاستثمار بالهيئة الملكية بينبع المهندس فلان`
    for i in range(span.first - 1, max(-1, span.first - 1 - reach), -1):
        if (ctx.tokens[i].text in _NAME_MARKS or _bracketed_body(ctx, i)) and ctx.joined(i) or (
                ctx.tokens[i].text in COMMAS and i in (span.first - 1, honored - 1)):
            continue  # `مدير عام «ماجد للتنمية» فلان`, `وزير الشباب والرياضة المصري، فلان`
        if _abbreviated_at(ctx, i):
            continue  # `مساعد مدير عام صحة الرياض للصحة العامة د. فلان`
        if not ctx.word(i) or not ctx.joined(i) or (
                ctx.folded[i] in _NOT_IN_PHRASE and not _governed_at(ctx, i)):
            return None
        other = ctx.covering.get(i)
        if other is not None and other.entity.type == PER:
            return None
        found = read_title(ctx, i)
        if found is None or found.kind == COUNTERPART or _honorific(found.title) or _rank(
                found.title):
            continue
        while i > 0 and ctx.word(i - 1) and ctx.joined(i - 1):
            wider = read_title(ctx, i - 1)  # `رئيس مجلس ...`: the head before takes it in
            if wider is None or wider.kind == COUNTERPART or wider.next <= i:
                break
            i, found = i - 1, wider
        if set_off and _apposed_to_person(ctx, i):
            return None  # `مستشار الأمير فلان، أمير منطقة مكة، الدكتور فلان`: the prince's
        return _compounded(ctx, found, _LOOK_BACK)
    return None


def _honorifics_before(ctx: Context, first: int) -> int:
    """v5: the first token of the honorifics and ranks right before a name at token `first`
    (`اللواء الركن`, `الشيخ الدكتور`); `first` when there are none."""
    k = first
    while k > 0 and ctx.word(k - 1) and (ctx.folded[k - 1] in HONORIFICS
                                         or ctx.folded[k - 1] in _RANK_WORDS):
        k -= 1
    return k


def _apposed_to_person(ctx: Context, i: int) -> bool:
    """v5: the title starting at token i follows a person's name and a comma: it is set off
    as that person's, not the next name's."""
    j = i - 1
    if j < 0 or ctx.tokens[j].text not in COMMAS:
        return False
    other = ctx.covering.get(j - 1)
    return other is not None and other.entity.type == PER


def _context(text: str, entities: tuple[Entity, ...], lexicon: RoleLexicon,
             version: int = 1, sentences: list[tuple[int, int]] | None = None) -> Context:
    # The tokens of the sentences, which the token cache still holds (khabar.entities.names)
    words = read_words(text, sentences or ())
    tokens, folded = list(words.tokens), list(words.folded)
    if version >= 5 and ("#" in text or "_" in text):
        # `السفير الأميركي في إسرائيل، #ديفيد_فريدمان`: hashtags read as prose, as the tagger
        # and the quotes read them
        kept = {id(token) for token in without_hashtag_marks(tokens)}
        folded = [f for token, f in zip(tokens, folded) if id(token) in kept]
        tokens = [token for token in tokens if id(token) in kept]
    if version >= 5 and "/" in text:
        # `الدكتور/ فلان`, `والأستاذ / فلان`, `العريف/ فلان`: official lists write a slash after
        # an honorific or a rank
        slashes = {k for k in range(1, len(tokens)) if tokens[k].text == "/" and (
            folded[k - 1].removeprefix("و") in HONORIFICS or folded[k - 1] in lexicon.first_words)}
        folded = [f for k, f in enumerate(folded) if k not in slashes]
        tokens = [token for k, token in enumerate(tokens) if k not in slashes]
    starts = [t.start for t in tokens]
    covering: dict[int, Span] = {}
    spans: list[Span] = []
    for entity in entities:
        for m in entity.mentions:
            inside = []
            i = _index_at(starts, m.start)
            while i < len(tokens) and tokens[i].start < m.end:
                if m.start < tokens[i].end:
                    inside.append(i)
                i += 1
            if inside:
                span = Span(entity, inside[0], inside[-1], m.start)
                spans.append(span)
                for i in inside:
                    covering.setdefault(i, span)
    # Token by token (read_words): `fold` remembers the words it folded, which costs less than
    # folding the whole page again (a third of the time on SaudiNewsNet, bench.analyze).
    if version >= 5:
        spans = _with_seats(tokens, folded, covering, spans)
    return Context(text, tokens, folded, covering, lexicon, spans, version)


# v5: words that say where a body sits (`بمنطقة`, `بمحافظة`): entities.merge.v5 ends a body's
# name before them and reads the place as a place of its own
_SEATS = {fold(w) for w in "بمنطقة بمحافظة بمدينة بولاية".split()}


def _with_seats(tokens, folded, covering: dict[int, Span], spans: list[Span]) -> list[Span]:
    """v5: each organization's mention read with the place where it sits (`مديرية الدفاع
    المدني بمنطقة جازان`), as one phrase: a title runs through it to its name (`المتحدث الرسمي
    بمديرية الدفاع المدني بمنطقة جازان الرائد فلان`) and `برئاسة` after it names the body's
    chair. The place's own mention stays in the article's entities."""
    out = []
    for span in spans:
        seat = span.last + 1
        if span.entity.type == "ORG" and covering.get(span.first) is span \
                and seat + 1 < len(tokens) and tokens[seat].kind == "word" \
                and folded[seat] in _SEATS:
            last = _seat_end(tokens, folded, covering, seat + 1)
            if last is not None:
                span = Span(span.entity, span.first, last, span.start, seated=True)
                for i in range(span.first, span.last + 1):
                    covering[i] = span
        out.append(span)
    return out


def _seat_end(tokens, folded, covering: dict[int, Span], i: int) -> int | None:
    """The last token of the place named from token i: a place's mention, or definite words no
    mention covers (`بمنطقة الحدود الشمالية`), up to an honorific or a title's word."""
    place = covering.get(i)
    if place is not None:
        return place.last if place.entity.type == "LOC" and place.first == i else None
    last = None
    while i < len(tokens) and tokens[i].kind == "word" and i not in covering \
            and folded[i].startswith("ال") and folded[i] not in _NOT_AFFILIATION:
        last, i = i, i + 1
    return last


def _index_at(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _skip_comma(ctx: Context, j: int) -> int:
    return j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in COMMAS else j


def _skip_place(ctx: Context, j: int) -> int:
    """Skip `في العراق` between a title and a name: where, not whom for."""
    if ctx.word(j) and ctx.folded[j] == "في":
        span = ctx.entity_at(j + 1, types=("LOC",))
        if span is not None and span.first == j + 1:
            return span.last + 1
    return j


def _skip_places(ctx: Context, j: int) -> int:
    """v3: skip where a title is held before its name: `في`/`إلى`/`لدى` + place, `بالرياض`,
    `بمنطقة جازان` (`مدير الشرطة بمنطقة جازان اللواء فلان`)."""
    for _ in range(_MAX_PLACES):
        if ctx.v5 and ctx.word(j) and ctx.folded[j] == _IN and ctx.word(j + 1) \
                and j + 1 not in ctx.covering and ctx.folded[j + 1][2:] in REGION_NOUNS \
                and ctx.folded[j + 1].startswith("ال"):
            j += 2  # v5: `مدير فرع الهيئة في المنطقة فلان`: the region named before
            continue
        if ctx.word(j) and ctx.folded[j] in _PLACE_PREPOSITIONS:
            body = ctx.folded[j] in _BODY_PREPOSITIONS  # `مندوبة كندا لدى الأمم المتحدة`
            state = ctx.v4 and ctx.word(j + 1) and j + 1 not in ctx.covering and (
                ctx.folded[j + 1] in STATE_NOUNS)  # v4: `لدى دولة الكويت`
            span = ctx.entity_at(j + 1 + state, types=("LOC", "ORG") if body else ("LOC",))
            if span is None or span.first != j + 1 + state:
                return j
            j = entity_end(ctx, span) + 1
            continue
        span = ctx.entity_at(j, types=("LOC",))
        if span is not None and span.first == j and _place_after_clitic(ctx, j, span):
            j = entity_end(ctx, span) + 1
            continue
        span = ctx.entity_at(j, types=("LOC",))
        if span is not None and span.first == j and j > 0 and ctx.folded[j].startswith("و") and (
                ctx.entity_at(j - 1, types=("LOC",)) is not None):
            j = entity_end(ctx, span) + 1  # `في بريطانيا وأوروبا`
            continue
        if ctx.word(j) and j not in ctx.covering and ctx.folded[j].startswith("بال") and (
                ctx.folded[j][3:] in REGION_NOUNS):
            j += 1  # `بالمنطقة`: the region named before
            continue
        named = region_named(ctx, j) if ctx.v4 else None
        if named is not None:
            j = named + 1  # v4: `بمنطقة الجوف` with `الجوف` untagged
            continue
        span = marker(ctx, j)
        if span is None or span.entity.type != "LOC":
            return j
        j = entity_end(ctx, span) + 1
    return j


def _place_after_clitic(ctx: Context, j: int, span: Span) -> bool:
    """`بالرياض`, `للولايات المتحدة`: a place after ب or ل, whether or not the tagger's span
    took the clitic in."""
    clitic = fold(ctx.text[ctx.tokens[j].start:span.start])
    if clitic == "":
        return ctx.folded[j].startswith(("لل", "بال"))
    return clitic in ("ب", "بال", "ل", "لل")


def _name_follows_v3(ctx: Context, j: int) -> int:
    """As `_name_follows`, also past places, ranks (`اللواء ركن`) and `صاحب السمو الملكي`,
    in any order (`المبعوث الأممي السابق لليمن فلان`)."""
    for _ in range(_MAX_PLACES):
        if ctx.v5 and ctx.word(j) and j not in ctx.covering and ctx.folded[j] in EPITHETS:
            j += 1  # `أمير منطقة مكة المكرمة، الأمير فلان`: the epithet ends the place
        j = _skip_comma(ctx, _skip_places(ctx, j))
        start = j
        while ctx.v5 and _abbreviated_at(ctx, j):
            j += 1
        while ctx.word(j) and j not in ctx.covering and (
                ctx.folded[j] in _MODIFIERS or ctx.folded[j] in HONORIFICS
                or ctx.folded[j] in _HONORIFIC_WORDS or (ctx.folded[j],) in ctx.lexicon.nisba
                or (ctx.v5 and ctx.folded[j] in _NEW)  # `المبعوث الأممي الجديد إلى اليمن فلان`
                or (ctx.v5 and ctx.folded[j] in _HONORIFIC_TITLES and ctx.covering.get(j + 1)
                    is not None and ctx.covering[j + 1].entity.type == PER
                    and ctx.folded[j - 1] not in ctx.lexicon.first_words)  # `... السفير فلان`,
                # not `نائب المستشارة فلانة` (her deputy)
                or (ctx.folded[j] in _RANK_WORDS and (ctx.folded[j - 1] in HONORIFICS or (
                    ctx.v5 and ctx.folded[j - 1] in _RANK_WORDS)))):
            j += 1  # a nationality here is the person's (`مدرب الهلال الروماني فلان`)
        if ctx.v5:
            j = _skip_comma(ctx, _skip_then(ctx, _skip_bracketed(ctx, j)))
        if j == start:
            break
    return j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in _OPENING else j


def _skip_bracketed(ctx: Context, j: int) -> int:
    """v5: past a short aside in brackets between a title and its name, an abbreviation of
    the body (`رئيس الاتحاد الدولي (فيفا) السويسري فلان`); not a name in brackets."""
    if j >= len(ctx.tokens) or ctx.tokens[j].text != "(" or ctx.entity_at(j + 1, types=(PER,)):
        return j  # `(فلان)`: the name itself in brackets
    for k in range(j + 1, min(len(ctx.tokens), j + 2 + _MAX_BRACKETED)):
        if ctx.tokens[k].text == ")":
            return k + 1 if k > j + 1 and ctx.joined(k) else j
        if not ctx.word(k):
            return j
    return j


def _opening_bracket(ctx: Context, close: int) -> int:
    """v5: the index of the `(` that opens the short aside closed at token `close`, or -1."""
    for k in range(close - 1, max(-1, close - 2 - _MAX_BRACKETED), -1):
        if ctx.tokens[k].text == "(":
            return k if k < close - 1 and _skip_bracketed(ctx, k) == close + 1 else -1
        if not ctx.word(k):
            return -1
    return -1


def _then_before(ctx: Context, first: int) -> int:
    """v5: where a time aside right before token `first` starts (its dash included), or
    `first` when none stands there."""
    for size in _THEN_SIZES:
        for start in (first - size - 1, first - size):
            if start >= 0 and _skip_comma(ctx, _skip_then(ctx, start)) == first and start < first:
                return start
    return first


def _skip_then(ctx: Context, j: int) -> int:
    """v5: past a time aside between a title and its name, a dash before it included (`رئيس
    الوزراء العراقي -آنذاك فلان`, `وزيرة الخارجية في ذلك الوقت فلانة`, `نائب رئيس ... سابقا`)."""
    k = j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in _DASHES else j
    if k >= len(ctx.tokens) or ctx.folded[k] not in _THEN_FIRST:
        return j
    for words in _THEN:
        end = k + len(words)
        if all(ctx.word(m) and m not in ctx.covering and ctx.folded[m] == w
               for m, w in zip(range(k, end), words)):
            return end
    return j


def _noun_phrase(ctx: Context, first: int, last: int, *, bare: bool = False,
                 construct: bool = False, anchored: bool = False) -> bool:
    """v5: tokens first..last read as the rest of a title's phrase: each a word of a mention of a
    body or a place, a definite word (`الممتاز`, `بالرئاسة`, `للعلاقات`), a preposition of where
    (`في`), the head noun of a body or a place (`جمعية`, `محافظة`), or a word right after such a
    head (`جمعية إبصار`). An indefinite word after a definite one starts something else: a verb
    (`رئيس مجلس الوزراء دشن`), another name; so do a word joined by و (another title or person;
    right after a one-word title without affiliation, `bare`, any such word) and any word after a nationality (a
    description: `الشهير`). Quotation marks are passed over, and `ل` + a word before a definite
    one is a field in construct (`لكرة القدم`). With `construct`, an indefinite word before a
    definite one is a noun in construct too (`المشرف على فرق الفنون الشعبية فلان`); with
    `anchored` (the phrase ends at an honorific before the name, which no verb or other name
    would), any indefinite word is (`رئيس قسم شؤون السعوديين الأستاذ فلان`, `رئيس بلدية مدركة
    المهندس فلان`, `المدير التنفيذي لسوق عكاظ الدكتور فلان`)."""
    after_head = False
    for k in range(first, last + 1):
        if ctx.tokens[k].text in _NAME_MARKS or _bracketed_body(ctx, k):
            continue  # `مدير عام «ماجد للتنمية المجتمعية» فلان`, `مدير شركة (سيبرين) فلان`
        word = ctx.folded[k]
        named = ctx.covering.get(k)
        if word in _TO_THE_HONORED:
            return False  # `برقية تهنئة لجلالة السلطان فلان`: the one sent to, not the holder
        if word[:1] == "و" and (_title_word(ctx, word[1:]) or word[1:] in UNTAGGED_HEADS
                                or bare and k == first):
            return False  # `الكاتب والصحافي`, `محافظ الخرج والأمير`: another title or person
        if (word,) in ctx.lexicon.nisba and k < last and not _complement(ctx.folded[k + 1]) \
                and not (k == first and _state_before(ctx, k)):
            return False  # `اللاعب البرتغالي الشهير`: after the nationality, a description
        if named is not None and named.entity.type != "PER":
            after_head = False
        elif _definite(word) or word in _PLACE_PREPOSITIONS \
                or word == _RANKS and k > first and ctx.folded[k - 1] in _BODY_PREPOSITIONS:
            after_head = False  # (`القيادي في صفوف الحركة`: in its ranks)
        elif _bare(word) in UNTAGGED_HEADS:
            after_head = True
        elif word[:1] == "ل" and k < last and _definite(ctx.folded[k + 1]):
            after_head = False  # `لكرة القدم`, `لشؤون الشباب`: a field in construct
        elif word[:1] == "و" and word.endswith("ه") and k > first and k < last \
                and ctx.folded[k - 1].startswith("وال") and _definite(ctx.folded[k + 1]):
            after_head = False  # `للدعوة والإرشاد وتوعية الجاليات`: one more field in construct
        elif (anchored or construct) and _ends_definite(ctx, k + 1, last) \
                or anchored and _bare_noun_word(ctx, k):
            after_head = False  # `قسم شؤون السعوديين`, `بلدية مدركة`: a construct chain
        elif not after_head:
            return False
        else:
            after_head = False  # `جمعية إبصار`: one word names it
    return True


def _state_before(ctx: Context, k: int) -> bool:
    """v5: token k follows a place's mention, whose name it goes on (`ملك المملكة الأردنية
    الهاشمية فلان`: the nationality and its epithet name the kingdom, they describe no one)."""
    place = ctx.covering.get(k - 1)
    return place is not None and place.entity.type == "LOC"


def _bare_noun_word(ctx: Context, k: int) -> bool:
    """v5: token k may be a noun of a construct chain or a name in it: not joined by و (another
    clause or person: `ومضت`, `وأخيه`), no pronoun glued to it (`شكره`, `بعدها`)."""
    return not ctx.folded[k].startswith("و") and not ctx.tokens[k].text.endswith(_PRONOUN_ENDINGS)


def _ends_definite(ctx: Context, k: int, last: int) -> bool:
    """v5: indefinite words from token k on reach a definite one by `last`: the rest of a
    construct chain (`طب وجراحة العيون`); a place's or a body's name is definite too
    (`محطات تلفزيون جدة`)."""
    while k <= last and ctx.word(k):
        named = ctx.covering.get(k)
        if _definite(ctx.folded[k]) or named is not None and named.entity.type != PER:
            return True
        k += 1
    return False


def _description(ctx: Context, first: int, last: int) -> bool:
    """v5: tokens first..last describe a person after a title's nationality: at most
    _MAX_DESCRIPTION definite words (`المتشدد`, `المحب للمملكة`), none after و (`والأمير`:
    another person), no person, no mark."""
    return last - first < _MAX_DESCRIPTION and all(
        ctx.word(k) and _definite(ctx.folded[k]) and not ctx.folded[k].startswith("و")
        and (k not in ctx.covering or ctx.covering[k].entity.type != PER)
        for k in range(first, last + 1))


def _complement(word: str) -> bool:
    """After a nationality, a word that goes on the name of a body or a field (`المرصد السوري
    لحقوق الإنسان`, `وزير الدولة الإماراتي للشؤون الخارجية`), not a description."""
    return word[:1] in ("ل", "ب") or word == "في"


def _title_word(ctx: Context, word: str) -> bool:
    """The word (without و) starts a title or is an honorific (`الصحافي`, `الأمير`)."""
    return word in HONORIFICS or word in ctx.lexicon.first_words


def _definite(word: str) -> bool:
    return word.startswith(("ال", "بال", "لل", "وال", "فال", "كال"))


def _bare(word: str) -> str:
    """The word without a preposition glued to it (`بمحافظة` → `محافظة`)."""
    return word[1:] if word[:1] in ("ب", "ل") and len(word) > 3 else word


def _abbreviated_at(ctx: Context, i: int) -> bool:
    """v5: token i is the letter or the full stop of an honorific abbreviated between a title
    and its name (`المستشار القانوني د. فلان`, `أمين المنطقة م. فلان`, `العميد أ.د. فلان`)."""
    if not 0 <= i < len(ctx.tokens):
        return False
    if ctx.tokens[i].text == ".":
        i -= 1
    return (ctx.word(i) and ctx.folded[i] in ABBREVIATED_HONORIFICS and i + 1 < len(ctx.tokens)
            and ctx.tokens[i + 1].text == "." and ctx.tokens[i + 1].start == ctx.tokens[i].end)


def _name_follows(ctx: Context, j: int) -> int:
    """Where a name would start after a title ending before token j: past `في` + place, a comma
    and an honorific (`الأمين العام لحزب الله السيد حسن نصر الله`)."""
    if ctx.v3:
        return _name_follows_v3(ctx, j)
    j = _skip_comma(ctx, _skip_place(ctx, j))
    if ctx.extended:
        while ctx.word(j) and (ctx.folded[j] in _MODIFIERS or ctx.folded[j] in HONORIFICS):
            j += 1
        return j + 1 if j < len(ctx.tokens) and ctx.tokens[j].text in _OPENING else j
    return j + 1 if ctx.word(j) and ctx.folded[j] in _HONORIFICS else j


def _before(ctx: Context, span: Span) -> Title | None:
    """The longest title phrase that ends right before the name (an optional comma between)."""
    best = None
    first = _then_before(ctx, span.first) if ctx.v5 else span.first
    bracket = -1  # v5: the opening bracket of a short aside being stepped over
    reach = _LOOK_BACK_V5 if ctx.v5 else _LOOK_BACK
    for i in range(first - 1, max(-1, first - 1 - reach), -1):
        token = ctx.tokens[i]
        if i >= bracket >= 0:
            continue
        if ctx.extended and i == span.first - 1 and token.text in _OPENING and ctx.joined(i):
            continue  # `وزير الخارجية الفرنسي (فلان)`
        if ctx.v5 and token.text == ")":
            bracket = _opening_bracket(ctx, i)
            if bracket >= 0:
                continue  # `رئيس الاتحاد الدولي (فيفا) السويسري فلان`
        if ctx.v3 and token.text in (_NAME_MARKS if ctx.v5 else _QUOTES) \
                and _quotes_a_body(ctx, i):
            continue  # `رئيس قسم الأخبار في "النهار" فلان`
        if ctx.v5 and _abbreviated_at(ctx, i):
            continue
        if token.text in BARRIERS or not ctx.joined(i):
            break
        other = ctx.covering.get(i)
        if other is not None and other.entity.type == PER:
            break
        found = read_title(ctx, i)
        if found is not None and _name_follows(ctx, found.next) == span.first:
            best = found
    if ctx.v5 and best is not None and _apposed_before(ctx, best, span):
        return None
    if ctx.extended and best is not None and best.kind not in (COUNTERPART, FIXED):
        best = _compounded(ctx, best, _LOOK_BACK if ctx.v3 else 1)
    return held_for_sovereign(best) if ctx.v4 and best is not None else best


def _comma_between(ctx: Context, start: int, end: int) -> bool:
    return any(mark in ctx.text[start:end] for mark in COMMAS)


def _apposed_before(ctx: Context, title: Title, span: Span) -> bool:
    """v5: a title set off by a comma from the name after it that follows another person's name
    is that person's (`الأمير فلان الرئيس العام لرعاية الشباب، د. فلان وكيل ...`), unless a
    meeting verb makes the one before its object's host (`استقبل فلان وزير الخارجية، فلان`)."""
    if not _comma_between(ctx, title.end, span.start):
        return False
    k = bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.end)
    if ctx.folded[k].startswith("و") and ctx.tokens[k].start < title.start:
        return False  # `فلان، والمستشار بالديوان الملكي، فلان`: a new item of a list
    k -= 1
    if k >= 0 and ctx.tokens[k].text in COMMAS:
        k -= 1
    before = ctx.covering.get(k)
    return (before is not None and before.entity.type == PER
            and not _after_meeting_verb(ctx, before.first))


def _quotes_a_body(ctx: Context, i: int) -> bool:
    """v3: the quote at token i opens or closes the name of an organization or place."""
    return any(ctx.entity_at(k, types=("ORG", "LOC")) is not None and ctx.joined(min(i, k))
               for k in (i - 1, i + 1))


def _compounded(ctx: Context, title: Title, times: int) -> Title:
    """The title joined with the titles right before it, up to `times` of them."""
    for _ in range(times):
        joined = _compound(ctx, title)
        if joined is title:
            break
        title = joined
    return title


def _compound(ctx: Context, title: Title) -> Title:
    """`نائب رئيس مجلس الوزراء وزير الداخلية`: a title right before another is one title."""
    first = bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.end)
    best = None  # v3 takes the longest title before (`ولي ولي العهد`, not `ولي العهد`)
    for i in range(first - 1, max(-1, first - 1 - _LOOK_BACK), -1):
        if not ctx.word(i) or not ctx.joined(i):
            break
        found = read_title(ctx, i)
        if (found is not None and found.next == first and _joins(ctx, found)
                and not ctx.text[found.end:title.start].strip()):  # `الباحث والطبيب`: two
            best = found
            if not ctx.v3:
                break
    if best is None and ctx.v5 and title.start == ctx.tokens[first].start:
        best = _comma_compound_before(ctx, first)  # (`، وقائد التحالف`: a second title)
    if best is None:
        return title
    if ctx.v3 and (best.affiliation is not None or ctx.v5 and _bare_definite(best.title)
                   and not fold(title.title).startswith("ال")) \
            and _after_meeting_verb(ctx, _token_at(ctx, best)):
        return title  # `التقى مستشار الأمن القومي الأمريكي الأمين العام`: subject and object;
        # v5: `والتقى الوزير رئيس مجلس الإدارة فلان` (but `ودعا المتحدث الإعلامي` is one)
    if ctx.v5 and _used_as_honorific(title.title) and not _honorific(best.title) and (
            best.affiliation is not None or " " in best.title):
        # `نائب الأمين العام للجامعة العربية السفير فلان`: the honorific is no part of a whole
        # title (but `نائب السفير` is a deputy ambassador)
        return Title(best.kind, best.title, best.affiliation or title.affiliation, best.start,
                     title.end, title.next, best.others)
    before = ctx.text[best.start:title.start].strip()
    if ctx.v5:
        before = before.rstrip("".join(COMMAS)).rstrip()  # a compound set off by commas
    words = f"{before} {title.title}"
    return Title(title.kind, words, title.affiliation or best.affiliation, best.start, title.end,
                 title.next)


def _bare_definite(title: str) -> bool:
    """v5: a title of one definite word, whole by itself (`الوزير`, `السفير`), not a head that
    a compound completes (`نائب`, `مساعد`)."""
    words = title.split()
    return len(words) == 1 and fold(words[0]).startswith("ال")


def _token_at(ctx: Context, title: Title) -> int:
    """The index of the token where a title starts."""
    return bisect.bisect_left(ctx.tokens, title.start, key=lambda t: t.end)


def _joins(ctx: Context, found: Title) -> bool:
    """Whether a title starts a compound: a head, and from v3 a fixed title that is no
    honorific (`ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء`)."""
    if found.kind == FIXED:
        return ctx.v3 and not _honorific(found.title)
    return found.kind != COUNTERPART


def _after_meeting_verb(ctx: Context, first: int) -> bool:
    """True when the name is the subject of a verb whose object is a person (التقى, استقبل)."""
    k = first - 1
    if not ctx.word(k):
        return False
    return any(word in _MEETING_VERBS for _, word in clitic_variants(ctx.folded[k])[:2])


def _after(ctx: Context, span: Span) -> Title | None:
    """A title in apposition after the name, unless it introduces the next person's name."""
    j = span.last + 1
    if ctx.extended and j < len(ctx.tokens) and ctx.tokens[j].text in _CLOSING:
        j += 1  # `بفلان» زعيم التنظيم`
    j = _skip_comma(ctx, j)
    if ctx.v5 and j == span.last + 1 and j < len(ctx.tokens) and ctx.tokens[j].text in _SEMICOLONS:
        j += 1  # `أكد فلان؛ نائب محافظ مؤسسة النقد، أن`: a semicolon sets the title off as a comma
    if ctx.v3:
        j = _skip_aside(ctx, j)  # `فلان (25 عاما) لاعب الفريق`
    if ctx.v5:
        j = _skip_holds(ctx, j)  # `فلان، الذي يشغل منصب وزير الخارجية`
        if ctx.word(j) and ctx.folded[j] in _PRONOUNS_OF_APPOSITION:
            j += 1  # `فلان، وهو مستشار تربوي`, `فلانة وهي رئيسة الجمعية`
    if ctx.v3 and j < len(ctx.tokens) and ctx.tokens[j].text in _OPENING:
        j += 1  # `فلان «القائد في التنظيم»`, `فلان (وزير المالية)`
    elif ctx.v5 and j == span.last + 1 and j < len(ctx.tokens) and ctx.tokens[j].text in _DASHES:
        j += 1  # `فلان - مدير دار الخليج للبحوث -`, `فلان ـ وزير الخارجية ـ`
    if j >= len(ctx.tokens) or not ctx.joined(span.last):
        return None
    if j == span.last + 1 and _after_meeting_verb(ctx, span.first):
        return None  # `استقبل كيري رئيس الوزراء`: the title is the object, someone else's
    found = read_title(ctx, j)
    if found is None or found.kind == COUNTERPART or found.start != ctx.tokens[j].start:
        return None  # `الأسد وأمين عام حزب الله`: after و it is someone else's title
    if found.kind == FIXED and not (ctx.v3 and not _honorific(found.title)) and not (
            ctx.v5 and found.affiliation is not None and fold(found.title) in _RANKS_AFTER):
        return None  # v3: `فلان ولي العهد` is a title, `فلان الأمير` is not; v5: a rank where
        # it is held is (`فلان، اللواء بالجيش الروسي`)
    if ctx.v3:
        found = _compound_after(ctx, found)
    following = ctx.covering.get(_name_follows(ctx, found.next))
    if following is not None and following.entity.type == PER and not (ctx.v5 and (
            _joined_by_and(ctx, following) or _comma_between(ctx, found.end, following.start)
            or _after(ctx, following) is not None)):
        # v5: `فلان، الأمين العام للحزب، وفلان`: the title is still the first's; so it is when
        # the next name has its own title after it (`التقى الدكتور فلان الأمين العام للجامعة
        # العربية فلان المبعوث الخاص ...`)
        return None
    return held_for_sovereign(found) if ctx.v5 else found  # v5: `فلان سفير خادم الحرمين`


def _joined_by_and(ctx: Context, span: Span) -> bool:
    """The mention starts after a `و` glued to its word: another name in a list."""
    return ctx.text[ctx.tokens[span.first].start:span.start] == "و"


def _skip_holds(ctx: Context, j: int) -> int:
    """v5: past `الذي يشغل منصب`, `بصفته` and the like, when they end in `منصب` or `بصفته`."""
    k = j
    while k < len(ctx.tokens) and k - j < _MAX_HOLDS and ctx.word(k) and ctx.folded[k] in _HOLDS:
        if ctx.folded[k] in _HOLDS_ENDS:
            return k + 1
        k += 1
    return j


def _skip_aside(ctx: Context, j: int) -> int:
    """v3: past a short parenthesis that holds no title (`(25 عاما)`, `(عموري)`)."""
    if j >= len(ctx.tokens) or ctx.tokens[j].text != "(":
        return j
    for k in range(j + 1, min(len(ctx.tokens), j + _MAX_ASIDE)):
        if ctx.tokens[k].text == ")":
            inside = range(j + 1, k)
            return j if any(read_title(ctx, i) for i in inside) else _skip_comma(ctx, k + 1)
    return j


def _compound_after(ctx: Context, title: Title) -> Title:
    """v3: `ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية` after a name is one title."""
    for _ in range(_LOOK_BACK):
        k = title.next
        if ctx.v5 and k < len(ctx.tokens) and ctx.tokens[k].text in COMMAS and ctx.joined(k):
            k += 1  # `ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية`: set off by commas
            if not _comma_compounded(ctx, title, k):
                return title
        if not ctx.word(k) or not ctx.joined(k - 1):
            return title
        found = read_title(ctx, k)
        if found is None or found.kind in (COUNTERPART, FIXED) or found.start != ctx.tokens[k].start:
            return title  # `ووزير الدفاع` (a title after و) is a second title: see `_also`
        if title.affiliation is not None:
            return title  # `رئيس الهيئة ... الرئيس الفخري للمنظمة`: two titles, not one
        title = Title(title.kind, f"{title.title} {found.title}",
                      found.affiliation or title.affiliation, title.start, found.end, found.next)
    return title


def _comma_compounded(ctx: Context, title: Title, k: int) -> bool:
    """v5: the title at token k, after a comma, continues the compound before it: the one
    before holds no affiliation of its own (`ولي العهد`, `النائب الثاني لرئيس مجلس الوزراء`),
    the one at k starts with its head (not `و`: a second title, see `_also`), and no name
    follows it (`أمير منطقة عسير، مدير جوازات المنطقة اللواء فلان`: the next person's)."""
    if title.affiliation is not None or not ctx.word(k):
        return False
    found = read_title(ctx, k)
    if found is None or found.kind != "head" or found.start != ctx.tokens[k].start:
        return False
    following = ctx.covering.get(_name_follows(ctx, found.next))
    return following is None or following.entity.type != PER


def _comma_compound_before(ctx: Context, first: int) -> Title | None:
    """v5: `ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية الأمير فلان`: the title that ends
    at a comma right before the one at token `first` starts the compound, when it holds no
    affiliation, no person's name is right before it (whose title it would be) and no meeting
    verb (`استقبل وزير الخارجية، رئيس الوزراء فلان`: a host and his guest)."""
    comma, best = first - 1, None
    if comma < 1 or ctx.tokens[comma].text not in COMMAS or not ctx.joined(comma - 1):
        return None
    for i in range(comma - 1, max(-1, comma - 1 - _LOOK_BACK), -1):
        other = ctx.covering.get(i)
        if not ctx.word(i) or not ctx.joined(i) or (other is not None and other.entity.type == PER):
            break
        found = read_title(ctx, i)
        if found is None or found.next != comma or not _joins(ctx, found) \
                or found.start - ctx.tokens[i].start not in (0, ctx.folded[i].startswith("و")):
            continue  # (`وولي ولي العهد، ...`: a list's next item)
        best = found  # the longest (`ولي ولي العهد`, not `ولي العهد`)
    if best is None or best.affiliation is not None:
        return None
    i = _token_at(ctx, _compounded(ctx, best, _LOOK_BACK))  # where its own compound starts
    before = ctx.covering.get(i - 1)
    if _after_meeting_verb(ctx, i) or (before is not None and before.entity.type == PER):
        return None
    if ctx.word(i - 1) and (ctx.folded[i - 1] in _TO_THE_HONORED or ctx.folded[i - 1] in _OF_WHOM):
        return None  # `الوفد المرافق لسمو ولي ولي العهد، المستشار ... فلان`: whom he goes with
    return best
