"""Re-run the NER ideas that were measured and NOT kept (see MODEL_CARD.md, "Tried and not kept").

    python bench/ner_experiments.py --shared ../shared base bioes topic      # one line of JSON per variant
    python bench/ner_experiments.py --list

Every variant makes one change to the shipped configuration (``DEFAULT_GROUPS``, ``DEFAULT_PARAMS``),
trains on ANERcorp train + NewsFANE-new with NewsFANE's labels as they are (the recipe before the
harmonisation, .743), and scores the ANERcorp dev split (last 10 %) the way ``akhbar ner-train`` scores
its dev model. One variant takes 3–8 minutes on one core; run two
processes for two cores. The variants live here, not in the package, because none of them helped:
the package stays as small as what ships.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

os.environ.setdefault("OMP_NUM_THREADS", "1")

import pycrfsuite

from pipeline.nlp.ner.conll import entity_spans, repair_bio
from pipeline.nlp.ner.crf import CrfTagger
from pipeline.nlp.ner.evaluate import evaluate_sentences
from pipeline.nlp.ner.features import FeatureConfig, FeatureExtractor, Resources, split_clitics
from pipeline.nlp.ner.train import (
    DEFAULT_GROUPS,
    DEFAULT_PARAMS,
    LEX_FOLDS,
    _data_root,
    build_lexicon,
    build_resources,
    fold_of,
    fold_split,
    load_data,
)
from pipeline.nlp.text import normalize_for_matching

Sentence = list[tuple[str, str]]


@dataclass
class Variant:
    """One change to the shipped recipe."""

    doc: str
    params: dict[str, Any] = field(default_factory=dict)
    folds: int = LEX_FOLDS  # jackknife folds of the training lexicon
    min_share: float = 0.5  # a word enters the lexicon when ≥ this share of its occurrences is in names
    # (resources, config) -> extractor class to use
    extractor: type[FeatureExtractor] = FeatureExtractor
    # (train sentences, resources, shared root) -> training sentences with (possibly) new labels
    transform: Callable[[list[Sentence], Resources, Path], list[Sentence]] | None = None
    # label sequence -> the labels the CRF is trained on (the lexicon keeps the BIO labels)
    label_fn: Callable[[list[str]], list[str]] | None = None
    # model label -> BIO label
    decode: Callable[[str], str] = lambda lab: lab
    # (resources, shared root) -> resources
    resources: Callable[[Resources, Path], Resources] | None = None


# --- label schemes ---------------------------------------------------------------------------------------
def to_bioes(labs: list[str]) -> list[str]:
    new = []
    for i, lab in enumerate(labs):
        nxt = labs[i + 1] if i + 1 < len(labs) else "O"
        if lab == "O" or nxt == "I-" + lab[2:]:
            new.append(lab)
        else:
            new.append(("S-" if lab.startswith("B-") else "E-") + lab[2:])
    return new


def from_bioes(lab: str) -> str:
    return "B-" + lab[2:] if lab.startswith("S-") else "I-" + lab[2:] if lab.startswith("E-") else lab


# NewsFANE fine classes kept as sub-labels (collapsed back to the four types when decoding)
_REFINE = {
    "Nation": "LOC_nat",
    "Population-Center": "LOC_city",
    "Politician": "PERS_pol",
    "Athlete": "PERS_ath",
    "Artist": "PERS_art",
    "Non-Governmental": "ORG_ngo",
    "Sports": "ORG_sp",
    "Media": "ORG_med",
    "Government": "ORG_gov",
}


def refine_labels(sents: list[Sentence], _res: Resources, root: Path) -> list[Sentence]:
    """Label each training name with its NewsFANE fine class when NewsFANE (minus dev-overlapping
    sentences) names the same string with that class ≥ 60 % of the time and the coarse types agree."""
    from pipeline.nlp.ner import conll
    from pipeline.nlp.ner.train import _ngrams, desegment

    data = load_data(root, newsfane="none")
    dev_ng: set = set()
    for s in data["dev"]:
        dev_ng |= _ngrams([t for t, _ in s])

    fine: dict[str, Counter[str]] = {}
    path = root / "ner" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    for s in conll.read_newsfane(path, fine=True):
        s = desegment(s)
        if _ngrams([t for t, _ in s]) & dev_ng:
            continue
        toks = [normalize_for_matching(t) for t, _ in s]
        for a, b, typ in entity_spans([lab for _, lab in s]):
            fine.setdefault(" ".join(toks[a:b]), Counter())[typ] += 1
    out = []
    for s in sents:
        toks = [normalize_for_matching(t) for t, _ in s]
        labs = [lab for _, lab in s]
        for a, b, typ in entity_spans(labs):
            c = fine.get(" ".join(toks[a:b]))
            if not c:
                continue
            fc, k = c.most_common(1)[0]
            if k / sum(c.values()) >= 0.6 and conll.NEWSFANE_MAP.get(fc) == typ and fc in _REFINE:
                for i in range(a, b):
                    labs[i] = labs[i][:2] + _REFINE[fc]
        out.append([(t, lab) for (t, _), lab in zip(s, labs, strict=True)])
    return out


# --- data transforms ---------------------------------------------------------------------------------------
def mention_replacement(sents: list[Sentence], _res: Resources, _root: Path) -> list[Sentence]:
    """Add one copy of every sentence with names, each name swapped (p = 0.5) for a random training name
    of the same type (Dai & Adel 2020)."""
    rng = random.Random(13)
    inv: dict[str, list[tuple[str, ...]]] = {}
    for s in sents:
        toks = [t for t, _ in s]
        for a, b, typ in entity_spans([lab for _, lab in s]):
            inv.setdefault(typ, []).append(tuple(toks[a:b]))
    extra = []
    for s in sents:
        toks, labs = [t for t, _ in s], [lab for _, lab in s]
        spans = {a: (b, typ) for a, b, typ in entity_spans(labs)}
        new: Sentence = []
        changed, i = False, 0
        while i < len(toks):
            if i in spans:
                b, typ = spans[i]
                name = tuple(toks[i:b])
                if rng.random() < 0.5:
                    name, changed = rng.choice(inv[typ]), True
                new += [(w, ("B-" if k == 0 else "I-") + typ) for k, w in enumerate(name)]
                i = b
            else:
                new.append((toks[i], labs[i]))
                i += 1
        if changed:
            extra.append(new)
    return sents + extra


# --- extractors --------------------------------------------------------------------------------------------
_SPORTS = {
    normalize_for_matching(w)
    for w in """مباراه المباراه مباريات المباريات الدوري دوري هدف اهداف الهدف الاهداف لاعب اللاعب لاعبي
    لاعبين المدرب مدرب الفريق فريق النادي نادي اندية الاندية بطوله البطوله كاس منتخب المنتخب الملعب ملعب
    الشوط شوط تعادل هزيمه المرمى الحارس ضربه جزاء اللقاء الموسم النقاط نقاط الدقيقه التصفيات الذهاب الاياب
    المهاجم هداف الهداف الكره""".split()
}


class TopicExtractor(FeatureExtractor):
    """In a sentence with a sports word, add ``sp`` and its conjunction with gazetteer/cluster/lexicon/
    trigger features (a city in a sports sentence is often a club)."""

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        feats = super().sentence(tokens)
        words = [self._word(t) for t in tokens]
        if any(w[2] in _SPORTS or split_clitics(w[2])[1] in _SPORTS for w in words):
            for f, w in zip(feats, words, strict=True):
                f.append("sp")
                f.extend("sp&" + x for x in w[0] if x.startswith(("g=", "c0=", "c1=", "lx=", "tr=")))
        return feats


class DocExtractor(FeatureExtractor):
    """Document evidence: for each word, what precedes the same stem elsewhere in the ±5 sentences (a
    trigger word of type T → ``dtr=T``; a known first name → ``dpp``), its own position excluded."""

    window = 5

    def sentences(self, sents: list[list[str]]) -> list[list[list[str]]]:
        feats = [self.sentence(s) for s in sents]
        evid = []
        for s in sents:
            ev_s, prev_tr, prev_pers = [], "", False
            for own, _ctx, n, _ph in (self._word(t) for t in s):
                ev = (["dtr=" + prev_tr] if prev_tr else []) + (["dpp"] if prev_pers else [])
                ev_s.append((split_clitics(n)[1], ev))
                prev_tr = next((x[3:] for x in own if x.startswith("tr=")), "")
                prev_pers = "lx=B-PERS" in own or "g=PERS" in own
            evid.append(ev_s)
        for k in range(len(sents)):
            pool: dict[str, Counter[str]] = {}
            for j in range(max(0, k - self.window), min(len(sents), k + self.window + 1)):
                for key, ev in evid[j]:
                    if ev:
                        pool.setdefault(key, Counter()).update(ev)
            for i, (key, ev) in enumerate(evid[k]):
                if key in pool:
                    own = Counter(ev)
                    feats[k][i].extend(x for x, m in pool[key].items() if m > own.get(x, 0))
        return feats


class WordfreqExtractor(FeatureExtractor):
    """General-Arabic Zipf frequency bucket (``wordfreq``, CC BY-SA 4.0) of the word and its stem."""

    table: ClassVar[dict[str, int]] = {}

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        feats = super().sentence(tokens)
        for f, t in zip(feats, tokens, strict=True):
            n = normalize_for_matching(t) or t
            f.append(f"wf={self.table.get(n, 0)}")
            f.append(f"wfs={self.table.get(split_clitics(n)[1], 0)}")
        return feats

    @classmethod
    def load(cls) -> None:
        import wordfreq  # optional: pip install wordfreq

        for w in wordfreq.get_frequency_dict("ar"):
            n = normalize_for_matching(w)
            if n:
                b = int(wordfreq.zipf_frequency(w, "ar") * 2)
                cls.table[n] = max(b, cls.table.get(n, 0))


# --- resources ---------------------------------------------------------------------------------------------
def more_gazetteers(res: Resources, _root: Path) -> Resources:
    """Add the pipeline's own lexicons to the gazetteer: GeoNames/CLDR places (LOC), organisations and
    news outlets (ORG), CLDR currency names (MISC)."""
    from babel import Locale

    from pipeline.lexicons import _lines

    words, phrases = dict(res.gaz_words), {k: list(v) for k, v in res.gaz_phrases.items()}
    names: list[tuple[str, str]] = []
    for fname, typ in (
        ("places_ar.tsv", "LOC"),
        ("places_extra_ar.tsv", "LOC"),
        ("organizations_ar.tsv", "ORG"),
        ("outlets_ar.txt", "ORG"),
    ):
        for line in _lines(fname):
            name = line.split("\t")[0].strip()
            if name and name != "name_ar":  # skip the TSV header
                names.append((name, typ))
    names += [(n, "MISC") for n in Locale("ar").currencies.values() if not any(c.isdigit() for c in n)]
    for name, typ in names:
        toks = tuple(normalize_for_matching(t) for t in name.split())
        if len(" ".join(toks)) < 3:
            continue
        if len(toks) == 1:
            words[toks[0]] = "|".join(sorted(set(words.get(toks[0], "").split("|")) - {""} | {typ}))
        else:
            phrases.setdefault(toks[0], []).append((toks, typ))
    return replace(res, gaz_words=words, gaz_phrases=phrases, max_phrase=max(res.max_phrase, 8))


VARIANTS: dict[str, Variant] = {
    "base": Variant("the shipped recipe"),
    "bioes": Variant("BIOES labels instead of BIO", label_fn=to_bioes, decode=from_bioes),
    "lex_folds10": Variant("10 instead of 5 jackknife folds for the training lexicon", folds=10),
    "lex_share30": Variant("training lexicon: words ≥ 30 % (not 50 %) inside names", min_share=0.3),
    "possible_states": Variant("crfsuite feature.possible_states", params={"possible_states": True}),
    "iter200": Variant("200 instead of 300 L-BFGS iterations", params={"max_iterations": 200}),
    "gazetteers": Variant("+ places/organisations/outlets/currencies gazetteers", resources=more_gazetteers),
    "topic": Variant("+ sports-sentence conjunction features", extractor=TopicExtractor),
    "doc": Variant("+ document evidence for the same stem in ±5 sentences", extractor=DocExtractor),
    "wordfreq": Variant("+ general-Arabic frequency buckets (wordfreq)", extractor=WordfreqExtractor),
    "mention_replacement": Variant("+ one mention-replaced copy of each sentence", transform=mention_replacement),
    "fine_labels": Variant(
        "NewsFANE fine classes as sub-labels", transform=refine_labels, decode=lambda lab: lab.split("_")[0]
    ),
}


class _Decoded(CrfTagger):
    """CrfTagger with a variant's extractor (``sentences()`` for document windows) and label decoding."""

    decode: Callable[[str], str]

    def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        sents = [list(s) for s in sentences]
        feats = self.extractor.sentences(sents) if hasattr(self.extractor, "sentences") else None
        out = []
        for i, s in enumerate(sents):
            if not s:
                out.append([])
                continue
            self._tagger.set(feats[i] if feats else self.extractor.sentence(s))
            raw = self._tagger.tag()
            probs = [self._tagger.marginal(lab, j) for j, lab in enumerate(raw)]
            out.append(list(zip(repair_bio([self.decode(lab) for lab in raw]), probs, strict=True)))
        return out


