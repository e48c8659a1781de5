"""HTML nested deeper than the parser's limit keeps its article (issue 19)."""

from __future__ import annotations

import pytest

from khabar.reading.html import extract_html

SENTENCE = "أعلنت وزارة الزراعة في مدينة الوادي اليوم عن خطة جديدة لري الحقول بمياه الأمطار. "


@pytest.mark.parametrize("depth", [10, 255, 260, 1000, 20000])
@pytest.mark.parametrize("wrapper", ["div", "span", "section"])
def test_issue_19_a_deeply_nested_article_is_still_found(depth, wrapper):
    body = f"<p>{SENTENCE * 4}</p><p>أكد المسؤولون {SENTENCE * 4}</p>"
    html = f"<html><body>{f'<{wrapper}>' * depth}{body}{f'</{wrapper}>' * depth}</body></html>"
    article = extract_html(html)
    assert [block.text.count("أعلنت") for block in article.blocks] == [4, 4]
