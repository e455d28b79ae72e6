"""Decode a crfsuite CRF model with NumPy: the same labels and marginals as ``pycrfsuite.Tagger``, faster.

``pycrfsuite.Tagger`` takes every token as a list of feature strings (about 70 of them here) and looks each one
up again for every sentence; most of a token's features depend on the word alone. :class:`CrfModel` reads the
model's weights from the ``.crfsuite`` file (exactly, as float64) so that a word's features
(:class:`pipeline.nlp.ner.features.FeatureExtractor`) can be summed into one score vector per label once per
word type (:class:`WordScores` keeps those vectors), and decodes many sentences at once: Viterbi in the log
domain, as crfsuite does, and forward-backward marginals.

The file format is crfsuite's ``crf1dm`` (``lib/crf/src/crf1d_model.c``): a header, the feature array
(type, source, destination, float64 weight; type 0 = attribute → label, 1 = label → label) and two CQDB string
databases (labels, attributes) whose backward arrays list each string by id.

Scores are summed in another order than crfsuite sums them, so they can differ from its own in the last bit:
the tests find the same labels as ``pycrfsuite`` and marginals within 1e-9 (about 1e-15 in practice), and a
sentence's output the same to the bit whatever it is batched with.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix

from pipeline.nlp.ner.features import FeatureExtractor, WordFeatures

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_BATCH = 128  # sentences decoded together (sorted by length, so that little padding is computed) …
_BATCH_TOKENS = 32_768  # … as long as sentences × the longest of them stays below this (memory)


def _cqdb_strings(data: bytes, offset: int) -> list[str]:
    """The strings of a CQDB database at ``offset``, in id order (from its backward array)."""
    if data[offset : offset + 4] != b"CQDB":
        raise ValueError(f"not a crfsuite model: no CQDB chunk at byte {offset}")
    _size, _flag, _order, count, bwd_offset = struct.unpack_from("<5I", data, offset + 4)
    out = []
    for i, rel in enumerate(struct.unpack_from(f"<{count}I", data, offset + bwd_offset)):
        rid, size = struct.unpack_from("<2I", data, offset + rel)
        if rid != i:
            raise ValueError(f"crfsuite model: string {i} of the CQDB at byte {offset} has id {rid}")
        start = offset + rel + 8
        out.append(data[start : start + size - 1].decode("utf-8"))  # size counts the closing NUL
    return out


@dataclass(frozen=True)
class CrfModel:
    """A first-order crfsuite model as arrays.

    ``state[a]`` holds attribute ``a``'s weight for every label (one extra row of zeros stands for attributes
    the model does not know); ``trans[i, j]`` the weight of label ``i`` followed by label ``j``."""

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    trans: np.ndarray

    @property
    def unknown(self) -> int:
        """The row of ``state`` for attributes the model does not know (all zeros)."""
        return len(self.attributes)

    @classmethod
    def read(cls, path: str | Path) -> CrfModel:
        data = Path(path).read_bytes()
        if data[:4] != b"lCRF" or data[8:12] != b"FOMC":
            raise ValueError(f"{path} is not a first-order crfsuite model (crf1d)")
        _version, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs, _lr, _ar = struct.unpack_from(
            "<9I", data, 12)
        if data[off_feat : off_feat + 4] != b"FEAT":
            raise ValueError(f"{path}: no FEAT chunk at byte {off_feat}")
        _size, count = struct.unpack_from("<2I", data, off_feat + 4)
        feats = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_feat + 12)
        labels = tuple(_cqdb_strings(data, off_labels))
        attrs = _cqdb_strings(data, off_attrs)
        if len(labels) != n_labels or len(attrs) != n_attrs:
            raise ValueError(f"{path}: {len(labels)} labels and {len(attrs)} attributes, header says "
                             f"{n_labels} and {n_attrs}")
        state = np.zeros((n_attrs + 1, n_labels))
        trans = np.zeros((n_labels, n_labels))
        is_state = feats["type"] == 0
        s = feats[is_state]
        state[s["src"], s["dst"]] = s["weight"]
        t = feats[~is_state]
        trans[t["src"], t["dst"]] = t["weight"]
        return cls(labels, {a: i for i, a in enumerate(attrs)}, state, trans)

    def attribute_ids(self, features: Sequence[str]) -> list[int]:
        """Row numbers of ``features`` in :attr:`state`; unknown ones map to :attr:`unknown`."""
        get, unknown = self.attributes.get, len(self.attributes)
        return [get(f, unknown) for f in features]

    def score(self, features: Sequence[str]) -> np.ndarray:
        """The summed weights of ``features`` for every label (what crfsuite calls the state score)."""
        return self.state[self.attribute_ids(features)].sum(axis=0)

    def decode(self, emissions: Sequence[np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Viterbi labels (indices into :attr:`labels`) and marginal probabilities (``n × labels``) for each
        sentence's state scores (``n × labels``; empty sentences give empty arrays)."""
        out: list[tuple[np.ndarray, np.ndarray] | None] = [None] * len(emissions)
        order = sorted(range(len(emissions)), key=lambda k: len(emissions[k]))
        n_labels = len(self.labels)
        chunks: list[list[int]] = []
        for k in order:  # ascending length: the sentence added is the chunk's longest
            if not chunks or len(chunks[-1]) >= _BATCH or (len(chunks[-1]) + 1) * len(emissions[k]) > _BATCH_TOKENS:
                chunks.append([])
            chunks[-1].append(k)
        for chunk in chunks:
            for k, result in zip(chunk, _decode_batch([emissions[k] for k in chunk], self.trans, n_labels),
                                 strict=True):
                out[k] = result
        return out  # type: ignore[return-value]


