"""Readers for Arabic NER corpora in CoNLL-like ``token label`` formats.

All readers return ``list[list[tuple[str, str]]]``: sentences of ``(token, label)`` with labels in BIO
over the four types ``PERS``, ``LOC``, ``ORG``, ``MISC`` (``PER`` is accepted as an alias of ``PERS``).

* :func:`read_conll` — one ``token label`` per line, blank line between sentences.
* :func:`read_anercorp` — ANERcorp has no sentence breaks; sentences end after ``. ! ? ؟``.
* :func:`read_newsfane` — NewsFANE gold (tab-separated, 50 fine classes) mapped to the four types.

Every reader tolerates a UTF-8 BOM, CRLF line ends, U+200E/U+200F marks, tabs, and lines whose token is
missing (skipped).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pipeline.schemas import EntityType

TYPES = tuple(t.tag for t in EntityType)  # the four types as BIO tags write them (PERS, ORG, LOC, MISC)
SENTENCE_END = frozenset({".", "!", "?", "؟"})

_INVISIBLE_RE = re.compile("[\ufeff\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00ad]")

# NewsFANE fine classes (ACE-style two-level taxonomy) → the four ANERcorp types. ``None`` means O.
# Choices follow ANERcorp's conventions: groups of people (العرب، المسلمين) are O there; buildings and
# facilities (الكعبة، البيت الأبيض، المسجد الأقصى) are MISC; airports/ports named after places are LOC;
# vehicles, weapons, works, products are MISC.
NEWSFANE_MAP: dict[str, str | None] = {
    # persons
    "Politician": "PERS",
    "Athlete": "PERS",
    "Artist": "PERS",
    "Other_PER": "PERS",
    "Religious_PER": "PERS",
    "Scientist": "PERS",
    "Businessperson": "PERS",
    "Lawyer": "PERS",
    "Engineer": "PERS",
    "Police": "PERS",
    "Group": None,
    # locations / GPEs
    "Nation": "LOC",
    "Population-Center": "LOC",
    "State-or-Province": "LOC",
    "GPE-Cluster": "LOC",
    "Water-Body": "LOC",
    "Land-Region-Natural": "LOC",
    "Continent": "LOC",
    "County-or-District": "LOC",
    "Celestial": "LOC",
    "Path": "LOC",
    "Airport": "LOC",
    "Subarea-Facility": "LOC",
    # organisations
    "Non-Governmental": "ORG",
    "Sports": "ORG",
    "Government": "ORG",
    "Media": "ORG",
    "Commercial": "ORG",
    "Educational": "ORG",
    "Medical-Science": "ORG",
    "Entertainment": "ORG",
    "Religious_ORG": "ORG",
    # miscellaneous
    "Building-Grounds": "MISC",
    "Book": "MISC",
    "Movie": "MISC",
    "Software": "MISC",
    "Hardware": "MISC",
    "Land": "MISC",
    "Air": "MISC",
    "Water": "MISC",
    "Projectile": "MISC",
    "Shooting": "MISC",
    "Food": "MISC",
    "Drug": "MISC",
    "Plant": "MISC",
    "Sound": "MISC",
    "Chemical": "MISC",
    "Nuclear": "MISC",
    "Exploding": "MISC",
    "Blunt": "MISC",
    "Sharp": "MISC",
    "Biological": "MISC",
    "Subarea-Vehicle": "MISC",
    "Underspecified": "MISC",
}


def _clean(line: str) -> str:
    return _INVISIBLE_RE.sub("", line.rstrip("\r\n")).replace("\r", "")


def _split(line: str) -> tuple[str, str] | None:
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


def _finish(sent: list[tuple[str, str]]) -> list[tuple[str, str]]:
    labels = repair_bio([lab for _, lab in sent])
    return [(tok, lab) for (tok, _), lab in zip(sent, labels, strict=False)]


def _read_sentences(
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


def _conll_line(line: str) -> tuple[str, str] | None:
    pair = _split(line)
    if pair is None:  # a label without a token (or a lone token): skip
        return None
    return pair[0], normalize_label(pair[1])


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read a ``token label`` file with a blank line between sentences."""
    return _read_sentences(path, _conll_line)


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


def map_newsfane_label(label: str) -> str:
    label = label.strip()
    if label in ("O", ""):
        return "O"
    if len(label) > 2 and label[1] == "-" and label[0] in "BI":
        typ = NEWSFANE_MAP.get(label[2:])
        if typ is None:
            parsed = EntityType.parse(label[2:])
            typ = parsed.tag if parsed else None
        return f"{label[0]}-{typ}" if typ else "O"
    return "O"


def _newsfane_fine_line(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        tok, _, lab = line.rpartition("\t")
        tok = tok.strip()
    else:
        pair = _split(line)
        if pair is None:
            return None
        tok, lab = pair
    if not tok:
        return None
    return tok.replace(" ", ""), lab.strip() or "O"


def _newsfane_line(line: str) -> tuple[str, str] | None:
    pair = _newsfane_fine_line(line)
    return None if pair is None else (pair[0], map_newsfane_label(pair[1]))


def read_newsfane(path: str | Path, fine: bool = False) -> list[list[tuple[str, str]]]:
    """Read NewsFANE gold: ``token<TAB>B-Fine-Class`` lines, a line with only a tab between sentences.
    Labels are mapped to the four ANERcorp types, or kept as the fine classes when ``fine``."""
    return _read_sentences(path, _newsfane_fine_line if fine else _newsfane_line)


def entity_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end_exclusive, type)`` of a BIO sequence (a stray ``I-`` starts an entity)."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        if lab.startswith("I-") and start >= 0 and lab[2:] == typ:
            continue
        if start >= 0:
            spans.append((start, i, typ))
            start, typ = -1, ""
        if lab.startswith(("B-", "I-")):
            start, typ = i, lab[2:]
    return spans
