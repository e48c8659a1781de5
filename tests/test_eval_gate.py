"""The eval gate: each capability scored on its fixed subset of ../shared/data must stay at or
above its floor in eval/floors.toml. A drop fails; an improvement needs no change anywhere."""

from __future__ import annotations

import pytest

from eval import gate

CAPABILITIES = ("ner", "roles", "measures", "extraction", "quotes", "events", "stories")


def test_every_capability_has_a_subset_and_floors():
    floors = gate.load_floors()
    assert sorted(floors) == sorted(CAPABILITIES) == sorted(gate.MEASURES)
    for capability, entry in floors.items():
        assert {"subset", "data", "size"} <= set(entry), capability
        assert any(isinstance(value, float) for value in entry.values()), capability


@pytest.mark.parametrize("values, expected", [
    ({"f1": 0.80, "recall": 0.70}, []),
    ({"f1": 0.71, "recall": 0.70}, ["f1 0.710 < floor 0.720"]),
])
def test_a_value_under_its_floor_is_a_shortfall(values, expected):
    floors = gate.load_floors()["ner"]
    values = {**{k: v for k, v in floors.items() if isinstance(v, float)}, **values}
    assert gate.shortfalls("ner", values) == expected


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
