"""Train the convolutional tagger that is decoded together with the CRF (khabar/ner/neural.py).

    python -m train.ner.neural --dev      # train on 90% of the training part, score the dev 10%
                                          # alone and added to a CRF trained on the same 90%
    python -m train.ner.neural            # the shipped model: khabar/models/ner/neural.npz

Needs PyTorch (the `[train]` extra; CPU, one thread), the cluster table and the word vectors
(`python -m train.ner.clusters --vectors /tmp/vectors.npz --vectors-only --vector-words 100000
--vector-dims 100`, passed with --vectors). The data recipe is train/ner/data.py. `--dev` needs
the CRF trained on the same 90% (`--crf`, written by `python -m train.ner.train --dev --keep`).

The network: the summed embeddings of each token's own CRF attributes and list matches (those
seen twice in the training part), joined with the word's distributional vector; a width-5 and a
width-3 convolution with ReLU; a linear layer to the nine BIO labels; a CRF loss with learned
transitions. Regularised with dropout (0.5) on every layer's input and by dropping each
attribute with probability 0.1; Adam with a learning rate decaying linearly over the epochs
(factor 1 - epoch/epochs, at least 0.05); no early stopping, the epoch count is chosen on the
dev block.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

from eval.ner import article_tags
from khabar.ner.conll import Sentence, score
from khabar.ner.crf import pad, viterbi_batch
from khabar.ner.features import Featurizer, load_clusters, strip_clitics
from khabar.ner.lexicon import load_lexicon
from khabar.ner.neural import context_attributes, load_neural, words_checksum
from khabar.ner.tagger import CLUSTER_FILE, MODEL_DIR, NEURAL_FILE, NerTagger
from train.ner import data

WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)  # the network weights scored with --dev
LABELS = ("B-LOC", "B-MISC", "B-ORG", "B-PER", "I-LOC", "I-MISC", "I-ORG", "I-PER", "O")


@dataclasses.dataclass
class Example:
    ids: list[list[int]]  # attribute rows per token
    vectors: np.ndarray  # (tokens × vector dims)
    labels: list[int]


class Network(nn.Module):
    def __init__(self, attributes: int, vector_dims: int, dims: int, channels: int,
                 dropout: float, attribute_dropout: float) -> None:
        super().__init__()
        self.embeddings = nn.EmbeddingBag(attributes + 1, dims, mode="sum", padding_idx=0)
        nn.init.normal_(self.embeddings.weight, std=0.1)
        self.first = nn.Conv1d(dims + vector_dims, channels, 5, padding=2)
        self.second = nn.Conv1d(channels, channels, 3, padding=1)
        self.out = nn.Linear(channels, len(LABELS))
        self.transition = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.dropout = nn.Dropout(dropout)
        self.attribute_dropout = attribute_dropout

    def forward(self, batch: Sequence[Example]) -> tuple[torch.Tensor, torch.Tensor]:
        flat: list[int] = []
        offsets: list[int] = []
        for example in batch:
            for ids in example.ids:
                offsets.append(len(flat))
                if self.training and self.attribute_dropout:
                    ids = [i for i in ids if random.random() >= self.attribute_dropout]
                flat.extend(ids)
        embedded = self.embeddings(torch.tensor(flat, dtype=torch.long),
                                   torch.tensor(offsets, dtype=torch.long))
        vectors = torch.from_numpy(np.concatenate([e.vectors for e in batch]))
        embedded = torch.cat([embedded, vectors], 1)
        lengths = [len(e.labels) for e in batch]
        x = embedded.new_zeros(len(batch), max(lengths), embedded.shape[1])
        mask = torch.zeros(len(batch), max(lengths), dtype=torch.bool)
        start = 0
        for row, size in enumerate(lengths):
            x[row, :size] = embedded[start : start + size]
            mask[row, :size] = True
            start += size
        hidden = torch.relu(self.first(self.dropout(x).transpose(1, 2))) * mask[:, None]
        hidden = torch.relu(self.second(self.dropout(hidden))) * mask[:, None]
        return self.out(self.dropout(hidden.transpose(1, 2))), mask


def crf_loss(scores: torch.Tensor, mask: torch.Tensor, gold: torch.Tensor,
             transition: torch.Tensor) -> torch.Tensor:
    """Summed negative log-likelihood of the gold label sequences (linear-chain CRF)."""
    alpha = scores[:, 0]
    for t in range(1, scores.shape[1]):
        step = torch.logsumexp(alpha[:, :, None] + transition[None] + scores[:, t, None, :], 1)
        alpha = torch.where(mask[:, t, None], step, alpha)
    gold_scores = (scores.gather(2, gold[:, :, None])[:, :, 0] * mask).sum(1)
    gold_scores += (transition[gold[:, :-1], gold[:, 1:]] * mask[:, 1:]).sum(1)
    return (torch.logsumexp(alpha, 1) - gold_scores).sum()


class Vectors:
    """The distributional vectors of train/ner/clusters.py --vectors, looked up as the run-time
    model does (word, then its name form, then its core)."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as stored:
            self.words = str(stored["words"]).split("\n")
            self.quantized = stored["vectors"]
            self.scale = float(stored["scale"])
        self.index = {w: i for i, w in enumerate(self.words)}
        self.matrix = self.quantized.astype(np.float32) * self.scale


