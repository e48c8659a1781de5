"""`khabar serve`: the HTTP API and the Arabic web interface over a store."""

from __future__ import annotations

import os

import click

from khabar.cli import cli


@cli.command("serve")
@click.option("--db", "db", type=click.Path(dir_okay=False), default="khabar.db", show_default=True,
              help="The SQLite store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token-env", default="KHABAR_TOKEN", show_default=True,
              help="Environment variable holding the bearer token for writes; writes are off without it.")
@click.option("--workers", type=click.IntRange(1, 8), default=1, show_default=True, help="Server processes.")
@click.option("--max-body", type=click.IntRange(1024), default=2 * 1024 * 1024, show_default=True,
              help="Largest request body accepted, in bytes.")
@click.option("--analyze-max-body", type=click.IntRange(1024), default=256 * 1024, show_default=True,
              help="Largest body for POST /analyze (no token needed), in bytes; at most --max-body.")
@click.option("--analyze-rate", type=click.IntRange(0), default=30, show_default=True,
              help="POST /analyze requests each client address may send a minute (429 past it); 0: no limit.")
def serve_command(db, host, port, token_env, workers, max_body, analyze_max_body, analyze_rate) -> None:
    """Serve the HTTP API (docs at /docs) and the web interface in Arabic.

    Read-only unless the variable named by --token-env holds a token; then `POST /articles`
    with `Authorization: Bearer <token>` analyzes and stores an article. `POST /analyze` is open
    to anyone, so it has a smaller body limit and a rate limit per client address (per worker).
    A --db that does not exist is an error, unless writing is on: then an empty store is made.

    Example: khabar serve --db khabar.db --port 8000
    """
    import uvicorn

    from khabar.store.sqlite import open_store

    # Migrate now, and fail here rather than in the workers; a read-only server refuses a missing
    # store (a mistyped --db), a server that may write creates it.
    open_store(db, create=bool(os.environ.get(token_env))).close()
    os.environ["KHABAR_SERVE_DB"] = str(db)
    os.environ["KHABAR_SERVE_TOKEN_ENV"] = token_env
    os.environ["KHABAR_SERVE_MAX_BODY"] = str(max_body)
    os.environ["KHABAR_SERVE_ANALYZE_MAX_BODY"] = str(analyze_max_body)
    os.environ["KHABAR_SERVE_ANALYZE_PER_MINUTE"] = str(analyze_rate)
    click.echo(f"khabar: serving {db} at http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run("khabar.web.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False)
