"""Read the title phrase next to a person's name: `وزير الدفاع الأمريكي، آشتون كارتر`.

A title phrase is a head from titles.tsv (`وزير`, `منسقة`, `رئيس الوزراء`), its complements
(definite words: `الدفاع`, `العمليات الإنسانية`; a construct `خارجية قطر` reads as
`وزير الخارجية` for قطر), then an affiliation: a nisba adjective (`الأمريكي` → الولايات المتحدة),
`لـ` + an organization or place (`للأمم المتحدة`), `في` + an organization (`في حركة حماس`), or
an organization or place right after the head (`سفير الولايات المتحدة`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from khabar.arabic import Token, fold
from khabar.document import Entity
from khabar.entities.names import (clitic_variants, lam_noun, name_key, skip_letters,
                                   strip_article, surface)
from khabar.entities.nisba import RoleLexicon

COUNTERPART = "counterpart"
FIXED = "fixed"
COMMAS = {"،", ","}
BARRIERS = {".", "!", "?", "؟", ":", "؛", ";", "«", "»", '"', "“", "”", "(", ")", "-", "–"}
# Definite words that never continue a title: relatives, weekdays, time words.
_NOT_COMPLEMENT = {fold(w) for w in (
    "الذي التي الذين اللذين اللتين اللواتي الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة "
    "السبت اليوم الأسبوع الشهر العام الماضي المقبل الآن".split())}
# v5: thanks and wishes conveyed, the object of a verb whose subject was just named: a title
# word alone before them is the subject's family name (`رفع المهندس فلان المخرج الشكر والتقدير
# للأمير فلان`), no title of the name after them
CONVEYED = frozenset(fold(w) for w in (
    "الشكر التقدير التهنئة التهاني التعازي العزاء الامتنان").split())
# Nouns that start an organization's name (`رئيس حركة حماس`): part of the affiliation.
_ORG_NOUNS = {fold(w) for w in "حركة حزب تنظيم جماعة منظمة وزارة هيئة مجلس جبهة وكالة شركة".split()}
# Bodies a definite head noun refers back to (`للمنظمة`, `الجامعة`), entities.roles.v2 only.
_BODY_NOUNS = _ORG_NOUNS | {fold(w) for w in "جامعة اتحاد جمعية مؤسسة لجنة".split()}
# Particles that end a title phrase even when the next word is definite or a name.
_PARTICLES = {fold(w) for w in (
    "في من على إلى الى عن مع أن إن بين عند لدى منذ حول ضد قبل بعد أمام بأن لأن كأن وأن وإن فإن "
    "أنه إنه بأنه لكن كما حيث").split()}
# A word that starts with one of these is a new phrase (`والمدير`, `بالوزارة`), not a complement.
_JOINED_PREFIXES = ("وال", "فال", "بال", "كال", "لل")
_MAX_COMPLEMENTS = 4
# entities.roles.v3 reads longer titles: `مدير إدارة العلاقات العامة والإعلام والتوعية الصحية`.
_MAX_COMPLEMENTS_V3 = 7
# A dual title shared by coordinated names (`الوزيرين المصري فلان والأردني فلان`): its singular.
DUALS = {fold(k): v for k, v in (
    ("الوزيرين", "وزير"), ("وزيري", "وزير"), ("الرئيسين", "الرئيس"), ("الوزيرتين", "وزيرة"),
    ("السفيرين", "السفير"), ("وزيرا", "وزير"), ("وزيرتا", "وزيرة"), ("الوزيران", "وزير"),
    ("الرئيسان", "الرئيس"), ("السفيران", "السفير"))}
# v3: words that end a title phrase (`باسم` and `لدى` introduce the affiliation, `صاحب السمو`
# an honorific), and pronoun suffixes, which no noun in a construct chain carries.
_V3_STOPS = {fold(w) for w in "باسم لدى صاحب صاحبة".split()}
_PRONOUNS = ("ها", "هم", "هما", "كم", "هن")
_CONNECTORS_V3 = {fold(w) for w in "باسم لدى".split()}
# Epithets that stay with a place's name when the tagger leaves them out (`مكة المكرمة`).
EPITHETS = {fold(w) for w in "المكرمة المنورة".split()}
# v5: heads read with a possessive pronoun (`رئيسها`, `مدربه`), whose antecedent is their
# affiliation; players' positions (`مهاجمه`) are no titles
_POSSESSED_HEADS = {fold(w) for w in (
    "رئيس رئيسة مدير مديرة قائد قائدة نائب أمين أمينة مستشار مستشارة سفير سفيرة زعيم مدرب "
    "متحدث متحدثة").split()}
_POSSESSIVES = ("هما", "هم", "ها", "ه")
# v5: the portfolios and the government a head's complement with a pronoun names
# (`وزير خارجيتها`, `رئيس حكومته`), and the heads they complete
_POSSESSED_COMPLEMENTS = {fold(w) for w in (
    "خارجية داخلية دفاع وزراء مالية عدل إعلام اقتصاد تجارة طاقة نفط صحة تعليم حكومة").split()}
_COMPLEMENTED_HEADS = {fold(w) for w in "وزير وزيرة رئيس رئيسة".split()}
_COMPLEMENTED_ENDINGS = tuple(_COMPLEMENTED_HEADS)  # a quick test before the proclitics'
_TANWEEN = ("\u064b", "\u064c", "\u064d")  # v5: the marks of an indefinite ending
_NUMBER_WORDS = {fold(w) for w in (
    "اثنين اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثماني ثمانية تسع تسعة عشر "
    "عشرة عشرين ثلاثين مئة مائة ألف آلاف").split()}
_GENERAL = {fold(w) for w in "العام العامة".split()}  # v5: the general (`المنسق العام`)
# v5: `affiliated to` between a title and the body it is held for (`التابع لجماعة الحوثي`)
_AFFILIATED = {fold(w) for w in (
    "التابع التابعة التابعين التابعون المنتمي المنتمية").split()}
# v5: spokespersons, and `باسم` (in the name of) that a pronoun may follow (`الناطق باسمها`)
_SPOKESPERSONS = {fold(w) for w in "المتحدث المتحدثة الناطق الناطقة متحدث متحدثة ناطق".split()}
_SPOKESPERSON_ENDINGS = tuple(_SPOKESPERSONS)
_OFFICIAL_WORDS = {fold(w) for w in "الرسمي الرسمية".split()}
_IN_THE_NAME_OF = fold("باسم")
_HEAD_MODIFIERS = {fold(w) for w in "العام العامة التنفيذي التنفيذية الفني الأول".split()}
_ANTECEDENT_REACH = 25
_SENTENCE_ENDS = {".", "!", "?", "؟"}
# v5: `أمين` heads a title only before a place it is the mayor of (it is also a given name)
_MAYORS = {fold(w) for w in "أمين أمينة".split()}
# v5: the bodies `أمين` is the secretary (or treasurer) of, with or without `ال`
_SECRETARY_OF = {fold(w) for w in (
    "مجلس جمعية لجنة صندوق سر هيئة غرفة اتحاد نادي جائزة مكتبة متحف").split()}
_MAYOR_SEATS = {fold(w) for w in "المنطقة المحافظة العاصمة المدينة".split()}
# v5: `إمام` (a mosque's imam) as written, with its hamza below: folded it is `أمام` (before),
# which titles_v5.tsv leaves out for that; with the proclitics it takes (`وإمام`, `لإمام`)
_IMAM = frozenset(prefix + "إمام" for prefix in ("", "و", "ل", "ول", "ب"))
# Head nouns of a body that a title is held in (`المدير التنفيذي لنادي الطيران`), v3.
BODY_HEADS = _BODY_NOUNS | {fold(w) for w in (
    "نادي شركة بنك مركز مستشفى صندوق برنامج مكتب إدارة مديرية بلدية أمانة قيادة كلية معهد "
    "مجموعة مصرف بعثة مرصد").split()}
_NAMED_HEADS = BODY_HEADS | {fold(w) for w in "فريق منتخب".split()}  # v5: heads of a name
_MAX_BODY_WORDS = 4
_MAX_BODY_WORDS_V4 = 8  # `للحملة الوطنية السعودية لنصرة الأشقاء`
# A player's position is no title (`لاعب الوسط`); his club is (`لاعب النصر`).
_PLAYERS = {fold(w) for w in "لاعب اللاعب".split()}
_POSITIONS = {fold(w) for w in "الوسط المحور الارتكاز الهجوم الدفاع الجناح".split()}
# v5: a position as the head (titles_v5.tsv), a title only with the club it is played for
# (`مدافع نادي الشباب`), never alone or with a nationality (`المهاجم السوري`)
_POSITION_HEADS = {fold(w) for w in "مهاجم المهاجم مدافع المدافع حارس الحارس".split()}
# (`مدافع` is also cannons: `مدافع الميليشيات الحوثية`, `مدافع الجيش`; no club's name starts so)
_ARMED = {fold(w) for w in "الميليشيات ميليشيات المليشيات مليشيات الجيش جيش قوات القوات".split()}
# Nouns of a region's authority: `مدير الشؤون الصحية بمنطقة جازان` is held for that region (v3).
REGION_NOUNS = {fold(w) for w in "منطقة محافظة مدينة ولاية إقليم مقاطعة قطاع".split()}
# `وزير الخارجية بجمهورية مصر العربية`: the state's noun before its name (entities.roles.v2).
STATE_NOUNS = {fold(w) for w in "جمهورية دولة مملكة المملكة إمارة سلطنة".split()}
# v5: the heads of bodies and places whose next word names them, tagged or not (`جمعية إبصار`,
# `محافظة الأفلاج`): a title's phrase may run through them to the name (attach.py).
UNTAGGED_HEADS = BODY_HEADS | REGION_NOUNS | STATE_NOUNS | {fold(w) for w in (
    "مدرسة جريدة صحيفة مجلة قناة وكالة هيئة مجلس وزارة "
    # a region's services named by their field (`مدير تعليم محافظة حفر الباطن`, `مدير عام جمرك
    # سلوى`)
    "تعليم صحة شرطة جوازات مرور جمرك").split()}
# v5: heads after which `في` + a place is no affiliation (`_held_in`): diplomats, who are sent
# there, and a state's offices (`وزير`, `ولي العهد`, `الملك`), whose town after `في` is where
# something happened; a country after them is theirs (`وزير الإعلام في بوركينا فاسو`)
_DIPLOMATS = {fold(w) for w in "سفير سفيرة ملحق قنصل قنصلة مندوب مندوبة مبعوث مبعوثة".split()}
_STATE_OFFICES = {fold(w) for w in "وزير وزيرة ولي ملك ملكة أمير رئيس رئيسة".split()}
_MISSIONS = {fold(w) for w in "سفارة قنصلية بعثة ملحقية".split()}  # a state's missions abroad
# A state office's complement that names a local body (`رئيس الشرطة في دبي`, `رئيس بلدية ...`):
# the place after `في` is where that body is, so the title is held there; but not the state's
# own councils and government (`رئيس مجلس الوزراء في جدة` is where he was)
_LOCAL_BODIES = BODY_HEADS | {fold(w) for w in "شرطة محكمة غرفة نيابة".split()}
_STATE_BODIES = {fold(w) for w in (
    "الوزراء الحكومة الجمهورية الدولة الشورى النواب الشعب الأمة الأعيان البرلمان الكونغرس "
    "الكونجرس الشيوخ").split()}
# A ruler named by an epithet stands for his country in a title (`سفير خادم الحرمين الشريفين`).
_SOVEREIGNS = {tuple(fold(w) for w in "خادم الحرمين الشريفين".split()): "السعودية"}
# Honorifics and ranks: a title only when the article gives no other (docs/annotation-entities.md).
# entities.roles.v2 reads past them between a title and its name (`ولي العهد الأمير محمد`).
RANKS = {fold(w) for w in (
    "اللواء العميد العقيد المقدم الرائد النقيب الملازم الرقيب الفريق المشير الجنرال الأدميرال "
    "الكولونيل الكابتن").split()}
HONORIFICS = {fold(w) for w in (
    "الملك الملكة الأمير الأميرة الشيخ الشيخة السلطان السيد السيدة الدكتور الدكتورة المهندس "
    "المهندسة الأستاذ الأستاذة البروفيسور الإمام البابا الحاج الحاجة معالي سعادة فخامة سمو"
).split()} | RANKS
# Heads of a relation that, in construct with a person's name, is someone else's (`محامي ترامب`,
# `مساعد فلان`): the person's counsel or aide (as written; khabar.entities.attach and, for who
# speaks for a person, khabar.quotes.speakers)
COUNSEL_AND_AIDES = ("محامي", "محامية", "وكيل", "وكيلة", "مساعد", "مساعدة")


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase read at some token: what it says and which tokens it covers."""

    kind: str
    title: str
    affiliation: str | None
    start: int  # character offsets of the phrase
    end: int
    next: int  # index of the first token after the phrase
    # v3: the affiliations of the next coordinated names (`وزيرا خارجية مصر والأردن`)
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A mention as token indices, with its entity."""

    entity: Entity
    first: int
    last: int
    start: int  # character offset where the mention starts (inside token `first`)
    seated: bool = False  # v5: an organization read with the place where it sits, up to `last`


@dataclass
class Context:
    """One article's tokens, folded tokens, and which entity mention covers each token."""

    text: str
    tokens: list[Token]
    folded: list[str]
    covering: dict[int, Span]  # token index → the mention over it (the first one, if several)
    lexicon: RoleLexicon
    spans: list[Span]  # every mention
    version: int = 1  # 2: honorifics, quotes and modifiers; 3: the rest of issue 14; 4: bodies
    # with a place in their name, regions named by their noun
    bodies: dict[str, set[str]] | None = None  # head noun → ORG names with it (`named_body`)
    # token index → the title phrase read there: the look-back of every name reads the same
    # tokens again, and a page full of names would read each of them a dozen times
    read: dict[int, Title | None] = field(default_factory=dict)
    extended: bool = field(init=False)  # entities.roles.v2 and later
    v3: bool = field(init=False)  # entities.roles.v3
    v4: bool = field(init=False)  # entities.roles.v4
    v5: bool = field(init=False)  # entities.roles.v5

    def __post_init__(self) -> None:
        # plain attributes, not properties: every token of a title's look-back reads them
        self.extended = self.version >= 2
        self.v3 = self.version >= 3
        self.v4 = self.version >= 4
        self.v5 = self.version >= 5

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].kind == "word"

    def joined(self, i: int) -> bool:
        """True when tokens i and i+1 are on the same line."""
        return "\n" not in self.text[self.tokens[i].end:self.tokens[i + 1].start]

    def entity_at(self, i: int, *, types=("ORG", "LOC", "MISC")) -> Span | None:
        span = self.covering.get(i)
        return span if span is not None and span.entity.type in types else None


