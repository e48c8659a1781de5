"""Train the CRF named-entity model (khabar/models/ner/ner.weights.npz, entity_words.tsv.gz,
emissions.npz).

    python -m train.ner.train --dev          # train on 90% of the training part, score the dev 10%
    python -m train.ner.train                # train the shipped model on the whole training part

Needs the learned cluster table first (train/ner/clusters.py). The data recipe is in
train/ner/data.py; `--priors` adds the cross-fitted entity priors of train/ner/priors.py and
`--vectors` the dense word-vector features (vectors.npz from `train.ner.clusters --vectors`);
both lowered dev F1, so the shipped model has neither. The model card is docs/ner.md.
CRFsuite (python-crfsuite) trains; the weights are exported for khabar.ner.crf, and the
emission blocks of the 50,000 most frequent news words are precomputed for fast tagging.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from eval.ner import article_tags
from khabar.arabic import fold
from khabar.ner.conll import Sentence, score, to_bio, to_bioes
from khabar.ner.crf import Weights, export_weights, load_weights
from khabar.ner.features import (Clusters, Featurizer, load_clusters, load_vectors,
                                 write_emission_table)
from khabar.ner.lexicon import Lexicon, load_lexicon
from khabar.ner.tagger import (CLUSTER_FILE, ENTITY_WORDS_FILE, MODEL_DIR, MODEL_FILE,
                               EMISSIONS_FILE, PRIORS_FILE, VECTORS_FILE, NerTagger)
from train.ner import data, priors


def write_entity_words(sentences: list[Sentence], path: Path) -> None:
    """Folded words seen inside gold entities, with counts: the vocabulary the mention stage
    checks before trimming a proclitic off a span (docs/ner.md, "Clitics")."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            if tag != "O":
                counts[fold(token)] += 1
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\tcount inside training entities (train/ner/train.py)\n")
        for word, count in sorted(counts.items()):
            out.write(f"{word}\t{count}\n")


class DomainFeaturizer(Featurizer):
    """Training features of another corpus: every attribute twice, shared and as a copy of its
    own (`d:`), so the corpus's own conventions go to weights that tagging never uses
    (Daumé 2007, "Frustratingly Easy Domain Adaptation")."""

    def items(self, tokens):
        return [{**item, **{f"d:{k}": v for k, v in item.items()}}
                for item in super().items(tokens)]


