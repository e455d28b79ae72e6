"""Entity-level exact-match evaluation (span and type must both match; partial overlap is an error)."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from pipeline.nlp.ner.conll import TYPES, entity_spans, read_conll, read_conll_report, split_sentences


class _Tagger(Protocol):
    def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]: ...


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_seqs: list[list[str]], pred_seqs: list[list[str]]) -> dict[str, Any]:
    """Micro precision/recall/F1 over exact (start, end, type) entity spans, plus per-type scores."""
    if len(gold_seqs) != len(pred_seqs):
        raise ValueError("gold and predicted sequence counts differ")
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold, pred in zip(gold_seqs, pred_seqs, strict=False):
        if len(gold) != len(pred):
            raise ValueError("gold and predicted sequence lengths differ")
        gs = set(entity_spans(list(gold)))
        ps = set(entity_spans(list(pred)))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1
    types = sorted(set(TYPES) | set(n_gold) | set(n_pred), key=lambda t: (t not in TYPES, t))
    per_type = {}
    for t in types:
        p, r, f = _prf(tp[t], n_pred[t], n_gold[t])
        per_type[t] = {"precision": p, "recall": r, "f1": f, "support": n_gold[t]}
    p, r, f = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"precision": p, "recall": r, "f1": f, "micro_f1": f, "support": sum(n_gold.values()), "per_type": per_type}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{'type':<6} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}"]
    for t, d in result["per_type"].items():
        lines.append(f"{t:<6} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} {d['support']:8d}")
    lines.append(
        f"{'micro':<6} {result['precision']:6.3f} {result['recall']:6.3f} {result['f1']:6.3f} {result['support']:8d}"
    )
    if "tokens_per_s" in result:
        lines.append(f"tokens/s: {result['tokens_per_s']:.0f} ({result.get('n_tokens', 0)} tokens)")
    return "\n".join(lines)


def evaluate_sentences(sentences: list[list[tuple[str, str]]], tagger: _Tagger,
                       person_layer: bool = False) -> dict[str, Any]:
    """Tag whole sentences (never truncated) and score them; ``tokens_per_s`` covers features + decoding.

    With ``person_layer`` the tagger's labels also go through the pipeline's person layer
    (:mod:`pipeline.nlp.ner.person_layer`): the result scores those, the tagger's own labels are scored under
    ``"crf"``, and ``tokens_per_s`` covers both."""
    tokens = [[t for t, _ in s] for s in sentences]
    gold = [[lab for _, lab in s] for s in sentences]
    n_tok = sum(len(s) for s in tokens)
    if person_layer:
        from pipeline.nlp.ner.person_layer import person_layer as layer

        lex, frequencies = warm_person_layer()
    t0 = time.perf_counter()
    pred = tagger.tag(tokens)
    t1 = time.perf_counter()
    layered = layer(tokens, pred, lex, lambda form: frequencies.get(form, 0)) if person_layer else None
    t2 = time.perf_counter()
    result = _scored(gold, pred, n_tok, t1 - t0)
    if layered is None:
        return result
    return {**_scored(gold, layered, n_tok, t2 - t0), "crf": result}


def _scored(gold: list[list[str]], pred: list[list[tuple[str, float]]], n_tok: int, seconds: float) -> dict[str, Any]:
    result = score(gold, [[lab for lab, _ in s] for s in pred])
    result["tokens_per_s"] = n_tok / seconds if seconds > 0 else float("inf")
    result["n_tokens"] = n_tok
    result["n_sentences"] = len(gold)
    return result


def warm_person_layer() -> tuple[Any, dict[str, int]]:
    """Load what the person layer reads (its lexicon, word frequencies, dictionary classes, event words: a
    model's load, outside the timed tagging); returns the lexicon and the frequencies."""
    from pipeline.lexicons import load_event_lexicon
    from pipeline.nlp.ner.enrich import entity_lexicon, word_frequencies
    from pipeline.nlp.ner.resources import shipped_word_classes

    shipped_word_classes()
    load_event_lexicon()
    return entity_lexicon(), word_frequencies()


def evaluate_file(conll_path: str | Path, tagger: _Tagger, verbose: bool = True,
                  layer: str = "crf") -> dict[str, Any]:
    """Score ``tagger`` on a ``token label`` CoNLL file (:func:`evaluate_read` of what it holds)."""
    return evaluate_read(read_conll(conll_path), tagger, verbose, layer)


def evaluate_read(sentences: list[list[tuple[str, str]]], tagger: _Tagger, verbose: bool = True,
                  layer: str = "crf") -> dict[str, Any]:
    """Score ``tagger`` on the sentences read from a CoNLL file; prints a per-type table when ``verbose``.
    ``layer="persons"`` scores it with the pipeline's person layer too (:func:`evaluate_sentences`).

    A file without blank lines (ANERcorp's own layout) is split after sentence-final punctuation, never
    inside an entity, as training reads it: read as one sentence, the consistency step's window (in
    sentences) would span the whole file."""
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}: use one of {', '.join(LAYERS)}")
    if len(sentences) == 1:
        sentences = split_sentences(sentences[0])
    result = evaluate_sentences(sentences, tagger, person_layer=layer == "persons")
    if verbose:
        if "crf" in result:
            print("CRF alone:")
            print(format_table(result["crf"]))
            print("CRF + the pipeline's person layer (what akhbar run tags):")
        print(format_table(result))
    return result


