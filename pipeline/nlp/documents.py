"""From parsed records to the ``documents`` rows and the content-level rejections.

Cleaning (:func:`pipeline.nlp.clean.clean_article`), metadata precedence (sidecar/JSON metadata wins over
what the text says), Arabic sanity check, exact de-duplication (first by source path is kept, the others
become ``duplicate`` rejections naming the kept doc_id) and near-duplicate clustering.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import polars as pl

from pipeline.config import DEFAULT_NEAR_DUPLICATE_THRESHOLD
from pipeline.ids import text_digest
from pipeline.nlp.clean import CleanedArticle, clean_article
from pipeline.nlp.dates import parse_published_at
from pipeline.nlp.dedup import clusters_from_signatures, key_and_signature
from pipeline.nlp.ingest import Record, Rejection
from pipeline.nlp.text import count_tokens, letter_counts
from pipeline.parallel import ordered_map
from pipeline.schemas import TABLES

MIN_ARABIC_RATIO = 0.5  # share of letters that must be Arabic
MIN_ARABIC_LETTERS = 20


@dataclass(slots=True)
class DocumentRow:
    """One row of the ``documents`` table (``cluster_id`` is set once every document is known)."""

    doc_id: str
    source_path: str
    source_line: int
    format: str
    encoding: str
    title: str | None
    text: str
    source: str | None
    author: str | None
    url: str | None
    published_at: datetime | None
    published_at_origin: str | None
    dateline: str | None
    n_chars: int
    n_tokens: int
    content_sha256: str
    dup_of: str | None
    cluster_id: str = ""


def _raw_bytes(text: str) -> tuple[int, str]:
    data = text.encode("utf-8")
    return len(data), hashlib.sha256(data).hexdigest()


MIN_ARTICLE_ARABIC_LETTERS = 150  # this many Arabic letters (~30 words) are an Arabic article in any mix


def _not_arabic(text: str) -> tuple[str, str] | None:
    """(reason, detail) when ``text`` is not an Arabic article, or None when it is. A bilingual article is
    kept when its Arabic part is an article of its own (at least MIN_ARTICLE_ARABIC_LETTERS letters)."""
    letters, arabic = letter_counts(text)
    ratio = arabic / letters if letters else 0.0
    if arabic >= MIN_ARTICLE_ARABIC_LETTERS or (ratio >= MIN_ARABIC_RATIO and arabic >= MIN_ARABIC_LETTERS):
        return None
    if ratio >= MIN_ARABIC_RATIO:
        return "too_short", (f"only {arabic} Arabic letters; an article needs at least {MIN_ARABIC_LETTERS}")
    return "not_arabic", (f"{arabic} of {letters} letters ({ratio:.0%}) are Arabic; Akhbar reads articles that "
                          f"are mostly Arabic or hold at least {MIN_ARTICLE_ARABIC_LETTERS} Arabic letters")


def _richness(rec: Record) -> tuple[int, int]:
    """How much a copy tells about its article: metadata fields (a sidecar's count), then a sidecar at all."""
    return len(rec.meta), int(rec.has_sidecar)


@dataclass(frozen=True)
class _Prepared:
    cleaned: CleanedArticle
    key: str
    n_tokens: int
    signature: bytes | None  # MinHash of the text (near-duplicate detection)


def _prepare(rec: Record) -> _Prepared | tuple[str, str]:
    """Clean one record (the per-document part of :func:`build_documents`): the cleaned article, or
    (reason, detail) when it is no article."""
    problem = _not_arabic(unicodedata.normalize("NFKC", rec.raw_text))  # presentation forms → letters
    if problem:
        return problem
    cleaned = clean_article(rec.raw_text, title=rec.meta.get("title"))
    text = cleaned.text
    if not text.strip():
        return "empty", "no article text left after removing boilerplate (navigation, widgets, headline lists)"
    problem = _not_arabic(text)
    if problem:
        return problem[0], "after removing boilerplate, " + problem[1]
    key, sig = key_and_signature(text)
    return _Prepared(cleaned, key, count_tokens(text), sig)


Prepared = _Prepared | tuple[str, str]


def prepare_key(rec: Record) -> tuple[str, str | None]:
    """What the per-document cleaning of ``rec`` reads: its raw text (by a digest of its bytes) and its metadata
    title."""
    return text_digest(rec.raw_text), rec.meta.get("title")


PREPARED_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "reason": pl.String, "detail": pl.String, "text": pl.String, "title": pl.String, "source": pl.String,
    "author": pl.String, "dateline": pl.String, "published_at": pl.Datetime("us"),
    "removed_lines": pl.List(pl.String), "content_key": pl.String, "n_tokens": pl.Int64, "signature": pl.Binary,
}


