"""The project's founding article, read from ../shared/seed, with the mentions a careful tagger gives.

The article's text is not in the repository; the test reads it and checks merging and roles.
"""

from __future__ import annotations

import pytest

from khabar.document import Paragraph
from khabar.stages.entity_roles import make_entities_merge, make_entities_roles

GOLD = [
    ("آشتون كارتر", "PER"), ("كارتر", "PER"), ("فكري إشيق", "PER"), ("جون كيري", "PER"),
    ("كيري", "PER"), ("ليز جراندي", "PER"), ("الأمم المتحدة", "ORG"), ("داعش", "ORG"),
    ("البنتاغون", "ORG"), ("تركيا", "LOC"), ("أنقرة", "LOC"), ("الولايات المتحدة", "LOC"),
    ("واشنطن", "LOC"), ("العراق", "LOC"), ("سوريا", "LOC"), ("الموصل", "LOC"), ("ميريلاند", "LOC"),
]

ROLES = {
    "آشتون كارتر": [("وزير الدفاع", "الولايات المتحدة")],
    "فكري إشيق": [("وزير الدفاع", "تركيا")],
    "جون كيري": [("وزير الخارجية", "الولايات المتحدة")],
    "ليز جراندي": [("منسقة العمليات الإنسانية", "الأمم المتحدة")],
}


@pytest.fixture(scope="module")
def founding_article(seed_article, mentions_doc):
    raw = seed_article.read_text(encoding="utf-8")
    body = raw[raw.index("قال وزير الدفاع الأمريكي"):raw.index("الأكثر قراءة")].strip()
    paragraphs, cursor = [], 0
    for block in body.split("\n\n"):
        start = body.index(block, cursor)
        paragraphs.append(Paragraph(start, start + len(block)))
        cursor = start + len(block)
    doc = mentions_doc(body, GOLD, paragraphs=tuple(paragraphs), published="2016-07-20")
    return make_entities_roles()(make_entities_merge()(doc))


@pytest.mark.shared
@pytest.mark.parametrize(("full", "short", "count"), [("آشتون كارتر", "كارتر", 3), ("جون كيري", "كيري", 2)])
def test_founding_article_merges_surnames_into_the_full_name(founding_article, full, short, count):
    entity = next(e for e in founding_article.entities if e.name == full)
    texts = [founding_article.text[m.start:m.end] for m in entity.mentions]
    assert short in texts
    assert len(texts) == count
    assert not any(e.name == short for e in founding_article.entities)


@pytest.mark.shared
@pytest.mark.parametrize(("person", "roles"), sorted(ROLES.items()))
def test_founding_article_gives_each_official_the_title_and_affiliation(founding_article, person, roles):
    entity = next(e for e in founding_article.entities if e.name == person)
    assert [(r.title, r.affiliation) for r in entity.roles] == roles


@pytest.mark.shared
def test_founding_article_keeps_the_country_and_its_capital_apart(founding_article):
    names = [e.name for e in founding_article.entities]
    assert names.count("الولايات المتحدة") == 1
    assert names.count("واشنطن") == 1
    assert names.count("الأمم المتحدة") == 1  # `للأمم المتحدة` and `والأمم المتحدة` are one


@pytest.mark.shared
def test_founding_article_entities_are_numbered_in_order_of_first_mention(founding_article):
    entities = founding_article.entities
    assert [e.id for e in entities] == [f"e{i}" for i in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)
    assert entities[0].name == "آشتون كارتر"


@pytest.mark.shared
def test_founding_article_dates_and_quantities(founding_article):
    from khabar.stages.dates import make_dates
    from khabar.stages.quantities import make_quantities
    from khabar.stages.segment import find_sentences

    doc = make_quantities()(make_dates()(find_sentences(founding_article)))
    dates = {doc.text[d.start:d.end]: (d.value, d.relative) for d in doc.dates}
    assert dates["آب/ أغسطس 2014"] == ("2014-08", False)
    assert dates["الأربعاء"] == ("2016-07-20", True)
    assert dates["أمس"] == ("2016-07-19", True)
    quantities = [(q.value, q.unit) for q in doc.quantities]
    assert quantities == [(30, "دولة"), (2_400_000, "نازح")]
