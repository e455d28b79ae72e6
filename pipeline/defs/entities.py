"""Stage entities: ``entity_mentions`` (NER + resolution), ``entities``, ``entity_aliases`` and
``entity_references`` (nationality adjectives)."""


import dagster as dg
import polars as pl

from pipeline.defs.checks import contract_checks, missing_references, span_mismatches, spans_overlapping
from pipeline.defs.progress import stage_progress
from pipeline.defs.resources import NerConfig, Warehouse
from pipeline.nlp.ner.tagging import TaggingSpec, make_backend, outlet_countries, tag_documents
from pipeline.nlp.resolve import (
    build_aliases,
    build_entities,
    build_references,
    link_references,
    named_mentions,
    reference_keys,
    resolve_mentions,
)
from pipeline.schemas import EntityType
from pipeline.storage.cache import StageCache, cached_per_document, code_version, digest, text_digest


@dg.asset(
    group_name="entities",
    kinds={"polars", "parquet"},
    deps=["documents", "sentences"],
    description="One row per named-entity span in a document (PER, ORG, LOC, MISC), proclitics outside the "
    "span, linked to its entity.",
)
def entity_mentions(context: dg.AssetExecutionContext, warehouse: Warehouse, ner: NerConfig) -> dg.MaterializeResult:
    backend = make_backend(ner.backend, ner.camel_model_dir)
    documents = warehouse.read("documents")
    lex = ner.entity_lexicon()
    spec = TaggingSpec(str(ner.backend), ner.camel_model_dir, tuple(ner.kb_extra))
    sentences = warehouse.read("sentences")
    version = code_version(*ner.kb_extra, settings=("ner", str(ner.backend), ner.camel_model_dir or ""))
    docs = documents.select("doc_id", "text").sort("doc_id")
    outlets = outlet_countries(documents)  # a tagging input like the text (the document's fallback country)
    keys = {d: digest(version, d, text_digest(t), outlets[d]) for d, t in docs.iter_rows()}

    def tag(doc_ids: list[str]) -> list[pl.DataFrame]:
        wanted = pl.Series(doc_ids, dtype=pl.String).implode()
        return [tag_documents(documents.filter(pl.col("doc_id").is_in(wanted)),
                              sentences.filter(pl.col("doc_id").is_in(wanted)), backend, lex, spec)]

    with stage_progress(context, "entity_mentions"):
        (mentions,), computed = cached_per_document([StageCache(warehouse.root, "ner")], keys, tag)
    resolved = resolve_mentions(mentions, documents, lex)
    by_type = resolved.group_by("type").len().sort("type")
    context.log.info(f"{resolved.height} mentions from backend {backend.name}; {computed} of {len(keys)} "
                     "documents tagged, the others taken from the cache")
    return warehouse.publish(
        "entity_mentions", resolved, backend=backend.name, documents_tagged=computed,
        documents_from_cache=len(keys) - computed,
        by_type=dg.MetadataValue.md("\n".join(f"- {t}: {n}" for t, n in by_type.iter_rows()) or "_none_"),
    )


@dg.asset(group_name="entities", kinds={"polars", "parquet"}, deps=["entity_mentions"],
          description="One row per real-world entity resolved from its mentions, with gazetteer enrichment "
          "(English name, country, GeoNames id, coordinates) for places and organisations.")
def entities(warehouse: Warehouse, ner: NerConfig) -> dg.MaterializeResult:
    return warehouse.publish("entities", build_entities(warehouse.read("entity_mentions"), ner.entity_lexicon()))


@dg.asset(group_name="entities", kinds={"polars", "parquet"}, deps=["documents", "sentences", "entity_mentions"],
          description="Nationality adjectives and demonyms ('الروس', 'السوري') outside entity mentions: "
          "references to a country that are not its name, with the country's entity.")
