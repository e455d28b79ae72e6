"""Exact and near-duplicate detection over article texts.

* :func:`content_key` — SHA-256 of the matching form reduced to its words: two texts that differ only in
  whitespace, punctuation, diacritics, tatweel or alef/ya/ta-marbuta spelling get the same key.
* :func:`near_duplicate_clusters` — MinHash/LSH (datasketch, fixed seed) over word 5-shingles, candidate
  pairs checked against the threshold, then union-find: every doc gets a cluster id, the smallest doc id of
  its cluster (its own id when it has no near duplicate).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from pipeline.config import DEFAULT_NEAR_DUPLICATE_THRESHOLD
from pipeline.nlp.text import fold_text

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_SIZE = 5
NUM_PERM = 128
SEED = 1
_WORD_RE = re.compile(r"\w+")


def matching_words(text: str) -> list[str]:
    """Words of the matching form of ``text`` (punctuation and whitespace dropped)."""
    return _WORD_RE.findall(fold_text(text).lower())


def content_key(text: str) -> str:
    """Hex SHA-256 of the words of the matching form, joined by single spaces."""
    return _words_key(matching_words(text))


def _words_key(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def key_and_signature(text: str) -> tuple[str, bytes | None]:
    """:func:`content_key` and :func:`signature` of ``text``, its matching form computed once."""
    words = matching_words(text)
    return _words_key(words), _signature_of(words)


def shingles(words: list[str], size: int = SHINGLE_SIZE) -> set[bytes]:
    """Word ``size``-grams as UTF-8 byte strings; a text shorter than ``size`` words is one shingle."""
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@cache
def _template() -> MinHash:
    """An empty MinHash whose permutations each document's copies (drawing them costs 0.17 ms a document)."""
    from datasketch import MinHash  # (imported when first needed: datasketch pulls in scipy, 0.3 s)

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def _minhash(features: set[bytes]) -> MinHash:
    from datasketch import MinHash

    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    if features:
        mh.update_batch(sorted(features))
    return mh


class _UnionFind:
    def __init__(self, items: list[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low  # the root is always the smallest id of its set


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text``'s word 5-shingles (``NUM_PERM`` uint64 values as bytes), or None for
    a text without words. Per document, so it can be computed in a worker and kept between runs."""
    return _signature_of(matching_words(text))


def _signature_of(words: list[str]) -> bytes | None:
    features = shingles(words)
    return _minhash(features).hashvalues.astype(np.uint64).tobytes() if features else None


def near_duplicate_clusters(
    doc_ids: list[str], texts: list[str], threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD
) -> dict[str, str]:
    """Map every doc id to its near-duplicate cluster id (the smallest doc id in the cluster).

    Two docs are linked when LSH proposes them and their estimated Jaccard similarity of word 5-shingles
    (of the matching form) is at least ``threshold``; clusters are the connected components. Texts without
    words are singletons. Deterministic: fixed MinHash seed, results independent of input order.
    """
    if len(doc_ids) != len(texts):
        raise ValueError(f"{len(doc_ids)} doc ids but {len(texts)} texts")
    return clusters_from_signatures(doc_ids, [signature(t) for t in texts], threshold)


def clusters_from_signatures(
    doc_ids: list[str], signatures: list[bytes | None], threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD
) -> dict[str, str]:
    """:func:`near_duplicate_clusters` from the documents' :func:`signature` values."""
    if len(set(doc_ids)) != len(doc_ids):
        raise ValueError("doc ids must be unique")
    signed = {doc_id: sig for doc_id, sig in zip(doc_ids, signatures, strict=True) if sig is not None}
    # datasketch's LSH banding (its bands for this threshold), read directly off the stored bytes: two
    # documents are candidates when one band of their signatures is equal, exactly the pairs MinHashLSH's
    # query proposes, without building its index (13.7k signatures: 0.84 -> 0.50 s on a loaded machine)
    bands = [(start * 8, end * 8) for start, end in _bands(threshold)]
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for doc_id in sorted(signed):
        sig = signed[doc_id]
        for band, (start, end) in enumerate(bands):
            buckets[(band, sig[start:end])].append(doc_id)
    candidates = {(a, b) for members in buckets.values() if len(members) > 1
                  for i, a in enumerate(members) for b in members[i + 1 :]}
    uf = _UnionFind(list(doc_ids))
    for a, b in sorted(candidates):
        if _similar(signed[a], signed[b], threshold):
            uf.union(a, b)
    return {doc_id: uf.find(doc_id) for doc_id in doc_ids}


# datasketch's bands at the default threshold (9 bands of 13 hashes for 0.8 and 128 permutations; a test
# checks them against MinHashLSH), so that clustering stored signatures needs neither datasketch nor scipy
_DEFAULT_BANDS = ((DEFAULT_NEAR_DUPLICATE_THRESHOLD, NUM_PERM), tuple((13 * b, 13 * b + 13) for b in range(9)))


@cache
def _bands(threshold: float) -> tuple[tuple[int, int], ...]:
    """The (start, end) hash ranges of datasketch's MinHashLSH bands for ``threshold``."""
    if (threshold, NUM_PERM) == _DEFAULT_BANDS[0]:
        return _DEFAULT_BANDS[1]
    from datasketch import MinHashLSH

    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def _similar(a: bytes, b: bytes, threshold: float) -> bool:
    """Estimated Jaccard similarity of two stored signatures (the share of equal hash values) at least
    ``threshold``."""
    equal = np.count_nonzero(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64))
    return float(equal) / NUM_PERM >= threshold
