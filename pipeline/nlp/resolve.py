"""Entity resolution: group mentions into entities an analyst can group by.

Identity is decided on :func:`pipeline.nlp.text.identity_key` (spelling folded: hamza seats, "عبد ال"
spacing, ابن/بن), in this order:

1. **Knowledge base.** A mention the dictionary matched to a key actor, or whose key is one of a key actor's
   aliases, is that actor (``kb:<kb_id>``). A person with a title ("الملك سلمان", "وزير الخارجية الروسي
   لافروف") is the actor who held that title on the article's publication day, when exactly one holder's
   name fits the name written.
2. **Places.** Every spelling of a country is one entity keyed by its ISO code (السعودية = المملكة العربية
   السعودية = "المملكة" in a Saudi context = SA; سوريا = سورية); other gazetteer places by GeoNames id,
   regions by their English name (الخليج = الخليج العربي); a name several countries share by the story's
   country (طرابلس, عمان).
3. **Persons, safely.** A full name (two words or more) links to a longer compatible full name — same given
   name, and for a nasab the shorter chain is the start of the longer ("محمد بن سلمان" → "محمد بن سلمان
   بن عبدالعزيز"); otherwise the same first and last word — first inside its document, across documents
   only when exactly one candidate fits (and the candidates do not disagree). A given-name mismatch never
   merges: سلمان بن عبدالعزيز ≠ محمد بن سلمان ≠ سلطان بن سلمان. A family name alone ("بوتين", "الشيباني")
   links to the one full name of its document that ends with it, else to the one such name in the corpus.
   A **fragment** — a bare given name ("سلمان", "محمد"), "بن X", "آل سعود" — links only when its document
   settles it (one full name there starts with it), else it stays its own entity with subtype
   ``name_fragment`` (leaderboards leave it out).
4. Everything else is keyed by its identity key; an accusative "ا" (دولارا) joins the bare form.

One type per entity, by vote over its mentions (the knowledge base and gazetteer decide for theirs); every
mention then carries its entity's type. English names come from the knowledge base, else the gazetteer,
else (an institution's name, every word known) a translation, else a readable romanisation
(``name_en_source`` says which).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import polars as pl

from pipeline import ids
from pipeline.lexicons import (
    GazetteerEntry,
    KbActor,
    KnowledgeBase,
    capitals,
    places,
    read_lines,
    read_rows,
    shared_place_names,
)
from pipeline.nlp.ner.enrich import (
    BARE_HEADS,
    CHAMBER_INDUSTRY,
    CHAMBER_WORDS,
    HEAD_NOUNS,
    LOCATIVE_CUES,
    NAMED_AFTER_LOC_HEADS,
    NAMED_AFTER_MISC_HEADS,
    EntityLexicon,
    capital_of,
    entity_lexicon,
    first_word_keys,
    nationality_references,
    resolution_number,
    story_subtypes,
    word_frequencies,
)
from pipeline.nlp.ner.resources import is_common_word
from pipeline.nlp.romanize import country_english, romanize_name, translate_name
from pipeline.nlp.text import identity_key, normalize_for_matching, url_country
from pipeline.schemas import TABLES, EntityType

NAME_FRAGMENT = "name_fragment"
# subtypes the entity_leaderboard view leaves out (sql/views/10_entity_leaderboard.sql lists the same)
LEADERBOARD_LEFT_OUT = ("currency", "religion", "deity", "scripture", "common_noun", NAME_FRAGMENT)
_TYPE_ORDER = (EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC)
_NASAB = "بن"
_FAMILY = "ال"  # آل as the identity key writes it
_PARTY = identity_key("حزب")
_DYNASTIES = frozenset({identity_key("الصباح")})  # a ruling family named without آل (Kuwait's)
# outlets' and companies' bare names are everyday words ("الجزيرة", "الوطن", "الرياض"): only their context at
# tagging time (quotes, "صحيفة", a finance sentence) or their document naming them in full makes them the
# outlet or company, never the tagger's type alone
_CONTEXT_ONLY = frozenset(("outlet", "agency", "company"))
RESOLUTION_PREFIX = "res:unsc:"  # identity of a Security Council resolution: its number
RESOLUTION_SUBTYPE = "resolution"
# a bare family name in a story about their country is the country's (former) head of state or government
_LEADERS = frozenset(("head_of_state", "head_of_government"))


# a bare family name this many characters before a person's full name is that person's (a headline)
_HEADLINE_REACH = 300
_LONG_VOWELS = str.maketrans("", "", "اويىءئؤأإآةه")


_FOREIGN_CONSONANTS = str.maketrans("غگڤپ", "ججفب")  # G written ج or غ (or گ), V as ف or ڤ, P as ب or پ


def _skeleton(word: str) -> str:
    """A word without its long vowels and hamza seats after the first letter, G, V and P folded, a final S
    written ز or س: how foreign names spelt two ways ("هيلاري"/"هيلري", "كلينتون"/"كلنتون", "غروس"/"جروس",
    "خاميز"/"خاميس") compare."""
    word = word.translate(_FOREIGN_CONSONANTS)
    if len(word) > 3 and word.endswith("ز"):
        word = word[:-1] + "س"
    return word[:1] + word[1:].translate(_LONG_VOWELS)


@cache
def _name_keys(lexicon: str) -> frozenset[str]:
    """Identity keys of the names a lexicon file lists."""
    return frozenset(identity_key(normalize_for_matching(n)) for n in read_lines(lexicon))


def _arabic_given_names() -> frozenset[str]:
    """Identity keys of the Arabic, Persian and Turkish given names (given_names_ar.txt), which never match by
    skeleton (محمد ≠ محمود); the names of given_names_foreign_ar.txt may ("جورجيوس" = "جيورجيوس")."""
    return _name_keys("given_names_ar.txt")


def _foreign_given_names() -> frozenset[str]:
    """Identity keys of the given names of other languages (given_names_foreign_ar.txt)."""
    return _name_keys("given_names_foreign_ar.txt")


def _dual_head_to_singular(key: str) -> str:
    """"جامعتي الملك عبدالعزيز" (the dual of a head noun) is keyed as "جامعة الملك عبدالعزيز"."""
    first, _, rest = key.partition(" ")
    if rest and first.endswith("تي") and first[:-2] + "ه" in HEAD_NOUNS:
        return f"{first[:-2]}ه {rest}"
    return key


_FACILITY_HEADS = frozenset(identity_key(w) for w in ("مطار", "ميناء", "استاد", "ملعب", "مستشفى"))
_INTERNATIONAL = frozenset(identity_key(w) for w in ("الدولي", "الدولية"))


_MOSQUE_HEADS = frozenset(identity_key(w) for w in ("مسجد", "جامع"))
_MOSQUE_HONORIFICS = frozenset(identity_key(w) for w in ("الإمام", "الشيخ", "الأمير", "الملك"))


def _capital_key(key: str) -> str | None:
    """The gazetteer key of the capital a two-word key names ("العاصمه البريطانيه" → لندن), or None."""
    words = key.split()
    return capital_of(words[0], words[1]) if len(words) == 2 else None


def _capital_named_before(text: str, start: int, key: str) -> str | None:
    """The gazetteer key of the capital that "العاصمة" + a nationality adjective right before offset ``start``
    (past an opening quote) names, when the name at ``start`` is that capital's or its country's:
    'بالعاصمة التونسية «تونس»' is Tunis, the city, not Tunisia."""
    if key not in _capital_suffixes():  # (only a capital's key, or its last words, can be named so)
        return None
    before = text[max(0, start - 40) : start].rstrip(' «"“(')
    words = _ARABIC_WORD.findall(before)
    if len(words) < 2 or not before.endswith(words[-1]):
        return None
    capital = capital_of(words[-2], words[-1])
    return capital if capital is not None and (capital == key or capital.endswith(" " + key)) else None


def _facility_key(key: str) -> str:
    """"مطار الملك خالد الدولي" is keyed as "مطار الملك خالد": a facility's "international" is left out; a
    mosque is keyed by "مسجد" and its name without an honorific ("جامع الإمام الصادق" = "مسجد الصادق"); a
    municipality or governorate office without the division word ("أمانة منطقة الرياض" = "أمانة الرياض")."""
    words = key.split()
    if len(words) >= 3 and words[0] in _FACILITY_HEADS and words[-1] in _INTERNATIONAL:
        return " ".join(words[:-1])
    if len(words) >= 2 and words[0] in _MOSQUE_HEADS:
        rest = words[2:] if len(words) >= 3 and words[1] in _MOSQUE_HONORIFICS else words[1:]
        return " ".join([identity_key("مسجد"), *rest])
    if len(words) >= 3 and words[0] in _MUNICIPALITY_HEADS and words[1] in _DIVISIONS:
        return " ".join([words[0], *words[2:]])  # "أمانة منطقة الرياض" = "أمانة الرياض" = "أمانة محافظة …"
    if len(words) >= 3 and tuple(words[:2]) == CHAMBER_WORDS:
        rest = words[3:] if words[2] == CHAMBER_INDUSTRY else words[2:]
        if len(rest) >= 2 and rest[0] == _IN:
            rest = rest[1:]
        elif rest and rest[0].startswith("ب") and len(rest[0]) > 2:
            rest = [rest[0][1:], *rest[1:]]
        else:
            return key
        return " ".join([_CHAMBER_HEAD, *rest])  # "الغرفة التجارية الصناعية بجدة" = "غرفة جدة"
    return key


_CHAMBER_HEAD, _IN = identity_key("غرفة"), identity_key("في")


_MUNICIPALITY_HEADS = frozenset(identity_key(w) for w in ("أمانة", "بلدية", "إمارة"))
_DIVISIONS = frozenset(identity_key(w) for w in ("منطقة", "محافظة", "مدينة"))


@cache
def _capital_suffixes() -> frozenset[str]:
    """Every capital's key and its last words ("ابوظبي", "ظبي" of "ابو ظبي"): what :func:`capital_of` can name."""
    return frozenset(" ".join(words[k:]) for key in _capital_countries() if (words := key.split())
                     for k in range(len(words)))


@cache
def _capital_countries() -> dict[str, str]:
    """Identity key of a capital's name -> the country it is the capital of (``capitals_ar.tsv``)."""
    return {identity_key(normalize_for_matching(name)): code for code, name in capitals().items()}


# --- lexicon views -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Places:
    by_key: dict[str, GazetteerEntry]  # identity key -> entry
    country_name: dict[str, str]  # ISO code -> a gazetteer name (fallback display name)
    # identity key of a city name several countries have -> {country: the entry there} ("طرابلس": LY, LB)
    alternatives: dict[str, dict[str, GazetteerEntry]]
    by_geonames: dict[str, GazetteerEntry]  # GeoNames id -> the first entry listed with it

    def entry(self, key: str, home: str | None) -> GazetteerEntry | None:
        """The gazetteer entry of a place name, the one in the document's ``home`` country when the name is
        shared ("طرابلس" in a Lebanese story is Tripoli, Lebanon); a name a country shares with another country's
        city is the country where the story names neither ("سبق له عمل في عمان": Oman, as in "الكويت",
        "الجزائر", "تونس"; a story about Jordan makes it Amman)."""
        alt = self.alternatives.get(key)
        if alt and home in alt:
            return alt[home]
        countries = [e for e in (alt or {}).values() if e.subtype == "country"]
        if len(countries) == 1:
            return countries[0]
        return self.by_key.get(key)


def _places() -> _Places:
    by_key: dict[str, GazetteerEntry] = {}
    country_name: dict[str, str] = {}
    for norm, entry in places().items():
        by_key.setdefault(identity_key(norm), entry)
        if entry.subtype == "country" and entry.country_code:
            country_name.setdefault(entry.country_code, entry.name_ar)
    by_geonames: dict[str, GazetteerEntry] = {}
    for entry in by_key.values():
        if entry.geonames_id:
            by_geonames.setdefault(str(entry.geonames_id), entry)
    return _Places(by_key, country_name, shared_place_names(), by_geonames)


@cache
def _misc_rows() -> tuple[tuple[str, ...], ...]:
    return tuple(read_rows("misc_subtypes_ar.tsv", ("form", "subtype", "same_as", "name_en")))


@cache
def _misc_english() -> dict[str, str]:
    """Identity key of a listed currency, deity, religion … -> its English name (``misc_subtypes_ar.tsv``)."""
    return {identity_key(form): name for form, _, _, name in _misc_rows() if name}


def _misc_subtypes() -> dict[str, str]:
    return {identity_key(form): sub for form, sub, _, _ in _misc_rows()}