def _decode_batch(emissions: list[np.ndarray], trans: np.ndarray, n_labels: int
                  ) -> list[tuple[np.ndarray, np.ndarray]]:
    lengths = np.array([len(e) for e in emissions])
    width = int(lengths.max()) if len(lengths) else 0
    batch = len(emissions)
    if width == 0:
        return [(np.zeros(0, dtype=np.intp), np.zeros((0, n_labels))) for _ in emissions]
    scores = np.zeros((batch, width, n_labels))
    for b, e in enumerate(emissions):
        scores[b, : len(e)] = e
    last = lengths - 1  # -1 for an empty sentence: never active

    # Viterbi, log domain, first maximum on ties (as crf1dc_viterbi)
    back = np.zeros((batch, width, n_labels), dtype=np.intp)
    delta = scores[:, 0].copy()
    for t in range(1, width):
        cand = delta[:, :, None] + trans[None, :, :]
        best = cand.argmax(axis=1)
        back[:, t] = best
        new = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + scores[:, t]
        active = (t <= last)[:, None]
        delta = np.where(active, new, delta)
    path = np.zeros((batch, width), dtype=np.intp)
    cur = delta.argmax(axis=1)
    for t in range(width - 1, -1, -1):
        on = t <= last
        path[on, t] = cur[on]
        if t:
            cur = np.where(on, back[np.arange(batch), t, cur], cur)

    # forward-backward, each step normalised (marginals do not depend on the scale); einsum without
    # ``optimize`` sums in its own loops, never BLAS, which may sum in another order for another batch size:
    # a sentence's marginals must not depend on its batch
    exp_state = np.exp(scores - scores.max(axis=2, keepdims=True))
    exp_trans = np.exp(trans)
    alpha = np.empty_like(exp_state)
    a = exp_state[:, 0]
    alpha[:, 0] = a / a.sum(axis=1, keepdims=True)
    for t in range(1, width):
        a = np.einsum("bi,ij->bj", alpha[:, t - 1], exp_trans) * exp_state[:, t]
        alpha[:, t] = a / a.sum(axis=1, keepdims=True)
    beta = np.ones_like(exp_state)
    for t in range(width - 2, -1, -1):
        b = np.einsum("bj,ij->bi", exp_state[:, t + 1] * beta[:, t + 1], exp_trans)
        b = b / b.sum(axis=1, keepdims=True)
        beta[:, t] = np.where((t < last)[:, None], b, 1.0)
    marg = alpha * beta
    marg /= marg.sum(axis=2, keepdims=True)
    return [(path[b, : lengths[b]], marg[b, : lengths[b]]) for b in range(batch)]


