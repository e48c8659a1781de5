"""Per-client rate limits for the routes anyone may call (`POST /analyze`).

A token bucket per client address: each client may send `per_minute` requests at once, and
gets them back at `per_minute` a minute. The clock is passed in, so tests step time by hand.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

MAX_CLIENTS = 10_000


class RateLimiter:
    """A token bucket per key (the client address), refilled at `per_minute` tokens a minute.

    Args:
        per_minute: requests a client may send in a minute, and at once; 0 turns the limit off.
        clock: seconds, monotonic (time.monotonic in the server, a fake in tests).
        max_clients: buckets kept at most; the least recently seen client is forgotten first,
            so a flood of addresses cannot grow memory (a forgotten client starts full again).

    Example:
        >>> now = [0.0]
        >>> limiter = RateLimiter(2, clock=lambda: now[0])
        >>> limiter.wait("10.0.0.1"), limiter.wait("10.0.0.1"), limiter.wait("10.0.0.1")
        (0.0, 0.0, 30.0)
    """

    def __init__(self, per_minute: float, *, clock: Callable[[], float] = time.monotonic,
                 max_clients: int = MAX_CLIENTS) -> None:
        if per_minute < 0:
            raise ValueError(f"per_minute must be 0 (no limit) or more, not {per_minute}")
        self.per_minute = per_minute
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def wait(self, key: str) -> float:
        """Take one request for `key`: 0.0 if it may go now, else the seconds until it may."""
        if not self.enabled:
            return 0.0
        rate = self.per_minute / 60.0
        with self._lock:
            now = self.clock()
            tokens, when = self._buckets.pop(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + max(0.0, now - when) * rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[key] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        # Rounded: float noise must not turn 10 seconds into a Retry-After of 11.
        return 0.0 if allowed else round((1.0 - tokens) / rate, 6)


def retry_after(seconds: float) -> int:
    """Whole seconds for a `Retry-After` header: rounded up, at least 1."""
    return max(1, math.ceil(seconds))


__all__ = ["MAX_CLIENTS", "RateLimiter", "retry_after"]
