"""The ``gazetteer`` NER backend: gazetteer matching plus title and organisation-head rules.

A transparent, fast baseline (and the fallback when no statistical model is available):
1. longest gazetteer match (places, organisations), a proclitic allowed on the first word;
2. title rules: "الرئيس الروسي فلاديمير بوتين", "وزير الخارجية السوري، أسعد الشيباني" → PER over the name;
3. organisation heads: "وزارة الدفاع الروسية", "مجلس الشعب السوري" → ORG;
4. within a document, a person found by rule 2 is also found by surname alone ("بوتين", "الشيباني")
   (:func:`pipeline.nlp.ner.base.propagate_names`, which every backend's output also goes through).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.lexicons import Lexicon, is_event_word, load_lexicon
from pipeline.nlp.ner.base import PER_TAG, Labels, first_word_forms, name_keys, propagate_names
from pipeline.nlp.text import has_arabic, normalize_for_matching

_PUNCT_SKIP = {",", "،", ":"}

CONF_GAZETTEER = 0.9
CONF_TITLE = 0.75
CONF_ORG_HEAD = 0.7


@dataclass
class _Sentence:
    tokens: list[str]
    norm: list[str]
    labels: list[str] = field(default_factory=list)
    conf: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.labels = ["O"] * len(self.tokens)
        self.conf = [1.0] * len(self.tokens)

    def mark(self, i: int, j: int, typ: str, conf: float) -> None:
        for k in range(i, j):
            self.labels[k] = ("B-" if k == i else "I-") + typ
            self.conf[k] = conf


class RuleTagger:
    """NerBackend ``gazetteer``: see the module docstring."""

    name = "gazetteer"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()

    # -- helpers -----------------------------------------------------------------------------------------
    def _match_phrase(self, s: _Sentence, i: int, table: frozenset[str] | dict, max_words: int) -> int:
        """Length in tokens of the longest phrase of ``table`` starting at token i (0 if none)."""
        for length in range(min(max_words, len(s.tokens) - i), 0, -1):
            rest = s.norm[i + 1 : i + length]
            for first in first_word_forms(s.tokens[i]):
                if " ".join([first, *rest]) in table:
                    return length
        return 0

    def _is_modifier(self, norm: str) -> bool:
        return norm in self.lex.nisba

    def _name_like(self, token: str, norm: str) -> bool:
        return (
            has_arabic(token)
            and len(norm) >= 2
            and norm not in self.lex.stopwords
            and norm not in self.lex.titles
            and norm not in self.lex.nisba
            and norm not in self.lex.org_heads
            and norm.removeprefix("ال") not in self.lex.org_heads
        )

    # -- rules -------------------------------------------------------------------------------------------
    def _gazetteer(self, s: _Sentence) -> None:
        i = 0
        while i < len(s.tokens):
            hit = 0
            for length in range(min(self.lex.max_words, len(s.tokens) - i), 0, -1):
                rest = s.norm[i + 1 : i + length]
                for first in first_word_forms(s.tokens[i]):
                    entry = self.lex.lookup(" ".join([first, *rest]))
                    if entry is not None:
                        s.mark(i, i + length, entry.type, CONF_GAZETTEER)
                        hit = length
                        break
                if hit:
                    break
            i += hit or 1

    def _titles(self, s: _Sentence) -> list[list[str]]:
        found: list[list[str]] = []
        n = len(s.tokens)
        i = 0
        while i < n:
            length = self._match_phrase(s, i, self.lex.titles, self.lex.max_title_words)
            if not length or s.labels[i] != "O":
                i += 1
                continue
            j = i + length
            skipped = 0
            while j < n and skipped < 4 and (
                self._is_modifier(s.norm[j]) or s.tokens[j] in _PUNCT_SKIP or s.labels[j] != "O"
                or s.norm[j] in self.lex.titles
            ):
                j += 1
                skipped += 1
            name: list[int] = []
            k = j
            while k < n and len(name) < 4 and s.labels[k] == "O" and self._name_like(s.tokens[k], s.norm[k]):
                tok = s.norm[k]
                if name and tok.startswith("و") and len(tok) > 3:
                    break  # "... ووزير": a new conjunct
                if is_event_word(s.tokens[k]) or (tok.startswith("س") and tok[1:2] in "يتن"
                                                               and is_event_word(s.tokens[k][1:])):
                    break  # an event verb ("سيستقبل") ends the name
                if tok.startswith("ال") or tok.startswith("لل"):
                    if not name:
                        # "الرئيس الشرع": an article word right after the title is a name only when alone
                        nxt = s.norm[k + 1] if k + 1 < n else ""
                        if skipped or (nxt and nxt not in self.lex.stopwords and nxt not in _PUNCT_SKIP
                                       and any(ch.isalpha() for ch in nxt)):
                            break
                    name.append(k)
                    break  # a family name with the article ends the name
                name.append(k)
                k += 1
            if name:
                s.mark(name[0], name[-1] + 1, PER_TAG, CONF_TITLE)
                found.append([s.norm[x] for x in name])
                i = name[-1] + 1
            else:
                i = j if j > i else i + 1
        return found

    def _org_heads(self, s: _Sentence) -> None:
        n = len(s.tokens)
        i = 0
        while i < n:
            if s.labels[i] != "O" or not any(
                key in self.lex.org_heads for key in first_word_forms(s.tokens[i])
            ):
                i += 1
                continue
            k = i + 1
            while k < n and k - i <= 3 and s.labels[k] == "O":
                tok = s.norm[k]
                if tok in self.lex.stopwords or not has_arabic(s.tokens[k]):
                    break
                if not (tok.startswith("ال") or tok.startswith("لل") or k == i + 1):
                    break
                if k == i + 1 and not tok.startswith("ال") and (tok.endswith("ه") or tok in self.lex.nisba):
                    break  # "مجموعة واسعة": an adjective, not a name
                k += 1
            if k > i + 1:
                s.mark(i, k, "ORG", CONF_ORG_HEAD)
                i = k
            else:
                i += 1

    def tag(self, sentences: list[list[str]]) -> list[Labels]:
        sents = [_Sentence(toks, [normalize_for_matching(t) for t in toks]) for toks in sentences]
        names: list[list[str]] = []
        for s in sents:
            self._gazetteer(s)
            names += self._titles(s)
            self._org_heads(s)
        labels: list[Labels] = [list(zip(s.labels, s.conf, strict=True)) for s in sents]
        # title-rule names are reliable even as one word ("الرئيس الشرع"): propagate them too
        return propagate_names(sentences, labels, name_keys(names))
