"""Materialize the whole graph on seeds/ in an ephemeral instance and assert on the produced tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from pipeline.config import Settings
from pipeline.definitions import ASSETS, CHECKS, build_definitions
from pipeline.schemas import PARTITION_COLUMN, TABLES
from pipeline.storage.parquet import ParquetStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    wh = tmp_path_factory.mktemp("warehouse")
    defs = build_definitions(Settings(input_dir=str(seeds_dir), warehouse_dir=str(wh)))
    result = dg.materialize(
        [*ASSETS, *CHECKS],
        resources=defs.resources,
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    failed = [f"{e.asset_key.to_user_string()}.{e.check_name}" for e in evaluations if not e.passed]
    assert not failed, f"checks failed: {failed}"
    checked = {e.asset_key.to_user_string() for e in evaluations}
    assert checked == {*TABLES, "akhbar_duckdb"}, "every asset has checks and they ran"
    return wh


def table(wh: Path, name: str) -> pl.DataFrame:
    return ParquetStore(wh).read(name)


def test_five_documents_and_nothing_quarantined(warehouse: Path):
    docs = table(warehouse, "documents")
    assert docs.height == 5
    assert docs["title"].null_count() == 0
    assert table(warehouse, "quarantine").height == 0


def test_key_entities_are_found_with_types(warehouse: Path):
    ents = table(warehouse, "entities")
    names = {(r["name_ar"], r["type"]) for r in ents.iter_rows(named=True)}
    assert ("موسكو", "LOC") in names
    assert ("فلاديمير بوتين", "PER") in names
    moscow = ents.filter(pl.col("name_ar") == "موسكو").row(0, named=True)
    assert moscow["country_code"] == "RU" and moscow["lat"] is not None


def test_short_names_resolve_to_the_full_person(warehouse: Path):
    mentions = table(warehouse, "entity_mentions")
    ents = table(warehouse, "entities")
    putin = ents.filter(pl.col("name_ar") == "فلاديمير بوتين")["entity_id"][0]
    surfaces = set(mentions.filter(pl.col("entity_id") == putin)["surface"].to_list())
    assert {"فلاديمير بوتين", "بوتين"} <= surfaces


def test_every_mention_span_matches_the_text(warehouse: Path):
    docs = {r["doc_id"]: r["text"] for r in table(warehouse, "documents").iter_rows(named=True)}
    mentions = table(warehouse, "entity_mentions")
    assert mentions.height > 50
    surfaces = set(mentions["surface"].to_list())
    for m in mentions.iter_rows(named=True):
        assert docs[m["doc_id"]][m["start"] : m["end"]] == m["surface"]
        # a proclitic never stays in front of a name that also occurs on its own ("وموسكو" → "موسكو")
        for clitic in ("و", "ف", "ب", "ل", "وب", "ول"):
            assert not (m["surface"].startswith(clitic) and m["surface"][len(clitic):] in surfaces), m["surface"]
    for e in table(warehouse, "event_mentions").iter_rows(named=True):
        assert docs[e["doc_id"]][e["trigger_start"] : e["trigger_end"]] == e["trigger"]


def test_events_have_codes_and_visits(warehouse: Path):
    ev = table(warehouse, "event_mentions")
    assert ev.height > 0
    visits = ev.filter((pl.col("event_type") == "CONSULT") & (pl.col("mode") == "visit"))
    assert visits.height > 0 and set(visits["cameo_root"]) == {"04"}


def test_duckdb_has_every_table_and_answers_read_only_from_elsewhere(warehouse: Path, tmp_path: Path):
    db = warehouse / "akhbar.duckdb"
    code = (
        "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True); "
        "print(c.execute('select count(*) from documents').fetchone()[0])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db)], cwd=tmp_path, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "5"
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
        assert set(TABLES) <= tables
        for name in TABLES:
            if name != "quarantine":
                assert con.execute(f'select count(*) from "{name}"').fetchone()[0] > 0, name
        top = con.execute("select name_ar from entity_leaderboard limit 5").fetchall()
        assert len(top) == 5
    finally:
        con.close()


def test_rerun_gives_identical_rows(warehouse: Path, tmp_path: Path, seeds_dir: Path):
    defs = build_definitions(Settings(input_dir=str(seeds_dir), warehouse_dir=str(tmp_path)))
    result = dg.materialize(ASSETS, resources=defs.resources, instance=dg.DagsterInstance.ephemeral())
    assert result.success
    for name in TABLES:
        a = table(warehouse, name)
        b = table(tmp_path, name)
        if name == "raw_files":
            a, b = a.drop("modified_at"), b.drop("modified_at")
        assert a.equals(b), name


def test_seed_metadata_and_no_boilerplate(warehouse: Path):
    docs = {Path(r["source_path"]).name[:3]: r for r in table(warehouse, "documents").iter_rows(named=True)}
    assert docs["003"]["published_at"].date().isoformat() == "2025-11-06"
    assert docs["003"]["published_at_origin"] == "text"
    assert docs["003"]["source"] == "تلفزيون سوريا"
    assert docs["004"]["source"] == "الثورة" and docs["004"]["author"] == "منهل إبراهيم"
    assert docs["000"]["dateline"] == "موسكو"
    for doc in docs.values():
        for junk in ("news-details", "التعليقات", "اضافة تعليق", "مشاركة المقال", "آخر الأخبار", "تلفزيون سوريا\n"):
            assert junk not in doc["text"], (doc["source_path"], junk)
        lines = [ln for ln in doc["text"].split("\n") if ln.strip()]
        assert len(lines) == len(set(lines)), "a repeated line (title) survived"


def test_seed_tables_match_the_snapshot(warehouse: Path):
    """The seeds run produces exactly the pinned tables (tests/snapshot.py says how to update them)."""
    import json

    from tests.snapshot import SNAPSHOT, digests

    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    got = digests(warehouse)
    changed = {t: (expected.get(t), got[t]) for t in got if expected.get(t) != got[t]}
    assert not changed, (
        f"the seeds run changed {sorted(changed)}: {changed}. If the change is intended, run `make snapshot` "
        "and commit tests/fixtures/seed_tables.json with it")


def _seed_lookup(wh: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("entities_bench", ROOT / "bench" / "entities_bench.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    return bench, bench.Lookup(wh)


def test_seed_entities_match_the_hand_labelled_gold(warehouse: Path):
    """tests/fixtures/entities/seed_entities_gold.json (labelled by reading the seeds): every person, place and
    organisation of the article bodies is found; persons are never merged (Ahmed and Maher al-Sharaa apart);
    a person is one entity wherever the article names them in full (a bare family name the article shares
    between two persons may stay a fragment); places carry an ISO code or coordinates; no junk."""
    import json

    bench, lookup = _seed_lookup(warehouse)
    gold = json.loads(bench.SEED_GOLD.read_text(encoding="utf-8"))
    ents = lookup.entities
    types = {"persons": "PER", "places": "LOC", "organisations": "ORG"}
    for kind in ("persons", "places", "organisations"):
        seen: dict[str, str] = {}
        for group in gold[kind]:
            if group.get("in_body") is False or group.get("borderline"):
                continue
            ids = {i for occ in group["occurrences"] for i in lookup.entities_at(
                occ["path"], occ["context"], occ["surface"])[0] if i is not None}
            # ("قوات الأسد" is the army: an organisation found inside a person's occurrence is not that person)
            resolved = {i for i in ids if ents[i]["subtype"] != "name_fragment" and ents[i]["type"] == types[kind]}
            assert resolved, f"{kind}: {group['key']} not found"
            if kind == "persons":
                assert len(resolved) == 1, f"{group['key']} is {len(resolved)} entities"
            if kind == "places" and group.get("kind") not in ("region", "continent"):
                assert any(ents[i]["country_code"] or ents[i]["lat"] is not None for i in resolved), group["key"]
            for i in resolved:
                assert seen.setdefault(i, group["key"]) == group["key"], f"{group['key']} merged with {seen[i]}"
    junk = [j["surface"] for j in gold["junk"] if j["surface"] != "روسياً"
            and any(lookup.entities_at(j["path"], j["context"], j["surface"])[0])]
    assert not junk, junk


def test_leaderboard_leaves_out_the_subtypes_resolution_flags():
    from pipeline.nlp.resolve import LEADERBOARD_LEFT_OUT

    sql = (ROOT / "sql" / "views" / "10_entity_leaderboard.sql").read_text(encoding="utf-8")
    listed = sql.split("NOT IN (")[1].split(")")[0]
    assert sorted(x.strip(" '") for x in listed.split(",")) == sorted(LEADERBOARD_LEFT_OUT)


def test_every_parquet_file_matches_the_dictionary_for_bi_tools(warehouse: Path):
    """What a BI tool sees: required columns are required in the file's schema, timestamps carry UTC, and
    DuckDB reads every file with the declared columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    store = ParquetStore(warehouse)
    con = duckdb.connect()
    try:
        for name, contract in TABLES.items():
            files = store.files(name)
            assert files, name
            for path in files:
                schema = pq.read_schema(path)
                assert schema.names == contract.names, name
                for col in contract.columns:
                    field = schema.field(col.name)
                    assert field.nullable == col.nullable, (name, col.name)
                    if isinstance(col.dtype, pl.Datetime):
                        assert pa.types.is_timestamp(field.type) and field.type.tz == "UTC", (name, col.name)
            # the whole table as a BI tool reads the folder: partitions add their Hive column at the end
            pattern = str(store.table_dir(name) / ("*/*.parquet" if contract.partitioned else "*.parquet"))
            described = con.execute("DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = true)",
                                    [pattern]).fetchall()
            expected = contract.names + ([PARTITION_COLUMN] if contract.partitioned else [])
            assert [r[0] for r in described] == expected, name
            n_rows = con.execute("SELECT count(*) FROM read_parquet(?, hive_partitioning = true)", [pattern]).fetchone()
            assert n_rows is not None and n_rows[0] == store.read(name).height, name
            for col_name, col_type, *_ in described[: len(contract.names)]:
                if isinstance(contract.column(col_name).dtype, pl.Datetime):
                    assert col_type == "TIMESTAMP WITH TIME ZONE", (name, col_name, col_type)
    finally:
        con.close()