def examples(sentences: Sequence[Sentence], featurizer: Featurizer, vocabulary: dict[str, int],
             lookup) -> list[Example]:
    label_index = {label: i for i, label in enumerate(LABELS)}
    found = []
    for sentence in sentences:
        ids = [[vocabulary[a] for a in attributes if a in vocabulary]
               for attributes in token_attributes(featurizer, sentence.tokens)]
        words = [featurizer._word(token) for token in sentence.tokens]
        vectors = np.stack([lookup(word.folded) for word in words])
        found.append(Example(ids, vectors, [label_index[tag] for tag in sentence.tags]))
    return found


def token_attributes(featurizer: Featurizer, tokens: Sequence[str]) -> list[list[str]]:
    """Each token's own CRF attributes and its list matches: the network's sparse input."""
    words = [featurizer._word(token) for token in tokens]
    return [[*word.own, *context_attributes(extra)]
            for word, extra in zip(words, featurizer._context(words), strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=data.DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--vectors", type=Path, required=True)
    parser.add_argument("--dev", action="store_true")
    parser.add_argument("--crf", type=Path, help="CRF weights trained on the same 90% (--dev)")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--channels", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--attribute-dropout", type=float, default=0.1)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--table-words", type=int, default=50_000)
    parser.add_argument("--vector-words", type=int, default=100_000)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    started = time.time()

    train = data.anercorp_train(args.data)
    dev: list[Sentence] = []
    if args.dev:
        train, dev = data.split_dev(train)
    clusters = load_clusters(args.out / CLUSTER_FILE)
    featurizer = Featurizer(clusters, load_lexicon())
    vectors = Vectors(args.vectors)
    zero = np.zeros(vectors.matrix.shape[1], dtype=np.float32)

    def lookup(folded: str) -> np.ndarray:
        clitics = strip_clitics(folded)
        for key in (folded, clitics.name, clitics.core):
            row = vectors.index.get(key)
            if row is not None and row < args.vector_words:
                return vectors.matrix[row]
        return zero

    counts: Counter[str] = Counter()
    for sentence in train:
        for attributes in token_attributes(featurizer, sentence.tokens):
            counts.update(attributes)
    attributes = sorted(a for a, n in counts.items() if n >= 2)
    vocabulary = {a: i + 1 for i, a in enumerate(attributes)}
    train_examples = examples(train, featurizer, vocabulary, lookup)
    dev_examples = examples(dev, featurizer, vocabulary, lookup)
    print(f"{len(train)} sentences, {len(attributes)} attributes ({time.time() - started:.0f}s)",
          flush=True)

    network = Network(len(attributes), vectors.matrix.shape[1], args.dims, args.channels,
                      args.dropout, args.attribute_dropout)
    optimizer = torch.optim.Adam(network.parameters(), lr=args.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda epoch: max(0.05, 1 - epoch / max(args.epochs, 1)))
    for epoch in range(args.epochs):
        network.train()
        order = list(range(len(train_examples)))
        random.shuffle(order)
        total = 0.0
        for first in range(0, len(order), 16):
            batch = [train_examples[i] for i in order[first : first + 16]]
            scores, mask = network(batch)
            gold = torch.zeros(mask.shape, dtype=torch.long)
            for row, example in enumerate(batch):
                gold[row, : len(example.labels)] = torch.tensor(example.labels)
            loss = crf_loss(scores, mask, gold, network.transition) / len(batch)
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(network.parameters(), 5.0)
            optimizer.step()
            total += loss.item() * len(batch)
        schedule.step()
        line = f"epoch {epoch + 1}: loss {total / len(train_examples):.3f}"
        if dev:
            line += f", dev F1 alone {dev_alone(network, dev, dev_examples):.2f}"
        print(f"{line} ({time.time() - started:.0f}s)", flush=True)

    suffix = ".dev" if args.dev else ""
    out = args.out / (NEURAL_FILE + suffix + (".npz" if suffix else ""))
    export(network, attributes, featurizer, clusters, vectors, args, out)
    gap = parity(network, train[:200], train_examples[:200], featurizer, clusters, out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); NumPy and PyTorch scores differ by "
          f"at most {gap:.4f}", flush=True)
    if dev and args.crf:
        ensemble_scores(args.crf, out, clusters, dev)


