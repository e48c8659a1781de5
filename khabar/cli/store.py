"""`khabar ingest | search | stories | entity | export`: the collection, over a SQLite store."""

from __future__ import annotations

import json
import sys
import time

import click

from khabar.cli import cli
from khabar.cli.common import read_limits
from khabar.config import load_config
from khabar.inputs import FORMATS as INPUT_FORMATS
from khabar.inputs.paths import check_paths
from khabar.store import read
from khabar.store.export import FORMATS, export
from khabar.batch.ingest import IngestSummary, ingest
from khabar.store.sqlite import open_store

DB_OPTION = click.option("--db", "db", type=click.Path(dir_okay=False), default="khabar.db",
                         show_default=True, help="The SQLite store.")


def _json(value) -> str:
    # The records of khabar.store.read, which the web's JSON twins return too.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Analysis processes (one writer always stores the results).")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Pipeline config (TOML).")
@click.option("--batch-size", type=click.IntRange(1, 100000), default=200, show_default=True,
              help="Inputs per write transaction.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="How to read the inputs (auto: by file suffix, then by content; stdin is sniffed).")
@click.option("--encoding", default=None, help="Force an input encoding, e.g. windows-1256.")
@click.option("--max-bytes", type=click.IntRange(1), default=None,
              help="Reject pages, records and lines larger than this many bytes (default 10 MiB).")
@click.option("--strict", is_flag=True, help="Exit 1 when any page is rejected or fails.")
def ingest_command(paths, db, workers, config, batch_size, input_format, encoding, max_bytes,
                   strict) -> None:
    """Analyze articles and store them: files, directories, JSON lines, WARC archives, feeds.

    Running it again on the same inputs adds nothing; a killed run can simply be restarted.

    Example: khabar ingest crawl/ feeds/ --db khabar.db --workers 2
    """
    started = time.monotonic()

    def progress(summary: IngestSummary) -> None:
        rate = summary.analysis.processed / max(time.monotonic() - started, 1e-9)
        click.echo(f"\r{summary.analysis.processed} analyzed ({rate:.0f}/s), "
                   f"{summary.analysis.ok} ok, {summary.skipped} already stored", err=True, nl=False)

    check_paths(paths)  # before the store is created: a mistyped input leaves no empty database
    settings = load_config(config)
    if max_bytes:
        settings = settings.with_stage_options("clean.auto.v2", max_bytes=max_bytes)
    with open_store(db) as store:
        summary = ingest(paths, store, config=settings, workers=workers, batch_size=batch_size,
                         progress=progress, fmt=input_format, encoding=encoding,
                         limits=read_limits(max_bytes))
    click.echo(f"\r{summary.describe()}", err=True)
    if strict and summary.analysis.ok < summary.analysis.processed:
        sys.exit(1)


@cli.command("search")
@click.argument("query")
@DB_OPTION
@click.option("--source", default=None, help="Only this outlet (name or domain).")
@click.option("--since", default=None, help="Only articles from this day on (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only articles up to this day (YYYY-MM-DD).")
@click.option("--entity", default=None, help="Only articles that mention this entity.")
@click.option("--speaker", default=None, help="Only articles that quote this speaker.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search_command(query, db, source, since, until, entity, speaker, limit, offset, as_json) -> None:
    """Search titles and bodies; spelling variants, diacritics and و/ب/ل/ال prefixes still match.

    Example: khabar search '"الأمم المتحدة" غزة' --db khabar.db --since 2018-03-01
    """
    with open_store(db, create=False) as store:
        page = read.search(store, q=query, source=source, since=since, until=until, entity=entity,
                           speaker=speaker, limit=limit, offset=offset)
    for hit in page["items"]:
        if as_json:
            click.echo(_json(hit))
            continue
        click.echo(f"{hit['id']}  {hit['source'] or '-'}  {hit['published'] or '-'}  {hit['title'] or ''}")
        click.echo(f"    {_marked(hit)}")
    if not page["items"]:
        click.echo("no results", err=True)
    elif page["has_more"]:
        click.echo(f"more results: --offset {offset + limit}", err=True)


def _marked(hit: dict) -> str:
    snippet, out, cursor = hit["snippet"], [], 0
    for start, end in hit["highlights"]:
        out += [snippet[cursor:start], "[", snippet[start:end], "]"]
        cursor = end
    return "".join(out + [snippet[cursor:]]).replace("\n", " ")


@cli.command("stories")
@DB_OPTION
@click.option("--most-covered", is_flag=True, help="Order by number of distinct outlets (the default).")
@click.option("--largest", is_flag=True, help="Order by number of articles.")
@click.option("--since", default=None, help="Stories still running on or after this day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Stories that started on or before this day.")
@click.option("--story", "story_id", default=None, help="Show one story's articles.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
def stories_command(db, most_covered, largest, since, until, story_id, limit, offset, as_json) -> None:
    """List stories told by several outlets, or one story's articles.

    Example: khabar stories --most-covered --since 2015-08-01 --db khabar.db
    """
    with open_store(db, create=False) as store:
        if story_id:
            found = read.story(store, story_id)
            click.echo(_json(found) if as_json else _story_line(found["story"]))
            if not as_json:
                for version in found["versions"]:
                    for article in version["articles"]:
                        click.echo(f"    {article['id']}  {article['source'] or '-'}  {article['day'] or '-'}  "
                                   f"{article['link'] or 'first'}  {article['title'] or ''}")
            return
        order = "size" if largest else "outlets"
        page = read.stories(store, order=order, since=since, until=until, limit=limit, offset=offset)
    for story in page["items"]:
        click.echo(_json(story) if as_json else _story_line(story))


def _story_line(story: dict) -> str:
    days = f"{story['first_seen'] or '?'}..{story['last_seen'] or '?'}"
    return (f"{story['id']}  {len(story['outlets'])} outlets, {story['size']} articles, {days}  "
            f"{story['headline'] or ''}\n    {', '.join(story['outlets'])}")


@cli.command("entity")
@click.argument("name")
@DB_OPTION
@click.option("--type", "entity_type", default=None, help="Only this entity type (PER, ORG, LOC, ...).")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="Roles and companions to show.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
def entity_command(name, db, entity_type, limit, as_json) -> None:
    """Show an entity across the collection: names, counts, roles over time, companions.

    Example: khabar entity "جون كيري" --db khabar.db
    """
    with open_store(db, create=False) as store:
        found = read.entities_named(store, name, type=entity_type, limit=limit)
    if not found:
        click.echo(f"no entity named {name!r}", err=True)
    for info in found:
        if as_json:
            click.echo(_json(info))
            continue
        click.echo(f"{info['name']}  [{info['type']}]  {info['mentions']} mentions in {info['documents']} articles")
        click.echo("  names: " + ", ".join(f"{n['name']} ({n['count']})" for n in info["names"]))
        for role in info["roles"]:
            affiliation = f" ({role['affiliation']})" if role["affiliation"] else ""
            click.echo(f"  role {role['day'] or '-'}: {role['title']}{affiliation}  [{role['doc_id']}]")
        for other in info["cooccurring"]:
            click.echo(f"  with {other['name']} [{other['type']}] in {other['documents']} articles")


@cli.command("export")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, help="File to write.")
@click.option("--status", default=None, help="Only documents with this status (ok, rejected, failed).")
def export_command(db, fmt, output, status) -> None:
    """Export every stored document in the Document JSON schema (JSON lines or Parquet), or the networks.

    `--format gexf` writes the entity co-occurrence and event actor networks instead, for Gephi
    and networkx (docs/store.md).

    Example: khabar export --db khabar.db --format parquet -o khabar.parquet
    """
    with open_store(db, create=False) as store:
        count = export(store, output, fmt=fmt, status=status)
    click.echo(f"{count} {'edges' if fmt == 'gexf' else 'documents'} → {output}", err=True)
