"""Stage families. Importing this package registers every stage (see khabar.pipeline.register)."""

from khabar.stages import dates, entity_roles, quantities, read, segment  # noqa: F401
