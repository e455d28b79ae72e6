"""How much a word looks like a person's name: two character n-gram models, names against common words.

Arabic script has no capital letters; a classic stand-in is the shape of the word itself. Transliterated
foreign names ("ماكرون", "شتاينماير", "بوغدانوف") and many Arabic names are spelled with letter sequences that
the language's own nouns and verbs seldom use, and the reverse. :class:`NameLikeness` holds two interpolated
character 4-gram models — one over the words of the gazetteer's person names, one over the stems of a
general dictionary (Ayaspell) that are not names — and :meth:`NameLikeness.score` is their log-likelihood
ratio per letter: above 0 the word is spelled more like a name than like a common word.

On ANERcorp's training text, among the tokens that neither the dictionary nor the gazetteer knows (the words a
CRF has least to go on for), 2 % of those scoring ≤ −1 per letter are inside a person's name, against 40–50 %
of those scoring ≥ 1.5. The CRF feature group ``nlm`` gives the score's bucket (:meth:`NameLikeness.bucket`).

Built at training time (:func:`pipeline.training.resources.build_name_likeness`) and shipped in the model
folder as ``namelike.tsv``: ``class<TAB>n-gram<TAB>count`` lines, class ``N`` (names) or ``C`` (common words);
an n-gram is up to three letters of context then one letter, ``^`` padding the word's start and ``$`` ending it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ORDER = 4  # letters per n-gram: three of context and the letter itself
_PAD, _END = "^", "$"
_SMOOTH = 3.0  # Witten-Bell-like weight: a context seen h times trusts its own counts by h / (h + 3)
MIN_LETTERS = 3  # shorter stems get no score


def _grams(word: str) -> Iterable[tuple[str, str]]:
    s = _PAD * (ORDER - 1) + word + _END
    for i in range(ORDER - 1, len(s)):
        yield s[i - ORDER + 1 : i], s[i]


class _CharModel:
    """An interpolated character n-gram model (counts of every n-gram of length 1…ORDER)."""

    def __init__(self, counts: Counter[str]) -> None:
        self.counts = counts
        self.history: Counter[str] = Counter()
        for gram, c in counts.items():
            self.history[gram[:-1]] += c
        self.uniform = 1.0 / (len({g[-1] for g in counts if len(g) == 1}) + 1)

    @classmethod
    def from_words(cls, words: Iterable[str]) -> _CharModel:
        counts: Counter[str] = Counter()
        for w in words:
            for ctx, ch in _grams(w):
                for k in range(ORDER):
                    counts[ctx[len(ctx) - k :] + ch] += 1
        return cls(counts)

    def logprob(self, word: str) -> float:
        counts, history = self.counts, self.history
        total = 0.0
        for ctx, ch in _grams(word):
            p = self.uniform
            for k in range(ORDER):
                c = ctx[len(ctx) - k :]
                h = history.get(c, 0)
                if h:
                    lam = h / (h + _SMOOTH)
                    p = lam * counts.get(c + ch, 0) / h + (1 - lam) * p
            total += math.log(p)
        return total


class NameLikeness:
    """Names against common words, letter by letter (see the module docstring)."""

    def __init__(self, names: _CharModel, common: _CharModel) -> None:
        self.names = names
        self.common = common

    @classmethod
    def from_words(cls, names: Iterable[str], common: Iterable[str]) -> NameLikeness:
        """Models of ``names`` (the words of person names) and ``common`` (common words), matching forms."""
        return cls(_CharModel.from_words(names), _CharModel.from_words(common))

    def score(self, stem: str) -> float:
        """Log-likelihood ratio (names over common words) per letter of ``stem``, a matching form without its
        clitics; 0.0 for a stem of fewer than :data:`MIN_LETTERS` letters or with a non-letter."""
        if len(stem) < MIN_LETTERS or not stem.isalpha():
            return 0.0
        return (self.names.logprob(stem) - self.common.logprob(stem)) / (len(stem) + 1)

    def bucket(self, stem: str) -> int | None:
        """The score in half-units, clipped to −4…4; ``None`` when :meth:`score` does not apply."""
        if len(stem) < MIN_LETTERS or not stem.isalpha():
            return None
        return max(-4, min(4, round(self.score(stem) * 2)))

    def save(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            for tag, model in (("N", self.names), ("C", self.common)):
                for gram in sorted(model.counts):
                    fh.write(f"{tag}\t{gram}\t{model.counts[gram]}\n")

    @classmethod
    def load(cls, path: Path) -> NameLikeness | None:
        """The models written by :meth:`save`; ``None`` when the file is missing (a model without ``nlm``)."""
        if not path.exists():
            return None
        counts: dict[str, Counter[str]] = {"N": Counter(), "C": Counter()}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                tag, gram, count = line.rstrip("\n").split("\t")
                counts[tag][gram] = int(count)
        return cls(_CharModel(counts["N"]), _CharModel(counts["C"]))
