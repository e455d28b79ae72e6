"""The ``akhbar`` command: run the pipeline, evaluate or train the NER model, print the data dictionary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from pipeline.config import DEFAULT_SHARED_DIR, NER_MODEL_DIR, NerBackendName, Settings, parse_backend


def _instance():
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.get()  # runs then show up in `dagster dev` with the same DAGSTER_HOME
    return dg.DagsterInstance.ephemeral()


def _root_cause(error: Any) -> str:
    """The innermost error of a Dagster step failure ("PermissionError: …"), not "Error occurred while …"."""
    while getattr(error, "cause", None) is not None:
        error = error.cause
    message = (error.message or "").strip().splitlines()
    return message[-1] if message else getattr(error, "cls_name", None) or "unknown error"


def _execute(job: Any, **kw: Any) -> Any:
    """Run the job in this process (a seam for ``akhbar bench``, which reads the step timings)."""
    return job.execute_in_process(**kw)


def run(args: argparse.Namespace) -> int:
    """Materialize the whole graph through Dagster into a run folder, check it, publish it, and print rows
    per asset and every check result. Exit codes: 0 published, 1 a check or step failed (nothing published),
    2 a setting is wrong, 3 another run holds the warehouse."""
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("akhbar: interrupted; nothing was published (the warehouse still holds its previous run)",
              file=sys.stderr)
        return 130
    except Exception as err:  # an error of Akhbar itself, not of one input: one line, traceback on request
        if args.verbose:
            raise
        print(f"akhbar: error: {type(err).__name__}: {err} (run again with --verbose for the traceback)",
              file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from pipeline.definitions import PIPELINE_JOB, build_definitions
    from pipeline.storage.warehouse import LOCK_ENV, WarehouseBusy, WarehouseLayout, warehouse_lock

    try:
        settings = Settings.from_env().with_paths(args.input, args.warehouse)
        if args.ner_backend:
            from dataclasses import replace

            settings = replace(settings, ner_backend=parse_backend(args.ner_backend, "--ner-backend"))
        settings.validate(for_writing=True)
    except ValueError as err:
        print(f"akhbar: {err}", file=sys.stderr)
        return 2
    defs = build_definitions(settings)  # (which also tunes the garbage collector for the run)
    job = defs.resolve_job_def(PIPELINE_JOB)
    layout = WarehouseLayout(settings.warehouse_dir)
    print(f"akhbar: input {settings.input_dir}\nakhbar: warehouse {settings.warehouse_dir}", flush=True)
    if not any(Path(settings.input_dir).iterdir()):
        print(f"akhbar: warning: the input folder {settings.input_dir} is empty; the run publishes empty tables",
              file=sys.stderr)
    log_level = "DEBUG" if args.verbose else "WARNING"
    try:
        with warehouse_lock(layout.root):
            for leftover in layout.clean_stale():
                print(f"akhbar: removed what an interrupted run left: {leftover}", file=sys.stderr)
            os.environ[LOCK_ENV] = f"{layout.root.resolve()}:{os.getpid()}"
            try:
                loggers: dict[str, Any] = {"console": {"config": {"log_level": log_level}}}
                if not args.quiet:
                    loggers["progress"] = {}
                    print(f"{'at':>9}  {'took':>8}  stage: rows written", flush=True)
                tags = {"akhbar/input": settings.input_dir, "akhbar/warehouse": settings.warehouse_dir,
                        "akhbar/ner_backend": str(settings.ner_backend), "akhbar/launched_by": "akhbar run"}
                result = _execute(job, instance=_instance(), raise_on_error=False, run_config={"loggers": loggers},
                                  tags=tags)
            finally:
                os.environ.pop(LOCK_ENV, None)
            if not result.success:  # nothing of this run is published: drop its folder now
                import shutil

                shutil.rmtree(layout.run_dir(result.run_id), ignore_errors=True)
    except WarehouseBusy as err:
        print(f"akhbar: {err}", file=sys.stderr)
        return 3

    rows: dict[str, int | None] = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        if mat is None:
            continue
        count = mat.metadata.get("dagster/row_count")
        rows[mat.asset_key.to_user_string()] = getattr(count, "value", None)
    print("\n asset               rows")
    for name, n in rows.items():
        print(f" {name:<19} {n if n is not None else '-':>6}")

    evaluations = result.get_asset_check_evaluations()
    failed = [e for e in evaluations if not e.passed]
    print(f"\n checks: {len(evaluations) - len(failed)} passed, {len(failed)} failed")
    for e in sorted(evaluations, key=lambda e: (e.passed, e.asset_key.to_user_string(), e.check_name)):
        if e.passed and args.quiet:
            continue
        mark = "ok  " if e.passed else "FAIL"
        detail = ""
        if not e.passed:
            detail = "  " + "; ".join(f"{k}={getattr(v, 'value', v)}" for k, v in e.metadata.items())
        print(f" {mark} {e.asset_key.to_user_string()}.{e.check_name}{detail}")
    for event in result.all_events:
        error = event.step_failure_data.error if event.is_step_failure and event.step_failure_data else None
        if error is not None:
            print(f"\nakhbar: step {event.step_key} failed: {_root_cause(error)}", file=sys.stderr)
    published = result.success and not failed and layout.current_run_id() == result.run_id
    if published:
        print(f"\n published run {result.run_id}\n Parquet: {layout.root / 'parquet'}\n"
              f" DuckDB:  {layout.database_path}")
        return 0
    previous = layout.manifest()
    still = (f"it still holds run {previous['run_id']} (published {previous['published_at']})" if previous
             else "it holds no published run yet")
    print(f"\nakhbar: run {result.run_id} failed; nothing was published to {layout.root}: {still}",
          file=sys.stderr)
    return 1


def ner_eval(args: argparse.Namespace) -> int:
    from pipeline.nlp.ner.evaluate import ner_eval_main

    return ner_eval_main(args.conll, args.model, args.layer)


def ner_train(args: argparse.Namespace) -> int:
    from pipeline.training.recipe import ner_train_main

    if args.out is None and not args.replace_shipped:
        print("akhbar: ner-train needs --out DIR (a new model folder), or --replace-shipped to overwrite the "
              f"shipped model in the source tree ({NER_MODEL_DIR})", file=sys.stderr)
        return 2
    from pipeline.training.recipe import DEFAULT_GROUPS
    from pipeline.training.resources import missing_dictionary

    if "dict" in DEFAULT_GROUPS and (problem := missing_dictionary()):
        print(f"akhbar: ner-train: {problem}", file=sys.stderr)  # before minutes of training, not after
        return 2
    return ner_train_main(args.shared, args.out)


def data_dictionary(_: argparse.Namespace) -> int:
    from pipeline.schemas import data_dictionary as render

    print(render(), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="akhbar", description="Arabic news → analytical tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="materialize every asset and run every check")
    p_run.add_argument("--input", help="folder of articles (default: seeds/, or AKHBAR_INPUT)")
    p_run.add_argument("--warehouse", help="output folder (default: warehouse/, or AKHBAR_WAREHOUSE)")
    p_run.add_argument("--ner-backend", choices=[b.value for b in NerBackendName],
                       help="NER backend (default: AKHBAR_NER_BACKEND or the shipped default)")
    p_run.add_argument("--verbose", action="store_true", help="show Dagster's step-by-step log")
    p_run.add_argument("--quiet", action="store_true", help="no progress lines; list only failed checks")
    p_run.set_defaults(func=run)
    p_bench = sub.add_parser("bench", help="throughput of a full run against a floor measured in the same run",
                             add_help=False)
    p_bench.set_defaults(func=None)
    p_eval = sub.add_parser("ner-eval", help="score the NER model on a CoNLL file (token label lines)")
    p_eval.add_argument("--conll", required=True, help="file of 'token label' lines, blank line between sentences")
    p_eval.add_argument("--model", help="model folder to score (default: the shipped model)")
    p_eval.add_argument("--layer", choices=("crf", "persons"), default="crf",
                        help="crf (default): the model alone; persons: the model with the pipeline's person layer, "
                             "persons as `akhbar run` tags them (the model alone is printed too, and under \"crf\" "
                             "in the JSON line; about half as fast)")
    p_eval.set_defaults(func=ner_eval)
    p_train = sub.add_parser("ner-train", help="retrain the shipped NER model from ../shared data")
    p_train.add_argument("--shared", default=str(DEFAULT_SHARED_DIR),
                         help="the shared data folder (default: ../shared beside the repo)")
    p_train.add_argument("--out", default=None, help="output model folder (score it: ner-eval --model DIR)")
    p_train.add_argument("--replace-shipped", action="store_true",
                         help="write into the shipped model folder in the source tree instead of --out")
    p_train.set_defaults(func=ner_train)
    p_dict = sub.add_parser("data-dictionary", help="print the data dictionary (markdown)")
    p_dict.set_defaults(func=data_dictionary)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # its own parser (pipeline/benchmark.py)
        from pipeline.benchmark import bench_main

        return bench_main(argv[1:])
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
