"""WarehouseLayout: staging, publish (one switch), reuse of published tables, clean-up and retention."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from pipeline.schemas import TABLES
from pipeline.storage.parquet import ContractError, ParquetStore
from pipeline.storage.warehouse import DB_NAME, REPORTS, PublishError, WarehouseLayout, sha256_file


def stage(layout: WarehouseLayout, run: str, tables: list[str] | None = None) -> None:
    store = layout.staging(run)
    for name in tables if tables is not None else list(TABLES):
        store.write(name, pl.DataFrame(schema=TABLES[name].polars_schema))
    (layout.run_dir(run) / DB_NAME).write_bytes(run.encode())


def test_publish_switches_current_and_writes_a_manifest(tmp_path: Path) -> None:
    layout = WarehouseLayout(tmp_path)
    stage(layout, "r1")
    assert layout.current() is None
    manifest = layout.publish("r1", {"input_dir": "x"})
    assert layout.current_run_id() == "r1" and os.readlink(tmp_path / "current") == "runs/r1"
    assert (tmp_path / "parquet" / "source_stats" / "part-0.parquet").exists()
    assert (tmp_path / "parquet" / "documents" / "published_month=unknown" / "part-0.parquet").exists()
    assert (tmp_path / DB_NAME).read_bytes() == b"r1"
    staged = layout.staging("r1")
    assert manifest.tables["source_stats"]["files"][0]["sha256"] == sha256_file(staged.files("source_stats")[0])
    assert manifest.tables["documents"]["sha256"] == staged.digest("documents")
    assert layout.manifest()["input_dir"] == "x"  # type: ignore[index]


def test_an_incomplete_run_cannot_be_published(tmp_path: Path) -> None:
    layout = WarehouseLayout(tmp_path)
    stage(layout, "r1", ["documents"])
    with pytest.raises(PublishError, match="not written"):
        layout.publish("r1")
    assert layout.current_run_id() is None


def test_a_partial_run_reuses_the_published_tables(tmp_path: Path) -> None:
    layout = WarehouseLayout(tmp_path)
    stage(layout, "r1")
    (layout.run_dir("r1") / REPORTS).mkdir()
    (layout.run_dir("r1") / REPORTS / "top_entities.png").write_bytes(b"png of r1")
    layout.publish("r1")
    stage(layout, "r2", ["documents", "sentences"])
    reused = layout.complete_from_current("r2")
    assert "documents" not in reused and "entities" in reused and "entity_mentions" in reused
    layout.publish("r2")
    assert layout.current_run_id() == "r2" and (tmp_path / DB_NAME).read_bytes() == b"r2"
    # partitioned tables come over partition by partition, charts of stages not rebuilt too
    assert layout.staging("r2").files("entity_mentions")[0].parent.name == "published_month=unknown"
    assert (tmp_path / "current" / REPORTS / "top_entities.png").read_bytes() == b"png of r1"


def test_stale_staging_is_removed_and_two_published_runs_are_kept(tmp_path: Path) -> None:
    layout = WarehouseLayout(tmp_path)
    for run in ("r1", "r2", "r3"):
        stage(layout, run)
        layout.publish(run)
    stage(layout, "killed", ["documents"])
    (tmp_path / ".akhbar-x.duckdb.tmp").write_bytes(b"")
    removed = layout.clean_stale()
    assert any(p.endswith("killed") for p in removed)
    assert sorted(p.name for p in layout.runs_dir.iterdir()) == ["r2", "r3"]  # current and the previous one
    assert not (tmp_path / ".akhbar-x.duckdb.tmp").exists()


def test_atomic_writes_give_files_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    import stat

    from pipeline.schemas import TABLES
    from pipeline.storage.atomic import _UMASK, replace_atomically
    from pipeline.storage.parquet import ParquetStore

    target = tmp_path / "x.txt"
    replace_atomically(target, lambda tmp: Path(tmp).write_text("v1", encoding="utf-8"))
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~_UMASK, "a BI tool running as another user reads it"
    try:
        replace_atomically(target, lambda tmp: (_ for _ in ()).throw(OSError("disk full")))
    except OSError:
        pass
    assert target.read_text(encoding="utf-8") == "v1" and [p.name for p in tmp_path.iterdir()] == ["x.txt"]
    store = ParquetStore(tmp_path / "wh")
    store.write("source_stats", pl.DataFrame(schema={c.name: c.dtype for c in TABLES["source_stats"].columns}))
    assert stat.S_IMODE(os.stat(store.files("source_stats")[0]).st_mode) == 0o666 & ~_UMASK


def _docs(rows: list[tuple[str, datetime | None]]) -> pl.DataFrame:
    frame = pl.DataFrame({"doc_id": [r[0] for r in rows], "published_at": [r[1] for r in rows]},
                         schema={"doc_id": pl.String, "published_at": pl.Datetime("us", "UTC")})
    schema = TABLES["documents"].polars_schema
    extra = {c: pl.lit(None, dtype=schema[c]) for c in schema.names() if c not in frame.columns}
    required = {c.name: pl.lit(0 if c.dtype.is_integer() else "x", dtype=c.dtype)
                for c in TABLES["documents"].columns if not c.nullable and c.name not in frame.columns}
    return frame.with_columns(**{**extra, **required})


def test_per_document_tables_are_hive_partitioned_by_publication_month(tmp_path: Path) -> None:
    """documents and the tables hanging off them land in published_month=YYYY-MM folders (unknown when
    undated); reading the folder gives back every row in key order, and DuckDB sees the Hive column."""
    import duckdb

    store = ParquetStore(tmp_path)
    docs = _docs([("d2", datetime(2015, 8, 31, 23, 30, tzinfo=UTC)), ("d1", datetime(2015, 7, 1, tzinfo=UTC)),
                  ("d3", None)])
    store.write("documents", docs)
    folder = tmp_path / "parquet" / "documents"
    assert sorted(p.name for p in folder.iterdir()) == [
        "published_month=2015-07", "published_month=2015-08", "published_month=unknown"]
    assert store.read("documents")["doc_id"].to_list() == ["d1", "d2", "d3"]
    sents = pl.DataFrame({"doc_id": ["d1", "d2", "d2", "d3"], "sentence_idx": [0, 0, 1, 0],
                          "start": [0, 0, 5, 0], "end": [4, 5, 9, 3], "text": ["a", "b", "c", "d"]})
    store.write("sentences", sents)
    assert pl.read_parquet(tmp_path / "parquet/sentences/published_month=2015-08/part-0.parquet").height == 2
    assert store.read("sentences").equals(store.read("sentences").sort("doc_id", "sentence_idx"))
    assert store.read("sentences").height == 4
    con = duckdb.connect()
    rows = con.execute("SELECT published_month, count(*) FROM read_parquet(?, hive_partitioning = true) "
                       "GROUP BY 1 ORDER BY 1", [str(tmp_path / "parquet/sentences/*/*.parquet")]).fetchall()
    con.close()
    assert rows == [("2015-07", 1), ("2015-08", 2), ("unknown", 1)]
    # a rewrite without August removes August's folder
    store.write("sentences", sents.filter(pl.col("doc_id") != "d2"))
    assert not (tmp_path / "parquet/sentences/published_month=2015-08").exists()
    assert store.read("sentences")["doc_id"].to_list() == ["d1", "d3"]


def test_a_partitioned_table_needs_its_documents(tmp_path: Path) -> None:
    store = ParquetStore(tmp_path)
    sents = pl.DataFrame({"doc_id": ["d1"], "sentence_idx": [0], "start": [0], "end": [4], "text": ["a"]})
    with pytest.raises(ContractError, match="write 'documents' first"):
        store.write("sentences", sents)
    store.write("sentences", sents, documents=_docs([("d1", datetime(2016, 1, 5, tzinfo=UTC))]))
    assert (tmp_path / "parquet/sentences/published_month=2016-01/part-0.parquet").exists()
    empty = ParquetStore(tmp_path / "empty")
    empty.write("documents", _docs([]))
    assert empty.files("documents") == [tmp_path / "empty/parquet/documents/published_month=unknown/part-0.parquet"]
    assert empty.read("documents").is_empty()


def test_a_table_written_before_partitioning_is_still_read_then_replaced(tmp_path: Path) -> None:
    store = ParquetStore(tmp_path)
    old = tmp_path / "parquet" / "documents" / "part-0.parquet"
    old.parent.mkdir(parents=True)
    docs = _docs([("d1", datetime(2015, 7, 1, tzinfo=UTC))])
    docs.write_parquet(old)
    assert store.files("documents") == [old] and store.read("documents")["doc_id"].to_list() == ["d1"]
    store.write("documents", docs)
    assert not old.exists() and [p.parent.name for p in store.files("documents")] == ["published_month=2015-07"]


def test_reads_are_served_from_memory_until_the_file_is_replaced(tmp_path: Path) -> None:
    """A table read twice in one process is read from disk once; a rewrite (a new file) is read again, and a
    column subset comes back in the row order an uncached read gives."""
    from pipeline.storage import parquet

    parquet.clear_read_cache()
    store = ParquetStore(tmp_path)
    docs = _docs([("d2", datetime(2015, 8, 31, tzinfo=UTC)), ("d1", datetime(2015, 7, 1, tzinfo=UTC))])
    store.write("documents", docs)
    first = store.read("documents")
    assert store.read("documents").equals(first) and len(parquet._read_cache) == 1
    subset = store.read("documents", ["doc_id"])
    assert subset["doc_id"].to_list() == ["d1", "d2"]
    parquet.clear_read_cache()
    assert store.read("documents", ["doc_id"]).equals(subset)
    store.write("documents", docs.filter(pl.col("doc_id") == "d1"))
    assert store.read("documents")["doc_id"].to_list() == ["d1"]
    parquet.clear_read_cache()


def test_key_problems_counts_duplicates_sorted_or_not():
    """keys_unique_and_not_null counts duplicate keys the same on a table stored in key order (one pass over
    neighbours) and on one that is not (hashing)."""
    from pipeline.defs.checks import key_problems

    rows = [("E1", "E2", "d1"), ("E1", "E2", "d2"), ("E1", "E3", "d1"), ("E1", "E3", "d1"), ("E2", "E3", "d9"),
            ("E2", "E3", "d9"), ("E2", "E3", "d9")]
    frame = pl.DataFrame(rows, schema=["entity_a", "entity_b", "doc_id"], orient="row").with_columns(
        pl.lit(1).alias("n_sentences"))
    assert key_problems("entity_pair_docs", frame) == (3, 0)
    assert key_problems("entity_pair_docs", frame.reverse()) == (3, 0)
    assert key_problems("entity_pair_docs", frame.unique(maintain_order=True)) == (0, 0)
    assert key_problems("entity_pair_docs", frame.unique(maintain_order=True).reverse()) == (0, 0)
    # a row that only shares two of the three key parts with the row before is no duplicate
    near = pl.DataFrame([("E1", "E2", "d1"), ("E1", "E2", "d2"), ("E1", "E3", "d2")],
                        schema=["entity_a", "entity_b", "doc_id"], orient="row")
    assert key_problems("entity_pair_docs", near) == (0, 0)
    with_null = pl.DataFrame({"entity_a": ["E1", None, "E1"], "entity_b": ["E2", "E2", "E2"],
                              "doc_id": ["d", "d", "d"]})
    assert key_problems("entity_pair_docs", with_null) == (1, 1)


def test_spans_overlapping_equals_the_pairwise_test_without_the_cross_product() -> None:
    import random

    import polars as pl

    from pipeline.defs.checks import spans_overlapping

    rng = random.Random(3)

    def spans(n: int) -> pl.DataFrame:
        rows = []
        for _ in range(n):
            start = rng.randrange(0, 200)
            rows.append((rng.choice(["d1", "d2", "d3"]), start, start + rng.randrange(1, 15)))
        return pl.DataFrame(rows, schema=["doc_id", "start", "end"], orient="row")

    for _ in range(30):
        refs = spans(40).with_row_index("rid")
        others = spans(rng.randrange(0, 60))  # overlapping and nested among themselves, some touching
        brute = {rid for rid, d, s, e in refs.iter_rows()
                 if any(d == od and s < oe and os_ < e for od, os_, oe in others.iter_rows())}
        got = set(spans_overlapping(refs, others)["rid"].to_list())
        assert got == brute
    touching = spans_overlapping(pl.DataFrame({"doc_id": ["d"], "start": [5], "end": [9]}),
                                 pl.DataFrame({"doc_id": ["d", "d"], "start": [0, 9], "end": [5, 12]}))
    assert touching.is_empty()


def test_span_mismatches_finds_every_span_whose_text_differs() -> None:
    from pipeline.defs.checks import span_mismatches

    docs = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": ["قال الوزير إن", "زار جدة", None]})
    spans = pl.DataFrame({
        "id": [1, 2, 3, 4, 5, 6, 7, 8],
        "doc_id": ["a", "a", "a", "b", "b", "c", "z", "a"],
        "start": [4, 4, -1, 4, 4, 0, 0, None],
        "end": [10, 9, 3, 7, 9, 1, 1, 3],
        "surface": ["الوزير", "الوزي ", "قال", "جدة", "جدة", "x", "x", "قال"],
    })
    # 2: other text; 3: negative start; 5: past the end; 6: no text; 7: no document; 8: null start, no other fault
    assert span_mismatches(spans, docs, "start", "end", "surface")["id"].to_list() == [2, 3, 5, 6, 7]
    assert span_mismatches(spans.head(1), docs, "start", "end", "surface").is_empty()
    # a long document with many spans, one of them wrong near its end
    text = "قال المتحدث إن القوات قصفت مواقع. " * 30_000
    starts = list(range(0, len(text) - 20, 97))
    surfaces = [text[s : s + 5] for s in starts]
    surfaces[-3] = "خطأ"
    many = pl.DataFrame({"doc_id": ["big"] * len(starts), "start": starts, "end": [s + 5 for s in starts],
                         "surface": surfaces})
    bad = span_mismatches(many, pl.DataFrame({"doc_id": ["big"], "text": [text]}), "start", "end", "surface")
    assert bad["start"].to_list() == [starts[-3]]
    # articles and a long document in one table: the faults of both, in the table's order
    both = pl.concat([many.head(3), spans.drop("id"), many.tail(4)])
    bad = span_mismatches(both, pl.concat([docs, pl.DataFrame({"doc_id": ["big"], "text": [text]})]),
                          "start", "end", "surface")
    assert bad.columns == both.columns
    assert bad["start"].to_list() == [4, -1, 4, 0, 0, starts[-3]]