@dataclass
class _Phrase:
    """A title phrase while it is read: its words, affiliation, end offset and next token."""

    kind: str
    words: list[str]
    start: int
    end: int
    next: int
    affiliation: str | None = None
    others: tuple[str, ...] = ()

    def take(self, ctx: Context, last: int, affiliation: str | None = None) -> None:
        """Extend the phrase through token `last`, possibly with its affiliation."""
        self.next, self.end = last + 1, ctx.tokens[last].end
        if affiliation is not None:
            self.affiliation = affiliation


# a title head never ends in alef maksura written so, nor with the hamza of `إلى` (to)
_TO_SPELLED = ("والى", "وإلى")


def read_title(ctx: Context, i: int) -> Title | None:
    """The title phrase starting at token i, if a title head starts there."""
    if i not in ctx.read:
        ctx.read[i] = _read_title(ctx, i)
    return ctx.read[i]


def _read_title(ctx: Context, i: int) -> Title | None:
    phrase = _head_at(ctx, i)
    if phrase is None or ctx.tokens[i].text.endswith(_TO_SPELLED):
        return None  # `والى صاحب السمو`, `رحل إلى فارس وإلى الشام`: `و` + `إلى` (and to), which
        # folds like `والي` (governor)
    if phrase.kind not in (COUNTERPART, FIXED):
        _complements(ctx, phrase)
    if ctx.v5 and ctx.word(phrase.next) and ctx.folded[phrase.next] in CONVEYED \
            and phrase.next == i + 1:
        return None  # `فلان المخرج الشكر`: a family name before the thanks its bearer conveys
        # (a title of more words keeps them: `فلان أمير منطقة المدينة الشكر`)
    return _finished(ctx, phrase)


