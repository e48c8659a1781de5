"""Writing documents out: JSON (readable Arabic, stable key order), JSON lines, or text."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from khabar.document import HEADING, Document

OUTPUT_FORMATS = ("json", "jsonl", "text")


def write_documents(docs: Iterable[Document], out: TextIO, fmt: str) -> None:
    """Stream documents to `out`; `json` writes one object for one document, else an array."""
    if fmt == "jsonl":
        for doc in docs:
            out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        return
    if fmt == "text":
        for number, doc in enumerate(docs):
            out.write(("\n" if number else "") + render_text(doc) + "\n")
        return
    buffered: list[Document] = []
    for doc in docs:
        if len(buffered) == 1:
            out.write("[\n" + _indented(buffered[0]))
        if buffered:
            out.write(",\n" + _indented(doc))
        buffered.append(doc)
    if len(buffered) == 1:
        out.write(json.dumps(buffered[0].to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif buffered:
        out.write("\n]\n")
    else:
        out.write("[]\n")


def _indented(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)


def render_text(doc: Document) -> str:
    """A plain reading view: title, source line, paragraphs, and counts of annotations."""
    lines = [f"# {doc.title or '(بلا عنوان)'}"]
    source = " · ".join(x for x in (doc.source.name, doc.source.domain, doc.published) if x)
    lines.append(f"[{doc.id}] {source}".rstrip())
    if doc.status != "ok":
        reason = doc.reason
        lines.append(f"{doc.status.upper()}: {reason.code} at {reason.stage}: {reason.message}" if reason else doc.status)
        return "\n".join(lines)
    for paragraph in doc.paragraphs:
        text = doc.text[paragraph.start : paragraph.end]
        lines.append("")
        lines.append(f"## {text}" if paragraph.kind == HEADING else text)
    counts = {"sentences": len(doc.sentences), "entities": len(doc.entities),
              "quotes": len(doc.quotes), "events": len(doc.events),
              "dates": len(doc.dates), "quantities": len(doc.quantities)}
    lines.append("")
    lines.append("— " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    for warning in doc.warnings:
        lines.append(f"warning {warning.code}: {warning.message}")
    return "\n".join(lines)
