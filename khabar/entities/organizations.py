"""Organizations and landmarks named by a head noun: `وزارة الصحة والسكان`, `مطار الملك خالد`.

The tagger misses most of these on news it was not trained on (issue 14), yet their shape is
regular: a head noun from bodies.tsv (`وزارة`, `الهيئة`, `جامعة`, `مطار` ...) followed by its
idafa chain and adjectives (definite words: `العامة`, `المدني`), `و`-joined parts (`والسكان`),
`لـ` phrases (`للطيران`, `لحقوق الإنسان`), `بمنطقة` / `بمحافظة` + a place, and a name the
tagger already found (`جامعة الشارقة`, `مركز الملك سلمان`). A match swallows the mentions it
contains (only the outermost name counts, docs/annotation-entities.md) and is dropped when it
would cut a mention in two. A head with one complement that news uses as a common phrase
(`شركة الطيران`, `إدارة الوقت`: common_phrases.tsv, generic_bodies.tsv) is no name. Policy and
limits: docs/entities.md.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from khabar.arabic import Token, fold
from khabar.entities.names import Words, clitic_variants, read_words, skip_letters
from khabar.entities.nisba import load_role_lexicon
from khabar.entities.roles import CONVEYED, HONORIFICS
from khabar.lexicons import read_rows

# Words that end a chain even though they look like a complement: time words, relatives,
# the definite words that start a new clause, and thanks conveyed to someone (`رفع رئيس الديوان
# التهاني لمقام ...`, roles.CONVEYED).
_STOP = {fold(w) for w in (
    "الذي التي الذين اللذين اللتين اللواتي الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة "
    "السبت اليوم الأسبوع الشهر العام الماضي المقبل الماضية المقبلة الآن الحالي الحالية "
    "الجاري الجارية الأول الأولى الثاني الثانية الأخير الأخيرة السابق السابقة أمس غدا "
    "لكن لأن لدى ليس لم لن لقد لها له لهم لكل لذلك للغاية الرئيس "
    # adjectives that make a head generic (`التنظيم الإرهابي`, `المحكمة الخاصة`), not a name
    "الإرهابي الإرهابية المتطرف المتطرفة الخاص الخاصة المذكور المذكورة المعني المعنية "
    "المختص المختصة المحلي المحلية نفسه نفسها ذاته ذاتها").split()} | CONVEYED
# Honorifics before a person's name inside a body's name (`مركز الملك سلمان`).
_ROYAL = {fold(w) for w in "الملك الأمير الأميرة الشيخ الشيخة الإمام السلطان".split()}
# Indefinite nouns that carry a chain to the name after them (`برلمان إقليم كاتالونيا`).
_CONSTRUCT = {fold(w) for w in (
    "إقليم منطقة محافظة مدينة دولة ولاية شؤون أهل عصائب فرع قسم إدارة شعبة مركز جامعة "
    "قوات حرس").split()}
# from 5, more nouns that carry a body's chain: support, news, and a court's kind (`تحالف دعم
# الشرعية`, `وكالة أنباء الشرق الأوسط`, `محكمة جنايات القاهرة`, `محكمة استئناف ديالى`)
CONSTRUCT_V5 = _CONSTRUCT | {fold(w) for w in (
    "دعم أنباء جنايات استئناف "
    # the field a body works in, a verbal noun before its object (`هيئة مكافحة الفساد`,
    # `جمعية حماية المستهلك`, `هيئة تنظيم الكهرباء`, `مركز أبحاث الشرق الأوسط`)
    "مكافحة حماية تنظيم تطوير تنمية رعاية حقوق أبحاث بحوث دراسات تقويم تحقيقات حفظ إغاثة "
    "تحفيظ مراقبة تحلية "
    # a chamber's trades (`غرفة تجارة وصناعة دبي`, `غرفة تجارة جدة`)
    "تجارة صناعة زراعة").split()}
# `بمنطقة الباحة`, `بمحافظة ينبع`: where a branch of a body sits, part of its name.
_WHERE = {fold(w) for w in "بمنطقة بمحافظة بمدينة بولاية".split()}
_VALLEY = fold("وادي")
_MAX_WORDS = 7
DEFINITE_PREFIXES = ("ال", "بال", "لل", "وال", "فال", "كال")  # a definite word, after a proclitic
_PLAIN_ADJECTIVES = frozenset(fold(w) for w in (
    "الحر العام الخاص الجديد الكبير الصغير الأول الثاني الثالث الدائم الحاكم الشعبي الأعظم "
    "الفني الطبي العليا الشريف الشريفة الحرام الشامل الكريم").split())
# A department right after the title that heads it is part of the title (annotation guidelines:
# `مدير إدارة العلاقات العامة`), not an organization.
_DEPARTMENTS = {fold(w) for w in "إدارة قسم شعبة".split()}
_DEPARTMENT_HEADS = {fold(w) for w in "مدير مديرة رئيس رئيسة مساعد مساعدة نائب".split()}
# Heads that only name a body with a name or a complement that is not a nationality alone:
# `القوات التركية` is a generic force, `البرلمان البريطاني` a body (annotation guidelines).
_NATIONALITY_ENOUGH_KIND = "nationality"
_NAMED_KIND = "named"
# A head that is part of a compound preposition after this word (`عن طريق`: by way of).
_PREPOSITIONS = {fold("طريق"): fold("عن")}
_EPONYM_KIND = "eponym"
_PLACE_KIND = "place"  # bodies_v4.tsv: see Heads.places
_FEMININE = (fold("ة"), "ة")  # a folded word's feminine ending (ta marbuta folds to ha)
# Definite title heads that are also adjectives of a body (`الحزب الحاكم`, `المكتب الإعلامي`):
# they do not end a chain.
_ADJECTIVE_TITLES = {fold(w) for w in (
    "الحاكم الحاكمة الصحفي الصحفية الإعلامي الإعلامية القيادي المساعد المساعدة الشريك").split()}


@dataclass(frozen=True, slots=True)
class Body:
    """A head-noun name found in the text: its offsets and type (ORG or LOC)."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Heads:
    """Folded head nouns (with and without `ال`) → (type, whether a nationality alone names it)."""

    kinds: dict[str, tuple[str, bool]]
    nisba: frozenset[str]  # folded one-word nationality adjectives
    generic: frozenset[tuple[str, str]] = frozenset()  # (head, complement): a common noun phrase
    stops: frozenset[str] = frozenset()  # adjectives that make a head generic (v3 lists)
    needs_name: frozenset[str] = frozenset()  # heads (no ال) that name a body only with a name
    eponyms: frozenset[str] = frozenset()  # heads (no ال) named only after someone or something
    # from 3, a royal's name is read only right after `الملك` (`طريق الملك فهد بالسيارات`: the
    # name ends at فهد); before, after any chain whose first word was `الملك`
    version: int = 2
    # from 3, honorifics, ranks and definite title heads (`الأمير`, `اللواء`, `النائب`): a person
    # follows, and the body's name ends before them (`مجلس الوزراء الأمير فيصل`)
    person_words: frozenset[str] = frozenset()
    # from 4 (bodies_v4.tsv), heads of places named by one word after them (`محافظة العيص`)
    places: frozenset[str] = frozenset()
    # folded word -> its head reading or None; words repeat across articles, so this is a memo
    readings: dict[str, tuple | None] = field(default_factory=dict, compare=False, repr=False)

    def reading(self, word: str) -> tuple[int, str, str, bool] | None:
        found = self.readings.get(word, False)
        if found is False:
            if len(self.readings) >= 100_000:
                self.readings.clear()
            found = self.readings[word] = _head(word, self)
        return found


