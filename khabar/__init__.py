"""khabar: Arabic news into structured, searchable knowledge.

Raw page in, `Document` out: a clean article with paragraphs, sentences and, as stages are
added, entities, quotes, events, dates and quantities, all as character offsets into its text.
See docs/concepts.md.

`import khabar` is light: it loads the Document record and the error tree; every other name
below is imported on first use (PEP 562), so no stage, model or store loads until it is needed.
"""

import importlib as _importlib
from typing import Any as _Any

from khabar.document import (
    Actor,
    DateMention,
    Document,
    Entity,
    Event,
    Mention,
    Offsets,
    Paragraph,
    Quantity,
    Quote,
    Role,
    Sentence,
    Source,
)
from khabar.errors import KhabarError, Rejected

__version__ = "0.1.0"

# name → the module that defines it, imported on first access.
_LAZY = {
    "load_pipeline": "khabar.api",
    "process": "khabar.api",
    "BatchSummary": "khabar.batch.run",
    "run_batch": "khabar.batch.run",
    "learn_from_pages": "khabar.batch.corpus",
    "PipelineConfig": "khabar.config",
    "load_config": "khabar.config",
    "RawPage": "khabar.inputs",
    "iter_pages": "khabar.inputs",
    "RawArchive": "khabar.inputs.archive",
    "Pipeline": "khabar.pipeline",
    "build_pipeline": "khabar.pipeline",
    "register": "khabar.pipeline",
    "registered_stages": "khabar.pipeline",
    "Store": "khabar.store",
    "open_store": "khabar.store",
}


def __getattr__(name: str) -> _Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'khabar' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Actor",
    "BatchSummary",
    "DateMention",
    "Document",
    "Entity",
    "Event",
    "KhabarError",
    "Mention",
    "Offsets",
    "Paragraph",
    "Pipeline",
    "PipelineConfig",
    "Quantity",
    "Quote",
    "RawArchive",
    "RawPage",
    "Rejected",
    "Role",
    "Sentence",
    "Source",
    "Store",
    "build_pipeline",
    "iter_pages",
    "learn_from_pages",
    "load_config",
    "load_pipeline",
    "open_store",
    "process",
    "register",
    "registered_stages",
    "run_batch",
]