def _finished(ctx: Context, phrase: _Phrase) -> Title | None:
    """The title a phrase read up to its complements makes: its affiliation read after it."""
    if phrase.affiliation is None:
        _affiliation(ctx, phrase)
    if ctx.v3 and phrase.affiliation is None and phrase.kind == "head" and ctx.word(phrase.next):
        j = phrase.next
        body = _untagged_body(ctx, j)
        if body is not None and body[0] == j and ctx.folded[j].startswith("لل") and ctx.v5 \
                and ctx.folded[j][2:] in BODY_HEADS:
            # v5: `المتحدث الرسمي للأمانة`: a body named by its head alone is where the title is
            # held (the one the article names so, or the head itself), not part of the title
            phrase.take(ctx, j, named_body(ctx, ctx.folded[j]) or body[1])
        elif body is not None and body[0] == j and ctx.folded[j].startswith("لل"):
            phrase.words.append(ctx.tokens[j].text)  # `المدير العام للتعليم`: one word, a field
            phrase.take(ctx, j)
            _affiliation(ctx, phrase)
        elif body is not None:
            phrase.take(ctx, body[0], body[1])
    if ctx.v5 and phrase.affiliation is None and phrase.kind == "head" and len(phrase.words) > 1:
        _body_named_by_head(ctx, phrase)
    if ctx.v3 and _position(phrase.words):
        return None  # `لاعب الوسط`: a player's position, no title (docs/annotation-entities.md)
    if ctx.v5 and _head_word(phrase) in _POSITION_HEADS and (
            phrase.affiliation is None or name_key(phrase.affiliation) in ctx.lexicon.countries
            or fold(phrase.affiliation.split()[0]) in _ARMED):
        return None
    if ctx.v3 and phrase.affiliation is not None:
        phrase.affiliation = _without_honorific(phrase.affiliation)
        if _head_word(phrase) in DUALS:
            _coordinated_affiliations(ctx, phrase)
    title = " ".join(phrase.words)
    if ctx.v5 and phrase.affiliation is not None and fold(title).endswith(" " + _IN_THE_NAME_OF):
        title = title[:title.rindex(" ")]  # `المتحدث باسم الوزارة`: title `المتحدث`, guidelines
    return Title(phrase.kind, title, phrase.affiliation, phrase.start, phrase.end,
                 phrase.next, phrase.others)


def _body_named_by_head(ctx: Context, phrase: _Phrase) -> None:
    """v5: `رئيس الاتحاد`, `مدير الشركة`: a title's last word, a body's definite head alone,
    is the one body of that head the article names (`الاتحاد الألماني للصلب`): the title's
    affiliation, no word of the title (annotation guidelines: `الأمين العام للمنظمة`)."""
    last = phrase.words[-1]
    if " " in last:
        return
    named = named_body(ctx, fold(last), BODY_HEADS)
    if named is not None:
        phrase.words.pop()
        phrase.affiliation = named


# v5: an appointment's noun or verb, whose object takes the title told after it in the
# accusative (`تعيين فلان رئيسًا للهيئة`, `انتخاب فلان رئيسا للولايات المتحدة`); a nomination
# (`ترشيح`) holds nothing yet.
APPOINTING = {prefix + fold(w) for prefix in ("", "و", "ب", "وب", "ف")
              for w in "تعيين تكليف اختيار انتخاب تسمية عين كلف اختار انتخب سمى".split()}
# accusative endings of an indefinite noun (`رئيسًا`, `رئيساً`, `رئيسا`), the tanween before
# or after the alef
_ACCUSATIVE = ("\u064bا", "ا\u064b", "ا")
# accusative adjectives that say when, not which (`محافظًا جديدًا`)
_APPOINTED_WHEN = {fold(w) for w in "جديدا جديدة مؤقتا مؤقتة".split()}
# heads told in the accusative that say in what capacity, not which post (`ممثلًا عن الوزارة`)
_CAPACITIES = {fold(w) for w in "ممثل ممثلة".split()}


def read_appointed(ctx: Context, i: int) -> Title | None:
    """v5: the title told in the accusative at token i after an appointment's object
    (`... رئيسًا للهيئة العامة للطيران المدني`, `وزيرًا للخارجية`, `وليًا لولي العهد`,
    `نائبًا لرئيس مجلس الوزراء`): the head without its ending, `لـ` + a noun of the title
    read as its complement in construct (`للخارجية` → `وزير الخارجية`), and the affiliation
    after it as after any title (`للهيئة` + the body, `لمحافظة لحج`)."""
    head = _accusative_head(ctx, i)
    if head is None:
        return None
    token = ctx.tokens[i]
    phrase = _Phrase("head", [head], token.start, token.end, i + 1)
    while ctx.word(phrase.next) and phrase.next not in ctx.covering:
        adjective = _accusative_head(ctx, phrase.next, adjective=True)
        if adjective is None:
            break  # `رئيسًا تنفيذيًا`: `الرئيس التنفيذي`; `محافظًا جديدًا`: when, not which
        if fold(adjective) + "ا" not in _APPOINTED_WHEN:
            phrase.words.append(adjective)
        phrase.take(ctx, phrase.next)
    j = phrase.next
    folded = ctx.folded[j] if ctx.word(j) else ""
    if folded.startswith("ل") and folded[1:] in ctx.lexicon.first_words and j not in ctx.covering \
            and (sub := read_title(ctx, j)) is not None and sub.start == ctx.tokens[j].start + 1:
        # `نائبًا لرئيس مجلس الوزراء`, `وليًا لولي العهد`, `مستشارًا لخادم الحرمين الشريفين`
        phrase.words.append(sub.title)
        phrase.take(ctx, sub.next - 1, sub.affiliation)
        return _finished(ctx, phrase)
    if folded.startswith("لل") and j not in ctx.covering and len(folded) > 4 \
            and not _nisba_at(ctx, j) and "ال" + folded[2:] not in _NOT_COMPLEMENT:
        # `وزيرًا للخارجية`, `وليًا للعهد`: the field is the title's complement, unless it
        # names the affiliation (a body the article names with that head: `للهيئة`)
        if len(phrase.words) == 1 and folded[2:] not in BODY_HEADS | REGION_NOUNS:
            word = ctx.tokens[j].text[2:]  # `للواء`: ل + `اللواء`, a noun that starts with ل
            phrase.words.append(("الل" if lam_noun(word) else "ال") + word)
            phrase.take(ctx, j)
        else:  # `للشركة`: the one company the article names, or a body it does not name
            phrase.take(ctx, j, named_body(ctx, folded))
    elif folded.startswith("ل") and not folded.startswith("لل") and j not in ctx.covering \
            and marker(ctx, j) is None and folded[1:] not in ctx.lexicon.first_words \
            and len(folded) > 3 and ctx.word(j + 1):
        # `مديرًا لمكتب الوزير`, `رئيسًا لتحرير صحيفة`: the noun after ل in construct
        phrase.words.append(ctx.tokens[j].text[1:])
        phrase.take(ctx, j)
    elif folded.startswith("و") and not folded.startswith("وال"):
        return _finished(ctx, phrase)  # `فلان عضوا وفلان عضوا`: the next of a list, no complement
    _complements(ctx, phrase)
    return _finished(ctx, phrase)


