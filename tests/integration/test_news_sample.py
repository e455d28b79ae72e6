"""The 2,000-article shared news sample ingests without a crash, with metadata from the sidecars."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from pipeline.nlp.documents import build_documents
from pipeline.nlp.ingest import scan_inputs


def test_news_sample_ingests_with_sidecar_metadata(shared_dir: Path):
    folder = shared_dir / "data" / "news_sample"
    files, records, rejections = scan_inputs(folder, 5_000_000)
    docs, content_rejections = build_documents(records)
    n_articles = len(list(folder.rglob("*.txt")))
    assert len(records) == n_articles
    # every file is a document or a quarantine row (SOURCE.md is unsupported_format)
    accounted = set(docs["source_path"].to_list()) | {r.source_path for r in [*rejections, *content_rejections]}
    assert {f.path for f in files} == accounted
    assert {r.reason for r in rejections} <= {"unsupported_format"}
    assert docs.height + len([r for r in content_rejections if r.reason == "duplicate"]) == n_articles
    # sidecar values are used: source, url, and the date as published_at (origin 'metadata')
    sample = docs.sort("source_path").row(0, named=True)
    meta = json.loads((folder / sample["source_path"].replace(".txt", ".meta.json")).read_text(encoding="utf-8"))
    assert sample["source"] == meta["source"] and sample["url"] == meta["url"]
    assert docs["source"].null_count() == 0 and docs["url"].null_count() == 0
    # the sidecars only know when the page was fetched (date_extracted): a date in the header wins over it
    assert set(docs["published_at_origin"].unique().to_list()) <= {"crawl", "text"}
    assert (docs["published_at_origin"] == "crawl").sum() > docs.height // 2
    assert docs.filter(pl.col("published_at").dt.year() != 2015).height == 0
