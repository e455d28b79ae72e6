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


def test_the_event_cache_key_changes_with_every_input():
    """input_key spells a mention out field by field: a field added to Mention must enter it."""
    from dataclasses import fields, replace
    from datetime import datetime

    from pipeline.nlp.events import DocumentFacts, Mention, input_key

    m = Mention(0, 4, "PER", None, "E1", "SA")
    item = ("d1", "نص الخبر", datetime(2015, 1, 2), [(0, 8)], [m], DocumentFacts())
    base = input_key("v", item)
    changed = {f.name: {"start": 1, "end": 5, "type": "ORG", "subtype": "x", "entity_id": "E2",
                        "country_code": "YE"}[f.name] for f in fields(Mention)}
    for name, value in changed.items():
        other = (*item[:4], [replace(m, **{name: value})], item[5])
        assert input_key("v", other) != base, name
    for i, value in enumerate(["d2", "نص آخر", None, [(0, 3)], [], DocumentFacts(countries=(m,))]):
        assert input_key("v", (*item[:i], value, *item[i + 1:])) != base, i
    assert input_key("w", item) != base and input_key("v", item) == base
