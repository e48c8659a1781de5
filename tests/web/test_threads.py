"""SQLite work runs off the event loop: a write that waits for the lock holds up no other request.

The test holds SQLite's write lock from outside the app, sends `POST /articles`, waits until the
app's writer has started `BEGIN IMMEDIATE` (and so waits for the lock), then asks for a page.
It passes when the page is answered while the lock is still held. If the write ran on the event
loop, the loop would stay blocked, and nothing could answer until the guard releases the lock.
The guard only keeps a broken app from hanging the run; no duration is ever asserted.
"""

from __future__ import annotations

import asyncio
import dataclasses
import sqlite3
import threading

import httpx

from khabar.web import create_app
from tests.web.conftest import TOKEN
from tests.web.fixtures import build_store, fixture_documents

HANG_GUARD_SECONDS = 120


class LockHolder:
    """SQLite's write lock on `path`, taken now and released once (by the test or the guard)."""

    def __init__(self, path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN IMMEDIATE")
        self.released = threading.Event()
        self._once = threading.Lock()
        self._guard = threading.Timer(HANG_GUARD_SECONDS, self.release)
        self._guard.start()

    def release(self) -> None:
        with self._once:
            if not self.released.is_set():
                self.conn.execute("COMMIT")
                self.conn.close()
                self.released.set()
        self._guard.cancel()


def _watch_for_writes(app) -> threading.Event:
    """An event set when any of the app's connections starts `BEGIN IMMEDIATE` (a write)."""
    writing = threading.Event()
    opener = app.state.stores
    open_for_thread = opener.get

    def traced():
        store = open_for_thread()
        store.conn.set_trace_callback(lambda sql: writing.set() if sql.startswith("BEGIN IMMEDIATE") else None)
        return store

    opener.get = traced
    return writing


def test_a_page_is_answered_while_a_posted_article_waits_for_the_write_lock(tmp_path):
    path = build_store(tmp_path / "khabar.db")
    article = dataclasses.replace(fixture_documents()[0], id="written-while-locked")
    app = create_app(path, token=TOKEN, pipeline=lambda page: article, analyze_per_minute=0)
    writing = _watch_for_writes(app)

    async def scenario():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
            lock = LockHolder(path)
            try:
                post = asyncio.create_task(client.post("/articles", json={"text": "نص"},
                                                       headers={"authorization": f"Bearer {TOKEN}"}))
                started = await asyncio.get_running_loop().run_in_executor(None, writing.wait, HANG_GUARD_SECONDS)
                page = await client.get("/entities.json")
                answered_while_locked = not lock.released.is_set()
            finally:
                lock.release()
            return started, page, answered_while_locked, await post

    started, page, answered_while_locked, post = asyncio.run(scenario())
    app.state.stores.close()
    assert started, "the posted article never reached its write"
    assert page.status_code == 200 and page.json()["items"]
    assert answered_while_locked, "the page waited for the write lock: SQLite work ran on the event loop"
    assert post.status_code == 201 and post.json()["id"] == "written-while-locked"


# Endpoints that may be coroutines: they await the request body or touch no store, and
# POST /articles hands its write to a worker thread (the test above).
ASYNC_WITHOUT_SQLITE_ON_THE_LOOP = {("POST", "/analyze"), ("POST", "/articles"), ("GET", "/docs"),
                                    ("GET", "/static/fonts/{name}")}


def test_routes_that_read_the_store_are_plain_functions_run_in_worker_threads(client):
    from fastapi.routing import APIRoute

    coroutines = {(method, route.path) for route in client.app.routes if isinstance(route, APIRoute)
                  and asyncio.iscoroutinefunction(route.endpoint) for method in route.methods}
    assert ("GET", "/articles") not in coroutines and ("GET", "/entities/{entity_id}") not in coroutines
    unexpected = coroutines - ASYNC_WITHOUT_SQLITE_ON_THE_LOOP
    assert not unexpected, (f"{sorted(unexpected)} run on the event loop: make them plain `def` routes "
                            "(FastAPI runs those in worker threads, each with its own SQLite connection)")
