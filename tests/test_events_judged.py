"""The judged event samples (eval/events_judged.jsonl, eval/events_calibration_judged.jsonl) are
well formed: offsets and labels only, at least 200 judged events, articles that no other eval
set uses and that the two samples do not share (issue 15; eval/events_judged.py)."""

from __future__ import annotations

import json

import pytest

from eval.events_judged import CALIBRATION, EVAL, FINAL, FRESH, JUDGED, V4, V5, wilson

KEYS = {"n", "corpus", "id", "sha256", "trigger", "cameo", "source_code", "label"}


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", [JUDGED, CALIBRATION, FRESH, FINAL, V4, V5], ids=lambda p: p.name)
def test_issue_15_judgments_hold_offsets_and_labels_only(path):
    rows = _rows(path)
    assert rows and all(set(r) == KEYS for r in rows)
    assert all(r["label"] in ("right", "wrong") for r in rows)
    assert all(0 <= r["trigger"][0] < r["trigger"][1] for r in rows)
    assert all(r["cameo"].isdigit() and len(r["sha256"]) == 64 for r in rows)
    assert len({(r["corpus"], r["id"], *r["trigger"], r["cameo"]) for r in rows}) == len(rows)


def test_issue_15_at_least_200_events_were_judged_on_articles_used_nowhere_else():
    judged, calibration = _rows(JUDGED), _rows(CALIBRATION)
    assert len(judged) >= 200
    articles = {r["id"] for r in judged}
    assert not articles & {r["id"] for r in calibration}
    for path in EVAL.glob("*.jsonl"):
        if path in (JUDGED, CALIBRATION):
            continue
        used = {str(r.get(k)) for r in _rows(path) for k in ("id", "a", "b", "url") if k in r}
        assert not articles & used, path.name


@pytest.mark.parametrize("path", [V4, V5], ids=lambda p: p.name)
def test_a_later_sample_shares_no_article_with_the_samples_read_before_it(path):
    later = {r["id"] for r in _rows(path)}
    assert len(_rows(path)) >= 200
    for earlier in (JUDGED, CALIBRATION, FRESH, FINAL, V4):
        if earlier != path:
            assert not later & {r["id"] for r in _rows(earlier)}, earlier.name


@pytest.mark.parametrize(("right", "n", "low", "high"), [
    (63, 201, 0.253, 0.381),
    (0, 10, 0.0, 0.278),
    (10, 10, 0.722, 1.0),
])
def test_wilson_interval(right, n, low, high):
    got = wilson(right, n)
    assert got == pytest.approx((low, high), abs=0.001)