@cache
def misc_same_as() -> dict[str, str]:
    """The identity key of every listed currency, deity, religion ... to the key of the entry it is one entity
    with: its ``same_as`` column ("لله" → "الله", "دولارات" → "دولار"), else its bare form when a form with
    ال has one listed ("الدولار" → "دولار", "اليورو" → "يورو")."""
    listed = {identity_key(form) for form, _, _, _ in _misc_rows()}
    out: dict[str, str] = {}
    for form, _, same, _ in _misc_rows():
        key = identity_key(form)
        target = identity_key(same) if same else key
        if not same and key.startswith("ال") and key[2:] in listed:
            target = key[2:]
        out[key] = target
    return out


# --- names -------------------------------------------------------------------------------------------------
def _family(parts: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the name without a trailing "آل X", that family part)."""
    if len(parts) >= 3 and parts[-2] == _FAMILY:
        return tuple(parts[:-2]), tuple(parts[-2:])
    return tuple(parts), ()


def _surname(parts: Sequence[str]) -> tuple[str, ...] | None:
    """The family name a full name ends with: "آل X", or a last word that is not a father's name after بن
    ("عبدالله الربيعة" → الربيعة; "محمد بن نايف" has none)."""
    core, fam = _family(parts)
    if fam:
        return fam
    if len(core) >= 2 and core[-2] != _NASAB:
        return (core[-1],)
    return None


_OULD = identity_key("ولد")
_MUHAMMAD = identity_key("محمد")


def _as_nasab(parts: Sequence[str]) -> tuple[str, ...]:
    return (parts[0], *(_NASAB if w == _OULD else w for w in parts[1:]))


def compatible(short: Sequence[str], long: Sequence[str]) -> bool:
    """True when the full name ``short`` can be the same person as the longer (or equal) full name ``long``:
    the same given name, and a nasab chain that starts the other's (or a given and family name whose family
    name ends the other, its nasab left out); without a nasab, the same first and last word with the short
    name's words in the long name in order. Two different family names never match."""
    if len(short) < 2 or len(long) < len(short) or short[0] != long[0]:
        return False
    if _OULD in short[1:] or _OULD in long[1:]:  # "إسماعيل ولد الشيخ" = "… بن الشيخ": a Mauritanian nasab
        short, long = _as_nasab(short), _as_nasab(long)
    if long[-1] in _DYNASTIES and short[-1] != long[-1] and len(long) > len(short):
        return compatible(short, long[:-1])  # "أحمد الفهد" is "أحمد الفهد الصباح": the dynasty left out
    s_core, s_fam = _family(short)
    l_core, l_fam = _family(long)
    if s_fam and l_fam and s_fam != l_fam:
        return False
    if not s_fam and not l_fam and len(s_core) == 2 and tuple(l_core[:2]) == tuple(s_core) and (
            s_core[0] in _foreign_given_names() and s_core[0] not in _arabic_given_names()):
        return True  # "كارلوس إدواردو" is "كارلوس إدواردو أوليفيرا": a Western compound name, its surname left out
    s_sur, l_sur = _surname(short), _surname(long)
    if s_sur and l_sur and s_sur != l_sur and not (
            len(s_sur) == len(l_sur) == 1 and _same_family_word(s_sur[0], l_sur[0])):
        return False  # "هاني آل إبراهيم" is not "هاني بن محمد أبوراس"
    if _NASAB in s_core or _NASAB in l_core:
        if len(s_core) == 1 and s_fam:  # "حسين آل فويز" is not "حسين بن طلال": a family the long name lacks
            return s_fam == l_fam
        if tuple(l_core[: len(s_core)]) == tuple(s_core):
            return True
        s_line, l_line = [w for w in s_core if w != _NASAB], [w for w in l_core if w != _NASAB]
        if _NASAB not in s_core and len(s_line) >= 3 and s_line == l_line:
            return True  # "محمد عثمان القرني" is "محمد بن عثمان القرني": the same three names, بن left out
        if _NASAB in s_core and len(s_line) >= 3 and s_line[:2] == l_line[:2]:
            # "مشعل بن عبدالله بن مساعد" is "مشعل بن عبدالله بن عبدالعزيز بن مساعد": the same person and
            # father, generations left out up to a famous ancestor
            it = iter(l_line[2:])
            return all(word in it for word in s_line[2:])
        # "خالد الفالح" is "خالد بن عبدالعزيز الفالح": the same given and family name, the nasab left out;
        # "صالح آل الشيخ" is "صالح بن عبدالعزيز بن محمد آل الشيخ"
        if len(s_core) == 1 and s_fam and s_fam == l_fam:
            return True
        return _NASAB not in s_core and len(s_core) == 2 and not s_fam and s_sur is not None and s_sur == l_sur
    if s_core[-1] != l_core[-1]:
        if not _same_family_word(s_core[-1], l_core[-1]):
            return False
        s_core = (*s_core[:-1], l_core[-1])
    if len(l_core) >= 3 and l_core[0] == _MUHAMMAD and l_core[1] not in s_core and not l_core[1].startswith("ال") and (
            l_core[1] not in _arabic_given_names()):
        return False  # "محمد شريف" is not "محمد نواز شريف": محمد before the (Pakistani) given name he is known by
    it = iter(l_core)
    return all(word in it for word in s_core)


def _same_family_word(a: str, b: str) -> bool:
    """True for one family name written with and without its article ("دوابشة", "الدوابشة"), neither a given
    name ("أحمد" and "الأحمد" are two names)."""
    bare_a, bare_b = a.removeprefix("ال"), b.removeprefix("ال")
    given = _arabic_given_names()
    return (a != b and bare_a == bare_b and len(bare_a) >= 4 and bare_a not in given
            and identity_key(bare_a) not in given)


def _family_word_bare(word: str) -> str:
    """A family name without its article when :func:`_same_family_word` would take the two for one
    ("العليوي" → "عليوي"); any other word as it is ("العلي": علي is a given name)."""
    bare = word.removeprefix("ال")
    return bare if bare != word and _same_family_word(word, bare) else word


def _is_anchor(parts: Sequence[str]) -> bool:
    return len(parts) >= 2 and parts[0] not in (_NASAB, _FAMILY)


def _fragment_kind(parts: Sequence[str], given: frozenset[str]) -> str | None:
    """'given' (bare given name), 'nasab' ("بن X"), 'family' ("آل X"), or None for a full or family name."""
    if len(parts) == 1:
        return "given" if parts[0] in given else None
    if parts[0] == _NASAB:
        return "nasab"
    if parts[0] == _FAMILY:
        return "family"
    return None


