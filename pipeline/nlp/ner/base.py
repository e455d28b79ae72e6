"""The NER backend interface and the backend-independent span logic.

A backend labels tokens (BIO over PERS/PER, LOC, ORG, MISC) one document at a time; this module turns
labels into character spans over ``documents.text``, with proclitics (و ف ب ل ك) moved outside the span
and the article ال kept inside ("وموسكو" → "موسكو", "والكرملين" → "الكرملين").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline.nlp.text import Token, normalize_for_matching, proclitic_splits, stem_variants, tokenize

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
_TYPE_ALIASES = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC", "GPE": "LOC"}
_ARTICLE_PREFIX = re.compile(r"^(?:[وف]?[بك]?)(?=ال.{2,})|^(?:[وف]?ل)(?=ل.{3,})")
# Names that really begin with و (so a leading و is not the conjunction).
_WAW_NAMES = frozenset(normalize_for_matching(w) for w in (
    "وليد", "وائل", "وسام", "وفاء", "وديع", "وجدي", "وحيد", "وهيب", "وهبة", "وفيق", "وزيرستان", "وهران",
    "واشنطن", "وارسو", "ويلز", "ويليام", "وليام", "ولنغتون", "ووهان", "وادي", "وكالة", "وزارة", "والتر",
    "ويكيليكس", "ولاية", "ولي"))

Labels = list[tuple[str, float]]


class NerBackend(Protocol):
    """Labels the tokens of one document's sentences with BIO tags and confidences."""

    name: str

    def tag(self, sentences: list[list[str]]) -> list[Labels]: ...


@dataclass(frozen=True, slots=True)
class EntitySpan:
    sentence_idx: int
    start: int
    end: int
    type: str
    confidence: float
    normalized: str


def span_normalized(text: str, start: int, end: int, cut: int) -> str:
    """Matching form of ``text[start:end]``; a span cut after the ل of لل ("لكرملين") gets its article back."""
    surface = text[start:end]
    if cut and text[start - 1] == "ل" and surface.startswith("ل"):
        return normalize_for_matching("ا" + surface)
    return normalize_for_matching(surface)


def canonical_type(label_type: str) -> str:
    """PERS→PER and friends; unknown types become MISC."""
    return _TYPE_ALIASES.get(label_type.upper(), "MISC")


def bio_to_spans(labels: Sequence[tuple[str, float]]) -> list[tuple[int, int, str, float]]:
    """Token spans (i, j, type, mean confidence) from BIO labels; a stray I- opens a new span."""
    spans: list[tuple[int, int, str, float]] = []
    start, cur, confs = -1, "", []  # type: ignore[var-annotated]
    for i, (label, conf) in enumerate([*labels, ("O", 1.0)]):
        prefix, _, typ = label.partition("-")
        continues = prefix == "I" and typ == cur and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, canonical_type(cur), sum(confs) / len(confs)))
            start, cur, confs = -1, "", []
        if prefix in ("B", "I") and not continues:
            start, cur, confs = i, typ, [conf]
        elif continues:
            confs.append(conf)
    return spans


def proclitic_length(
    token: str, is_known: Callable[[str], bool], is_seen: Callable[[str], bool] = lambda _: False
) -> int:
    """How many leading characters of an entity's first token are proclitics to leave outside the span.

    * before the article: و/ف + ب/ك ("والكرملين", "بالعراق") → up to ال; ل + ال is written لل
      ("للكرملين") → one ل.
    * a stem that is a known name (gazetteer or seen elsewhere) while the whole token is not
      ("وموسكو", "لروسيا", "فسوريا").
    * a leading conjunction و before an unknown word that is not a و-name ("وأحمد").

    ``is_known`` answers for gazetteer names; ``is_seen`` for names seen elsewhere in the document.
    """
    if is_known(normalize_for_matching(token)):
        return 0
    m = _ARTICLE_PREFIX.match(token)
    if m and m.end() > 0:
        return m.end()
    for split in proclitic_splits(token, min_stem=2):
        if split and any(is_known(v) or is_seen(v) for v in stem_variants(token, split)):
            return split
    if token.startswith("و") and len(token) >= 4 and normalize_for_matching(token) not in _WAW_NAMES:
        return 1
    return 0


def sentence_tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[list[Token]]:
    """Tokens (with document offsets) of each sentence span."""
    return [tokenize(text[s:e], offset=s) for s, e in spans]


def tag_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    backend: NerBackend,
    is_known: Callable[[str], bool],
) -> list[EntitySpan]:
    """Entity spans over ``text`` for the given sentence spans, clitics trimmed, ``text[start:end]`` exact."""
    toks = sentence_tokens(text, spans)
    labels = backend.tag([[t.text for t in sent] for sent in toks])
    raw: list[tuple[int, int, int, str, float]] = []
    for sidx, (sent, labs) in enumerate(zip(toks, labels, strict=True)):
        for i, j, typ, conf in bio_to_spans(labs):
            raw.append((sidx, sent[i].start, sent[j - 1].end, typ, conf))
    # names seen without a proclitic in this document count as known stems
    seen = {normalize_for_matching(text[s:e].split(" ")[0]) for _, s, e, _, _ in raw}

    out: list[EntitySpan] = []
    for sidx, start, end, typ, conf in raw:
        first = text[start:end].split(" ")[0]
        cut = proclitic_length(first, is_known, seen.__contains__) if len(first) > 2 else 0
        start += cut
        surface = text[start:end]
        if not any(ch.isalpha() for ch in surface):
            continue
        out.append(EntitySpan(sidx, start, end, typ, round(conf, 4), span_normalized(text, start, end, cut)))
    return out
