"""Stages ingest and documents: ``raw_files``, ``documents`` and ``quarantine`` from one scan of the input
folder, then ``sentences``."""


import dagster as dg
import polars as pl

from pipeline.defs.checks import SAMPLE, contract_checks, span_mismatches
from pipeline.defs.progress import stage_progress
from pipeline.defs.resources import InputFiles, Warehouse
from pipeline.nlp.documents import (
    PREPARED_SCHEMA,
    Prepared,
    build_documents,
    decode_prepared,
    encode_prepared,
    prepare_batch,
    prepare_key,
)
from pipeline.nlp.ingest import Record, quarantine_frame, raw_files_frame, scan_inputs
from pipeline.nlp.segment import sentences_frame
from pipeline.parallel import ordered_map
from pipeline.storage.cache import StageCache, cached_per_document, cached_values, code_version, digest, text_digest


@dg.multi_asset(
    specs=[
        dg.AssetSpec("raw_files", group_name="ingest", kinds={"polars", "parquet"},
                     description="One row per entry under the input folder (txt, html, json, jsonl, anything "
                     "else, and links, special files or folders that cannot be read); sidecar <name>.meta.json "
                     "files are attached to their article."),
        dg.AssetSpec("documents", group_name="documents", kinds={"polars", "parquet"}, deps=["raw_files"],
                     description="Cleaned, de-duplicated Arabic articles with metadata; every offset in the "
                     "warehouse points into documents.text."),
        dg.AssetSpec("quarantine", group_name="documents", kinds={"polars", "parquet"}, deps=["raw_files"],
                     description="Every input entry or JSONL line that did not become a document, with a "
                     "reason code and a readable explanation."),
    ],
)
def raw_files_documents_and_quarantine(context: dg.AssetExecutionContext, warehouse: Warehouse,
                                       inputs: InputFiles):
    """One scan of the input folder: the bytes hashed in raw_files are the bytes the documents come from."""
    files, records, rejections = scan_inputs(inputs.input_dir, inputs.max_file_bytes)
    context.log.info(f"{len(files)} entries under {inputs.input_dir}: {len(records)} article records, "
                     f"{len(rejections)} rejected at file level")
    side_problems = [f for f in files if f.sidecar_problem]
    if side_problems:
        first = side_problems[0]
        context.log.warning(f"{len(side_problems)} sidecar(s) gave no metadata, their articles kept without it "
                            f"(raw_files.sidecar_problem); first: {first.sidecar_path}: {first.sidecar_problem}")
    version = code_version(settings=("documents",))

    def prepare(order: list[Record]) -> list[Prepared]:
        keys = [digest(version, prepare_key(rec)) for rec in order]
        with stage_progress(context, "documents", "records"):
            values, computed = cached_values(
                StageCache(warehouse.root, "documents"), keys,
                lambda todo: ordered_map(prepare_batch, [order[i] for i in todo]),
                encode_prepared, decode_prepared, PREPARED_SCHEMA)
        context.log.info(f"{computed} of {len(order)} records cleaned, the others taken from the cache")
        counts["cleaned"], counts["from_cache"] = computed, len(order) - computed
        return values

    counts: dict[str, int] = {}
    docs, content_rejections = build_documents(records, inputs.near_duplicate_threshold, prepare=prepare)
    quarantine = quarantine_frame([*rejections, *content_rejections])
    reasons = quarantine.group_by("reason").len().sort("reason")
    context.log.info(f"{docs.height} documents, {quarantine.height} quarantined")
    yield warehouse.publish("raw_files", raw_files_frame(files), input_dir=dg.MetadataValue.path(inputs.input_dir),
                            sidecar_problems=len(side_problems))
    yield warehouse.publish("documents", docs, records_cleaned=counts.get("cleaned", 0),
                            records_from_cache=counts.get("from_cache", 0),
                            n_clusters=dg.MetadataValue.int(docs["cluster_id"].n_unique() if docs.height else 0))
    yield warehouse.publish("quarantine", quarantine, reasons=dg.MetadataValue.md(
        "\n".join(f"- {r}: {n}" for r, n in reasons.iter_rows()) or "_nothing quarantined_"))


