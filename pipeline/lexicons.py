"""The lexicons shipped in ``pipeline/resources/lexicons``: one reader, each list loaded once per process.

File rules, the same for every lexicon: UTF-8; one entry a line; blank lines and lines starting with ``#``
are skipped; spaces around an entry are dropped (tabs are field separators and kept). A ``.tsv`` lexicon
may open with a header line naming its columns. A missing lexicon is an error, never an empty list: a
pipeline that silently lost its boilerplate or place list would still "work", and be wrong.

Keys are matching forms (:func:`pipeline.nlp.text.normalize_for_matching`) unless a loader says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from pipeline.config import LEXICON_DIR
from pipeline.nlp.text import identity_key, normalize_for_matching, proclitic_splits, stem_variants

PLACE_FILES = ("places_ar.tsv", "places_extra_ar.tsv")
PLACE_COLUMNS = ("name_ar", "subtype", "name_en", "country_code", "geonames_id", "lat", "lon")


class LexiconError(FileNotFoundError):
    """A shipped lexicon is missing or malformed (the package is broken: reinstall it)."""


def lexicon_path(name: str) -> Path:
    """Path of the shipped lexicon file ``name``."""
    return LEXICON_DIR / name


FOREIGN_GIVEN_NAMES = "given_names_foreign_ar.txt"  # given names of other languages (spelt with other vowels)
PENDING_GIVEN_NAMES = "given_names_pending_ar.txt"  # read by the pipeline, not yet by NER training


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


def listed_given_names(pending: bool = True) -> tuple[str, ...]:
    """The curated given names as written: ``given_names_ar.txt`` (Arabic, Persian, Turkish) and
    ``given_names_foreign_ar.txt`` (other languages); with ``pending`` (what the pipeline reads) also
    ``given_names_pending_ar.txt``, names the shipped NER model's training gazetteer does not hold yet. Training
    reads the lists without them (``pending=False``): a name added there changes the trained model, so it waits
    in the pending file until the model is retrained, and ``akhbar ner-train`` keeps reproducing the shipped one."""
    names = (*read_lines("given_names_ar.txt"), *read_lines(FOREIGN_GIVEN_NAMES))
    return (*names, *read_lines(PENDING_GIVEN_NAMES)) if pending else names

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


@cache
def capitals() -> dict[str, str]:
    """ISO code -> the Arabic name of the country's capital (``capitals_ar.tsv``)."""
    return {code: name for code, name in read_rows("capitals_ar.tsv", ("country_code", "capital_ar")) if code and name}


@cache
def shared_place_names() -> dict[str, dict[str, GazetteerEntry]]:
    """Identity key of a place name several countries have (``places_shared_names_ar.tsv``) -> ISO code ->
    the gazetteer entry it names in that country ("طرابلس": LY and LB; "عمان": JO, the city, and OM, the
    country). The tagger and the resolution both read it from here."""
    by_key: dict[str, GazetteerEntry] = {}
    for norm, entry in places().items():
        by_key.setdefault(identity_key(norm), entry)
    out: dict[str, dict[str, GazetteerEntry]] = {}
    for name, other in read_rows("places_shared_names_ar.tsv", ("name", "entry")):
        key = identity_key(normalize_for_matching(name))
        other_entry, base = by_key.get(identity_key(normalize_for_matching(other))), by_key.get(key)
        if other_entry is None or base is None or not other_entry.country_code or not base.country_code:
            raise LexiconError(f"places_shared_names_ar.tsv: {name!r} or {other!r} is not a gazetteer place with "
                               "a country; fix the row")
        out.setdefault(key, {base.country_code: base})[other_entry.country_code] = other_entry
    return out


@cache
def nisba_forms() -> dict[str, str | None]:
    """Matching form of a nationality adjective (``nisba_ar.tsv``: both genders, plurals, with and without the
    article) -> its country's ISO code (None: a people without one state, "الأكراد")."""
    forms: dict[str, str | None] = {}
    for stem, code in read_rows("nisba_ar.tsv", ("stem", "country_code")):
        for suffix in ("ي", "ية", "يين", "يون", "يان", "يتين"):
            for article in ("", "ال"):
                forms[normalize_for_matching(article + stem + suffix)] = code or None
    # broken plurals the suffixes do not make
    plurals: tuple[tuple[str, str | None], ...] = (
        ("روس", "RU"), ("أتراك", "TR"), ("فرس", "IR"), ("إنجليز", "GB"), ("أمريكان", "US"), ("أميركان", "US"),
        ("ألمان", "DE"), ("أكراد", None), ("عرب", None), ("أفغان", "AF"))
    for plural, plural_code in plurals:
        for article in ("", "ال"):
            forms[normalize_for_matching(article + plural)] = plural_code
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
        nisba=nisba_forms(),
        org_heads=matching_set("org_heads_ar.txt"),
        stopwords=matching_set("stopwords_ar.txt"),
    )


