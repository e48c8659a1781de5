"""Score quote extraction and speaker attribution against eval/quotes_gold.jsonl.

    python eval/quotes.py                       # lexicon fallback for entities (see below)
    python eval/quotes.py --pipeline full        # reader, sentences, NER, merge, roles, quotes

Each gold article is read from ../shared/data and run through khabar: with `--pipeline full`,
the named stages from a RawPage (reader → sentences → entities → quotes); with `--pipeline
lexicon` (the default while NER stages are not registered), the Document is built here: the
corpus text, paragraphs from lines, khabar.arabic.split_sentences, and persons from the simple
finder in eval/quotes_people.py; then quotes.cues.v3 runs on it. `--pipeline gold-names` is an
ablation, not a result: the gold speaker names are given as PER entities, to show how much
speaker accuracy depends on the entity stages.

A predicted quote matches a gold quote when it covers at least half of the gold content's word
tokens (compared on folded tokens aligned between the corpus text and Document.text, so the
cleaned text need not keep the corpus offsets); matching is one-to-one, best overlap first.
Speaker accuracy is over matched quotes: the predicted name (entity name, else speaker_text)
equals the gold name after folding and dropping `ال`, or shares its last word, or one name's
words contain the other's. Articles are in gold-file order; the first 40% are dev, the rest test.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "eval")]

from quotes_corpus import DATA, Article, load_articles  # noqa: E402
from quotes_people import find_people, lined_document, person_names  # noqa: E402

from khabar.arabic import fold, tokenize  # noqa: E402
from khabar.document import Document, Entity, Mention  # noqa: E402
from khabar.quotes.lexicon import load_lexicon  # noqa: E402
from khabar.stages.quotes import make_quotes_v3  # noqa: E402

DEFAULT_STAGES = ("clean.auto.v2,segment.sentences.v1,ner.crf.v2,entities.merge.v1,"
                  "entities.roles.v1,quotes.cues.v3")


def lexicon_documents(data: Path, gold: list[dict] | None = None):
    """Documents built here; with `gold`, the entities are the gold speaker names (an ablation)."""
    lexicon, names, stage = load_lexicon(), person_names(data), make_quotes_v3()

    def run(article: Article) -> Document:
        text = article.text
        if gold is None:
            entities = find_people(text, names, lexicon)
        else:
            entities = _gold_names(text, [r["speaker"] for r in gold if r["id"] == article.id])
        doc = lined_document(article.id, text, entities)
        return stage(doc)

    return run


def _gold_names(text: str, speakers: list[str]) -> tuple[Entity, ...]:
    """Every gold speaker name (and its last word) found in the text, as a PER entity."""
    forms = sorted({name for s in speakers for name in s.split("/")}, key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    entities = []
    for number, form in enumerate(forms, 1):
        mentions = []
        for variant in (form, form.split()[-1]):
            at = text.find(variant)
            while at >= 0 and len(variant) > 2:
                if not any(s <= at < e for s, e in taken):
                    taken.append((at, at + len(variant)))
                    mentions.append(Mention(at, at + len(variant), "eval.gold"))
                at = text.find(variant, at + 1)
        if mentions:
            mentions.sort(key=lambda m: m.start)
            entities.append(Entity(f"e{number}", "PER", form, tuple(mentions)))
    return tuple(entities)


def pipeline_documents(stages: str):
    from khabar.inputs import RawPage
    from khabar.pipeline import build_pipeline

    pipeline = build_pipeline(stages.split(","))

    def run(article: Article) -> Document:
        page = RawPage(article.text.encode("utf-8"), format="text", id=article.id,
                       title=article.title)
        return pipeline(page)

    return run


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, fold(t.text)) for t in tokenize(text) if t.kind != "punct"]


def _index_range(words: list[tuple[int, int, str]], start: int, end: int) -> set[int]:
    return {i for i, (s, e, _) in enumerate(words) if s >= start and e <= end}


def _same_speaker(predicted: str, gold: str) -> bool:
    def key(name: str) -> list[str]:
        out = []
        for word in fold(name).replace("#", " ").replace("_", " ").split():
            out.append(word[2:] if word.startswith("ال") and len(word) > 4 else word)
        return out

    for option in gold.split("/"):
        p, g = key(predicted), key(option)
        if p and g and (p == g or p[-1] == g[-1] or set(g) <= set(p) or set(p) <= set(g)):
            return True
    return False


def score(gold: list[dict], documents: dict, articles: dict, show: bool) -> dict:
    by_article = defaultdict(list)
    for record in gold:
        by_article[(record["corpus"], record["id"])].append(record)
    totals = {"gold": 0, "predicted": 0, "matched": 0, "speaker_ok": 0}
    for key, records in by_article.items():
        article, doc = articles[key], documents[key]
        raw, clean = _words(article.text), _words(doc.text)
        mapping = {}
        matcher = difflib.SequenceMatcher(None, [w for *_, w in clean], [w for *_, w in raw],
                                          autojunk=False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mapping[block.a + k] = block.b + k
        entities = {e.id: e.name for e in doc.entities}
        predicted = []
        for quote in doc.quotes:
            covered = {mapping[i] for i in _index_range(clean, quote.content.start,
                                                        quote.content.end) if i in mapping}
            name = entities.get(quote.speaker or "", None) or quote.speaker_text or ""
            predicted.append((covered, name, quote))
        golds = [(_index_range(raw, r["start"], r["end"]), r) for r in records]
        pairs = []
        for g_index, (g_tokens, _) in enumerate(golds):
            for p_index, (p_tokens, _, _) in enumerate(predicted):
                overlap = len(g_tokens & p_tokens)
                if g_tokens and overlap * 2 >= len(g_tokens):
                    pairs.append((overlap / len(g_tokens), g_index, p_index))
        used_g, used_p = set(), set()
        for _, g_index, p_index in sorted(pairs, reverse=True):
            if g_index in used_g or p_index in used_p:
                continue
            used_g.add(g_index)
            used_p.add(p_index)
            ok = _same_speaker(predicted[p_index][1], golds[g_index][1]["speaker"])
            totals["speaker_ok"] += ok
            if show and not ok:
                print(f"SPEAKER {key[1][-40:]}: gold {golds[g_index][1]['speaker']!r} "
                      f"predicted {predicted[p_index][1]!r}")
        if show:
            for g_index, (_, record) in enumerate(golds):
                if g_index not in used_g:
                    snippet = article.text[record["start"] : record["end"]][:70]
                    print(f"MISSED  {key[1][-40:]}: [{record['speaker']}] {snippet}")
            for p_index, (_, name, quote) in enumerate(predicted):
                if p_index not in used_p:
                    snippet = doc.text[quote.content.start : quote.content.end][:70]
                    print(f"EXTRA   {key[1][-40:]}: [{name}] {snippet}")
        totals["gold"] += len(golds)
        totals["predicted"] += len(predicted)
        totals["matched"] += len(used_g)
    return totals


def report(name: str, totals: dict) -> str:
    p = totals["matched"] / totals["predicted"] if totals["predicted"] else 0.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    s = totals["speaker_ok"] / totals["matched"] if totals["matched"] else 0.0
    return (f"| {name} | {totals['gold']} | {totals['predicted']} | {totals['matched']} | "
            f"{p:.3f} | {r:.3f} | {f:.3f} | {s:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(ROOT / "eval" / "quotes_gold.jsonl"))
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--pipeline", choices=("lexicon", "full", "gold-names"),
                        default="lexicon", help="gold-names: an ablation with perfect names")
    parser.add_argument("--stages", default=DEFAULT_STAGES)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="print misses and extras")
    args = parser.parse_args()
    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines()]
    data = Path(args.data)
    if not data.exists():
        sys.exit(f"the corpora are not available: {data} is missing")
    articles = load_articles({r["corpus"] for r in gold}, data)
    if args.pipeline == "full":
        make = pipeline_documents(args.stages)
    else:
        make = lexicon_documents(data, gold if args.pipeline == "gold-names" else None)
    keys = list(dict.fromkeys((r["corpus"], r["id"]) for r in gold))
    documents = {key: make(articles[key]) for key in keys}
    print(f"pipeline: {args.pipeline}; {len(keys)} articles, {len(gold)} gold quotes")
    print("| split | gold | predicted | matched | precision | recall | F1 | speaker accuracy |")
    print("|---|---|---|---|---|---|---|---|")
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    for split in splits:
        part = [r for r in gold if r.get("split") == split]
        chosen = {(r["corpus"], r["id"]) for r in part}
        print(report(split, score(part, {k: documents[k] for k in chosen}, articles,
                                  args.errors)))
    if args.split == "all":
        print(report("all", score(gold, documents, articles, False)))


if __name__ == "__main__":
    main()
