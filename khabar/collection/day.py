"""The day of an article: one reading of `published` for the store, the Parquet layout and stories."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_EPOCH = dt.date(1970, 1, 1)


def parse_day(published: str | None) -> str | None:
    """`YYYY-MM-DD` from an ISO date or an RFC 2822 date (`Mon, 26 Feb 2018 02:20:10 GMT`)."""
    if not published or not isinstance(published, str):
        return None
    match = _ISO_DAY.match(published)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        return email.utils.parsedate_to_datetime(published).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def day_number(day: str | None) -> int | None:
    """Days since 1970-01-01 of a `YYYY-MM-DD` day (the stories' time window counts in these)."""
    return None if day is None else (dt.date.fromisoformat(day) - _EPOCH).days
