"""Training-data preparation: NewsFANE sentences re-labelled to the ANERcorp conventions."""

from __future__ import annotations

from pipeline.nlp.ner.conll import entity_spans
from pipeline.training.corpora import harmonize_newsfane

# ANERcorp-style training sentences: currencies and religions are MISC on their own, "منظمة" opens ORG
# names, "فتح" is mostly the verb
TRAIN = [
    [("بلغ", "O"), ("السعر", "O"), ("مئة", "O"), ("دولار", "B-MISC")],
    [("دفع", "O"), ("ألف", "O"), ("دولار", "B-MISC")],
    [("خسر", "O"), ("دولارا", "O"), ("واحدا", "O")],
    [("الدولار", "B-MISC"), ("ارتفع", "O")],
    [("دولار", "B-MISC"), ("أمريكي", "O")],
    [("قيمة", "O"), ("دولار", "B-MISC")],
    [("سعر", "O"), ("دولار", "B-MISC")],
    [("منظمة", "B-ORG"), ("الصحة", "I-ORG"), ("العالمية", "I-ORG")],
    [("منظمة", "B-ORG"), ("التجارة", "I-ORG")],
    [("منظمة", "O"), ("دولية", "O")],
    [("فتح", "O"), ("الباب", "O")],
    [("فتح", "O"), ("المجال", "O")],
    [("فتح", "O"), ("تحقيقا", "O")],
    [("فتح", "O"), ("النار", "O")],
    [("فتح", "O"), ("الطريق", "O")],
    [("نوبل", "B-MISC"), ("للسلام", "O")],
    [("جائزة", "O"), ("نوبل", "B-MISC")],
    [("نوبل", "B-MISC")],
    [("نوبل", "B-MISC")],
    [("نوبل", "B-MISC")],
]


def test_newsfane_under_annotation_takes_the_anercorp_label() -> None:
    # NewsFANE leaves currencies O and calls Nobel a person; ANERcorp says MISC for both
    nf = [[("بمبلغ", "O"), ("دولار", "O"), ("و", "O")], [("جائزة", "O"), ("نوبل", "B-PERS"), ("للآداب", "O")]]
    out, changed = harmonize_newsfane(nf, TRAIN, min_count=5)
    assert out[0] == [("بمبلغ", "O"), ("دولار", "B-MISC"), ("و", "O")]
    assert out[1] == [("جائزة", "O"), ("نوبل", "B-MISC"), ("للآداب", "O")]
    assert changed[("دولار", "O", "B-MISC")] == 1 and changed[("نوبل", "B-PERS", "B-MISC")] == 1


def test_names_are_never_removed_and_multiword_names_are_untouched() -> None:
    nf = [
        [("حركة", "B-ORG"), ("فتح", "I-ORG")],  # inside a name: left alone
        [("فتح", "B-ORG"), ("قالت", "O")],  # ANERcorp: "فتح" mostly O, but names are never dropped
        [("منظمة", "O"), ("العفو", "O")],  # "منظمة" only opens multi-word names in ANERcorp: no evidence
        [("دولار", "B-MISC"), ("كندي", "I-MISC")],  # the word opens a multi-word name here: left alone
    ]
    out, changed = harmonize_newsfane(nf, TRAIN, min_count=5)
    assert out == nf
    assert not changed


def test_needs_enough_consistent_evidence() -> None:
    nf = [[("نوبل", "O")], [("دولار", "O")]]
    assert harmonize_newsfane(nf, TRAIN, min_count=6)[0][0] == [("نوبل", "O")]  # 5 standalone < 6
    # "دولار" is MISC in 5 of 5 standalone uses; "دولارا" (1 O) never reaches the count
    out, _ = harmonize_newsfane([*nf, [("دولارا", "B-MISC")]], TRAIN, min_count=5, share=0.8)
    assert out[1] == [("دولار", "B-MISC")] and out[2] == [("دولارا", "B-MISC")]
    # a split vote (below the share) changes nothing
    mixed = TRAIN + [[("دولار", "O")]] * 3
    assert harmonize_newsfane([[("دولار", "O")]], mixed, min_count=5, share=0.8)[0][0] == [("دولار", "O")]


def test_output_is_valid_bio_with_matching_form_lookup() -> None:
    # words match through the matching form (here: a shadda); a relabelled token next to a name keeps BIO valid
    nf = [[("الدّولار", "O"), ("فتح", "O"), ("دولار", "O"), ("كوفي", "B-PERS"), ("عنان", "I-PERS")]]
    out, _ = harmonize_newsfane(nf, TRAIN + [[("الدولار", "B-MISC")]] * 4, min_count=5)
    labels = [lab for _, lab in out[0]]
    assert labels == ["B-MISC", "O", "B-MISC", "B-PERS", "I-PERS"]
    assert entity_spans(labels) == [(0, 1, "MISC"), (2, 3, "MISC"), (3, 5, "PERS")]


def test_the_gazetteer_takes_akhbar_lexicons_and_filters_words_that_are_rarely_names(tmp_path) -> None:
    from collections import Counter

    from pipeline.nlp.text import normalize_for_matching
    from pipeline.training.resources import akhbar_lexicon_names, build_gazetteer

    (tmp_path / "ANERGazet_Pers.txt").write_text("جورج بوش\nسلام\n", encoding="utf-8")
    names = akhbar_lexicon_names()
    types = {t for _, t in names}
    assert types == {"LOC", "PERS", "ORG"} and all(n and "\t" not in n for n, _ in names)
    assert ("name_ar", "LOC") not in names and ("kb_id", "ORG") not in names  # headers are not names
    gaz = build_gazetteer(tmp_path, common_words=Counter({"سلام": 50}), o_ratio={"سلام": 0.95})
    key = " ".join(normalize_for_matching(w) for w in "جورج بوش".split())
    assert gaz[key] == {"PERS"}
    assert "سلام" not in gaz  # mostly O in the training data
    assert gaz[normalize_for_matching("آبدجان")] == {"LOC"}  # places_ar.tsv (GeoNames)
    assert "PERS" in gaz[normalize_for_matching("فيصل")]  # given_names_ar.txt
    assert "ORG" in gaz[normalize_for_matching("الجزيرة")]  # outlets_ar.txt
    bare = build_gazetteer(tmp_path, lexicons=False)
    assert normalize_for_matching("آبدجان") not in bare


def test_the_shipped_gazetteer_holds_every_multi_word_name_of_the_shipped_lists() -> None:
    """The lexicons and the key-actor KB feed the training gazetteer: a name added to them after the model was
    trained makes ``akhbar ner-train`` reproduce another model than the shipped one. Regenerate the model
    (``akhbar ner-train --shared ../shared --replace-shipped``) when this fails."""
    from pipeline.config import NER_MODEL_DIR
    from pipeline.training.resources import _norm_phrase, akhbar_lexicon_names

    shipped: dict[str, set[str]] = {}
    for line in (NER_MODEL_DIR / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        phrase, types = line.split("\t")
        shipped[phrase] = set(types.split("|"))
    missing = sorted({f"{ph} ({typ})" for name, typ in akhbar_lexicon_names()
                      if " " in (ph := _norm_phrase(name)) and typ not in shipped.get(ph, set())})
    assert not missing, f"{len(missing)} names not in the shipped gazetteer, e.g. {missing[:5]}"
