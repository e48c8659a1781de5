"""Stage families. Importing this package registers every stage (see khabar.pipeline.register)."""

from khabar.stages import dates, entities, entity_roles, events, quantities, quotes, read, segment  # noqa: F401