# --- event triggers ------------------------------------------------------------------------------------
EVENT_COLUMNS = ("type", "mode", "cameo_root", "perfect", "imperfect", "nouns", "extra", "sense", "pattern")
PATTERNS = ("subj_obj", "host", "from", "with", "mutual")


@dataclass(frozen=True)
class TriggerSense:
    """One reading of a trigger word (``event_lemmas_ar.tsv``): its PLOVER type, CAMEO root, the words that
    must (``needs``) or must not (``unless``) follow it, and how its arguments are ordered (``pattern``)."""

    event_type: str
    mode: str
    cameo_root: str
    pos: str  # verb | noun | participle (a circumstantial participle: "مشيدا", "محذرين": its actor is the clause's)
    pattern: str
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    no_number: bool = False
    participant: bool = False
    with_bi: bool = False  # a word with the preposition ب follows ("نوه بجهود": praised; not "نوه بأن")
    doer_before: bool = False  # a named person or body stands right before the verb ("الميليشيا قتلت …": active)


@dataclass(frozen=True)
class EventLexicon:
    words: dict[str, tuple[TriggerSense, ...]]  # matching form of a one-word trigger -> its readings, in order
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerSense]]]  # first word -> multi-word triggers
    reporting: dict[str, bool]  # matching form of a reporting verb -> it denies (نفى)
    reporting_imperfect: frozenset[str] = frozenset()  # imperfect forms of the reporting verbs ("تؤكد", not "تابع")
    hamza_only: frozenset[str] = frozenset()  # matching forms that are a trigger only written with hamza ("هنأ")
    not_words: frozenset[str] = frozenset()  # whole words that are never triggers, with any proclitic reading
    # the circumstantial participles of the reporting verbs ("مشيرا", "مؤكدة", "قائلا")
    reporting_participles: frozenset[str] = frozenset()
    # imperfect forms of the event verbs that are no perfect form of one ("يهاجم", "تدعو"; not "تبرع")
    event_imperfect: frozenset[str] = frozenset()


def _sense_words(value: str) -> frozenset[str]:
    """The matching forms of a sense rule's words, without the article when a word of 3+ letters is left
    (as the words of the text are compared: "الله" stays "الله")."""
    out = set()
    for w in value.split(","):
        n = normalize_for_matching(w)
        out.add(n[2:] if n.startswith("ال") and len(n) - 2 >= 3 else n)
    return frozenset(x for x in out if x)


def _parse_sense(sense: str) -> dict[str, object]:
    out: dict[str, object] = {"needs": frozenset(), "unless": frozenset(), "no_number": False, "participant": False,
                              "with_bi": False, "doer_before": False}
    for part in sense.split():
        if part.startswith("needs="):
            out["needs"] = _sense_words(part[6:])
        elif part.startswith("unless="):
            out["unless"] = _sense_words(part[7:])
        elif part in ("no_number", "participant", "with_bi", "doer_before"):
            out[part] = True
        else:
            raise LexiconError(f"event_lemmas_ar.tsv: unknown sense condition {part!r}")
    return out


def is_participle(form: str) -> bool:
    """An extra form of ``event_lemmas_ar.tsv`` that is an active participle in the accusative, feminine or
    plural: "مشيدا", "محذرة", "منددين", "داعيا" (م- of the derived forms, فاعل of a defective verb)."""
    return (form[:1] == "م" or form[:3] == "داع") and form.endswith(("ا", "ه", "ين", "ون")) and len(form) >= 5


