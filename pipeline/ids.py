"""Deterministic ids: every id in the warehouse is a truncated SHA-256 of the content it names.

A re-run on the same input gives the same ids, so tables can be compared and joined across runs.
The one-letter prefixes tell the kind of id at a glance: ``N`` entity mention, ``E`` entity,
``R`` entity reference, ``M`` event mention, ``V`` event.
"""

from __future__ import annotations

import hashlib


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic hex id from the parts (sha256 of their string forms joined by U+001F, truncated)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


def digest(*parts: object) -> str:
    """A cache key: the SHA-256 of the parts' ``repr`` (use tuples, frozen dataclasses, strings, numbers)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def text_digest(*parts: str) -> str:
    """A 32-hex digest over strings (a document's text): their UTF-8 bytes, length-prefixed, so ("ab", "c") and
    ("a", "bc") differ; a cache key part without the cost of ``repr`` over megabytes of Arabic."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:32]


def mention_id(doc_id: str, start: int, end: int) -> str:
    """Id of the entity mention at ``documents.text[start:end]`` of ``doc_id``."""
    return "N" + stable_id("mention", doc_id, start, end, length=15)


def reference_id(doc_id: str, start: int, end: int) -> str:
    """Id of the entity reference (a nationality adjective) at ``documents.text[start:end]`` of ``doc_id``."""
    return "R" + stable_id("reference", doc_id, start, end, length=15)


def entity_id(key: str) -> str:
    """Id of the entity whose identity key is ``key`` (``kb:…``, ``cc:…``, ``gn:…``, ``rg:…``, ``p:…``, ``f:…``
    or ``n:…``)."""
    return "E" + stable_id("entity", key, length=15)


def event_mention_id(doc_id: str, trigger_start: int, trigger_end: int) -> str:
    """Id of the event mention whose trigger is at ``documents.text[trigger_start:trigger_end]``."""
    return "M" + stable_id("event_mention", doc_id, trigger_start, trigger_end, length=15)


def event_id(event_type: str, anchor: str, day: object) -> str:
    """Id of an event cluster: its type, the id of its first member mention and its day."""
    return "V" + stable_id("event", event_type, anchor, day if day is not None else "", length=15)
