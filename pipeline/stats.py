"""Aggregated mention statistics (pure polars, no Dagster): entity_stats, entity_daily, entity_pairs,
entity_pair_docs, source_stats, source_type_stats. Documents without a source count under 'unknown'."""

from __future__ import annotations

import polars as pl

UNKNOWN_SOURCE = "unknown"
# A document naming more distinct entities than this is a digest or a dump, not an article (the most in 13,358 real
# articles is 105): pairing every two of them would give millions of rows that say nothing, so it pairs only the
# entities that share a sentence.
PAIR_DOCUMENT_ENTITIES = 500


def _mentions_with_docs(mentions: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    docs = documents.select(
        "doc_id", "cluster_id", "published_at", pl.col("source").fill_null(UNKNOWN_SOURCE).alias("source_name")
    )
    return mentions.join(docs, on="doc_id", how="left")


def entity_stats(mentions: pl.DataFrame, documents: pl.DataFrame, entities: pl.DataFrame,
                 pairs: pl.DataFrame | None = None) -> pl.DataFrame:
    """Per entity: mentions, documents, stories, outlets, first/last seen, share of voice within its type and
    the entity it shares most documents with (``pairs``: :func:`entity_pairs`; ties: higher PMI, then id)."""
    m = _mentions_with_docs(mentions, documents)
    agg = m.group_by("entity_id").agg(
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_docs"),
        pl.col("cluster_id").n_unique().cast(pl.Int64).alias("n_clusters"),
        pl.col("source_name").n_unique().cast(pl.Int64).alias("n_sources"),
        pl.col("published_at").min().alias("first_seen"),
        pl.col("published_at").max().alias("last_seen"),
    )
    out = agg.join(entities.select("entity_id", "name_ar", "type"), on="entity_id", how="left").with_columns(
        (pl.col("n_mentions") / pl.col("n_mentions").sum().over("type")).alias("share_of_voice"))
    if pairs is None:
        pairs = entity_pairs(mentions)
    both = pl.concat([
        pairs.select(pl.col("entity_a").alias("entity_id"), pl.col("entity_b").alias("other"), "n_docs", "pmi"),
        pairs.select(pl.col("entity_b").alias("entity_id"), pl.col("entity_a").alias("other"), "n_docs", "pmi"),
    ])
    top = (both.sort(["entity_id", "n_docs", "pmi", "other"], descending=[False, True, True, False])
           .group_by("entity_id", maintain_order=True).first()
           .select("entity_id", pl.col("other").alias("top_co_mentioned_id"),
                   pl.col("n_docs").alias("top_co_mentioned_docs")))
    names = entities.select(pl.col("entity_id").alias("top_co_mentioned_id"),
                            pl.col("name_ar").alias("top_co_mentioned_name"))
    return out.join(top, on="entity_id", how="left").join(names, on="top_co_mentioned_id", how="left")


def entity_daily(mentions: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    m = _mentions_with_docs(mentions, documents).filter(pl.col("published_at").is_not_null())
    return m.group_by("entity_id", pl.col("published_at").dt.date().alias("day")).agg(
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_docs"),
    )


def entity_pair_docs(mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per pair of entities (entity_a < entity_b) and document mentioning both, with the number of
    that document's sentences mentioning both (a document naming more than ``PAIR_DOCUMENT_ENTITIES`` distinct
    entities: only the pairs sharing a sentence). The pairs are formed over integer codes of the ids (numbered
    in sorted order, so ``a < b`` is the same test) and the ids put back at the end: a document naming
    thousands of entities makes millions of pairs, and joins over strings held several times their size."""
    ents = mentions.select("entity_id").unique().sort("entity_id").with_row_index("_e")
    docs = mentions.select("doc_id").unique().sort("doc_id").with_row_index("_d")
    coded = mentions.select("entity_id", "doc_id", "sentence_idx").join(ents, on="entity_id").join(docs, on="doc_id")
    units = coded.select("_e", "_d", "sentence_idx").unique()
    in_sentences = (
        units.join(units, on=["_d", "sentence_idx"], how="inner", suffix="_b")
        .filter(pl.col("_e") < pl.col("_e_b"))
        .group_by("_e", "_e_b", "_d")
        .agg(pl.len().cast(pl.Int64).alias("n_sentences"))
    )
    per_doc = coded.select("_e", "_d").unique()
    crowded = per_doc.group_by("_d").agg(pl.len().alias("_n")).filter(pl.col("_n") > PAIR_DOCUMENT_ENTITIES)
    per_doc = per_doc.join(crowded, on="_d", how="anti")
    pairs = pl.concat([
        per_doc.join(per_doc, on="_d", how="inner", suffix="_b")
        .filter(pl.col("_e") < pl.col("_e_b"))
        .join(in_sentences, on=["_e", "_e_b", "_d"], how="left")
        .with_columns(pl.col("n_sentences").fill_null(0)),
        in_sentences.join(crowded, on="_d", how="semi").select("_e", "_d", "_e_b", "n_sentences"),
    ])
    return (
        pairs.join(ents.rename({"entity_id": "entity_a"}), on="_e")
        .join(ents.rename({"_e": "_e_b", "entity_id": "entity_b"}), on="_e_b")
        .join(docs, on="_d")
        .select("entity_a", "entity_b", "doc_id", "n_sentences")
    )


def entity_pairs(mentions: pl.DataFrame, pair_docs: pl.DataFrame | None = None) -> pl.DataFrame:
    """Per pair of co-mentioned entities: documents and sentences shared, and PMI over documents
    (``pair_docs``: :func:`entity_pair_docs` of the same mentions, computed when not given)."""
    if pair_docs is None:
        pair_docs = entity_pair_docs(mentions)
    doc_pairs = pair_docs.group_by("entity_a", "entity_b").agg(
        pl.len().cast(pl.Int64).alias("n_docs"), pl.col("n_sentences").sum().cast(pl.Int64))
    # PMI: how much more often two entities share a document than their own frequencies predict
    docs = mentions.select("entity_id", "doc_id").unique()
    n_total = mentions["doc_id"].n_unique()
    per_entity = docs.group_by("entity_id").agg(pl.len().cast(pl.Int64).alias("n"))
    return (
        doc_pairs
        .join(per_entity.rename({"entity_id": "entity_a", "n": "n_a"}), on="entity_a")
        .join(per_entity.rename({"entity_id": "entity_b", "n": "n_b"}), on="entity_b")
        .with_columns(((pl.col("n_docs") * n_total) / (pl.col("n_a") * pl.col("n_b"))).log().alias("pmi"))
        .drop("n_a", "n_b")
    )


def source_stats(documents: pl.DataFrame, mentions: pl.DataFrame, event_mentions: pl.DataFrame) -> pl.DataFrame:
    docs = documents.select("doc_id", pl.col("source").fill_null(UNKNOWN_SOURCE))
    n_docs = docs.group_by("source").agg(pl.len().cast(pl.Int64).alias("n_docs"))
    n_m = mentions.join(docs, on="doc_id").group_by("source").agg(pl.len().cast(pl.Int64).alias("n_mentions"))
    n_e = event_mentions.join(docs, on="doc_id").group_by("source").agg(pl.len().cast(pl.Int64).alias("n_events"))
    return (
        n_docs.join(n_m, on="source", how="left").join(n_e, on="source", how="left")
        .with_columns(pl.col("n_mentions").fill_null(0), pl.col("n_events").fill_null(0))
    )


def source_type_stats(documents: pl.DataFrame, mentions: pl.DataFrame,
                      event_mentions: pl.DataFrame) -> pl.DataFrame:
    """Per outlet and entity type / event type: mentions, documents, distinct entities or events, and the
    type's share of the outlet's mentions of that kind."""
    docs = documents.select("doc_id", pl.col("source").fill_null(UNKNOWN_SOURCE))
    kinds = [
        mentions.select("doc_id", pl.col("type").cast(pl.String), pl.col("entity_id").alias("what"))
        .with_columns(pl.lit("entity").alias("kind")),
        event_mentions.select("doc_id", pl.col("event_type").alias("type"), pl.col("event_id").alias("what"))
        .with_columns(pl.lit("event").alias("kind")),
    ]
    rows = pl.concat(kinds, how="vertical").join(docs, on="doc_id")
    return (
        rows.group_by("source", "kind", "type").agg(
            pl.len().cast(pl.Int64).alias("n_mentions"),
            pl.col("doc_id").n_unique().cast(pl.Int64).alias("n_docs"),
            pl.col("what").n_unique().cast(pl.Int64).alias("n_distinct"),
        )
        .with_columns((pl.col("n_mentions") / pl.col("n_mentions").sum().over("source", "kind"))
                      .alias("share_of_source"))
    )
