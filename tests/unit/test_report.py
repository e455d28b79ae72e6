"""Charts for the Dagster UI: real PNGs of the numbers given, deterministic, nothing when there is no data."""

from __future__ import annotations

import base64
from datetime import UTC, date

import polars as pl

from pipeline.report import markdown_image, mentions_per_day_png, top_entities_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _png_size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def test_top_entities_chart_is_a_png_that_grows_with_its_bars() -> None:
    stats = pl.DataFrame({"entity_id": [f"e{i}" for i in range(30)], "n_mentions": list(range(30, 0, -1)),
                          "type": ["PER", "LOC", "ORG"] * 10})
    entities = pl.DataFrame({"entity_id": stats["entity_id"], "name_en": [f"Name {i}" for i in range(30)],
                             "name_ar": ["اسم"] * 30, "subtype": ["currency"] + [None] * 29})
    fifteen = top_entities_png(stats, entities, left_out=("currency",))
    three = top_entities_png(stats, entities, n=3)
    assert fifteen is not None and three is not None
    assert fifteen.startswith(PNG_MAGIC) and three.startswith(PNG_MAGIC)
    assert _png_size(fifteen)[1] > _png_size(three)[1], "one bar per entity: 15 bars are taller than 3"
    assert top_entities_png(stats, entities, left_out=("currency",)) == fifteen, "same data, same bytes"
    assert top_entities_png(stats.head(0), entities) is None


def test_mentions_per_day_chart_and_its_markdown() -> None:
    daily = pl.DataFrame({"entity_id": ["a", "b", "a"], "day": [date(2015, 8, 1), date(2015, 8, 1),
                                                                 date(2015, 8, 3)], "n_mentions": [2, 3, 1]})
    png = mentions_per_day_png(daily)
    assert png is not None and png.startswith(PNG_MAGIC)
    assert mentions_per_day_png(daily.head(0)) is None
    md = markdown_image(png, "mentions per day")
    assert md.startswith("![mentions per day](data:image/png;base64,")
    assert base64.b64decode(md.split(",", 1)[1].rstrip(")")) == png


def _events() -> pl.DataFrame:
    from datetime import datetime

    seen = datetime(2015, 8, 2, 9, tzinfo=UTC)
    return pl.DataFrame({
        "event_id": ["e1", "e2", "e3"], "date": [date(2015, 7, 30), None, date(2015, 8, 5)],
        "first_seen": [seen, seen, seen], "event_type": ["CONSULT", "ASSAULT", "CONSULT"],
        "actor_ids": [["p1"], ["g1"], ["p1"]], "recipient_ids": [["p2", "c2"], [], ["c2"]],
        "location_id": ["l1", None, None], "n_articles": [3, 1, 2], "n_mentions": [4, 1, 2], "n_sources": [2, 1, 2],
        "quad_class": [1, 4, 1], "goldstein": [1.0, -10.0, 4.0],
        "actor_countries": [["SA"], ["YE"], ["SA"]], "recipient_countries": [["EG"], ["SA"], ["EG"]],
    })


def test_most_reported_events_name_who_did_what_to_whom_and_the_outlets() -> None:
    from pipeline.report import most_reported_events

    mentions = pl.DataFrame({"event_id": ["e1", "e1", "e1", "e2"], "doc_id": ["d1", "d2", "d3", "d3"]})
    documents = pl.DataFrame({"doc_id": ["d1", "d2", "d3"], "source": ["alriyadh", None, "aawsat"]})
    entities = pl.DataFrame({"entity_id": ["p1", "p2", "c2", "g1", "l1"],
                             "name_ar": ["سلمان", "السيسي", "مصر", "الحوثيون", "جدة"]})
    top = most_reported_events(_events(), mentions, documents, entities, n=2)
    assert top.rows() == [
        (date(2015, 7, 30), "CONSULT", "سلمان", "السيسي | مصر", "جدة", 3, 2, "aawsat | alriyadh | unknown"),
        (date(2015, 8, 5), "CONSULT", "سلمان", "مصر", None, 2, 2, None),
    ]


def test_country_dyads_by_month_count_cooperation_and_conflict() -> None:
    from pipeline.report import country_dyads_by_month

    dyads = {(m, a, r): (n, arts, coop, conf, g) for m, a, r, n, arts, coop, conf, g in
             country_dyads_by_month(_events()).rows()}
    assert dyads == {("2015-08", "SA", "EG"): (1, 2, 1, 0, 4.0), ("2015-08", "YE", "SA"): (1, 1, 0, 1, -10.0),
                     ("2015-07", "SA", "EG"): (1, 3, 1, 0, 1.0)}
    assert next(iter(dyads))[0] == "2015-08", "the latest month first"
