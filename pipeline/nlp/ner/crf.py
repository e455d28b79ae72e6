"""CRF named-entity tagger for Arabic (python-crfsuite), types PERS/LOC/ORG/MISC in BIO."""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite

from pipeline.config import NER_MODEL_DIR
from pipeline.nlp.ner.conll import from_bioes, repair_bio
from pipeline.nlp.ner.consistency import Propagation, propagate_spans
from pipeline.nlp.ner.features import FeatureConfig, FeatureExtractor, Resources
from pipeline.nlp.ner.resources import load_resources

MODEL_FILE = "model.crfsuite"
CONFIG_FILE = "config.json"


def default_model_dir() -> Path:
    """The shipped model: ``pipeline/resources/models/ner_crf``."""
    return NER_MODEL_DIR


class CrfTagger:
    """Load with :meth:`load`; :meth:`tag` returns ``(label, marginal probability)`` per token."""

    def __init__(
        self,
        tagger: pycrfsuite.Tagger,
        extractor: FeatureExtractor,
        model_dir: Path | None = None,
        o_threshold: float | None = None,
        propagation: Propagation | None = None,
    ):
        self._tagger = tagger
        self.extractor = extractor
        self.model_dir = model_dir
        # recall boost: a Viterbi "O" whose marginal is below this becomes the most probable entity label
        self.o_threshold = o_threshold
        self._ent_labels = [lab for lab in tagger.labels() if lab != "O"]
        # a model trained on BIOES labels (recipe param ``scheme``) is read back as BIO; the BIO label's
        # probability sums its BIOES parts: "starts an X here" is B-X or S-X, "continues an X" is I-X or E-X
        self._bioes = any(lab[:2] in ("S-", "E-") for lab in self._ent_labels)
        known = set(tagger.labels())
        self._bio_parts = {
            f"{pos}-{typ}": tuple(v for v in (f"{pos}-{typ}", f"{'S' if pos == 'B' else 'E'}-{typ}") if v in known)
            for typ in {lab[2:] for lab in self._ent_labels} for pos in "BI"
        } | {"O": ("O",)}
        # confident spans copied to their untagged repetitions in nearby sentences (consistency.py)
        self.propagation = propagation

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> CrfTagger:
        model_dir = Path(model_dir) if model_dir is not None else default_model_dir()
        model_path = model_dir / MODEL_FILE
        if not model_path.exists():
            raise FileNotFoundError(f"no CRF model at {model_path}")
        cfg = FeatureConfig()
        cfg_path = model_dir / CONFIG_FILE
        thr = None
        prop = None
        if cfg_path.exists():
            data = json.loads(cfg_path.read_text(encoding="utf-8"))
            cfg = FeatureConfig(groups=tuple(data.get("groups", cfg.groups)), window=int(data.get("window", 2)))
            thr = data.get("o_threshold")
            prop = Propagation.from_config(data.get("propagate"))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        return cls(
            tagger, FeatureExtractor(load_resources(model_dir), cfg), model_dir, o_threshold=thr, propagation=prop
        )

    @classmethod
    def from_parts(
        cls,
        model_path: Path,
        resources: Resources,
        config: FeatureConfig,
        o_threshold: float | None = None,
        propagation: Propagation | None = None,
    ) -> CrfTagger:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        return cls(tagger, FeatureExtractor(resources, config), o_threshold=o_threshold, propagation=propagation)

    def tag_one(self, tokens: list[str]) -> list[tuple[str, float]]:
        if not tokens:
            return []
        t = self._tagger
        t.set(self.extractor.sentence(tokens))
        labels = t.tag()
        marg = t.marginal
        if self._bioes:
            parts = self._bio_parts
            return [(lab, sum(marg(v, i) for v in parts[lab])) for i, lab in enumerate(from_bioes(labels))]
        thr = self.o_threshold
        if thr is not None:
            ents = self._ent_labels
            for i, lab in enumerate(labels):
                if lab == "O" and marg("O", i) < thr:
                    labels[i] = max(ents, key=lambda e, i=i: marg(e, i))  # type: ignore[misc]
        fixed = repair_bio(labels)
        probs = [marg(lab, i) for i, lab in enumerate(fixed)]
        return list(zip(fixed, probs, strict=True))

    def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        """BIO label and its marginal probability for every token of every sentence (never truncated).

        The sentences are read as one story, in order: with :attr:`propagation` set, a span tagged with
        confidence in one sentence is also tagged where it repeats untagged nearby (see
        :mod:`pipeline.nlp.ner.consistency`), so pass one document's sentences per call."""
        tagged = [self.tag_one(list(s)) for s in sentences]
        if self.propagation is not None:
            tagged = propagate_spans(sentences, tagged, self.propagation)
        return tagged
