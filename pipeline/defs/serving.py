"""Stage serving: the DuckDB database analysts and BI tools query, rebuilt from Parquet and ``sql/``."""


from pathlib import Path

import dagster as dg
import duckdb

from pipeline.defs.resources import Warehouse
from pipeline.schemas import TABLES
from pipeline.storage.duckdb_build import build_database


@dg.asset(
    group_name="serving",
    kinds={"duckdb"},
    deps=list(TABLES),
    description="warehouse/akhbar.duckdb: a table per contract table (copied from Parquet, with column "
    "comments) and the analyst views of sql/views/. Built in a temp file and swapped in atomically.",
)
def akhbar_duckdb(warehouse: Warehouse) -> dg.MaterializeResult:
    result = build_database(warehouse.store, Path(warehouse.sql_dir))
    lines = [f"| {name} | {n} |" for name, n in result.tables.items()]
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(result.path)),
        "tables": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(lines)),
        "views": ", ".join(result.views),
        "dagster/row_count": dg.MetadataValue.int(sum(result.tables.values())),
    })


@dg.asset_check(asset="akhbar_duckdb", blocking=True,
                description="The database opens read-only, holds every contract table with the Parquet row "
                "count, and every view answers a query.")
def database_matches_parquet(warehouse: Warehouse) -> dg.AssetCheckResult:
    store = warehouse.store
    problems: list[str] = []
    con = duckdb.connect(str(warehouse.database_path), read_only=True)
    try:
        for name in TABLES:
            got = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            expected = store.read(name).height
            if got is None or got[0] != expected:
                problems.append(f"{name}: {got and got[0]} rows in DuckDB, {expected} in Parquet")
        views = [r[0] for r in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main'").fetchall()]
        for view in views:
            try:
                con.execute(f'SELECT * FROM "{view}" LIMIT 1').fetchall()
            except duckdb.Error as err:
                problems.append(f"view {view}: {err}")
    finally:
        con.close()
    return dg.AssetCheckResult(passed=not problems, metadata={
        "problems": "\n".join(problems) or "none", "views_checked": len(views)})