def _accusative_head(ctx: Context, i: int, *, adjective: bool = False) -> str | None:
    """The word at token i without its accusative ending, where it is a title head (or, with
    `adjective`, any word: `تنفيذيًا` → `تنفيذي`); None otherwise."""
    if not ctx.word(i) or i in ctx.covering:
        return None
    written = ctx.tokens[i].text
    for ending in _ACCUSATIVE:
        if written.endswith(ending) and len(written) > len(ending) + 2:
            bare = written[:-len(ending)]
            if adjective:
                folded = fold(bare)
                return bare if folded.endswith("ي") or "ال" + folded in _GENERAL \
                    or folded + "ا" in _APPOINTED_WHEN else None
            return bare if fold(bare) in ctx.lexicon.first_words \
                and fold(bare) not in _CAPACITIES else None
    return None


def held_for_sovereign(title: Title) -> Title:
    """v4: `سفير خادم الحرمين الشريفين`: a title held for a ruler named by his epithet is held
    for his country (the ambassador of Saudi Arabia); the ruler's own title stays whole."""
    words = title.title.split()
    for epithet, country in _SOVEREIGNS.items():
        size = len(epithet)
        if title.affiliation is None and len(words) > size and (
                tuple(fold(w) for w in words[-size:]) == epithet):
            return dataclasses.replace(title, title=" ".join(words[:-size]), affiliation=country)
    return title


def _head_at(ctx: Context, i: int) -> _Phrase | None:
    if not ctx.word(i) or i in ctx.covering:
        return None
    if ctx.v5:
        possessed = (_possessed_head(ctx, i) or _possessed_complement(ctx, i)
                     or _spokesperson_of(ctx, i))
        if possessed is not None:
            return possessed
    titles = ctx.lexicon.titles
    heads = [(n, w) for n, w in clitic_variants(ctx.folded[i]) if w in ctx.lexicon.first_words]
    for size in range(min(ctx.lexicon.longest_title, len(ctx.tokens) - i) if heads else 0, 0, -1):
        if not all(ctx.word(k) and ctx.joined(k - 1) for k in range(i + 1, i + size)):
            continue
        rest = tuple(ctx.folded[i + 1:i + size])
        for stripped, first in heads:
            kind = titles.get((first,) + rest)
            if kind is not None:  # `بنظيره`, `للرئيس`: the title without its proclitic
                start = ctx.tokens[i].start + skip_letters(ctx.tokens[i].text, stripped)
                end = ctx.tokens[i + size - 1].end
                return _Phrase(kind, [surface(ctx.text, start, end)], start, end, i + size)
    if ctx.v5 and ctx.tokens[i].text in _IMAM and ctx.joined(i) and ctx.word(i + 1) and (
            ctx.folded[i + 1].startswith("ال") or i + 1 in ctx.covering):
        token = ctx.tokens[i]  # `إمام الحرم المكي`, `إمام جامع ...`: the imam of a mosque
        start = token.end - len("إمام")
        return _Phrase("head", [ctx.text[start:token.end]], start, token.end, i + 1)
    if ctx.v5 and ctx.folded[i].removeprefix("و") in _MAYORS and ctx.joined(i):
        token = ctx.tokens[i]  # `أمين جدة`, `وأمين الطائف`: the mayor of a city
        start = token.start + (len(token.text) - len(token.text.removeprefix("و")))
        if ctx.entity_at(i + 1, types=("LOC",)) is not None and ctx.covering[i + 1].first == i + 1:
            return _Phrase("head", [ctx.text[start:token.end]], start, token.end, i + 1)
        if ctx.word(i + 1) and i + 1 not in ctx.covering and ctx.folded[i + 1] in _MAYOR_SEATS:
            end = ctx.tokens[i + 1].end  # `أمين المنطقة`, `أمين العاصمة`
            return _Phrase("head", [ctx.text[start:end]], start, end, i + 2)
        if ctx.word(i + 1) and strip_article(ctx.folded[i + 1]) in _SECRETARY_OF and (
                i + 1 not in ctx.covering or ctx.covering[i + 1].first == i + 1):
            # `أمين مجلس التنمية`, `وأمين الصندوق`, `أمين سر اللجنة`: the secretary of a body
            return _Phrase("head", [ctx.text[start:token.end]], start, token.end, i + 1)
    return None


def _possessed_head(ctx: Context, i: int) -> _Phrase | None:
    """v5: a head with a possessive pronoun (`رئيسها التنفيذي`, `ونائبه`, `مديرها العام`):
    the bare head is the title, held in the place or body the pronoun refers to, the nearest
    one named before it in the sentence (`فرنسا والتي قال رئيسها ماكرون`). For `ه` a person
    named nearer is the one referred to (`مورينيو ... مدربه`): no affiliation is read then.
    The pronoun is told by the written word: `ه`, never the `ة` of a feminine head."""
    if not ctx.word(i):
        return None
    token = ctx.tokens[i]
    suffix = _possessive(token.text)
    if suffix is None:
        return None
    # the pronoun's letters fold to themselves: the folded word less them is the folded stem
    for stripped, word in clitic_variants(ctx.folded[i][:-len(suffix)]):
        if word not in _POSSESSED_HEADS:
            continue
        start = token.start + skip_letters(token.text, stripped)
        phrase = _Phrase("head", [ctx.text[start:token.end - len(suffix)]], start, token.end,
                         i + 1)
        while ctx.word(phrase.next) and phrase.next not in ctx.covering \
                and ctx.folded[phrase.next] in _HEAD_MODIFIERS:
            phrase.words.append(ctx.tokens[phrase.next].text)  # `مديرها العام`
            phrase.take(ctx, phrase.next)
        phrase.affiliation = _antecedent(ctx, i, masculine=suffix == "ه")
        return phrase
    return None


def _possessive(word: str) -> str | None:
    """The possessive pronoun a written word ends in (`ها` of `رئيسها`), or None."""
    return next((p for p in _POSSESSIVES if word.endswith(p)), None)


def _possessed_complement(ctx: Context, i: int) -> _Phrase | None:
    """v5: a head whose complement has a possessive pronoun (`وزير خارجيتها`, `ووزير دفاعه`,
    `رئيس حكومته`): the title is the head with the complement made definite (`وزير
    الخارجية`), held in the place or body the pronoun refers to, the nearest one named before
    it in the sentence (`إيران ... وزير خارجيتها`); none when a person is named nearer (`ترامب
    ... وزير خارجيته`)."""
    k = i + 1
    if not ctx.folded[i].endswith(_COMPLEMENTED_ENDINGS) or not (ctx.word(k) and ctx.joined(i)) \
            or k in ctx.covering:
        return None
    token = ctx.tokens[k]
    suffix = _possessive(token.text)
    if suffix is None:
        return None
    stem = token.text[:-len(suffix)]
    stem = stem[:-1] + {"ت": "ة", "ئ": "ء"}.get(stem[-1], stem[-1]) if stem else stem
    if fold(stem) not in _POSSESSED_COMPLEMENTS:
        return None
    for stripped, first in clitic_variants(ctx.folded[i]):
        if first not in _COMPLEMENTED_HEADS:
            continue
        head = ctx.tokens[i]
        start = head.start + skip_letters(head.text, stripped)
        title = f"{ctx.text[start:head.end]} ال{stem}"
        return _Phrase("head", [title], start, token.end, k + 1,
                       affiliation=_antecedent(ctx, i, masculine=False, persons=True))
    return None


