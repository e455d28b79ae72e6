"""The NER training recipe: one definition shared by ``akhbar ner-train`` and ``bench/ner_cv.py``.

A model is made in two steps, and both callers run exactly these:

1. :func:`pipeline.training.resources.build_resources` — gazetteer (filtered by the statistics of a
   *basis* split), word clusters (news_sample + the basis text) and frequency buckets, written into the
   model folder;
2. :func:`fit` — the CRF trained with L-BFGS on the training sentences, with a jackknifed training
   lexicon (each of :data:`LEX_FOLDS` contiguous folds sees the lexicon of the others, so the CRF learns
   how far to trust it), returned as a loaded :class:`~pipeline.nlp.ner.crf.CrfTagger`.

``ner-train`` (:func:`train`): basis = ANERcorp's first 90 %; the dev model is fitted on basis +
NewsFANE-new and scored on the last 10 %; the shipped model is then fitted on all of ANERcorp +
NewsFANE-new with the same resources. The CV bench: basis = the other folds; fitted on them +
NewsFANE-new; scored on the held-out fold. Training-only (never imported at run time).
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pycrfsuite

from pipeline.config import NER_MODEL_DIR
from pipeline.nlp.ner.conll import to_bioes
from pipeline.nlp.ner.consistency import Propagation
from pipeline.nlp.ner.crf import CONFIG_FILE, MODEL_FILE, CrfTagger
from pipeline.nlp.ner.evaluate import evaluate_sentences, format_table, summary_json
from pipeline.nlp.ner.features import FeatureConfig, FeatureExtractor, Resources
from pipeline.nlp.ner.resources import LEXICON_FILE
from pipeline.training.corpora import Sentence, fold_of, fold_split, load_data
from pipeline.training.resources import build_lexicon, build_resources, save_lexicon

log = logging.getLogger(__name__)

DEFAULT_PARAMS: dict[str, Any] = {
    "c1": 0.02,  # chosen by 5-fold CV (bench/ner_cv.py)
    "c2": 0.01,
    "max_iterations": 300,
    "newsfane": "new",
    "harmonize_newsfane": True,  # NewsFANE labels re-labelled to the ANERcorp conventions (harmonize_newsfane)
    "o_threshold": None,  # decoding: a Viterbi O with marginal below this becomes an entity label
    # decoding: confident spans copied to their untagged repetitions nearby (consistency.py; None: off)
    "propagate": Propagation(clitics=True).to_config(),
    "scheme": "bioes",  # labels the CRF is trained on: "bio" or "bioes" (read back as BIO by the tagger)
}
CRF_PARAMS = ("c1", "c2", "max_iterations", "o_threshold", "propagate", "scheme")  # the parameters of the CRF itself
# the shipped feature set (see MODEL_CARD.md)
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
    "dict",
    "conj",
    "agg",
)
PLAIN_GROUPS: tuple[str, ...] = ("word", "affix")  # the plain CRF baseline (no resources)
LEX_FOLDS = 5
SEED = 13


def fold_extractors(
    sentences: list[Sentence], res: Resources, cfg: FeatureConfig, k: int = LEX_FOLDS
) -> list[FeatureExtractor]:
    """One extractor per fold; fold j's lexicon comes from the other folds (contiguous blocks, see
    :func:`~pipeline.training.corpora.fold_of`), so the CRF learns how far to trust the lexicon on names it
    has not seen."""
    if "lex" not in cfg.groups:
        return [FeatureExtractor(res, cfg)]
    return [FeatureExtractor(replace(res, lex_words=build_lexicon(fold_split(sentences, j, k)[0])), cfg)
            for j in range(k)]


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
    # ``agg`` reads the training sentences as one story in their order (ANERcorp keeps a story's sentences
    # together), as ``akhbar ner-eval`` reads a CoNLL file and the pipeline an article
    story = exts[0].aggregate([[t for t, _ in s] for s in sentences])
    for i, s in enumerate(sentences):
        labels = [lab for _, lab in s]
        feats = exts[fold_of(i, len(sentences), len(exts))].sentence([t for t, _ in s])
        for f, extra in zip(feats, story[i], strict=True):
            f.extend(extra)
        trainer.append(feats, to_bioes(labels) if p.get("scheme") == "bioes" else labels)
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


def fit(
    sentences: list[Sentence],
    resources: Resources,
    model_path: Path,
    groups: tuple[str, ...] = DEFAULT_GROUPS,
    params: dict[str, Any] | None = None,
) -> CrfTagger:
    """Train the recipe's CRF on ``sentences`` into ``model_path``; the returned tagger carries the
    training lexicon of all of ``sentences`` (``resources`` is not modified)."""
    cfg = FeatureConfig(groups=tuple(groups))
    if "lex" in cfg.groups:
        resources = replace(resources, lex_words=build_lexicon(sentences))
    train_crf(sentences, fold_extractors(sentences, resources, cfg), model_path, params)
    p = {**DEFAULT_PARAMS, **(params or {})}
    return CrfTagger.from_parts(
        model_path, resources, cfg, o_threshold=p["o_threshold"], propagation=Propagation.from_config(p["propagate"])
    )


def fit_and_score(
    train: list[Sentence],
    held_out: list[Sentence],
    resources: Resources,
    groups: tuple[str, ...] = DEFAULT_GROUPS,
    params: dict[str, Any] | None = None,
    workdir: Path | None = None,
    person_layer: bool = False,
) -> dict[str, Any]:
    """:func:`fit` on ``train`` in a temp folder, scored on ``held_out`` (with train time and model size);
    ``person_layer``: also scored with the pipeline's person layer (``person_layer`` in the result: micro F1
    and per-type F1 of ``akhbar ner-eval --layer persons``)."""
    tmp = Path(tempfile.mkdtemp(dir=workdir))
    try:
        t0 = time.time()
        tagger = fit(train, resources, tmp / MODEL_FILE, groups, params)
        train_s = time.time() - t0
        res = evaluate_sentences(held_out, tagger, person_layer=person_layer)
        if person_layer:  # the CRF's own scores, with the layer's beside them
            layered, res = res, res["crf"]
            res["person_layer"] = {"f1": layered["f1"], "per_type": layered["per_type"]}
        if tagger.propagation is not None:  # what the copying bought, on the same model
            tagger.propagation = None
            res["f1_without_propagation"] = evaluate_sentences(held_out, tagger)["f1"]
        res["train_s"] = train_s
        res["model_bytes"] = (tmp / MODEL_FILE).stat().st_size
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return res


def train(
    shared_dir: Path,
    out_dir: Path,
    seed: int = SEED,
    params: dict[str, Any] | None = None,
    groups: tuple[str, ...] = DEFAULT_GROUPS,
) -> dict[str, Any]:
    """Reproduce the shipped model into ``out_dir``: resources, CRF, config.json; returns dev scores.

    The dev scores come from a model trained without the dev split; the shipped model is then trained on
    train + NewsFANE + dev with the same settings and resources.
    """
    random.seed(seed)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    shared_dir, out_dir = Path(shared_dir), Path(out_dir)
    p = {**DEFAULT_PARAMS, **(params or {})}
    data = load_data(shared_dir, newsfane=p["newsfane"], harmonize=p["harmonize_newsfane"])
    res = build_resources(
        shared_dir, data["train"], out_dir, seed=seed, with_clusters="cluster" in groups, with_freq="freq" in groups,
        with_dict="dict" in groups, with_namelike="nlm" in groups,
    )
    dev_result = fit_and_score(data["train"] + data["extra"], data["dev"], res, groups, p)
    print(format_table(dev_result))
    final_train = data["train"] + data["extra"] + data["dev"]
    (out_dir / LEXICON_FILE).unlink(missing_ok=True)
    tagger = fit(final_train, res, out_dir / MODEL_FILE, groups, p)
    if "lex" in groups:
        save_lexicon(tagger.extractor.res.lex_words, out_dir / LEXICON_FILE)
    (out_dir / CONFIG_FILE).write_text(
        json.dumps(
            {
                "groups": list(groups),
                "window": tagger.extractor.cfg.window,
                "params": p,
                "seed": seed,
                "o_threshold": p.get("o_threshold"),
                "propagate": p.get("propagate"),
                "trained_on": "anercorp train+dev + newsfane(new"
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
    logging.basicConfig(level=logging.INFO)
    target = Path(out_dir) if out_dir else NER_MODEL_DIR
    result = train(Path(shared_dir), target)
    print(summary_json(result), flush=True)
    return 0
