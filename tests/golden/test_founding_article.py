"""The founding article (../shared/seed) through the default pipeline.

Two kinds of assertion (STYLE §6): an exact comparison of the annotations with the reviewed
golden file (offsets and labels, no article text), and must / must-not lists that state intent.
Rewrite the golden with `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar import iter_pages

GOLDEN = Path(__file__).with_name("founding_article.expected.json")

MUST_NOT_APPEAR = ["الأكثر قراءة", "No stories found.", "logo", "www.eremnews.com", "إرم نيوز"]
TITLE = "كارتر يؤكد تواصل الدعم التركي للعمليات ضد داعش"


@pytest.fixture(scope="module")
def founding_doc(seed_article, pipeline):
    (page,) = list(iter_pages(seed_article))
    return pipeline(page)


def annotations(doc) -> dict:
    """Everything but the text itself: what a human reviews in the golden file."""
    data = doc.to_dict()
    data.pop("text")
    data["raw"].pop("origin")
    return data


@pytest.mark.shared
def test_founding_article_matches_the_reviewed_golden(founding_doc, update_goldens):
    actual = annotations(founding_doc)
    if update_goldens or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert actual == json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.shared
def test_founding_article_has_one_title_and_no_glued_copy(founding_doc):
    assert founding_doc.title == TITLE
    assert TITLE not in founding_doc.text
    assert not founding_doc.text.startswith("كارتر يؤكد")


@pytest.mark.shared
def test_founding_article_source_is_recognized_from_its_footer(founding_doc):
    assert (founding_doc.source.name, founding_doc.source.domain) == ("إرم نيوز", "eremnews.com")


@pytest.mark.shared
def test_founding_article_has_eleven_body_paragraphs_and_one_heading(founding_doc):
    doc = founding_doc
    body = [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "paragraph"]
    headings = [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "heading"]
    assert headings == ["تحد جديد"]
    assert len(body) == 11
    assert body[0].startswith("قال وزير الدفاع الأمريكي")
    assert body[-1].endswith("ولنحو 2.4 مليون نازح.")


@pytest.mark.shared
@pytest.mark.parametrize("boilerplate", MUST_NOT_APPEAR)
def test_founding_article_body_has_no_site_boilerplate(founding_doc, boilerplate):
    assert boilerplate not in founding_doc.text
