"""Quote extraction and speaker attribution: who said what, with offsets into Document.text.

`find_quotes(doc, lexicon)` returns the quotes of a Document that carries sentences and
entities (as `quotes.cues.v3` reads them unless `stage` says otherwise); the stages
`quotes.cues.v2`, `v3` and `v4` (the default, `stage=STAGE_V4` with the lexicon of
`load_lexicon(version=4)`) in khabar.stages.quotes wrap it. `format_quotes_table` renders them for a terminal.
"""

from khabar.quotes.extract import find_quotes
from khabar.quotes.lexicon import CueLexicon, load_lexicon
from khabar.quotes.table import format_quotes_table

__all__ = ["CueLexicon", "find_quotes", "format_quotes_table", "load_lexicon"]
