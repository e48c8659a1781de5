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
    for name in ("KHABAR_SERVE_DB", "KHABAR_SERVE_TOKEN_ENV", "KHABAR_SERVE_MAX_BODY"):
        monkeypatch.delenv(name, raising=False)
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
