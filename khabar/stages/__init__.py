"""Stage families. Importing this package registers every stage (see khabar.pipeline.register)."""

from khabar.stages import (  # noqa: F401
    dates,
    entities,
    entity_roles,
    event_filter,
    events,
    events_learned,
    places,
    quantities,
    quotes,
    read,
    segment,
)
