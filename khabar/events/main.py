"""The readings of events.cameo.v4: an article's main events, with who did them (issue 15).

events.cameo.v3 emitted few events, and judged ones were wrong mostly for the reasons below;
each rule answers one, on top of v3's (khabar.events.strict):

- **A place read as a doer.** A meeting, visit or hosting has people or bodies as its sides: a
  country or a city named alone (`استقبلت سويسرا 611 سائحا`, `تستضيف طوكيو الدورة`, `زار
  غانا`) is where it happened or who was visited, not its source (`bare_place`); a facility
  (`استقبل مطار الملك عبدالعزيز`, `زار مستشفى`) is no actor of any event.
- **The addressee read as the source.** A speech act in the first person (`نطلب`, `أطالب
  السلطات`) addresses the actor named after its first word; its speaker is the quote's.
- **Background told as news.** An act dated to an earlier month or year (`في يناير الماضي`,
  `العام الماضي`), and a demand, ban or refusal in the present that has held for a while
  (`وتمنع السلطات منذ عقود`), are background.
- **Main events missed.** A description of someone's act (`ووصفت الوزيرة الهجوم بأنه شنيع`)
  is a criticism by the one who describes (111); a complaint lodged, an arrest told by its
  noun and an offensive waged are read (patterns-v4.tsv); a speech act by an official whose
  country the words leave unsaid (a person with a government role) keeps its source; a present
  control (`القوات التركية تسيطر الآن على`) is news unless a relative clause describes it
  (`التي يسيطر عليها`).
- **The headline's event.** The title names the article's main event more often than any
  sentence: a body event of the same act as the title's, with a real source, gains
  confidence (`headline_acts`, `from_headline`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence

from khabar.arabic import fold
from khabar.document import Actor, Document, Entity, Event, Mention, Offsets
from khabar.events.settle import VICTIM_SECTORS, asks_blessing, country_names, prays
from khabar.entities.roles import HONORIFICS
from khabar.events.strict import strict_sources, word_before

PATTERN_FILES = ("patterns.tsv", "patterns-v4.tsv")

_SECTORS = frozenset(
    "MIL GOV COP JUD LEG OPP REB UAF CVL EDU LAB MED BUS NGO REL PTY REF".split())
_VIOLENT_ROOTS = ("18", "19", "20")
_SPEECH_ROOTS = ("01", "02", "10", "11", "12", "13")
# Sectors of a person whose word is an act of a state when the role names no country.
_OFFICIAL = frozenset("GOV MIL LEG JUD COP".split())
# Heads of a facility's name: a place where things happen, not who does them.
_FACILITIES = frozenset(fold(w) for w in (
    "مطار مستشفى مستشفيات مطعم فندق ملعب مدرسة مسجد سوق ميناء منفذ مجمع مصنع جسر").split())
_FIRST_PERSON = frozenset(fold(w) for w in (
    "أدعو ادعو ندعو أطالب اطالب نطالب أطلب اطلب نطلب أناشد اناشد نناشد أحذر احذر نحذر أدين"
    " ادين ندين أرفض ارفض نرفض أحث نحث نتهم").split())
_MONTHS = frozenset(fold(w) for w in (
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر"
    " ديسمبر كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين"
    " الشهر العام السنة").split())
_LAST = frozenset(fold(w) for w in "الماضي الماضية المنصرم المنصرمة".split())
_SINCE = fold("منذ")
_RANKS = tuple(fold(w) for w in "مركز مرتب صدار المركز المرتبة".split())
_NOT_SEIZURE = frozenset(fold(w) for w in
                         "صادر صادرة الصادر الصادرة مصادرها مصادره مصادرهم مصادرنا".split())
_AGED = re.compile(r"\bعن\s+(?:عمر|[0-9٠-٩])")  # `رحل ... عن 91 عاما`: died at 91
_CAUTION = frozenset(fold(w) for w in "حذرا الحذر بحذر".split())
_CALLED = tuple(fold(w) for w in "دعا دعت دعوا يدعو تدعو".split())
# What an office receives that is no guest (stemmed: no و, ب or article).
_NOT_GUESTS = frozenset(_w.removeprefix("ال") for _w in (fold(w) for w in (
    "دعوى دعاوى بلاغ بلاغات طلب طلبات شكوى شكاوى جثمان جثامين راغبين راغبون متقدمين"
    " متقدمات مراجعين مراجعات معاملات مكالمات اتصالات").split()))
_PURPOSE = frozenset(fold(w) for w in "سبيل بهدف بغية أجل لأجل بقصد".split())
_DESCRIBE = ("وصف", "يصف", "تصف", "واصف")
_FIRST_PERSON_DESCRIBING = frozenset(fold(w) for w in "نصف ونصف فنصف أصف وأصف".split())
_THAT_TIME = fold("ذلك الوقت")
# Words before an arrest noun that make it a document, not an arrest (`مذكرات الاعتقال`).
_WARRANTS = frozenset(fold(w) for w in "مذكرة مذكرات أمر أوامر مذكرتي مذكرتين".split())
# Who is arrested, not who arrests (`القبض على المعارضين واعتقالهم`).
_ARRESTED = frozenset("CVL OPP REB UAF EDU LAB MED BUS REL PTY REF NGO".split())
# A description is a criticism when it names what is condemned (`بأنه شنيع`, `بالإرهابي`);
# praise (`بأنها مفتاح النصر`) and plain descriptions are not coded.
_CRITICISM = tuple(fold(w) for w in (
    "شنيع مؤسف مؤسفة خطير خطيرة إرهاب ارهاب عدوان عدواني عدوانية جريمة جرائم مرضى كارثي"
    " كارثية رهيب رهيبة الرهيبة استفزاز وحشي وحشية همجي همجية عنصري عنصرية معاد معادية"
    " فاشل فاشلة سخيف كاذب كاذبة مشين مشينة مخز مخزية انتهاك غير مقبول مرفوض مرفوضة"
    " مروع مروعة فظيع فظيعة خيانة احتلال عار").split())
# Words after a violent noun that name its doer next, besides v3's (`التي تشنها فصائل`).
AGENT_MARKERS = frozenset(fold(w) for w in (
    "تشنها يشنها تشنه يشنه تطلقها يطلقها أطلقتها أطلقها تنفذها ينفذها").split())
_RELATIVE_BEFORE = frozenset(fold(w) for w in "التي الذي الذين".split())
_RESUMPTIVE = frozenset(fold(w) for w in "عليها عليه عليهم عليهما".split())
_CLAUSE_BREAKS = "،,.:؛;"


def main_reading(doc: Document, event: Event, verb: bool) -> bool:
    """False for an event that v4 leaves out beyond v3 (the module docstring says why)."""
    words = fold(doc.text[event.trigger.start:event.trigger.end]).split()
    first = words[0].removeprefix("و").removeprefix("ف") if words else ""
    head = words[0] if words else ""
    if event.cameo == "111" and (head.startswith(_DESCRIBE) or head[1:].startswith(_DESCRIBE)):
        after = _clause_after(doc, event, 20, ".:؛;")
        if not any(_stem(word).startswith(_CRITICISM) for word in after):
            return False
    if _dated_earlier(doc, event) or _names_no_act(doc, event, head, first):
        return False
    if event.cameo.startswith("14") and _no_protest(doc, event, words):
        return False
    if event.cameo.startswith("17") and not verb:
        if first[:1] in ("ل", "ب") or word_before(doc, event) in _WARRANTS:
            return False  # `لاعتقاله` (a purpose), `مذكرات الاعتقال` (a warrant)
        if event.source is not None and event.source.code[-3:] in _ARRESTED:
            return False
    return not (verb and first[:1] in ("ي", "ت") and not event.cameo.startswith(_VIOLENT_ROOTS)
                and _SINCE in _clause_after(doc, event, 4))


def _names_no_act(doc: Document, event: Event, head: str, first: str) -> bool:
    """Triggers whose word names something else: a prayer (`دعا له بالتوفيق`) read as an
    appeal, a rank taken (`احتلت المركز الأول`), cases, bodies or applicants received
    (`استقبلت الوزارة 5739 دعوى`) read as a host's act, a death (`رحل عن 91 عاما`) or a trip
    (`رحلتها`) read as a deportation, sources (`من مصادرها`) or an issued statement (`بيان
    صادر`) read as a confiscation, caution (`حذرا`) as a threat, and an act named as the
    purpose of another (`في سبيل منع`, `بهدف دعم`)."""
    code = event.cameo
    after = _clause_after(doc, event, 3)
    if code.startswith("192") and first.startswith("احتل") \
            and any(_stem(word).startswith(_RANKS) for word in _clause_after(doc, event, 6)):
        return True  # `احتلت الإمارات مركزا متقدما`, `واحتل سهم سندات بنك مسقط المرتبة`
    if code.startswith("043") and _NOT_GUESTS & {_stem(w) for w in _clause_after(doc, event, 12)}:
        return True  # `استقبلت الوزارة 5739 دعوى`, `واستقبل جثمان الشهيد`, job seekers
    if code.startswith("174") and first.startswith("رحل") and (
            first.startswith("رحلت") and len(first) > 4 or _AGED.search(
                doc.text[event.trigger.end:min(event.sentence.end, event.trigger.end + 120)])):
        return True
    if code.startswith("171") and first in _NOT_SEIZURE:
        return True
    if code.startswith("13") and first in _CAUTION:
        return True
    if code.startswith("02") and first.startswith(_CALLED) and (
            asks_blessing(_clause_after(doc, event, 5)) or prays(_clause_after(doc, event, 6))):
        return True  # `ودعا المنيف للجميع بالتوفيق`, `ودعا فلان المولى جل وعلا أن`: prayers
    return word_before(doc, event) in _PURPOSE and not code.startswith(_VIOLENT_ROOTS)



# A march (`مسيرة`) named by its kind: a protest march. `مسيرة` followed by another definite
# noun or a country is a course (`مسيرة التكامل`, `مسيرة لبنان التنموية`), with a pronoun a
# career (`مسيرته`).
_MARCH_HEADS = frozenset(fold(w) for w in "مسيرة مسيرات مسيرتين مسيرتان مسيرته مسيرتها".split())
_MARCH_KINDS = frozenset(fold(w) for w in (
    "الاحتجاجية الحاشدة السلمية الشعبية الجماهيرية الغاضبة الضخمة الكبرى الليلية الصامتة"
    " المناهضة المؤيدة المطالبة الرافضة التضامنية المليونية الاحتجاجي").split())
_CAREER = (fold("ته"), fold("تها"))
# `احتج بأن`: argued that, not protested.
_ARGUED = frozenset(fold(w) for w in "بأن بان بأنه بانه بأنها بانها".split())
# `التيار الكهربائي`: the electric current is nobody who protests.
_CURRENT = (fold("تيار"), fold("التيار"))
_ELECTRIC = (fold("الكهربائي"), fold("الكهرباء"), fold("كهربائي"))
_COUNTRIES = country_names()


def _no_protest(doc: Document, event: Event, words: list[str]) -> bool:
    """Protest words that name no protest: a march that is a course or a career, `احتج`
    meaning argued, a current read as the protesters (`انقطاع التيار الكهربائي`)."""
    stem = _stem(words[0]).removeprefix("ل").removeprefix("ال") if words else ""
    after = _clause_after(doc, event, 1)
    if len(words) == 1 and stem in _MARCH_HEADS:
        if stem.endswith(_CAREER):
            return True
        if after and after[0].startswith("ال") and after[0] not in _MARCH_KINDS:
            return True
        if after and _stem(after[0]) in _COUNTRIES:
            return True
    if stem.startswith(("احتج", "يحتج", "تحتج")) \
            and any(word in _ARGUED for word in _clause_after(doc, event, 4)):
        return True  # `احتج المحامي بأن`
    source = event.source
    if source is not None and source.span is not None and fold(source.name) in _CURRENT:
        following = doc.text[source.span.end:source.span.end + 12].split()
        return bool(following) and fold(following[0]).startswith(_ELECTRIC)
    return False


def present_control_is_state(doc: Document, event: Event) -> bool:
    """`التي يسيطر عليها`, `يسيطر عليه المسلحون`: a present control that a relative clause or
    its resumptive pronoun describes is a state; `تسيطر الآن على` reports news."""
    if word_before(doc, event) in _RELATIVE_BEFORE:
        return True
    inside = fold(doc.text[event.trigger.start:event.trigger.end]).split()[1:]
    return bool(_RESUMPTIVE & set(inside + _clause_after(doc, event, 2)))


def main_actors(doc: Document, event: Event, verb: bool,
                code_of: Callable[[Entity | None, str], str], titled: bool = False) -> Event:
    """The event without a source that did not do it: a facility, a place as a side of a
    meeting or visit, the addressee of a speech act in the first person, a person named before
    violence told by a noun (`ووصفت راد الهجوم`: who speaks of it). A bare title with the
    person named after it (`وزيرة الداخلية، أمبر راد،`) becomes that person (`code_of` codes
    them)."""
    source = event.source
    if source is None:
        subject = _titled_subject(doc, event) if titled and verb else None
        return event if subject is None else _with_subject(doc, event, subject, code_of)
    if event.cameo.startswith("18") and verb and source.code in VICTIM_SECTORS \
            and source.span is not None and source.span.start >= event.trigger.end:
        # `قتل جندي`, `أصيب ضابط`: read passive, the soldier is who was killed
        return dataclasses.replace(event, source=None, target=event.target or source)
    if titled and _weapon_of(doc, source, event.target):
        # `غارات شنتها طائرات النظام السوري`: the aircraft are the regime's
        return dataclasses.replace(event, source=event.target, target=None)
    if titled and verb and _accused(doc, event, source):
        # `كما اتهم الأمم المتحدة بالفشل`: who is named right before the charge is accused
        return dataclasses.replace(event, source=None, target=event.target or source)
    if event.cameo.startswith(_VIOLENT_ROOTS) and not verb and source.entity \
            and source.span is not None and source.span.end <= event.trigger.start \
            and any(e.id == source.entity and e.type == "PER" for e in doc.entities):
        return dataclasses.replace(event, source=None)
    person = _person_after_title(doc, source, event.trigger, honorifics=titled)
    if person is None and titled:
        person = titled_person(doc, source)
    if person is not None:
        return _with_subject(doc, event, person, code_of, source)
    head = fold(source.name.split()[0]) if source.name.split() else ""
    facility = head.removeprefix("و") in _FACILITIES or head.removeprefix("ال") in _FACILITIES
    arrested_place = event.cameo.startswith("17") and bare_place(doc, source) and (
        not verb or (source.span is not None and source.span.start >= event.trigger.end))
    if facility or (event.cameo.startswith("04") and bare_place(doc, source)) \
            or arrested_place or _addressed(doc, event, source):
        return dataclasses.replace(event, source=None)
    return event


def told_as_earlier(doc: Document, event: Event) -> bool:
    """v5: an act told right after `بعد أن`, `بعدما`, `منذ أن` or `قبل أن` is what came before
    the news or after it, the sentence's background (`منذ أن طرد مقاتلون الحوثيين منها`, `بعد
    أن زار مسؤولون كوريون الجنوب`); not after `عندما`, which tells the news itself (`قتل جنديان
    عندما فجّر مقاتلون لغما`)."""
    words = fold(doc.text[max(event.sentence.start, event.trigger.start - 20):
                          event.trigger.start]).split()
    return bool(words) and (words[-1] in _BEFORE_OR_AFTER or (
        len(words) > 1 and words[-1] in ("ان", "أن") and words[-2] in _BEFORE_OR_AFTER_AN))


_BEFORE_OR_AFTER = frozenset(fold(w) for w in "بعدما وبعدما".split())
_BEFORE_OR_AFTER_AN = frozenset(fold(w) for w in "بعد وبعد منذ ومنذ قبل وقبل".split())


def after_preposition(doc: Document, event: Event) -> Event:
    """v5: the event without a source that a preposition right before it makes an object, a
    partner or a place (`المتحالفة مع إيران`, `سيطروا على صنعاء`, `حالة الطوارئ في
    فيرجسون`), never who acted; not after `من`, partitive in `قوة من جيش الاحتلال`, nor
    `بين`, which names the sides of a clash or a talk. Protests and violence other than control
    are left to their own readings (the protesting crowd, the attacker after `شنه`), which the
    OEDA sentences measure."""
    source = event.source
    if source is None or source.span is None or source.span.start == 0 \
            or not doc.text[source.span.start - 1].isspace() \
            or (event.cameo.startswith(_CROWD_OR_FORCE) and not event.cameo.startswith("192")):
        return event  # protesters are chosen apart; an attack's doer is read by its own rules
    words = doc.text[max(0, source.span.start - 12):source.span.start].split()
    if words and fold(words[-1]) in _OBJECT_PREPOSITIONS:
        return dataclasses.replace(event, source=None)
    return event


_CROWD_OR_FORCE = ("14", "18", "19", "20")
_OBJECT_PREPOSITIONS = frozenset(fold(w) for w in "مع ومع على في عن إلى ضد نحو لدى عند".split())
# Arms and craft named before whose they are (`طائرات النظام السوري`, `مقاتلات التحالف`).
_WEAPONS = frozenset(fold(w) for w in (
    "طائرات الطائرات مقاتلات المقاتلات مروحيات المروحيات دبابات الدبابات مدفعية المدفعية"
    " زوارق بوارج").split())


def _weapon_of(doc: Document, source: Actor, owner: Actor | None) -> bool:
    """v5: the source is arms or craft alone and the target names whose they are right after
    them (`طائرات النظام السوري`): the owner is the doer."""
    return owner is not None and source.span is not None and owner.span is not None \
        and fold(source.name) in _WEAPONS and owner.span.start > source.span.end \
        and not doc.text[source.span.end:owner.span.start].strip()


def _accused(doc: Document, event: Event, source: Actor) -> bool:
    """v5: an accusation's verb (`اتهم`) names the accused before the charge (`بالفشل`), and
    who accuses before the accused (`واتهم الانفصاليون الجيش الأوكراني بتكثيف`): the actor
    after the verb with the charge right after it is the accused, its accuser left unnamed or
    not coded, unless a pronoun on the verb is the accused (`تتهمه السلطات الروسية باختلاس`)."""
    if not event.cameo.startswith("112") or source.span is None \
            or source.span.start < event.trigger.end:
        return False
    words = fold(doc.text[event.trigger.start:event.trigger.end]).split()
    head = words[0].removeprefix("و").removeprefix("ف") if words else ""
    if "تهم" not in head or _PRONOUN_ACCUSED.search(head):
        return False
    after = doc.text[source.span.end:source.span.end + 20].lstrip(' "«“\'')
    return after.startswith("ب") and not fold(after.split()[0]).startswith(_NO_CHARGE)


_PRONOUN_ACCUSED = re.compile(r"تهم(?:ت|وا|و|ا|ن)?(?:ه|ها|هم|هما|هن)$")
_NO_CHARGE = tuple(fold(w) for w in "بين بعد بعض بسبب بشأن".split())


def received_from(doc: Document, event: Event, verb: bool,
                  code_of: Callable[[Entity | None, str], str]) -> Event:
    """events.cameo.v5: a call, message or greeting told by its noun after a verb of receiving
    (`تلقى فلان اتصالا هاتفيا من فلان`, `تلقت الوزارة رسالة من ...`) is the sender's act
    towards the receiver: the sender, named after `من`, is the source, the receiver the target
    (the coder reads the receiver, the verb's subject, as the source)."""
    if verb or not event.cameo.startswith(_RECEIVED_ROOTS):
        return event
    clause = doc.text[event.sentence.start:event.trigger.start]
    received = None
    for match in _RECEIVING.finditer(clause):
        received = match
    if received is None or any(c in clause[received.end():] for c in ".؛;:"):
        return event
    after = _FROM_SENDER.match(doc.text, event.trigger.end, event.sentence.end)
    if after is None:
        return event
    start = event.sentence.start
    # the receiver's name stands last before the noun, after their titles
    receiver = _named_between(doc, start + received.end(), event.trigger.start, last=True)
    sender = _named_between(doc, after.end(), min(event.sentence.end, after.end() + _TO_SENDER))
    if receiver is None or sender is None or receiver[0].id == sender[0].id:
        return event
    return dataclasses.replace(event, source=_entity_actor(sender, code_of),
                               target=_entity_actor(receiver, code_of))


_RECEIVED_ROOTS = ("01", "02", "03", "04", "05")
_RECEIVING = re.compile(r"(?<![^\W\d_])[وف]?(?:تلقى|تلقت|يتلقى|تتلقى|تلقيا|تسلم|تسلمت)(?![^\W\d_])")
# after the trigger: its adjective or a time (`هاتفيا`, `اليوم`), then `من` and the sender
_FROM_SENDER = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+من\s+")
_TO_SENDER = 60  # characters from `من` to the sender's name (honorifics, a title)


def _named_between(doc: Document, start: int, end: int, *,
                   last: bool = False) -> tuple[Entity, Mention] | None:
    """The first (or `last`) person or organization named in [start, end)."""
    named = [(e, m) for e in doc.entities if e.type in ("PER", "ORG") for m in e.mentions
             if start <= m.start and m.end <= end]
    pick = max if last else min
    return pick(named, key=lambda pair: pair[1].start, default=None)


def _entity_actor(named: tuple[Entity, Mention],
                  code_of: Callable[[Entity | None, str], str]) -> Actor:
    entity, mention = named
    return Actor(code_of(entity, entity.name), entity.name, entity.id,
                 Offsets(mention.start, mention.end))


def _with_subject(doc: Document, event: Event, person: tuple[Entity, Mention],
                  code_of: Callable[[Entity | None, str], str],
                  title: Actor | None = None) -> Event:
    """The event with `person` as its source, from the bare `title` the coder read, if any (title
    and name: one apposition); a target that was the person is the next one named."""
    entity, mention = person
    code = code_of(entity, entity.name) or (title.code if title else "")
    start = title.span.start if title is not None and title.span is not None else mention.start
    target = event.target
    if target is not None and target.entity == entity.id:
        target = _actor_after(doc, event, person, code_of)  # the name was read as the object
    return dataclasses.replace(event, source=Actor(code, entity.name, entity.id,
                                                   Offsets(start, mention.end)), target=target)


# Roots whose verb may name its victim or its object right after it, read passive
# (`اعتقل الناشط فلان`, `قتل الجندي فلان`, `تظاهر`: protesters are chosen apart).
_PASSIVE_ROOTS = ("14", "15", "17", "18", "19", "20")


def _titled_subject(doc: Document, event: Event) -> tuple[Entity, Mention] | None:
    """events.cameo.v5: the subject of a verb the coder found no actor for, a person named
    right after it by title and name (`وندد الموفد الخاص للأمم المتحدة في الصومال فلان`,
    `ودعا أمير المنطقة فلان`): the person's role evidence starts right after the verb, past
    honorifics, and the person's name follows it."""
    if event.cameo.startswith(_PASSIVE_ROOTS):
        return None
    end = event.trigger.end
    for entity, evidence, name in _titled_names(doc):
        if end <= evidence.start < event.sentence.end and all(
                fold(w) in _HONORIFIC_WORDS for w in doc.text[end:evidence.start].split()):
            return entity, Mention(evidence.start, name.end)  # title and name, one apposition
    return None


def _titled_names(doc: Document) -> Iterator[tuple[Entity, Offsets, Mention]]:
    """Each person's role evidence (the roles stage's) with the person's first mention after
    it, at most _TITLE_TO_NAME characters on: where a title and its name stand together."""
    for entity in doc.entities:
        if entity.type != "PER":
            continue
        for role in entity.roles:
            evidence = role.evidence
            after = [m for m in entity.mentions if evidence is not None
                     and 0 <= m.start - evidence.end <= _TITLE_TO_NAME]
            if after:
                yield entity, evidence, min(after, key=lambda m: m.start)


def _person_after_title(doc: Document, source: Actor, trigger: Offsets, *,
                        honorifics: bool = False) -> tuple[Entity, Mention] | None:
    """The person named right after a bare title (`وزيرة الداخلية، أمبر راد`): a PER mention
    within three words of the title, with nothing but words and commas between. The title
    stands right after its verb or before it; with `honorifics` (events.cameo.v5) honorifics
    may stand between the verb and the title (`استقبل صاحب السمو الملكي الأمير فلان`, which
    v4 dropped: the coder reads `الأمير` as the host and the prince as the guest)."""
    if source.entity or source.code not in _SECTORS or source.span is None:
        return None
    between = doc.text[trigger.end:source.span.start]
    if between.strip() and not (honorifics and source.span.start > trigger.end and all(
            fold(w) in _HONORIFIC_WORDS for w in between.split())):
        return None  # the title follows its verb (`ووصفت وزيرة الداخلية، أمبر راد،`)
    end = source.span.end
    for entity in doc.entities:
        if entity.type != "PER":
            continue
        for mention in entity.mentions:
            between = doc.text[end:mention.start]
            if 0 <= mention.start - end <= 40 and len(between.split()) <= 3 \
                    and not any(c in between for c in ".:؛;()«»\"") :
                return entity, mention
    return None


# Words of honour between a verb and the title of its subject (`صاحب السمو الملكي الأمير`).
_HONORIFIC_WORDS = HONORIFICS | {fold(w) for w in "صاحب السمو الملكي دولة".split()}


def _actor_after(doc: Document, event: Event, person: tuple[Entity, Mention],
                 code_of: Callable[[Entity | None, str], str]) -> Actor | None:
    """The object of a verb whose subject the coder took for its object (`استقبل ... الأمير
    فلان ... رئيس هيئة كذا`): the first person or organization named after the subject in
    the sentence, past the subject's own title; None when there is none."""
    entity, mention = person
    start = max([mention.end] + [r.evidence.end for r in entity.roles
                                 if r.evidence is not None and r.evidence.start >= mention.end
                                 and not doc.text[mention.end:r.evidence.start].strip(" ،,")])
    found = min(((m, e) for e in doc.entities if e.type in ("PER", "ORG") and e.id != entity.id
                 for m in e.mentions if start <= m.start < event.sentence.end),
                key=lambda pair: pair[0].start, default=None)
    if found is None:
        return None
    m, e = found
    return Actor(code_of(e, e.name), e.name, e.id, Offsets(m.start, m.end))


_TITLE_TO_NAME = 60  # characters between a title's end and its name (honorifics, a place)


def titled_person(doc: Document, source: Actor) -> tuple[Entity, Mention] | None:
    """events.cameo.v5: the person whose title the bare source is, by the roles stage's evidence
    (`استنكر سفير خادم الحرمين الشريفين لدى دولة الكويت الدكتور فلان`: the title's span holds
    the source's first word); the person's mention after the title."""
    if source.entity or source.code not in _SECTORS or source.span is None:
        return None
    at = source.span.start
    return next(((entity, name) for entity, evidence, name in _titled_names(doc)
                 if evidence.start <= at < evidence.end), None)


def bare_place(doc: Document, actor: Actor) -> bool:
    """A country or city named alone (`سويسرا`, `طوكيو`): a country code with no sector, and no
    entity but a place's."""
    code = actor.code
    if len(code) != 3 or code in _SECTORS or code[:3] in ("IGO", "NGO", "IMG"):
        return False
    if not actor.entity:
        return True
    return any(e.id == actor.entity and e.type in ("LOC", "GPE") for e in doc.entities)


def main_sources(doc: Document, events: Sequence[Event]) -> list[Event]:
    """v3's sources (strict_sources), and a speech act by a person whose role makes them an
    official (`وزيرة الداخلية أمبر راد`) even where the role names no country."""
    people = {e.id for e in doc.entities if e.type == "PER"}
    kept = []
    for event in events:
        source = event.source
        official = source is not None and source.entity in people \
            and source.code[-3:] in _OFFICIAL and event.cameo.startswith(_SPEECH_ROOTS) \
            and _subject_of(doc, event, source)
        kept.extend([event] if official else strict_sources([event]))
    return kept


def _subject_of(doc: Document, event: Event, source: Actor) -> bool:
    """The source stands next to its verb, nothing between: right after it (`دعا المبعوث
    الدولي إلى اليمن إسماعيل ولد الشيخ`), right before it, or inside the words of its pattern;
    a quote's speaker named elsewhere does not."""
    span, trigger = source.span, event.trigger
    if span is None:
        return False
    if trigger.start < span.start and span.end < trigger.end:
        return True  # between the verb and what completes it: `بعث الملك فلان برقية تهنئة`
    if span.start >= trigger.end:
        return not doc.text[trigger.end:span.start].strip()
    return span.end <= trigger.start and not doc.text[span.end:trigger.start].strip()


def headline_acts(title: str | None, code_title) -> frozenset[str]:
    """The CAMEO roots of the acts the title names (`code_title(title)` codes it)."""
    if not title or not title.strip():
        return frozenset()
    return frozenset(event.cameo[:2] for event in code_title(title))


def from_headline(events: Sequence[Event], roots: frozenset[str]) -> list[Event]:
    """Events of an act the headline names: the first one with a source gains a fifth of
    what it lacks of full confidence (before calibration: the table maps raw scores)."""
    result, seen = [], set()
    for event in events:
        root = event.cameo[:2]
        if root in roots and root not in seen and event.source is not None:
            seen.add(root)
            event = dataclasses.replace(
                event, confidence=round(event.confidence + (1 - event.confidence) / 5, 2))
        result.append(event)
    return result


def _dated_earlier(doc: Document, event: Event) -> bool:
    """`في يناير الماضي`, `العام الماضي`, `في ذلك الوقت` a few words from the trigger."""
    lo = max(event.sentence.start, event.trigger.start - 50)
    before = doc.text[lo:event.trigger.start]
    if any(c in before for c in _CLAUSE_BREAKS):
        before = before[max(before.rfind(c) for c in _CLAUSE_BREAKS) + 1:]
    words = [fold(w) for w in before.split()[-5:]] + _clause_after(doc, event, 6, ".:؛;")
    if _THAT_TIME in " ".join(words):
        return True
    return any(a.removeprefix("و") in _MONTHS and b in _LAST and before_a != _SINCE
               for before_a, a, b in zip([""] + words, words, words[1:]))  # not `منذ العام الماضي`


def _stem(word: str) -> str:
    """A folded word without its leading و, ب, ال and quote marks (`بالإرهاب` -> `ارهاب`)."""
    word = word.strip('«»"“”()')
    for prefix in ("و", "ب", "ال"):
        word = word.removeprefix(prefix)
    return word


def _clause_after(doc: Document, event: Event, count: int,
                  breaks: str = _CLAUSE_BREAKS) -> list[str]:
    """Up to `count` folded words after the trigger, before a clause break, without the
    punctuation that sticks to them."""
    text = doc.text[event.trigger.end:min(event.sentence.end, event.trigger.end + 12 * count)]
    cut = min((text.find(c) for c in breaks if c in text), default=len(text))
    return [fold(w).strip("،,.:؛;«»\"“”()") for w in text[:cut].split()[:count]]


def coded_reading(doc: Document, event: Event) -> bool:
    """False for a coded trigger that reports nothing, screened before the sentence classifier
    sees the sentence's events: `نصف` (half) and `أصف` read as describing in the first
    person."""
    if event.cameo != "111":
        return True
    word = fold(doc.text[event.trigger.start:event.trigger.end].split()[0])
    return word not in _FIRST_PERSON_DESCRIBING


def _addressed(doc: Document, event: Event, source: Actor) -> bool:
    """`أطالب السلطات الإيرانية بإسقاط`: the actor after a first-person speech verb (inside a
    longer trigger too) is addressed, not the speaker."""
    words = doc.text[event.trigger.start:event.trigger.end].split()
    if not words or fold(words[0]).removeprefix("و") not in _FIRST_PERSON:
        return False
    return source.span is not None and source.span.start >= event.trigger.start + len(words[0])


# A crowd's size between a protest verb and who protests (`تظاهر آلاف الطلاب`, `تجمع نحو 500
# متظاهر`), and words of time that may stand before it (`تظاهر أمس عشرات النشطاء`).
_CROWD_SIZE = frozenset(fold(w) for w in (
    "نحو حوالي حوالى قرابة زهاء أكثر اكثر من عشرات مئات آلاف ألوف العشرات المئات الآلاف الألوف"
    " ألف ألفا مئة مائة بضع بضعة بضعة").split())
