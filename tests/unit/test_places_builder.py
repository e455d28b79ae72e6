"""The gazetteer builder's filter for small towns of the region (pipeline/training/places.py) and the form
of the shipped gazetteer it wrote."""

from __future__ import annotations

from pipeline.lexicons import places
from pipeline.training.places import regional_town_ok

CLASSES = {"سلطات": "n", "لغه": "n", "سلمي": "a", "حوار": "m", "نايف": "N"}
FREQ = {"الجديده": 8, "لغات": 2, "حوار": 9}


def ok(key: str) -> bool:
    return regional_town_ok(key, CLASSES, FREQ, given={"صلاح", "جاسم"}, nisba={"الكردي"})


def test_a_rare_town_name_is_taken() -> None:
    assert ok("الزبداني") and ok("حرستا") and ok("جسر الشغور")


def test_words_of_the_language_and_persons_names_are_not() -> None:
    assert not ok("سلطات")  # the dictionary's common noun
    assert not ok("الجديده")  # frequent in news
    assert not ok("نايف") and not ok("جاسم")  # given names (the dictionary's, the listed ones)
    assert not ok("الكردي")  # a nationality adjective
    assert not ok("غات")  # its glued form "لغات" (languages) is more frequent than the name
    assert not ok("حواره")  # a word and its pronoun
    assert not ok("سلميه")  # the feminine of an adjective
    assert not ok("صلاح الدين") and not ok("ابو مدين") and not ok("سيدي غازي")  # persons' names


def test_the_shipped_gazetteer_holds_the_towns_and_not_the_words() -> None:
    gaz = places()
    assert gaz["الزبداني"].country_code == "SY" and gaz["الزبداني"].lat is not None
    assert gaz["ظهران الجنوب"].country_code == "SA"
    for word in ("سلطات", "نايف", "الكردي", "غات", "صلاح الدين", "البركات"):
        assert word not in gaz, word