def _spokesperson_of(ctx: Context, i: int) -> _Phrase | None:
    """v5: a spokesperson for a body the pronoun refers to (`الناطق باسمها`, `المتحدث الرسمي
    باسمه`): the phrase `الناطق باسم`, held in the body or place named nearest before it in
    the sentence (`وزارة الداخلية في غزة ... واكتفى الناطق باسمها فلان`: a body first); with
    that affiliation found, the title is `الناطق` (`_read_title`)."""
    if not ctx.word(i) or not ctx.folded[i].endswith(_SPOKESPERSON_ENDINGS) \
            or all(w not in _SPOKESPERSONS for _, w in clitic_variants(ctx.folded[i])):
        return None
    k = i + 1
    if ctx.word(k) and k not in ctx.covering and ctx.folded[k] in _OFFICIAL_WORDS:
        k += 1  # `الرسمي`
    if not (ctx.word(k) and k not in ctx.covering and ctx.joined(k - 1)):
        return None
    token = ctx.tokens[k]
    suffix = _possessive(token.text)
    if suffix is None or fold(token.text[:-len(suffix)]) != _IN_THE_NAME_OF:
        return None
    stripped = next(n for n, w in clitic_variants(ctx.folded[i]) if w in _SPOKESPERSONS)
    start = ctx.tokens[i].start + skip_letters(ctx.tokens[i].text, stripped)
    title = ctx.text[start:token.end - len(suffix)]
    return _Phrase("head", [title], start, token.end, k + 1,
                   affiliation=_antecedent(ctx, i, masculine=True, persons=True)
                   or _antecedent(ctx, i, masculine=False, persons=True))


def _antecedent(ctx: Context, i: int, *, masculine: bool, persons: bool = False) -> str | None:
    """The name of the nearest organization (or, for a feminine pronoun, place: `فرنسا ...
    رئيسها`) before token i in its sentence; a masculine one is a club or a body (`النصر ...
    قائده`), not the country named for a nationality."""
    for k in range(i - 1, max(-1, i - 1 - _ANTECEDENT_REACH), -1):
        if ctx.tokens[k].text in _SENTENCE_ENDS:
            return None
        span = ctx.covering.get(k)
        if span is None:
            continue
        if span.entity.type == "ORG" or (span.entity.type == "LOC" and not masculine):
            return span.entity.name
        if span.entity.type == "PER" and (masculine or persons):
            return None
    return None


def _complements(ctx: Context, phrase: _Phrase) -> None:
    """Add the definite words (and construct nouns) that complete a title head."""
    for _ in range(_MAX_COMPLEMENTS_V3 if ctx.v3 else _MAX_COMPLEMENTS):
        j = phrase.next
        if ctx.v3 and len(phrase.words) > 1 and _joined_complement(ctx, j):
            phrase.words.append(ctx.tokens[j].text)  # `وزير الثقافة والإعلام`
            phrase.take(ctx, j)
            continue
        if ctx.v3 and _title_of_whom(ctx, phrase, j):
            return
        if ctx.v5 and ctx.word(j) and ctx.folded[j] in _AFFILIATED and j not in ctx.covering \
                and ctx.word(j + 1) and ctx.folded[j + 1][:1] == "ل":
            phrase.take(ctx, j)  # `محافظ شبوة التابع لجماعة الحوثي`: the body after it is the
            return  # affiliation, `التابع` (affiliated to) no word of the title
        if ctx.v5 and _general(ctx, phrase, j):
            phrase.words.append(ctx.tokens[j].text)  # `المنسق العام`, `مدير الأمن العام`
            phrase.take(ctx, j)
            continue
        if not _complement_word(ctx, j):
            return
        if ctx.v3 and len(phrase.words) > 1 and ctx.folded[j].startswith("ب"):
            return  # `مدير التسويق بمجموعة ...`: where the title is held
        folded = ctx.folded[j]
        if folded in _ORG_NOUNS and ctx.entity_at(j + 1) is not None:
            return  # `رئيس حركة حماس`: the organization is the affiliation
        if ctx.v5 and folded in STATE_NOUNS and (state := _state_named(ctx, j)) is not None:
            phrase.take(ctx, state, surface(ctx.text, ctx.tokens[j].start, ctx.tokens[state].end))
            return  # `سفير جمهورية مصر العربية`: the state, named with its noun, is the affiliation
        if folded.startswith("ال"):
            phrase.words.append(ctx.tokens[j].text)
            phrase.take(ctx, j)
            continue
        if ctx.v5 and folded.startswith("و") and _ends_definite(phrase) and not (
                folded[1:] in _JOINED_PORTFOLIOS and ctx.word(j + 1) and j + 1 not in ctx.covering
                and ctx.folded[j + 1].startswith("ال")):
            return  # `مدير الفريق الأول وعلي السبع`: after a definite word, و joins another
            # item; not a portfolio in construct (`وزير الخارجية وشؤون المغتربين`)
        chain = _construct_chain(ctx, j)
        if chain is None:
            return
        last, span = chain
        for k in range(j, last + 1):
            definite = span is not None and k == last  # وزير خارجية قطر → وزير الخارجية
            phrase.words.append(("ال" if definite else "") + ctx.tokens[k].text)
        if span is not None:
            phrase.take(ctx, span.last, span.entity.name)
            return
        phrase.take(ctx, last)


# v5: `ل` + the verbal noun of an errand after a title (`لعرض`, `لبحث`, `لافتتاح`): a purpose,
# never a portfolio (those are fields: `لشؤون`, `لرعاية الشباب`, `لمكافحة الفساد`)
_ERRANDS = frozenset(fold(w) for w in (
    "لعرض لبحث لمناقشة لحضور لزيارة لافتتاح لتدشين لتوقيع لتسليم لاستقبال لتهنئة لتعزية "
    "لتكريم لتقديم لإلقاء لاستعراض لتفقد").split())
# v5: nouns of a portfolio joined by و in construct after a definite one (`وزير الخارجية
# وشؤون المغتربين`, `وزير الصناعة وتنمية الصادرات`, `أستاذ العلوم السياسية وإدارة الأزمات`)
_JOINED_PORTFOLIOS = frozenset(fold(w) for w in "شؤون شئون تنمية حماية تطوير تخطيط إدارة".split())
# v5: all of, to all of (`وزير الداخلية لكافة منسوبي الدفاع المدني`): whom something is
# conveyed to, never a word of a title
_ALL_OF = frozenset(fold(w) for w in "كافة لكافة جميع لجميع لكل".split())


def _state_named(ctx: Context, j: int) -> int | None:
    """v5: the last token of the place named right after the state noun at token j
    (`جمهورية مصر العربية`, `المملكة الأردنية الهاشمية` with only `الأردنية` read), or None."""
    span = ctx.entity_at(j + 1, types=("LOC",))
    if span is not None and span.first == j + 1:
        return entity_end(ctx, span)
    k = j + 1  # `المملكة الأردنية الهاشمية`: its adjectives, a nisba first
    while ctx.word(k) and k not in ctx.covering and ctx.folded[k].startswith("ال") \
            and ctx.folded[k].endswith("يه") and k - j <= 2:
        k += 1
    return k - 1 if k - 1 > j and _nisba_at(ctx, j + 1) is not None else None


def _ends_definite(phrase: _Phrase) -> bool:
    """The phrase read so far ends in a definite word (`مدير الفريق الأول`)."""
    return fold(phrase.words[-1].split()[-1]).startswith("ال")


def _general(ctx: Context, phrase: _Phrase, j: int) -> bool:
    """v5: `العام`, `العامة` after a definite word of the title is its adjective (the general
    coordinator, public security), not the year, unless a time word follows (`العام الماضي`);
    also inside a body whose head the title took (`رئيس هيئة الأركان العامة`)."""
    inside = j in ctx.covering and ctx.covering[j].first < j  # the title took the body's head
    return (ctx.word(j) and (j not in ctx.covering or inside) and ctx.folded[j] in _GENERAL
            and _ends_definite(phrase)
            and not (ctx.word(j + 1) and ctx.folded[j + 1] in _NOT_COMPLEMENT))


