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

Experiments, scored on the dev block only (PyTorch's scores added to the CRF's; none beat the
shipped shape, docs/evaluation-ner.md): `--char-dims` (a convolution over each token's folded
letters, max-pooled, joined to the input), `--third-dilation` (a third, residual convolution of
width 3 with that dilation) and `--second-width`; `--lm` (the states of a small news language
model, train/ner/lm.py, joined to each token's input).
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
    folded: list[str] = dataclasses.field(default_factory=list)  # for the letter convolution


@dataclasses.dataclass(frozen=True)
class Shape:
    """The architecture; the defaults are the shipped network's. The other settings are
    experiments scored on the dev block (docs/evaluation-ner.md), not exported."""

    dims: int = 64
    channels: int = 64
    second_width: int = 3
    third_dilation: int = 0  # > 0: a third, residual convolution of width 3 with this dilation
    char_dims: int = 0  # > 0: a convolution over each token's folded letters, max-pooled
    char_channels: int = 50  # per filter width
    char_widths: tuple[int, ...] = (2, 3, 4)

    @property
    def exportable(self) -> bool:
        """Whether khabar.ner.neural can run it: only the shipped shape."""
        return (self.second_width, self.third_dilation, self.char_dims) == (3, 0, 0)


CHAR_PAD, CHAR_BEGIN, CHAR_END, CHAR_UNKNOWN = range(4)
CHAR_LIMIT = 20  # letters per word: the first and last ten of a longer one


class Letters:
    """Folded words as letter ids (0 padding, then begin, end and unknown marks); letters seen
    fewer than twice in the training part are unknown."""

    def __init__(self, words: Sequence[str]) -> None:
        counts = Counter(letter for word in words for letter in word)
        kept = sorted(letter for letter, n in counts.items() if n >= 2)
        self.index = {letter: i + 4 for i, letter in enumerate(kept)}
        self.memo: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.index) + 4

    def ids(self, word: str) -> list[int]:
        found = self.memo.get(word)
        if found is None:
            if len(word) > CHAR_LIMIT:
                word = word[: CHAR_LIMIT // 2] + word[-CHAR_LIMIT // 2 :]
            found = self.memo[word] = [CHAR_BEGIN, *(self.index.get(c, CHAR_UNKNOWN)
                                                     for c in word), CHAR_END]
        return found


class LetterConvolution(nn.Module):
    """Letter embeddings, a convolution per width over the marked word (padded on the right to
    the widest filter), max-pooled over the valid windows."""

    def __init__(self, letters: Letters, dims: int, channels: int,
                 widths: Sequence[int]) -> None:
        super().__init__()
        self.letters = letters
        self.embeddings = nn.Embedding(len(letters), dims, padding_idx=CHAR_PAD)
        nn.init.normal_(self.embeddings.weight, std=0.1)
        with torch.no_grad():
            self.embeddings.weight[CHAR_PAD] = 0
        self.widths = tuple(widths)
        self.convolutions = nn.ModuleList(nn.Conv1d(dims, channels, w) for w in self.widths)

    @property
    def size(self) -> int:
        return len(self.widths) * self.convolutions[0].out_channels

    def forward(self, words: Sequence[str]) -> torch.Tensor:
        distinct = list(dict.fromkeys(words))
        ids = [self.letters.ids(word) for word in distinct]
        widest = max(self.widths)
        lengths = torch.tensor([max(len(i), widest) for i in ids])
        padded = torch.zeros(len(ids), int(lengths.max()), dtype=torch.long)
        for row, found in enumerate(ids):
            padded[row, : len(found)] = torch.tensor(found)
        x = self.embeddings(padded).transpose(1, 2)
        pooled = []
        for width, convolution in zip(self.widths, self.convolutions, strict=True):
            y = convolution(x)  # (words, channels, windows)
            valid = torch.arange(y.shape[2])[None] <= (lengths - width)[:, None]
            pooled.append(y.masked_fill(~valid[:, None], float("-inf")).max(2).values)
        found = torch.cat(pooled, 1)
        position = {word: k for k, word in enumerate(distinct)}
        return found[torch.tensor([position[word] for word in words], dtype=torch.long)]


class Network(nn.Module):
    def __init__(self, attributes: int, vector_dims: int, shape: Shape, dropout: float,
                 attribute_dropout: float, letters: Letters | None = None) -> None:
        super().__init__()
        dims, channels = shape.dims, shape.channels
        self.embeddings = nn.EmbeddingBag(attributes + 1, dims, mode="sum", padding_idx=0)
        nn.init.normal_(self.embeddings.weight, std=0.1)
        self.letters = (LetterConvolution(letters, shape.char_dims, shape.char_channels,
                                          shape.char_widths)
                        if shape.char_dims and letters is not None else None)
        inputs = dims + vector_dims + (self.letters.size if self.letters else 0)
        self.first = nn.Conv1d(inputs, channels, 5, padding=2)
        self.second = nn.Conv1d(channels, channels, shape.second_width,
                                padding=shape.second_width // 2)
        self.third = (nn.Conv1d(channels, channels, 3, padding=shape.third_dilation,
                                dilation=shape.third_dilation) if shape.third_dilation else None)
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
        parts = [embedded, vectors]
        if self.letters is not None:
            parts.append(self.letters([word for e in batch for word in e.folded]))
        embedded = torch.cat(parts, 1)
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
        if self.third is not None:
            hidden = hidden + torch.relu(self.third(self.dropout(hidden))) * mask[:, None]
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
             lookup, context=None) -> list[Example]:
    """`context`, if given: folded sentences -> per-token arrays joined to the vectors (--lm)."""
    label_index = {label: i for i, label in enumerate(LABELS)}
    found = []
    folded = [[featurizer._word(token).folded for token in s.tokens] for s in sentences]
    states = context(folded) if context is not None else None
    for k, sentence in enumerate(sentences):
        ids = [[vocabulary[a] for a in attributes if a in vocabulary]
               for attributes in token_attributes(featurizer, sentence.tokens)]
        words = [featurizer._word(token) for token in sentence.tokens]
        vectors = np.stack([lookup(word.folded) for word in words])
        if states is not None:
            vectors = np.concatenate([vectors, states[k].astype(np.float32)], 1)
        found.append(Example(ids, vectors, [label_index[tag] for tag in sentence.tags],
                             [word.folded for word in words]))
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
    parser.add_argument("--crf", type=Path, help="CRF weights trained on the same 90%% (--dev)")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--channels", type=int, default=64)
    parser.add_argument("--second-width", type=int, default=3, help="experiment (--dev only)")
    parser.add_argument("--third-dilation", type=int, default=0,
                        help="experiment (--dev only): a third convolution, width 3")
    parser.add_argument("--char-dims", type=int, default=0,
                        help="experiment (--dev only): letter embeddings of this size")
    parser.add_argument("--char-channels", type=int, default=50)
    parser.add_argument("--char-widths", default="2,3,4")
    parser.add_argument("--lm", type=Path,
                        help="experiment (--dev only): states of this news language model "
                             "(train/ner/lm.py) joined to each token's input")
    parser.add_argument("--lm-scale", type=float, default=1.0)
    parser.add_argument("--torch-scores", action="store_true",
                        help="with --dev, also score the network in PyTorch (as the experiments)")
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--attribute-dropout", type=float, default=0.1)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--table-words", type=int, default=50_000)
    parser.add_argument("--vector-words", type=int, default=100_000)
    args = parser.parse_args()
    shape = Shape(args.dims, args.channels, args.second_width, args.third_dilation,
                  args.char_dims, args.char_channels,
                  tuple(int(w) for w in args.char_widths.split(",")))
    if (not shape.exportable or args.lm) and not args.dev:
        parser.error("--second-width, --third-dilation, --char-dims and --lm are --dev experiments")
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

    context = None
    if args.lm:
        from train.ner.lm import Features
        context = Features(args.lm, clusters, args.vectors, args.lm_scale)

    counts: Counter[str] = Counter()
    for sentence in train:
        for attributes in token_attributes(featurizer, sentence.tokens):
            counts.update(attributes)
    attributes = sorted(a for a, n in counts.items() if n >= 2)
    vocabulary = {a: i + 1 for i, a in enumerate(attributes)}
    train_examples = examples(train, featurizer, vocabulary, lookup, context)
    dev_examples = examples(dev, featurizer, vocabulary, lookup, context)
    print(f"{len(train)} sentences, {len(attributes)} attributes ({time.time() - started:.0f}s)",
          flush=True)

    letters = Letters([w for e in train_examples for w in e.folded])
    network = Network(len(attributes), vectors.matrix.shape[1] + (context.size if context else 0),
                      shape, args.dropout,
                      args.attribute_dropout, letters)
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

    if not shape.exportable or args.lm or args.torch_scores:
        if args.crf:  # scored with PyTorch's scores: the run time has no such network
            network.eval()
            ensemble_scores(args.crf, TorchScores(network, featurizer, vocabulary, lookup,
                                                  context=context), clusters, dev)
        if not shape.exportable or args.lm:
            return
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


