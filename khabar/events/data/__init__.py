"""Lexicons and tables of the event coder (TSV files written for khabar; see docs/events.md)."""
