"""Build the lexical resources of the CRF tagger at training time (gazetteer, clusters, frequencies,
training lexicon) and write them into a model folder; :mod:`pipeline.nlp.ner.resources` loads them.
Training-only: needs ``babel``, ``scipy`` and ``scikit-learn`` (the ``dev`` extra) and ``../shared``."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from pipeline.nlp.ner.features import Resources
from pipeline.nlp.ner.namelike import NameLikeness
from pipeline.nlp.ner.resources import (
    CLUSTERS_FILE,
    FREQ_FILE,
    GAZETTEER_FILE,
    NAMELIKE_FILE,
    WORDCLASS_FILE,
    gazetteer_to_resources,
    load_clusters,
)
from pipeline.nlp.text import normalize_for_matching
from pipeline.training.corpora import Sentence, data_root, unlabeled_sentences

log = logging.getLogger(__name__)

_WORD_RE = re.compile(r"\w", re.UNICODE)


# --- gazetteer -----------------------------------------------------------------------------------------
def _norm_phrase(s: str) -> str:
    return " ".join(normalize_for_matching(t) for t in s.split())


def akhbar_lexicon_names() -> list[tuple[str, str]]:
    """(name, type) pairs from the lexicons the pipeline ships (general knowledge, no ANERcorp text):
    places of ``places_ar.tsv`` (CLDR + GeoNames) → LOC; given names (``given_names_ar.txt``,
    ``given_names_foreign_ar.txt``) → PERS; organisations and outlets (``organizations_ar.tsv``,
    ``outlets_ar.txt``) → ORG; the key-actor knowledge base's persons and organisations (names and aliases)."""
    from pipeline.lexicons import listed_given_names, load_kb, read_lines, read_rows

    out: list[tuple[str, str]] = [(name, "LOC") for name, in read_rows("places_ar.tsv", ("name_ar",))]
    out += [(name, "PERS") for name in listed_given_names(pending=False)]
    out += [(name, "ORG") for name, in read_rows("organizations_ar.tsv", ("name_ar",))]
    out += [(name, "ORG") for name in read_lines("outlets_ar.txt")]
    for actor in load_kb().actors.values():
        if actor.type in ("PER", "ORG"):
            out += [(a, "PERS" if actor.type == "PER" else "ORG") for a in (actor.name_ar, *actor.aliases) if a]
    return out


