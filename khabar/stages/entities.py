"""Named-entity mentions from the trained CRF tagger (khabar.ner): stages `ner.crf.v2` (the CRF)
and `ner.neural.v2` (the CRF and a small convolutional network decoded together); and
`entities.merge.v3`, which merges them into the article's entities (khabar.entities.article).

The `.v1` names were the same stages before their article-level step and retrained lists
changed their output (docs/changelog.md).

Each sentence is split into khabar tokens and tagged with BIO labels (PER, ORG, LOC, MISC);
confident names are then propagated to their untagged repeats in the article, and words the
model never saw fall back on the hand-written lists (khabar.ner.context). Every span becomes one
Entity with a single Mention (ids m1, m2, … in text order);
a later merge stage groups mentions into per-article entities. A leading proclitic (و ف ب ل ك
and their combinations) is trimmed off the span when the rest is a plausible name, so
`بالعراق` gives the span `العراق` (khabar.ner.clitics, docs/ner.md).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from khabar.arabic import fold, tokenize, without_hashtag_marks
from khabar.document import DATELINE, Document, Entity, Mention
from khabar.entities.article import load_article_lexicons, merge_article
from khabar.errors import ConfigError
from khabar.ner import tagger as ner_files
from khabar.ner.tagger import MODEL_DIR, NerTagger, load_tagger
from khabar.pipeline import model_identity, register, with_models

STAGE = "ner.crf.v2"
NEURAL_STAGE = "ner.neural.v2"
MERGE_V3 = "entities.merge.v3"
MERGE_V4 = "entities.merge.v4"
MERGE_V5 = "entities.merge.v5"
# Each NER stage adds one entity per mention; entities.merge.v1 merges them per article.
PRODUCES = ("entities.mentions",)


@register(STAGE, requires=("sentences",), produces=PRODUCES)
def make_ner(*, model_dir: str | None = None) -> Callable[[Document], Document]:
    """Find PER, ORG, LOC and MISC mentions with the trained CRF tagger.

    Args:
        model_dir: a directory holding another trained model (default: the shipped one).
    """
    directory = Path(model_dir) if model_dir else MODEL_DIR
    return with_models(_finder(load_tagger(directory), STAGE), _identity(directory, neural=False))


@register(NEURAL_STAGE, requires=("sentences",), produces=PRODUCES)
def make_ner_neural(*, model_dir: str | None = None) -> Callable[[Document], Document]:
    """Find PER, ORG, LOC and MISC mentions with the CRF and a small neural network together.

    The network's label scores are added to the CRF's before decoding (khabar.ner.neural);
    everything else is as in `ner.crf.v2`.

    Args:
        model_dir: a directory holding another trained model (default: the shipped one).
    """
    directory = Path(model_dir) if model_dir else MODEL_DIR
    return with_models(_finder(load_tagger(directory, neural=True), NEURAL_STAGE),
                       _identity(directory, neural=True))


def _identity(directory: Path, *, neural: bool):
    """The model's name (its directory) and the hash of the files `load_tagger` reads."""
    names = [ner_files.MODEL_FILE, ner_files.CLUSTER_FILE, ner_files.ENTITY_WORDS_FILE,
             ner_files.PRIORS_FILE, ner_files.VECTORS_FILE, ner_files.EMISSIONS_FILE]
    if neural:
        names.append(ner_files.NEURAL_FILE)
    files = [directory / name for name in names if (directory / name).exists()]
    return model_identity(directory.name, files)


def _finder(tagger: NerTagger, stage: str) -> Callable[[Document], Document]:
    trimmer = tagger.trimmer()

    def find_mentions(doc: Document) -> Document:
        tokens = [without_hashtag_marks(tokenize(doc.text, s.start, s.end)) for s in doc.sentences]
        tokens = [sentence for sentence in tokens if sentence]
        found: list[Entity] = []
        number = len(doc.entities)
        words = [[token.text for token in sentence] for sentence in tokens]
        found_spans = tagger.document_spans(words)
        # The words of the article's names: `لبومبيو` is ل + بومبيو when `مايك بومبيو` is there.
        article = frozenset(fold(sentence[k].text) for sentence, spans in zip(tokens, found_spans)
                            for span in spans for k in range(span.start, span.end))
        for sentence, spans in zip(tokens, found_spans, strict=True):
            for span in spans:
                # A name never opens with a mark: the full stop of `د. فلان` read into it
                first = next((k for k in range(span.start, span.end)
                              if sentence[k].kind != "punct"), None)
                if first is None:
                    continue
                start = sentence[first].start
                end = sentence[span.end - 1].end
                start += trimmer.cut(doc.text[start : sentence[first].end], article)
                number += 1
                found.append(Entity(
                    id=f"m{number}", type=span.label, name=doc.text[start:end],
                    mentions=(Mention(start, end, stage=stage, score=span.score),),
                ))
        return dataclasses.replace(doc, entities=doc.entities + tuple(found))

    return find_mentions