class _Pool:
    """(key, parts) names indexed for :func:`compatible`, which needs the same first word and, for a short
    name whose core has two words or more, the same second word (a nasab chain) or the same last core word:
    a lookup reads the buckets those words name instead of every name. Candidates come in pool order."""

    def __init__(self, names: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self.names = list(names)
        self.by_first: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        for pos, (_, parts) in enumerate(self.names):
            self.by_first[parts[0]].append(pos)
            core, _ = _family(parts)
            pairs = {(parts[0], core[-1]), (parts[0], core[-1].removeprefix("ال"))} | (
                {(parts[0], parts[1])} if len(parts) > 1 else set())  # ("الدوابشة" is also under "دوابشة")
            for pair in pairs:
                self.by_pair[pair].append(pos)

    def candidates(self, parts: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
        if len(parts) < 2:
            return []  # compatible() needs two words
        core, _ = _family(parts)
        if len(core) < 2:
            return [self.names[i] for i in self.by_first.get(parts[0], ())]
        found = set(self.by_pair.get((parts[0], parts[1]), ())) | set(self.by_pair.get((parts[0], core[-1]), ())) | set(
            self.by_pair.get((parts[0], core[-1].removeprefix("ال")), ()))
        return [self.names[i] for i in sorted(found)]


def _best_longer(key: str, parts: tuple[str, ...], pool: _Pool) -> str | None:
    """The longest name of ``pool`` compatible with ``parts`` when all compatible ones agree (form a chain)."""
    fits = [(k, p) for k, p in pool.candidates(parts) if k != key and compatible(parts, p)]
    if not fits:
        return None
    if len({k for k, _ in fits}) == 1:  # several forms of one name (a KB actor's aliases)
        return fits[0][0]
    fits.sort(key=lambda kp: (-len(kp[1]), kp[0]))
    longest = fits[0][1]
    if all(compatible(p, longest) for _, p in fits):
        return fits[0][0]
    return None


# --- resolution --------------------------------------------------------------------------------------------
@dataclass
class _M:
    doc_id: str
    type: EntityType
    key: str
    parts: tuple[str, ...]
    title: str | None
    title_country: str | None
    kb_id: str | None
    country_code: str | None
    day: date | None
    start: int | None = None  # character offset in its document, when the mentions carry it
    sentence: int | None = None  # its sentence_idx, when the mentions carry it


_GLUED_MIN_LETTERS = 7  # a one-word person key this long or longer may be two names written without their space


def _unglue_person_names(ms: list[_M]) -> None:
    """A person written as one word that is a two-word name of the corpus without its space — the family name's
    article glued to the given name ("بشارالأسد", "أحمدالفلاسي") — takes that name's key."""
    spaced: dict[str, str] = {}
    for m in ms:
        if m.type is EntityType.PER and len(m.parts) == 2 and m.parts[1].startswith("ال") and len(m.parts[1]) > 3:
            spaced.setdefault(m.parts[0] + m.parts[1], m.key)
    if not spaced:
        return
    for m in ms:
        if (m.type is EntityType.PER and len(m.parts) == 1 and len(m.key) >= _GLUED_MIN_LETTERS
                and (key := spaced.get(m.key)) is not None):
            m.key, m.parts = key, tuple(key.split())


def _publication_days(documents: pl.DataFrame | None) -> dict[str, date | None]:
    if documents is None or "published_at" not in documents.columns:
        return {}
    out: dict[str, date | None] = {}
    for doc_id, ts in documents.select("doc_id", "published_at").iter_rows():
        out[doc_id] = ts.date() if isinstance(ts, datetime) else None
    return out


def _kb_name_fits(parts: tuple[str, ...], actor: KbActor) -> bool:
    """True when the name written (one word or a full name) can be the KB actor's: its given name, its family
    name (not a father's name after بن, nor the X of "آل X"), or a compatible full name."""
    forms = [identity_key(f).split() for f in (actor.name_ar, *actor.aliases)]
    if len(parts) == 1:
        return any(f and (f[0] == parts[0] or (len(f) >= 2 and f[-1] == parts[0] and f[-2] not in (_NASAB, _FAMILY)))
                   for f in forms)
    return any(compatible(parts, f) or compatible(f, parts) for f in forms)


_PROVINCE = identity_key("منطقة")
_GOVERNORATE = identity_key("محافظة")
_CITY_HEADS = frozenset({_GOVERNORATE, *(identity_key(w) for w in ("مدينة", "بلدة", "قرية", "إقليم", "ولاية"))})
# ("إقليم ماردين" = "محافظة ماردين" = "ماردين", "ولاية كاليفورنيا" = "كاليفورنيا", as "محافظة تعز" = "تعز")
_PROVINCE_SHORT = frozenset(identity_key(w) for w in ("الشرقية", "الحدود", "الشمالية"))  # in lists of provinces
_PROVINCES_CUE = re.compile(r"(?:^|[\s،,(])[وب]?(?:مناطق|منطقتي|المناطق)\s")


def _in_province_list(text: str, start: int, gaz: _Places) -> bool:
    """True when the place at ``start`` is in a list of places after "مناطق" / "منطقتي" ("مناطق عسير
    وجازان ونجران", "مناطق الرياض، ومكة المكرمة، وجازان"): every word between is a place (a و allowed)."""
    before = text[max(0, start - 130) : start]
    cues = list(_PROVINCES_CUE.finditer(before))
    if not cues:
        return False
    words = [w for w in re.split(r"[\s،,]+", before[cues[-1].end() :]) if w and w != "و"]  # (its own و)
    keys = [identity_key(normalize_for_matching(w[1:] if w.startswith("و") and len(w) > 3 else w)) for w in words]
    for n, key in enumerate(keys):
        pair_before = n > 0 and f"{keys[n - 1]} {key}" in gaz.by_key  # "مكة المكرمة"
        pair_after = n + 1 < len(keys) and f"{key} {keys[n + 1]}" in gaz.by_key
        if key not in gaz.by_key and not pair_before and not pair_after and key not in _PROVINCE_SHORT:
            return False
    return True


_BRACKETED = re.compile(r"\(([^()\s]{2,20}(?: [^()\s]{2,20})?)\)")


def _in_bracketed_provinces(text: str, start: int, gaz: _Places) -> bool:
    """True when the place at ``start`` stands in brackets among two or more other bracketed provinces ("محمد
    الشهري من (نجران)، سلمان العنزي من (حائل)، … من (عسير)": referees by region): the province."""
    if start == 0 or text[start - 1] != "(":
        return False
    window_start = max(0, start - 300)
    found = 0
    for match in _BRACKETED.finditer(text, window_start, start + 300):
        if match.start(1) == start:
            continue
        key = identity_key(normalize_for_matching(match.group(1)))
        entry = gaz.by_key.get(key)
        province = gaz.by_key.get(_PROVINCE + " " + key)
        if (entry is not None and entry.subtype == "province") or (province is not None
                                                                    and province.subtype == "province"):
            found += 1
    return found >= 2


_BODY_CONTEXT = 2  # sentences before a bare body's own whose countries decide it when its own names none


MONARCHIES = frozenset({"SA", "JO", "MA", "BH", "KW", "QA", "OM", "AE", "GB", "ES", "NL", "BE", "SE", "NO", "DK",
                        "JP", "TH", "MY", "BN", "SZ", "LS", "TO", "BT", "KH", "LI", "MC", "AD", "LU"})
_ROYAL_BODIES = frozenset(identity_key(n) for n in ("الديوان الملكي", "البلاط الملكي", "الديوان الأميري"))


def _body_of_country(country: str, rivals: set[str], own: set[str] | None, before: set[str] | None,
                     in_document: Counter[str] | None, home: str | None, royal: bool = False) -> bool:
    """True when a bare body name ("مجلس الشورى", "وزارة العمل") can be the body of ``country`` (``rivals``:
    the countries of the other KB bodies of that name):
    1. its sentence names that country or a rival's: whether it names this one ("وقدرات مجلس الشورى" after
       Tehran is Iran's);
    2. else its sentence names other countries, or one of the two sentences before names countries: whether
       they or its document name this one ("طلبات الاستقدام من إندونيسيا" of the ministry of a Saudi story);
       when they are several and none has a body of that name, as in 3 ("من الدول (بنجلاديش، النيجر)");
    3. else (no country named so close) the corpus's own country's, named bare as domestic bodies are (a
       Saudi column on the Shura council that goes on about Iran later)."""
    if royal:  # a royal court belongs to a kingdom: the republics a story names have none ("صدر عن الديوان
        # الملكي البيان التالي: … يغادر ولي ولي العهد إلى جمهورية مصر العربية")
        own = {c for c in own or () if c in MONARCHIES} or None
        before = {c for c in before or () if c in MONARCHIES} or None
    if own and (country in own or own & rivals):
        return country in own
    near = own or before
    if near:
        if country in near or (in_document or Counter()).get(country, 0) > 0:
            return True
        if len(near) < 2 or near & rivals:
            return False
        # several countries none of which has a body of that name: what the body deals with ("طلبات الاستقدام
        # من الدول (بنجلاديش، النيجر)"), so the corpus's own country's
    return home is None or country == home


def _one_country(own: set[str] | None, before: set[str] | None, home: str | None) -> str | None:
    """The one country a bare body's sentence names, else the two sentences before, else its story's."""
    for named in (own, before):
        if named:
            return next(iter(named)) if len(named) == 1 else None
    return home


_REPUBLIC_BODIES = frozenset(identity_key(n) for n in ("رئاسة الجمهورية",))


@cache
def generic_body_keys() -> frozenset[str]:
    """Identity keys of the bodies every state has, each name and variant of ``generic_bodies_ar.txt``."""
    return frozenset(_generic_bodies())


@cache
def _generic_bodies() -> dict[str, str]:
    """Identity key of a body every state has (``generic_bodies_ar.txt``) -> the key of its canonical name."""
    out: dict[str, str] = {}
    for line in read_lines("generic_bodies_ar.txt"):
        name, _, canonical = line.partition("=")
        out[identity_key(name.strip())] = identity_key((canonical or name).strip())
    return out


_CLUB_HEADS = frozenset(identity_key(w) for w in ("نادي", "فريق"))


def _without_nisba(words: Sequence[str], nisba: dict[str, str]) -> tuple[list[str], str | None]:
    """A body's name without its one nationality adjective after the head ("وزارة الداخلية المصرية",
    "الاتحاد الجزائري لكرة القدم"), and that adjective's country; the words unchanged when none or two."""
    at = [k for k in range(1, len(words)) if words[k] in nisba]
    if len(words) < 2 or len(at) != 1:
        return list(words), None
    return [w for k, w in enumerate(words) if k != at[0]], nisba[words[at[0]]]


_ARTICLES = ("بال", "لل", "ال")


def _event_key(m: _M) -> str | None:
    """An event named by its head and two words or more, keyed by its head and its other words in any order
    without their article or ل ("مهرجان بريدة للتمور" = "مهرجان تمور بريدة"), or None."""
    if len(m.parts) < 3 or m.parts[0] not in NAMED_AFTER_MISC_HEADS:
        return None
    rest = sorted(next((w[len(a):] for a in _ARTICLES if w.startswith(a) and len(w) - len(a) >= 3), w)
                  for w in m.parts[1:])
    return "ev:" + " ".join([m.parts[0], *rest])


def _kb_body_described(m: _M, kb: KnowledgeBase, nisba: dict[str, str]) -> str | None:
    """The KB organisation a name is with descriptive adjectives after it ("حزب سيريزا اليساري الراديكالي",
    "حزب الله اللبناني"): the longest alias left once definite adjectives (…ي, …ية) are taken off its end,
    none of them a nationality adjective of another country than the body's ("وزارة الداخلية المصرية" is not
    the Saudi ministry)."""
    if m.type is not EntityType.ORG or len(m.parts) < 3:
        return None
    parts = list(m.parts)
    countries: set[str] = set()
    while len(parts) >= 3 and parts[-1].startswith("ال") and parts[-1].endswith(("ي", "يه")):
        if code := nisba.get(parts[-1]):
            countries.add(code)
        parts.pop()
        hit = kb.by_alias.get(" ".join(parts))
        if hit is not None and kb.actors[hit].type == EntityType.ORG.value:
            return hit if countries <= {kb.actors[hit].country} else None
    return None


def _club_by_head(m: _M, kb: KnowledgeBase) -> str | None:
    """The KB club a club's head and name are ("فريق تشيلسي", "فريق الشباب"): its name alone is the club's
    alias, or a bare form only one KB club has."""
    if m.type is not EntityType.ORG or len(m.parts) < 2 or m.parts[0] not in _CLUB_HEADS:
        return None
    rest = " ".join(m.parts[1:])
    clubs = [k for k in kb.named_by(rest) if kb.actors[k].subtype == "club"]
    return clubs[0] if len(clubs) == 1 else None  # (the head says which: "فريق الشباب" is not al-Shabaab)


_MOVEMENT_HEADS = frozenset(identity_key(w) for w in ("حركة", "حزب", "جماعة", "تنظيم", "جبهة", "تيار", "ميليشيا"))
_MOVEMENT_SUBTYPES = frozenset({"party", "armed_group"})


def _after_movement_head(text: str, start: int) -> bool:
    """True when the word before offset ``start``, past an opening quote, is a party's or an armed group's head
    noun, a proclitic allowed ("حركة «النهضة»", "لحزب النهضة")."""
    before = text[max(0, start - 16) : start].replace("«", " ").replace('"', " ").replace("“", " ").split()
    return bool(before) and any(k in _MOVEMENT_HEADS for _, k in first_word_keys(before[-1]))


def _after_locative_cue(text: str, start: int) -> bool:
    """True when the word before offset ``start`` is a locative cue ("في", "مدينة" …: ``LOCATIVE_CUES``)."""
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1] in LOCATIVE_CUES


_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")


def descriptors_before(text: str, start: int, n: int) -> frozenset[str]:
    """The identity keys of the definite nouns among the ``n`` words before offset ``start``, a proclitic
    allowed ("للطفل" → "الطفل"): what a story calls a person it names ("الطفل الفلسطيني علي دوابشة")."""
    words = _ARABIC_WORD.findall(text[max(0, start - 24 * n) : start])[-n:]
    return frozenset(k for w in words for _, k in first_word_keys(w) if k.startswith("ال") and len(k) > 4)


def _is_title_only(m: _M) -> bool:
    """True for a person named by a role title alone ("أمير دولة قطر")."""
    return bool(m.title) and identity_key(normalize_for_matching(m.title or "")) == m.key


def _by_title(m: _M, kb: KnowledgeBase, home: str | None) -> str | None:
    """The KB actor a titled person is: among the holders of the title on the day (else ever, for the late
    kings and former ministers a name still refers to), those whose name fits; the document's own country
    first when several countries have one ("الملك عبدالله" in a Saudi article)."""
    if not m.title:
        return None
    title_only = _is_title_only(m)
    for day in (m.day, None):
        if title_only and day is None:
            break  # a title alone names whoever held it on the day, and no one when the day is unknown
        roles = kb.by_title.get(identity_key(m.title), ())
        fits = {r.kb_id for r in roles
                if (day is None or r.holds(day)) and (m.title_country is None or r.country == m.title_country)
                and (title_only or _kb_name_fits(m.parts, kb.actors[r.kb_id]))}
        if home is not None and len(fits) > 1:
            local = {k for k in fits if kb.actors[k].country == home}
            fits = local or fits
        if len(fits) == 1:
            return next(iter(fits))
        if fits:
            return None
    return None


def _kb_person_anchors(kb: KnowledgeBase) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for actor in kb.actors.values():
        if actor.type == EntityType.PER.value:
            for form in (actor.name_ar, *actor.aliases):
                parts = tuple(identity_key(form).split())
                if _is_anchor(parts):
                    out.append(("kb:" + actor.kb_id, parts))
    return out


def _after_family_word(text: str, start: int) -> bool:
    """The word right before offset ``start`` is "آل" (a family: "قرية آل سرور")."""
    before = text[max(0, start - 8) : start].rstrip(' «"“(')
    return before.endswith("آل") and (len(before) == 2 or not before[-3].isalpha())


def _resolve_persons(ms: list[_M], idx: list[int], keys: list[str | None], lex: EntityLexicon,
                     fragments: set[int], home: dict[str, str] | None = None,
                     texts: dict[str, str] | None = None) -> None:
    """Entity keys for the person mentions ``idx`` not linked yet (see the module docstring, rule 3). Full
    names already linked to the knowledge base still settle the short forms of their document."""
    kb_anchors = _kb_person_anchors(lex.kb)
    kb_pool = _Pool(kb_anchors)
    kb_exact: dict[tuple[str, ...], str] = {}
    for k, p in kb_anchors:
        kb_exact.setdefault(p, k)
    corpus: dict[str, tuple[str, ...]] = {}
    pending = set(idx)
    doc_names: dict[str, dict[tuple[str, ...], str | None]] = defaultdict(dict)  # parts -> KB key, or None
    positions: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)  # (offset, full name)
    for i, m in enumerate(ms):
        if m.type is not EntityType.PER and not (keys[i] or "").startswith("kb:"):
            continue
        if not _is_anchor(m.parts):
            continue
        linked = keys[i]
        if linked is not None:
            if not (linked.startswith("kb:") and lex.kb.actors[linked[3:]].type == EntityType.PER.value):
                continue
            doc_names[m.doc_id][m.parts] = linked
        elif i in pending:
            doc_names[m.doc_id].setdefault(m.parts, None)
            corpus[m.key] = m.parts
        else:
            continue
        if m.start is not None:
            positions[m.doc_id].append((m.start, m.parts))
    corpus_pool = list(corpus.items())
    corpus_index = _Pool(corpus_pool)
    by_skeleton: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k, p in kb_anchors:
        by_skeleton[tuple(_skeleton(w) for w in p)].add(k)
    arabic_given = _arabic_given_names()

    def kb_spelling(parts: tuple[str, ...]) -> str | None:
        """The one KB person a foreign name spelt with other long vowels is ("هيلري كلنتون" = "هيلاري
        كلينتون"), a conjunction و allowed before it; never when the words that differ are two given names
        (محمد ≠ محمود)."""
        if len(parts) < 2 or any(len(w) < 3 for w in parts):
            return None
        for written in (parts, (parts[0][1:], *parts[1:]) if parts[0][:1] in ("و", "ف") else None):
            if written is None:
                continue
            hits = by_skeleton.get(tuple(_skeleton(w) for w in written), set())
            if len(hits) != 1:
                continue
            hit = next(iter(hits))
            actor = lex.kb.actors[hit[3:]]
            forms = [tuple(identity_key(f).split()) for f in (actor.name_ar, *actor.aliases)]
            same = [f for f in forms if len(f) == len(written) and all(_skeleton(a) == _skeleton(b)
                                                                        for a, b in zip(f, written, strict=True))]
            if same and not any(a != b and a in arabic_given and b in arabic_given
                                for a, b in zip(same[0], written, strict=True)):
                return hit
        return None
    # one foreign person spelt with other long vowels in different articles ("أليكسيس تسيبراس", "ألكسيس
    # تسيبراس"), or one family name written with and without its article ("يونس العليوي", "يونس عليوي"): the
    # most frequent spelling; never when the words that differ are Arabic given names, two definite family
    # names ("الشمري" ≠ "الشميري") or a definite and a bare one that are not the same word ("الشميري" ≠ "شمري")
    frequency = Counter(ms[i].key for i in idx)
    by_corpus_skeleton: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k, p in corpus_pool:
        by_corpus_skeleton[(*(_skeleton(w) for w in p[:-1]), _skeleton(_family_word_bare(p[-1])))].append(k)
    spelling: dict[str, str] = {}
    for group in by_corpus_skeleton.values():
        if len(group) < 2:
            continue
        heads: list[str] = []  # the spellings others join, most frequent first
        for k in sorted(group, key=lambda k: (-frequency[k], k)):
            last = len(corpus[k]) - 1
            head = next((h for h in heads if all(
                a == b or (n == last and _same_family_word(a, b)) or (
                    a not in arabic_given and b not in arabic_given and len(a) >= 3
                    and not (n == last and (a.startswith("ال") or b.startswith("ال"))))
                for n, (a, b) in enumerate(zip(corpus[k], corpus[h], strict=True)))), None)
            if head is None:
                heads.append(k)
            else:
                spelling[k] = head
    # a KB person's short form (given + family name, "بندر حجار") and the long names written with the whole
    # nasab ("بندر بن محمد بن حمزة أسعد حجار"): the short form's first and last words, one KB person only
    by_ends: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for k, p in kb_anchors:
        core, fam = _family(p)
        if (len(core) == 1 and fam) or (len(p) == 2 and _NASAB not in p):
            by_ends[(p[0], fam or p[-1:])].add(k)

    def kb_extension(parts: tuple[str, ...]) -> str | None:
        core, fam = _family(parts)
        if len(core) < 3 or _NASAB not in core:
            return None
        hits = by_ends.get((parts[0], fam or parts[-1:]), set())
        if len(hits) != 1:
            return None
        hit = next(iter(hits))
        rivals = [k for k, p in kb_anchors if k != hit and (compatible(p, parts) or compatible(parts, p))]
        forms = [p for k, p in kb_anchors if k == hit and _NASAB in p]
        if rivals or not all(compatible(f, parts) or compatible(parts, f) for f in forms):
            return None  # another KB person it could be, or a nasab of its own the name contradicts
        return hit

    memo: dict[tuple[str | None, str], str] = {}
    # what does not depend on the document, computed once per name (a name's words follow from its key)
    local_pools: dict[str | None, _Pool] = {}  # doc_names is complete by now
    corpus_longer: dict[str, str | None] = {}
    kb_target: dict[tuple[str, ...], str | None] = {}
    respelling: set[str] = set()  # the heads of spellings being followed

    def anchor_target(doc_id: str | None, key: str, parts: tuple[str, ...]) -> str:
        """Follow compatible longer names (document first, then corpus, then the KB) to the final key."""
        if (doc_id, key) in memo:
            return memo[(doc_id, key)]
        seen = {key}
        current, cparts = key, parts
        local_pool = local_pools.get(doc_id)
        if local_pool is None:
            local_pool = local_pools[doc_id] = _Pool(
                (" ".join(p), p) for p, kb in doc_names[doc_id].items() if kb is None) if doc_id else _Pool(())
        while True:
            nxt = _best_longer(current, cparts, local_pool)
            if nxt is None:
                if current not in corpus_longer:
                    corpus_longer[current] = _best_longer(current, cparts, corpus_index)
                nxt = corpus_longer[current]
            if nxt is None or nxt in seen:
                break
            seen.add(nxt)
            current, cparts = nxt, corpus[nxt]
        if cparts not in kb_target:
            kb_target[cparts] = (_best_longer("", cparts, kb_pool) or kb_exact.get(cparts) or kb_spelling(cparts)
                                 or kb_extension(cparts))
        head = spelling.get(current)
        if kb_target[cparts] is None and head is not None and head != current and head not in respelling:
            # "سولاي مونتاري" is spelt like "سولي مونتاري": it goes wherever that spelling goes ("سولي علي
            # مونتاري"), not just to it (``respelling`` guards against a chain leading back)
            respelling.add(head)
            try:
                result = anchor_target(None, head, corpus[head])
            finally:
                respelling.discard(head)
            memo[(doc_id, key)] = result
            return result
        memo[(doc_id, key)] = result = kb_target[cparts] or "p:" + spelling.get(current, current)
        return result

    def doc_targets(doc_id: str, how: str, parts: tuple[str, ...]) -> set[str]:
        """The persons of the document whose full name ends with (``last``, or ``family`` for "آل X"), starts
        with (``first``), carries as its nasab (``nasab``) or further up its chain (``lineage``) the short form
        ``parts``."""
        out = set()
        for p, kb in doc_names[doc_id].items():
            if (how == "last" and p[-1] == parts[0] and p[-2] not in (_NASAB, _FAMILY)) or (
                    how == "first" and p[0] == parts[0]) or (
                    how == "nasab" and tuple(p[1 : 1 + len(parts)]) == parts) or (
                    how == "family" and len(p) > len(parts) and tuple(p[-len(parts):]) == parts) or (
                    how == "lineage" and any(tuple(p[k : k + len(parts)]) == parts for k in range(3, len(p)))):
                out.add(kb or anchor_target(doc_id, " ".join(p), p))
        return out

    # family name -> the persons (final keys) whose full name ends with it, across the corpus and the KB
    by_last: dict[str, set[str]] = defaultdict(set)
    for k, p in corpus_pool:
        by_last[p[-1]].add(anchor_target(None, k, p))
    leaders_by_last: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for kbk, p in kb_anchors:
        if len(p) >= 2 and p[-2] not in (_NASAB, _FAMILY):
            by_last[p[-1]].add(kbk)
            actor = lex.kb.actors[kbk[3:]]
            if actor.subtype in _LEADERS:
                leaders_by_last[(p[-1], actor.country)].add(kbk)

    for i in idx:
        m = ms[i]
        if _is_anchor(m.parts):
            keys[i] = anchor_target(m.doc_id, m.key, m.parts)
            continue
        kind = _fragment_kind(m.parts, lex.given_names)
        word = m.parts[0]
        local: set[str] = set()
        if len(m.parts) == 1:  # a family name, or a given name, alone
            local = doc_targets(m.doc_id, "last", m.parts)
            if not local and (kind == "given" or (not word.startswith("ال") and word not in by_last and not (
                    m.start is not None and _after_family_word((texts or {}).get(m.doc_id, ""), m.start)))):
                # (a given name no list has, "جديع" after "جديع بن نهار القحطاني": no family name of the
                # corpus, not definite, not after "آل" ("قرية آل سرور"), and the first word of a name of its
                # document)
                local = doc_targets(m.doc_id, "first", m.parts)
        elif kind == "family":  # "آل الشيخ" after "عبد العزيز بن عبد الله آل الشيخ": the one of that family
            local = doc_targets(m.doc_id, "family", m.parts)
        elif kind == "nasab":
            # "بن نايف" is the son of Nayef; "ابن مساعد" may also name a grandfather's line ("عبدالله بن
            # عبدالعزيز بن مساعد") when no name of the document has it as the father
            local = doc_targets(m.doc_id, "nasab", m.parts) or doc_targets(m.doc_id, "lineage", m.parts)
        if len(local) > 1 and len(m.parts) == 1 and m.start is not None:
            # two persons of the document share the family name ("أحمد الشرع", "ماهر الشرع"): the one the
            # story called by the noun before it ("الطفل دوابشة" after "الطفل الفلسطيني علي دوابشة" and "والده
            # سعد دوابشة"), else the one named last before it
            text = (texts or {}).get(m.doc_id, "")
            called = descriptors_before(text, m.start, 1) if text else frozenset()
            namesakes = {p for s, p in positions[m.doc_id] if p[-1] == word and p[-2] not in (_NASAB, _FAMILY)
                         and called & descriptors_before(text, s, 3)} if called else set()
            before = [(s, p) for s, p in positions[m.doc_id]
                      if s < m.start and p[-1] == word and p[-2] not in (_NASAB, _FAMILY)]
            if len(namesakes) == 1:
                p = next(iter(namesakes))
                local = {doc_names[m.doc_id].get(p) or anchor_target(m.doc_id, " ".join(p), p)}
            elif before:
                _, p = max(before)
                local = {doc_names[m.doc_id].get(p) or anchor_target(m.doc_id, " ".join(p), p)}
        if len(local) == 1:
            keys[i] = next(iter(local))
            continue
        if not local and kind is None and len(m.parts) == 1 and len(by_last.get(word, ())) == 1:
            keys[i] = next(iter(by_last[word]))  # the one person of the corpus with that family name
            continue
        leaders = leaders_by_last.get((word, (home or {}).get(m.doc_id)), set()) if len(m.parts) == 1 else set()
        if not local and len(leaders) == 1:
            keys[i] = next(iter(leaders))  # "صالح" in a story about Yemen: its one leader of that family name
            continue
        if local or kind is not None or (len(m.parts) == 1 and len(by_last.get(word, ())) > 1):
            keys[i] = f"f:{m.doc_id}:{m.key}"  # a fragment stays in its document: nothing settles it
            fragments.add(i)
        else:
            keys[i] = "p:" + m.key


