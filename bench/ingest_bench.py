"""Ingest + cleaning throughput on a folder of articles (default: ../shared/data/news_sample).

    .venv/bin/python bench/ingest_bench.py [DIR]

Prints articles/s for reading+decoding+parsing (scan_inputs) and for cleaning+dedup (build_documents),
measured in this one run. Results belong in the issue note, not in tests.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.nlp.documents import build_documents
from pipeline.nlp.ingest import scan_inputs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news_sample"


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    t0 = time.perf_counter()
    files, records, rejections = scan_inputs(folder, 5_000_000)
    t1 = time.perf_counter()
    docs, content_rejections = build_documents(records)
    t2 = time.perf_counter()
    n = len(records)
    print(f"files: {len(files)}  records: {n}  documents: {docs.height}  "
          f"quarantined: {len(rejections) + len(content_rejections)}")
    print(f"scan (read+decode+parse): {t1 - t0:.2f}s  {n / (t1 - t0):.0f} articles/s")
    print(f"clean+dedup:              {t2 - t1:.2f}s  {n / (t2 - t1):.0f} articles/s")
    print(f"total:                    {t2 - t0:.2f}s  {n / (t2 - t0):.0f} articles/s")
    with_meta = docs.filter(docs["source"].is_not_null() & docs["url"].is_not_null()).height
    print(f"documents with source and url from sidecars: {with_meta}/{docs.height}; "
          f"published_at from metadata: {(docs['published_at_origin'] == 'metadata').sum()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
