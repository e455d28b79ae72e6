"""Load the lexical resources of the CRF tagger from its model folder (built by
:mod:`pipeline.training.resources` at training time).

Files in the model directory:

* ``clusters.tsv`` — ``word<TAB>c32<TAB>c128<TAB>c512``: k-means clusters (three granularities) of
  PPMI-SVD context vectors, learnt from unlabeled news text (matching forms).
* ``gazetteer.tsv`` — ``phrase<TAB>TYPES``: a filtered, normalised name list derived from ANERGazet and
  the CLDR Arabic territory names (via ``babel``).
* ``lexicon.tsv`` — ``word<TAB>LABEL``: words mostly inside names in the training data, with their most
  frequent BIO label.
* ``freq.tsv`` — ``word<TAB>bucket``: log2 frequency bucket of the word in unlabeled news.
* ``wordclass.tsv`` — ``word<TAB>classes``: the word's classes in the Ayaspell Arabic dictionary
  (``hunspell-ar``; letters of :data:`pipeline.nlp.ner.features.WORD_CLASSES`), with its licence in
  ``LICENSE-ayaspell.txt``.
* ``namelike.tsv`` — ``class<TAB>n-gram<TAB>count``: character n-gram counts of person names (``N``) and of
  common words (``C``), for the ``nlm`` features (:mod:`pipeline.nlp.ner.namelike`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pipeline.nlp.ner.features import Resources
from pipeline.nlp.ner.namelike import NameLikeness

CLUSTERS_FILE = "clusters.tsv"
GAZETTEER_FILE = "gazetteer.tsv"
LEXICON_FILE = "lexicon.tsv"
FREQ_FILE = "freq.tsv"
WORDCLASS_FILE = "wordclass.tsv"
NAMELIKE_FILE = "namelike.tsv"


def _tsv_pairs(path: Path) -> list[tuple[str, str]]:
    """``key<TAB>value`` lines of a model file (missing file: no pairs; lines without a value skipped)."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if key and value:
            out.append((key, value))
    return out


@cache
def shipped_word_classes() -> dict[str, str]:
    """Matching form -> its classes in the dictionary table the shipped model carries (``wordclass.tsv``)."""
    from pipeline.config import NER_MODEL_DIR

    return dict(_tsv_pairs(NER_MODEL_DIR / WORDCLASS_FILE))


def is_common_word(norm: str) -> bool:
    """The shipped dictionary table knows the matching form ``norm`` as a common word (a class other than a
    place name ``P``, a person name ``N`` or ``x``)."""
    return bool(set(shipped_word_classes().get(norm, "")) - set("PNx"))


def gazetteer_to_resources(gaz: dict[str, set[str]], res: Resources) -> None:
    res.gaz_words = {}
    res.gaz_phrases = {}
    for ph, types in gaz.items():
        toks = tuple(ph.split())
        t = "|".join(sorted(types))
        if len(toks) == 1:
            res.gaz_words[toks[0]] = t
        else:
            res.gaz_phrases.setdefault(toks[0], []).append((toks, t))
            res.max_phrase = max(res.max_phrase, len(toks))


def load_gazetteer(path: Path) -> dict[str, set[str]]:
    return {ph: set(t.split("|")) for ph, t in _tsv_pairs(path)}


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    if path.exists():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) > 1:
                    out[parts[0]] = tuple(parts[1:])
    return out


def load_frequencies(path: Path) -> dict[str, int]:
    """``freq.tsv``: matching form -> log2 frequency bucket (a missing file: no frequencies)."""
    return {w: int(b) for w, b in _tsv_pairs(path)}


def load_resources(model_dir: Path) -> Resources:
    """The resources of the model in ``model_dir`` (a missing file means the model does not use it)."""
    res = Resources(clusters=load_clusters(model_dir / CLUSTERS_FILE))
    gazetteer_to_resources(load_gazetteer(model_dir / GAZETTEER_FILE), res)
    res.freq = load_frequencies(model_dir / FREQ_FILE)
    res.lex_words = dict(_tsv_pairs(model_dir / LEXICON_FILE))
    res.word_classes = dict(_tsv_pairs(model_dir / WORDCLASS_FILE))
    res.namelike = NameLikeness.load(model_dir / NAMELIKE_FILE)
    return res
