"""Which mentions the article's own names let the proclitic trimmer cut, on real news.

    python -m eval.clitics                  # 1,500 ANT + 1,500 SaudiNewsNet articles
    python -m eval.clitics --articles 500

The trimmer (khabar/ner/clitics.py) cuts `و ف ب ل ك` off a mention's first token when the rest
is a known name; a word of another name in the same article counts as known
(`لبومبيو` next to `مايك بومبيو`). This script tags each article, then lists the first tokens
cut only thanks to that evidence, most frequent first, for a person to read: there is no gold
for clitics in these corpora.
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
    parser.add_argument("--show", type=int, default=60, help="cuts listed")
    args = parser.parse_args()
    if not available():
        print("skipped: ../shared/data/saudinewsnet and ant-multisource are not here")
        return 0
    tagger = load_tagger()
    trimmer = tagger.trimmer()
    records = itertools.chain(itertools.islice(ant_records(), args.articles),
                              itertools.islice(saudinewsnet_records(), args.articles))
    mentions, cut = 0, Counter()
    for record in records:
        text = record["text"]
        sentences = [[t.text for t in tokenize(text, s, e)] for s, e in split_sentences(text)]
        sentences = [tokens for tokens in sentences if tokens]
        found = tagger.document_spans(sentences)
        article = frozenset(fold(tokens[k]) for tokens, spans in zip(sentences, found)
                            for span in spans for k in range(span.start, span.end))
        for tokens, spans in zip(sentences, found):
            for span in spans:
                mentions += 1
                first = tokens[span.start]
                if trimmer.cut(first, article) != trimmer.cut(first):
                    cut[(first, span.label)] += 1
    print(f"{mentions:,} mentions; {sum(cut.values()):,} cut only thanks to the article's names")
    for (token, label), count in cut.most_common(args.show):
        print(f"  {count:4}  {token}  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
