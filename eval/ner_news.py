"""What two article-level NER rules change on unannotated news, for a person to read.

    python -m eval.ner_news                  # 1,500 ANT + 1,500 SaudiNewsNet articles
    python -m eval.ner_news --articles 500 --show 20

- Proclitic cuts: the trimmer (khabar/ner/clitics.py) cuts `و ف ب ل ك` off a mention's first
  token when the rest is a known name, and a word of another name in the same article counts
  as known (`لبومبيو` next to `مايك بومبيو`). Listed: the tokens cut only thanks to that.
- Last names: a person's last name spreads alone to its other uses in the article only when the
  model reads the word by itself as a name (`NerTagger.name_word`; khabar/ner/context.py).
  Listed: the mentions that the article-level step would add without that guard.

There is no gold for these corpora; the lists are for reading (docs/evaluation-ner.md).
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter

from eval.corpora import ant_records, available, saudinewsnet_records
from khabar.arabic import fold, split_sentences, tokenize
from khabar.ner import load_tagger


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1500, help="from each corpus")
    parser.add_argument("--show", type=int, default=40, help="items listed per rule")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
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


if __name__ == "__main__":
    raise SystemExit(main())
