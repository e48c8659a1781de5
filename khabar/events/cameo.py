"""CAMEO codes and their PLOVER event types (project table: data/plover.tsv)."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.events.lexicon import data_lines


@dataclass(frozen=True, slots=True)
class CameoTable:
    """CAMEO prefix -> PLOVER type, and the names of the 20 CAMEO root categories."""

    plover_by_prefix: dict[str, str | None]
    root_names: dict[str, str]

    def plover(self, code: str) -> str | None:
        """The PLOVER event type of a CAMEO code (longest listed prefix), or None for 01 and 02."""
        for length in range(len(code), 1, -1):
            if code[:length] in self.plover_by_prefix:
                return self.plover_by_prefix[code[:length]]
        return None

    def root_name(self, code: str) -> str:
        """The CAMEO root category name of a code (`195` -> `FIGHT`)."""
        return self.root_names.get(code[:2], "")


def load_cameo_table() -> CameoTable:
    """Read data/plover.tsv."""
    plover: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for row in data_lines("plover.tsv"):
        prefix, kind = row[0], row[1]
        plover[prefix] = None if kind == "-" else kind
        if len(row) > 2 and row[2]:
            names[prefix] = row[2]
    return CameoTable(plover, names)
