"""Per-article entity helpers: name keys, merging, gazetteer fallback, nisba and title lexicons.

The stages that use them live in khabar/stages/entity_roles.py; see docs/entities.md.
"""