# "تنظيم القاعدة" → "القاعدة", "حركة طالبان" → "طالبان": the generic head of a name is often left out
_GENERIC_ORG_HEADS = frozenset(identity_key(w) for w in (
    "تنظيم", "حركة", "جماعة", "حزب", "جبهة", "منظمة", "شركة", "مجموعة", "ميليشيا", "ميليشيات", "مليشيا", "قوات",
    "نادي", "فريق"))


def _head_with_adjective(parts: tuple[str, ...]) -> bool:
    """True for a definite head noun and an adjective ("القناة الجديدة"), the short form of a longer name with
    that head and closing adjective its story names ("قناة السويس الجديدة")."""
    return (len(parts) == 2 and parts[0].startswith("ال") and parts[1].startswith("ال")
            and parts[0][2:] in HEAD_NOUNS)


def _named_body(m: _M, group_type: dict[str, EntityType]) -> bool:
    """An organisation, a facility named by a head noun ("مسجد الأمير نايف", "مطار الملك خالد"), or an event
    named by one ("مهرجان بريدة للتمور")."""
    typ = group_type.get(m.key)
    return typ is EntityType.ORG or (len(m.parts) >= 2 and (
        (typ is EntityType.LOC and m.parts[0] in NAMED_AFTER_LOC_HEADS)
        or (typ is EntityType.MISC and m.parts[0] in NAMED_AFTER_MISC_HEADS)))


