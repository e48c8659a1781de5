import json

import pytest

from khabar import RawPage, iter_pages, learn_from_pages
from khabar.errors import (
    BinaryInputRejected,
    EmptyInputRejected,
    MalformedRecordRejected,
    NotAnArticleRejected,
    NotArabicRejected,
    TooLargeRejected,
)
from khabar.reading.boilerplate import BoilerplateModel
from khabar.stages.read import Cleaner
from tests.conftest import EXAMPLES

SCRAPED = EXAMPLES / "scraped_repeated_title.txt"
HTML = EXAMPLES / "page_with_nav.html"


def read(path, **options):
    (page,) = list(iter_pages(path))
    return Cleaner(**options)(page)


def test_scraped_example_has_one_title_headings_and_no_furniture():
    doc = read(SCRAPED)
    assert doc.title == "وزيرة الطاقة تعلن خطة لتوسيع محطات الطاقة الشمسية في الجنوب"
    assert doc.title not in doc.text
    assert doc.source.name == "شبكة الخليج الإخبارية" and doc.source.domain == "khaleejnet.example"
    headings = [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "heading"]
    assert headings == ["تحديات التمويل"]
    for furniture in ("الأكثر قراءة", "No stories found.", "logo", "تابعونا", "اقرأ أيضاً",
                      "ارتفاع أسعار الوقود", "www.", "جميع الحقوق"):
        assert furniture not in doc.text
    blocks = {doc.text[p.start:p.end] for p in doc.paragraphs}
    assert not blocks & {"شارك", "تويتر", "واتساب", "أخبار", "اقتصاد"}
    assert doc.text.startswith("أعلنت وزيرة الطاقة")
    assert doc.text.endswith("بحسب بيانات الوزارة.")


def test_html_example_uses_page_metadata_and_drops_navigation():
    doc = read(HTML)
    assert doc.title == "اتفاق على هدنة إنسانية في مدينة الساحل لمدة أسبوعين"
    assert doc.published == "2024-03-12"
    assert doc.source.name == "صحيفة النهار الجديد"
    assert doc.source.domain == "nahar-jadid.example"
    assert doc.raw.format == "html"
    assert [doc.text[p.start:p.end] for p in doc.paragraphs if p.kind == "heading"] == ["ترحيب حذر"]
    for furniture in ("الرئيسية", "الأكثر قراءة", "ارتفاع أسعار الذهب", "جميع الحقوق", "شارك الخبر"):
        assert furniture not in doc.text


def test_windows_1256_example_is_decoded_and_recorded():
    doc = read(EXAMPLES / "announcement_windows1256.txt")
    assert doc.raw.encoding == "windows-1256"
    assert doc.title == "تأجيل الانتخابات البلدية إلى الخريف المقبل"
    assert "طباعة" not in doc.text


def test_paragraph_offsets_cover_the_blocks_exactly():
    doc = read(SCRAPED)
    for paragraph in doc.paragraphs:
        block = doc.text[paragraph.start:paragraph.end]
        assert block == block.strip() and "\n" not in block


