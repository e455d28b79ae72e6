"""Label consistency across nearby sentences: a name the tagger is sure of is the same name nearby.

A news story names an organisation or a person several times; the tagger recognises some occurrences
with confidence and misses others where the context is poorer ("أعلنت الوكالة الدولية للطاقة الذرية"
found, "وقالت الوكالة الدولية للطاقة الذرية" missed). :func:`propagate_spans` copies each confidently
tagged span (every token's marginal at least ``threshold``) to the exact same word sequence (matching form,
:func:`~pipeline.nlp.text.normalize_for_matching`) wherever that sequence is wholly untagged within
``window`` sentences before or after. Longer names are copied first, so "الأمم المتحدة" is not cut into
pieces by a shorter one; no existing label is changed. Pure function, no Dagster.

Measured by 5-fold cross-validation over ANERcorp (``bench/ner_cv.py``; see the model card).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pipeline.nlp.ner.conll import entity_spans
from pipeline.nlp.text import normalize_for_matching

Tagged = list[tuple[str, float]]  # (BIO label, marginal probability) per token


@dataclass(frozen=True, slots=True)
class Propagation:
    """Which spans are copied: their types, the least marginal of their tokens, how far (in sentences)."""

    types: tuple[str, ...] = ("PERS", "LOC", "ORG")
    threshold: float = 0.8
    window: int = 20
    min_chars: int = 3  # a name shorter than this (in letters of its matching form) is never copied
    clitics: bool = False  # also copy to a repetition whose first word carries a proclitic (و ب ل ف ك: "وبوش")

    @classmethod
    def from_config(cls, data: dict | None) -> Propagation | None:
        """From a model's ``config.json`` value (``None``/absent: no propagation)."""
        if not data:
            return None
        d = cls()
        return cls(
            types=tuple(data.get("types", d.types)),
            threshold=float(data.get("threshold", d.threshold)),
            window=int(data.get("window", d.window)),
            min_chars=int(data.get("min_chars", d.min_chars)),
            clitics=bool(data.get("clitics", d.clitics)),
        )

    def to_config(self) -> dict:
        out = {"types": list(self.types), "threshold": self.threshold, "window": self.window,
               "min_chars": self.min_chars}
        if self.clitics:
            out["clitics"] = True
        return out


def _confident_spans(
    norm: list[str], tagged: Tagged, cfg: Propagation
) -> list[tuple[tuple[str, ...], str]]:
    """(matching-form word sequence, type) of each span of the sentence tagged with confidence."""
    out: list[tuple[tuple[str, ...], str]] = []
    for i, j, typ in entity_spans([lab for lab, _ in tagged]):
        if typ in cfg.types and min(p for _, p in tagged[i:j]) >= cfg.threshold:
            key = tuple(norm[i:j])
            if sum(len(w) for w in key) >= cfg.min_chars:
                out.append((key, typ))
    return out


# proclitics a repeated name may carry on its first word (matching form); "ال" names take ب/ل/و before it
_NAME_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@lru_cache(maxsize=4096)
def _with_proclitics(key: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """``key`` with a proclitic glued to its first word ("بوش" → "وبوش", "الاردن" → "بالاردن", "للاردن")."""
    first = key[0]
    forms = [p + first for p in _NAME_PROCLITICS if not first.startswith("ال") or p[-1] != "ل"]
    if first.startswith("ال"):
        forms += ["لل" + first[2:], "ولل" + first[2:], "فلل" + first[2:]]
    return tuple((f, *key[1:]) for f in forms)


def propagate_spans(sentences: Sequence[Sequence[str]], tagged: Sequence[Tagged], cfg: Propagation) -> list[Tagged]:
    """``tagged`` with confident spans copied to their untagged repetitions within ``cfg.window`` sentences.

    A copied span takes the type most often given to that word sequence in the window (ties: the first
    seen) and ``cfg.threshold`` as its probability (a lower bound: every copy it came from was surer).
    The tokens next to a copied span were untagged or begin their own entity, so the result is valid BIO."""
    norms = [[normalize_for_matching(w) or w for w in s] for s in sentences]
    spans = [_confident_spans(n, t, cfg) for n, t in zip(norms, tagged, strict=True)]
    out = [list(t) for t in tagged]
    w = cfg.window
    first_forms: dict[tuple[str, ...], frozenset[str]] = {}  # the first words a span's repetition may have
    for sent_spans in spans:
        for key, _ in sent_spans:
            if key not in first_forms:
                variants = _with_proclitics(key) if cfg.clitics else ()
                first_forms[key] = frozenset([key[0], *(v[0] for v in variants)])
    for i, norm in enumerate(norms):
        present = set(norm)
        # only the spans of the window whose repetition could start in this sentence vote here
        votes: dict[tuple[str, ...], Counter[str]] = {}
        for j in range(max(0, i - w), min(len(norms), i + w + 1)):
            for key, typ in spans[j]:
                if not first_forms[key].isdisjoint(present):
                    votes.setdefault(key, Counter())[typ] += 1
        if not votes:
            continue
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for key in sorted(votes, key=len, reverse=True):
            by_first.setdefault(key[0], []).append((key, key))
            if cfg.clitics:
                for variant in _with_proclitics(key):
                    by_first.setdefault(variant[0], []).append((variant, key))
        labels = out[i]
        k = 0
        while k < len(norm):
            done = False
            for form, key in by_first.get(norm[k], ()):
                e = k + len(form)
                if e <= len(norm) and tuple(norm[k:e]) == form and all(lab == "O" for lab, _ in labels[k:e]):
                    typ = votes[key].most_common(1)[0][0]
                    labels[k] = ("B-" + typ, cfg.threshold)
                    for m in range(k + 1, e):
                        labels[m] = ("I-" + typ, cfg.threshold)
                    k, done = e, True
                    break
            if not done:
                k += 1
    return out
