"""Event detection from a trigger lexicon, with actors, recipients, place, date, negation and modality.

For each sentence, a trigger word (``event_triggers_ar.tsv``, a proclitic allowed) opens an event
mention. Arabic news is mostly verb–subject–object, and nouns take their agent as a genitive
("زيارة الشيباني إلى موسكو"), so:

* actor: the first person/organisation/country mention after the trigger within a window of tokens,
  else the nearest one before it ("بوتين أكد …");
* recipients: further person/organisation/country mentions after the actor, up to the next trigger;
* location: a city or region (or a country) after في/إلى, or any city in the sentence;
* date: the date expression nearest to the trigger in the sentence, else the publication date;
* negated: لم/لن/لا/ما/نفى … just before the trigger; future: سـ/سوف/من المتوقع/من المقرر ….
Clustering across documents (:func:`cluster_events`) groups mentions of the same type between the same
actors on the same day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import polars as pl

from pipeline import ids
from pipeline.lexicons import match_trigger
from pipeline.nlp.dates import find_dates
from pipeline.nlp.text import Token, normalize_for_matching, tokenize
from pipeline.schemas import TABLES, EntityType

# CAMEO root → (quad class, Goldstein value); quad classes as in GDELT 1.0/2.0.
CAMEO_ROOTS: dict[str, tuple[int, float]] = {
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5),
    "06": (2, 6.0), "07": (2, 7.0), "08": (2, 5.0),
    "09": (3, -2.0), "10": (3, -5.0), "11": (3, -2.0), "12": (3, -4.0), "13": (3, -6.0),
    "14": (4, -6.5), "15": (4, -7.2), "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0),
    "19": (4, -10.0), "20": (4, -10.0),
}
ACTOR_WINDOW = 8  # tokens after the trigger where the actor may stand
NEGATORS = frozenset(normalize_for_matching(w) for w in ("لم", "لن", "لا", "ما", "ليس", "نفى", "نفت", "دون", "بدون"))
FUTURE_MARKERS = frozenset(normalize_for_matching(w) for w in ("سوف", "المتوقع", "المقرر", "يعتزم", "تعتزم", "ستتناول"))
PLACE_PREPOSITIONS = frozenset(normalize_for_matching(w) for w in ("في", "إلى", "الى", "من"))


@dataclass(frozen=True)
class Mention:
    """The parts of an entity mention the event detector needs."""

    start: int
    end: int
    type: str
    subtype: str | None
    entity_id: str


def _is_future(tokens: list[Token], i: int, cut: int) -> bool:
    word = tokens[i].text[cut:]
    if word.startswith("س") and len(word) > 3 and word[1] in "يتنأ":
        return True
    before = [normalize_for_matching(t.text) for t in tokens[max(0, i - 3) : i]]
    return any(b in FUTURE_MARKERS for b in before)


def _is_negated(tokens: list[Token], i: int) -> bool:
    before = [normalize_for_matching(t.text) for t in tokens[max(0, i - 2) : i]]
    return any(b in NEGATORS or (b[:1] in ("و", "ف") and b[1:] in NEGATORS) for b in before)


def _participant(m: Mention) -> bool:
    return m.type in (EntityType.PER, EntityType.ORG) or (m.type == EntityType.LOC and m.subtype == "country")


def _place(m: Mention) -> bool:
    return m.type == EntityType.LOC


def _prev_word(text: str, start: int) -> str:
    words = text[:start].split()
    return normalize_for_matching(words[-1]) if words else ""


@dataclass(frozen=True, slots=True)
class EventMentionRow:
    """An ``event_mentions`` row before clustering (which adds ``event_id``)."""

    event_mention_id: str
    doc_id: str
    sentence_idx: int
    trigger_start: int
    trigger_end: int
    trigger: str
    event_type: str
    mode: str
    cameo_root: str
    quad_class: int
    goldstein: float
    actor_ids: list[str]
    recipient_ids: list[str]
    location_id: str | None
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    date_text: str | None
    negated: bool
    future: bool


def detect_events(
    doc_id: str,
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    published_at: datetime | None,
) -> list[EventMentionRow]:
    """Event mention rows (without event_id) for one document."""
    reference = published_at.date() if published_at else None
    rows: list[EventMentionRow] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        for idx, (s, e) in enumerate(sentences):
            if s <= m.start < e:
                by_sentence.setdefault(idx, []).append(m)
                break
    for sidx, (s, e) in enumerate(sentences):
        toks = tokenize(text[s:e], offset=s)
        found = [(i, *hit) for i, t in enumerate(toks) if (hit := match_trigger(t.text))]
        if not found:
            continue
        ments = sorted(by_sentence.get(sidx, []), key=lambda m: m.start)
        dates = find_dates(text[s:e], reference)
        for n, (i, cut, trig) in enumerate(found):
            t_start, t_end = toks[i].start + cut, toks[i].end
            next_trigger = toks[found[n + 1][0]].start if n + 1 < len(found) else e
            window_end = toks[min(i + ACTOR_WINDOW, len(toks) - 1)].end
            after = [m for m in ments if t_end <= m.start < next_trigger and _participant(m)]
            before = [m for m in ments if m.end <= t_start and _participant(m)]
            actor = next((m for m in after if m.start < window_end), None) or (before[-1] if before else None)
            actors = [actor.entity_id] if actor else []
            recipients = sorted({m.entity_id for m in after if actor is None or m.start > actor.start} - set(actors))
            places = [m for m in ments
                      if _place(m) and m.start >= t_end and _prev_word(text, m.start) in PLACE_PREPOSITIONS]
            places = places or [m for m in ments if _place(m) and m.subtype in ("city", "region")]
            location = places[0].entity_id if places else None
            if location in recipients and len(recipients) > 1:
                recipients.remove(location)
            if dates:
                d = min(dates, key=lambda dm: abs((dm.start + s) - t_start))
                ev_date, ev_end, precision, date_text = d.date, d.date_end, d.precision, d.text
            elif reference:
                ev_date, ev_end, precision, date_text = reference, None, "day", None
            else:
                ev_date, ev_end, precision, date_text = None, None, None, None
            quad, goldstein = CAMEO_ROOTS[trig.cameo_root]
            rows.append(EventMentionRow(
                event_mention_id=ids.event_mention_id(doc_id, t_start, t_end),
                doc_id=doc_id,
                sentence_idx=sidx,
                trigger_start=t_start,
                trigger_end=t_end,
                trigger=text[t_start:t_end],
                event_type=trig.event_type,
                mode=trig.mode,
                cameo_root=trig.cameo_root,
                quad_class=quad,
                goldstein=goldstein,
                actor_ids=actors,
                recipient_ids=recipients,
                location_id=location,
                date=ev_date,
                date_end=ev_end,
                date_precision=precision,
                date_text=date_text,
                negated=_is_negated(toks, i),
                future=_is_future(toks, i, cut),
            ))
    return rows


def event_mentions_frame(
    documents: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame
) -> pl.DataFrame:
    """Event mention rows (without event_id) of every document, from the stored tables."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in sentences.sort("doc_id", "sentence_idx").select("doc_id", "start", "end").iter_rows():
        spans.setdefault(doc_id, []).append((start, end))
    by_doc: dict[str, list[Mention]] = {}
    for r in entity_mentions.select("doc_id", "start", "end", "type", "subtype", "entity_id").iter_rows(named=True):
        by_doc.setdefault(r.pop("doc_id"), []).append(Mention(**r))
    rows: list[EventMentionRow] = []
    for doc in documents.select("doc_id", "text", "published_at").iter_rows(named=True):
        rows += detect_events(doc["doc_id"], doc["text"], spans.get(doc["doc_id"], []),
                              by_doc.get(doc["doc_id"], []), doc["published_at"])
    return TABLES["event_mentions"].frame(rows, without=("event_id",))


