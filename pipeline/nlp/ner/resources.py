"""Build, save and load the lexical resources of the CRF tagger (word clusters, derived gazetteer).

Files in the model directory:

* ``clusters.tsv`` — ``word<TAB>c32<TAB>c128<TAB>c512``: k-means clusters (three granularities) of
  PPMI-SVD context vectors, learnt from unlabeled news text (matching forms).
* ``gazetteer.tsv`` — ``phrase<TAB>TYPES``: a filtered, normalised name list derived from ANERGazet and
  the CLDR Arabic territory names (via ``babel``).
* ``lexicon.tsv`` — ``word<TAB>LABEL``: words mostly inside names in the training data, with their most
  frequent BIO label.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from pipeline.nlp.ner.features import Resources
from pipeline.nlp.text import normalize_for_matching

log = logging.getLogger(__name__)

_WORD_RE = re.compile(r"\w", re.UNICODE)


# --- gazetteer -----------------------------------------------------------------------------------------
def _norm_phrase(s: str) -> str:
    return " ".join(normalize_for_matching(t) for t in s.split())


def build_gazetteer(
    gaz_dir: Path | None,
    common_words: Counter | None = None,
    o_ratio: dict[str, float] | None = None,
) -> dict[str, set[str]]:
    """Normalised phrase -> types from ANERGazet_{Loc,Pers,Org}.txt and CLDR territory names.

    Filtering: entries of one or two letters, entries without letters, and single words that are very
    frequent in the training text and mostly not names there (``common_words`` top 300 with an O share
    ≥ 0.5), or mostly tagged O in training data (``o_ratio`` ≥ 0.9, training split only) are dropped.
    """
    gaz: dict[str, set[str]] = {}
    if gaz_dir is not None:
        for typ, name in (("LOC", "Loc"), ("PERS", "Pers"), ("ORG", "Org")):
            p = gaz_dir / f"ANERGazet_{name}.txt"
            if not p.exists():
                continue
            for line in p.read_text(encoding="utf-8-sig", errors="replace").splitlines():
                ph = _norm_phrase(line.strip())
                if len(ph) < 3 or not _WORD_RE.search(ph) or "=" in ph:
                    continue
                gaz.setdefault(ph, set()).add(typ)
    try:
        from babel import Locale

        for _code, name in Locale("ar").territories.items():
            ph = _norm_phrase(re.sub(r"\(.*?\)", "", name))
            if len(ph) >= 3:
                gaz.setdefault(ph, set()).add("LOC")
    except Exception as exc:  # babel missing: the ANERGazet part is enough
        log.warning("babel unavailable, no CLDR territory names: %s", exc)
    stop = set()
    if common_words and o_ratio is not None:  # frequent words that are rarely names (في، من، اليوم …)
        stop = {w for w, _ in common_words.most_common(300) if o_ratio.get(w, 1.0) >= 0.5}
    out: dict[str, set[str]] = {}
    for ph, types in gaz.items():
        if " " not in ph:
            if ph in stop:
                continue
            if o_ratio is not None and o_ratio.get(ph, 0.0) >= 0.9:
                continue
        out[ph] = types
    return out


def gazetteer_to_resources(gaz: dict[str, set[str]], res: Resources) -> None:
    res.gaz_words = {}
    res.gaz_phrases = {}
    for ph, types in gaz.items():
        toks = tuple(ph.split())
        t = "|".join(sorted(types))
        if len(toks) == 1:
            res.gaz_words[toks[0]] = t
        else:
            res.gaz_phrases.setdefault(toks[0], []).append((toks, t))
            res.max_phrase = max(res.max_phrase, len(toks))


def save_gazetteer(gaz: dict[str, set[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for ph in sorted(gaz):
            fh.write(f"{ph}\t{'|'.join(sorted(gaz[ph]))}\n")


def load_gazetteer(path: Path) -> dict[str, set[str]]:
    gaz: dict[str, set[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            ph, _, t = line.partition("\t")
            if ph and t:
                gaz[ph] = set(t.split("|"))
    return gaz


# --- clusters ------------------------------------------------------------------------------------------
def build_clusters(
    sentences: Iterable[list[str]],
    min_count: int = 3,
    n_context: int = 8000,
    dim: int = 100,
    ks: tuple[int, ...] = (32, 128, 512),
    seed: int = 13,
) -> dict[str, tuple[str, ...]]:
    """Cluster words (matching forms) by their left/right contexts (±2): PPMI → SVD → k-means."""
    from scipy import sparse
    from scipy.sparse.linalg import svds
    from sklearn.cluster import MiniBatchKMeans

    sents = [[normalize_for_matching(t) for t in s] for s in sentences]
    freq = Counter(t for s in sents for t in s)
    vocab = [w for w, c in freq.most_common() if c >= min_count]
    widx = {w: i for i, w in enumerate(vocab)}
    ctx_words = [w for w, _ in freq.most_common(n_context)]
    cidx = {w: i for i, w in enumerate(ctx_words)}
    nc = len(ctx_words)
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        ids = [widx.get(t, -1) for t in s]
        cids = [cidx.get(t, -1) for t in s]
        L = len(s)
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for d, off in ((-2, 0), (-1, 1), (1, 2), (2, 3)):
                j = i + d
                if 0 <= j < L and cids[j] >= 0:
                    rows.append(wi)
                    cols.append(off * nc + cids[j])
    m = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (np.array(rows), np.array(cols))),
        shape=(len(vocab), 4 * nc),
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((rs[m.row] / total) * cs[m.col] + 1e-12) + 1e-12)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    rng = np.random.RandomState(seed)
    v0 = rng.rand(min(ppmi.shape))
    u, s_, _ = svds(ppmi, k=dim, v0=v0)
    emb = u * np.sqrt(s_)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    labels = []
    for k in ks:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3, max_iter=100)
        labels.append(km.fit_predict(emb))
    return {w: tuple(str(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def save_clusters(clusters: dict[str, tuple[str, ...]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(clusters):
            fh.write(w + "\t" + "\t".join(clusters[w]) + "\n")


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) > 1:
                    out[parts[0]] = tuple(parts[1:])
    return out


def build_freq(sentences: Iterable[list[str]], min_count: int = 2) -> dict[str, int]:
    """Matching form -> ``floor(log2(count))`` bucket (words seen at least ``min_count`` times)."""
    import math

    c = Counter(normalize_for_matching(t) for s in sentences for t in s)
    return {w: int(math.log2(n)) for w, n in c.items() if n >= min_count and w}


def save_freq(freq: dict[str, int], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(freq):
            fh.write(f"{w}\t{freq[w]}\n")


def load_resources(model_dir: Path) -> Resources:
    res = Resources(clusters=load_clusters(model_dir / "clusters.tsv"))
    gazetteer_to_resources(load_gazetteer(model_dir / "gazetteer.tsv"), res)
    freq_path = model_dir / "freq.tsv"
    if freq_path.exists():
        for line in freq_path.read_text(encoding="utf-8").splitlines():
            w, _, b = line.partition("\t")
            if w and b:
                res.freq[w] = int(b)
    lexph_path = model_dir / "lexicon_phrases.tsv"
    if lexph_path.exists():
        for line in lexph_path.read_text(encoding="utf-8").splitlines():
            ph, _, typ = line.partition("\t")
            toks = tuple(ph.split())
            if toks and typ:
                res.lex_phrases.setdefault(toks[0], []).append((toks, typ))
    lex_path = model_dir / "lexicon.tsv"
    if lex_path.exists():
        for line in lex_path.read_text(encoding="utf-8").splitlines():
            w, _, lab = line.partition("\t")
            if w and lab:
                res.lex_words[w] = lab
    return res
