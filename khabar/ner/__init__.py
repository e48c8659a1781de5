"""Named-entity tagging for Arabic news: a CRF over learned word clusters and word lists.

`load_tagger()` loads the shipped model once; `tagger.tag(tokens)` returns BIO labels with the
types PER, ORG, LOC and MISC. The model card is docs/ner.md.
"""

from khabar.ner.tagger import NerTagger, TaggedSpan, load_tagger

__all__ = ["NerTagger", "TaggedSpan", "load_tagger"]
