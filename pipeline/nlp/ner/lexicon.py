"""Name lexicons shipped in ``pipeline/resources/lexicons``: places, organisations, titles, nisbas, stopwords.

All keys are in the matching form (:func:`pipeline.nlp.text.normalize_for_matching`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.nlp.text import normalize_for_matching

LEXICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "lexicons"


@dataclass(frozen=True)
class GazetteerEntry:
    name_ar: str
    type: str  # PER | ORG | LOC | MISC
    subtype: str | None = None
    name_en: str | None = None
    country_code: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None


def _lines(name: str) -> list[str]:
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip() and not line.startswith("#")]


def _opt(value: str) -> str | None:
    return value or None


@dataclass(frozen=True)
class Lexicon:
    entries: dict[str, GazetteerEntry]  # matching form of the full name -> entry
    max_words: int  # longest entry in words
    titles: frozenset[str]  # matching forms of title phrases
    max_title_words: int
    nisba: dict[str, str | None]  # matching form of a nationality adjective -> country code
    org_heads: frozenset[str]
    stopwords: frozenset[str]

    def lookup(self, key: str) -> GazetteerEntry | None:
        return self.entries.get(key)


def _places() -> dict[str, GazetteerEntry]:
    out: dict[str, GazetteerEntry] = {}
    for fname in ("places_ar.tsv", "places_extra_ar.tsv"):
        for line in _lines(fname)[1:]:
            name, subtype, name_en, cc, gid, lat, lon = (line.split("\t") + [""] * 7)[:7]
            out[normalize_for_matching(name)] = GazetteerEntry(
                name, "LOC", _opt(subtype), _opt(name_en), _opt(cc), int(gid) if gid else None,
                float(lat) if lat else None, float(lon) if lon else None,
            )
    return out


def _nisba_forms() -> dict[str, str | None]:
    forms: dict[str, str | None] = {}
    for line in _lines("nisba_ar.tsv"):
        stem, _, code = line.partition("\t")
        for suffix in ("ي", "ية", "يين", "يون", "يان", "يتين"):
            for article in ("", "ال"):
                forms[normalize_for_matching(article + stem + suffix)] = code.strip() or None
    forms[normalize_for_matching("الروس")] = "RU"
    return forms


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load every lexicon once per process."""
    entries = _places()
    for line in _lines("organizations_ar.tsv"):
        name, _, name_en = line.partition("\t")
        entries[normalize_for_matching(name)] = GazetteerEntry(name, "ORG", "organization", _opt(name_en.strip()))
    titles = frozenset(normalize_for_matching(t) for t in _lines("titles_ar.txt"))
    return Lexicon(
        entries=entries,
        max_words=max(len(k.split()) for k in entries),
        titles=titles,
        max_title_words=max(len(t.split()) for t in titles),
        nisba=_nisba_forms(),
        org_heads=frozenset(normalize_for_matching(t) for t in _lines("org_heads_ar.txt")),
        stopwords=frozenset(normalize_for_matching(t) for t in _lines("stopwords_ar.txt")),
    )
