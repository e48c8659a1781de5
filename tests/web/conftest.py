"""Fixtures for the web tests: a store file filled with the fictional articles, and clients."""

from __future__ import annotations

import warnings

import pytest

from tests.web.fixtures import build_store

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    """A store with the eight fictional articles (read-only in the tests that share it)."""
    return build_store(tmp_path_factory.mktemp("web") / "khabar.db")


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory):
    """The fixture store plus an article whose every field carries script payloads."""
    return build_store(tmp_path_factory.mktemp("hostile") / "khabar.db", hostile=True)


def post_raw(app, receive, path: str = "/analyze") -> list[dict]:
    """POST to `app` at the ASGI level with the given `receive`; the messages it sent back.

    For what a test client cannot do: a body that stops midway, or one read chunk by chunk."""
    import anyio

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [(b"content-type", b"application/json")], "http_version": "1.1", "scheme": "http",
             "server": ("testserver", 80), "client": ("127.0.0.1", 1), "root_path": ""}
    anyio.run(app, scope, receive, send)
    return sent


def make_client(db, **options):
    """An in-process client over `db`; the rate limit of `POST /analyze` is off unless asked for
    (tests/web/test_robustness.py checks it with a fake clock), so shared clients never hit it."""
    from fastapi.testclient import TestClient

    from khabar.web import create_app

    options.setdefault("analyze_per_minute", 0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return TestClient(create_app(db, **options), raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client(fixture_db, pipeline):
    """A read-only in-process client (no token configured) over the fixture store."""
    return make_client(fixture_db, pipeline=pipeline)


@pytest.fixture()
def writable_client(tmp_path, pipeline):
    """A client over a fresh copy of the fixture store that accepts writes with TOKEN."""
    return make_client(build_store(tmp_path / "khabar.db"), token=TOKEN, pipeline=pipeline)


@pytest.fixture(scope="session")
def hostile_client(hostile_db, pipeline):
    return make_client(hostile_db, pipeline=pipeline)
