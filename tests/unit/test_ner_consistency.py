"""Copying confidently tagged names to their untagged repetitions nearby (pipeline.nlp.ner.consistency)."""

from __future__ import annotations

from pipeline.nlp.ner.conll import entity_spans
from pipeline.nlp.ner.consistency import Propagation, propagate_spans

CFG = Propagation(types=("PERS", "LOC", "ORG"), threshold=0.8, window=2, min_chars=3)


def tagged(*pairs: str, p: float = 0.95) -> list[tuple[str, float]]:
    return [(lab, p) for lab in pairs]


def test_a_confident_name_is_copied_to_its_untagged_repetition() -> None:
    sents = [
        ["أعلنت", "الوكالة", "الدولية", "للطاقة"],
        ["وقالت", "الوكالة", "الدولية", "للطاقة", "إن"],
    ]
    tags = [tagged("O", "B-ORG", "I-ORG", "I-ORG"), tagged("O", "O", "O", "O", "O")]
    out = propagate_spans(sents, tags, CFG)
    assert [lab for lab, _ in out[1]] == ["O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert out[0] == tags[0]  # the source is untouched


def test_matching_form_sees_through_hamza_and_diacritics() -> None:
    sents = [["التقى", "أحمد", "الشرع"], ["وصرح", "احمد", "الشّرع"]]
    tags = [tagged("O", "B-PERS", "I-PERS"), tagged("O", "O", "O")]
    out = propagate_spans(sents, tags, CFG)
    assert entity_spans([lab for lab, _ in out[1]]) == [(1, 3, "PERS")]


def test_unsure_spans_other_types_and_short_names_are_not_copied() -> None:
    sents = [["زار", "بيروت"], ["في", "بيروت"], ["كأس", "العالم"], ["كأس", "العالم"], ["و", "ب"], ["و", "ب"]]
    tags = [
        [("O", 0.9), ("B-LOC", 0.6)],  # below the threshold
        tagged("O", "O"),
        tagged("B-MISC", "I-MISC"),  # a type that is not copied
        tagged("O", "O"),
        tagged("O", "B-PERS"),  # one letter: never copied
        tagged("O", "O"),
    ]
    out = propagate_spans(sents, tags, CFG)
    assert [lab for s in out for lab, _ in s] == [lab for s in tags for lab, _ in s]


def test_the_window_bounds_how_far_a_name_travels() -> None:
    sents = [["زار", "بيروت"]] + [["ثم", "عاد"]] * 3 + [["في", "بيروت"]]
    tags = [tagged("O", "B-LOC")] + [tagged("O", "O")] * 4
    assert propagate_spans(sents, tags, CFG)[4] == tags[4]  # 4 sentences away, window 2
    near = propagate_spans([*sents[:2], ["في", "بيروت"]], tags[:3], CFG)  # 2 sentences away
    assert near[2][1][0] == "B-LOC" and near[2][1][1] == CFG.threshold


def test_existing_labels_are_never_changed_and_longer_names_win() -> None:
    sents = [
        ["الأمم", "المتحدة"],
        ["الأمم"],
        ["قالت", "الأمم", "المتحدة", "و", "جون", "كيري"],
    ]
    tags = [
        tagged("B-ORG", "I-ORG"),
        tagged("B-ORG"),
        tagged("O", "O", "O", "O", "B-PERS", "O", p=0.95),
    ]
    out = propagate_spans(sents, tags, CFG)
    labs = [lab for lab, _ in out[2]]
    assert labs == ["O", "B-ORG", "I-ORG", "O", "B-PERS", "O"]  # one two-word name, not "الأمم" alone


def test_the_type_is_the_majority_of_the_window() -> None:
    sents = [["واشنطن"], ["واشنطن"], ["واشنطن"], ["في", "واشنطن"]]
    tags = [tagged("B-LOC"), tagged("B-LOC"), tagged("B-ORG"), tagged("O", "O")]
    out = propagate_spans(sents, tags, CFG)
    assert out[3][1][0] == "B-LOC"


def test_config_round_trip_and_off() -> None:
    assert Propagation.from_config(CFG.to_config()) == CFG
    assert Propagation.from_config(None) is None
    assert propagate_spans([], [], CFG) == []


def test_with_clitics_a_name_is_copied_to_its_proclitic_form() -> None:
    sents = [["قال", "بوش", "إن"], ["وأكد", "وبوش", "ذلك"], ["زار", "الأردن"], ["وصل", "بالأردن"], ["ذهب", "للأردن"]]
    tags = [tagged("O", "B-PERS", "O"), tagged("O", "O", "O"), tagged("O", "B-LOC"), tagged("O", "O"),
            tagged("O", "O")]
    assert propagate_spans(sents, tags, CFG)[1] == tags[1]  # off by default: the forms differ
    cfg = Propagation(types=CFG.types, threshold=CFG.threshold, window=CFG.window, clitics=True)
    out = propagate_spans(sents, tags, cfg)
    assert [lab for lab, _ in out[1]] == ["O", "B-PERS", "O"]
    assert out[3][1][0] == "B-LOC" and out[4][1][0] == "B-LOC"  # ب + الأردن, ل + ل(ا)لأردن
    assert Propagation.from_config(cfg.to_config()) == cfg
