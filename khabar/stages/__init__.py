"""Stage families. Importing this package registers every stage (see khabar.pipeline.register)."""

from khabar.stages import events, read, segment  # noqa: F401
