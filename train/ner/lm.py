"""Train a small bidirectional LSTM language model on unlabelled news, for contextual features of
the NER network (an experiment scored on the development block: `train.ner.neural --dev --lm`).

    python -m train.ner.lm --vectors /tmp/vectors.npz --out /tmp/lm.pt

The text: SaudiNewsNet and the ANT subset, read as train/ner/clusters.py reads them, articles in
a fixed random order, split with khabar.arabic.split_sentences, folded with khabar.arabic.fold
(numbers as `<num>`), sentences cut at 60 tokens, until about 3 million tokens. A token's
input is its frozen distributional vector (train/ner/clusters.py --vectors; zeros for an unknown
word) joined with a learned embedding of its c256 cluster (one more id for no cluster). One LSTM
layer per direction (128 hidden units each); the forward one predicts the next word's c1024
cluster and the backward one the previous word's (1,025-way softmax: the clusters and "none").
One epoch, batches of 64 sentences, Adam. The model is not part of the package; the file it
writes is used only by the dev experiment.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from khabar.arabic.tokens import split_sentences
from khabar.ner.features import Clusters, load_clusters, strip_clitics
from khabar.ner.tagger import CLUSTER_FILE, MODEL_DIR
from train.ner.clusters import DEFAULT_DATA, folded_tokens, news_texts

LIMIT = 60  # tokens per sentence
_NUMBER = re.compile(r"[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*")


def lm_word(folded: str) -> str:
    """A folded token as the language model saw it in the news (numbers as `<num>`)."""
    return "<num>" if _NUMBER.fullmatch(folded) else folded


class LanguageModel(nn.Module):
    def __init__(self, vector_dims: int, cluster_dims: int = 16, hidden: int = 128) -> None:
        super().__init__()
        self.clusters = nn.Embedding(257, cluster_dims)  # c256 ids, 256: none
        self.lstm = nn.LSTM(vector_dims + cluster_dims, hidden, batch_first=True,
                            bidirectional=True)
        self.forward_out = nn.Linear(hidden, 1025)  # the next word's c1024, 1024: none
        self.backward_out = nn.Linear(hidden, 1025)  # the previous word's
        self.hidden = hidden

    def states(self, vectors: torch.Tensor, clusters: torch.Tensor,
               lengths: Sequence[int]) -> torch.Tensor:
        """(batch, time, 2 × hidden): forward states then backward states."""
        x = torch.cat([vectors, self.clusters(clusters)], 2)
        packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True,
                                      enforce_sorted=False)
        out, _ = self.lstm(packed)
        return pad_packed_sequence(out, batch_first=True, total_length=x.shape[1])[0]


class Inputs:
    """Token inputs and targets: vector, c256 and c1024 ids, with the NER lookup's backoff
    (the word, then its name form, then its core)."""

    def __init__(self, clusters: Clusters, vectors: Path, vector_words: int = 100_000) -> None:
        self.ids = clusters.ids
        with np.load(vectors) as stored:
            words = str(stored["words"]).split("\n")[:vector_words]
            self.matrix = stored["vectors"][: len(words)].astype(np.float32) * float(
                stored["scale"])
        self.index = {w: i for i, w in enumerate(words)}
        self.zero = np.zeros(self.matrix.shape[1], dtype=np.float32)
        self.memo: dict[str, tuple[np.ndarray, int, int]] = {}

    def __call__(self, word: str) -> tuple[np.ndarray, int, int]:
        found = self.memo.get(word)
        if found is None:
            clitics = strip_clitics(word)
            keys = (word, clitics.name, clitics.core)
            row = next((self.index[k] for k in keys if k in self.index), None)
            ids = next((self.ids.get(k) for k in keys if self.ids.get(k)), None)
            found = (self.zero if row is None else self.matrix[row],
                     256 if ids is None else int(ids[1]), 1024 if ids is None else int(ids[2]))
            if len(self.memo) < 500_000:
                self.memo[word] = found
        return found

    def batch(self, sentences: Sequence[Sequence[str]]):
        lengths = [len(s) for s in sentences]
        width = max(lengths)
        vectors = np.zeros((len(sentences), width, self.matrix.shape[1]), dtype=np.float32)
        mid = np.full((len(sentences), width), 256, dtype=np.int64)
        fine = np.full((len(sentences), width), -100, dtype=np.int64)  # -100: ignored
        for row, sentence in enumerate(sentences):
            for t, word in enumerate(sentence):
                vectors[row, t], mid[row, t], fine[row, t] = self(word)
        return (torch.from_numpy(vectors), torch.from_numpy(mid), torch.from_numpy(fine),
                lengths)


def losses(model: LanguageModel, inputs: Inputs, sentences: Sequence[Sequence[str]]
           ) -> tuple[torch.Tensor, torch.Tensor, int]:
    """Summed forward and backward cross-entropy, and the number of predictions of each."""
    vectors, mid, fine, lengths = inputs.batch(sentences)
    states = model.states(vectors, mid, lengths)
    h = model.hidden
    # Padding targets are -100; a sentence's last forward (first backward) state predicts nothing.
    forward = nn.functional.cross_entropy(
        model.forward_out(states[:, :-1, :h]).reshape(-1, 1025), fine[:, 1:].reshape(-1),
        reduction="sum")
    backward = nn.functional.cross_entropy(
        model.backward_out(states[:, 1:, h:]).reshape(-1, 1025), fine[:, :-1].reshape(-1),
        reduction="sum")
    return forward, backward, sum(lengths) - len(lengths)


def news_sentences(data: Path, tokens: int, seed: int) -> list[list[str]]:
    texts = list(news_texts(data))
    random.Random(seed).shuffle(texts)
    found: list[list[str]] = []
    total = 0
    for text in texts:
        for start, end in split_sentences(text):
            words = [lm_word(w) for w in folded_tokens(text[start:end])][:LIMIT]
            if len(words) > 2:
                found.append(words)
                total += len(words)
        if total >= tokens:
            break
    return found


class Features:
    """The frozen model's states for the words of a sentence (folded tokens), scaled."""

    def __init__(self, path: Path, clusters: Clusters, vectors: Path, scale: float = 1.0) -> None:
        stored = torch.load(path, weights_only=False)
        self.model = LanguageModel(stored["vector_dims"], stored["cluster_dims"],
                                   stored["hidden"])
        self.model.load_state_dict(stored["state"])
        self.model.eval()
        self.inputs = Inputs(clusters, vectors, stored["vector_words"])
        self.scale = scale
        self.size = 2 * stored["hidden"]

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        words = [[lm_word(w) for w in s] for s in sentences]
        found = []
        with torch.no_grad():
            for first in range(0, len(words), 64):
                batch = words[first : first + 64]
                vectors, mid, _fine, lengths = self.inputs.batch(batch)
                states = self.model.states(vectors, mid, lengths) * self.scale
                found += [states[row, :n].numpy() for row, n in enumerate(lengths)]
        return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=Path, default=MODEL_DIR / CLUSTER_FILE)
    parser.add_argument("--vectors", type=Path, required=True)
    parser.add_argument("--vector-words", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/lm.pt"))
    parser.add_argument("--tokens", type=int, default=3_000_000)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--cluster-dims", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    started = time.time()

    sentences = news_sentences(args.data, args.tokens, args.seed)
    held_out, sentences = sentences[:1000], sentences[1000:]
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} tokens; 1000 held out "
          f"({time.time() - started:.0f}s)", flush=True)
    inputs = Inputs(load_clusters(args.clusters), args.vectors, args.vector_words)
    model = LanguageModel(inputs.matrix.shape[1], args.cluster_dims, args.hidden)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    def held_out_loss() -> str:
        model.eval()
        sums = np.zeros(3)
        with torch.no_grad():
            for first in range(0, len(held_out), 128):
                f, b, n = losses(model, inputs, held_out[first : first + 128])
                sums += (f.item(), b.item(), n)
        model.train()
        return f"held-out forward {sums[0] / sums[2]:.3f}, backward {sums[1] / sums[2]:.3f}"

    # Batches of sentences of similar length (sorted within chunks of 50 batches), in random order.
    order = list(range(len(sentences)))
    random.Random(args.seed).shuffle(order)
    batches = []
    chunk = 50 * args.batch
    for first in range(0, len(order), chunk):
        part = sorted(order[first : first + chunk], key=lambda i: len(sentences[i]))
        batches += [part[i : i + args.batch] for i in range(0, len(part), args.batch)]
    random.Random(args.seed + 1).shuffle(batches)
    print(f"before training: {held_out_loss()}", flush=True)
    sums = np.zeros(3)
    for step, batch in enumerate(batches, 1):
        f, b, n = losses(model, inputs, [sentences[i] for i in batch])
        loss = (f + b) / (2 * n)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        sums += (f.item(), b.item(), n)
        if step % 200 == 0 or step == len(batches):
            print(f"batch {step}/{len(batches)}: forward {sums[0] / sums[2]:.3f}, backward "
                  f"{sums[1] / sums[2]:.3f} ({time.time() - started:.0f}s)", flush=True)
            sums[:] = 0
    print(f"after one epoch: {held_out_loss()} ({time.time() - started:.0f}s)", flush=True)
    torch.save({"state": model.state_dict(), "vector_dims": inputs.matrix.shape[1],
                "cluster_dims": args.cluster_dims, "hidden": args.hidden,
                "vector_words": args.vector_words}, args.out)
    print(f"wrote {args.out}", flush=True)


if __name__ == "__main__":
    main()
