"""The warehouse on disk: write–audit–publish, one run at a time.

Layout of a warehouse folder ``W``::

    W/runs/<run_id>/parquet/<table>/part-0.parquet   a run's tables (staging until published); the large
                                                      per-document tables as Hive partitions by month:
                                                      <table>/published_month=YYYY-MM/part-0.parquet
    W/runs/<run_id>/akhbar.duckdb                     the run's DuckDB database
    W/runs/<run_id>/reports/*.png                     the run's charts (shown in the Dagster UI)
    W/runs/<run_id>/manifest.json                     written at publish: run id, times, and per table its
                                                      bytes and SHA-256 (and each partition file's)
    W/current -> runs/<run_id>                        the published run: ONE symlink, switched atomically
    W/parquet -> current/parquet                      stable paths for BI tools and analysts
    W/akhbar.duckdb -> current/akhbar.duckdb
    W/.akhbar.lock                                    held (flock) by the run writing into W

A run writes every table into its own folder, its checks read them there, DuckDB is built there, and only
when every blocking check has passed does :meth:`WarehouseLayout.publish` switch ``current``. A crash or a
failed check publishes nothing: readers keep seeing the previous run, whole. Staging left by a killed run is
removed by the next run; the previous published run is kept one more run (for readers that still hold its
files open), older ones are removed.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.schemas import TABLES
from pipeline.storage.atomic import replace_atomically
from pipeline.storage.parquet import PART, ParquetStore, file_digest

DB_NAME = "akhbar.duckdb"
REPORTS = "reports"  # a run's charts, beside its parquet/ and akhbar.duckdb
MANIFEST = "manifest.json"
LOCK_NAME = ".akhbar.lock"
RUNS = "runs"
CURRENT = "current"
# characters DuckDB ('?' starts a query string) or a glob would read as syntax in a path
UNSAFE_PATH_CHARS = frozenset("?#[]*{}")


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


class PublishError(RuntimeError):
    """The run's staging folder is not complete enough to publish."""


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _link_or_copy(source: Path, target: Path) -> None:
    """A hard link to a published file (no bytes copied), or a copy where links are not possible."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _atomic_symlink(target: str, link: Path) -> None:
    """Point ``link`` at ``target`` in one atomic step (a new symlink renamed over the old one)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _atomic_write_text(path: Path, text: str) -> None:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())

    replace_atomically(path, write)


