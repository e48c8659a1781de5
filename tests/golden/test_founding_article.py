"""The founding article (../shared/seed) through the default pipeline.

Two kinds of assertion (STYLE §6): an exact comparison of the annotations with the reviewed
golden file (offsets and labels, no article text), and must / must-not lists that state intent.
The golden holds no model scores or model hashes: a better model changes scores everywhere,
and quality is guarded by the floors of the eval gate (tests/test_eval_gate.py), not here.
Rewrite the golden with `pytest tests/golden --update-goldens` and review the diff; a missing
golden fails instead of writing itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar import iter_pages

GOLDEN = Path(__file__).with_name("founding_article.expected.json")
# Numbers a model computes: they move with every retrained model, so the golden leaves them out
# (with the hash that names the model, in the trace).
SCORE_KEYS = frozenset({"score", "confidence"})

MUST_NOT_APPEAR = ["الأكثر قراءة", "No stories found.", "logo", "www.eremnews.com", "إرم نيوز"]
TITLE = "كارتر يؤكد تواصل الدعم التركي للعمليات ضد داعش"


@pytest.fixture(scope="module")
def founding_doc(seed_article, pipeline):
    (page,) = list(iter_pages(seed_article))
    return pipeline(page)


def annotations(doc) -> dict:
    """Everything but the text and the model scores: what a human reviews in the golden file."""
    data = doc.to_dict()
    data.pop("text")
    data["raw"].pop("origin")
    for entry in data["trace"]:
        entry["models"] = [model["name"] for model in entry["models"]]
    return without_scores(data)


def without_scores(value):
    """A copy of plain JSON data without the keys in SCORE_KEYS, at any depth."""
    if isinstance(value, dict):
        return {k: without_scores(v) for k, v in value.items() if k not in SCORE_KEYS}
    if isinstance(value, list):
        return [without_scores(item) for item in value]
    return value


def compare_with_golden(actual: dict, golden: Path, *, update: bool) -> None:
    """Assert `actual` equals the reviewed golden; write it only when asked to."""
    if update:
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"no golden file {golden.name}: write it with `pytest tests/golden "
                    "--update-goldens`, then read it through before committing it")
    assert actual == json.loads(golden.read_text(encoding="utf-8")), (
        "the annotations changed: if a stage's output changed on purpose, give the stage a new "
        "version name (ner.crf.v1 -> ner.crf.v2, docs/changelog.md), then rewrite the golden "
        "with `pytest tests/golden --update-goldens` and review its diff")


@pytest.mark.shared
def test_founding_article_matches_the_reviewed_golden(founding_doc, update_goldens):
    compare_with_golden(annotations(founding_doc), GOLDEN, update=update_goldens)


def test_a_missing_golden_fails_and_is_not_written(tmp_path):
    missing = tmp_path / "missing.expected.json"
    with pytest.raises(pytest.fail.Exception, match="--update-goldens"):
        compare_with_golden({"id": "x"}, missing, update=False)
    assert not missing.exists()


@pytest.mark.parametrize("data, kept", [
    ({"mentions": [{"start": 1, "score": 0.93}]}, {"mentions": [{"start": 1}]}),
    ({"events": [{"cameo": "190", "confidence": 0.8}]}, {"events": [{"cameo": "190"}]}),
])
def test_golden_annotations_leave_out_model_scores(data, kept):
    assert without_scores(data) == kept


def test_the_golden_file_holds_no_model_scores_or_model_hashes():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert without_scores(golden) == golden
    assert all(isinstance(model, str) for entry in golden["trace"] for model in entry["models"])


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