def _summary(result: dict[str, Any]) -> dict[str, Any]:
    out = {
        "micro_f1": round(result["f1"], 4),
        "precision": round(result["precision"], 4),
        "recall": round(result["recall"], 4),
        "tokens_per_s": round(result["tokens_per_s"], 1),
        "per_type": {
            t: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}
            for t, d in result["per_type"].items()
        },
    }
    if "crf" in result:
        out["layer"] = "crf+persons"
        out["crf"] = _summary(result["crf"])
    return out


def summary_json(result: dict[str, Any]) -> str:
    return json.dumps(_summary(result), ensure_ascii=False)


# what ner-eval scores: "crf" = the CRF alone (the default: the model the speed budget is for),
# "persons" = the CRF with the pipeline's person layer (what akhbar run tags; about half as fast)
LAYERS = ("crf", "persons")


def ner_eval_main(conll_path: str, model_dir: str | None = None, layer: str = "crf") -> int:
    """CLI body of ``akhbar ner-eval --conll FILE``: per-type table, then one JSON line (the last line)."""
    from pipeline.nlp.ner.crf import MODEL_FILE, CrfTagger
    from pipeline.parallel import tune_garbage_collector

    if not Path(conll_path).is_file():
        return _fail(f"no file {conll_path}: --conll takes a file of 'token label' lines (a blank line between "
                     "sentences; ANERcorp's own layout, without blank lines, is read too)")
    sentences, (unknown, lone, tokens) = read_conll_report(conll_path)
    if not tokens:
        return _fail(f"{conll_path} has no 'token label' lines to score")
    try:
        tagger = CrfTagger.load(Path(model_dir) if model_dir else None)
    except FileNotFoundError as exc:
        return _fail(f"{exc}: --model takes a model folder as `akhbar ner-train --shared ../shared --out DIR` "
                     f"writes it ({MODEL_FILE}, config.json, the gazetteer and lexicon tables)")
    if layer == "persons":
        warm_person_layer()
    tune_garbage_collector()  # the model and lexicons loaded: out of the collector's sight, as in a run's workers
    result = evaluate_read(sentences, tagger, verbose=True, layer=layer)
    if unknown:
        shown = ", ".join(f"{lab} ×{n}" for lab, n in sorted(unknown.items(), key=lambda kv: -kv[1])[:10])
        print(f"akhbar: ner-eval: warning: {sum(unknown.values())} labels scored as O, not being O or B-/I- with "
              f"PERS (PER), LOC, ORG or MISC: {shown}", file=sys.stderr)
    if lone:
        print(f"akhbar: ner-eval: warning: {lone} line{'s' if lone != 1 else ''} without a label skipped",
              file=sys.stderr)
    print(summary_json(result), flush=True)
    return 0


def _fail(message: str) -> int:
    print(f"akhbar: ner-eval: {message}", file=sys.stderr)
    return 2
