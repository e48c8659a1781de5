"""The entity stages as pipeline stages: contracts, options, and offsets on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.document import Document, Entity, Mention
from khabar.errors import ConfigError
from khabar.pipeline import REGISTRY
from khabar.stages import dates, entity_roles, quantities  # noqa: F401  (registers the stages)
from khabar.stages.entity_roles import make_entities_merge, make_entities_roles


@pytest.mark.parametrize(
    ("name", "requires", "produces"),
    [
        ("entities.merge.v1", {"entities.mentions"}, {"entities"}),
        ("entities.roles.v1", {"entities"}, {"entities.roles"}),
        ("dates.v1", {"sentences"}, {"dates"}),
        ("quantities.v1", {"sentences"}, {"quantities"}),
    ],
)
def test_stage_is_registered_with_its_contract(name, requires, produces):
    spec = REGISTRY[name]
    assert (set(spec.requires), set(spec.produces)) == (requires, produces)
    assert spec.summary


def test_merge_rejects_a_gazetteer_option_that_is_not_a_boolean():
    with pytest.raises(ConfigError):
        make_entities_merge(gazetteer="yes")


def test_roles_keep_the_document_json_lossless():
    text = "قال وزير الخارجية المصري، سامي رضوان، إن المحادثات مثمرة."
    start = text.index("سامي")
    doc = Document(id="t", text=text, entities=(Entity("m1", "PER", "سامي رضوان",
                                                       (Mention(start, start + 10, "ner.crf.v2"),)),))
    doc = make_entities_roles()(make_entities_merge()(doc))
    assert doc.entities[0].roles
    assert Document.from_json(doc.to_json()) == doc


_WORDS = st.sampled_from([
    "وزير", "الدفاع", "الأمريكي", "،", "آشتون", "كارتر", "نظيره", "التركي", "فكري", "إشيق",
    "منسقة", "العمليات", "للأمم", "المتحدة", "في", "العراق", "الرئيس", "رئيس", "الوزراء",
    "خارجية", "قطر", "باسم", "حركة", "حماس", ".", "\n", "و", "بنظيره", "الأمين", "العام", "داعش",
])


@st.composite
def tagged_documents(draw):
    """Arbitrary text from title-like words, with arbitrary (possibly odd) mention spans."""
    text = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=30)))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(1, 15),
                                    st.sampled_from(["PER", "ORG", "LOC", "MISC"])), max_size=8))
    entities = tuple(
        Entity(f"m{i}", kind, text[s:min(s + n, len(text))], (Mention(s, min(s + n, len(text))),))
        for i, (s, n, kind) in enumerate(spans, start=1) if s < len(text)
    )
    return Document(id="t", text=text, entities=entities)


MERGE, ROLES = make_entities_merge(), make_entities_roles()


@settings(max_examples=100, deadline=None)
@given(tagged_documents())
def test_entity_stages_keep_every_offset_inside_the_text(doc):
    out = ROLES(MERGE(doc))
    assert [e.id for e in out.entities] == [f"e{i}" for i in range(1, len(out.entities) + 1)]
    for entity in out.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(doc.text)
        for role in entity.roles:
            assert entity.type == "PER"
            assert 0 <= role.evidence.start < role.evidence.end <= len(doc.text)
            assert role.title
