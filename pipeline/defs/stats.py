"""Stage stats: entity_stats, entity_daily, entity_pairs, entity_pair_docs, source_stats, source_type_stats."""


import dagster as dg
import polars as pl

from pipeline import report, stats
from pipeline.defs.checks import contract_checks, missing_references
from pipeline.defs.resources import Warehouse
from pipeline.nlp.resolve import LEADERBOARD_LEFT_OUT

KINDS = {"polars", "parquet"}


def _chart(warehouse: Warehouse, name: str, png: bytes | None) -> dict[str, dg.MetadataValue]:
    """Metadata showing a chart in the UI (inline) and linking its PNG in the run's reports/ folder."""
    if png is None:
        return {}
    return {f"{name}_chart": dg.MetadataValue.md(report.markdown_image(png, name.replace("_", " "))),
            f"{name}_png": warehouse.write_report(f"{name}.png", png)}


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions", "entities", "documents", "entity_pairs"],
          description="Per entity: mentions, documents, story clusters, outlets, first and last seen.")
def entity_stats(warehouse: Warehouse) -> dg.MaterializeResult:
    entities = warehouse.read("entities")
    frame = stats.entity_stats(warehouse.read("entity_mentions"), warehouse.read("documents"),
                               entities, warehouse.read("entity_pairs"))
    return warehouse.publish("entity_stats", frame, **_chart(
        warehouse, "top_entities", report.top_entities_png(frame, entities, left_out=LEADERBOARD_LEFT_OUT)))


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions", "documents"],
          description="Per entity and publication day: mentions and documents (undated documents left out).")
def entity_daily(warehouse: Warehouse) -> dg.MaterializeResult:
    frame = stats.entity_daily(warehouse.read("entity_mentions"), warehouse.read("documents"))
    return warehouse.publish("entity_daily", frame, **_chart(warehouse, "mentions_per_day",
                                                             report.mentions_per_day_png(frame)))


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions"],
          description="Flat bridge: one row per pair of entities and document mentioning both.")
def entity_pair_docs(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("entity_pair_docs", stats.entity_pair_docs(warehouse.read("entity_mentions")))


@dg.asset(group_name="stats", kinds=KINDS, deps=["entity_mentions", "entity_pair_docs"],
          description="Pairs of entities mentioned in the same document / sentence, with PMI.")
def entity_pairs(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("entity_pairs", stats.entity_pairs(
        warehouse.read("entity_mentions", ["entity_id", "doc_id"]), warehouse.read("entity_pair_docs")))


@dg.asset(group_name="stats", kinds=KINDS, deps=["documents", "entity_mentions", "event_mentions"],
          description="Per outlet: documents, entity mentions and event mentions.")
def source_stats(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("source_stats", stats.source_stats(
        warehouse.read("documents"), warehouse.read("entity_mentions"), warehouse.read("event_mentions")))


@dg.asset(group_name="stats", kinds=KINDS, deps=["documents", "entity_mentions", "event_mentions"],
          description="What each outlet covers: mentions per outlet and entity type or PLOVER event type.")
def source_type_stats(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("source_type_stats", stats.source_type_stats(
        warehouse.read("documents", ["doc_id", "source"]), warehouse.read("entity_mentions"),
        warehouse.read("event_mentions")))


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


@dg.asset_check(asset="entity_pairs", blocking=True, additional_deps=["entity_pair_docs"],
                description="n_docs = the pair's rows in entity_pair_docs, n_sentences = their summed n_sentences.")
def entity_pairs_match_their_documents(warehouse: Warehouse) -> dg.AssetCheckResult:
    per_pair = warehouse.read("entity_pair_docs").group_by("entity_a", "entity_b").agg(
        pl.len().cast(pl.Int64).alias("rows"), pl.col("n_sentences").sum().alias("sentences"))
    pairs = warehouse.read("entity_pairs")
    joined = pairs.join(per_pair, on=["entity_a", "entity_b"], how="full", coalesce=True)
    bad = joined.filter((pl.col("rows") != pl.col("n_docs")).fill_null(True)
                        | (pl.col("sentences") != pl.col("n_sentences")).fill_null(True)).height
    return dg.AssetCheckResult(passed=bad == 0, metadata={"pairs": pairs.height, "pairs_not_adding_up": bad})


@dg.asset_check(asset="source_type_stats", blocking=True,
                additional_deps=["entity_mentions", "event_mentions"],
                description="Mentions summed over outlets and types equal the entity and event mention rows; "
                            "shares sum to 1 per outlet and kind.")
def source_type_stats_add_up(warehouse: Warehouse) -> dg.AssetCheckResult:
    st = warehouse.read("source_type_stats")
    got = {kind: int(st.filter(pl.col("kind") == kind)["n_mentions"].sum() or 0) for kind in ("entity", "event")}
    expected = {"entity": warehouse.read("entity_mentions", ["mention_id"]).height,
                "event": warehouse.read("event_mentions", ["event_mention_id"]).height}
    shares = st.group_by("source", "kind").agg(pl.col("share_of_source").sum())
    off = shares.filter((pl.col("share_of_source") - 1).abs() > 1e-9).height
    return dg.AssetCheckResult(passed=got == expected and off == 0, metadata={
        **{f"sum_{k}_mentions": v for k, v in got.items()},
        **{f"expected_{k}_mentions": v for k, v in expected.items()},
        "shares_not_summing_to_1": off})


stats_checks = [
    *contract_checks("entity_stats"), *contract_checks("entity_daily"), *contract_checks("entity_pairs"),
    *contract_checks("source_stats"), *contract_checks("entity_pair_docs"), *contract_checks("source_type_stats"),
    entity_stats_add_up, entity_daily_adds_up, entity_pairs_valid, source_stats_add_up,
    entity_pairs_match_their_documents, source_type_stats_add_up,
]