_CROWD_TIME = frozenset(fold(w) for w in "أمس امس اليوم مساء صباح ليلة ظهر".split())
_PROTEST_SIDES = frozenset("CVL EDU LAB OPP PTY".split())
# A protester counted in the singular (`500 متظاهر`), which the actor lexicon lists as plurals.
_PROTESTER = frozenset(fold(w) for w in "متظاهر متظاهرا محتج محتجا معتصم معتصما".split())


def protest_crowd(doc: Document, event: Event, verb: bool,
                  code_of: Callable[[Entity | None, str], str]) -> Event:
    """A protest verb's subject right after it is who protests: a crowd counted or named by
    its people (`تظاهر آلاف الإسرائيليين`, `وتجمع نحو 500 متظاهر`, `اعتصم عشرات المواطنين`),
    a nationality or a popular group (students, workers, residents). The coder picks the
    nearest popular actor, which may stand elsewhere in the sentence (`على مرأى من الشرطة`)
    or be missing after a number."""
    if not verb or not event.cameo.startswith("14"):
        return event
    at = event.trigger.end
    start = None
    for match in list(_CROWD_WORD.finditer(doc.text, at, event.sentence.end))[:6]:
        word = match.group()
        folded = fold(word)
        if word in _CLAUSE_BREAKS:
            return event
        if folded in _CROWD_TIME and start is None:
            continue
        start = match.start() if start is None else start
        if folded in _CROWD_SIZE or word.isdigit():
            continue
        code = "CVL" if folded in _PROTESTER else code_of(None, word) or code_of(None, "ال" + word)
        if code in _PROTEST_SIDES or (len(code) == 3 and code not in _SECTORS):
            crowd = Actor(code, doc.text[start:match.end()], None, Offsets(start, match.end()))
            return dataclasses.replace(event, source=crowd)
        return event
    return event


