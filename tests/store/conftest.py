"""Fixtures for the store tests: a fresh store, the fixture articles, and a generated corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from khabar.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"

_OPENINGS = ["أعلنت", "أكدت", "كشفت", "نفت", "قررت", "بحثت", "رحبت", "انتقدت"]
_ACTORS = ["وزارة الصحة", "بلدية المدينة", "هيئة الطرق", "جامعة الشمال", "شركة الكهرباء",
           "نقابة المعلمين", "غرفة التجارة", "اتحاد الكرة", "مجلس النواب", "وزارة الزراعة"]
_TOPICS = ["خطة جديدة لتطوير", "مشروعا لإصلاح", "برنامجا لدعم", "اتفاقا بشأن", "دراسة حول",
           "حملة لتحسين", "قرارا يخص", "تقريرا عن"]
_OBJECTS = ["المستشفيات الحكومية", "شبكة الطرق الريفية", "المدارس الابتدائية", "الأسواق الشعبية",
            "محطات المياه", "الملاعب الرياضية", "المزارع الصغيرة", "الحدائق العامة", "خطوط النقل"]
_DETAILS = ["وقال مسؤول في {a} إن العمل سيبدأ خلال {n} أسابيع وسيشمل {n2} موقعا في مختلف الأحياء.",
            "وأوضح البيان أن الكلفة الإجمالية تبلغ {n} مليون دينار تمول من الميزانية العامة.",
            "وأشار المتحدث إلى أن {a} تلقت أكثر من {n} شكوى من المواطنين خلال العام الماضي.",
            "ومن المتوقع أن يستفيد من المشروع نحو {n} ألف مواطن في المرحلة الأولى.",
            "وأكد رئيس {a} أن الخطة تراعي ملاحظات الخبراء والسكان على حد سواء.",
            "ولفت التقرير إلى تأخر المرحلة السابقة بسبب نقص التمويل وارتفاع الأسعار."]


def make_corpus(folder: Path, count: int = 200, *, seed: int = 7) -> Path:
    """Write `count` generated fictional articles (one JSON file each) under `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        actor, topic, obj = rng.choice(_ACTORS), rng.choice(_TOPICS), rng.choice(_OBJECTS)
        title = f"{actor} {rng.choice(_OPENINGS)} {topic} {obj}"
        body = [f"{rng.choice(_OPENINGS)} {actor} اليوم {topic} {obj} في العاصمة والمحافظات المجاورة."]
        for template in rng.sample(_DETAILS, 4):
            body.append(template.format(a=actor, n=rng.randint(2, 90), n2=rng.randint(3, 40)))
        record = {"id": f"gen-{number:04d}", "source": rng.choice(["الشروق", "النهار", "الوادي"]),
                  "url": f"https://news.example/{number}", "title": title,
                  "published": f"2024-04-{1 + number % 28:02d}", "text": "\n".join(body)}
        (folder / f"{number:04d}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    return folder


@pytest.fixture
def store():
    with open_store(":memory:") as opened:
        yield opened


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
