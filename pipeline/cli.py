"""The ``akhbar`` command: run the pipeline, evaluate or train the NER model, print the data dictionary."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pipeline.config import DEFAULT_SHARED_DIR, NerBackendName, Settings, parse_backend


def _instance():
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.get()  # runs then show up in `dagster dev` with the same DAGSTER_HOME
    return dg.DagsterInstance.ephemeral()


def run(args: argparse.Namespace) -> int:
    """Materialize the whole graph through Dagster, print rows per asset and every check result."""
    from pipeline.definitions import PIPELINE_JOB, build_definitions

    try:
        settings = Settings.from_env().with_paths(args.input, args.warehouse)
        if args.ner_backend:
            from dataclasses import replace

            settings = replace(settings, ner_backend=parse_backend(args.ner_backend, "--ner-backend"))
        settings.validate()
    except ValueError as err:
        print(f"akhbar: {err}", file=sys.stderr)
        return 2
    defs = build_definitions(settings)
    job = defs.resolve_job_def(PIPELINE_JOB)
    print(f"akhbar: input {settings.input_dir}\nakhbar: warehouse {settings.warehouse_dir}", flush=True)
    log_level = "DEBUG" if args.verbose else "WARNING"
    result = job.execute_in_process(
        instance=_instance(), raise_on_error=False,
        run_config={"loggers": {"console": {"config": {"log_level": log_level}}}},
    )

    rows: dict[str, int | None] = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization  # type: ignore[union-attr]
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
        mark = "ok  " if e.passed else "FAIL"
        detail = ""
        if not e.passed:
            detail = "  " + "; ".join(f"{k}={getattr(v, 'value', v)}" for k, v in e.metadata.items())
        print(f" {mark} {e.asset_key.to_user_string()}.{e.check_name}{detail}")
    if not result.success:
        for event in result.all_events:
            error = event.step_failure_data.error if event.is_step_failure and event.step_failure_data else None
            if error is not None:
                print(f"\nakhbar: step {event.step_key} failed: {error.message.strip()}", file=sys.stderr)
    outputs = Path(settings.warehouse_dir)
    print(f"\n Parquet: {outputs / 'parquet'}\n DuckDB:  {outputs / 'akhbar.duckdb'}")
    return 0 if result.success and not failed else 1


def ner_eval(args: argparse.Namespace) -> int:
    from pipeline.nlp.ner.evaluate import ner_eval_main

    return ner_eval_main(args.conll)


def ner_train(args: argparse.Namespace) -> int:
    from pipeline.training.recipe import ner_train_main

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
    p_run.set_defaults(func=run)
    p_eval = sub.add_parser("ner-eval", help="score the NER model on a CoNLL file (token label lines)")
    p_eval.add_argument("--conll", required=True, help="file of 'token label' lines, blank line between sentences")
    p_eval.set_defaults(func=ner_eval)
    p_train = sub.add_parser("ner-train", help="retrain the shipped NER model from ../shared data")
    p_train.add_argument("--shared", default=str(DEFAULT_SHARED_DIR),
                         help="the shared data folder (default: ../shared beside the repo)")
    p_train.add_argument("--out", default=None, help="output model folder (default: the shipped model folder)")
    p_train.set_defaults(func=ner_train)
    p_dict = sub.add_parser("data-dictionary", help="print the data dictionary (markdown)")
    p_dict.set_defaults(func=data_dictionary)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
