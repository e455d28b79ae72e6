"""A folder of broken and varied files runs to the end: every file accounted for, a reason for each rejection."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import polars as pl

from pipeline.config import Settings
from pipeline.definitions import ASSETS, CHECKS, build_definitions
from pipeline.storage.parquet import ParquetStore

ARTICLE = ("موسكو - أكد وزير الخارجية الروسي سيرغي لافروف أن المحادثات مع نظيره السوري أسعد الشيباني كانت "
           "مثمرة، وناقشت قضايا ثنائية رئيسية بالإضافة إلى الوضع الإقليمي في الشرق الأوسط.")
OTHER = ("دمشق - التقى الرئيس السوري أحمد الشرع وفدا اقتصاديا روسيا لبحث مشاريع إعادة الإعمار والطاقة، "
         "وأعلنت الرئاسة أن الجانبين اتفقا على تشكيل لجنة مشتركة.")
THIRD = "الرياض - وصل وزير الخارجية السعودي إلى القاهرة في زيارة رسمية يلتقي خلالها الرئيس المصري."


def make_inputs(root: Path) -> dict[str, str]:
    """Write the files; return the expected outcome per path ('document' or a quarantine reason)."""
    files: dict[str, tuple[bytes, str]] = {
        "utf8.txt": (ARTICLE.encode("utf-8"), "document"),
        "bom_crlf.txt": (b"\xef\xbb\xbf" + OTHER.replace(" - ", "\r\n").encode("utf-8"), "document"),
        "legacy/cp1256.txt": (THIRD.encode("cp1256"), "document"),
        "legacy/utf16.txt": (("القاهرة - " + OTHER[7:] + " اضافة").encode("utf-16"), "document"),
        "z_copy_of_utf8.txt": (ARTICLE.encode("utf-8"), "duplicate"),
        "page.html": ((f"<html><head><title>عنوان الصفحة</title><script>var x=1;</script></head><body>"
                       f"<nav>الرئيسية | أخبار | رياضة</nav><article><p>{THIRD} وقال إن الزيارة مهمة.</p>"
                       "</article><footer>جميع الحقوق محفوظة</footer></body></html>").encode(), "document"),
        "one.json": (json.dumps({"title": "خبر", "body": OTHER + " تفاصيل إضافية.", "source": "وكالة",
                                 "published_at": "2025-11-06T10:00:00"}, ensure_ascii=False).encode(), "document"),
        "empty.txt": (b"   \n", "empty"),
        "binary.txt": (bytes(range(256)), "binary"),
        "english.txt": (b"This is an English article about markets and nothing else at all.", "not_arabic"),
        "report.pdf": (b"%PDF-1.4 fake", "unsupported_format"),
        "broken.json": (b'{"text": "', "malformed"),
        "huge.txt": (("كلمة " * 400).encode("utf-8"), "too_large"),
    }
    for rel, (data, _) in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    lines = [json.dumps({"text": ARTICLE + " سطر أول"}, ensure_ascii=False), "not json",
             json.dumps({"text": THIRD + " سطر ثالث"}, ensure_ascii=False)]
    (root / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    expected = {rel: outcome for rel, (_, outcome) in files.items()}
    expected.update({"batch.jsonl:1": "document", "batch.jsonl:2": "malformed", "batch.jsonl:3": "document"})
    return expected


def test_broken_folder_runs_to_the_end(tmp_path: Path):
    inputs, wh = tmp_path / "in", tmp_path / "wh"
    expected = make_inputs(inputs)
    settings = Settings(input_dir=str(inputs), warehouse_dir=str(wh), max_file_bytes=1500)
    defs = build_definitions(settings)
    result = dg.materialize([*ASSETS, *CHECKS], resources=defs.resources, instance=dg.DagsterInstance.ephemeral(),
                            raise_on_error=False)
    failed = [f"{e.asset_key.to_user_string()}.{e.check_name}" for e in result.get_asset_check_evaluations()
              if not e.passed]
    assert result.success and not failed, failed
    store = ParquetStore(wh)
    docs, quarantine = store.read("documents"), store.read("quarantine")
    def where(path: str, line: int) -> str:
        return f"{path}:{line}" if line else path

    outcome = {where(p, n): "document" for p, n in docs.select("source_path", "source_line").iter_rows()}
    rejected = quarantine.select("source_path", "source_line", "reason").iter_rows()
    outcome.update({where(p, n): r for p, n, r in rejected})
    assert outcome == expected
    assert quarantine.filter(pl.col("detail").str.len_chars() < 10).is_empty()
    dup = quarantine.filter(pl.col("reason") == "duplicate").row(0, named=True)
    kept = docs.filter(pl.col("source_path") == "utf8.txt")["doc_id"][0]
    assert kept in dup["detail"]
    encodings = dict(zip(docs["source_path"], docs["encoding"], strict=True))
    assert encodings["legacy/cp1256.txt"] == "windows-1256"
    assert encodings["legacy/utf16.txt"] == "utf-16"
    assert encodings["bom_crlf.txt"] == "utf-8-sig"
    html = docs.filter(pl.col("source_path") == "page.html").row(0, named=True)
    assert html["title"] == "عنوان الصفحة" and "الرئيسية" not in html["text"] and "var x" not in html["text"]
    one = docs.filter(pl.col("source_path") == "one.json").row(0, named=True)
    assert one["source"] == "وكالة" and one["published_at_origin"] == "metadata"
