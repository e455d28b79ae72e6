"""``akhbar ner-eval``: errors that say what to do, and warnings for labels it cannot score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.nlp.ner.conll import read_conll, read_conll_report

SENTENCE = "وقال O\nالرئيس O\nفرانسوا B-PERS\nهولاند I-PERS\nفي O\nباريس B-LOC\n\n"


def test_a_missing_file_is_an_error_that_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ner-eval", "--conll", str(tmp_path / "nope.conll")]) == 2
    err = capsys.readouterr().err
    assert "nope.conll" in err and "token label" in err and "Traceback" not in err


def test_a_folder_without_a_model_is_an_error_that_says_how_to_make_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conll = tmp_path / "a.conll"
    conll.write_text(SENTENCE, encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll), "--model", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "model.crfsuite" in err and "akhbar ner-train" in err and "--out DIR" in err


def test_a_file_without_tokens_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conll = tmp_path / "empty.conll"
    conll.write_text("\n\n", encoding="utf-8")
    assert main(["ner-eval", "--conll", str(conll), "--layer", "crf"]) == 2
    assert "no 'token label' lines" in capsys.readouterr().err


def test_labels_it_cannot_score_are_reported_and_scored_as_o(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    conll = tmp_path / "odd.conll"
    conll.write_text(SENTENCE + "عام O\n2015 B-DATE\nلوحدها\nفي O\nعمان B-GPE\n\n", encoding="utf-8")
    sentences, report = read_conll_report(conll)
    assert report == ({"B-DATE": 1}, 1, 10) and sentences == read_conll(conll)  # (GPE is read as LOC)
    assert main(["ner-eval", "--conll", str(conll), "--layer", "crf"]) == 0
    out = capsys.readouterr()
    assert "B-DATE" in out.err and "1 line" in out.err
    assert json.loads(out.out.strip().splitlines()[-1])["per_type"]["LOC"]["support"] == 2


def test_known_spellings_of_the_four_types_are_no_problem(tmp_path: Path) -> None:
    conll = tmp_path / "ok.conll"
    conll.write_text("أ B-PER\nب I-PER\nج O\nد B-ORG\nه 0\nو I-MISC\n", encoding="utf-8")
    assert read_conll_report(conll)[1] == ({}, 0, 6)
