"""One article's entities from its raw NER mentions, as `entities.merge.v3` reads them (issue 14).

The steps of `entities.merge.v2` (titles cut out of persons' spans, lexicon names, bodies named
by a head noun, then the merge of khabar.entities.merge), with the text's tokens read once for
all of them, and three more readings: bodies named without their head noun (a ministry by its
portfolio, an outlet, a club: khabar.entities.short_names), a place that is a person's name in
the article, and persons that are no name (khabar.entities.person_check). Policy and limits:
docs/entities.md.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from khabar.arabic import fold
from khabar.document import Entity, Mention
from khabar.entities.datelines import dateline_names
from khabar.entities.gazetteer import Hit, Lexicon, Ranges, find_names, load_lexicon
from khabar.entities.merge import RawMention, merge_mentions, raw_mentions
from khabar.entities.names import (clitic_variants, key_tokens, name_key, read_words,
                                    strip_article, surface)
from khabar.entities.nisba import load_role_lexicon
from khabar.entities.organizations import (CONSTRUCT_V5, DEFINITE_PREFIXES, Heads, find_bodies,
                                            load_heads)
from khabar.entities.person_check import (NameParts, guessed_person, load_name_parts,
                                          load_seldom_names, maybe_weak, seldom_named,
                                          weak_person)
from khabar.entities.person_spans import PersonWords, paired_titles, trim_person
from khabar.entities.roles import CHAIRED_BY, EPITHETS, HONORIFICS
from khabar.entities.short_names import ShortNames, find_short_names, load_short_names
from khabar.lexicons import read_rows
from khabar.places.gazetteer import ARAB_LEAGUE, CITY, REGION, Gazetteer, load_gazetteer
from khabar.reading.boilerplate import Outlets, line_key

PER = "PER"
LOC = "LOC"
ORG = "ORG"
MISC = "MISC"
_WORD = re.compile(r"[^\W\d_]+(?:[\u064B-\u065F\u0670\u0640]+[^\W\d_]*)*")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
# Ranks and royal honorifics never end a person's name (`الشيخ`, `السلطان`, `الرائد` may:
# family names, `حسين الشيخ`);
# the family words before a title word that make it a family name (`آل الشيخ`, `بن الأمير`).
_RANKS_AND_ROYALS = {fold(w) for w in (
    "الملك الملكة الأمير الأميرة اللواء العميد العقيد المقدم "
    "النقيب الملازم الرقيب الفريق المشير الجنرال الأدميرال").split()}
_FAMILY = {fold(w) for w in "آل بن بنت ابن أبو أبي".split()}
_MAX_LINEAGE = 3  # `فلان بن فلان بن فلان آل فلان`: links taken after a cut
# Words after which a name goes on (not `أبي`, also the name آبي); particles that never do.
_LINEAGE = {fold(w) for w in "آل بن بنت ابن أبو".split()}
_NOT_NAMES = {fold(w) for w in "في من إلى على عن مع أن إن و".split()}
# v5: the heads of institutions (ORG) and places (LOC) named for a king or a prince
# (`مدينة الملك عبدالله للطاقة الذرية`, `شارع الملك فهد`); not a reign (`عهد الملك فيصل`, the
# king himself) nor a project or a prize, which are no entities.
_ROYALS = {fold(w) for w in "الملك الأمير".split()}
_ROYAL_HEADS = {**{fold(w): ORG for w in "مدينة مكتبة دارة مجمع كرسي مؤسسة".split()},
                **{fold(w): LOC for w in "شارع طريق ميدان أنفاق نفق حديقة جسر".split()},
                # v5: parks, districts, bases and grounds named for one (`منتزه الأمير سلطان`,
                # `حي إسكان الملك فهد`, `قاعدة الملك خالد الجوية`, `ستاد الملك بودوان`); airports
                # and ports are read by their head in bodies.tsv
                **{fold(w): LOC for w in (
                    "منتزه متنزه حدائق حي إسكان مخطط قاعدة ستاد").split()}}
_MAX_ROYAL_TAIL = 4
_VENUES = {fold(w) for w in "الرياضية الاقتصادية".split()}
_ROYAL_TAIL_STOPS = {fold(w) for w in (
    "الذي التي التابع التابعة اليوم الأمس الماضي المقبل الحالي الأحد الاثنين الثلاثاء "
    "الأربعاء الخميس الجمعة السبت").split()}
# v5: head nouns of bodies whose name follows in quotation marks (`شركة «ميلوارد براون»`)
_QUOTED_BODY_HEADS = ("حزب جمعية شركة قوات حركة تنظيم جماعة منظمة مؤسسة مجموعة هيئة مركز وكالة "
                      "صحيفة جريدة مجلة قناة موقع اتحاد نادي بنك مصرف صندوق ائتلاف تحالف جبهة "
                      "كتائب لواء ميليشيا مليشيا فصيل").split()
_QUOTED_BODY = re.compile(r"(?<![^\W\d_])[وبلف]?(?:" + "|".join(_QUOTED_BODY_HEADS)
                          + r")[ \t]*[«\"“](?P<name>[^»\"”\n.،,:؛]{2,60})[»\"”]")
_MAX_QUOTED_BODY = 5
# v5: the head nouns of a medium before an outlet's name, and a name in quotation marks
_MEDIA_HEADS = ("صحيفة", "جريدة", "مجلة", "قناة", "إذاعة")
_MEDIA_HEAD = re.compile(r"(?<![^\W\d_])[وبلف]?(?P<head>" + "|".join(_MEDIA_HEADS) + r")[ \t]+"
                         r"(?=[^\W\d_])")  # (in marks, quoted_bodies reads the name)
_QUOTED_NAME = re.compile(r"[«\"“](?P<name>[^»\"”\n]{2,40})[»\"”]")
# v5: an outlet in brackets where only the one told or the one who learned can stand (`لـ(عكاظ)`,
# `وعلمت (عكاظ)`): Okaz writes its name so
_TOLD_BRACKETED = re.compile(
    r"(?:ل\u0640?\s*|(?:علمت|أبلغت|تلقت|حصلت|رصدت|اطلعت)\s+)\((?P<name>[^)\n]{2,40})\)")
_MAX_OUTLET_WORDS = 4
_REPORTED = {fold(w) for w in "بأن أنه أنها إنه إنها".split()}  # a quote, not a name
# v5: the heads of competitions named for a sponsor or a body (`دوري عبداللطيف جميل`, `كأس
# رابطة المحترفين`): names inside a competition's name are not entities (docs/annotation-
# entities.md). Not `بطولة`, which also means starring (`من بطولة ناصر القصبي`).
_COMPETITIONS = {fold(w) for w in "دوري كأس".split()}
_COMPETITION_OPENERS = "(«\"“'"
_COMPETITION_REACH = 12  # characters before a mention where the head may stand
# v5: God's name with its proclitics, which opens formulas (`ولله الحمد`), and honorifics that
# are never a name alone (`معالي`; not `الشيخ`, also a family name)
_GOD = {fold(w) for w in "الله ولله لله والله بالله فالله".split()}
_LONE_HONORIFICS = {fold(w) for w in "معالي سعادة فخامة سمو صاحب الحاج الحاجة".split()}
# v5: the halves of compound given names (`ضيف الله`, `عطا الله`): no name starts with the second.
_SECOND_HALVES = {fold(w) for w in "الله".split()}
_FIRST_HALVES = {fold(w) for w in (
    "عبد ضيف عطا عطاء نصر فضل جار حمد خير عوض سعد فتح هبة رزق حسب سيف رحمة ولي دخيل وهب حرز "
    "عون جاد مال شكر عبيد").split()}
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_SPACES = re.compile(r"[ \t\u00a0]+")
_COMPLEMENTIZERS = frozenset("إن أن بأن فإن لأن وإن وأن".split())  # as written, with the hamza
_MARKS_IN_NAMES = re.compile(r"[()\[\]{}«»\"“”]")  # a mark in a half: no name cut in two
_CONJUNCTION_NAMES = frozenset("وليام".split())  # names as written, not `و` + `ليام`
_LIST_JOINS = frozenset("وف")  # `وغابرييل`: another name of a list
_GLUED_PREPOSITIONS = frozenset("لب")  # `للعبادي`; but `لو مير`, `بوتين` are names as written
# v5: the nouns of a place before its name (`محافظة حجة`, `بمدينة الظهران`, `منطقتي ...`, and
# the governor's `محافظ شقراء`): a place of the shipped gazetteer right after one is a place,
# and so are the next ones joined by و.
def _with_proclitics(words: str) -> set[str]:
    """The folded words as written alone or after و, ف, ب, ل and their pairs (`وبمحافظة`)."""
    return {prefix + fold(w) for prefix in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
            for w in words.split()}


_PLACE_NOUNS = _with_proclitics(
    "محافظة محافظتي منطقة منطقتي مدينة مدينتي بلدة بلدتي قرية قريتي مديرية مديريتي ولاية إقليم "
    "ناحية قضاء حي حيي مخيم مخيمي جزيرة ضاحية "
    "محافظ")  # the governor of a town (`محافظ شقراء`), not of a bank
_MAX_PLACE_WORDS = 2
# v5: words no person's name ends in, which the tagger sometimes takes in (`كلينتون كي`)
_NOT_NAME_ENDS = {fold(w) for w in "كي ل كان كانت بمثابة لكي حتى قد لم لن في من مع".split()}
# v5: a centre's name (`مركز الشبحة`) and the words after it that place it: the governorate
# or region it belongs to, a direction, or a distance in brackets
_CENTRE_NAME = re.compile(r"^[وب]?مركز\s+(ال\w{3,})$")
_PLACED_AFTER = re.compile(
    r"\s*[،,]?\s*(?:(?:التابع|التابعة)\s+ل(?:محافظة|منطقة|إمارة|امارة)|ب(?:محافظة|منطقة)\s|"
    r"(?:شمال|جنوب|شرق|غرب)\s|\(\s*[\d٠-٩]+\s*(?:كم|كيلو))")
# v5: plural nouns of places before a list of their names (`مديريات المنصورة والمعلا`)
_PLURAL_PLACE_NOUNS = _with_proclitics("مناطق مديريات محافظات أحياء قرى بلدات مدن مخيمات ضواحي")
_MAX_LISTED_PLACES = 12
_DIRECTIONS = {fold(w) for w in "الشمال الجنوب الشرق الغرب الوسط الشمالية الجنوبية الشرقية الغربية "
               "الوسطى الحدودية المجاورة الأخرى المختلفة المحررة شمال جنوب شرق غرب وسط".split()}
# v5: marks after a town joined by و that end it as an item of a list of places
_LIST_COMMAS = {"،", ","}
_IN_COUNTRY_NAMES = {fold(w) for w in "العربية والعربية".split()}  # `المملكة العربية السعودية`
# broken plurals of things, which a feminine adjective qualifies (`الحدود السعودية`)
_PLURALS_BEFORE_NISBA = {strip_article(fold(w)) for w in (
    "الحدود الأراضي المدن البنوك المصارف الأسواق الموانئ الأسهم الأسر القرى الأجواء المياه "
    "الجهود الأندية").split()}
# v5: `هي` or a colon opens a list of the places a plural noun before it names
_NAMING_OPENERS = {fold(w) for w in "هي وهي :".split()}
_NAMING_REACH = 12  # words between the plural noun and the opener
_MIN_NAMED_TOWNS = 3
_LIST_ENDS = _LIST_COMMAS | {".", "؛", ";", ":", ")"}
# v5: nouns of a district, a camp or a village, whose next definite word names it (`حي السعادة`)
_DISTRICT_NOUNS = _with_proclitics("حي حيي مخيم مخيمي قرية قريتي بلدة بلدتي ضاحية")
# v5: the nouns of a town, a village or a district after which a name no list holds is a
# place when it is marked (`مدينة #أضنة`, `بلدة "سيفاري"`) or the words after it place it
# (`placed_town`). `ولاية` is also a term of office, so after it only an administrative noun
# places a name; `قضاء` and `ناحية` (spending time, a side) are left out.
_TOWN_NOUNS = _with_proclitics("مدينة بلدة قرية مديرية حي مخيم جزيرة ضاحية إقليم ولاية")
_AMBIGUOUS_TOWN_NOUNS = _with_proclitics("ولاية")
_MAX_TOWN_WORDS = 3
_TOWN_MARKS = {"«": "»", '"': '"', "“": "”", "(": ")"}  # and `#` before one word
# the words that place a name right after it: a direction, nearness, the unit it belongs to
_TOWN_DIRECTIONS = {fold(w) for w in (
    "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي قرب بالقرب قرابة").split()}
_ADMINISTRATIVE_NOUNS = {fold(w) for w in (
    "محافظة منطقة ولاية إقليم قضاء ناحية مديرية ريف مقاطعة").split()}
_BELONGING = {fold(w) for w in "التابعة التابع".split()}
_NISBA_ENDINGS = ("يه", "يين", "يون")  # folded: `زراعية`, `السوريين`
# v5: the affairs a body runs, after which the seat of its branch is part of its name
# (`seated_affairs`), and the nouns of that seat
_AFFAIRS = {prefix + affairs for affairs in (fold("شؤون"), fold("شئون"))
            for prefix in ("ال", "لل", "ولل")}
_SEAT_NOUNS = {fold(w) for w in "منطقة محافظة مدينة".split()}
# v5: heads of bodies after which a proper noun names the body (`proper_bodies`), the words of
# that name at most, and the tagger's window around it
_PROPER_BODY_HEADS = _with_proclitics(
    "شركة جامعة مستشفى معهد مدرسة نادي صحيفة مجلة قناة بنك مصرف مؤسسة كلية مجموعة وكالة")
_MAX_PROPER_WORDS = 3
_UPOS_BEFORE, _UPOS_AFTER = 4, 5
# words after a noun of a town that name no town: verbs of belonging (`مدينة تتبع محافظة`) and
# a directorate's field (`مديرية أمن شمال سيناء`, a body)
_NOT_TOWNS = {fold(w) for w in "تتبع يتبع تقع يقع تضم يضم تسمى يسمى أمن صحة تربية".split()}
# v5: the words after which a town the tagger read as a person is the town (governed_towns)
_GOVERNED_BY = _with_proclitics("محافظ محافظة مدينة بلدة")
# v5: a governorate's noun, after which a name the gazetteer lacks is still a place
_GOVERNORATE_NOUNS = _with_proclitics("محافظة")
_NOT_GOVERNORATES = {fold(w) for w in (
    "جديدة أخرى اخرى واحدة كبيرة صغيرة أولى ثانية ثالثة رابعة خامسة كل أي وحيدة").split()}
_OBJECT_PRONOUNS = ("ها", "هم", "هما", "كم", "نا")  # `محافظة يخسرها`: a verb with a pronoun
_COMPOUND_PLACE_FIRSTS = {fold(w) for w in "وادي رأس بني أبو حفر خميس شمال جنوب شرق غرب".split()}
# common nouns the tagger may call proper there: the chain words of bodies' names (`وكالة أنباء
# فارس`, read by find_bodies), directions and heads of places (`مستشفى شرق جدة`, `شركة جبل
# عمر`), and plain nouns (`مجموعة دول`, `وكالة سفر`)
_NOT_PROPER = CONSTRUCT_V5 | _TOWN_DIRECTIONS | _COMPOUND_PLACE_FIRSTS | {fold(w) for w in (
    "جبل دول سفر أعداء أمن بيت").split()}
_HARAKAT = re.compile("[\u064b-\u0652]")
# Words that begin a longer place name (`عين X`, `باب X`: alone they are a part), common words
# that are also the name of some town (`مدينة جديدة`, a new city; `معسكر`, a camp), and the
# nouns of a place themselves (`منطقة مدينة الملك عبدالله`: `مدينة` is no Medina there).
_NOT_PLACES_ALONE = {fold(w) for w in (
    "عين باب وادي رأس راس جبل بئر تل ساحل دير كفر بيت أبو أم جديدة الجديدة حديثة الحديثة أحد "
    "معسكر مدينة جزيرة حي").split()}
# v5: words that, after a title, make the next word the first name of the name the tagger found
# after it (`الرئيس المخلوع علي عبدالله صالح`), and words that are no given name there
# (particles, pronouns, times, the rank words of `الملازم أول`, `المتحدث باسم`).
_BEFORE_NAMES = {fold(w) for w in "السابق السابقة الأسبق الراحل الراحلة المخلوع الحالي".split()}
_MAX_GIVEN_NAMES = 3  # `ثامر أحمد [العبد المحسن]`, `أحمد موسى [علي آل حسان]`
_SERVANT_OF = fold("عبد")  # the first half of a compound given name written as one word
_ALI = "علي"  # the name, as written; the preposition `على` folds alike
_TITLED_GIVEN_NAMES = {fold(w) for w in "مساعد".split()}  # given names that are title heads
_NEVER_NAMES = (_NOT_NAMES - {fold("على")}) | {fold(w) for w in (
    "أمام يوم صباح مساء عند بعد قبل خلال حتى لدى باسم هو هي هم أول ثاني ركن طيار والد والده "
    "والدي والدها كان كانت").split()}


@dataclass(frozen=True, slots=True)
class ArticleLexicons:
    """What the article reader looks names up in, loaded once when the stage is built."""

    lexicon: Lexicon
    heads: Heads
    person_words: PersonWords
    name_parts: NameParts
    short_names: ShortNames
    places: Gazetteer | None = None  # v5: the shipped gazetteer, for places after a place noun
    outlets: Outlets | None = None  # v5: outlets named in a dateline
    # v5: definite nationality adjectives (`التركي`), after which a given name may stand
    nationalities: frozenset[str] = frozenset()
    # v5: name parts news nearly always writes in a person's name (given_names.tsv)
    given_names: frozenset[str] = frozenset()
    # v5: words the tagger reads in names that news seldom writes in one (seldom_names.tsv)
    seldom_names: frozenset[str] = frozenset()
    # v5: the project's UPOS tagger (khabar.syntax), which reads a body's proper name after its
    # head noun (`proper_bodies`)
    upos: Callable[[list[str]], list[str]] | None = None


def load_article_lexicons(version: int = 3) -> ArticleLexicons:
    """The lexicons of `entities.merge.v3`, its nationality adjectives and title words read from
    the v3 role lexicon (titles_v3.tsv, nisba_v3.tsv), as `entities.roles.v3` reads them;
    `version` 4 (`entities.merge.v4`) adds the heads of places (bodies_v4.tsv), 5 the heads of
    media, deanships and named groups (bodies_v5.tsv) and more organizations
    (organizations_v5.tsv)."""
    roles = load_role_lexicon(version=3)
    lexicon = load_lexicon(version=5 if version >= 5 else 3)
    nisba = frozenset(form[0] for form in roles.nisba if len(form) == 1)
    # For heads, an adjective makes a body a kind of body (`القوات الألمانية`), but not one that
    # is also the country's name (`جيش بوروندي`) or an organization's adjective (v3 maps
    # `الأوروبي`, `الأممي` to organizations: `المجلس الأوروبي` is a body).
    national = frozenset(form[0] for form, country in roles.nisba.items() if len(form) == 1
                         and (form[0].startswith("ال") or fold(country) != form[0])
                         and not _organization(lexicon, country))
    return ArticleLexicons(
        lexicon=lexicon, heads=load_heads(national, version=version),
        person_words=PersonWords(roles.first_words, frozenset(HONORIFICS), pairs=(
            paired_titles(load_role_lexicon(version=5).titles) if version >= 5 else frozenset())),
        name_parts=load_name_parts(), short_names=load_short_names(nisba, roles.first_words),
        places=load_gazetteer() if version >= 5 else None,
        outlets=Outlets.load() if version >= 5 else None,
        nationalities=frozenset(form for form in nisba if form.startswith("ال")),
        given_names=(frozenset(row[0] for row in read_rows("given_names.tsv")) if version >= 5
                     else frozenset()),
        seldom_names=load_seldom_names() if version >= 5 else frozenset(),
        upos=_upos_tagger() if version >= 5 else None)


def _upos_tagger() -> Callable[[list[str]], list[str]]:
    from khabar.syntax import load_parser  # the parser's model is read only when v5 is built
    from khabar.syntax.tagger import tag
    parser = load_parser()
    return lambda tokens: tag(parser.tagger, parser.vocabulary, tokens)


def _organization(lexicon: Lexicon, name: str) -> bool:
    return not lexicon.is_place(name) and lexicon.group_of(name) is not None


def merge_article(text: str, entities, lexicons: ArticleLexicons, *, stage: str,
                  gazetteer: bool = True, sentences=(), lineage: bool = False,
                  joined: bool = False, datelines=()) -> tuple[Entity, ...]:
    """The article's entities (ids e1, e2, … in order of first mention) from its NER mentions;
    `sentences`, the Document's sentence ranges, spare reading the text's tokens again;
    `lineage` (entities.merge.v4): a person's name cut after `بن` takes the next word;
    `joined` (entities.merge.v5): names cut before `الله` or after a title made whole,
    neighbouring mentions that together spell a lexicon name joined, towns of the places
    gazetteer read after a noun of a place, the outlets and writers of the `datelines`
    (the dateline paragraphs' ranges; khabar.entities.datelines), a name the tagger cut in two
    side by side joined, and persons named only by words seldom in a name dropped."""
    raw = without_titles(text, raw_mentions(text, entities), lexicons.person_words)
    if lineage:  # after the titles are cut: a word after `بن` is a name, whatever else it is
        raw = with_whole_lineage(text, raw)
    if joined:
        raw = without_rank_grades(text, raw)
        raw = with_given_names(text, with_first_halves(text, raw), lexicons)
        raw = with_untagged_given_names(text, raw, lexicons)
        raw = without_preposition_ala(text, raw, lexicons.person_words)  # (after the given
        # names: `علي` is one, so the readings above take `على` into the name)
        raw = with_family_names_before_titles(text, raw, lexicons)
        raw = split_names_joined(text, raw, lexicons)
        raw = without_nationalities(text, without_chairing(text, without_complementizers(
            text, raw)), lexicons.nationalities)
        raw = without_leading_bodies(text, raw, lexicons)
        raw = without_bodies_told(text, without_list_conjunctions(text, raw, lexicons), lexicons)
        if lexicons.places is not None:
            raw = governed_towns(text, raw, lexicons.places)
    raw = without_trailing_titles(text, raw, lexicons.person_words, particles=joined)
    words = read_words(text, [(s.start, s.end) for s in sentences])
    if joined:
        listed = find_names(text, lexicons.lexicon, [], words) if raw else []  # one pass, two uses
        raw = joined_names(text, raw, listed)
        raw = outermost_listed(text, raw, listed, stage)
        raw = listed_over_misc(text, raw, lexicons.lexicon)
    if gazetteer:
        taken = [(r.mention.start, r.mention.end) for r in raw]
        for hit in find_names(text, lexicons.lexicon, taken, words):
            raw.append(_raw(text, hit.start, hit.end, hit.type, stage))
    if joined and lexicons.upos is not None:
        raw += proper_bodies(text, raw, words, lexicons.upos, stage)
    typed = [(r.mention.start, r.mention.end, r.type) for r in raw]
    found = find_bodies(text, lexicons.heads, typed, words)
    # A name without a head noun never overlaps a head-noun name; where it is exactly a name the
    # tagger found (`لاعب برشلونة` a place, a club read as a person in sports news), it has the
    # context the tagger lacked, and its type wins.
    persons = frozenset((s, e) for s, e, kind in typed if kind == PER)
    heads = Ranges([(b.start, b.end) for b in found])
    short = [b for b in find_short_names(text, words, lexicons.short_names, persons,
                                         pairs=joined)
             if not heads(b.start, b.end)]
    quoted = quoted_bodies(text) if joined else []
    if joined and lexicons.outlets is not None:
        quoted += named_outlets(text, lexicons.outlets, lexicons.lexicon)
    if joined:
        found += royal_institutions(text, raw, words)
        found = seated_affairs(text, raw, found, words)
    raw = with_bodies(text, raw, found + short + quoted, stage, retype=short + quoted)
    if joined:  # after the bodies: `كأس رابطة المحترفين` is read by its head too
        raw = without_competitions(text, raw)
    if joined and lexicons.places is not None:  # after the bodies: a place in a body's name stays
        raw += places_after_nouns(text, raw, words, lexicons.places, stage,
                                  lexicons.nationalities)
        raw += places_in_lists(text, raw, words, lexicons.places, lexicons.person_words, stage)
        raw = places_listed_after_naming(text, raw, words, lexicons.places, stage)
    if joined and datelines and lexicons.outlets is not None:
        raw += [_raw(text, start, end, kind, stage) for start, end, kind in dateline_names(
            text, datelines, Ranges([(r.mention.start, r.mention.end) for r in raw]),
            lexicons.outlets, lexicons.name_parts, lambda part: _known_place(part, lexicons))]
    if joined:
        raw = without_adjectival_places(text, raw, lexicons.nationalities)
        if lexicons.places is not None:
            raw = administrative_centres(text, raw, lexicons.places)
    raw = surnames_as_persons(raw, lexicons.lexicon)
    merged = merge_mentions(text, raw, lexicons.lexicon)
    if joined:
        merged = [e for e in merged if not _no_person(text, e)
                  and not (e.type == PER and seldom_named(text, e, lexicons.seldom_names))]
    return _renumbered([_checked(text, e, lexicons) for e in merged])


def with_whole_lineage(text: str, raw: list[RawMention]) -> list[RawMention]:
    """Persons' mentions that end in `بن`, `بنت`, `آل`, `أبو` take the next word, and go on
    while another such word follows (`عبدالله بن مساعد`, where the tagger stopped before a word
    that is also a title): no name ends in `son of`. A word is taken only when it is on the same
    line, right after a space, no particle, and in no other mention."""
    starts = {r.mention.start for r in raw}
    out = []
    for r in raw:
        end = r.mention.end
        if r.type == PER:
            for _ in range(_MAX_LINEAGE):
                words = [m.group() for m in _WORD.finditer(text, r.mention.start, end)]
                if not words or fold(words[-1]) not in _LINEAGE:
                    break
                after = _NEXT_WORD.match(text, end)
                if after is None or after.start(1) in starts or fold(after.group(1)) in _NOT_NAMES:
                    break
                end = after.end(1)
                link = _NEXT_WORD.match(text, end)  # `بن مساعد بن عبدالعزيز`: the chain goes on
                if link is not None and fold(link.group(1)) in _LINEAGE and link.start(1) not in starts:
                    end = link.end(1)
        if end != r.mention.end:
            r = _respanned(text, r, r.mention.start, end)
        out.append(r)
    return out


def with_first_halves(text: str, raw: list[RawMention]) -> list[RawMention]:
    """Persons' mentions that start with `الله` take the word before it when it is a first half
    of a compound name (`ضيف الله سحيمان`, cut by the tagger to `الله سحيمان`; not `قال الله
    تعالى`): the word is on the same line, right before a space, and in no other mention."""
    ends = {r.mention.end for r in raw}
    out = []
    for r in raw:
        first = _WORD.match(text, r.mention.start)
        if r.type == PER and first is not None and fold(first.group()) in _SECOND_HALVES:
            before = _PREVIOUS_WORD.search(text, max(0, r.mention.start - 40), r.mention.start)
            if (before is not None and before.end(1) not in ends
                    and fold(before.group(1)) in _FIRST_HALVES):
                r = _respanned(text, r, before.start(1), r.mention.end)
        out.append(r)
    return out


def with_given_names(text: str, raw: list[RawMention], lexicons: ArticleLexicons,
                     ) -> list[RawMention]:
    """Persons' mentions take the given name the tagger left out between a title and them
    (`الرقيب مات تونرو` tagged `تونرو`, `الرئيس المخلوع علي عبدالله صالح` tagged `عبدالله
    صالح`): the word is a name part of name_parts.tsv without `ال`, no title word, no place or
    body of the lexicon, no particle, in no other mention, on the same line, and a title word,
    an honorific, a `السابق`-like word or a nationality stands right before it (`رئيس الوزراء
    الماليزي نجيب عبدالرزاق` tagged `عبدالرزاق`; after a nationality no word in `و`, which
    joins another name). (`علي` there is the name, not the preposition `على` it folds to.)"""
    ends = {r.mention.end for r in raw}
    words = lexicons.person_words
    out = []
    for r in raw:
        before = _PREVIOUS_WORD.search(text, max(0, r.mention.start - 40), r.mention.start)
        if r.type == PER and before is not None and before.end(1) not in ends:
            word = fold(before.group(1))
            first = _PREVIOUS_WORD.search(text, max(0, before.start(1) - 40), before.start(1))
            before_first = fold(first.group(1)) if first is not None else ""
            national = before_first in lexicons.nationalities and not word.startswith("و")
            titled = first is not None and (words.starts_title(before_first)
                                            or before_first in _BEFORE_NAMES or national)
            if (titled and not word.startswith("ال") and word not in _NEVER_NAMES
                    and lexicons.name_parts.known(word) and not words.starts_title(word)
                    and lexicons.lexicon.group_of(before.group(1)) is None):
                r = _respanned(text, r, before.start(1), r.mention.end)
        out.append(r)
    return out


def with_untagged_given_names(text: str, raw: list[RawMention], lexicons: ArticleLexicons,
                              ) -> list[RawMention]:
    """Persons' mentions take the given names the tagger left out before them, wherever they
    stand (`زاهر [محمد الشهري]`, `ليبرون [جيمس]`, `أحمد موسى [علي آل حسان]`): up to three
    words that news nearly always writes in a name (given_names.tsv; not `عيد`, also a feast,
    nor `طالب`, also a verb), or the name `علي` written with its `ي` (the preposition `على`
    folds alike, so the list cannot hold it), or `مساعد` right before the name (a title head
    too: `_titled_given_name`). Each word is right before a space, on the same
    line, in no other mention, no title word and no name of a place or body; a word after `و`
    is taken without it and ends the look-back (`وعلي [عمرو]`: `و` joins another name)."""
    ends = {r.mention.end for r in raw}
    out = []
    for r in raw:
        start = r.mention.start
        for _ in range(_MAX_GIVEN_NAMES if r.type == PER else 0):
            before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
            if before is None or before.end(1) in ends:
                break
            word = before.group(1)
            if _given_name(word, lexicons) or (start == r.mention.start and _titled_given_name(
                    word, text[r.mention.start:r.mention.end])):
                start = before.start(1)
            elif word.startswith("و") and _given_name(word[1:], lexicons):
                start = before.start(1) + 1
                break
            else:
                break
        if start != r.mention.start:
            r = _respanned(text, r, start, r.mention.end)
        out.append(r)
    return out


def with_family_names_before_titles(text: str, raw: list[RawMention],
                                    lexicons: ArticleLexicons) -> list[RawMention]:
    """A person's one-word mention, a given name, takes the one word between it and a title
    that follows (`أحمد [عيد] رئيس الاتحاد`: the tagger cut the family name, which is also a
    feast): a name part of name_parts.tsv of three letters or more, no title word, no
    particle, not after `و` (`سعود وإبراهيم`: another name), in no other mention, on the same
    line, with a title head right after it."""
    starts = {r.mention.start for r in raw}
    words = lexicons.person_words
    out = []
    for r in raw:
        name = text[r.mention.start:r.mention.end]
        if r.type == PER and " " not in name.strip() and _given_name(name.strip(), lexicons):
            after = _NEXT_WORD.match(text, r.mention.end)
            title = _NEXT_WORD.match(text, after.end()) if after is not None else None
            if title is not None and after.start(1) not in starts \
                    and words.starts_title(fold(title.group(1))) \
                    and not words.starts_title(fold(after.group(1))) \
                    and fold(after.group(1)) not in _NEVER_NAMES and len(after.group(1)) > 2 \
                    and not after.group(1).startswith("و") \
                    and lexicons.name_parts.known(fold(after.group(1))):  # (`وزياد`: another)
                r = _respanned(text, r, r.mention.start, after.end(1))
        out.append(r)
    return out


def split_names_joined(text: str, raw: list[RawMention], lexicons: ArticleLexicons,
                       ) -> list[RawMention]:
    """One person's name the tagger cut in two, side by side (`[برونو] [لو مير]`, `[سوزان]
    [رايس]`, `[فهد خليل] [اسماعيل]`, `[زينب بنت] [محمد لباد]`), is one mention: two persons'
    mentions with only spaces between them on one line, the second starting with a known name
    part as written (no `و` of a list, `[نيمار] [وغابرييل خيسوس]`, no preposition, `[السيستاني]
    [للعبادي]`),
    the first no title (`[الشريف] [منصور ...]`: the role reader reads it before the name), and
    one of them a single word: a first name the article never writes alone (`[ترامب] [كيم جونغ
    أون]` are two), or a last name after a name that does not end in a family name with `ال`
    (`[ماجد العبيد] [رمضان]` are a name and a month), that no other mention ends with
    (`انتقد [جون ماكين] [ترامب]`: subject and object)."""
    persons = [fold(text[r.mention.start:r.mention.end]) for r in raw if r.type == PER]
    alone = Counter(persons)
    lasts = Counter(name.split()[-1] for name in persons if name.split())
    out: list[RawMention] = []
    for r in sorted(raw, key=lambda r: (r.mention.start, -r.mention.end)):
        last = out[-1] if out else None
        if (last is not None and last.type == PER and r.type == PER
                and _SPACES.fullmatch(text, last.mention.end, r.mention.start)
                and _split_name(text[last.mention.start:last.mention.end],
                                text[r.mention.start:r.mention.end], lexicons, alone, lasts)):
            joined = _respanned(text, last, last.mention.start, r.mention.end)
            score = max((m.score for m in (last.mention, r.mention) if m.score is not None),
                        default=None)
            out[-1] = RawMention(dataclasses.replace(joined.mention, score=score), PER, joined.name)
            continue
        out.append(r)
    return out


def _split_name(first: str, second: str, lexicons: ArticleLexicons, alone: Counter,
                lasts: Counter) -> bool:
    """`second` goes on the name `first` started (see split_names_joined); `alone` counts the
    article's persons' mentions by folded name, `lasts` by their folded last word."""
    firsts, seconds = _WORD.findall(first), _WORD.findall(second)
    if not firsts or not seconds or _MARKS_IN_NAMES.search(first + second):
        return False
    head, words = fold(seconds[0]), lexicons.person_words
    if (head not in lexicons.name_parts.parts and head not in lexicons.given_names
            or head[:1] in _LIST_JOINS or head in _NEVER_NAMES
            or head[:1] in _GLUED_PREPOSITIONS and head[1:] in lexicons.name_parts.parts
            or words.starts_title(fold(firsts[0])) or words.starts_title(head)):
        return False
    if fold(firsts[-1]) in _LINEAGE:
        return True  # `[زينب بنت] [محمد لباد]`: no name ends in `daughter of`
    if len(firsts) == 1:
        return alone[fold(first)] == 1
    # a last name no other mention ends with (`انتقد جون ماكين ترامب`: the object, named
    # elsewhere as `دونالد ترامب`)
    return len(seconds) == 1 and not fold(firsts[-1]).startswith("ال") and alone[head] == 1 \
        and lasts[head] == 1


def _titled_given_name(word: str, mention: str) -> bool:
    """`مساعد [الزويهري]`, `مساعد [غالي العنزي]`: a given name that is also a title head, right
    before a name of two words or a family name with `ال`; a title needs a complement, which a
    name is not (but `مساعد ترامب` is Trump's aide)."""
    words = mention.split()
    return fold(word) in _TITLED_GIVEN_NAMES and (len(words) > 1 or words[0].startswith("ال"))


def _given_name(word: str, lexicons: ArticleLexicons) -> bool:
    """True for a word of given_names.tsv, a compound given name of `عبد` written as one word
    or the name `علي`; no title word or lexicon name."""
    folded = fold(word)
    compound = folded.startswith(_SERVANT_OF) and len(folded) > 5  # `عبدربه`, `عبدالحافظ`
    return ((folded in lexicons.given_names or word == _ALI or compound)
            and folded not in _NEVER_NAMES
            and not lexicons.person_words.starts_title(folded)
            and lexicons.lexicon.group_of(word) is None)


def places_after_nouns(text: str, raw: list[RawMention], words, places: Gazetteer,
                       stage: str, nationalities: frozenset[str] = frozenset(),
                       ) -> list[RawMention]:
    """Places the tagger left untagged after a noun of a place: `محافظة حجة`, `بمدينة الظهران`,
    `محافظتي حجة وصعدة` (the name of one or two words a city or region of an Arab League
    country in the shipped gazetteer, in no mention, with no particle; the head noun stays out
    of the place's span); names no list holds that marks or the words after them place
    (`placed_town`, `_marked_town`; `nationalities`, the definite nisba forms); and towns joined
    by و to a place already found, where the list goes on after them: `عدن والضالع، ...`,
    `عسير وصبيا.`."""
    taken = Ranges([(r.mention.start, r.mention.end) for r in raw])
    located = Ranges([(r.mention.start, r.mention.end) for r in raw if r.type == LOC])
    tokens, folded = words.tokens, words.folded
    found: list[RawMention] = []
    for i, word in enumerate(folded):
        if word not in _PLACE_NOUNS or tokens[i].kind != "word":  # with its proclitics
            continue
        j, skip = i + 1, 0
        if j < len(tokens) and tokens[j].kind != "word" and word in _TOWN_NOUNS:
            hit = _marked_town(text, tokens, j, taken)
            if hit is not None:
                found.append(_raw(text, hit[0], hit[1], LOC, stage))
            continue
        while j < len(tokens) and tokens[j].kind == "word":
            hit = _gazetteer_place(text, tokens, folded, j, skip, places, taken)
            if hit is None and skip == 0 and word in _DISTRICT_NOUNS:
                hit = _district(text, tokens, folded, j, taken)
            if hit is None and skip == 0 and word in _GOVERNORATE_NOUNS:
                hit = _governorate(text, tokens, folded, j, taken)
            if hit is None and skip == 0 and word in _TOWN_NOUNS:
                hit = placed_town(text, tokens, folded, j, word in _AMBIGUOUS_TOWN_NOUNS,
                                  taken, located, nationalities)
            if hit is None:
                break
            start, end, j = hit
            found.append(_raw(text, start, end, LOC, stage))
            if j >= len(tokens) or not folded[j].startswith("و"):
                break  # the next place only when joined by و (`وصعدة`)
            skip = 1
    for r in raw + found:
        if r.type == LOC:
            after = bisect_left(tokens, r.mention.end, key=lambda t: t.start)
            found += _joined_towns(text, tokens, folded, after, places, taken, stage)
    return found


def places_in_lists(text: str, raw: list[RawMention], words, places: Gazetteer,
                    person_words: PersonWords, stage: str) -> list[RawMention]:
    """Places listed after a plural noun of places (`مديريات المنصورة والبريقة والمعلا،`,
    `أحياء أجياد والغزة والمسفلة`, `محافظات الوجه وأملج وحقل`): two or more items joined by و,
    each a gazetteer place of one or two words, a name already found, or one word (definite,
    or any when two items are places known), the list closed by a mark, a line's end or a
    preposition unless it holds three items or more, and at least one item a place already
    found or in the gazetteer (which holds few districts and villages). Items already found
    stay as they are."""
    taken = Ranges([(r.mention.start, r.mention.end) for r in raw])
    places_found = Ranges([(r.mention.start, r.mention.end) for r in raw if r.type == LOC])
    tokens, folded = words.tokens, words.folded
    found: list[RawMention] = []
    for i, word in enumerate(folded):
        if word not in _PLURAL_PLACE_NOUNS or tokens[i].kind != "word":
            continue
        items, j = [], i + 1
        while j < len(tokens) and tokens[j].kind == "word" and len(items) < _MAX_LISTED_PLACES:
            if items and not folded[j].startswith("و"):
                break
            item = _listed_place(text, tokens, folded, j, 1 if items else 0, places, taken,
                                 person_words)
            if item is None:
                break
            start, end, j, kind = item
            known = kind == "gazetteer" or places_found(start, end)
            items.append((start, end, j, "known" if known else kind))
        known = sum(kind == "known" for *_, kind in items)
        if known < 2:  # a bare word is a place only beside two known ones
            items = items[:next((k for k, item in enumerate(items) if item[3] == "bare"),
                                len(items))]
        if len(items) < 2 or not known:
            continue
        after = items[-1][2]  # the token after the list
        closed = (len(items) >= 3 or after >= len(tokens) or tokens[after].text in _LIST_ENDS
                  or folded[after] in _NOT_NAMES or "\n" in text[items[-1][1]:tokens[after].start])
        if closed:
            found += [_raw(text, start, end, LOC, stage) for start, end, _, kind in items
                      if kind != "taken"]
    return found


def places_listed_after_naming(text: str, raw: list[RawMention], words, places: Gazetteer,
                               stage: str) -> list[RawMention]:
    """v5: places listed after `هي` or a colon that a plural noun of places in the same
    sentence names (`المديريات التي ستستفيد من المساعدات هي المنصورة، والشيخ عثمان،
    والبريقة، ودار سعد`): items of one or two words between commas and `و`, at least
    _MIN_NAMED_TOWNS of them gazetteer towns of an Arab League country. Every item is a place,
    whatever the tagger read there (`والشيخ عثمان` as a person); a body found stays."""
    tokens, folded = words.tokens, words.folded
    kept = Ranges([(r.mention.start, r.mention.end) for r in raw if r.type != PER])
    found: list[tuple[int, int]] = []
    for i, word in enumerate(folded):
        if word not in _NAMING_OPENERS or not any(
                strip_article(folded[k]) in _PLURAL_PLACE_NOUNS
                for k in range(max(0, i - _NAMING_REACH), i)):
            continue
        items, towns, j = [], 0, i + 1
        while j < len(tokens) and len(items) < _MAX_LISTED_PLACES:
            if items and tokens[j].text in _LIST_COMMAS:
                j += 1
            if j >= len(tokens) or tokens[j].kind != "word" or (
                    items and not folded[j].startswith("و")):
                break
            skip = 1 if items else 0
            hit = _gazetteer_place(text, tokens, folded, j, skip, places, kept)
            last = hit[2] if hit is not None else j + 1
            if hit is None and last < len(tokens) and tokens[last].kind == "word" \
                    and not folded[last].startswith("و"):
                last += 1  # `ودار سعد`: two words no gazetteer lists
            if last < len(tokens) and tokens[last].kind == "word" or kept(
                    tokens[j].start + skip, tokens[last - 1].end):
                break  # an item of three words or more, or a body: the list ended before
            items.append((tokens[j].start + skip, tokens[last - 1].end))
            towns += hit is not None
            j = last
        if towns >= _MIN_NAMED_TOWNS:
            found += items
    if not found:
        return raw
    listed = Ranges(found)
    return [r for r in raw if not (r.type == PER and listed(r.mention.start, r.mention.end))] + [
        _raw(text, start, end, LOC, stage) for start, end in found
        if not kept(start, end)]


def _listed_place(text, tokens, folded, j: int, skip: int, places: Gazetteer, taken: Ranges,
                  person_words: PersonWords) -> tuple[int, int, int, str] | None:
    """One item of a list of places at token j (its first `skip` letters, `و`, left out):
    (start, end, the next token's index, its kind: `gazetteer`, `taken` by a mention, a
    `definite` word or a `bare` one), or None."""
    start, end, name = tokens[j].start + skip, tokens[j].end, folded[j][skip:]
    if taken(start, end):
        return start, end, j + 1, "taken"
    hit = _gazetteer_place(text, tokens, folded, j, skip, places, taken)
    if hit is not None:
        return (*hit, "gazetteer")
    if (len(name) < 3 or name in _NOT_NAMES or name in _DIRECTIONS or name in _PLACE_NOUNS
            or name in _PLURAL_PLACE_NOUNS or person_words.starts_title(name)
            or "\n" in text[start:end]):
        return None  # `ومحافظتي`, `وجنوب سيناء`: a noun of a place or a direction starts more
    if name.startswith("ال"):
        return (start, end, j + 1, "definite") if len(name) >= 4 else None
    return start, end, j + 1, "bare"


def _joined_towns(text, tokens, folded, j: int, places: Gazetteer, taken: Ranges,
                  stage: str) -> list[RawMention]:
    """The towns joined by و after a place ending before token j (`عدن والضالع، ولحج.`): each
    a gazetteer town in no mention, kept up to the last one a mark or a line's end follows.
    The gazetteer holds common words as towns (`وسوق السودة`, `وحكومة ولاية`, `ونصر الله`);
    a word after one says it was no town."""
    found: list[RawMention] = []
    kept = 0  # the towns so far that a mark ends
    if j < len(tokens) and tokens[j].text in _LIST_COMMAS:
        j += 1
    while j < len(tokens) and tokens[j].kind == "word" and folded[j].startswith("و"):
        skip = 1
        if folded[j] == "و":  # `و الجوف`
            j, skip = j + 1, 0
        hit = _gazetteer_place(text, tokens, folded, j, skip, places, taken) \
            if j < len(tokens) else None
        if hit is None:
            break
        start, end, j = hit
        found.append(_raw(text, start, end, LOC, stage))
        if j >= len(tokens) or tokens[j].text in _LIST_ENDS or "\n" in text[end:tokens[j].start] \
                or _tagged_next(tokens, folded, j, taken):
            kept = len(found)
            if j < len(tokens) and tokens[j].text in _LIST_COMMAS:
                j += 1
                continue
            break
    return found[:kept]


def _tagged_next(tokens, folded, j: int, taken: Ranges) -> bool:
    """Token j is `و` glued to, or standing before, a name already found (`و حائل`)."""
    if not folded[j].startswith("و"):
        return False
    if folded[j] == "و":
        return j + 1 < len(tokens) and taken(tokens[j + 1].start, tokens[j + 1].end)
    return taken(tokens[j].start + 1, tokens[j].end)


def placed_town(text, tokens, folded, j: int, ambiguous: bool, taken: Ranges, located: Ranges,
                nationalities: frozenset[str]) -> tuple[int, int, int] | None:
    """`مدينة مروة شمال الكاميرون`, `بلدة عبا في قضاء النبطية`, `مدينة منزل بورقيبة التابعة
    لولاية بنزرت`, `بلدة بيت أمر، قضاء الخليل`, `مدينة أكدة السورية`, `وحي باب توما في دمشق`:
    after a noun of a town, village or district, a name of one to three words in no mention is
    a place where the words right after it place it: a direction or nearness (`شمال`, `غربي`,
    `قرب`), an administrative unit after `ب`, `في` or a comma (`بمحافظة`, `في ولاية`, `، قضاء`),
    `التابعة ل`, a country's nisba, or `في` and a place already found. The name opens with no
    article, a particle, a number word or an adjective (`مدينة صغيرة في`, `قرية زراعية شمال`:
    no nisba ending, no word of _NOT_GOVERNORATES), no word of it is a direction or a noun of a
    place. After `ولاية` only an administrative unit places it (`بولاية رابعة في روسيا` is a
    term of office); a country's nisba places a name of one word only (`بلدة تمكنت القوات
    التركية`)."""
    first = folded[j]
    if (first.startswith("ال") or first.endswith(_NISBA_ENDINGS + ("ي",)) or first in _NOT_TOWNS
            or tokens[j].text.endswith(_OBJECT_PRONOUNS + ("ه",))):
        return None
    for size in range(1, _MAX_TOWN_WORDS + 1):
        last = j + size - 1
        if last >= len(tokens) or tokens[last].kind != "word" or not _town_word(folded[last]):
            return None
        start, end = tokens[j].start, tokens[last].end
        if taken(start, end) or "\n" in text[tokens[j - 1].end:end]:
            return None
        if _placed_by(text, tokens, folded, last + 1, ambiguous, located, nationalities,
                      size == 1):
            return start, end, last + 1
        if size > 1 and folded[last].endswith(_NISBA_ENDINGS):
            return None  # `قرية رجال التراثية`: a description, no longer name
    return None


def _town_word(word: str) -> bool:
    """A word that may be part of a town's name (`مروة`, `بيت`, `الطراب`)."""
    return (len(word) >= 2 and word not in _NOT_NAMES and word not in _NOT_GOVERNORATES
            and word not in _TOWN_DIRECTIONS and word not in _ADMINISTRATIVE_NOUNS
            and word not in _PLACE_NOUNS and not word.startswith(("و", "بال"))
            and not word.endswith(_NISBA_ENDINGS) and not word.isdigit())


def _placed_by(text, tokens, folded, k: int, ambiguous: bool, located: Ranges,
               nationalities: frozenset[str], one_word: bool) -> bool:
    """The words from token k place the name before them (placed_town)."""
    if k < len(tokens) and tokens[k].text in _LIST_COMMAS:
        k += 1
        comma = True
    else:
        comma = False
    if k >= len(tokens) or tokens[k].kind != "word" or "\n" in text[tokens[k - 1].end:tokens[k].end]:
        return False
    word = folded[k]
    if word in _ADMINISTRATIVE_NOUNS or (word[:1] == "ب" and word[1:] in _ADMINISTRATIVE_NOUNS
                                         and not comma):
        return True
    following = folded[k + 1] if k + 1 < len(tokens) and tokens[k + 1].kind == "word" else ""
    if word == "في" and not comma and strip_article(following) in _ADMINISTRATIVE_NOUNS:
        return True
    if ambiguous:
        return False
    if word in _TOWN_DIRECTIONS or (word in _BELONGING and following.startswith("ل")):
        return True
    if comma:
        return False
    if word in nationalities and word.endswith(("يه", "ي")) and one_word:
        return True  # `أكدة السورية`; not a people (`قرية خيام الهنود`), nor after a clause
        # (`بلدة تمكنت القوات التركية`)
    return word == "في" and bool(following) and located(tokens[k + 1].start, tokens[k + 1].end)


def _marked_town(text, tokens, j: int, taken: Ranges) -> tuple[int, int] | None:
    """`مدينة #أضنة`, `بلدة “سيفاري”`, `حي «نوتنغ هيل»`: a name right after a noun of a town,
    marked as a hashtag (one word glued to `#`) or set in quotation marks or brackets (one to
    three words), in no mention, is that place: (start, end), or None."""
    mark = tokens[j].text
    if mark == "#":
        name = tokens[j + 1] if j + 1 < len(tokens) else None
        if name is None or name.kind != "word" or name.start != tokens[j].end:
            return None
        if j + 2 < len(tokens) and tokens[j + 2].start == name.end:
            return None  # `#بيت_لحم`: a hashtag of more than one word is read by no rule here
        start, end = name.start, name.end
    elif mark in _TOWN_MARKS:
        close = next((k for k in range(j + 1, min(len(tokens), j + _MAX_TOWN_WORDS + 2))
                      if tokens[k].kind != "word"), None)
        if close is None or close == j + 1 or tokens[close].text != _TOWN_MARKS[mark]:
            return None
        start, end = tokens[j + 1].start, tokens[close - 1].end
        if any(fold(t.text).startswith("و") for t in tokens[j + 2:close]):
            return None  # `مدينة «الضوضاء والعناء والبلاء»`: a list, a figure of speech
    else:
        return None
    if taken(start, end) or "\n" in text[tokens[j].start:end] or not any(
            ch.isalpha() for ch in text[start:end]):
        return None
    return start, end


def _district(text, tokens, folded, j: int, taken: Ranges) -> tuple[int, int, int] | None:
    """`حي السعادة`, `مخيم الزعتري`, `قرية الخلف`: after a noun of a district, camp or village,
    one definite word in no mention names it, listed in a gazetteer or not (the gazetteer
    holds few districts; of 48 such names left untagged on 2,500 corpus articles, all read as
    places)."""
    start, end = tokens[j].start, tokens[j].end
    if (not folded[j].startswith("ال") or len(folded[j]) < 4 or folded[j] in _NOT_NAMES
            or taken(start, end) or "\n" in text[tokens[j - 1].end:start]):
        return None
    return start, end, j + 1


def _governorate(text, tokens, folded, j: int, taken: Ranges) -> tuple[int, int, int] | None:
    """`محافظة العيص`, `بمحافظة نمرة`, `محافظة وادي الدواسر`: after `محافظة` (a governorate,
    not the definite `المحافظة`), the word in no mention names it, listed in a gazetteer or not
    (the gazetteer holds few; of 40 such words left untagged on 2,500 corpus articles, all
    but the adjectives and verbs kept out here were places): not an adjective (`محافظة يمنية`,
    `محافظة جديدة`), not a verb with its object (`محافظة يخسرها`); with the next word after
    a first half of a compound name (`وادي`, `رأس`)."""
    start, end = tokens[j].start, tokens[j].end
    word, written = folded[j], tokens[j].text
    if (len(word) < 3 or word in _NOT_NAMES or word in _NOT_GOVERNORATES or taken(start, end)
            or "\n" in text[tokens[j - 1].end:start] or written.endswith(_OBJECT_PRONOUNS)
            or not word.startswith("ال") and word.endswith(_NISBA_ENDINGS)):
        return None
    if word in _COMPOUND_PLACE_FIRSTS and j + 1 < len(tokens) and tokens[j + 1].kind == "word" \
            and not taken(tokens[j + 1].start, tokens[j + 1].end):
        return start, tokens[j + 1].end, j + 2
    return start, end, j + 1


def _gazetteer_place(text, tokens, folded, j: int, skip: int, places: Gazetteer,
                     taken: Ranges) -> tuple[int, int, int] | None:
    """The longest gazetteer place of at most two words from token j (its first `skip` letters
    left out): (start, end, the next token's index), or None."""
    for size in range(_MAX_PLACE_WORDS, 0, -1):
        last = j + size - 1
        if last >= len(tokens) or any(tokens[k].kind != "word" for k in range(j, last + 1)):
            continue
        start, end = tokens[j].start + skip, tokens[last].end
        if (folded[j][skip:] in _NOT_NAMES or (size == 1 and folded[j][skip:] in _NOT_PLACES_ALONE)
                or taken(start, end) or "\n" in text[start:end]):
            continue
        if any(place.kind in (CITY, REGION) and place.country in ARAB_LEAGUE
               for place, _ in places.lookup(name_key(text[start:end]))):
            return start, end, last + 1
    return None


def seated_affairs(text: str, raw: list[RawMention], bodies: list[Hit], words) -> list[Hit]:
    """v5: a body named by its head noun and the affairs it runs goes on to the seat of its
    branch after `ب` or `في` (`المديرية العامة للشؤون الصحية بمنطقة عسير`, `إدارة الشؤون
    الصحية في منطقة مكة المكرمة`), as find_bodies reads `بمنطقة` after other bodies: the
    affairs, a nisba adjective, a region's noun and its name. Affairs with no head noun
    (`مدير عام الشؤون الصحية بمنطقة الجوف`) are a field in a title, and the region its
    affiliation (annotation guidelines: `مدير إدارة العلاقات العامة`). The bodies found so far,
    with these extended."""
    tokens, folded = words.tokens, words.folded
    places = {r.mention.start: r.mention.end for r in raw if r.type == LOC}
    ends = {b.end: b for b in bodies}
    ends.update({r.mention.end: Hit(r.mention.start, r.mention.end, ORG) for r in raw
                 if r.type == ORG and r.mention.end not in ends})
    seated: list[Hit] = []
    for i, word in enumerate(folded[:-4]):
        j = i + 1
        if word not in _AFFAIRS or tokens[i].kind != "word" or not folded[j].startswith("ال") \
                or not folded[j].endswith("يه"):
            continue
        k = j + 1
        if folded[k] == "في" and k + 1 < len(folded):
            k += 1
            region = folded[k]
        else:
            region = folded[k][1:] if folded[k].startswith("ب") else ""
        if region not in _SEAT_NOUNS or k + 1 >= len(tokens) or tokens[k + 1].kind != "word" \
                or "\n" in text[tokens[i].start:tokens[k + 1].end]:
            continue
        end = places.get(tokens[k + 1].start, tokens[k + 1].end)
        after = bisect_left(tokens, end, key=lambda t: t.start)
        if after < len(tokens) and folded[after] in EPITHETS and tokens[after].start - end <= 1:
            end = tokens[after].end  # `بمنطقة مكة المكرمة` with only `مكة` read
        outer = ends.get(tokens[j].end)
        if outer is not None and outer.start < tokens[i].start:
            seated.append(Hit(outer.start, end, ORG))
    if not seated:
        return bodies
    covered = Ranges([(h.start, h.end) for h in seated])
    return [b for b in bodies if not covered(b.start, b.end)] + seated


def royal_institutions(text: str, raw: list[RawMention], words) -> list[Hit]:
    """Institutions and places named for a king or a prince, whose person the tagger found:
    `مدينة الملك عبدالله للطاقة الذرية`, `دارة الملك عبدالعزيز`, `شارع الملك فهد`. The name
    runs from the head noun over the person and the definite words after (at most
    _MAX_ROYAL_TAIL); as a body it replaces the person inside it (only the outermost name is
    an entity, docs/annotation-entities.md)."""
    tokens, folded = words.tokens, words.folded
    starts = [t.start for t in tokens]
    found = []
    for r in raw:
        if r.type != PER:
            continue
        i = bisect_left(starts, r.mention.start)
        if i < 2 or i >= len(tokens) or tokens[i].start != r.mention.start \
                or folded[i - 1] not in _ROYALS:
            continue
        head = folded[i - 2]
        cut = 1 if head[:1] in "وبلف" and head[1:] in _ROYAL_HEADS else 0
        kind = _ROYAL_HEADS.get(head[cut:])
        if kind is None or "\n" in text[tokens[i - 2].end:r.mention.start]:
            continue
        last = bisect_left(starts, r.mention.end) - 1
        for _ in range(_MAX_ROYAL_TAIL):
            k = last + 1
            if k >= len(tokens) or tokens[k].kind != "word" or "\n" in text[
                    tokens[last].end:tokens[k].start] or not folded[k].startswith(("ال", "لل")) \
                    or folded[k] in _ROYAL_TAIL_STOPS or folded[k] in HONORIFICS:
                break
            last = k
            if folded[k] in _VENUES:
                kind = LOC  # `مدينة الملك عبدالله الرياضية`: a stadium; `الاقتصادية`: a town
        found.append(Hit(tokens[i - 2].start + cut, tokens[last].end, kind))
    return found


def proper_bodies(text: str, raw: list[RawMention], words, upos, stage: str
                  ) -> list[RawMention]:
    """v5: the proper name the tagger left out right after a body's head noun (`شركة توشيبا`,
    `جامعة سارلاند التقنية`, `بجامعة هوود`, `شركة دلمون للدواجن`): one to _MAX_PROPER_WORDS
    indefinite words in no mention that the project's UPOS tagger (khabar.syntax, trained on
    UD Arabic news) reads as proper nouns, tagged in a window around them; no nisba adjective
    (`مدرسة ابتدائية`, which it also calls one). Each is an organization's name, which the
    head-noun reader (find_bodies) then joins to its head and the chain after it. The tagger
    reads only these windows: a few per article."""
    tokens, folded = words.tokens, words.folded
    taken = Ranges([(r.mention.start, r.mention.end) for r in raw])
    found: list[RawMention] = []
    for i, word in enumerate(folded[:-1]):
        j = i + 1
        if word not in _PROPER_BODY_HEADS or tokens[i].kind != "word" \
                or tokens[i].text.endswith("ى") \
                or not _proper_candidate(text, tokens, folded, j, taken):
            continue  # (`نادى ربه`: he called, no club)
        lo, hi = max(0, i - _UPOS_BEFORE), min(len(tokens), j + _UPOS_AFTER)
        tags = upos([t.text for t in tokens[lo:hi]])
        k = j
        while k < hi and k - j < _MAX_PROPER_WORDS and tags[k - lo] == "PROPN" \
                and (k == j or _proper_candidate(text, tokens, folded, k, taken)):
            k += 1
        if k > j:
            found.append(_raw(text, tokens[j].start, tokens[k - 1].end, ORG, stage))
    return found


def _proper_candidate(text, tokens, folded, j: int, taken: Ranges) -> bool:
    """Token j may be a word of a body's proper name after its head (proper_bodies)."""
    word, written = folded[j], tokens[j].text
    return (tokens[j].kind == "word" and len(word) >= 3 and not word.startswith(("ال", "و"))
            and not word.endswith(_NISBA_ENDINGS + ("ي",)) and word not in _NOT_NAMES
            and word not in _NOT_PROPER and not _HARAKAT.search(written)
            and not word.endswith("ات") and not word.startswith("لا")  # `كيماويات`, `لاستقطاب`
            and not written.endswith(_OBJECT_PRONOUNS + ("ك",))
            and not taken(tokens[j].start, tokens[j].end)
            and "\n" not in text[tokens[j - 1].end:tokens[j].start])


def quoted_bodies(text: str) -> list[Hit]:
    """The quoted names of bodies named by their head noun: `شركة «ميلوارد براون»`, `حزب
    "البديل لألمانيا"`, `قوات "الحزام الأمني"`, `صحيفة «الصباح»` (the name inside the marks, at
    most _MAX_QUOTED_BODY words, an organization whatever the tagger read there: on 2,500 corpus
    articles 376 of 463 such names were already one, 80 nothing or a person or a place)."""
    found = []
    for match in _QUOTED_BODY.finditer(text):
        name = match.group("name").strip()
        words = fold(name).split()
        if not 1 <= len(words) <= _MAX_QUOTED_BODY or any(
                w in _NOT_NAMES or w in _REPORTED for w in words):
            continue
        start = match.start("name") + (len(match.group("name")) - len(match.group("name").lstrip()))
        found.append(Hit(start, start + len(name), ORG))
    return found


def named_outlets(text: str, outlets: Outlets, lexicon: Lexicon) -> list[Hit]:
    """News outlets of outlets.tsv named where only an outlet can be meant: after the head noun
    of a medium, which the name takes in (`ونقلت صحيفة الوئام`), or in quotation marks (`وقال
    في تصريحات لـ «المدينة»`, `رصدت "الوطن"`: the paper, not the city); and organizations of
    the lexicon in quotation marks, as the lexicon writes them (`تنظيمي «داعش» و«جبهة
    النصرة»`; not its ambiguous short names, `«الدولة»`); and outlets in brackets after `لـ` or
    a verb of learning (`لـ(عكاظ)`, `وعلمت (عكاظ)`)."""
    found = []
    heads = _MEDIA_HEAD.finditer(text) if any(h in text for h in _MEDIA_HEADS) else ()
    for match in heads:
        words = list(_WORD.finditer(text, match.end(), min(len(text), match.end() + 60)))
        for count in range(min(_MAX_OUTLET_WORDS, len(words)), 0, -1):
            end = words[count - 1].end()
            if "\n" not in text[match.end():end] and line_key(text[words[0].start():end]) \
                    in outlets.by_name:
                found.append(Hit(match.start("head"), end, ORG))
                break
    for match in _QUOTED_NAME.finditer(text):
        name = match.group("name")
        if line_key(name) in outlets.by_name or lexicon.names.get(
                tuple(fold(name).split())) == ORG:
            start = match.start("name") + len(name) - len(name.lstrip())
            found.append(Hit(start, start + len(name.strip()), ORG))
    for match in _TOLD_BRACKETED.finditer(text):  # `لـ(عكاظ)`, `وعلمت (عكاظ)`
        name = match.group("name")
        if line_key(name) in outlets.by_name:
            start = match.start("name") + len(name) - len(name.lstrip())
            found.append(Hit(start, start + len(name.strip()), ORG))
    return found


def without_competitions(text: str, raw: list[RawMention]) -> list[RawMention]:
    """Without the persons and bodies right after the head of a competition's name (`دوري
    عبداللطيف جميل`, `(دوري عبد اللطيف جميل)`, `وكأس رابطة المحترفين`): a sponsor or a body
    there is part of the competition's name, which is no person nor organization."""
    out = []
    for r in raw:
        if r.type not in (PER, ORG):
            out.append(r)  # a place there may make the competition's own name (`كأس إنجلترا`)
            continue
        before = text[max(0, r.mention.start - _COMPETITION_REACH):r.mention.start].rstrip(
            " \t\u00a0" + _COMPETITION_OPENERS)
        word = _PREVIOUS_WORD.search(before + " ")
        head = fold(word.group(1)) if word else ""
        # the head in construct, with a proclitic or none; `الدوري` is the league in general
        if not (head in _COMPETITIONS or head[:1] in "وبلف" and head[1:] in _COMPETITIONS):
            out.append(r)
    return out


def joined_names(text: str, raw: list[RawMention], listed: list[Hit]) -> list[RawMention]:
    """Two or more mentions of one type that together are exactly a lexicon name of that type
    (`المدينة` and `المنورة`, tagged as two places) become one mention of it; `listed`: the
    lexicon's names in the text (find_names with nothing taken)."""
    spans = sorted(raw, key=lambda r: r.mention.start)
    if not any(a.type == b.type and text[a.mention.end:b.mention.start].isspace()
               for a, b in zip(spans, spans[1:])):
        return raw  # nothing to join (most articles)
    out: list[RawMention] = []
    by_start = {r.mention.start: k for k, r in enumerate(spans)}
    skip: set[int] = set()
    for hit in listed:
        k = by_start.get(hit.start)
        if k is None:
            continue
        parts = [k]
        while spans[parts[-1]].mention.end < hit.end and parts[-1] + 1 < len(spans):
            parts.append(parts[-1] + 1)
        inside = [spans[i] for i in parts]
        gaps = [text[a.mention.end:b.mention.start] for a, b in zip(inside, inside[1:])]
        if (len(inside) > 1 and inside[-1].mention.end == hit.end
                and all(r.type == hit.type for r in inside)
                and all(gap.isspace() for gap in gaps)):
            skip.update(parts)
            mention = dataclasses.replace(inside[0].mention, end=hit.end)
            out.append(RawMention(mention, hit.type, surface(text, hit.start, hit.end)))
    out += [r for k, r in enumerate(spans) if k not in skip]
    return sorted(out, key=lambda r: r.mention.start)


def listed_over_misc(text: str, raw: list[RawMention], lexicon: Lexicon) -> list[RawMention]:
    """v5: a name the tagger read as miscellaneous that the lexicon lists as a place or an
    organization is one (`الكعبة`, `المسجد النبوي` places; `البيت الأبيض` acting, an
    organization): the guidelines annotate holy sites and landmarks as places, and the tagger's
    training set had them as other names. So is a person of two words or more whose name is
    exactly a listed one (`خميس مشيط`, `أبو عريش`, `فرانس برس`, `بوكو حرام`): a one-word name
    may be a person's as well (`جورجيا`)."""
    out = []
    for r in raw:
        name = text[r.mention.start:r.mention.end]
        if r.type == MISC or r.type == PER and " " in name.strip():
            kind = lexicon.type_of(name)
            r = dataclasses.replace(r, type=kind) if kind is not None else r
        out.append(r)
    return out


def outermost_listed(text: str, raw: list[RawMention], listed: list[Hit],
                     stage: str) -> list[RawMention]:
    """v5: an organization of the lexicon whose name holds what the tagger read as a place or a
    person is one organization, the outermost name (`للخطوط السعودية`, where `السعودية` was read
    as the country); not where the tagger found an organization inside, or a mention that
    crosses the name's edge. Likewise a place of the lexicon over the places inside it
    (`رئيس جنوب أفريقيا`, where only `أفريقيا` was read): not over a person or a body."""
    if not raw:
        return raw
    spans = sorted(raw, key=lambda r: r.mention.start)
    starts = [r.mention.start for r in spans]
    drop: set[int] = set()
    added: list[RawMention] = []
    for hit in listed:
        if hit.type not in (ORG, LOC):
            continue
        first = k = bisect_left(starts, hit.start)
        inside = []
        while k < len(spans) and spans[k].mention.start < hit.end:
            inside.append(k)
            k += 1
        crossing = first > 0 and spans[first - 1].mention.end > hit.start
        if not inside or crossing or any(
                spans[i].type == ORG or (hit.type == LOC and spans[i].type != LOC)
                or spans[i].mention.end > hit.end
                or (spans[i].mention.start, spans[i].mention.end) == (hit.start, hit.end)
                for i in inside):
            continue
        drop.update(inside)
        added.append(_raw(text, hit.start, hit.end, hit.type, stage))
    if not added:
        return raw
    return sorted([r for k, r in enumerate(spans) if k not in drop] + added,
                  key=lambda r: r.mention.start)


def without_titles(text: str, raw: list[RawMention], words: PersonWords) -> list[RawMention]:
    """Persons' mentions without the titles the tagger took into them (`القاضي فلان`), and no
    place or organization that is a title word alone."""
    out = []
    for r in raw:
        if r.type != PER and words.only_title(text[r.mention.start:r.mention.end]):
            continue  # `للسفير` tagged as an organization: a title alone names nobody
        trimmed = trim_person(text, r.mention.start, r.mention.end, words) if r.type == PER else ()
        if trimmed is None:
            continue  # v5: a title's first word alone (`[رائد] الفضاء`)
        if trimmed and trimmed != (r.mention.start, r.mention.end):
            r = _respanned(text, r, *trimmed)
        out.append(r)
    return out


# v5: `على` (on) spelled with alif maksura, which the tagger reads as the name `علي`
_ALA = re.compile(r"(?:و?على)[ \t\u00a0]+")
_ALA_LAST = re.compile(r"[ \t\u00a0]+على$")
_ALI_BEFORE = frozenset(fold(w) for w in "محمد أحمد".split())  # `محمد على باشا`
_SON_OF = fold("بن")


def without_preposition_ala(text: str, raw: list[RawMention], words: PersonWords
                            ) -> list[RawMention]:
    """v5: `على` (on) taken into a person's name: at its start, unless a title or an
    honorific stands before it or `بن` after it (`العقوبات الأمريكية على [سليماني]`, `التغلب
    على [هيلاري كلينتون]`; but `الدكتور على بن عثمان`, `للرئيس السابق على عبد الله صالح`), or
    at its end (`وشدد الدكتور [قاضي] على أن`, `ركز المدرب [داسيلفا] على تدريبات الكرة`)."""
    out = []
    for r in raw:
        if r.type == PER:
            name = text[r.mention.start:r.mention.end]
            lead = _ALA.match(name)
            if lead is not None and lead.end() < len(name) and not _ala_is_a_name(
                    text, r.mention.start, name[lead.end():], words):
                r = _respanned(text, r, r.mention.start + lead.end(), r.mention.end)
            else:
                last = _ALA_LAST.search(name)
                if last is not None and last.start() > 0 and \
                        fold(name[:last.start()].split()[-1]) not in _ALI_BEFORE:
                    r = _respanned(text, r, r.mention.start, r.mention.start + last.start())
        out.append(r)
    return out


def _ala_is_a_name(text: str, start: int, rest: str, words: PersonWords) -> bool:
    """`على` opening a person's mention is the given name `علي` after a title or an honorific
    among the _TITLE_REACH words before it (`مرشد الجمهورية الإسلامية على خامنئي`), or before
    `بن`."""
    if fold(rest.split()[0]) == _SON_OF:
        return True
    before = [fold(w) for w in text[max(0, start - 80):start].split()[-_TITLE_REACH:]]
    return any(words.starts_title(w) or w in words.honorifics for w in before)


_TITLE_REACH = 4


# v5: a rank's grade (`العريف أول`, `الملازم ثاني`), and the ranks that take one
_GRADE = re.compile(r"(?:أول|اول|ثاني|ثان)[ \t\u00a0]+")
_GRADED_RANKS = frozenset(fold(w) for w in "العريف الجندي الرقيب الملازم رقيب عريف جندي ملازم "
                          "والعريف والجندي والرقيب والملازم".split())


def without_rank_grades(text: str, raw: list[RawMention]) -> list[RawMention]:
    """v5: a person's mention that the tagger opened with the grade of the rank before it
    (`العريف [أول خالد الشحي]`) starts after the grade."""
    out = []
    for r in raw:
        grade = _GRADE.match(text, r.mention.start) if r.type == PER else None
        before = _PREVIOUS_WORD.search(text, max(0, r.mention.start - 40), r.mention.start) \
            if grade is not None and grade.end() < r.mention.end else None
        if before is not None and fold(before.group(1)) in _GRADED_RANKS:
            r = _respanned(text, r, grade.end(), r.mention.end)
        out.append(r)
    return out


def administrative_centres(text: str, raw: list[RawMention], places: Gazetteer
                           ) -> list[RawMention]:
    """v5: `مركز` and one name read as a body is the administrative centre of that name, a
    place, where the words after it place it (`بمركز المرامية (270 كم شمال غرب المدينة)`,
    `مركز الشبحة التابع لمحافظة أملج`, `بمركز السوق بمحافظة خميس مشيط`, `مركز المثلث جنوب
    العيص`) or the name is a town of the shipped gazetteer (`مركز العقيق`); a centre with a
    purpose (`مركز الأورام`, `مركز التدريب التابع للبنك`) stays a body."""
    out = []
    for r in raw:
        if r.type == ORG and (m := _CENTRE_NAME.match(r.name)) is not None and (
                _PLACED_AFTER.match(text, r.mention.end) or any(
                    place.kind in (CITY, REGION) and place.country in ARAB_LEAGUE
                    for place, _ in places.lookup(name_key(m.group(1))))):
            r = RawMention(r.mention, LOC, r.name)
        out.append(r)
    return out


def governed_towns(text: str, raw: list[RawMention], places: Gazetteer) -> list[RawMention]:
    """A person's mention right after `محافظ` (the governor of) or a noun of a place that is a
    town or region of an Arab League country in the shipped gazetteer is that place (`افتتح
    محافظ [خميس مشيط] فلان`: the tagger read the town as a person)."""
    out = []
    for r in raw:
        if r.type == PER:
            before = _PREVIOUS_WORD.search(text, max(0, r.mention.start - 40), r.mention.start)
            if before is not None and fold(before.group(1)) in _GOVERNED_BY and any(
                    place.kind in (CITY, REGION) and place.country in ARAB_LEAGUE
                    for place, _ in places.lookup(name_key(text[r.mention.start:r.mention.end]))):
                r = RawMention(r.mention, LOC, r.name)
        out.append(r)
    return out


def without_complementizers(text: str, raw: list[RawMention]) -> list[RawMention]:
    """Persons' mentions without a complementizer the tagger took in as their first word (`قال
    ولي العهد إن جاريد` tagged `إن جاريد`: left in, it hides the quote); only as written with
    its hamza, for `بان كي مون` and `فان غال` fold alike."""
    out = []
    for r in raw:
        first = _WORD.match(text, r.mention.start) if r.type == PER else None
        second = _WORD.search(text, first.end(), r.mention.end) if first is not None else None
        if second is not None and first.group() in _COMPLEMENTIZERS:
            r = _respanned(text, r, second.start(), r.mention.end)
        out.append(r)
    return out


def without_chairing(text: str, raw: list[RawMention]) -> list[RawMention]:
    """Mentions without `برئاسة`, `بقيادة` (chaired, led by) the tagger took in as their last
    word (`نادي [الاتحاد برئاسة] فلان`): the name of whoever chairs follows it."""
    out = []
    for r in raw:
        words = list(_WORD.finditer(text, r.mention.start, r.mention.end))
        if len(words) > 1 and fold(words[-1].group()) in CHAIRED_BY:
            r = _respanned(text, r, r.mention.start, words[-2].end())
        out.append(r)
    return out


def without_leading_bodies(text: str, raw: list[RawMention], lexicons: ArticleLexicons
                           ) -> list[RawMention]:
    """Persons' mentions of three words or more without a first word the lexicon knows as a
    place or an organization and no given name (`والأمين العام لـ[أوبك عبد الله البدري]`,
    `محافظ [بلجرشي سفر ...]`): the tagger ran the body or the town into the name after it."""
    out = []
    for r in raw:
        words = list(_WORD.finditer(text, r.mention.start, r.mention.end)) if r.type == PER else []
        if len(words) >= 3 and lexicons.lexicon.type_of(words[0].group()) in ("ORG", "LOC") \
                and not _given_name(words[0].group(), lexicons):
            r = _respanned(text, r, words[1].start(), r.mention.end)
        out.append(r)
    return out


def without_list_conjunctions(text: str, raw: list[RawMention], lexicons: ArticleLexicons,
                              ) -> list[RawMention]:
    """v5: no `و` the tagger took into a mention's first word (`وأندريا بيلوتي`, `ولورينزو
    بيليجريني`, `وروسيا`, `وفيس بوك`): it joins the mention to a list and hides the title before
    it from the role reader. Cut where the name without `و` is a lexicon name, or the first
    word is no name part itself and the word after `و` is one of four letters or more (a
    person; not after `وا`: `وارن`), or a place or body of the lexicon (others); and a person's
    first word no name part after a comma or another person, as an item of a list of names
    (`توتي، وجيرفينيو،`, `وكارتر وبيغين`, `، وأتسوتوشي نيشيدا`)."""
    out = []
    person_ends = {r.mention.end for r in raw if r.type == PER}
    for r in raw:
        first = _WORD.match(text, r.mention.start)
        word = first.group() if first is not None else ""
        inside = r.mention.start > 0 and text[r.mention.start - 1].isalpha()  # `ب|وروسيا`
        name = text[r.mention.start:r.mention.end]
        item = r.type == PER and len(word) > 4 and not word.startswith(_W_NAMES) \
            and _list_item(text, r.mention.start, person_ends)
        if word[:1] == "و" and len(word) > 2 and word[1] != "ا" and not inside \
                and word not in _CONJUNCTION_NAMES and (
                    _listed_after_and(word, name, r.type, lexicons)
                    or item and fold(word) not in lexicons.name_parts.parts):
            r = _respanned(text, r, r.mention.start + 1, r.mention.end)
        out.append(r)
    return out


def without_bodies_told(text: str, raw: list[RawMention], lexicons: ArticleLexicons,
                        ) -> list[RawMention]:
    """v5: no body told after `ل` in a person's mention (`فلان لبي بي سي`, `لبي بي سي` alone,
    `فلان لرويترز`: who the person spoke to): the mention ends before it, and the body is an
    organization of its own."""
    return [out for r in raw
            for out in (_split_body_told(text, r, lexicons) if r.type == PER else (r,))]


def _split_body_told(text: str, r: RawMention, lexicons: ArticleLexicons) -> tuple[RawMention, ...]:
    """The person's mention without the body told after `ل` in it, and that body; the mention
    alone when it holds none."""
    spans = [m.span() for m in _WORD.finditer(text, r.mention.start, r.mention.end)]
    for k, (start, end) in enumerate(spans):
        body = start + 1 + (text[start + 1:start + 2] == "\u0640")  # `لـCNN`
        if text[start] != "ل" or body >= end:
            continue
        body_end = _body_named(text, [(body, end)] + spans[k + 1:], lexicons)
        if body_end is not None:
            told = RawMention(dataclasses.replace(r.mention, start=body, end=body_end), ORG,
                              surface(text, body, body_end))
            return (told, _respanned(text, r, r.mention.start, spans[k - 1][1])) if k else (told,)
    return (r,)


def _body_named(text: str, spans: list[tuple[int, int]], lexicons: ArticleLexicons) -> int | None:
    """Where the organization of the lexicon that the first one to three words of `spans` name
    ends, if they name one (the longest)."""
    return next((spans[n - 1][1] for n in range(min(3, len(spans)), 0, -1)
                 if lexicons.lexicon.type_of(text[spans[0][0]:spans[n - 1][1]]) == ORG), None)


# v5: how foreign names with W are written (`ونستون`, `وولفويتز`, `ويلسون`): no list's و there
_W_NAMES = ("وو", "وي", "ون")


def _list_item(text: str, start: int, person_ends: set[int]) -> bool:
    """A comma, or another person's name, right before `start` (spaces apart)."""
    before = text[max(0, start - 4):start]
    stripped = before.rstrip(" ")
    return stripped.endswith(("،", ",")) or start - (len(before) - len(stripped)) in person_ends


def _listed_after_and(word: str, name: str, kind: str, lexicons: ArticleLexicons) -> bool:
    """The name without `و` is in the lexicon (`وفيس بوك`; its lookup passes over proclitics,
    so the name with it may be found too), or the first word without `و` is a name part
    (persons), or a place or body of the lexicon (others)."""
    lexicon = lexicons.lexicon
    if lexicon.type_of(name[1:]) is not None:
        return True
    if len(word) <= 4:
        return False  # `وبن`, `وست`: too short to tell a name from `و` + a name
    folded = fold(word)
    if kind == PER:
        return folded not in lexicons.name_parts.parts and folded[1:] in lexicons.name_parts.parts
    return lexicon.group_of(word) is None and lexicon.group_of(word[1:]) is not None


def without_adjectival_places(text: str, raw: list[RawMention], nationalities: frozenset[str],
                              ) -> list[RawMention]:
    """v5: no place where a country's name is the adjective of the definite noun before it
    (`الأندية السعودية`, `الحدود السعودية`, `السلطات السعودية`: Saudi, not Saudi Arabia; the
    guidelines annotate no nationality adjective): a feminine or plural noun it agrees with,
    unless it ends the country's full name (`المملكة العربية السعودية`)."""
    out = []
    for r in raw:
        if r.type == LOC and fold(text[r.mention.start:r.mention.end]) in nationalities:
            before = _PREVIOUS_WORD.search(text[max(0, r.mention.start - 40):r.mention.start])
            word = fold(before.group(1)) if before else ""
            agrees = word.endswith(("ه", "ات")) or strip_article(word) in _PLURALS_BEFORE_NISBA
            if word.startswith(DEFINITE_PREFIXES) and len(word) > 4 and agrees \
                    and word not in _IN_COUNTRY_NAMES:
                continue  # a feminine or plural noun it agrees with (not `زار الوفد السعودية`)
        out.append(r)
    return out


def without_nationalities(text: str, raw: list[RawMention], nationalities: frozenset[str],
                           ) -> list[RawMention]:
    """Persons' mentions without the nationality adjective the tagger took into them as their
    first word (`المدرب الروماني بولوني` tagged `الروماني بولوني`, `والكولومبي راداميل فالكاو`):
    a definite nationality never starts a name of more words, and left in, it hides the
    person's country from the role reader."""
    out = []
    for r in raw:
        first = _WORD.match(text, r.mention.start) if r.type == PER else None
        second = _WORD.search(text, first.end(), r.mention.end) if first is not None else None
        if second is not None and any(
                word in nationalities for _, word in clitic_variants(fold(first.group()))):
            r = _respanned(text, r, second.start(), r.mention.end)
        out.append(r)
    return out


def without_trailing_titles(text: str, raw: list[RawMention], words: PersonWords, *,
                            particles: bool = False) -> list[RawMention]:
    """Persons' mentions without a title head or honorific as their last word (`تشارلز أمير`
    before `ويلز`): the title belongs to the words after the name. (Titles after the first word
    and before the last are cut by khabar.entities.person_spans.) `particles` (v5): nor a
    particle or a word after `لل`, which no name ends in (`كلينتون كي`, `فلان لـ`)."""
    others = {r.mention.start for r in raw if r.type != PER}
    out = []
    for r in raw:
        if r.type == PER:
            cut = _trailing_title_cut(text, r.mention.start, r.mention.end, words, others,
                                      particles)
            if cut is not None:
                r = _respanned(text, r, r.mention.start, cut)
        out.append(r)
    return out


def _trailing_title_cut(text: str, start: int, end: int, words: PersonWords,
                        others: set[int], particles: bool = False) -> int | None:
    """Where a person's span ends without its last word, when that word is a rank or a royal
    honorific (`فلان الأمير`), or a title head without `ال` followed by its complement: a place,
    an organization or a definite word (`تشارلز أمير ويلز`). A definite title head stays
    (`خالد القاضي`, `محمد الأمين`: family names), as does one after `آل`, `بن`, `أبو`."""
    spans = [m.span() for m in _WORD.finditer(text, start, end)]
    if len(spans) < 2:
        return None
    last = fold(text[spans[-1][0]:spans[-1][1]])
    if fold(text[spans[-2][0]:spans[-2][1]]) in _FAMILY:
        return None
    if last in _RANKS_AND_ROYALS:
        return spans[-2][1]
    if particles and (last in _NOT_NAME_ENDS or last.startswith("لل") and len(last) > 4):
        return spans[-2][1]  # v5: `كلينتون كي يتوجه`, `فلان لـ"رويترز"`, `فلان للصحفيين`
    if last.startswith("ال") or not any(w in words.title_words for _, w in clitic_variants(last)):
        return None
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return None
    if after.start(1) in others or fold(after.group(1)).startswith("ال"):
        return spans[-2][1]
    return None


def with_bodies(text: str, raw: list[RawMention], bodies, stage: str, *,
                retype=()) -> list[RawMention]:
    """Add names found by their shape; each replaces the mentions inside it, none cuts a mention
    in two. The mentions a name overlaps are found by bisection (a page may hold thousands). A
    mention with exactly the span of a name in `retype` takes that name's type."""
    types = {(b.start, b.end): b.type for b in retype}
    raw = list(raw)
    order = sorted(range(len(raw)), key=lambda k: (raw[k].mention.start, raw[k].mention.end))
    starts = [raw[k].mention.start for k in order]
    reach = list(accumulate((raw[k].mention.end for k in order), max))
    dropped: set[int] = set()
    added = []
    for body in sorted(bodies, key=lambda b: b.start):
        inside = []
        k = bisect_left(starts, body.end) - 1
        while k >= 0 and reach[k] > body.start:
            if raw[order[k]].mention.end > body.start:
                inside.append(order[k])
            k -= 1
        spans = [(raw[k].mention.start, raw[k].mention.end) for k in inside]
        if any(s < body.start or e > body.end for s, e in spans):
            continue
        if (body.start, body.end) in spans:
            for k in inside:  # the tagger found the same name: keep its type, unless retyped
                mention = raw[k].mention
                if (mention.start, mention.end) in types:
                    raw[k] = RawMention(mention, types[mention.start, mention.end], raw[k].name)
            continue
        dropped.update(inside)
        added.append(_raw(text, body.start, body.end, body.type, stage))
    return [r for k, r in enumerate(raw) if k not in dropped] + added


def surnames_as_persons(raw: list[RawMention], lexicon: Lexicon) -> list[RawMention]:
    """A one-word place or organization that is a person of the article, or the last name of
    exactly one, and no name the lexicons know, is that person (`برناردينو ليون` … `حوار ليون`,
    `تونرو` … `ويعد تونرو`: the tagger read a repeat as a place)."""
    last_words = {fold(r.name.split()[-1]) for r in raw if r.type == PER and r.name.split()}
    if not any(r.type in (LOC, ORG) and fold(r.name) in last_words for r in raw):
        return raw  # most articles: no place or organization is a person's last word (a quick look)
    owners: dict[str, set[tuple[str, ...]]] = {}  # last word -> the persons' names ending in it
    votes: Counter[tuple[str, bool]] = Counter()  # (one-word name, read as a person) -> mentions
    keys = [key_tokens(r.name) for r in raw]
    for r, key in zip(raw, keys):
        if r.type == PER and key:
            owners.setdefault(key[-1], set()).add(key)
        if len(key) == 1:
            votes[key[0], r.type == PER] += 1
    out = []
    for r, key in zip(raw, keys):
        if r.type in (LOC, ORG) and len(key) == 1 and key[0] in owners:
            fuller = {name for name in owners[key[0]] if len(name) > 1}
            # one fuller name ends in it, or the word alone is more often a person than not
            person = len(fuller) == 1 or (not fuller and votes[key[0], True] > votes[key[0], False])
            if person and not lexicon.is_place(r.name) and lexicon.group_of(r.name) is None:
                r = RawMention(r.mention, PER, r.name)
        out.append(r)
    return out


def _respanned(text: str, r: RawMention, start: int, end: int) -> RawMention:
    """The mention moved to [start, end), named by the text there."""
    return RawMention(dataclasses.replace(r.mention, start=start, end=end), r.type,
                      surface(text, start, end))


def _known_place(name: str, lexicons: ArticleLexicons) -> bool:
    """The lexicon or the shipped gazetteer knows the name as a place."""
    places = lexicons.places.lookup(name_key(name)) if lexicons.places is not None else ()
    return lexicons.lexicon.is_place(name) or bool(places)


def _raw(text: str, start: int, end: int, kind: str, stage: str) -> RawMention:
    return RawMention(Mention(start, end, stage=stage), kind, surface(text, start, end))


def _no_person(text: str, entity: Entity) -> bool:
    """v5: every mention of the person is a formula with God's name (`ولله الحمد`, `والله
    الهادي`: a compound name cut before `الله` was made whole before) or an honorific alone
    (`معالي`, before the title and the name the tagger missed)."""
    if entity.type != PER:
        return False
    for m in entity.mentions:
        words = fold(text[m.start:m.end]).split()
        if not words or not (words[0] in _GOD and len(words) <= 2
                             or len(words) == 1 and words[0] in _LONE_HONORIFICS):
            return False
    return True


def _checked(text: str, entity: Entity, lexicons: ArticleLexicons) -> Entity | None:
    """A person the tagger guessed at that the lexicon knows as a place is that place
    (`ولويزيانا`); a person whose every mention reads as no person's name is dropped."""
    if entity.type != PER or not maybe_weak(text, entity):
        return entity
    if guessed_person(text, entity, lexicons.name_parts) and lexicons.lexicon.is_place(entity.name):
        return dataclasses.replace(entity, type=LOC)
    return None if weak_person(text, entity, lexicons.name_parts) else entity


def _renumbered(entities: list[Entity | None]) -> tuple[Entity, ...]:
    kept = [e for e in entities if e is not None]
    if len(kept) == len(entities):
        return tuple(kept)
    return tuple(dataclasses.replace(e, id=f"e{n}") for n, e in enumerate(kept, start=1))
