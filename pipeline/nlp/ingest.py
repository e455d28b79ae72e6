"""Find input files and turn each into article records or a rejection with a reason.

Pure functions, no Dagster: ``scan_inputs`` walks the input folder and returns one :class:`RawFile` per
file, the :class:`Record` objects parsed from the good ones and a :class:`Rejection` for everything that
could not become an article. Sidecar ``<name>.meta.json`` files are attached to their article, never
treated as articles themselves.
"""

from __future__ import annotations

import hashlib
import json
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


@dataclass(frozen=True)
class RawFile:
    path: str
    bytes: int
    sha256: str
    format: str
    encoding: str | None
    sidecar_path: str | None
    modified_at: datetime


@dataclass
class Record:
    """One article candidate before cleaning; ``meta`` holds metadata given by the file or its sidecar."""

    source_path: str
    format: str
    encoding: str
    raw_text: str
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rejection:
    source_path: str
    reason: str
    detail: str
    bytes: int
    sha256: str


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


def discover(input_dir: Path) -> list[Path]:
    """All files under ``input_dir`` (recursively, sorted), without hidden files and sidecars."""
    files = []
    for path in sorted(input_dir.rglob("*")):
        rel = path.relative_to(input_dir)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        if path.name.endswith(SIDECAR_SUFFIX):
            continue
        files.append(path)
    return files


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
            break
    return meta


def read_sidecar(path: Path) -> dict[str, str]:
    """Metadata from a sidecar; an unreadable sidecar yields no metadata (the article is still kept)."""
    try:
        obj = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return _clean_meta(obj) if isinstance(obj, dict) else {}


def _article_from_object(obj: Any) -> tuple[str | None, dict[str, str], str]:
    """(text, metadata, problem) from one JSON value; ``problem`` explains a missing text."""
    if not isinstance(obj, dict):
        return None, {}, f"expected a JSON object with a 'text' field, found {type(obj).__name__}"
    for key in TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value, _clean_meta(obj), ""
    return None, _clean_meta(obj), "no article text under 'text', 'body' or 'content'"


def parse_file(rel: str, fmt: str, data: bytes) -> tuple[list[Record], list[Rejection], str | None]:
    """Parse one file's bytes into records and rejections; also return the detected encoding."""
    size, digest = len(data), sha256_hex(data)

    def reject(reason: str, detail: str, path: str = rel, raw: bytes = data) -> Rejection:
        return Rejection(path, reason, detail, len(raw), sha256_hex(raw) if raw is not data else digest)

    if fmt not in TEXT_FORMATS.values():
        return [], [reject("unsupported_format", f"'.{fmt}' files are not read; convert to .txt, .html, "
                           ".json or .jsonl")], None
    try:
        decoded = decode_bytes(data)
    except DecodeError as err:
        return [], [Rejection(rel, err.reason, err.detail, size, digest)], None
    text, enc = decoded.text, decoded.encoding

    if fmt == "txt":
        return [Record(rel, fmt, enc, text)], [], enc
    if fmt == "html":
        title, body = html_to_text(text)
        if not body.strip():
            return [], [reject("empty", "the HTML page has no article text after removing markup and "
                               "navigation")], enc
        return [Record(rel, fmt, enc, body, {"title": title} if title else {})], [], enc
    if fmt == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            return [], [reject("malformed", f"invalid JSON at line {err.lineno} column {err.colno}: {err.msg}; "
                               "fix the file or export it again")], enc
        article, meta, problem = _article_from_object(obj)
        if article is None:
            return [], [reject("malformed", problem)], enc
        return [Record(rel, fmt, enc, article, meta)], [], enc
    # jsonl: every non-blank line is its own article
    records: list[Record] = []
    rejections: list[Rejection] = []
    lines = text.split("\n")
    raw_lines = data.split(b"\n") if enc.startswith("utf-8") and len(data.split(b"\n")) == len(lines) else None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{rel}#L{lineno}"
        raw = raw_lines[lineno - 1] if raw_lines is not None else line.encode("utf-8")
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            rejections.append(reject("malformed", f"invalid JSON on this line (column {err.colno}: {err.msg})",
                                     where, raw))
            continue
        article, meta, problem = _article_from_object(obj)
        if article is None:
            rejections.append(reject("malformed", problem, where, raw))
        else:
            records.append(Record(where, fmt, enc, article, meta))
    if not records and not rejections:
        rejections.append(reject("empty", "the JSONL file has no non-blank line"))
    return records, rejections, enc


def scan_inputs(input_dir: str | Path, max_bytes: int) -> tuple[list[RawFile], list[Record], list[Rejection]]:
    """Walk ``input_dir`` and return (files, article records, rejections). Never raises on file content."""
    root = Path(input_dir)
    files: list[RawFile] = []
    records: list[Record] = []
    rejections: list[Rejection] = []
    for path in discover(root):
        rel = path.relative_to(root).as_posix()
        fmt = file_format(path)
        stat = path.stat()
        modified = datetime.fromtimestamp(stat.st_mtime, UTC).replace(tzinfo=None)
        sidecar = sidecar_for(path)
        sidecar_rel = sidecar.relative_to(root).as_posix() if sidecar else None
        if stat.st_size > max_bytes:
            digest = hashlib.sha256()
            with path.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
            files.append(RawFile(rel, stat.st_size, digest.hexdigest(), fmt, None, sidecar_rel, modified))
            rejections.append(Rejection(rel, "too_large", f"{stat.st_size} bytes exceeds the limit of {max_bytes}; "
                                        "split the file or raise AKHBAR_MAX_FILE_BYTES", stat.st_size,
                                        digest.hexdigest()))
            continue
        data = path.read_bytes()
        recs, rejs, enc = parse_file(rel, fmt, data)
        if sidecar is not None:
            side = read_sidecar(sidecar)
            for rec in recs:
                rec.meta.update(side)  # sidecar values win over values found in the file
        files.append(RawFile(rel, len(data), sha256_hex(data), fmt, enc, sidecar_rel, modified))
        records.extend(recs)
        rejections.extend(rejs)
    return files, records, rejections