def test_duckdb_views_carry_comments_and_required_columns_are_not_null(warehouse: Path, tmp_path: Path):
    from pipeline.storage.duckdb_build import build_database, view_files

    con = duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True)
    try:
        views = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
        assert len(views) == len(view_files(ROOT / "sql")) and all(views.values()), views
        nullable = dict(con.execute("SELECT column_name, is_nullable FROM information_schema.columns "
                                    "WHERE table_name = 'documents'").fetchall())
        assert nullable["doc_id"] == "NO" and nullable["title"] == "YES"
        types = {r[0]: r[1] for r in con.execute("DESCRIBE quarantine_summary").fetchall()}
        assert types["total_bytes"] == "BIGINT", "ODBC/JDBC drivers handle HUGEINT sums poorly"
    finally:
        con.close()
    # a file for older DuckDB clients
    store = ParquetStore(warehouse / "current")
    copy = tmp_path / "old"
    copy.mkdir()
    (copy / "parquet").symlink_to(store.parquet_dir.resolve())
    result = build_database(ParquetStore(copy), ROOT / "sql", storage_version="v1.0.0")
    con = duckdb.connect(str(result.path), read_only=True)
    try:
        tags = con.execute("SELECT tags FROM duckdb_databases() WHERE NOT internal").fetchall()
        assert any(t[0].get("storage_version", "").startswith("v1.0.0") for t in tags), tags
    finally:
        con.close()


