"""Fictional Arabic articles, written for these tests, built by hand as Documents.

Two outlets (صحيفة الفجر, وكالة النهار) cover the same stories, some nearly word for word, so
the store links them into stories. Entities, roles, quotes and events are placed by finding
their words in the text, so offsets are always right.
"""

from __future__ import annotations

from pathlib import Path

from khabar.document import (
    Actor,
    Document,
    Entity,
    Event,
    Mention,
    Offsets,
    Paragraph,
    Quote,
    Role,
    Sentence,
    Source,
)
from khabar.store.sqlite import Store

FAJR = ("صحيفة الفجر", "alfajr.example")
NAHAR = ("وكالة النهار", "alnahar.example")


def find(text: str, phrase: str, nth: int = 0) -> Offsets:
    """The offsets of the nth occurrence of `phrase` in `text` (fails loudly when absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Offsets(start, start + len(phrase))


def build(doc_id: str, outlet: tuple[str, str], published: str, title: str, paragraphs: list[str], *,
          entities: list[tuple[str, str, str, list[str]]] = (),
          roles: dict[str, list[tuple[str, str | None, str]]] | None = None,
          quotes: list[tuple[str | None, str, str | None, str]] = (),
          events: list[tuple[str, str | None, tuple[str, str, str | None] | None,
                             tuple[str, str, str | None] | None, str]] = (),
          url: str | None = None) -> Document:
    """A Document from paragraphs and annotations given as phrases.

    entities: (local id, type, canonical name, [phrases mentioned]).
    roles: local id -> [(title, affiliation, evidence phrase)].
    quotes: (speaker local id or None, speaker text, cue phrase or None, quoted phrase).
    events: (cameo, plover, (source code, name, entity id), (target ...), trigger phrase).
    """
    text = "\n\n".join(paragraphs)
    paras, sentences, at = [], [], 0
    for para in paragraphs:
        paras.append(Paragraph(at, at + len(para)))
        sentences.append(Sentence(at, at + len(para)))
        at += len(para) + 2
    roles = roles or {}
    made_entities = []
    for local_id, etype, name, phrases in entities:
        mentions = []
        for phrase in phrases:
            where = find(text, phrase)
            mentions.append(Mention(where.start, where.end, "ner.fixture.v1", 0.9))
        made_roles = tuple(Role(title, aff, find(text, ev)) for title, aff, ev in roles.get(local_id, []))
        made_entities.append(Entity(local_id, etype, name, tuple(sorted(mentions, key=lambda m: m.start)), made_roles))
    made_quotes = []
    for speaker, speaker_text, cue, content in quotes:
        made_quotes.append(Quote(speaker, speaker_text, find(text, cue) if cue else None, find(text, content),
                                 direct=True, stage="quotes.fixture.v1", score=0.8))
    made_events = []
    for cameo, plover, source, target, trigger in events:
        where = find(text, trigger)
        sentence = next((s for s in sentences if s.start <= where.start < s.end), sentences[0])
        made_events.append(Event(cameo, plover,
                                 Actor(source[0], source[1], source[2]) if source else None,
                                 Actor(target[0], target[1], target[2]) if target else None,
                                 where, Offsets(sentence.start, sentence.end),
                                 date=published[:10], confidence=0.7, stage="events.fixture.v1"))
    return Document(id=doc_id, text=text, title=title,
                    source=Source(outlet[0], outlet[1], url or f"https://{outlet[1]}/news/{doc_id}"),
                    published=published, paragraphs=tuple(paras), sentences=tuple(sentences),
                    entities=tuple(made_entities), quotes=tuple(made_quotes), events=tuple(made_events))


_SUMMIT = [
    "اختتمت في مدينة الواحة أمس قمة المياه الإقليمية بمشاركة وزراء من اثنتي عشرة دولة، وناقشت القمة خطة مشتركة لإدارة الأنهار العابرة للحدود.",
    "وقال وزير الري سامر الخطيب في المؤتمر الصحفي الختامي: «الاتفاق خطوة أولى نحو تقاسم عادل للمياه بين دول المنطقة».",
    "من جهتها أعلنت منظمة الأنهار الدولية أنها ستموّل محطات رصد جديدة على ضفاف نهر السلام خلال العام المقبل.",
]
_SUMMIT_COPY = [
    "اختتمت في مدينة الواحة أمس قمة المياه الإقليمية بمشاركة وزراء من اثنتي عشرة دولة، وناقشت القمة خطة مشتركة لإدارة الأنهار العابرة للحدود.",
    "وقال وزير الري سامر الخطيب في المؤتمر الصحفي الختامي: «الاتفاق خطوة أولى نحو تقاسم عادل للمياه بين دول المنطقة».",
    "من جهتها أعلنت منظمة الأنهار الدولية أنها ستموّل محطات رصد جديدة على ضفاف نهر السلام خلال العام القادم.",
]


def fixture_documents() -> list[Document]:
    """Eight fictional articles from two outlets, with near-duplicates and a shared story."""
    summit_entities = [
        ("e1", "LOC", "مدينة الواحة", ["مدينة الواحة"]),
        ("e2", "PER", "سامر الخطيب", ["سامر الخطيب"]),
        ("e3", "ORG", "منظمة الأنهار الدولية", ["منظمة الأنهار الدولية"]),
        ("e4", "LOC", "نهر السلام", ["نهر السلام"]),
    ]
    summit_roles = {"e2": [("وزير الري", None, "وزير الري")]}
    summit_quotes = [("e2", "وزير الري سامر الخطيب", "وقال",
                      "الاتفاق خطوة أولى نحو تقاسم عادل للمياه بين دول المنطقة")]
    summit_events = [("036", "CONSULT", ("GOV", "وزراء", None), None, "قمة المياه"),
                     ("0", "AGREE", ("IGO", "منظمة الأنهار الدولية", "e3"), None, "ستموّل")]
    docs = [
        build("fajr-001", FAJR, "2024-03-10", "قمة الواحة تتفق على خطة لإدارة الأنهار", _SUMMIT,
              entities=summit_entities, roles=summit_roles, quotes=summit_quotes,
              events=[("036", "CONSULT", ("GOV", "وزراء", None), None, "قمة المياه"),
                      ("071", "AID", ("IGO", "منظمة الأنهار الدولية", "e3"), None, "ستموّل")]),
        build("nahar-001", NAHAR, "2024-03-10", "اتفاق في قمة المياه بالواحة على خطة مشتركة", _SUMMIT_COPY,
              entities=summit_entities, roles=summit_roles, quotes=summit_quotes,
              events=[summit_events[0]]),
        build("fajr-002", FAJR, "2024-03-11", "الخطيب: محطات الرصد تبدأ العمل في الصيف",
              ["صرّح وزير الري سامر الخطيب لصحيفة الفجر بأن محطات الرصد على نهر السلام ستبدأ العمل في الصيف.",
               "وأضاف الخطيب: «لن نسمح بهدر قطرة ماء واحدة بعد اليوم».",
               "وكانت منظمة الأنهار الدولية قد رحبت بالاتفاق في بيان رسمي."],
              entities=[("p1", "PER", "سامر الخطيب", ["سامر الخطيب", "الخطيب"]),
                        ("l1", "LOC", "نهر السلام", ["نهر السلام"]),
                        ("o1", "ORG", "منظمة الأنهار الدولية", ["منظمة الأنهار الدولية"])],
              roles={"p1": [("وزير الري", None, "وزير الري")]},
              quotes=[("p1", "الخطيب", "وأضاف الخطيب", "لن نسمح بهدر قطرة ماء واحدة بعد اليوم")],
              events=[("051", "COOPERATE", ("IGO", "منظمة الأنهار الدولية", "o1"), None, "رحبت")]),
        build("nahar-002", NAHAR, "2024-03-12", "مظاهرات في ساحة النخيل احتجاجا على انقطاع المياه",
              ["تظاهر مئات من سكان حي الزيتون في ساحة النخيل احتجاجا على انقطاع المياه منذ أسبوع.",
               "وقالت الناشطة ليلى منصور إن «الوعود لم تعد تكفي، نريد الماء في بيوتنا».",
               "وردّ متحدث باسم بلدية الواحة بأن الإصلاحات ستنتهي خلال يومين."],
              entities=[("a", "LOC", "ساحة النخيل", ["ساحة النخيل"]),
                        ("b", "LOC", "حي الزيتون", ["حي الزيتون"]),
                        ("c", "PER", "ليلى منصور", ["ليلى منصور"]),
                        ("d", "ORG", "بلدية الواحة", ["بلدية الواحة"])],
              roles={"c": [("ناشطة", None, "الناشطة")]},
              quotes=[("c", "الناشطة ليلى منصور", "وقالت", "الوعود لم تعد تكفي، نريد الماء في بيوتنا"),
                      (None, "متحدث باسم بلدية الواحة", "وردّ", "الإصلاحات ستنتهي خلال يومين")],
              events=[("141", "PROTEST", ("CVL", "سكان حي الزيتون", "b"), ("GOV", "بلدية الواحة", "d"), "تظاهر")]),
        build("fajr-003", FAJR, "2024-03-12", "احتجاج في ساحة النخيل بسبب انقطاع المياه",
              ["تظاهر مئات من سكان حي الزيتون في ساحة النخيل احتجاجا على انقطاع المياه منذ أسبوع كامل.",
               "وقالت الناشطة ليلى منصور إن «الوعود لم تعد تكفي، نريد الماء في بيوتنا».",
               "وردّ متحدث باسم بلدية الواحة بأن الإصلاحات ستنتهي خلال يومين."],
              entities=[("a", "LOC", "ساحة النخيل", ["ساحة النخيل"]),
                        ("c", "PER", "ليلى منصور", ["ليلى منصور"]),
                        ("d", "ORG", "بلدية الواحة", ["بلدية الواحة"])],
              quotes=[("c", "ليلى منصور", "وقالت", "الوعود لم تعد تكفي، نريد الماء في بيوتنا")],
              events=[("141", "PROTEST", ("CVL", "سكان حي الزيتون", None), ("GOV", "بلدية الواحة", "d"), "تظاهر")]),
        build("nahar-003", NAHAR, "2024-03-14", "افتتاح معرض الكتاب في الواحة بمشاركة مئتي دار نشر",
              ["افتتح رئيس الوزراء كريم العلي معرض الكتاب السنوي في مدينة الواحة بمشاركة مئتي دار نشر.",
               "وقال العلي في كلمة الافتتاح إن «القراءة هي طريقنا إلى المستقبل».",
               "ويستمر المعرض عشرة أيام ويضم ندوات عن الأدب والترجمة."],
              entities=[("k", "PER", "كريم العلي", ["كريم العلي", "العلي"]),
                        ("w", "LOC", "مدينة الواحة", ["مدينة الواحة"]),
                        ("m", "MISC", "معرض الكتاب السنوي", ["معرض الكتاب السنوي"])],
              roles={"k": [("رئيس الوزراء", None, "رئيس الوزراء")]},
              quotes=[("k", "العلي", "وقال العلي", "القراءة هي طريقنا إلى المستقبل")]),
        build("fajr-004", FAJR, "2024-03-15", "رئيس الوزراء يلتقي وزير الري لبحث أزمة المياه",
              ["التقى رئيس الوزراء كريم العلي وزير الري سامر الخطيب لبحث أزمة المياه في حي الزيتون.",
               "وقال الخطيب بعد اللقاء: «وضعنا جدولا زمنيا واضحا لإنهاء الأزمة».",
               "وأكد العلي أن الحكومة ستتابع التنفيذ يوما بيوم."],
              entities=[("k", "PER", "كريم العلي", ["كريم العلي", "العلي"]),
                        ("s", "PER", "سامر الخطيب", ["سامر الخطيب", "الخطيب"]),
                        ("z", "LOC", "حي الزيتون", ["حي الزيتون"])],
              roles={"k": [("رئيس الوزراء", None, "رئيس الوزراء")], "s": [("وزير الري", None, "وزير الري")]},
              quotes=[("s", "الخطيب", "وقال الخطيب", "وضعنا جدولا زمنيا واضحا لإنهاء الأزمة")],
              events=[("040", "CONSULT", ("GOV", "كريم العلي", "k"), ("GOV", "سامر الخطيب", "s"), "التقى")]),
        build("nahar-004", NAHAR, "2024-03-16", "الأرصاد تتوقع أمطارا غزيرة على الساحل",
              ["توقعت هيئة الأرصاد الجوية هطول أمطار غزيرة على مدن الساحل خلال نهاية الأسبوع.",
               "ودعت الهيئة السائقين إلى الحذر على الطرق السريعة."],
              entities=[("h", "ORG", "هيئة الأرصاد الجوية", ["هيئة الأرصاد الجوية"])]),
    ]
    return docs


def hostile_document() -> Document:
    """An article whose every field carries script and event-handler payloads."""
    payload = '<script>alert("x")</script>'
    image = '<img src=x onerror=alert(1)>'
    paragraphs = [
        f"قال المسؤول {image} إن {payload} الخطة جاهزة للتنفيذ في مدينة الواحة.",
        f"وأضاف: «{payload} لن نتراجع» في حديثه للصحفيين.",
    ]
    return build("hostile-1", (f"منفذ {payload}", "evil.example"), "2024-03-17",
                  f"عنوان {payload} {image}", paragraphs,
                  entities=[("x", "PER", f"المسؤول {image}", [f"المسؤول {image}"]),
                            ("y", "ORG", f"{payload}", [payload])],
                  roles={"x": [(f"وزير {image}", None, "المسؤول")]},
                  quotes=[("x", f"المسؤول {image}", "وأضاف", f"{payload} لن نتراجع")],
                  events=[("010", "STATEMENT", ("GOV", f"{image}", "x"), None, "قال")],
                  url="javascript:alert(document.cookie)")


HOSTILE_MARKERS = ("<script", "<img")  # raw tags that must never reach a page


def build_store(path: Path, *, hostile: bool = False) -> Path:
    """A store file at `path` filled with the fixture articles (and the hostile one if asked)."""
    docs = fixture_documents() + ([hostile_document()] if hostile else [])
    with Store(path) as store:
        store.write_documents(docs)
    return path