class TorchScores:
    """A network in PyTorch behind the NumPy model's interface (`NerTagger(neural=...)`), to
    score experimental shapes on the dev block."""

    def __init__(self, network: Network, featurizer: Featurizer, vocabulary: dict[str, int],
                 lookup, order: Sequence[int] = tuple(range(len(LABELS))), context=None) -> None:
        self.network, self.featurizer, self.vocabulary, self.lookup = (
            network, featurizer, vocabulary, lookup)
        self.context = context
        self.order = list(order)
        self.labels = tuple(LABELS[k] for k in self.order)
        self.transition = network.transition.detach().double().numpy()[
            np.ix_(self.order, self.order)]

    def in_order(self, labels: Sequence[str]) -> TorchScores:
        return TorchScores(self.network, self.featurizer, self.vocabulary, self.lookup,
                           [LABELS.index(label) for label in labels], self.context)

    def scores(self, sentences, _words, _attributes, _matches) -> list[np.ndarray]:
        batch = examples([Sentence(tuple(s), tuple("O" for _ in s)) for s in sentences],
                         self.featurizer, self.vocabulary, self.lookup, self.context)
        found = []
        with torch.no_grad():
            for first in range(0, len(batch), 64):
                scores, mask = self.network(batch[first : first + 64])
                found += [scores[row, : int(mask[row].sum())][:, self.order].numpy()
                          for row in range(len(scores))]
        return found


def ensemble_scores(crf: Path, neural, clusters, dev: Sequence[Sentence]) -> None:
    """Dev F1 of the CRF alone and with the network's scores added, sentence and article level
    (`neural`: an exported model's path, or a TorchScores)."""
    model = load_neural(neural, clusters.counts.words()) if isinstance(neural, Path) else neural
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
