"""One line per stage as it finishes (rows, seconds, time since the start), for ``akhbar run``, and a
progress bar inside the long stages (cleaning, NER, events): items done of all, items a second, time left.

A Dagster logger, so it sees the run's own events; it is switched on only by the run config of
``akhbar run`` (``loggers: {progress: {}}``) and stays silent in the UI, which has its own run view (where
the progress reports are debug-level log lines). Checks are counted, not listed: the run's summary lists
their results. On a terminal the bar is one line redrawn in place; in a log file, a line every
``PROGRESS_EVERY`` seconds.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dagster as dg

from pipeline import parallel

PUBLISH_STEP = "published_run"
PROGRESS_TAG = "akhbar-progress"
PROGRESS_EVERY = 10.0  # seconds between two progress lines when the output is not a terminal


@contextmanager
def stage_progress(context: dg.AssetExecutionContext, stage: str, unit: str = "documents") -> Iterator[None]:
    """Report the per-document work of the block (every :func:`pipeline.parallel.ordered_map` in it) as
    debug log lines the ``akhbar run`` progress logger draws as a bar."""
    started = time.monotonic()

    def report(done: int, total: int) -> None:
        context.log.debug(f"{PROGRESS_TAG}\t{stage}\t{done}\t{total}\t{time.monotonic() - started:.3f}\t{unit}")

    with parallel.reporting(report):
        yield


def progress_text(stage: str, done: int, total: int, seconds: float, unit: str) -> str:
    """"entity_mentions: 4,096 of 13,358 documents, 142/s, about 65 s left" (no rate before a second)."""
    text = f"{stage}: {done:,} of {total:,} {unit}"
    if seconds >= 1.0 and done:
        rate = done / seconds
        text += f", {rate:,.0f}/s"
        if done < total:
            text += f", about {(total - done) / rate:,.0f} s left"
    return text


class _ProgressHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.started = time.monotonic()
        self.rows: dict[str, list[str]] = {}  # step -> "table rows" of what it wrote
        self.checks = 0
        self.tty = sys.stdout.isatty()
        self.bar = False  # a progress bar is drawn on the terminal's last line
        self.last_line = 0.0

    def _progress(self, message: str) -> None:
        try:
            _, stage, done_text, total_text, seconds, unit = message.split("\t")
            done, total = int(done_text), int(total_text)
            text = progress_text(stage, done, total, float(seconds), unit)
        except ValueError:
            return
        now = time.monotonic()
        if self.tty:
            print(f"\r\033[K {now - self.started:7.1f} s  {'':>8}  {text}", end="", flush=True)
            self.bar = True
        elif now - self.last_line >= PROGRESS_EVERY or done == total:
            print(f" {now - self.started:7.1f} s  {'':>8}  {text}", flush=True)
            self.last_line = now

    def emit(self, record: logging.LogRecord) -> None:
        meta: Any = getattr(record, "dagster_meta", None)
        event = meta.get("dagster_event") if isinstance(meta, dict) else None
        if event is None:
            message = meta.get("orig_message") if isinstance(meta, dict) else None
            if isinstance(message, str) and message.startswith(PROGRESS_TAG + "\t"):
                self._progress(message)
            return
        if self.bar and (event.is_step_success or event.is_step_failure):
            print("\r\033[K", end="", flush=True)  # the stage line takes the bar's place
            self.bar = False
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
