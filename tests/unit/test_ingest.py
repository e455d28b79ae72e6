import json
from pathlib import Path

from pipeline.nlp.ingest import scan_inputs

ARTICLE = "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات في موسكو كانت مثمرة وبناءة للغاية."


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_txt_with_sidecar_metadata_wins(tmp_path: Path):
    write(tmp_path / "a" / "x.txt", ARTICLE)
    write(tmp_path / "a" / "x.meta.json", json.dumps({"source": "واس", "url": "http://e/1", "title": "عنوان",
                                                      "date_extracted": "2015-07-20 10:00"}))
    files, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert [f.path for f in files] == ["a/x.txt"]  # the sidecar is not a file of its own
    assert files[0].sidecar_path == "a/x.meta.json"
    assert not rejections
    assert records[0].meta == {"source": "واس", "url": "http://e/1", "title": "عنوان",
                               "published_at": "2015-07-20 10:00"}


def test_jsonl_lines_are_documents_with_line_provenance(tmp_path: Path):
    lines = [json.dumps({"body": ARTICLE, "source": "s"}), "", "{broken", json.dumps({"title": "no text"})]
    write(tmp_path / "batch.jsonl", "\n".join(lines))
    files, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert [r.source_path for r in records] == ["batch.jsonl#L1"]
    assert {(r.source_path, r.reason) for r in rejections} == {("batch.jsonl#L3", "malformed"),
                                                              ("batch.jsonl#L4", "malformed")}
    assert len(files) == 1


def test_json_object_and_broken_json(tmp_path: Path):
    write(tmp_path / "ok.json", json.dumps({"content": ARTICLE, "published_at": "2025-11-06"}))
    write(tmp_path / "bad.json", '{"text": "')
    _, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert records[0].meta["published_at"] == "2025-11-06"
    assert [(r.source_path, r.reason) for r in rejections] == [("bad.json", "malformed")]
    assert "invalid JSON" in rejections[0].detail


def test_file_level_rejections(tmp_path: Path):
    write(tmp_path / "big.txt", ARTICLE * 10)
    write(tmp_path / "img.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "bin.txt", bytes(range(256)))
    _, records, rejections = scan_inputs(tmp_path, 500)
    reasons = {r.source_path: r.reason for r in rejections}
    assert reasons == {"big.txt": "too_large", "img.png": "unsupported_format", "empty.txt": "empty",
                       "bin.txt": "binary"}
    assert all(r.detail for r in rejections)
    assert records == []


def test_hidden_files_are_ignored(tmp_path: Path):
    write(tmp_path / ".DS_Store", b"junk")
    write(tmp_path / "x.txt", ARTICLE)
    files, _, _ = scan_inputs(tmp_path, 5_000_000)
    assert [f.path for f in files] == ["x.txt"]
