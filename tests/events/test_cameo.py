"""The project's CAMEO -> PLOVER table."""

import pytest

from khabar.events.cameo import load_cameo_table


@pytest.mark.parametrize(
    ("cameo", "plover"),
    [
        ("010", None),
        ("020", None),
        ("036", "AGREE"),
        ("041", "CONSULT"),
        ("051", "SUPPORT"),
        ("062", "COOPERATE"),
        ("073", "AID"),
        ("083", "CONCEDE"),
        ("0841", "RETREAT"),
        ("0813", "RETREAT"),
        ("090", "ACCUSE"),
        ("1053", "REQUEST"),
        ("111", "ACCUSE"),
        ("120", "REJECT"),
        ("138", "THREATEN"),
        ("141", "PROTEST"),
        ("154", "MOBILIZE"),
        ("161", "SANCTION"),
        ("163", "COERCE"),
        ("173", "COERCE"),
        ("1712", "ASSAULT"),
        ("175", "ASSAULT"),
        ("183", "ASSAULT"),
        ("191", "COERCE"),
        ("195", "ASSAULT"),
        ("2041", "ASSAULT"),
    ],
)
def test_cameo_codes_map_to_plover_types(cameo, plover):
    assert load_cameo_table().plover(cameo) == plover


def test_every_cameo_root_has_a_name():
    table = load_cameo_table()
    assert all(table.root_name(f"{root:02d}0") for root in range(1, 21))
