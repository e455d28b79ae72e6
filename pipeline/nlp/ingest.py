"""Find input files and turn each into article records or a rejection with a reason.

Pure functions, no Dagster: ``scan_inputs`` walks the input folder and returns one :class:`RawFile` per
file, the :class:`Record` objects parsed from the good ones and a :class:`Rejection` for everything that
could not become an article. Sidecar ``<name>.meta.json`` files are attached to their article, never
treated as articles themselves.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.nlp.decode import DecodeError, decode_bytes, html_to_text
from pipeline.schemas import TABLES

SIDECAR_SUFFIX = ".meta.json"
TEXT_FORMATS = {"txt": "txt", "text": "txt", "html": "html", "htm": "html", "json": "json", "jsonl": "jsonl"}
TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published_at", "date", "published", "date_extracted", "datePublished")
META_KEYS = ("title", "url", "source", "author")
CRAWL_DATE_KEYS = frozenset({"date_extracted"})


@dataclass(frozen=True)
class RawFile:
    """One ``raw_files`` row: an entry under the input folder (``sha256`` is null when it was not read)."""

    path: str
    bytes: int
    sha256: str | None
    format: str
    encoding: str | None
    sidecar_path: str | None
    modified_at: datetime | None
    sidecar_problem: str | None = None


@dataclass
class Record:
    """One article candidate before cleaning; ``meta`` holds metadata given by the file or its sidecar.
    ``source_line`` is the 1-based line of a JSONL file, 0 for a whole file."""

    source_path: str
    format: str
    encoding: str
    raw_text: str
    meta: dict[str, str] = field(default_factory=dict)
    source_line: int = 0
    has_sidecar: bool = False


@dataclass(frozen=True)
class Rejection:
    """One ``quarantine`` row: an input entry (or JSONL line) that did not become a document."""

    source_path: str
    source_line: int
    reason: str
    detail: str
    bytes: int
    sha256: str | None


def raw_files_frame(files: list[RawFile]) -> pl.DataFrame:
    """The ``raw_files`` table."""
    return TABLES["raw_files"].frame(files)


def quarantine_frame(rejections: list[Rejection]) -> pl.DataFrame:
    """The ``quarantine`` table."""
    return TABLES["quarantine"].frame(rejections)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_format(path: Path) -> str:
    """Format from the file name: txt/html/json/jsonl, else the bare extension (or 'none')."""
    ext = path.suffix.lower().lstrip(".")
    return TEXT_FORMATS.get(ext, ext or "none")


def display_path(rel: str) -> str:
    """A relative path as stored: undecodable bytes of a file name shown as \\xNN (the name is kept
    readable and the row can be written; the file itself is quarantined as ``bad_filename``)."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _is_bad_name(rel: str) -> bool:
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@dataclass(frozen=True)
class Entry:
    """One entry found under the input folder: a regular file to read, or a problem to record."""

    rel: str  # relative path as the OS gave it (may hold surrogate escapes)
    path: Path
    problem: str | None = None  # quarantine reason when the entry cannot be read as a file
    detail: str = ""


