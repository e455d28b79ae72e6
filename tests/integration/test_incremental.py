"""A re-run on the same warehouse does the per-document work for new or changed input only, and writes
exactly the tables a run from scratch writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import dagster as dg
import pytest

from pipeline.config import Settings
from pipeline.definitions import ASSETS, build_definitions
from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore


def _run(inp: Path, wh: Path) -> dict[str, dict[str, int]]:
    """Materialize everything; the cache counters each per-document stage reported."""
    defs = build_definitions(Settings(input_dir=str(inp), warehouse_dir=str(wh)))
    result = dg.materialize(ASSETS, resources=defs.resources, instance=dg.DagsterInstance.ephemeral())
    assert result.success
    out = {}
    for event in result.get_asset_materialization_events():
        mat = event.event_specific_data.materialization
        counters = {k: v.value for k, v in mat.metadata.items() if "cache" in k or k.endswith(
            ("_tagged", "_detected", "_cleaned", "_scanned", "_split"))}
        if counters:
            out[mat.asset_key.to_user_string()] = counters
    return out


def _digests(wh: Path) -> dict[str, str]:
    store = ParquetStore(wh)
    return {t: store.digest(t) for t in TABLES if t != "raw_files"}


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    inp = tmp_path / "in"
    shutil.copytree(seeds_dir, inp)
    return inp


def test_rerun_takes_unchanged_documents_from_the_cache(corpus: Path, tmp_path: Path, seeds_dir: Path):
    wh = tmp_path / "wh"
    first = _run(corpus, wh)
    assert first["documents"] == {"records_cleaned": 5, "records_from_cache": 0}
    assert first["entity_mentions"] == {"documents_tagged": 5, "documents_from_cache": 0}
    before = _digests(wh)

    again = _run(corpus, wh)
    assert again["documents"] == {"records_cleaned": 0, "records_from_cache": 5}
    assert again["entity_mentions"] == {"documents_tagged": 0, "documents_from_cache": 5}
    assert again["event_mentions"] == {"documents_detected": 0, "documents_from_cache": 5}
    assert again["entity_references"] == {"documents_scanned": 0, "documents_from_cache": 5}
    assert again["sentences"] == {"documents_split": 0, "documents_from_cache": 5}
    assert _digests(wh) == before, "unchanged input gives byte-identical Parquet"

    # one new article and one edited article: only those two are cleaned and tagged
    src = sorted(seeds_dir.glob("*.txt"))
    (corpus / "new_article.txt").write_text(src[0].read_text(encoding="utf-8").replace("موسكو", "دمشق")
                                            + "\nخبر إضافي عن زيارة الوزير إلى دمشق أمس.\n", encoding="utf-8")
    edited = corpus / src[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nوقال المتحدث إن الاجتماع كان مثمرا.\n",
                      encoding="utf-8")
    grown = _run(corpus, wh)
    assert grown["documents"] == {"records_cleaned": 2, "records_from_cache": 4}
    assert grown["entity_mentions"] == {"documents_tagged": 2, "documents_from_cache": 4}
    assert grown["entity_references"] == {"documents_scanned": 2, "documents_from_cache": 4}
    assert grown["sentences"] == {"documents_split": 2, "documents_from_cache": 4}
    fresh = tmp_path / "fresh"
    _run(corpus, fresh)
    assert _digests(wh) == _digests(fresh), "an incremental run writes what a run from scratch writes"
