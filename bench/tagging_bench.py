"""Time the NER stage's per-document work (CRF + enrichment rules) in one process.

    .venv/bin/akhbar run --input ../shared/data/news_sample --warehouse /tmp/whns --quiet   # once
    .venv/bin/python bench/tagging_bench.py --warehouse /tmp/whns --n 2000

Reads ``documents`` and ``sentences`` from a warehouse's published Parquet, tags the first N documents (by
doc_id) serially with the shipped CRF backend, as a worker of ``akhbar run`` does (garbage collector tuned
the same way), and prints seconds, ms per document and tokens/s; last line JSON. ``--profile FILE`` writes a
cProfile of the tagging. The per-word caches start empty, so a larger N shows more of the steady state.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warehouse", required=True, help="a warehouse folder written by `akhbar run`")
    ap.add_argument("--n", type=int, default=2000, help="documents to tag (default 2000)")
    ap.add_argument("--profile", help="write a cProfile of the tagging to this file")
    args = ap.parse_args(argv)

    import polars as pl

    from pipeline.nlp.ner.enrich import entity_lexicon, word_frequencies
    from pipeline.nlp.ner.tagging import make_backend, tag_documents
    from pipeline.parallel import tune_garbage_collector

    parquet = Path(args.warehouse) / "parquet"
    if not (parquet / "documents").exists():
        print(f"no published tables under {parquet}: run `akhbar run --warehouse {args.warehouse}` first",
              file=sys.stderr)
        return 2
    docs = pl.read_parquet(parquet / "documents" / "**" / "*.parquet", hive_partitioning=False)
    docs = docs.sort("doc_id").head(args.n)
    sentences = pl.read_parquet(parquet / "sentences" / "**" / "*.parquet", hive_partitioning=False)
    sentences = sentences.filter(pl.col("doc_id").is_in(docs["doc_id"].implode()))
    backend, lex = make_backend("crf"), entity_lexicon()
    word_frequencies()
    tune_garbage_collector()
    n_tokens = int(docs["n_tokens"].sum()) if "n_tokens" in docs.columns else 0
    t0 = time.perf_counter()
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        mentions = prof.runcall(tag_documents, docs, sentences, backend, lex, workers=1)
        prof.dump_stats(args.profile)
    else:
        mentions = tag_documents(docs, sentences, backend, lex, workers=1)
    seconds = time.perf_counter() - t0
    result = {"documents": docs.height, "tokens": n_tokens, "mentions": mentions.height,
              "seconds": round(seconds, 2), "ms_per_document": round(seconds / max(docs.height, 1) * 1000, 2),
              "tokens_per_s": round(n_tokens / seconds) if seconds else None}
    print(f"{result['documents']} documents, {result['mentions']} mentions: {result['seconds']} s, "
          f"{result['ms_per_document']} ms per document, {result['tokens_per_s']} tokens/s")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
