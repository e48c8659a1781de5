"""Networks from the store, written as GEXF 1.2 for Gephi and `networkx.read_gexf`.

The file follows the 1.2draft schema, which Gephi writes and networkx reads.

One file holds two networks, told apart by the `network` attribute of edges and the `kind`
attribute of nodes, so either can be filtered out in Gephi:

    entities   collection entities (node `e<id>`, with type, articles, mentions); an edge joins
               two entities named in the same articles, weighted by how many articles they share
               (an entity that shares no article with another is left out)
    actors     event actor codes (node `a:<CODE>`); an edge goes from the source actor to the
               target, weighted by how many events it carries

The graph is directed, for the events; an entity edge runs from the lower entity id to the
higher one and means the same in both directions.

Example:
    >>> with open_store("khabar.db") as store:                         # doctest: +SKIP
    ...     write_gexf(store.conn, "khabar.gexf")
    >>> import networkx; graph = networkx.read_gexf("khabar.gexf")    # doctest: +SKIP
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import XMLGenerator

GEXF = "http://www.gexf.net/1.2draft"
ENTITIES, ACTORS = "entities", "actors"


@dataclass(frozen=True, slots=True)
class NetworkSize:
    """How many nodes and edges a GEXF file got, per network."""

    entity_nodes: int
    entity_edges: int
    actor_nodes: int
    actor_edges: int


def cooccurrence(conn: sqlite3.Connection, *, min_articles: int = 1) -> list[tuple[int, int, int]]:
    """(entity, entity, shared articles) for every pair of entities named in the same articles."""
    return conn.execute(
        "SELECT a.entity_id, b.entity_id, COUNT(DISTINCT a.doc_n) AS shared FROM doc_entities a "
        "JOIN doc_entities b ON b.doc_n = a.doc_n AND b.entity_id > a.entity_id "
        "GROUP BY a.entity_id, b.entity_id HAVING shared >= ? ORDER BY a.entity_id, b.entity_id",
        (min_articles,)).fetchall()


def actor_events(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(source code, target code, events) for every pair of actors that events connect."""
    return conn.execute(
        "SELECT source_code, target_code, COUNT(*) FROM events WHERE source_code IS NOT NULL "
        "AND target_code IS NOT NULL GROUP BY source_code, target_code ORDER BY source_code, target_code").fetchall()


def event_ties(conn: sqlite3.Connection, entity_id: int, *, limit: int = 10) -> list[dict[str, Any]]:
    """The entities an entity meets most often in events, as source or target (strongest first).

    Counts the events whose two actors are linked to collection entities, in either direction;
    the entity's ties by shared articles are `cooccurring` in khabar.store.queries.entity_detail.
    """
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(*) AS events FROM ("
        "  SELECT target_entity AS other FROM events WHERE source_entity = :id AND target_entity IS NOT NULL"
        "  UNION ALL SELECT source_entity FROM events WHERE target_entity = :id AND source_entity IS NOT NULL"
        ") t JOIN entities e ON e.id = t.other WHERE e.id != :id "
        "GROUP BY e.id ORDER BY events DESC, e.name LIMIT :limit", {"id": entity_id, "limit": limit})
    return [dict(zip(("id", "name", "type", "events"), row)) for row in rows]


def write_gexf(conn: sqlite3.Connection, path: str | Path, *, min_articles: int = 1) -> NetworkSize:
    """Write both networks to `path` as GEXF 1.2; returns their sizes.

    `min_articles` drops entity pairs that share fewer articles (and the entities left alone).
    The file is written as it goes (XMLGenerator escapes every name), not built in memory.
    """
    pairs = cooccurrence(conn, min_articles=min_articles)
    linked = sorted({a for a, _, _ in pairs} | {b for _, b, _ in pairs})
    actor_pairs = actor_events(conn)
    codes = sorted({s for s, _, _ in actor_pairs} | {t for _, t, _ in actor_pairs})
    with open(path, "w", encoding="utf-8") as out:
        xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
        xml.startDocument()
        xml.startElement("gexf", {"xmlns": GEXF, "version": "1.2"})
        xml.startElement("meta", {})
        _text(xml, "creator", "khabar")
        _text(xml, "description", "entity co-occurrence (shared articles) and event actors (events)")
        xml.endElement("meta")
        xml.startElement("graph", {"defaultedgetype": "directed", "mode": "static"})
        _attributes(xml, "node", [("kind", "string"), ("type", "string"), ("articles", "integer"),
                                  ("mentions", "integer")])
        _attributes(xml, "edge", [("network", "string")])
        xml.startElement("nodes", {})
        for entity_id, name, etype, documents, mentions in _entities(conn, linked):
            _node(xml, f"e{entity_id}", name, kind="entity", type=etype, articles=documents, mentions=mentions)
        for code in codes:
            _node(xml, f"a:{code}", code, kind="actor")
        xml.endElement("nodes")
        xml.startElement("edges", {})
        for number, (a, b, weight) in enumerate(pairs):
            _edge(xml, f"c{number}", f"e{a}", f"e{b}", weight, ENTITIES)
        for number, (source, target, weight) in enumerate(actor_pairs):
            _edge(xml, f"v{number}", f"a:{source}", f"a:{target}", weight, ACTORS)
        xml.endElement("edges")
        xml.endElement("graph")
        xml.endElement("gexf")
        xml.endDocument()
    return NetworkSize(len(linked), len(pairs), len(codes), len(actor_pairs))


def _text(xml: XMLGenerator, tag: str, value: str) -> None:
    xml.startElement(tag, {})
    xml.characters(value)
    xml.endElement(tag)


def _attributes(xml: XMLGenerator, kind: str, names: list[tuple[str, str]]) -> None:
    xml.startElement("attributes", {"class": kind, "mode": "static"})
    for name, value_type in names:
        xml.startElement("attribute", {"id": f"{kind}-{name}", "title": name, "type": value_type})
        xml.endElement("attribute")
    xml.endElement("attributes")


def _node(xml: XMLGenerator, node_id: str, label: str, **values: Any) -> None:
    xml.startElement("node", {"id": node_id, "label": label})
    xml.startElement("attvalues", {})
    for name, value in values.items():
        if value is not None:
            xml.startElement("attvalue", {"for": f"node-{name}", "value": str(value)})
            xml.endElement("attvalue")
    xml.endElement("attvalues")
    xml.endElement("node")


def _edge(xml: XMLGenerator, edge_id: str, source: str, target: str, weight: int, network: str) -> None:
    xml.startElement("edge", {"id": edge_id, "source": source, "target": target, "weight": str(weight)})
    xml.startElement("attvalues", {})
    xml.startElement("attvalue", {"for": "edge-network", "value": network})
    xml.endElement("attvalue")
    xml.endElement("attvalues")
    xml.endElement("edge")


def _entities(conn: sqlite3.Connection, ids: list[int]) -> list[tuple]:
    return conn.execute("SELECT id, name, type, documents, mentions FROM entities WHERE id IN "
                        "(SELECT value FROM json_each(?)) ORDER BY id", (json.dumps(ids),)).fetchall()
