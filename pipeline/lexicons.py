"""The lexicons shipped in ``pipeline/resources/lexicons``: one reader, each list loaded once per process.

File rules, the same for every lexicon: UTF-8; one entry a line; blank lines and lines starting with ``#``
are skipped; spaces around an entry are dropped (tabs are field separators and kept). A ``.tsv`` lexicon
may open with a header line naming its columns. A missing lexicon is an error, never an empty list: a
pipeline that silently lost its boilerplate or place list would still "work", and be wrong.

Keys are matching forms (:func:`pipeline.nlp.text.normalize_for_matching`) unless a loader says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.config import LEXICON_DIR
from pipeline.nlp.text import normalize_for_matching, proclitic_splits

PLACE_FILES = ("places_ar.tsv", "places_extra_ar.tsv")
PLACE_COLUMNS = ("name_ar", "subtype", "name_en", "country_code", "geonames_id", "lat", "lon")


class LexiconError(FileNotFoundError):
    """A shipped lexicon is missing or malformed (the package is broken: reinstall it)."""


def lexicon_path(name: str) -> Path:
    """Path of the shipped lexicon file ``name``."""
    return LEXICON_DIR / name


def read_lines(name: str) -> list[str]:
    """The entries of lexicon ``name`` (see the module docstring for the file rules)."""
    path = lexicon_path(name)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise LexiconError(
            f"lexicon {name!r} is missing at {path}; the package is incomplete, reinstall Akhbar "
            "(pip install -e .) or restore the file from git"
        ) from err
    out = []
    for raw in text.split("\n"):
        line = raw.strip(" \r")
        if line.strip() and not line.startswith("#"):
            out.append(line)
    return out


def read_rows(name: str, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Rows of the TSV lexicon ``name``, padded or cut to ``len(columns)`` fields; a header line equal
    to ``columns`` is skipped."""
    rows = []
    for line in read_lines(name):
        fields = (line.split("\t") + [""] * len(columns))[: len(columns)]
        if tuple(fields) == columns:
            continue
        rows.append(tuple(f.strip() for f in fields))
    return rows


def matching_set(name: str) -> frozenset[str]:
    """The matching forms of the entries of a one-column lexicon."""
    return frozenset(normalize_for_matching(line) for line in read_lines(name))


# --- gazetteer: places and organisations ---------------------------------------------------------------
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


def _opt(value: str) -> str | None:
    return value or None


@cache
def places() -> dict[str, GazetteerEntry]:
    """Matching form of a place name -> its entry (``places_ar.tsv``, then the hand-kept extras)."""
    out: dict[str, GazetteerEntry] = {}
    for fname in PLACE_FILES:
        for name, subtype, name_en, cc, gid, lat, lon in read_rows(fname, PLACE_COLUMNS):
            out[normalize_for_matching(name)] = GazetteerEntry(
                name, "LOC", _opt(subtype), _opt(name_en), _opt(cc), int(gid) if gid else None,
                float(lat) if lat else None, float(lon) if lon else None,
            )
    return out


def _nisba_forms() -> dict[str, str | None]:
    forms: dict[str, str | None] = {}
    for stem, code in read_rows("nisba_ar.tsv", ("stem", "country_code")):
        for suffix in ("ي", "ية", "يين", "يون", "يان", "يتين"):
            for article in ("", "ال"):
                forms[normalize_for_matching(article + stem + suffix)] = code or None
    forms[normalize_for_matching("الروس")] = "RU"
    return forms


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


@cache
def load_lexicon() -> Lexicon:
    """Places, organisations, titles, nisbas, organisation heads and stopwords (once per process)."""
    entries = dict(places())
    for name, name_en in read_rows("organizations_ar.tsv", ("name_ar", "name_en")):
        entries[normalize_for_matching(name)] = GazetteerEntry(name, "ORG", "organization", _opt(name_en))
    titles = matching_set("titles_ar.txt")
    return Lexicon(
        entries=entries,
        max_words=max(len(k.split()) for k in entries),
        titles=titles,
        max_title_words=max(len(t.split()) for t in titles),
        nisba=_nisba_forms(),
        org_heads=matching_set("org_heads_ar.txt"),
        stopwords=matching_set("stopwords_ar.txt"),
    )


# --- event triggers ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Trigger:
    event_type: str
    mode: str
    cameo_root: str


@cache
def load_triggers() -> dict[str, Trigger]:
    """Matching form of a trigger word -> its PLOVER type, mode and CAMEO root (``event_triggers_ar.tsv``)."""
    out: dict[str, Trigger] = {}
    for form, etype, mode, root in read_rows("event_triggers_ar.tsv", ("form", "event_type", "mode", "cameo_root")):
        out[normalize_for_matching(form)] = Trigger(etype, mode, root)
    return out


def match_trigger(token: str) -> tuple[int, Trigger] | None:
    """(proclitic length, trigger) when ``token`` is a trigger word, possibly with proclitics."""
    triggers = load_triggers()
    for split in proclitic_splits(token, min_stem=3):
        hit = triggers.get(normalize_for_matching(token[split:]))
        if hit is not None:
            return split, hit
    return None
