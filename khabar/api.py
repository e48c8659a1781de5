"""The few functions most callers need; everything else is reachable through their objects."""

from __future__ import annotations

from pathlib import Path

from khabar.config import PipelineConfig, load_config
from khabar.document import Document
from khabar.inputs import RawPage
from khabar.pipeline import Pipeline, build_pipeline


def load_pipeline(config: str | Path | PipelineConfig | None = None, *,
                  policy: str | None = None) -> Pipeline:
    """Build the analysis pipeline from a config file, a PipelineConfig, or the defaults.

    Example:
        >>> pipeline = load_pipeline(policy="raise")
    """
    if not isinstance(config, PipelineConfig):
        config = load_config(config)
    return build_pipeline(config.stages, policy=policy or config.policy,
                          cpu_budget=config.extra.get("cpu_budget"))


def process(content: str | bytes, *, url: str | None = None, format: str = "auto",
            title: str | None = None, published: str | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Analyze one page (scraped text or HTML) and return its Document.

    Example:
        >>> doc = process("عنوان الخبر\\n\\nقال الوزير إن الاجتماع كان مثمرا وناقش قضايا كثيرة.")
        >>> doc.title
        'عنوان الخبر'
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    page = RawPage(content=data, format=format, url=url, title=title, published=published,
                   encoding="utf-8" if isinstance(content, str) else None)
    return (pipeline or load_pipeline(policy="raise"))(page)
