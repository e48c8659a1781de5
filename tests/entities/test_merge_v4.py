"""entities.merge.v4: a person's name the tagger cut after `بن` takes the next word (text
written for these tests; the cut mentions are given, as the tagger makes them)."""

from __future__ import annotations

import pytest

from khabar.stages.entities import make_entities_merge_v3, make_entities_merge_v4


@pytest.fixture(scope="module")
def mergers():
    return make_entities_merge_v3(gazetteer=False), make_entities_merge_v4(gazetteer=False)


def persons(doc):
    return [e.name for e in doc.entities if e.type == "PER"]


@pytest.mark.parametrize(("text", "cut", "whole"), [
    ("وشكر اللاعبون الأمير خالد بن مساعد على دعمه المتواصل للفريق.", "خالد بن",
     "خالد بن مساعد"),
    ("واستقبل المحافظ الشيخ سالم بن نائب آل أمين في مكتبه أمس.", "سالم بن",
     "سالم بن نائب آل أمين"),
])
def test_v4_completes_a_name_cut_after_bin(mergers, mentions_doc, text, cut, whole):
    v3, v4 = mergers
    assert whole not in persons(v3(mentions_doc(text, [(cut, "PER")])))
    assert persons(v4(mentions_doc(text, [(cut, "PER")]))) == [whole]


def test_v4_takes_no_particle_and_no_word_of_another_mention(mergers, mentions_doc):
    v4 = mergers[1]
    text = "وصل رئيس الوزراء الياباني شينزو آبي إلى بكين أمس، وقال فهد بن في الحفل إن الزيارة مهمة."
    doc = v4(mentions_doc(text, [("شينزو آبي", "PER"), ("بكين", "LOC"), ("فهد بن", "PER")]))
    assert persons(doc) == ["شينزو آبي", "فهد بن"]


def test_v4_reads_a_place_named_by_its_noun(mergers, mentions_doc):
    v3, v4 = mergers
    text = ("وباشرت فرق الإنقاذ في محافظة الوادي البلاغ، ونقلت المصابين إلى مخيم الأمل ثم إلى "
            "المنطقة الصناعية ومنطقة التجارة الحرة قرب منطقة عازلة.")

    def places(doc):
        return sorted(e.name for e in doc.entities if e.type == "LOC")

    assert places(v3(mentions_doc(text, []))) == []
    assert places(v4(mentions_doc(text, []))) == ["محافظة الوادي", "مخيم الأمل"]
