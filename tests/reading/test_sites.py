"""The page generator of eval/sites and a small frozen guard of reading on its dev templates.
Reads articles from ../shared/data (skipped where it is absent)."""

from __future__ import annotations

import html

import pytest

from tests.conftest import SHARED, shared_file

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def pages():
    shared_file(SHARED / "data" / "saudinewsnet")
    shared_file(SHARED / "data" / "ant-multisource")
    from eval.sites import collection

    return list(collection(3))


def test_there_are_ten_templates_three_of_them_held_out():
    from eval.sites import DEV, HELD_OUT, TEMPLATES

    assert len(TEMPLATES) >= 10 and len(HELD_OUT) == 3
    assert all(t.held_out for t in HELD_OUT) and not any(t.held_out for t in DEV)
    assert len({t.name for t in TEMPLATES}) == len(TEMPLATES)


def test_every_page_holds_its_answers(pages):
    for page in pages:
        lines = [" ".join(line.split()) for line in page.text.splitlines()]
        assert page.title in lines and page.body and page.boilerplate
        assert all(b in lines for b in page.body) and all(b in lines for b in page.boilerplate)
        assert html.escape(page.title) in page.html


def test_dev_pages_read_with_their_title_and_without_boilerplate(pages):
    from eval.reading import Score, read
    from khabar.stages.read import Cleaner

    cleaner = Cleaner()
    score = Score()
    for page in pages:
        if not page.held_out:
            score.add(page, *read(cleaner, page, html=False))
    assert score.titles == score.pages
    assert score.boiler_removed == score.boiler
    assert score.body_kept == score.body
