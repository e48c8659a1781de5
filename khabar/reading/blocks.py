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

from khabar.document import DATELINE, HEADING, PARAGRAPH
from khabar.reading.dateline import is_dateline
from khabar.reading.boilerplate import DOMAIN, OUTLET, SECTION, LineClassifier, line_key
from khabar.reading.lines import MENU, TEASER, LineJudge
from khabar.reading.title import Candidate, choose_title

_SENTENCE_END = tuple(".!?؟…:\"»”')")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MAX_HEADING_WORDS = 12
_MAX_TITLE_CHARS = 300
_CLOSES_SENTENCE = re.compile(r"[.!?؟…][\"»”')]*$")
_QUOTE_ENDS = ("\"", "»", "”", "!", "؟", "?")
_SUFFIX = re.compile(r"\s*[-|–—:]\s*\S[^.!?؟]{0,60}$")
_LEAD_PARAGRAPHS = 3  # how many first paragraphs a title is compared with,
_LEAD_CHARS = 600  # and how much of each
# Reason codes of removals decided by position and repetition (docs/cleaning.md).
LATIN_WIDGET, RELATED, REPEATED, ABOVE_TITLE, TITLE, TITLE_COPY, TAIL = (
    "latin_widget", "related", "repeated", "above_title", "title", "title_copy", "tail")


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
    removals: tuple[Removal, ...] = ()


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


@dataclass(frozen=True, slots=True)
class Removal:
    """A line that cleaning removed: its position among the page's non-empty lines (from 0),
    why (a reason code of docs/cleaning.md), and its text."""

    line: int
    reason: str
    text: str


def clean_blocks(blocks: Sequence[Block], classifier: LineClassifier, *,
                 title_hint: str | None = None, url: str | None = None,
                 judge: LineJudge | None = None) -> Draft:
    """Apply the rules in the module docstring to blocks in page order."""
    judge = judge or LineJudge.load(classifier.networks)
    blocks = [_unglued(_without_glued_furniture(Block(squeeze(b.text), b.kind), classifier))
              for b in blocks if b.text.strip()]
    blocks = [b for b in blocks if b.text]
    why: dict[int, str] = {}
    kinds = [classifier.kind(b.text) for b in blocks]
    source_name, domain = _find_source(blocks, kinds, classifier)
    keep = _drop_furniture(blocks, kinds, why, lambda block: _is_good(block, judge))
    arabic_page = any(_ARABIC.search(blocks[i].text) for i in keep)
    keep = _drop(keep, why, LATIN_WIDGET, lambda i: arabic_page and _is_latin_widget(blocks[i].text))
    features = {i: judge.features(blocks[i].text) for i in keep}
    verdicts = {i: judge.reason(blocks[i].text, features[i]) for i in keep}
    good = [i for i in keep if verdicts[i] is None and features[i].is_good()]
    while good and _is_title_with_suffix(blocks, keep, keep.index(good[0])):
        good.pop(0)  # only the head can hold a title with its site's name
    # Above the body a teaser (`رياضة | <headline>`) may be the title itself (`مصر: <title>`):
    # title selection weighs those by their agreement with the body.
    first_good = good[0] if good else len(blocks)
    last_good = good[-1] if good else -1
    teasers = {i for i in keep if verdicts[i] == TEASER and i < first_good}
    # Between paragraphs a section's name alone (`الاقتصاد`) is the article's subheading.
    subheadings = {i for i in keep if verdicts[i] == MENU and first_good < i < last_good
                   and len(blocks[i].text.split()) <= 2}
    keep = _drop(keep, why, None, lambda i: None if i in teasers or i in subheadings else verdicts[i],
                 blocks=blocks)
    keep = _drop_repeated_short_lines(blocks, keep, good, why)
    title = collapse_glued(squeeze(title_hint)) if title_hint else None
    if title is None:
        title, keep = _take_title(blocks, keep, good, why, judge, url, teasers)
    kept = _drop_title_copies([(i, blocks[i]) for i in keep], title, why)
    kept = _drop_trailing_furniture(kept, good, judge, why)
    kept_blocks = [b for _, b in kept]
    prose = [i for i, b in enumerate(kept_blocks) if is_prose(b.text)]  # read once, not per block
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(kept_blocks), -1)
    final = tuple(_decide_kind(b, i, first_prose, last_prose) for i, b in enumerate(kept_blocks))
    removals = tuple(Removal(i, why[i], blocks[i].text) for i in sorted(why))
    return Draft(title, final, source_name, domain, len(blocks) - len(final), removals)


