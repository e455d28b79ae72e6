"""The rejected-ideas bench (bench/ner_experiments.py) stays importable and its label transforms are sound."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

from pipeline.nlp.ner.conll import entity_spans, repair_bio
from pipeline.nlp.ner.features import FeatureConfig, Resources

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ner_experiments.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("ner_experiments", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["ner_experiments"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_list_names_every_variant(bench, capsys):
    assert bench.main(["--list"]) == 0
    out = capsys.readouterr().out
    for name in bench.VARIANTS:
        assert name in out
    assert bench.main(["no_such_variant"]) == 2


def _random_bio(rng: random.Random, n: int) -> list[str]:
    labs = [rng.choice(["O", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG"]) for _ in range(n)]
    return repair_bio(labs)


def test_bioes_round_trip(bench):
    rng = random.Random(1)
    for _ in range(300):
        labs = _random_bio(rng, rng.randint(1, 12))
        bioes = bench.to_bioes(labs)
        assert all(x == "O" or x[:2] in ("B-", "I-", "S-", "E-") for x in bioes)
        assert repair_bio([bench.from_bioes(x) for x in bioes]) == labs
    assert bench.to_bioes(["B-PERS", "I-PERS", "B-LOC", "O"]) == ["B-PERS", "E-PERS", "S-LOC", "O"]


def test_mention_replacement_keeps_valid_bio(bench):
    sents = [
        [("قال", "O"), ("فلاديمير", "B-PERS"), ("بوتين", "I-PERS"), ("في", "O"), ("موسكو", "B-LOC")],
        [("زار", "O"), ("أردوغان", "B-PERS"), ("باريس", "B-LOC")],
        [("لا", "O"), ("أسماء", "O")],
    ]
    out = bench.mention_replacement(sents, Resources(), Path("."))
    assert out[: len(sents)] == sents  # originals first, unchanged
    for s in out:
        labs = [lab for _, lab in s]
        assert repair_bio(labs) == labs
        assert {typ for _, _, typ in entity_spans(labs)} <= {"PERS", "LOC"}


def test_doc_extractor_uses_other_sentences_only(bench):
    ext = bench.DocExtractor(Resources(), FeatureConfig())
    # "ميسي" follows the trigger "اللاعب" in the first sentence only
    feats = ext.sentences([["اللاعب", "ميسي", "سجل"], ["وقال", "ميسي", "إنه"], ["جاء", "آخر"]])
    assert "dtr=PERS" in feats[1][1]  # evidence from the neighbouring sentence
    assert "dtr=PERS" not in feats[0][1]  # its own position does not count
    assert not any(f.startswith("dtr=") for f in feats[2][0])
