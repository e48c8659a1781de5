"""Turning a page's lines into one title and clean blocks (paragraphs and subheadings).

The same rules serve scraped text and the blocks that HTML extraction finds:
1. furniture goes: outlet names and bare domains (they name the source), logo lines, share and
   follow prompts, empty-widget text, every link line under a "most read" / "read also"
   section marker until article prose resumes, footer lines ("رابط الخبر ...", a columnist's
   SMS contact line), and the share bars and footers that scraping glued to a paragraph (before
   its first words, after its last sentence);
2. exactly one title: a line that is its own copy glued several times ("TitleTitle") collapses,
   and later copies of the title (alone or glued to the start of a paragraph) go;
3. what trails the last prose paragraph and is not prose itself goes (footers, tag clouds);
4. short lines without closing punctuation that are followed by prose are subheadings.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.document import HEADING, PARAGRAPH
from khabar.reading.boilerplate import DOMAIN, OUTLET, SECTION, LineClassifier, line_key

_SENTENCE_END = tuple(".!?؟…:\"»”')")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MAX_HEADING_WORDS = 12
_MAX_TITLE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of page text; `kind` is None until the rules below decide it."""

    text: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """What cleaning found: title, blocks, source name and domain, and how much was removed."""

    title: str | None
    blocks: tuple[Block, ...]
    source_name: str | None
    domain: str | None
    removed: int


def squeeze(line: str) -> str:
    """Collapse runs of spaces and tabs (and no-break spaces) into one space, trim the ends."""
    return " ".join(line.split())


def unescape_references(text: str) -> str:
    """HTML character references left in plain text (`&quot;`, `&#8220;`) as the characters
    they stand for. Only complete references (with the `;`): `AT&T` and `&copy` stay."""
    if "&" not in text:
        return text
    return CHARACTER_REFERENCE.sub(_resolved, text)


def _resolved(match: re.Match) -> str:
    reference = match.group()
    known = reference[1] == "#" or reference[1:] in html.entities.html5
    return html.unescape(reference) if known else reference  # `&notareference;` is no `&not`


def collapse_glued(line: str) -> str:
    """`TitleTitle` or `Title Title Title` → `Title`; other lines unchanged."""
    if len(line) > 3 * _MAX_TITLE_CHARS:
        return line
    compact = line.replace(" ", "")
    for copies in (2, 3, 4):
        size, rest = divmod(len(compact), copies)
        if rest or size < 4:
            continue
        unit = compact[:size]
        if unit * copies == compact:
            return _first_copy(line, unit)
    return line


def _first_copy(line: str, unit: str) -> str:
    """The prefix of `line` that spells `unit` once (spaces inside it kept)."""
    seen = 0
    for index, ch in enumerate(line):
        if ch != " ":
            seen += 1
        if seen == len(unit):
            return line[: index + 1].strip()
    return line


def _without_glued_furniture(block: Block, classifier: LineClassifier) -> Block:
    """The block without a share or pager bar glued before its first words or a footer glued
    after its last sentence."""
    text = block.text
    end = classifier.glued_footer(text)
    if end is not None:
        text = text[:end].rstrip()
    text = text[classifier.glued_bar(text):]
    return block if text == block.text else Block(text, block.kind)


def _unglued(block: Block) -> Block:
    """Collapse a self-glued line; mark it, since only a title gets glued to itself."""
    text = collapse_glued(block.text)
    return block if text == block.text else Block(text, block.kind or "glued")


def is_prose(text: str) -> bool:
    """Article prose: ends like a sentence, or is long enough to be one."""
    words = len(text.split())
    return words >= 12 or (words >= 3 and text.endswith(_SENTENCE_END))


def clean_blocks(blocks: Sequence[Block], classifier: LineClassifier, *,
                 title_hint: str | None = None) -> Draft:
    """Apply the rules in the module docstring to blocks in page order."""
    blocks = [_unglued(_without_glued_furniture(Block(squeeze(b.text), b.kind), classifier))
              for b in blocks if b.text.strip()]
    blocks = [b for b in blocks if b.text]
    kinds = [classifier.kind(b.text) for b in blocks]
    source_name, domain = _find_source(blocks, kinds, classifier)
    keep = _drop_furniture(blocks, kinds)
    arabic_page = any(_ARABIC.search(blocks[i].text) for i in keep)
    keep = [i for i in keep if not (arabic_page and _is_latin_widget(blocks[i].text))]
    title = collapse_glued(squeeze(title_hint)) if title_hint else None
    if title is None:
        title, keep = _take_title(blocks, keep)
    kept = _drop_title_copies([blocks[i] for i in keep], title)
    kept = _drop_trailing_furniture(kept)
    final = tuple(_decide_kind(kept, i) for i in range(len(kept)))
    return Draft(title, final, source_name, domain, len(blocks) - len(final))


