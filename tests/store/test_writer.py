"""The writer: one record the database refuses is stored as a failure, the rest of its batch as usual."""

from __future__ import annotations

import json

import pytest

from khabar.document import Document, Entity, Mention, Offsets, Role, Source
from khabar.store import open_store
from khabar.batch.ingest import ingest
from khabar.store.sqlite import dump

TEXT = ("أعلن وزير الخارجية الأردني أيمن الصفدي اليوم في عمّان أن المحادثات مع الوفد المصري تناولت "
        "مشروعات المياه والطاقة، وقال إن الجانبين اتفقا على لقاء جديد في القاهرة الشهر المقبل.")


def _good(doc_id: str, day: str) -> Document:
    safadi = Entity("e1", "PER", "أيمن الصفدي", mentions=(Mention(27, 38),),
                    roles=(Role("وزير الخارجية", "الأردن", Offsets(5, 26)),))
    amman = Entity("e2", "LOC", "عمّان", mentions=(Mention(50, 55),))
    return Document(id=doc_id, text=f"{TEXT} ({doc_id})", title=f"الصفدي يبحث مشروعات المياه ({doc_id})",
                    source=Source(name="الشروق", url=f"https://alshorouk.example/{doc_id}"),
                    published=day, entities=(safadi, amman))


def _bad(kind: str) -> Document:
    doc = _good("bad", "2024-05-02")
    if kind == "source":  # a metadata field given as a JSON list in the input record
        return Document(**{**_fields(doc), "source": Source(name=["الشروق", "النهار"], url=doc.source.url)})
    if kind == "role":  # refused late: after the document, its search terms and its entities
        role = Role(["وزير", "الخارجية"], "الأردن", Offsets(5, 26))
        entity = Entity("e1", "PER", "أيمن الصفدي", mentions=(Mention(27, 38),), roles=(role,))
        return Document(**{**_fields(doc), "entities": (entity,)})
    if kind == "published":
        return Document(**{**_fields(doc), "published": {"date": "2024-05-02"}})
    raise AssertionError(kind)


def _fields(doc: Document) -> dict:
    return {name: getattr(doc, name) for name in doc.__dataclass_fields__}


def _rows(store, table: str) -> list[str]:
    return [line for line in dump(store) if line.startswith(table + " ")]


# Tables whose rows do not hold document numbers, so they compare across stores directly.
_SHARED = ("entities", "entity_names", "stories", "story_outlets", "topic_df")


@pytest.mark.parametrize("kind", ["source", "role", "published"])
def test_a_record_the_database_refuses_becomes_a_failure_and_the_batch_is_stored(tmp_path, kind):
    good = [_good("a", "2024-05-01"), _good("b", "2024-05-03")]
    with open_store(tmp_path / "mixed.db") as mixed, open_store(tmp_path / "good.db") as clean:
        result = mixed.write_documents([good[0], _bad(kind), good[1]])
        clean.write_documents(good)
        assert result.outcomes == {"stored": 3}
        assert list(result.failed) == [1]
        assert mixed.counts()["documents"] == {"ok": 2, "failed": {"store_error": 1}}
        failed = mixed.get_document("bad")
        assert failed.status == "failed" and failed.reason.code == "store_error"
        assert failed.reason.stage == "store.write" and failed.reason.message
        assert all(isinstance(v, (str, type(None))) for v in (failed.source.name, failed.published))
        # what the refused record had written before the error is rolled back
        for table in _SHARED:
            assert _rows(mixed, table) == _rows(clean, table), table
        assert [h.id for h in mixed.search("الصفدي").hits] == [h.id for h in clean.search("الصفدي").hits]
        assert mixed.story_id("b") == clean.story_id("b")


def test_writing_a_batch_with_a_refused_record_again_adds_nothing(tmp_path):
    docs = [_good("a", "2024-05-01"), _bad("source"), _good("b", "2024-05-03")]
    with open_store(tmp_path / "k.db") as store:
        store.write_documents(docs)
        before = list(dump(store))
        again = store.write_documents(docs)
        assert again.outcomes == {"skipped": 3} and not again.failed
        assert list(dump(store)) == before


def test_ingest_of_a_record_with_a_list_for_its_source_finishes_and_stores_the_others(tmp_path):
    records = [{"id": f"r{i}", "source": "الشروق", "url": f"https://alshorouk.example/r{i}",
                "title": f"الصفدي يبحث مشروعات المياه {i}", "published": "2024-05-01", "text": f"{TEXT} ({i})"}
               for i in range(3)]
    records[1]["source"] = ["الشروق", "النهار"]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with open_store(tmp_path / "k.db") as store:
        summary = ingest([str(path)], store)
        assert summary.analysis.processed == 3
        # the reader may reject the record or make the list a string; if it passes it on, the writer
        # stores a failure: either way the run ends and the other records are stored
        statuses = {d["id"]: d["status"] for d in store.documents()}
        assert len(statuses) == 3 and statuses["r0"] == statuses["r2"] == "ok"
        assert ingest([str(path)], store).skipped == 3
