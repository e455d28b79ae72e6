"""Per-document results kept between runs, so a re-run does the per-document work for new input only.

A stage's cache is one Parquet file, ``<warehouse>/cache/<stage>.parquet``: rows of the stage's result
with a ``cache_key`` column, plus one marker row (``cache_marker`` true, payload null) per key, so a
document with no result rows is remembered too. A key is a digest of *everything* the result depends on —
the document's text and inputs and :func:`code_version` (every file of the ``pipeline`` package, the
shipped model and lexicons included, and the user's knowledge-base files) — so an entry is never stale:
a different input or different code is a different key. Files are replaced atomically; a killed run
leaves the previous cache, concurrent writers can only lose entries (a later miss), never corrupt one.
After a run the cache holds the keys that run used, so it does not grow with deleted input.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.ids import digest, text_digest
from pipeline.storage.atomic import replace_atomically

KEY = "cache_key"
MARKER = "cache_marker"
__all__ = ["StageCache", "cached_per_document", "cached_values", "code_version", "digest", "text_digest"]
CACHE_ENV = "AKHBAR_CACHE"  # "0" turns the cache off (every run computes everything)

_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def _package_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and p.suffix != ".pyc"):
        h.update(str(path.relative_to(_PACKAGE)).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def code_version(*extra_files: str | Path, settings: Iterable[str] = ()) -> str:
    """Digest of the package's files (code, model, lexicons), of ``extra_files``' contents and ``settings``."""
    h = hashlib.sha256(_package_digest().encode())
    for f in extra_files:
        h.update(hashlib.sha256(Path(f).read_bytes()).digest())
    for s in settings:
        h.update(b"\0" + s.encode())
    return h.hexdigest()[:32]


def enabled() -> bool:
    return os.environ.get(CACHE_ENV, "1") != "0"


class StageCache:
    """The cache of one stage under ``root`` (the warehouse folder)."""

    def __init__(self, root: str | Path, stage: str) -> None:
        self.path = Path(root) / "cache" / f"{stage}.parquet"
        self.stored_keys: int | None = None  # how many keys the file held at the last lookup

    def holds_exactly(self, keys: set[str], found: set[str]) -> bool:
        """True when the last lookup found every one of ``keys`` and the file holds no others: storing the
        same entries again would rewrite identical content."""
        return self.stored_keys == len(keys) and found == keys

    def lookup(self, keys: Iterable[str]) -> tuple[set[str], pl.DataFrame | None]:
        """(the keys found, their result rows with ``cache_key``, in stored order) — nothing when off."""
        wanted = set(keys)
        if not enabled() or not self.path.exists():
            return set(), None
        try:
            whole = pl.read_parquet(self.path)
            self.stored_keys = int(whole[MARKER].sum())
            frame = whole.filter(pl.col(KEY).is_in(list(wanted)))
        except Exception:  # a damaged or foreign cache file is only a miss
            self.stored_keys = None
            return set(), None
        found = set(frame[KEY].unique().to_list())
        return found, frame.filter(~pl.col(MARKER)).drop(MARKER)

    def store(self, rows: pl.DataFrame, keys: Iterable[str]) -> None:
        """Replace the cache with ``rows`` (with ``cache_key``) and a marker for every key of ``keys``."""
        if not enabled():
            return
        keys = sorted(set(keys))
        body = rows.with_columns(pl.lit(False).alias(MARKER))
        markers = pl.DataFrame({KEY: keys, MARKER: [True] * len(keys)}, schema={KEY: pl.String, MARKER: pl.Boolean})
        frame = pl.concat([body, markers], how="diagonal_relaxed")
        try:
            replace_atomically(self.path, frame.write_parquet, prefix=f".{self.path.stem}.")
        except OSError:  # a full disk or a read-only warehouse: the run's tables are what matters
            pass

def cached_per_document(
    caches: Sequence[StageCache], keys: dict[str, str],
    compute: Callable[[list[str]], Sequence[pl.DataFrame]], doc_column: str = "doc_id",
) -> tuple[list[pl.DataFrame], int]:
    """The per-document results of a stage for the documents of ``keys`` (doc id -> cache key, in the
    order a full computation lists them), computing only the documents no cache holds.

    ``compute(doc_ids)`` returns one frame per cache, rows of those documents grouped by document in
    ``keys`` order. The result has exactly the rows, and row order, of ``compute(list(keys))``; the caches
    are then replaced by it. Returns (frames, documents computed)."""
    found: set[str] | None = None
    cached: list[pl.DataFrame | None] = []
    for c in caches:
        hit, rows = c.lookup(keys.values())
        found = hit if found is None else found & hit
        cached.append(rows)
    found = found or set()
    todo = [d for d, k in keys.items() if k not in found]
    fresh = compute(todo)
    unchanged = not todo and all(c.holds_exactly(set(keys.values()), found) for c in caches)
    rank = {d: i for i, d in enumerate(keys)}
    out = []
    for c, old, new in zip(caches, cached, fresh, strict=True):
        new = new.with_columns(pl.col(doc_column).replace_strict(keys, return_dtype=pl.String).alias(KEY))
        if old is not None and found:
            old = old.filter(pl.col(KEY).is_in(list(found))).select(new.columns).cast(new.schema)
            new = pl.concat([old, new])
        both = (new.with_columns(pl.col(doc_column).replace_strict(rank, return_dtype=pl.Int64).alias("_rank"))
                .sort("_rank", maintain_order=True).drop("_rank"))
        if not unchanged:
            c.store(both, keys.values())
        out.append(both.drop(KEY))
    return out, len(todo)


def cached_values(
    cache: StageCache, keys: list[str], compute: Callable[[list[int]], list[Any]],
    encode: Callable[[Any], dict[str, Any]], decode: Callable[[dict[str, Any]], Any], schema: dict[str, Any],
) -> tuple[list[Any], int]:
    """``compute`` over the positions of ``keys`` that ``cache`` does not hold, the others decoded from it; the
    values in ``keys`` order. ``encode`` turns a value into a row of ``schema`` (plain columns, no pickles:
    a cache file is data, never code); ``decode`` turns it back. Returns (values, values computed)."""
    _, rows = cache.lookup(keys)
    stored: dict[str, Any] = {}
    if rows is not None:
        stored = {row[KEY]: decode(row) for row in rows.iter_rows(named=True)}
    todo = [i for i, k in enumerate(keys) if k not in stored]
    fresh = dict(zip(todo, compute(todo), strict=True))
    values = [fresh[i] if i in fresh else stored[k] for i, k in enumerate(keys)]
    if todo:  # the rows found, as stored, and the new values encoded (not every value encoded again)
        new = {keys[i]: fresh[i] for i in todo}
        frame = pl.DataFrame([{KEY: k, **encode(v)} for k, v in new.items()], schema={KEY: pl.String, **schema})
        if rows is not None and stored:
            frame = pl.concat([rows.select(frame.columns).cast(frame.schema), frame])
        cache.store(frame, keys)
    return values, len(todo)
