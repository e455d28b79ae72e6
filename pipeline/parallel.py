"""Per-document work on every core: an ordered map over batches in a pool of worker processes.

The pool is created once per process on first use and reused by every stage (NER, events, cleaning), so
its start-up cost is paid once per run; each worker loads the model or lexicon a task needs on its first
task and keeps it. On Linux workers are forked (no re-import, nothing pickled but the batches); a worker
only runs pure Python over strings — never polars, never logging — so the locks of the parent's threads
cannot catch it. Elsewhere they are spawned. Results come back in input order, so a parallel run gives the
same rows as a serial one (a test checks it). If the pool breaks (a worker killed), the batch runs again in
the calling process.

``AKHBAR_WORKERS`` sets the number of workers (default: the CPUs this process may use); ``1`` runs
everything in the calling process. Small inputs run serially whatever the setting: the pool would cost
more than it saves.
"""

from __future__ import annotations

import atexit
import contextvars
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import fields
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS_FOR_POOL = 96  # fewer items than this run in the calling process
WORKERS_ENV = "AKHBAR_WORKERS"

_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count() -> int:
    """Workers to use: ``AKHBAR_WORKERS`` when set (a positive integer), else the usable CPUs."""
    raw = os.environ.get(WORKERS_ENV)
    if raw:
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(f"{WORKERS_ENV} must be a positive integer, got {raw!r}") from None
        if value < 1:
            raise ValueError(f"{WORKERS_ENV} must be a positive integer, got {raw!r}")
        return value
    return available_cpus()


# Python's cyclic garbage collector runs a full pass every ~70k container allocations by default; a run
# allocates hundreds of millions of small tuples, lists and dicts, almost none of them in cycles, and holds
# millions alive, so each pass walks them all for nothing. Collecting after 100k allocations (and the old
# generations 50 and 20 times more rarely) took 9 % off tagging and 15-40 % off resolution and clustering.
GC_THRESHOLDS = (100_000, 50, 20)


def tune_garbage_collector() -> None:
    """Move what is alive now (modules, models, lexicons) out of the collector's sight and collect more rarely:
    for a process about to run the pipeline. Forked workers inherit the setting."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _get_pool(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    if _pool is None or _pool_size != size:
        shutdown()
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context(method))
        _pool_size = size
    return _pool


def shutdown() -> None:
    """Stop the worker processes (also done at exit)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


atexit.register(shutdown)


def batches(items: Sequence[T], n_batches: int) -> list[Sequence[T]]:
    """``items`` cut into about ``n_batches`` contiguous slices of similar size."""
    if not items:
        return []
    size = max(1, -(-len(items) // max(1, n_batches)))
    return [items[i : i + size] for i in range(0, len(items), size)]


Progress = Callable[[int, int], None]  # (items done, items in all)
_progress: contextvars.ContextVar[Progress | None] = contextvars.ContextVar("akhbar_progress", default=None)


@contextmanager
def reporting(progress: Progress) -> Iterator[None]:
    """Within the block, every :func:`ordered_map` reports (items done, items in all) to ``progress`` as its
    batches come back (a stage's progress bar); the results are the same."""
    token = _progress.set(progress)
    try:
        yield
    finally:
        _progress.reset(token)


def ordered_map(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], workers: int | None = None,
                batches_per_worker: int = 16) -> list[R]:
    """``fn`` over contiguous batches of ``items`` (in worker processes when worth it); the concatenated
    results, in input order. ``fn`` must be a module-level function (it is pickled by name). Under
    :func:`reporting`, each batch is reported as it comes back (16 batches a worker: a progress bar that moves,
    and no worker left idle while the other finishes one long last batch)."""
    workers = worker_count() if workers is None else workers
    progress = _progress.get()
    if workers <= 1 or len(items) < MIN_ITEMS_FOR_POOL:
        out_serial = fn(items)
        if progress is not None and items:
            progress(len(items), len(items))
        return out_serial
    parts = batches(items, workers * batches_per_worker)
    out: list[R] = []
    done = 0
    try:
        for part, chunk in zip(parts, _get_pool(workers).map(fn, parts), strict=True):
            out.extend(chunk)
            done += len(part)
            if progress is not None:
                progress(done, len(items))
    except BrokenProcessPool:
        shutdown()
        return fn(items)  # a worker died (killed, out of memory): the same rows, in this process
    return out


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator for a dataclass whose instances cross to or from the workers by the hundred thousand
    (mention and event rows): pickled as ``(class, field values)`` and rebuilt by its constructor, about twice
    as fast both ways as the default for a slotted dataclass (which looks the fields up for every instance).
    Every field must be an ``__init__`` argument."""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2 or any(not f.init for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: pickled_by_fields needs two or more fields, all __init__ arguments")
    values = attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return type(self), values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def first_use_cache(factory: Callable[..., Any]) -> Callable[..., Any]:
    """Memoise a worker-side loader by its arguments (one model or lexicon per process and setting)."""
    cache: dict[Any, Any] = {}

    def get(*args: Any) -> Any:
        if args not in cache:
            cache[args] = factory(*args)
        return cache[args]

    return get
