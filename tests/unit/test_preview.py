"""The typed preview the Dagster UI shows for each table."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from pipeline.defs.resources import PREVIEW_CELL_CHARS, table_preview


def test_preview_shows_the_most_mentioned_rows_with_their_types() -> None:
    frame = pl.DataFrame({
        "entity_id": ["a", "b", "c", "d", "e", "f"],
        "n_mentions": [3, 40, 7, 1, 12, 5],
        "aliases": [["x", "y"], ["z"], [], ["w"], ["v"], ["u"]],
        "name_ar": ["س" * 100, "ب", "ج", "د", "ه", "و"],
        "first_seen": [datetime(2015, 8, 1, tzinfo=UTC)] * 6,
    })
    preview = table_preview("entities", frame)
    rows = [r.data for r in preview.records]
    assert [r["entity_id"] for r in rows] == ["b", "e", "c", "f", "a"]  # five rows, most mentioned first
    assert rows[0]["n_mentions"] == 40 and isinstance(rows[0]["n_mentions"], int)
    assert rows[-1]["aliases"] == "x, y" and rows[-1]["first_seen"].startswith("2015-08-01T00:00:00")
    assert len(rows[-1]["name_ar"]) == PREVIEW_CELL_CHARS and rows[-1]["name_ar"].endswith("…")
    types = {c.name: c.type for c in preview.schema.columns}
    assert types == {"entity_id": "string", "n_mentions": "int", "aliases": "string", "name_ar": "string",
                     "first_seen": "datetime"}


def test_tables_without_an_order_show_their_first_rows() -> None:
    frame = pl.DataFrame({"doc_id": ["d1", "d2"], "sentence_idx": [0, 1], "start": [0, 10], "end": [9, 20]})
    assert [r.data["doc_id"] for r in table_preview("sentences", frame).records] == ["d1", "d2"]
