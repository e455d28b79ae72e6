"""Write–audit–publish: killed runs, failing checks, concurrent writers, stale WALs and odd paths never leave
a warehouse that mixes two runs or cannot be opened."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipeline.config import Settings
from pipeline.definitions import ASSETS, CHECKS, build_definitions
from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore
from pipeline.storage.warehouse import WarehouseBusy, WarehouseLayout, sha256_file, warehouse_lock

ROOT = Path(__file__).resolve().parents[2]
AKHBAR = [sys.executable, "-m", "pipeline.cli"]


def akhbar(*args: str, **kw) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([*AKHBAR, *args], capture_output=True, text=True, cwd=ROOT, timeout=300, **kw)


def tables(wh: Path) -> dict[str, pl.DataFrame]:
    store = ParquetStore(wh)
    return {name: store.read(name) for name in TABLES}


def assert_consistent(wh: Path) -> str:
    """The published run is whole: every file matches its manifest, DuckDB matches Parquet, every mention
    points at a document. Returns its run id."""
    layout = WarehouseLayout(wh)
    manifest = layout.manifest()
    assert manifest is not None, "a published run has a manifest"
    run_dir = layout.run_dir(manifest["run_id"])
    for entry in manifest["tables"].values():
        for part in entry.get("files", [entry]):
            assert sha256_file(run_dir / part["path"]) == part["sha256"], part["path"]
    data = tables(wh)
    con = duckdb.connect(str(wh / "akhbar.duckdb"), read_only=True)
    try:
        for name, frame in data.items():
            assert con.execute(f'SELECT count(*) FROM "{name}"').fetchone() == (frame.height,), name
    finally:
        con.close()
    docs = set(data["documents"]["doc_id"])
    assert set(data["entity_mentions"]["doc_id"]) <= docs
    assert set(data["entity_stats"]["entity_id"]) <= set(data["entities"]["entity_id"])
    return str(manifest["run_id"])


def same_tables(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for name in TABLES:
        assert ta[name].equals(tb[name]), f"{name} differs"


@pytest.fixture()
def two_inputs(tmp_path: Path, seeds_dir: Path) -> tuple[Path, Path]:
    """Input A (all seeds) and input B (a different selection), so two runs' tables differ."""
    a, b = tmp_path / "in_a", tmp_path / "in_b"
    shutil.copytree(seeds_dir, a)
    b.mkdir()
    for f in sorted(seeds_dir.iterdir())[:3]:
        if f.is_file():
            shutil.copy(f, b / f.name)
    return a, b


def test_killed_runs_leave_the_previous_run_whole_and_the_next_run_repairs(tmp_path: Path,
                                                                           two_inputs: tuple[Path, Path]) -> None:
    input_a, input_b = two_inputs
    wh = tmp_path / "wh"
    start = time.monotonic()
    assert akhbar("run", "--input", str(input_a), "--warehouse", str(wh)).returncode == 0
    duration = time.monotonic() - start
    first = assert_consistent(wh)
    before = tables(wh)
    for fraction in (0.3, 0.6, 0.85, 0.97):
        proc = subprocess.Popen([*AKHBAR, "run", "--input", str(input_b), "--warehouse", str(wh)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if assert_consistent(wh) == first:  # killed before it published: the old run, untouched
            for name, frame in tables(wh).items():
                assert frame.equals(before[name]), name
        else:  # it got to publish before the kill: then it is whole (checked above)
            break
    result = akhbar("run", "--input", str(input_b), "--warehouse", str(wh))
    assert result.returncode == 0, result.stderr
    assert_consistent(wh)
    fresh = tmp_path / "fresh"
    assert akhbar("run", "--input", str(input_b), "--warehouse", str(fresh)).returncode == 0
    same_tables(wh, fresh)
    # what killed runs left is gone: one published run (and at most the previous one), no temp files
    runs = list((wh / "runs").iterdir())
    assert len(runs) <= 2 and all((r / "manifest.json").exists() for r in runs)
    assert not list(wh.rglob("*.tmp"))


def test_a_failing_blocking_check_publishes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    wh = tmp_path / "wh"
    defs = build_definitions(Settings(input_dir=str(seeds_dir), warehouse_dir=str(wh)))
    assert dg.materialize([*ASSETS, *CHECKS], resources=defs.resources, instance=dg.DagsterInstance.ephemeral(),
                          raise_on_error=False).success
    first = assert_consistent(wh)
    before = tables(wh)

    @dg.asset_check(asset="entity_mentions", blocking=True)
    def always_fails() -> dg.AssetCheckResult:
        return dg.AssetCheckResult(passed=False, metadata={"bad_rows": 3})

    result = dg.materialize([*ASSETS, *CHECKS, always_fails], resources=defs.resources,
                            instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    assert not result.success
    assert assert_consistent(wh) == first
    for name, frame in tables(wh).items():
        assert frame.equals(before[name]), name


def test_a_second_writer_fails_fast_naming_the_first(tmp_path: Path, seeds_dir: Path) -> None:
    wh = tmp_path / "wh"
    with warehouse_lock(wh, run_id="first-run"):
        with pytest.raises(WarehouseBusy, match=rf"pid {os.getpid()}.*first-run"):
            with warehouse_lock(wh):
                pass
        result = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh))
        assert result.returncode == 3
        assert "is being written by pid" in result.stderr and "first-run" in result.stderr
    assert akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh)).returncode == 0  # released


