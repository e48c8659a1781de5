"""Event coding: who did what to whom, as CAMEO codes with PLOVER types, read from Arabic text.

`EventCoder` finds events in a Document's sentences; `events_table` and `write_events` export
them as a GDELT-like table (docs/events.md).
"""

from khabar.events.coder import EventCoder
from khabar.events.export import COLUMNS, events_table, write_events

__all__ = ["COLUMNS", "EventCoder", "events_table", "write_events"]