def _drop(keep: list[int], why: dict[int, str], reason: str | None, test, *,
          blocks: Sequence[Block] = ()) -> list[int]:
    """`keep` without the indexes `test` flags; each dropped index gets its reason code (the
    fixed `reason`, or what `test` returned)."""
    kept = []
    for index in keep:
        verdict = test(index)
        if verdict and not (blocks and blocks[index].kind == HEADING and verdict == TEASER):
            why[index] = reason or verdict
        else:
            kept.append(index)
    return kept


def _is_title_with_suffix(blocks: Sequence[Block], keep: list[int], position: int) -> bool:
    """`<title> - <site name>`: a line that is a nearby line plus a separator and a few words
    (a long title makes it look like prose). `position` is the line's place in `keep`."""
    index = keep[position]
    text = blocks[index].text
    if len(text) > 2 * _MAX_TITLE_CHARS:
        return False
    for other in keep[max(0, position - 5): position + 6]:
        head = blocks[other].text
        if (other != index and len(head.split()) >= 3 and text.startswith(head)
                and _SUFFIX.match(text, len(head))):
            return True
    return False


def _is_good(block: Block, judge: LineJudge) -> bool:
    return judge.features(block.text).is_good()


def _drop_repeated_short_lines(blocks: Sequence[Block], keep: list[int], good: list[int],
                               why: dict[int, str]) -> list[int]:
    """After the article, a line that is not prose and comes back on the page (a menu at the
    top and the bottom, a headline in a teaser and in a list) is the site's. Inside the article
    a repeated line is the writer's (a refrain, a subheading used twice); above it, title
    selection settles the title's copies."""
    good_set = set(good)
    last_good = good[-1] if good else len(blocks)
    after = [i for i in keep if i > last_good]
    if not after:
        return keep
    first_good = good[0] if good else -1
    keys = {i: line_key(blocks[i].text) for i in keep
            if not first_good <= i <= last_good and len(blocks[i].text) <= _MAX_TITLE_CHARS}
    counts = Counter(keys.values())
    out = []
    for index in keep:
        if index > last_good and counts[keys.get(index, "")] > 1 and index in keys:
            why[index] = REPEATED
        else:
            out.append(index)
    return out


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


def _drop_furniture(blocks: Sequence[Block], kinds: list[str | None], why: dict[int, str],
                    resumes) -> list[int]:
    """Indexes of blocks that are not furniture; a section marker swallows its link lines
    until a line that `resumes` the article (a good paragraph: headlines may end like
    sentences, with `؟` or `!`)."""
    keep: list[int] = []
    in_section = False
    for index, (block, kind) in enumerate(zip(blocks, kinds)):
        if kind == SECTION:
            in_section = True
            why[index] = SECTION
            continue
        if in_section and kind is None and resumes(block) and block.kind != HEADING:
            in_section = False
        if kind is None and not in_section:
            keep.append(index)
        else:
            why[index] = kind or RELATED
    return keep


def _is_latin_widget(text: str) -> bool:
    """A short Latin-only line on an Arabic page ("logo", "No stories found.") is furniture."""
    return not _ARABIC.search(text) and len(text.split()) <= 6


