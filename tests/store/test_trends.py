"""Trends: articles and stories per period, the shared filters, and the change rule."""

from __future__ import annotations

import pytest

from khabar.errors import ConfigError
from khabar.store import open_store
from khabar.store.change import compare_with_baseline
from khabar.store.trends import Filters, filtered_articles, period_end, trend_series
from tests.web.fixtures import build_store


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    """The web tests' fictional store: 8 articles from two outlets, 10-16 March 2024, 6 stories."""
    with open_store(build_store(tmp_path_factory.mktemp("trends") / "k.db")) as store:
        yield store.conn


def _points(trend, key="all"):
    series = {s.key: s for s in trend.series}[key]
    return {p.date: (p.articles, p.stories) for p in series.points}


def test_a_story_told_by_two_outlets_counts_two_articles_and_one_story(conn):
    points = _points(trend_series(conn, by="day"))
    assert points["2024-03-10"] == (2, 1)  # fajr-001 and nahar-001, one story
    assert points["2024-03-12"] == (2, 1)


def test_periods_cover_the_days_without_articles_which_have_no_point(conn):
    trend = trend_series(conn, by="day")
    assert trend.periods == tuple(f"2024-03-{day}" for day in range(10, 17))
    assert "2024-03-13" not in _points(trend)


@pytest.mark.parametrize("by, expected", [
    ("week", {"2024-03-04": (2, 1), "2024-03-11": (6, 5)}),  # 10 March is a Sunday
    ("month", {"2024-03-01": (8, 6)}),
])
def test_weeks_start_on_monday_and_months_on_the_first(conn, by, expected):
    assert _points(trend_series(conn, by=by)) == expected


def test_split_by_source_gives_one_series_per_outlet_that_adds_up(conn):
    trend = trend_series(conn, by="month", split="source")
    assert {s.key: s.articles for s in trend.series} == {"صحيفة الفجر": 4, "وكالة النهار": 4}


@pytest.mark.parametrize("filters, articles", [
    (Filters(q="المياه"), {"fajr-001", "nahar-001", "nahar-002", "fajr-003", "fajr-004"}),
    (Filters(source="alnahar.example"), {"nahar-001", "nahar-002", "nahar-003", "nahar-004"}),
    (Filters(entity="سامر الخطيب", until="2024-03-11"), {"fajr-001", "nahar-001", "fajr-002"}),
    (Filters(actor="CVL"), {"nahar-002", "fajr-003"}),
    (Filters(root="4"), {"fajr-004"}),
    (Filters(since="2024-03-15"), {"fajr-004", "nahar-004"}),
    (Filters(until="2024-03"), {"fajr-001", "nahar-001", "fajr-002", "nahar-002", "fajr-003", "nahar-003",
                                "fajr-004", "nahar-004"}),
])
def test_a_trend_counts_exactly_the_articles_its_filters_list(conn, filters, articles):
    listed = {a["id"] for a in filtered_articles(conn, filters, limit=100).items}
    counted = sum(s.articles for s in trend_series(conn, filters, by="month").series)
    assert listed == articles
    assert counted == len(articles)


def test_unknown_period_is_refused_with_the_valid_ones(conn):
    with pytest.raises(ConfigError, match="day, week, month"):
        trend_series(conn, by="year")


@pytest.mark.parametrize("start, by, end", [
    ("2024-03-10", "day", "2024-03-10"),
    ("2024-03-11", "week", "2024-03-17"),
    ("2024-02-01", "month", "2024-02-29"),
    ("2024-12-01", "month", "2024-12-31"),
])
def test_period_end(start, by, end):
    assert period_end(start, by) == end


@pytest.mark.parametrize("values, direction", [
    ([2, 3, 2, 4, 3, 2, 3, 2, 15], "up"),
    ([20, 22, 19, 21, 20, 22, 21, 20, 3], "down"),
    ([2, 3, 2, 4, 3, 2, 3, 2, 4], "steady"),
    ([0, 0, 0, 0, 0, 0, 0, 0, 2], "steady"),  # sd counts as 1 and 3 more than the mean are needed
    ([0, 0, 0, 0, 0, 0, 0, 0, 3], "up"),
])
def test_change_rule(values, direction):
    assert compare_with_baseline(values).direction == direction


def test_change_rule_needs_four_earlier_periods():
    assert compare_with_baseline([1, 1, 1, 9]) is None
    assert compare_with_baseline([1, 1, 1, 1, 9]).periods == 4
