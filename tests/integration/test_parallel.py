"""A run on every core gives the same bytes as a run on one; the long stages have no quadratic step."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import dagster as dg
import polars as pl
import pytest

from pipeline import parallel
from pipeline.config import Settings
from pipeline.definitions import ASSETS, build_definitions
from pipeline.nlp.events import event_mentions_frame
from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore

N_DOCS = 130  # above parallel.MIN_ITEMS_FOR_POOL, so the pool is used


def _paragraphs(seeds_dir: Path) -> list[str]:
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 80]
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """N_DOCS distinct articles made of seed paragraphs drawn at random (fixed seed)."""
    paras = _paragraphs(seeds_dir)
    assert len(paras) >= 20
    rng = random.Random(14)
    root = tmp_path_factory.mktemp("corpus")
    for i in range(N_DOCS):
        picked = rng.sample(paras, 4)
        (root / f"2025-0{1 + i % 9}-1{i % 10}_synthetic_{i:04d}.txt").write_text(
            f"خبر رقم {i}\n\n" + "\n\n".join(picked) + "\n", encoding="utf-8")
    return root


def _run(corpus: Path, wh: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.WORKERS_ENV, str(workers))
    parallel.shutdown()
    defs = build_definitions(Settings(input_dir=str(corpus), warehouse_dir=str(wh)))
    result = dg.materialize(ASSETS, resources=defs.resources, instance=dg.DagsterInstance.ephemeral())
    assert result.success


def _digests(wh: Path) -> dict[str, str]:
    store = ParquetStore(wh)
    return {name: store.digest(name) for name in TABLES}


def test_two_workers_give_the_bytes_of_one(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _run(corpus, tmp_path / "serial", 1, monkeypatch)
    _run(corpus, tmp_path / "pool", 2, monkeypatch)
    docs = ParquetStore(tmp_path / "serial").read("documents")
    assert docs.height >= parallel.MIN_ITEMS_FOR_POOL, "the corpus must be large enough to use the pool"
    assert ParquetStore(tmp_path / "serial").read("entity_mentions").height > 1000
    serial, pool = _digests(tmp_path / "serial"), _digests(tmp_path / "pool")
    differ = [name for name in TABLES if name != "raw_files" and serial[name] != pool[name]]
    assert not differ, f"tables differ between 1 and 2 workers: {differ}"


def _echo_pid(items: list[int]) -> list[tuple[int, int]]:
    return [(i, os.getpid()) for i in items]


def test_ordered_map_uses_workers_and_keeps_order():
    out = parallel.ordered_map(_echo_pid, list(range(500)), workers=2)
    assert [i for i, _ in out] == list(range(500))
    assert {pid for _, pid in out} - {os.getpid()}, "no batch ran in a worker"
    small = parallel.ordered_map(_echo_pid, list(range(10)), workers=2)
    assert {pid for _, pid in small} == {os.getpid()}, "a small input runs in the calling process"
    assert parallel.ordered_map(_echo_pid, [], workers=2) == []


def test_ordered_map_reports_its_batches_as_they_come_back():
    seen: list[tuple[int, int]] = []
    with parallel.reporting(lambda done, total: seen.append((done, total))):
        out = parallel.ordered_map(_echo_pid, list(range(500)), workers=2)
        small = parallel.ordered_map(_echo_pid, list(range(10)), workers=2)  # serial: one report at the end
    assert [i for i, _ in out] == list(range(500)) and [i for i, _ in small] == list(range(10))
    big = [d for d, t in seen if t == 500]
    assert len(big) >= 16 and big == sorted(big) and big[-1] == 500 and (10, 10) in seen
    seen.clear()
    parallel.ordered_map(_echo_pid, list(range(500)), workers=2)  # outside the block: nothing reported
    assert seen == []


def test_a_progress_line_says_how_far_how_fast_and_how_long_to_go():
    from pipeline.defs.progress import progress_text

    assert progress_text("entity_mentions", 4096, 13358, 32.0, "documents") == (
        "entity_mentions: 4,096 of 13,358 documents, 128/s, about 72 s left")
    assert progress_text("documents", 63, 2000, 0.2, "records") == "documents: 63 of 2,000 records"
    assert progress_text("events", 10, 10, 2.0, "documents") == "events: 10 of 10 documents, 5/s"


def test_workers_setting_is_validated(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "0")
    with pytest.raises(ValueError, match="positive integer"):
        parallel.worker_count()
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.worker_count() == 3


def _event_seconds(n_sentences: int, sentence: str) -> float:
    """Seconds of event detection over one document of ``n_sentences`` copies of ``sentence``."""
    parts, sents, offset = [], [], 0
    for i in range(n_sentences):
        parts.append(sentence)
        sents.append({"doc_id": "d", "sentence_idx": i, "start": offset, "end": offset + len(sentence),
                      "text": sentence})
        offset += len(sentence) + 1
    text = "\n".join(parts)
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "published_at": [None]},
                        schema_overrides={"published_at": pl.Datetime("us")})
    name = "فلاديمير بوتين"
    mentions = []
    for s in sents:
        at = s["start"] + sentence.index(name)
        mentions.append({"mention_id": f"m{s['sentence_idx']}", "doc_id": "d", "sentence_idx": s["sentence_idx"],
                         "start": at, "end": at + len(name), "surface": name, "type": "PER",
                         "entity_id": "E1", "subtype": None, "title": None, "title_country": None,
                         "country_code": None})
    t0 = time.perf_counter()
    events, _ = event_mentions_frame(docs, pl.DataFrame(sents), pl.DataFrame(mentions), workers=1)
    seconds = time.perf_counter() - t0
    assert events.height >= n_sentences, "every sentence reports a meeting"
    return seconds


def test_event_detection_is_linear_in_article_length():
    sentence = "واستقبل الرئيس فلاديمير بوتين وزير الخارجية في موسكو أمس وبحث معه العلاقات الثنائية."
    _event_seconds(50, sentence)  # warm the caches
    small, large = _event_seconds(200, sentence), _event_seconds(1600, sentence)
    # 8 x the sentences and mentions: linear is ~8 x the time, quadratic ~64 x
    assert large < 24 * small, (small, large)


def test_akhbar_run_prints_a_line_per_stage_as_it_finishes(tmp_path: Path, seeds_dir: Path):
    import re
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--input", str(seeds_dir), "--warehouse",
                           str(tmp_path / "wh")], capture_output=True, text=True, cwd=root, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if re.match(r"^ +\d+\.\d s +\d+\.\d s  ", ln)]
    stages = " ".join(lines)
    for expected in ("documents 5", "entity_mentions ", "event_mentions ", "akhbar_duckdb ", "published"):
        assert expected in stages, (expected, proc.stdout)
    # inside the long stages, a progress line (not a terminal: plain lines)
    assert re.search(r"^ +\d+\.\d s +entity_mentions: 5 of 5 documents", proc.stdout, re.M), proc.stdout
    at = [float(ln.split()[0]) for ln in lines]
    assert at == sorted(at), "lines come as the stages finish"
    assert re.search(r"checks: \d+ passed, 0 failed", proc.stdout)
    quiet = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--quiet", "--input", str(seeds_dir),
                            "--warehouse", str(tmp_path / "wh2")], capture_output=True, text=True, cwd=root,
                           timeout=300)
    assert quiet.returncode == 0 and not re.search(r"^ +\d+\.\d s +\d+\.\d s  ", quiet.stdout, re.M)
