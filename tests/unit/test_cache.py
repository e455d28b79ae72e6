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


def test_code_version_follows_extra_files_and_settings(tmp_path: Path):
    f = tmp_path / "kb.tsv"
    f.write_text("a", encoding="utf-8")
    v1 = C.code_version(f, settings=("crf",))
    assert v1 == C.code_version(f, settings=("crf",))
    assert v1 != C.code_version(f, settings=("camel",))
    f.write_text("b", encoding="utf-8")
    assert v1 != C.code_version(f, settings=("crf",))