def load_heads(nisba: frozenset[str], *, version: int = 2) -> Heads:
    """Read bodies.tsv: head <TAB> ORG or LOC <TAB> optional `nationality` (or, in
    bodies_v3.tsv, read from version 3, `named`: a plural head such as `مستشفيات` that names a
    body only with a name in its chain; `eponym`: a head named after someone or something, such
    as `طريق الملك فهد` or `كأس آسيا`); from version 3 also generic_adjectives.tsv."""
    kinds: dict[str, tuple[str, bool]] = {}
    needs_name, eponyms = set(), set()
    files = ("bodies.tsv", "bodies_v3.tsv") if version >= 3 else ("bodies.tsv",)
    # v5 leaves v4's heads of places out: their chains ran past the name's end (`منطقة جازان
    # لهذا العدوان`, `محافظة القطيف والعقد الخامس`)
    files += ("bodies_v4.tsv",) if version == 4 else ()
    files += ("bodies_v5.tsv",) if version >= 5 else ()
    places = set()
    for row in (row for file in files for row in read_rows(file)):
        head = fold(row[0])
        enough = len(row) > 2 and row[2] == _NATIONALITY_ENOUGH_KIND
        if len(row) > 2 and row[2] == _NAMED_KIND:
            needs_name.add(head)
        if len(row) > 2 and row[2] == _EPONYM_KIND:
            eponyms.add(head)
        kinds[head] = (row[1], enough)
        if len(row) > 2 and row[2] == _PLACE_KIND:
            places.add(head)  # no `ال` form: `المنطقة` is the region spoken of, not a name
            continue
        kinds["ال" + head] = (row[1], enough)
    rows = read_rows("generic_bodies.tsv") + read_rows("common_phrases.tsv")
    generic = frozenset((fold(row[0]), fold(row[1])) for row in rows)
    stops, person_words = frozenset(), frozenset()
    if version >= 3:
        stops = frozenset(fold(row[0]) for row in read_rows("generic_adjectives.tsv"))
        person_words = _person_words()
    return Heads(kinds, nisba, generic, stops, frozenset(needs_name), frozenset(eponyms), version,
                 person_words, frozenset(places))