def _complement_word(ctx: Context, j: int) -> bool:
    """True when token j may continue a title: a word, not a name, particle, nisba or new phrase."""
    if not ctx.word(j) or j in ctx.covering:
        return False
    folded = ctx.folded[j]
    if ctx.extended and (folded in HONORIFICS or folded[1:] in STATE_NOUNS):
        return False  # `رئيسة البرنامج الأستاذة نورة`: the honorific starts the name
    if ctx.v3 and (_linked_title(ctx, j) or marker(ctx, j) is not None or folded in _V3_STOPS
                   or _starts_title(ctx, j)
                   or (folded.startswith("وا") and not folded.startswith("وال")
                       and not (ctx.v5 and folded[1:] in _JOINED_PORTFOLIOS))
                   or (folded.endswith(_PRONOUNS) and not folded.startswith("ال"))):
        return False  # `وعضو مجلس الوزراء` is a second title, `بمنطقة جازان` says where,
        # `وأصدق` joins a new phrase, a noun with a pronoun (`بقائدها`) ends a construct
    if ctx.v5 and (folded in _ERRANDS or folded in CONVEYED or folded in _ALL_OF):
        return False  # `وزير الدفاع لعرض الصورة`: what the holder came for, no word of a title
    return not (_nisba_at(ctx, j) or folded in _NOT_COMPLEMENT or folded in _PARTICLES
                or folded.startswith(_JOINED_PREFIXES) or len(folded) < 3
                or (folded[0] in "بل" and folded[1:] in _ORG_NOUNS))  # `بوزارة`: where, not what


def _joined_complement(ctx: Context, j: int) -> bool:
    """v3: `والإعلام` after `وزير الثقافة`, a definite word joined by و that is no title,
    nisba, honorific or time word."""
    if not ctx.word(j) or j in ctx.covering or not ctx.folded[j].startswith("وال"):
        return False
    rest = ctx.folded[j][1:]
    return not (len(rest) < 5 or rest in ctx.lexicon.first_words or rest in HONORIFICS
                or rest in _NOT_COMPLEMENT or (rest,) in ctx.lexicon.nisba)


def _title_of_whom(ctx: Context, phrase: _Phrase, j: int) -> bool:
    """v3: `النائب الثاني لرئيس مجلس الوزراء`: a title after `ل` completes the one before it.
    True when one was read into the phrase."""
    folded = ctx.folded[j] if ctx.word(j) else ""
    if j in ctx.covering or not folded.startswith("ل") or folded.startswith("لل"):
        return False
    if folded[1:] not in ctx.lexicon.first_words:
        return False
    sub = read_title(ctx, j)
    if sub is None or sub.kind != "head" or sub.start != ctx.tokens[j].start + 1:
        return False
    phrase.words.append(surface(ctx.text, ctx.tokens[j].start, ctx.tokens[sub.next - 1].end)
                        if sub.affiliation is None else "ل" + sub.title)
    phrase.take(ctx, sub.next - 1, sub.affiliation)
    return True


def _starts_title(ctx: Context, j: int) -> bool:
    """v3: `رئيس` in `نائب رئيس مجلس الوزراء`: a title head (not a fixed title such as
    `خادم الحرمين الشريفين`) starts a title of its own, which a compound joins."""
    if ctx.folded[j] not in ctx.lexicon.first_words:
        return False
    phrase = _head_at(ctx, j)
    return phrase is not None and phrase.kind == "head" and phrase.start == ctx.tokens[j].start


def _linked_title(ctx: Context, j: int) -> bool:
    """v3: `وعضو`, `ونائب`: a title head joined by و starts a second title."""
    folded = ctx.folded[j]
    return folded.startswith("و") and folded[1:] in ctx.lexicon.first_words


def marker(ctx: Context, j: int) -> Span | None:
    """v3: the place or organization after `ب`/`ل` + a noun (`بمنطقة جازان`, `بقيادة حرس
    الحدود`, `لشركة أرامكو`): the noun starts an affiliation, it does not complete the title.
    v5: a place or an organization only (`الرئيس العام لرعاية الشباب لقاء السوبر السعودي`: a
    match, what he sponsors)."""
    folded = ctx.folded[j]
    if not ctx.word(j) or j in ctx.covering or folded[:1] not in ("ب", "ل") or len(folded) < 4:
        return None
    if folded in _PARTICLES or folded in _V3_STOPS or folded.startswith(("ال", "لل", "بال")):
        return None
    if ctx.v5 and (folded in BODY_HEADS or folded in _MISSIONS):
        return None  # `رئيس بعثة الاتحاد الأوروبي`, `بنك`, `برنامج`: a noun, no `ب` glued
    span = ctx.entity_at(j + 1, types=("ORG", "LOC") if ctx.v5 else ("ORG", "LOC", "MISC"))
    return span if span is not None and span.first == j + 1 and ctx.joined(j) else None


def _construct_chain(ctx: Context, j: int) -> tuple[int, Span | None] | None:
    """Indefinite nouns from token j that end in a definite word or a name (a construct chain).

    Returns the last indefinite token and, when the chain ends in a place or organization, its
    mention (`نائب وزير خارجية روسيا`); None when the words do not form a chain.
    """
    k = j
    while k - j < _MAX_COMPLEMENTS and _complement_word(ctx, k) and not ctx.folded[k].startswith("ال"):
        if ctx.v5 and _no_construct_noun(ctx, k):
            return None  # `وزير الشؤون الاجتماعية قراراً يقضي بـ...`: an object, not the title's
        # v5: a chain ends in a place or an organization, or in another name after a body's or
        # a team's head (`رئيس برنامج موهبة`, `لاعب فريق الخليج`), not in an event's
        # (`الرئيس العام لرعاية الشباب لقاء السوبر السعودي`: the match he sponsors)
        bodies_only = ctx.v5 and strip_article(ctx.folded[k]) not in _NAMED_HEADS
        span = ctx.entity_at(k + 1, types=("ORG", "LOC") if bodies_only else ("ORG", "LOC", "MISC"))
        if span is not None and span.first == k + 1:
            return k, span
        if _complement_word(ctx, k + 1) and ctx.folded[k + 1].startswith("ال"):
            return k, None
        k += 1
    return None


def _no_construct_noun(ctx: Context, k: int) -> bool:
    """v5: token k cannot head a construct chain: it carries tanween (`قراراً`, `عاماً`), which
    a noun in construct never has, it is a number (`إضافة أربع سنوات`), or a verb in the
    present (`الرئيس الحالي يتصدر قائمة المرشحين`: few nouns start with ي)."""
    text, folded = ctx.tokens[k].text, ctx.folded[k]
    return any(mark in text for mark in _TANWEEN) or folded in _NUMBER_WORDS or (
        folded.startswith("ي") and len(folded) >= 4)


def _nisba_at(ctx: Context, j: int) -> tuple[str, int] | None:
    """The country of the nationality adjective at token j and the token after it, if one is
    there; v5: not the indefinite first word of a person's name of more words (`رئيس التحرير
    تركي السديري`: `تركي` is a given name, no Turk)."""
    if ctx.v5 and (span := ctx.covering.get(j)) is not None and span.entity.type == "PER" \
            and span.first == j and span.last > j and not ctx.folded[j].startswith("ال"):
        return None
    for size in (2, 1):
        key = tuple(ctx.folded[j:j + size])
        if len(key) == size and all(ctx.word(k) for k in range(j, j + size)):
            country = ctx.lexicon.nisba.get(key)
            if country is not None:
                return country, j + size
    return None


def named_body(ctx: Context, folded: str, heads: frozenset[str] | set[str] = _BODY_NOUNS
                ) -> str | None:
    """The name of the one organization of the article that `للمنظمة` / `المنظمة` refers to:
    the only ORG entity whose name starts with that head noun (`منظمة التعاون الإسلامي`), of
    `heads` (v5: the only one in construct, when others start with the definite head)."""
    if folded.startswith("لل"):
        folded = "ال" + folded[2:]
    if not folded.startswith("ال") or folded[2:] not in heads:
        return None
    if ctx.bodies is None:  # built once per article: a page may have thousands of titles
        ctx.bodies = {}
        for span in ctx.spans:
            words = span.entity.name.split()
            if span.entity.type == "ORG" and len(words) > 1:
                ctx.bodies.setdefault(strip_article(fold(words[0])), set()).add(span.entity.name)
    names = ctx.bodies.get(folded[2:], set())
    if ctx.v5 and len(names) > 1:  # `منظمة البلدان المصدرة للبترول` beside a mention read as
        # `المنظمة للدفاع`: a name in construct over one that starts with the definite head
        names = {name for name in names if not fold(name).startswith("ال")}
    return next(iter(names)) if len(names) == 1 else None