@cache
def load_event_lexicon() -> EventLexicon:
    """Every inflected form of the event lemmas (:mod:`pipeline.nlp.morphology`) and of the reporting verbs."""
    from pipeline.nlp.morphology import imperfect_forms, noun_forms, object_forms, perfect_forms

    not_triggers = matching_set("event_non_triggers_ar.txt")
    words: dict[str, list[TriggerSense]] = {}
    event_perfect: set[str] = set()
    event_imperfect: set[str] = set()
    phrases: dict[str, list[tuple[tuple[str, ...], TriggerSense]]] = {}
    for typ, mode, root, perfect, imperfect, nouns, extra, sense, pattern in read_rows("event_lemmas_ar.tsv",
                                                                                        EVENT_COLUMNS):
        pattern = pattern or "subj_obj"
        if pattern not in PATTERNS:
            raise LexiconError(f"event_lemmas_ar.tsv: pattern {pattern!r} is none of {', '.join(PATTERNS)}")
        cond = _parse_sense(sense)
        verb = TriggerSense(typ, mode, root, "verb", pattern, **cond)  # type: ignore[arg-type]
        noun = TriggerSense(typ, mode, root, "noun", pattern, **cond)  # type: ignore[arg-type]
        participle = TriggerSense(typ, mode, root, "participle", pattern, **cond)  # type: ignore[arg-type]
        inflected = perfect_forms(perfect) | imperfect_forms(imperfect)
        event_perfect |= perfect_forms(perfect)
        event_imperfect |= imperfect_forms(imperfect)
        extras = {normalize_for_matching(x) for x in extra.split("|") if x.strip()}
        participles = {x for x in extras - inflected if is_participle(x)}
        verb_forms = inflected | (extras - participles)
        if perfect and imperfect:
            verb_forms |= object_forms(perfect, imperfect)
        verb_forms -= not_triggers
        for form in verb_forms:
            words.setdefault(form, []).append(verb)
        for form in participles:
            words.setdefault(form, []).append(participle)
        for n in (x for x in nouns.split("|") if x.strip()):
            if " " in n.strip():
                toks = tuple(normalize_for_matching(t) for t in n.split())
                phrases.setdefault(toks[0], []).append((toks, noun))
                if not any(t.startswith("ال") for t in toks):  # "عملية انتحارية" → "العملية الانتحارية"
                    definite = tuple("ال" + t for t in toks)
                    phrases.setdefault(definite[0], []).append((definite, noun))
                continue
            for form in noun_forms(n):
                words.setdefault(form, []).append(noun)
    reporting: dict[str, bool] = {}
    all_perfect: set[str] = set()
    all_imperfect: set[str] = set()
    all_extra: set[str] = set()
    for perfect, imperfect, extra, negated in read_rows("reporting_verbs_ar.tsv",
                                                         ("perfect", "imperfect", "extra", "negated")):
        # third person only, no future: "أقول"/"نصف" are the writer's opinion, "ستعلن" is no statement yet
        imperfects = imperfect_forms(imperfect)
        third = {f for f in imperfects if f[:1] in ("ي", "ت")}
        forms = perfect_forms(perfect) | third | {normalize_for_matching(x) for x in extra.split("|") if x.strip()}
        for form in forms:
            reporting.setdefault(form, negated == "yes")
        all_perfect |= perfect_forms(perfect)
        all_imperfect |= imperfects
        all_extra |= {normalize_for_matching(x) for x in extra.split("|") if x.strip()}
    for first in phrases:
        phrases[first].sort(key=lambda p: -len(p[0]))
    return EventLexicon({k: tuple(v) for k, v in words.items()}, phrases, reporting,
                        frozenset(all_imperfect - all_perfect), matching_set("event_hamza_forms_ar.txt"),
                        frozenset(not_triggers), frozenset(all_extra - all_perfect - all_imperfect),
                        frozenset(event_imperfect - event_perfect))


HAMZAS = frozenset("أإآؤئء")


@lru_cache(maxsize=1 << 18)
def match_trigger(token: str) -> tuple[int, tuple[TriggerSense, ...]] | None:
    """(proclitic length, readings) when ``token`` is an event trigger word, possibly with proclitics (cached
    per word: the lexicon is loaded once per process)."""
    lex = load_event_lexicon()
    if normalize_for_matching(token) in lex.not_words:
        return None  # "ليزر" is a laser, not لـ + يزر
    for split in proclitic_splits(token, min_stem=3):
        stem, *article = stem_variants(token, split)
        hit = lex.words.get(stem)
        if hit is None and article:
            # "للهجوم" is ل + الهجوم (the article's alif drops after the preposition): an attack noun's reading
            # ("تعرض للقصف", "التصدي للعدوان"); other verbal nouns after لل are mostly a purpose ("للسيطرة على",
            # "للتشاور"), no event
            hit = tuple(s for s in lex.words.get(article[0], ()) if s.pos == "noun" and s.event_type == "ASSAULT"
                        and s.mode not in ("seize", "advance", "liberate", "operation")) or None
        if hit is not None and token.endswith("ة"):
            hit = tuple(s for s in hit if s.pos != "verb") or None  # "دعاة" (preachers) is no "دعاه": a verb never
            # ends in ta marbuta, the matching form's ه notwithstanding
        if hit is not None and not (stem in lex.hamza_only and not any(ch in HAMZAS for ch in token[split:])):
            return split, hit
    return None