def train_crf(sentences: Sequence[Sentence], featurizers: Sequence[Featurizer],
              params: dict, out: Path) -> Weights:
    """Train on the sentences (each with its featurizer), export the weights to `out`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, featurizer in zip(sentences, featurizers, strict=True):
        trainer.append(featurizer.items(sentence.tokens), list(sentence.tags))
    trainer.set_params({**params, "feature.possible_transitions": True})
    crfsuite_file = out.with_suffix(".crfsuite")
    trainer.train(str(crfsuite_file))
    export_weights(crfsuite_file, out)
    crfsuite_file.unlink()
    return load_weights(out)


def cross_fitted(train: list[Sentence], clusters: Clusters, lexicon: Lexicon, params: dict,
                 data_dir: Path, scratch: Path) -> tuple[list[Featurizer], dict[str, Counter[str]]]:
    """Per-sentence featurizers whose priors come from a model trained on the other half,
    and the summed prior counts to ship (train/ner/priors.py)."""
    half = len(train) // 2
    halves = (train[:half], train[half:])
    news = priors.news_sentences(data_dir)
    print(f"  news for priors: {len(news)} sentences, {sum(map(len, news))} tokens", flush=True)
    tables = []
    for number, part in enumerate(halves):
        base = Featurizer(clusters, lexicon)
        weights = train_crf(part, [base] * len(part), {**params, "max_iterations": 100},
                            scratch / f"half{number}.npz")
        (scratch / f"half{number}.npz").unlink()
        tables.append(priors.label_counts(news, Featurizer(clusters, lexicon), weights))
        print(f"  half {number}: prior counts for {len(tables[-1])} words", flush=True)
    first = Featurizer(clusters, lexicon, priors.attributes(tables[1]))
    second = Featurizer(clusters, lexicon, priors.attributes(tables[0]))
    featurizers = [first] * len(halves[0]) + [second] * len(halves[1])
    return featurizers, priors.merged(*tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=data.DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--dev", action="store_true", help="hold out the dev block and score it")
    parser.add_argument("--aqmar", action="store_true", help="add AQMAR's train split")
    parser.add_argument("--priors", action="store_true",
                        help="add cross-fitted entity priors from tagged news (lowered dev F1)")
    parser.add_argument("--vectors", action="store_true",
                        help="add the dense word-vector features (vectors.npz; lowered dev F1)")
    parser.add_argument("--table-words", type=int, default=50_000,
                        help="precompute the emission blocks of this many frequent words")
    parser.add_argument("--aqmar-dev", action="store_true", help="with --aqmar, its dev split too")
    parser.add_argument("--adapt", action="store_true",
                        help="with --aqmar, give its sentences a domain copy of every attribute")
    parser.add_argument("--keep", action="store_true",
                        help="with --dev, keep the weights (ner.weights.npz.dev.npz) for "
                             "train/ner/neural.py --dev --crf")
    parser.add_argument("--scheme", choices=("bio", "bioes"), default="bio")
    parser.add_argument("--c1", type=float, default=0.01)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    args = parser.parse_args()
    started = time.time()

    train = data.anercorp_train(args.data)
    dev: list[Sentence] = []
    if args.dev:
        train, dev = data.split_dev(train)
    extra: list[Sentence] = []
    if args.aqmar:
        extra = data.aqmar_train(args.data) + (data.aqmar_dev(args.data) if args.aqmar_dev else [])
    if args.scheme == "bioes":
        train = [dataclasses.replace(s, tags=to_bioes(s.tags)) for s in train]
        extra = [dataclasses.replace(s, tags=to_bioes(s.tags)) for s in extra]
    clusters = load_clusters(args.out / CLUSTER_FILE)
    lexicon = load_lexicon()
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    suffix = ".dev" if args.dev else ""
    vectors = load_vectors(args.out / VECTORS_FILE) if args.vectors else None
    if not args.priors:
        featurizers = [Featurizer(clusters, lexicon, vectors=vectors)] * len(train)
        if extra:
            other = (DomainFeaturizer(clusters, lexicon, vectors=vectors) if args.adapt
                     else featurizers[0])
            train, featurizers = train + extra, featurizers + [other] * len(extra)
        shipped = Featurizer(clusters, lexicon, vectors=vectors)
    else:
        featurizers, table = cross_fitted(train, clusters, lexicon, params, args.data, args.out)
        priors.write_table(table, args.out / (PRIORS_FILE + suffix))
        shipped = Featurizer(clusters, lexicon, priors.attributes(table))
    print(f"training on {len(train)} sentences, {sum(len(s.tokens) for s in train)} tokens",
          flush=True)
    weights_file = args.out / (MODEL_FILE + suffix + (".npz" if suffix else ""))
    weights = train_crf(train, featurizers, params, weights_file)
    print(f"trained in {time.time() - started:.0f}s -> {weights_file} "
          f"({weights_file.stat().st_size / 1e6:.1f} MB, {len(weights.index)} attributes)",
          flush=True)

    if dev:
        predicted = [[to_bio(weights.labels[i])
                      for i in weights.viterbi(shipped.emissions(s.tokens, weights))]
                     for s in dev]
        report = score([s.tags for s in dev], predicted)
        print(f"dev F1 {report.overall.f1:.2f} (P {report.overall.precision:.2f} "
              f"R {report.overall.recall:.2f})")
        for label, result in report.by_label.items():
            print(f"  {label:5} F1 {result.f1:.2f}  P {result.precision:.2f}  R {result.recall:.2f}"
                  f"  gold {result.gold}")
        tagger = NerTagger(weights_file, clusters, lexicon, vectors=vectors)
        article = score([s.tags for s in dev], article_tags(tagger, dev))
        print(f"dev F1 with the article-level step {article.overall.f1:.2f} "
              f"(P {article.overall.precision:.2f} R {article.overall.recall:.2f}): "
              + ", ".join(f"{label} {r.f1:.2f}" for label, r in article.by_label.items()))
        if not args.keep:
            weights_file.unlink()
        (args.out / (PRIORS_FILE + suffix)).unlink(missing_ok=True)
        return
    write_entity_words(train, args.out / ENTITY_WORDS_FILE)
    frequent = clusters.counts.words()[: args.table_words]
    write_emission_table(shipped.emission_table(frequent, weights), weights,
                         args.out / EMISSIONS_FILE)
    summary = {
        "sentences": len(train), "tokens": sum(len(s.tokens) for s in train),
        "aqmar": args.aqmar, "priors": args.priors, "vectors": vectors is not None, **params,
        "attributes": len(weights.index), "seconds": round(time.time() - started),
    }
    (args.out / "training.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
