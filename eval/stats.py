"""Small statistics the evaluation scripts share: the Wilson interval of a proportion, and a
reliability table of calibrated confidences."""

from __future__ import annotations

import math
from collections.abc import Iterable


def wilson(right: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95% by default); (0, 0) for no trials."""
    if total == 0:
        return 0.0, 0.0
    p = right / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return centre - half, centre + half


def reliability_table(pairs: Iterable[tuple[float, bool]]) -> list[str]:
    """Markdown rows: (confidence, right) pairs in fifths of confidence, with each fifth's mean
    confidence and share right."""
    bins: dict[int, list[tuple[float, bool]]] = {}
    for value, right in pairs:
        bins.setdefault(min(4, int(value * 5)), []).append((value, right))
    lines = ["| confidence | events | mean confidence | share right |", "|---|---:|---:|---:|"]
    for b in sorted(bins):
        items = bins[b]
        lines.append(f"| {b / 5:.1f}–{(b + 1) / 5:.1f} | {len(items)} | "
                     f"{sum(v for v, _ in items) / len(items):.2f} | "
                     f"{sum(r for _, r in items) / len(items):.2f} |")
    return lines