def _affiliation(ctx: Context, phrase: _Phrase) -> None:
    """Read a nisba, `لـ`/`في` + organization, or an organization or place right after a title."""
    j = phrase.next
    nisba = _nisba_at(ctx, j)
    if nisba is not None:
        phrase.take(ctx, nisba[1] - 1, nisba[0])
        return
    if ctx.v3 and _affiliation_v3(ctx, phrase):
        return
    k = j
    via_fi = ctx.word(k) and (ctx.folded[k] == "في" or (ctx.v3 and ctx.folded[k] in _CONNECTORS_V3)
                              or (ctx.v5 and ctx.folded[k] == ONTO and _supervises(phrase)))
    if via_fi:
        k += 1
    elif ctx.v5 and ctx.word(k) and ctx.folded[k] == "ل":
        k += 1  # `الأمين العام لـ حزب الله`: the letter written apart
    region = None
    if ctx.word(k) and k not in ctx.covering and ctx.folded[k] in _ORG_NOUNS:
        k += 1  # `رئيس حركة حماس` with only `حماس` tagged
    elif ctx.v5 and via_fi and ctx.word(k) and k not in ctx.covering and (
            ctx.folded[k] in REGION_NOUNS):
        region, k = k, k + 1  # `في منطقة مكة المكرمة` with only `مكة المكرمة` tagged
    elif ctx.extended and ctx.word(k) and k not in ctx.covering and (
            ctx.folded[k][1:] in STATE_NOUNS and ctx.folded[k][0] in "بل"):
        k += 1  # `بجمهورية مصر العربية` with only `مصر العربية` tagged
    span = ctx.entity_at(k, types=("ORG",) if via_fi and not ctx.v5 else ("ORG", "LOC"))
    if via_fi and span is not None and span.entity.type == "LOC" and not _held_in(ctx, phrase, span):
        return
    if span is None and ctx.extended and ctx.word(k) and k not in ctx.covering:
        named = named_body(ctx, ctx.folded[k])
        if named is not None:  # `الأمين العام للمنظمة`: the one organization the article names so
            phrase.take(ctx, k, named)
        return
    if span is None or span.first != k:
        return
    if fold(ctx.text[ctx.tokens[k].start:span.start]) not in (("", "ل", "ب") if ctx.v3 else ("", "ل")):
        return  # `وقطر` is a list, not an affiliation; v3: `مدير الجهاز الفني بالهلال` is one
    last, name = entity_end(ctx, span) if ctx.v3 else span.last, span.entity.name
    if span.seated:  # `مدير الدفاع المدني بمنطقة الجوف`: the body where it sits
        name = surface(ctx.text, span.start, ctx.tokens[last].end)
    elif region is not None:
        name = surface(ctx.text, ctx.tokens[region].start, ctx.tokens[last].end)
    phrase.take(ctx, last, name)


ONTO = fold("على")
SUPERVISORS = frozenset(fold(w) for w in "المشرف المشرفة مشرف مشرفة".split())
# v5: chaired, led by (`نادي الاتحاد برئاسة فلان`): what follows names who chairs the body
CHAIRED_BY = frozenset(fold(w) for w in "برئاسة بقيادة بزعامة".split())


def _head_word(phrase: _Phrase) -> str:
    """The folded first word of a title's phrase (`مهاجم` of `مهاجم الفريق`)."""
    return fold(phrase.words[0].split()[0])


def _supervises(phrase: _Phrase) -> bool:
    """v5: `المشرف على وكالة الإمارة`, `المشرف العام على المشروع`: what a supervisor is over
    is where the title is held, read as after `في`."""
    return bool(phrase.words) and _head_word(phrase) in SUPERVISORS


def _held_in(ctx: Context, phrase: _Phrase, place: Span) -> bool:
    """v5: a place after `في` is where the title is held (`وزير الإعلام في بوركينا فاسو`, `مدير
    عام الشؤون الصحية في منطقة مكة المكرمة`, `مدير فرع الزراعة في بلقرن`), as the annotation
    guidelines read it; but a diplomat's or a mission's is the country it is sent to (`سفير
    خادم الحرمين الشريفين في اليمن`: his own is Saudi Arabia), and after a state's office a
    town is where something happened (`ولي العهد وزير الدفاع في جدة`); a country stays its
    state's."""
    first = strip_article(fold(phrase.words[0])) if phrase.words else ""
    heads = {first, strip_article(first[1:])} if first.startswith("و") else {first}  # `ووزير`
    if heads & _DIPLOMATS or any(strip_article(fold(w)) in _MISSIONS for w in phrase.words):
        return False  # (`محامي سفارة خادم الحرمين الشريفين في الولايات المتحدة`: the host)
    if heads & _STATE_OFFICES:
        complements = {strip_article(fold(w)) for w in phrase.words[1:]}
        if complements & _LOCAL_BODIES and not {fold(w) for w in phrase.words} & _STATE_BODIES:
            return True  # `رئيس الشرطة في دبي`, `رئيس مجلس إدارة النادي في جدة`
        return name_key(place.entity.name) in ctx.lexicon.countries
    return True


def entity_end(ctx: Context, span: Span) -> int:
    """The last token of a place's name, with an epithet the tagger left out (`مكة المكرمة`)."""
    k = span.last + 1
    return k if ctx.word(k) and k not in ctx.covering and ctx.folded[k] in EPITHETS else span.last


def _affiliation_v3(ctx: Context, phrase: _Phrase) -> bool:
    """v3 affiliations: `بمنطقة جازان` / `بقيادة حرس الحدود` (a noun and the place or
    organization after it), `مدير عام "مدن"` (a name in quotes), `بالمؤسسة` (the one
    organization of the article with that head noun). True when one was read."""
    j = phrase.next
    span = marker(ctx, j)
    if span is not None:
        start, last = ctx.tokens[j].start + 1, entity_end(ctx, span)
        phrase.take(ctx, last, surface(ctx.text, start, ctx.tokens[last].end))
        return True
    named = region_named(ctx, j) if ctx.v4 else None
    if named is not None:  # `مدير الشؤون الصحية بمنطقة الجوف` with `الجوف` untagged
        phrase.take(ctx, named, surface(ctx.text, ctx.tokens[j].start + 1, ctx.tokens[named].end))
        return True

    if ctx.word(j) and (ctx.folded[j] == "في" or ctx.folded[j] in _CONNECTORS_V3
                        or ctx.v5 and ctx.folded[j] == "ل") and (
            j + 1 < len(ctx.tokens) and ctx.tokens[j + 1].text in ('"', "«", "“")):
        j += 1  # `رئيس قسم الموسيقى في "يوتيوب"`, v5: `الأمين العام لـ«حزب الله»`
    if j < len(ctx.tokens) and ctx.tokens[j].text in ('"', "«", "“"):
        span = ctx.entity_at(j + 1, types=("ORG",))
        if span is not None and span.first == j + 1 and span.last + 1 < len(ctx.tokens) and (
                ctx.tokens[span.last + 1].text in ('"', "»", "”")):
            phrase.take(ctx, span.last + 1, span.entity.name)
            return True
    if ctx.word(j) and j not in ctx.covering and ctx.folded[j].startswith("بال"):
        named = named_body(ctx, "ال" + ctx.folded[j][3:])
        if named is not None:
            phrase.take(ctx, j, named)
            return True
    return False


def _position(words: list[str]) -> bool:
    folded = fold(" ".join(words)).split()
    return len(folded) > 1 and folded[0] in _PLAYERS and folded[1] in _POSITIONS


