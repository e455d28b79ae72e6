"""Content digests of every table of a warehouse: the seeds run is pinned by ``tests/fixtures/seed_tables.json``.

A change that alters what the pipeline produces on ``seeds/`` must update the snapshot in the same commit,
on purpose: ``make snapshot`` (runs the seeds pipeline into a temp folder and rewrites the file). A
refactor must leave it untouched. ``raw_files.modified_at`` is left out: it is the file time of the
checkout, not the pipeline's output.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

import polars as pl

from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore

SNAPSHOT = Path(__file__).resolve().parent / "fixtures" / "seed_tables.json"
VOLATILE = {"raw_files": ("modified_at",)}


def table_digest(frame: pl.DataFrame) -> str:
    """SHA-256 (first 16 hex) of the table's rows as NDJSON, in the stored (key) order."""
    return hashlib.sha256(frame.write_ndjson().encode("utf-8")).hexdigest()[:16]


def digests(warehouse: Path) -> dict[str, dict[str, object]]:
    store = ParquetStore(warehouse)
    out: dict[str, dict[str, object]] = {}
    for name in TABLES:
        frame = store.read(name).drop(*VOLATILE.get(name, ()))
        out[name] = {"rows": frame.height, "digest": table_digest(frame)}
    return out


def main() -> int:
    from pipeline.cli import main as akhbar

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    with tempfile.TemporaryDirectory() as tmp:
        rc = akhbar(["run", "--input", str(seeds), "--warehouse", tmp])
        if rc != 0:
            print("the seeds run failed; fix it before updating the snapshot", file=sys.stderr)
            return rc
        SNAPSHOT.write_text(json.dumps(digests(Path(tmp)), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
