"""build_documents: near-duplicate copies point at their cluster's original through dup_of."""

from __future__ import annotations

import random

from pipeline.nlp.documents import build_documents
from pipeline.nlp.ingest import Record

WORDS = "قال الوزير إن الحكومة ستعمل على تطوير التعاون مع الدول المجاورة في مجالات الطاقة والتجارة والنقل".split()


def _story(rng: random.Random, n: int = 150) -> str:
    return "عنوان الخبر\n\n" + " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def test_copies_point_at_the_earliest_published_member() -> None:
    rng = random.Random(7)
    story = _story(rng)
    copy = story.replace("عنوان الخبر", "عنوان الخبر المعدل")  # the same wire story, re-titled
    other = _story(random.Random(8))
    records = [
        Record("a_late.txt", "txt", "utf-8", story, {"published_at": "2015-07-22T10:00:00"}),
        Record("b_early.txt", "txt", "utf-8", copy, {"published_at": "2015-07-21T08:00:00"}),
        Record("c_other.txt", "txt", "utf-8", other, {"published_at": "2015-07-20T08:00:00"}),
    ]
    docs, rejections = build_documents(records)
    assert not rejections
    by_path = {r["source_path"]: r for r in docs.iter_rows(named=True)}
    late, early, unrelated = by_path["a_late.txt"], by_path["b_early.txt"], by_path["c_other.txt"]
    assert late["cluster_id"] == early["cluster_id"] != unrelated["cluster_id"]
    assert early["dup_of"] is None and late["dup_of"] == early["doc_id"]
    assert unrelated["dup_of"] is None
    assert docs.filter(docs["dup_of"].is_null()).height == 2  # one document per story


def test_the_richest_exact_copy_wins_whatever_its_path() -> None:
    text = _story(random.Random(3))
    bare = Record("a_bare.txt", "txt", "utf-8", text)
    rich = Record("z_rich.txt", "txt", "utf-8", text, {"source": "واس", "published_at": "2015-07-21T08:00:00"},
                  has_sidecar=True)
    docs, rejections = build_documents([bare, rich])
    assert docs["source_path"].to_list() == ["z_rich.txt"] and docs["source"][0] == "واس"
    assert [(r.source_path, r.reason) for r in rejections] == [("a_bare.txt", "duplicate")]
    assert "z_rich.txt" in rejections[0].detail


def test_bilingual_articles_are_kept_and_tiny_ones_are_too_short() -> None:
    rng = random.Random(5)
    arabic = " ".join(rng.choice(WORDS) for _ in range(60))  # ~270 Arabic letters beside ~700 Latin ones
    english = " ".join(["The minister said the government will work on cooperation"] * 14)
    mixed = Record("mixed.txt", "txt", "utf-8", arabic + "\n\n" + english)
    one_word = Record("one.txt", "txt", "utf-8", "موسكو")
    only_english = Record("en.txt", "txt", "utf-8", english)
    docs, rejections = build_documents([mixed, one_word, only_english])
    assert docs["source_path"].to_list() == ["mixed.txt"]
    reasons = {r.source_path: (r.reason, r.detail) for r in rejections}
    assert reasons["one.txt"][0] == "too_short" and "5 Arabic letters" in reasons["one.txt"][1]
    assert reasons["en.txt"][0] == "not_arabic"


def test_a_crawl_time_is_said_to_be_one_and_a_date_in_the_text_wins_over_it() -> None:
    from pathlib import Path

    from pipeline.nlp.ingest import read_sidecar

    body = " ".join(random.Random(3).choice(WORDS) for _ in range(150)) + "."
    dated = "السبت، 20 تموز 2015 - 10:30 مساء\n\nعنوان آخر\n\n" + body + " الحكومة"
    crawled = {"published_at": "2015-07-21 02:52:09", "published_at_origin": "crawl"}
    docs, _ = build_documents([Record("a.txt", "txt", "utf-8", "عنوان\n\n" + body, dict(crawled)),
                               Record("b.txt", "txt", "utf-8", dated, dict(crawled))])
    rows = {r["source_path"]: r for r in docs.iter_rows(named=True)}
    assert rows["a.txt"]["published_at_origin"] == "crawl"
    assert rows["a.txt"]["published_at"].isoformat().startswith("2015-07-21T02:52:09")
    assert rows["b.txt"]["published_at_origin"] == "text"
    assert rows["b.txt"]["published_at"].date().isoformat() == "2015-07-20"
    side = Path(__file__).parent / "_tmp_sidecar.meta.json"
    try:
        side.write_text('{"date_extracted": "2015-07-21 02:52:09", "title": "x"}', encoding="utf-8")
        assert read_sidecar(side)[0]["published_at_origin"] == "crawl"
    finally:
        side.unlink(missing_ok=True)
