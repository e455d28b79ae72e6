"""Build ``<warehouse>/akhbar.duckdb`` from the Parquet truth and the SQL files in ``sql/``.

The database is built in a temporary file next to the target and swapped in with ``os.replace``, so a
reader never sees a half-built database and a reader holding the old file never blocks a run.
Contract tables are copied in (so the file answers queries from any working directory, read-only, even
if the Parquet folder moves); ``sql/views/*.sql`` then define the analyst views, in file-name order.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore

DB_NAME = "akhbar.duckdb"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class BuildResult:
    path: Path
    tables: dict[str, int]
    views: list[str]


def view_files(sql_dir: Path) -> list[Path]:
    """The analyst view definitions, one ``CREATE OR REPLACE VIEW`` per file, in name order."""
    return sorted((sql_dir / "views").glob("*.sql"))


def build_database(store: ParquetStore, sql_dir: Path) -> BuildResult:
    """Create every contract table from Parquet, add column comments, then the views; swap in atomically."""
    target = store.root / DB_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".akhbar-", suffix=".duckdb.tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # duckdb wants to create the file itself
    counts: dict[str, int] = {}
    views: list[str] = []
    try:
        con = duckdb.connect(tmp)
        try:
            for name, table in TABLES.items():
                cols = ", ".join(f'"{c}"' for c in table.names)
                source = _quote(str(store.path(name).resolve()))
                con.execute(f'CREATE TABLE "{name}" AS SELECT {cols} FROM read_parquet({source})')
                con.execute(f'COMMENT ON TABLE "{name}" IS {_quote(table.description)}')
                for col in table.columns:
                    con.execute(f'COMMENT ON COLUMN "{name}"."{col.name}" IS {_quote(col.description)}')
                row = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
                counts[name] = int(row[0]) if row else 0
            for path in view_files(sql_dir):
                con.execute(path.read_text(encoding="utf-8"))
                views.append(path.stem)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        Path(tmp + ".wal").unlink(missing_ok=True)
        raise
    return BuildResult(target, counts, views)
