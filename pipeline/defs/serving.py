"""Stage serving: the run's DuckDB database, checked, then the run published (write–audit–publish)."""


from contextlib import nullcontext
from pathlib import Path

import dagster as dg
import duckdb

from pipeline.defs.resources import InputFiles, NerConfig, Warehouse
from pipeline.schemas import TABLES
from pipeline.storage.duckdb_build import build_database
from pipeline.storage.warehouse import held_by_this_process, warehouse_lock


@dg.asset(
    group_name="serving",
    kinds={"duckdb"},
    deps=list(TABLES),
    description="akhbar.duckdb: a table per contract table (copied from Parquet, with column comments) and "
    "the analyst views of sql/views/. Built inside the run's folder; readers get it when the run is "
    "published (asset published_run).",
)
def akhbar_duckdb(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    reused = warehouse.layout.complete_from_current(warehouse.run_id)  # tables this run did not write
    if reused:
        context.log.info(f"tables reused from the published run: {', '.join(reused)}")
    result = build_database(warehouse.store, Path(warehouse.sql_dir), warehouse.duckdb_storage_version or None)
    lines = [f"| {name} | {n} |" for name, n in result.tables.items()]
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(warehouse.database_path)),
        "staged_at": dg.MetadataValue.path(str(result.path)),
        "tables": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(lines)),
        "views": ", ".join(result.views),
        "dagster/row_count": dg.MetadataValue.int(sum(result.tables.values())),
    })


@dg.asset_check(asset="akhbar_duckdb", blocking=True,
                description="The run's database opens read-only, holds every contract table with the Parquet "
                "row count, and every view answers a query.")
def database_matches_parquet(warehouse: Warehouse) -> dg.AssetCheckResult:
    problems: list[str] = []
    views: list[str] = []
    con = duckdb.connect(str(warehouse.staged_database_path), read_only=True)  # read-only: any path works
    try:
        for name in TABLES:
            got = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            expected = warehouse.read(name).height
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


@dg.asset(
    group_name="serving",
    deps=["akhbar_duckdb", *TABLES],
    description="The run made current: its manifest (run id, rows and SHA-256 of every table file) is written "
    "and <warehouse>/current switches to it in one atomic step. Runs only when every blocking check of the run "
    "has passed, so readers always see one whole, checked run.",
)
def published_run(context: dg.AssetExecutionContext, warehouse: Warehouse, inputs: InputFiles,
                  ner: NerConfig) -> dg.MaterializeResult:
    layout = warehouse.layout
    holding = held_by_this_process(layout.root)
    with nullcontext() if holding else warehouse_lock(layout.root, warehouse.run_id, wait_seconds=60):
        layout.complete_from_current(warehouse.run_id)
        manifest = layout.publish(warehouse.run_id, {"input_dir": inputs.input_dir, "ner_backend": str(ner.backend)})
    context.log.info(f"published run {manifest.run_id} to {layout.root}")
    rows = "\n".join(f"| {t} | {v['sha256'][:12]} | {v['bytes']} |" for t, v in manifest.tables.items())
    return dg.MaterializeResult(metadata={
        "run_id": manifest.run_id,
        "manifest": dg.MetadataValue.path(str(layout.run_dir(manifest.run_id) / "manifest.json")),
        "current": dg.MetadataValue.path(str(layout.current_link)),
        "tables": dg.MetadataValue.md("| file | sha256 | bytes |\n|---|---|---|\n" + rows),
    })
