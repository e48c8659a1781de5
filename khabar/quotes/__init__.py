"""Quote extraction and speaker attribution: who said what, with offsets into Document.text.

`find_quotes(doc, lexicon)` returns the quotes of a Document that carries sentences and
entities; the `quotes.cues.v3` stage (and v2, `stage=STAGE_V2`) in khabar.stages.quotes wraps
it. `format_quotes_table` renders them for a terminal.
"""

from khabar.quotes.extract import find_quotes
from khabar.quotes.lexicon import CueLexicon, load_lexicon
from khabar.quotes.table import format_quotes_table

__all__ = ["CueLexicon", "find_quotes", "format_quotes_table", "load_lexicon"]
