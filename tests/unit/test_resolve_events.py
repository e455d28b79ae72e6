from datetime import date, datetime

import polars as pl

from pipeline.lexicons import match_trigger
from pipeline.nlp.events import Mention, cluster_events, detect_events
from pipeline.nlp.resolve import build_aliases, build_entities, resolve_mentions
from pipeline.nlp.text import normalize_for_matching
from pipeline.schemas import TABLES


def mentions_frame(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [{"doc_id": d, "surface": s, "normalized": normalize_for_matching(s), "type": t, "title": None,
          "title_country": None, "kb_id": None, "country_code": None} for d, s, t in rows],
        schema={"doc_id": pl.String, "surface": pl.String, "normalized": pl.String, "type": pl.String,
                "title": pl.String, "title_country": pl.String, "kb_id": pl.String, "country_code": pl.String},
    )


def test_short_person_name_joins_the_full_name_and_places_are_enriched():
    m = mentions_frame([
        ("d1", "فلاديمير بوتين", "PER"), ("d1", "بوتين", "PER"), ("d2", "بوتين", "PER"),
        ("d1", "موسكو", "LOC"), ("d2", "مرهف أبو قصرة", "PER"), ("d2", "أبو قصرة", "PER"),
    ])
    resolved = resolve_mentions(m)
    ids = resolved["entity_id"].to_list()
    assert ids[0] == ids[1] == ids[2]  # d2's "بوتين" joins the corpus-wide full name
    assert ids[4] == ids[5]
    ents = build_entities(resolved).sort("n_mentions", descending=True)
    putin = ents.row(0, named=True)
    assert putin["name_ar"] == "فلاديمير بوتين" and putin["n_mentions"] == 3 and putin["n_docs"] == 2
    moscow = ents.filter(pl.col("name_ar") == "موسكو").row(0, named=True)
    assert moscow["country_code"] == "RU" and moscow["name_en"] == "Moscow" and moscow["lat"] > 50
    assert resolved.filter(pl.col("surface") == "موسكو")["subtype"][0] == "city"
    aliases = build_aliases(resolved)
    assert aliases["n_mentions"].sum() == resolved.height


def test_one_type_per_entity_by_vote():
    resolved = resolve_mentions(mentions_frame([("d", "جبهة الخلاص", "ORG"), ("e", "جبهة الخلاص", "ORG"),
                                                ("f", "جبهة الخلاص", "LOC")]))
    assert resolved["entity_id"].n_unique() == 1 and set(resolved["type"]) == {"ORG"}


def test_trigger_matching_with_proclitics():
    visit, meeting = match_trigger("وزيارة"), match_trigger("والتقى")
    assert visit is not None and visit[0] == 1 and visit[1][0].event_type == "CONSULT"
    assert meeting is not None and meeting[1][0].mode == "meeting"
    assert match_trigger("بحر") is None


def test_detect_events_with_actor_recipient_place_date_and_modality():
    text = "التقى الشيباني بوتين في موسكو يوم 15 أكتوبر. ولم يزر لافروف دمشق. وسيستقبل بوتين الشرع."
    def m(word: str, typ: str, sub: str | None = None, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Mention(start, start + len(word), typ, sub, "E_" + word)
    ments = [m("الشيباني", "PER"), m("بوتين", "PER"), m("موسكو", "LOC", "city"), m("لافروف", "PER"),
             m("دمشق", "LOC", "city"), m("بوتين", "PER", nth=1), m("الشرع", "PER")]
    sents = [(0, 44), (45, 66), (67, len(text))]
    rows, quotes = detect_events("d", text, sents, ments, datetime(2025, 11, 6))
    assert quotes == []
    first = rows[0]
    assert (first.event_type, first.mode, first.cameo_root) == ("CONSULT", "meeting", "04")
    assert first.actor_ids == ["E_الشيباني"] and first.recipient_ids == ["E_بوتين"]
    assert first.location_id == "E_موسكو"
    assert first.date == date(2025, 10, 15) and first.date_precision == "day"
    assert text[first.trigger_start:first.trigger_end] == first.trigger == "التقى"
    visit = next(r for r in rows if r.trigger == "يزر")  # "لم يزر": negated visit
    assert visit.negated
    host = next(r for r in rows if r.mode == "host")
    assert host.future and host.trigger == "سيستقبل"
    assert rows[1].date == date(2025, 11, 6) and rows[1].date_text is None and rows[1].date_source == "publication"
    assert first.date_source == "text"

    docs = pl.DataFrame({"doc_id": ["d"], "source": [None], "published_at": [datetime(2025, 11, 6)]})
    frame = TABLES["event_mentions"].frame(rows, without=("event_id",))
    with_ids, events = cluster_events(frame.select(sorted(frame.columns)), docs)
    assert with_ids.height == len(rows) and events["n_mentions"].sum() == len(rows)
