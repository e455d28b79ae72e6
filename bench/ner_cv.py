"""K-fold cross-validation of the NER training recipe over all of ANERcorp.

    .venv/bin/python bench/ner_cv.py --shared ../shared                       # shipped recipe, 5 folds, 2 processes
    .venv/bin/python bench/ner_cv.py --shared ../shared --recipe plain        # word + affix CRF baseline
    .venv/bin/python bench/ner_cv.py --shared ../shared --folds 0 4           # some folds only
    .venv/bin/python bench/ner_cv.py --shared ../shared --drop gaz            # ablations: --drop GROUP, --no-harmonize,
    .venv/bin/python bench/ner_cv.py --shared ../shared --param c1=0.1        #   --no-newsfane, --param KEY=JSON (CRF)
    .venv/bin/python bench/ner_cv.py --shared ../shared --newsfane all        # + all NewsFANE outside the fold
    .venv/bin/python bench/ner_cv.py --shared ../shared --person-layer        # + scored with the person layer
    .venv/bin/python bench/ner_cv.py --shared ../shared --add nlm             # + a group the recipe leaves out

The dev split (last 10 % of ANERcorp) is one draw; a single dev run moves by about ±0.007 for changes
that should not matter, and the shipped recipe was chosen on it. Cross-validation gives the spread.
ANERcorp is cut into ``k`` contiguous blocks (stories stay together); each block is scored once by a
model trained, exactly like ``akhbar ner-train`` trains the dev model, on the other blocks (+ the
NewsFANE sentences that share no 5-gram with any ANERcorp sentence, which are independent of the fold,
re-labelled to the ANERcorp conventions of the fold's training blocks).
Gazetteer filtering and the jackknifed training lexicon use the fold's training blocks only; the
word clusters are unsupervised and every fold uses the shipped recipe's own (news_sample + the text of
ANERcorp's first 90 %, built once into ``--cache``), so held-out text (never labels) can reach them, as
it would for any unlabeled news.

One JSON line per fold, then one summary line (mean and sample standard deviation of micro F1). With
the consistency step on (the recipe's ``propagate``), each fold also reports the same model's score
without it (``f1_without_propagation``); ``--param propagate=null`` trains and scores without it.
About 4–5 minutes per fold per process for ``shipped`` (~15 minutes for 5 folds on 2 cores), 1 minute for
``plain``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

RECIPES = ("shipped", "plain")


def build_cluster_cache(shared: str, cache: str) -> None:
    """The clusters ``akhbar ner-train`` builds for its dev model, into ``cache`` (kept if present)."""
    from pipeline.training.corpora import data_root, load_data
    from pipeline.training.resources import build_resources

    if (Path(cache) / "clusters.tsv").exists():
        return
    root = data_root(Path(shared))
    build_resources(root, load_data(root)["train"], Path(tempfile.mkdtemp()), cache_dir=Path(cache))


def run_fold(
    shared: str,
    j: int,
    k: int,
    recipe: str,
    cache: str,
    harmonize: bool = True,
    drop: tuple[str, ...] = (),
    newsfane: bool = True,
    params: dict[str, Any] | None = None,
    newsfane_mode: str = "new",
    person_layer: bool = False,
    add: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Score fold ``j`` of ``k`` with a model made by the shared recipe (pipeline.training.recipe)."""
    from pipeline.nlp.ner.conll import read_anercorp
    from pipeline.nlp.ner.features import Resources
    from pipeline.training.corpora import (
        ANERCORP,
        data_root,
        fold_split,
        harmonize_newsfane,
        load_data,
        newsfane_outside,
    )
    from pipeline.training.recipe import DEFAULT_GROUPS, PLAIN_GROUPS, fit_and_score
    from pipeline.training.resources import build_resources

    root = data_root(Path(shared))
    train, held = fold_split(read_anercorp(root.joinpath(*ANERCORP)), j, k)
    if recipe == "shipped":
        if newsfane_mode == "all":
            extra = newsfane_outside(root, held)
        else:
            extra = load_data(root, harmonize=False)["extra"] if newsfane else []
        if harmonize and extra:  # to the conventions of this fold's training blocks (never the held-out one)
            extra = harmonize_newsfane(extra, train)[0]
        res = build_resources(
            root, train, Path(tempfile.mkdtemp()), cache_dir=Path(cache), with_freq="freq" in DEFAULT_GROUPS,
            with_dict="dict" in DEFAULT_GROUPS and "dict" not in drop,
            with_namelike="nlm" in add,
        )
        groups = tuple(g for g in DEFAULT_GROUPS if g not in drop) + tuple(g for g in add if g not in DEFAULT_GROUPS)
        r = fit_and_score(train + extra, held, res, groups, dict(params or {}), person_layer=person_layer)
    else:
        r = fit_and_score(train, held, Resources(), PLAIN_GROUPS, dict(params or {}))
    return {
        "recipe": recipe
        + ("" if harmonize or recipe == "plain" else ", NewsFANE as is")
        + ("" if newsfane or recipe == "plain" else ", no NewsFANE")
        + (", all NewsFANE outside the fold" if newsfane_mode == "all" and recipe == "shipped" else "")
        + "".join(f", -{g}" for g in drop if recipe == "shipped")
        + "".join(f", +{g}" for g in add if recipe == "shipped")
        + "".join(f", {k}={v}" for k, v in (params or {}).items()),
        "fold": j,
        "k": k,
        "held_out_sentences": len(held),
        "f1": round(r["f1"], 4),
        "precision": round(r["precision"], 4),
        "recall": round(r["recall"], 4),
        "per_type_f1": {t: round(x["f1"], 3) for t, x in r["per_type"].items()},
        **({"f1_without_propagation": round(r["f1_without_propagation"], 4)} if "f1_without_propagation" in r else {}),
        **({"f1_person_layer": round(r["person_layer"]["f1"], 4),
            "per_type_f1_person_layer": {t: round(x["f1"], 3) for t, x in r["person_layer"]["per_type"].items()}}
           if "person_layer" in r else {}),
    }


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    f1 = [r["f1"] for r in rows]
    return {
        "recipe": rows[0]["recipe"] if rows else None,
        "folds": [r["fold"] for r in rows],
        "mean_f1": round(statistics.fmean(f1), 4) if f1 else None,
        "sd_f1": round(statistics.stdev(f1), 4) if len(f1) > 1 else None,
        "min_f1": min(f1, default=None),
        "max_f1": max(f1, default=None),
        **(
            {"mean_f1_without_propagation": round(statistics.fmean(r["f1_without_propagation"] for r in rows), 4)}
            if rows and all("f1_without_propagation" in r for r in rows)
            else {}
        ),
        **(
            {"mean_f1_person_layer": round(statistics.fmean(r["f1_person_layer"] for r in rows), 4)}
            if rows and all("f1_person_layer" in r for r in rows)
            else {}
        ),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--recipe", choices=RECIPES, default="shipped")
    ap.add_argument("-k", type=int, default=5, help="number of folds")
    ap.add_argument("--folds", type=int, nargs="*", help="run only these folds (0-based)")
    ap.add_argument("--jobs", type=int, default=2, help="processes (one fold each)")
    ap.add_argument("--no-harmonize", action="store_true", help="train on the NewsFANE labels as they are")
    ap.add_argument(
        "--param", action="append", default=[], metavar="KEY=JSON", help="override a CRF parameter, e.g. c1=0.1"
    )
    ap.add_argument("--no-newsfane", action="store_true", help="train on ANERcorp only")
    ap.add_argument(
        "--newsfane",
        choices=("new", "all"),
        default="new",
        help="new: the NewsFANE sentences sharing no 5-gram with ANERcorp (the recipe); all: every NewsFANE "
        "sentence sharing no 5-gram with the held-out fold (re-annotations of the training blocks included)",
    )
    ap.add_argument("--drop", nargs="*", default=[], help="feature groups to leave out of the shipped recipe")
    ap.add_argument("--add", nargs="*", default=[], help="feature groups to add to the shipped recipe (nlm)")
    ap.add_argument("--person-layer", action="store_true",
                    help="also score each fold with the pipeline's person layer (akhbar ner-eval --layer persons)")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "akhbar_ner_cache"))
    args = ap.parse_args(argv)
    folds = args.folds if args.folds else list(range(args.k))
    from pipeline.training.recipe import CRF_PARAMS, DEFAULT_GROUPS

    unknown = sorted(set(args.drop) - set(DEFAULT_GROUPS))
    if unknown:
        print(f"--drop: unknown group(s) {unknown}; the shipped groups are {DEFAULT_GROUPS}", file=sys.stderr)
        return 2
    from pipeline.nlp.ner.features import ALL_GROUPS

    unknown = sorted(set(args.add) - set(ALL_GROUPS))
    if unknown:
        print(f"--add: unknown group(s) {unknown}; the groups are {ALL_GROUPS}", file=sys.stderr)
        return 2
    params: dict[str, Any] = {}
    for kv in args.param:
        key, _, val = kv.partition("=")
        if key not in CRF_PARAMS:
            print(f"--param: {key!r} is not one of the CRF parameters {CRF_PARAMS}", file=sys.stderr)
            return 2
        params[key] = json.loads(val)
    if any(not 0 <= j < args.k for j in folds):
        print(f"--folds must lie in 0..{args.k - 1}", file=sys.stderr)
        return 2
    if args.recipe == "shipped":
        build_cluster_cache(args.shared, args.cache)  # once, before the workers would race to build it
    rows: list[dict[str, Any]] = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futs = [
            pool.submit(
                run_fold,
                args.shared,
                j,
                args.k,
                args.recipe,
                args.cache,
                not args.no_harmonize,
                tuple(args.drop),
                not args.no_newsfane,
                params,
                args.newsfane,
                args.person_layer,
                tuple(args.add),
            )
            for j in folds
        ]
        for f in futs:
            rows.append(f.result())
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    print(json.dumps(summarize(rows), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