def _person_words() -> frozenset[str]:
    """Honorifics, ranks and the definite title heads of the v3 title lexicon, less those that
    also describe a body."""
    titles = {w for w in load_role_lexicon(version=3).first_words if w.startswith("ال")}
    return frozenset((titles | HONORIFICS) - _ADJECTIVE_TITLES)


def find_bodies(text: str, heads: Heads, mentions: list[tuple[int, int, str]],
                words: Words | None = None) -> list[Body]:
    """Head-noun names in `text`; `mentions` are the (start, end, type) of the names found so
    far; `words` the text's tokens already read (khabar.entities.names.read_words)."""
    words = words if words is not None else read_words(text)
    return _bodies(text, words.tokens, words.folded, heads, mentions)


def _bodies(text, tokens, folded, heads, mentions) -> list[Body]:
    places = _MentionPlaces(tokens, mentions)
    found_names = (places.starting, places.inside, places.persons, heads)
    found: list[Body] = []
    memo = heads.readings  # looked up here first: most words are no head
    i = 0
    while i < len(tokens):
        head = memo.get(folded[i], False)
        if head is False:
            head = heads.reading(folded[i])
        if head is None or tokens[i].kind != "word":
            i += 1
            continue
        body = _body_at(text, tokens, folded, i, head, found_names)
        if body is None:
            i += 1
            continue
        found.append(body[0])
        i = body[1]
    return found


