"""Train the dependency parser on Arabic PUD (CC BY-SA 3.0) and write khabar/models/syntax/.

    python -m train.syntax.train_parser --dev     # train on the train part, score the dev part
    python -m train.syntax.train_parser           # the shipped model: train + dev parts
    python -m train.syntax.train_parser --no-clusters --out DIR   # without the word clusters

The recipe (docs/syntax-parser.md): PUD's 1,000 sentences sorted by sent_id; the 9th of every
ten is the dev part, the 10th the test part (100 each, never trained on; eval/syntax.py scores
it), the other 800 the train part. Clitic groups are merged back into surface words
(khabar/syntax/conllu.py). The tagger's tags that the labeller and the transitions learn from
are predicted by 5-fold jackknifing, so training sees tags as wrong as parsing will.
PADT is CC BY-NC-SA: it is never read here.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from khabar.syntax.conllu import Tree, read_pud
from khabar.syntax.features import Vocabulary
from khabar.syntax.model import MODEL_NAME, default_clusters_path, model_hash, save_parser
from khabar.syntax.parser import Parser, train_labels, train_transitions
from khabar.syntax.tagger import tag, train_tagger

ROOT = Path(__file__).resolve().parents[2]
PUD = ROOT / ".." / "shared" / "data" / "ud-arabic" / "conllu_ar_pud" / "ar_pud-ud-test.conllu"
MODEL_DIR = ROOT / "khabar" / "models" / "syntax"
SEED = 1
TAGGER_EPOCHS, LABEL_EPOCHS, TRANSITION_EPOCHS = 8, 8, 12
FOLDS = 5


def split_pud(trees: Sequence[Tree]) -> dict[str, list[Tree]]:
    """The fixed train/dev/test parts of PUD by sent_id order (800/100/100)."""
    ordered = sorted(trees, key=lambda t: t.sent_id)
    parts: dict[str, list[Tree]] = {"train": [], "dev": [], "test": []}
    for i, tree in enumerate(ordered):
        parts["dev" if i % 10 == 8 else "test" if i % 10 == 9 else "train"].append(tree)
    return parts


def jackknifed_tags(trees: Sequence[Tree], vocabulary: Vocabulary) -> list[list[str]]:
    """Each sentence tagged by a tagger trained on the other folds."""
    tags: list[list[str]] = [[] for _ in trees]
    for fold in range(FOLDS):
        rest = [(t.tokens, t.upos) for i, t in enumerate(trees) if i % FOLDS != fold]
        weights = train_tagger(rest, vocabulary, epochs=TAGGER_EPOCHS, seed=SEED)
        for i, tree in enumerate(trees):
            if i % FOLDS == fold:
                tags[i] = tag(weights, vocabulary, tree.tokens)
    return tags


def train(trees: Sequence[Tree], *, clusters: bool = True) -> Parser:
    vocabulary = Vocabulary.load(default_clusters_path()) if clusters else Vocabulary(None)
    pairs = [(t.tokens, t.upos) for t in trees]
    tagger = train_tagger(pairs, vocabulary, epochs=TAGGER_EPOCHS, seed=SEED)
    tags = jackknifed_tags(trees, vocabulary)
    labels = train_labels(trees, tags, vocabulary, epochs=LABEL_EPOCHS, seed=SEED)
    transitions = train_transitions(trees, tags, labels, vocabulary,
                                    epochs=TRANSITION_EPOCHS, seed=SEED)
    return Parser(tagger, transitions, labels, vocabulary)


def score(parser: Parser, trees: Sequence[Tree], *, subtypes: bool = True) -> dict[str, float]:
    """UPOS accuracy (also with PROPN accepted for X, PADT v1's tag of most names), UAS and LAS
    over all tokens (punctuation included); without `subtypes`,
    LAS compares the universal part of each relation (acl:relcl counts as acl)."""
    total = upos = names = uas = las = 0
    for tree in trees:
        parse = parser.parse(tree.tokens)
        for i in range(len(tree.tokens)):
            total += 1
            upos += parse.upos[i] == tree.upos[i]
            names += parse.upos[i] == tree.upos[i] or (parse.upos[i], tree.upos[i]) == ("PROPN", "X")
            if parse.heads[i] == tree.heads[i]:
                uas += 1
                ours, gold = parse.deprels[i], tree.deprels[i]
                if not subtypes:
                    ours, gold = ours.split(":")[0], gold.split(":")[0]
                las += ours == gold
    return {"tokens": total, "upos": upos / total, "upos_x_propn": names / total,
            "uas": uas / total, "las": las / total}


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", action="store_true", help="train on the train part, score dev")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="model directory")
    ap.add_argument("--no-clusters", action="store_true",
                    help="features without the NER model's word clusters (news-derived)")
    args = ap.parse_args(argv)
    parts = split_pud(read_pud(PUD))
    started = time.time()
    trees = parts["train"] if args.dev else parts["train"] + parts["dev"]
    parser = train(trees, clusters=not args.no_clusters)
    print(f"trained on {len(trees)} sentences in {time.time() - started:.0f} s")
    if args.dev:
        print("dev", score(parser, parts["dev"]))
        return
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / MODEL_NAME
    save_parser(parser, path)
    recipe = {
        "data": "Arabic PUD (UD_Arabic-PUD be733f45), CC BY-SA 3.0",
        "split": "sorted by sent_id; i % 10 == 8 dev, == 9 test, else train",
        "trained_on": "train + dev", "sentences": len(trees),
        "tokens": sum(len(t.tokens) for t in trees),
        "seed": SEED, "epochs": {"tagger": TAGGER_EPOCHS, "labels": LABEL_EPOCHS,
                                 "transitions": TRANSITION_EPOCHS},
        "jackknife_folds": FOLDS, "model_sha256": model_hash(path),
        "clusters_sha256": model_hash(default_clusters_path()) if not args.no_clusters else None,
    }
    (args.out / "training.json").write_text(json.dumps(recipe, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