@lru_cache(maxsize=1 << 18)
def match_reporting(token: str) -> tuple[int, bool] | None:
    """(proclitic length, denies) when ``token`` is a reporting verb ("وقال", "مشيرا", "نفى"; cached per word)."""
    lex = load_event_lexicon()
    for split in proclitic_splits(token, min_stem=3):
        if split and not set(token[:split]) <= {"و", "ف"}:
            continue  # a verb takes no ب/ل/ك: "برأي" is "in the opinion of", not رأى
        stem = token[split:]
        if stem[:1] != "أ" and normalize_for_matching(stem) == "ابان":
            continue  # "إبان"/"ابان" is "during"; the verb is written أبان
        if stem in ("رأي", "راي"):
            continue  # "رأي النخبة": an opinion (the noun); the verb is written رأى
        hit = lex.reporting.get(normalize_for_matching(stem))
        if hit is not None:
            return split, hit
    return None


def is_event_word(token: str) -> bool:
    """True when ``token`` is an event trigger or a reporting verb (names end before them)."""
    return match_trigger(token) is not None or match_reporting(token) is not None


# --- key-actor knowledge base ----------------------------------------------------------------------------
KB_DIR = "kb"
ACTOR_COLUMNS = ("kb_id", "type", "subtype", "name_en", "name_ar", "aliases_ar", "country", "description_en", "born",
                 "father_kb_id", "ambiguous_ar")
ROLE_COLUMNS = ("kb_id", "role_en", "titles_ar", "country", "start", "end")
PERSON_SUBTYPES = frozenset({"head_of_state", "head_of_government", "royal", "minister", "official", "diplomat",
                             "military", "religious", "politician", "militant", "athlete", "other_person"})
ORG_SUBTYPES = frozenset({"armed_group", "party", "government_body", "international_org", "agency", "outlet", "club",
                          "company", "coalition", "other_org"})
MISC_SUBTYPES = frozenset({"operation", "event", "agreement"})  # operations and wars; tournaments, eras; treaties


@dataclass(frozen=True)
class KbActor:
    """A person or organisation of the key-actor knowledge base (``resources/kb/key_actors.tsv``)."""

    kb_id: str
    type: str  # PER | ORG
    subtype: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]  # forms that name it on their own
    country: str | None
    description_en: str
    born: int | None
    father_kb_id: str | None
    ambiguous: tuple[str, ...]  # bare forms that name it only in context ("الهلال" the club)


@dataclass(frozen=True)
class KbRole:
    """A person's tenure of a role (``key_roles.tsv``); the titles designate the holder while it lasts."""

    kb_id: str
    role_en: str
    titles: tuple[str, ...]
    country: str | None
    start: date | None
    end: date | None

    @property
    def heads_state(self) -> bool:
        """True for a head-of-state office ("President of Syria", "King of Saudi Arabia"), not a former one."""
        return self.role_en.startswith(("President of", "King of", "Emir of", "Sultan of", "Monarch of"))

    def holds(self, day: date | None) -> bool:
        """True when the role was held on ``day`` (an unknown day matches a role still held)."""
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnowledgeBase:
    actors: dict[str, KbActor]
    roles: tuple[KbRole, ...]
    by_alias: dict[str, str]  # identity key of an alias -> kb_id
    by_ambiguous: dict[str, tuple[str, ...]]  # identity key of a bare contextual form -> kb_ids
    by_title: dict[str, tuple[KbRole, ...]]  # identity key of a title -> roles
    max_alias_words: int

    def named_by(self, key: str) -> set[str]:
        """The kb_ids an identity key names: its alias's actor, else the actors it names in context."""
        return {self.by_alias[key]} if key in self.by_alias else set(self.by_ambiguous.get(key, ()))

    def holders(self, title: str, day: date | None, country: str | None = None) -> list[KbActor]:
        """The actors holding a role with ``title`` on ``day`` (in ``country`` when given)."""
        out = []
        for role in self.by_title.get(identity_key(title), ()):
            if role.holds(day) and (country is None or role.country == country):
                out.append(self.actors[role.kb_id])
        return out


