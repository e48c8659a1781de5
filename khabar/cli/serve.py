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
def serve_command(db, host, port, token_env, workers, max_body) -> None:
    """Serve the HTTP API (docs at /docs) and the web interface in Arabic.

    Read-only unless the variable named by --token-env holds a token; then `POST /articles`
    with `Authorization: Bearer <token>` analyzes and stores an article.

    Example: khabar serve --db khabar.db --port 8000
    """
    import uvicorn

    from khabar.store.sqlite import open_store

    open_store(db).close()  # create or migrate now; fail here, not in the workers
    os.environ["KHABAR_SERVE_DB"] = str(db)
    os.environ["KHABAR_SERVE_TOKEN_ENV"] = token_env
    os.environ["KHABAR_SERVE_MAX_BODY"] = str(max_body)
    click.echo(f"khabar: serving {db} at http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run("khabar.web.app:app_from_environment", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False)
