"""Readers for Arabic NER corpora in CoNLL-like ``token label`` formats, and BIO helpers.

All readers return ``list[list[tuple[str, str]]]``: sentences of ``(token, label)`` with labels in BIO
over the four types ``PERS``, ``LOC``, ``ORG``, ``MISC`` (``PER`` is accepted as an alias of ``PERS``).

* :func:`read_conll` — one ``token label`` per line, blank line between sentences.
* :func:`read_anercorp` — ANERcorp has no sentence breaks; sentences end after ``. ! ? ؟``.
* the NewsFANE reader is training-only: :mod:`pipeline.training.corpora`.

Every reader tolerates a UTF-8 BOM, CRLF line ends, U+200E/U+200F marks, tabs, and lines whose token is
missing (skipped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from pipeline.schemas import EntityType

TYPES = tuple(t.tag for t in EntityType)  # the four types as BIO tags write them (PERS, ORG, LOC, MISC)
SENTENCE_END = frozenset({".", "!", "?", "؟"})

_INVISIBLE_RE = re.compile("[\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad]")

def _clean(line: str) -> str:
    return _INVISIBLE_RE.sub("", line.rstrip("\r\n")).replace("\r", "")


def split_line(line: str) -> tuple[str, str] | None:
    """``token label`` from a line (whitespace/tab separated; the label is the last field)."""
    parts = line.split()
    if len(parts) < 2:
        return None
    return "".join(parts[:-1]), parts[-1]


def normalize_label(label: str) -> str:
    """``B-PER`` → ``B-PERS``; unknown or malformed labels → ``O``."""
    label = label.strip()
    if label in ("O", "", "0"):
        return "O"
    if len(label) > 2 and label[1] in "-_" and label[0] in "BIbi":
        parsed = EntityType.parse(label[2:])
        return f"{label[0].upper()}-{parsed.tag}" if parsed else "O"
    parsed = EntityType.parse(label)
    return f"I-{parsed.tag}" if parsed else "O"


def repair_bio(labels: list[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` entity into ``B-X`` (IOB1 → IOB2)."""
    out: list[str] = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


def to_bioes(labels: list[str]) -> list[str]:
    """BIO → BIOES: a one-token entity is ``S-X``, the last token of a longer one ``E-X``."""
    bio = repair_bio(labels)
    out: list[str] = []
    for i, lab in enumerate(bio):
        if lab == "O":
            out.append(lab)
            continue
        nxt = bio[i + 1] if i + 1 < len(bio) else "O"
        ends = not (nxt.startswith("I-") and nxt[2:] == lab[2:])
        if lab.startswith("B-"):
            out.append(("S-" if ends else "B-") + lab[2:])
        else:
            out.append(("E-" if ends else "I-") + lab[2:])
    return out


def from_bioes(labels: list[str]) -> list[str]:
    """BIOES → BIO (``S-X`` → ``B-X``, ``E-X`` → ``I-X``), repaired so every entity starts with ``B-``."""
    return repair_bio(["B-" + lab[2:] if lab[:2] == "S-" else "I-" + lab[2:] if lab[:2] == "E-" else lab
                       for lab in labels])


def _finish(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    labels = repair_bio([lab for _, lab in sent])
    return [(tok, lab) for (tok, _), lab in zip(sent, labels, strict=False)]


def read_sentences(
    path: str | Path, parse: Callable[[str], tuple[str, str] | None]
) -> list[list[tuple[str, str]]]:
    """Sentences of a line-per-token file: blank lines separate sentences, ``parse`` turns a line into
    ``(token, label)`` or None to skip it; labels are repaired to IOB2."""
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for raw in fh:
            line = _clean(raw)
            if not line.strip():
                if cur:
                    sentences.append(_finish(cur))
                    cur = []
                continue
            pair = parse(line)
            if pair is not None:
                cur.append(pair)
    if cur:
        sentences.append(_finish(cur))
    return sentences


class LabelReport(NamedTuple):
    """What :func:`read_conll_report` read past in a ``token label`` file, and how much it read."""

    unknown: dict[str, int]  # labels scored as O though they are not O (another type, a malformed tag): counts
    unlabelled: int  # non-blank lines without a label (skipped)
    tokens: int  # lines with a token and a label


def read_conll_report(path: str | Path) -> tuple[list[list[tuple[str, str]]], LabelReport]:
    """:func:`read_conll`, with what it read past: the labels it scores as O though they are not O, and the
    lines without a label."""
    unknown: dict[str, int] = {}
    lone = tokens = 0

    def parse(line: str) -> tuple[str, str] | None:
        nonlocal lone, tokens
        pair = split_line(line)
        if pair is None:  # a label without a token (or a lone token): skip
            lone += 1
            return None
        tokens += 1
        label = normalize_label(pair[1])
        if label == "O" and pair[1].strip() not in ("O", "0"):
            unknown[pair[1]] = unknown.get(pair[1], 0) + 1
        return pair[0], label

    sentences = read_sentences(path, parse)
    return sentences, LabelReport(unknown, lone, tokens)


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read a ``token label`` file with a blank line between sentences (:func:`read_conll_report`'s sentences)."""
    return read_conll_report(path)[0]


def split_sentences(tokens: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Split a token stream after sentence-final punctuation (never inside an entity)."""
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for i, (tok, lab) in enumerate(tokens):
        cur.append((tok, lab))
        nxt = tokens[i + 1][1] if i + 1 < len(tokens) else "O"
        if tok in SENTENCE_END and not nxt.startswith("I-"):
            sentences.append(cur)
            cur = []
    if cur:
        sentences.append(cur)
    return sentences


def read_anercorp(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read ANERcorp (one ``token label`` per line, no sentence breaks) split on final punctuation.

    Blank lines, if any, also end a sentence.
    """
    sentences: list[list[tuple[str, str]]] = []
    for block in read_conll(path):
        sentences.extend(_finish(s) for s in split_sentences(block))
    return sentences


def entity_spans(labels: Iterable[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of a BIO sequence (a stray ``I-`` starts an entity)."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    i = -1
    for i, lab in enumerate(labels):
        if lab == "O":  # most tokens: one comparison
            if start >= 0:
                spans.append((start, i, typ))
                start = -1
            continue
        if start >= 0 and lab[0] == "I" and lab[2:] == typ:
            continue
        if start >= 0:
            spans.append((start, i, typ))
            start = -1
        if lab[:2] in ("B-", "I-"):
            start, typ = i, lab[2:]
    if start >= 0:
        spans.append((start, i + 1, typ))
    return spans
