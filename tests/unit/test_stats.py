"""entity_pairs: counts per document and sentence, and PMI."""

from __future__ import annotations

import math

import polars as pl

from pipeline.stats import entity_pairs


def test_pairs_count_documents_and_sentences_and_pmi_measures_association() -> None:
    rows = [  # (entity, doc, sentence)
        ("A", "d1", 0), ("B", "d1", 0), ("A", "d2", 0), ("B", "d2", 1), ("C", "d3", 0), ("A", "d3", 0),
        ("D", "d4", 0),
    ]
    mentions = pl.DataFrame(rows, schema=["entity_id", "doc_id", "sentence_idx"], orient="row")
    pairs = {(r["entity_a"], r["entity_b"]): r for r in entity_pairs(mentions).iter_rows(named=True)}
    assert set(pairs) == {("A", "B"), ("A", "C")}
    ab, ac = pairs[("A", "B")], pairs[("A", "C")]
    assert (ab["n_docs"], ab["n_sentences"]) == (2, 1) and (ac["n_docs"], ac["n_sentences"]) == (1, 1)
    n = 4  # documents with a mention
    assert math.isclose(ab["pmi"], math.log(2 * n / (3 * 2)))  # A in 3 documents, B in 2
    assert math.isclose(ac["pmi"], math.log(1 * n / (3 * 1)))
