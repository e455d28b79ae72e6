import subprocess
from pathlib import Path

from pipeline.definitions import defs
from pipeline.schemas import TABLES

ROOT = Path(__file__).resolve().parents[2]


def test_definitions_load_with_every_table_as_an_asset():
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {*TABLES, "akhbar_duckdb"} <= keys


def test_dagster_validates_the_workspace():
    dagster = ROOT / ".venv" / "bin" / "dagster"
    exe = str(dagster) if dagster.exists() else "dagster"
    out = subprocess.run([exe, "definitions", "validate", "-w", "workspace.yaml"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def test_data_dictionary_is_up_to_date():
    from pipeline.schemas import data_dictionary

    assert (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8") == data_dictionary(), (
        "run `make dictionary` to regenerate docs/data_dictionary.md")


def test_ui_runs_are_one_process_unless_asked(seeds_dir: Path, tmp_path: Path):
    import pytest

    from pipeline.config import Settings
    from pipeline.definitions import PIPELINE_JOB, build_definitions

    base = Settings(input_dir=str(seeds_dir), warehouse_dir=str(tmp_path))
    job = build_definitions(base).resolve_job_def(PIPELINE_JOB)
    assert job.executor_def.name == "in_process"
    from dataclasses import replace

    multi = build_definitions(replace(base, executor="multiprocess")).resolve_job_def(PIPELINE_JOB)
    assert multi.executor_def.name == "multiprocess"
    with pytest.raises(ValueError, match="AKHBAR_EXECUTOR"):
        build_definitions(replace(base, executor="celery"))