def _resolve_organisations(ms: list[_M], keys: list[str | None], group_type: dict[str, EntityType],
                           kb: KnowledgeBase, fragments: set[int], org_heads: frozenset[str],
                           home: dict[str, str] | None = None, nisba: dict[str, str] | None = None) -> None:
    """An organisation's short form links to the one longer organisation name of its document that it
    abbreviates: its head word alone ("التحالف" ← "التحالف العربي"), its name without a generic head
    ("القاعدة" ← "تنظيم القاعدة"), a shorter form ("مركز الملك سلمان" ← "مركز الملك سلمان للإغاثة …", same
    first and last word or a prefix). Two candidates leave it a fragment of its document; across documents
    a multi-word short form links only when the whole corpus has one candidate, or one whose nationality
    adjective names the story's country ("وزارة الصحة" in a Saudi story ← "وزارة الصحة السعودية")."""
    names: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)  # doc -> parts -> entity key
    corpus: dict[tuple[str, ...], set[str]] = defaultdict(set)
    headed: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)  # doc -> named after a head noun
    for i, m in enumerate(ms):
        k = keys[i]
        if k is None or len(m.parts) < 2:
            continue
        is_org = (k.startswith("kb:") and kb.actors[k[3:]].type == EntityType.ORG.value) or (
            k.startswith(("n:", "ev:")) and _named_body(m, group_type))
        if is_org:
            names[m.doc_id][m.parts] = k
            corpus[m.parts].add(k)
        if len(m.parts) >= 3 and m.type is not EntityType.PER and m.parts[0] in HEAD_NOUNS:
            headed[m.doc_id][m.parts] = k  # ("قناة السويس الجديدة": what "القناة الجديدة" shortens)

    corpus_by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    by_headless: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)  # name without its generic head
    for parts in corpus:
        corpus_by_first[parts[0]].append(parts)
        if len(parts) >= 3 and parts[0] in _GENERIC_ORG_HEADS:
            by_headless[parts[1:]].append(parts)  # "منظمة هيومن رايتس ووتش" under "هيومن رايتس ووتش"

    def abbreviates(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
        if len(long) <= len(short):
            return False
        if _head_with_adjective(short) and long[0] == short[0][2:] and long[-1] == short[-1]:
            return True  # "القناة الجديدة" ← "قناة السويس الجديدة"
        if long[0] in _GENERIC_ORG_HEADS and tuple(long[1:]) == short:
            return True  # "فريق الكويت الكويتي" ← "الكويت الكويتي"
        if len(short) == 1:
            # the head word alone ("التحالف" ← "التحالف العربي"): an Arabic definite noun, not a foreign
            # name that starts a company's ("بوليوود" is not "بوليوود توريزم")
            # or the definite head alone ("الجامعة" ← "جامعة الدمام")
            return (long[0] == short[0] and short[0].startswith("ال")) or (
                long[-1] == short[0] and long[0] in _GENERIC_ORG_HEADS and len(long) == 2) or (
                short[0].startswith("ال") and long[0] == short[0][2:] and (
                    long[0] in HEAD_NOUNS or short[0] in BARE_HEADS))  # ("الوزارة" ← "وزارة الحج")
        return tuple(long[: len(short)]) == short or compatible(short, long)

    corpus_fits: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for i, m in enumerate(ms):
        k = keys[i]
        if k is None or not k.startswith("n:") or not (_named_body(m, group_type) or _head_with_adjective(m.parts)):
            continue
        if not _named_body(m, group_type):  # a definite head and its adjective names only what its story names
            local = {target for parts, target in headed[m.doc_id].items() if abbreviates(m.parts, parts)}
            if len(local) == 1:
                keys[i] = next(iter(local))
            continue
        local = {target for parts, target in names[m.doc_id].items() if abbreviates(m.parts, parts)}
        generic = len(m.parts) == 1 and (m.key in org_heads or m.key.removeprefix("ال") in org_heads)
        if len(local) == 1:
            keys[i] = next(iter(local))
        elif local or generic:  # two candidates, or a bare head noun ("التحالف") its document does not settle
            keys[i] = f"f:{m.doc_id}:{m.key}"
            fragments.add(i)
        elif len(m.parts) >= 2 and group_type.get(m.key) is not EntityType.MISC:
            # a multi-word short form shares the first word of what it abbreviates (an event only in its
            # document: "كأس العالم" is not "كأس العالم للأندية")
            fits = corpus_fits.get(m.parts)
            if fits is None:  # (the same for every mention of the name)
                fits = corpus_fits[m.parts] = [
                    *(parts for parts in corpus_by_first.get(m.parts[0], ()) if abbreviates(m.parts, parts)),
                    *by_headless.get(m.parts, [])]  # the same name with its generic head ("منظمة", "حركة")
            found = {t for parts in fits for t in corpus[parts]}
            country = (home or {}).get(m.doc_id)
            if len(found) > 1 and country and nisba:
                found = {t for parts in fits if len(parts) > len(m.parts) and nisba.get(parts[-1]) == country
                         for t in corpus[parts]}
            if len(found) == 1 and not (m.parts[0] == _PARTY and country and (target := next(iter(found))).startswith(
                    "kb:") and kb.actors[target[3:]].country not in (None, "", country)):
                keys[i] = next(iter(found))  # (a party's short form never crosses to another country's party:
                # "حزب العمال" in a British story is not "حزب العمال الكردستاني")
    _merge_org_spellings(ms, keys, group_type, kb)


def _foreign_word(word: str) -> bool:
    """A word no Arabic reader would spell another way: not definite (after و، ف، ب، ل، ك either), no given
    name, no dictionary word."""
    if len(word) < 3 or word.startswith(("ال", "لل")) or (word[0] in "وفبلك" and word[1:3] in ("ال", "لل")):
        return False
    return all(w not in _arabic_given_names() and not is_common_word(w)
               and not (w.endswith("ه") and is_common_word(w[:-1] + "ة"))
               for w in (word, word[1:] if word[0] in "وف" and len(word) > 3 else word))


_PLACE_KEYS = ("cc:", "gn:", "rg:", "pl:")  # the entity keys of places the gazetteer knows
PLACE_SKELETON_MIN = 4  # letters of a skeleton that may join two spellings of a place
PLACE_SPELLING_SLACK = 2  # letters two spellings of one place may differ by in length


def _merge_place_spellings(ms: list[_M], keys: list[str | None], places_at: set[int]) -> None:
    """A place the gazetteer does not know, spelt as one it knows with other long vowels or G as غ/ج
    ("سالزبورج" = "سالزبورغ", "تايلند" = "تايلاند", "بروكسيل" = "بروكسل"), is that place: only when every word
    is foreign (no article, no dictionary word, no given name), the skeleton has ``PLACE_SKELETON_MIN``
    letters or more, the lengths differ by at most ``PLACE_SPELLING_SLACK`` letters ("فاراناسي" is no
    "فرنسا") and exactly one known place has that skeleton."""

    def shape(key: str) -> tuple[str, ...] | None:
        words = key.split()
        if not words or not all(_foreign_word(w) for w in words):
            return None
        skeleton = tuple(_skeleton(w) for w in words)
        return skeleton if sum(map(len, skeleton)) >= PLACE_SKELETON_MIN else None

    known: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)  # skeleton -> entity key -> spelling
    for i in sorted(places_at):
        k = keys[i]
        if k is not None and k.startswith(_PLACE_KEYS) and (sk := shape(ms[i].key)) is not None:
            known[sk].setdefault(k, ms[i].key)
    if not known:
        return
    for i in places_at:
        if keys[i] != "n:" + ms[i].key or (sk := shape(ms[i].key)) is None or len(known.get(sk, ())) != 1:
            continue
        (target, spelling), = known[sk].items()
        if abs(len(spelling) - len(ms[i].key)) <= PLACE_SPELLING_SLACK:
            keys[i] = target


def _merge_org_spellings(ms: list[_M], keys: list[str | None], group_type: dict[str, EntityType],
                         kb: KnowledgeBase) -> None:
    """One foreign organisation spelt with other long vowels in different articles ("منظمة هيومان رايتس ووتش",
    "هيومن رايتس ووتش"; a generic head aside) is one entity: the knowledge base's actor when one of the
    spellings is linked to it, else the most written spelling. Never when a word that differs is an Arabic
    word — definite, a dictionary word, a given name ("حزب العمل" ≠ "حزب العمال", "حماس" ≠ "حمس", "سعود" ≠
    "سعد") — nor across two knowledge-base actors."""
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    words_of: dict[str, tuple[str, ...]] = {}
    skeletons: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}  # parts -> (core, skeleton)
    for i, m in enumerate(ms):
        k = keys[i]
        if k is None or len(m.parts) < 2 or not (
                (k.startswith("kb:") and kb.actors[k[3:]].type == EntityType.ORG.value)
                or (k == "n:" + m.key and _named_body(m, group_type))):
            continue
        if m.parts not in skeletons:
            core = m.parts[1:] if len(m.parts) >= 3 and m.parts[0] in _GENERIC_ORG_HEADS else m.parts
            skeletons[m.parts] = (core, tuple(_skeleton(w) for w in core))
        core, skeleton = skeletons[m.parts]
        counts[skeleton][k] += 1
        words_of.setdefault(k, core)
    target: dict[str, str] = {}
    for group in counts.values():
        if len(group) < 2:
            continue
        linked = [k for k in group if k.startswith("kb:")]
        if len(linked) > 1:
            continue
        best = linked[0] if linked else min(group, key=lambda k: (-group[k], k))
        for k in group:
            if k != best and not k.startswith("kb:") and len(words_of[k]) == len(words_of[best]) and all(
                    a == b or (_foreign_word(a) and _foreign_word(b))
                    for a, b in zip(words_of[k], words_of[best], strict=True)):
                target[k] = best
    if target:
        for i, k in enumerate(keys):
            if k in target:
                keys[i] = target[k]


ROLE_REACH = 40  # characters between a role and the name it stands before (words of address and rank: "صاحب السمو"…)


def named_mentions(mentions: pl.DataFrame) -> pl.DataFrame:
    """``entity_mentions`` without the role titles standing right before their name (``name_mention_id`` set and
    the name within :data:`ROLE_REACH` characters after): each naming once, as events and nationality references
    read them. A role alone elsewhere in its document ("وأكد وزير الخارجية أن") stays: it is the person's only
    naming there."""
    if "name_mention_id" not in mentions.columns:
        return mentions
    names = mentions.select(pl.col("mention_id").alias("name_mention_id"), pl.col("start").alias("_name_start"))
    joined = mentions.join(names, on="name_mention_id", how="left")
    apposed = pl.col("name_mention_id").is_not_null() & (pl.col("_name_start") >= pl.col("end")) & (
        pl.col("_name_start") - pl.col("end") <= ROLE_REACH)
    return joined.filter(~apposed.fill_null(False)).drop("_name_start")


def resolve_mentions(
    mentions: pl.DataFrame, documents: pl.DataFrame | None = None, lex: EntityLexicon | None = None
) -> pl.DataFrame:
    """Add ``subtype`` and ``entity_id`` to every mention, set ``kb_id`` to its final knowledge-base actor and
    ``type`` to its entity's type. ``documents`` (doc_id, published_at) dates the titles. A role mention
    (``name_mention_id`` set: "وزير الخارجية" of "وزير الخارجية السعودي، عادل الجبير", or the same role alone
    later in the story) takes the entity, type, subtype and actor of that name's mention and plays no part in
    resolving the others; it is dropped when that name's entity is no person."""
    if "name_mention_id" not in mentions.columns or mentions["name_mention_id"].null_count() == mentions.height:
        return _resolve_names(mentions, documents, lex)
    indexed = mentions.with_row_index("_row")
    is_role = pl.col("name_mention_id").is_not_null()
    names = _resolve_names(indexed.filter(~is_role), documents, lex)
    taken = ["type", "subtype", "entity_id", "kb_id"]
    roles = indexed.filter(is_role).drop("type", "kb_id").join(
        names.select(pl.col("mention_id").alias("name_mention_id"), *taken), on="name_mention_id", how="inner"
    ).filter(pl.col("type") == EntityType.PER.value)  # (a name the corpus settles as a body has no role of a person)
    return pl.concat([names, roles.select(names.columns)]).sort("_row").drop("_row")