def entity_references(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    documents, sentences, mentions = (warehouse.read("documents"), warehouse.read("sentences"),
                                      named_mentions(warehouse.read("entity_mentions")))
    keys = reference_keys(code_version(settings=("references",)), documents, sentences, mentions)

    def find(doc_ids: list[str]) -> list[pl.DataFrame]:
        wanted = pl.Series(doc_ids, dtype=pl.String).implode()
        return [build_references(documents.filter(pl.col("doc_id").is_in(wanted)),
                                 sentences.filter(pl.col("doc_id").is_in(wanted)),
                                 mentions.filter(pl.col("doc_id").is_in(wanted)), link=False)]

    (found,), computed = cached_per_document([StageCache(warehouse.root, "references")], keys, find)
    refs = link_references(found, mentions)  # the country's entity: over the whole corpus, never cached
    context.log.info(f"{refs.height} references; {computed} of {len(keys)} documents scanned, the others taken "
                     "from the cache")
    by_country = refs.group_by("country_code").len().sort("len", descending=True).head(10)
    return warehouse.publish("entity_references", refs, documents_scanned=computed,
                             documents_from_cache=len(keys) - computed, by_country=dg.MetadataValue.md(
        "\n".join(f"- {c}: {n}" for c, n in by_country.iter_rows()) or "_none_"))


@dg.asset(group_name="entities", kinds={"polars", "parquet"}, deps=["entity_mentions"],
          description="Every distinct surface form of each entity with its number of mentions.")
def entity_aliases(warehouse: Warehouse) -> dg.MaterializeResult:
    return warehouse.publish("entity_aliases", build_aliases(warehouse.read("entity_mentions")))


@dg.asset_check(asset="entity_mentions", blocking=True, additional_deps=["documents"],
                description="documents.text[start:end] == surface for every mention.")
def offsets_match_text(warehouse: Warehouse) -> dg.AssetCheckResult:
    bad = span_mismatches(warehouse.read("entity_mentions"), warehouse.read("documents"), "start", "end", "surface")
    return dg.AssetCheckResult(passed=bad.is_empty(), metadata={
        "mismatched_spans": bad.height,
        "examples": ", ".join(bad["mention_id"].head(5).to_list()) or "none"})


@dg.asset_check(asset="entity_mentions", blocking=True,
                additional_deps=["documents", "sentences"],
                description="Every mention's doc_id exists and its span lies inside its sentence.")
def mentions_reference_documents_and_sentences(warehouse: Warehouse) -> dg.AssetCheckResult:
    mentions = warehouse.read("entity_mentions")
    sents = warehouse.read("sentences").select("doc_id", "sentence_idx", pl.col("start").alias("s_start"),
                                               pl.col("end").alias("s_end"))
    joined = mentions.join(sents, on=["doc_id", "sentence_idx"], how="left")
    outside = joined.filter(pl.col("s_start").is_null() | (pl.col("start") < pl.col("s_start"))
                            | (pl.col("end") > pl.col("s_end")))
    missing = missing_references(mentions["doc_id"], warehouse.read("documents")["doc_id"])
    return dg.AssetCheckResult(passed=not missing and outside.is_empty(), metadata={
        "unknown_doc_ids": len(missing), "mentions_outside_their_sentence": outside.height})


@dg.asset_check(asset="entity_mentions", blocking=True,
                description="type is PER/ORG/LOC/MISC, confidence in [0, 1], surface has no edge whitespace.")
def types_and_confidence_valid(warehouse: Warehouse) -> dg.AssetCheckResult:
    m = warehouse.read("entity_mentions")
    bad_type = m.filter(~pl.col("type").is_in([t.value for t in EntityType])).height
    bad_conf = m.filter((pl.col("confidence") < 0) | (pl.col("confidence") > 1)).height
    bad_edge = m.filter(pl.col("surface") != pl.col("surface").str.strip_chars()).height
    return dg.AssetCheckResult(passed=not (bad_type or bad_conf or bad_edge), metadata={
        "bad_type": bad_type, "confidence_out_of_range": bad_conf, "surface_with_edge_space": bad_edge})


@dg.asset_check(asset="entities", blocking=True,
                additional_deps=["entity_mentions"],
                description="Every entity_mentions.entity_id exists in entities, and every entity has mentions.")
def every_mention_links_to_an_entity(warehouse: Warehouse) -> dg.AssetCheckResult:
    mentions, ents = warehouse.read("entity_mentions"), warehouse.read("entities")
    missing = missing_references(mentions["entity_id"], ents["entity_id"])
    unused = missing_references(ents["entity_id"], mentions["entity_id"])
    return dg.AssetCheckResult(passed=not missing and not unused, metadata={
        "mention_entity_ids_missing": len(missing), "entities_without_mentions": len(unused)})


@dg.asset_check(asset="entities", blocking=True,
                additional_deps=["entity_mentions"],
                description="sum(entities.n_mentions) = rows of entity_mentions, and each entity's n_mentions/"
                "n_docs equal a recount.")
def entity_counts_match_mentions(warehouse: Warehouse) -> dg.AssetCheckResult:
    mentions, ents = warehouse.read("entity_mentions"), warehouse.read("entities")
    recount = mentions.group_by("entity_id").agg(pl.len().alias("m"), pl.col("doc_id").n_unique().alias("d"))
    diff = ents.join(recount, on="entity_id", how="left").filter(
        (pl.col("n_mentions") != pl.col("m")) | (pl.col("n_docs") != pl.col("d")))
    total = int(ents["n_mentions"].sum() or 0)
    return dg.AssetCheckResult(passed=diff.is_empty() and total == mentions.height, metadata={
        "sum_n_mentions": total, "mention_rows": mentions.height, "entities_miscounted": diff.height})


@dg.asset_check(asset="entity_aliases", blocking=True,
                additional_deps=["entity_mentions", "entities"],
                description="Aliases reference entities and their counts add up to the mention rows.")
def aliases_match_mentions(warehouse: Warehouse) -> dg.AssetCheckResult:
    aliases, mentions = warehouse.read("entity_aliases"), warehouse.read("entity_mentions")
    missing = missing_references(aliases["entity_id"], warehouse.read("entities")["entity_id"])
    total = int(aliases["n_mentions"].sum() or 0)
    return dg.AssetCheckResult(passed=not missing and total == mentions.height, metadata={
        "unknown_entity_ids": len(missing), "sum_n_mentions": total, "mention_rows": mentions.height})


@dg.asset_check(asset="entity_references", blocking=True,
                additional_deps=["documents", "sentences", "entity_mentions", "entities"],
                description="documents.text[start:end] == surface, every span inside its sentence and outside "
                "every entity mention (but a role title before a name: its nisba is a reference), and "
                "every entity_id an existing country entity.")
def references_match_text_and_entities(warehouse: Warehouse) -> dg.AssetCheckResult:
    refs, docs = warehouse.read("entity_references"), warehouse.read("documents")
    bad = span_mismatches(refs, docs, "start", "end", "surface")
    sents = warehouse.read("sentences").select("doc_id", "sentence_idx", pl.col("start").alias("s_start"),
                                               pl.col("end").alias("s_end"))
    outside = refs.join(sents, on=["doc_id", "sentence_idx"], how="left").filter(
        pl.col("s_start").is_null() | (pl.col("start") < pl.col("s_start")) | (pl.col("end") > pl.col("s_end")))
    mentions = warehouse.read("entity_mentions", ["mention_id", "doc_id", "start", "end", "name_mention_id"])
    inside = spans_overlapping(refs, named_mentions(mentions))
    ents = warehouse.read("entities").filter(pl.col("subtype") == "country")
    missing = missing_references(refs["entity_id"].drop_nulls(), ents["entity_id"])
    return dg.AssetCheckResult(passed=bad.is_empty() and outside.is_empty() and inside.is_empty() and not missing,
                               metadata={"mismatched_spans": bad.height, "outside_their_sentence": outside.height,
                                         "inside_an_entity_mention": inside.height,
                                         "unknown_country_entity_ids": len(missing)})


entities_checks = [
    *contract_checks("entity_mentions"), *contract_checks("entities"), *contract_checks("entity_aliases"),
    *contract_checks("entity_references"), references_match_text_and_entities,
    offsets_match_text, mentions_reference_documents_and_sentences, types_and_confidence_valid,
    every_mention_links_to_an_entity, entity_counts_match_mentions, aliases_match_mentions,
]
