"""Tests for pipeline.nlp.dedup."""

from __future__ import annotations

import random

import pytest

from pipeline.nlp import dedup
from pipeline.nlp.dedup import NUM_PERM, clusters_from_signatures, content_key, near_duplicate_clusters, shingles

WORDS = (
    "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت مثمرة وناقشت قضايا التعاون الاقتصادي والعسكري "
    "في المنطقة وأكد الرئيس أن بلاده تسعى إلى تعزيز العلاقات مع جميع الدول الصديقة وبناء شراكات جديدة "
    "في مجالات الطاقة والنقل والزراعة والتعليم والصحة والسياحة والاستثمار والتجارة الخارجية"
).split()


def _doc(rng: random.Random, n: int = 120) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def test_content_key_ignores_whitespace_punctuation_and_spelling() -> None:
    a = "قال الرئيس:  «إنّ الأمر مهم».\nوأضاف  أن..."
    b = "قال الرئيس إن الامر مهم وأضاف ان"
    assert content_key(a) == content_key(b)
    assert content_key(a) != content_key(b + " جديد")
    assert len(content_key(a)) == 64


def test_content_key_digits() -> None:
    assert content_key("عام ٢٠٢٥") == content_key("عام 2025")


def test_shingles() -> None:
    assert shingles([]) == set()
    assert shingles(["a", "b"]) == {b"a b"}
    assert len(shingles(list("abcdefg"))) == 3


def test_clusters() -> None:
    rng = random.Random(0)
    base = _doc(rng, 200)
    words = base.split()
    near = " ".join([*words[:-2], "تغيير", "طفيف."])
    other = _doc(rng, 200)
    clusters = near_duplicate_clusters(["b", "a", "c", "d"], [near, base, other, ""])
    assert clusters == {"a": "a", "b": "a", "c": "c", "d": "d"}


def test_transitive_clusters_take_the_smallest_id() -> None:
    rng = random.Random(1)
    words = _doc(rng, 300).split()
    v1 = " ".join(words)
    v2 = " ".join([*words[:-10], *(["جديد"] * 10)])
    v3 = " ".join([*words[:-20], *(["جديد"] * 20)])
    clusters = near_duplicate_clusters(["z", "m", "b"], [v1, v2, v3], threshold=0.85)
    assert len(set(clusters.values())) == 1
    assert set(clusters.values()) == {"b"}


def test_deterministic_and_order_independent() -> None:
    rng = random.Random(2)
    texts = [_doc(rng) for _ in range(20)]
    texts += [t.replace(".", " تم.") for t in texts[:5]]
    ids = [f"doc{i:03d}" for i in range(len(texts))]
    first = near_duplicate_clusters(ids, texts)
    again = near_duplicate_clusters(list(reversed(ids)), list(reversed(texts)))
    assert first == again
    for i in range(5):
        assert first[ids[20 + i]] == ids[i]


def test_validation() -> None:
    with pytest.raises(ValueError):
        near_duplicate_clusters(["a"], ["x", "y"])
    with pytest.raises(ValueError):
        near_duplicate_clusters(["a", "a"], ["x", "y"])
    assert near_duplicate_clusters([], []) == {}


def test_two_thousand_unrelated_docs_stay_apart() -> None:
    rng = random.Random(3)
    texts = [_doc(rng, 300) for _ in range(2000)]
    ids = [f"d{i:05d}" for i in range(2000)]
    clusters = near_duplicate_clusters(ids, texts)
    assert len(clusters) == 2000 and all(clusters[i] == i for i in ids)


def test_banding_proposes_exactly_the_pairs_datasketch_would() -> None:
    """clusters_from_signatures reads datasketch's bands off the stored bytes: the clusters are those of
    MinHashLSH insert + query over the same signatures (planted near-duplicates: a few hash values changed)."""
    import numpy as np
    from datasketch import MinHashLSH

    rng = np.random.default_rng(7)
    base = [rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64) for _ in range(300)]
    sigs, ids = [], []
    for i, a in enumerate(base):
        sigs.append(a.tobytes())
        ids.append(f"a{i:04d}")
        if i % 3 == 0:  # a copy with 1..40 values changed: some stay over the threshold, some fall below
            b = a.copy()
            b[rng.choice(NUM_PERM, size=1 + i % 40, replace=False)] += np.uint64(1)
            sigs.append(b.tobytes())
            ids.append(f"b{i:04d}")

    class Stored:  # a signature as datasketch's index reads it
        def __init__(self, raw: bytes) -> None:
            self.hashvalues = np.frombuffer(raw, dtype=np.uint64)

        def __len__(self) -> int:
            return len(self.hashvalues)

    lsh = MinHashLSH(threshold=0.8, num_perm=NUM_PERM)
    raw = dict(zip(ids, sigs, strict=True))
    for d in sorted(raw):
        lsh.insert(d, Stored(raw[d]))
    uf = dedup._UnionFind(ids)
    for d in sorted(raw):
        for other in lsh.query(Stored(raw[d])):
            if other > d and dedup._similar(raw[d], raw[other], 0.8):
                uf.union(d, other)
    reference = {d: uf.find(d) for d in ids}
    got = clusters_from_signatures(ids, sigs, 0.8)
    assert got == reference
    assert 10 < sum(1 for d in ids if got[d] != d) < 100, "the planted copies both join and stay apart"


def test_the_default_bands_are_datasketchs() -> None:
    """Clustering at the default threshold uses a stored copy of MinHashLSH's bands (no datasketch, no scipy
    to import); it must be datasketch's own, and any other threshold asks datasketch."""
    from datasketch import MinHashLSH

    from pipeline.config import DEFAULT_NEAR_DUPLICATE_THRESHOLD

    for threshold in (DEFAULT_NEAR_DUPLICATE_THRESHOLD, 0.7, 0.9):
        assert dedup._bands(threshold) == tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def test_signature_equals_a_fresh_minhash_and_key_and_signature_agree() -> None:
    """Signatures reuse one MinHash's permutations; they equal datasketch's MinHash built from scratch."""
    import numpy as np
    from datasketch import MinHash

    texts = ["قال الرئيس إن المحادثات في موسكو كانت مثمرة وبناءة جدا اليوم",
             "وزار الوفد السعودي العاصمة الروسية", "كلمة", "", "!!!"]
    for text in texts:
        words = dedup.matching_words(text)
        features = shingles(words)
        sig = dedup.signature(text)
        if not features:
            assert sig is None
            continue
        fresh = MinHash(num_perm=NUM_PERM, seed=dedup.SEED)
        fresh.update_batch(sorted(features))
        assert sig == fresh.hashvalues.astype(np.uint64).tobytes()
        assert dedup.key_and_signature(text) == (content_key(text), sig)