@pytest.mark.parametrize(
    ("page", "rejection"),
    [
        (RawPage(b""), EmptyInputRejected),
        (RawPage(b"\x00\x01\x02\x03" * 100), BinaryInputRejected),
        (RawPage(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", format="html"), NotAnArticleRejected),
        (RawPage("The minister said the meeting ended without agreement on the new budget.".encode()), NotArabicRejected),
        (RawPage(b"x" * 2048), TooLargeRejected),
        (RawPage(b"{not json", format="record-error", error="line 1: Expecting property name"), MalformedRecordRejected),
    ],
)
def test_bad_pages_are_rejected_with_a_reason_code(page, rejection):
    with pytest.raises(rejection) as caught:
        Cleaner(max_bytes=1024)(page)
    assert caught.value.code.startswith("R")


def test_jsonl_records_keep_their_metadata_and_bad_lines_become_rejections(tmp_path, batch_pipeline):
    lines = [
        json.dumps({"id": "a1", "url": "https://www.wadi-daily.example/a1", "source": "صحيفة الوادي",
                    "published": "2024-01-02", "title": "عنوان أول",
                    "text": "قال الوزير إن الحكومة ستعلن خطة جديدة لدعم الزراعة خلال الأسبوع المقبل."},
                   ensure_ascii=False),
        "{this is not json",
        json.dumps({"id": "a2", "text": 42}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [batch_pipeline(page) for page in iter_pages(path)]
    assert [d.status for d in docs] == ["ok", "rejected", "rejected"]
    first = docs[0]
    assert (first.id, first.title, first.published) == ("a1", "عنوان أول", "2024-01-02")
    assert first.source.domain == "wadi-daily.example" and first.source.name == "صحيفة الوادي"
    assert {d.reason.code for d in docs[1:]} == {"malformed_record"}


def test_character_references_in_records_become_characters(tmp_path, batch_pipeline):
    record = {"id": "r1", "title": "افتتاح &#8220;سوق الوادي&#8221; الجديد",
              "text": "قال المحافظ إن &quot;السوق الجديد&quot; سيفتح أبوابه للتجار الأسبوع المقبل."}
    path = tmp_path / "refs.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    doc = batch_pipeline(next(iter_pages(path)))
    assert doc.title == "افتتاح “سوق الوادي” الجديد"
    assert '"السوق الجديد"' in doc.text and "&quot;" not in doc.text


def _site_page(number: int) -> RawPage:
    text = "\n".join([
        f"خبر رقم {number} عن افتتاح مشروع جديد",
        f"افتتح المحافظ اليوم المشروع رقم {number} في المنطقة الشرقية بحضور عدد من المسؤولين والأهالي.",
        f"وأكد المحافظ أن المشروع {number} جزء من خطة أوسع لتطوير البنية التحتية في المحافظة.",
        "جريدة الوادي منبر كل الأصوات الحرة منذ عام 1990 وحتى اليوم وإلى الأبد.",
        "للاشتراك في النسخة الورقية اتصلوا بقسم التوزيع على الرقم المجاني في أوقات الدوام الرسمي.",
    ])
    return RawPage(text.encode("utf-8"), format="text", url=f"https://wadi.example/{number}")


def test_corpus_mode_learns_a_sources_template_lines_and_removes_them():
    pages = [_site_page(n) for n in range(8)]
    model = learn_from_pages(pages, min_pages=5, min_share=0.5)
    assert len(model.for_source("wadi.example")) == 2
    plain = Cleaner()(pages[0])
    learned = Cleaner(boilerplate_model=model)(pages[0])
    assert "جريدة الوادي منبر" in plain.text and "جريدة الوادي منبر" not in learned.text
    assert "للاشتراك" not in learned.text
    assert "وأكد المحافظ" in learned.text


def test_a_line_repeated_inside_one_article_is_not_learned_as_boilerplate():
    repeated = "وأكد المحافظ مرة أخرى أن المشروع سيكتمل في موعده المحدد دون أي تأخير يذكر."
    first = _site_page(0)
    first = RawPage(first.content + ("\n" + repeated).encode() * 6, format="text", url=first.url)
    pages = [first] + [_site_page(n) for n in range(1, 8)]
    model = learn_from_pages(pages, min_pages=5, min_share=0.5)
    assert Cleaner(boilerplate_model=model)(first).text.count(repeated) == 6


def test_boilerplate_model_round_trips_through_a_file(tmp_path):
    model = learn_from_pages([_site_page(n) for n in range(6)])
    model.save(tmp_path / "model.json")
    assert BoilerplateModel.load(tmp_path / "model.json").sources == model.sources


def test_issue_19_clean_text_over_the_character_limit_is_too_large():
    from khabar.stages.read import Cleaner

    text = "أعلنت وزارة الزراعة في مدينة الوادي اليوم عن خطة جديدة لري الحقول بمياه الأمطار. " * 50
    with pytest.raises(TooLargeRejected, match="characters of clean text"):
        Cleaner(max_chars=1000)(RawPage(content=text.encode(), format="text"))
    assert Cleaner()(RawPage(content=text.encode(), format="text")).text


@pytest.mark.parametrize("sample", [
    "أعلنت الوزارة أن ٣٤ مدرسة ستفتح أبوابها غداً، بحسب Reuters.",
    "x ² ½ Ⅻ _ ـ ١٢ ab",  # digits that are not decimal count as letters, _ and tatweel do not
    "مرحبا 😀 بكم",  # beyond the BMP
    "كلمة\udc80أخرى",  # a lone surrogate
    "",
])
def test_letter_counts_are_those_of_the_letter_patterns(sample):
    from khabar.stages.read import _ARABIC_LETTER, _LETTER, _letter_counts
    assert _letter_counts(sample) == (len(_LETTER.findall(sample)),
                                      len(_ARABIC_LETTER.findall(sample)))