def build_gazetteer(
    gaz_dir: Path | None,
    common_words: Counter | None = None,
    o_ratio: dict[str, float] | None = None,
    lexicons: bool = True,
) -> dict[str, set[str]]:
    """Normalised phrase -> types from ANERGazet_{Loc,Pers,Org}.txt, CLDR territory names and (with
    ``lexicons``) Akhbar's own name lists (:func:`akhbar_lexicon_names`).

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
    if lexicons:
        for name, typ in akhbar_lexicon_names():
            ph = _norm_phrase(name)
            if len(ph) >= 3:
                gaz.setdefault(ph, set()).add(typ)
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


def save_gazetteer(gaz: dict[str, set[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for ph in sorted(gaz):
            fh.write(f"{ph}\t{'|'.join(sorted(gaz[ph]))}\n")



# --- clusters and frequencies ------------------------------------------------------------------------
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


def build_freq(sentences: Iterable[list[str]], min_count: int = 2) -> dict[str, int]:
    """Matching form -> ``floor(log2(count))`` bucket (words seen at least ``min_count`` times)."""
    import math

    c = Counter(normalize_for_matching(t) for s in sentences for t in s)
    return {w: int(math.log2(n)) for w, n in c.items() if n >= min_count and w}


def save_freq(freq: dict[str, int], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(freq):
            fh.write(f"{w}\t{freq[w]}\n")



# --- dictionary word classes (Ayaspell, Debian's hunspell-ar) ------------------------------------------
AYASPELL_DIC = Path("/usr/share/hunspell/ar.dic")
AYASPELL_COPYRIGHT = Path("/usr/share/doc/hunspell-ar/copyright")
AYASPELL_LICENSE_FILE = "LICENSE-ayaspell.txt"
# the dictionary's sub-files ("::::" then a name) and, inside names.dic, its "#…" section headers
_DIC_FILES = {"stopwords.dic": "f", "tools.dic": "t", "names.dic": "x", "verb.huns.dic": "v"}
_NOUN_SECTIONS = (("أشخاص", "N"), ("القارات", "P"), ("البلدان", "P"), ("العواصم", "P"), ("النسبة", "s"),
                  ("مختلفات", "x"), ("مصادر", "m"), ("المصادر", "m"), ("الفاعل", "a"), ("المفعول", "a"),
                  ("صفة", "a"), ("صفات", "a"), ("التفضيل", "a"), ("مبالغة", "a"), ("جامد", "n"), ("الأسماء", "n"))


def missing_dictionary(dic_path: Path = AYASPELL_DIC) -> str | None:
    """What to do when the dictionary the 'dict' features are built from is missing (None when it is there)."""
    if dic_path.exists():
        return None
    return (f"{dic_path} is missing: the NER recipe's 'dict' features need Debian's Arabic hunspell dictionary "
            "on the training machine (apt-get install hunspell-ar), or drop the group ('dict') from the recipe")


def build_word_classes(dic_path: Path = AYASPELL_DIC) -> dict[str, str]:
    """Matching form -> class letters (:data:`pipeline.nlp.ner.features.WORD_CLASSES`) of every stem in the
    Ayaspell dictionary (``apt-get install hunspell-ar``): its stop-word, tool-word, noun and verb files,
    the noun file's sections telling common nouns, verbal nouns, adjectives, nisbas and its own place and
    person names apart. Stems only (affix flags are not expanded): the features look a word up with its
    clitics stripped."""
    if not dic_path.exists():
        raise FileNotFoundError(missing_dictionary(dic_path))
    classes: dict[str, set[str]] = {}
    current = ""
    lines = dic_path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("::::"):
            continue
        if i > 0 and lines[i - 1].startswith("::::") and line.strip() in _DIC_FILES:
            current = _DIC_FILES[line.strip()]
            continue
        if line.startswith("#"):
            if current in "xnmaPNs" and current:
                current = next((c for key, c in _NOUN_SECTIONS if key in line), "x")
            continue
        for token in line.split():
            stem = token.split("/")[0]
            if not stem or stem.isdigit() or not current:
                continue
            n = normalize_for_matching(stem)
            if len(n) >= 2:
                classes.setdefault(n, set()).add(current)
    return {w: "".join(sorted(c)) for w, c in classes.items()}


def save_word_classes(classes: dict[str, str], out_dir: Path, copyright_path: Path = AYASPELL_COPYRIGHT) -> None:
    """``wordclass.tsv`` and the dictionary's licence (taken under the MPL 1.1 / LGPL 2.1) into ``out_dir``."""
    with open(out_dir / WORDCLASS_FILE, "w", encoding="utf-8") as fh:
        for w in sorted(classes):
            fh.write(f"{w}\t{classes[w]}\n")
    notice = ("wordclass.tsv is derived from Ayaspell, the Arabic hunspell dictionary (Debian package hunspell-ar),\n"
              "(c) 2006-2008 Mohamed Kebdani, released under GPL 2.0 / LGPL 2.1 / MPL 1.1; Akhbar takes it under\n"
              "the MPL 1.1 (or, at your choice, the LGPL 2.1). The dictionary's copyright file follows.\n\n")
    body = copyright_path.read_text(encoding="utf-8") if copyright_path.exists() else ""
    (out_dir / AYASPELL_LICENSE_FILE).write_text(notice + body, encoding="utf-8")


