"""Entity enrichment after any NER backend: knowledge base and gazetteer, titles, adjectives.

Pure functions over one document's tokens and BIO labels (no Dagster), applied by
:func:`pipeline.nlp.ner.base.tag_document` whatever the backend:

* :func:`split_at_titles` — a person span that swallowed a title ("سلمان بن عبدالعزيز خادم الحرمين
  عبدالفتاح السيسي") is cut at the title; a title at its start is left outside the name.
* :func:`apply_dictionary` — longest matches of the key-actor knowledge base (aliases), country and region
  names, multi-word places and organisations. A match over ``O`` tokens becomes a mention; a match that covers
  backend spans replaces them (one span, the dictionary's type: "داعش" is an organisation however the
  backend typed it); a match inside a longer backend span is left alone ("مركز الملك سلمان للإغاثة").
  Bare forms that name an entity only in context ("الهلال" the club, "الشرق الأوسط" the newspaper) are
  matched only in that context: after a head noun (نادي، صحيفة …), between quotes (outlets) or in a
  sports sentence (clubs). "المملكة" alone is Saudi Arabia in a document about Saudi Arabia.
* :func:`span_title` — the title or role attached to a person mention ("وزير الخارجية الروسي" before
  the name, "ولي العهد" right after it) and the country its nisba names.
* :func:`is_adjective` — nationality adjectives ("الروسي", "السوريين", "روس") and accusative adverbs
  ("روسياً") are references, not names.

Matching is on :func:`pipeline.nlp.text.identity_key`; a proclitic (و ف ب ل ك) on the first word is allowed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import pairwise
from operator import itemgetter

from pipeline.lexicons import (
    PERSON_SUBTYPES,
    KnowledgeBase,
    Lexicon,
    capitals,
    is_event_word,
    listed_given_names,
    load_kb,
    load_lexicon,
    match_reporting,
    places,
    read_lines,
    read_rows,
    shared_place_names,
)
from pipeline.nlp.dates import CALENDAR_WORDS
from pipeline.nlp.ner.conll import entity_spans
from pipeline.nlp.ner.resources import is_common_word, shipped_word_classes
from pipeline.nlp.text import (
    Token,
    fold_text,
    identity_key,
    normalize_for_matching,
    proclitic_splits,
    stem_variants,
    tokenize,
)
from pipeline.schemas import EntityType

Labels = list[tuple[str, float]]

CONF_DICTIONARY = 0.9
CONF_PROPAGATED = 0.6  # a name found again in its document
# head nouns before a bare contextual form, and the KB subtypes they point to
_OUTLET_HEADS = ("صحيفة", "جريدة", "قناة", "مجلة", "موقع", "تلفزيون", "إذاعة", "وكالة")
_CLUB_HEADS = ("نادي", "فريق", "النادي", "الفريق")
_TOLD_TO = frozenset({"لـ", "ل", "لـــ", "لــ"})
_NEWS_OF = frozenset(identity_key(w) for w in ("أنباء", "الأنباء"))  # "وكالة أنباء X": the agency X
# what an agency or a paper does before its name ("وذكرت الأناضول"): feminine perfects of reporting only ("بين"
# is also "between", "أعلن اليوم" is "announced today")
_OUTLET_REPORTS = frozenset(identity_key(w) for w in (
    "ذكرت", "أفادت", "نقلت", "أوضحت", "أوردت", "قالت", "أضافت", "كشفت", "أشارت", "تابعت"))
_TIME_NOT_OUTLET = frozenset({identity_key("اليوم")})  # "وقالت اليوم الثلاثاء": today, not the paper
_OPEN_QUOTES = frozenset({"«", '"', "“", "'", "‘", "{"})
_CLOSE_QUOTES = frozenset({"»", '"', "”", "'", "’", "}"})
_SPORTS_CUES = ("مباراة", "المباراة", "الدوري", "فريق", "الفريق", "لاعب", "اللاعب", "لاعبي", "مدرب", "المدرب",
                "نادي", "النادي", "البطولة", "كأس", "التعادل", "الفوز", "فوز", "الملعب", "الموسم", "الكرة", "مهاجم",
                "المنتخب", "دوري", "تعاقد", "الجولة", "المدافع", "الحارس", "جماهير", "محترف", "لاعبو",
                "الأندية", "المهاجم", "المباريات")
_KINGDOM = "المملكة"
# an adjective after المملكة names another kingdom (المملكة المتحدة، الأردنية، المغربية …)
_OTHER_KINGDOM_SIGNS = ("المتحدة", "الأردنية", "المغربية", "البحرينية", "الهولندية", "البلجيكية", "الإسبانية",
                        "السويدية", "النرويجية", "الدنماركية", "التايلاندية", "الهاشمية", "العربية")
_SAUDI_SIGNS = ("السعودية", "السعودي", "السعوديين", "السعوديون", "خادم الحرمين", "بن عبدالعزيز", "بن عبد العزيز",
                "ولي العهد", "الرياض", "جدة", "مكة", "المدينة المنورة", "الدمام", "الطائف", "تبوك", "أبها", "جازان",
                "نجران", "القصيم", "حائل", "الأحساء", "الباحة", "الجوف", "بريدة", "ينبع", "القطيف", "الظهران",
                "عسير", "مجلس الشورى", "ريال", "التحالف العربي", "عاصفة الحزم", "إعادة الأمل")
_OTHER_KINGDOMS = ("الأردن", "المغرب", "البحرين", "بريطانيا", "المملكة المتحدة", "إسبانيا", "هولندا", "بلجيكا",
                   "السويد", "النرويج", "الدنمارك", "تايلاند")
# name parts that a following title word belongs to ("عبدالعزيز آل الشيخ": الشيخ is not a title there)
_NAME_LINKS = frozenset(identity_key(w) for w in ("آل", "بن", "ابن", "بنت", "أبو", "أم", "عبد", "ال"))
_PUNCT_BEFORE_NAME = frozenset({"،", ",", ":", "-", "–"})
_TANWEEN_FATH = "\u064b"
_ORDINALS = frozenset(normalize_for_matching(w) for w in (
    "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر",
    "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"))
# prepositions spelt with a final ى: folded, "على" would read as the name "علي"; as written they never are names
FUNCTION_WORDS_AS_WRITTEN = frozenset({"على", "إلى", "الى", "حتى", "لدى", "سوى", "متى", "عسى", "مدى", "أنى"})
# "مركز الملك سلمان", "جامعة الملك عبدالعزيز", "مطار الملك عبدالعزيز الدولي": a place or body named after a
# person is that place or body, not the person
_NAMED_AFTER_ORG = ("مركز", "جامعة", "مستشفى", "مدينة", "كلية", "معهد", "مؤسسة", "برنامج", "مجمع", "مدرسة",
                    "مكتبة", "مشروع", "كرسي", "وقف", "دارة", "قاعة", "صندوق", "بنك", "مصرف", "مبادرة", "قصر", "جمعية",
                    "نادي", "فريق", "هيئة", "شركة", "بورصة", "سوق",
                    "أمانة", "غرفة",  # (a city's municipality and chamber of commerce: "أمانة جدة", "غرفة الرياض")
                    "جمرك")  # (a port's or crossing's customs office: "جمرك البطحاء", "جمرك ميناء جدة الإسلامي")
# "بطولة واشنطن المفتوحة", "إعلان القاهرة", "كوبا أمريكا", "جائزة الملك فيصل": events and prizes (MISC)
_NAMED_AFTER_MISC = ("بطولة", "كأس", "كوبا", "دورة", "مهرجان", "معرض", "إعلان", "مؤتمر", "ماراثون", "اتفاقية",
                     "اتفاق", "رالي", "جائزة", "مسابقة", "منتدى", "ملتقى")
_NAMED_AFTER_LOC = ("مطار", "ميناء", "شارع", "طريق", "حي", "جسر", "دوار", "ملعب", "استاد", "مسجد", "جامع", "منتزه",
                    "محطة", "قاعدة", "منفذ", "ميدان", "مضمار", "حلبة")
# (a border crossing: "منفذ الطوال", "منفذ الوديعة"; a square or racecourse: "ميدان الملك فهد لسباق الهجن")
_CUSTOMS = identity_key("جمرك")
_MOSQUE_HEADS = frozenset(identity_key(w) for w in ("مسجد", "جامع"))
_NAMED_AFTER_TAIL = 4  # words after the name that may still belong to it ("الدولي", "للإغاثة والأعمال الإنسانية")
# "منطقة الرياض" is the province, not the city
_REGION_HEADS = ("منطقة", "محافظة", "إمارة", "ولاية", "إقليم", "مقاطعة")
# a city the backend missed counts when the text places something in it ("في اللاذقية", "بطرطوس")
_LOCATIVES = frozenset(normalize_for_matching(w) for w in (
    "في", "إلى", "الى", "من", "قرب", "بمدينة", "مدينة", "محافظة", "منطقة", "شمال", "جنوب", "شرق", "غرب", "وسط",
    "ضواحي", "العاصمة", "عاصمة", "داخل", "أنحاء", "قاعدة", "قاعدتي", "ميناء", "مطار", "ريف", "حول", "قرب",
    # a settlement's own head: "بلدة الزبداني", "قرية القديح", "مخيم اليرموك", "قضاء بيجي", "مديرية البريقة"
    "بلدة", "قرية", "مخيم", "ناحية", "قضاء", "مديرية", "ولاية", "إقليم"))
# "نظام الأسد", "سقوط القذافي": after these a leader's bare family name is the person
_RULE_HEADS = ("نظام", "حكم", "سقوط", "عهد", "رحيل", "حقبة", "إسقاط", "انهيار")
_FOREIGN_GIVEN_BUCKET = 3  # log2 frequency: a foreign given name after a title is rarer than that in news
_FOREIGN_FAMILY_BUCKET = 5
_FOREIGN_DEFINITE_BUCKET = 2
_RARE_CITY_BUCKET = 7  # log2 frequency: a place name more frequent than that in news is also a common word
_DEMONSTRATIVES = ("هذه", "هذا", "تلك", "ذلك", "لهذه", "لهذا", "بهذه", "بهذا", "وهذه", "وهذا")


# "نايف بن عبدالعزيز رحمه الله": what follows an honorific is not part of the name
_HONORIFICS = frozenset(identity_key(w) for w in ("رحمه", "يرحمه", "حفظه", "يحفظه", "رعاه", "يرعاه", "رضي", "عليه",
                                                  "غفر", "تغمده", "أيده", "يؤيده", "وفقه", "يوفقه", "سدده", "نصره",
                                                  "أعزه"))
_GOD_KEYS = frozenset({identity_key("الله")})
# "خميس نجل القذافي": two persons, the son and the father
_KINSHIP = frozenset(identity_key(w) for w in ("نجل", "نجلة", "نجلي", "شقيق", "شقيقة", "زوجة", "أرملة", "حفيد",
                                               "حفيدة", "والد", "والدة", "ابنة", "أخت", "شقيقي"))
# after these a royal's name is given names, "بن X", "آل X" and ال-words ("الملك سلمان أناب": not أناب)
_ROYAL_TITLES = frozenset(identity_key(w) for w in ("الملك", "الأمير", "الأميرة", "الملكة", "السلطان", "الأميرين"))
# "نصر الله به", "حفظه الله لهم": after a verb + الله these make a prayer of it
_PRAYER_OBJECTS = frozenset({"به", "بها", "بهم", "بهما", "له", "لها", "لهم", "لنا", "بنا"})
# "«عاصفة الحزم» للمالك أحمد": a boat or a horse named after something is not that thing
_OWNED = frozenset(identity_key(w) for w in ("للمالك", "لمالكه", "لمالكها", "للملاك", "لصاحبه", "لصاحبها"))
# cues of a finance sentence: "الأهلي" there is the bank
_YEMEN_WAR_KEYS = frozenset(identity_key(w) for w in (
    "الحوثيين", "الحوثي", "الحوثية", "الحوثيون", "اليمن", "اليمنية", "اليمني", "صنعاء", "عدن", "تعز", "مأرب",
    "الانقلابيين", "المخلوع", "الشرعية", "الحزم"))  # a sentence about the war in Yemen
# "التحالف" in a story about the war in Yemen is the coalition Saudi Arabia leads there, not the one against ISIS
_YEMEN_COALITION_LEAD = "SA"
# "التحالف" in a sentence about the war on ISIS in Syria and Iraq is the coalition the United States leads
_ISIS_WAR_KEYS = frozenset(identity_key(w) for w in (
    "داعش", "سوريا", "سورية", "العراق", "الرقة", "الموصل", "كوباني", "الحسكة", "الأنبار", "الرمادي", "تكريت",
    "نينوى", "الفلوجة"))
_ISIS_COALITION_LEAD = "US"
_MEDIA_SUBTYPES = frozenset(("outlet", "agency"))
_ALLIANCE_OF = frozenset(("بين", "مع"))  # "التحالف بين الحزبين": an alliance, the common noun
_FINANCE_CUES = ("سهم", "أسهم", "الأسهم", "سهمه", "البنك", "بنك", "مصرف", "المصرف", "تداول", "المؤشر", "أرباح",
                 "الأرباح", "أرباحه", "البنوك", "المصارف", "مكرر", "السوق", "الاكتتاب", "المالية",
                 "تداولات", "المتداولة")
# heads an organisation's name is used without once the document named it in full ("هجر" after "فريق هجر")
_SHORTENABLE_HEADS = frozenset(identity_key(w) for w in ("نادي", "فريق", "جبهة", "حركة", "تنظيم", "جماعة", "حزب"))
# actors whose short forms ("النصرة", "التحالف") name them throughout a document that named them in full;
# not outlets and clubs, whose short forms are everyday words ("الجزيرة", "الشباب")
_SHORT_FORM_SUBTYPES = frozenset({"armed_group", "party", "coalition", "international_org", "government_body",
                                  "operation"})
# a single-word form this frequent in news is a name elsewhere in the document only where the document mostly
# names it ("الاتحاد" the club in a sports story, the union elsewhere)
_COMMON_BUCKET = 8
COMMON_WORD_BUCKET = 4  # a word this frequent in news (log2 bucket) is a common word: not part of a name
_RULE_HEAD_KEYS = frozenset(identity_key(w) for w in _RULE_HEADS)
_FINANCE_KEYS = frozenset(identity_key(w) for w in _FINANCE_CUES)
_DANGLING = frozenset(identity_key(w) for w in ("آل", "بن", "ابن", "بنت", "أبو"))
_AL = identity_key("آل")
_CITY_ROLES = frozenset(identity_key(w) for w in ("أمين", "محافظ", "عمدة"))  # "أمين الطائف": Taif's mayor
_RELATIVES = frozenset(identity_key(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي"))
NAMED_AFTER_LOC_HEADS = frozenset(identity_key(w) for w in _NAMED_AFTER_LOC)  # مسجد، مطار، ملعب …
NAMED_AFTER_MISC_HEADS = frozenset(identity_key(w) for w in _NAMED_AFTER_MISC)  # مهرجان، كأس، بطولة …
HEAD_NOUNS = frozenset(identity_key(w) for w in (*_NAMED_AFTER_ORG, *_NAMED_AFTER_LOC, *_NAMED_AFTER_MISC,
                                                  *_REGION_HEADS, *_OUTLET_HEADS, *_CLUB_HEADS))


@dataclass(frozen=True)
class DictEntry:
    """What a dictionary match says about its span."""

    type: EntityType
    kb_id: str | None = None
    country_code: str | None = None
    title_only: bool = False  # a person named by a role title alone ("أمير دولة قطر")


@dataclass(frozen=True)
class EntityLexicon:
    """Everything the enrichment passes look names up in (built once per process by :func:`entity_lexicon`)."""

    kb: KnowledgeBase
    lexicon: Lexicon
    entries: dict[str, DictEntry]  # identity key of a phrase -> what it is
    prefixes: frozenset[str]  # identity keys of the word-prefixes of the entries (to stop extending early)
    max_words: int
    titles: frozenset[str]  # identity keys of title phrases
    max_title_words: int
    given_names: frozenset[str]  # identity keys of given names
    misc_forms: frozenset[str]  # identity keys of MISC names with a subtype (الله، دولار …)
    place_types: dict[str, str | None]  # identity key of any gazetteer place -> its country code
    place_subtypes: dict[str, str | None]  # identity key of any gazetteer place -> city | country | region
    nisba: dict[str, str | None]  # matching form of a nationality adjective -> country code
    org_heads: frozenset[str] = field(default_factory=frozenset)  # head nouns of organisation names (وزارة …)
    outlet_heads: frozenset[str] = field(default_factory=frozenset)
    club_heads: frozenset[str] = field(default_factory=frozenset)
    shared_places: frozenset[str] = field(default_factory=frozenset)  # city names several countries have
    shared_countries: dict[str, str] = field(default_factory=dict)  # a shared name's country reading (عمان: OM)
    shared_cities: dict[str, str] = field(default_factory=dict)  # its one city reading's country (عمان: JO)
    homographs: dict[str, str] = field(default_factory=dict)  # identity key -> rule (homographs_ar.tsv)
    kb_title_first: frozenset[str] = frozenset()  # first words of the KB's role titles
    # every word a title phrase can hold after its first (empty: no pruning); see _title_words
    title_words: frozenset[str] = frozenset()
    title_first: frozenset[str] = frozenset()  # first words of every title
    # identity key -> (cues before, cues after) that make it the common word (common_word_contexts_ar.tsv)
    word_contexts: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    place_words: frozenset[str] = frozenset()  # identity keys of place_words_ar.txt: names that are places alone

    def is_known_name(self, key: str) -> bool:
        """True when the identity key names something of the dictionary or is a given name."""
        return (key in self.entries or key in self.given_names or key in self.kb.by_ambiguous or key in self.misc_forms
                or key in HEAD_NOUNS or key in self.org_heads)


def _word_prefixes(key: str) -> list[str]:
    words = key.split()
    return [" ".join(words[:n]) for n in range(1, len(words) + 1)]


@cache
def entity_lexicon(kb_extra: tuple[str, ...] = ()) -> EntityLexicon:
    """The enrichment lexicon: shipped knowledge base (+ the user's ``kb_extra`` files), places, organisations,
    titles (titles_ar.txt and every KB role title), given names (given_names_ar.txt,
    given_names_foreign_ar.txt and the KB's persons)."""
    kb = load_kb(kb_extra)
    lex = load_lexicon()
    entries: dict[str, DictEntry] = {}
    for norm, entry in places().items():
        if entry.subtype in ("country", "region") or len(norm.split()) > 1:
            entries[identity_key(norm)] = DictEntry(EntityType.LOC, None,
                                                    entry.country_code if entry.subtype == "country" else None)
    for org in (e for e in lex.entries.values() if e.type == EntityType.ORG.value):
        entries[identity_key(org.name_ar)] = DictEntry(EntityType.ORG)
    for key, kb_id in kb.by_alias.items():
        actor = kb.actors[kb_id]
        entries[key] = DictEntry(EntityType(actor.type), kb_id, None)
        if "." in key:  # "د.ب.أ", "إف.بي.آي": as the text's tokens
            entries.setdefault(identity_key(" ".join(t.text for t in tokenize(key))), entries[key])
    prefixes = {p for key in [*entries, *kb.by_ambiguous] for p in _word_prefixes(key)}
    written_titles = [*read_lines("titles_ar.txt"), *(t for role in kb.roles for t in role.titles)]
    titles = {identity_key(t) for t in written_titles}
    # the key of a title's first word alone ("آية الله": the key folds the phrase into "ايهالله")
    title_first_words = {identity_key(t.split()[0]) for t in written_titles if t.strip()}
    given = {identity_key(n) for n in listed_given_names()}
    for actor in kb.actors.values():
        if actor.type == EntityType.PER.value:
            parts = identity_key(actor.name_ar).split()
            if len(parts) > 1:
                given.add(parts[0])
    return EntityLexicon(
        kb=kb, lexicon=lex, entries=entries, prefixes=frozenset(prefixes),
        max_words=max(len(k.split()) for k in [*entries, *kb.by_ambiguous]),
        titles=frozenset(titles), max_title_words=max(len(t.split()) for t in titles),
        given_names=frozenset(given), nisba=lex.nisba,
        misc_forms=frozenset(identity_key(f) for f, _ in read_rows("misc_subtypes_ar.tsv", ("form", "subtype"))),
        place_types={identity_key(n): e.country_code for n, e in places().items()},
        place_subtypes={identity_key(n): e.subtype for n, e in places().items()},
        org_heads=frozenset(identity_key(w) for w in read_lines("org_heads_ar.txt")),
        place_words=frozenset(identity_key(w) for w in read_lines("place_words_ar.txt")),
        outlet_heads=frozenset(identity_key(w) for w in _OUTLET_HEADS),
        club_heads=frozenset(identity_key(w) for w in _CLUB_HEADS),
        shared_places=frozenset(shared_place_names()),
        shared_countries={key: code for key, readings in shared_place_names().items()
                          for code, entry in readings.items() if entry.subtype == "country"},
        shared_cities={key: codes[0] for key, readings in shared_place_names().items() if len(codes := [
            code for code, entry in readings.items() if entry.subtype != "country"]) == 1},
        homographs={identity_key(normalize_for_matching(form)): rule
                    for form, rule in read_rows("homographs_ar.tsv", ("form", "rule"))},
        word_contexts=_word_contexts(),
        kb_title_first=frozenset(t.split()[0] for t in kb.by_title if t),
        title_words=_title_words(written_titles, titles),
        title_first=frozenset(t.split()[0] for t in titles if t) | title_first_words,
    )


def _word_contexts() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for form, side, cues in read_rows("common_word_contexts_ar.tsv", ("form", "side", "cues")):
        if side not in ("before", "after"):
            raise ValueError(f"common_word_contexts_ar.tsv: side must be before or after, not {side!r} ({form})")
        key = identity_key(normalize_for_matching(form))
        (before if side == "before" else after).setdefault(key, set()).update(
            identity_key(normalize_for_matching(c)) for c in cues.split("|") if c)
    return {k: (frozenset(before.get(k, ())), frozenset(after.get(k, ()))) for k in before.keys() | after.keys()}


def is_common_word_in_context(words: Sequence[str], i: int, j: int, lex: EntityLexicon) -> bool:
    """True when the mention [i, j) is a name that its neighbours make a common word (common_word_contexts_ar.tsv):
    "بحماس شديد" (enthusiasm), "أقدم شكري" (my thanks), "لدرجة الشباب", "نحن أنصار الله"."""
    if j - i == 1:
        hit = next((lex.word_contexts[k] for _, k in first_word_keys(words[i]) if k in lex.word_contexts), None)
    else:  # a phrase as written ("نحن أنصار الله": the Quran's disciples, not the Houthis)
        hit = lex.word_contexts.get(identity_key(" ".join(words[i:j])))
    if hit is None:
        return False
    before, after = hit
    if i > 0 and any(k in before for _, k in first_word_keys(words[i - 1])):
        return True
    return j < len(words) and identity_key(normalize_for_matching(words[j])) in after


@lru_cache(maxsize=1 << 18)
def word_readings(token: str) -> frozenset[str]:
    """The identity keys a word can stand for, with or without its proclitics (:func:`first_word_keys`)."""
    return frozenset(k for _, k in first_word_keys(token))


_NAME_CLASSES = frozenset("PNx")  # dictionary classes of names, or of words that may be one


def is_common_accusative(token: str, conjoined: bool = False) -> bool:
    """True for the accusative of a word of the language, its tanween written with ا ("باكرا", "لزاما", "كمينا":
    باكر, لزام, كمين), which has no reading as a proclitic + name (Accra, Zama, Minna). Not after و, which
    stands before names often ("وجوبا": and Juba, or necessarily), unless ``conjoined`` (the word is read as a
    whole: "نائبا", "متفائلا")."""
    if len(token) < (4 if conjoined else 5) or not token.endswith("ا") or (token[0] == "و" and not conjoined):
        return False
    classes = shipped_word_classes().get(normalize_for_matching(token[:-1]), "")
    return bool(classes) and not set(classes) & _NAME_CLASSES  # (not "كوريا": كوري is also a name's word)


@lru_cache(maxsize=1 << 18)
def first_word_keys(token: str) -> tuple[tuple[int, str], ...]:
    """(proclitic length, identity key) readings of the first word of a name, the whole word first (cached:
    the same tuple for the same word; it is called for nearly every token of every pass)."""
    out: list[tuple[int, str]] = []
    adverb = is_common_accusative(token)
    for split in sorted(proclitic_splits(token)):
        if split and (token[split - 1] == "ك" or adverb):
            continue  # ك + name is rare, ك + word common
        for variant in stem_variants(token, split):
            out.append((split, identity_key(variant)))
    return tuple(out)


@lru_cache(maxsize=1 << 12)
def _sentence_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(identity_key, words))


@lru_cache(maxsize=1 << 12)
def _sentence_norms(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(normalize_for_matching, words))


def sentence_keys(words: Sequence[str]) -> tuple[str, ...]:
    """The identity keys of a sentence's words (cached per sentence: every enrichment pass reads them)."""
    return _sentence_keys(tuple(words))


def sentence_norms(words: Sequence[str]) -> tuple[str, ...]:
    """The matching forms of a sentence's words (cached per sentence, as :func:`sentence_keys`)."""
    return _sentence_norms(tuple(words))


# --- spans over labels ----------------------------------------------------------------------------------
def _spans(labels: Labels) -> list[tuple[int, int, str]]:
    """:func:`entity_spans` of ``(label, confidence)`` pairs."""
    return entity_spans(map(_LABEL, labels))


_LABEL = itemgetter(0)


def _mark(labels: Labels, i: int, j: int, tag: str, conf: float) -> None:
    for k in range(i, j):
        labels[k] = (("B-" if k == i else "I-") + tag, conf)


def _clear(labels: Labels, i: int, j: int) -> None:
    for k in range(i, j):
        labels[k] = ("O", 1.0)


@cache
def _is_person(tag: str) -> bool:
    return (EntityType.parse(tag) or EntityType.MISC) is EntityType.PER


@cache
def _person_or_org(tag: str) -> bool:
    return EntityType.parse(tag) in (EntityType.PER, EntityType.ORG)


_CAPITAL = identity_key("العاصمة")


def capital_of(head: str, adjective: str) -> str | None:
    """The identity key of the capital "العاصمة" + a nationality adjective names ("العاصمة البريطانية" →
    لندن, a proclitic allowed on the head: "بالعاصمة السورية"), or None."""
    if not any(k == _CAPITAL for _, k in first_word_keys(head)):
        return None
    code = _nisba_codes().get(normalize_for_matching(adjective))
    name = capitals().get(code or "")
    return identity_key(normalize_for_matching(name)) if name else None


def _other_nationality(words: Sequence[str], j: int, kb_id: str, lex: EntityLexicon) -> bool:
    """True when the word after a KB actor's name is a nationality (or regional) adjective that is not its
    country's: the phrase names another country's namesake ("كأس السوبر الأوروبي", "الدوري الإسباني")."""
    if j >= len(words):
        return False
    norm = normalize_for_matching(words[j])
    if norm not in lex.nisba:
        return False
    actor = lex.kb.actors.get(kb_id)
    if actor is None or actor.type == EntityType.PER.value or not actor.country:
        return False  # a person's nisba is a title ("بوتين الروسي"); an international body has no country
    return lex.nisba[norm] != actor.country


def _bodies_only(key: str, lex: EntityLexicon) -> bool:
    """True when every KB actor a form names is a government body ("الداخلية": a country's interior ministry,
    so "الداخلية المصرية" is Egypt's)."""
    ids = lex.kb.by_ambiguous.get(key, ())
    return bool(ids) and all(lex.kb.actors[k].subtype == "government_body" for k in ids)


def _namesake_type(words: Sequence[str], j: int, key: str, lex: EntityLexicon) -> EntityType | None:
    """The type of the namesake a KB form of two words or more names when another country's adjective follows
    it ("كأس السوبر الأوروبي"): every actor of that form is another country's; None otherwise. (One word
    with an adjective is mostly a common noun: "التعاون الروسي" is Russian cooperation, not a club.)"""
    entry = lex.entries.get(key)
    ids = [*lex.kb.by_ambiguous.get(key, ()), *([entry.kb_id] if entry is not None and entry.kb_id else [])]
    if not ids or not all(_other_nationality(words, j, k, lex) for k in ids):
        return None
    types = {lex.kb.actors[k].type for k in ids if k in lex.kb.actors}
    return EntityType(types.pop()) if len(types) == 1 and EntityType.PER.value not in types else None


_RESOLUTION_HEADS = frozenset(identity_key(w) for w in ("قرار", "القرار"))
_RESOLUTION_ADJECTIVES = frozenset(identity_key(w) for w in ("الأممي", "الدولي"))
_NUMBER_WORD = identity_key("رقم")
UNSC_KB_ID = "un_security_council"


def names_security_council(sentences: Sequence[Sequence[str]]) -> bool:
    """True when a document names the UN Security Council ("مجلس الأمن", a proclitic allowed)."""
    council, security = identity_key("مجلس"), identity_key("الأمن")
    return any(k == council and identity_key(words[t + 1]) == security
               for words in sentences if council in "\x00".join(sentence_keys(words))  # (a reading of a word
               for t in range(len(words) - 1) for _, k in first_word_keys(words[t]))  # holds its key's letters)


def resolution_span(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                    council_named: bool) -> int:
    """Length of a Security Council resolution named by its number: "قرار مجلس الأمن (الدولي) رقم 2216",
    "القرار الأممي 2216", or "القرار 2216" / "قرار 2216" in a document that names the council; the number
    ends the span (in brackets, the brackets too). 0 when not one."""
    if not any(k in _RESOLUTION_HEADS for _, k in first_word_keys(words[i])):
        return 0
    t, body = i + 1, False
    if t < len(words):
        n, key = _longest_entry(words, keys, t, lex)
        entry = lex.entries.get(key) if key else None
        if n and key is not None and UNSC_KB_ID in (
                {entry.kb_id} if entry is not None else set()) | set(lex.kb.by_ambiguous.get(key, ())):
            body, t = True, t + n
        elif keys[t] in _RESOLUTION_ADJECTIVES:
            body, t = True, t + 1
    if t < len(words) and keys[t] == _NUMBER_WORD:
        t += 1
    bracket = t < len(words) and words[t] == "("
    t += bracket
    if t >= len(words) or not words[t].isdigit() or not 3 <= len(words[t]) <= 4 or not (body or council_named):
        return 0
    t += 1
    if bracket:
        if t >= len(words) or words[t] != ")":
            return 0
        t += 1
    return t - i


def resolution_number(key: str) -> str | None:
    """The number of a resolution's identity key ("قرار مجلس الامن رقم 2216", "بالقرار ( 2216 )" → "2216")."""
    m = _RESOLUTION_KEY.match(key)
    return str(int(m.group(1))) if m else None


_RESOLUTION_KEY = re.compile(r"^[وفبلك]{0,2}(?:ال)?قرار\b.*?\(?\s*(\d{2,4})\s*\)?$")


def _club_adjective(key: str, lex: EntityLexicon) -> bool:
    """True for the adjective of a club the knowledge base knows ("الهلالي" of الهلال, "النصراوي" of النصر)."""
    if not key.startswith("ال") or not key.endswith("ي"):
        return False
    stems = (key[:-3], key[:-3] + "ي") if key.endswith("اوي") else (key[:-1],)  # النصراوي، الأهلاوي
    return any(lex.kb.actors[k].subtype == "club" for stem in stems for k in (
        *lex.kb.by_ambiguous.get(stem, ()), *((lex.kb.by_alias[stem],) if stem in lex.kb.by_alias else ())))


# words identity_key joins to or rewrites in a phrase ("عبد الله" → "عبدالله", " ابن " → " بن ")
_PHRASE_PARTS = frozenset(("عبد", "ابو", "الله", "ابن", "بن", "دا", "دي", "دو", "فان", "فون", "ديل"))


def _title_words(written: Iterable[str], titles: Iterable[str]) -> frozenset[str]:
    """The identity keys a word of a title phrase can have in text: the words of every title as written and
    of its key, and the words a phrase's key joins or rewrites. A phrase holding any other word after its
    first is no title, so :func:`_title_at` and :func:`span_title` never build its key."""
    return frozenset({identity_key(w) for t in written for w in t.split()} | {w for t in titles for w in t.split()}
                     | _PHRASE_PARTS)


def _title_reach(keys: Sequence[str], start: int, stop: int, lex: EntityLexicon, step: int = 1) -> int:
    """How many keys in a row, from ``start`` towards ``stop`` (excluded; ``step`` -1 reads backwards), can be
    words of a title (all of them when the lexicon has no title words)."""
    if not lex.title_words:
        return abs(stop - start)
    n = start
    while n != stop and keys[n] in lex.title_words:
        n += step
    return abs(n - start)


def _title_at(keys: Sequence[str], words: Sequence[str], k: int, end: int, lex: EntityLexicon,
              bare: bool = False) -> int:
    """Length of the longest title phrase starting at token ``k`` and ending by ``end`` (0 if none); ``bare``:
    its first word as written, no proclitic split off ("ولي العهد", not "ومدير" read as "مدير")."""
    firsts = [first for cut, first in first_word_keys(words[k]) if not (bare and cut)]
    if lex.title_first and not any(first in lex.title_first for first in firsts):
        return 0
    reach = 1 + _title_reach(keys, k + 1, min(end, k + lex.max_title_words), lex)
    for length in range(min(lex.max_title_words, end - k, reach), 0, -1):
        rest = keys[k + 1 : k + length]
        for first in firsts:
            if identity_key(" ".join([first, *rest])) in lex.titles:
                return length
    return 0


_COMMAS = frozenset({"،", ","})  # a list's items and an apposition are set off by these
_LIST_ITEM_WORDS = 4  # words of a person's name in a list


def _one_kb_person(key: str, lex: EntityLexicon) -> bool:
    """True for a form that names one KB person, on its own or in context ("روحاني")."""
    found = lex.kb.named_by(key)
    return len(found) == 1 and lex.kb.actors[next(iter(found))].type == EntityType.PER.value


def _list_persons(words: Sequence[str], keys: Sequence[str], labs: Labels, lex: EntityLexicon) -> None:
    """Label the items of a list of persons the backend missed: after "<person>،" or "<person> و", a given name
    and the words up to the next comma, all names' words (no function word, title or number), two or three
    of them; of a longer item, a given name and a family name ("وعمر هوساوي كحراس مرمى"); right after a
    person, و + a form that names one KB person on its own ("برفسنجاني وروحاني"). A given name the backend
    found alone between two items takes the word before the next one (:func:`_given_name_in_list`)."""
    for i in range(1, len(words) - 2):
        if _given_name_in_list(words, keys, labs, i, lex):
            _mark(labs, i, i + 2, EntityType.PER.tag, labs[i][1])  # "وحسين عبدالغني ومحمد عيد وحسن الراهب"
    for i in range(1, len(words)):
        if (labs[i][0] == "O" and words[i][:1] == "و" and len(words[i]) > 3 and labs[i - 1][0] != "O"
                and _is_person(labs[i - 1][0][2:]) and _one_kb_person(identity_key(words[i][1:]), lex) and (
                    i + 1 >= len(words) or labs[i + 1][0] == "O")):
            _mark(labs, i, i + 1, EntityType.PER.tag, labs[i - 1][1])  # "برفسنجاني وروحاني": and a KB person
            continue
        if labs[i][0] != "O":
            continue
        if i >= 2 and words[i - 1] in _COMMAS and _is_person(labs[i - 2][0][2:]):
            conf, joined = labs[i - 2][1], False
        elif (words[i][:1] == "و" and len(words[i]) > 3 and words[i][1:] not in FUNCTION_WORDS_AS_WRITTEN
              and identity_key(words[i][1:]) not in lex.title_first and _is_person(labs[i - 1][0][2:])):
            conf, joined = labs[i - 1][1], True  # "… السواط ونواف العابد": و + the list's next person (not a
            # given name that also opens a title: "وأمين الصندوق أحمد شعيب")
        else:
            continue
        if not any(k in lex.given_names for cut, k in first_word_keys(words[i]) if cut or not joined):
            if joined and _between_persons(words, keys, labs, i, lex):
                _mark(labs, i, i + 2, EntityType.PER.tag, conf)  # "وأحمد شعيب ومشهور البنيان وعبد الفتاح هوساوي"
            continue
        j = i + 1
        while (j < len(words) and j - i < _LIST_ITEM_WORDS and labs[j][0] == "O" and keys[j].isalpha()
               and words[j] not in _COMMAS and not (j > i + 1 and words[j][:1] == "و")
               and normalize_for_matching(words[j]) not in lex.lexicon.stopwords and keys[j] not in lex.titles
               and keys[j] not in lex.title_first):
            j += 1
        ends_item = j >= len(words) or words[j] in _COMMAS or words[j][:1] == "و" or not keys[j].isalpha()
        if 2 <= j - i <= 3 and ends_item:
            _mark(labs, i, j, EntityType.PER.tag, conf)
        elif j - i >= 2 and (keys[i + 1].startswith("ال") or keys[i + 1].endswith("ي")):
            _mark(labs, i, i + 2, EntityType.PER.tag, conf)  # "وعمر هوساوي كحراس مرمى"


_LINEUP_ITEMS = 4  # one-word items of a comma-separated list, at least, for a lineup of family names
_LINEUP_PERSONS = 2  # of them the backend tagged as persons (and nothing else), at least


def _lineup_persons(words: Sequence[str], keys: Sequence[str], labs: Labels, lex: EntityLexicon) -> None:
    """Label the family names of a lineup the backend missed: a comma-separated list of one-word items
    ("بتشكيلة مكونة من شراحيلي، ديقاو، جحفلي، كواك، الزوري، القرني، درويش") of which at least two are tagged
    persons and none anything else — its other items are players too. An item that is a function word, a title,
    a place word or a number ends the list."""
    n = len(words)
    i = 0
    while i < n:
        items = [i]
        while items[-1] + 2 < n and words[items[-1] + 1] in _COMMAS:
            items.append(items[-1] + 2)
        if len(items) > 1 and items[-1] + 1 < n and labs[items[-1] + 1][0].startswith("I-"):
            items.pop()  # the last item goes on past its word: "…، فيصل درويش"
        if len(items) < _LINEUP_ITEMS:  # (no lineup can start here: most words)
            i = items[-1] + 1 if len(items) > 1 else i + 1
            continue
        kept: list[int] = []
        for k in items:
            word = normalize_for_matching(words[k])
            if (not keys[k].isalpha() or len(keys[k]) < 3 or word in lex.lexicon.stopwords
                    or words[k] in FUNCTION_WORDS_AS_WRITTEN or keys[k] in lex.titles or keys[k] in lex.title_first
                    or keys[k] in lex.place_types or (k + 1 < n and labs[k + 1][0].startswith("I-"))):
                break
            kept.append(k)
        tags = [labs[k][0] for k in kept]
        persons = sum(t.startswith("B-") and _is_person(t[2:]) for t in tags)
        if (len(kept) >= _LINEUP_ITEMS and persons >= _LINEUP_PERSONS
                and all(t == "O" or _is_person(t[2:]) for t in tags)):
            for k in kept:
                if labs[k][0] == "O":
                    _mark(labs, k, k + 1, EntityType.PER.tag, 0.5)
        i = items[-1] + 1 if len(items) > 1 else i + 1


_BETWEEN_ITEM_WORDS = 3  # words of an untagged list item between two persons ("كواك تاي هي")
_BETWEEN_ITEMS = 3  # untagged items in a row between two persons of a list
_BETWEEN_REACH = 10  # tokens around them where a list item of another type makes it no list of persons


def _person_ends(labs: Labels, k: int) -> bool:
    """Token ``k`` is the last of a person span."""
    return 0 <= k < len(labs) and labs[k][0] != "O" and _is_person(labs[k][0][2:]) and (
        k + 1 >= len(labs) or not labs[k + 1][0].startswith("I-"))


def _person_starts(labs: Labels, k: int) -> bool:
    """Token ``k`` opens a person span."""
    return 0 <= k < len(labs) and labs[k][0].startswith("B-") and _is_person(labs[k][0][2:])


def _persons_between_persons(words: Sequence[str], keys: Sequence[str], labs: Labels, lex: EntityLexicon) -> None:
    """Label the untagged items of a list of persons that stand between two of its persons ("محمد جحفلي، كواك
    تاي هي، ديقاو، ياسر الشهراني", "الزوري وكواك تاي هي وديغاو وياسر الشهراني"): after a comma (or و) that
    follows a person, up to three items of one to three words each, up to a comma (or و) that a person
    follows. No word of an item may be a title, a place, a number or a word of the language ("والمدير",
    "وأصدقاءه"); one of its words must be no function word."""
    n = len(words)
    i = 1
    while i < n:
        if labs[i][0] != "O" or not ((words[i - 1] in _COMMAS and _person_ends(labs, i - 2)) or (
                words[i][:1] == "و" and len(words[i]) > 3 and _person_ends(labs, i - 1))):
            i += 1
            continue
        items: list[tuple[int, int]] = []
        a, closed = i, False
        while a < n and len(items) < _BETWEEN_ITEMS and labs[a][0] == "O":
            joined = words[a][:1] == "و" and words[a - 1] not in _COMMAS
            b = a
            while b < n and b - a < _BETWEEN_ITEM_WORDS and labs[b][0] == "O" and words[b] not in _COMMAS and not (
                    b > a and words[b][:1] == "و" and len(words[b]) > 3):
                b += 1
            if b == a or not all(_list_name_word(words[k][1:] if k == a and joined else words[k], lex)
                                 for k in range(a, b)) or (joined and not _list_name_word(words[a], lex)) or all(
                    normalize_for_matching(words[k]) in lex.lexicon.stopwords for k in range(a, b)):
                break
            items.append((a, b))
            if (b < n and words[b] in _COMMAS and _person_starts(labs, b + 1)) or (
                    b < n and words[b][:1] == "و" and _person_starts(labs, b)):
                closed = True
                break
            a = b + 1 if b < n and words[b] in _COMMAS else b
            if a < n and words[a][:1] != "و" and words[a - 1] not in _COMMAS:
                break
        if closed and not any(labs[k][0].startswith("B-") and not _is_person(labs[k][0][2:]) and (
                words[k - 1] in _COMMAS or (k + 1 < n and words[k + 1] in _COMMAS))
                for k in range(max(1, i - _BETWEEN_REACH), min(n, items[-1][1] + _BETWEEN_REACH))):
            for a, b in items:  # (not in a list that holds a place or a body too)
                _mark(labs, a, b, EntityType.PER.tag, 0.5)
        i = items[-1][1] + 1 if items else i + 1


def _list_name_word(word: str, lex: EntityLexicon) -> bool:
    """A word that may stand in a person's name in a list: letters only, no title, place, nationality or
    dictionary word of the language (a function word is allowed: "هي" of "كواك تاي هي")."""
    norm = normalize_for_matching(word)
    key = identity_key(norm)
    if not norm.isalpha() or key in lex.titles or key in lex.title_first or key in lex.place_types or (
            norm.startswith(("لل", "بال", "وال", "فال", "كال"))):
        return False  # (a preposition or conjunction on the article: "للصحة")
    if norm.endswith("ا") and len(norm) > 3 and ((k := identity_key(norm[:-1])) in lex.titles or k in lex.title_first
                                                 or _dictionary_word(norm[:-1])):
        return False  # an accusative noun: "وزيرا للصحة"
    if norm in lex.lexicon.stopwords:
        return True
    bare = next((norm[: -len(e)] for e in ("هما", "هم", "ها", "ه") if norm.endswith(e) and len(norm) - len(e) >= 4),
                None)
    return not (norm in lex.nisba or _dictionary_word(norm) or key in lex.place_words
                or (bare is not None and _dictionary_word(bare)))  # ("أصدقاءه": his friends)


def _given_name_in_list(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int,
                        lex: EntityLexicon) -> bool:
    """True when the one-word person span at ``i`` is a given name in a list of full names whose family name
    the backend left out ("ومحمد عيد": عيد is also a feast): right after a person of two words or more (joined
    by و, or after a comma), then one untagged word that is no function word, title, place or nationality,
    then the list's next item (a comma, or و + a given name)."""
    if not (labs[i][0].startswith("B-") and _is_person(labs[i][0][2:]) and labs[i + 1][0] == "O"):
        return False
    if words[i][:1] == "و" and len(words[i]) > 3:
        before, given = i - 1, keys[i][1:]
    elif words[i - 1] in _COMMAS and i >= 2:
        before, given = i - 2, keys[i]
    else:
        return False
    if not (labs[before][0].startswith("I-") and _is_person(labs[before][0][2:]) and given in lex.given_names):
        return False
    family, nxt = keys[i + 1], words[i + 2]
    if (not family.isalpha() or len(family) < 3 or words[i + 1][:1] == "و"
            or normalize_for_matching(words[i + 1]) in lex.lexicon.stopwords or family in lex.titles
            or family in lex.title_first or family in lex.place_types
            or normalize_for_matching(words[i + 1]) in lex.nisba):
        return False
    return nxt in _COMMAS or (nxt[:1] == "و" and len(nxt) > 3 and keys[i + 2][1:] in lex.given_names)


def _between_persons(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon) -> bool:
    """True when و + two words at ``i`` is an item of a list of persons whose first name the lists of given names
    lack ("ومشهور البنيان"): the person before it and the next item, و + a person, hold it in; its second word
    reads as a family name (definite or a nisba-like ي ending), and neither is a title or a function word."""
    if i + 2 >= len(words) or labs[i + 1][0] != "O" or not words[i + 2].startswith("و"):
        return False
    if not (labs[i + 2][0].startswith("B-") and _is_person(labs[i + 2][0][2:])):
        return False
    family = keys[i + 1]
    if family in lex.entries or family in lex.kb.by_alias or family in lex.kb.by_ambiguous:
        return False  # "ومدافع الشباب": a player of the club, no name
    return (family.isalpha() and len(family) >= 4 and (family.startswith("ال") or family.endswith("ي"))
            and keys[i][1:].isalpha() and len(keys[i]) >= 4
            and all(k not in lex.titles and k not in lex.title_first and k not in lex.place_types
                    and normalize_for_matching(w) not in lex.lexicon.stopwords
                    and normalize_for_matching(w) not in lex.nisba
                    for w, k in ((words[i][1:], keys[i][1:]), (words[i + 1], family))))


_CUED_FAMILY_BUCKET = 5  # log2 frequency: a family name after a given name is rarer than that in news


def _family_word(words: Sequence[str], keys: Sequence[str], labs: Labels, k: int, lex: EntityLexicon,
                 frequency: Callable[[str], int]) -> bool:
    """True when untagged token ``k`` can end a person's name after a given name: a rare word of three
    letters or more that is no function word, title, place, nationality or verb ("الصباغ", "بهوي"), or
    a given name itself ("محمد عبدالله")."""
    if k >= len(words) or labs[k][0] != "O":
        return False
    norm = normalize_for_matching(words[k])
    if len(norm) < 3 or not norm.isalpha() or norm.startswith(("لل", "بال", "وال", "فال", "كال", "و")):
        return False  # (and no conjunction: "بين مؤيد ورافض")
    if (norm in lex.lexicon.stopwords or keys[k] in lex.titles or keys[k] in lex.title_first
            or keys[k] in lex.place_types or norm in lex.nisba):
        return False
    if norm[:1] in "يت" and norm.endswith(("ون", "ان")):
        return False  # "وقال علي يسعون": a verb
    if keys[k] in _listed_given_names():
        return True
    if norm.startswith("ال") and norm.endswith("يه"):
        return False  # "حديقة الملك فهد المركزية": a feminine adjective, not a family name
    if (norm.endswith("ا") and frequency(norm[:-1]) > frequency(norm)) or (
            norm[:1] in "بلك" and frequency(norm[1:]) > frequency(norm)):
        return False  # "المصري عماد مدربا", "أمجد رائد لعملية": an accusative or a preposition on a word
    return frequency(norm) <= _CUED_FAMILY_BUCKET


@cache
def _listed_given_names() -> frozenset[str]:
    """Identity keys of the curated given names (``given_names_ar.txt``, ``given_names_foreign_ar.txt``),
    without the first words of the knowledge base's persons ("غير" of Geir Pedersen, "لي" of Li Keqiang are
    also common words)."""
    return frozenset(identity_key(n) for n in listed_given_names())


_SAYS_THAT = frozenset(normalize_for_matching(w) for w in (
    "أن", "إن", "بأن", "أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "ل", "لـ"))
_NAME_PARTICLES_FOREIGN = frozenset({"دا", "دي", "دو", "دوس", "فان", "فون", "ديل", "لو"})  # "دا سيلفا", "فان غال"
_NAME_OF = frozenset({identity_key("باسم"), identity_key("بإسم")})  # "المتحدث باسم الجمارك": on behalf of
_NAME_ENDS = frozenset({"،", ",", ":", ".", "«", "»", '"', "“", "”", "(", ")", "-", "–", "؛"})


def _definite_nationality(norm: str, lex: EntityLexicon) -> bool:
    """True for a nationality adjective with its article, in matching form ("السوري", "الأوروجوياني")."""
    return norm.startswith("ال") and norm in lex.nisba


def _name_ends_at(words: Sequence[str], keys: Sequence[str], j: int, lex: EntityLexicon) -> bool:
    """True when a name after a reporting verb may end before token ``j``: the sentence ends, punctuation,
    "أن/إن" and what was said, or an apposed title ("رأفت الصباغ، المتحدث", "الصباغ أن", "بهوي مدرب")."""
    if j >= len(words):
        return True
    norm = normalize_for_matching(words[j])
    return (words[j] in _NAME_ENDS or norm in _SAYS_THAT or keys[j] in lex.titles or keys[j] in lex.title_first
            or keys[j] in _MEMBER)


def _ali_then_family(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon,
                     frequency: Callable[[str], int]) -> bool:
    """After a reporting verb, "علي" (which some outlets write for على) is the given name when a rare family
    word with its article follows and an apposed title or a comma closes the name: "أكد علي العثيم عضو مجلس
    إدارة غرفة الرياض" (not "أكد علي أهمية", "أكد علي الالتزام")."""
    k = i + 1
    if not (_family_word(words, keys, labs, k, lex, frequency) and normalize_for_matching(words[k]).startswith("ال")):
        return False
    return k + 1 < len(words) and (words[k + 1] in _COMMAS or keys[k + 1] in lex.titles
                                   or keys[k + 1] in lex.title_first or keys[k + 1] in _MEMBER)


_MEMBER = frozenset(identity_key(w) for w in ("عضو", "عضوة"))  # "علي العثيم عضو مجلس إدارة …": a role follows


def cued_persons(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                 frequency: Callable[[str], int]) -> list[Labels]:
    """Persons the backend missed right after words that announce one: a nationality adjective ("السوري
    عمر السومة", "الطيار الأردني معاذ الكساسبة"), a title, with its complement ("المتحدث الرسمي للمركز
    رأفت الصباغ"), or a reporting verb when the name is then closed by
    punctuation, "أن" or a title ("وأوضح رأفت الصباغ، المتحدث"); the name is a known given name (no
    function word: "بأن", and not "علي" after a verb, which some outlets write for على) and a rare family
    word (:func:`_family_word`), three words when the second is a given name too ("علي سعد الدوابشة").
    Only untagged words are labelled; :func:`propagate_names` then finds the family name alone later in
    the article. A person span the backend began with a nationality adjective starts after it, and a
    given name alone after a nationality takes the family word after it ("الأوروجوياني خورخي" +
    "داسيلفا" → "خورخي داسيلفا")."""
    out: list[Labels] = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys = sentence_keys(words)
        for a, b, tag in _spans(labs):
            if not _is_person(tag):
                continue
            first = normalize_for_matching(words[a])
            if b - a >= 2 and _definite_nationality(first, lex):
                labs[a] = ("O", 1.0)  # "الأوروجوياني خورخي": the nationality before the name is no part of it
                labs[a + 1] = ("B-" + tag, labs[a + 1][1])
                a += 1
            before = normalize_for_matching(words[a - 1]) if a > 0 else ""
            if (b - a != 1 or keys[a] not in _listed_given_names() or b >= len(words) or labs[b][0] != "O"
                    or not _definite_nationality(before, lex)):
                continue  # only a given name alone right after a nationality takes a family word
            if _family_word(words, keys, labs, b, lex, frequency):
                labs[b] = ("I-" + tag, labs[b - 1][1])  # "خورخي" tagged alone before "داسيلفا"
            elif words[b] in _NAME_PARTICLES_FOREIGN and _family_word(words, keys, labs, b + 1, lex, frequency):
                labs[b] = labs[b + 1] = ("I-" + tag, labs[b - 1][1])  # "خورخي" + "دا سيلفا"
        for i in range(1, len(words) - 1):
            if (labs[i][0] != "O" or keys[i] not in _listed_given_names() or keys[i] in _NAME_OF
                    or words[i] in FUNCTION_WORDS_AS_WRITTEN
                    or (normalize_for_matching(words[i]) in lex.lexicon.stopwords and words[i] != "علي")):
                continue  # ("علي" as written with its dots is the name; its matching form is also على's)
            prev = normalize_for_matching(words[i - 1])
            after_nationality = _definite_nationality(prev, lex)
            after_title = _titled_at(words, keys, i, lex) or (  # "المتحدث الرسمي للمركز رأفت الصباغ"
                i > 1 and prev.startswith("ل") and _titled_at(words, keys, i - 1, lex))
            # "ومحافظ عدن، نائف البكري،": a title and its place, then the name between commas
            apposed = not (after_nationality or after_title) and i > 2 and words[i - 1] in _COMMAS and (
                _titled_at(words, keys, i - 1, lex) or (keys[i - 2] in lex.place_types and _titled_at(
                    words, keys, i - 2, lex)))
            # "الرضيع علي دوابشة", "اللاعب محمد نور": a definite noun for a person, then the name
            after_noun = not (after_nationality or after_title or apposed) and keys[i - 1] in PERSON_NOUNS
            if not (after_nationality or after_title or apposed or after_noun) and (
                    match_reporting(words[i - 1]) is None or (words[i] == "علي" and not _ali_then_family(
                        words, keys, labs, i, lex, frequency))):
                continue
            if not _family_word(words, keys, labs, i + 1, lex, frequency):
                continue
            j = i + 2
            if (keys[i + 1] in _listed_given_names() and _family_word(words, keys, labs, j, lex, frequency)
                    and keys[j] not in _listed_given_names()):
                j += 1
            family = normalize_for_matching(words[j - 1])
            if after_title and not after_nationality and not family.startswith("ال"):
                continue  # "الملا عمر تشق": after a title only an Arabic family name, with its article
            if apposed and not family.startswith("ال"):
                continue
            if after_nationality or after_title or after_noun or _name_ends_at(words, keys, j, lex):
                _mark(labs, i, j, EntityType.PER.tag, 0.5)
        for i in range(1, len(words)):  # "اللاعبين الغاني مونتاري والفنزويلي ريفاس": a foreign name of one word
            if labs[i][0] == "O" and keys[i - 1].startswith(("ال", "وال")) and _foreign_one_word(
                    words, keys, labs, i, lex, frequency):  # (a definite adjective before it: cheap to rule out)
                _mark(labs, i, i + 1, EntityType.PER.tag, 0.5)
        out.append(labs)
    return out


_NOT_NAME_ENDINGS = ("ه", "ها", "هم", "هما", "كم", "ني", "نا", "ين", "ون", "ات", "ا", "تان", "تين")


def _foreign_one_word(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon,
                      frequency: Callable[[str], int]) -> bool:
    """True for one rare word right after a man's nationality adjective (singular: not "البرازيليين") that ends a
    name there ("الغاني مونتاري.", "المدافع الإيطالي دارميان ("): no dictionary word, no article, no given name
    (those take a family word), then punctuation, a title, "أن" or و + another word."""
    prev = normalize_for_matching(words[i - 1])
    adjective = prev[1:] if prev.startswith("و") and not _definite_nationality(prev, lex) else prev
    if not _definite_nationality(adjective, lex) or adjective.endswith(("ه", "ين", "ون")):
        return False  # a man's nationality, not a body's or a plural's ("العلاقات السعودية المصرية عميقة")
    if labs[i - 1][0] != "O" or keys[i] in _listed_given_names() or keys[i].startswith("ال") or (
            i > 1 and (keys[i - 2] in lex.titles or (labs[i - 2][0] != "O" and adjective == prev))):
        return False  # ("أنهى الرئيس الجزائري مهام وزير": a title's nationality, its holder named elsewhere; but
        # "الغاني مونتاري والفنزويلي ريفاس": the list goes on)
    word = normalize_for_matching(words[i])
    if word[:1] in "يت" or (word[:1] in "وفبلك" and (is_common_word(word[1:]) or frequency(word[1:]) >= frequency(
            word))) or word.endswith(_NOT_NAME_ENDINGS) or is_common_word(word) or (
            word.endswith("ت") and _word_of_the_language(word[:-1], False)):
        return False  # a verb prefix, a conjunction or preposition on a word ("فابيان" is none), a pronoun,
        # plural, dual or accusative ending, a verb of the language ("القطاع الغربي خاطبت")
    if not _family_word(words, keys, labs, i, lex, frequency):
        return False
    return i + 1 >= len(words) or _name_ends_at(words, keys, i + 1, lex) or (
        words[i + 1][:1] == "و" and len(words[i + 1]) > 3) or keys[i + 1] == _HE_WHO or (
        i > 1 and keys[i - 2] in PERSON_NOUNS and keys[i + 1] in _AFTER_NAME)
    # ("المحترف الفنزويلي ريفاس الذي يتواجد": the man the relative clause tells of; "اللاعب الأوروجوياني فابيان
    # من جديد": a person noun and its nationality announce him, a preposition follows his name)


_AFTER_NAME = frozenset(identity_key(w) for w in ("من", "في", "إلى", "الى", "على", "عن", "مع", "بعد", "قبل", "خلال",
                                                 "منذ", "حتى", "لمدة"))


_HE_WHO = identity_key("الذي")  # the masculine singular of _RELATIVES (identity keys fold "الذى")


def reported_family_names(sentences: list[list[str]], labels: list[Labels], families: set[str],
                          lex: EntityLexicon) -> list[Labels]:
    """The story's family names that are also frequent words (``families``, matching forms: "العيد" of "عادل
    العيد", which :func:`pipeline.nlp.ner.base.propagate_names` leaves alone as a feast; "التركي", "الخميس")
    labelled where a reporting verb announces them and the name then ends as :func:`cued_persons` wants it
    ("وأوضح العيد أن", "ورأى العيد،"), or before what was said: "على أن", "إلى أنه", "عن", "في كلمته"
    ("وشدد العيد على أن", "وأشار التركي إلى أنه", "وكشف الخميس عن", "وقال العربي في كلمته"); and right after a
    verb of meeting a person ("الذي التقى العربي في القاهرة")."""
    if not families:
        return labels
    out: list[Labels] = []
    for words, labs in zip(sentences, labels, strict=True):
        hits = [i for i in range(1, len(words)) if labs[i][0] == "O" and normalize_for_matching(words[i]) in families
                and (match_reporting(words[i - 1]) is not None or meeting_verb(words[i - 1]))]
        if hits:
            keys = sentence_keys(words)
            labs = list(labs)
            for i in hits:
                nxt = normalize_for_matching(words[i + 1]) if i + 1 < len(words) else ""
                then = normalize_for_matching(words[i + 2]) if i + 2 < len(words) else ""
                said = ((nxt in _ON_TO and then in _SAYS_THAT) or nxt in _ABOUT_IT
                        or (nxt == _IN and then in _SPEECH_NOUNS))  # "على أن", "إلى أنه", "عن", "في كلمته"
                met = meeting_verb(words[i - 1]) and nxt in _AFTER_THE_ONE_MET  # "التقى العربي في القاهرة"
                if said or met or _name_ends_at(words, keys, i + 1, lex):
                    _mark(labs, i, i + 1, EntityType.PER.tag, CONF_PROPAGATED)
        out.append(labs)
    return out


# verbs of meeting a person: the family name right after one is the person met, never an adjective (an adjective
# follows a noun): "الذي التقى العربي في القاهرة" is the story's نبيل العربي
_MEETING_VERBS = frozenset(normalize_for_matching(w) for w in (
    "التقى", "التقت", "يلتقي", "تلتقي", "استقبل", "استقبلت", "يستقبل", "تستقبل", "قابل", "قابلت", "يقابل",
    "هاتف", "هاتفت", "ودع", "ودعت", "صافح", "صافحت", "هنأ", "هنأت", "عزى", "عزت"))


_AFTER_THE_ONE_MET = frozenset(normalize_for_matching(w) for w in (
    "في", "مع", "أمس", "امس", "اليوم", "خلال", "بحضور", "بمقر", "بمكتبه", "لبحث", "وبحث", "وناقش", "حيث", "على"))


def meeting_verb(word: str) -> bool:
    """``word`` is a verb of meeting a person, bare or behind و/ف ("والتقى", "فاستقبل")."""
    norm = normalize_for_matching(word)
    return norm in _MEETING_VERBS or (norm[:1] in ("و", "ف") and norm[1:] in _MEETING_VERBS)


_ON_TO = frozenset(normalize_for_matching(w) for w in ("على", "إلى", "الى"))
_ABOUT_IT = frozenset(normalize_for_matching(w) for w in ("عن", "عما"))
_IN = normalize_for_matching("في")
_SPEECH_NOUNS = frozenset(normalize_for_matching(w) for w in (
    "كلمة", "كلمته", "كلمتها", "تصريح", "تصريحه", "تصريحها", "تصريحات", "بيان", "بيانه", "حديث", "حديثه",
    "حديثها", "مؤتمر", "لقاء", "مقابلة", "تغريدة", "رسالة", "خطاب", "خطابه", "ختام"))
# definite nouns for a person that stand right before a name without being a title of it (also read by the event
# detector: "ووصف الشاعر عبدالقادر كمال" — the poet is the name's apposition)
PERSON_NOUNS = frozenset(identity_key(w) for w in (
    "الطفل", "الطفلة", "الرضيع", "الرضيعة", "الشهيد", "الشاب", "الشابة", "الفتى", "الفتاة", "المواطن", "المواطنة",
    "المقيم", "المقيمة", "الشاعر", "الشاعرة", "الروائي", "الروائية", "الفنان", "الفنانة", "الممثل", "الممثلة",
    "المطرب", "المطربة", "المغني", "المغنية", "المخرج", "المخرجة", "اللاعب", "اللاعبة", "المدرب", "المهاجم",
    "الحارس", "المدافع", "الداعية", "الأسير", "الأسيرة", "المعتقل", "الناشط", "الناشطة", "المدون", "المدونة",
    "الراحل", "الراحلة", "الفقيد", "الفقيدة", "المرحوم", "المرحومة", "الزميل", "الزميلة", "الإعلامي", "الإعلامية",
    "الطالب", "الطالبة", "المعلم", "المعلمة", "الطبيب", "الطبيبة", "المتهم", "المتهمة", "الضحية", "الجندي", "النجم",
    "الباحث", "الباحثة", "المحلل", "الخبير", "المحامي", "المحامية", "الأديب", "الأديبة", "المؤرخ", "الناقد", "الملحن"))
_APPOSITIVE_ROLES = frozenset(identity_key(w) for w in (
    "رئيس", "رئيسة", "وزير", "وزيرة", "مدرب", "مدير", "مديرة", "سفير", "محافظ", "أمير", "قائد", "مستشار",
    "نائب", "مبعوث", "مندوب", "زعيم", "نجم", "لاعب", "مهاجم", "حارس", "عضو", "مؤسس", "أمين", "المتحدث",
    "الناطق", "مساعد", "وكيل"))
_APPOSITIVE_FIRST_BUCKET = 2  # log2 frequency: an unlisted first name before an appositive role is rarer
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "ك", "كم", "نا")  # "اتخذها العبادي رئيس", "رأيك زار مدير"


def _dictionary_word(norm: str) -> bool:
    """The dictionary table knows ``norm`` as a common word (not only as a name), also behind a proclitic or
    its article ("بمرتبة", "لاغتيال", "التحقيق"), or it is a sound feminine plural ("صلاحيات")."""
    stems = [norm, norm.removeprefix("ال")]
    if norm[:1] in "وفبلك":
        stems += [norm[1:], norm[1:].removeprefix("ال")]
    return any(is_common_word(f) for f in stems) or (len(norm) > 4 and norm.endswith("ات"))


def appositive_persons(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                       frequency: Callable[[str], int]) -> list[Labels]:
    """Persons the backend missed that an appositive role right after them announces: "أثار بيب جوارديولا
    مدرب بايرن ميونيخ", "سمير جعجع، رئيس حزب القوات" — two untagged words, a given name (listed, or a rare
    word no dictionary knows) and a rare family word (:func:`_family_word`), then a role noun without its
    article (مدرب، رئيس، وزير، لاعب …), or a comma and a role ("، المتحدث باسم")."""
    out: list[Labels] = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys = sentence_keys(words)
        for i in range(len(words) - 2):
            if labs[i][0] != "O" or labs[i + 1][0] != "O":
                continue
            role = i + 2 + (1 if words[i + 2] in (",", "،") else 0)
            if role >= len(words) or labs[role][0] != "O" or not any(
                    k in _APPOSITIVE_ROLES for cut, k in first_word_keys(words[role]) if cut == 0):
                continue
            norm = normalize_for_matching(words[i])
            listed = keys[i] in _listed_given_names()
            if not listed and (len(norm) < 3 or not norm.isalpha() or norm.startswith("ال")
                               or norm in lex.lexicon.stopwords or keys[i] in lex.titles or keys[i] in lex.title_first
                               or keys[i] in lex.place_types or norm in lex.nisba or _dictionary_word(norm)
                               or frequency(norm) > _APPOSITIVE_FIRST_BUCKET or norm.endswith(_PRONOUN_ENDINGS)):
                continue
            if listed and (words[i] in FUNCTION_WORDS_AS_WRITTEN or norm in lex.lexicon.stopwords):
                continue
            family = normalize_for_matching(words[i + 1])
            if not _family_word(words, keys, labs, i + 1, lex, frequency) or (_dictionary_word(family) and not (
                    listed and family.startswith("ال") and family.endswith("ي"))):
                continue  # ("رأيك زار مدير": a verb; "شرف الحفل نائب": a common noun; but after a listed given
                # name a nisba is a family name the dictionary knows as an adjective: "محسن الفضلي زعيم")
            _mark(labs, i, i + 2, EntityType.PER.tag, 0.5)
        out.append(labs)
    return out


def persons_after_titled_bodies(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                                frequency: Callable[[str], int]) -> list[Labels]:
    """A person the backend missed right after a body that completes a title: "المتحدث الرسمي باسم مركز
    الملك سلمان للإغاثة رأفت الصباغ", "مدير مكتب الجزيرة نبيل الصافي". Runs once the dictionary has named
    the body: the title ends right before the body (or before its "باسم"), and the words after the body are a
    listed given name and a rare family word (:func:`_family_word`) with its article, or any family word the
    sentence then closes (punctuation, "أن", a title)."""
    out: list[Labels] = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys: Sequence[str] | None = None
        for a, b, tag in _spans(labs):
            if EntityType.parse(tag) is not EntityType.ORG or b + 1 >= len(words) or labs[b][0] != "O":
                continue
            keys = keys or sentence_keys(words)
            if keys[b] in _ROLE_ADJECTIVES and b + 2 < len(words) and labs[b + 1][0] == "O":
                b += 1  # "رئيس الأهلي الجديد مساعد الزويهري": the role's adjective after the body
            if keys[b] not in _listed_given_names() or words[b] in FUNCTION_WORDS_AS_WRITTEN:
                continue
            titled = _titled_at(words, keys, a, lex) or (a > 1 and keys[a - 1] in _NAME_OF
                                                        and _titled_at(words, keys, a - 1, lex)) or (
                a > 0 and keys[a - 1] in _CONSTRUCT_ROLES)  # "مدرب الفتح ناصيف البياوي"
            if not titled or b + 1 >= len(words) or not _family_word(words, keys, labs, b + 1, lex, frequency):
                continue
            j = b + 2
            if (keys[b + 1] in _listed_given_names() and _family_word(words, keys, labs, j, lex, frequency)
                    and keys[j] not in _listed_given_names()):
                j += 1
            if normalize_for_matching(words[j - 1]).startswith("ال") or _name_ends_at(words, keys, j, lex):
                _mark(labs, b, j, EntityType.PER.tag, 0.5)
        out.append(labs)
    return out


# roles in construct with the club or body they belong to ("مهاجم الهلال", "مدرب الفتح"): a name may follow
_CONSTRUCT_ROLES = frozenset(identity_key(w) for w in (
    "مدرب", "لاعب", "مهاجم", "مدافع", "حارس", "قائد", "نجم", "هداف", "جناح", "ظهير", "محور", "صانع"))
_ROLE_ADJECTIVES = frozenset(identity_key(w) for w in (
    "الجديد", "الجديدة", "السابق", "السابقة", "الحالي", "الحالية", "المكلف", "المكلفة", "المرشح", "المنتخب",
    "المعين", "الأسبق"))
_NASAB_HEADS = frozenset(identity_key(w) for w in ("بن", "ابن"))


def _nasab_end(keys: Sequence[str], a: int, b: int) -> bool:
    """True when the name ``a:b`` ends on its father's name: "… بن عبدالله", "… بن عبد العزيز"."""
    return (b - a >= 3 and keys[b - 2] in _NASAB_HEADS) or (
        b - a >= 4 and keys[b - 3] in _NASAB_HEADS and keys[b - 2] in ("عبد", "ابو"))


def _family_name_after_nasab(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for a word after a nasab that is the family name: a known name of Akhbar's lists, or a definite
    word whose stem the dictionary does not know as a common word ("الشمري", "الطويرقي"; not "الابتدائية",
    "الخيرية" after "مدرسة أسامة بن زيد", "سالم بن محفوظ"); never a title, a
    function word, a nationality adjective, a place or a calendar word ("الأحد")."""
    norm = normalize_for_matching(word)
    if (len(norm) < 3 or not norm.isalpha() or key in lex.titles or norm in lex.lexicon.stopwords
            or norm in lex.nisba or key in lex.place_types or norm in CALENDAR_WORDS or key in TIME_ADVERBS):
        return False
    if lex.is_known_name(key) and key not in lex.given_names:
        return True
    stems = (norm[2:], norm[2:-1]) if norm.endswith("ه") else (norm[2:],)  # ("المتوسطة": متوسط)
    return norm.startswith("ال") and not is_common_word(norm) and not any(is_common_word(t) for t in stems)


def _definite_common_noun(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for a definite word whose stem the dictionary knows only as a common word, never a name, and that
    is no given name, known name or title of Akhbar's lists ("الملياردير", "الفنان", "الرضيع")."""
    norm = normalize_for_matching(word)
    if not norm.startswith("ال") or len(norm) < 5 or key in lex.given_names or lex.is_known_name(key) or (
            key in lex.titles or key in lex.title_first):
        return False
    classes = shipped_word_classes().get(norm[2:], "")
    return bool(classes) and not set(classes) & set("NP")


def _lam_plural(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for ل + a sound plural ("لمحزونون", "للمواطنين"), no known name: never a name's last word."""
    norm = normalize_for_matching(word)
    return (norm[:1] == "ل" and len(norm) >= 6 and norm.endswith(("ون", "ين")) and not lex.is_known_name(key)
            and key not in lex.given_names)


def _imperfect_verb(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for a third-person imperfect verb, a future ``س`` allowed ("يؤسس", "سيسافر"), that the dictionary
    (``wordclass.tsv``) knows as a verb and never as a name, that unlabeled news uses as written (without the
    ``س``: "سيزار" is no "يزار"), and that is no given name or known name of Akhbar's lists. (A past verb
    cannot be told this way: the dictionary reads "روى" like the names "عاهد", "عايد".)"""
    if key in lex.given_names or lex.is_known_name(key) or key in lex.titles or key in lex.place_types:
        return False
    norm = normalize_for_matching(word)
    forms = [norm, norm[1:]] if norm[:1] == "س" else [norm]
    classes, seen = shipped_word_classes(), word_frequencies()
    return any(f[:1] == "ي" and len(f) >= 4 and "v" in (c := classes.get(f, "")) and not set(c) & set("NPx")
               and seen.get(f, 0) > 0 for f in forms)


def _unknown_word(norm: str, lex: EntityLexicon) -> bool:
    """A word of three letters or more that starts with no article or proclitic letter (ا ل ب و ف ك: not
    "للتسليف"), is no function word, and that the dictionary does not know as a word of the language (a name's
    word: "ناصيف", "جوسيمار")."""
    return (len(norm) >= 3 and norm.isalpha() and norm[:1] not in "البوفك" and not is_common_word(norm)
            and norm not in lex.lexicon.stopwords)


def _given_name_with_proclitic(word: str, key: str, lex: EntityLexicon) -> bool:
    """A given name as written, or after ب, ل or و when the word is no word of the language ("بايهود",
    "لكوفي", "وعلي"; the name keeps its word, the proclitic is left out of the mention later)."""
    if key in lex.given_names:
        return True
    return (len(word) > 3 and word[0] in "بلو" and identity_key(word[1:]) in lex.given_names
            and not is_common_word(normalize_for_matching(word)))


_VOCATIVE = "يا"
# third-person possessives only ("رفيق دربه"), unlike _PRONOUN_ENDINGS (an object on a verb before a title) and
# _PRONOUN_SUFFIXES (two-letter ones only, as a town may end in ه)
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


def _possessed_noun(word: str, lex: EntityLexicon) -> bool:
    """True for a common noun with a possessive pronoun ("دربه", "زوجها", "والدهم"): no part of a name, while
    a name that ends in ه ("طه", "عبده", "حمزه") is a known name or no common word without it."""
    norm = normalize_for_matching(word)
    if lex.is_known_name(identity_key(norm)) or not word.isalpha():
        return False
    for suffix in _POSSESSIVE_SUFFIXES:
        stem = norm[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:  # (as written: "جودة" ends in ة, no pronoun)
            continue
        for noun in (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,):  # "زوجته": زوجة + ه
            if is_common_word(noun) and not lex.is_known_name(identity_key(noun)):
                return True
    return False


_PARTICLES_BEFORE_FAMILY = frozenset({"دا", "دي", "دوس", "فان", "فون", "ديل"})  # (not "لو": if)
_BIN, _ABD = identity_key("بن"), identity_key("عبد")


def _to_a_body(word: str, lex: EntityLexicon) -> bool:
    """True for ل + a knowledge-base organisation's name ("للهلال", "لريال"), which never continues a name."""
    if not word.startswith("ل") or len(word) < 4:
        return False
    stem = "ال" + word[2:] if word.startswith("لل") else word[1:]
    key = identity_key(stem)
    alias = lex.kb.by_alias.get(key)
    ids = [*([alias] if alias else []), *lex.kb.by_ambiguous.get(key, ())]
    return any(lex.kb.actors[k].type == EntityType.ORG.value for k in ids)


def _common_noun_with_pronoun(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for a common noun with a possessive pronoun as written ("برنامجه", "فريقها"), or with the
    indefinite accusative's alif ("قدمت مها أحمد برنامجاً"), no name."""
    if key in lex.given_names or lex.is_known_name(key) or key in lex.place_types:
        return False
    bare = word.rstrip("\u064b")  # (its tanween, when written)
    if bare.endswith("ا") and len(bare) >= 5:
        stem = normalize_for_matching(bare[:-1])
        return "n" in shipped_word_classes().get(stem, "") and not is_common_word(normalize_for_matching(word))
    for ending in ("هما", "ها", "هم", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = normalize_for_matching(word[: -len(ending)])  # a noun of four letters or more ("فلاته",
            # "سبيه" are family names)
            return (len(stem) >= 4 and "n" in shipped_word_classes().get(stem, "")
                    and not is_common_word(normalize_for_matching(word)))
    return False


def _accusative_noun(word: str, key: str, lex: EntityLexicon) -> bool:
    """True for an indefinite accusative noun or adjective as written, its alif after a dictionary stem and
    the form itself frequent in news ("بديلا", "مدربا", "لاعبا", "نائبا"), which is no part of a name (a rare
    one is a foreign name's end: "وسام صليبا", "أوبرا وينفري")."""
    if key in lex.given_names or lex.is_known_name(key) or key in lex.place_types:
        return False
    bare = word.rstrip("\u064b")  # (its tanween, when written)
    if not bare.endswith("ا") or len(bare) < 5 or not bare.isalpha():
        return False
    if word_frequencies().get(normalize_for_matching(bare), 0) < 2:
        return False
    classes = shipped_word_classes().get(normalize_for_matching(bare[:-1]), "")
    return "n" in classes or "a" in classes


def _family_after_nasab(words: Sequence[str], keys: Sequence[str], k: int, lex: EntityLexicon) -> bool:
    """True when word ``k``, right after a nasab chain ("أحمد بن عبد العزيز"), is its family name: a bare word
    of three letters or more that is no function word, given name, title, place, nationality, time adverb or
    verb-looking word nor definite feminine adjective, with the name's end right after it (punctuation, "أن",
    "إن" or the sentence's end)."""
    norm = normalize_for_matching(words[k])
    nxt = words[k + 1] if k + 1 < len(words) else "."
    if norm.startswith("ال") and norm.endswith("ه"):
        return False  # "مدرسة ايمن بن عبيد المتوسطة": a feminine adjective, the school's
    return (len(norm) >= 3 and norm.isalpha() and norm[:1] not in "يتنوفبلك"
            and words[k] not in FUNCTION_WORDS_AS_WRITTEN and norm not in lex.lexicon.stopwords
            and keys[k] not in lex.given_names and keys[k] not in lex.titles and keys[k] not in lex.title_first
            and keys[k] not in lex.place_types and norm not in lex.nisba and keys[k] not in TIME_ADVERBS
            and (nxt in _NAME_ENDS or normalize_for_matching(nxt) in ("ان", "بان", "لان")))


def repair_person_spans(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon) -> list[Labels]:
    """Repair what statistical taggers get wrong about person spans, whatever the backend:

    * an honorific ends the name ("نايف بن عبدالعزيز رحمه الله" → the name before رحمه);
    * a kinship word separates two persons ("خميس نجل القذافي" → "خميس", "القذافي");
    * a place before a given name is the place ("نائب طرابلس محمد كبارة" → LOC "طرابلس", PER "محمد كبارة"),
      and so is a place name without the article ending a name of four words ("… العاصمي عسير");
    * a name ending on آل / بن goes on into the next person span ("… آل" + "سعود");
    * after a royal title the name is given names, "بن X", "آل X" and ال-words ("الملك سلمان أناب");
    * a verb + الله before "به", "لهم" is a prayer ("نصر الله به الثغور"), not a name;
    * an organisation span ending on a given name leaves it to the person ("… لكرة القدم أحمد عيد"), and
      so does a known body followed by a full name ("للجامعة العربية نبيل العربي");
    * a family name and an indefinite adjective are the name alone ("المالكي طائفي");
    * a common noun with a possessive pronoun ends no name ("يغادر ستيوارت برنامجه");
    * a foreign name particle before a person is his ("أن دا سيلفا"), and a rare word after a nasab chain and
      before the name's end is the family name ("أحمد بن عبد العزيز قطان أن");
    * in a list of persons, an item the backend missed that starts with a given name is a person too
      ("حسين عبدالغني، محمد عيد، وعمر هوساوي")."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        if all(lab == "O" for lab, _ in labs):
            out.append(labs)
            continue
        labs = list(labs)
        keys = sentence_keys(words)
        _list_persons(words, keys, labs, lex)
        _lineup_persons(words, keys, labs, lex)
        _persons_between_persons(words, keys, labs, lex)
        if not any(lab != "O" and _person_or_org(lab[2:]) for lab, _ in labs):
            out.append(labs)  # every repair below starts from a person's or an organisation's span
            continue
        for a, b, tag in _spans(labs):
            named = _is_person(tag) or (tag == EntityType.ORG.tag and keys[a] in lex.given_names)
            cut = next((k for k in range(a + 1, b) if named and _to_a_body(words[k], lex)), None)
            if cut is not None:  # "كارلوس إدواردو للهلال السعودي": to the club, after the name
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a, cut, EntityType.PER.tag, conf)
                tag, b = EntityType.PER.tag, cut
            if _is_person(tag) and b - a >= 2 and _common_noun_with_pronoun(words[b - 1], keys[b - 1], lex):
                labs[b - 1] = ("O", 1.0)  # "يغادر ستيوارت برنامجه": his programme ends the name
                b -= 1
            k = next((k for k in range(a, b) if _accusative_noun(words[k], keys[k], lex)), None) if (
                _is_person(tag) and b - a >= 2) else None
            if k is not None:  # "شراحيلي بديلا لشيعان": "as a substitute" between two players' names
                conf = labs[a][1]
                _clear(labs, a, b)
                if k > a:
                    _mark(labs, a, k, tag, conf)
                if k + 1 < b:
                    _mark(labs, k + 1, b, tag, conf)
                continue
            if _is_person(tag) and a > 0 and labs[a - 1][0] == "O" and words[a - 1] in _PARTICLES_BEFORE_FAMILY:
                _mark(labs, a - 1, b, tag, labs[a][1])  # "أن دا سيلفا منح": the particle is the family name's
            elif (_is_person(tag) and b - a >= 3 and _BIN in (keys[b - 2], keys[b - 3] if keys[b - 2] == _ABD else "")
                  and b < len(words) and labs[b][0] == "O"
                  and _family_after_nasab(words, keys, b, lex)):
                _mark(labs, a, b + 1, tag, labs[a][1])  # "أحمد بن عبد العزيز قطان أن": the family name ends it
        for a, b, tag in _spans(labs):  # "الرضيع علي دوابشة" tagged "دوابشة": the given name before it too
            if (_is_person(tag) and b - a == 1 and a > 0 and labs[a - 1][0] == "O" and keys[a] not in lex.given_names
                    and _given_name_with_proclitic(words[a - 1], keys[a - 1], lex)
                    and words[a - 1] not in FUNCTION_WORDS_AS_WRITTEN
                    and keys[a - 1] not in lex.titles and not (a > 1 and labs[a - 2][0] != "O")):
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a - 1, b, tag, conf)

        def has(k: int, table: frozenset[str], words: list[str] = words) -> bool:
            return not word_readings(words[k]).isdisjoint(table)

        for a, b, _ in _spans(labs):
            if b - a <= 3 and has(a, _HONORIFICS) and any(has(k, _GOD_KEYS) for k in range(a + 1, b)):
                _clear(labs, a, b)  # "حفظه الله", "أيده الله" after a name: a prayer, no body or person
        for a, b, tag in _spans(labs):
            if not _is_person(tag):
                continue
            conf = labs[a][1]
            cut = next((k for k in range(a + 1, b) if has(k, _HONORIFICS)), b)
            pieces, start = [], a
            for k in range(a, cut):
                if has(k, _KINSHIP):
                    pieces.append((start, k))
                    start = k + 1
            pieces.append((start, cut))
            if cut < b or len(pieces) > 1:
                _clear(labs, a, b)
                for ps, pe in pieces:
                    if ps < pe:
                        _mark(labs, ps, pe, tag, conf)
        for a, b, tag in _spans(labs):  # "صلاح يا مورينيو": the one called (the vocative's addressee) alone
            voc = next((k for k in range(b - 2, a - 1, -1) if words[k] == _VOCATIVE), None) if _is_person(tag) else None
            if voc is not None:
                conf = labs[a][1]
                _clear(labs, a, voc + 1)
                _mark(labs, voc + 1, b, tag, conf)
        for a, b, tag in _spans(labs):  # "رفيق دربه حسن عسيري": a noun with a pronoun ends what comes before
            noun_at = next((k for k in range(a, b - 2) if _possessed_noun(words[k], lex)
                            and keys[k + 1] in lex.given_names and words[k + 1] not in FUNCTION_WORDS_AS_WRITTEN),
                           None) if _is_person(tag) else None
            if noun_at is not None:
                conf = labs[a][1]
                _clear(labs, a, noun_at + 1)
                _mark(labs, noun_at + 1, b, tag, conf)
        for a, b, tag in _spans(labs):
            if (_is_person(tag) and b - a >= 3 and keys[a] not in lex.given_names and keys[a + 1] in lex.given_names
                    and any(key in lex.place_types for _, key in first_word_keys(words[a]))):
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a, a + 1, EntityType.LOC.tag, conf)
                _mark(labs, a + 1, b, tag, conf)
            elif (_is_person(tag) and b - a >= 4 and keys[b - 1] in lex.place_types and not keys[b - 1].startswith("ال")
                  and keys[b - 1] not in lex.given_names and keys[b - 2] not in _DANGLING):
                conf = labs[a][1]  # "محمد عبدالرحيم العاصمي عسير": the region after the name
                _clear(labs, a, b)
                _mark(labs, a, b - 1, tag, conf)
                _mark(labs, b - 1, b, EntityType.LOC.tag, conf)
        for a, b, tag in _spans(labs):  # "رئيس الاتحاد السعودي لكرة القدم أحمد عيد": the name is not the body's
            if ((EntityType.parse(tag) or EntityType.MISC) is EntityType.ORG and b - a >= 3
                    and keys[b - 1] in lex.given_names and not keys[b - 1].startswith("ال")
                    and keys[b - 2] not in _DANGLING and keys[b - 2] not in lex.given_names):
                conf = labs[a][1]
                end = b + 1 if b < len(words) and labs[b][0] == "O" and words[b][:1].isalpha() and (
                    normalize_for_matching(words[b]) not in lex.lexicon.stopwords) else b
                _clear(labs, a, end)
                _mark(labs, a, b - 1, tag, conf)
                _mark(labs, b - 1, end, EntityType.PER.tag, conf)
                continue
            # "للفريق التونسي ناصيف البياوي": a body and its nationality, then a given name and a family name the
            # dictionary does not know as a word
            if ((EntityType.parse(tag) or EntityType.MISC) is EntityType.ORG and b - a >= 4
                    and (keys[b - 2] in lex.given_names or _unknown_word(normalize_for_matching(words[b - 2]), lex))
                    and normalize_for_matching(words[b - 3]) in lex.nisba
                    and keys[b - 1] not in lex.given_names and words[b - 2] not in FUNCTION_WORDS_AS_WRITTEN
                    and normalize_for_matching(words[b - 1])[:1] != "و"
                    and not any(is_common_word(f) for f in _stems_of(normalize_for_matching(words[b - 1])))):
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a, b - 2, tag, conf)
                _mark(labs, b - 2, b, EntityType.PER.tag, conf)
                continue
            # "للجامعة العربية نبيل العربي": a known body, then a person's given name and family name
            if (EntityType.parse(tag) or EntityType.MISC) is EntityType.ORG and b - a >= 3:
                cut_at = next((k for k in range(a + 1, b) if _looks_like_person(words, keys, k, b, lex)
                               and keys[k - 1] not in _DANGLING and keys[k - 1] not in lex.titles
                               and keys[k - 1] not in HEAD_NOUNS and _is_known_body(words, keys, a, k, lex)), None)
                if cut_at is not None:
                    conf = labs[a][1]
                    _clear(labs, a, b)
                    _mark(labs, a, cut_at, tag, conf)
                    _mark(labs, cut_at, b, EntityType.PER.tag, conf)
        for a, b, tag in _spans(labs):  # "أمين الطائف": the mayor of Taif, a role and the city, not a person
            if (_is_person(tag) and b - a == 2 and keys[a] in _CITY_ROLES and keys[a + 1] in lex.place_types
                    and keys[a + 1] not in lex.homographs):
                conf = labs[a][1]
                labs[a] = ("O", 1.0)
                _mark(labs, a + 1, b, EntityType.LOC.tag, conf)
        for a, b, tag in _spans(labs):  # "لاعب نادي الفيصلي عواد العنزي" tagged one person: the club, then him
            if _is_person(tag) and b - a >= 3:  # (or "المتحدث باسم البنتاجون جيف ديفيس": the body, then him)
                cut_at = next((k for k in range(b - 2, a, -1) if _is_known_org(words, keys, a, k, lex)
                               and _looks_like_person(words, keys, k, b, lex)), None)
                if cut_at is not None:
                    conf = labs[a][1]
                    _clear(labs, a, b)
                    _mark(labs, a, cut_at, EntityType.ORG.tag, conf)
                    _mark(labs, cut_at, b, EntityType.PER.tag, conf)
        for a, b, tag in _spans(labs):  # "المالكي طائفي": a family name and an adjective (no article, -ي)
            if (_is_person(tag) and b - a == 2 and keys[a].startswith("ال") and not keys[b - 1].startswith("ال")
                    and keys[b - 1].endswith("ي") and keys[b - 1] not in lex.given_names
                    and not lex.is_known_name(keys[b - 1])):
                labs[b - 1] = ("O", 1.0)
        for a, b, tag in _spans(labs):  # "عبدالعزيز بن عبدالله" + "الفالح": the family name after the nasab
            if _is_person(tag) and b < len(words) and labs[b][0] == "O" and _nasab_end(keys, a, b) and (
                    _family_name_after_nasab(words[b], keys[b], lex)):
                labs[b] = ("I-" + tag, labs[a][1])
        for a, b, tag in _spans(labs):  # "الملياردير دونالد ترامب": a description before the given name
            if _is_person(tag) and b - a >= 2 and keys[a + 1] in lex.given_names and _definite_common_noun(
                    words[a], keys[a], lex):
                labs[a + 1] = ("B-" + tag, labs[a][1])
                labs[a] = ("O", 1.0)
        for a, b, tag in _spans(labs):  # "سلمان يؤسس", "ميشال عون سيبقى": an imperfect verb ends no name
            rest = b - 1 - a  # (not after a lone given name or a "بن X" chain: "برونو سيزار", "علاء بن عبدالله نصيف")
            if _is_person(tag) and b - a >= 3 and _lam_plural(words[b - 1], keys[b - 1], lex):
                labs[b - 1] = ("O", 1.0)  # "سعود الفيصل لمحزونون": ل + a plural ends no name
                continue
            if _is_person(tag) and rest >= 1 and _imperfect_verb(words[b - 1], keys[b - 1], lex) and (
                    keys[a] not in lex.given_names if rest == 1 else keys[b - 3] not in _DANGLING):
                labs[b - 1] = ("O", 1.0)
        spans = _spans(labs)
        for (_, b, tag), (na, _, ntag) in pairwise(spans):
            if _is_person(tag) and _is_person(ntag) and na == b and keys[b - 1] in _DANGLING:
                labs[b] = ("I-" + tag, labs[b][1])
        for a, b, tag in _spans(labs):  # "صالح بن … بن إبراهيم" + "آل الشيخ": the family name goes with it
            if (_is_person(tag) and b + 1 < len(words) and keys[b] == _AL and labs[b][0] == "O"
                    and labs[b + 1][0] == "O" and keys[b + 1].isalpha() and len(keys[b + 1]) > 2
                    and normalize_for_matching(words[b + 1]) not in lex.lexicon.stopwords):
                labs[b] = ("I-" + tag, labs[a][1])
                labs[b + 1] = ("I-" + tag, labs[a][1])
        for a, b, tag in _spans(labs):  # "نصر الله به الثغور": a prayer, God the subject, not Nasrallah
            if _is_person(tag) and words[b - 1] == "الله" and b < len(words) and words[b] in _PRAYER_OBJECTS:
                _clear(labs, a, b)
        for a, b, tag in _spans(labs):
            if not _is_person(tag) or a == 0 or keys[a - 1] not in _ROYAL_TITLES or keys[a] not in lex.given_names:
                continue
            k = a + 1
            while k < b:
                if keys[k] in _DANGLING and k + 1 < b:
                    k += 2
                elif keys[k] in lex.given_names or keys[k].startswith("ال") or lex.is_known_name(keys[k]):
                    k += 1
                else:
                    break
            if k < b:
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a, k, tag, conf)
        out.append(labs)
    return out


def _phrase_keys(words: Sequence[str], keys: Sequence[str], a: int, k: int) -> list[str]:
    """Identity keys of tokens [a, k), one per reading of the first word (a proclitic allowed on it)."""
    rest = list(keys[a + 1 : k])
    return [identity_key(" ".join([first, *rest])) for _, first in first_word_keys(words[a])]


def _is_alias(words: Sequence[str], keys: Sequence[str], a: int, k: int, lex: EntityLexicon) -> bool:
    """True when tokens [a, k) are a knowledge-base alias."""
    return any(key in lex.kb.by_alias for key in _phrase_keys(words, keys, a, k))


def _looks_like_person(words: Sequence[str], keys: Sequence[str], k: int, b: int, lex: EntityLexicon) -> bool:
    """True when tokens [k, b) after a body's name read as a person's: a given name first, a name and a
    family name ("عواد العنزي"), or two foreign words ("جيف ديفيس"); not the rest of the body's name
    ("للعلوم الأمنية")."""
    if keys[k] in lex.given_names:
        return True
    if b - k != 2 or keys[k].startswith(("ال", "لل")) or keys[k] in _DANGLING or any(
            normalize_for_matching(words[t]) in lex.lexicon.stopwords or keys[t] in lex.titles for t in (k, k + 1)):
        return False
    # an Arabic given name and family name ("عواد العنزي"), or a foreign one of two words ("جيف ديفيس")
    return keys[k + 1].startswith("ال") or (len(keys[k]) >= 3 and len(keys[k + 1]) >= 3 and (
        words[k] + words[k + 1]).isalpha())


def _conjoined_place(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon) -> bool:
    """True for "وY" right after a place (a comma between allowed) when Y is a gazetteer place that is not
    a homograph of a common word: "مدينتي الفلوجة والرمادي", "الرياض، وجدة"."""
    if not words[i].startswith("و") or len(words[i]) < 4:
        return False
    prev = i - 2 if i > 1 and words[i - 1] in ("،", ",") else i - 1
    if prev < 0 or (EntityType.parse(labs[prev][0][2:]) or EntityType.MISC) is not EntityType.LOC:
        return False
    rest = identity_key(words[i][1:])
    return rest in lex.place_types and rest not in lex.homographs and rest not in lex.shared_places


def _known_phrase(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon) -> bool:
    """True when tokens [a, b) (a proclitic allowed on the first) are a name the dictionary, the KB or the
    gazetteer knows."""
    return any(key in lex.entries or key in lex.kb.by_alias or key in lex.kb.by_ambiguous or key in lex.place_types
               for key in _phrase_keys(words, keys, a, b))


def _conjoined_names(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon,
                     person: bool = False) -> int | None:
    """Where a span that is two names joined by و splits: two known names ("الهلال والنصر", "جدة والرياض"), or
    two bodies each with its head ("محكمة الاستئناف والمحكمة العليا"), or in a list of persons joined by و a
    full name and the one-word name after it ("… ومحمد القرني وسلمان الفرج وأدرواردو ونواف العابد", ``person``);
    None when the whole is one name ("البوسنة والهرسك") or a half is no name ("الهيئة العامة للسياحة والتراث")."""
    if b - a < 2 or _known_phrase(words, keys, a, b, lex):
        return None
    if person and b - a >= 3 and _listed_last_name(words, keys, a, b, lex):
        return b - 1
    for k in range(a + 1, b):
        if words[k][:1] != "و":
            continue
        if _known_phrase(words, keys, a, k, lex) and _known_phrase(words, keys, k, b, lex):
            return k
        heads = {h[2:] if h.startswith("ال") else h for _, h in first_word_keys(words[k])}
        if k - a >= 2 and b - k >= 2 and not heads.isdisjoint(_BODY_HEADS) and any(
                h in _BODY_HEADS for _, h in first_word_keys(words[a])):
            return k  # "محكمة الاستئناف والمحكمة العليا": two bodies, each with its head
    return None


def _listed_last_name(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon) -> bool:
    """The last word of a person span of three words or more is و + a name of its own: the span stands in a list
    (its first word carries و, or a comma precedes it), the last word is no given name itself ("وليد"), and what
    follows its و is a given name or a word the dictionary does not know ("وأدرواردو", "وديغاو")."""
    last = words[b - 1]
    if last[:1] != "و" or len(last) < 4 or not (words[a][:1] == "و" or (a > 0 and words[a - 1] in ("،", ","))):
        return False
    if keys[b - 1] in lex.given_names or lex.is_known_name(keys[b - 1]):
        return False
    rest = normalize_for_matching(last[1:])
    return identity_key(last[1:]) in lex.given_names or (
        len(rest) >= 3 and rest.isalpha() and not rest.startswith("ال") and not _dictionary_word(rest)
        and rest not in lex.lexicon.stopwords and not rest.endswith(_PRONOUN_ENDINGS))


def _is_known_org(words: Sequence[str], keys: Sequence[str], a: int, k: int, lex: EntityLexicon) -> bool:
    """True when tokens [a, k) are an organisation's dictionary name or KB alias ("نادي الفيصلي")."""
    for key in _phrase_keys(words, keys, a, k):
        entry = lex.entries.get(key)
        actor = lex.kb.actors.get(lex.kb.by_alias.get(key, ""))
        if (entry is not None and entry.type is EntityType.ORG) or (
                actor is not None and actor.type == EntityType.ORG.value):
            return True
    return False


def _is_known_body(words: Sequence[str], keys: Sequence[str], a: int, k: int, lex: EntityLexicon) -> bool:
    """True when tokens [a, k) are a dictionary name, a KB alias, or a definite head noun alone ("للجامعة":
    the League, named just before)."""
    return any(key in lex.entries or key in lex.kb.by_alias or (
        k == a + 1 and key.startswith("ال") and key[2:] in HEAD_NOUNS) for key in _phrase_keys(words, keys, a, k))


# words before a place as written ("في واشنطن", "إلى مدينة …"): a family name written after one is a place
LOCATIVE_CUES = frozenset({"في", "إلى", "الى", "من", "مدينة", "بمدينة", "عاصمة", "شمال", "جنوب", "شرق", "غرب",
                           "وسط", "قرب", "بلدة", "محافظة", "ولاية"})
_DASHES = frozenset({"-", "–", "—"})


@cache
def _outlet_keys() -> frozenset[str]:
    """Identity keys of the outlets' own names (``outlets_ar.txt``: "سبق", "الوئام", "عكاظ" …)."""
    return frozenset(identity_key(name) for name in read_lines("outlets_ar.txt"))


def split_bylines(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon) -> list[Labels]:
    """A span across dashes that names an outlet or a known place between them is a byline or a dateline,
    not one name: "عبدالله الراجحي- سبق- جدة" is the reporter (PER), the outlet (ORG) and the place (LOC),
    "سبق- الرياض" the outlet and the place, "أبو حدرية - الخفجي" the person and the place. A part that is none
    of these is a person when it starts with a given name or the span was a person, else nothing. A span
    whose parts name no outlet or place ("جان - كلود يونكر") is left alone."""
    outlets = _outlet_keys()

    def split(words: list[str], labs: Labels) -> None:
        for a, b, tag in _spans(labs):
            cuts = [k for k in range(a + 1, b - 1) if words[k] in _DASHES]
            if not cuts:
                continue
            parts = [(s, e) for s, e in zip([a, *(c + 1 for c in cuts)], [*cuts, b], strict=True) if s < e]
            kinds = []
            for s, e in parts:
                key = identity_key(" ".join(words[s:e]))
                kinds.append(EntityType.LOC.tag if key in lex.place_types  # (a city first: "سبق- الرياض")
                             else EntityType.ORG.tag if key in outlets else None)
            if not any(kinds):
                continue
            conf = labs[a][1]
            _clear(labs, a, b)
            for (s, e), kind in zip(parts, kinds, strict=True):
                if kind is None and (_is_person(tag) or identity_key(words[s]) in lex.given_names):
                    kind = EntityType.PER.tag
                if kind is not None:
                    _mark(labs, s, e, kind, conf)

    return _rewrite_sentences_with(sentences, labels, _DASHES, split)


def _rewrite_sentences_with(sentences: list[list[str]], labels: list[Labels], tokens: frozenset[str],
                            rewrite: Callable[[list[str], Labels], None]) -> list[Labels]:
    """``rewrite(words, labels)`` (in place, on a copy) for the sentences holding one of ``tokens``; the
    others' labels are passed on as they are."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        if any(w in tokens for w in words):
            labs = list(labs)
            rewrite(words, labs)
        out.append(labs)
    return out


# Latin letters spelt out in Arabic ("إف بي آي"): an acronym's words
SPELLED_LETTERS = frozenset(identity_key(w) for w in (
    "إيه", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "إل", "إم", "إن", "أو", "كيو", "آر", "إس",
    "تي", "يو", "إكس", "واي", "زد", "زي"))
_QUOTED_BODY_HEADS = frozenset(identity_key(w) for w in (
    "شركة", "مؤسسة", "منظمة", "حزب", "حركة", "جمعية", "بنك", "مصرف", "صندوق", "مجموعة", "تحالف", "تكتل", "جماعة",
    "تنظيم", "مصنع", "الشركة", "المؤسسة", "المنظمة", "الحزب", "الحركة", "الجمعية", "البنك", "المجموعة", "الجماعة",
    "التنظيم", *(h for h in _OUTLET_HEADS if h != "موقع"), "القناة", "الصحيفة", "الجريدة", "المجلة", "الوكالة"))
# (not "موقع": also a place, 'موقع "فوردو" النووي')
# a collection's title in quotes is its work, not a body ('مجموعة «مرعى النجوم الدافئة»' of stories)
_COLLECTION_HEADS = frozenset(identity_key(w) for w in ("مجموعة", "المجموعة"))
_OPEN_BRACKETS = _OPEN_QUOTES | {"("}
_CLOSE_BRACKETS = _CLOSE_QUOTES | {")"}


def quoted_bodies(sentences: list[list[str]], labels: list[Labels]) -> list[Labels]:
    """A name of one to four words in quotes or brackets right after an organisation's head noun (an outlet's
    too) is an organisation: 'شركة "موبايلي"', "شركة (موبايلي)", "حزب «سيريزا»", "لقناة «سي بي سي»" — the name
    alone, so that the document's other "موبايلي" are found by it; over untagged words, or over one span the
    backend called MISC. A MISC acronym in brackets right after an organisation is its short form ("مكتب
    التحقيقات الاتحادي (إف بي آي)"; not 'مايكروسوفت "بول آلن"', 'الهلال «بطل كأس الملك»')."""

    def mark(words: list[str], labs: Labels) -> None:
        for i in range(len(words) - 2):
            after_body = labs[i][0] != "O" and labs[i][0][2:] == EntityType.ORG.tag and labs[i + 1][0] == "O"
            if words[i + 1] not in _OPEN_BRACKETS or not (after_body or any(
                    k in _QUOTED_BODY_HEADS for _, k in first_word_keys(words[i]))):
                continue
            j = i + 2
            while j < len(words) and j - i - 2 < 5 and words[j] not in _CLOSE_BRACKETS and words[j].isalpha():
                j += 1
            if j - i - 2 == 1 and set(shipped_word_classes().get(normalize_for_matching(words[i + 2]), "x")) <= {"s"}:
                continue  # 'تنظيم "إرهابي"': a nisba adjective in quotes describes, it names nothing
            if not (1 <= j - i - 2 <= 4 and j < len(words) and words[j] in _CLOSE_BRACKETS):
                continue
            untagged = all(labs[k][0] == "O" for k in range(i + 2, j))
            one_misc = labs[i + 2][0] == "B-" + EntityType.MISC.tag and all(
                labs[k][0] == "I-" + EntityType.MISC.tag for k in range(i + 3, j))
            acronym = all(identity_key(w) in SPELLED_LETTERS or (w.isascii() and w.isupper()) for w in words[i + 2 : j])
            collection = any(k in _COLLECTION_HEADS for _, k in first_word_keys(words[i]))
            if (untagged and not after_body) or (one_misc and (acronym or not (after_body or collection))):
                _mark(labs, i + 2, j, EntityType.ORG.tag, CONF_DICTIONARY)

    return _rewrite_sentences_with(sentences, labels, _OPEN_BRACKETS, mark)


# sectors a company is named by after its city or country and لل ("أبوظبي للإعلام", "دبي للاستثمار",
# "السعودية للكهرباء"): never a purpose ("للمشاركة") or a person ("للاعب")
_COMPANY_SECTORS = frozenset(identity_key(w) for w in (
    "الإعلام", "الاستثمار", "الاستثمارات", "الطيران", "الأفلام", "الاتصالات", "التدريب", "الدراسات", "التسهيلات",
    "الكهرباء", "النقل", "الطباعة", "الشاحنات", "التأمين", "التطوير", "العقارات", "الصناعات", "البترول",
    "الأسمنت", "الإسمنت", "البتروكيماويات", "الموانئ", "الملاحة", "التمويل", "الاستشارات", "الأبحاث", "الأغذية",
    "الألبان", "الفنادق", "التكافل", "الإنتاج", "البث"))
_REGION_HEAD_KEYS = frozenset(identity_key(w) for w in _REGION_HEADS)
_MOTION_TO = frozenset(normalize_for_matching(w) for w in ("إلى", "الى", "لزيارة", "نحو", "باتجاه"))


# heads of a medium's name ("قناة روتانا خليجية", "وكالة تسنيم الإيرانية للأنباء")
_MEDIUM_HEADS = frozenset(identity_key(w) for w in (
    "قناة", "قنوات", "صحيفة", "جريدة", "مجلة", "وكالة", "إذاعة", "شبكة", "تلفزيون", "فضائية"))
_MEDIUM_TAILS = frozenset(identity_key(w) for w in ("للأنباء", "الإخبارية", "الفضائية", "نيوز"))
MEDIUM_NAME_WORDS = 2  # unknown words of a medium's name after its head
# the heads as written (the hamza of إذاعة either way), for a cheap test of a sentence before the word-by-word one
_MEDIUM_HEAD_RE = re.compile("قنا[ةه]|قنوات|صحيف[ةه]|جريد[ةه]|مجل[ةه]|وكال[ةه]|[إا]ذاع[ةه]|شبك[ةه]|تلفزيون|فضائي[ةه]")
_NETWORK_WORDS = frozenset(normalize_for_matching(w) for w in ("إنترنت", "انترنت", "الإنترنت", "واي", "فاي"))


def unknown_media(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon) -> list[Labels]:
    """A medium the backend missed, named after its head noun by words no dictionary, gazetteer or title list
    knows ("قناة روتانا خليجية", "وكالة تسنيم الإيرانية للأنباء", "قناة MBC"): the head and up to
    two such words are an organisation, with a nationality adjective, an indefinite adjective of the name
    ("خليجية") and "للأنباء" or "الفضائية" after them. Not a canal ("قناة السويس": a place), nor a common word
    ("قناة فضائية")."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        if not any(_MEDIUM_HEAD_RE.search(w) for w in words):
            out.append(labs)  # (most sentences name no medium: one search a word)
            continue
        labs = list(labs)
        keys = sentence_keys(words)
        for i in range(len(words) - 1):
            if labs[i][0] != "O" or not any(cut == 0 or words[i][:cut] in ("و", "ب", "ل", "وب", "ول", "ف")
                                            for cut, k in first_word_keys(words[i]) if k in _MEDIUM_HEADS):
                continue
            j = i + 1
            while j < len(words) and j - i <= MEDIUM_NAME_WORDS and labs[j][0] == "O" and _unknown_name_word(
                    words[j], keys[j], lex, given_too=j + 1 < len(words) and (
                        normalize_for_matching(words[j + 1]) in lex.nisba or keys[j + 1] in _MEDIUM_TAILS)):
                j += 1
            if j == i + 1:
                continue
            if j < len(words) and labs[j][0] == "O" and (
                    normalize_for_matching(words[j]) in lex.nisba or keys[j] in _MEDIUM_TAILS or (
                        not keys[j].startswith("ال") and keys[j].endswith("يه") and _dictionary_word(
                            normalize_for_matching(words[j])))):
                j += 1  # "الإيرانية", "خليجية"
                if j < len(words) and labs[j][0] == "O" and keys[j] in _MEDIUM_TAILS:
                    j += 1  # "للأنباء"
            _mark(labs, i, j, EntityType.ORG.tag, 0.5)
        out.append(labs)
    return out


def _unknown_name_word(word: str, key: str, lex: EntityLexicon, given_too: bool = False) -> bool:
    """A word of a name no list knows: letters only, no feminine or pronoun ending ("مشهورة", "خطوطها"), no
    function word, dictionary word, place, title, nationality or given name — but a given name or a word of the
    language when the name is confirmed (``given_too``: a nationality or "للأنباء" follows, "وكالة تسنيم
    الإيرانية")."""
    norm = normalize_for_matching(word)
    if norm.endswith(("ه", "ها", "هم", "هما", "كم")) or norm in _NETWORK_WORDS or (
            norm.endswith("ت") and _dictionary_word(norm[:-1])):
        return False  # an adjective or a noun with its pronoun ("مشهورة", "خطوطها"), a verb ("طرحت"), the internet
    return (len(norm) >= 2 and norm.isalpha() and norm not in lex.lexicon.stopwords
            and (given_too or not _dictionary_word(norm))
            and key not in lex.place_types and key not in lex.titles and key not in lex.title_first
            and norm not in lex.nisba and (given_too or key not in lex.given_names) and not lex.is_known_name(key)
            and word[:1] not in ("ب", "ل") and not norm.startswith(("ال", "وال")))


def place_companies(sentences: list[list[str]], labels: list[Labels]) -> list[Labels]:
    """A place span of one or two words and an untagged لل + a sector ("للإعلام", ``_COMPANY_SECTORS``) right
    after it are a company: "أبوظبي للإعلام", "دبي للاستثمار"; not after a word of motion ("سافر إلى دبي
    للاستثمار" is a purpose), nor a region ("إمارة منطقة جازان للتطوير" is an office's remit), nor a place
    written as the adjective of a definite noun ("الأكاديمية السعودية للطيران المدني"; "في المائة ودبي للاستثمار"
    is a list's next company). Runs after the heads are attached, so "شركة الطائف للاستثمار والسياحة" is already
    one organisation."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        for a, b, tag in _spans(labs):
            if (EntityType.parse(tag) is not EntityType.LOC or b - a > 2 or b >= len(words) or labs[b][0] != "O"
                    or not words[b].startswith("لل") or identity_key("ال" + words[b][2:]) not in _COMPANY_SECTORS
                    or identity_key(words[a]) in _REGION_HEAD_KEYS
                    or (a > 0 and (normalize_for_matching(words[a - 1]) in _MOTION_TO
                                   or (identity_key(words[a - 1]).startswith(("ال", "لل"))
                                       and not words[a].startswith("و"))))):
                continue
            _mark(labs, a, b + 1, EntityType.ORG.tag, labs[a][1])
        out.append(labs)
    return out


# heads of settlements whose name follows them alone ("بقرية القديح", "بلدة عرسال"): the name is the place
_SETTLEMENT_HEADS = frozenset(identity_key(w) for w in ("قرية", "بلدة", "مدينة", "ناحية", "قضاء", "مخيم", "هجرة"))
# heads that are also everyday nouns ("لقضاء إجازتهم": to spend; "من ناحية تركيبتها": as for): a definite
# name, and no proclitic ل/ب on the head nor "من"/"بعد" before it
_SETTLEMENT_HEADS_AMBIGUOUS = frozenset(identity_key(w) for w in ("ناحية", "قضاء"))
_NOT_BEFORE_AMBIGUOUS_HEADS = frozenset(normalize_for_matching(w) for w in ("من", "بعد", "قبل", "عند"))
# (the two-letter bound pronouns only, unlike _PRONOUN_ENDINGS: a town's name may end in ه or ك, "تبوك")
_PRONOUN_SUFFIXES = ("هم", "هن", "ها", "هما", "كم", "كن", "نا")


def settlement_names(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                     frequency: Callable[[str], int] = lambda _: 0) -> list[Labels]:
    """An untagged word after an untagged settlement head (``_SETTLEMENT_HEADS``, a proclitic allowed: "بقرية
    القديح", "ببلدة عرسال", "مخيم الزعتري") is a place when, read with or without a proclitic, it is rare in
    news and no common word, title, given name or nationality adjective ("قرية صغيرة", "مدينة الملك عبدالله",
    "مخيم لنازحين", "قرية بريف إدلب"), and no other such word follows it (a longer name the rule would cut:
    "مدينة سيلت ليك"). An indefinite word ending in ة agrees with the head ("قرية نائية"), one ending in a
    pronoun is a noun ("مدينة حاكتها الأساطير"), and the heads that are also everyday nouns (``قضاء``,
    ``ناحية``) take a definite name only, not after "من" or with ل/ب ("لقضاء حوائجهم", "من ناحية الانتدابات").
    :func:`propagate_forms` then finds the document's other mentions."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        for i in range(len(words) - 1):
            j = i + 1
            if labs[i][0] != "O" or labs[j][0] != "O":
                continue
            head = next(((cut, k) for cut, k in first_word_keys(words[i]) if k in _SETTLEMENT_HEADS), None)
            if head is None or not _settlement_name(words[j], lex, frequency):
                continue
            norm = normalize_for_matching(words[j])
            definite = norm.startswith("ال")
            if not definite and (norm.endswith(("ة", "ه")) or norm.endswith(_PRONOUN_SUFFIXES)):
                continue
            if head[1] in _SETTLEMENT_HEADS_AMBIGUOUS and (not definite or words[i][: head[0]].endswith(("ل", "ب")) or (
                    i > 0 and normalize_for_matching(words[i - 1]) in _NOT_BEFORE_AMBIGUOUS_HEADS)):
                continue
            if j + 1 < len(words) and labs[j + 1][0] == "O" and _settlement_name(words[j + 1], lex, frequency):
                continue
            _mark(labs, j, j + 1, EntityType.LOC.tag, CONF_PROPAGATED)
        out.append(labs)
    return out


def _settlement_name(word: str, lex: EntityLexicon, frequency: Callable[[str], int]) -> bool:
    """True for a word that may name a settlement: rare in news however its proclitics are read, and no
    common word, title, given name, nationality adjective or function word; not after a conjunction."""
    if (word[:1] in ("و", "ف") and len(word) > 3 and not word.startswith(("وا", "فا"))) or not word.isalpha():
        return False
    for cut, key in first_word_keys(word):
        norm = normalize_for_matching(word[cut:])
        if (len(norm) < 3 or frequency(norm) > _RARE_CITY_BUCKET or key in lex.titles or key in lex.given_names
                or norm in lex.nisba or norm in lex.lexicon.stopwords or key in TIME_ADVERBS
                or any(is_common_word(f) for f in _stems_of(norm))):
            return False
    return True


# heads a story goes on naming its one body by ("وأفاد المرصد" after "المرصد السوري لحقوق الإنسان"); not
# the clubs' and councils' heads, whose bare forms name other things too ("الاتحاد" is also a club)
BARE_HEADS = frozenset(identity_key(w) for w in (
    "المرصد", "الوزارة", "الهيئة", "الجامعة", "الأمانة", "السلطة", "الجمعية", "الشركة", "المنظمة", "المؤسسة",
    "البنك", "الصندوق", "المستشفى", "الحركة", "الجماعة", "البرلمان", "المجلس", "النادي", "الحزب", "اللجنة",
    "المحكمة", "الصحيفة", "الجريدة", "الوكالة", "الكلية", "المعهد", "الغرفة", "البورصة"))


_STATES = identity_key("دول")


def bare_heads(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
               hints: Mapping[tuple[int, int, int], DictEntry] | None = None) -> list[Labels]:
    """A body's head noun alone, after the story named exactly one body with that head, is that body
    ("وأفاد المرصد" after "المرصد السوري لحقوق الإنسان", "الجامعة" after "جامعة الدمام"), a proclitic allowed;
    not when a definite word or a nationality adjective follows it (another body: "الهيئة العامة …"), after a
    title word ("مدير المرصد" is a person) or after دول ("دول المجلس": the Gulf council's states), nor a
    head the knowledge base reads as a body of its own ("الهيئة" is also the Syrian armed group's short name).
    Two names of one knowledge-base actor (``hints``: "منظمة الدول المصدرة للنفط", "منظمة أوبك") are one body;
    the article a ل took ("للجامعة") counts."""
    bodies: dict[str, set[tuple[str, ...] | str]] = {}
    first_at: dict[str, tuple[int, int]] = {}
    for sidx, (words, labs) in enumerate(zip(sentences, labels, strict=True)):
        for a, b, tag in _spans(labs):
            if (EntityType.parse(tag) or EntityType.MISC) is not EntityType.ORG or b - a < 2:
                continue
            for _, k in first_word_keys(words[a]):
                head = k if k.startswith("ال") else "ال" + k
                if head in BARE_HEADS:
                    hint = (hints or {}).get((sidx, a, b))
                    bodies.setdefault(head, set()).add(
                        hint.kb_id if hint is not None and hint.kb_id else tuple(identity_key(w) for w in words[a:b]))
                    first_at.setdefault(head, (sidx, b))
                    break
    heads = {h for h, named in bodies.items() if len(named) == 1 and h not in lex.kb.by_ambiguous}
    if not heads:
        return labels
    out = []
    for sidx, (words, labs) in enumerate(zip(sentences, labels, strict=True)):
        labs = list(labs)
        for i, word in enumerate(words):
            if labs[i][0] != "O":
                continue
            found = next((k for _, k in first_word_keys(word) if k in heads), None)
            if found is None or (sidx, i) < first_at[found] or (
                    i > 0 and any(k in lex.title_first or k == _STATES for _, k in first_word_keys(words[i - 1]))):
                continue  # (not "مدير المرصد": a role, a person; not "دول المجلس": the Gulf council's states)
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if _definite(identity_key(nxt)) or normalize_for_matching(nxt) in lex.nisba:
                continue
            _mark(labs, i, i + 1, EntityType.ORG.tag, CONF_PROPAGATED)
        out.append(labs)
    return out


# particles inside foreign and Mauritanian names: the word after one is part of the name, even a title (the
# foreign ones of cued_persons and the Mauritanian ولد; "دوس" stays with cued_persons, which checks its family word)
NAME_PARTICLES = (_NAME_PARTICLES_FOREIGN - {"دوس"}) | {"ولد"}


_NASAB_WORDS = frozenset({"بن", "بنت", "آل"})


def join_name_particles(sentences: list[list[str]], labels: list[Labels],
                        given_names: frozenset[str] = frozenset()) -> list[Labels]:
    """A person span ending on a name particle goes on over the next word ("لويس فان" + "غال", "إسماعيل ولد"
    + "الشيخ": the title cut there is the name's next word), and a person span of two words or more goes on
    over each "بن X", "بنت X", "آل X" right after it ("خالد بن عبدالعزيز" + "بن عياف آل مقرن"), and back over a
    given name (of ``given_names``, identity keys) and بن/بنت right before it ("مساعد بن" + "هليل الزويهري": a
    given name that is also a word, "assistant", the backend left out)."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        for a, b, tag in _spans(labs):
            if (_is_person(tag) and b - a >= 2 and a >= 2 and words[a - 1] in ("بن", "بنت") and labs[a - 1][0] == "O"
                    and labs[a - 2][0] == "O" and identity_key(words[a - 2]) in given_names):
                conf = labs[a][1]
                labs[a - 2], labs[a - 1], labs[a] = ("B-" + tag, conf), ("I-" + tag, conf), ("I-" + tag, conf)
                a -= 2
            if (_is_person(tag) and b - a >= 2 and words[b - 1] in NAME_PARTICLES and b < len(words)
                    and labs[b][0] == "O" and words[b].isalpha() and words[b] not in FUNCTION_WORDS_AS_WRITTEN):
                labs[b] = ("I-" + tag, labs[a][1])
            elif _is_person(tag) and b - a >= 2:
                while b + 1 < len(words) and words[b] in _NASAB_WORDS:
                    if labs[b][0].startswith("B-"):  # "… بن عبد العزيز" + ORG "بن مساعد بن جلوي آل سعود"
                        e = b + 1
                        while e < len(words) and labs[e][0].startswith("I-"):
                            e += 1
                        _mark(labs, b, e, tag, labs[a][1])
                        labs[b] = ("I-" + tag, labs[a][1])
                        b = e
                        continue
                    if not (labs[b][0] == "O" and labs[b + 1][0] == "O" and words[b + 1].isalpha()
                            and len(words[b + 1]) >= 3 and words[b + 1] not in FUNCTION_WORDS_AS_WRITTEN):
                        break
                    labs[b] = labs[b + 1] = ("I-" + tag, labs[a][1])
                    b += 2
        out.append(labs)
    return out


def _body_then_nationality(words: Sequence[str], keys: Sequence[str], norms: Sequence[str], k: int,
                           lex: EntityLexicon) -> bool:
    """True when token ``k`` is a body's head with its article and a nationality adjective follows: "البرلمان
    العراقي", "الحكومة اليمنية" (a body, not the family name of the person before)."""
    return (k + 1 < len(words) and keys[k].startswith("ال") and (keys[k] in lex.org_heads or keys[k] in _FORCES)
            and norms[k + 1] in lex.nisba)


_BLESSING = frozenset({normalize_for_matching("صلى")})
_ALLAH = identity_key("الله")


def _conjoined_word(word: str, lex: EntityLexicon, frequency: Callable[[str], int]) -> bool:
    """True for و + a word of the language that is no name, the whole a common word in news ("وعقد": and he
    held; not "وهبي", the family name of هيفاء وهبي)."""
    if (word[:1] != "و" or len(word) < 4 or word[1:] in FUNCTION_WORDS_AS_WRITTEN
            or frequency(normalize_for_matching(word)) < COMMON_WORD_BUCKET):
        return False
    rest = identity_key(word[1:])
    return (is_common_word(normalize_for_matching(word[1:])) and rest not in lex.given_names
            and not lex.is_known_name(rest) and not lex.is_known_name(identity_key(word))
            and rest not in lex.place_types and rest not in lex.titles)


def _verb_before_name(word: str, key: str, lex: EntityLexicon) -> bool:
    """A reporting verb ("روى", "قال"; not "روي", the name Rui) or an event verb in the imperfect ("يشير",
    "ستدعم", "يخطفون") that is no given name or known name: it stands before a name, never opens one. (A past
    event verb can be a given name the lists lack: "كرم", "صادق", "دان".)"""
    stem = word[1:] if word[:1] in ("و", "ف") else word  # "فيشير", "وروى"
    if {key, identity_key(stem)} & lex.given_names or lex.is_known_name(key) or lex.is_known_name(identity_key(stem)):
        return False  # (not "وعزت": the name Ezzat after و)
    if match_reporting(word) is not None:
        return not word.endswith("ي")
    if normalize_for_matching(stem) in _MOURNED:
        return True  # "الوسط الإعلامي نعى الدوسري": mourned, no name's first word
    return stem[:1] in "يتنس" and is_event_word(stem)


# verbs of mourning and farewell that stand before the name of the dead ("نعى الدوسري", "وشيعت جثمان")
_MOURNED = frozenset(normalize_for_matching(w) for w in (
    "نعى", "نعت", "ينعى", "تنعى", "نعوا", "رثى", "رثت", "يرثي", "ترثي", "ودع", "ودعت", "يودع", "تودع", "شيع", "شيعت",
    "يشيع", "تشيع"))


def split_at_titles(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                    frequency: Callable[[str], int] = lambda _: 0) -> list[Labels]:
    """Cut person spans at the titles inside them; leave a leading title, leading function words ("فإن"),
    nationality adjectives ("روس رفيعي"), a trailing event verb ("سلمان سيزور"), a trailing و + common word
    ("إردوغان وعقد"), the first word of a title that runs on after the span and the Prophet's blessing outside
    the name."""
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys = sentence_keys(words)
        norms = sentence_norms(words)
        for a0, b0, tag in _spans(labs):
            if not _is_person(tag):
                # "الملك فيصل" typed as an organisation: a title and a given name are a person
                length = _title_at(keys, words, a0, b0, lex)
                if length and b0 - a0 > length and keys[a0 + length] in lex.given_names:
                    conf = labs[a0][1]
                    _clear(labs, a0, b0)
                    _mark(labs, a0 + length, b0, EntityType.PER.tag, conf)
                    continue
                role = _role_after_body(words, keys, a0, b0, lex)
                if role is not None:  # "واختار الاتحاد الآسيوي الحكم السعودي الدولي": the referee is its object
                    conf = labs[a0][1]
                    _clear(labs, a0, b0)
                    _mark(labs, a0, role, tag, conf)
                    continue
                split = _person_inside_body(words, keys, norms, a0, b0, lex)
                if split is not None:
                    body_end, person_start, body_tag = split
                    conf = labs[a0][1]
                    _clear(labs, a0, b0)
                    _mark(labs, a0, body_end, body_tag or tag, conf)
                    _mark(labs, person_start, b0, EntityType.PER.tag, conf)
                continue
            a, b = a0, b0
            if b < len(words) and keys[b - 1] in _DANGLING and labs[b][0] == "O" and words[b][:1].isalpha():
                b += 1  # "نايف بن عبد العزيز آل" + "سعود": a name does not end on آل / بن
            while a < b and (words[a] in FUNCTION_WORDS_AS_WRITTEN or (
                    (norms[a] in lex.lexicon.stopwords or (
                        norms[a][:1] in ("و", "ف") and norms[a][1:] in lex.lexicon.stopwords))
                    and not ((keys[a] in lex.given_names or (
                        words[a][:1] == "و" and words[a][1:] not in FUNCTION_WORDS_AS_WRITTEN
                        and identity_key(words[a][1:]) in lex.given_names)) and b - a >= 2))):
                a += 1  # (but "علي دوابشة", "وعلي الشمراني": the given name علي, not the preposition على)
            while b - a > 1 and (is_event_word(words[b - 1]) or (
                    words[b - 1][:1] == "س" and words[b - 1][1:2] in "يتن" and is_event_word(words[b - 1][1:]))
                    or _conjoined_word(words[b - 1], lex, frequency)
                    or _title_at(keys, words, b - 1, len(words), lex) > 1
                    or _body_then_nationality(words, keys, norms, b - 1, lex)):
                b -= 1  # "إردوغان وعقد" (and held), "آل الشيخ نائب" + "وزير التعليم" (a title begins),
                # "أبو زيد البرلمان" + "العراقي" (the Iraqi parliament)
            blessing = next((k for k in range(a + 1, b) if norms[k].lstrip("-") in _BLESSING
                             and k + 1 < len(words) and keys[k + 1] == _ALLAH), None)
            if blessing is not None:
                b = blessing  # "محمد -صلى" + "الله عليه وسلم": the blessing after the Prophet's name
            while b - a > 1 and _verb_before_name(words[a], keys[a], lex):
                a += 1  # "روى البخاري" (al-Bukhari narrated), "يشير الجبلاوي": no name begins with a verb
            for k in range(b - 2, a, -1):  # "داعشي هدد ناصر القصبي": the name begins after a verb inside
                if (is_event_word(words[k]) and keys[k + 1] in lex.given_names and keys[k] not in lex.given_names
                        and not lex.is_known_name(keys[k])):
                    a = k + 1
                    break
            # nationality adjectives are not names ("مسؤولين روس رفيعي", "تنسيق سوري روسي")
            nisba = [k for k in range(a, b) if norms[k] in lex.nisba and keys[k] not in lex.place_types]
            if nisba:
                while a < b and norms[a] in lex.nisba and not (
                        keys[a] in lex.given_names and a + 1 < b and (
                            keys[a + 1] in _DANGLING or norms[a + 1] not in lex.nisba)):
                    a += 1  # (not a given name that is also one: "الأمير تركي بن سعود", "تركي الفيصل")
                while b > a and norms[b - 1] in lex.nisba:
                    b -= 1
                if b - a == 1 and not lex.is_known_name(keys[a]):
                    a = b
            while b - a > 2 and _club_adjective(keys[a], lex):
                a += 1  # "القائد الهلالي ياسر القحطاني": the Hilal player, the adjective is no part of his name
            if (a, b) != (a0, b0):
                conf = labs[a0][1]
                _clear(labs, a0, b0)
                if a < b:
                    _mark(labs, a, b, tag, conf)
            if a >= b:
                continue
            conf = labs[a][1]
            k, start = a, a
            while k < b:
                length = _title_at(keys, words, k, b, lex)
                if length and not (k > a and keys[k - 1] in _NAME_LINKS):
                    _clear(labs, k, k + length)
                    if start < k:
                        _mark(labs, start, k, tag, conf)
                    k = start = k + length
                    continue
                k += 1
            if a < start < b:
                _mark(labs, start, b, tag, conf)
        out.append(labs)
    return out


def _person_inside_body(words: Sequence[str], keys: Sequence[str], norms: Sequence[str], a0: int, b0: int,
                        lex: EntityLexicon) -> tuple[int, int, str | None] | None:
    """(end of the body, start of the person, the body's tag or None to keep the span's) when a non-person span
    [a0, b0) holds a body and then a person: a title and a given name inside ("هيئة كبار العلماء الشيخ عبدالعزيز
    آل الشيخ"), or a known organisation, then two or more words that are no part of a body's name, none
    definite, a function word, title, place or adjective ("البنتاجون جيف ديفيس")."""
    for k in range(a0 + 1, b0 - 1):
        length = _title_at(keys, words, k, b0, lex)
        if length and k + length < b0 and keys[k + length] in lex.given_names and keys[k - 1] not in _NAME_LINKS:
            return k, k + length, None
    if _is_known_body(words, keys, a0, b0, lex):
        return None
    for k in range(min(b0 - 2, a0 + 4), a0, -1):
        if _is_known_org(words, keys, a0, k, lex) and all(
                not _definite(keys[t]) and norms[t] not in lex.lexicon.stopwords and keys[t] not in lex.titles
                and keys[t] not in lex.place_types and norms[t] not in lex.nisba and words[t].isalpha()
                for t in range(k, b0)):
            return k, k, EntityType.ORG.tag
    return None


# a person's role after a known body's name ends the body: "اختار الاتحاد الآسيوي الحكم السعودي الدولي خليل جلال"
_ROLES_AFTER_BODY = frozenset(identity_key(w) for w in (
    "الحكم", "المدرب", "اللاعب", "الحارس", "المهاجم", "المدافع", "النجم", "الدولي", "لاعب", "مدرب", "حارس", "مهاجم",
    "المحترف", "الإداري"))
_INTERNATIONAL = identity_key("الدولي")


def _role_after_body(words: Sequence[str], keys: Sequence[str], a0: int, b0: int, lex: EntityLexicon) -> int | None:
    """The end of a known organisation's name inside the non-person span [a0, b0) when a person's role (a
    referee, coach, player: ``_ROLES_AFTER_BODY``) follows it inside the span — the CRF ran the body on into its
    verb's object ("الاتحاد الآسيوي لكرة القدم الدولي السعودي"); None otherwise."""
    if _is_known_body(words, keys, a0, b0, lex):
        return None  # "مجلس الأمن الدولي" is one name
    for k in range(a0 + 1, b0):
        if keys[k] in _ROLES_AFTER_BODY and (keys[k] != _INTERNATIONAL or k + 1 < b0) and _is_known_org(
                words, keys, a0, k, lex):
            return k  # ("الدولي" ends the body only before more words: "الدولي السعودي", the Saudi international)
    return None


# a city's municipality or governor's office is named by the city alone: "أمانة الرياض" ends there ("ورسخت أمانة
# الرياض البعد الاجتماعي لاحتفالات العيد")
_MUNICIPAL_HEADS = frozenset(identity_key(w) for w in ("أمانة", "بلدية", "إمارة", "أمانتي", "بلديتي"))
_EMIRATE = identity_key("إمارة")
_SAUDI_DIVISIONS = frozenset(identity_key(w) for w in ("منطقة", "محافظة"))  # ("إمارة منطقة جازان")


def _name_tail(word: str, key: str, typ: EntityType, lex: EntityLexicon) -> bool:
    """True for a word that may go on the name of a thing named after someone ("الدولي", "للإغاثة"): a
    definite word, no function word or relative pronoun, no place after ب ("بالصوابر": where it is), no title
    ("هيئة قناة السويس الفريق …": a rank before a name) and, for an event, nothing added by و."""
    return (_definite(key) and normalize_for_matching(word) not in lex.lexicon.stopwords
            and key not in _RELATIVES and not key.startswith("بال") and key not in lex.titles
            and key not in _TIME_NOUNS and not (typ is EntityType.MISC and key.startswith("و")))


# definite nouns of time that open an adverbial after a name ("في مسجد الصادق الشهر الماضي"), never its words
# (not "العام": "مستشفى الرس العام" is the general hospital)
_TIME_NOUNS = frozenset(identity_key(w) for w in (
    "اليوم", "الليلة", "الشهر", "الأسبوع", "السنة", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "الصباح", "المساء", "الفجر", "الظهر"))


def attach_heads(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon) -> list[Labels]:
    """A person or place right after a head noun that names something after it becomes that thing:
    "مركز الملك سلمان للإغاثة" (ORG), "مطار الملك عبدالعزيز الدولي" (LOC), "منطقة الرياض" (the province);
    a country followed by its own nationality adjective is a body named after it ("الكويت الكويتي")."""
    org_heads = {identity_key(w) for w in _NAMED_AFTER_ORG}
    loc_heads = {identity_key(w) for w in _NAMED_AFTER_LOC}
    misc_heads = {identity_key(w) for w in _NAMED_AFTER_MISC}
    region_heads = {identity_key(w) for w in _REGION_HEADS}
    city, project, centre = identity_key("مدينة"), identity_key("مشروع"), identity_key("مركز")
    for heads in (org_heads, loc_heads, misc_heads):  # the dual of a head: "جامعتي الملك عبدالعزيز وجدة"
        heads |= {h[:-1] + "تي" for h in heads if h.endswith("ه")}
    all_heads = org_heads | loc_heads | misc_heads | region_heads
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys = sentence_keys(words)
        for a, b, tag in _spans(labs):
            if labs[a][0] == "O":
                continue  # changed by an earlier span of this sentence
            typ = EntityType.parse(tag) or EntityType.MISC
            if typ in (EntityType.MISC, EntityType.ORG) and lex.place_subtypes.get(" ".join(keys[a:b])) == "city":
                typ = EntityType.LOC  # "لجامعة تبوك" with تبوك typed MISC, "بجامعة حائل" with حائل ORG: a city
            if typ is EntityType.LOC and b < len(words) and labs[b][0] == "O":
                code = lex.nisba.get(normalize_for_matching(words[b]))
                if code and lex.place_subtypes.get(" ".join(keys[a:b])) == "country" and (
                        lex.place_types.get(" ".join(keys[a:b])) == code):
                    conf = labs[a][1]  # "الكويت الكويتي": a club named after its country, not the country
                    _clear(labs, a, b)
                    _mark(labs, a, b + 1, EntityType.ORG.tag, conf)
                    continue
            h = a - 1
            if h >= 0 and keys[h] in lex.titles and typ in (EntityType.PER, EntityType.MISC):
                h -= 1  # "مركز [الملك] سلمان"
            if (typ is EntityType.LOC and h >= 1 and labs[h][0] == "O" and labs[h - 1][0] == "O"
                    and not keys[h].startswith("ال") and keys[h] not in lex.titles and len(keys[h]) >= 3
                    and normalize_for_matching(words[h]) not in lex.lexicon.stopwords and (
                    any(k in misc_heads for _, k in first_word_keys(words[h - 1])))):
                h -= 1  # "مهرجان تمور بريدة": an event's head, the noun it is of, then its place
            if h < 0 or labs[h][0] != "O" or (words[a][:1] in ("ب", "ل", "ك") and keys[a] not in lex.place_types
                                               and identity_key(words[a][1:]) in lex.place_types):
                continue  # (a place after a preposition is not a name's: "مهرجان لأبها")
            head = next((k for _, k in first_word_keys(words[h]) if k in all_heads), None)
            if (typ is EntityType.ORG and head in _MOSQUE_HEADS and b - a == 1 and not keys[a].startswith("لل")
                    and keys[a] not in lex.entries
                    and keys[a] not in lex.kb.by_alias and keys[a] not in lex.kb.by_ambiguous):
                typ = EntityType.PER  # "مسجد الصادق" with الصادق typed ORG: the mosque named after the imam
            if head is None or typ not in (EntityType.PER, EntityType.LOC, EntityType.MISC):
                continue
            if head == _CUSTOMS and any(k in loc_heads for _, k in first_word_keys(words[a])):
                continue  # "جمرك مطار الملك عبدالعزيز الدولي": the airport keeps its name (but "جمرك البطحاء")
            if (typ is EntityType.PER and head == city and b - a == 1 and keys[a] not in lex.given_names
                    and lex.place_subtypes.get(keys[a]) == "city" and keys[a] not in lex.homographs):
                _mark(labs, a, b, EntityType.LOC.tag, labs[a][1])  # "مدينة كوباني" with كوباني a person: the town
                continue
            if typ is EntityType.MISC and keys[a - 1] not in lex.titles and head not in misc_heads:
                continue  # a MISC the backend found is renamed only as "استاد [الملك] فهد" or "مهرجان [بريدة للتمور]"
            if head == _EMIRATE and typ is EntityType.LOC and (
                    keys[a] in _SAUDI_DIVISIONS or lex.place_types.get(" ".join(keys[a:b])) == "SA"):
                new_type, end = EntityType.ORG, b  # "إمارة منطقة مكة المكرمة", "إمارة الرياض": the governor's
                # office, a body ("أعلنت إمارة منطقة مكة المكرمة"); "إمارة الشارقة" stays a place
            elif head in region_heads:
                # a city's province ("منطقة الرياض"); "منطقة الشرق الأوسط" is the region itself
                if typ is not EntityType.LOC or lex.place_subtypes.get(" ".join(keys[a:b])) != "city":
                    continue
                new_type, end = EntityType.LOC, b
            else:
                if typ is EntityType.LOC and (head in (city, city[:-1] + "تي", project) or head in loc_heads):
                    continue  # "مدينة جدة" is Jeddah ("مدينتي تعز ومأرب" Taiz), and so is the "جدة" of "مطار جدة"
                    # and "مشروع قناة السويس الجديدة" the canal
                new_type = (EntityType.MISC if head in misc_heads else EntityType.ORG if head in org_heads
                            else EntityType.LOC)
                cut = next((k for k in range(a + 1, b) if keys[k].startswith("بال") or (
                    typ is EntityType.MISC and keys[k].startswith("و"))), b)
                if cut < b:  # "مسجد [الإمام الصادق بالصوابر]": where it is, after ب, is not in its name
                    # ("إعلان [القاهرة والمتضمن …]": nor what a و adds to an event's)
                    _clear(labs, cut, b)
                    b = cut
                end, conjoined = b, False
                while (end < len(words) and end - b < _NAMED_AFTER_TAIL and labs[end][0] == "O"
                       and not (typ is EntityType.LOC and head in _MUNICIPAL_HEADS) and _name_tail(
                        words[end], keys[end], new_type, lex) and not (keys[end].startswith("و") and (
                            conjoined or not any(keys[k].startswith("لل") for k in range(max(h, end - 2), end))))):
                    conjoined = conjoined or keys[end].startswith("و")  # one و, joining two fields: "للعلوم
                    # والتقنية", "للطاقة الذرية والمتجددة"; not "… والتقنية واللقاء بسمو", not "جامعة الدمام
                    end += 1  # والصفا والسيف", not "غرفة الرياض والتي"
                if typ is EntityType.LOC and head == centre and end == b and not (b < len(words) and words[b][:1] in (
                        "ل", "ب")):
                    continue  # "من مركز الرمادي": the town's centre; "مركز جدة للمعارض" is a body
            conf = labs[a][1]
            _clear(labs, a, b)
            _mark(labs, h, end, new_type.tag, conf)
        out.append(labs)
    return out


# --- dictionary --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentContext:
    """What the whole document says that single sentences do not."""

    saudi: bool  # "المملكة" alone means Saudi Arabia here
    country: str | None = None  # the country the document's place names and nisbas name most

    @property
    def home(self) -> str | None:
        """The country the document is about: the one it names most, else Saudi Arabia when the text says so."""
        return self.country or ("SA" if self.saudi else None)


def document_context(text: str, sentences: Sequence[Sequence[str]] = (), lex: EntityLexicon | None = None,
                     outlet_country: str | None = None) -> DocumentContext:
    """The document's context; with its ``sentences`` and ``lex``, also the country it names most (places of
    the gazetteer and nationality adjectives, counted over the words; a tie names none), else the country
    of its outlet. In a Saudi outlet "المملكة" is Saudi Arabia unless the text names another kingdom."""
    folded = fold_text(text)  # (a whole document: not cached)
    saudi_signs, other_kingdoms = _kingdom_signs()
    saudi = sum(folded.count(w) for w in saudi_signs)
    other = sum(folded.count(w) for w in other_kingdoms)
    country = None
    if lex is not None:
        votes: dict[str, int] = {}
        known = _COUNTRY_OF.setdefault(id(lex), {})
        for words in sentences:
            for w in words:
                if w not in known:
                    known[w] = _word_country(w, lex)
                code = known[w]
                if code:
                    votes[code] = votes.get(code, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            country = ranked[0][0]
    saudi_outlet = outlet_country == "SA" and other == 0
    return DocumentContext(saudi=(saudi > 0 and saudi >= other) or saudi_outlet, country=country or outlet_country)


@cache
def _kingdom_signs() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The matching forms of :data:`_SAUDI_SIGNS` and :data:`_OTHER_KINGDOMS` (computed once)."""
    return tuple(map(normalize_for_matching, _SAUDI_SIGNS)), tuple(map(normalize_for_matching, _OTHER_KINGDOMS))


_COUNTRY_OF: dict[int, dict[str, str | None]] = {}  # id of a lexicon -> word -> the country it names


def _word_country(word: str, lex: EntityLexicon) -> str | None:
    """The country a word names: a nationality adjective's, or a gazetteer place's (a proclitic allowed) when
    only one country has a place of that name."""
    norm = normalize_for_matching(word)
    if norm in lex.nisba:
        return lex.nisba[norm]
    for _, key in first_word_keys(word):
        if lex.homographs.get(key) == "region":
            return None  # ("الشرقية" is as often an adjective: "الغوطة الشرقية" says nothing of Saudi Arabia)
        code = lex.place_types.get(key) if key not in lex.shared_places else None
        if code:
            return code
    return None


def _longest_entry(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon
                   ) -> tuple[int, str | None]:
    """(length, identity key) of the longest dictionary phrase (entry or contextual form) starting at ``i``."""
    best, best_key = 0, None
    for _, first in first_word_keys(words[i]):
        parts = [first]
        for j in range(i + 1, min(i + lex.max_words, len(words)) + 1):
            key = identity_key(" ".join(parts))
            if key not in lex.prefixes and parts[-1] not in ("عبد", "ابو"):
                break
            if (key in lex.entries or key in lex.kb.by_ambiguous) and j - i > best:
                best, best_key = j - i, key
            if j < len(words):
                parts.append(keys[j])
    return best, best_key


_SPORTS_KEYS = frozenset(identity_key(w) for w in _SPORTS_CUES)
_STORY_CUES = 2  # cue words a story needs to be a sports (or finance) story


def story_subtypes(text: str) -> frozenset[str]:
    """The knowledge-base subtypes a document's bare ambiguous names lean to: ``club`` in a sports story,
    ``company`` in a finance story (each: at least two cue words, a proclitic allowed)."""
    return story_subtypes_of_words([t.text for t in tokenize(text)])


@lru_cache(maxsize=1 << 18)
def story_cue(word: str) -> int:
    """1 when a reading of ``word`` is a sports cue, 2 a finance cue, 3 both, 0 neither (cached per word)."""
    readings = word_readings(word)
    return (not readings.isdisjoint(_SPORTS_KEYS)) | (not readings.isdisjoint(_FINANCE_KEYS)) << 1


def story_subtypes_of_words(words: Iterable[str]) -> frozenset[str]:
    """:func:`story_subtypes` over a document's words."""
    sports = finance = 0
    for word in words:
        cue = story_cue(word)
        sports += cue & 1
        finance += cue >> 1
    kinds = ({"club"} if sports >= _STORY_CUES else set()) | ({"company"} if finance >= _STORY_CUES else set())
    return frozenset(kinds)


def _after_locative(words: Sequence[str], i: int) -> bool:
    """True when word ``i`` follows a locative ("في الرياض", "وفي", "بمنطقة")."""
    prev = normalize_for_matching(words[i - 1]) if i > 0 else ""
    return prev in _LOCATIVES or (prev[:1] in ("و", "ف", "ب", "ل") and prev[1:] in _LOCATIVES)


_PLACE_HEADS_OF_CITIES = frozenset(identity_key(w) for w in ("مدينة", "العاصمة", "عاصمة", "بمدينة", "لمدينة"))
_TOWARDS = frozenset(normalize_for_matching(w) for w in ("باتجاه", "نحو", "صوب", "إلى", "الى", "من"))


def _located(words: Sequence[str], i: int) -> bool:
    """True when word ``i`` follows a locative or carries ب / ل ("بالرياض")."""
    return _after_locative(words, i) or any(cut and words[i][cut - 1] in "بل" for cut, _ in first_word_keys(words[i]))


def _after_definite_noun(keys: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """True when token ``i`` follows a definite noun it can qualify ("السلم الأهلي", "الحرس الوطني"): not a
    head noun (نادي، صحيفة …), an organisation head or a title, which name what follows."""
    if i == 0:
        return False
    prev = keys[i - 1]
    bare = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 3 else prev
    noun = bare.removeprefix("ال")
    return bare.startswith(("ال", "لل", "بال", "كال")) and not {prev, bare, noun} & (HEAD_NOUNS | lex.org_heads) and (
        prev not in lex.titles and bare not in lex.titles)


_ADJECTIVE_BUCKET = 7  # a definite word this frequent in news is a common adjective, not a family name


def adjective_word(norm: str, frequency: Callable[[str], int]) -> bool:
    """True when the last word of a person's name (a matching form) reads as an adjective, which never names the
    person alone: a definite feminine one ("سليمان الحبيب الطبية": family names take the masculine) or a frequent
    definite one ("محمد علي باشا الكبير": the Great), so "الخدمات الطبية" and "الناقد الفني الكبير" elsewhere in
    the story are not that person."""
    return norm.startswith("ال") and len(norm) >= 5 and (norm.endswith("يه") or frequency(norm) >= _ADJECTIVE_BUCKET)


_CLUB_NICKNAME_HEADS = frozenset(identity_key(w) for w in ("النادي", "الفريق"))


def _contextual(words: Sequence[str], keys: Sequence[str], i: int, j: int, key: str, lex: EntityLexicon,
                sports: bool, home: str | None = None, press: str | None = None, sports_story: bool = False
                ) -> tuple[int, DictEntry] | None:
    """(span start, entry) when the bare form ``key`` at [i, j) names a KB entity in this context; ``press`` is
    the country of the press the document comes from (an outlet of that name there is its own); in a sports
    story (``sports_story``) a player's or coach's one-word form is that athlete."""
    candidates = [lex.kb.actors[k] for k in lex.kb.by_ambiguous.get(key, ())]
    if not candidates:
        return None
    head = keys[i - 1] if i > 0 else ""
    titled = head in lex.titles or (i > 1 and f"{keys[i - 2]} {head}" in lex.titles) or (
        any(k in _RULE_HEAD_KEYS for _, k in first_word_keys(words[i - 1])) if i > 0 else False)
    quoted = i > 0 and words[i - 1] in _OPEN_QUOTES and j < len(words) and words[j] in _CLOSE_QUOTES
    # (some papers print their guillemets the other way round: "و»الجزيرة» إذ آلمها النبأ")
    quoted = quoted or (i > 0 and words[i - 1] == "»" and j < len(words) and words[j] in ("»", "«"))
    # "قال لـ اليوم:": told to the outlet (a detached ل with its tatweel, the statement after a colon)
    quoted = quoted or (i > 0 and words[i - 1] in _TOLD_TO and j < len(words) and words[j] in (":", "،"))

    def pick(subtypes: tuple[str, ...]) -> str | None:
        hits = [a for a in candidates if a.subtype in subtypes]
        if len(hits) > 1 and home is not None:  # "الأهلي" in a Saudi article is the Saudi club
            hits = [a for a in hits if a.country == home] or hits
        if len(hits) > 1 and press is not None and set(subtypes) <= _MEDIA_SUBTYPES:
            hits = [a for a in hits if a.country == press] or hits  # 'وأكد لـ«الجزيرة»' in a Saudi paper's
            # story about Britain: the Saudi paper, not the Qatari channel
        return hits[0].kb_id if len(hits) == 1 else None

    def pick_outlet(head_word: str) -> str | None:
        """The outlet or agency its head names: "قناة" the channel, "صحيفة" the paper of that name."""
        heads = {k for _, k in first_word_keys(head_word)}
        named = [a for a in candidates if a.subtype in ("outlet", "agency") and any(
            identity_key(f).split()[0] in heads for f in (a.name_ar, *a.aliases))]
        return named[0].kb_id if len(named) == 1 else pick(("outlet", "agency"))

    kb_id, start = None, i
    finance = any(k in _FINANCE_KEYS for n, k in enumerate(keys) if not i <= n < j)  # (not the form itself:
    # "تداول ناشطون مقطع فيديو" is a verb, circulated)
    forms = [n for n in map(normalize_for_matching, words[i:j]) if n]  # (a tatweel alone is no word)
    if titled and len(forms) == 1 and forms[0] in lex.nisba:
        kb_id = None  # "الرئيس السوداني": the title's nationality, not Mohammed Shia al-Sudani
    elif titled:  # "الرئيس روحاني": a title points to the person
        kb_id = pick(tuple(PERSON_SUBTYPES))
    elif head in lex.outlet_heads:
        kb_id, start = pick_outlet(words[i - 1]), i - 1
    elif i > 1 and words[i - 1] in _OPEN_QUOTES and any(k in lex.outlet_heads for _, k in first_word_keys(
            words[i - 2])):
        kb_id = pick_outlet(words[i - 2])  # "لقناة «الجزيرة»": the outlet its head names, the quotes outside
    elif head in lex.club_heads:
        kb_id, start = pick(("club",)), i - 1
    elif i > 0 and (head in _NEWS_OF or (key not in _TIME_NOT_OUTLET and any(
            k in _OUTLET_REPORTS for _, k in first_word_keys(words[i - 1])))) and pick(("outlet", "agency")):
        # "وكالة أنباء الأناضول", "وذكرت الأناضول", "ونقلت الأناضول عن": the agency that reports, not the region
        kb_id = pick(("outlet", "agency"))
    elif quoted and (pick(("outlet", "agency")) or not sports):
        kb_id = pick(("outlet", "agency"))
    elif " " in key and key.split()[0] in _CLUB_NICKNAME_HEADS:
        kb_id = pick(("club",))  # "النادي الباريسي", "الفريق الكتالوني": a club's nickname says it is one
    elif sports and not (words[i][:1] != "و" and _after_definite_noun(keys, i, lex)) and not (
            key in lex.place_types and (_after_locative(words, i) or head in _PLACE_HEADS_OF_CITIES
                                        or normalize_for_matching(words[i - 1] if i > 0 else "") in _TOWARDS)):
        kb_id = pick(("club",))  # but "المنتخب الوطني", "الحرس الوطني": an adjective, not the club; and a club
        # named after its city is the city after "في", "باتجاه" or "مدينة" ("العرض في روما", "مدينة مارسيليا")
    elif finance and not _located(words, i):  # "البنك الأهلي"'s shares: the bank; "في الرياض" is the city
        kb_id = pick(("company",))
    elif home == "YE" or any(k in _YEMEN_WAR_KEYS for w in words for _, k in first_word_keys(w)):
        # "شن التحالف غارات على مواقع الحوثيين": the Saudi-led coalition; "المقاومة" in Yemen its Popular
        # Resistance, "الانقلابيين" the Houthis (in an article about Yemen, or a sentence about its war)
        yemeni = [a.kb_id for a in candidates if a.subtype == "armed_group" and a.country == "YE"]
        at_war = [a.kb_id for a in candidates if a.subtype == "coalition" and a.country == _YEMEN_COALITION_LEAD]
        kb_id = (at_war[0] if len(at_war) == 1 else pick(("coalition",))) or (
            yemeni[0] if len(yemeni) == 1 else None)
    elif any(k in _ISIS_WAR_KEYS for w in words for _, k in first_word_keys(w)) and not (
            j < len(words) and (keys[j] in _ALLIANCE_OF or _definite(keys[j]))):
        # "وفي سوريا نفذ التحالف أربع غارات": the coalition against ISIS (a sentence about its war in Syria and
        # Iraq that names no coalition in full)
        against = [a.kb_id for a in candidates if a.subtype == "coalition" and a.country == _ISIS_COALITION_LEAD]
        kb_id = against[0] if len(against) == 1 else None
    if kb_id is None and (sports or sports_story) and " " not in key and not (i > 0 and any(
            k in lex.given_names for _, k in first_word_keys(words[i - 1]))):
        kb_id = pick(("athlete",))  # "أجرى دونيس مدرب الهلال تغييرات", "سامر: جروس لا يريدني" (not the family
        # name of another man: "عطية الشمراني")
    if kb_id is None:
        return None
    return start, DictEntry(EntityType(lex.kb.actors[kb_id].type), kb_id)


def _segment(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon
             ) -> list[tuple[int, int, DictEntry]] | None:
    """Tokens [a, b) as two or more dictionary names joined by و or ب ("الولايات المتحدة والسعودية",
    "جامعة الملك عبدالعزيز بجدة"), or None."""
    parts: list[tuple[int, int, DictEntry]] = []
    i = a
    while i < b:
        length, key = _longest_entry(words, keys, i, lex)
        entry = lex.entries.get(key) if key else None
        if entry is None and parts:  # a single-word place after و/ب ("بجدة")
            place = next((k for cut, k in first_word_keys(words[i]) if cut and k in lex.place_types), None)
            if place is not None:
                length, entry = 1, DictEntry(EntityType.LOC)
        if entry is None or i + length > b or (parts and words[i][:1] not in ("و", "ب")):
            return None
        parts.append((i, i + length, entry))
        i += length
    return parts if len(parts) >= 2 else None


def _titled_at(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """True when a title of one or two words ends right before token ``i``, a proclitic allowed on its first
    word ("برئيس الحكومة")."""
    if i > 0 and any(k in lex.titles for _, k in first_word_keys(words[i - 1])):
        return True
    if i > 1 and keys[i - 1] in _FORMER:
        return _titled_at(words, keys, i - 1, lex)  # "نائب الرئيس السابق رياك مشار"
    return i > 1 and any(f"{k} {keys[i - 1]}" in lex.titles for _, k in first_word_keys(words[i - 2]))


def _word_of_the_language(norm: str, given: bool) -> bool:
    """True when the dictionary makes the matching form ``norm`` a word of the language rather than part of a
    foreign name after a title: as the given name, a verb, verbal noun, function word or particle, or a noun
    that is no adjective too ("ارتكب", "برقية"; an adjective can be a name: "مهاب", "مختار"), and when
    definite, any common word ("الصاعد"); as the family name, any noun, adjective, verb or function word
    ("حرص", "مرفوض")."""
    if norm.startswith("ال") and len(norm) > 4:
        return is_common_word(norm[2:])
    classes = set(shipped_word_classes().get(norm, ""))
    if given:
        return bool(classes & set("vmft")) or ("n" in classes and "a" not in classes)
    return bool(classes & set("nmavsf"))


def _foreign_name(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                  frequency: Callable[[str], int]) -> int:
    """2 when tokens ``i, i+1`` read as a foreign given + family name: two rare words of three letters or
    more, neither a function word or place, the first no known name, the second not definite ("ألكسيس
    تسيبراس", "الكسيس تسيبراس", "سلفا كير")."""
    if i + 1 >= len(words):
        return 0
    for k, limit in ((i, _FOREIGN_GIVEN_BUCKET), (i + 1, _FOREIGN_FAMILY_BUCKET)):
        norm = normalize_for_matching(words[k])
        if norm.startswith(("لل", "بال", "وال", "فال", "كال")):
            return 0  # "المتحدث الرسمي للمركز": an Arabic noun with its article and a preposition
        if norm.startswith("ال"):  # an Arabic family name, or a rare foreign given name ("الكسيس")
            if k > i or frequency(norm) > _FOREIGN_DEFINITE_BUCKET or norm.endswith(("ة", "ه")):
                return 0  # (not a feminine adjective: "وزيرة الدولة المنتدبة مباركة بو عيدة")
        if (k == i and norm[:1] in "يت" and is_common_word(norm)) or _word_of_the_language(norm, given=k == i):
            return 0  # "وزير البلديات يوجه بضرورة", "ارتكب خطأ", "للفريق الصاعد بقوة": words of the language
        if (len(norm) < 3 or not norm.isalpha() or norm in lex.lexicon.stopwords or (
                k == i and lex.is_known_name(keys[k]))
                or keys[k] in lex.place_types or norm in lex.nisba or keys[k] in lex.titles
                or frequency(norm) > limit):
            return 0
    second = normalize_for_matching(words[i + 1])
    if second[:1] in "يت" and second.endswith(("ون", "ان")):
        return 0  # "الرئيس الشرع يسعون": a verb after a name, not a family name
    return 2


# titles one country's role alone has, naming its holder without naming the country
_UNIQUE_TITLES = frozenset(identity_key(w) for w in (
    "خادم الحرمين الشريفين", "ولي ولي العهد", "ولي ولي عهده", "المليك"))
_APPOINTED_AS = frozenset(identity_key(w) for w in ("وليا", "ولياً", "نائبا", "نائباً", "رئيسا", "رئيساً", "وزيرا",
                                                    "وزيراً", "أميرا", "أميراً"))
# titles that name the holder in a story of the role's own country ("وسمو ولي العهد" in a Saudi story)
_HOME_TITLES = frozenset(identity_key(w) for w in (  # ("وسمو ولي عهده الأمين", "كلام رئيس مجلس النواب" in Lebanon)
    "ولي العهد", "ولي عهده", "رئيس مجلس النواب", "رئيس البرلمان", "رئيس الحكومة", "رئيس الوزراء",
    "رئيس مجلس الوزراء", "رئيس الجمهورية"))
_FORMER = frozenset(identity_key(w) for w in (
    "السابق", "الأسبق", "الراحل", "المعزول", "المخلوع", "المستقيل", "السابقة", "الراحلة", "المقبل", "الجديد"))
_STYLES = frozenset(identity_key(w) for w in ("صاحب", "سمو", "جلالة", "فخامة", "معالي", "سعادة", "دولة"))
_NAME_TITLES = frozenset(identity_key(w) for w in ("الشيخ", "الأمير", "الملك", "السيد", "الدكتور", "المشير", "الفريق",
                                                  "آية", "اللواء", "العميد", "المهندس"))  # "… آية الله علي خامنئي"


def _after_title_only(hints: dict[tuple[int, int, int], DictEntry], labs: Labels, sidx: int, i: int) -> bool:
    """True when a title alone ends right before token ``i`` of sentence ``sidx`` and no name stands right
    before that title (not "خالد الفيصل مستشار خادم الحرمين الشريفين" + "أمير …": a chain describing him)."""
    return any((sidx, a, i) in hints and hints[(sidx, a, i)].title_only and not any(
        _is_person(labs[k][0][2:]) for k in range(max(0, a - 2), a)) for a in range(max(0, i - 6), i))


def standalone_title(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon,
                     home: str | None = None, after_title: Callable[[], bool] = lambda: False) -> int:
    """Length of a knowledge-base role title that names its holder on its own ("أكد الرئيس الأمريكي", "وقال
    وزير الخارجية الروسي"): a title the KB gives one country's role, naming that country by its adjective, or
    unique ("خادم الحرمين الشريفين"), or naming its own country or a province or city of it ("أمير دولة
    قطر", "ملك الأردن", "أمير منطقة جازان"), or a minister's by his field alone in a story of his own country
    (``home``: "أصدر وزير العدل" in a Saudi story); a title holding a body ("محافظ مؤسسة النقد") leaves that
    name the mention.
    Not before or after a name ("الرئيس الأمريكي باراك أوباما", "بوتين، رئيس روسيا"), not a former holder
    ("الرئيس الأمريكي السابق"), not inside a longer title; ``after_title()``: whether the person span ending
    right before ``i`` is itself a title alone (asked only when it matters). 0 when not one."""
    if not any(k in lex.kb_title_first for _, k in first_word_keys(words[i])):
        return 0
    if i > 0 and keys[i - 1] in _APPOINTED_AS:
        return 0  # "محمد بن سلمان وليا لولي العهد": appointed deputy crown prince, no crown prince named
    length = _title_at(keys, words, i, len(words), lex)
    if not length or _in_title(words, keys, i, lex):
        return 0
    end = i + length
    while end < len(words) and end - i - length < 2 and normalize_for_matching(words[end]) in lex.nisba:
        end += 1
    phrase = next((p for _, k in first_word_keys(words[i])
                   if (p := identity_key(" ".join([k, *keys[i + 1 : end]]))) in lex.kb.by_title), None)
    if phrase is None:
        return 0
    countries = {r.country for r in lex.kb.by_title[phrase]}
    nisba = any(normalize_for_matching(words[t]) in lex.nisba for t in range(i, end))
    domestic = not nisba and home is not None and home in countries and (
        phrase.split()[0] in _MINISTER_TITLES or phrase in _HOME_TITLES)
    country = countries.pop() if len(countries) == 1 else (home if domestic else None)
    if country is None or (end - i < 2 and phrase not in _UNIQUE_TITLES):
        return 0  # (one word only when no other holder is called so: "المليك" is the Saudi king)
    own = _names_own_country(words, keys, i + 1, end, country, lex)
    if phrase not in _UNIQUE_TITLES and not own and not nisba and not domestic:
        return 0  # (a minister named by his field alone in a story of his own country: "أصدر وزير العدل")
    if own is None:
        return 0  # "محافظ مؤسسة النقد", "رئيس مجلس الشورى": the body it names stays the mention
    nxt = end + 1 if end < len(words) and words[end] in ("،", ",") else end
    if nxt < len(words) and ((labs[nxt][0] != "O" and not (  # (but "المليك والسيسي يؤكدان": two parties)
            nxt == end and words[nxt][:1] == "و" and keys[nxt] not in lex.given_names))
                             or keys[nxt] in _FORMER or keys[nxt] in _NAME_TITLES
                             or (keys[nxt] in _STYLES and nxt == end and phrase not in _UNIQUE_TITLES)
                             or (keys[nxt] in lex.given_names and words[nxt] not in FUNCTION_WORDS_AS_WRITTEN)):
        return 0  # (not "على" read as "علي"; "أمير منطقة مكة المكرمة صاحب السمو الملكي الأمير …" is his title)
    prev = i - 2 if i > 1 and words[i - 1] in ("،", ",") else i - 1
    if prev >= 0 and _is_person(labs[prev][0][2:]) and not (prev == i - 1 and (own or nisba) and after_title()):
        return 0  # "تميم بن حمد، أمير دولة قطر": the title of the name before it (not "استقبل خادم الحرمين
        # الشريفين ملك البحرين": a title-only mention right before a title naming its country is the other
        # party; "ولي ولي العهد وزير الدفاع" is one man's titles)
    return end - i


_OWN_PLACE_SUBTYPES = frozenset({"country", "province", "city", "region"})


def _names_own_country(words: Sequence[str], keys: Sequence[str], a: int, b: int, country: str,
                       lex: EntityLexicon) -> bool | None:
    """Whether the words ``a:b`` of a role title name a place or body: True when all they name is the
    role's own country or places in it ("أمير دولة قطر", "ملك الأردن", "أمير منطقة جازان"), None when they
    name anything else (a body: "محافظ مؤسسة النقد"; another country), False when they name nothing
    ("الرئيس الأمريكي")."""
    named = False
    t = a
    kingdom = identity_key(_KINGDOM)
    while t < b:
        if any(k == kingdom for _, k in first_word_keys(words[t])):
            named, t = True, t + 1  # "المفتي العام للمملكة": the kingdom of the KB title's own country
            continue
        n, key = _longest_entry(words, keys, t, lex)
        if (n <= 1 and (n == 0 or key not in lex.entries) and lex.place_types.get(keys[t]) == country
                and lex.place_subtypes.get(keys[t]) in _OWN_PLACE_SUBTYPES):
            named, t = True, t + 1  # "أمير تبوك": a city of its own country the dictionary leaves to NER
            continue
        if not n:
            if any(k in lex.place_types or k in lex.entries for _, k in first_word_keys(words[t])):
                return None
            t += 1
            continue
        entry = lex.entries.get(key) if key else None
        if (entry is None or entry.type is not EntityType.LOC
                or (entry.country_code or lex.place_types.get(key or "")) != country
                or lex.place_subtypes.get(key or "") not in _OWN_PLACE_SUBTYPES):
            return None
        named, t = True, t + n  # (the country, or one of its provinces or cities: "أمير منطقة جازان")
    return named


def _country_named_in(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon) -> str | None:
    """ISO code of the country a title names by its name ("أمير دولة قطر" → QA, "رئيس روسيا" → RU)."""
    for t in range(a, b):
        n, key = _longest_entry(words, keys, t, lex)
        entry = lex.entries.get(key) if n and key and t + n <= b else None
        if entry is not None and entry.type is EntityType.LOC and lex.place_subtypes.get(key or "") == "country":
            return entry.country_code
    return None


_FORCES = frozenset(identity_key(w) for w in ("الجيش", "الشرطة", "الجمارك", "المخابرات", "الاستخبارات"))


def _national_force(words: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """True for a country's army or police named by its nationality adjective ("الجيش التركي", "والشرطة
    البريطانية"), inside a title too ("قائد الجيش التركي" names the army as well as its commander)."""
    if not any(k in _FORCES for _, k in first_word_keys(words[i])):
        return False
    return bool(lex.nisba.get(normalize_for_matching(words[i + 1])))


_STATE_HEADS = frozenset(identity_key(w) for w in ("الجمهورية", "جمهورية", "المملكة", "مملكة", "السلطنة", "سلطنة"))
_STATE_ADJECTIVES = frozenset(identity_key(w) for w in (
    "العربية", "الإسلامية", "الاتحادية", "الديمقراطية", "الشعبية", "الفيدرالية", "الفدرالية", "الهاشمية",
    "الاشتراكية", "المتحدة"))


def state_span(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> tuple[int, str] | None:
    """A republic, kingdom or sultanate named by its nationality adjective ("الجمهورية اليونانية", "السلطنة
    العمانية", "الجمهورية الإسلامية الإيرانية", "المملكة الأردنية الهاشمية"): its length in words and the
    adjective's country, or None (not the head alone, nor with an adjective that names no one country:
    "المملكة العربية" alone)."""
    if not any(k in _STATE_HEADS for _, k in first_word_keys(words[i])):
        return None
    j = i + 1
    while j < len(words) and keys[j] in _STATE_ADJECTIVES:
        j += 1
    code = _nisba_codes().get(normalize_for_matching(words[j])) if j < len(words) else None
    if code is None:
        return None
    j += 1
    while j < len(words) and keys[j] in _STATE_ADJECTIVES:
        j += 1
    return j - i, code


_FEDERATION = identity_key("الاتحاد")
_SPORT_TAILS = frozenset(identity_key(w) for w in (
    "لكرة", "للكرة", "لألعاب", "للسباحة", "للفروسية", "للتنس", "للملاكمة", "للمصارعة", "للدراجات", "للرياضات",
    "للسيارات", "للجولف", "للرماية", "للكاراتيه", "للتايكوندو", "للجودو", "للشطرنج", "للفروسيه"))


def _national_federation(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                         sports: bool) -> int:
    """Length of a country's sports federation named by its adjective: "الاتحاد الجزائري لكرة القدم", or
    "الاتحاد الجزائري" alone in a sports story ("الاتحاد الروسي" elsewhere is Russia); 0 when not one."""
    if i + 1 >= len(words) or not any(k == _FEDERATION for _, k in first_word_keys(words[i])) or (
            not _nisba_codes().get(normalize_for_matching(words[i + 1]))):
        return 0
    if i + 2 < len(words) and keys[i + 2] in _SPORT_TAILS:
        return 4 if i + 3 < len(words) and keys[i + 2].endswith("كره") and _definite(keys[i + 3]) else 3
    return 2 if sports else 0


def _in_title(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """True when token ``i`` continues a title that starts one or two tokens before it ("لرئيس مجلس الوزراء")."""
    return any(_title_at(keys, words, s, len(words), lex) > i - s for s in range(max(0, i - 2), i))


TIME_ADVERBS = frozenset(identity_key(w) for w in (
    "البارحة", "الليلة", "الآن", "أمس", "امس", "فورا", "حاليا", "مجددا", "سابقا", "لاحقا", "غدا", "مؤخرا", "قريبا",
    "أيضا", "رسميا", "صباحا", "مساء", "ظهرا"))


def _definite(key: str) -> bool:
    """True for a definite word, with لل or و before its article ("للإغاثة", "والتراث"): how the words of a
    body's name after its head are written; never a time adverb ("افتتحت جامعة الباحة البارحة")."""
    return (key.startswith(("ال", "لل")) or (key.startswith("و") and key[1:3] == "ال")) and key not in TIME_ADVERBS


def _named_body_form(key: str, lex: EntityLexicon) -> DictEntry | None:
    """A body's context form of two words or more ("مجلس الشورى", "وزارة الداخلية") is an organisation
    wherever it stands; which body (the Saudi or the Iranian council) resolution decides from the story."""
    if " " not in key:
        return None
    actors = [lex.kb.actors[k] for k in lex.kb.by_ambiguous.get(key, ())]
    if actors and all(a.type == EntityType.ORG.value and a.subtype == "government_body" for a in actors):
        return DictEntry(EntityType.ORG)
    return None


_BODY_HEADS = frozenset(identity_key(w) for w in (
    "وزارة", "مجلس", "هيئة", "محكمة", "ديوان", "مديرية", "رئاسة", "حزب", "تكتل",
    "البرلمان"))  # (a parliament with its adjective: "البرلمان العراقي", "البرلمان الأوروبي")
_PARLIAMENT = identity_key("البرلمان")
_REGIONAL = frozenset(identity_key(w) for w in ("الأوروبي", "الأوربي", "العربي", "الخليجي", "الأفريقي", "الإفريقي"))
_GENERIC_BODY_TAILS = frozenset(identity_key(w) for w in (
    "الإدارة", "الأمناء", "الآباء", "الأمهات", "الأعمال", "العزاء", "الأمر", "الإدارات", "التدريس", "النادي",
    "الفريق", "اللجنة", "الجلسة", "الجمعية"))
_BODY_TAIL = 5  # words of a body's name after its head ("الهيئة العامة للسياحة والتراث الوطني")


def _government_body(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> int:
    """Length of a ministry, council, authority or party named by its head and what it deals with: "وزارة
    العمل", "مجلس الشورى", "هيئة الهلال الأحمر السعودي", "حزب العمال" (a proclitic allowed on the head,
    "بوزارة العمل"); 0 when not one, or a generic board ("مجلس الإدارة")."""
    if i + 1 >= len(words) or not any(k in _BODY_HEADS for _, k in first_word_keys(words[i])):
        return 0
    if not keys[i + 1].startswith("ال") or keys[i + 1] in _GENERIC_BODY_TAILS:
        return 0
    if any(k == _PARLIAMENT for _, k in first_word_keys(words[i])):  # "البرلمان العراقي", not "البرلمان المخضرم"
        return 2 if normalize_for_matching(words[i + 1]) in lex.nisba or keys[i + 1] in _REGIONAL else 0
    j = i + 1
    while j < len(words) and j - i <= _BODY_TAIL:
        if _body_name_ended(words, keys, i, j, lex):
            break
        if j > i + 1 and keys[j].startswith("و") and any(
                (k[2:] if k.startswith("ال") else k) in _BODY_HEADS for _, k in first_word_keys(words[j])):
            break  # "محكمة الاستئناف والمحكمة العليا": a second body
        j += 1
    return j - i


def _body_name_ended(words: Sequence[str], keys: Sequence[str], i: int, j: int, lex: EntityLexicon) -> bool:
    """Word ``j`` is past the end of the name of the body whose head is word ``i``: a function word, a title,
    an indefinite word, or a word of the name again."""
    norm = normalize_for_matching(words[j])
    bare = [k for _, k in first_word_keys(words[j])]  # (with its و or ل left off too)
    if norm in lex.lexicon.stopwords or (norm[:1] == "و" and norm[1:] in lex.lexicon.stopwords) or any(
            k in lex.titles or k in lex.title_first for k in bare):
        return True  # "رئاسة الجمهورية والذي", "وزارة الزراعة والمتحدث الرسمي": the body's name has ended
    if not _definite(keys[j]):
        return True
    # "هيئة التحقيق والادعاء العام للتحقيق": a word of the name again starts something else
    return j > i + 1 and not set(bare).isdisjoint(keys[i + 1 : j])


# institutions named by their head and what follows it: "بنك البلاد", "مستشفى النور التخصصي", "جامعة طيبة"
_INSTITUTION_HEADS = frozenset(identity_key(w) for w in (
    "جامعة", "بنك", "مصرف", "مستشفى", "شركة", "مؤسسة", "صندوق", "جمعية", "وكالة", "معهد", "نادي"))
# what an institution's head is followed by when it names no one institution ("صندوق الاقتراع", "شركة الطيران")
_NAMED_ON_ITS_OWN = frozenset({"club", "company"})  # (not "بنك البلاد", which is no newspaper)
_GENERIC_INSTITUTION_TAILS = frozenset(identity_key(w) for w in (
    "الاقتراع", "الدم", "التأمين", "الصحيفة", "الأهداف", "المعلومات", "القرن", "العشرة", "الكبار"))


def _opens_body(word: str) -> bool:
    """A reading of ``word`` is the head of a body's name, with or without its article ("الوزارة", "والمعهد")."""
    return any(k.removeprefix("ال") in _BODY_HEADS or k in _QUALIFIED_BODY_HEADS or k.removeprefix("ال")
               in _INSTITUTION_HEADS for _, k in first_word_keys(word))


def _institution(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                 frequency: Callable[[str], int]) -> int:
    """Length of an institution named by its indefinite head and the words after it: a definite chain
    ("بنك الإسكان", "مستشفى النور التخصصي", "صندوق تنمية الموارد البشرية" is not: its second word is
    indefinite) or a word that is no word of the language ("بنك سامبا", "بجامعة طيبة" is not); 0 when not one."""
    if (i + 1 >= len(words) or not any(k in _INSTITUTION_HEADS for _, k in first_word_keys(words[i]))
            or words[i].endswith("نادى")):  # (the verb "called": "نادى القصيد")
        return 0
    nxt, norm = keys[i + 1], normalize_for_matching(words[i + 1])
    if (nxt in _GENERIC_INSTITUTION_TAILS or nxt in _GENERIC_BODY_TAILS or nxt in lex.titles
            or nxt in lex.title_first or norm in lex.lexicon.stopwords or words[i + 1] in FUNCTION_WORDS_AS_WRITTEN
            or words[i + 1] in ("إلا", "ألا")):
        return 0  # ("مستشفى الملك فهد": a body named after a person is attach_heads' to name)
    if _opens_body(words[i + 1]):
        return 0  # "وكالة الرئاسة العامة لشؤون المسجد النبوي", "وكالة الوزارة للتعليم": the body after it names it
    _, key = _longest_entry(words, keys, i + 1, lex)
    if key is not None:
        entry = lex.entries.get(key)
        ids = [entry.kb_id] if entry is not None and entry.kb_id else list(lex.kb.by_ambiguous.get(key, ()))
        if any(lex.kb.actors[k].subtype in _NAMED_ON_ITS_OWN for k in ids if k in lex.kb.actors):
            return 0  # "نادي الترجي", "شركة الإنماء": a club or company the knowledge base knows is its own mention
    if not nxt.startswith("ال") or nxt in TIME_ADVERBS:  # ("مستشفى للعمليات", "شركة يابانية", "شركة مدرجة")
        if (not _unknown_word(norm, lex) or frequency(norm) >= COMMON_WORD_BUCKET
                or norm.endswith(("ي", "ه", "ات", "ها", "هم", "نا"))
                or not all("\u0621" <= ch <= "\u064a" for ch in norm)):
            return 0
    j = i + 2
    while j < len(words) and j - i <= _BODY_TAIL:
        if _body_name_ended(words, keys, i, j, lex) or keys[j].startswith(("بال", *_AFFILIATED)) or keys[j] in _FORMER:
            break  # ("عميل وكالة الاستخبارات الروسية السابق": the agent is former, not the agency)
        if _other_name_starts(words, keys, j, lex):
            break  # "نادي السيارات الإيطالي والمعهد الوطني للإحصاء": a second body
        j += 1
    return j - i


_QUALIFIED_BODY_HEADS = frozenset(identity_key(w) for w in (
    "الهيئة", "المؤسسة", "الجمعية", "اللجنة", "الشركة", "المركز", "الصندوق", "المجلس", "الوكالة", "الإدارة",
    "المديرية", "الرئاسة", "الاتحاد", "المنظمة", "المعهد", "الأكاديمية", "الجامعة", "المحكمة", "النيابة"))
_BODY_QUALIFIERS = frozenset(identity_key(w) for w in (
    "العامة", "العليا", "الوطنية", "الملكية", "الدولية", "الخيرية", "الأهلية", "الإسلامية", "العالمية",
    "الاستشارية", "المركزية", "الاتحادية", "الأعلى"))  # ("المجلس الأعلى للقضاء")


_AFFILIATED = tuple(identity_key(w) for w in ("التابع", "المنبثق", "المكلف", "المعني"))


def _qualified_body(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> int:
    """Length of a body named by a definite head, its qualifier and its field: "الهيئة السعودية للمواصفات
    والمقاييس والجودة", "المؤسسة العامة لتحلية المياه المالحة", "الهيئة الوطنية لمكافحة الفساد", "اللجنة
    العامة للانتخابات البلدية", "الإدارة العامة للمرور" (a proclitic allowed on the head); 0 when not one.
    Without its field ("الهيئة السعودية", "الإدارة العامة") the phrase is a reference, not a name."""
    if i + 2 >= len(words) or not any(k in _QUALIFIED_BODY_HEADS for _, k in first_word_keys(words[i])):
        return 0
    qualifier = normalize_for_matching(words[i + 1])
    if not (keys[i + 1] in _BODY_QUALIFIERS or _definite_nationality(qualifier, lex)):
        return 0
    j = i + 2
    field = keys[j]
    if any(k in HEAD_NOUNS or k in lex.org_heads or k.removeprefix("ال") in HEAD_NOUNS
           for _, k in first_word_keys(words[j])):
        return 0  # "الجمعية العامة لشركة الإنماء", "اللجنة التنفيذية للنادي": a board of another body
    if field.startswith("لل") and len(field) > 3:
        j += 1
    elif field.startswith("ل") and len(field) > 3 and j + 1 < len(words) and _definite(keys[j + 1]):
        j += 2  # "لتحلية المياه", "لمكافحة الفساد": the field's noun and its genitive
    else:
        return 0
    while j < len(words) and j - i <= _BODY_TAIL + 1:
        if _body_name_ended(words, keys, i, j, lex) or keys[j].startswith(("بال", *_AFFILIATED)):
            break  # (and "... بالمنطقة": where it is; "التابعة للحكومة": whose it is — neither is its name)
        if _other_name_starts(words, keys, j, lex):
            break
        j += 1
    return j - i


CHAMBER_WORDS = (identity_key("الغرفة"), identity_key("التجارية"))  # "الغرفة التجارية (الصناعية) بجدة"
CHAMBER_INDUSTRY = identity_key("الصناعية")


def _chamber_of_commerce(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> int:
    """Length of a chamber of commerce named by its city: "الغرفة التجارية (الصناعية) بجدة / في جدة / بمكة
    المكرمة" (a proclitic allowed on الغرفة); 0 when not one. Resolution keys it as "غرفة جدة"."""
    if i + 2 >= len(words) or not any(k == CHAMBER_WORDS[0] for _, k in first_word_keys(words[i])):
        return 0
    if keys[i + 1] != CHAMBER_WORDS[1]:
        return 0
    j = i + 2
    if keys[j] == CHAMBER_INDUSTRY:
        j += 1
    if j >= len(words):
        return 0
    if keys[j] == _IN and j + 1 < len(words):
        place, first = j + 1, keys[j + 1]
    elif keys[j].startswith("ب") and len(keys[j]) > 2:
        place, first = j, keys[j][1:]
    else:
        return 0
    for n in (2, 1):  # "بمكة المكرمة", "بجدة"
        key = " ".join([first, *keys[place + 1 : place + n]])
        if place + n <= len(words) and lex.place_subtypes.get(key) in ("city", "province"):
            return place + n - i
    return 0


def _other_name_starts(words: Sequence[str], keys: Sequence[str], j: int, lex: EntityLexicon) -> bool:
    """Word ``j`` after a body's name starts another name: a dictionary phrase of two words or more naming an
    event, a treaty or a person ("يناقش المجلس الأعلى للأمن القومي الاتفاق النووي") or, after و, another
    body or office ("المجلس الأعلى للأمن القومي والقوات المسلحة")."""
    if keys[j].startswith("و") and (_opens_body(words[j]) or any(
            k.removeprefix("ال") in lex.org_heads or k in lex.org_heads or k.removeprefix("ال") in HEAD_NOUNS
            for _, k in first_word_keys(words[j]))):
        return True
    length, key = _longest_entry(words, keys, j, lex)
    entry = lex.entries.get(key) if key is not None and length >= 2 else None
    return (entry is not None and entry.type in (EntityType.MISC, EntityType.PER)
            and normalize_for_matching(words[j]) not in lex.nisba)


_SPOKESMEN = frozenset(identity_key(w) for w in ("المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "ناطق"))


def _stems_of(norm: str) -> tuple[str, ...]:
    """A matching form and, for a definite word, its stem (``ال`` off)."""
    return (norm, norm[2:]) if norm.startswith("ال") and len(norm) > 4 else (norm,)


def _title_name(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                frequency: Callable[[str], int] = lambda _: 0, labs: Labels | None = None) -> int:
    """Length of a name right after a title when the backend missed it: a given name (with its nasab
    "بن X" and family "آل X", or a rare family name after it when ``labs`` shows it untagged), a key
    actor's contextual form ("الرئيس روحاني"), or a foreign name of two rare words, also after the title's
    nationality adjective ("رئيس الوزراء اليوناني ألكسيس تسيبراس")."""
    nisba = i > 1 and normalize_for_matching(words[i - 1]) in lex.nisba and _titled_at(words, keys, i - 1, lex)
    if not (_titled_at(words, keys, i, lex) or nisba):
        return 0
    if _in_title(words, keys, i, lex):
        return 0  # the word is inside a longer title ("المتحدث باسم الكرملين")
    person = any(lex.kb.actors[k].type == EntityType.PER.value for k in lex.kb.by_ambiguous.get(keys[i], ()))
    if keys[i] not in lex.given_names and not person:
        return _foreign_name(words, keys, i, lex, frequency)
    j = i + 1
    while j + 1 < len(words) and keys[j] in (identity_key("بن"), identity_key("آل")) and len(keys[j + 1]) > 1:
        j += 2
    if (j == i + 1 and labs is not None and not person and words[i] not in FUNCTION_WORDS_AS_WRITTEN
            and not (i > 0 and keys[i - 1] in _SPOKESMEN)  # "المتحدث باسم فينيفست": "on behalf of", no باسم
            and _family_word(words, keys, labs, j, lex, frequency)
            and frequency(normalize_for_matching(words[j])) <= _CUED_FAMILY_BUCKET
            and not any(is_common_word(f) for f in _stems_of(normalize_for_matching(words[j])))):
        j += 1  # "المهندس بدر باسلمة": a given name alone is weak; with a rare family name the dictionary
        # does not know as a word it is the person (not "الفريق على النجاح", "الملك خالد مفتوح")
    return j - i


def _located_city(words: Sequence[str], i: int, lex: EntityLexicon, frequency: Callable[[str], int]) -> bool:
    """A gazetteer city after a locative ("في اللاذقية") or with ب/ل before it ("بطرطوس"), when its name is
    rare in news (a frequent one, "الخبر", is also a common word; the backend finds the frequent cities). After
    a locative the word is the city as written, or ب/ل on it: "من وكيل الحرس" is from the deputy, not و + Kiel."""
    after_locative = _after_locative(words, i)
    return any(key in lex.place_types and key not in lex.entries and key not in lex.homographs
               and frequency(normalize_for_matching(words[i][cut:])) <= _RARE_CITY_BUCKET
               and ((after_locative and not cut) or (cut and words[i][cut - 1] in "بل"))  # the ب of its own reading
               for cut, key in first_word_keys(words[i]))


def listed_places(sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
                  home: str | None = None) -> list[Labels]:
    """An untagged city or province of ``place_words_ar.txt`` (the ones the press names as places whatever the words
    around them: "جدة", "الطائف", "نجران"), or a region's short form where no word before it makes it an adjective
    (the ``region`` homographs: "أهالي الشرقية", not "الغوطة الشرقية"), is a place, a proclitic allowed when the
    word as written is no common word ("بجدة"); not after a demonstrative ("هذه الباحة": a courtyard), as the
    adjective of a definite noun ("الأسطح الرطبة": wet, "العلم الشرعي المؤصل") nor where its neighbours make it a
    common word (common_word_contexts_ar.tsv). It runs after the document's names are propagated, so a longer name
    found elsewhere in the story ("أهلي الخليل", the club) keeps the word; :func:`attach_heads` then makes "محافظة
    ينبع" the governorate. So is a city or province of the document's own country (``home``, the country it names
    most) that can be nothing else (:func:`_plain_city`: "تطهير لحج" in a story about Yemen)."""
    if not lex.place_words and "region" not in lex.homographs.values() and home is None:
        return labels
    if home is not None:  # the home country must be named by another place the document tags
        named = {key for words, labs in zip(sentences, labels, strict=True)
                 for w, (lab, _) in zip(words, labs, strict=True)
                 if lab != "O" and lab[2:] == EntityType.LOC.tag for _, key in first_word_keys(w)
                 if lex.place_types.get(key) == home}
        if not named:
            home = None
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        keys = sentence_keys(words)
        for i in range(len(words)):
            if labs[i][0] == "O" and (_listed_place(words, keys, i, lex, home)
                                      or _bracketed_place_name(words, keys, labs, i, lex)):
                _mark(labs, i, i + 1, EntityType.LOC.tag, CONF_DICTIONARY)
        for i in range(len(words)):
            if labs[i][0] == _B_ORG and _outlet_city(words, keys, labs, i, lex):
                _mark(labs, i, i + 1, _LOC_TAG, labs[i][1])
        listed = [i for i in range(len(words)) if labs[i][0] == "O" and (
            words[i][:1] == "و" or (i > 0 and words[i - 1] in _LIST_COMMAS) or (
                i + 1 < len(words) and words[i + 1] in _LIST_COMMAS)) and _place_in_list(words, keys, labs, i, lex)]
        for i in listed:  # (once the places above are tagged: "والسليل، والأفلاج، والحوطة والخرج")
            _mark(labs, i, i + 1, EntityType.LOC.tag, CONF_DICTIONARY)
        out.append(labs)
    return out


_CLOSING_QUOTES = frozenset({"»", '"', "”"})
_LIST_COMMAS = frozenset({"،", ","})
_B_ORG = "B-" + EntityType.ORG.tag
_LOC_TAG = EntityType.LOC.tag
LIST_PLACES = 3  # gazetteer places among the items of a list that make its other gazetteer names places
_LIST_REACH = 12  # items walked each way


def _outlet_city(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon) -> bool:
    """A one-word organisation that is an outlet's name and a gazetteer city, where the city is named: after a
    preposition or a place cue ("مخالفة في الخبر", "بالخبر"), not in quotes nor after an outlet's head noun
    ("قناة «الخبر»", "صحيفة الرياض")."""
    if (i + 1 < len(labs) and labs[i + 1][0][:2] == "I-") or not any(
            k in _outlet_keys() and lex.place_subtypes.get(k) == "city" for _, k in first_word_keys(words[i])):
        return False
    if i > 0 and (words[i - 1] in _OPEN_QUOTES or any(k in lex.outlet_heads for _, k in first_word_keys(words[i - 1]))):
        return False
    if i + 1 < len(words) and words[i + 1] in _CLOSING_QUOTES:
        return False
    return words[i][:1] == "ب" or (i > 0 and words[i - 1] in LOCATIVE_CUES)


_TOWN_WORDS: dict[tuple[int, str], bool] = {}  # (id of the lexicon, word) -> whether it reads as a gazetteer town


def _gazetteer_town(word: str, lex: EntityLexicon) -> bool:
    found = _TOWN_WORDS.get((id(lex), word))
    if found is None:
        if len(_TOWN_WORDS) > 200_000:
            _TOWN_WORDS.clear()
        found = _TOWN_WORDS[(id(lex), word)] = any(
            lex.place_subtypes.get(key) in ("city", "province") for _, key in first_word_keys(word))
    return found


def _place_in_list(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int, lex: EntityLexicon) -> bool:
    """A gazetteer city or province that is one item of a list of places, where the word alone could be a
    common noun ("والسليل، والأفلاج، والحوطة والخرج": channels, a descendant): the list's items are single words
    parted by "،" or joined by و; at least ``LIST_PLACES`` of them are gazetteer cities or provinces and one is
    tagged a place already. Not a given name ("وسلمان")."""
    if not _gazetteer_town(words[i], lex) or keys[i] in lex.given_names or not words[i].isalpha():
        return False
    items = [i]
    for step in (-1, 1):
        k = i
        for _ in range(_LIST_REACH):
            if step < 0:
                j = k - 2 if k >= 2 and words[k - 1] in _LIST_COMMAS else (
                    k - 1 if k >= 1 and words[k][:1] == "و" else -1)
            else:
                j = k + 2 if k + 2 < len(words) and words[k + 1] in _LIST_COMMAS else (
                    k + 1 if k + 1 < len(words) and words[k + 1][:1] == "و" else -1)
            if j < 0 or not words[j].isalpha():
                break
            items.append(j)
            k = j
    towns = [k for k in items if _gazetteer_town(words[k], lex)]
    return len(towns) >= LIST_PLACES and any(labs[k][0] != "O" and labs[k][0][2:] == _LOC_TAG for k in towns)


def _bracketed_place_name(words: Sequence[str], keys: Sequence[str], labs: Labels, i: int,
                          lex: EntityLexicon) -> bool:
    """True for a gazetteer city or province alone in brackets right after a place the document tags, its
    quotes and nationality adjective between them: the place's other name ("«عين العرب» السورية (كوباني)")."""
    if not (1 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] == ")"):
        return False
    if (lex.place_subtypes.get(keys[i]) not in ("city", "province") or keys[i] in lex.shared_places
            or keys[i] in lex.given_names):
        return False
    k = i - 2
    if k > 0 and normalize_for_matching(words[k]) in lex.nisba and labs[k][0] == "O":
        k -= 1  # "السورية"
    if k > 0 and words[k] in _CLOSING_QUOTES:
        k -= 1
    return labs[k][0] != "O" and labs[k][0][2:] == EntityType.LOC.tag


def _listed_place(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon,
                  home: str | None = None) -> bool:
    if i > 0 and words[i - 1] in _DEMONSTRATIVES:
        return False
    if (1 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] == ")"
            and normalize_for_matching(words[i - 2]) in LOCATIVE_CUES and keys[i] not in lex.shared_places
            and lex.place_subtypes.get(keys[i]) in ("city", "province") and keys[i] not in lex.given_names):
        return True  # "سلمان العنزي من (حائل)": a place in brackets after "من", whatever else the word means
    for cut, key in first_word_keys(words[i]):
        if key not in lex.place_types:
            continue
        if lex.homographs.get(key) == "region":  # "في الشرقية", "أمير الشرقية", "الرياض، والشرقية"
            return not is_common_word_reading(words, i, i + 1, lex, 0)
        if key not in lex.place_words and not (home is not None and lex.place_types[key] == home
                                               and _plain_city(words[i], key, cut, lex)):
            return False  # the first reading that is a place decides ("فيينا" is Vienna, not ف + "يينا")
        if cut and (is_common_word(normalize_for_matching(words[i])) or keys[i] in lex.given_names):
            return False
        if not cut and _after_definite_noun(keys, i, lex):
            return False
        return not is_common_word_in_context(words, i, i + 1, lex)
    return False


def _plain_city(word: str, key: str, cut: int, lex: EntityLexicon) -> bool:
    """True for a gazetteer city or province that can be nothing else: no homograph, no name two countries
    share, no dictionary name of another kind, no given name, no nationality adjective, and neither the word as
    written nor its stem a common word of the language ("الزبداني", "لحج"; not "حائل", also a barrier)."""
    norm = normalize_for_matching(word[cut:])
    if word[:cut].endswith("ف") or (norm.startswith("ال") and norm.endswith("يه")):
        return False  # "فلنكن": ف on a verb; "والجمالية": a feminine adjective of a list
    return (lex.place_subtypes.get(key) in ("city", "province") and key not in lex.homographs
            and key not in lex.shared_places and key not in lex.entries and key not in lex.given_names
            and not lex.is_known_name(key) and norm not in lex.nisba
            and not any(is_common_word(form) for form in (norm, normalize_for_matching(word), norm.removeprefix("ال"))))


_DUAL_REGION_HEADS = frozenset(identity_key(w) for w in ("محافظتي", "مدينتي", "منطقتي", "ولايتي", "مدن", "محافظات",
                                                          "مناطق", "ولايات"))


def _facility_town(words: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """A gazetteer town that is also a common word (a ``place_cue`` homograph, "الخبر": the news, "البيضاء":
    white) where the text names the town: after a facility and a locative ("مطعم بالخبر", "الواجهة البحرية في
    الخبر": the town the facility stands in), or after a dual or plural region head with another town joined to
    it ("في محافظتي البيضاء وأبين")."""
    if not any(lex.homographs.get(k) == "place_cue" and lex.place_subtypes.get(k) in ("city", "province")
               and k.startswith("ال") for _, k in first_word_keys(words[i])):  # (not "ميناء": a port's head)
        return False
    if i > 0 and identity_key(words[i - 1]) in _DUAL_REGION_HEADS and i + 1 < len(words) and (
            words[i + 1][:1] == "و" and any(lex.place_subtypes.get(k) in ("city", "province")
                                            for _, k in first_word_keys(words[i + 1]))):
        return True
    return _located(words, i) and _after_facility(words, i)


def _city_after_head(words: Sequence[str], keys: Sequence[str], i: int, lex: EntityLexicon) -> bool:
    """A gazetteer city (no homograph, no name two countries share) right after a head noun that names things
    after places ("جامعة حائل", "نادي أبها", "منطقة حائل"); :func:`attach_heads` then makes it the body."""
    return (i > 0 and lex.place_subtypes.get(keys[i]) == "city" and keys[i] not in lex.homographs
            and keys[i] not in lex.shared_places and keys[i] not in lex.entries
            and any(k in HEAD_NOUNS for _, k in first_word_keys(words[i - 1])))


def _language_tail(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon) -> bool:
    """True when the words ``a:b`` are all indefinite words of the language as written, no name, title or place
    ("مبايعة" after "الملا عمر": the pledge, not a family name)."""
    return all(not keys[k].startswith("ال") and keys[k] not in _NAME_LINKS and words[k] not in NAME_PARTICLES
               and is_common_word(normalize_for_matching(words[k]))
               and keys[k] not in lex.given_names and not lex.is_known_name(keys[k]) and keys[k] not in lex.titles
               and keys[k] not in lex.place_types for k in range(a, b))


def _common_tail(words: Sequence[str], keys: Sequence[str], a: int, b: int, lex: EntityLexicon,
                 frequency: Callable[[str], int]) -> bool:
    """True when the words ``a:b`` are all definite common words, no name or nationality adjective."""
    return all(keys[k].startswith("ال") and keys[k] not in lex.entries and keys[k] not in lex.place_types
               and normalize_for_matching(words[k]) not in lex.nisba
               and frequency(normalize_for_matching(words[k])) >= COMMON_WORD_BUCKET for k in range(a, b))


# first words of the scan's rules: capital, resolution, state (and "المملكة"), force, federation, bodies
_SCAN_HEADS = frozenset({_CAPITAL, _FEDERATION, *_RESOLUTION_HEADS, *_STATE_HEADS, *_FORCES, *_BODY_HEADS,
                         *_QUALIFIED_BODY_HEADS, *_INSTITUTION_HEADS, CHAMBER_WORDS[0],
                         identity_key(_KINGDOM)})
_CUE_CACHE: dict[int, tuple[EntityLexicon, dict[str, tuple[bool, bool, bool]]]] = {}  # id(lex) -> (lex, cues)


def _cue_table(lex: EntityLexicon) -> dict[str, tuple[bool, bool, bool]]:
    """The words whose :func:`_word_cues` are known, for ``lex`` (read it before calling the function)."""
    held = _CUE_CACHE.get(id(lex))
    return held[1] if held is not None and held[0] is lex else {}


def _word_cues(token: str, lex: EntityLexicon) -> tuple[bool, bool, bool]:
    """What one word can start, cached per word and lexicon: (a rule of :func:`apply_dictionary`'s scan other
    than a name after a title, a title of one word, the first word of a title).

    The first is False when every reading of the word fails the first test of each rule: a dictionary
    phrase's first word, a place, a capital, a resolution, a role title, a state, a force, a federation, a
    body's head, a city after a head, a place after و."""
    held = _CUE_CACHE.get(id(lex))
    if held is None or held[0] is not lex:
        _CUE_CACHE.clear()  # (one lexicon per process in a run; tests build others)
        held = _CUE_CACHE[id(lex)] = (lex, {})
    cues = held[1]
    hit = cues.get(token)
    if hit is not None:
        return hit
    readings = [k for _, k in first_word_keys(token)]
    key = identity_key(token)
    rest = identity_key(token[1:]) if token.startswith("و") and len(token) >= 4 else None
    rule = (any(identity_key(k) in lex.prefixes or k in ("عبد", "ابو") for k in readings)  # _longest_entry
            or any(k in _SCAN_HEADS or k in lex.place_types or k in lex.kb_title_first for k in readings)
            or lex.place_subtypes.get(key) == "city"  # _city_after_head
            or (rest is not None and rest in lex.place_types))  # _conjoined_place
    out = (rule, any(k in lex.titles for k in readings), any(k in lex.title_first for k in readings))
    if len(cues) >= 500_000:
        cues.clear()
    cues[token] = out
    return out


def titled_positions(words: Sequence[str], keys: Sequence[str], lex: EntityLexicon,
                     cues: Sequence[tuple[bool, bool, bool]] | None = None) -> list[bool]:
    """:func:`_titled_at` for every token of a sentence, in one pass (``cues``: :func:`_word_cues` of the
    words, when the caller has them)."""
    cues = [_word_cues(w, lex) for w in words] if cues is None else cues
    out: list[bool] = []
    for i in range(len(words)):
        if i > 0 and cues[i - 1][1]:
            out.append(True)
        elif i > 1 and keys[i - 1] in _FORMER:
            out.append(out[i - 1])
        else:
            out.append(i > 1 and cues[i - 2][2]
                       and any(f"{k} {keys[i - 1]}" in lex.titles for _, k in first_word_keys(words[i - 2])))
    return out


def apply_dictionary(
    sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon, context: DocumentContext,
    frequency: Callable[[str], int] = lambda _: 0, story: frozenset[str] = frozenset(),
) -> tuple[list[Labels], dict[tuple[int, int, int], DictEntry]]:
    """Labels with the dictionary's mentions added or retyped, and what each matched span is
    (``(sentence, first token, end token) -> entry``; see the module docstring for the rules). ``story``: the
    kinds of story the document is (:func:`story_subtypes`)."""
    out: list[Labels] = []
    hints: dict[tuple[int, int, int], DictEntry] = {}
    kingdom_key = identity_key(_KINGDOM)
    other_kingdom = frozenset(identity_key(w) for w in _OTHER_KINGDOM_SIGNS)
    council_named = names_security_council(sentences)
    sports_in = [any(story_cue(w) & 1 for w in words) for words in sentences]
    sports_story = any(sports_in) or any(key in _SPORT_TAILS for words in sentences for key in sentence_keys(words))
    for sidx, (words, labs) in enumerate(zip(sentences, labels, strict=True)):
        labs = list(labs)
        keys = sentence_keys(words)
        # tokens where a rule of the scan below may start; others only step on (as every rule would fail)
        known_cues = _cue_table(lex).get
        cues = [known_cues(w) or _word_cues(w, lex) for w in words]
        titled = titled_positions(words, keys, lex, cues)
        sports = sports_in[sidx]
        owner = [-1] * len(words)  # index of the backend span each token belongs to
        for a, b, tag in _spans(labs):  # one backend span holding two names joined by و / ب: split it
            if b - a >= 3 and (EntityType.parse(tag) or EntityType.MISC) is EntityType.ORG and any(
                    cut and words[b - 1][cut - 1] == "ب" and k in lex.place_types
                    for cut, k in first_word_keys(words[b - 1])):
                conf = labs[a][1]  # "جامعة الملك عبدالعزيز بجدة": the place is not part of the name
                _clear(labs, a, b)
                _mark(labs, a, b - 1, tag, conf)
                _mark(labs, b - 1, b, EntityType.LOC.tag, conf)
                continue
            if (b - a >= 2 and keys[b - 1].startswith("ال") and _is_alias(words, keys, a, b - 1, lex)
                    and not _is_alias(words, keys, a, b, lex) and keys[b - 1] not in lex.entries
                    and normalize_for_matching(words[b - 1]) not in lex.nisba
                    and frequency(normalize_for_matching(words[b - 1])) >= COMMON_WORD_BUCKET):
                labs[b - 1] = ("O", 1.0)  # "أسهم شركة سابك القائمة": the alias, then a common word
                continue
            if (b - a >= 2 and (EntityType.parse(tag) or EntityType.MISC) is EntityType.ORG
                    and _is_known_org(words, keys, a + 1, b, lex) and not _is_alias(words, keys, a, b, lex)
                    and not any(k in HEAD_NOUNS or k in lex.org_heads or k in lex.titles
                                for _, k in first_word_keys(words[a]))
                    and keys[a] not in lex.entries):
                conf = labs[a][1]  # "فوز تشيلسي", "جماهير الهلال": a word before a known body is not its name
                _clear(labs, a, b)
                _mark(labs, a + 1, b, tag, conf)
                continue
            split = _conjoined_names(words, keys, a, b, lex, person=(EntityType.parse(tag) is EntityType.PER))
            if split is not None:  # "بين فريقي العربي وميلانو": two names joined by و, not one
                conf = labs[a][1]
                _clear(labs, a, b)
                _mark(labs, a, split, tag, conf)
                _mark(labs, split, b, tag, conf)
                continue
            parts = _segment(words, keys, a, b, lex)
            if parts:
                _clear(labs, a, b)
                for pa, pb, pentry in parts:
                    _mark(labs, pa, pb, pentry.type.tag, CONF_DICTIONARY)
                    hints[(sidx, pa, pb)] = pentry
        spans = _spans(labs)
        for n, (a, b, _) in enumerate(spans):
            for k in range(a, b):
                owner[k] = n
        i = 0
        while i < len(words):
            if not (cues[i][0] or titled[i] or (i > 1 and titled[i - 1]
                                             and normalize_for_matching(words[i - 1]) in lex.nisba)):
                i += 1  # (_title_name's two ways in: right after a title, or after a title and its adjective)
                continue
            length, key = _longest_entry(words, keys, i, lex)
            entry: DictEntry | None = None
            start, j = i, i + length
            namesake = _namesake_type(words, j, key, lex) if key is not None and (
                " " in key or _bodies_only(key, lex)) and not _in_title(words, keys, i, lex) else None
            if namesake is not None:  # "كأس السوبر الأوروبي": not the Saudi cup its first words name
                entry, j = DictEntry(namesake), j + 1
            elif key is not None:
                # a form that is a name in context comes first ("«الشرق الأوسط»" is the newspaper)
                hit = _contextual(words, keys, i, j, key, lex, sports, context.home,
                                  "SA" if context.saudi else None, "club" in story)
                if hit is not None:
                    start, entry = hit
                else:
                    entry = lex.entries.get(key)
                    if entry is None and (entry := _named_body_form(key, lex)) is not None and owner[i] < 0:
                        # where the backend found nothing, the body's own longer name comes first: "الاتحاد
                        # السعودي لكرة السلة" is not the football federation "الاتحاد السعودي" stands for;
                        # "وزارة الخارجية الأوكرانية" is Ukraine's ministry
                        j = i + max(j - i, _national_federation(words, keys, i, lex, sports_story))
                        if j < len(words) and normalize_for_matching(words[j]) in lex.nisba:
                            j += 1
            if entry is None and any(k == kingdom_key for _, k in first_word_keys(words[i])) and context.saudi:
                if not (i + 1 < len(words) and keys[i + 1] in other_kingdom):
                    start, j, entry = i, i + 1, DictEntry(EntityType.LOC, None, "SA")
            if entry is not None and start > 0 and words[start - 1] in _DEMONSTRATIVES:
                entry = None  # "لهذه الدولة الإسلامية": a description, not the name
            if entry is not None and any(k in _OWNED for k in keys[j : j + 2]):
                entry = None  # "«عاصفة الحزم» للمالك أحمد": a boat named after the operation
            if entry is not None and entry.kb_id and _other_nationality(words, j, entry.kb_id, lex):
                entry = None  # (a person's other-country adjective: see _namesake_type)
            if entry is None and owner[i] < 0 and (_located_city(words, i, lex, frequency) or _city_after_head(
                    words, keys, i, lex) or _facility_town(words, i, lex)):
                start, j, entry = i, i + 1, DictEntry(EntityType.LOC)
            if entry is None and owner[i] < 0 and _conjoined_place(words, keys, labs, i, lex):
                start, j, entry = i, i + 1, DictEntry(EntityType.LOC)  # "الفلوجة والرمادي"
            if entry is None and owner[i] < 0 and i + 1 < len(words) and (labs[i + 1][0] == "O" or (
                    labs[i + 1][0] == "B-" + EntityType.LOC.tag and (i + 2 >= len(words) or labs[i + 2][0] == "O"))
            ) and (
                    capital_of(words[i], words[i + 1]) is not None) and not (
                    i + 2 < len(words) and (labs[i + 2][0] != "O" or keys[i + 2] in lex.place_types)):
                start, j, entry = i, i + 2, DictEntry(EntityType.LOC)  # "العاصمة البريطانية" (not "… لندن")
            if entry is None:
                n_res = resolution_span(words, keys, i, lex, council_named)
                if n_res:
                    start, j, entry = i, i + n_res, DictEntry(EntityType.MISC)
            if entry is None and owner[i] < 0:
                n_title = standalone_title(words, keys, labs, i, lex, context.home,
                                           partial(_after_title_only, hints, labs, sidx, i))
                if n_title:  # a place the backend found inside it ("دولة قطر") gives way
                    start, j, entry = i, i + n_title, DictEntry(EntityType.PER, title_only=True)
            state = state_span(words, keys, i, lex) if entry is None and owner[i] < 0 else None
            if state is not None and all(owner[k] < 0 for k in range(i, i + state[0])):
                start, j, entry = i, i + state[0], DictEntry(EntityType.LOC, None, state[1])
            if entry is None and i + 1 < len(words) and _national_force(words, i, lex):
                start, j, entry = i, i + 2, DictEntry(EntityType.ORG)  # "الجيش التركي", "الشرطة البريطانية"
            n_fed = _national_federation(words, keys, i, lex, sports_story) if entry is None else 0
            if n_fed:
                start, j, entry = i, i + n_fed, DictEntry(EntityType.ORG)  # "الاتحاد الجزائري لكرة القدم"
            n_chamber = _chamber_of_commerce(words, keys, i, lex) if entry is None and owner[i] < 0 else 0
            if n_chamber:  # "الغرفة التجارية الصناعية بجدة": the chamber, with the city the backend tagged inside
                start, j, entry = i, i + n_chamber, DictEntry(EntityType.ORG)
            if entry is None and owner[i] < 0:
                n_body = (_government_body(words, keys, i, lex) or _qualified_body(words, keys, i, lex)
                          or _institution(words, keys, i, lex, frequency))
                if n_body and all(owner[k] < 0 for k in range(i, i + n_body)):
                    start, j, entry = i, i + n_body, DictEntry(EntityType.ORG)
            if entry is None:
                n_name = _title_name(words, keys, i, lex, frequency, labs) if owner[i] < 0 else 0
                if n_name and all(owner[k] < 0 for k in range(i, i + n_name)):
                    _mark(labs, i, i + n_name, EntityType.PER.tag, CONF_DICTIONARY)
                    i += n_name
                    continue
                i += 1
                continue
            inside = {owner[k] for k in range(start, j) if owner[k] >= 0}
            kb_person = entry.kb_id is not None and entry.type is EntityType.PER
            covered = all(spans[n][0] >= start and (spans[n][1] <= j or (j - start >= 2 and (
                _common_tail(words, keys, j, spans[n][1], lex, frequency)
                or (kb_person and _language_tail(words, keys, j, spans[n][1], lex))))) for n in inside)
            if covered:  # (a backend span the name starts before and that runs on over common words:
                # "قناة [السويس القديمة]" is the canal, "القديمة" its description)
                for n in inside:
                    _clear(labs, spans[n][0], spans[n][1])
                _mark(labs, start, j, entry.type.tag, CONF_DICTIONARY)
                hints[(sidx, start, j)] = entry
                i = j
            else:
                i += 1
        out.append(labs)
    return out, hints


def _head_with_adjective(words: Sequence[str], keys: Sequence[str], a: int, b: int,
                         lex: EntityLexicon) -> list[tuple[str, ...]]:
    """[("القناه", "الجديده")] for "قناة السويس الجديدة" (one per reading of the head: "ومطار" is also "مطار"):
    an indefinite head noun, a closing definite adjective that is no name, place or nationality; [] for any
    other name."""
    last = keys[b - 1]
    if (not last.startswith("ال") or len(last) < 5
            or last in lex.entries or last in lex.place_types or last in lex.given_names
            or normalize_for_matching(words[b - 1]) in lex.nisba or lex.is_known_name(last)
            or not (is_common_word(last[2:]) or is_common_word(last[2:].removesuffix("ه")))):
        return []
    return [("ال" + head, last) for _, head in first_word_keys(words[a])
            if not head.startswith("ال") and head.isalpha() and len(head) >= 3]


def propagate_forms(
    sentences: list[list[str]], labels: list[Labels], lex: EntityLexicon,
    hints: dict[tuple[int, int, int], DictEntry], frequency: Callable[[str], int] = lambda _: 0,
    story: frozenset[str] = frozenset(),
) -> list[Labels]:
    """Label the other occurrences of an organisation or place the document names ("حول عدن" once "في عدن"
    was found; "والهلال" once "الهلال" was; "النصرة" once "جبهة النصرة" was), with a proclitic allowed on the
    first word, over ``O`` tokens only (and, in a sports story, a KB club's one-word form the backend made its
    city, not after a locative: "لم يخسر امام اشبيلية"); the dictionary's hint of the named span goes with it.
    A form named only by its context (an outlet in quotes) is not propagated, except a club all through a sports
    story (``story``: :func:`story_subtypes`). A single word frequent in news
    (:data:`_COMMON_BUCKET`) is propagated only when the document names it at least as often as not. A name
    of three words or more with a head noun and a closing adjective is also its definite head with that
    adjective ("القناة الجديدة" once "قناة السويس الجديدة" was) when no other name of the story shortens so."""
    forms: dict[tuple[str, ...], tuple[str, DictEntry | None]] = {}
    tagged: dict[tuple[str, ...], int] = {}
    clubs: dict[tuple[str, ...], tuple[str, DictEntry]] = {}  # a KB club's one-word forms in a sports story
    described: dict[tuple[str, ...], dict[tuple[str, ...], tuple[str, DictEntry | None]]] = {}
    for sidx, (words, labs) in enumerate(zip(sentences, labels, strict=True)):
        keys = sentence_keys(words)
        for a, b, tag in _spans(labs):
            typ = EntityType.parse(tag) or EntityType.MISC
            hint = hints.get((sidx, a, b))
            for shortened in _head_with_adjective(words, keys, a, b, lex) if b - a >= 3 else ():
                described.setdefault(shortened, {})[tuple(keys[a:b])] = (tag, hint)
            if typ not in (EntityType.ORG, EntityType.LOC):
                continue
            if ("club" in story and b - a == 1 and hint is not None and hint.kb_id is not None
                    and (actor := lex.kb.actors.get(hint.kb_id)) is not None and actor.subtype == "club"):
                clubs.update({(first,): (tag, hint) for _, first in first_word_keys(words[a])})
            for _, first in first_word_keys(words[a]):
                form = (first, *keys[a + 1 : b])
                if len(form) == 1 and (len(first) < 3 or first in lex.given_names or first in lex.misc_forms or
                                       first in lex.titles or normalize_for_matching(first) in lex.lexicon.stopwords):
                    continue
                key = " ".join(form)
                if key in lex.kb.by_ambiguous and key not in lex.kb.by_alias and not any(
                        lex.kb.actors[k].subtype in story for k in lex.kb.by_ambiguous[key]):
                    continue  # "«الجزيرة»" (the newspaper, by its quotes) says nothing of "حي الجزيرة"; a club
                    # does, all through a sports story
                forms.setdefault(form, (tag, hint))
                tagged[form] = tagged.get(form, 0) + 1
                if len(form) >= 2 and form[0] in _SHORTENABLE_HEADS and form[1:] not in forms and not (
                        len(form) == 2 and (form[1] in lex.given_names or form[1] in lex.misc_forms
                                            or len(form[1]) < 3)):  # (not "الله" of "حزب الله")
                    forms[form[1:]] = (tag, hint)  # "هجر" once "فريق هجر" was named
                    tagged.setdefault(form[1:], 0)
                if len(form) >= 2 and form[0] in _SHORTENABLE_HEADS and form[1:] in forms:
                    tagged[form[1:]] += 1  # ("نادي الاتحاد" names "الاتحاد": the headline's "الاتحاد يفكر")
            actor = lex.kb.actors.get(hint.kb_id) if hint is not None and hint.kb_id is not None else None
            if actor is not None and actor.subtype in _SHORT_FORM_SUBTYPES:  # "النصرة" once "جبهة النصرة" was
                for short in actor.ambiguous:
                    form = tuple(identity_key(short).split())
                    if form not in forms:
                        forms[form] = (tag, hint)
                        tagged[form] = tagged.get(form, 0) + 1
    shortened_forms = set()
    for shortened, named in described.items():
        if len(named) == 1 and shortened not in forms:
            forms[shortened] = next(iter(named.values()))
            tagged[shortened] = 1
            shortened_forms.add(shortened)
    if not forms:
        return labels
    longest = max(len(f) for f in forms)
    firsts = {f[0] for f in forms}
    found: list[tuple[int, int, int, tuple[str, ...]]] = []
    retyped: list[tuple[int, int, tuple[str, ...]]] = []
    untagged: dict[tuple[str, ...], int] = {}
    for sidx, (words, labs) in enumerate(zip(sentences, labels, strict=True)):
        wkeys: list[str] = []
        i = 0
        while i < len(words):
            if (clubs and labs[i][0] == "B-" + EntityType.LOC.tag and (sidx, i, i + 1) not in hints
                    and (i + 1 == len(words) or not labs[i + 1][0].startswith("I-"))):
                club = next((f for _, k in first_word_keys(words[i]) if (f := (k,)) in clubs), None)
                if club is not None and not _located(words, i):
                    retyped.append((sidx, i, club))  # "لم يخسر امام اشبيلية": the club, not the city
                i += 1
                continue
            if labs[i][0] != "O" or words[i] in FUNCTION_WORDS_AS_WRITTEN:
                i += 1
                continue
            readings = [k for _, k in first_word_keys(words[i]) if k in firsts]
            hit = 0
            if readings:
                wkeys = wkeys or [identity_key(w) for w in words]
                for length in range(min(longest, len(words) - i), 0, -1):
                    if any(lab != "O" for lab, _ in labs[i : i + length]):
                        continue
                    if i + length < len(words) and labs[i + length][0].startswith("I-"):
                        continue
                    candidates: list[tuple[str, ...]] = [(r, *wkeys[i + 1 : i + length]) for r in readings]
                    match = next((f for f in candidates if f in forms), None)
                    if match is not None and match in shortened_forms and i + length < len(words) and (
                            normalize_for_matching(words[i + length]) in lex.nisba):
                        match = None  # "البنك المركزي الياباني": another country's, not the story's named one
                    if match is not None:
                        found.append((sidx, i, i + length, match))
                        untagged[match] = untagged.get(match, 0) + 1
                        hit = length
                        break
            i += hit or 1
    out = [list(labs) for labs in labels]
    for sidx, a, b, form in found:
        if len(form) == 1 and frequency(normalize_for_matching(form[0])) >= _COMMON_BUCKET and (
                untagged[form] > tagged[form]):
            continue
        tag, hint = forms[form]
        _mark(out[sidx], a, b, tag, CONF_PROPAGATED)
        if hint is not None:
            hints[(sidx, a, b)] = hint
    for sidx, i, form in retyped:
        tag, club_hint = clubs[form]
        _mark(out[sidx], i, i + 1, tag, CONF_PROPAGATED)
        hints[(sidx, i, i + 1)] = club_hint
    return out


# --- titles and adjectives ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Title:
    start: int  # first token of the title
    end: int  # token after it
    cut: int  # proclitic characters on its first token, outside the title
    country_code: str | None


def _nisba_code(norm: str, lex: EntityLexicon) -> tuple[bool, str | None]:
    if norm in lex.nisba:
        return True, lex.nisba[norm]
    return False, None


_MINISTER_TITLES = frozenset(identity_key(w) for w in ("وزير", "وزيرة"))
_POSSESSED_TITLES = frozenset(identity_key(w) for w in ("نظيره", "نظيرته", "نظيرها", "نائبه", "نائبها"))


def span_title(words: Sequence[str], i: int, j: int, lex: EntityLexicon) -> Title | None:
    """The title of the person named by tokens [i, j): before the name ("الرئيس الروسي فلاديمير بوتين",
    "وزير الخارجية السوري، أسعد الشيباني"), else right after it ("محمد بن نايف ولي العهد")."""
    keys = sentence_keys(words)
    norms = sentence_norms(words)
    k = i - 1
    if k >= 0 and words[k] in _PUNCT_BEFORE_NAME:
        k -= 1
    country: str | None = None
    end = k + 1
    while k >= 0 and end - k <= 3:
        is_nisba, code = _nisba_code(norms[k], lex)
        if not is_nisba:
            break
        country = country or code
        k -= 1

    def title_ending(last: int, shortest: int) -> tuple[int, int, str] | None:
        """(first token, proclitic cut, key) of the longest title phrase of ``shortest`` words or more that ends
        at token ``last``: its first word, then words that can be a title's, back from ``last``."""
        reach = 1 + _title_reach(keys, last, max(-1, last - lex.max_title_words), lex, step=-1)
        for length in range(min(lex.max_title_words, last + 1, reach), shortest - 1, -1):
            s = last - length + 1
            for cut, first in first_word_keys(words[s]):
                if (phrase := identity_key(" ".join([first, *keys[s + 1 : last + 1]]))) in lex.titles:
                    return s, cut, phrase
        return None

    found = title_ending(k, 1) if k >= 0 else None
    if found is not None and found[0] == k and keys[k] in _NAME_TITLES and k >= 1 and (
            role := title_ending(k - 1, 1)) is not None and role[2] in lex.kb.by_title:
        found, end = role, k  # "وزير الشؤون البلدية والقروية المهندس عبداللطيف آل الشيخ": the role is his title
    if found is not None:
        s, cut, _ = found
        for t in range(s, end):  # a nisba inside the title phrase itself ("الرئيس السوري")
            is_nisba, code = _nisba_code(norms[t], lex)
            if is_nisba and code:
                country = country or code
        return Title(s, end, cut, country or _country_named_in(words, keys, s + 1, end, lex))
    if end - 1 > k >= 0 and (found := title_ending(end - 1, end - k)) is not None:
        s, cut, _ = found  # a title whose nationality is part of its own phrase ("المرشد الإيراني": "المرشد" is none)
        return Title(s, end, cut, country or _country_named_in(words, keys, s + 1, end, lex))
    k = j + 1 if j < len(words) and words[j] in _PUNCT_BEFORE_NAME else j
    if k < len(words) and keys[k] not in _POSSESSED_TITLES:  # "سلفا كير نائبه السابق رياك مشار": his deputy
        # a title behind a proclitic is the next list item's ("جاك ليو ووزير الطاقة إرنست مونيز")
        length = _title_at(keys, words, k, len(words), lex, bare=True)
        if length:
            code = next((c for t in range(k, k + length) if (c := _nisba_code(norms[t], lex)[1])), None)
            return Title(k, k + length, 0, code or _country_named_in(words, keys, k + 1, k + length, lex))
    return None


# words of address and rank that open a name without naming a role ("صاحب السمو الملكي الأمير", "الدكتور", "اللواء")
_ADDRESS_WORDS = _NAME_TITLES | _STYLES | frozenset(identity_key(w) for w in (
    "السمو", "الملكي", "سموه", "معاليه", "الأستاذ", "الأستاذة", "الدكتورة", "السيدة", "الشيخة", "الأميرة", "الله",
    "العقيد", "النقيب", "المقدم", "الرائد", "الجنرال", "الملا", "الكابتن", "الحاج", "المهندس", "المهندسة"))


def role_title_tokens(words: Sequence[str], title: Title, name_start: int, lex: EntityLexicon
                      ) -> tuple[int, int] | None:
    """Tokens [a, b) of the role a title right before a name gives its holder ("وزير الخارجية" of "وزير الخارجية
    السعودي، عادل الجبير"; "خادم الحرمين الشريفين" of "… الملك سلمان"; "الرئيس" of "الرئيس السوري بشار الأسد"):
    the title without the words of address and rank at its ends ("الدكتور", "صاحب السمو الملكي الأمير") and
    without the nationality adjectives and "السابق"-like words that end it (the adjective is a reference to the
    country, never part of a person's mention). None for a title after the name, or when the title is one word
    once address and rank are gone ("الرئيس بشار الأسد", "الوزير"): a rank or a bare head, no role of its own."""
    if title.end > name_start:
        return None
    a, b = title.start, title.end
    # (the first word as the title reads it, behind its proclitic: "للفريق" is ل + "الفريق")
    if any(cut == title.cut and key in _ADDRESS_WORDS for cut, key in first_word_keys(words[a])):
        a += 1
    while a < b and identity_key(words[a]) in _ADDRESS_WORDS:
        a += 1
    while b > a and identity_key(words[b - 1]) in _ADDRESS_WORDS:
        b -= 1
    if b - a < 2:
        return None
    while b - 1 > a and (normalize_for_matching(words[b - 1]) in lex.nisba or identity_key(words[b - 1]) in _FORMER):
        b -= 1
    return a, b


# words that make a role another person's ("نائب وزير الخارجية", "مساعد وزير الدفاع", "ولي ولي العهد")
_DEPUTY_WORDS = frozenset(identity_key(w) for w in (
    "نائب", "نائبة", "نواب", "مساعد", "مساعدة", "مساعدي", "وكيل", "وكيلة", "وكلاء", "مستشار", "مستشارة", "ولي",
    "مدير", "رئيس", "أمين", "مكتب", "ديوان"))
# the next word continues the title: an adjective or a genitive with its article ("وزير الخارجية الأمريكي",
# "وزير الدفاع للشرق الأوسط", "وزير الدولة بجمهورية بنغلاديش")
_CONTINUING = ("ال", "لل", "بال", "وال", "فال", "كال")


@dataclass(frozen=True, slots=True)
class RoleHeld:
    """A role title right before a name: the identity keys of its words, where the name starts, and the name's
    family word (the same family word is the same person)."""

    words: tuple[str, ...]
    name_start: int
    family: str


@dataclass(frozen=True, slots=True)
class RolePlace:
    sentence: int
    start: int  # character offsets of the role (its proclitic outside)
    end: int
    cut: int  # proclitic characters left outside
    holder: int  # index into the roles


# heads of a state's name ("وزير الخارجية بجمهورية بنغلاديش", "وزير الدولة لدولة الإمارات")
_ROLE_STATE_HEADS = frozenset(identity_key(w) for w in ("جمهورية", "مملكة", "دولة", "إمارة", "سلطنة", "حكومة", "إقليم"))


def _continues_role(nxt: Token, norm: str, starts: set[int], lex: EntityLexicon) -> bool:
    """The word after a role makes it longer or someone else's: an adjective or genitive with its article, a
    nationality adjective, "السابق", a mention or a given name, a state or a place behind a preposition
    ("بجمهورية بنغلاديش", "بالمملكة")."""
    if (norm.startswith(_CONTINUING) or norm in lex.nisba or nxt.start in starts
            or identity_key(norm) in _FORMER or identity_key(norm) in lex.given_names):
        return True
    return any(cut and (key in _ROLE_STATE_HEADS or key in lex.place_types) for cut, key in first_word_keys(nxt.text))


def standalone_roles(tokens: Sequence[Sequence[Token]], roles: Sequence[RoleHeld], taken: Sequence[tuple[int, int]],
                     lex: EntityLexicon) -> list[RolePlace]:
    """Where a role of two words or more that one person holds in the document (every name it stands before ends
    in the same family word) stands alone: not inside or against a mention (``taken``: character spans), not after
    a word that makes it another's role ("نائب وزير الخارجية") and not before a word that continues it (an
    adjective or genitive with its article, a nationality adjective, "السابق", a given name), nor right after a
    mention without a proclitic (it is that name's title: "الخميني المرشد الأعلى للثورة"). The holder is the
    nearest name before, else the first after."""
    by_words: dict[tuple[str, ...], list[int]] = {}
    for n, role in enumerate(roles):
        if len(role.words) >= 2:
            by_words.setdefault(role.words, []).append(n)
    usable = {w: ns for w, ns in by_words.items() if len({roles[n].family for n in ns}) == 1}
    if not usable:
        return []
    firsts = {w[0] for w in usable}
    starts = {a for a, _ in taken}
    ends = {b for _, b in taken}
    out: list[RolePlace] = []
    for sidx, sent in enumerate(tokens):
        texts = [t.text for t in sent]
        norms, keys = sentence_norms(texts), sentence_keys(texts)
        for k, tok in enumerate(sent):
            for cut, form in first_word_keys(tok.text):
                if form not in firsts:
                    continue
                for words, holders in usable.items():
                    n = len(words)
                    if words[0] != form or keys[k + 1 : k + n] != words[1:]:
                        continue
                    s, e = tok.start + cut, sent[k + n - 1].end
                    if any(a < e and s < b for a, b in taken):
                        continue
                    if k > 0 and any(key in _DEPUTY_WORDS or key in lex.title_first
                                     for _, key in first_word_keys(sent[k - 1].text)):
                        continue  # "نائب خادم الحرمين الشريفين", "لنائب …", "وولي ولي العهد": another's role
                    prev = k - 2 if k > 1 and sent[k - 1].text in ("،", ",") else k - 1
                    if not cut and prev >= 0 and sent[prev].end in ends:
                        continue  # "الخميني المرشد الأعلى للثورة": the title of the name before it (not "ونقل
                        # كارتر لخادم الحرمين الشريفين", "السيسي وولي ولي العهد": behind a proclitic, another's)
                    if k + n < len(sent) and _continues_role(sent[k + n], norms[k + n], starts, lex):
                        continue
                    before = [h for h in holders if roles[h].name_start < s]
                    holder = max(before, key=lambda h: roles[h].name_start) if before else min(
                        holders, key=lambda h: roles[h].name_start)
                    out.append(RolePlace(sidx, s, e, cut, holder))
    return out


# nouns a country's name follows as their genitive ("حكومة سورية": Syria's government)
_COUNTRY_HEADS = frozenset(normalize_for_matching(w) for w in ("دولة", "حكومة", "شعب", "بلاد", "أرض", "عاصمة"))
_PREPOSITIONS = frozenset(normalize_for_matching(w) for w in (
    "في", "إلى", "الى", "من", "مع", "عن", "على", "داخل", "خارج", "ضد", "بين", "نحو", "حول", "لدى", "تجاه", "عبر",
    "قبل", "بعد", "مثل", "غير", "دون")) | _COUNTRY_HEADS


def is_adjective(surface: str, lex: EntityLexicon, previous: str = "", conjoined: bool = False,
                 following: str = "") -> bool:
    """A nationality adjective, an accusative adverb ("روسياً") or a preposition ("على") standing where a
    name was tagged. A form that is both a nisba and a country ("سورية", "السعودية") is the adjective after a
    noun that agrees with it ("قوات سورية", "الحكومة السعودية") and the country elsewhere ("في سورية")."""
    if surface.endswith(("ا" + _TANWEEN_FATH, _TANWEEN_FATH + "ا", _TANWEEN_FATH)):
        return True
    if surface in FUNCTION_WORDS_AS_WRITTEN:
        return True
    norm = normalize_for_matching(surface)
    if norm in _ORDINALS or norm in lex.lexicon.stopwords:
        return True  # "النائب الثاني", "لكن": an ordinal or a function word alone is never a name
    prev_norm = normalize_for_matching(previous)
    if norm.endswith("يا") and " " not in norm and len(prev_norm) >= 4 and prev_norm.endswith("ا") and (
            prev_norm not in lex.lexicon.stopwords and prev_norm not in _PREPOSITIONS
            and not prev_norm.endswith(("وا", "ها", "نا", "هما"))  # a verb's plural or pronoun: "تبعتها سوريا"
            and not lex.is_known_name(identity_key(prev_norm)) and identity_key(prev_norm) not in lex.place_types):
        return True  # "التزاما روسيا واضحا" (روسياً with its tanween lost): an accusative adjective after a noun
    if norm in CALENDAR_WORDS:  # "في نيسان": a month, not Nissan
        return True
    if norm not in lex.nisba:
        return False
    if identity_key(norm) not in lex.place_types and identity_key(norm) not in lex.entries:
        return True
    prev = normalize_for_matching(previous)
    nxt = normalize_for_matching(following)
    if prev in _COUNTRY_HEADS and not norm.startswith("ال") and norm.endswith("ه") and nxt.endswith("ه") and (
            not nxt.startswith("ال") and nxt not in lex.nisba and identity_key(nxt) not in lex.place_types
            and not lex.is_known_name(identity_key(nxt))):
        return True  # "حكومة سورية جديدة": an indefinite adjective after it makes it one too (a new Syrian
        # government), where "حكومة سورية" alone is Syria's government
    if conjoined or not prev or not prev[0].isalpha() or prev in _PREPOSITIONS or prev in lex.lexicon.stopwords:
        return False  # "والسعودية": a conjunction joins a noun, not an adjective
    if prev[:1] in ("و", "ف") and prev[1:] in _PREPOSITIONS:
        return False
    definite = prev.startswith("ال") or (len(prev) > 4 and prev.startswith(_DEFINITE_WITH_PROCLITIC))
    return definite == norm.startswith("ال")  # ("للكرة السعودية", "بالجمارك السعودية": the noun is definite)


# a word with a proclitic on its article ("للكرة" is ل + الكرة, "بالجمارك", "والشركة"): definite all the same
_DEFINITE_WITH_PROCLITIC = ("لل", "بال", "كال", "وال", "فال", "وبال", "ولل", "فبال", "فلل", "وكال")


_PLACE_CUE_HEADS = frozenset(identity_key(w) for w in (*_REGION_HEADS, "مدينة", "بلدة", "قرية", "حي", "مدن"))


# heads of the places a town holds: "مستشفى الملك فهد الجامعي بالخبر", "الواجهة البحرية بالخبر", "مطعم بالخبر"
_FACILITY_HEADS = frozenset(identity_key(w) for w in (
    "مستشفى", "مستوصف", "كلية", "مدرسة", "جامعة", "مطعم", "فندق", "منتجع", "مجمع", "الواجهة", "واجهة", "كورنيش",
    "شارع", "طريق", "سوق", "مول", "مسرح", "ملعب", "مصنع", "مطار", "ميناء", "محطة", "فرع", "مقر", "حديقة", "معرض",
    "مسجد", "جامع", "فعاليات", "مهرجان"))
FACILITY_REACH = 4  # words before a homograph where a facility's head may stand


def _after_facility(words: Sequence[str], i: int) -> bool:
    """True when a facility's head stands in the ``FACILITY_REACH`` words before token ``i`` ("مطعم بالخبر",
    "الكلية التقنية للبنات بالخبر"): what follows with ب or في is the town it stands in."""
    return any(k in _FACILITY_HEADS for w in words[max(0, i - FACILITY_REACH) : i] for _, k in first_word_keys(w))


def is_country_word(word: str, lex: EntityLexicon) -> bool:
    """True when ``word`` (a proclitic allowed) is a country's name ("والكويت")."""
    return any(lex.place_subtypes.get(k) == "country" for _, k in first_word_keys(word))


def homograph_key(words: Sequence[str], i: int, j: int, lex: EntityLexicon) -> str | None:
    """The homographs_ar.tsv entry a one-word mention [i, j) is (a proclitic allowed), or None."""
    if j - i != 1:
        return None
    return next((k for _, k in first_word_keys(words[i]) if k in lex.homographs), None)


def is_common_word_reading(words: Sequence[str], i: int, j: int, lex: EntityLexicon, places_in_sentence: int,
                           confirmed: frozenset[str] = frozenset(), typ: EntityType | None = None) -> bool:
    """True when the one-word mention [i, j) of a homograph (homographs_ar.tsv) reads as the common word.
    A ``place_cue`` word ("نشر الخبر") needs a place head before it or another place in its sentence
    (``places_in_sentence``), or a locative before it ("في الخبر", "بالخبر") in a document where it was
    ``confirmed`` a place by such a cue or after a facility ("مطعم بالخبر", "الواجهة البحرية بالخبر"); an
    ``adjective`` word is the adjective right after a definite noun
    ("السلم الأهلي"); an ``outlet`` word typed ORG is an outlet only in quotes or after "صحيفة", "قناة" …"""
    key = homograph_key(words, i, j, lex)
    if key is None:
        return False
    rule = lex.homographs[key]
    if rule == "place_cue":
        heads = {k for _, k in first_word_keys(words[i - 1])} if i > 0 else set()
        if heads & _PLACE_CUE_HEADS or places_in_sentence > 0:
            return False
        return not ((key in confirmed or _after_facility(words, i)) and _located(words, i))
    if rule == "outlet":  # "«الجزيرة»", "قناة الجزيرة" name an outlet even when the KB cannot tell which
        named = i > 0 and (words[i - 1] in _OPEN_QUOTES or any(k in lex.outlet_heads for _, k in first_word_keys(
            words[i - 1])))
        return typ is EntityType.ORG and not named
    if rule == "adjective":  # after a definite noun, a proclitic allowed ("وللسلم الأهلي")
        return _after_definite_noun([identity_key(w) for w in words[i - 1 : i + 1]], min(i, 1), lex)
    if rule == "region":  # (but "القصيم والشرقية": a place joined to a place)
        nxt = normalize_for_matching(words[j]) if j < len(words) else ""
        if nxt.startswith("لل") or (nxt.startswith("ال") and nxt.endswith("يه")):
            return True  # "الشرقية للتنمية", "الشرقية الزراعية": a company's name, its region's word inside
        return i > 0 and _qualifies(words[i - 1], lex) and not (
            words[i][:1] == "و" and any(k in lex.place_types for _, k in first_word_keys(words[i - 1])))
    return False


_POSSESSIVES = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def _qualifies(previous: str, lex: EntityLexicon) -> bool:
    """True when ``previous`` is a word an adjective after it qualifies: a definite noun ("الغوطة الشرقية", not a
    head or a title, which name what follows), a noun with a possessive pronoun ("جهته الشرقية", "كعادتنا
    الشرقية"), a name ("أوروبا الشرقية") or another adjective it is joined to ("الشمالية والشرقية")."""
    key = identity_key(previous)
    if _after_definite_noun([key, ""], 1, lex):
        return True
    norm = normalize_for_matching(previous)
    if len(norm) >= 4 and norm.endswith(_POSSESSIVES) and norm not in lex.lexicon.stopwords and not (
            key in lex.titles or key in lex.title_first or any(k in HEAD_NOUNS or k in lex.org_heads
                                                                for _, k in first_word_keys(previous))):
        return True
    return key in lex.place_types or key in lex.given_names or bool(lex.kb.named_by(key))


@cache
def word_frequencies() -> dict[str, int]:
    """Matching form -> log2 frequency bucket in unlabeled news (the shipped NER model's ``freq.tsv``)."""
    from pipeline.config import NER_MODEL_DIR
    from pipeline.nlp.ner.resources import FREQ_FILE, load_frequencies

    return load_frequencies(NER_MODEL_DIR / FREQ_FILE)


# --- nationality references ------------------------------------------------------------------------------
_WORD_RE = re.compile(r"[\w\u064B-\u065F\u0670]+")  # a word with its diacritics


@cache
def _nisba_codes() -> dict[str, str]:
    """Matching form of every nationality adjective of ``nisba_ar.tsv`` that names one country -> its code."""
    return {form: code for form, code in load_lexicon().nisba.items() if code}


@cache
def _nisba_last_letters() -> frozenset[str]:
    """Every letter a nationality adjective can end with as written (its matching form's last letter, and
    ة/ى/diacritics for the forms that fold to it)."""
    out = {form[-1] for form in _nisba_codes()}
    if "ه" in out:
        out.add("ة")
    if "ي" in out:
        out.add("ى")
    return frozenset(out | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"})


@lru_cache(maxsize=1 << 16)
def _reference_code(word: str) -> tuple[int, str] | None:
    """(characters of a leading و/ف outside the span, country code) when ``word`` is a nationality adjective."""
    codes = _nisba_codes()
    code = codes.get(normalize_for_matching(word))
    if code is not None:
        return 0, code
    if word[:1] in ("و", "ف") and len(word) > 3:
        code = codes.get(normalize_for_matching(word[1:]))
        if code is not None:
            return 1, code
    return None


def nationality_references(text: str, sentence_spans: Sequence[tuple[int, int]],
                           mention_spans: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, int, str]]:
    """(sentence index, start, end, ISO country code) of every nationality adjective or demonym of one country
    in ``text`` ("الروسي", "السوريين", "روس") outside the entity mentions ``mention_spans`` (a surname such
    as "المصري" inside a name is no reference); the conjunction و/ف stays outside the span."""
    taken = sorted(mention_spans)
    starts = [s for s, _ in taken]
    last_letters = _nisba_last_letters()
    out = []
    for sidx, (s0, e0) in enumerate(sentence_spans):
        for m in _WORD_RE.finditer(text, s0, e0):
            word = m.group()
            if word[-1] not in last_letters:  # (most words: no dictionary lookup at all)
                continue
            hit = _reference_code(word)
            if hit is None:
                continue
            cut, code = hit
            start, end = m.start() + cut, m.end()
            k = bisect_right(starts, start) - 1
            if (k >= 0 and taken[k][1] > start) or (k + 1 < len(taken) and taken[k + 1][0] < end):
                continue
            out.append((sidx, start, end, code))
    return out
