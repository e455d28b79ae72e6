import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.text import (
    arabic_letter_ratio,
    clean_text,
    fold_text,
    fold_text_camel,
    identity_key,
    letter_counts,
    normalize_for_matching,
    proclitic_splits,
    stem_variants,
    tokenize,
)

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآىةؤئـًٌٍَُِّْ٠١٢٣ ،.؟\n\r\t\u200f\u200b-–“”")),
                 max_size=200)


def test_clean_text_strips_controls_tatweel_and_normalises_space():
    raw = "  موسكو\u200f – أكد   وزير\tالخارجيـــة\r\n\r\n\r\n\r\nسطر  "
    assert clean_text(raw) == "موسكو - أكد وزير الخارجية\n\nسطر"


def test_clean_text_maps_arabic_indic_digits():
    assert clean_text("عام ٢٠٢٥") == "عام 2025"


@given(ARABIC)
def test_clean_text_is_idempotent(raw: str):
    once = clean_text(raw)
    assert clean_text(once) == once


def test_normalize_for_matching_folds_variants():
    assert normalize_for_matching("إسرائيلُ") == "اسرائيل"
    assert normalize_for_matching("أحمد") == normalize_for_matching("احمد")
    assert normalize_for_matching("مصطفى") == "مصطفي"
    assert normalize_for_matching("القاهرة") == "القاهره"
    assert normalize_for_matching("ركّزا  ١٢") == "ركزا 12"


@given(ARABIC)
def test_tokens_point_into_text(text: str):
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


def test_tokenize_splits_punctuation_and_keeps_offsets():
    text = "قال: لافروف، (موسكو)."
    toks = tokenize(text, offset=10)
    assert [t.text for t in toks] == ["قال", ":", "لافروف", "،", "(", "موسكو", ")", "."]
    assert toks[2].start == 15 and toks[2].end == 21


def test_proclitic_splits_cover_conjunction_and_preposition():
    assert proclitic_splits("وموسكو") == [1, 0]
    assert proclitic_splits("وبروسيا") == [2, 1, 0]
    assert proclitic_splits("كم") == [0]  # stem too short
    assert proclitic_splits("كما", min_stem=3) == [0]
    assert stem_variants("للكرملين", 1) == ["لكرملين", "الكرملين"]


def test_arabic_letter_ratio():
    assert arabic_letter_ratio("hello") == 0.0
    assert arabic_letter_ratio("مرحبا") == 1.0
    assert arabic_letter_ratio("") == 0.0


@pytest.mark.parametrize("text", [
    "قال الرئيس، إن «الاتفاق» سيوقع غداً؟ نعم!",
    "a\x1cb\u00a0c\u200bd e\u3000f،g؟ 😀x",
    "  \t\n", "", "١٢٣ 45.6 «قال» —x (السعودية)/الرياض...",
])
def test_tokenize_is_simple_word_tokenize_with_offsets(text: str) -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    from pipeline.nlp.text import count_tokens, tokenize

    toks = tokenize(text, 3)
    assert [t.text for t in toks] == simple_word_tokenize(text)
    assert all(text[t.start - 3 : t.end - 3] == t.text for t in toks)
    assert count_tokens(text) == len(toks)


@given(st.text(alphabet=st.sampled_from([*"ابت الو،؟.«» \t\n\u00a0\x1c1٢😀a-#*$©™♥☺\u200c\u200d\ufe0f\u20e3\u3000",
                                         "\U0001F1F8", "\U0001F1E6", "\U0001F3FD", "\U000E0067", "\U000E007F"]),
               max_size=60))
def test_tokenize_matches_camel_on_any_text(text: str) -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    from pipeline.nlp.text import tokenize

    assert [t.text for t in tokenize(text)] == simple_word_tokenize(text)


def test_clean_text_keeps_arabic_punctuation_and_quotes_as_written() -> None:
    raw = "قال الوزير، إن «الاتفاق» نهائي؛ فهل يصمد؟ “نعم” ‘ربما’"
    assert clean_text(raw) == raw
    assert clean_text("ﻻ ١٢ — x") == "لا 12 - x"  # the rest of arclean still applies


def test_ascii_punctuation_is_arclean_one_for_one() -> None:
    from camel_tools.utils.charmap import CharMapper

    from pipeline.nlp.text import ASCII_PUNCTUATION, KEPT_PUNCTUATION

    arclean = CharMapper.builtin_mapper("arclean")
    text = "قال، «نعم»؛ هل؟ “x” ‘y’"
    assert set(text) & KEPT_PUNCTUATION
    assert text.translate(ASCII_PUNCTUATION) == arclean(text)


# every letter, mark and digit block fold_text's table touches, with presentation forms NFKC rewrites
FOLD_ALPHABET = [chr(c) for c in range(0x600, 0x700)] + list("ﻷﻻﺇﺃﺁﷲ۰۹ aAﬁ\u00a0\u2003\t\n")


@given(st.text(alphabet=st.sampled_from(FOLD_ALPHABET), max_size=40))
def test_fold_text_is_camel_tools_normalisation_step_by_step(text: str) -> None:
    assert fold_text(text) == fold_text_camel(text)


def test_identity_key_of_one_word_skips_the_phrase_rules_and_of_a_phrase_applies_them() -> None:
    assert identity_key("عبدالله") == identity_key("عبد الله") == "عبدالله"
    assert identity_key("مسئول") == identity_key("مسؤول")
    assert identity_key("محمد ابن سلمان") == "محمد بن سلمان" and identity_key("ابن") == "ابن"


def test_letter_counts_counts_letters_and_arabic_letters():
    # Arabic letters (ب ي ت), a diacritic (not a letter), Latin letters, digits, space and punctuation
    assert letter_counts("بَيت abc 123، ـ") == (7, 4)  # the tatweel is a letter of the Arabic block
    assert letter_counts("") == (0, 0)


@given(st.text(max_size=200))
def test_letter_counts_match_per_character_classification(text: str):
    letters = sum(ch.isalpha() for ch in text)
    arabic = sum(bool(re.fullmatch("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]", ch)) for ch in text)
    assert letter_counts(text) == (letters, arabic)
