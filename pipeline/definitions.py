"""The Dagster ``Definitions`` of Akhbar: every asset, check and resource. Used by the UI
(``dagster dev -w workspace.yaml``) and by ``akhbar run`` alike."""

from __future__ import annotations

import dagster as dg

from pipeline.config import Settings
from pipeline.defs import documents, entities, events, serving, stats
from pipeline.defs.progress import progress_logger
from pipeline.defs.resources import InputFiles, NerConfig, Warehouse

ASSETS = [
    documents.raw_files_documents_and_quarantine,
    documents.sentences,
    entities.entity_mentions,
    entities.entities,
    entities.entity_aliases,
    events.event_mentions_and_events,
    stats.entity_stats,
    stats.entity_daily,
    stats.entity_pairs,
    stats.source_stats,
    serving.akhbar_duckdb,
    serving.published_run,
]
CHECKS = [
    *documents.documents_checks,
    *entities.entities_checks,
    *events.events_checks,
    *stats.stats_checks,
    serving.database_matches_parquet,
]


PIPELINE_JOB = "akhbar_pipeline"


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """Definitions wired to ``settings`` (default: environment variables, see pipeline/config.py)."""
    s = settings or Settings.from_env()
    s.validate()
    return dg.Definitions(
        assets=ASSETS,
        asset_checks=CHECKS,
        loggers={"console": dg.colored_console_logger, "progress": progress_logger},
        # one process per run by default: a process per step costs a Python start and imports for each of ~56
        # steps (5 min on the seeds); the per-document stages use every core through pipeline.parallel
        executor=dg.multiprocess_executor if s.executor == "multiprocess" else dg.in_process_executor,
        jobs=[dg.define_asset_job(PIPELINE_JOB, selection=dg.AssetSelection.all(),
                                  description="Materialize every Akhbar table, run every check, rebuild DuckDB.")],
        resources={
            "warehouse": Warehouse(root=s.warehouse_dir),
            "inputs": InputFiles(input_dir=s.input_dir, max_file_bytes=s.max_file_bytes,
                                 near_duplicate_threshold=s.near_duplicate_threshold),
            "ner": NerConfig(backend=s.ner_backend, camel_model_dir=s.camel_model_dir, kb_extra=list(s.kb_extra)),
        },
    )


defs = build_definitions()
