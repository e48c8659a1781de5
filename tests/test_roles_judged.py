"""The judged roles sample (eval/roles_judged.jsonl) is well formed: offsets and labels only, at
least 150 persons, on articles that no other eval set uses (issue 14; eval/roles_judged.py)."""

from __future__ import annotations

import json

from eval.roles_judged import EVAL, JUDGED, SAMPLE_SIZE

KEYS = {"n", "corpus", "id", "sha256", "mention", "role"}
ROLE_KEYS = {"title", "title_value", "affiliation", "value"}


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_judged_persons_hold_offsets_and_labels_only():
    rows = _rows(JUDGED)
    assert len(rows) == SAMPLE_SIZE
    assert [r["n"] for r in rows] == list(range(SAMPLE_SIZE))
    for r in rows:
        assert KEYS <= set(r) <= KEYS | {"person"}, r["n"]
        assert len(r["sha256"]) == 64 and 0 <= r["mention"][0] < r["mention"][1]
        if r.get("person") is False:
            assert r["role"] is None
        elif r["role"] is not None:
            assert set(r["role"]) == ROLE_KEYS
            assert 0 <= r["role"]["title"][0] < r["role"]["title"][1]
            assert r["role"]["affiliation"] is None or r["role"]["affiliation"][0] < \
                r["role"]["affiliation"][1]


def test_the_judged_articles_are_used_by_no_other_eval_set():
    ours = {r["id"] for r in _rows(JUDGED)}
    for path in EVAL.glob("*.jsonl"):
        if path == JUDGED:
            continue
        used = {str(r.get(k)) for r in _rows(path) for k in ("id", "a", "b", "url") if k in r}
        assert not ours & used, path.name
