"""Placeholder until the real stage lands (local only, not committed)."""
