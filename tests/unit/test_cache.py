"""The per-document cache: only missing documents are computed, and the result is what a full computation gives."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.storage import cache as C


def _compute(calls: list[list[str]]):
    def run(doc_ids: list[str]) -> list[pl.DataFrame]:
        calls.append(list(doc_ids))
        rows = [{"doc_id": d, "x": i} for d in doc_ids for i in range(int(d[1:]) % 3)]  # d0 has no rows
        return [pl.DataFrame(rows, schema={"doc_id": pl.String, "x": pl.Int64})]
    return run


def test_only_missing_documents_are_computed_and_rows_match_a_full_run(tmp_path: Path):
    store = C.StageCache(tmp_path, "t")
    keys = {f"d{i}": C.digest("v1", i) for i in range(6)}
    calls: list[list[str]] = []
    (full,), n = C.cached_per_document([store], keys, _compute(calls))
    assert n == 6 and calls == [list(keys)]
    (again,), n = C.cached_per_document([store], keys, _compute(calls))
    assert n == 0 and calls[-1] == [] and again.equals(full)
    more = {**keys, "d7": C.digest("v1", 7)}
    more = dict(sorted(more.items()))
    (grown,), n = C.cached_per_document([store], more, _compute(calls))
    assert n == 1 and calls[-1] == ["d7"]
    (reference,), _ = C.cached_per_document([C.StageCache(tmp_path / "fresh", "t")], more, _compute([]))
    assert grown.equals(reference), "cached rows come back in the order a full run gives"


def test_a_changed_key_is_recomputed(tmp_path: Path):
    store = C.StageCache(tmp_path, "t")
    keys = {"d1": C.digest("v1", "text"), "d2": C.digest("v1", "other")}
    C.cached_per_document([store], keys, _compute([]))
    calls: list[list[str]] = []
    C.cached_per_document([store], {**keys, "d2": C.digest("v1", "edited")}, _compute(calls))
    assert calls == [["d2"]]


def test_a_damaged_cache_is_a_miss_and_the_cache_can_be_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = C.StageCache(tmp_path, "t")
    keys = {"d1": C.digest(1), "d2": C.digest(2)}
    C.cached_per_document([store], keys, _compute([]))
    store.path.write_bytes(b"not parquet")
    calls: list[list[str]] = []
    C.cached_per_document([store], keys, _compute(calls))
    assert calls == [["d1", "d2"]]
    monkeypatch.setenv(C.CACHE_ENV, "0")
    calls.clear()
    C.cached_per_document([store], keys, _compute(calls))
    assert calls == [["d1", "d2"]]


def test_cached_values_round_trip(tmp_path: Path):
    store = C.StageCache(tmp_path, "v")
    schema = {"a": pl.String, "b": pl.List(pl.Int64)}
    computed: list[list[int]] = []

    def compute(todo: list[int]) -> list[tuple[str, list[int]]]:
        computed.append(todo)
        return [(f"v{i}", [i, i]) for i in todo]

    def enc(v):
        return {"a": v[0], "b": v[1]}

    def dec(r):
        return r["a"], list(r["b"])

    keys = [C.digest(i) for i in range(4)]
    first, n = C.cached_values(store, keys, compute, enc, dec, schema)
    second, m = C.cached_values(store, keys, compute, enc, dec, schema)
    assert (n, m) == (4, 0) and first == second == [(f"v{i}", [i, i]) for i in range(4)]
    # one key dropped, two added: only the new ones are computed, the others kept as stored
    more = [keys[0], keys[2], C.digest(9), keys[3], C.digest(8)]
    computed.clear()
    third, k = C.cached_values(store, more, compute, enc, dec, schema)
    assert k == 2 and computed == [[2, 4]]
    assert third == [("v0", [0, 0]), ("v2", [2, 2]), ("v2", [2, 2]), ("v3", [3, 3]), ("v4", [4, 4])]
    assert store.lookup(keys)[0] == {keys[0], keys[2], keys[3]}  # the dropped key is gone from the file
    fourth, k = C.cached_values(store, more, compute, enc, dec, schema)
    assert k == 0 and fourth == third


def test_code_version_follows_extra_files_and_settings(tmp_path: Path):
    f = tmp_path / "kb.tsv"
    f.write_text("a", encoding="utf-8")
    v1 = C.code_version(f, settings=("crf",))
    assert v1 == C.code_version(f, settings=("crf",))
    assert v1 != C.code_version(f, settings=("camel",))
    f.write_text("b", encoding="utf-8")
    assert v1 != C.code_version(f, settings=("crf",))


def test_an_unchanged_stage_does_not_rewrite_its_cache(tmp_path: Path):
    store = C.StageCache(tmp_path, "t")
    keys = {f"d{i}": C.digest("v1", i) for i in range(4)}
    (first,), _ = C.cached_per_document([store], keys, _compute([]))
    before = store.path.stat().st_mtime_ns, store.path.stat().st_ino
    (again,), n = C.cached_per_document([store], keys, _compute([]))
    assert n == 0 and (store.path.stat().st_mtime_ns, store.path.stat().st_ino) == before
    assert again.equals(first)
    fewer = {d: k for d, k in keys.items() if d != "d3"}  # a deleted input: the cache drops its entry
    C.cached_per_document([store], fewer, _compute([]))
    assert C.StageCache(tmp_path, "t").lookup(keys.values())[0] == set(fewer.values())


def test_text_digest_is_the_bytes_not_their_split():
    assert C.text_digest("ab", "c") != C.text_digest("a", "bc")
    assert C.text_digest("سلام") == C.text_digest("سلام") != C.text_digest("سلام ")


def _event_tables():
    from datetime import datetime

    import polars as pl

    documents = pl.DataFrame({"doc_id": ["d1", "d2"], "text": ["زار الملك فهد الرياض.", "زار الملك فهد الرياض."],
                              "published_at": [datetime(1990, 1, 2), datetime(1990, 1, 2)]})
    sentences = pl.DataFrame({"doc_id": ["d1", "d2"], "sentence_idx": [0, 0], "start": [0, 0], "end": [21, 21]})
    mentions = pl.DataFrame({"doc_id": ["d1", "d1", "d2"], "start": [4, 14, 4], "end": [13, 20, 13],
                             "type": ["PER", "LOC", "PER"], "subtype": ["head_of_state", None, "head_of_state"],
                             "entity_id": ["E1", "E2", "E1"], "title_country": [None, None, "SA"]})
    entities = pl.DataFrame({"entity_id": ["E1", "E2"], "country_code": ["SA", None],
                             "subtype": ["head_of_state", "city"], "kb_id": ["fahd_bin_abdulaziz", None]})
    return documents, sentences, mentions, entities


def test_the_event_cache_key_changes_with_every_input():
    """event_input_keys reads every column event_inputs reads: changing one changes the key of exactly the
    documents whose inputs it changes, and equal tables give equal keys."""
    from datetime import datetime

    import polars as pl

    from pipeline.nlp.events import _MENTION_COLUMNS, event_input_keys, event_inputs

    docs, sents, ments, ents = _event_tables()
    base = event_input_keys("v", docs, sents, ments, ents)
    assert list(base) == ["d1", "d2"] and base["d1"] != base["d2"]  # (same text, other document)
    assert event_input_keys("v", docs, sents, ments, ents) == base
    assert set(event_input_keys("w", docs, sents, ments, ents).values()).isdisjoint(base.values())

    def first(frame: pl.DataFrame, column: str, value: object, row: int = 0) -> pl.DataFrame:
        return frame.with_columns(pl.when(pl.int_range(pl.len()) == row).then(pl.lit(value, frame[column].dtype))
                                  .otherwise(pl.col(column)).alias(column))

    changes = {
        "text": (first(docs, "text", "زار الملك فهد جدة."), sents, ments, ents),
        "published_at": (first(docs, "published_at", datetime(1990, 1, 3)), sents, ments, ents),
        "sentence end": (docs, first(sents, "end", 20), ments, ents),
        **{f"mention {c}": (docs, sents, first(ments, c, {"start": 5, "end": 12, "type": "ORG", "subtype": "x",
                                                          "entity_id": "E3", "title_country": "YE"}[c],
                                                    1 if c == "title_country" else 0), ents)
           for c in ("start", "end", "type", "subtype", "entity_id", "title_country")},
    }
    for name, tables in changes.items():
        keys = event_input_keys("v", *tables)
        assert keys["d1"] != base["d1"] and keys["d2"] == base["d2"], name
    # a title's country counts only where the entity has none ("E1" is Saudi whatever its title says)
    assert event_input_keys("v", docs, sents, first(ments, "title_country", "YE", 2), ents) == base
    # the entity's country is every mention's country: both documents change
    keys = event_input_keys("v", docs, sents, ments, first(ents, "country_code", "YE"))
    assert keys["d1"] != base["d1"] and keys["d2"] != base["d2"]
    # the day's head of state (document facts): a king who no longer reigns that day
    keys = event_input_keys("v", docs, sents, ments, first(ents, "kb_id", "khalid_bin_abdulaziz"))
    assert keys["d1"] != base["d1"] and keys["d2"] != base["d2"]
    # ... and what the keys cover is what event detection reads
    items = event_inputs(docs, sents, ments, ents)
    assert list(_MENTION_COLUMNS) == ["start", "end", "type", "subtype", "entity_id", "country_code"]
    assert [(m.entity_id, m.country_code) for _, _, _, _, found, _ in items for m in found] == [
        ("E1", "SA"), ("E2", None), ("E1", "SA")]


def test_the_reference_cache_key_changes_with_every_input():
    """reference_keys reads what build_references reads of a document: its text, sentence spans, mention spans."""
    from pipeline.nlp.resolve import reference_keys

    docs = pl.DataFrame({"doc_id": ["d2", "d1"], "text": ["قال السفير الأمريكي.", "قال السفير الأمريكي."]})
    sents = pl.DataFrame({"doc_id": ["d1", "d2"], "sentence_idx": [0, 0], "start": [0, 0], "end": [20, 20]})
    ments = pl.DataFrame({"doc_id": ["d1", "d2"], "start": [4, 4], "end": [10, 10]})
    base = reference_keys("v", docs, sents, ments)
    assert list(base) == ["d1", "d2"] and base["d1"] != base["d2"]
    assert reference_keys("v", docs.reverse(), sents.reverse(), ments.reverse()) == base
    changed = [
        (docs.with_columns(pl.when(pl.col("doc_id") == "d1").then(pl.lit("قال السفير.")).otherwise("text")
                           .alias("text")), sents, ments),
        (docs, sents.with_columns(pl.when(pl.col("doc_id") == "d1").then(19).otherwise("end").alias("end")), ments),
        (docs, sents, ments.with_columns(pl.when(pl.col("doc_id") == "d1").then(5).otherwise("start").alias("start"))),
        (docs, sents, ments.filter(pl.col("doc_id") != "d1")),
    ]
    for tables in changed:
        keys = reference_keys("v", *tables)
        assert keys["d1"] != base["d1"] and keys["d2"] == base["d2"]
    assert set(reference_keys("w", docs, sents, ments).values()).isdisjoint(base.values())