@dataclass(frozen=True)
class Manifest:
    run_id: str
    published_at: str
    tables: dict[str, dict[str, Any]]
    info: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps({"run_id": self.run_id, "published_at": self.published_at, "tables": self.tables,
                           **self.info}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class WarehouseLayout:
    """Paths of a warehouse folder and the operations that keep it consistent (see the module docstring)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # --- paths ---------------------------------------------------------------------------------------
    @property
    def runs_dir(self) -> Path:
        return self.root / RUNS

    @property
    def current_link(self) -> Path:
        return self.root / CURRENT

    @property
    def database_path(self) -> Path:
        """The stable path of the published database (a symlink into the current run)."""
        return self.root / DB_NAME

    @property
    def lock_path(self) -> Path:
        return self.root / LOCK_NAME

    def run_dir(self, run_id: str) -> Path:
        return self.runs_dir / run_id

    def staging(self, run_id: str) -> ParquetStore:
        return ParquetStore(self.run_dir(run_id))

    def current_run_id(self) -> str | None:
        """The published run, or None when nothing has been published (or a legacy layout)."""
        try:
            target = os.readlink(self.current_link)
        except OSError:
            return None
        return Path(target).name

    def current(self) -> ParquetStore | None:
        """The published tables: the current run, or a warehouse written before runs existed."""
        run = self.current_run_id()
        if run is not None and self.run_dir(run).is_dir():
            return ParquetStore(self.run_dir(run))
        legacy = self.root / "parquet"
        if legacy.is_dir() and not legacy.is_symlink():
            return ParquetStore(self.root)
        return None

    def manifest(self) -> dict[str, Any] | None:
        run = self.current_run_id()
        if run is None:
            return None
        path = self.run_dir(run) / MANIFEST
        try:
            return dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None

    def table_store(self, table: str, run_id: str | None) -> ParquetStore | None:
        """Where ``table`` is read from during run ``run_id``: its staging copy, else the published one."""
        if run_id is not None and self.staging(run_id).exists(table):
            return self.staging(run_id)
        current = self.current()
        if current is not None and current.exists(table):
            return current
        return None

    # --- the run's life ------------------------------------------------------------------------------
    def clean_stale(self, keep: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
        """Remove what killed runs left: unpublished run folders (except ``keep``) and temp files. Call it
        holding the lock. Returns what was removed."""
        removed: list[str] = []
        published = self.current_run_id()
        if self.runs_dir.is_dir():
            for run in self.runs_dir.iterdir():
                if run.name in keep or run.name == published or (run / MANIFEST).exists():
                    continue
                shutil.rmtree(run, ignore_errors=True)
                removed.append(str(run))
        for pattern in (".akhbar-*.duckdb.tmp*", ".current.*.tmp", ".parquet.*.tmp", f".{DB_NAME}.*.tmp"):
            for tmp in self.root.glob(pattern):
                with contextlib.suppress(OSError):
                    tmp.unlink()
                    removed.append(str(tmp))
        legacy = self.root / "parquet"
        if legacy.is_dir() and not legacy.is_symlink():
            for tmp in [*legacy.glob("*/.*.parquet.tmp"), *legacy.glob("*/*/.*.parquet.tmp")]:
                with contextlib.suppress(OSError):
                    tmp.unlink()
                    removed.append(str(tmp))
        return removed

    def complete_from_current(self, run_id: str) -> list[str]:
        """Give the run's staging folder the published copy of every table it did not write (a partial
        materialization in the UI), so the run folder is whole. Hard links when possible."""
        staging = self.staging(run_id)
        current = self.current()
        copied: list[str] = []
        for table in TABLES:
            if staging.exists(table) or current is None or not current.exists(table):
                continue
            for source in current.files(table):
                _link_or_copy(source, staging.parquet_dir / source.relative_to(current.parquet_dir))
            copied.append(table)
        published = self.current_run_id()
        if published is not None:  # charts of the stages this run did not rebuild
            for source in sorted((self.run_dir(published) / REPORTS).glob("*")):
                target = self.run_dir(run_id) / REPORTS / source.name
                if source.is_file() and not target.exists():
                    _link_or_copy(source, target)
        return copied

    def missing_tables(self, run_id: str) -> list[str]:
        staging = self.staging(run_id)
        missing = [t for t in TABLES if not staging.exists(t)]
        if not (self.run_dir(run_id) / DB_NAME).exists():
            missing.append(DB_NAME)
        return missing

    def publish(self, run_id: str, info: dict[str, Any] | None = None) -> Manifest:
        """Write the run's manifest and make it the current run in one atomic switch."""
        run_dir = self.run_dir(run_id)
        missing = self.missing_tables(run_id)
        if missing:
            raise PublishError(f"run {run_id} cannot be published: {', '.join(missing)} not written; run the "
                               "whole graph (`akhbar run`, or materialize all in the UI)")
        staging = self.staging(run_id)
        tables: dict[str, dict[str, Any]] = {}
        written: list[Path] = []
        for table in TABLES:
            files = staging.files(table)
            written += files
            entries = [(str(f.relative_to(run_dir)), f.stat().st_size, sha256_file(f)) for f in files]
            tables[table] = {"path": str(staging.location(table).relative_to(run_dir)),
                             "bytes": sum(size for _, size, _ in entries),
                             "sha256": file_digest([(str(f.relative_to(staging.parquet_dir)), sha)
                                                    for f, (_, _, sha) in zip(files, entries, strict=True)]),
                             "files": [{"path": rel, "bytes": size, "sha256": sha} for rel, size, sha in entries]}
        db = run_dir / DB_NAME
        tables[DB_NAME] = {"path": DB_NAME, "bytes": db.stat().st_size, "sha256": sha256_file(db)}
        for path in [*written, db]:
            with contextlib.suppress(OSError):
                fd = os.open(path, os.O_RDONLY)
                os.fsync(fd)
                os.close(fd)
        manifest = Manifest(run_id, datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
                            tables, dict(info or {}))
        _atomic_write_text(run_dir / MANIFEST, manifest.to_json())
        _fsync_dir(run_dir)
        previous = self.current_run_id()
        self._retire_legacy()
        _atomic_symlink(f"{RUNS}/{run_id}", self.current_link)  # ← the switch
        for name, target in (("parquet", f"{CURRENT}/parquet"), (DB_NAME, f"{CURRENT}/{DB_NAME}")):
            link = self.root / name
            if not (link.is_symlink() and os.readlink(link) == target):
                _atomic_symlink(target, link)
        # a WAL beside the stable path belongs to the database that was current before: it would not match
        for wal in (self.root / f"{DB_NAME}.wal", run_dir / f"{DB_NAME}.wal"):
            with contextlib.suppress(FileNotFoundError):
                wal.unlink()
        _fsync_dir(self.root)
        self._prune(keep={run_id, *([previous] if previous else [])})
        return manifest

    def _retire_legacy(self) -> None:
        """A warehouse written before runs existed has real ``parquet/`` and ``akhbar.duckdb``: remove them
        so the stable paths can become links."""
        legacy_parquet = self.root / "parquet"
        if legacy_parquet.is_dir() and not legacy_parquet.is_symlink():
            shutil.rmtree(legacy_parquet)
        legacy_db = self.root / DB_NAME
        if legacy_db.exists() and not legacy_db.is_symlink():
            legacy_db.unlink()

    def _prune(self, keep: set[str]) -> None:
        if not self.runs_dir.is_dir():
            return
        for run in self.runs_dir.iterdir():
            if run.name not in keep and (run / MANIFEST).exists():
                shutil.rmtree(run, ignore_errors=True)