def _find_source(blocks: Sequence[Block], kinds: list[str | None],
                 classifier: LineClassifier) -> tuple[str | None, str | None]:
    name = domain = None
    for index, kind in enumerate(kinds):
        if kind == DOMAIN:
            domain = domain or classifier.domain_of(blocks[index].text)
            # A short unpunctuated line beside a bare domain line is the site's name.
            for near in (index - 1, index + 1):
                if 0 <= near < len(blocks) and kinds[near] is None and _looks_like_name(blocks[near].text):
                    kinds[near] = OUTLET
        known = classifier.outlets.by_name.get(line_key(blocks[index].text))
        if kinds[index] == OUTLET and name is None and known:
            name = known[0]
    for index, kind in enumerate(kinds):
        if kind == OUTLET and name is None:
            name = blocks[index].text
    if domain and domain.startswith("www."):
        domain = domain[4:]
    if name is None:
        name = classifier.outlets.name_for(domain)
    elif domain is None:
        domain = classifier.outlets.by_name.get(line_key(name), (None, None))[1]
    return name, domain


def _looks_like_name(text: str) -> bool:
    return len(text.split()) <= 4 and not text.endswith(_SENTENCE_END) and "،" not in text


def _drop_furniture(blocks: Sequence[Block], kinds: list[str | None]) -> list[int]:
    """Indexes of blocks that are not furniture; a section marker swallows its link lines."""
    keep: list[int] = []
    in_section = False
    for index, (block, kind) in enumerate(zip(blocks, kinds)):
        if kind == SECTION:
            in_section = True
            continue
        if in_section and kind is None and is_prose(block.text) and block.kind != HEADING:
            in_section = False
        if kind is None and not in_section:
            keep.append(index)
    return keep


def _is_latin_widget(text: str) -> bool:
    """A short Latin-only line on an Arabic page ("logo", "No stories found.") is furniture."""
    return not _ARABIC.search(text) and len(text.split()) <= 6


def _take_title(blocks: Sequence[Block], keep: list[int]) -> tuple[str | None, list[int]]:
    """Pick the title among the lines before the first prose; what stands above it is chrome.

    A line that the page repeats (or glued to itself) is the title; failing that, the first
    headline-like line of three words or more. Menu entries above the title are dropped.
    """
    head: list[int] = []
    for index in keep:
        if is_prose(blocks[index].text) or blocks[index].kind == PARAGRAPH:
            break
        head.append(index)
    keys = Counter(line_key(blocks[i].text) for i in keep if len(blocks[i].text) <= _MAX_TITLE_CHARS)
    candidates = [i for i in head if _is_headline(blocks[i].text)]
    repeated = [i for i in candidates if keys[line_key(blocks[i].text)] > 1 or blocks[i].kind == "glued"]
    chosen = (repeated or [i for i in candidates if len(blocks[i].text.split()) >= 3] or candidates[:1])
    if not chosen:
        return None, keep
    title_index = chosen[0]
    return blocks[title_index].text, keep[keep.index(title_index) + 1:]


def _is_headline(text: str) -> bool:
    return len(text) <= _MAX_TITLE_CHARS and not text.endswith((".", "…", ":"))


def _drop_title_copies(blocks: list[Block], title: str | None) -> list[Block]:
    if not title:
        return blocks
    key = line_key(title)
    kept = []
    for block in blocks:
        if len(block.text) <= 2 * len(title) + 10 and line_key(block.text) == key:
            continue
        if block.text.startswith(title) and len(block.text) > len(title):
            block = Block(block.text[len(title):].strip(), block.kind)  # title glued to a paragraph
        kept.append(block)
    return kept


def _drop_trailing_furniture(blocks: list[Block]) -> list[Block]:
    last_prose = max((i for i, b in enumerate(blocks) if is_prose(b.text)), default=-1)
    return blocks[: last_prose + 1] if last_prose >= 0 else blocks


def _decide_kind(blocks: list[Block], index: int) -> Block:
    block = blocks[index]
    if block.kind in (HEADING, PARAGRAPH):
        return block
    block = Block(block.text)  # a "glued" mark that survived title selection means nothing now
    text = block.text
    short = len(text.split()) <= _MAX_HEADING_WORDS and not text.endswith(_SENTENCE_END)
    followed_by_prose = any(is_prose(b.text) for b in blocks[index + 1:])
    return Block(text, HEADING if short and followed_by_prose else PARAGRAPH)
