"""The store commands, run in-process: ingest, search, stories, entity, export."""

from __future__ import annotations

import json

import pytest

from khabar.cli import main


def run(capsys, *args):
    with pytest.raises(SystemExit) as done:
        main(list(args))
    out, err = capsys.readouterr()
    return done.value.code or 0, out, err


def _main_ok(capsys, *args):
    try:
        main(list(args))
    except SystemExit as done:
        assert not done.code, capsys.readouterr()
    return capsys.readouterr()


@pytest.fixture
def db(tmp_path, fixtures_dir, capsys):
    path = str(tmp_path / "k.db")
    _main_ok(capsys, "ingest", str(fixtures_dir), "--db", path)
    return path


def test_ingest_prints_a_summary_with_reasons(tmp_path, fixtures_dir, capsys):
    out, err = _main_ok(capsys, "ingest", str(fixtures_dir), "--db", str(tmp_path / "k.db"))
    assert out == ""
    assert "12 processed: 10 ok, 2 rejected (malformed_record: 1, too_short: 1)" in err
    assert "alias: 1" in err


def test_ingest_strict_exits_1_on_rejections(tmp_path, fixtures_dir, capsys):
    code, _out, _err = run(capsys, "ingest", str(fixtures_dir), "--db", str(tmp_path / "k.db"), "--strict")
    assert code == 1


def test_search_prints_hits_with_highlights(db, capsys):
    out, _err = _main_ok(capsys, "search", "بالأمم المتحدة", "--db", db)
    assert "shorouk-1" in out and "[الأمم] [المتحدة]" in out


def test_search_json_lines(db, capsys):
    out, _err = _main_ok(capsys, "search", "الواحة", "--db", db, "--json", "--source", "الوادي")
    hits = [json.loads(line) for line in out.splitlines()]
    assert [h["id"] for h in hits] == ["wadi-9"]


def test_malformed_search_exits_1_with_a_coded_message(db, capsys):
    code, _out, err = run(capsys, "search", "«»!!", "--db", db)
    assert code == 1
    assert err.startswith("SearchQueryError: E502")


def test_stories_most_covered(db, capsys):
    out, _err = _main_ok(capsys, "stories", "--most-covered", "--since", "2024-03-01", "--db", db)
    assert out.splitlines()[0].startswith("shorouk-1  3 outlets, 3 articles")


def test_story_details(db, capsys):
    out, _err = _main_ok(capsys, "stories", "--story", "shorouk-1", "--db", db)
    assert "nahar-55" in out and "near" in out


def test_entity_not_found_says_so(db, capsys):
    _out, err = _main_ok(capsys, "entity", "اسم لا يرد في أي خبر", "--db", db)
    assert "no entity" in err


def test_entity_shows_names_roles_and_companions(tmp_path, capsys):
    from khabar.document import Document, Entity, Mention, Offsets, Role
    from khabar.store import open_store

    text = "وزير الخارجية الأمريكي جون كيري يزور القاهرة ويلتقي الأمين العام للجامعة العربية."
    kerry = Entity("e1", "PER", "وزير الخارجية الأمريكي جون كيري", mentions=(Mention(23, 31),),
                   roles=(Role("وزير الخارجية", "الولايات المتحدة", Offsets(0, 22)),))
    cairo = Entity("e2", "LOC", "القاهرة", mentions=(Mention(37, 44),))
    with open_store(tmp_path / "e.db") as store:
        store.write_documents([Document(id="k1", text=text, published="2014-08-01", entities=(kerry, cairo))])
    out, _err = _main_ok(capsys, "entity", "كيري", "--db", str(tmp_path / "e.db"))
    assert out.splitlines()[0] == "جون كيري  [PER]  1 mentions in 1 articles"
    assert "role 2014-08-01: وزير الخارجية (الولايات المتحدة)  [k1]" in out
    assert "with القاهرة [LOC] in 1 articles" in out


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_writes_a_file(db, tmp_path, capsys, fmt):
    target = tmp_path / f"out.{fmt}"
    _out, err = _main_ok(capsys, "export", "--db", db, "--format", fmt, "-o", str(target))
    assert target.stat().st_size > 0
    assert "11 documents" in err  # 12 inputs, one of them an exact copy stored as an alias


@pytest.mark.parametrize("command", [["search", "غزة"], ["stories"], ["stories", "--story", "x"],
                                     ["entity", "كيري"], ["export", "-o", "{tmp}/out.jsonl"], ["serve"]])
def test_reading_commands_refuse_a_store_that_does_not_exist(tmp_path, capsys, monkeypatch, command):
    monkeypatch.delenv("KHABAR_TOKEN", raising=False)
    missing = tmp_path / "mistyped.db"
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in command]
    code, out, err = run(capsys, *args, "--db", str(missing))
    assert code == 1 and out == ""
    assert err.startswith(f"StoreError: E508 no store at {missing}; `khabar ingest")
    assert not missing.exists()


def test_serve_with_writing_on_creates_a_missing_store(tmp_path, capsys, monkeypatch):
    import uvicorn

    monkeypatch.setenv("KHABAR_TOKEN", "secret")
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    _main_ok(capsys, "serve", "--db", str(tmp_path / "new.db"))
    assert (tmp_path / "new.db").exists()


def test_issue_19_ingest_reads_json_lines_from_stdin(tmp_path, fixtures_dir, capsys, monkeypatch):
    import io
    import sys

    data = (fixtures_dir / "articles.jsonl").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out, err = _main_ok(capsys, "ingest", "-", "--db", str(tmp_path / "k.db"))
    lines = [line for line in data.splitlines() if line.strip()]
    assert f"{len(lines)} processed" in err


def test_issue_19_ingest_of_a_missing_input_creates_no_database(tmp_path, capsys):
    code, out, err = run(capsys, "ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "k.db"))
    assert code == 1 and "E301" in err
    assert not (tmp_path / "k.db").exists()