def run(name: str, shared: Path, cache: Path) -> dict[str, Any]:
    v = VARIANTS[name]
    root = _data_root(shared)
    data = load_data(root, harmonize=False)  # the recipe these variants were measured against (.743)
    res = build_resources(root, data["train"], Path(tempfile.mkdtemp()), cache_dir=cache, with_freq=True)
    if v.resources:
        res = v.resources(res, root)
    if v.extractor is WordfreqExtractor and not WordfreqExtractor.table:
        WordfreqExtractor.load()
    cfg = FeatureConfig(groups=DEFAULT_GROUPS)
    train = data["train"] + data["extra"]
    n, k = len(train), v.folds
    labelled = v.transform(train, res, root) if v.transform else train
    exts = [
        v.extractor(
            replace(
                res,
                lex_words=build_lexicon(fold_split(labelled[:n], j, k)[0], min_share=v.min_share),
            ),
            cfg,
        )
        for j in range(k)
    ]
    lab_fn = v.label_fn or (lambda labs: labs)
    p = {**DEFAULT_PARAMS, **v.params}
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for j, ext in enumerate(exts):  # jackknife folds: fold j's lexicon comes from the other folds
        idx = [i for i in range(n) if fold_of(i, n, k) == j]
        block = [[t for t, _ in train[i]] for i in idx]
        feats = ext.sentences(block) if hasattr(ext, "sentences") else [ext.sentence(s) for s in block]
        for i, f in zip(idx, feats, strict=True):
            trainer.append(f, lab_fn([lab for _, lab in labelled[i]]))
    for s in labelled[n:]:  # added sentences (mention replacement) use fold 0's lexicon
        trainer.append(exts[0].sentence([t for t, _ in s]), lab_fn([lab for _, lab in s]))
    trainer.set_params(
        {
            "c1": p["c1"],
            "c2": p["c2"],
            "max_iterations": p["max_iterations"],
            "feature.possible_transitions": True,
            "feature.possible_states": bool(p.get("possible_states", False)),
        }
    )
    model = Path(tempfile.mkdtemp()) / "m.crfsuite"
    t0 = time.time()
    trainer.train(str(model))
    train_s = time.time() - t0
    lex = build_lexicon(labelled[:n], min_share=v.min_share)
    tagger = _Decoded.from_parts(model, res, cfg)
    tagger.extractor = v.extractor(replace(res, lex_words=lex), cfg)
    tagger.decode = v.decode
    r = evaluate_sentences(data["dev"], tagger)
    return {
        "variant": name,
        "f1": round(r["f1"], 4),
        "precision": round(r["precision"], 4),
        "recall": round(r["recall"], 4),
        "per_type_f1": {t: round(x["f1"], 3) for t, x in r["per_type"].items()},
        "tokens_per_s": int(r["tokens_per_s"]),
        "train_s": int(train_s),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("variants", nargs="*")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "akhbar_ner_cache"))
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    if args.list or not args.variants:
        for k, v in VARIANTS.items():
            print(f"{k:22s} {v.doc}")
        return 0
    unknown = [v for v in args.variants if v not in VARIANTS]
    if unknown:
        print(f"unknown variant(s) {unknown}; --list shows them", file=sys.stderr)
        return 2
    for name in args.variants:
        print(json.dumps(run(name, Path(args.shared), Path(args.cache)), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
