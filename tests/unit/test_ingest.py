import json
import os
from pathlib import Path

import pytest

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
                               "published_at": "2015-07-20 10:00", "published_at_origin": "crawl"}



@pytest.mark.parametrize(("sidecar", "problem"), [
    ('{"source": "واس", "title": ', "not valid JSON"),
    ('["واس"]', "not a JSON object"),
    ('{"publisher": "واس"}', "none of the keys"),
    (b"\xff\xfe\x00\x00", "not valid JSON"),
])
def test_a_sidecar_that_cannot_be_used_is_said_so_and_the_article_kept(tmp_path: Path, sidecar: str | bytes,
                                                                       problem: str):
    write(tmp_path / "x.txt", ARTICLE)
    write(tmp_path / "x.meta.json", sidecar)
    write(tmp_path / "y.txt", ARTICLE + " ثانية")
    write(tmp_path / "y.meta.json", json.dumps({"source": "واس"}))
    files, records, rejections = scan_inputs(tmp_path, 5_000_000)
    by_path = {f.path: f for f in files}
    assert by_path["x.txt"].sidecar_path == "x.meta.json"
    assert problem in (by_path["x.txt"].sidecar_problem or "")
    assert by_path["y.txt"].sidecar_problem is None
    assert [r.source_path for r in records] == ["x.txt", "y.txt"] and records[0].meta == {}
    assert not rejections

def test_jsonl_lines_are_documents_with_line_provenance(tmp_path: Path):
    lines = [json.dumps({"body": ARTICLE, "source": "s"}), "", "{broken", json.dumps({"title": "no text"})]
    write(tmp_path / "batch.jsonl", "\n".join(lines))
    files, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert [(r.source_path, r.source_line) for r in records] == [("batch.jsonl", 1)]
    assert {(r.source_path, r.source_line, r.reason) for r in rejections} == {("batch.jsonl", 3, "malformed"),
                                                                             ("batch.jsonl", 4, "malformed")}
    assert len(files) == 1


def test_json_object_and_broken_json(tmp_path: Path):
    write(tmp_path / "ok.json", json.dumps({"content": ARTICLE, "published_at": "2025-11-06"}))
    write(tmp_path / "bad.json", '{"text": "')
    _, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert records[0].meta["published_at"] == "2025-11-06"
    assert [(r.source_path, r.reason) for r in rejections] == [("bad.json", "malformed")]
    assert "invalid JSON" in rejections[0].detail


def test_a_json_array_is_an_export_of_articles_each_judged_on_its_own(tmp_path: Path):
    write(tmp_path / "export.json", json.dumps([{"text": ARTICLE, "title": "أ"}, {"title": "no text"},
                                                {"body": ARTICLE + " ثانية"}], ensure_ascii=False))
    write(tmp_path / "none.json", "[]")
    _, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert [(r.source_path, r.source_line, r.meta.get("title")) for r in records] == [
        ("export.json", 1, "أ"), ("export.json", 3, None)]
    assert {(r.source_path, r.source_line, r.reason) for r in rejections} == {
        ("export.json", 2, "malformed"), ("none.json", 0, "empty")}


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


# --- every entry ends as a document or a quarantine row -----------------------------------------------------
def reasons_of(root: Path) -> dict[str, str]:
    files, _, rejections = scan_inputs(root, 5_000_000)
    assert {f.path for f in files} >= {r.source_path for r in rejections}  # every rejection is a raw file
    return {r.source_path: r.reason for r in rejections}


def test_links_special_files_and_bad_names_are_recorded_not_read(tmp_path: Path):
    root = tmp_path / "in"
    write(root / "ok.txt", ARTICLE)
    (root / "sub").mkdir()
    outside = write(tmp_path / "secret.txt", ARTICLE + " سر")
    os.symlink(outside, root / "out_link.txt")
    os.symlink(root / "ok.txt", root / "inside_link.txt")  # a link to a file of the input: read
    os.symlink(root / "missing.txt", root / "dangling.txt")
    os.symlink(root / "loop_b", root / "loop_a")
    os.symlink(root / "loop_a", root / "loop_b")
    os.symlink(root / "sub", root / "dir_link")
    os.mkfifo(root / "pipe.txt")
    write(Path(os.fsdecode(os.fsencode(str(root)) + b"/bad\xffname.txt")), ARTICLE)
    write(root / "news#L5.txt", ARTICLE + " خبر")
    files, records, rejections = scan_inputs(root, 5_000_000)
    reasons = {r.source_path: r.reason for r in rejections}
    assert reasons == {"out_link.txt": "symlink_outside_input", "dangling.txt": "broken_symlink",
                       "loop_a": "broken_symlink", "loop_b": "broken_symlink", "dir_link": "not_a_file",
                       "pipe.txt": "not_a_file", "bad\\xffname.txt": "bad_filename"}
    assert sorted(r.source_path for r in records) == ["inside_link.txt", "news#L5.txt", "ok.txt"]
    assert {f.path for f in files} == set(reasons) | {"inside_link.txt", "news#L5.txt", "ok.txt"}
    assert all(r.detail for r in rejections)
    assert "سر" not in " ".join(r.raw_text for r in records)  # nothing read from outside the input


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "in"
    write(root / "ok.txt", ARTICLE)
    write(root / "locked.txt", ARTICLE)
    write(root / "closed" / "x.txt", ARTICLE)
    real_read, real_scandir = Path.read_bytes, os.scandir

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "scandir", scandir)
    reasons = reasons_of(root)
    assert reasons == {"locked.txt": "unreadable", "closed": "unreadable"}


def test_jsonl_is_judged_line_by_line(tmp_path: Path):
    good = [json.dumps({"text": f"{ARTICLE} رقم {i}"}, ensure_ascii=False).encode() for i in range(50)]
    lines = [*good[:20], b'{"text": "\x00\x00\x00 binary"}', *good[20:], b"\xff\xfe broken"]
    write(tmp_path / "big.jsonl", b"\n".join(lines))
    _, records, rejections = scan_inputs(tmp_path, 5_000_000)
    assert len(records) == 50
    assert {(r.source_line, r.reason) for r in rejections} == {(21, "binary"), (52, "undecodable")}