def test_analyst_views_answer_their_questions_on_the_seeds(warehouse: Path):
    con = duckdb.connect(str(warehouse / "akhbar.duckdb"), read_only=True)
    try:
        dyads = {(str(d), a, r): (n, g) for d, a, r, n, g in con.execute(
            "SELECT day, actor_country, recipient_country, n_events, mean_goldstein FROM country_dyad_daily"
        ).fetchall()}
        assert ("2025-02-12", "RU", "SY") in dyads, dyads  # Putin calls al-Sharaa
        assert ("2025-10-15", "SY", "RU") in dyads, dyads  # al-Sharaa in Moscow
        assert all(n >= 1 and -10 <= g <= 10 for n, g in dyads.values())
        daily = con.execute("SELECT n_articles FROM events_daily WHERE day = DATE '2025-10-15' "
                            "AND event_type = 'CONSULT'").fetchall()
        assert daily and daily[0][0] >= 2, "the Moscow meeting is reported by two seed articles"
        total = con.execute("SELECT sum(n_events) FROM events_daily").fetchone()[0]
        dated = con.execute("SELECT count(*) FROM events WHERE coalesce(date, CAST(timezone('UTC', first_seen) "
                            "AS DATE)) IS NOT NULL").fetchone()[0]
        assert total == dated
        cover = con.execute("SELECT top_entities, share_of_outlet_mentions FROM outlet_coverage "
                            "WHERE outlet = 'الثورة' AND type = 'PER'").fetchone()
        assert cover is not None and "أحمد الشرع" in cover[0] and 0 < cover[1] < 1
        edges = con.execute("SELECT count(*) FROM entity_pair_documents").fetchone()[0]
        assert edges == con.execute("SELECT sum(n_docs) FROM entity_pairs").fetchone()[0]
        network = con.execute("SELECT name_a, name_b, n_docs, pmi FROM entity_network").fetchall()
        assert network and all(n >= 2 for _, _, n, _ in network)
        assert ("فلاديمير بوتين", "أسعد حسن الشيباني") in {(a, b) for a, b, _, _ in network} | {
            (b, a) for a, b, _, _ in network}
        shares = con.execute("SELECT outlet, sum(share_of_outlet_mentions) FROM outlet_coverage GROUP BY 1").fetchall()
        assert all(abs(s - 1) < 0.01 for _, s in shares)
        timeline = con.execute("SELECT outlets, n_sources, n_articles FROM event_timeline").fetchall()
        assert timeline and all(len(o.split(" | ")) == n for o, n, _ in timeline), timeline
        assert any(n >= 2 for _, n, _ in timeline), "the Moscow meeting is reported by two outlets"
        # the Parquet companion of outlet_coverage: entity types and event types per outlet
        mix = {(k, t): (n, share) for k, t, n, share in con.execute(
            "SELECT kind, type, n_mentions, share_of_source FROM source_type_stats WHERE source = 'الثورة'"
        ).fetchall()}
        assert mix[("entity", "PER")][0] > 0 and ("event", "CONSULT") in mix, mix
        per_outlet = con.execute("SELECT sum(n_mentions) FROM source_type_stats WHERE kind = 'entity'").fetchone()
        assert per_outlet[0] == con.execute("SELECT count(*) FROM entity_mentions").fetchone()[0]
        bridge = con.execute("SELECT name_a, name_b, title FROM entity_pair_documents WHERE n_sentences > 0"
                             ).fetchall()
        assert any({"فلاديمير بوتين", "أحمد الشرع"} == {a, b} for a, b, _ in bridge), bridge[:5]
        # how much the press talks about a country: by name and by nationality adjective ("الروسي")
        attention = con.execute("SELECT sum(n_name_mentions), sum(n_references) FROM country_attention_daily "
                                "WHERE country_code = 'RU'").fetchone()
        assert attention[0] > 0 and attention[1] > 0, attention
        dated = con.execute("SELECT count(*) FROM entity_references JOIN documents USING (doc_id) "
                            "WHERE published_at IS NOT NULL").fetchone()[0]
        assert con.execute("SELECT sum(n_references) FROM country_attention_daily").fetchone()[0] == dated
        adjectives = {s for (s,) in con.execute("SELECT surface FROM entity_references WHERE country_code = 'RU'"
                                                ).fetchall()}
        assert {"الروسي", "الروسية"} <= adjectives, adjectives
        # the titles the press gives each person, each naming once (not the role mentions before a name)
        titles = {(n, t): (c, k) for n, t, c, k in con.execute(
            "SELECT name_ar, title, title_country, n_mentions FROM person_titles").fetchall()}
        assert titles[("فلاديمير بوتين", "الرئيس الروسي")][0] == "RU", titles
        assert ("سيرغي لافروف", "وزير الخارجية الروسي") in titles, titles
        named = con.execute("SELECT count(*) FROM entity_mentions JOIN entities USING (entity_id) WHERE "
                            "entities.type = 'PER' AND title IS NOT NULL AND name_mention_id IS NULL").fetchone()[0]
        assert sum(k for _, k in titles.values()) == named > 0
    finally:
        con.close()
