"""Entity resolution: group mentions into entities, link short person names to full ones, enrich places.

Rules (deterministic, corpus-wide):
* mentions with the same type and matching form are one entity;
* a person mention that is the tail of a longer person name ("بوتين" ← "فلاديمير بوتين",
  "أبو قصرة" ← "مرهف أبو قصرة") joins that name: the longer name in the same document first, else the
  most frequent such name in the corpus;
* the canonical Arabic name is the gazetteer's name when the entity is in the gazetteer, else the most
  frequent surface among the longest forms; places get English name, country code, GeoNames id and
  coordinates from the gazetteer.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import polars as pl

from pipeline import ids
from pipeline.lexicons import Lexicon, load_lexicon
from pipeline.schemas import TABLES, EntityType


def _person_heads(keys_by_doc: dict[str, set[str]], counts: Counter[str]) -> dict[tuple[str, str], str]:
    """(doc_id, short person key) -> the longer person key it stands for."""
    all_keys = sorted(counts)
    longer_by_tail: dict[str, list[str]] = defaultdict(list)
    for key in all_keys:
        words = key.split()
        for n in range(1, len(words)):
            longer_by_tail[" ".join(words[n:])].append(key)
    mapping: dict[tuple[str, str], str] = {}
    for doc_id, keys in keys_by_doc.items():
        for key in keys:
            candidates = longer_by_tail.get(key)
            if not candidates:
                continue
            local = [c for c in candidates if c in keys]
            pool = local or candidates
            best = max(pool, key=lambda c: (counts[c], len(c), c))
            mapping[(doc_id, key)] = best
    return mapping


def resolve_mentions(mentions: pl.DataFrame, lexicon: Lexicon | None = None) -> pl.DataFrame:
    """Add ``entity_id`` and ``subtype`` (gazetteer class) to every mention.

    ``mentions`` needs doc_id, surface, normalized, type.
    """
    lex = lexicon or load_lexicon()
    rows = mentions.select("doc_id", "surface", "normalized", "type").to_dicts()
    per_counts: Counter[str] = Counter(r["normalized"] for r in rows if r["type"] == EntityType.PER)
    per_by_doc: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r["type"] == EntityType.PER:
            per_by_doc[r["doc_id"]].add(r["normalized"])
    heads = _person_heads(per_by_doc, per_counts)

    keys: list[str] = []
    for r in rows:
        key = r["normalized"]
        if r["type"] == EntityType.PER:
            # follow chains ("قصرة" → "ابو قصرة" → "مرهف ابو قصرة")
            seen = {key}
            while (r["doc_id"], key) in heads and heads[(r["doc_id"], key)] not in seen:
                key = heads[(r["doc_id"], key)]
                seen.add(key)
        keys.append(key)
    entity_ids = [ids.entity_id(r["type"], k) for r, k in zip(rows, keys, strict=True)]
    subtypes = []
    for r, k in zip(rows, keys, strict=True):
        entry = lex.lookup(k)
        subtypes.append(entry.subtype if entry is not None and entry.type == r["type"] else None)
    return mentions.with_columns(
        pl.Series("entity_id", entity_ids, pl.String), pl.Series("subtype", subtypes, pl.String)
    )




@dataclass(frozen=True, slots=True)
class EntityRow:
    """One row of the ``entities`` table."""

    entity_id: str
    type: str
    name_ar: str
    name_en: str | None
    aliases: list[str]
    n_mentions: int
    n_docs: int
    country_code: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None


def build_entities(mentions: pl.DataFrame, lexicon: Lexicon | None = None) -> pl.DataFrame:
    """One row per entity_id of resolved ``mentions`` (columns of the ``entities`` contract)."""
    lex = lexicon or load_lexicon()
    groups: dict[str, dict] = {}
    for r in mentions.select("entity_id", "type", "doc_id", "surface", "normalized").iter_rows(named=True):
        ent = groups.setdefault(r["entity_id"], {"type": r["type"], "surfaces": Counter(), "keys": Counter(),
                                                  "docs": set()})
        ent["surfaces"][r["surface"]] += 1
        ent["keys"][r["normalized"]] += 1
        ent["docs"].add(r["doc_id"])
    out: list[EntityRow] = []
    for eid, ent in groups.items():
        entry = None
        for key, _ in sorted(ent["keys"].items(), key=lambda kv: (-len(kv[0].split()), -kv[1], kv[0])):
            hit = lex.lookup(key)
            if hit is not None and hit.type == ent["type"]:
                entry = hit
                break
        surfaces: Counter[str] = ent["surfaces"]
        longest = max(len(s.split()) for s in surfaces)
        name = entry.name_ar if entry else max(
            (s for s in surfaces if len(s.split()) == longest), key=lambda s: (surfaces[s], s)
        )
        out.append(EntityRow(
            entity_id=eid,
            type=ent["type"],
            name_ar=name,
            name_en=entry.name_en if entry else None,
            aliases=sorted(surfaces),
            n_mentions=sum(surfaces.values()),
            n_docs=len(ent["docs"]),
            country_code=entry.country_code if entry else None,
            geonames_id=entry.geonames_id if entry else None,
            lat=entry.lat if entry else None,
            lon=entry.lon if entry else None,
        ))
    return TABLES["entities"].frame(out)


def build_aliases(mentions: pl.DataFrame) -> pl.DataFrame:
    """entity_aliases rows: (entity_id, alias, n_mentions) for every distinct surface."""
    return (
        mentions.group_by("entity_id", "surface")
        .agg(pl.len().cast(pl.Int64).alias("n_mentions"))
        .rename({"surface": "alias"})
    )
