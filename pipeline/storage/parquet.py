"""Parquet tables under ``<warehouse>/parquet/<table>/``: atomic writes, contract casts, Hive partitions by month."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import OrderedDict
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import PARTITION_COLUMN, TABLES, UNKNOWN_MONTH, Table
from pipeline.storage.atomic import replace_atomically

PART = "part-0.parquet"
# tables read in this process, by their files' identity: a run's checks read the same few tables dozens of
# times. A file is only ever replaced (a new inode), so (path, inode, size, mtime) names its bytes.
READ_CACHE_BYTES = 256 * 1024 * 1024
_read_cache: OrderedDict[tuple[object, ...], pl.DataFrame] = OrderedDict()


class ContractError(ValueError):
    """A frame does not match its table contract."""


def conform(table: Table, frame: pl.DataFrame) -> pl.DataFrame:
    """Select and cast ``frame`` to the exact columns and types of ``table``.

    Raises :class:`ContractError` naming the missing or unexpected columns, so the producer can be fixed.
    """
    missing = [c for c in table.names if c not in frame.columns]
    extra = [c for c in frame.columns if c not in table.names]
    if missing or extra:
        raise ContractError(
            f"table {table.name!r}: missing columns {missing}, unexpected columns {extra}; "
            f"declare new columns in pipeline/schemas.py and produce every declared column"
        )
    return frame.select([pl.col(c.name).cast(c.dtype, strict=True) for c in table.columns])


def sort_key(table: Table) -> list[str]:
    """Deterministic row order: the table's key."""
    return list(table.key)


def month_of(published_at: pl.Expr) -> pl.Expr:
    """The partition value of a publication time: ``YYYY-MM`` (UTC), or ``unknown`` when there is none."""
    return published_at.dt.strftime("%Y-%m").fill_null(UNKNOWN_MONTH)


def file_digest(files: list[tuple[str, str]]) -> str:
    """One SHA-256 for a table stored as several files: over each (relative path, file sha256), in order."""
    digest = hashlib.sha256()
    for rel, sha in files:
        digest.update(f"{rel}\t{sha}\n".encode())
    return digest.hexdigest()


