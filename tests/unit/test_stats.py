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


def test_entity_stats_share_of_voice_and_top_co_mentioned() -> None:
    from pipeline.stats import entity_stats

    rows = [("A", "d1", 0), ("B", "d1", 0), ("A", "d2", 0), ("B", "d2", 0), ("C", "d2", 0), ("A", "d3", 0)]
    mentions = pl.DataFrame(rows, schema=["entity_id", "doc_id", "sentence_idx"], orient="row")
    documents = pl.DataFrame({"doc_id": ["d1", "d2", "d3"], "cluster_id": ["d1", "d2", "d3"],
                              "published_at": [None, None, None], "source": ["x", "y", None]},
                             schema_overrides={"published_at": pl.Datetime("us", "UTC")})
    entities = pl.DataFrame({"entity_id": ["A", "B", "C"], "name_ar": ["أ", "ب", "ج"], "type": ["PER", "PER", "LOC"]})
    st = {r["entity_id"]: r for r in entity_stats(mentions, documents, entities).iter_rows(named=True)}
    assert math.isclose(st["A"]["share_of_voice"], 3 / 5) and math.isclose(st["C"]["share_of_voice"], 1.0)
    assert st["A"]["top_co_mentioned_id"] == "B" and st["A"]["top_co_mentioned_docs"] == 2
    assert st["C"]["top_co_mentioned_name"] in {"أ", "ب"} and st["A"]["n_sources"] == 3


def test_pair_docs_is_the_flat_bridge_behind_pairs() -> None:
    from pipeline.stats import entity_pair_docs

    rows = [("A", "d1", 0), ("B", "d1", 0), ("B", "d1", 2), ("A", "d1", 2), ("A", "d2", 0), ("B", "d2", 1),
            ("C", "d2", 1)]
    mentions = pl.DataFrame(rows, schema=["entity_id", "doc_id", "sentence_idx"], orient="row")
    bridge = entity_pair_docs(mentions).sort("entity_a", "entity_b", "doc_id")
    assert bridge.rows() == [("A", "B", "d1", 2), ("A", "B", "d2", 0), ("A", "C", "d2", 0), ("B", "C", "d2", 1)]
    pairs = {(r["entity_a"], r["entity_b"]): (r["n_docs"], r["n_sentences"])
             for r in entity_pairs(mentions, bridge).iter_rows(named=True)}
    assert pairs == {("A", "B"): (2, 2), ("A", "C"): (1, 0), ("B", "C"): (1, 1)}


def test_source_type_stats_gives_each_outlet_its_mix_of_entity_and_event_types() -> None:
    from pipeline.stats import source_type_stats

    documents = pl.DataFrame({"doc_id": ["d1", "d2", "d3"], "source": ["x", "x", None]})
    mentions = pl.DataFrame({"doc_id": ["d1", "d1", "d2", "d2", "d3"], "type": ["PER", "PER", "PER", "LOC", "ORG"],
                             "entity_id": ["p1", "p1", "p2", "l1", "o1"]})
    events = pl.DataFrame({"doc_id": ["d2", "d3"], "event_type": ["CONSULT", "CONSULT"], "event_id": ["e1", "e1"]})
    st = {(r["source"], r["kind"], r["type"]): r for r in source_type_stats(documents, mentions, events)
          .iter_rows(named=True)}
    assert set(st) == {("x", "entity", "PER"), ("x", "entity", "LOC"), ("unknown", "entity", "ORG"),
                       ("x", "event", "CONSULT"), ("unknown", "event", "CONSULT")}
    per = st[("x", "entity", "PER")]
    assert (per["n_mentions"], per["n_docs"], per["n_distinct"]) == (3, 2, 2)
    assert math.isclose(per["share_of_source"], 3 / 4) and math.isclose(st[("x", "event", "CONSULT")]
                                                                         ["share_of_source"], 1.0)


def test_a_document_naming_too_many_entities_pairs_only_those_sharing_a_sentence(monkeypatch) -> None:
    """A digest or a dump naming thousands of entities would pair every two of them (millions of rows that say
    nothing); above the limit its pairs are those that share a sentence. Articles below it are as before."""
    from pipeline import stats

    monkeypatch.setattr(stats, "PAIR_DOCUMENT_ENTITIES", 3)
    rows = [("A", "big", 0), ("B", "big", 0), ("C", "big", 1), ("D", "big", 2), ("A", "big", 2), ("A", "big", 3),
            ("D", "big", 3), ("A", "d1", 0), ("B", "d1", 1)]
    mentions = pl.DataFrame(rows, schema=["entity_id", "doc_id", "sentence_idx"], orient="row")
    bridge = stats.entity_pair_docs(mentions).sort("entity_a", "entity_b", "doc_id")
    assert bridge.rows() == [("A", "B", "big", 1), ("A", "B", "d1", 0), ("A", "D", "big", 2)]
    pairs = {(r["entity_a"], r["entity_b"]): (r["n_docs"], r["n_sentences"])
             for r in stats.entity_pairs(mentions, bridge).iter_rows(named=True)}
    assert pairs == {("A", "B"): (2, 1), ("A", "D"): (1, 2)}
    monkeypatch.setattr(stats, "PAIR_DOCUMENT_ENTITIES", 4)  # at the limit: every pair, as for any article
    assert stats.entity_pair_docs(mentions).filter(pl.col("doc_id") == "big").height == 6