class _MentionPlaces:
    """Where the mentions found so far sit among the tokens, found by bisection (an article has
    hundreds of tokens and a few dozen mentions).

    starting: token where a mention starts at the token's first letter → the mention's last token;
    inside: token under a mention → the mention's start offset (to tell a head inside a name);
    persons: the `starting` tokens of persons."""

    def __init__(self, tokens: list[Token], mentions: list[tuple[int, int, str]]) -> None:
        starts = [t.start for t in tokens]
        self.starting: dict[int, int] = {}
        self.inside: dict[int, int] = {}
        self.persons: set[int] = set()
        for start, end, kind in mentions:
            first = bisect_right(starts, start) - 1
            last = bisect_left(starts, end) - 1
            if first < 0 or last < first:
                continue
            for k in range(first, last + 1):
                self.inside.setdefault(k, start)
            if starts[first] == start and tokens[last].end == end:
                self.starting[first] = max(self.starting.get(first, -1), last)
                if kind == "PER":
                    self.persons.add(first)


def _head(word: str, heads: Heads) -> tuple[int, str, str, bool] | None:
    """The head noun a folded word is, after at most two proclitics (`وللهيئة`), if any."""
    if len(word) < 3:
        return None
    for stripped, rest in clitic_variants(word):
        kind = heads.kinds.get(rest)
        if kind is not None:
            return stripped, rest, kind[0], kind[1]
    return None


# v5: heads a person after names the one who leads it (`إدارة فلان`, `حكومة فلان`: his
# management, his government), not the body's name
_LED_BY = frozenset(fold(w) for w in "إدارة حكومة قيادة".split())
# v5: `ل` + a time after a body's name (`للعام 2017`, `للموسم الجديد`)
_TIMES_AFTER = frozenset(fold(w) for w in "للعام للعامين للموسم للشهر للسنة للأسبوع لعام".split())
_CENTRE = fold("مركز")
_TOWN_NOUNS = frozenset(fold(w) for w in "مدينة محافظة منطقة ولاية قضاء بلدة مديرية".split())


def _body_at(text, tokens, folded, i, head, found_names) -> tuple[Body, int] | None:
    starting, inside, persons, heads = found_names
    stripped, rest, kind, nationality_enough = head
    if rest in _DEPARTMENTS and i > 0 and folded[i - 1] in _DEPARTMENT_HEADS:
        return None  # `مدير إدارة العلاقات العامة`: a title, its department no body's name
    start = tokens[i].start + skip_letters(tokens[i].text, stripped)
    if i in inside and inside[i] < start:
        return None  # the head word is inside a longer name
    # a person's name right after an indefinite head is part of it (`مؤسسة محمد بن راشد`),
    # not after a head that needs a name (`تنظيم أبو محمد`: the person is no body's name)
    base = rest.removeprefix("ال")
    if i > 0 and _PREPOSITIONS.get(base) == folded[i - 1]:
        return None  # `عن طريق إسطنبول`: by way of, no road
    if heads.version >= 5 and base == _CENTRE and i + 1 < len(folded) \
            and folded[i + 1] in _TOWN_NOUNS:
        return None  # `مركز مدينة حلب`, `مركز محافظة لحج`: the town's centre, a place
    person_joins = not rest.startswith("ال") and base not in heads.needs_name and not (
        heads.version >= 5 and base in _LED_BY)
    found = (starting, persons, heads.stops, heads.version >= 3, heads.person_words,
             heads.version, heads.kinds, inside)
    last, words, named = _chain(text, tokens, folded, i, found, person_joins)
    if last == i or (not named and (base in heads.needs_name or base in heads.eponyms)):
        return None  # `مستشفيات المنطقة`, `كأس العالم`: no name, no body
    if heads.version >= 5 and base in heads.places and (
            (base, words[0]) in heads.generic or _hamza_verb(tokens[i].text, base)):
        return None  # v5: `منفذ الهجوم الإرهابي` is the attacker; `وأدى الهجوم` (it led) no valley
    if heads.version >= 5 and base in heads.places and named:
        # v5: the place ends with the first name in its chain (`جبل لبنان للتحقيق`)
        last = next((starting[k] for k in range(i + 1, last + 1) if k in starting), last)
    elif base in heads.places and not named:
        # one word names the place (`محافظة العيص`); a feminine adjective after it makes the
        # whole a kind of area (`منطقة التجارة الحرة`), as does a generic one (`منطقة عازلة`)
        after = folded[i + 2] if i + 2 < len(folded) and tokens[i + 2].kind == "word" else ""
        if words[0] in heads.stops or after in heads.stops or (
                after.startswith("ال") and after.endswith(_FEMININE)):
            return None
        last = i + 1
    definite_head = rest.startswith("ال")
    if all(w in heads.nisba for w in words) and (not named or not definite_head):
        # `شركة أمريكية`, `القوات التركية`: a kind of body; `البرلمان البريطاني`: a body.
        # An indefinite head stays a kind even when the tagger read the adjective as a place
        # (`محكمة سورية`).
        if not (nationality_enough and definite_head):
            return None
    seated = heads.version >= 5 and last + 1 < len(folded) and folded[last + 1] in _WHERE
    if not named and not seated and len(words) == 1 and (
            rest.removeprefix("ال"), words[0]) in heads.generic:
        return None  # `شركة الطيران`, `إدارة الوقت`: a common noun phrase (generic_bodies.tsv);
        # not with the place where it sits (`مجلس الشباب بمنطقة الجوف`, v5)
    return Body(start, tokens[last].end, kind), last + 1


