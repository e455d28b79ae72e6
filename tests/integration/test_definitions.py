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


def test_assets_carry_owners_code_version_and_schema_before_any_run():
    from pipeline.schemas import TABLES

    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.owners == ["team:akhbar"], key
        assert node.code_version and len(node.code_version) == 12, key
        if key.to_user_string() in TABLES:
            schema = node.metadata["dagster/column_schema"]
            assert [c.name for c in schema.columns] == [c.name for c in TABLES[key.to_user_string()].columns]


def test_the_input_folder_sensor_requests_a_run_only_on_change(tmp_path: Path):
    import dagster as dg

    from pipeline.defs.resources import InputFiles
    from pipeline.defs.sensors import akhbar_input_folder

    (tmp_path / "a.txt").write_text("خبر", encoding="utf-8")
    res = {"inputs": InputFiles(input_dir=str(tmp_path), max_file_bytes=1000, near_duplicate_threshold=0.8)}
    first = akhbar_input_folder(dg.build_sensor_context(cursor=None, resources=res))
    assert len(first.run_requests) == 1 and first.cursor
    same = akhbar_input_folder(dg.build_sensor_context(cursor=first.cursor, resources=res))
    assert not same.run_requests and same.skip_reason is not None
    (tmp_path / "b.txt").write_text("خبر آخر", encoding="utf-8")
    grown = akhbar_input_folder(dg.build_sensor_context(cursor=first.cursor, resources=res))
    assert len(grown.run_requests) == 1 and grown.cursor != first.cursor
    assert defs.resolve_sensor_def("akhbar_input_folder") is not None
