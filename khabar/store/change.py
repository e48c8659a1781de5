"""The change rule: does the last period depart from its baseline?

One rule serves the change badge of trends and the spike of watches (docs/web.md):

    baseline  the `window` periods before the last one (zeros included), at least `min_history`
    mean, sd  their mean and population standard deviation; sd counts as at least 1, so a flat
              baseline of zeros does not turn one article into a spike
    up        last >= mean + threshold * sd   and   last - mean >= min_difference
    down      last <= mean - threshold * sd   and   mean - last >= min_difference

Trends use window 8, threshold 2, min_difference 3; watches look for spikes only, on days,
with window 28, threshold 3, min_difference 3.

Example:
    >>> compare_with_baseline([2, 3, 2, 4, 3, 2, 3, 2, 15]).direction
    'up'
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

UP, DOWN, STEADY = "up", "down", "steady"


@dataclass(frozen=True, slots=True)
class Change:
    """How the last value compares with the mean of the values before it."""

    direction: str  # up | down | steady
    last: int
    mean: float
    sd: float
    z: float  # (last - mean) / sd, with sd at least 1
    periods: int  # how many periods the baseline holds


def compare_with_baseline(values: Sequence[int], *, window: int = 8, threshold: float = 2.0,
                          min_difference: float = 3.0, min_history: int = 4) -> Change | None:
    """The change of the last value against the `window` values before it (None: too few)."""
    if len(values) < min_history + 1:
        return None
    last = values[-1]
    baseline = list(values[-1 - window:-1])
    mean = statistics.fmean(baseline)
    sd = max(statistics.pstdev(baseline), 1.0)
    z = (last - mean) / sd
    direction = STEADY
    if z >= threshold and last - mean >= min_difference:
        direction = UP
    elif z <= -threshold and mean - last >= min_difference:
        direction = DOWN
    return Change(direction, int(last), round(mean, 2), round(sd, 2), round(z, 2), len(baseline))
