"""Sentence segmentation over the clean text, paragraph by paragraph."""

from __future__ import annotations

import dataclasses

from khabar.arabic import split_sentences
from khabar.document import Document, Sentence
from khabar.pipeline import register


def find_sentences(doc: Document) -> Document:
    """Split every paragraph (headings included) into sentences with offsets into `text`."""
    sentences = tuple(
        Sentence(start, end)
        for paragraph in doc.paragraphs
        for start, end in split_sentences(doc.text, paragraph.start, paragraph.end)
    )
    return dataclasses.replace(doc, sentences=sentences)


@register("segment.sentences.v1", requires=("paragraphs",), produces=("sentences",))
def make_segment() -> object:
    """Split paragraphs into sentences (Arabic and Latin end marks; 2.4 stays whole)."""
    return find_sentences
