"""Train the shipped CRF NER model from the shared corpora (deterministic for a given seed).

Data (under ``shared_dir`` = ``…/shared/data`` or ``…/shared``):

* ``ner/anercorp_train.txt`` — ANERcorp; the LAST 10 % of its sentences is the dev split.
* ``ner/newsfane/NewsFANE_Gold_2014_170K.txt`` — NewsFANE gold; it re-annotates largely the same news
  text as ANERcorp, so every NewsFANE sentence sharing a 5-gram with the dev split is dropped, and by
  default also every sentence overlapping ANERcorp train (only the new text is added). Its clitic
  segmentation (``و الصادرات``, ``جانب ه``) is undone to match ANERcorp/simple_word_tokenize tokens, and
  its one-word labels are harmonised to ANERcorp's conventions (currencies, religions → MISC; see
  :func:`harmonize_newsfane`).
* ``gazetteers/ANERGazet_{Loc,Pers,Org}.txt`` — filtered into ``gazetteer.tsv`` (+ CLDR country names).
* ``news_sample/*/*.txt`` — unlabeled news for the word clusters (``clusters.tsv``).
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pycrfsuite

from pipeline.nlp.ner.conll import read_anercorp, read_newsfane, repair_bio
from pipeline.nlp.ner.crf import CONFIG_FILE, MODEL_FILE, CrfTagger
from pipeline.nlp.ner.evaluate import evaluate_sentences, format_table
from pipeline.nlp.ner.features import ALL_GROUPS, FeatureConfig, FeatureExtractor, Resources
from pipeline.nlp.ner.resources import (
    build_clusters,
    build_freq,
    build_gazetteer,
    gazetteer_to_resources,
    load_clusters,
    save_clusters,
    save_freq,
    save_gazetteer,
)
from pipeline.nlp.text import fold_hamza, normalize_for_matching

log = logging.getLogger(__name__)

Sentence = list[tuple[str, str]]

DEFAULT_PARAMS: dict[str, Any] = {
    "c1": 0.02,  # chosen by 5-fold CV (bench/ner_cv.py): .725 vs .722 at 0.05 and .719 at 0.1
    "c2": 0.01,
    "max_iterations": 300,
    "newsfane": "new",
    "harmonize_newsfane": True,  # NewsFANE labels re-labelled to the ANERcorp conventions (harmonize_newsfane)
    "o_threshold": None,  # decoding: a Viterbi O with marginal below this becomes an entity label
}
# the shipped feature set (see MODEL_CARD.md for the ablation that chose it)
DEFAULT_GROUPS: tuple[str, ...] = (
    "word",
    "affix",
    "context",
    "clitic",
    "shape",
    "trigger",
    "gaz",
    "lex",
    "freq",
    "cluster",
)


# --- data ----------------------------------------------------------------------------------------------
def _data_root(shared_dir: Path) -> Path:
    shared_dir = Path(shared_dir)
    return shared_dir / "data" if (shared_dir / "data" / "ner").is_dir() else shared_dir


def dev_split(sentences: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the LAST ``frac`` of the sentences."""
    k = len(sentences) - int(len(sentences) * frac)
    return sentences[:k], sentences[k:]


