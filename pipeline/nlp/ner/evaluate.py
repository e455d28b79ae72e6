"""Entity-level exact-match evaluation (span and type must both match; partial overlap is an error)."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any, Protocol

from pipeline.nlp.ner.conll import TYPES, entity_spans, read_conll, split_sentences


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


def evaluate_sentences(sentences: list[list[tuple[str, str]]], tagger: _Tagger) -> dict[str, Any]:
    """Tag whole sentences (never truncated) and score them; ``tokens_per_s`` covers features + decoding."""
    tokens = [[t for t, _ in s] for s in sentences]
    gold = [[lab for _, lab in s] for s in sentences]
    n_tok = sum(len(s) for s in tokens)
    t0 = time.perf_counter()
    pred = tagger.tag(tokens)
    dt = time.perf_counter() - t0
    result = score(gold, [[lab for lab, _ in s] for s in pred])
    result["tokens_per_s"] = n_tok / dt if dt > 0 else float("inf")
    result["n_tokens"] = n_tok
    result["n_sentences"] = len(sentences)
    return result


def evaluate_file(conll_path: str | Path, tagger: _Tagger, verbose: bool = True) -> dict[str, Any]:
    """Score ``tagger`` on a ``token label`` CoNLL file; prints a per-type table when ``verbose``.

    A file without blank lines (ANERcorp's own layout) is split after sentence-final punctuation, never
    inside an entity, as training reads it: read as one sentence, the consistency step's window (in
    sentences) would span the whole file."""
    sentences = read_conll(conll_path)
    if len(sentences) == 1:
        sentences = split_sentences(sentences[0])
    result = evaluate_sentences(sentences, tagger)
    if verbose:
        print(format_table(result))
    return result


def summary_json(result: dict[str, Any]) -> str:
    return json.dumps(
        {
            "micro_f1": round(result["f1"], 4),
            "precision": round(result["precision"], 4),
            "recall": round(result["recall"], 4),
            "tokens_per_s": round(result["tokens_per_s"], 1),
            "per_type": {
                t: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}
                for t, d in result["per_type"].items()
            },
        },
        ensure_ascii=False,
    )


def ner_eval_main(conll_path: str, model_dir: str | None = None) -> int:
    """CLI body of ``akhbar ner-eval --conll FILE``: per-type table, then one JSON line (the last line)."""
    from pipeline.nlp.ner.crf import CrfTagger

    tagger = CrfTagger.load(Path(model_dir) if model_dir else None)
    result = evaluate_file(conll_path, tagger, verbose=True)
    print(summary_json(result), flush=True)
    return 0