def _take_title(blocks: Sequence[Block], keep: list[int], good: list[int], why: dict[int, str],
                judge: LineJudge, url: str | None, teasers: set[int]) -> tuple[str | None, list[int]]:
    """Pick the title among the lines before the first good paragraph; what stands above it
    is chrome.

    The title is the headline-like line that agrees best with the first paragraphs and the URL
    (khabar/reading/title.py), a line the page repeats counting extra; failing any agreement,
    the line the page repeats, or else the first headline-like line of three words or more."""
    # The head ends at the first good paragraph; on a page without one (a poem, a list), at
    # the first prose, and the title is the first headline-like line there.
    good_set = set(good)
    ends_head = ((lambda i: i in good_set) if good else (lambda i: is_prose(blocks[i].text)))
    head: list[int] = []
    for index in keep:
        if ends_head(index) or blocks[index].kind == PARAGRAPH:
            break
        head.append(index)
    keys = Counter(line_key(blocks[i].text) for i in keep if len(blocks[i].text) <= _MAX_TITLE_CHARS)
    candidates = [Candidate(i, blocks[i].text,
                            repeated=keys[line_key(blocks[i].text)] > 1 or blocks[i].kind == "glued",
                            teaser=i in teasers)
                  for i in head if _is_headline(blocks[i].text) and not is_dateline(blocks[i].text)]
    lead = [blocks[i].text[:_LEAD_CHARS] for i in good[:_LEAD_PARAGRAPHS]]
    agreed = choose_title(candidates, lead, stop=judge.stop, url=url) if good else None
    repeated = [c for c in candidates if c.repeated]
    chosen = (agreed or (repeated[0] if repeated else None)
              or next((c for c in candidates if len(c.text.split()) >= 3), None)
              or (candidates[0] if candidates else None))
    if chosen is None:
        return None, keep
    position = keep.index(chosen.index)
    key = line_key(chosen.text)
    datelines = []  # a dateline above the title is the article's, not the site's chrome
    for index in keep[:position]:
        if is_dateline(blocks[index].text):
            datelines.append(index)
        else:
            why[index] = TITLE_COPY if line_key(blocks[index].text) == key else ABOVE_TITLE
    why[chosen.index] = TITLE
    return chosen.text, datelines + keep[position + 1:]


def _is_headline(text: str) -> bool:
    return len(text) <= _MAX_TITLE_CHARS and not text.endswith((".", "…", ":"))


def _drop_title_copies(blocks: list[tuple[int, Block]], title: str | None,
                       why: dict[int, str]) -> list[tuple[int, Block]]:
    if not title:
        return blocks
    key = line_key(title)
    kept = []
    for index, block in blocks:
        if len(block.text) <= 2 * len(title) + 10 and line_key(block.text) == key:
            why[index] = TITLE_COPY
            continue
        if block.text.startswith(title) and len(block.text) > len(title):
            block = Block(block.text[len(title):].strip(), block.kind)  # title glued to a paragraph
        kept.append((index, block))
    return kept


def _drop_trailing_furniture(blocks: list[tuple[int, Block]], good: list[int], judge: LineJudge,
                             why: dict[int, str]) -> list[tuple[int, Block]]:
    """What trails the article goes. The article ends with its last good paragraph or the last
    line after it that closes like the article's own sentences (a statement, a closing
    quotation); a headline does not, even one that ends with `؟` or `!`. Without any good
    paragraph, and for the blocks an HTML extractor already chose, it ends with the last
    prose line."""
    good_set = set(good)
    last_good = max((n for n, (i, _) in enumerate(blocks) if i in good_set), default=-1)
    extracted = any(b.kind is not None for _, b in blocks)  # HTML: the extractor kept these
    if last_good >= 0 and not extracted:
        end = 1 + max((n for n in range(last_good, len(blocks))
                       if n == last_good or _continues_article(blocks[n][1].text, judge)))
    else:
        end = 1 + max((n for n, (_, b) in enumerate(blocks) if is_prose(b.text)), default=len(blocks) - 1)
    for index, _ in blocks[end:]:
        why[index] = TAIL
    return blocks[:end]


def _continues_article(text: str, judge: LineJudge) -> bool:
    """A short closing statement of the article (or an item of its closing list), not a
    headline: those end without a full stop, or with a question or exclamation mark. A closing
    quotation that opens with the conjunction و (`وأضاف: "..."`) is the article's too:
    headlines do not open with it."""
    features = judge.features(text)
    if features.ends_statement:
        return features.words >= 3
    return features.words >= 5 and text.startswith("و") and text.endswith(_QUOTE_ENDS)


def _decide_kind(block: Block, index: int, first_prose: int, last_prose: int) -> Block:
    """The block's kind, from its place among the prose blocks (the first and the last)."""
    if index < first_prose and block.kind != HEADING and is_dateline(block.text):
        return Block(block.text, DATELINE)  # only above the body: later it is a subheading
    if block.kind in (HEADING, PARAGRAPH):
        return block
    block = Block(block.text)  # a "glued" mark that survived title selection means nothing now
    text = block.text
    short = len(text.split()) <= _MAX_HEADING_WORDS and not text.endswith(_SENTENCE_END)
    return Block(text, HEADING if short and index < last_prose else PARAGRAPH)
