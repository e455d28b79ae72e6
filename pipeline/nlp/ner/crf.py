"""CRF named-entity tagger for Arabic (python-crfsuite), types PERS/LOC/ORG/MISC in BIO."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pycrfsuite

from pipeline.config import NER_MODEL_DIR
from pipeline.nlp.ner.conll import from_bioes, repair_bio
from pipeline.nlp.ner.consistency import Propagation, propagate_spans
from pipeline.nlp.ner.crfdecode import CrfModel, WordScores
from pipeline.nlp.ner.features import FeatureConfig, FeatureExtractor, Resources
from pipeline.nlp.ner.resources import load_resources

MODEL_FILE = "model.crfsuite"
CONFIG_FILE = "config.json"


def default_model_dir() -> Path:
    """The shipped model: ``pipeline/resources/models/ner_crf``."""
    return NER_MODEL_DIR


class CrfTagger:
    """Load with :meth:`load`; :meth:`tag` returns ``(label, marginal probability)`` per token.

    Decoding runs on NumPy (:mod:`pipeline.nlp.ner.crfdecode`, with every word's scores summed once per word
    type); :meth:`tag_one_crfsuite` decodes the same model with ``pycrfsuite`` and is the reference it is
    tested against."""

    def __init__(
        self,
        tagger: pycrfsuite.Tagger,
        extractor: FeatureExtractor,
        model_dir: Path | None = None,
        o_threshold: float | None = None,
        propagation: Propagation | None = None,
        model: CrfModel | None = None,
    ):
        self._tagger = tagger
        self.model = model
        self._scores = WordScores(extractor, model) if model is not None else None
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
        if model is not None:
            self._label_index = index = {lab: k for k, lab in enumerate(model.labels)}
            self._bio_index = {bio: tuple(index[v] for v in parts) for bio, parts in self._bio_parts.items()}
            self._ent_index = [index[lab] for lab in self._ent_labels]
        # confident spans copied to their untagged repetitions in nearby sentences (consistency.py)
        self.propagation = propagation
        self._agg = extractor.cfg.has("agg")  # features of the story around a sentence (features.py ``agg``)
        self._story_scores: dict[tuple[str, ...], np.ndarray] = {}  # their summed weights, per combination

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
            tagger, FeatureExtractor(load_resources(model_dir), cfg), model_dir, o_threshold=thr, propagation=prop,
            model=CrfModel.read(model_path),
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
        return cls(tagger, FeatureExtractor(resources, config), o_threshold=o_threshold, propagation=propagation,
                   model=CrfModel.read(model_path))

    def tag_one(self, tokens: list[str]) -> list[tuple[str, float]]:
        """BIO label and marginal probability of every token of one sentence, read as a story of its own
        (no consistency step)."""
        return self._decode([tokens], self.extractor.aggregate([tokens]) if self._agg else None)[0]

    def _decode(self, sentences: Sequence[Sequence[str]],
                story: Sequence[list[list[str]]] | None = None) -> list[list[tuple[str, float]]]:
        """Labels of ``sentences``; ``story`` holds each sentence's per-token features that depend on the
        story around it (:meth:`FeatureExtractor.aggregate`), added to the word scores."""
        if self.model is None or self._scores is None:
            return [self.tag_one_crfsuite(list(s), None if story is None else story[k])
                    for k, s in enumerate(sentences)]
        labels, index = self.model.labels, self._label_index
        emissions = self._scores.sentences(sentences)
        if story is not None:
            scored = self._story_scores
            for em, per_token in zip(emissions, story, strict=True):
                for i, feats in enumerate(per_token):
                    if feats:
                        key = tuple(feats)
                        vec = scored.get(key)
                        if vec is None:
                            vec = scored[key] = self.model.score(feats)
                        em[i] += vec
        decoded = self.model.decode(emissions)
        out: list[list[tuple[str, float]]] = []
        for path, marginals in decoded:
            tags = [labels[k] for k in path]
            probs = marginals.tolist()
            if self._bioes:
                parts = self._bio_index
                out.append([(lab, sum(probs[i][k] for k in parts[lab])) for i, lab in enumerate(from_bioes(tags))])
                continue
            thr = self.o_threshold
            if thr is not None:
                o = index["O"]
                for i, lab in enumerate(tags):
                    if lab == "O" and probs[i][o] < thr:
                        tags[i] = labels[max(self._ent_index, key=lambda e, i=i: probs[i][e])]  # type: ignore[misc]
            fixed = repair_bio(tags)
            out.append([(lab, probs[i][index[lab]]) for i, lab in enumerate(fixed)])
        return out

    def tag_one_crfsuite(self, tokens: list[str], story: list[list[str]] | None = None) -> list[tuple[str, float]]:
        """:meth:`tag_one` decoded by ``pycrfsuite`` from the feature strings (the reference for tests);
        ``story``: the sentence's ``agg`` features in its story (default: the sentence as a story of its own)."""
        if not tokens:
            return []
        t = self._tagger
        feats = self.extractor.sentence(tokens)
        if self._agg:
            for f, extra in zip(feats, story if story is not None else self.extractor.aggregate([tokens])[0],
                                strict=True):
                f.extend(extra)
        t.set(feats)
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
        return self.tag_documents([sentences])[0]

    def tag_documents(self, documents: Sequence[list[list[str]]]) -> list[list[list[tuple[str, float]]]]:
        """:meth:`tag` for each document, with the sentences of all of them decoded together (faster)."""
        sentences = [s for doc in documents for s in doc]
        story = None
        if self._agg:
            if self._scores is not None:  # their word features first: they fill the aggregation's word cache
                self._scores.add_words(sentences)
            story = [f for doc in documents for f in self.extractor.aggregate(doc)]
        tagged = self._decode(sentences, story)
        out = []
        at = 0
        for doc in documents:
            labels = tagged[at : at + len(doc)]
            at += len(doc)
            out.append(propagate_spans(doc, labels, self.propagation) if self.propagation is not None else labels)
        return out
