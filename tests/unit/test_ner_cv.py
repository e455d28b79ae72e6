"""The cross-validation bench (bench/ner_cv.py): folds partition the corpus, the summary is right."""

from __future__ import annotations

import importlib.util
import statistics
from pathlib import Path

import pytest

from pipeline.training.corpora import fold_split

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ner_cv.py"


@pytest.fixture(scope="module")
def cv():
    spec = importlib.util.spec_from_file_location("ner_cv", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("n", "k"), [(10, 5), (4105, 5), (7, 3), (3, 5)])
def test_folds_partition_the_corpus_in_contiguous_blocks(n, k):
    items = list(range(n))
    held = []
    for j in range(k):
        train, dev = fold_split(items, j, k)
        assert sorted(train + dev) == items  # every sentence once, on one side
        assert dev == list(range(dev[0], dev[0] + len(dev))) if dev else True  # one contiguous block
        held.extend(dev)
    assert held == items  # each sentence is held out exactly once, blocks in order


def test_summary_mean_and_sd(cv):
    rows = [{"recipe": "shipped", "fold": j, "f1": f} for j, f in enumerate([0.70, 0.74, 0.78])]
    s = cv.summarize(rows)
    assert s["mean_f1"] == pytest.approx(0.74)
    assert s["sd_f1"] == pytest.approx(round(statistics.stdev([0.70, 0.74, 0.78]), 4))
    assert (s["min_f1"], s["max_f1"]) == (0.70, 0.78)
    assert cv.summarize(rows[:1])["sd_f1"] is None


def test_rejects_bad_arguments_before_training(cv, capsys):
    assert cv.main(["--folds", "5", "-k", "5"]) == 2
    assert "0..4" in capsys.readouterr().err
    assert cv.main(["--drop", "no_such_group"]) == 2
    assert "no_such_group" in capsys.readouterr().err
    assert cv.main(["--param", "harmonize_newsfane=false"]) == 2  # data options have their own flags
    assert "CRF parameters" in capsys.readouterr().err
