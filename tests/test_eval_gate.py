"""The eval gate: each capability scored on its fixed subset of ../shared/data must stay at or
above its floor in eval/floors.toml. A drop fails; an improvement needs no change anywhere."""

from __future__ import annotations

import pytest

from eval import gate

CAPABILITIES = ("ner", "roles", "measures", "extraction", "quotes", "events", "stories", "places",
                "roles_news")


def test_every_capability_has_a_subset_and_floors():
    floors = gate.load_floors()
    assert sorted(floors) == sorted(CAPABILITIES) == sorted(gate.MEASURES)
    for capability, entry in floors.items():
        assert {"subset", "data", "size"} <= set(entry), capability
        assert any(isinstance(value, float) for value in entry.values()), capability


@pytest.mark.parametrize("change, expected", [(0.0, 0), (0.01, 0), (-0.001, 1)])
def test_a_value_under_its_floor_is_a_shortfall(change, expected):
    floors = {k: v for k, v in gate.load_floors()["ner"].items() if isinstance(v, float)}
    values = {**floors, "f1": floors["f1"] + change}
    found = gate.shortfalls("ner", values)
    assert len(found) == expected and all(s.startswith("f1 ") for s in found)


@pytest.mark.shared
@pytest.mark.slow  # about a minute in all: `make test` runs it, the quick loop leaves it out
@pytest.mark.parametrize("capability", CAPABILITIES)
def test_capability_stays_above_its_floors(capability):
    missing = [folder for folder in gate.needed_data(capability) if not folder.exists()]
    if missing:
        pytest.skip(f"needs the public sets at {', '.join(map(str, missing))} "
                    "(the shared/ folder beside the repo)")
    values = gate.measure(capability)
    assert not gate.shortfalls(capability, values), (
        f"{capability} fell under its floor on {gate.load_floors()[capability]['subset']}: "
        f"{gate.shortfalls(capability, values)} (python -m eval.gate {capability})")
