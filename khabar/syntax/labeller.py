"""The relation of an arc, chosen when the parser makes it (averaged perceptron).

Labels are kept apart from the transitions so that the transition model has three columns, not
two per relation: the model file stays small and parsing fast.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.syntax.features import Word


def label_features(words: Sequence[Word], tags: Sequence[str], head: int, dep: int) -> list[str]:
    """Features of the arc head -> dep (`words` and `tags` end with the root)."""
    h, d = words[head], words[dep]
    ht, dt = tags[head], tags[dep]
    direction = "L" if dep < head else "R"
    distance = str(min(abs(head - dep), 6))
    before = tags[dep - 1] if dep > 0 else "<s>"
    after = tags[dep + 1] if dep + 1 < len(tags) else "</s>"
    return [
        "bias",
        "ht=" + ht, "dt=" + dt,
        "ht|dt=" + ht + "|" + dt + "|" + direction,
        "ht|dt|dist=" + ht + "|" + dt + "|" + direction + distance,
        "hw=" + h.form, "dw=" + d.form,
        "hw|dt=" + h.form + "|" + dt,
        "ht|dw=" + ht + "|" + d.form,
        "hw|dw=" + h.form + "|" + d.form,
        "dp2|dt=" + d.prefix2 + "|" + dt,
        "ds2|dt=" + d.suffix2 + "|" + dt,
        "hs2|ht=" + h.suffix2 + "|" + ht,
        f"dal|ht|dt={d.article}|{ht}|{dt}|{direction}",
        f"hal|dal={h.article}|{d.article}|{ht}|{dt}",
        "dc|dt=" + str(d.conjunction) + "|" + dt,
        "de|dt=" + d.enclitic + "|" + dt,
        "ctx=" + before + "|" + dt + "|" + after,
        "first=" + str(dep == 0) + "|" + dt,
        "hc|dc=" + h.cluster + "|" + d.cluster + "|" + direction,
        "ht|dc=" + ht + "|" + d.cluster, "hc|dt=" + h.cluster + "|" + dt,
    ]