def test_two_concurrent_runs_one_fails_fast(tmp_path: Path, two_inputs: tuple[Path, Path]) -> None:
    input_a, input_b = two_inputs
    wh, go = tmp_path / "wh", tmp_path / "go"
    # the second run is started (imports done) first and told to go once the first holds the lock
    waiting = ("import sys, time, pathlib, pipeline.cli, pipeline.definitions\n"
               f"while not pathlib.Path({str(go)!r}).exists(): time.sleep(0.01)\n"
               f"sys.exit(pipeline.cli.main(['run', '--input', {str(input_b)!r}, '--warehouse', {str(wh)!r}]))")
    second = subprocess.Popen([sys.executable, "-c", waiting], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    first = subprocess.Popen([*AKHBAR, "run", "--input", str(input_a), "--warehouse", str(wh)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (wh / ".akhbar.lock").exists() or not (wh / ".akhbar.lock").read_text():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    go.touch()
    _, err_second = second.communicate(timeout=300)
    _, err_first = first.communicate(timeout=300)
    assert first.returncode == 0, err_first
    assert second.returncode == 3 and "being written by pid" in err_second, err_second
    assert_consistent(wh)
    assert tables(wh)["documents"].height == 5  # the first run's input, not a mix


def test_a_stale_wal_does_not_brick_the_warehouse(tmp_path: Path, seeds_dir: Path) -> None:
    wh = tmp_path / "wh"
    assert akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh)).returncode == 0
    # an analyst opens the database read-write, writes, and is killed before a checkpoint
    code = ("import duckdb, os; c = duckdb.connect({!r}); c.execute('SET checkpoint_threshold=\"1TB\"'); "
            "c.execute('CREATE TABLE mine AS SELECT 1 AS x'); os._exit(0)").format(str(wh / "akhbar.duckdb"))
    subprocess.run([sys.executable, "-c", code], check=True)
    assert list(wh.rglob("*.wal")), "the killed session left a WAL"
    result = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh))
    assert result.returncode == 0, result.stderr
    current = WarehouseLayout(wh).run_dir(assert_consistent(wh))
    assert not list(current.glob("*.wal")) and not (wh / "akhbar.duckdb.wal").exists()
    # a WAL sits beside the database it belongs to, so the next run never meets a WAL that does not match
    for _ in range(2):
        assert akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh)).returncode == 0
        assert_consistent(wh)


@pytest.mark.parametrize("name", ["out[1]", "out?q", "out#1 {x}", "مخرجات"])
def test_warehouse_paths_are_names_not_patterns(tmp_path: Path, seeds_dir: Path, name: str) -> None:
    wh = tmp_path / name
    result = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh))
    assert result.returncode == 0, result.stderr
    data = tables(wh)
    assert data["documents"].height == 5


def test_legacy_warehouse_is_taken_over(tmp_path: Path, seeds_dir: Path) -> None:
    """A warehouse written before runs existed (real parquet/ folder and database file) becomes a run."""
    wh = tmp_path / "wh"
    (wh / "parquet" / "documents").mkdir(parents=True)
    (wh / "parquet" / "documents" / "part-0.parquet").write_bytes(b"old")
    (wh / "akhbar.duckdb").write_bytes(b"old")
    result = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh))
    assert result.returncode == 0, result.stderr
    assert (wh / "parquet").is_symlink() and assert_consistent(wh)


def test_user_errors_are_one_line(tmp_path: Path, seeds_dir: Path) -> None:
    missing = akhbar("run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    inside = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(seeds_dir / "wh"))
    assert inside.returncode == 2 and "overlap" in inside.stderr
    camel = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(tmp_path / "wh"), "--ner-backend", "camel",
                   env={**os.environ, "AKHBAR_CAMEL_NER_MODEL": str(tmp_path)})
    assert camel.returncode == 2 and "AKHBAR_CAMEL_NER_MODEL" in camel.stderr
    assert not (tmp_path / "wh").exists() or not any((tmp_path / "wh").iterdir())  # nothing half-written
    empty = tmp_path / "empty"
    empty.mkdir()
    run = akhbar("run", "--input", str(empty), "--warehouse", str(tmp_path / "wh2"))
    assert run.returncode == 0 and "is empty" in run.stderr
    manifest = json.loads((tmp_path / "wh2" / "current" / "manifest.json").read_text())
    assert manifest["input_dir"] == str(empty)


def test_a_full_disk_publishes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        wh = small / "wh"
        assert akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh)).returncode == 0
        first = assert_consistent(wh)
        before = tables(wh)
        (small / "filler").write_bytes(b"\0" * (os.statvfs(small).f_bavail * os.statvfs(small).f_frsize - 600_000))
        result = akhbar("run", "--input", str(seeds_dir), "--warehouse", str(wh))
        assert result.returncode == 1 and "No space left" in result.stderr and "nothing was published" in result.stderr
        assert "Traceback" not in result.stderr
        assert assert_consistent(wh) == first
        for name, frame in tables(wh).items():
            assert frame.equals(before[name]), name
        assert [r.name for r in (wh / "runs").iterdir()] == [first]  # the failed run's folder is gone
    finally:
        subprocess.run(["umount", "-l", str(small)], capture_output=True)
