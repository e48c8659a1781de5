"""An HTML page's title is chosen by agreement with its first paragraphs and its URL."""

from __future__ import annotations

from khabar.document import PARAGRAPH
from khabar.inputs import RawPage
from khabar.reading.blocks import Block
from khabar.reading.html_title import agreed_title, title_candidates
from khabar.stages.read import Cleaner

HEADLINE = "بلدية الوادي تفتح حديقة جديدة للأطفال قرب النهر"
PARAGRAPHS = [
    "افتتحت بلدية مدينة الوادي صباح اليوم حديقة جديدة للأطفال على الضفة الشرقية للنهر، "
    "بعد عامين من أعمال البناء التي شارك فيها سكان الحي.",
    "وقال رئيس البلدية إن الحديقة تضم ملاعب وممرات للدراجات ومساحات خضراء واسعة، "
    "وإنها ستفتح أبوابها كل يوم من الصباح حتى المساء.",
    "وأضاف أن البلدية تخطط لافتتاح حديقتين أخريين في الأحياء الشمالية خلال العام المقبل.",
]


def page(head: str, *, h1: str | None = None, og: str | None = None) -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    heading = f"<h1>{h1}</h1>" if h1 else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{head}</title>{meta}</head><body><header><h1>جريدة الوادي</h1>"
            f"</header><article>{heading}{body}</article></body></html>")


def title_of(html: str, **fields) -> str | None:
    return Cleaner()(RawPage(html.encode("utf-8"), format="html", **fields)).title


def test_the_site_name_is_cut_from_the_title_element():
    assert title_of(page(f"{HEADLINE} - جريدة الوادي")) == HEADLINE
    assert title_of(page(f"جريدة الوادي | {HEADLINE}")) == HEADLINE


def test_a_site_logo_in_the_first_h1_is_not_the_title():
    # the logo's <h1> comes first on the page; it shares no words with the article
    assert title_of(page(f"{HEADLINE} - جريدة الوادي", og=HEADLINE)) == HEADLINE


def test_a_given_title_is_kept():
    html = page(f"{HEADLINE} - جريدة الوادي")
    assert title_of(html, title="عنوان من المصدر نفسه") == "عنوان من المصدر نفسه"


def test_candidates_keep_the_page_order_of_preference():
    html = page(f"{HEADLINE} - جريدة الوادي", h1=HEADLINE, og=f"{HEADLINE} | الوادي")
    assert title_candidates(html, None) == (
        "جريدة الوادي", f"{HEADLINE} | الوادي", HEADLINE, f"{HEADLINE} - جريدة الوادي")


def test_the_bare_headline_beats_the_headline_with_its_site():
    blocks = [Block(p, PARAGRAPH) for p in PARAGRAPHS]
    chosen = agreed_title([f"{HEADLINE} - جريدة الوادي", HEADLINE], blocks, stop=frozenset())
    assert chosen == HEADLINE


def test_no_agreement_leaves_the_choice_to_the_caller():
    blocks = [Block(p, PARAGRAPH) for p in PARAGRAPHS]
    assert agreed_title(["جريدة الوادي", "أخبار الرياضة اليوم"], blocks, stop=frozenset()) is None


def test_the_slug_can_carry_the_agreement():
    blocks = [Block("نص قصير لا يذكر شيئا مما في العنوان على الإطلاق ولا كلمة واحدة منه.", PARAGRAPH)]
    url = "https://example.test/2026/12/بلدية-الوادي-تفتح-حديقة-جديدة-للأطفال"
    assert agreed_title(["جريدة الوادي", HEADLINE], blocks, stop=frozenset(), url=url) == HEADLINE


def test_a_headline_with_its_subtitle_is_not_taken_for_a_headline_with_its_site():
    # `Headline : subtitle` is the whole title; only ` - ` and ` | ` set a site's name apart
    full = f"{HEADLINE} : وملاعب وممرات للدراجات"
    blocks = [Block(p, PARAGRAPH) for p in PARAGRAPHS]
    assert agreed_title([HEADLINE.split(" تفتح")[0], full], blocks, stop=frozenset()) == full
