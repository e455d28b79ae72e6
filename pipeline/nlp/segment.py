"""Sentence segmentation with character spans over the stored text.

A sentence ends after ``. ! ? ؟ ؛ ;`` (a run of them, plus closing quotes/brackets) when whitespace or the
end of the text follows, and at every newline. A point inside a number (``3.5``) is not followed by
whitespace and so never splits; a stop glued to the next sentence (``احترامهم.وفي``: news sites often drop the
space) splits when a word of two or more Arabic letters precedes it and an Arabic letter or an opening quote
follows it, except inside a dotted acronym of letter names (``سي.إن.إن``) or at a glued ellipsis. A point
after a one-letter abbreviation (``د. محمد``, ``U.S. army``) or a common Latin abbreviation (``Mr.``,
``e.g.``) does not split either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from pipeline.schemas import TABLES

# longer than any article (the longest of 13,358 real ones has 16,877 characters): a digest or a dump, whose
# stories NER tags and event detection judges in runs of sentences (:func:`sentence_runs`)
LONG_DOCUMENT_CHARS = 50_000


def sentence_runs(spans: Sequence[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Consecutive sentences ``spans`` cut into runs reaching at most ``max_chars`` characters from the first
    sentence's start to the last one's end (a longer sentence is a run of its own): (first, last + 1) indices
    of each run, in order, covering every sentence once."""
    runs: list[tuple[int, int]] = []
    first = 0
    while first < len(spans):
        last = first
        while last + 1 < len(spans) and spans[last + 1][1] - spans[first][0] <= max_chars:
            last += 1
        runs.append((first, last + 1))
        first = last + 1
    return runs


# sentence-final punctuation (arclean turns ؟ into ? and ؛ into ;), closing quotes/brackets after it
_END_RE = re.compile("[.!?\u061f\u061b;\u2026]+[\"'\u201d\u2019\u00bb)\\]]*(?=\\s|$)")
_LATIN_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "jr", "sr", "inc", "ltd", "co"}
)
_WORD_BEFORE_RE = re.compile(r"(\S+)$")
# a stop glued to the next sentence ("احترامهم.وفي ذلك"): after an Arabic word, before an Arabic letter or «/“
_GLUED_END_RE = re.compile(
    "(?<=[\u0621-\u064a\u064b-\u0652])(?:\\.(?!\\.)|[!?\u061f]+)[\"'\u201d\u2019\u00bb)\\]]*"
    "(?=[\u0621-\u064a\u00ab\u201c])"
)
_ARABIC_WORD_RE = re.compile("[\u0621-\u064a\u064b-\u0652]+")
_ARABIC_RUN_RE = re.compile(_ARABIC_WORD_RE.pattern + "$")  # the Arabic word a stretch of text ends with


def _is_abbreviation(text: str, end_punct_start: int, punct: str) -> bool:
    """True when a single ``.`` closes an abbreviation rather than a sentence."""
    if punct != ".":
        return False
    match = _WORD_BEFORE_RE.search(text, max(0, end_punct_start - 12), end_punct_start)
    if match is None:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isalpha():  # د. / م. / U.
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S / e.g
        return True
    return word.lower() in _LATIN_ABBREVIATIONS


def _glued_acronym(text: str, start: int, end: int) -> bool:
    """True when the stop at ``text[start:end]``, glued between two Arabic words, is inside an abbreviation:
    a one-letter word before it (د.إبراهيم, أ.د.محمد, ص.ب) or a dotted acronym of letter names around it
    (سي.إن.إن, إتش.إس.بي.سي, كي.جي.بي: the word before follows a point, or the word after is followed by one)."""
    before = _ARABIC_RUN_RE.search(text, max(0, start - 30), start)
    if before is None or len(before.group(0)) < 2 or (before.start() > 0 and text[before.start() - 1] == "."):
        return True
    after = _ARABIC_WORD_RE.match(text, end)
    return after is not None and len(after.group(0)) <= 4 and text[after.end() : after.end() + 1] == "."


def _boundaries(text: str) -> list[int]:
    """Offsets where a sentence may end (exclusive ends), in order, without duplicates."""
    cuts = {m.end() for m in re.finditer("\n", text)}
    for m in _END_RE.finditer(text):
        punct = m.group(0).rstrip("\"'\u201d\u2019\u00bb)]")
        if not _is_abbreviation(text, m.start(), punct):
            cuts.add(m.end())
    for m in _GLUED_END_RE.finditer(text):
        if not _glued_acronym(text, m.start(), m.end()):
            cuts.add(m.end())
    cuts.add(len(text))
    return sorted(cuts)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``: in order, non-overlapping, non-empty, without
    leading or trailing whitespace, together covering every non-whitespace character."""
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _boundaries(text):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        start = cut
    return spans


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One row of the ``sentences`` table."""

    doc_id: str
    sentence_idx: int
    start: int
    end: int
    text: str


def sentence_rows(doc_id: str, text: str) -> list[SentenceRow]:
    """The ``sentences`` rows of one document."""
    return [SentenceRow(doc_id, i, s, e, text[s:e]) for i, (s, e) in enumerate(sentence_spans(text))]


def sentences_frame(documents: pl.DataFrame) -> pl.DataFrame:
    """The ``sentences`` table of ``documents`` (doc_id, text)."""
    rows: list[SentenceRow] = []
    for doc_id, text in documents.select("doc_id", "text").iter_rows():
        rows += sentence_rows(doc_id, text)
    return TABLES["sentences"].frame(rows)


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (convenience over :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text)]
