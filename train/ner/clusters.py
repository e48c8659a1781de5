"""Learn word clusters for the NER features from unlabelled Arabic news.

Recipe (Levy, Goldberg & Dagan 2015, "Improving Distributional Similarity with Lessons Learned
from Word Embeddings"): count words against position-tagged context words (window ±2) over
SaudiNewsNet and the ANT March-2018 subset, weight by positive PMI with context-distribution
smoothing (α = 0.75), take a truncated SVD, then spherical k-means on the unit word vectors.
The 1024 fine clusters are grouped again into 256 and 64, so the three ids form a hierarchy
(like Brown-cluster prefixes) and the CRF can use several granularities.

Words are folded with khabar.arabic.fold, exactly as the features fold them at tagging time.

    python -m train.ner.clusters --data ../shared/data --out khabar/models/ner/clusters.tsv.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tarfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from khabar.arabic import fold
from khabar.arabic.tokens import tokenize

DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
_TEXT = re.compile(r"<(?:TITLE|ABSTRACT|TEXT)>(.*?)</(?:TITLE|ABSTRACT|TEXT)>", re.S)


def news_texts(data: Path) -> Iterator[str]:
    """Article texts (title and body) of SaudiNewsNet and the ANT subset."""
    for archive in sorted((data / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():
                for article in json.loads(zipped.read(name)):
                    yield f"{article.get('title') or ''}\n{article.get('content') or ''}"
    ant = data / "ant-multisource" / "ant_multisource_v2.1_2018-03.tar.gz"
    with tarfile.open(ant) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                raw = tar.extractfile(member).read().decode("utf-8", "replace")
                yield "\n".join(_TEXT.findall(raw))


def folded_tokens(text: str) -> list[str]:
    return [fold(t.text) if t.kind == "word" else ("<num>" if t.kind == "number" else t.text)
            for t in tokenize(text)]


def spherical_kmeans(vectors: np.ndarray, k: int, *, weights: np.ndarray | None = None,
                     iterations: int = 20, seed: int = 13) -> np.ndarray:
    """Cluster unit vectors by cosine; returns the cluster index of each row."""
    rng = np.random.default_rng(seed)
    centroids = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    weights = np.ones(len(vectors)) if weights is None else weights
    assignment = np.zeros(len(vectors), dtype=np.int64)
    for step in range(iterations):
        assignment = np.concatenate([
            np.argmax(vectors[i : i + 8192] @ centroids.T, axis=1)
            for i in range(0, len(vectors), 8192)
        ])
        sums = np.zeros_like(centroids)
        np.add.at(sums, assignment, vectors * weights[:, None])
        empty = np.linalg.norm(sums, axis=1) == 0
        sums[empty] = vectors[rng.choice(len(vectors), size=int(empty.sum()), replace=False)]
        centroids = sums / np.linalg.norm(sums, axis=1, keepdims=True)
        print(f"  k={k} iteration {step + 1}", flush=True)
    return assignment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path("khabar/models/ner/clusters.tsv.gz"))
    parser.add_argument("--words", type=int, default=100_000, help="vocabulary size")
    parser.add_argument("--contexts", type=int, default=10_000, help="context words")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--vectors", type=Path, default=None,
                        help="also write the word vectors for the dense features (vectors.npz)")
    parser.add_argument("--vector-words", type=int, default=50_000)
    parser.add_argument("--vector-dims", type=int, default=50)
    parser.add_argument("--vectors-only", action="store_true",
                        help="write the vectors and leave the cluster table as it is")
    args = parser.parse_args()
    started = time.time()

    sentences: list[list[str]] = []
    counts: Counter[str] = Counter()
    for text in news_texts(args.data):
        for line in text.split("\n"):
            tokens = folded_tokens(line)
            if len(tokens) > 1:
                sentences.append(tokens)
                counts.update(tokens)
    print(f"{len(sentences)} lines, {sum(counts.values())} tokens, {len(counts)} types "
          f"({time.time() - started:.0f}s)", flush=True)

    vocabulary = [w for w, c in counts.most_common(args.words) if c >= 3]
    index = {w: i for i, w in enumerate(vocabulary)}
    n_contexts = min(args.contexts, len(vocabulary))
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for position, shift in enumerate((-2, -1, 1, 2)):
        for tokens in _chunks(sentences, 20000):
            ids = np.array([index.get(t, -1) for t in tokens], dtype=np.int64)
            # Sentences are joined with -1 separators so windows never cross them.
            target, context = (ids[:-shift], ids[shift:]) if shift > 0 else (ids[-shift:], ids[:shift])
            keep = (target >= 0) & (context >= 0) & (context < n_contexts)
            rows.append(target[keep])
            cols.append(context[keep] + position * n_contexts)
    row, col = np.concatenate(rows), np.concatenate(cols)
    matrix = sparse.coo_matrix((np.ones(len(row), dtype=np.float64), (row, col)),
                               shape=(len(vocabulary), 4 * n_contexts)).tocsr()
    matrix.sum_duplicates()
    print(f"co-occurrence matrix {matrix.shape}, {matrix.nnz} cells ({time.time() - started:.0f}s)",
          flush=True)

    total = matrix.sum()
    word_p = np.asarray(matrix.sum(axis=1)).ravel() / total
    context_counts = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    context_p = context_counts / context_counts.sum()
    coo = matrix.tocoo()
    pmi = np.log(coo.data / total / (word_p[coo.row] * context_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=matrix.shape)
    u, s, _vt = svds(ppmi, k=args.dims)
    vectors = u * np.sqrt(s)
    print(f"SVD done ({time.time() - started:.0f}s)", flush=True)
    if args.vectors:
        write_vectors(vocabulary, vectors, s, args.vectors, args.vector_words, args.vector_dims)
        if args.vectors_only:
            return
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)

    fine = spherical_kmeans(vectors, 1024)
    sizes = np.bincount(fine, minlength=1024).astype(np.float64)
    centroids = np.zeros((1024, vectors.shape[1]))
    np.add.at(centroids, fine, vectors)
    centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    used = sizes > 0
    mid_of_fine = np.zeros(1024, dtype=np.int64)
    mid_of_fine[used] = spherical_kmeans(centroids[used], 256, weights=sizes[used])
    mid_centroids = np.zeros((256, vectors.shape[1]))
    np.add.at(mid_centroids, mid_of_fine[used], centroids[used] * sizes[used, None])
    mid_sizes = np.bincount(mid_of_fine[used], weights=sizes[used], minlength=256)
    mid_centroids /= np.maximum(np.linalg.norm(mid_centroids, axis=1, keepdims=True), 1e-9)
    coarse_of_mid = np.zeros(256, dtype=np.int64)
    mid_used = mid_sizes > 0
    coarse_of_mid[mid_used] = spherical_kmeans(mid_centroids[mid_used], 64,
                                               weights=mid_sizes[mid_used])

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("# word\tc64\tc256\tc1024\tcount (learned by train/ner/clusters.py)\n")
        for word, cluster in zip(vocabulary, fine, strict=True):
            mid = mid_of_fine[cluster]
            out.write(f"{word}\t{coarse_of_mid[mid]}\t{mid}\t{cluster}\t{counts[word]}\n")
    print(f"wrote {args.out} ({len(vocabulary)} words, {time.time() - started:.0f}s)")


def write_vectors(vocabulary: list[str], vectors: np.ndarray, singular: np.ndarray, out: Path,
                  words: int, dims: int) -> None:
    """The most frequent words' vectors on the `dims` strongest SVD axes, as int8.

    Each vector is scaled to unit length times sqrt(dims) (components of about ±1, the scale
    the CRF's regularisation suits), clipped to ±4 and stored in steps of 1/32.
    """
    strongest = np.argsort(singular)[::-1][:dims]
    table = vectors[: min(words, len(vocabulary)), strongest]
    table = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-9) * np.sqrt(dims)
    quantized = np.clip(np.round(table * 32), -127, 127).astype(np.int8)
    np.savez_compressed(out, words=np.array("\n".join(vocabulary[: len(table)])),
                        vectors=quantized, scale=np.array(1 / 32))
    print(f"wrote {out} ({quantized.shape[0]} words x {quantized.shape[1]} dims)", flush=True)


def _chunks(sentences: list[list[str]], size: int) -> Iterator[list[str]]:
    """Sentences joined in batches, with an unknown-word separator between sentences."""
    for i in range(0, len(sentences), size):
        batch: list[str] = []
        for tokens in sentences[i : i + size]:
            batch.extend(tokens)
            batch.append("\0")
        yield batch


if __name__ == "__main__":
    main()
