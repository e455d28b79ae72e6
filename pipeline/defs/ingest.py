"""Stage ingest: ``raw_files`` — every file under the input folder, with its hash and detected encoding."""


import dagster as dg

from pipeline.defs.checks import contract_checks
from pipeline.defs.resources import InputFiles, Warehouse
from pipeline.nlp.ingest import raw_files_frame, scan_inputs


@dg.asset(
    group_name="ingest",
    kinds={"polars", "parquet"},
    description="One row per input file (txt, html, json, jsonl, anything else) found recursively under the "
    "input folder; sidecar <name>.meta.json files are attached to their article.",
)
def raw_files(context: dg.AssetExecutionContext, warehouse: Warehouse, inputs: InputFiles) -> dg.MaterializeResult:
    files, records, rejections = scan_inputs(inputs.input_dir, inputs.max_file_bytes)
    context.log.info(f"{len(files)} files under {inputs.input_dir}: {len(records)} article records, "
                     f"{len(rejections)} rejected at file level")
    return warehouse.publish("raw_files", raw_files_frame(files), input_dir=dg.MetadataValue.path(inputs.input_dir))


raw_files_checks = contract_checks("raw_files")
