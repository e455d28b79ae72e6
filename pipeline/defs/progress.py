"""One line per stage as it finishes (rows, seconds, time since the start), for ``akhbar run``.

A Dagster logger, so it sees the run's own events; it is switched on only by the run config of
``akhbar run`` (``loggers: {progress: {}}``) and stays silent in the UI, which has its own run view.
Checks are counted, not listed: the run's summary lists their results.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import dagster as dg

PUBLISH_STEP = "published_run"


class _ProgressHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.started = time.monotonic()
        self.rows: dict[str, list[str]] = {}  # step -> "table rows" of what it wrote
        self.checks = 0

    def emit(self, record: logging.LogRecord) -> None:
        meta: Any = getattr(record, "dagster_meta", None)
        event = meta.get("dagster_event") if isinstance(meta, dict) else None
        if event is None:
            return
        step = event.step_key or ""
        if event.is_step_materialization:
            mat = event.event_specific_data.materialization
            count = mat.metadata.get("dagster/row_count")
            if count is not None:
                self.rows.setdefault(step, []).append(
                    f"{mat.asset_key.to_user_string()} {int(getattr(count, 'value', 0) or 0):,}")
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            self.checks += 1
        elif event.is_step_success and (step in self.rows or step == PUBLISH_STEP):
            seconds = (event.event_specific_data.duration_ms or 0.0) / 1000
            wrote = ", ".join(self.rows.get(step, ())) or "published"
            print(f" {time.monotonic() - self.started:7.1f} s  {seconds:6.1f} s  {wrote}  ({self.checks} checks run)",
                  flush=True)
        elif event.is_step_failure:
            print(f" FAIL  {step}", file=sys.stderr, flush=True)


@dg.logger(config_schema={}, description="akhbar run: one line per finished stage (rows, seconds).")
def progress_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    log = logging.Logger("akhbar.progress", level=logging.DEBUG)
    log.addHandler(_ProgressHandler())
    return log