def discover(input_dir: Path) -> list[Entry]:
    """Every entry under ``input_dir`` (recursively, sorted), without hidden entries and sidecars.

    Symbolic links are followed only to files inside the input folder; a link out of it, a dangling link,
    a link loop, a link to a folder, a FIFO, socket or device, and a folder that cannot be listed are
    entries with a problem — recorded, never read, never silently skipped.
    """
    root = input_dir.resolve()
    out: list[Entry] = []

    def walk(folder: Path, rel_prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as err:
            out.append(Entry(rel_prefix.rstrip("/") or ".", folder, "unreadable",
                             f"the folder cannot be listed ({err.strerror or err}); fix its permissions"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = rel_prefix + entry.name
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    try:
                        target = path.resolve(strict=True)
                    except (OSError, RuntimeError) as err:
                        loop = isinstance(err, RuntimeError) or getattr(err, "errno", None) == 40
                        out.append(Entry(rel, path, "broken_symlink",
                                         "the symbolic link points to itself in a loop" if loop else
                                         f"the symbolic link points to nothing ({os.readlink(path)}); remove it"))
                        continue
                    if root != target and root not in target.parents:
                        out.append(Entry(rel, path, "symlink_outside_input",
                                         f"the symbolic link leads out of the input folder ({target}); it is not "
                                         "followed — copy the file into the input folder to read it"))
                        continue
                    if target.is_dir():
                        out.append(Entry(rel, path, "not_a_file", "a symbolic link to a folder is not followed "
                                         "(it could read files twice or loop); link the files instead"))
                        continue
                    if not target.is_file():
                        out.append(Entry(rel, path, "not_a_file", "the symbolic link leads to a special file "
                                         "(FIFO, socket or device), which is not read"))
                        continue
                    if not entry.name.endswith(SIDECAR_SUFFIX):
                        out.append(Entry(rel, path))
                    continue
                if entry.is_dir(follow_symlinks=False):
                    walk(path, rel + "/")
                    continue
                if not entry.is_file(follow_symlinks=False):
                    out.append(Entry(rel, path, "not_a_file",
                                     "a FIFO, socket or device, not a regular file; it is not read"))
                    continue
            except OSError as err:
                out.append(Entry(rel, path, "unreadable", f"cannot inspect the entry ({err.strerror or err})"))
                continue
            if entry.name.endswith(SIDECAR_SUFFIX):
                continue
            out.append(Entry(rel, path))

    walk(input_dir, "")
    return out


def sidecar_for(path: Path) -> Path | None:
    """``<name>.meta.json`` beside ``<name>.<ext>``, if it exists."""
    candidate = path.with_name(path.stem + SIDECAR_SUFFIX)
    return candidate if candidate.is_file() else None


def _clean_meta(obj: dict[str, Any]) -> dict[str, str]:
    """Pick the known metadata keys of a JSON object as non-empty strings."""
    meta: dict[str, str] = {}
    for key in META_KEYS:
        value = obj.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            meta[key] = str(value).strip()
    for key in DATE_KEYS:
        value = obj.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            meta["published_at"] = str(value).strip()
            if key in CRAWL_DATE_KEYS:  # when the page was fetched, not when it was published
                meta["published_at_origin"] = "crawl"
            break
    return meta


def read_sidecar(path: Path) -> tuple[dict[str, str], str | None]:
    """(metadata, problem) from a sidecar: ``problem`` says why it gave no metadata (unreadable, not JSON, not
    an object, none of the keys read), None when it gave some; the article is kept either way."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        return {}, f"the sidecar cannot be read ({err.strerror or err}); fix its permissions"
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        return {}, f"the sidecar is not valid JSON: not UTF-8 text (byte {err.start}); re-save it as UTF-8"
    except json.JSONDecodeError as err:
        return {}, f"the sidecar is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}); fix it"
    if not isinstance(obj, dict):
        return {}, f"the sidecar is not a JSON object (found {type(obj).__name__}); write {{\"title\": ...}}"
    meta = _clean_meta(obj)
    if not meta:
        keys = ", ".join((*META_KEYS, *DATE_KEYS))
        return {}, f"the sidecar holds none of the keys Akhbar reads with a value ({keys})"
    return meta, None


def _article_from_object(obj: Any) -> tuple[str | None, dict[str, str], str]:
    """(text, metadata, problem) from one JSON value; ``problem`` explains a missing text."""
    if not isinstance(obj, dict):
        return None, {}, (f"expected a JSON object with a 'text' field (or an array of them), found "
                          f"{type(obj).__name__}")
    for key in TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value, _clean_meta(obj), ""
    return None, _clean_meta(obj), "no article text under 'text', 'body' or 'content'"


def parse_file(rel: str, fmt: str, data: bytes) -> tuple[list[Record], list[Rejection], str | None]:
    """Parse one file's bytes into records and rejections; also return the detected encoding."""
    size, digest = len(data), sha256_hex(data)

    def reject(reason: str, detail: str, line: int = 0, raw: bytes = data) -> Rejection:
        return Rejection(rel, line, reason, detail, len(raw), sha256_hex(raw) if raw is not data else digest)

    if fmt not in TEXT_FORMATS.values():
        return [], [reject("unsupported_format", f"'.{fmt}' files are not read; convert to .txt, .html, "
                           ".json or .jsonl")], None
    if fmt == "jsonl":
        return _parse_jsonl(rel, data, reject)
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        return [], [Rejection(rel, 0, err.reason, err.detail, size, digest)], None
    text, enc = decoded.text, decoded.encoding

    if fmt == "txt":
        return [Record(rel, fmt, enc, text)], [], enc
    if fmt == "html":
        title, body = html_to_text(text)
        if not body.strip():
            return [], [reject("empty", "the HTML page has no article text after removing markup and "
                               "navigation")], enc
        return [Record(rel, fmt, enc, body, {"title": title} if title else {})], [], enc
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        return [], [reject("malformed", f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}; "
                           "fix the file or export it again")], enc
    if isinstance(obj, list):  # an export of many articles: each element is one, judged on its own
        records: list[Record] = []
        rejections: list[Rejection] = []
        for n, item in enumerate(obj, start=1):
            article, meta, problem = _article_from_object(item)
            if article is None:
                raw = json.dumps(item, ensure_ascii=False).encode("utf-8")
                rejections.append(reject("malformed", f"element {n} of the JSON array: {problem}; the other "
                                         "elements are read", n, raw))
            else:
                records.append(Record(rel, fmt, enc, article, meta, source_line=n))
        if not obj:
            rejections.append(reject("empty", "the JSON array holds no article"))
        return records, rejections, enc
    article, meta, problem = _article_from_object(obj)
    if article is None:
        return [], [reject("malformed", problem)], enc
    return [Record(rel, fmt, enc, article, meta)], [], enc


def _parse_jsonl(rel: str, data: bytes, reject: Any) -> tuple[list[Record], list[Rejection], str | None]:
    """Every non-blank line of a JSONL file is its own article, judged on its own: a line with NUL bytes
    or broken JSON is one quarantine row, the other lines are still read."""
    try:
        enc = decode_bytes(data).encoding
    except DecodeError as err:
        if err.reason == "empty":
            return [], [reject("empty", "the JSONL file has no non-blank line")], None
        enc = "utf-8"  # some lines are broken: judge each line as UTF-8
    codec = "utf-8" if enc in ("utf-8", "utf-8-sig") else enc
    if codec.startswith(("utf-16", "utf-32")):  # multi-byte newlines: decode the whole file
        try:
            raw_lines = [ln.encode("utf-8") for ln in data.decode(codec).split("\n")]
        except UnicodeDecodeError:
            return [], [reject("undecodable", f"the JSONL file is not valid {codec}")], None
        codec = "utf-8"
    else:
        raw_lines = data.split(b"\n")
        if raw_lines and raw_lines[0].startswith(b"\xef\xbb\xbf"):
            raw_lines[0] = raw_lines[0][3:]
    records: list[Record] = []
    rejections: list[Rejection] = []
    for lineno, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        if b"\x00" in raw:
            rejections.append(reject("binary", "the line holds NUL bytes (binary data); the other lines are read",
                                     lineno, raw))
            continue
        try:
            line = raw.decode(codec)
        except UnicodeDecodeError:
            rejections.append(reject("undecodable", f"the line is not valid {codec}; the other lines are read",
                                     lineno, raw))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            rejections.append(reject("malformed", f"invalid JSON on this line (column {err.colno}: {err.msg})",
                                     lineno, raw))
            continue
        article, meta, problem = _article_from_object(obj)
        if article is None:
            rejections.append(reject("malformed", problem, lineno, raw))
        else:
            records.append(Record(rel, "jsonl", enc, article, meta, source_line=lineno))
    if not records and not rejections:
        rejections.append(reject("empty", "the JSONL file has no non-blank line"))
    return records, rejections, enc


def scan_inputs(input_dir: str | Path, max_bytes: int) -> tuple[list[RawFile], list[Record], list[Rejection]]:
    """Walk ``input_dir`` once and return (entries, article records, rejections). Every entry is a
    ``raw_files`` row; each is read once, so the bytes hashed are the bytes parsed. Never raises on an
    entry: what cannot be read is a rejection with a reason."""
    root = Path(input_dir)
    files: list[RawFile] = []
    records: list[Record] = []
    rejections: list[Rejection] = []
    for entry in discover(root):
        rel = display_path(entry.rel)
        fmt = file_format(Path(rel))
        if entry.problem is not None:
            files.append(RawFile(rel, 0, None, fmt, None, None, None))
            rejections.append(Rejection(rel, 0, entry.problem, entry.detail, 0, None))
            continue
        try:
            stat = entry.path.stat()
            modified = datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None)
            if stat.st_size > max_bytes:
                digest = hashlib.sha256()
                with entry.path.open("rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(chunk)
                files.append(RawFile(rel, stat.st_size, digest.hexdigest(), fmt, None, None, modified))
                rejections.append(Rejection(rel, 0, "too_large", f"{stat.st_size} bytes exceeds the limit of "
                                            f"{max_bytes}; split the file or raise AKHBAR_MAX_FILE_BYTES",
                                            stat.st_size, digest.hexdigest()))
                continue
            data = entry.path.read_bytes()
        except OSError as err:
            files.append(RawFile(rel, 0, None, fmt, None, None, None))
            rejections.append(Rejection(rel, 0, "unreadable", f"the file cannot be read ({err.strerror or err}); "
                                        "fix its permissions", 0, None))
            continue
        if _is_bad_name(entry.rel):
            files.append(RawFile(rel, len(data), sha256_hex(data), fmt, None, None, modified))
            rejections.append(Rejection(rel, 0, "bad_filename", "the file name is not valid UTF-8 (shown with "
                                        "\\x escapes); rename the file", len(data), sha256_hex(data)))
            continue
        sidecar = sidecar_for(entry.path)
        sidecar_rel = display_path(str(Path(entry.rel).with_name(sidecar.name))) if sidecar else None
        recs, rejs, enc = parse_file(rel, fmt, data)
        side_problem = None
        if sidecar is not None:
            side, side_problem = read_sidecar(sidecar)
            for rec in recs:
                rec.meta.update(side)  # sidecar values win over values found in the file
                rec.has_sidecar = bool(side)
        files.append(RawFile(rel, len(data), sha256_hex(data), fmt, enc, sidecar_rel, modified, side_problem))
        records.extend(recs)
        rejections.extend(rejs)
    return files, records, rejections


def input_fingerprint(input_dir: str | Path) -> str:
    """A digest of what is under ``input_dir`` — every entry's relative path, size and modification time
    (hidden entries skipped, like :func:`scan_inputs`) — cheap enough to poll: it stats, never reads."""
    root = Path(input_dir)
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(f for f in filenames if not f.startswith(".")):
            path = Path(dirpath) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            rel = os.fsencode(path.relative_to(root))
            h.update(rel + b"\0" + f"{st.st_size}:{st.st_mtime_ns}".encode() + b"\n")
    return h.hexdigest()
