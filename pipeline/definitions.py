"""The Dagster ``Definitions`` of Akhbar: every asset, check and resource. Used by the UI
(``dagster dev -w workspace.yaml``) and by ``akhbar run`` alike."""

from __future__ import annotations

import dagster as dg

from pipeline.config import Settings
from pipeline.defs import documents, entities, events, serving, stats
from pipeline.defs.progress import progress_logger
from pipeline.defs.resources import InputFiles, NerConfig, Warehouse, table_schema
from pipeline.defs.sensors import PIPELINE_JOB, akhbar_input_folder

ASSETS = [
    documents.raw_files_documents_and_quarantine,
    documents.sentences,
    entities.entity_mentions,
    entities.entities,
    entities.entity_aliases,
    entities.entity_references,
    events.event_mentions_and_events,
    stats.entity_stats,
    stats.entity_daily,
    stats.entity_pair_docs,
    stats.entity_pairs,
    stats.source_stats,
    stats.source_type_stats,
    serving.akhbar_duckdb,
    serving.published_run,
]
OWNERS = ["team:akhbar"]


def _describe(spec: dg.AssetSpec) -> dg.AssetSpec:
    """Owners, a code version (a digest of the package's code, model and lexicons: a new model or lexicon
    marks every table stale in the UI) and, for tables, the column schema before any run."""
    from pipeline.schemas import TABLES
    from pipeline.storage.cache import code_version

    name = spec.key.to_user_string()
    metadata = dict(spec.metadata)
    if name in TABLES:
        metadata["dagster/column_schema"] = table_schema(name)
    return spec.replace_attributes(owners=OWNERS, code_version=code_version()[:12], metadata=metadata)


ASSETS = list(dg.map_asset_specs(_describe, ASSETS))

CHECKS = [
    *documents.documents_checks,
    *entities.entities_checks,
    *events.events_checks,
    *stats.stats_checks,
    serving.database_matches_parquet,
]


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """Definitions wired to ``settings`` (default: environment variables, see pipeline/config.py)."""
    from pipeline.parallel import tune_garbage_collector

    s = settings or Settings.from_env()
    s.validate()
    tune_garbage_collector()  # the process that loads the definitions runs the assets (in-process executor)
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        sensors=[akhbar_input_folder],
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
        # one process per run by default: a process per step costs a Python start and imports for each of ~56
        # steps (5 min on the seeds); the per-document stages use every core through pipeline.parallel
        executor=dg.multiprocess_executor if s.executor == "multiprocess" else dg.in_process_executor,
        jobs=[dg.define_asset_job(PIPELINE_JOB, selection=dg.AssetSelection.all(),
                                  description="Materialize every Akhbar table, run every check, rebuild DuckDB.")],
        resources={
            "warehouse": Warehouse(root=s.warehouse_dir, duckdb_storage_version=s.duckdb_storage_version),
            "inputs": InputFiles(input_dir=s.input_dir, max_file_bytes=s.max_file_bytes,
                                 near_duplicate_threshold=s.near_duplicate_threshold),
            "ner": NerConfig(backend=s.ner_backend, camel_model_dir=s.camel_model_dir, kb_extra=list(s.kb_extra)),
        },
    )


defs = build_definitions()