def _kb_date(text: str, end: bool) -> date | None:
    if not text:
        return None
    if len(text) == 4:
        return date(int(text), 12, 31) if end else date(int(text), 1, 1)
    return date.fromisoformat(text)


def _kb_rows(path: Path) -> tuple[tuple[str, ...] | None, list[tuple[str, ...]]]:
    """(header, rows) of a KB TSV file: comments and blank lines skipped, the first line is the header."""
    lines = [ln.rstrip("\r") for ln in path.read_text(encoding="utf-8-sig").split("\n")]
    lines = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    if not lines:
        return None, []
    rows = [tuple(f.strip() for f in ln.split("\t")) for ln in lines]
    return rows[0], rows[1:]


def _split_forms(value: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in value.split("|") if f.strip())


def parse_kb_files(paths: list[Path]) -> KnowledgeBase:
    """Build the knowledge base from actor and role TSV files, told apart by their header line; a later
    file's actor replaces an earlier one with the same kb_id (a user's file overrides the shipped one)."""
    actors: dict[str, KbActor] = {}
    roles: list[KbRole] = []
    for path in paths:
        header, rows = _kb_rows(path)
        if header == ACTOR_COLUMNS:
            for row in rows:
                r = dict(zip(ACTOR_COLUMNS, (*row, *[""] * len(ACTOR_COLUMNS)), strict=False))
                actors[r["kb_id"]] = KbActor(
                    r["kb_id"], r["type"], r["subtype"], r["name_en"], r["name_ar"], _split_forms(r["aliases_ar"]),
                    r["country"] or None, r["description_en"], int(r["born"]) if r["born"] else None,
                    r["father_kb_id"] or None, _split_forms(r["ambiguous_ar"]),
                )
        elif header == ROLE_COLUMNS:
            for row in rows:
                r = dict(zip(ROLE_COLUMNS, (*row, *[""] * len(ROLE_COLUMNS)), strict=False))
                roles.append(KbRole(r["kb_id"], r["role_en"], _split_forms(r["titles_ar"]), r["country"] or None,
                                    _kb_date(r["start"], end=False), _kb_date(r["end"], end=True)))
        elif header is not None:
            raise LexiconError(
                f"{path}: the first line must name the columns of an actors file ({', '.join(ACTOR_COLUMNS)}) or of "
                f"a roles file ({', '.join(ROLE_COLUMNS)}), tab-separated; see pipeline/resources/kb/README.md"
            )
    by_alias: dict[str, str] = {}
    by_ambiguous: dict[str, list[str]] = {}
    for actor in actors.values():
        for form in (actor.name_ar, *actor.aliases):
            by_alias.setdefault(identity_key(form), actor.kb_id)
        for form in actor.ambiguous:
            owners = by_ambiguous.setdefault(identity_key(form), [])
            if actor.kb_id not in owners:
                owners.append(actor.kb_id)
    by_title: dict[str, list[KbRole]] = {}
    for role in roles:
        if role.kb_id in actors:
            for title in role.titles:
                by_title.setdefault(identity_key(title), []).append(role)
    return KnowledgeBase(
        actors=actors,
        roles=tuple(roles),
        by_alias=by_alias,
        by_ambiguous={k: tuple(v) for k, v in by_ambiguous.items()},
        by_title={k: tuple(v) for k, v in by_title.items()},
        max_alias_words=max((len(k.split()) for k in by_alias), default=1),
    )


@cache
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base (``resources/kb``) plus the user's TSV files ``extra`` (AKHBAR_KB_EXTRA)."""
    shipped = [LEXICON_DIR.parent / KB_DIR / "key_actors.tsv", LEXICON_DIR.parent / KB_DIR / "key_roles.tsv"]
    missing = [p for p in shipped if not p.exists()]
    if missing:
        raise LexiconError(f"knowledge base file {missing[0]} is missing; reinstall Akhbar or restore it from git")
    users = [Path(p) for p in extra]
    for p in users:
        if not p.is_file():
            raise LexiconError(f"AKHBAR_KB_EXTRA names {p}, which is not a file; fix the path or unset the variable")
    return parse_kb_files([*shipped, *users])
