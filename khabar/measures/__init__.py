"""Dates and quantities in Arabic news text: finders that return offsets into the text.

The stages that use them are khabar/stages/dates.py and khabar/stages/quantities.py.
"""
