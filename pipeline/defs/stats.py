"""Stage stats: entity_stats, entity_daily, entity_pairs, source_stats."""


import dagster as dg
import polars as pl

from pipeline import stats
from pipeline.defs.checks import contract_checks, missing_references
from pipeline.defs.resources import Warehouse

KINDS = {"polars", "parquet"}


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions", "entities", "documents", "entity_pairs"],
          description="Per entity: mentions, documents, story clusters, outlets, first and last seen.")
def entity_stats(warehouse: Warehouse) -> dg.MaterializeResult:
    frame = stats.entity_stats(warehouse.read("entity_mentions"), warehouse.read("documents"),
                               warehouse.read("entities"), warehouse.read("entity_pairs"))
    return warehouse.publish("entity_stats", frame)


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions", "documents"],
          description="Per entity and publication day: mentions and documents (undated documents left out).")
def entity_daily(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("entity_daily", stats.entity_daily(warehouse.read("entity_mentions"),
                                                                warehouse.read("documents")))


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions"],
          description="Pairs of entities mentioned in the same document / sentence.")
def entity_pairs(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("entity_pairs", stats.entity_pairs(warehouse.read("entity_mentions")))


@dg.asset(group_name="stats", kinds=KINDS, deps=["documents", "entity_mentions", "event_mentions"],
          description="Per outlet: documents, entity mentions and event mentions.")
def source_stats(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("source_stats", stats.source_stats(
        warehouse.read("documents"), warehouse.read("entity_mentions"), warehouse.read("event_mentions")))


@dg.asset_check(asset="entity_stats", blocking=True,
                additional_deps=["entity_mentions", "entities"],
                description="sum(n_mentions) = rows of entity_mentions; one row per entity; n_docs <= n_mentions.")
def entity_stats_add_up(warehouse: Warehouse) -> dg.AssetCheckResult:
    st, m = warehouse.read("entity_stats"), warehouse.read("entity_mentions")
    ents = warehouse.read("entities")["entity_id"]
    total = int(st["n_mentions"].sum() or 0)
    unknown = missing_references(st["entity_id"], ents)
    uncovered = missing_references(ents, st["entity_id"])
    bad = st.filter((pl.col("n_docs") > pl.col("n_mentions")) | (pl.col("n_clusters") > pl.col("n_docs"))).height
    return dg.AssetCheckResult(passed=total == m.height and not unknown and not uncovered and not bad, metadata={
        "sum_n_mentions": total, "mention_rows": m.height, "unknown_entities": len(unknown),
        "entities_without_stats": len(uncovered), "impossible_counts": bad})


@dg.asset_check(asset="entity_daily", blocking=True,
                additional_deps=["entity_mentions", "documents"],
                description="sum(n_mentions) = mentions in dated documents.")
def entity_daily_adds_up(warehouse: Warehouse) -> dg.AssetCheckResult:
    daily = warehouse.read("entity_daily")
    dated = warehouse.read("documents").filter(pl.col("published_at").is_not_null())["doc_id"]
    expected = warehouse.read("entity_mentions").filter(pl.col("doc_id").is_in(dated.implode())).height
    total = int(daily["n_mentions"].sum() or 0)
    return dg.AssetCheckResult(passed=total == expected, metadata={
        "sum_n_mentions": total, "mentions_in_dated_documents": expected})


@dg.asset_check(asset="entity_pairs", blocking=True, additional_deps=["entities"],
                description="entity_a < entity_b, both exist, 0 <= n_sentences, 1 <= n_docs.")
def entity_pairs_valid(warehouse: Warehouse) -> dg.AssetCheckResult:
    pairs = warehouse.read("entity_pairs")
    ents = warehouse.read("entities")["entity_id"]
    unordered = pairs.filter(pl.col("entity_a") >= pl.col("entity_b")).height
    unknown = missing_references(pl.concat([pairs["entity_a"], pairs["entity_b"]]), ents)
    bad = pairs.filter((pl.col("n_docs") < 1) | (pl.col("n_sentences") < 0)).height
    return dg.AssetCheckResult(passed=not (unordered or unknown or bad), metadata={
        "unordered_pairs": unordered, "unknown_entities": len(unknown), "bad_counts": bad})


@dg.asset_check(asset="source_stats", blocking=True,
                additional_deps=["documents", "entity_mentions", "event_mentions"],
                description="Documents, mentions and event mentions summed over sources equal the table totals.")
def source_stats_add_up(warehouse: Warehouse) -> dg.AssetCheckResult:
    st = warehouse.read("source_stats")
    expected = {"n_docs": warehouse.read("documents").height, "n_mentions": warehouse.read("entity_mentions").height,
                "n_events": warehouse.read("event_mentions").height}
    got = {k: int(st[k].sum() or 0) for k in expected}
    return dg.AssetCheckResult(passed=got == expected, metadata={
        **{f"sum_{k}": v for k, v in got.items()}, **{f"expected_{k}": v for k, v in expected.items()}})


stats_checks = [
    *contract_checks("entity_stats"), *contract_checks("entity_daily"), *contract_checks("entity_pairs"),
    *contract_checks("source_stats"), entity_stats_add_up, entity_daily_adds_up, entity_pairs_valid,
    source_stats_add_up,
]
