"""`khabar serve` hands the right configuration to uvicorn and fails early on a bad store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from khabar.cli import cli


@pytest.fixture()
def captured(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    for name in ("KHABAR_SERVE_DB", "KHABAR_SERVE_TOKEN_ENV", "KHABAR_SERVE_MAX_BODY", "KHABAR_SERVE_ANALYZE_MAX_BODY",
                 "KHABAR_SERVE_ANALYZE_PER_MINUTE"):
        monkeypatch.setenv(name, "")  # so that what `khabar serve` sets is undone after the test
        monkeypatch.delenv(name)
    return calls


def test_serve_runs_the_app_factory_on_loopback_by_default(captured, fixture_db, monkeypatch):
    result = CliRunner().invoke(cli, ["serve", "--db", str(fixture_db)])
    assert result.exit_code == 0, result.output
    (args, kwargs), = captured
    assert args == ("khabar.web.app:app_from_environment",)
    assert kwargs["factory"] is True and kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8000
    import os

    assert os.environ["KHABAR_SERVE_DB"] == str(fixture_db)
    monkeypatch.delenv("KHABAR_SERVE_DB")


def test_app_from_environment_reads_the_token_from_the_named_variable(fixture_db, monkeypatch):
    from fastapi.testclient import TestClient

    from khabar.web.app import app_from_environment

    monkeypatch.setenv("KHABAR_SERVE_DB", str(fixture_db))
    monkeypatch.setenv("KHABAR_SERVE_TOKEN_ENV", "MY_TOKEN")
    monkeypatch.setenv("MY_TOKEN", "abc")
    app = app_from_environment()
    assert app.state.token == "abc"
    response = TestClient(app).post("/articles", json={"text": "x"}, headers={"authorization": "Bearer nope"})
    assert response.status_code == 403


def test_serve_fails_on_a_store_it_cannot_open(captured, tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing" / "khabar.db")])
    assert result.exit_code != 0 and not captured


@pytest.mark.parametrize(("options", "expected"), [
    ([], {"max_body": 2 * 1024 * 1024, "analyze_max_body": 256 * 1024, "analyze_per_minute": 30}),
    (["--analyze-max-body", "4096", "--analyze-rate", "5"], {"analyze_max_body": 4096, "analyze_per_minute": 5}),
    (["--analyze-rate", "0"], {"analyze_per_minute": 0}),
])
def test_serve_hands_the_body_and_rate_limits_to_the_app(captured, fixture_db, monkeypatch, options, expected):
    from khabar.web import app as web_app

    made = []
    monkeypatch.setattr(web_app, "create_app", lambda db, **kwargs: made.append(kwargs))
    result = CliRunner().invoke(cli, ["serve", "--db", str(fixture_db), *options])
    assert result.exit_code == 0, result.output
    web_app.app_from_environment()
    assert {name: made[0][name] for name in expected} == expected


def test_serve_defaults_are_the_app_defaults():
    from khabar.web.app import ANALYZE_MAX_BODY_BYTES, ANALYZE_PER_MINUTE, MAX_BODY_BYTES

    defaults = {p.name: p.default for p in cli.commands["serve"].params}
    assert defaults["max_body"] == MAX_BODY_BYTES
    assert defaults["analyze_max_body"] == ANALYZE_MAX_BODY_BYTES
    assert defaults["analyze_rate"] == ANALYZE_PER_MINUTE