def event_key(row: dict) -> str:
    """Cluster key: same type, same actors and recipients (as a set of participants), same day."""
    participants = sorted(set(row["actor_ids"]) | set(row["recipient_ids"]))
    day: date | None = row["date"]
    return ids.event_id(row["event_type"], ",".join(participants), day)


def cluster_events(mentions: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Give every event mention an ``event_id`` and build the ``events`` rows.

    ``documents`` supplies doc_id, source and published_at for n_sources/first_seen/last_seen.
    """
    rows = mentions.to_dicts()
    for r in rows:
        r["event_id"] = event_key(r)
    with_ids = pl.DataFrame(rows, schema=TABLES["event_mentions"].polars_schema)
    docs = {r["doc_id"]: r for r in documents.select("doc_id", "source", "published_at").iter_rows(named=True)}
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["event_id"], []).append(r)
    events = []
    for eid, members in groups.items():
        first = members[0]
        modes = Counter(m["mode"] for m in members if m["mode"])
        locations = Counter(m["location_id"] for m in members if m["location_id"])
        precisions = [m["date_precision"] for m in members if m["date_precision"]]
        times = [docs[m["doc_id"]]["published_at"] for m in members if docs[m["doc_id"]]["published_at"]]
        ends = [m["date_end"] for m in members if m["date_end"]]
        events.append({
            "event_id": eid,
            "event_type": first["event_type"],
            "mode": min(modes, key=lambda k: (-modes[k], k)) if modes else None,
            "cameo_root": first["cameo_root"],
            "quad_class": first["quad_class"],
            "goldstein": first["goldstein"],
            "actor_ids": sorted({a for m in members for a in m["actor_ids"]}),
            "recipient_ids": sorted({a for m in members for a in m["recipient_ids"]}
                                    - {a for m in members for a in m["actor_ids"]}),
            "location_id": min(locations, key=lambda k: (-locations[k], k)) if locations else None,
            "date": first["date"],
            "date_end": max(ends) if ends else None,
            "date_precision": min(precisions, key=["day", "month", "year"].index) if precisions else None,
            "n_mentions": len(members),
            "n_articles": len({m["doc_id"] for m in members}),
            "n_sources": len({docs[m["doc_id"]]["source"] or "unknown" for m in members}),
            "first_seen": min(times) if times else None,
            "last_seen": max(times) if times else None,
        })
    return with_ids, pl.DataFrame(events, schema=TABLES["events"].polars_schema)