def _without_honorific(name: str) -> str:
    """`الإدارة العامة للمجاهدين` from a name that took the next person's honorific (v3)."""
    words = name.split()
    while len(words) > 1 and fold(words[-1]) in HONORIFICS:
        words.pop()
    return " ".join(words)


_SEATS = BODY_HEADS | {fold(w) for w in "إمارة منطقة محافظة فرع".split()}


def without_proclitic(name: str) -> str:
    """v5: an affiliation read with the preposition that tied it to the title (`مدير إدارة
    الرقابة بالأمانة`, `المدير الفني للفريق`, `مدير الإعلام بإمارة منطقة الباحة`) names the body
    without it: `الأمانة`, `الفريق`, `إمارة منطقة الباحة` (not `بلدية`, `لجنة`, `بريطانيا`)."""
    first, space, rest = name.partition(" ")
    folded = fold(first)
    if folded.startswith(("بال", "لل")) and len(folded) > 5:
        return "ال" + first[2 if folded.startswith("لل") else 3:] + space + rest
    if folded[:1] in ("ب", "ل") and folded not in _SEATS and folded[1:] in _SEATS:
        return first[1:] + space + rest
    return name


def _untagged_body(ctx: Context, j: int) -> tuple[int, str] | None:
    """`للعيادات التخصصية السعودية`, `لنادي الطيران السعودي`: `لل` + definite words, or `ل` + a
    body's head noun and definite words, that no entity covers. The last token and the name."""
    folded = ctx.folded[j]
    if j in ctx.covering or not folded.startswith("ل") or len(folded) < 5:
        return None
    definite = folded.startswith("لل")
    if not definite and folded[1:] not in BODY_HEADS:
        return None
    words = {"ال" + folded[2:], "الل" + folded[2:]} if definite else {folded[1:]}
    if any(w in ctx.lexicon.first_words or w in HONORIFICS for w in words) and not (
            ctx.v5 and _team(ctx, j)):
        return None  # `للرئيس`, `للواء` (ل + اللواء): a person, not a body
    last = j
    while last - j < _MAX_BODY_WORDS and ctx.word(last + 1) and last + 1 not in ctx.covering and (
            ctx.folded[last + 1].startswith("ال") and ctx.joined(last)
            and ctx.folded[last + 1] not in HONORIFICS
            and ctx.folded[last + 1] not in _NOT_COMPLEMENT):
        last += 1
    if ctx.v4 and (definite or last > j):
        last = _body_goes_on(ctx, j, last)
    if not definite and last == j:
        last = _words_before_person(ctx, j)
    if not definite and last == j:
        return None  # `لشركة` alone names no body
    start = ctx.tokens[j].start + (2 if definite else 1)
    name = surface(ctx.text, start, ctx.tokens[last].end)
    if definite:  # `للجنة` is ل + `اللجنة`
        name = ("الل" if lam_noun(name) else "ال") + name
    return last, name


def _body_goes_on(ctx: Context, j: int, last: int) -> int:
    """v4: a body's name goes on through a place named in it as an adjective
    (`للعيادات التخصصية السعودية`) and a purpose joined by ل (`للحملة الوطنية لنصرة الأشقاء`),
    while definite words follow; the last token of the name."""
    while last - j < _MAX_BODY_WORDS_V4 and ctx.word(last + 1) and ctx.joined(last):
        k = last + 1
        span = ctx.entity_at(k, types=("LOC",))
        if span is not None and span.first == k and ctx.folded[k].startswith("ال"):
            last = entity_end(ctx, span)
        elif k not in ctx.covering and _purpose_word(ctx, k):
            last = k + 1
            while last - j < _MAX_BODY_WORDS_V4 and _definite_free(ctx, last + 1, last):
                last += 1
        elif _definite_free(ctx, k, last):
            last = k
        elif ctx.v5 and (body := _body_at(ctx, k)) is not None:
            return entity_end(ctx, body)  # `للفريق الأول لكرة القدم بالنادي الأهلي`: where
        else:
            break
    return last


_TEAM = fold("للفريق")


def _team(ctx: Context, j: int) -> bool:
    """v5: `للفريق الأول`, `للفريق الكروي`: a team, where the rank (`للفريق أول فلان`, `للفريق
    فلان`) is followed by its grade or a name, never a definite word."""
    return ctx.folded[j] == _TEAM and _definite_free(ctx, j + 1, j)


def _body_at(ctx: Context, k: int) -> Span | None:
    """v5: the organization token k names after `ب` (`بالنادي الأهلي`, `بنادي الهلال`)."""
    if not ctx.folded[k].startswith("ب"):
        return None
    span = ctx.entity_at(k, types=("ORG",))
    if span is not None and span.first == k and span.start == ctx.tokens[k].start + 1:
        return span
    return marker(ctx, k) if span is None else None


def _purpose_word(ctx: Context, k: int) -> bool:
    """`لنصرة الأشقاء`, `لمكافحة الفساد`: ل + an indefinite noun, then a definite word."""
    folded = ctx.folded[k]
    return (folded.startswith("ل") and not folded.startswith("لل") and len(folded) >= 4
            and folded not in _PARTICLES and folded not in _V3_STOPS
            and folded[1:] not in ctx.lexicon.first_words
            and _definite_free(ctx, k + 1, k))


def _definite_free(ctx: Context, k: int, before: int) -> bool:
    """Token k is a definite word that no entity covers, on the line of token `before`."""
    return (ctx.word(k) and k not in ctx.covering and ctx.joined(before)
            and ctx.folded[k].startswith("ال") and ctx.folded[k] not in HONORIFICS
            and not (ctx.v5 and ctx.folded[k] in _PARTICLES)  # v5: `الى`, to, spelled bare
            and ctx.folded[k] not in _NOT_COMPLEMENT and ctx.folded[k] not in ctx.lexicon.first_words)


def region_named(ctx: Context, j: int) -> int | None:
    """v4: `بمنطقة الجوف`, `بمحافظة العيص`: ب/ل + a region's noun and the untagged word that
    names it; the index of that word, None otherwise."""
    folded = ctx.folded[j]
    if not ctx.word(j) or j in ctx.covering or folded[:1] not in ("ب", "ل"):
        return None
    if folded[1:] not in REGION_NOUNS or not ctx.joined(j):
        return None
    k = j + 1
    if not ctx.word(k) or k in ctx.covering or ctx.folded[k] in _PARTICLES or (
            ctx.folded[k] in HONORIFICS or ctx.folded[k] in ctx.lexicon.first_words
            or ctx.folded[k] in _NOT_COMPLEMENT):
        return None
    return k


def _words_before_person(ctx: Context, j: int) -> int:
    """The last of the plain words after token j when a person's name follows them
    (`لمنظمة أطباء بلا حدود فلانة`); j when none does."""
    for k in range(j + 1, min(len(ctx.tokens), j + 1 + _MAX_BODY_WORDS)):
        span = ctx.covering.get(k)
        if span is not None:
            return k - 1 if span.entity.type == "PER" and span.first == k and k > j + 1 else j
        if not ctx.word(k) or not ctx.joined(k - 1) or ctx.folded[k] in _PARTICLES or (
                ctx.folded[k] in HONORIFICS):
            return j
    return j


def _coordinated_affiliations(ctx: Context, phrase: _Phrase) -> None:
    """v3: `وزيرا خارجية مصر والأردن`: the places or nisbas joined by و after an affiliation,
    one for each of the names that share the title."""
    others = []
    j = phrase.next
    while ctx.word(j) and ctx.folded[j].startswith("و") and ctx.joined(j - 1):
        span = ctx.entity_at(j, types=("LOC", "ORG"))
        if span is not None and span.first == j and fold(
                ctx.text[ctx.tokens[j].start:span.start]) == "و":
            others.append(span.entity.name)
            j = span.last + 1
            continue
        country = ctx.lexicon.nisba.get((ctx.folded[j][1:],))
        if country is None or j in ctx.covering:
            break
        others.append(country)
        j += 1
    if others:
        phrase.others = tuple(others)
        phrase.take(ctx, j - 1)