def _resolve_names(
    mentions: pl.DataFrame, documents: pl.DataFrame | None = None, lex: EntityLexicon | None = None
) -> pl.DataFrame:
    """:func:`resolve_mentions` over mentions that are no role of a name."""
    lex = lex or entity_lexicon()
    kb = lex.kb
    gaz = _places()
    misc = _misc_subtypes()
    same_as = misc_same_as()
    days = _publication_days(documents)
    ms: list[_M] = []
    offsets = mentions["start"].to_list() if "start" in mentions.columns else [None] * mentions.height
    sentence_ids = (mentions["sentence_idx"].to_list() if "sentence_idx" in mentions.columns
                    else [None] * mentions.height)
    key_of: dict[str, tuple[str, tuple[str, ...]]] = {}  # normalized form -> (identity key, its words)
    types = {t.value: t for t in EntityType}
    for (doc_id, normalized, typ, title, title_country, kb_id, country_code), start, sentence in zip(
            mentions.select("doc_id", "normalized", "type", "title", "title_country", "kb_id",
                            "country_code").iter_rows(), offsets, sentence_ids, strict=True):
        known = key_of.get(normalized)
        if known is None:
            key = _facility_key(_dual_head_to_singular(identity_key(normalized)))
            known = key_of[normalized] = (key, tuple(key.split()))
        ms.append(_M(doc_id, types[typ], known[0], known[1], title, title_country, kb_id, country_code,
                     days.get(doc_id), start, sentence))
    _unglue_person_names(ms)
    keys: list[str | None] = [None] * len(ms)
    fragments: set[int] = set()

    # the document's own country: the country its place mentions name most (a name several countries have,
    # "طرابلس", does not vote), else its outlet's
    home_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        entry = gaz.by_key.get(m.key) if m.key not in gaz.alternatives else None
        code = m.country_code or (entry.country_code if entry is not None and m.type is EntityType.LOC else None)
        if code:
            home_votes[m.doc_id][code] += 1
    home = {doc: c.most_common(1)[0][0] for doc, c in home_votes.items()}
    corpus_home = Counter(home.values()).most_common(1)[0][0] if home else None
    if documents is not None and "url" in documents.columns:  # else the country of the article's address
        for doc_id, url in documents.select("doc_id", "url").iter_rows():
            code = url_country(url)
            if code and doc_id not in home:
                home[doc_id] = code
    nisba_codes = {identity_key(form): code for form, code in lex.nisba.items() if code}
    # 1. knowledge base: the dictionary's match, an alias, a title held on the day ...
    for i, m in enumerate(ms):
        if m.type is EntityType.MISC and (number := resolution_number(m.key)) is not None:
            keys[i] = RESOLUTION_PREFIX + number  # "قرار مجلس الأمن رقم 2216" = "القرار 2216"
            continue
        kb_id = m.kb_id or kb.by_alias.get(m.key) or _club_by_head(m, kb) or _kb_body_described(m, kb, nisba_codes)
        if kb_id is None and m.type is EntityType.PER:
            kb_id = _by_title(m, kb, home.get(m.doc_id))
        if kb_id is not None and kb_id in kb.actors:
            keys[i] = "kb:" + kb_id
        elif m.type is EntityType.PER and _is_title_only(m):
            keys[i] = f"f:{m.doc_id}:{m.key}"  # a title whose holder on the day is unknown stays in its document
            fragments.add(i)
    # ... or a bare contextual form ("الشرق الأوسط", "القاعدة", "الأهلي") the backend gave a key actor's
    # type to: the one its document names otherwise, else one of a kind the document names (a club among
    # clubs), else the one of the document's country, else the only one
    texts = dict(documents.select("doc_id", "text").iter_rows()) if (
        documents is not None and "text" in documents.columns) else {}
    kinds_of: dict[str, frozenset[str]] = {}

    def story_kind(doc_id: str) -> frozenset[str]:
        if doc_id not in kinds_of:
            kinds_of[doc_id] = story_subtypes(texts.get(doc_id, ""))
        return kinds_of[doc_id]

    # the countries each sentence names (its places), for bodies every country has ("وزارة العمل")
    # (and the countries its titles name: "الرئيس الإيراني حسن روحاني")
    sentence_countries: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for m in ms:
        if m.sentence is None:
            continue
        if m.type is EntityType.LOC:
            entry = gaz.by_key.get(m.key) if m.key not in gaz.alternatives else None
            code = m.country_code or (entry.country_code if entry is not None else None)
            if code:
                sentence_countries[(m.doc_id, m.sentence)].add(code)
        if m.title_country and m.title:
            sentence_countries[(m.doc_id, m.sentence)].add(m.title_country)

    def countries_before(doc_id: str, sentence: int | None) -> set[str] | None:
        if sentence is None:
            return None
        for back in range(1, _BODY_CONTEXT + 1):
            if found := sentence_countries.get((doc_id, sentence - back)):
                return found
        return None
    in_doc: dict[str, set[str]] = defaultdict(set)
    for i, m in enumerate(ms):
        linked = keys[i]
        if linked is not None and linked.startswith("kb:"):  # (not a title's fragment, "f:…")
            in_doc[m.doc_id].add(linked[3:])
    # where each document names a person in full without a KB link ("عبد الله الدخيل"): a bare "الدخيل"
    # after it (or in the headline just before it) is that person, not the KB's minister of that family name
    doc_families: dict[tuple[str, str], int] = {}
    for i, m in enumerate(ms):
        if keys[i] is None and m.type is EntityType.PER and _is_anchor(m.parts) and m.parts[-2] not in (
                _NASAB, _FAMILY):
            at = (m.doc_id, m.parts[-1])
            doc_families[at] = min(doc_families.get(at, m.start or 0), m.start or 0)
    doc_org_heads = {(m.doc_id, m.parts[0]) for i, m in enumerate(ms)
                     if keys[i] is None and m.type is EntityType.ORG and len(m.parts) >= 2}
    # government bodies every country has, by their forms without a country: "الداخليه" → "وزاره الداخليه"
    nisba_keys = {identity_key(form): code for form, code in lex.nisba.items() if code}
    bodies: dict[str, str] = {}
    for actor in kb.actors.values():
        if actor.subtype != "government_body" or not actor.country:
            continue
        base_name = " ".join(_without_nisba(identity_key(normalize_for_matching(actor.name_ar)).split(),
                                            nisba_keys)[0])
        for form in (actor.name_ar, *actor.aliases, *actor.ambiguous):
            words, _ = _without_nisba(identity_key(normalize_for_matching(form)).split(), nisba_keys)
            bodies.setdefault(" ".join(words), base_name)
    # the countries each document names a body for by its adjective ("وزارة الداخلية الكويتية"): its bare form
    # later in that story ("تمكن وزارة الداخلية من") is that country's body
    country_bodies: dict[str, tuple[str, str] | None] = {}

    def country_body(name: str) -> tuple[str, str] | None:
        """(country, body) of a body's name with one country's adjective ("الداخلية المصرية"), or None."""
        if name not in country_bodies:
            rest, code = _without_nisba(name.split(), nisba_keys)
            body = bodies.get(" ".join(rest)) if code is not None else None
            country_bodies[name] = (code, body) if code is not None and body is not None else None
        return country_bodies[name]

    generic_bodies: dict[str, tuple[str | None, str] | None] = {}

    def generic_body(name: str) -> tuple[str | None, str] | None:
        """(country or None, canonical key) of a body every state has, named bare or with one country's
        adjective ("هيئة الأركان العامة للقوات المسلحة اليمنية": Yemen's general staff); None for other names."""
        if name not in generic_bodies:
            canonical = _generic_bodies().get(name)
            if canonical is not None:
                generic_bodies[name] = (None, canonical)
            else:
                rest, code = _without_nisba(name.split(), nisba_keys)
                canonical = _generic_bodies().get(" ".join(rest)) if code is not None else None
                generic_bodies[name] = (code, canonical) if canonical is not None else None
        return generic_bodies[name]

    named_bodies: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in ms:
        if (with_country := country_body(m.key)) is not None:
            named_bodies[(m.doc_id, with_country[1])].add(with_country[0])

    def story_body(m: _M) -> tuple[str | None, set[str]]:
        """(the body a bare form names, the countries its document names that body for by their adjectives)."""
        body = bodies.get(m.key)
        return body, (named_bodies.get((m.doc_id, body), set()) if body is not None else set())
    for i, m in enumerate(ms):
        if keys[i] is not None or m.key not in kb.by_ambiguous:
            continue
        if (m.type is EntityType.ORG and len(m.parts) == 1 and (m.doc_id, m.parts[0]) in doc_org_heads
                and not any(k in in_doc[m.doc_id] for k in kb.by_ambiguous[m.key])):
            continue  # "الاتحاد" after "الاتحاد الجزائري لكرة القدم": that body's short form, not the KB club
        first_named = doc_families.get((m.doc_id, m.parts[0])) if len(m.parts) == 1 else None
        if m.type is EntityType.PER and first_named is not None and (
                m.start is None or first_named < m.start + _HEADLINE_REACH):
            continue
        named = [kb.actors[k] for k in kb.by_ambiguous[m.key] if k in in_doc[m.doc_id]
                 and m.type is not EntityType.LOC and (kb.actors[k].type == m.type.value or kb.actors[k].type != "PER")]
        fits = [kb.actors[k] for k in kb.by_ambiguous[m.key] if kb.actors[k].type == m.type.value]
        # the actor its document names, whatever type the tagger gave the bare form («الكردستاني» after
        # "حزب العمال الكردستاني"); else one of the tagger's type
        fits = named if len(named) == 1 else (
            [a for a in fits if a.kb_id in in_doc[m.doc_id]] or [a for a in fits if a.subtype not in _CONTEXT_ONLY])
        if len(named) != 1:  # "مجلس الشورى" in a story about Iran is not the Saudi council
            _, named_for = story_body(m)
            if named_for and home.get(m.doc_id) not in (None, corpus_home):
                # "وزارة الداخلية الكويتية" in a story abroad: its bare "وزارة الداخلية" is Kuwait's (not in a
                # story of the corpus's own country that names a Qatari cabinet once)
                fits = [a for a in fits if a.subtype != "government_body" or not a.country or a.country in named_for]
            body_countries = {a.country for a in fits if a.subtype == "government_body" and a.country}
            fits = [a for a in fits if a.subtype != "government_body" or not a.country
                    or _body_of_country(a.country, body_countries - {a.country},
                                        sentence_countries.get((m.doc_id, m.sentence)),
                                        countries_before(m.doc_id, m.sentence), home_votes.get(m.doc_id),
                                        corpus_home, m.key in _ROYAL_BODIES)]
        if len(fits) > 1 and m.start is not None and _after_movement_head(texts.get(m.doc_id, ""), m.start):
            fits = [a for a in fits if a.subtype in _MOVEMENT_SUBTYPES] or fits  # 'حركة «النهضة»': the party
        if len(fits) > 1:  # a club in a story naming other clubs, a bank in one naming companies
            kinds = {kb.actors[k].subtype for k in in_doc[m.doc_id]}
            fits = [a for a in fits if a.subtype in kinds] or fits
        if len(fits) > 1 and len({a.subtype for a in fits}) > 1:  # a sports story, a finance story
            story = story_kind(m.doc_id)
            fits = [a for a in fits if a.subtype in story] or fits
        for country in (home.get(m.doc_id), corpus_home):  # the story's country, else the corpus's
            local = [a for a in fits if a.country == country] if len(fits) > 1 and country else []
            if local:
                fits = local
                break
        if len(fits) == 1:
            keys[i] = "kb:" + fits[0].kb_id
    # the type of the rest: a vote over the mentions sharing an identity key; but a person's family name
    # alone in a story naming that person in full is that person ("القرشي", which the tagger called MISC,
    # after "عاطي بن عطية القرشي"), and a place written as one ("في ليون", "مدينة ليون") stays a place
    # however often the corpus's "ليون" is Bernardino León
    family_names = {(m.doc_id, m.parts[-1]) for m in ms if m.type is EntityType.PER and _is_anchor(m.parts)
                    and m.parts[-2] not in (_NASAB, _FAMILY) and not _is_title_only(m)
                    and (len(m.parts) >= 3 or m.parts[-1] not in gaz.by_key)}  # (not "أمين الطائف")
    own_person = {i for i, m in enumerate(ms) if keys[i] is None and m.type is not EntityType.LOC
                  and len(m.parts) == 1 and (m.doc_id, m.key) in family_names}
    written_place = {i for i, m in enumerate(ms) if keys[i] is None and m.type is EntityType.LOC
                     and m.start is not None and _after_locative_cue(texts.get(m.doc_id, ""), m.start)}
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for i, m in enumerate(ms):
        if keys[i] is None:
            votes[m.key][m.type] += 1
    group_type = {k: max(c, key=lambda t: (c[t], -_TYPE_ORDER.index(t))) for k, c in votes.items()}
    for k, t in group_type.items():  # a gazetteer place the backend mostly called MISC ("تبوك") is a place
        if t is EntityType.MISC and k in gaz.by_key:
            group_type[k] = EntityType.LOC
    # 2. places
    shared_readings: dict[str, Counter[str]] = {}

    def shared_reading(doc_id: str, key: str) -> str | None:
        """The country whose reading of a shared name ("عمان": Oman or Amman) the story supports: the one its
        unambiguous places ("مسقط") and nationality adjectives ("العمانية", "الأردنية") name most."""
        if doc_id not in shared_readings:
            votes = Counter(home_votes.get(doc_id, Counter()))
            text = texts.get(doc_id, "")
            votes.update(code for *_, code in nationality_references(text, [(0, len(text))]))
            shared_readings[doc_id] = votes
        votes = shared_readings[doc_id]
        ranked = sorted(((votes[c], c) for c in gaz.alternatives[key]), reverse=True)
        return ranked[0][1] if ranked[0][0] > 0 and (len(ranked) < 2 or ranked[0][0] > ranked[1][0]) else None

    # the gazetteer places of two words or more each story names: an ambiguous word alone ("البيضاء") is the
    # one of them it ends ("الدار البيضاء": Casablanca; "محافظة البيضاء": the Yemeni governorate)
    story_places: dict[str, set[str]] = defaultdict(set)
    for m in ms:
        if m.type is EntityType.LOC and len(m.parts) >= 2 and m.key in gaz.by_key:
            story_places[m.doc_id].add(m.key)
    persons: list[int] = []
    for i, m in enumerate(ms):
        if keys[i] is not None:
            continue
        typ = (EntityType.PER if i in own_person else EntityType.LOC if i in written_place
               else group_type[m.key])
        if typ is EntityType.LOC:
            words = m.key.split()
            apposed_capital = (_capital_named_before(texts.get(m.doc_id, ""), m.start, m.key)
                               if m.start is not None else None)
            capital = _capital_key(m.key) or apposed_capital
            if capital is None and len(words) == 1 and m.key in lex.homographs:
                ending = [k for k in story_places.get(m.doc_id, ()) if k.endswith(" " + m.key)]
                if len({gaz.by_key[k].name_en for k in ending}) == 1:
                    capital = ending[0]
            if len(words) >= 2 and words[0] in _CITY_HEADS and " ".join(words[1:]) in gaz.by_key:
                capital = " ".join(words[1:])  # "محافظة جدة", "محافظة تعز": the city and its governorate as one;
                # "مدينة كوباني", "بلدة الزبداني": the town
            elif (len(words) >= 2 and words[0] == _PROVINCE and m.key not in gaz.by_key
                  and " ".join(words[1:]) in gaz.by_key):
                capital = " ".join(words[1:])  # "منطقة دار سعد": the district; a listed province ("منطقة عسير")
                # keeps its own entry
            province = _PROVINCE + " " + m.key
            if (m.start is not None and (p_entry := gaz.by_key.get(province)) is not None
                    and p_entry.subtype == "province" and (
                        _in_province_list(texts.get(m.doc_id, ""), m.start, gaz)
                        or _in_bracketed_provinces(texts.get(m.doc_id, ""), m.start, gaz))):
                capital = province  # "مناطق عسير وجازان ونجران": the provinces, not their cities
            reading = _capital_countries().get(capital) if capital in gaz.alternatives else None  # "العاصمة
            # الأردنية عمان": Amman, whatever the story's country
            if capital is None and m.key in gaz.alternatives and not m.country_code:
                # the reading its own words gave ("أمين عمان") first, else what its story names
                reading = m.title_country if m.title_country in gaz.alternatives[m.key] and (
                    m.title_country != home.get(m.doc_id)) else shared_reading(m.doc_id, m.key)
            entry = gaz.entry(capital or m.key, reading or m.title_country or home.get(m.doc_id))
            if apposed_capital:
                m.country_code = None  # (the country's reading the dictionary gave the name is not this place's)
            code = m.country_code or (entry.country_code if entry and entry.subtype == "country" else None)
            if code:
                keys[i] = "cc:" + code
            elif entry is not None and entry.geonames_id:
                keys[i] = f"gn:{entry.geonames_id}"
            elif entry is not None and entry.subtype in ("region", "province", "landmark") and entry.name_en:
                keys[i] = "rg:" + entry.name_en  # "الخليج" = "الخليج العربي" (the Gulf); "منطقة عسير" = "عسير"
            elif entry is not None and entry.name_en and entry.country_code:
                keys[i] = f"pl:{entry.country_code}:{entry.name_en}"  # a hand-kept town without a GeoNames id
                # ("ينبع الصناعية" = "مدينة ينبع الصناعية", apart from "ينبع")
            else:
                keys[i] = "n:" + m.key
        elif typ is EntityType.PER:
            persons.append(i)
        else:
            base = m.key[:-1] if m.key.endswith("ا") and m.key[:-1] in votes else m.key  # دولارا → دولار
            if m.key in kb.by_ambiguous and all(
                    kb.actors[k].subtype == "government_body" for k in kb.by_ambiguous[m.key]):
                # "مجلس الشورى" its story did not give to the KB's council (a story about Iran): the body of
                # the one country its sentence (or the two before, or its story) names, as "وزارة الداخلية
                # المصرية" names it; else it stays with its document, never one body across countries
                body, named_for = story_body(m)
                country = next(iter(named_for)) if len(named_for) == 1 else _one_country(
                    sentence_countries.get((m.doc_id, m.sentence)), countries_before(m.doc_id, m.sentence),
                    home.get(m.doc_id))
                if body is not None and country is not None:
                    own = [k for k in kb.by_ambiguous[m.key] if kb.actors[k].country == country]
                    keys[i] = "kb:" + own[0] if len(own) == 1 else f"body:{country}:{body}"
                    continue
                keys[i] = f"f:{m.doc_id}:{m.key}"
                fragments.add(i)
                continue
            if (with_country := country_body(base)) is not None:
                # "الداخلية المصرية", "الاتحاد الجزائري لكرة القدم": that country's body of that name
                keys[i] = f"body:{with_country[0]}:{_generic_bodies().get(with_country[1], with_country[1])}"
                continue
            if typ is EntityType.ORG and m.key not in kb.by_alias and (generic := generic_body(base)) is not None:
                code, canonical = generic
                if code is None:
                    # "هيئة الأركان العامة" in a Yemeni story is Yemen's, in a Saudi one Saudi Arabia's: the body of
                    # the country its story is about (else of the one country its sentence names), else its
                    # document's
                    code = home.get(m.doc_id) or _one_country(sentence_countries.get((m.doc_id, m.sentence)),
                                                               None, None)
                    if code in MONARCHIES and base in _REPUBLIC_BODIES:  # a kingdom has no president's office
                        code = _one_country({c for c in sentence_countries.get((m.doc_id, m.sentence)) or ()
                                             if c not in MONARCHIES}, None, None)
                keys[i] = f"body:{code}:{canonical}" if code else f"f:{m.doc_id}:{m.key}"
                if not code:
                    fragments.add(i)
                continue
            if base in same_as:  # "الدولار" = "دولار", "لله" = "الله"
                keys[i] = "n:" + same_as[base]
                continue
            keys[i] = (_event_key(m) if group_type[m.key] is EntityType.MISC else None) or "n:" + base
    _merge_place_spellings(ms, keys, written_place | {i for i, m in enumerate(ms)
                                                      if group_type.get(m.key) is EntityType.LOC})
    # 3. persons
    _resolve_persons(ms, persons, keys, lex, fragments, home, texts)
    # 4. organisations: short forms link to the longer name of their document they abbreviate
    _resolve_organisations(ms, keys, group_type, kb, fragments, lex.org_heads | _GENERIC_ORG_HEADS, home,
                           nisba_keys)
    # a party's name several countries have ("حزب العمال": British Labour, and the PKK's short form) that
    # nothing linked is the party of the one country its sentence (or the two before, or its story) names,
    # when its mentions name more than one country; when they name one, all are that country's party
    party_country: dict[int, str | None] = {}
    for i, m in enumerate(ms):
        if keys[i] == "n:" + m.key and m.parts[0] == _PARTY and len(m.parts) >= 2 and (
                group_type[m.key] is EntityType.ORG) and m.parts[-1] not in nisba_keys:
            party_country[i] = _one_country(sentence_countries.get((m.doc_id, m.sentence)),
                                            countries_before(m.doc_id, m.sentence), home.get(m.doc_id))
    party_countries: dict[str, set[str]] = defaultdict(set)
    for i, country in party_country.items():
        if country is not None:
            party_countries[ms[i].key].add(country)
    for i, country in party_country.items():
        parties = party_countries[ms[i].key]
        if len(parties) == 1:
            keys[i] = f"body:{next(iter(parties))}:{ms[i].key}"
        elif country is not None:
            keys[i] = f"body:{country}:{ms[i].key}"
    final = [k or "n:" + m.key for k, m in zip(keys, ms, strict=True)]

    # one type per entity
    entity_votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for k, m in zip(final, ms, strict=True):
        entity_votes[k][m.type] += 1
    entity_type: dict[str, EntityType] = {}
    for k, c in entity_votes.items():
        if k.startswith("kb:"):
            entity_type[k] = EntityType(kb.actors[k[3:]].type)
        elif k.startswith(("cc:", "gn:", "rg:")):
            entity_type[k] = EntityType.LOC
        else:
            entity_type[k] = max(c, key=lambda t: (c[t], -_TYPE_ORDER.index(t)))
    fragment_keys = {final[i] for i in fragments} - {final[i] for i in range(len(ms)) if i not in fragments}
    subtypes: list[str | None] = []
    subtype_of: dict[tuple[str, str], str | None] = {}  # (entity key, mention key): the same for every mention
    for k, m in zip(final, ms, strict=True):
        if (k, m.key) not in subtype_of:
            subtype_of[(k, m.key)] = _subtype(k, m.key, entity_type[k], kb, gaz, misc, k in fragment_keys)
        subtypes.append(subtype_of[(k, m.key)])
    entity_ids = {k: ids.entity_id(k) for k in set(final)}
    return mentions.with_columns(
        pl.Series("type", [entity_type[k].value for k in final], pl.String),
        pl.Series("subtype", subtypes, pl.String),
        pl.Series("entity_id", [entity_ids[k] for k in final], pl.String),
        pl.Series("kb_id", [k[3:] if k.startswith("kb:") else None for k in final], pl.String),
        pl.Series("country_code", [k[3:] if k.startswith("cc:") else k.split(":")[1] if k.startswith("body:")
                                   else m.country_code or (nisba_keys.get(k.split()[-1]) if k.startswith("n:")
                                                           and entity_type[k] is not EntityType.PER else None)
                                   for k, m in zip(final, ms, strict=True)], pl.String),
    )


