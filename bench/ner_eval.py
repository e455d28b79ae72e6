"""Benchmark/evaluate the shipped CRF NER model.

    .venv/bin/python bench/ner_eval.py --shared ../shared            # dev split scores (see caveat below) + speed
    .venv/bin/python bench/ner_eval.py --conll FILE                  # any ``token label`` file (last line: JSON)

Speed is measured single-threaded, wall clock, over whole sentences, feature extraction included, after
the model is loaded (the per-word feature cache starts empty). Caveat: the shipped model is retrained on
train + dev, so its dev score here is optimistic; the honest dev figure is printed by ``akhbar ner-train``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conll")
    ap.add_argument("--shared")
    ap.add_argument("--model-dir")
    args = ap.parse_args(argv)
    if args.conll:
        from pipeline.nlp.ner.evaluate import ner_eval_main

        return ner_eval_main(args.conll, args.model_dir)
    from pipeline.nlp.ner.conll import read_anercorp
    from pipeline.nlp.ner.crf import CrfTagger
    from pipeline.training.corpora import ANERCORP, data_root
    from pipeline.training.recipe import dev_eval

    t0 = time.perf_counter()
    CrfTagger.load(Path(args.model_dir) if args.model_dir else None)
    print(f"load: {time.perf_counter() - t0:.3f}s")
    if args.shared:
        dev_eval(args.shared, args.model_dir)
        sents = read_anercorp(data_root(Path(args.shared)).joinpath(*ANERCORP))
        toks = [[t for t, _ in s] for s in sents]
        fresh = CrfTagger.load(Path(args.model_dir) if args.model_dir else None)
        t0 = time.perf_counter()
        fresh.tag(toks)
        dt = time.perf_counter() - t0
        n = sum(map(len, toks))
        print(f"throughput (cold cache, all ANERcorp): {n / dt:.0f} tokens/s over {n} tokens")
    return 0


if __name__ == "__main__":
    sys.exit(main())
