"""The project's own lexicons: headers, columns, and no name claimed by two rows."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from khabar.entities.names import name_key
from khabar.lexicons import read_rows

FILES = ["titles.tsv", "nisba.tsv", "places.tsv", "organizations.tsv"]


@pytest.mark.parametrize("name", FILES)
def test_lexicon_says_in_its_header_that_the_project_wrote_it(name):
    text = resources.files("khabar.lexicons").joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#")
    assert "written by the khabar project" in text.split("\n\n")[0].replace("\n# ", " ")


def test_title_lexicon_kinds_are_known():
    kinds = Counter(row[1] for row in read_rows("titles.tsv"))
    assert set(kinds) == {"head", "fixed", "counterpart"}


def test_nisba_lexicon_rows_have_a_country_and_stems():
    assert all(len(row) == 2 and row[1] for row in read_rows("nisba.tsv"))


def test_no_place_or_organization_name_is_claimed_by_two_rows():
    owners: dict[str, set[int]] = {}
    rows = read_rows("places.tsv") + read_rows("organizations.tsv")
    for number, row in enumerate(rows):
        for form in [row[0]] + (row[1].split("|") if len(row) > 1 else []):
            owners.setdefault(name_key(form.lstrip("~")), set()).add(
                min(i for i, r in enumerate(rows) if r[0] == row[0]))
    assert {key: rows for key, rows in owners.items() if len(rows) > 1} == {}