def _subtype(entity_key: str, key: str, typ: EntityType, kb: KnowledgeBase, gaz: _Places, misc: dict[str, str],
             fragment: bool) -> str | None:
    if entity_key.startswith(RESOLUTION_PREFIX):
        return RESOLUTION_SUBTYPE
    if entity_key.startswith("kb:"):
        return kb.actors[entity_key[3:]].subtype
    if entity_key.startswith("cc:"):
        return "country"
    if entity_key.startswith("rg:"):
        entries = (gaz.by_key.get(key), gaz.by_key.get(f"{_PROVINCE} {key}"))  # (a listed province: "وجازان")
        named = [e.subtype for e in entries if e and e.name_en == entity_key[3:]]
        return named[0] if named and named[0] in ("province", "landmark") else "region"
    if entity_key.startswith("gn:"):
        entry = gaz.by_key.get(key) or gaz.by_geonames.get(entity_key[3:])  # (another spelling: "هيوستون")
        return entry.subtype if entry else None
    if fragment:
        return NAME_FRAGMENT
    left_out = misc.get(key) or (misc.get(key[:-1]) if key.endswith("ا") else None)
    if left_out is not None:  # "السنة" typed ORG is a religious community all the same
        return left_out
    if typ is EntityType.LOC:
        entry = gaz.by_key.get(key)
        return entry.subtype if entry else None
    return None


# --- entities and aliases ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EntityRow:
    """One row of the ``entities`` table."""

    entity_id: str
    type: str
    name_ar: str
    name_en: str | None
    aliases: list[str]
    n_mentions: int
    n_docs: int
    country_code: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    subtype: str | None
    kb_id: str | None
    name_en_source: str | None
    description_en: str | None


def _display_form(surface: str, normalized: str) -> str:
    """The surface as a name is displayed: a span cut after the ل of لل ("لقذافي" of "للقذافي") gets its
    article back ("القذافي")."""
    if surface.startswith("ل") and not surface.startswith("ال") and normalized.startswith("ال") and (
            normalize_for_matching(surface) != normalized):
        return "ا" + surface
    return surface