class WordScores:
    """State scores of sentences under one model, with every word's own and context scores summed once per
    word type (up to about ``max_words`` types; then the table starts afresh, between two sentences).

    The scores are those of ``extractor.sentence(tokens)``'s features (a test checks it): a word's own
    features, its neighbours' context features (``-2…+2``, or ``-dBOS``/``+dEOS`` past the sentence's ends)
    and the features of its place in the sentence, which :meth:`sentence` turns into rows itself (the same
    features :meth:`FeatureExtractor.sentence` writes as strings for training)."""

    def __init__(self, extractor: FeatureExtractor, model: CrfModel, max_words: int = 200_000) -> None:
        self.extractor = extractor
        self.model = model
        self.max_words = max_words
        self.window = extractor.window
        self._clear(1024)

    def _clear(self, capacity: int) -> None:
        n_labels = len(self.model.labels)
        w = self.window
        self._ids: dict[str, int] = {}
        self._slim: list[WordFeatures] = []
        self._neighbour_ids: dict[str, tuple[int, ...]] = {}  # neighbour feature -> its row at each offset
        self._conj_ids: dict[tuple[str, str, str], tuple[int, int]] = {}  # (proclitic, trigger -1, -2) -> rows
        self._first = self.model.score(["BOS"])  # the sentence's first token
        self._last = self.model.score(["EOS"])  # its last
        # per word: its own scores (slot 0) and the scores it gives the token d places away (slot of d)
        self._offsets = (0, *range(-w, 0), *range(1, w + 1))
        self._slot = {d: k for k, d in enumerate(self._offsets)}
        self._prefixes = [f"{d:+d}" for d in self._offsets[1:]]  # a neighbour feature's name at each offset
        self._vec = np.zeros((capacity, len(self._offsets), n_labels))
        self._bos = [self.model.score([f"-{d}BOS"]) for d in range(1, w + 1)]  # no neighbour d places before
        self._eos = [self.model.score([f"+{d}EOS"]) for d in range(1, w + 1)]  # none d places after

    def add_words(self, sentences: Iterable[Sequence[str]]) -> None:
        """Score every word of ``sentences`` not yet in the table, all in one go (one sparse product of
        feature rows by weights per 1,024 words rather than a sum per word); when the table would grow past
        ``max_words`` it starts afresh."""
        words = dict.fromkeys(t for s in sentences for t in s)
        fresh = [w for w in words if w not in self._ids]
        if not fresh:
            return
        if len(self._ids) + len(fresh) > self.max_words:
            self._clear(len(self._vec))
            fresh = list(words)
        get, unknown = self.model.attributes.get, self.model.unknown
        slots = len(self._offsets)
        near = self._neighbour_ids
        for lo in range(0, len(fresh), 1024):
            chunk = fresh[lo : lo + 1024]
            ids: list[int] = []
            starts: list[int] = []
            first = len(self._ids)
            while first + len(chunk) > len(self._vec):
                self._vec = np.concatenate([self._vec, np.zeros_like(self._vec)])
            for w in chunk:
                wf = self.extractor.word_features(w, offsets=False)
                # one row of the product per slot: the word's own features, then what it gives each neighbour
                starts.append(len(ids))
                ids.extend([get(f, unknown) for f in wf.own])
                per_feature = [near.get(x) or self._neighbour(x) for x in wf.neighbour]
                for k in range(slots - 1):
                    starts.append(len(ids))
                    ids.extend([f[k] for f in per_feature])
                self._ids[w] = len(self._slim)
                self._slim.append(WordFeatures([], {}, wf.norm, wf.phrases, wf.pro, wf.trig))
            starts.append(len(ids))
            pick = csr_matrix((np.ones(len(ids)), np.fromiter(ids, dtype=np.intp, count=len(ids)),
                               np.fromiter(starts, dtype=np.intp, count=len(starts))),
                              shape=(len(starts) - 1, len(self.model.state)))
            self._vec[first : first + len(chunk)] = (pick @ self.model.state).reshape(len(chunk), slots, -1)

    def _neighbour(self, feature: str) -> tuple[int, ...]:
        get, unknown = self.model.attributes.get, self.model.unknown
        ids = tuple([get(prefix + feature, unknown) for prefix in self._prefixes])
        self._neighbour_ids[feature] = ids
        return ids

    def sentence(self, tokens: Sequence[str]) -> np.ndarray:
        """``len(tokens) × labels`` state scores."""
        return self.sentences([tokens])[0]

    def sentences(self, batch: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """:meth:`sentence` of each, their new words scored in one go."""
        self.add_words(batch)
        return [self._state_scores(tokens) for tokens in batch]

    def _state_scores(self, tokens: Sequence[str]) -> np.ndarray:
        n = len(tokens)
        if not n:
            return np.zeros((0, len(self.model.labels)))
        table, slim = self._ids, self._slim
        id_list = [table[t] for t in tokens]
        ids = np.array(id_list, dtype=np.intp)
        words = [slim[i] for i in id_list]
        vec, slot, state = self._vec, self._slot, self.model.state
        scores = vec[ids, 0]
        for d in range(1, self.window + 1):
            if n > d:
                scores[d:] += vec[ids[:-d], slot[-d]]
                scores[:-d] += vec[ids[d:], slot[d]]
            scores[: min(d, n)] += self._bos[d - 1]
            scores[max(n - d, 0) :] += self._eos[d - 1]
        # the features of each token's place in the sentence (FeatureExtractor.sentence's cj1/cj2, BOS/EOS,
        # bigrams and gazetteer phrases), as row numbers
        cfg = self.extractor.cfg
        get, unknown = self.model.attributes.get, self.model.unknown
        if cfg.has("conj"):
            conj = self._conj_ids
            first: list[int] = []
            second: list[int] = []
            for i, wf in enumerate(words):
                key = (wf.pro, words[i - 1].trig if i > 0 else "^", words[i - 2].trig if i > 1 else "^")
                pair = conj.get(key)
                if pair is None:
                    pair = conj[key] = (get(f"cj1={key[0]}|{key[1]}", unknown), get(f"cj2={key[0]}|{key[2]}", unknown))
                first.append(pair[0])
                second.append(pair[1])
            scores += state[first]
            scores += state[second]
        scores[0] += self._first
        scores[n - 1] += self._last
        if cfg.has("context") and n > 1:
            norms = [wf.norm for wf in words]
            scores[1:] += state[[get("bg-=" + norms[i - 1] + "|" + norms[i], unknown) for i in range(1, n)]]
            scores[:-1] += state[[get("bg+=" + norms[i] + "|" + norms[i + 1], unknown) for i in range(n - 1)]]
        if cfg.has("gaz") and self.extractor.res.gaz_phrases:
            phrase = self.extractor._phrase_matches(words)
            rows: list[int] = []
            attrs: list[int] = []
            for i, here in enumerate(phrase):
                if not here:
                    continue
                feats = list(here)
                if i > 0 and phrase[i - 1]:
                    feats.extend("-1" + x for x in phrase[i - 1])
                if i + 1 < n and phrase[i + 1]:
                    feats.extend("+1" + x for x in phrase[i + 1])
                for f in feats:
                    rows.append(i)
                    attrs.append(get(f, unknown))
            if rows:
                np.add.at(scores, rows, state[attrs])
        return scores
