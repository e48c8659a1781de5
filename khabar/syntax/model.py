"""The parser's model file: one compressed .npz holding the three weight tables.

For each table (`tagger`, `transitions`, `labels`): its classes and its feature strings, each
UTF-8 joined by newlines, and its weights as float16 (the averaged weights need no more
precision to give the same argmax on the PUD test part); and whether its features read the NER
model's word clusters (then loaded from khabar/models/ner/clusters.tsv.gz).
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

import numpy as np

from khabar.errors import InputError
from khabar.syntax.features import Vocabulary
from khabar.syntax.parser import Parser
from khabar.syntax.perceptron import Weights

MODEL_NAME = "parser.npz"
_TABLES = ("tagger", "transitions", "labels")


def default_model_path() -> Path:
    return Path(str(resources.files("khabar.models.syntax") / MODEL_NAME))


def default_clusters_path() -> Path:
    """The NER model's word clusters, which the parser's features read (docs/ner.md)."""
    return Path(str(resources.files("khabar.models.ner") / "clusters.tsv.gz"))


def save_parser(parser: Parser, path: Path) -> None:
    arrays: dict[str, np.ndarray] = {}
    for name in _TABLES:
        weights: Weights = getattr(parser, name)
        features = sorted(weights.rows, key=weights.rows.__getitem__)
        arrays[f"{name}_classes"] = _text("\n".join(weights.classes))
        arrays[f"{name}_features"] = _text("\n".join(features))
        arrays[f"{name}_matrix"] = weights.matrix.astype(np.float16)
    arrays["uses_clusters"] = np.array([parser.vocabulary.uses_clusters])
    np.savez_compressed(path, **arrays)


def read_parser(path: Path, clusters: Path | None = None) -> Parser:
    """The parser stored at `path` (InputError E301 when it is missing or unreadable)."""
    try:
        with np.load(path) as data:
            tables = {name: _weights(data, name) for name in _TABLES}
            uses_clusters = bool(data["uses_clusters"][0])
    except (OSError, KeyError, ValueError) as exc:
        raise InputError("E301", path=str(path), detail=f"not a khabar parser model ({exc})") from exc
    vocabulary = (Vocabulary.load(clusters or default_clusters_path()) if uses_clusters
                  else Vocabulary(None))
    return Parser(**tables, vocabulary=vocabulary)


def model_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _weights(data, name: str) -> Weights:
    classes = tuple(_untext(data[f"{name}_classes"]).split("\n"))
    features = _untext(data[f"{name}_features"]).split("\n")
    matrix = data[f"{name}_matrix"].astype(np.float32)
    return Weights(classes, {f: i for i, f in enumerate(features)}, matrix)


def _text(value: str) -> np.ndarray:
    return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)


def _untext(array: np.ndarray) -> str:
    return array.tobytes().decode("utf-8")