# --- name likeness ---------------------------------------------------------------------------------------
def build_name_likeness(gaz: dict[str, set[str]], classes: dict[str, str]) -> NameLikeness:
    """Character models of the words of the gazetteer's person names (``gaz``, after its filter: no ANERcorp
    text) and of the dictionary's stems that are not names (``classes``: matching form -> class letters)."""
    names = sorted({w for ph, types in gaz.items() if "PERS" in types for w in ph.split()
                    if len(w) >= 3 and w.isalpha()})
    common = sorted(w for w, c in classes.items() if len(w) >= 3 and w.isalpha() and not set(c) & set("PN"))
    return NameLikeness.from_words(names, common)


# --- training lexicon ---------------------------------------------------------------------------------
def build_lexicon(sentences: list[Sentence], min_share: float = 0.5) -> dict[str, str]:
    """Matching form -> its most frequent entity label in ``sentences`` when it is mostly inside names."""
    counts: dict[str, Counter[str]] = {}
    for s in sentences:
        for t, lab in s:
            n = normalize_for_matching(t)
            if len(n) < 2:
                continue
            counts.setdefault(n, Counter())[lab] += 1
    lex: dict[str, str] = {}
    for n, c in counts.items():
        total = sum(c.values())
        ent = total - c["O"]
        if ent and ent / total >= min_share:
            lex[n] = max((lab for lab in c if lab != "O"), key=lambda lab: (c[lab], lab))
    return lex


def save_lexicon(lex: dict[str, str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(lex):
            fh.write(f"{w}\t{lex[w]}\n")



# --- all of them -------------------------------------------------------------------------------------
def build_resources(
    shared_dir: Path,
    train: list[Sentence],
    out_dir: Path,
    seed: int = 13,
    cache_dir: Path | None = None,
    with_clusters: bool = True,
    with_freq: bool = False,
    with_dict: bool = False,
    with_namelike: bool = False,
) -> Resources:
    """Build clusters.tsv and gazetteer.tsv into ``out_dir`` (clusters reused from ``cache_dir``)."""
    root = data_root(shared_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / CLUSTERS_FILE if cache_dir else None
    if not with_clusters:
        clusters: dict[str, tuple[str, ...]] = {}
        (out_dir / CLUSTERS_FILE).unlink(missing_ok=True)
    elif cached is not None and cached.exists():
        clusters = load_clusters(cached)
    else:
        t0 = time.time()
        clusters = build_clusters(unlabeled_sentences(shared_dir, train), seed=seed)
        log.info("clusters: %d words in %.0fs", len(clusters), time.time() - t0)
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            save_clusters(clusters, cached)
    if clusters:
        save_clusters(clusters, out_dir / CLUSTERS_FILE)
    # gazetteer filter statistics from the training split only
    tok_count: Counter[str] = Counter()
    o_count: Counter[str] = Counter()
    for s in train:
        for t, lab in s:
            n = normalize_for_matching(t)
            tok_count[n] += 1
            if lab == "O":
                o_count[n] += 1
    o_ratio = {w: o_count[w] / c for w, c in tok_count.items() if c >= 3}
    gaz = build_gazetteer(root / "gazetteers", common_words=tok_count, o_ratio=o_ratio)
    save_gazetteer(gaz, out_dir / GAZETTEER_FILE)
    res = Resources(clusters=clusters)
    gazetteer_to_resources(gaz, res)
    if with_freq:
        res.freq = build_freq(unlabeled_sentences(shared_dir, []))
        save_freq(res.freq, out_dir / FREQ_FILE)
    else:
        (out_dir / FREQ_FILE).unlink(missing_ok=True)
    if with_dict:
        res.word_classes = build_word_classes()
        save_word_classes(res.word_classes, out_dir)
    else:
        (out_dir / WORDCLASS_FILE).unlink(missing_ok=True)
        (out_dir / AYASPELL_LICENSE_FILE).unlink(missing_ok=True)
    if with_namelike:
        res.namelike = build_name_likeness(gaz, res.word_classes or build_word_classes())
        res.namelike.save(out_dir / NAMELIKE_FILE)
    else:
        (out_dir / NAMELIKE_FILE).unlink(missing_ok=True)
    return res