def encode_prepared(p: Prepared) -> dict[str, object]:
    """A :data:`Prepared` as a row of :data:`PREPARED_SCHEMA` (for the cleaning cache)."""
    if isinstance(p, tuple):
        return {"reason": p[0], "detail": p[1]}
    c = p.cleaned
    return {"text": c.text, "title": c.title, "source": c.source, "author": c.author, "dateline": c.dateline,
            "published_at": c.published_at, "removed_lines": c.removed_lines, "content_key": p.key,
            "n_tokens": p.n_tokens, "signature": p.signature}


def decode_prepared(row: dict[str, object]) -> Prepared:
    """The inverse of :func:`encode_prepared`."""
    if row["reason"] is not None:
        return str(row["reason"]), str(row["detail"])
    cleaned = CleanedArticle(str(row["text"]), row["title"], row["source"], row["author"],  # type: ignore[arg-type]
                             row["dateline"], row["published_at"], list(row["removed_lines"] or []))  # type: ignore[arg-type,call-overload]
    return _Prepared(cleaned, str(row["content_key"]), int(row["n_tokens"]), row["signature"])  # type: ignore[call-overload,arg-type]


def prepare_batch(batch: Sequence[Record]) -> list[Prepared]:
    """Clean a batch of records (in a worker): each a cleaned article or (reason, detail)."""
    return [_prepare(rec) for rec in batch]


def build_documents(
    records: list[Record], near_duplicate_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
    workers: int | None = None, prepare: Callable[[list[Record]], list[Prepared]] | None = None,
) -> tuple[pl.DataFrame, list[Rejection]]:
    """Clean every record; return (documents frame, rejections for not_arabic/too_short/empty/duplicate).
    Of exact duplicates the richest copy is kept (most metadata, a sidecar), then the first by path.
    ``prepare`` (default: :func:`prepare_batch` over a process pool) does the per-record cleaning; a caller
    may serve it from a cache."""
    rejections: list[Rejection] = []
    kept: dict[str, DocumentRow] = {}
    kept_rec: dict[str, Record] = {}
    order = sorted(records, key=lambda r: (tuple(-x for x in _richness(r)), r.source_path, r.source_line))
    done = prepare(order) if prepare is not None else ordered_map(prepare_batch, order, workers)
    signatures: dict[str, bytes | None] = {}
    for rec, prepared in zip(order, done, strict=True):
        size, digest = _raw_bytes(rec.raw_text)
        if isinstance(prepared, tuple):  # (reason, detail): no article
            rejections.append(Rejection(rec.source_path, rec.source_line, prepared[0], prepared[1], size, digest))
            continue
        meta, cleaned, key, n_tokens = rec.meta, prepared.cleaned, prepared.key, prepared.n_tokens
        text = cleaned.text
        doc_id = key[:16]
        if doc_id in kept:
            first = kept_rec[doc_id]
            where = first.source_path + (f" line {first.source_line}" if first.source_line else "")
            rejections.append(Rejection(rec.source_path, rec.source_line, "duplicate", f"same content as doc_id "
                                        f"{doc_id} ({where}), kept as the copy with the most metadata", size, digest))
            continue
        published, origin = None, None
        crawled = meta.get("published_at_origin") == "crawl"
        if meta.get("published_at") and not crawled:
            published = parse_published_at(meta["published_at"])
            origin = "metadata" if published else None
        if published is None and cleaned.published_at is not None:
            published, origin = cleaned.published_at, "text"
        if published is None and crawled:  # the crawl time: the best date there is, and said to be so
            published = parse_published_at(meta["published_at"])
            origin = "crawl" if published else None
        kept_rec[doc_id] = rec
        signatures[doc_id] = prepared.signature
        kept[doc_id] = DocumentRow(
            doc_id=doc_id,
            source_path=rec.source_path,
            source_line=rec.source_line,
            format=rec.format,
            encoding=rec.encoding,
            title=meta.get("title") or cleaned.title,
            text=text,
            source=meta.get("source") or cleaned.source,
            author=meta.get("author") or cleaned.author,
            url=meta.get("url"),
            published_at=published,
            published_at_origin=origin,
            dateline=cleaned.dateline,
            n_chars=len(text),
            n_tokens=n_tokens,
            content_sha256=key,
            dup_of=None,
        )
    rows = sorted(kept.values(), key=lambda r: (r.source_path, r.source_line))
    clusters = clusters_from_signatures([r.doc_id for r in rows], [signatures[r.doc_id] for r in rows],
                                        threshold=near_duplicate_threshold)
    members: dict[str, list[DocumentRow]] = {}
    for r in rows:
        r.cluster_id = clusters[r.doc_id]
        members.setdefault(r.cluster_id, []).append(r)
    for group in members.values():
        original = min(group, key=_original_order)
        for r in group:
            r.dup_of = None if r is original else original.doc_id
    return TABLES["documents"].frame(rows), rejections


def _original_order(row: DocumentRow) -> tuple[bool, datetime, str]:
    """The original of a near-duplicate cluster is its earliest published document, then its smallest id."""
    return (row.published_at is None, row.published_at or datetime.min, row.doc_id)
