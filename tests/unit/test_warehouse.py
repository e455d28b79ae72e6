"""WarehouseLayout: staging, publish (one switch), reuse of published tables, clean-up and retention."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from pipeline.schemas import TABLES
from pipeline.storage.warehouse import DB_NAME, PublishError, WarehouseLayout, sha256_file


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
    assert (tmp_path / "parquet" / "documents" / "part-0.parquet").exists()
    assert (tmp_path / DB_NAME).read_bytes() == b"r1"
    assert manifest.tables["documents"]["sha256"] == sha256_file(layout.staging("r1").path("documents"))
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
    layout.publish("r1")
    stage(layout, "r2", ["documents"])
    reused = layout.complete_from_current("r2")
    assert "documents" not in reused and "entities" in reused
    layout.publish("r2")
    assert layout.current_run_id() == "r2" and (tmp_path / DB_NAME).read_bytes() == b"r2"


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
    assert stat.S_IMODE(os.stat(store.path("source_stats")).st_mode) == 0o666 & ~_UMASK
