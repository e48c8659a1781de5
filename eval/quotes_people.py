"""A simple person finder for scoring quotes before the NER stages exist (eval only).

It marks as PER: runs of two to four words that start with a known first name (ANERGazet person
list from ../shared/data plus the names in khabar/lexicons/quote_words.tsv), and two words
without the article `ال` right after a reporting verb. A surname seen in a full name is then a
mention of the same person. Groups, titles and organizations are left
to the quotes stage's own speaker words. This is a stand-in; the real evaluation runs the
pipeline's NER and entity-merge stages.
"""

from __future__ import annotations

from pathlib import Path

from khabar.arabic import fold, split_sentences, tokenize
from khabar.document import Document, Entity, Mention, Paragraph, Sentence
from khabar.quotes.lexicon import CueLexicon

_STOP = frozenset(fold(w) for w in (
    "في على عن مع من إلى الى لدى عقب بعد قبل خلال أمام أن إن أنه أنها بأن و أو ثم لـ ل له لها "
    "الذي التي الذين أمس اليوم يوم مساء صباح حيث كما وهو وهي هذا هذه ذلك تلك كان كانت قد لا لم "
    "لن ما منذ حتى بين عبر رغم نحو ضد عند تماما رسميا مجددا ايضا كلية جامعة مدينة منطقة "
    "شمال جنوب شرق غرب وسط قناة وكالة صحيفة موقع").split())


def person_names(data: Path) -> frozenset[str]:
    """Folded first names and surnames from ANERGazet (the persons list)."""
    path = data / "anercorp" / "ANERGazet" / "AlignedPersGazetteer.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(fold(line.strip()) for line in lines if line.strip() and "=" not in line)


def find_people(text: str, names: frozenset[str], lexicon: CueLexicon) -> tuple[Entity, ...]:
    """PER entities with mentions found by the rules above, ids e1, e2, ... in text order."""
    words = [t for t in tokenize(text)]
    folded = [fold(t.text) for t in words]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        run = 0
        if _first_name(folded[i], names, lexicon) or words[i].text == "علي":
            run = _extend(words, folded, i, 4, lexicon)
        elif i > 0 and lexicon.cue(folded[i - 1]) is not None and not folded[i].startswith("ال"):
            run = _extend(words, folded, i, 2, lexicon, plain=True)
        if run >= 2:
            found.append((words[i].start, words[i + run - 1].end))
            i += run
        else:
            i += 1
    entities: dict[str, list[tuple[int, int]]] = {}
    for start, end in found:
        entities.setdefault(fold(text[start:end]), []).append((start, end))
    for key in list(entities):  # a surname alone later in the text
        surname = text[entities[key][0][0] : entities[key][0][1]].split()[-1]
        if len(surname) < 4 or fold(surname) in names:
            continue
        at = text.find(surname)
        while at >= 0:
            span = (at, at + len(surname))
            if not any(s <= at < e for spans in entities.values() for s, e in spans) and \
                    (at == 0 or not text[at - 1].isalpha()) and \
                    (span[1] == len(text) or not text[span[1]].isalpha()):
                entities[key].append(span)
            at = text.find(surname, at + 1)
    out = []
    for number, (key, spans) in enumerate(sorted(entities.items(), key=lambda kv: min(kv[1])), 1):
        start, end = min(spans)
        mentions = tuple(Mention(s, e, "eval.people") for s, e in sorted(spans))
        out.append(Entity(f"e{number}", "PER", text[start:end], mentions))
    return tuple(out)


def _first_name(word: str, names: frozenset[str], lexicon: CueLexicon) -> bool:
    found = lexicon.word(word)
    known = word in names or (found is not None and found[0] == "name")
    return known and len(word) > 2 and word not in _STOP and not word.startswith("ال")


def _extend(words, folded, i: int, most: int, lexicon: CueLexicon, plain: bool = False) -> int:
    run = 0
    for j in range(i, min(len(words), i + most)):
        word = folded[j]
        if words[j].kind != "word" or lexicon.cue(word) is not None or (
                word in _STOP and words[j].text != "علي"):
            break
        found = lexicon.word(word)
        if found is not None and found[0] in ("title", "group", "pronoun"):
            break
        if plain and word.startswith("ال"):
            break
        if j > i and words[j].start - words[j - 1].end > 1:
            break  # a line break or punctuation gap ends a name
        run += 1
    return run


def lined_document(doc_id: str, text: str, entities: tuple) -> Document:
    """A Document whose paragraphs are the text's non-blank lines, split into sentences."""
    paragraphs, cursor = [], 0
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append(Paragraph(cursor, cursor + len(line)))
        cursor += len(line) + 1
    sentences = tuple(Sentence(s, e) for p in paragraphs
                      for s, e in split_sentences(text, p.start, p.end))
    return Document(id=doc_id, text=text, paragraphs=tuple(paragraphs), sentences=sentences,
                    entities=entities)