@register(MERGE_V3, requires=("entities.mentions",), produces=("entities",))
def make_entities_merge_v3(*, gazetteer: bool = True) -> Callable[[Document], Document]:
    """Merge mentions into entities per article; also bodies with no head noun; no common word as a person.

    As `entities.merge.v2`, and also: a ministry named by its portfolio (`الخارجية الأمريكية`),
    a club named alone in an article about sport (`لاعب الهلال`), and no person made of common
    words or a product's name (`باحثون`, `SmartThinQ`; khabar.entities.person_check).

    Options:
        gazetteer: also tag places and organizations from the project's lexicons that no
            mention covers (never persons). On by default.
    """
    return _article_merger(MERGE_V3, gazetteer, lineage=False)


@register(MERGE_V4, requires=("entities.mentions",), produces=("entities",))
def make_entities_merge_v4(*, gazetteer: bool = True) -> Callable[[Document], Document]:
    """Merge mentions as `entities.merge.v3`; names cut after `بن` completed; places by their noun.

    The tagger stops some names before a word that is also a title (`عبدالله بن مساعد` read as
    `عبدالله بن`, and `مساعد` then as his title); no name ends in `بن`, `بنت`, `آل` or `أبو`.
    A governorate, region, camp, district or village named by its noun and one word is a place
    (`محافظة العيص`, `منطقة الجوف`, `مخيم الزعتري`; bodies_v4.tsv).

    Options:
        gazetteer: as for `entities.merge.v3`.
    """
    return _article_merger(MERGE_V4, gazetteer, lineage=True)


@register(MERGE_V5, requires=("entities.mentions",), produces=("entities",))
def make_entities_merge_v5(*, gazetteer: bool = True) -> Callable[[Document], Document]:
    """Merge mentions as `entities.merge.v3`; names after `بن` whole; media by their head; split names joined.

    As `entities.merge.v3`, with v4's names completed after `بن` (not its heads of places,
    whose chains ran past the name's end: `منطقة جازان لهذا العدوان`), and also:
    - news media and deanships named by their head noun (`صحيفة الوئام`, `إذاعة مونت كارلو`,
      `عمادة القبول والتسجيل`), and groups, factories and clinics with a name in their chain
      (`مجموعة بن لادن`; bodies_v5.tsv);
    - a name the tagger cut before `الله` takes the word before it (`ضيف الله سحيمان`), and a
      given name it left out between a title and the name is taken in (`الرئيس المخلوع علي
      عبدالله صالح`);
    - mentions of one type that together spell a lexicon name are that name (`المدينة` +
      `المنورة` → `المدينة المنورة`);
    - a town of an Arab League country in the shipped places gazetteer, named right after a
      noun of a place or the governor's title and left untagged, is a place (`محافظتي حجة
      وصعدة`, `بمدينة المذنب`, `محافظ شقراء`);
    - the outlet and the writer of a dashed dateline are an organization and a person
      (`سلوى المدني – عين اليوم`);
    - no person or body inside a competition's name (`دوري عبداللطيف جميل`), no person in a
      formula with God's name (`ولله الحمد`) or an honorific alone (`معالي`), and an institution
      or a place named for a king or a prince is one name (`مدينة الملك عبدالله للطاقة الذرية`);
    - the quoted name after a body's head noun is an organization (`شركة «ميلوارد براون»`).

    Options:
        gazetteer: as for `entities.merge.v3`.
    """
    return _article_merger(MERGE_V5, gazetteer, lineage=True, joined=True)


_LEXICON_VERSION = {MERGE_V4: 4, MERGE_V5: 5}


def _article_merger(stage: str, gazetteer: bool, *, lineage: bool,
                    joined: bool = False) -> Callable[[Document], Document]:
    if not isinstance(gazetteer, bool):
        raise ConfigError("E103", option="gazetteer", detail="expected true or false")
    # the v3 role lexicon's nationalities and title words; v4 also the heads of places
    lexicons = load_article_lexicons(version=_LEXICON_VERSION.get(stage, 3))

    def merge(doc: Document) -> Document:
        datelines = [(p.start, p.end) for p in doc.paragraphs if p.kind == DATELINE]
        entities = merge_article(doc.text, doc.entities, lexicons, stage=stage, gazetteer=gazetteer,
                                 sentences=doc.sentences, lineage=lineage, joined=joined,
                                 datelines=datelines)
        return dataclasses.replace(doc, entities=entities)

    if lexicons.upos is None:
        return merge
    # v5 reads bodies' proper names with the syntax model's UPOS tagger (and its word clusters)
    from khabar.syntax.model import default_clusters_path, default_model_path
    return with_models(merge, model_identity("syntax", [default_model_path(),
                                                        default_clusters_path()]))
