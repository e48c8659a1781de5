"""The CLI in-process: exit codes, output formats and error paths."""

from __future__ import annotations

import json

import pytest

from khabar.cli import main
from tests.conftest import EXAMPLES


def run(capsys, *args, stdin: bytes | None = None, monkeypatch=None):
    code = 0
    try:
        main(list(args))
    except SystemExit as done:
        code = done.code or 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_analyze_one_file_prints_one_json_document(capsys):
    code, out, err = run(capsys, "analyze", str(EXAMPLES / "scraped_repeated_title.txt"))
    assert code == 0
    doc = json.loads(out)
    assert doc["title"].startswith("وزيرة الطاقة")
    assert "وزيرة" in out  # readable Arabic, no \u escapes
    assert "1 processed: 1 ok" in err


def test_analyze_a_directory_is_a_batch_with_a_summary(capsys):
    code, out, err = run(capsys, "analyze", str(EXAMPLES), "--format", "jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 6 and len({d["id"] for d in docs}) == 6
    assert "6 processed: 6 ok" in err


def test_batch_goes_on_after_bad_inputs_and_counts_them(capsys, tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c_good.txt").write_text(
        "عنوان الخبر\nقال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة تهم المواطنين.", encoding="utf-8")
    (tmp_path / "d_english.txt").write_text("The minister said the talks were useful and long.", encoding="utf-8")
    (tmp_path / "e_lines.jsonl").write_text('{"text": 1}\nnot json\n', encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [d["status"] for d in docs] == ["rejected", "rejected", "ok", "rejected", "rejected", "rejected"]
    assert "6 processed: 1 ok, 5 rejected (binary: 1, empty: 1, malformed_record: 2, not_arabic: 1)" in err
    code, _, _ = run(capsys, "analyze", str(tmp_path), "--strict")
    assert code == 1


def test_analyze_reads_stdin(capsys, monkeypatch):
    import io
    import sys

    text = "عنوان الخبر\nقال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة تهم المواطنين.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, _ = run(capsys, "analyze", "-", "--format", "text")
    assert code == 0 and out.startswith("# عنوان الخبر")


@pytest.mark.parametrize(
    ("args", "expected_code", "message"),
    [
        (["analyze", "no/such/path.txt"], 1, "InputError: E301"),
        (["analyze", str(EXAMPLES), "--format", "yaml"], 2, "Invalid value"),
        (["analyze", str(EXAMPLES), "--config", "missing.toml"], 1, "ConfigError: E102"),
        (["frobnicate"], 2, "No such command"),
    ],
)
def test_errors_say_what_went_wrong_with_the_right_exit_code(capsys, args, expected_code, message):
    code, _, err = run(capsys, *args)
    assert code == expected_code
    assert message in err


def test_stages_lists_the_registered_stages(capsys):
    code, out, _ = run(capsys, "stages")
    assert code == 0 and "clean.auto.v2" in out and "segment.sentences.v1" in out


def test_learn_boilerplate_writes_a_model(capsys, tmp_path):
    code, _, err = run(capsys, "learn-boilerplate", str(EXAMPLES), "-o", str(tmp_path / "m.json"))
    assert code == 0 and (tmp_path / "m.json").exists() and "learned" in err


def test_quotes_prints_speakers_roles_cues_and_quotes(capsys):
    code, out, _ = run(capsys, "quotes", str(EXAMPLES / "wire.jsonl"))
    assert code == 0
    assert "ماجد السويدي" in out and "رئيس الوزراء" in out
    assert "الجسر سيختصر زمن التنقل" in out


def test_issue_15_events_keep_only_confident_rows(capsys):
    code, out, _ = run(capsys, "events", str(EXAMPLES / "wire.jsonl"), "--format", "json")
    every = json.loads(out)
    threshold = max(row["confidence"] for row in every)
    code, out, _ = run(capsys, "events", str(EXAMPLES / "wire.jsonl"), "--format", "json",
                       "--min-confidence", str(threshold))
    kept = json.loads(out)
    assert code == 0 and kept and all(row["confidence"] >= threshold for row in kept)
    assert len(kept) <= len(every)
    code, out, _ = run(capsys, "events", str(EXAMPLES / "wire.jsonl"), "--min-confidence", "1")
    assert code == 0 and len(out.splitlines()) <= 1 + sum(r["confidence"] >= 1 for r in every)


@pytest.mark.parametrize("fmt", ["tsv", "json"])
def test_events_writes_one_row_per_event(capsys, fmt):
    code, out, _ = run(capsys, "events", str(EXAMPLES / "wire.jsonl"), "--format", fmt)
    assert code == 0
    if fmt == "json":
        rows = json.loads(out)
        assert rows and {"cameo", "plover"} <= set(rows[0])
    else:
        header, *rows = out.splitlines()
        assert "cameo" in header and rows