class ParquetStore:
    """Reads and atomically writes contract tables under ``root/parquet``: ``<table>/part-0.parquet``, or for a
    partitioned table (``Table.partitioned``) one ``<table>/published_month=YYYY-MM/part-0.parquet`` per month."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def parquet_dir(self) -> Path:
        return self.root / "parquet"

    def location(self, table: str) -> Path:
        """What a reader points at: the table's file, or its folder of partitions."""
        return self.table_dir(table) if TABLES[table].partitioned else self.table_dir(table) / PART

    def table_dir(self, table: str) -> Path:
        return self.parquet_dir / table

    def files(self, table: str) -> list[Path]:
        """The table's Parquet files, in a stable order (partitions by month); empty when it is not written."""
        folder = self.table_dir(table)
        single = folder / PART
        if TABLES[table].partitioned:
            parts = sorted(p for p in folder.glob(f"{PARTITION_COLUMN}=*/{PART}") if p.is_file())
            # a run published by a version before partitioning wrote one file: still readable
            return parts or ([single] if single.is_file() else [])
        return [single] if single.is_file() else []

    def exists(self, table: str) -> bool:
        return bool(self.files(table))

    def digest(self, table: str) -> str:
        """SHA-256 over the table's files and their paths (two runs that wrote the same bytes agree)."""
        return file_digest([(str(f.relative_to(self.parquet_dir)), hashlib.sha256(f.read_bytes()).hexdigest())
                            for f in self.files(table)])

    def write(self, table: str, frame: pl.DataFrame, documents: pl.DataFrame | None = None) -> pl.DataFrame:
        """Conform ``frame`` to the contract, sort it by key and write it atomically; return what was written.

        A partitioned table other than ``documents`` needs each row's publication month: from ``documents``
        (doc_id, published_at) when given, else from this store's documents table. Each partition file is
        replaced atomically and partitions no longer present are removed afterwards; a run writes into its own
        folder, which readers see only once the whole run is published."""
        contract = TABLES[table]
        out = conform(contract, frame)
        if contract.key:
            out = out.sort(sort_key(contract), nulls_last=True)
        if not contract.partitioned:
            self._write_file(contract, out, self.table_dir(table) / PART)
            return out
        months = self._months(table, out, documents)
        # one pass over the rows (rows keep their key order within a partition)
        parts = {str(k[0]): frame.drop(PARTITION_COLUMN) for k, frame in out.with_columns(months.alias(
            PARTITION_COLUMN)).partition_by(PARTITION_COLUMN, as_dict=True, maintain_order=True).items()}
        if not parts:
            parts = {UNKNOWN_MONTH: out}  # an empty table keeps one (empty) file: its schema stays readable
        for month in sorted(parts):
            self._write_file(contract, parts[month], self.table_dir(table) / f"{PARTITION_COLUMN}={month}" / PART)
        keep = {f"{PARTITION_COLUMN}={m}" for m in parts}
        for old in self.table_dir(table).glob(f"{PARTITION_COLUMN}=*"):
            if old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        (self.table_dir(table) / PART).unlink(missing_ok=True)  # the unpartitioned file of an older version
        return out

    def _months(self, table: str, out: pl.DataFrame, documents: pl.DataFrame | None) -> pl.Series:
        if table == "documents":
            return out.select(month_of(pl.col("published_at"))).to_series()
        if documents is None:
            if not self.exists("documents"):
                raise ContractError(
                    f"table {table!r} is partitioned by its documents' publication month: write 'documents' "
                    f"first or pass documents=(doc_id, published_at)")
            documents = self.read("documents", columns=["doc_id", "published_at"])
        month = documents.select("doc_id", month_of(pl.col("published_at")).alias(PARTITION_COLUMN))
        return (out.select("doc_id").join(month, on="doc_id", how="left", maintain_order="left")
                [PARTITION_COLUMN].fill_null(UNKNOWN_MONTH))

    @staticmethod
    def _write_file(contract: Table, frame: pl.DataFrame, path: Path) -> None:
        arrow = frame.to_arrow()
        # the contract's nullability in the file's schema: keys and required columns are "required"
        required = {c.name for c in contract.columns if not c.nullable}
        arrow = arrow.cast(pa.schema([f.with_nullable(f.name not in required) for f in arrow.schema]))
        replace_atomically(path, lambda tmp: pq.write_table(arrow, tmp, compression="zstd", write_statistics=True),
                           prefix=f".{contract.name}-", suffix=".parquet.tmp")

    def read(self, table: str, columns: list[str] | None = None) -> pl.DataFrame:
        """Read a table (all its partitions, in key order); a clear error says which asset to materialize when
        it is missing."""
        files = self.files(table)
        if not files:
            raise FileNotFoundError(
                f"table {table!r} not found at {self.location(table)}: materialize the asset {table!r} (and its "
                f"upstream assets) first, e.g. `akhbar run --warehouse {self.root}`"
            )
        try:
            identity = tuple((str(f), st.st_ino, st.st_size, st.st_mtime_ns) for f in files for st in [os.stat(f)])
        except OSError:  # replaced while listing: read it uncached
            identity = None
        if identity is not None:
            # a column subset is served from the whole table when it keeps the same row order: one file, or
            # partitions sorted by a key the subset holds
            whole_order = len(files) == 1 or all(k in (columns or ()) for k in sort_key(TABLES[table]))
            for wanted in (tuple(columns) if columns is not None else None, None):
                hit = _read_cache.get((identity, wanted))
                if hit is not None and (wanted is not None or columns is None or whole_order):
                    _read_cache.move_to_end((identity, wanted))
                    return hit.clone() if wanted is not None or columns is None else hit.select(columns)
        frame = self._read_files(table, files, columns)
        if identity is not None:
            _remember((identity, tuple(columns) if columns is not None else None), frame)
        return frame.clone()

    @staticmethod
    def _read_files(table: str, files: list[Path], columns: list[str] | None) -> pl.DataFrame:
        # glob=False: a folder named 'out[1]' is a name, not a pattern
        frames = [pl.read_parquet(f, glob=False, columns=columns) for f in files]
        if len(frames) == 1:
            return frames[0]
        contract = TABLES[table]
        key = [k for k in sort_key(contract) if columns is None or k in columns]
        frame = pl.concat(frames, how="vertical")
        return frame.sort(key, nulls_last=True) if key else frame


def _remember(key: tuple[object, ...], frame: pl.DataFrame) -> None:
    """Keep ``frame`` in the read cache, dropping the least recently read tables beyond its budget."""
    size = frame.estimated_size()
    if size > READ_CACHE_BYTES // 4:
        return
    _read_cache[key] = frame
    total = sum(f.estimated_size() for f in _read_cache.values())
    while total > READ_CACHE_BYTES and len(_read_cache) > 1:
        _, dropped = _read_cache.popitem(last=False)
        total -= dropped.estimated_size()


def clear_read_cache() -> None:
    """Forget every table read so far (tests; a long-lived process between runs)."""
    _read_cache.clear()
