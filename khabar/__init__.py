"""khabar: Arabic news into structured, searchable knowledge.

Raw page in, `Document` out: a clean article with paragraphs, sentences and, as stages are
added, entities, quotes, events, dates and quantities, all as character offsets into its text.
See docs/concepts.md.
"""

from khabar.api import load_pipeline, process
from khabar.batch import BatchSummary, run_batch
from khabar.config import PipelineConfig, load_config
from khabar.corpus import learn_from_pages
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
from khabar.inputs import RawPage, iter_pages
from khabar.pipeline import Pipeline, build_pipeline, register, registered_stages
from khabar.rawstore import RawArchive
from khabar.store import Store, open_store

__version__ = "0.1.0"

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
