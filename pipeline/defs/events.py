"""Stage events: ``event_mentions`` (triggers + arguments), ``events`` (one row per happening), the flat
``event_participants`` bridge and ``quotes`` (who said what)."""


import dagster as dg
import polars as pl

from pipeline import report
from pipeline.defs.checks import contract_checks, missing_references, span_mismatches
from pipeline.defs.progress import stage_progress
from pipeline.defs.resources import Warehouse, typed_table
from pipeline.nlp.events import (
    PLOVER_TYPES,
    cluster_events,
    detect_all,
    event_input_keys,
    event_inputs,
    event_participants,
)
from pipeline.nlp.resolve import named_mentions
from pipeline.storage.cache import StageCache, cached_per_document, code_version


@dg.multi_asset(
    specs=[
        dg.AssetSpec("event_mentions", group_name="events", kinds={"polars", "parquet"},
                     deps=["documents", "sentences", "entity_mentions", "entities"],
                     description="One row per event trigger in a sentence (PLOVER type, CAMEO root, quad class, "
                     "Goldstein) with actors, recipients, place and date."),
        dg.AssetSpec("events", group_name="events", kinds={"polars", "parquet"},
                     deps=["documents", "sentences", "entity_mentions", "entities"],
                     description="One row per happening: event mentions of the same type between compatible "
                     "participants, within a day, at compatible places, across articles."),
        dg.AssetSpec("event_participants", group_name="events", kinds={"polars", "parquet"},
                     deps=["documents", "sentences", "entity_mentions", "entities"],
                     description="Flat bridge of events and participants (actor, recipient, location) with "
                     "their countries, for BI tools that cannot read lists."),
        dg.AssetSpec("event_mention_participants", group_name="events", kinds={"polars", "parquet"},
                     deps=["documents", "sentences", "entity_mentions", "entities"],
                     description="Flat bridge of event mentions and the participants their sentence names, for "
                     "BI tools that cannot read lists."),
        dg.AssetSpec("quotes", group_name="events", kinds={"polars", "parquet"},
                     deps=["documents", "sentences", "entity_mentions", "entities"],
                     description="Who said what: reporting verbs with their speaker and the quoted or reported "
                     "content."),
    ],
)
def event_mentions_and_events(context: dg.AssetExecutionContext, warehouse: Warehouse):
    documents = warehouse.read("documents")
    entities = warehouse.read("entities")
    sentences, entity_mentions = warehouse.read("sentences"), named_mentions(warehouse.read("entity_mentions"))
    keys = event_input_keys(code_version(settings=("events",)), documents, sentences, entity_mentions, entities)

    def detect(doc_ids: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:  # only the documents no cache holds
        chosen = pl.col("doc_id").is_in(pl.Series(doc_ids, dtype=pl.String).implode())
        return detect_all(event_inputs(documents.filter(chosen), sentences.filter(chosen),
                                       entity_mentions.filter(chosen), entities))

    with stage_progress(context, "event_mentions"):
        (mentions, quotes), computed = cached_per_document(
            [StageCache(warehouse.root, "event_mentions"), StageCache(warehouse.root, "quotes")], keys, detect)
    with_ids, events = cluster_events(mentions, documents)
    by_type = with_ids.group_by("event_type").len().sort("event_type")
    yield warehouse.publish("event_mentions", with_ids, documents_detected=computed,
                            documents_from_cache=len(keys) - computed, by_type=dg.MetadataValue.md(
        "\n".join(f"- {t}: {n}" for t, n in by_type.iter_rows()) or "_none_"))
    yield warehouse.publish(
        "events", events,
        most_reported=typed_table(report.most_reported_events(events, with_ids, documents, entities)),
        country_dyads_by_month=typed_table(report.country_dyads_by_month(events)))
    yield warehouse.publish("event_participants", event_participants(events, entities))
    yield warehouse.publish("event_mention_participants",
                            event_participants(with_ids, entities, key="event_mention_id"))
    yield warehouse.publish("quotes", quotes, by_kind=dg.MetadataValue.md(
        "\n".join(f"- {k}: {n}" for k, n in quotes.group_by("kind").len().sort("kind").iter_rows()) or "_none_"))


@dg.asset_check(asset="event_mentions", blocking=True, additional_deps=["documents"],
                description="documents.text[trigger_start:trigger_end] == trigger for every event mention.")
def triggers_match_text(warehouse: Warehouse) -> dg.AssetCheckResult:
    bad = span_mismatches(warehouse.read("event_mentions"), warehouse.read("documents"),
                          "trigger_start", "trigger_end", "trigger")
    return dg.AssetCheckResult(passed=bad.is_empty(), metadata={"mismatched_triggers": bad.height})


@dg.asset_check(asset="event_mentions", blocking=True,
                additional_deps=["entities", "documents"],
                description="actor_ids, recipient_ids and location_id exist in entities; doc_id in documents.")
def event_arguments_reference_entities(warehouse: Warehouse) -> dg.AssetCheckResult:
    em = warehouse.read("event_mentions")
    ents = warehouse.read("entities")["entity_id"]
    missing_entities = missing_references(
        pl.concat([em["actor_ids"].explode(), em["recipient_ids"].explode(), em["location_id"]]), ents)
    missing_docs = missing_references(em["doc_id"], warehouse.read("documents")["doc_id"])
    return dg.AssetCheckResult(
        passed=not (missing_entities or missing_docs),
        metadata={"unknown_entity_ids": len(missing_entities), "unknown_doc_ids": len(missing_docs),
                  "examples": ", ".join((missing_entities + missing_docs)[:5]) or "none"})


@dg.asset_check(asset="event_mentions", blocking=True,
                description="CAMEO root is 01–20, quad class 1–4, Goldstein in [-10, 10], date_end >= date, the type "
                "is a PLOVER type, date_source is text|publication|none and 'none' exactly when there is no date.")
def event_codes_valid(warehouse: Warehouse) -> dg.AssetCheckResult:
    em = warehouse.read("event_mentions")
    bad_root = em.filter(~pl.col("cameo_root").is_in([f"{i:02d}" for i in range(1, 21)])).height
    bad_quad = em.filter(~pl.col("quad_class").is_between(1, 4)).height
    bad_gold = em.filter(~pl.col("goldstein").is_between(-10, 10)).height
    bad_range = em.filter(pl.col("date_end").is_not_null() & (pl.col("date_end") < pl.col("date"))).height
    bad_type = em.filter(~pl.col("event_type").is_in(list(PLOVER_TYPES))).height
    bad_source = em.filter(~pl.col("date_source").is_in(["text", "publication", "none"])
                           | ((pl.col("date_source") == "none") != pl.col("date").is_null())).height
    return dg.AssetCheckResult(passed=not (bad_root or bad_quad or bad_gold or bad_range or bad_type or bad_source),
                               metadata={"bad_cameo_root": bad_root, "bad_quad_class": bad_quad,
                                         "bad_goldstein": bad_gold, "date_end_before_date": bad_range,
                                         "not_a_plover_type": bad_type, "date_source_inconsistent": bad_source})


@dg.asset_check(asset="events", blocking=True,
                additional_deps=["event_mentions"],
                description="sum(events.n_mentions) = rows of event_mentions; each event's n_mentions and "
                "n_articles equal a recount; every event has a mention and every mention's event_id exists.")
def events_consistent_with_mentions(warehouse: Warehouse) -> dg.AssetCheckResult:
    em, ev = warehouse.read("event_mentions"), warehouse.read("events")
    recount = em.group_by("event_id").agg(pl.len().alias("m"), pl.col("doc_id").n_unique().alias("a"))
    diff = ev.join(recount, on="event_id", how="left").filter(
        pl.col("m").is_null() | (pl.col("n_mentions") != pl.col("m")) | (pl.col("n_articles") != pl.col("a")))
    total = int(ev["n_mentions"].sum() or 0)
    unknown = missing_references(em["event_id"], ev["event_id"])
    return dg.AssetCheckResult(passed=diff.is_empty() and total == em.height and not unknown, metadata={
        "sum_n_mentions": total, "event_mention_rows": em.height, "events_miscounted": diff.height,
        "mention_event_ids_missing": len(unknown)})


@dg.asset_check(asset="events", blocking=True,
                description="No event spans more than one article without a named participant: only mentions "
                "with a participant are clustered across articles.")
def events_without_participants_stay_single(warehouse: Warehouse) -> dg.AssetCheckResult:
    ev = warehouse.read("events")
    bad = ev.filter((pl.col("n_articles") > 1) & (pl.col("actor_ids").list.len() == 0)
                    & (pl.col("recipient_ids").list.len() == 0))
    return dg.AssetCheckResult(passed=bad.is_empty(), metadata={
        "multi_article_events_without_participants": bad.height,
        "examples": ", ".join(bad["event_id"].head(5).to_list()) or "none"})


def _bridge_check(bridge: str, source: str, key: str, name: str) -> dg.AssetChecksDefinition:
    """A blocking check that the flat bridge ``bridge`` holds exactly the actors, recipients and locations of
    the rows of ``source`` (identified by ``key``), all known entities."""

    @dg.asset_check(asset=bridge, name=name, blocking=True, additional_deps=[source, "entities"],
                    description=f"The bridge holds exactly the {source}' actors, recipients and locations, all "
                    "known entities.")
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        rows, flat = warehouse.read(source), warehouse.read(bridge)
        expected = (int(rows["actor_ids"].list.len().sum() or 0) + int(rows["recipient_ids"].list.len().sum() or 0)
                    + int(rows["location_id"].is_not_null().sum()))
        unknown = missing_references(flat["entity_id"], warehouse.read("entities")["entity_id"])
        unknown_rows = missing_references(flat[key], rows[key])
        return dg.AssetCheckResult(passed=flat.height == expected and not unknown and not unknown_rows, metadata={
            "bridge_rows": flat.height, "expected_rows": int(expected), "unknown_entities": len(unknown),
            f"unknown_{source}": len(unknown_rows)})

    return check


participants_match_events = _bridge_check("event_participants", "events", "event_id", "participants_match_events")
mention_participants_match_mentions = _bridge_check(
    "event_mention_participants", "event_mentions", "event_mention_id", "participants_match_event_mentions")


@dg.asset_check(asset="quotes", blocking=True, additional_deps=["documents", "entities"],
                description="documents.text[verb_start:verb_end] == verb and [quote_start:quote_end] == quote for "
                "every quotation; speakers are known entities; kind is direct|indirect.")
def quotes_match_text(warehouse: Warehouse) -> dg.AssetCheckResult:
    q, docs = warehouse.read("quotes"), warehouse.read("documents")
    bad_verbs = span_mismatches(q, docs, "verb_start", "verb_end", "verb").height
    bad_quotes = span_mismatches(q, docs, "quote_start", "quote_end", "quote").height
    unknown = missing_references(q["speaker_id"], warehouse.read("entities")["entity_id"])
    bad_kind = q.filter(~pl.col("kind").is_in(["direct", "indirect"])).height
    return dg.AssetCheckResult(passed=not (bad_verbs or bad_quotes or unknown or bad_kind), metadata={
        "mismatched_verbs": bad_verbs, "mismatched_quotes": bad_quotes, "unknown_speakers": len(unknown),
        "bad_kind": bad_kind})


events_checks = [*contract_checks("event_mentions"), *contract_checks("events"),
                 *contract_checks("event_participants"), *contract_checks("event_mention_participants"),
                 *contract_checks("quotes"), mention_participants_match_mentions, triggers_match_text,
                 event_arguments_reference_entities, event_codes_valid, events_consistent_with_mentions,
                 events_without_participants_stay_single, participants_match_events, quotes_match_text]