# --- one writer -------------------------------------------------------------------------------------------
def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "another process"
    return (f"pid {info.get('pid')} on {info.get('host')} (run {info.get('run_id') or '?'}, started "
            f"{info.get('started')})")


@contextlib.contextmanager
def warehouse_lock(root: str | Path, run_id: str | None = None, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's exclusive lock (``flock``; released by the OS if the process dies). Raises
    :class:`WarehouseBusy` naming the holder when another process has it (after ``wait_seconds``)."""
    layout = WarehouseLayout(root)
    layout.root.mkdir(parents=True, exist_ok=True)
    fd = os.open(layout.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"warehouse {layout.root} is being written by {_holder(layout.lock_path)}; wait for that "
                        "run to finish (or stop it), or write to another --warehouse") from None
                time.sleep(0.2)
        info = {"pid": os.getpid(), "host": socket.gethostname(), "run_id": run_id,
                "started": datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the flock


LOCK_ENV = "AKHBAR_LOCK_HELD"  # set by `akhbar run` while it holds the lock: "<warehouse>:<pid>"


def held_by_this_process(root: str | Path) -> bool:
    """True inside an ``akhbar run`` that holds the lock of ``root`` for its whole run."""
    return os.environ.get(LOCK_ENV) == f"{Path(root).resolve()}:{os.getpid()}"


__all__ = ["DB_NAME", "LOCK_ENV", "PART", "REPORTS", "Manifest", "PublishError", "WarehouseBusy",
           "WarehouseLayout", "held_by_this_process", "warehouse_lock"]