@dg.asset(
    group_name="documents",
    kinds={"polars", "parquet"},
    deps=["documents"],
    description="Sentence spans over documents.text (Arabic and Latin sentence punctuation, newlines).",
)
def sentences(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    documents = warehouse.read("documents", ["doc_id", "text"]).sort("doc_id")
    version = code_version(settings=("sentences",))
    keys = {d: text_digest(version, d, t) for d, t in documents.iter_rows()}

    def split(doc_ids: list[str]) -> list[pl.DataFrame]:
        return [sentences_frame(documents.filter(pl.col("doc_id").is_in(pl.Series(doc_ids, dtype=pl.String)
                                                                            .implode())))]

    (frame,), computed = cached_per_document([StageCache(warehouse.root, "sentences")], keys, split)
    context.log.info(f"{computed} of {len(keys)} documents split into sentences, the others taken from the cache")
    return warehouse.publish("sentences", frame, documents_split=computed, documents_from_cache=len(keys) - computed)


@dg.asset_check(asset="quarantine", blocking=True,
                additional_deps=["documents", "raw_files"],
                description="Every input file became a document, a duplicate or a quarantine row "
                "(JSONL files: every line), and nothing else appeared.")
def every_file_accounted_for(warehouse: Warehouse) -> dg.AssetCheckResult:
    raw = set(warehouse.read("raw_files")["path"].to_list())
    docs = warehouse.read("documents").select("source_path", "source_line")
    quarantined = warehouse.read("quarantine").select("source_path", "source_line")
    produced = set(docs["source_path"]) | set(quarantined["source_path"])
    missing = sorted(raw - produced)
    unknown = sorted(produced - raw)
    both = docs.join(quarantined, on=["source_path", "source_line"], how="inner")
    return dg.AssetCheckResult(
        passed=not missing and not unknown and both.is_empty(),
        metadata={"files_seen": len(raw), "documents": docs.height, "quarantine_rows": quarantined.height,
                  "unaccounted_files": ", ".join(missing[:SAMPLE]) or "none",
                  "rows_without_file": ", ".join(unknown[:SAMPLE]) or "none",
                  "both_document_and_quarantined": ", ".join(
                      f"{p}:{n}" for p, n in both.head(SAMPLE).iter_rows()) or "none"},
    )


@dg.asset_check(asset="documents", blocking=True,
                description="No empty text, n_chars = len(text), cluster_id names a document, dup_of names "
                "the original of the document's cluster (null for exactly one per cluster), dates after "
                "1900 and published_at_origin set exactly when published_at is.")
def documents_are_clean(warehouse: Warehouse) -> dg.AssetCheckResult:
    docs = warehouse.read("documents")
    bad_len = docs.filter(pl.col("n_chars") != pl.col("text").str.len_chars()).height
    empty = docs.filter(pl.col("text").str.strip_chars() == "").height
    orphan_clusters = docs.filter(~pl.col("cluster_id").is_in(docs["doc_id"].implode())).height
    target = docs.select(pl.col("doc_id").alias("dup_of"), pl.col("cluster_id").alias("_target_cluster"),
                         pl.col("dup_of").alias("_target_dup_of"))
    bad_dup = docs.join(target, on="dup_of", how="left").filter(
        pl.col("dup_of").is_not_null()
        & (pl.col("_target_cluster").is_null() | (pl.col("_target_cluster") != pl.col("cluster_id"))
           | pl.col("_target_dup_of").is_not_null())).height
    originals = docs.group_by("cluster_id").agg(pl.col("dup_of").is_null().sum().alias("n")).filter(
        pl.col("n") != 1).height
    origin = docs.filter(pl.col("published_at").is_null() != pl.col("published_at_origin").is_null()).height
    old = docs.filter(pl.col("published_at") < pl.datetime(1900, 1, 1, time_zone="UTC")).height
    return dg.AssetCheckResult(
        passed=not (bad_len or empty or orphan_clusters or bad_dup or originals or origin or old),
        metadata={"n_chars_wrong": bad_len, "empty_text": empty, "unknown_cluster_ids": orphan_clusters,
                  "dup_of_not_the_original_of_its_cluster": bad_dup, "clusters_without_one_original": originals,
                  "origin_inconsistent": origin, "dates_before_1900": old},
    )


@dg.asset_check(asset="sentences", blocking=True,
                additional_deps=["documents"],
                description="Sentence spans are non-empty, in order, non-overlapping, inside their document, "
                "their text equals documents.text[start:end], and every document has at least one.")
def sentences_tile_documents(warehouse: Warehouse) -> dg.AssetCheckResult:
    sents = warehouse.read("sentences").sort("doc_id", "sentence_idx")
    docs = warehouse.read("documents")
    mismatched = span_mismatches(sents, docs, "start", "end", "text").height
    overlaps = sents.with_columns(pl.col("end").shift(1).over("doc_id").alias("_prev_end")).filter(
        pl.col("_prev_end").is_not_null() & (pl.col("start") < pl.col("_prev_end"))).height
    without = docs.filter(~pl.col("doc_id").is_in(sents["doc_id"].implode())).height
    return dg.AssetCheckResult(
        passed=not (mismatched or overlaps or without),
        metadata={"spans_not_matching_text": mismatched, "overlapping_spans": overlaps,
                  "documents_without_sentences": without},
    )


documents_checks = [*contract_checks("raw_files"), *contract_checks("documents"), *contract_checks("quarantine"),
                    *contract_checks("sentences"),
                    every_file_accounted_for, documents_are_clean, sentences_tile_documents]
