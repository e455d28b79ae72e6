"""Experiment (not shipped): more training sentences for the CRF, scored on the ANERcorp dev split.

    .venv/bin/python bench/ner_more_data.py --shared ../shared --augment 1.0        # mention replacement
    .venv/bin/python bench/ner_more_data.py --shared ../shared --self-train 2000 0.9   # self-training

Two ways to give the recipe's dev model more sentences than ANERcorp's first 90 % and the NewsFANE ones:

* ``--augment P``: **mention replacement** (Dai and Adel, COLING 2020): each training sentence with an entity
  gets one copy in which every entity is replaced, with probability ``P``, by another entity of the same type
  drawn from the training sentences (fixed seed); the copy follows its original, so both fall in the same
  fold of the jackknifed lexicon.
* ``--self-train N T``: **self-training**: news_sample (unlabelled, 2015) is cut into sentences and tokens as
  the pipeline cuts them; a *teacher*, the recipe's dev model (trained first, on the same sentences and
  resources, never on the dev split), tags those of 8–60 tokens; N of the sentences with an entity whose
  every token has a marginal >= T (the CRF alone, no consistency step) are added with the teacher's labels,
  and the student is trained on them too.

Prints one JSON line: the dev micro F1 of the CRF and with the person layer, per type. Results and the
decision are in the model card.
"""

from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")

Sentence = list[tuple[str, str]]


def augmented(train: list[Sentence], prob: float, seed: int) -> list[Sentence]:
    """``train`` with a mention-replaced copy after each sentence that has an entity."""
    from pipeline.nlp.ner.conll import entity_spans

    pool: dict[str, list[list[str]]] = {}
    for s in train:
        words, labels = [w for w, _ in s], [lab for _, lab in s]
        for i, j, typ in entity_spans(labels):
            pool.setdefault(typ, []).append(words[i:j])
    rng = random.Random(seed)
    out: list[Sentence] = []
    for s in train:
        out.append(s)
        words, labels = [w for w, _ in s], [lab for _, lab in s]
        copy: Sentence = []
        last, changed = 0, False
        for i, j, typ in entity_spans(labels):
            copy += list(zip(words[last:i], labels[last:i], strict=True))
            name = words[i:j]
            if rng.random() < prob:
                name, changed = rng.choice(pool[typ]), True
            copy += [(w, ("B-" if k == 0 else "I-") + typ) for k, w in enumerate(name)]
            last = j
        copy += list(zip(words[last:], labels[last:], strict=True))
        if changed:
            out.append(copy)
    return out


def self_labelled(shared: Path, tagger: Any, n: int, threshold: float, seed: int) -> list[Sentence]:
    """N news_sample sentences ``tagger`` (a CrfTagger) tags confidently (every token's marginal >=
    threshold), with one entity or more, drawn with a fixed seed."""
    from pipeline.nlp.clean import clean_text
    from pipeline.nlp.segment import sentence_spans
    from pipeline.nlp.text import tokenize
    from pipeline.training.corpora import data_root

    tagger.propagation = None
    sentences: list[list[str]] = []
    for path in sorted((data_root(shared) / "news_sample").glob("*/*.txt")):
        text = clean_text(path.read_text(encoding="utf-8"))
        for a, b in sentence_spans(text):
            words = [t.text for t in tokenize(text[a:b])]
            if 8 <= len(words) <= 60:
                sentences.append(words)
    picked = [list(zip(words, [lab for lab, _ in tagged], strict=True))
              for words, tagged in zip(sentences, tagger.tag(sentences), strict=True)
              if any(lab != "O" for lab, _ in tagged) and min(c for _, c in tagged) >= threshold]
    random.Random(seed).shuffle(picked)
    return picked[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--out", default=None, help="folder for the dev model's resources (default: a temp folder)")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--augment", type=float, metavar="P", help="mention replacement with probability P")
    mode.add_argument("--self-train", nargs=2, metavar=("N", "T"), help="N news sentences tagged with marginals >= T")
    args = ap.parse_args(argv)

    import tempfile

    from pipeline.nlp.ner.crf import MODEL_FILE
    from pipeline.training.corpora import load_data
    from pipeline.training.recipe import DEFAULT_GROUPS, DEFAULT_PARAMS, SEED, fit, fit_and_score
    from pipeline.training.resources import build_resources

    shared = Path(args.shared)
    params = dict(DEFAULT_PARAMS)
    data = load_data(shared, newsfane=params["newsfane"], harmonize=params["harmonize_newsfane"])
    train = data["train"]
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    res = build_resources(shared, train, out, seed=SEED, with_clusters=True, with_freq=True, with_dict=True)
    if args.augment is not None:
        added = augmented(train, args.augment, SEED)
        what: dict[str, Any] = {"augment": args.augment}
    else:
        n, threshold = int(args.self_train[0]), float(args.self_train[1])
        teacher = fit(train + data["extra"], res, out / ("teacher-" + MODEL_FILE), DEFAULT_GROUPS, params)
        added = train + self_labelled(shared, teacher, n, threshold, SEED)
        what = {"self_train": n, "threshold": threshold}
    r = fit_and_score(added + data["extra"], data["dev"], res, DEFAULT_GROUPS, params, person_layer=True)
    print(json.dumps({**what, "training_sentences": len(added) + len(data["extra"]), "dev_f1": round(r["f1"], 4),
                      "dev_f1_person_layer": round(r["person_layer"]["f1"], 4),
                      "per_type_f1": {t: round(x["f1"], 3) for t, x in r["per_type"].items()},
                      "per_type_f1_person_layer": {t: round(x["f1"], 3)
                                                   for t, x in r["person_layer"]["per_type"].items()}}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
