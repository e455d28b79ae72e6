"""The pipeline's person layer over a tagger's labels (``akhbar ner-eval --layer persons``): person spans as
``tag_document`` gives them, on CoNLL words, every other label the tagger's."""

from __future__ import annotations

import json

from pipeline.nlp.ner.base import Labels
from pipeline.nlp.ner.enrich import entity_lexicon
from pipeline.nlp.ner.evaluate import evaluate_sentences
from pipeline.nlp.ner.person_layer import person_layer


def labels_of(words: list[str], spans: dict[tuple[int, int], str]) -> Labels:
    labs: Labels = [("O", 1.0)] * len(words)
    for (i, j), typ in spans.items():
        labs[i:j] = [(("B-" if k == i else "I-") + typ, 0.9) for k in range(i, j)]
    return labs


def tags(labels: Labels) -> list[str]:
    return [lab for lab, _ in labels]


def test_a_title_is_cut_out_of_a_person_and_other_types_stay_the_tagger_s() -> None:
    words = "وقال الرئيس الفرنسي فرانسوا هولاند في باريس إن".split()
    labs = labels_of(words, {(1, 5): "PERS", (6, 7): "LOC"})
    out = person_layer([words], [labs], entity_lexicon())
    assert tags(out[0]) == ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]
    assert out[0][6] == labs[6]  # the place's label and marginal as the tagger gave them


def test_a_name_found_in_full_is_found_again_and_a_proclitic_word_is_labelled_whole() -> None:
    sentences = ["وقال الوزير سيرغي لافروف إن بلاده ترفض".split(), "وأضاف ولافروف أن المحادثات مستمرة".split()]
    labs = [labels_of(sentences[0], {(2, 4): "PERS"}), labels_of(sentences[1], {})]
    out = person_layer(sentences, labs, entity_lexicon())
    assert tags(out[1])[1] == "B-PERS"  # "ولافروف": the word holding the name


def test_a_title_standing_alone_for_its_holder_is_no_name() -> None:
    words = "وقال الرئيس الأمريكي إن بلاده ستدعم".split()
    out = person_layer([words], [labels_of(words, {})], entity_lexicon())
    assert set(tags(out[0])) == {"O"}


def test_runs_are_scored_with_and_without_the_layer() -> None:
    sentence = [(w, "O") for w in "وقال الرئيس الفرنسي".split()] + [("فرانسوا", "B-PERS"), ("هولاند", "I-PERS")]

    class Tagger:  # tags the title into the name, as a statistical tagger often does
        def tag(self, sentences: list[list[str]]) -> list[Labels]:
            return [labels_of(s, {(1, 5): "PERS"}) for s in sentences]

    result = evaluate_sentences([sentence] * 3, Tagger(), person_layer=True)
    assert result["crf"]["f1"] == 0.0 and result["f1"] == 1.0
    assert result["tokens_per_s"] > 0 and result["crf"]["n_tokens"] == 15


def test_ner_eval_scores_the_crf_by_default_and_the_person_layer_on_request(tmp_path, capsys) -> None:
    from pipeline.cli import main

    conll = tmp_path / "tiny.conll"
    conll.write_text("وقال O\nالرئيس O\nالفرنسي O\nفرانسوا B-PERS\nهولاند I-PERS\nفي O\nباريس B-LOC\n\n",
                     encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll)]) == 0
    alone = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert "layer" not in alone and "crf" not in alone
    assert main(["ner-eval", "--conll", str(conll), "--layer", "persons"]) == 0
    layered = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert layered["layer"] == "crf+persons" and layered["crf"]["micro_f1"] == alone["micro_f1"]