def _hamza_verb(written: str, base: str) -> bool:
    """v5: `وأدى` (and it led) folds like `وادي` (a valley); written with its hamza, or with
    alef maqsura, it is the verb."""
    return base == _VALLEY and ("أ" in written or written.endswith("ى"))


def _chain(text, tokens, folded, i, found, person_joins) -> tuple[int, list[str], bool]:
    """The last token of the name that starts with the head at i, its complement words, and
    whether a mention found by the tagger is part of it. A person's name right after an
    indefinite head is part of it (`مؤسسة محمد بن راشد`), not after a definite one
    (`الأمين العام للمنظمة حسين العلي`)."""
    starting, persons, stops, royal_before, person_words, version, kinds, inside = found
    constructs = CONSTRUCT_V5 if version >= 5 else _CONSTRUCT
    last, words, named = i, [], False
    j = i + 1
    while j < len(tokens) and len(words) < _MAX_WORDS:
        if not _joined(text, tokens, j - 1) or tokens[j].kind != "word":
            break
        w = folded[j]
        if version >= 5 and w.startswith("و") and words and (j in starting or j in inside):
            break  # v5: `الاتحاد الأوروبي والولايات المتحدة`: a second name joined by و
        if version >= 5 and w in _TIMES_AFTER:
            break  # v5: `وزارة التجارة الأميركية للعام 2017`: when, no word of the name
        if j in starting and (j not in persons or folded[j - 1] in _ROYAL and not (
                version >= 5 and named) or (j == i + 1 and person_joins)):
            last = j = starting[j]  # a name the tagger found: `جامعة الشارقة`
            named = True
            words.append(w)
            j += 1
            continue
        if version >= 5 and named and w in _ROYAL:
            break  # `جامع الملك فهد الشيخ فلان`: after its name, an honorific starts a person's
        if w in _STOP or w in stops or (version >= 5 and w in _WHERE):
            break  # v5: `الدفاع المدني بمحافظة العيص`: where the body sits is a place of its own
        if person_words and (j in persons or _person_word(w, person_words, first=j == i + 1)):
            break  # `مجلس الوزراء الأمير فيصل`, `اللجنة النائب المعارض`: a person, no complement
        if words and (folded[j - 1] if royal_before else words[-1]) in _ROYAL and not w.startswith("ال"):
            last = j = _royal_name(folded, tokens, j)  # `مطار الملك خالد`, the name untagged
            named = True
        elif w.startswith("ال") and len(w) > 3:
            if version >= 5 and folded[j - 1].startswith(DEFINITE_PREFIXES) \
                    and not _adjective_like(w):
                break  # v5: `وزارة الخارجية الأطراف`: after a definite word, an adjective or none
            last = j
        elif w.startswith("وال") and words:
            if version >= 5 and w[1:] in kinds:
                break  # v5: `مجلس حقوق الإنسان واللجنة الدولية`: a second body, joined by و
            last = j
        elif w.startswith("لل") and len(w) > 4:
            last = j
        elif w.startswith("ل") and words and _definite(folded, tokens, j + 1, starting):
            last = j = j + 1
        elif (w in _WHERE or w in constructs) and not (
                version >= 5 and w not in _WHERE and folded[j - 1].startswith(DEFINITE_PREFIXES)) \
                and (fields := _fields_to_name(text, tokens, folded, j, starting, constructs,
                                               version)) is not None:
            # (v5: a definite word owns no noun after it: `رئيس الجمعية دعم الأمير`)
            words.extend(folded[j + 1:fields + 1])  # v5: `غرفة تجارة وصناعة دبي`
            last = j = fields + 1
            if j in starting and j not in persons:
                last = j = starting[j]
                named = True
        else:
            break
        words.append(w)
        j += 1
    return last, words, named