# Verbs of a crowd gathering: with a counted crowd as subject they report a protest
# (`تظاهر آلاف`, `وتجمع نحو 500 متظاهر`); chanting (`وهتف المتظاهرون`) describes one told before.
_GATHER = tuple(fold(w) for w in (
    "تظاهر يتظاهر تتظاهر اعتصم يعتصم تعتصم احتشد يحتشد تحتشد تجمع يتجمع تتجمع تجمهر يتجمهر"
    " خرج يخرج تخرج نزل ينزل تنزل").split())


def counted_crowd(doc: Document, event: Event, crowd: Actor | None) -> bool:
    """A gathering verb whose subject (protest_crowd's `crowd`) is counted: `تظاهر آلاف
    الطلاب`, `اعتصم عشرات المواطنين`, `وتجمع نحو 500 متظاهر`."""
    if crowd is None or crowd.span is None:
        return False
    verb = fold(doc.text[event.trigger.start:event.trigger.end]).split()[0]
    if not verb.removeprefix("و").removeprefix("ف").startswith(_GATHER):
        return False
    first = fold(crowd.name.split()[0])
    return first in _CROWD_SIZE or first.isdigit()


_CROWD_WORD = re.compile(r"[^\s،,.:؛;«»\"()]+|[،,.:؛;]")