_PRO = {"و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "فب", "فل", "وك", "لل"}
_ENC = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي", "هو"}


def desegment(sent: Sentence) -> Sentence:
    """Glue NewsFANE's separated clitics back onto their words (``و الصادرات`` → ``والصادرات``)."""
    out: list[list[str]] = []
    pending: tuple[str, str] | None = None
    for tok, lab in sent:
        if tok in _PRO and pending is None:
            pending = (tok, lab)
            continue
        if pending is not None:
            ptok, plab = pending
            pending = None
            if ptok.endswith("ل") and tok.startswith("ال"):
                word = ptok + tok[1:]
            else:
                word = ptok + tok
            lab = plab if plab != "O" else lab
            out.append([word, lab])
            continue
        if tok in (_ENC - {"هو"}) and out and out[-1][0][-1:].isalpha():
            out[-1][0] += tok
            continue
        out.append([tok, lab])
    if pending is not None:
        out.append(list(pending))
    labels = repair_bio([lab for _, lab in out])
    return [(t, lab) for (t, _), lab in zip(out, labels, strict=False)]


def _ngrams(tokens: list[str], k: int = 5) -> set[tuple[str, ...]]:
    t = [fold_hamza(x) for x in tokens]
    return {tuple(t[i : i + k]) for i in range(len(t) - k + 1)}


def harmonize_newsfane(
    extra: list[Sentence], train: list[Sentence], share: float = 0.8, min_count: int = 5
) -> tuple[list[Sentence], Counter[tuple[str, str, str]]]:
    """Re-label NewsFANE one-word positions to the ANERcorp convention learnt from ``train``.

    NewsFANE leaves currencies (دولار، يورو), religions (الإسلام) and ``الله`` outside names and calls
    Nobel a person, where ANERcorp says MISC; trained together, the two conventions pull MISC down.
    A word standing on its own in ``extra`` (``O``, or a one-word name) takes the one-word label
    ``B-X`` that ANERcorp ``train`` gives it in ≥ ``share`` of its ≥ ``min_count`` stand-alone uses
    (occurrences inside multi-word names are not counted). Names are never removed, and words inside
    or opening multi-word names are left alone. Returns the sentences and a count of
    ``(matching form, old label, new label)`` changes.
    """
    counts: dict[str, Counter[str]] = {}
    for s in train:
        labs = [lab for _, lab in s]
        for i, (tok, lab) in enumerate(s):
            nxt = labs[i + 1] if i + 1 < len(labs) else "O"
            if lab == "O" or (lab.startswith("B-") and nxt != "I-" + lab[2:]):
                counts.setdefault(normalize_for_matching(tok), Counter())[lab] += 1
    dominant: dict[str, str] = {}
    for word, c in counts.items():
        lab, k = c.most_common(1)[0]
        total = c.total()
        if lab != "O" and total >= min_count and k / total >= share:
            dominant[word] = lab
    out: list[Sentence] = []
    changed: Counter[tuple[str, str, str]] = Counter()
    for s in extra:
        labs = [lab for _, lab in s]
        new = list(labs)
        for i, (tok, lab) in enumerate(s):
            nxt = labs[i + 1] if i + 1 < len(labs) else "O"
            if nxt.startswith("I-") or lab.startswith("I-"):
                continue
            word = normalize_for_matching(tok)
            target = dominant.get(word)
            if target is not None and target != lab:
                new[i] = target
                changed[(word, lab, target)] += 1
        out.append([(tok, lab) for (tok, _), lab in zip(s, new, strict=True)])
    return out, changed


def load_data(shared_dir: Path, newsfane: str = "new", harmonize: bool = True) -> dict[str, list[Sentence]]:
    """ANERcorp train/dev and the usable NewsFANE sentences.

    ``newsfane``: ``"none"``, ``"new"`` (only sentences sharing no 5-gram with any ANERcorp sentence) or
    ``"nodev"`` (all sentences sharing no 5-gram with the dev split). With ``harmonize`` the NewsFANE
    sentences are re-labelled to the ANERcorp convention of the train split (:func:`harmonize_newsfane`).
    """
    root = _data_root(shared_dir)
    aner = read_anercorp(root / "ner" / "anercorp_train.txt")
    train, dev = dev_split(aner)
    extra: list[Sentence] = []
    nf_path = root / "ner" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    if newsfane != "none" and nf_path.exists():
        dev_ng: set = set()
        for s in dev:
            dev_ng |= _ngrams([t for t, _ in s])
        train_ng: set = set()
        if newsfane == "new":
            for s in train:
                train_ng |= _ngrams([t for t, _ in s])
        for s in read_newsfane(nf_path):
            s = desegment(s)
            ng = _ngrams([t for t, _ in s])
            if ng & dev_ng or ng & train_ng:
                continue
            extra.append(s)
    if harmonize:
        extra, changed = harmonize_newsfane(extra, train)
        log.info("NewsFANE harmonised to ANERcorp: %d labels changed", changed.total())
    return {"train": train, "dev": dev, "extra": extra}


def unlabeled_sentences(shared_dir: Path, train: list[Sentence]) -> list[list[str]]:
    """Tokenised unlabeled news (news_sample) plus the training text (if any), for the clusters."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    root = _data_root(shared_dir)
    out: list[list[str]] = [[t for t, _ in s] for s in train]
    for p in sorted((root / "news_sample").glob("*/*.txt")):
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            toks = simple_word_tokenize(line)
            if toks:
                out.append(toks)
    return out


def build_resources(
    shared_dir: Path,
    train: list[Sentence],
    out_dir: Path,
    seed: int = 13,
    cache_dir: Path | None = None,
    with_clusters: bool = True,
    with_freq: bool = False,
) -> Resources:
    """Build clusters.tsv and gazetteer.tsv into ``out_dir`` (clusters reused from ``cache_dir``)."""
    root = _data_root(shared_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / "clusters.tsv" if cache_dir else None
    if not with_clusters:
        clusters: dict[str, tuple[str, ...]] = {}
        (out_dir / "clusters.tsv").unlink(missing_ok=True)
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
        save_clusters(clusters, out_dir / "clusters.tsv")
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
    save_gazetteer(gaz, out_dir / "gazetteer.tsv")
    res = Resources(clusters=clusters)
    gazetteer_to_resources(gaz, res)
    if with_freq:
        res.freq = build_freq(unlabeled_sentences(shared_dir, []))
        save_freq(res.freq, out_dir / "freq.tsv")
    else:
        (out_dir / "freq.tsv").unlink(missing_ok=True)
    return res


# --- training-data lexicon (jackknifed) ------------------------------------------------------------------
LEX_FOLDS = 5


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


def build_phrase_lexicon(sentences: list[Sentence]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word names of ``sentences`` (matching forms) keyed by first word, with their majority type."""
    from pipeline.nlp.ner.conll import entity_spans

    counts: dict[tuple[str, ...], Counter[str]] = {}
    for s in sentences:
        toks = [normalize_for_matching(t) for t, _ in s]
        for a, b, typ in entity_spans([lab for _, lab in s]):
            if b - a >= 2:
                counts.setdefault(tuple(toks[a:b]), Counter())[typ] += 1
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for toks, c in counts.items():
        out.setdefault(toks[0], []).append((toks, c.most_common(1)[0][0]))
    return out


def save_phrase_lexicon(lex: dict[str, list[tuple[tuple[str, ...], str]]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for first in sorted(lex):
            for toks, typ in sorted(lex[first]):
                fh.write(" ".join(toks) + "\t" + typ + "\n")


def fold_of(i: int, n: int, k: int) -> int:
    """Fold of sentence ``i`` of ``n``: ``k`` contiguous blocks (stories stay together)."""
    return i * k // max(n, 1)


def fold_split(sentences: list[Sentence], j: int, k: int) -> tuple[list[Sentence], list[Sentence]]:
    """(the other folds, fold ``j``) of ``k`` contiguous blocks (:func:`fold_of`)."""
    n = len(sentences)
    return (
        [s for i, s in enumerate(sentences) if fold_of(i, n, k) != j],
        [s for i, s in enumerate(sentences) if fold_of(i, n, k) == j],
    )


def fold_extractors(
    sentences: list[Sentence], res: Resources, cfg: FeatureConfig, k: int = LEX_FOLDS
) -> list[FeatureExtractor]:
    """One extractor per fold; fold j's lexicon comes from the other folds (contiguous blocks, see
    :func:`fold_of`), so the CRF learns how far to trust the lexicon on names it has not seen."""
    if "lex" not in cfg.groups and "lexph" not in cfg.groups:
        return [FeatureExtractor(res, cfg)]
    out = []
    for j in range(k):
        rest = fold_split(sentences, j, k)[0]
        out.append(
            FeatureExtractor(replace(res, lex_words=build_lexicon(rest), lex_phrases=build_phrase_lexicon(rest)), cfg)
        )
    return out


def save_lexicon(lex: dict[str, str], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(lex):
            fh.write(f"{w}\t{lex[w]}\n")


# --- CRF -----------------------------------------------------------------------------------------------
def train_crf(
    sentences: list[Sentence],
    extractor: FeatureExtractor | list[FeatureExtractor],
    model_path: Path,
    params: dict[str, Any] | None = None,
) -> None:
    """Train with L-BFGS; with a list of ``k`` extractors sentence ``i`` uses the one of its fold."""
    p = {**DEFAULT_PARAMS, **(params or {})}
    exts = extractor if isinstance(extractor, list) else [extractor]
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for i, s in enumerate(sentences):
        trainer.append(exts[fold_of(i, len(sentences), len(exts))].sentence([t for t, _ in s]), [lab for _, lab in s])
    trainer.set_params(
        {
            "c1": p["c1"],
            "c2": p["c2"],
            "max_iterations": p["max_iterations"],
            "feature.possible_transitions": True,
            "feature.minfreq": p.get("minfreq", 0),
        }
    )
    trainer.train(str(model_path))


def experiment(
    data: dict[str, list[Sentence]],
    resources: Resources,
    groups: tuple[str, ...] = ALL_GROUPS,
    params: dict[str, Any] | None = None,
    use_extra: bool = True,
    window: int = 2,
    workdir: Path | None = None,
) -> dict[str, Any]:
    """Train on train (+extra) and score on dev; returns the evaluation dict (with train time)."""
    cfg = FeatureConfig(groups=tuple(groups), window=window)
    train = data["train"] + (data["extra"] if use_extra else [])
    if "lex" in cfg.groups or "lexph" in cfg.groups:
        resources = replace(resources, lex_words=build_lexicon(train), lex_phrases=build_phrase_lexicon(train))
    tmp = Path(tempfile.mkdtemp(dir=workdir))
    try:
        t0 = time.time()
        train_crf(train, fold_extractors(train, resources, cfg), tmp / MODEL_FILE, params)
        train_s = time.time() - t0
        tagger = CrfTagger.from_parts(tmp / MODEL_FILE, resources, cfg, o_threshold=(params or {}).get("o_threshold"))
        res = evaluate_sentences(data["dev"], tagger)
        res["train_s"] = train_s
        res["model_bytes"] = (tmp / MODEL_FILE).stat().st_size
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def train(
    shared_dir: Path,
    out_dir: Path,
    seed: int = 13,
    params: dict[str, Any] | None = None,
    on_all: bool = True,
    groups: tuple[str, ...] = DEFAULT_GROUPS,
) -> dict[str, Any]:
    """Reproduce the shipped model into ``out_dir``: resources, CRF, config.json; returns dev scores.

    The dev scores come from a model trained without the dev split; when ``on_all`` the shipped model is
    then retrained on train + dev (+ NewsFANE extra) with the same settings.
    """
    random.seed(seed)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    p = {**DEFAULT_PARAMS, **(params or {})}
    data = load_data(shared_dir, newsfane=p["newsfane"], harmonize=p["harmonize_newsfane"])
    res = build_resources(
        shared_dir, data["train"], out_dir, seed=seed, with_clusters="cluster" in groups, with_freq="freq" in groups
    )
    cfg = FeatureConfig(groups=tuple(groups))
    dev_result = experiment(data, res, groups=groups, params=p)
    print(format_table(dev_result))
    final_train = data["train"] + data["extra"] + (data["dev"] if on_all else [])
    (out_dir / "lexicon.tsv").unlink(missing_ok=True)
    (out_dir / "lexicon_phrases.tsv").unlink(missing_ok=True)
    if "lex" in cfg.groups:
        lex = build_lexicon(final_train)
        save_lexicon(lex, out_dir / "lexicon.tsv")
        res = replace(res, lex_words=lex)
    if "lexph" in cfg.groups:
        lexph = build_phrase_lexicon(final_train)
        save_phrase_lexicon(lexph, out_dir / "lexicon_phrases.tsv")
        res = replace(res, lex_phrases=lexph)
    train_crf(final_train, fold_extractors(final_train, res, cfg), out_dir / MODEL_FILE, p)
    (out_dir / CONFIG_FILE).write_text(
        json.dumps(
            {
                "groups": list(groups),
                "window": cfg.window,
                "params": p,
                "seed": seed,
                "o_threshold": p.get("o_threshold"),
                "trained_on": ("anercorp train+dev" if on_all else "anercorp train")
                + " + newsfane(new"
                + (", harmonised to anercorp train" if p["harmonize_newsfane"] else "")
                + ")",
                "dev_micro_f1": round(dev_result["f1"], 4),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    return dev_result


def dev_eval(shared_dir: str | Path, model_dir: str | Path | None = None) -> dict[str, Any]:
    """Score a saved model on the ANERcorp dev split (prints the table). Note: the shipped model is
    retrained on all data, so its dev score is optimistic; use :func:`train`'s reported score instead."""
    data = load_data(Path(shared_dir), newsfane="none")
    tagger = CrfTagger.load(Path(model_dir) if model_dir else None)
    result = evaluate_sentences(data["dev"], tagger)
    print(format_table(result))
    return result


def ner_train_main(shared_dir: str, out_dir: str | None = None) -> int:
    """CLI body of ``akhbar ner-train``: trains into ``out_dir`` (default: the shipped model dir)."""
    from pipeline.nlp.ner.crf import default_model_dir
    from pipeline.nlp.ner.evaluate import summary_json

    logging.basicConfig(level=logging.INFO)
    target = Path(out_dir) if out_dir else default_model_dir()
    result = train(Path(shared_dir), target)
    print(summary_json(result), flush=True)
    return 0
