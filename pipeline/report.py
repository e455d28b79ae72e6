"""Small charts for the Dagster UI (pure: frames in, PNG bytes out; no Dagster imports).

Labels use the entities' English names (``entities.name_en``: knowledge base, gazetteer or romanisation):
matplotlib draws Arabic letters unjoined and left to right, which would misquote every name.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TOP_N = 15
_COLOURS = {"PER": "#4C78A8", "ORG": "#F58518", "LOC": "#54A24B", "MISC": "#B279A2"}


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to memory
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height), dpi=100)


def _png(fig: Figure) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", metadata={"Software": None})  # no version stamp: same data, same bytes
    plt.close(fig)
    return buf.getvalue()


def top_entities_png(stats: pl.DataFrame, entities: pl.DataFrame, n: int = TOP_N,
                     left_out: tuple[str, ...] = ()) -> bytes | None:
    """Horizontal bars of the ``n`` most-mentioned entities (subtypes in ``left_out`` skipped), coloured by
    type; None when there is nothing to draw."""
    ents = entities.select("entity_id", "name_en", "name_ar", "subtype")
    top = (stats.select("entity_id", "n_mentions", "type").join(ents, on="entity_id", how="left")
           .filter(~pl.col("subtype").is_in(list(left_out)).fill_null(False))
           .sort(["n_mentions", "entity_id"], descending=[True, False]).head(n))
    if top.is_empty():
        return None
    labels = [f"{r['name_en'] or r['entity_id']} ({r['type']})" for r in top.iter_rows(named=True)][::-1]
    values = top["n_mentions"].to_list()[::-1]
    colours = [_COLOURS.get(t, "#888888") for t in top["type"].to_list()][::-1]
    fig, ax = _figure(8, 0.35 * len(labels) + 1.2)
    ax.barh(labels, values, color=colours)
    ax.set_xlabel("mentions")
    ax.set_title(f"Top {len(labels)} entities by mentions")
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return _png(fig)


def mentions_per_day_png(daily: pl.DataFrame) -> bytes | None:
    """Entity mentions per publication day (``entity_daily`` summed over entities); None without dates."""
    per_day = daily.group_by("day").agg(pl.col("n_mentions").sum()).sort("day")
    if per_day.is_empty():
        return None
    fig, ax = _figure(8, 3)
    days, values = per_day["day"].to_list(), per_day["n_mentions"].to_list()
    ax.bar(days, values, width=0.8)  # bars, not a line: a day without articles is a gap, not a slope
    ax.set_ylabel("entity mentions")
    ax.set_title("Entity mentions per publication day")
    fig.autofmt_xdate()
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    return _png(fig)


def most_reported_events(events: pl.DataFrame, event_mentions: pl.DataFrame, documents: pl.DataFrame,
                         entities: pl.DataFrame, n: int = 10) -> pl.DataFrame:
    """Who did what to whom, when, how much it was covered and by which outlets: the ``n`` events reported by
    the most articles, with names (Arabic, as written in the articles) instead of ids."""
    names = entities.select("entity_id", "name_ar")
    top = events.sort(["n_articles", "n_mentions", "event_id"], descending=[True, True, False]).head(n)

    def joined(column: str) -> pl.DataFrame:
        return (top.select("event_id", pl.col(column).alias("entity_id")).explode("entity_id")
                .join(names, on="entity_id").group_by("event_id")
                .agg(pl.col("name_ar").unique().sort().str.join(" | ").alias(column)))

    outlets = (event_mentions.select("event_id", "doc_id").join(top.select("event_id"), on="event_id")
               .join(documents.select("doc_id", pl.col("source").fill_null("unknown")), on="doc_id")
               .group_by("event_id").agg(pl.col("source").unique().sort().str.join(" | ").alias("outlets")))
    return (top.select("event_id", pl.coalesce("date", pl.col("first_seen").dt.date()).alias("date"),
                       "event_type", "location_id", "n_articles", "n_sources")
            .join(joined("actor_ids"), on="event_id", how="left")
            .join(joined("recipient_ids"), on="event_id", how="left")
            .join(names.rename({"entity_id": "location_id", "name_ar": "location"}), on="location_id", how="left")
            .join(outlets, on="event_id", how="left")
            .select("date", "event_type", pl.col("actor_ids").alias("actors"),
                    pl.col("recipient_ids").alias("recipients"), "location", "n_articles", "n_sources", "outlets")
            .sort(["n_articles", "date"], descending=[True, False], nulls_last=True))


def country_dyads_by_month(events: pl.DataFrame, n: int = 15) -> pl.DataFrame:
    """How relations between two countries moved: per month (the event's date, else its first report) and
    actor → recipient country, events, articles, cooperative vs conflictual events (quad classes 1–2 vs
    3–4) and the mean Goldstein score; the latest months first, then the busiest dyads."""
    month = pl.coalesce("date", pl.col("first_seen").dt.date()).dt.strftime("%Y-%m").alias("month")
    pairs = (events.select("event_id", month, "quad_class", "goldstein", "n_articles",
                           pl.col("actor_countries").alias("actor_country"),
                           pl.col("recipient_countries").alias("recipient_country"))
             .explode("actor_country").explode("recipient_country")
             .drop_nulls(["month", "actor_country", "recipient_country"])
             .filter(pl.col("actor_country") != pl.col("recipient_country")))
    return (pairs.group_by("month", "actor_country", "recipient_country").agg(
                pl.col("event_id").n_unique().cast(pl.Int64).alias("n_events"),
                pl.col("n_articles").sum().cast(pl.Int64).alias("n_articles"),
                (pl.col("quad_class") <= 2).sum().cast(pl.Int64).alias("n_cooperation"),
                (pl.col("quad_class") >= 3).sum().cast(pl.Int64).alias("n_conflict"),
                pl.col("goldstein").mean().round(2).alias("mean_goldstein"))
            .sort(["month", "n_events", "actor_country", "recipient_country"],
                  descending=[True, True, False, False]).head(n))


def markdown_image(png: bytes, alt: str) -> str:
    """The PNG inlined in markdown (the Dagster UI renders it in the asset's metadata)."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