def _fields_to_name(text, tokens, folded, j: int, starting, constructs, version: int
                    ) -> int | None:
    """The last noun of the chain from token j, when a name or a definite word follows it: j
    itself, or (v5) a noun joined to it by `و` (`غرفة تجارة وصناعة دبي`); None otherwise."""
    k = j
    while True:
        if k + 1 in starting or _definite(folded, tokens, k + 1, starting):
            return k
        if not (version >= 5 and k + 1 < len(tokens) and k - j < 2 and _joined(text, tokens, k)
                and tokens[k + 1].kind == "word" and folded[k + 1][:1] == "و"
                and folded[k + 1][1:] in constructs):
            return None
        k += 1


def _adjective_like(word: str) -> bool:
    """v5: whether a definite word may be an adjective of the definite word before it, rather
    than the next noun of the clause (`مجلس الوزراء الشكر`, `حزب العمال الكردستاني الهجوم`):
    a nisba (`الخليجي`, `الإسلامية`), any word ending in ة (adjective or noun: not told apart),
    a participle (`المتحدة`, `المستقلة`), an elative or colour (`الأعلى`, `الأحمر`), or a
    common adjective of another shape (`العام`, `الحر`)."""
    stem = word[2:]
    return (stem.endswith(("ي", "ه", "ين", "يون")) or stem.startswith("م")
            or (stem.startswith("ا") and len(stem) == 4) or word in _PLAIN_ADJECTIVES)


def _person_word(word: str, person_words: frozenset[str], *, first: bool) -> bool:
    """True for an honorific, rank or definite title head, also after `و`/`ف`/`ل`
    (`والنائب`, `للأمير`); a royal right after the head is whom the body is named after
    (`جامعة الأمير سلطان`)."""
    if first and word in _ROYAL:
        return False
    if word in person_words:
        return True
    if word.startswith(("وال", "فال")):
        return word[1:] in person_words
    return word.startswith("لل") and "ال" + word[2:] in person_words


def _royal_name(folded, tokens, j) -> int:
    """The last token of a name after `الملك` / `الأمير`: one word, or `فهد بن عبدالعزيز`."""
    while j + 2 < len(tokens) and folded[j + 1] in ("بن", "بنت") and tokens[j + 2].kind == "word":
        j += 2
    return j


def _definite(folded, tokens, j, starting) -> bool:
    return j < len(tokens) and tokens[j].kind == "word" and (
        j in starting or (folded[j].startswith("ال") and folded[j] not in _STOP))


def _joined(text: str, tokens: list[Token], k: int) -> bool:
    """True when tokens k and k+1 have only spaces between them (no line break)."""
    between = text[tokens[k].end:tokens[k + 1].start]
    return "\n" not in between and not between.strip()
