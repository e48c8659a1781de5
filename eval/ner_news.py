"""What two article-level NER rules change on unannotated news, for a person to read.

    python -m eval.ner_news                  # 1,500 ANT + 1,500 SaudiNewsNet articles
    python -m eval.ner_news --articles 500 --show 20
    python -m eval.ner_news --merge --articles 500   # what entities.merge.v3 changes against v2

- Proclitic cuts: the trimmer (khabar/ner/clitics.py) cuts `و ف ب ل ك` off a mention's first
  token when the rest is a known name, and a word of another name in the same article counts
  as known (`لبومبيو` next to `مايك بومبيو`). Listed: the tokens cut only thanks to that.
- Last names: a person's last name spreads alone to its other uses in the article only when the
  model reads the word by itself as a name (`NerTagger.name_word`; khabar/ner/context.py).
  Listed: the mentions that the article-level step would add without that guard.

With `--merge`: what `entities.merge.v3` does differently from `entities.merge.v2` on the same
tagger output (articles of the blind entity set left out): persons it drops, persons it reads as
places and places as persons, and the organizations it adds, each with how often.

There is no gold for these corpora; the lists are for reading (docs/evaluation-ner.md).
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter

from eval.corpora import ant_records, available, saudinewsnet_records
from eval.entities_gold import read_gold, text_hash
from khabar.arabic import fold, split_sentences, tokenize
from khabar.inputs import RawPage
from khabar.ner import load_tagger
from khabar.pipeline import build_pipeline, registered_stages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500, help="from each corpus")
    parser.add_argument("--show", type=int, default=40, help="items listed per rule")
    parser.add_argument("--merge", action="store_true",
                        help="list what entities.merge.v3 changes against entities.merge.v2")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
    if args.merge:
        return merge_changes(args.articles, args.show)
    tagger = load_tagger()
    trimmer = tagger.trimmer()
    guarded = tagger.name_word
    records = itertools.chain(itertools.islice(ant_records(), args.articles),
                              itertools.islice(saudinewsnet_records(), args.articles))
    mentions, cut, kept_back = 0, Counter(), Counter()
    for record in records:
        text = record["text"]
        sentences = [[t.text for t in tokenize(text, s, e)] for s, e in split_sentences(text)]
        sentences = [tokens for tokens in sentences if tokens]
        found = tagger.document_spans(sentences)
        tagger.name_word = lambda token: True  # the step as it was without the guard
        unguarded = tagger.document_spans(sentences)
        tagger.name_word = guarded
        article = frozenset(fold(tokens[k]) for tokens, spans in zip(sentences, found)
                            for span in spans for k in range(span.start, span.end))
        for tokens, spans, before in zip(sentences, found, unguarded):
            mentions += len(spans)
            for span in spans:
                first = tokens[span.start]
                if trimmer.cut(first, article) != trimmer.cut(first):
                    cut[(first, span.label)] += 1
            now = {(s.start, s.end, s.label) for s in spans}
            for span in before:
                if (span.start, span.end, span.label) not in now:
                    kept_back[(" ".join(tokens[span.start:span.end]), span.label)] += 1
    print(f"{mentions:,} mentions")
    for title, counts in (("cut only thanks to the article's names", cut),
                          ("kept from spreading as a last name", kept_back)):
        print(f"\n{sum(counts.values()):,} {title}:")
        for (words, label), count in counts.most_common(args.show):
            print(f"  {count:4}  {words}  {label}")
    return 0


def merge_changes(articles: int, show: int) -> int:
    """List what entities.merge.v3 does differently from v2 (see the module docstring)."""
    blind = {record["sha256"] for record in read_gold()}
    tagged = build_pipeline(["clean.auto.v2", "segment.sentences.v1", "ner.crf.v2"], policy="record")
    stages = registered_stages()
    old, new = stages["entities.merge.v2"].factory(), stages["entities.merge.v3"].factory()
    records = itertools.chain(itertools.islice(ant_records(), articles),
                              itertools.islice(saudinewsnet_records(), articles))
    changes: dict[str, Counter] = {key: Counter() for key in (
        "persons dropped", "persons read as places", "places or organizations read as persons",
        "organizations added")}
    read = 0
    for record in records:
        if text_hash(record["text"]) in blind:
            continue
        doc = tagged(RawPage(record["text"].encode("utf-8"), format="text", id="news"))
        if doc.status != "ok":
            continue
        read += 1
        before, after = _typed_mentions(old(doc)), _typed_mentions(new(doc))
        for span, kind in after.items():
            was = before.get(span)
            words = doc.text[span[0]:span[1]]
            if was == "PER" and kind == "LOC":
                changes["persons read as places"][words] += 1
            elif was in ("LOC", "ORG") and kind == "PER":
                changes["places or organizations read as persons"][words] += 1
            elif was is None and kind == "ORG":
                changes["organizations added"][words] += 1
        for span, kind in before.items():
            if kind == "PER" and span not in after:
                changes["persons dropped"][doc.text[span[0]:span[1]]] += 1
    print(f"{read:,} articles (blind-set articles left out)")
    for title, counts in changes.items():
        print(f"\n{sum(counts.values()):,} {title}:")
        for words, count in counts.most_common(show):
            print(f"  {count:4}  {words}")
    return 0


def _typed_mentions(doc) -> dict[tuple[int, int], str]:
    return {(m.start, m.end): e.type for e in doc.entities for m in e.mentions}


if __name__ == "__main__":
    raise SystemExit(main())
