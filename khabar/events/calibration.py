"""Calibrated event confidence: the coder's raw score mapped to the share of such events that are right.

The table (`data/calibration.tsv`) is written by `python -m eval.events_calibrate` from labelled
events of the development data only (docs/events.md); each row gives, for one kind of event
and a range of raw scores, the measured share of right events. Scoring is a table look-up.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from khabar.document import Event
from khabar.events.lexicon import data_lines


@dataclass(frozen=True, slots=True)
class Calibration:
    """Rows of (kind, lowest raw score, calibrated confidence), highest bound first per kind."""

    rows: tuple[tuple[str, float, float], ...] = ()

    @classmethod
    def load(cls, table: str = "calibration.tsv") -> Calibration:
        """The shipped table (`calibration.tsv` for events.cameo.v2, `calibration-v3.tsv` for
        v3, whose stricter readings leave other shares of right events per kind)."""
        rows = [(row[0], float(row[1]), float(row[2])) for row in data_lines(table)]
        return cls(tuple(sorted(rows, key=lambda r: (r[0], -r[1]))))

    def apply(self, event: Event) -> Event:
        """The event with its confidence calibrated: the rows of its kind, else of what it is
        (`violence/*`), else of all events (`*`); unchanged when the table is empty."""
        value = self.value(event_kind(event), event.confidence)
        return event if value is None else dataclasses.replace(event, confidence=value)

    def value(self, kind: str, raw: float) -> float | None:
        """The calibrated confidence of a raw score for an event kind, None with no row."""
        for wanted in (kind, kind.split("/")[0] + "/*", "*"):
            for row_kind, lowest, value in self.rows:
                if row_kind == wanted and raw >= lowest:
                    return value
        return None


def event_kind(event: Event) -> str:
    """The calibration group of an event: what it is (violence, protest, speech act, other) and
    how its source is named (entity, country code, group noun, none)."""
    root = event.cameo[:2]
    if root in ("18", "19", "20"):
        what = "violence"
    elif root == "14":
        what = "protest"
    elif root in ("02", "10", "11", "12", "13") or event.cameo.startswith("051"):
        what = "speech"
    else:
        what = "other"
    source = event.source
    if source is None:
        who = "none"
    elif source.entity:
        who = "entity"
    elif source.code[:3].isalpha() and len(source.code) >= 3 and source.code[:3] not in SECTOR_HEADS:
        who = "country"
    else:
        who = "group"
    return f"{what}/{who}"


SECTOR_HEADS = frozenset(
    "MIL GOV COP JUD LEG OPP REB UAF CVL EDU LAB MED BUS NGO REL PTY REF".split())
