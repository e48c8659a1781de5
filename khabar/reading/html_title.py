"""An HTML page's title, chosen by agreement among the titles the page itself offers.

A page names its article several times: the `<title>` (often as `Title - Site` or
`Site | Title`), og:title, the first `<h1>`, and trafilatura's pick among them. Some of these are
the site's name, a section, or the title with the site glued on. As for scraped text
(khabar/reading/title.py), the title is the candidate whose content words come back in the
first paragraphs or in the URL's slug; when none agrees clearly, trafilatura's title stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import html as lxml_html

from khabar.document import PARAGRAPH
from khabar.reading.blocks import Block
from khabar.reading.title import Vocabulary, content_words, slug_vocabulary, vocabulary

_LEAD_PARAGRAPHS, _LEAD_CHARS = 3, 600  # as for scraped text (khabar/reading/blocks.py)
_AGREES = 0.5  # the share of content words a candidate needs to replace trafilatura's title
_SITE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
_ENDS_WITH_SEPARATOR = re.compile(r"\s+[-|–—]\s+$")


def title_candidates(page: str, extracted_title: str | None) -> tuple[str, ...]:
    """The page's own titles, in order of preference: the first `<h1>`, og:title, trafilatura's
    title, then the `<title>` with its site part cut (either side of ` - ` / ` | `) and whole."""
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, TypeError, lxml_html.etree.LxmlError):  # nothing to parse
        return tuple(t for t in (extracted_title,) if t)
    found: list[str] = []
    h1 = tree.find(".//h1")
    if h1 is not None:
        found.append(h1.text_content())
    found.extend(tree.xpath("//meta[@property='og:title']/@content")[:1])
    if extracted_title:
        found.append(extracted_title)
    head_title = tree.find(".//title")
    if head_title is not None:
        whole = " ".join(head_title.text_content().split())
        separators = list(_SITE_SEPARATOR.finditer(whole))
        if separators:  # `Title - Site` or `Site | Title`
            found.append(whole[:separators[-1].start()])
            found.append(whole[separators[0].end():])
        found.append(whole)
    candidates: list[str] = []
    for text in (" ".join(t.split()) for t in found):
        if text and text not in candidates:
            candidates.append(text)
    return tuple(candidates)


def _with_site(text: str, headline: str) -> bool:
    """`text` is `headline - Site` or `Site | headline` (not `headline: subtitle`)."""
    if text == headline or len(headline.split()) < 2:
        return False
    if text.startswith(headline):
        return _SITE_SEPARATOR.match(text, len(headline)) is not None
    return text.endswith(headline) and _ENDS_WITH_SEPARATOR.search(text[: -len(headline)]) is not None


def _share(words: list[str], known: Vocabulary) -> float:
    if not known.text or not words:
        return 0.0
    found = sum(w in known for w in words)
    return found / len(words) * (1.0 if found >= 2 else 0.5)


def agreed_title(candidates: Sequence[str], blocks: Iterable[Block], *, stop: frozenset[str],
                 url: str | None = None) -> str | None:
    """The candidate that agrees best with the first paragraphs of `blocks` or the slug (ties go to the
    earlier one); None when none reaches `_AGREES`. A candidate that another candidate starts
    (`Title - Site` after `Title`) never beats it: the bare headline is the title."""
    lead = [b.text[:_LEAD_CHARS] for b in blocks if b.kind == PARAGRAPH][:_LEAD_PARAGRAPHS]
    in_lead, slug = vocabulary(lead), slug_vocabulary(url)
    best, chosen = _AGREES, None
    for text in candidates:
        words = content_words(text, stop)
        if not words or any(_with_site(text, other) for other in candidates):
            continue
        length = min(1.0, len(words) / 5)  # a site's name or a section is short
        agreement = max(_share(words, in_lead), _share(words, slug)) * length
        if agreement >= best and (chosen is None or agreement > best):
            best, chosen = agreement, text
    return chosen