def build_entities(mentions: pl.DataFrame, lex: EntityLexicon | None = None) -> pl.DataFrame:
    """One row per entity_id of resolved ``mentions`` (columns of the ``entities`` contract)."""
    lex = lex or entity_lexicon()
    gaz = _places()
    same_as = misc_same_as()
    # what each entity's mentions say, counted per entity in the order the mentions first say it (Counter ties
    # go to the first seen, as a loop over the mentions would have them)
    cols = mentions.select("entity_id", "type", "subtype", "doc_id", "surface", "normalized", "kb_id", "country_code",
                           "title_country")
    display = {(s, n): _display_form(s, n) for s, n in cols.select("surface", "normalized").unique().iter_rows()}
    keys_of = {n: identity_key(n) for n in cols["normalized"].unique().to_list()}
    cols = cols.with_columns(
        pl.Series("name", [display[p] for p in zip(cols["surface"].to_list(), cols["normalized"].to_list(),
                                                   strict=True)], pl.String),
        pl.Series("key", [keys_of[n] for n in cols["normalized"].to_list()], pl.String))

    roles = (mentions["name_mention_id"].is_not_null() if "name_mention_id" in mentions.columns
             else pl.repeat(False, mentions.height, eager=True))  # a role title before a name: never its name
    cols = cols.with_columns(roles.alias("_role"))

    def counted(column: str, given_only: bool = False, names_only: bool = False) -> dict[str, Counter[str]]:
        rows = cols.filter(pl.col(column).is_not_null() & (pl.col(column) != "")) if given_only else cols
        rows = rows.filter(~pl.col("_role")) if names_only else rows
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for eid, value, n in rows.group_by("entity_id", column, maintain_order=True).len().iter_rows():
            out[eid][value] = n
        return out

    surfaces_of, names_of, keys_by_entity = counted("surface"), counted("name", names_only=True), counted(
        "key", names_only=True)
    n_mentions_of = dict(cols.group_by("entity_id").len().iter_rows())
    countries_of, title_countries_of = counted("country_code", True), counted("title_country", True)
    groups: dict[str, dict] = {
        eid: {"type": typ, "subtype": subtype, "kb_id": kb_id, "surfaces": surfaces_of[eid], "names": names_of[eid],
              "keys": keys_by_entity[eid], "n_docs": n_docs, "countries": countries_of[eid],
              "title_countries": title_countries_of[eid]}
        for eid, typ, subtype, kb_id, n_docs in cols.group_by("entity_id", maintain_order=True).agg(
            pl.col("type").first(), pl.col("subtype").first(), pl.col("kb_id").first(),
            pl.col("doc_id").n_unique()).iter_rows()}
    out: list[EntityRow] = []
    for eid, ent in groups.items():
        surfaces: Counter[str] = ent["names"]
        actor = lex.kb.actors.get(ent["kb_id"]) if ent["kb_id"] else None
        entry = None
        if ent["type"] == EntityType.LOC.value:
            # (a country by its code: "عمان" read as Oman is Oman's row whatever its outlet's country)
            shared_in = (ent["countries"].most_common(1)[0][0] if ent["countries"] else None) or (
                ent["title_countries"].most_common(1)[0][0] if ent["title_countries"] else None)
            for key, _ in ent["keys"].most_common():
                entry = gaz.entry(_capital_key(key) or key, shared_in)  # ("العاصمة الكويتية": Kuwait City)
                if entry is not None and ent["subtype"] and entry.subtype != ent["subtype"]:
                    entry = next((e for e in gaz.alternatives.get(key, {}).values()  # "عمان" resolved as the
                                  if e.subtype == ent["subtype"]), entry)  # city is Amman, not Oman
                if ent["subtype"] == "province" and (entry is None or entry.subtype != "province"):
                    entry = gaz.by_key.get(f"{_PROVINCE} {key}")  # a listed province ("وجازان")
                if entry is not None:
                    break
        longest = max(len(s.split()) for s in surfaces)
        name_en: str | None = None
        source = "romanised"
        if actor is not None:
            name, name_en, source = actor.name_ar, actor.name_en, "kb"
        elif entry is not None:
            if ent["countries"]:  # a country: its most frequent proper name ("السعودية", not "المملكة")
                named = Counter({s: n for s, n in surfaces.items() if identity_key(s) in gaz.by_key})
                own = Counter({s: n for s, n in named.items() if identity_key(s) not in gaz.alternatives})
                pool = own or named or surfaces  # (not a name a city shares: Oman is "سلطنة عمان", not "عمان")
                name = max(pool, key=lambda s: (pool[s], -len(s), s))
            else:  # a city as the articles write it ("دبي"), the gazetteer's spelling ("دبى") otherwise
                city_key = identity_key(normalize_for_matching(entry.name_ar))
                named = Counter({s: n for s, n in surfaces.items()
                                 if identity_key(normalize_for_matching(s)) == city_key})
                name = max(named, key=lambda s: (named[s], s)) if named else entry.name_ar
            if entry.name_en:
                name_en, source = entry.name_en, "gazetteer"
        elif (target := next((same_as[k] for k, _ in ent["keys"].most_common() if k in same_as), None)) is not None:
            # a currency, God, a religion: its listed form as written, with or without the article ("دولار" /
            # "الدولار", never "ريال شهريا"), else the most frequent surface
            forms = {target, "ال" + target}
            listed = Counter({s: n for s, n in surfaces.items() if identity_key(normalize_for_matching(s)) in forms})
            pool = listed or surfaces
            name = max(pool, key=lambda s: (pool[s], s))
            if (english := _misc_english().get(target)) is not None:
                name_en, source = english, "lexicon"  # "دولار" is the dollar, not "Dular"
        else:
            pool = (_plausible_names(surfaces, lex) if ent["type"] == EntityType.PER.value
                    else _attested_names(surfaces, lex))
            longest = max(len(s.split()) for s in pool)
            name = max((s for s in pool if len(s.split()) == longest), key=lambda s: (pool[s], s))
        if not name_en and ent["subtype"] == RESOLUTION_SUBTYPE and (number := resolution_number(
                identity_key(normalize_for_matching(name)))):
            name_en, source = f"UN Security Council Resolution {number}", "rule"
        if not name_en and ent["type"] != EntityType.PER.value and (english := translate_name(name)) is not None:
            name_en, source = english, "translated"  # "وزارة الداخلية الكويتية": Ministry of Interior (Kuwait)
        if not name_en:
            name_en, source = romanize_name(name), "romanised"
        country = (actor.country if actor else None) or (
            ent["countries"].most_common(1)[0][0] if ent["countries"] else None) or (
            entry.country_code if entry else None) or (
            ent["title_countries"].most_common(1)[0][0] if ent["title_countries"] else None)
        if (ent["type"] == EntityType.ORG.value and source in ("translated", "romanised") and ent["countries"]
                and (country_en := country_english().get(country or "")) and country_en not in name_en):
            name_en = f"{name_en} ({country_en})"  # one body per country: "Council of Ministers (Egypt)"
        out.append(EntityRow(
            entity_id=eid,
            type=ent["type"],
            name_ar=name,
            name_en=name_en,
            aliases=sorted(ent["surfaces"]),
            n_mentions=n_mentions_of[eid],
            n_docs=ent["n_docs"],
            country_code=country,
            geonames_id=entry.geonames_id if entry else None,
            lat=entry.lat if entry else None,
            lon=entry.lon if entry else None,
            subtype=ent["subtype"],
            kb_id=ent["kb_id"],
            name_en_source=source,
            description_en=actor.description_en if actor else None,
        ))
    return TABLES["entities"].frame(out)


NAME_PREFIX_SEEN = 3  # a body's short form seen this often outweighs a longer form seen once


def _attested_names(surfaces: Counter[str], lex: EntityLexicon) -> Counter[str]:
    """The surfaces a body can be named by: not a longer form seen once whose first words are a form seen
    ``NAME_PREFIX_SEEN`` times or more — the tagger stretched the name over the words after it once
    ("مجلس التنمية السياحية الجاهزية التامة", "شركة المياه الوطنية الفرع الإلكتروني", "الهيئة السعودية
    للمهندسين بينت"), unless what it adds is the body's nationality ("وزارة الصحة المصرية", "وزارة الدفاع
    اليمنية": the name says whose it is). All of them when none is left."""
    def stretched(surface: str) -> bool:
        words = surface.split()
        return surfaces[surface] == 1 and any(
            surfaces.get(" ".join(words[:k]), 0) >= NAME_PREFIX_SEEN and not all(
                normalize_for_matching(w) in lex.nisba for w in words[k:]) for k in range(1, len(words)))

    out = Counter({s: n for s, n in surfaces.items() if not stretched(s)})
    return out or surfaces


def _plausible_names(surfaces: Counter[str], lex: EntityLexicon) -> Counter[str]:
    """The surfaces a person can be named by: not a span the tagger stretched once over a word with a
    proclitic, where the word without it is the more frequent in news ("لوفاء سلمان": for the loyalty of
    Salman; "لخمسة أعوام"); a known given name as written ("وليد") is never that. All of them when none is."""
    frequency = word_frequencies()

    def stretched(surface: str) -> bool:
        first = normalize_for_matching(surface.split()[0])
        if surfaces[surface] > 1 or first[:1] not in ("و", "ف", "ل", "ب") or len(first) < 4:
            return False
        if identity_key(first) in lex.given_names or first.startswith("ال"):
            return False
        return frequency.get(first[1:], 0) > frequency.get(first, 0)

    out = Counter({s: n for s, n in surfaces.items() if not stretched(s)})
    return out or surfaces


def build_aliases(mentions: pl.DataFrame) -> pl.DataFrame:
    """entity_aliases rows: (entity_id, alias, n_mentions) for every distinct surface."""
    return (
        mentions.group_by("entity_id", "surface")
        .agg(pl.len().cast(pl.Int64).alias("n_mentions"))
        .rename({"surface": "alias"})
    )


# --- references --------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One row of the ``entity_references`` table."""

    reference_id: str
    doc_id: str
    sentence_idx: int
    start: int
    end: int
    surface: str
    kind: str
    country_code: str
    entity_id: str | None


def reference_inputs(sentences: pl.DataFrame, mentions: pl.DataFrame
                     ) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """(doc_id -> its sentence spans in order, doc_id -> its mention spans): what a document's references
    depend on besides its text."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in sentences.sort("doc_id", "sentence_idx").select("doc_id", "start", "end").iter_rows():
        spans[doc_id].append((start, end))
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in mentions.select("doc_id", "start", "end").sort("doc_id", "start", "end").iter_rows():
        taken[doc_id].append((start, end))
    return spans, taken


def spans_text(frame: pl.DataFrame, order: Sequence[str], start: str = "start", end: str = "end") -> dict[str, str]:
    """doc_id -> its spans in ``order`` as one string ("0:41,42:97"): a cache key part read column-wise, what
    ``repr`` of a list of (start, end) tuples per document says, at a fraction of the cost."""
    return dict(frame.sort("doc_id", *order).group_by("doc_id", maintain_order=True)
                .agg(pl.format("{}:{}", start, end).str.join(",")).iter_rows())


def reference_keys(version: str, documents: pl.DataFrame, sentences: pl.DataFrame,
                   mentions: pl.DataFrame) -> dict[str, str]:
    """doc_id -> the cache key of its references (by doc_id): its text, its sentence spans in order and its
    mention spans, everything :func:`build_references` reads of one document (:func:`reference_inputs`)."""
    sentence_spans = spans_text(sentences, ["sentence_idx"])
    mention_spans = spans_text(mentions, ["start", "end"])
    return {d: ids.text_digest(version, d, t, sentence_spans.get(d, ""), mention_spans.get(d, ""))
            for d, t in documents.select("doc_id", "text").sort("doc_id").iter_rows()}


def build_references(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                     link: bool = True) -> pl.DataFrame:
    """``entity_references`` rows: the nationality adjectives of every document outside its resolved entity
    ``mentions``, each with its country's entity when the corpus names that country (``link``; else null,
    see :func:`link_references`)."""
    spans, taken = reference_inputs(sentences, mentions)
    rows = []
    for doc_id, text in documents.select("doc_id", "text").sort("doc_id").iter_rows():
        for sidx, start, end, code in nationality_references(text, spans.get(doc_id, []), taken.get(doc_id, [])):
            rows.append(ReferenceRow(ids.reference_id(doc_id, start, end), doc_id, sidx, start, end, text[start:end],
                                     "nationality", code, None))
    refs = TABLES["entity_references"].frame(rows)
    return link_references(refs, mentions) if link else refs


def link_references(refs: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """``entity_id`` of every reference: its country's entity when some mention of the corpus is that entity."""
    countries = set(mentions["entity_id"].unique().to_list()) if mentions.height else set()
    linked = {code: eid for code in refs["country_code"].unique().to_list()
              if (eid := ids.entity_id("cc:" + code)) in countries}
    return refs.with_columns(pl.col("country_code").replace_strict(linked, default=None, return_dtype=pl.String)
                             .alias("entity_id"))
