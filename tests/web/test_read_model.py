"""One read model: the CLI's JSON and the API's JSON agree for the same store.

Both call khabar.store.read; these tests run `khabar search | stories | entity --json` in-process
and the matching JSON twins over the fixture store, and compare the records.
"""

from __future__ import annotations

import json

import pytest

from khabar.cli import main


def cli_json_lines(capsys, *args) -> list:
    try:
        main(list(args))
    except SystemExit as done:
        assert not done.code, capsys.readouterr()
    out, _err = capsys.readouterr()
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("query", ["الواحة", "سامر الخطيب"])
def test_search_hits_are_the_same_records_on_the_cli_and_the_api(client, fixture_db, capsys, query):
    on_cli = cli_json_lines(capsys, "search", query, "--db", str(fixture_db), "--json", "--limit", "20")
    on_api = client.get("/search.json", params={"q": query, "limit": 20}).json()["items"]
    assert on_cli and on_cli == on_api


@pytest.mark.parametrize(("flags", "order"), [([], "outlets"), (["--largest"], "size")])
def test_story_lists_are_the_same_records_on_the_cli_and_the_api(client, fixture_db, capsys, flags, order):
    on_cli = cli_json_lines(capsys, "stories", "--db", str(fixture_db), "--json", "--limit", "50", *flags)
    on_api = client.get("/stories.json", params={"order": order, "limit": 50}).json()["items"]
    assert on_cli and on_cli == on_api


def test_one_story_is_the_same_record_on_the_cli_and_the_api(client, fixture_db, capsys):
    story_id = client.get("/stories.json", params={"order": "size"}).json()["items"][0]["id"]
    (on_cli,) = cli_json_lines(capsys, "stories", "--db", str(fixture_db), "--story", story_id, "--json")
    on_api = client.get(f"/stories/{story_id}.json").json()
    assert on_api.pop("ok") is True  # the API's envelope
    assert len(on_cli["versions"]) >= 2
    assert on_cli == on_api


@pytest.mark.parametrize("name", ["سامر الخطيب", "الخطيب", "كريم العلي", "هيئة الأرصاد الجوية"])
def test_an_entity_is_the_same_record_on_the_cli_and_the_api(client, fixture_db, capsys, name):
    on_cli = cli_json_lines(capsys, "entity", name, "--db", str(fixture_db), "--json", "--limit", "20")
    ids = [item["id"] for item in client.get("/entities.json", params={"name": name}).json()["items"]]
    on_api = [client.get(f"/entities/{entity_id}.json", params={"limit": 20}).json()["entity"] for entity_id in ids]
    assert on_cli and on_cli == on_api
