"""A sensor on the input folder: when files are added, changed or removed, it requests a run of the whole
pipeline. With the per-document cache (pipeline/storage/cache.py) such a run cleans, tags and detects events
only in the new or changed articles and recomputes the cross-document tables over all of them.

Off by default (turn it on in the UI, Automation tab, or ``dagster sensor start akhbar_input_folder``);
it checks every minute and never reads a file, it only lists and stats them.
"""

from __future__ import annotations

import dagster as dg

from pipeline.defs.resources import InputFiles
from pipeline.nlp.ingest import input_fingerprint

PIPELINE_JOB = "akhbar_pipeline"


@dg.sensor(job_name=PIPELINE_JOB, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED,
           description="Runs akhbar_pipeline when the input folder changes (files added, changed or removed).")
def akhbar_input_folder(context: dg.SensorEvaluationContext, inputs: InputFiles) -> dg.SensorResult:
    fingerprint = input_fingerprint(inputs.input_dir)
    if fingerprint == context.cursor:
        return dg.SensorResult(skip_reason=dg.SkipReason(f"{inputs.input_dir} has not changed"))
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=fingerprint, tags={"akhbar/input": inputs.input_dir,
                                                                "akhbar/launched_by": "akhbar_input_folder"})],
        cursor=fingerprint,
    )
