"""Parquet tables under ``<warehouse>/parquet/<table>/part-0.parquet``: atomic writes, contract casts."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import TABLES, Table
from pipeline.storage.atomic import replace_atomically

PART = "part-0.parquet"


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


class ParquetStore:
    """Reads and atomically writes contract tables under ``root/parquet``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def parquet_dir(self) -> Path:
        return self.root / "parquet"

    def path(self, table: str) -> Path:
        return self.parquet_dir / table / PART

    def write(self, table: str, frame: pl.DataFrame) -> pl.DataFrame:
        """Conform ``frame`` to the contract, sort it by key and write it atomically; return what was written."""
        contract = TABLES[table]
        out = conform(contract, frame)
        if contract.key:
            out = out.sort(sort_key(contract), nulls_last=True)
        arrow = out.to_arrow()
        # the contract's nullability in the file's schema: keys and required columns are "required"
        required = {c.name for c in contract.columns if not c.nullable}
        arrow = arrow.cast(pa.schema([f.with_nullable(f.name not in required) for f in arrow.schema]))
        replace_atomically(self.path(table), lambda tmp: pq.write_table(arrow, tmp, compression="zstd",
                                                                        write_statistics=True),
                           prefix=f".{table}-", suffix=".parquet.tmp")
        return out

    def read(self, table: str) -> pl.DataFrame:
        """Read a table; a clear error says which asset to materialize when it is missing."""
        path = self.path(table)
        if not path.exists():
            raise FileNotFoundError(
                f"table {table!r} not found at {path}: materialize the asset {table!r} (and its upstream "
                f"assets) first, e.g. `akhbar run --warehouse {self.root}`"
            )
        return pl.read_parquet(path, glob=False)  # a folder named 'out[1]' is a name, not a pattern