def parity(network: Network, sentences: Sequence[Sentence], batch: list[Example],
           featurizer: Featurizer, clusters, exported: Path) -> float:
    """The largest difference between the network's scores in PyTorch and in the exported
    NumPy model (khabar.ner.neural) over some sentences."""
    network.eval()
    with torch.no_grad():
        scores, _mask = network(batch)
    model = load_neural(exported, clusters.counts.words())
    words = [[featurizer._word(token) for token in s.tokens] for s in sentences]
    matches: list[dict[int, list[str]]] = []
    for sentence_words in words:
        found: list = []
        featurizer._context(sentence_words, found)
        matches.append(found[1])
    found = model.scores([s.tokens for s in sentences], words,
                         lambda token: featurizer._word(token).own, matches)
    return max(float(np.abs(scores[row, : len(f)].numpy() - f).max())
               for row, f in enumerate(found))


def dev_alone(network: Network, dev: Sequence[Sentence], dev_examples: list[Example]) -> float:
    network.eval()
    found = []
    with torch.no_grad():
        for first in range(0, len(dev_examples), 64):
            scores, mask = network(dev_examples[first : first + 64])
            found += [scores[row, : int(mask[row].sum())].double().numpy()
                      for row in range(len(scores))]
    batch, lengths = pad(found)
    weights = dataclasses.make_dataclass("T", ["transition"])(
        network.transition.detach().double().numpy())
    paths = viterbi_batch(weights, batch, lengths)
    return score([s.tags for s in dev], [[LABELS[k] for k in path] for path in paths]).overall.f1


def export(network: Network, attributes: list[str], featurizer: Featurizer, clusters,
           vectors: Vectors, args, out: Path) -> None:
    """Write the NumPy model (khabar/ner/neural.py): float16 layer weights, int8 embeddings
    (a scale per row) and vectors, attribute strings as UTF-8 bytes. The vectors
    and the table of frequent words' embedding sums are in the order of the cluster table."""
    words = clusters.counts.words()
    if vectors.words != words[: len(vectors.words)]:
        raise SystemExit("the vectors and the cluster table come from different runs")
    state = {k: v.detach().numpy() for k, v in network.state_dict().items()}
    embeddings = state["embeddings.weight"]
    vocabulary = {a: i + 1 for i, a in enumerate(attributes)}
    table = np.stack([
        embeddings[[vocabulary[a] for a in featurizer._word(w).own if a in vocabulary]].sum(axis=0)
        for w in words[: args.table_words]])
    first = state["first.weight"]  # (channels, inputs, 5)
    second = state["second.weight"]  # (channels, channels, 3)
    count = min(args.vector_words, len(vectors.words))
    np.savez(  # not compressed: it loads faster, and the int8 and float16 arrays hardly shrink
        out, labels=np.array("\n".join(LABELS)),
        attributes=np.frombuffer("\n".join(attributes).encode("utf-8"), dtype=np.uint8),
        **quantized("embeddings", embeddings[1:]),
        vector_count=np.array(count), words_checksum=np.array(words_checksum(words[:count])),
        vectors=vectors.quantized[:count], vector_scale=np.array(vectors.scale),
        **quantized("table", table),
        first=first.transpose(1, 2, 0).reshape(first.shape[1], -1).astype(np.float16),
        first_bias=state["first.bias"], second=second.transpose(1, 2, 0).reshape(
            second.shape[1], -1).astype(np.float16),
        second_bias=state["second.bias"], out=state["out.weight"].T.copy(),
        out_bias=state["out.bias"], transition=state["transition"])


def quantized(name: str, matrix: np.ndarray) -> dict[str, np.ndarray]:
    """A matrix as int8 rows with one float32 scale per row (read by khabar.ner.neural)."""
    scale = np.maximum(np.abs(matrix).max(axis=1), 1e-12) / 127
    return {name: np.round(matrix / scale[:, None]).astype(np.int8),
            f"{name}_scale": scale.astype(np.float32)}


def ensemble_scores(crf: Path, neural: Path, clusters, dev: Sequence[Sentence]) -> None:
    """Dev F1 of the CRF alone and with the network's scores added, sentence and article level."""
    model = load_neural(neural, clusters.counts.words())
    for weight in WEIGHTS:
        tagger = NerTagger(crf, clusters, load_lexicon(), neural=model if weight else None,
                           neural_weight=weight)
        sentence = score([s.tags for s in dev], tagger.tag_many([list(s.tokens) for s in dev]))
        article = score([s.tags for s in dev], article_tags(tagger, dev))
        print(f"network weight {weight}: dev F1 {sentence.overall.f1:.2f} / with the article "
              f"step {article.overall.f1:.2f} (P {article.overall.precision:.2f} "
              f"R {article.overall.recall:.2f}): "
              + ", ".join(f"{k} {r.f1:.2f}" for k, r in article.by_label.items()), flush=True)


if __name__ == "__main__":
    main()
