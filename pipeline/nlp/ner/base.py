"""The NER backend interface and the backend-independent span logic.

A backend labels tokens (BIO over PERS/PER, LOC, ORG, MISC) one document at a time; this module turns
labels into character spans over ``documents.text``, with proclitics (و ف ب ل ك) moved outside the span
and the article ال kept inside ("وموسكو" → "موسكو", "والكرملين" → "الكرملين").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Protocol

from pipeline.lexicons import match_reporting, read_rows
from pipeline.nlp.ner.conll import entity_spans
from pipeline.nlp.ner.enrich import (
    COMMON_WORD_BUCKET,
    CONF_PROPAGATED,
    FUNCTION_WORDS_AS_WRITTEN,
    HEAD_NOUNS,
    LOCATIVE_CUES,
    NAME_PARTICLES,
    SPELLED_LETTERS,
    TIME_ADVERBS,
    EntityLexicon,
    adjective_word,
    apply_dictionary,
    appositive_persons,
    attach_heads,
    bare_heads,
    capital_of,
    cued_persons,
    document_context,
    first_word_keys,
    homograph_key,
    is_adjective,
    is_common_accusative,
    is_common_word_in_context,
    is_common_word_reading,
    is_country_word,
    join_name_particles,
    listed_places,
    meeting_verb,
    persons_after_titled_bodies,
    place_companies,
    propagate_forms,
    quoted_bodies,
    repair_person_spans,
    reported_family_names,
    resolution_number,
    role_title_tokens,
    settlement_names,
    span_title,
    split_at_titles,
    split_bylines,
    story_subtypes_of_words,
    unknown_media,
)
from pipeline.nlp.ner.features import split_clitics
from pipeline.nlp.ner.resources import is_common_word, shipped_word_classes
from pipeline.nlp.text import (
    ABBREVIATED_TITLES,
    Token,
    identity_key,
    normalize_for_matching,
    proclitic_splits,
    stem_variants,
    tokenize,
)
from pipeline.schemas import EntityType

_ARTICLE_PREFIX = re.compile(r"^(?:[وف]?[بك]?)(?=ال.{2,})|^(?:[وف]?ل)(?=ل.{3,})")
# Names that really begin with و (so a leading و is not the conjunction).
_WAW_NAMES = frozenset(normalize_for_matching(w) for w in (
    "وليد", "وائل", "وسام", "وفاء", "وديع", "وجدي", "وحيد", "وهيب", "وهبة", "وفيق", "وزيرستان", "وهران",
    "واشنطن", "وارسو", "ويلز", "ويليام", "وليام", "ولنغتون", "ووهان", "وادي", "وكالة", "وزارة", "والتر",
    "ويكيليكس", "ولاية", "ولي"))

Labels = list[tuple[str, float]]
PER_TAG = EntityType.PER.tag  # the person type as the BIO tags write it


class NerBackend(Protocol):
    """Labels the tokens of one document's sentences with BIO tags and confidences."""

    name: str

    def tag(self, sentences: list[list[str]]) -> list[Labels]: ...


@dataclass(frozen=True, slots=True)
class EntitySpan:
    sentence_idx: int
    start: int
    end: int
    type: str
    confidence: float
    normalized: str
    title: str | None = None  # the title or role attached to a person ("وزير الخارجية الروسي")
    title_country: str | None = None  # the country the title's nisba names (RU)
    kb_id: str | None = None  # knowledge-base actor the dictionary matched
    country_code: str | None = None  # the country a place mention names (السعودية, المملكة → SA)
    # the role a title right before the name gives the person ("وزير الخارجية السعودي"), as character offsets
    role_span: tuple[int, int] | None = None


def span_normalized(text: str, start: int, end: int, cut: int) -> str:
    """Matching form of ``text[start:end]``; a span cut after the ل of لل ("لكرملين") gets its article back."""
    surface = text[start:end]
    if cut and text[start - 1] == "ل" and surface.startswith("ل"):
        return normalize_for_matching("ا" + surface)
    return normalize_for_matching(surface)


def canonical_type(label_type: str) -> EntityType:
    """The warehouse type of a BIO tag's type (PERS→PER and friends); unknown types become MISC."""
    return EntityType.parse(label_type) or EntityType.MISC


def bio_to_spans(labels: Sequence[tuple[str, float]]) -> list[tuple[int, int, EntityType, float]]:
    """Token spans (i, j, type, mean confidence) from BIO labels; a stray I- opens a new span."""
    confs = [conf for _, conf in labels]
    return [(i, j, canonical_type(typ), sum(confs[i:j]) / (j - i))
            for i, j, typ in entity_spans([lab for lab, _ in labels])]


def proclitic_length(
    token: str, is_known: Callable[[str], bool], is_seen: Callable[[str], bool] = lambda _: False,
    frequency: Callable[[str], int] = lambda _: 0, is_place: Callable[[str], bool] = lambda _: False,
    is_given: Callable[[str], bool] = lambda _: False, is_family: Callable[[str], bool] = lambda _: False,
) -> int:
    """How many leading characters of an entity's first token are proclitics to leave outside the span.

    * a token that is a known name as written ("فيصل", "وليد", "بسام") or the family name of one of the
      document's full names (``is_family``: "بريم" of "ايزابيل بريم") keeps every letter, unless both it and
      what follows a و/ف are places and the rest is the more frequent word ("وجدة": and Jeddah, not Oujda);
    * before the article: و/ف + ب/ك ("والكرملين", "بالعراق") → up to ال; ل + ال is written لل
      ("للكرملين") → one ل;
    * a stem that is a known name (gazetteer, knowledge base, given names) or a name seen elsewhere in the
      document while the whole token is not ("وموسكو", "لروسيا", "فسوريا", "لعلي"); after ف, only when the
      token as written is not the more frequent word in news ("فرانس" is no ف + "رانس", Reims); after ك ("like") not a
      bare given name (``is_given``): "كإيران", "كبرشلونة", but "كرافت" is Kraft, not ك + رأفت;
    * a conjunction و before an unknown word only when the rest is a more frequent word of the language
      than the token ("ومارتن"), never when what remains is not a plausible word ("ويندوز" → "يندوز"); ف
      before an unknown word stays ("فورد" is Ford, not ف + "ورد").

    ``is_known`` answers for matching forms of names, ``is_seen`` for names seen elsewhere in the document,
    ``frequency`` gives a word's frequency bucket in unlabeled news (0: unseen).
    """
    whole = normalize_for_matching(token)
    if whole in _CONJOINED_PARTICLES:
        return 1  # "وبن علوي": the conjunction before a name's بن / آل / أبو
    if is_common_accusative(token):
        return 0  # "فاديا البرغثي": not ف + ادي; "باكرا" is early, no ب + Accra
    if token[:1] in ("و", "ف") and len(token) >= 4 and is_place(whole):
        rest = normalize_for_matching(token[1:])
        if is_place(rest) and frequency(rest) > frequency(whole):
            return 1
    if is_known(whole) or whole in _WAW_NAMES or is_family(whole):
        return 0
    m = _ARTICLE_PREFIX.match(token)
    rest = token[m.end():] if m else ""
    rest = "ا" + rest if rest[:1] == "ل" and rest[:2] != "ال" else rest  # "للدفاع": ل + "الدفاع", not "لدفاع"
    if m and m.end() > 0 and not (frequency(normalize_for_matching(rest)) == 0 < frequency(whole)):
        return m.end()  # (not "كاليفورنيا" → "اليفورنيا": what is left must be a word of the language)
    splits = [split for split in proclitic_splits(token, min_stem=2) if split]
    family = next((split for split in splits if any(is_family(v) for v in stem_variants(token, split))), None)
    if family is not None:
        return family  # "وبريم": and the story's "بريم" (not و + ب + "ريم")
    for split in splits:
        variants = stem_variants(token, split)
        if token[split - 1] == "ك" and not any(is_seen(v) or (is_known(v) and not is_given(v)) for v in variants):
            continue
        if any(is_known(v) or is_seen(v) for v in variants) and not (
                split == 1 and token[0] == "ف" and frequency(whole) > max(frequency(v) for v in variants)):
            return split  # (not "فرانس" → ف + "رانس", Reims: as written, the more frequent word; ف seldom
            # stands before a name, و often does: "وغانا" may be rarer in news than "غانا" is and still be و + غانا)
    if token[:1] == "و" and len(token) >= 4:  # (not ف: "فورد" is Ford, no ف + "ورد", however frequent ورد is)
        rest = normalize_for_matching(token[1:])
        if frequency(rest) > frequency(whole):
            return 1
    return 0


def _word_or_accusative(word: str, lex: EntityLexicon) -> bool:
    """A common word of the dictionary as written, in the accusative ("نائبا", "متفائلا") or behind و/ف/ب/ل and a
    pronoun suffix ("وتعيينه", "حكومته"; not behind ك: "كيكو" is no ك + word), and no given name, known name,
    title or place."""
    norm = normalize_for_matching(word)
    key = identity_key(norm)
    if (not norm.isalpha() or key in lex.given_names or lex.is_known_name(key) or key in lex.titles
            or key in lex.place_types):
        return False
    if set(shipped_word_classes().get(norm, "")) - set("PNxft") or is_common_accusative(word, conjoined=True):
        return True  # (a function word alone is no sign: "كيت مارا" is Kate Mara)
    pro, stem, enc = split_clitics(norm)
    if stem == norm or pro.startswith("ك") or len(stem) < 3 or enc == "ي":
        return False  # (ي also ends names: "وينفري" is no و + ينفر + ي)
    return is_common_word(stem) or (stem.endswith("ت") and is_common_word(stem[:-1] + "ه"))


_PATRONYMIC = frozenset(normalize_for_matching(w) for w in ("أبو", "بن", "ابن", "عبد", "آل", "بنت", "أم"))
_FAMILY_PARTS = _PATRONYMIC | NAME_PARTICLES  # the word before a family name it goes with ("فان غال", "ولد الشيخ")
_CONJOINED_PARTICLES = frozenset(c + w for c in ("و", "ف") for w in _PATRONYMIC | (NAME_PARTICLES - {"لو", "ولد"}))
# ("وبن", "وآل", "ودي خيا": and de Gea; not "ولو", even if)


def name_keys(names: Sequence[Sequence[str]]) -> set[tuple[str, ...]]:
    """Matching keys a person is referred to by: the full name and the family name ("بوتين",
    "أبو قصرة", "فان غال") of names with two or more words, and the given name with the family name of a
    longer name whose last word is no father's name ("تركي السديري" of "تركي بن عبدالله السديري"; not
    "محمد سلمان" of "محمد بن سلمان")."""
    keys: set[tuple[str, ...]] = set()
    for name in names:
        keys.add(tuple(name))
        if len(name) >= 2:
            if name[-2] in _FAMILY_PARTS:
                keys.add(tuple(name[-2:]))
            elif len(name[-1]) >= 3:
                keys.add((name[-1],))
                if len(name) >= 3 and name[0] not in _FAMILY_PARTS and name[1] in _PATRONYMIC:
                    keys.add((name[0], name[-1]))
    return keys | {variant for key in keys if (variant := _abd_spacing(key)) != key}


def _abd_spacing(key: tuple[str, ...]) -> tuple[str, ...]:
    """The key with "عبد" written the other way: "عبد الناصر" joined ("عبدالناصر"), "عبدالناصر" split, so a
    name found one way is found written the other."""
    out: list[str] = []
    k = 0
    while k < len(key):
        word = key[k]
        if word == "عبد" and k + 1 < len(key) and key[k + 1].startswith("ال"):
            out.append(word + key[k + 1])
            k += 2
            continue
        if word.startswith("عبدال") and len(word) > 6:
            out += ["عبد", word[3:]]
        else:
            out.append(word)
        k += 1
    return tuple(out)


@lru_cache(maxsize=1 << 18)
def first_word_forms(token: str) -> tuple[str, ...]:
    """Matching forms the first word of a name can stand for, proclitics removed (longest first; cached per
    word type: the name passes ask it for nearly every token)."""
    forms: list[str] = []
    for split in proclitic_splits(token):
        if split and token[split - 1] == "ك":
            continue  # ك + name is rare, ك + word common
        forms += stem_variants(token, split)
    return tuple(forms)


def _family_names_first(sentences: list[list[str]], labels: list[Labels], keys: set[tuple[str, ...]],
                        hints: Mapping[tuple[int, int, int], object],
                        is_place: Callable[[str], bool] = lambda _: False,
                        given: frozenset[str] = frozenset()) -> list[Labels]:
    """A span of another type that starts with the family name of a person the document names, not a
    dictionary name, is that person and ends there ("وهنأ الشيخ الخزيم رجال الأمن" after "محمد بن ناصر
    الخزيم"); so is a place or organisation of one word that is the family name of a full name starting with a
    given name (``given``, identity keys): "بهوي" tagged a place in a story that names "نبيل بهوي" — unless
    the document writes it as a place somewhere (after "في", "إلى", "مدينة" …, or with ب/ل: "جورج واشنطن" and
    "في واشنطن") or it is a dictionary entry (``is_place``, of an identity key)."""
    families = {k[0] for k in keys if len(k) == 1}
    if not families:
        return labels
    surnames = {k[-1] for k in keys if len(k) >= 2 and k[-2] not in _PATRONYMIC and identity_key(k[0]) in given
                and k[-1] in families}
    located = set()  # surnames the document also writes as places: "في واشنطن" beside "جورج واشنطن"
    if surnames:
        for toks in sentences:
            for i, tok in enumerate(toks):
                forms = [f for f in first_word_forms(tok) if f in surnames]
                if forms and i > 0 and toks[i - 1] in LOCATIVE_CUES:
                    located.update(forms)
                elif tok[:1] in ("ب", "ل"):  # "بواشنطن" (not "بهوي", whose ب is its own)
                    located.update(f for f in forms if f != normalize_for_matching(tok))
    out = []
    for sidx, (toks, labs) in enumerate(zip(sentences, labels, strict=True)):
        labs = list(labs)
        for i, j, typ, _ in bio_to_spans(labs):
            if typ is EntityType.PER or (sidx, i, j) in hints:
                continue
            forms = [f for f in first_word_forms(toks[i]) if f in families]
            if j - i == 1 and typ in (EntityType.LOC, EntityType.ORG) and any(f in surnames for f in forms) and not (
                    any(f in located for f in forms)
                    or any(is_place(identity_key(f)) for f in forms) or is_place(identity_key(toks[i]))):
                labs[i] = ("B-" + PER_TAG, labs[i][1])
            elif j - i >= 2 and forms:
                labs[i] = ("B-" + PER_TAG, labs[i][1])
                for k in range(i + 1, j):
                    labs[k] = ("O", 1.0)
        out.append(labs)
    return out


# a bare family name after these is a weekday ("يوم جمعة", "كل خميس"), not the person
_BEFORE_A_WEEKDAY = frozenset(("يوم", "ويوم", "ليوم", "بيوم", "كل", "وكل"))


def propagate_names(sentences: list[list[str]], labels: list[Labels], keys: set[tuple[str, ...]]) -> list[Labels]:
    """Label every other occurrence of a known person name in the document as PERS.

    A match may start with a proclitic ("ولافروف") and may extend a shorter PERS span into the full
    name ("أحمد" + "الشرع"); it never overwrites a span of another type.
    """
    if not keys:
        return labels
    longest = max(len(k) for k in keys)
    firsts = {k[0] for k in keys}
    out = []
    for toks, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        norm: list[str] | None = None
        i = 0
        while i < len(toks):
            hit = 0
            if not labs[i][0].startswith("I-") and toks[i] not in FUNCTION_WORDS_AS_WRITTEN and not firsts.isdisjoint(
                    first_word_forms(toks[i])):  # no name starts here: skip fast
                if norm is None:
                    norm = [normalize_for_matching(t) for t in toks]
                for length in range(min(longest, len(toks) - i), 0, -1):
                    window = [lab for lab, _ in labs[i : i + length]]
                    if any(t in FUNCTION_WORDS_AS_WRITTEN for t in toks[i : i + length]):
                        continue
                    if any(lab != "O" and canonical_type(lab[2:]) is not EntityType.PER for lab in window):
                        continue
                    if i + length < len(toks) and labs[i + length][0].startswith("I-"):
                        continue  # would cut an existing span in two
                    if length == 1 and i > 0 and norm[i - 1] in _BEFORE_A_WEEKDAY:
                        continue  # "كل يوم جمعة": Friday, not the family name of "عبدالسلام جمعة"
                    if all(lab == "O" for lab in window) or window[0].startswith("B-"):
                        rest = tuple(norm[i + 1 : i + length])
                        if any((first, *rest) in keys for first in first_word_forms(toks[i])):
                            for k in range(i, i + length):
                                conf = labs[k][1] if labs[k][0] != "O" else CONF_PROPAGATED
                                labs[k] = (("B-" if k == i else "I-") + PER_TAG, conf)
                            hit = length
                            break
            i += hit or 1
        out.append(labs)
    return out


def person_names(sentences: list[list[str]], labels: list[Labels], min_words: int = 2,
                 skip: Callable[[int, int, int], bool] = lambda _s, _i, _j: False) -> list[list[str]]:
    """Matching forms of the person names (of ``min_words`` words or more) a backend found in a document;
    ``skip(sentence, start, end)`` leaves spans out (a role title standing for its holder is no name)."""
    names = []
    for sidx, (toks, labs) in enumerate(zip(sentences, labels, strict=True)):
        for i, j, typ, _ in bio_to_spans(labs):
            if typ is EntityType.PER and j - i >= min_words and not skip(sidx, i, j):
                words = [normalize_for_matching(t) for t in toks[i:j]]
                if words[0].startswith("و") and len(words[0]) > 3 and words[0] not in _WAW_NAMES:
                    words[0] = words[0][1:]
                names.append(words)
    return names


def trim_to_known_names(sentences: list[list[str]], labels: list[Labels], keys: set[tuple[str, ...]],
                        lex: EntityLexicon) -> list[Labels]:
    """A person span that is a full name the story writes on its own elsewhere, then words no name of the story
    has, is that name: "برنامج جون ستيوارت ديلي شو" after "جون ستيوارت" ends with ستيوارت (its show follows);
    not when a name particle or a given name goes on ("محمد بن سلمان بن عبدالعزيز")."""
    full = {k for k in keys if len(k) >= 2}
    if not full:
        return labels
    counts: dict[tuple[str, ...], int] = {}
    for toks, labs in zip(sentences, labels, strict=True):
        for i, j, typ, _ in bio_to_spans(labs):
            if typ is EntityType.PER:
                span = tuple(normalize_for_matching(t) for t in toks[i:j])
                counts[span] = counts.get(span, 0) + 1
    keys_of_word: dict[str, set[tuple[str, ...]]] = {}
    for key in keys:
        for w in key:
            keys_of_word.setdefault(w, set()).add(key)
    out = []
    for toks, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        for i, j, typ, _ in bio_to_spans(labs):
            if typ is not EntityType.PER or j - i < 3:
                continue
            norms = [normalize_for_matching(t) for t in toks[i:j]]
            own = {tuple(norms), (norms[-1],), (norms[0], norms[-1])}  # the keys this span itself gave

            def of_another_name(w: str, own: set[tuple[str, ...]] = own) -> bool:
                return bool(keys_of_word.get(w, set()) - own)

            for n in range(j - i - 1, 1, -1):
                head, rest = tuple(norms[:n]), norms[n:]
                # one definite word, no feminine adjective, may be the family name: "أحمد سعيد القحطاني", "أحمد
                # الفهد الصباح" keep it ("أدولف هتلر الفنية" does not)
                family = len(rest) == 1 and rest[0].startswith("ال") and not rest[0].endswith("ه")
                if head in full and counts.get(head, 0) and not family and not any(
                        of_another_name(w) or w in _FAMILY_PARTS or identity_key(w) in lex.given_names for w in rest):
                    for k in range(i + n, j):
                        labs[k] = ("O", 1.0)
                    break
        out.append(labs)
    return out


# adjectives after a body named by its place that describe something of the body's ("مبنى أمانة الطائف الجديد")
_OF_A_BUILDING = frozenset(identity_key(w) for w in ("الجديد", "الجديدة", "القديم", "القديمة", "الحالي", "الحالية"))
# words that address or style a person by the given name alone ("يا فاتن", "مدام فاتن", "الأستاذة فاتن")
_ADDRESS_WORDS = frozenset(identity_key(w) for w in ("يا", "ويا", "مدام", "مسيو", "مستر", "المدام"))
_SON_OF = frozenset(normalize_for_matching(w) for w in ("بن", "ابن", "بنت"))
_ABBREVIATED_TITLES = frozenset(identity_key(w) for w in ABBREVIATED_TITLES)  # "م. جديع"


def addressed_given_names(sentences: list[list[str]], labels: list[Labels], keys: set[tuple[str, ...]],
                          lex: EntityLexicon) -> list[Labels]:
    """An untagged given name right after a vocative or a style ("يا فاتن", "مدام فاتن", "السيدة فاتن", "م.
    جديع") is a person when exactly one person the document names in full has it ("فاتن حمامة")."""
    firsts: dict[str, set[tuple[str, ...]]] = {}
    for key in keys:
        if len(key) >= 2 and (identity_key(key[0]) in lex.given_names or (len(key) >= 3 and key[1] in _SON_OF)):
            firsts.setdefault(key[0], set()).add(key)  # (the first word of "جديع بن نهار القحطاني" is a given name)
    settled = {first for first, names in firsts.items() if len({n[-1] for n in names}) == 1}
    if not settled:
        return labels
    out = []
    for words, labs in zip(sentences, labels, strict=True):
        labs = list(labs)
        for i in range(1, len(words)):
            if (labs[i][0] == "O" and labs[i - 1][0] == "O" and normalize_for_matching(words[i]) in settled
                    and ((prev := identity_key(words[i - 1])) in _ADDRESS_WORDS or prev in lex.titles or (
                        words[i - 1] == "." and i >= 2 and identity_key(words[i - 2]) in _ABBREVIATED_TITLES))
                    and (i + 1 >= len(words) or labs[i + 1][0] == "O")):
                labs[i] = ("B-" + PER_TAG, CONF_PROPAGATED)
        out.append(labs)
    return out


def sentence_tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[list[Token]]:
    """Tokens (with document offsets) of each sentence span."""
    return [tokenize(text[s:e], offset=s) for s, e in spans]


# "that" as written with its hamza (bare "بان" is also Ban Ki-moon's name): never the first word of a name
_THAT_AS_WRITTEN = frozenset({"بأن", "أن", "إن", "لأن", "وأن", "وإن", "فإن", "بأنه", "بأنها"})


_AMOUNTS = frozenset(identity_key(w) for w in (
    "ألف", "آلاف", "الف", "مليون", "ملايين", "مليار", "مليارات", "بليون", "تريليون"))


@cache
def _currencies() -> frozenset[str]:
    """Identity keys of the one-word currency names (``misc_subtypes_ar.tsv``: دولار، ريال، يورو …)."""
    return frozenset(identity_key(form) for form, subtype in read_rows("misc_subtypes_ar.tsv", ("form", "subtype"))
                     if subtype == "currency" and " " not in form.strip())


def tag_document(
    text: str,
    spans: Sequence[tuple[int, int]],
    backend: NerBackend,
    lex: EntityLexicon,
    frequency: Callable[[str], int] = lambda _: 0,
    outlet_country: str | None = None,
    tokens: list[list[Token]] | None = None,
    backend_labels: list[Labels] | None = None,
    titles: bool = True,
) -> list[EntitySpan]:
    """Entity spans over ``text`` for the given sentence spans, clitics trimmed, ``text[start:end]`` exact.

    After the backend, whatever it is: titles are cut out of person spans, person names of two or more
    words are propagated through the document (:func:`propagate_names`, so "بوتين" later in an article is
    found once "فلاديمير بوتين" was), the knowledge base and gazetteer add and retype mentions, nationality
    adjectives are dropped and every person gets its title (:mod:`pipeline.nlp.ner.enrich`).
    ``outlet_country`` (the country of the article's address, :func:`pipeline.nlp.text.url_country`) is the
    document's country when its text names none ("الأهلي" in okaz.com.sa is the Saudi club).
    ``tokens`` (:func:`sentence_tokens` of the spans) and ``backend_labels`` (the backend's labels for their
    words) may come precomputed, when many documents are tagged at once. ``titles=False`` leaves a named
    person's ``title`` and ``title_country`` empty (a title standing alone for its holder keeps it), for
    callers that only want the spans.
    """
    toks = sentence_tokens(text, spans) if tokens is None else tokens
    words = [[t.text for t in sent] for sent in toks]
    labels = split_bylines(words, backend.tag(words) if backend_labels is None else backend_labels, lex)
    labels = repair_person_spans(words, labels, lex)
    labels = split_at_titles(words, labels, lex, frequency)
    labels = join_name_particles(words, labels, lex.given_names)
    labels = cued_persons(words, labels, lex, frequency)
    labels = appositive_persons(words, labels, lex, frequency)
    context = document_context(text, words, lex, outlet_country)
    story = story_subtypes_of_words(w for s in words for w in s)
    labels, hints = apply_dictionary(words, labels, lex, context, frequency, story)
    labels = quoted_bodies(words, labels)
    labels = persons_after_titled_bodies(words, labels, lex, frequency)
    labels = settlement_names(words, labels, lex, frequency)
    titles_only = {at for at, entry in hints.items() if entry.title_only}

    def person_keys() -> tuple[set[tuple[str, ...]], set[str]]:
        """The story's person keys, and the family names alone left out of them as adjectives ("الكبير" of
        "محمد علي باشا الكبير", and "العيد", also a frequent word: reported_family_names has those)."""
        every = name_keys(person_names(words, labels, skip=lambda s, i, j: (s, i, j) in titles_only))
        kept = {k for k in every if len(k) > 1 or not adjective_word(k[0], frequency)}
        return kept, {k[0] for k in every - kept}

    keys, word_families = person_keys()
    trimmed = trim_to_known_names(words, labels, keys, lex)
    if trimmed != labels:
        labels = trimmed
        keys, word_families = person_keys()
    labels = propagate_names(words, labels, keys)
    labels = reported_family_names(words, labels, word_families, lex)  # "وأوضح العيد أن"
    labels = addressed_given_names(words, labels, keys, lex)
    labels = _family_names_first(  # (a title alone, "أمير دولة قطر", names no family)
        words, labels, keys, hints, lambda key: key in lex.entries, lex.given_names)
    labels = attach_heads(words, labels, lex)
    labels = propagate_forms(words, labels, lex, hints, frequency, story)
    labels = listed_places(words, labels, lex, context.home)
    # a propagated or listed place after a head ("نادي أبها الأدبي") is the body
    labels = attach_heads(words, labels, lex)
    labels = place_companies(words, labels)
    labels = unknown_media(words, labels, lex)
    labels = bare_heads(words, labels, lex, hints)
    raw: list[tuple[int, int, int, int, int, EntityType, float]] = []
    for sidx, (sent, labs) in enumerate(zip(toks, labels, strict=True)):
        for i, j, typ, conf in bio_to_spans(labs):
            if (sidx, i, j) in hints and resolution_number(identity_key(" ".join(words[sidx][i:j]))):
                raw.append((sidx, i, j, sent[i].start, sent[j - 1].end, typ, conf))
                continue  # "قرار مجلس الأمن رقم (2216)": its number (and brackets) end the name
            verb = next((k for k in range(i + 1, j) if _PLURAL_VERB.match(normalize_for_matching(sent[k].text))
                         and not lex.is_known_name(identity_key(sent[k].text))
                         and identity_key(sent[k].text) not in lex.place_types), None)
            if verb is not None and (sidx, i, j) not in hints:
                j = verb  # "البلوز سيسلمون الراية": a plural verb ends the name before it
            if typ is EntityType.MISC and j - i >= 2 and identity_key(sent[i].text) in _currencies() and (
                    sent[i + 1].text[:1] in "بلوف" and identity_key(sent[i + 1].text) not in lex.misc_forms):
                j = i + 1  # "مليار ريال بنهاية يونيو": the currency, then a preposition's word (not "ريال سعودي")
            if (typ is not EntityType.MISC and j - i == 1 and i > 0 and identity_key(sent[i].text) in _currencies()
                    and (any(ch.isdigit() for ch in sent[i - 1].text) or identity_key(sent[i - 1].text) in _AMOUNTS)):
                typ = EntityType.MISC  # "إلى 124.09 ين", "مليار ريال": an amount's currency, not a club or a person
            i, j = balance_brackets(words[sidx], i, j)
            while i + 1 < j and identity_key(sent[j - 1].text) in TIME_ADVERBS:
                j -= 1  # "جامعة الباحة البارحة", "الاتحاد أمس": a time adverb never ends a name
            if (typ is EntityType.ORG and j - i >= 3 and (sidx, i, j) not in hints
                    and identity_key(sent[j - 1].text) in _OF_A_BUILDING
                    and identity_key(sent[j - 2].text) in lex.place_types):
                j -= 1  # "مبنى أمانة محافظة الطائف الجديد": the building is new, not the body
            if (typ is EntityType.ORG and j - i >= 3 and (sidx, i, j) not in hints
                    and not normalize_for_matching(sent[j - 1].text).startswith("ال")
                    and "m" in shipped_word_classes().get(normalize_for_matching(sent[j - 1].text), "")
                    and identity_key(sent[j - 2].text) in lex.place_types):
                j -= 1  # "رفضت جامعة حائل تحوير بعض الوظائف": the body named by its city, then its deed
            while i < j and (not any(ch.isalpha() for ch in sent[j - 1].text) or _URL_WORD.match(sent[j - 1].text)
                             or (j - i >= 2 and sent[j - 1].text in ("ال", "الـ"))):
                j -= 1  # "شاه فيصل عظيم شاه -", "جامعة الدمام www": punctuation or an address never ends a name,
                # nor an article cut from its ordinal ("البطولة العربية الـ 13", its tatweel cleaned away)
            while i < j and not any(ch.isalpha() for ch in sent[i].text):
                i += 1
            if i < j:
                raw.append((sidx, i, j, sent[i].start, sent[j - 1].end, typ, conf))
    # "العاصمة البريطانية لندن": the capital is named, the phrase before it is no second mention
    loc_starts = {(sidx, i) for sidx, i, _, _, _, typ, _ in raw if typ is EntityType.LOC}
    raw = [r for r in raw if not (r[2] - r[1] == 2 and (r[0], r[2]) in loc_starts
                                  and capital_of(words[r[0]][r[1]], words[r[0]][r[1] + 1]) is not None)]
    # names seen without a proclitic in this document count as known stems
    seen = {normalize_for_matching(text[s:e].split(" ")[0]) for _, _, _, s, e, _, _ in raw}
    # the last words of the document's full names, as written: "بريم" of "ايزابيل بريم" is no ب + "ريم"
    families_written = {norm for _, i, j, s, e, typ, _ in raw if typ is EntityType.PER and j - i >= 2
                        and not (norm := normalize_for_matching(text[s:e].split(" ")[-1])).startswith("و")}

    def is_place(form: str) -> bool:
        return identity_key(form) in lex.place_types

    def is_known(form: str) -> bool:
        return lex.lexicon.lookup(form) is not None or lex.is_known_name(identity_key(form))

    places_in: dict[int, int] = {}
    for sidx, i, j, _, _, typ, _ in raw:
        if typ is EntityType.LOC and homograph_key(words[sidx], i, j, lex) is None:
            places_in[sidx] = places_in.get(sidx, 0) + 1
    confirmed = frozenset(  # homographs a cue shows to be places somewhere in this document
        key for sidx, i, j, *_ in raw if (key := homograph_key(words[sidx], i, j, lex)) is not None
        and not is_common_word_reading(words[sidx], i, j, lex, places_in.get(sidx, 0)))
    # family names that are also nationality adjectives ("منصور التركي"): after a title ("اللواء التركي") the person
    families = frozenset(k[0] for k in keys if len(k) == 1 and k[0] in lex.nisba)
    full_name_ends = {(sidx, j) for sidx, i, j, _, _, typ, _ in raw if typ is EntityType.PER and j - i >= 2}
    base_story = cache(lambda: story_names_a_base(text))  # read once, when a bare "القاعدة" asks
    out: list[EntitySpan] = []
    for sidx, i, j, start, end, typ, conf in raw:
        if typ is EntityType.PER and j - i >= 2 and (sidx, i, j) not in hints:
            k = _document_name_then_words(words[sidx], i, j, keys, lex)
            if k < j:
                j, end = k, toks[sidx][k - 1].end  # "نور رمز اتحادي": the story's "نور", then words of the language
        if typ is EntityType.PER and j - i >= 2 and (sidx, i, j) not in hints and _common_word_then_kb_person(
                words[sidx], i, j, lex, frequency):
            i, start = i + 1, toks[sidx][i + 1].start  # "بيان برزاني": a statement, then the person
        if j - i >= 2 and words[sidx][i] in _THAT_AS_WRITTEN and not (
                words[sidx][i + 1] == "." and toks[sidx][i].end == toks[sidx][i + 1].start):  # "إن.بي.سي": NBC
            i, start = i + 1, toks[sidx][i + 1].start  # "بأن لاريجاني": the conjunction, then the name
        if typ is EntityType.PER and j - i >= 2 and (sidx, i, j) not in hints and is_common_word_in_context(
                words[sidx], i, i + 1, lex):
            i, start = i + 1, toks[sidx][i + 1].start  # "قال لي يوسف شاهين": to me, then the name
        if typ is EntityType.PER and j - i >= 2 and (sidx, i, j) not in hints and any(
                is_common_accusative(w, conjoined=True) for w in words[sidx][i:j]) and all(
                _word_or_accusative(w, lex) and normalize_for_matching(w) not in _FAMILY_PARTS
                for w in words[sidx][i:j]):
            continue  # "وتعيينه نائبا", "مؤتمرا صحفيا", "أسدا هاربا": words of the language, one in the accusative
        first = text[start:end].split(" ")[0]
        if (j - i == 1 and first[:1] in "بلكف" and is_common_accusative(first)
                and not is_known(normalize_for_matching(first))):
            continue  # "نصبوا «كمينا»" (an ambush), "باكرا" (early): no Minna, no Accra
        whole_known = j - i >= 2 and is_known(normalize_for_matching(text[start:end]))
        cut = proclitic_length(first, is_known, seen.__contains__, frequency, is_place,
                               lambda v: identity_key(v) in lex.given_names,
                               families_written.__contains__ if typ is EntityType.PER else lambda _: False,
                               ) if len(first) > 2 and not whole_known else 0  # «فرانس برس»: known as written
        if (not cut and typ is EntityType.PER and (sidx, i) in full_name_ends and first[:1] == "و"
                and len(first) > 3 and not is_known(normalize_for_matching(first))):
            cut = 1  # "أحمد شعيب ومشهور البنيان": right after a person's full name, و joins the next one
        if not cut and j - i >= 2 and not whole_known:
            # "بأم القرى": the name is known only as a whole, without the proclitic of its first word
            cut = next((split for split in proclitic_splits(first, min_stem=2) if split and is_known(
                normalize_for_matching(text[start + split : end]))), 0)
        start += cut
        surface = text[start:end]
        previous = words[sidx][i - 1] if i > 0 else ""
        following = words[sidx][j] if j < len(words[sidx]) else ""
        hint = hints.get((sidx, i, j))
        if (typ is EntityType.PER and j - i == 1 and hint is None
                and (key := identity_key(surface)) not in lex.given_names
                and lex.place_subtypes.get(key) == "city" and key not in lex.homographs
                and (normalize_for_matching(surface),) not in keys and not lex.kb.named_by(key)
                and (previous in ("(", "«", '"') or normalize_for_matching(previous) in LOCATIVE_CUES)):
            typ = EntityType.LOC  # "مدينة «عين العرب» السورية (كوباني)": a city, not a family name of this story
        after_title = identity_key(previous) in lex.title_first or identity_key(previous) in lex.titles
        if (typ is not EntityType.PER and j - i == 1 and not cut and (normalize_for_matching(surface),) in keys
                and (hint is None or hint.kb_id is None) and after_title):
            typ, hint = EntityType.PER, None  # "الدكتور السويد" after "عبدالله بن محمد السويد": him, not Sweden
        titled_family = (typ is EntityType.PER and j - i == 1 and normalize_for_matching(surface) in families
                         and after_title) or (  # "وأشار التركي إلى أنه": the story's منصور التركي, announced
            typ is EntityType.PER and j - i == 1 and (match_reporting(previous) is not None or meeting_verb(previous))
            and ((norm_surface := normalize_for_matching(surface)) in families or norm_surface in word_families))
        if not any(ch.isalpha() for ch in surface) or ((hint is None or hint.kb_id is None) and not titled_family
                                                       and is_adjective(surface, lex, previous, conjoined=cut > 0
                                                                        and first[:1] in ("و", "ف"),
                                                                        following=following)):
            continue  # (a KB actor its context named, «اليوم» after "صحيفة", is no function word)
        if identity_key(surface) in SPELLED_LETTERS:
            continue  # "إف" of "«إف- 16»": a Latin letter spelt out is no name on its own
        if hint is None and j - i >= 2 and all(
                not w.startswith("ال") and (n := normalize_for_matching(w)) in lex.nisba and not n.startswith("ال")
                for w in words[sidx][i:j]):
            continue  # "تنسيق سوري روسي": two countries' adjectives, no name (references, entity_references)
        as_written = frequency(normalize_for_matching(first)) if cut and hint is None and j - i == 1 else 0
        if as_written >= COMMON_WORD_BUCKET + 2 and as_written > frequency(normalize_for_matching(first[cut:])):
            continue  # "وكيل الإمارة": the frequent word as written (deputy), not و + Kiel
        if typ is EntityType.PER and hint is None and not cut and _preposition_on_common_word(first, lex, frequency):
            continue  # "بنشر صور", "لحضور احتفالات": a preposition on a common noun starts no person's name
        if is_common_word_in_context(words[sidx], i, j, lex):
            continue  # "بحماس شديد", "أقدم شكري": the common word whatever the dictionary said
        if (typ is EntityType.PER and j - i == 1 and hint is None and not cut and is_common_accusative(surface)
                and not is_known(normalize_for_matching(surface)) and identity_key(surface) not in lex.given_names):
            continue  # "ويعين خالد العباد نائبا لرئيس المراسم", "يصرف للفرد شهريا", "ثانيا:": a word of the language
        if j - i == 1 and identity_key(surface) == _QAEDA and not_al_qaeda(text, start, end, base_story):
            continue  # "قاعدة العند الجوية … نحو القاعدة", "القاعدة البحرية": the base, not al-Qaeda
        if (j - i == 1 and (hint is None or hint.kb_id is None) and typ is not EntityType.PER
                and not surface.startswith("ال") and (key := identity_key(surface)) not in lex.place_types
                and key not in lex.entries and (key in HEAD_NOUNS or key in lex.org_heads)):
            continue  # "برئاسة اللواء …", "منطقة قصر الحكم": a head noun alone names nothing
        if hint is None and is_common_word_reading(words[sidx], i, j, lex, places_in.get(sidx, 0), confirmed, typ):
            continue  # "نشر الخبر", "السلم الأهلي": the common word
        title = span_title(words[sidx], j, j, lex) if hint is not None and hint.title_only else (
            span_title(words[sidx], i, j, lex) if typ is EntityType.PER and titles else None)
        if title is not None and title.end <= i and cut and first[:1] in ("و", "ف") and not (
                hint is not None and hint.title_only):
            title = None  # "نزار مدني وزير الدولة للشؤون الخارجية، وخالد الحميدان": a name behind و opens the
            # next item of a list; the title before it is the previous name's
        title_text, title_country = None, title.country_code if title else None
        role_span = None
        if title is not None:
            sent = toks[sidx]
            title_text = text[sent[title.start].start + title.cut : sent[title.end - 1].end]
            if (hint is None or not hint.title_only) and (role := role_title_tokens(words[sidx], title, i, lex)):
                role_span = (sent[role[0]].start + (title.cut if role[0] == title.start else 0), sent[role[1] - 1].end)
            if title.cut and title_text.startswith("ل") and text[sent[title.start].start + title.cut - 1] == "ل":
                title_text = "ا" + title_text  # "للأمير": the title is "الأمير", its article back
        if hint is not None and hint.title_only and title is not None and title.cut and not cut:
            cut = title.cut  # "لملك الأردن": the title alone names him, its proclitic is not part of it
            start += cut
        if start >= 3 and text[start - 1] == "." and text[start - 3 : start - 1] in ("إن", "ان", "اي", "إي") and (
                start == 3 or not text[start - 4].isalpha()):
            start, cut = start - 3, 0  # "إن.بي.سي" (NBC), "إي.بي.سي": the acronym's first letter name, not إن
        normalized = span_normalized(text, start, end, cut)
        if typ is EntityType.LOC and j - i == 1 and identity_key(normalized) == _THE_CITY:
            if not _medina_cue(words[sidx], i):
                continue  # "سيطرت القوات على المدينة", "غرب المدينة": the city the story spoke of, no name
            normalized = _MEDINA  # "أمين المدينة", "مكة والمدينة", "سبق- المدينة:": Medina, not "the city"
        country_code = hint.country_code if hint else None
        shared = identity_key(normalized) if typ is EntityType.LOC else ""
        if shared in lex.shared_places:
            title_country = context.country  # "طرابلس" in a Lebanese story
            sent_words = words[sidx]
            before = {k for _, k in first_word_keys(sent_words[i - 1])} if i > 0 else set()
            if shared in lex.shared_countries and ("\u064f" in text[start:end] or before & _COUNTRY_CUES or any(
                    0 <= k < len(sent_words) and is_country_word(sent_words[k], lex) for k in (i - 1, j))):
                # "والكويت وعمان وقطر": among countries, Oman; so is "سلطان عمان", and "عُمان" its damma
                # spells out (when the text keeps its vowels)
                country_code = lex.shared_countries[shared]
            elif before & _CITY_CUES and shared in lex.shared_cities:
                title_country = lex.shared_cities[shared]  # "أمين عمان", "العاصمة عمان": the city
        out.append(EntitySpan(
            sidx, start, end, typ, round(conf, 4), normalized,
            title=title_text, title_country=title_country,
            kb_id=hint.kb_id if hint else None, country_code=country_code, role_span=role_span,
        ))
    return _link_appositive_acronyms(text, out, lex)


_THE_CITY = identity_key("المدينة")
_MEDINA = normalize_for_matching("المدينة المنورة")
# what names Medina by "المدينة" alone in Saudi news: its governance and services before it
_MEDINA_HEADS = frozenset(identity_key(w) for w in (
    "إمارة", "أمانة", "أمين", "منطقة", "محافظ", "أمير", "صحة", "تعليم", "شرطة", "مدني", "جامعة", "مطار", "بلدية",
    "غرفة", "وكيل", "مرور", "فرع", "أهالي", "سكان", "زوار"))
_MEDINA_PAIRED = frozenset(identity_key(w) for w in ("مكة", "المكرمة", "جدة", "الرياض", "الطائف"))  # one word each


def _medina_cue(words: Sequence[str], i: int) -> bool:
    """A bare "المدينة" at token ``i`` is Medina: after one of its bodies or services ("أمين المدينة", "صحة
    المدينة", "إمارة المدينة"), beside Mecca or another Saudi city ("مكة والمدينة", "والمدينة وجدة"), or as a
    dateline ("سبق- المدينة:")."""
    def key(k: int) -> str:
        word = words[k]
        return identity_key(word[1:] if word[:1] == "و" and len(word) > 3 else word)

    before = key(i - 1) if i > 0 else ""
    if before in _MEDINA_HEADS or (words[i][:1] == "و" and before in _MEDINA_PAIRED):
        return True
    if i + 1 < len(words) and words[i + 1][:1] == "و" and key(i + 1) in _MEDINA_PAIRED:
        return True
    return i > 0 and words[i - 1] in ("-", "–") and i + 1 < len(words) and words[i + 1] == ":"


_QAEDA = identity_key("القاعدة")
_BASE_ADJECTIVE = re.compile(r"\s*(?:ال)?(?:جوية|بحرية|عسكرية|جوي|بحري|عسكري|الأمريكية|الأميركية|الروسية)"
                             r"(?![\u0621-\u064a])")
# "القاعدة" as the rule, the foundation, the base of support: "القاعدة والمرتكز", "القاعدة الشعبية"
_RULE_AFTER = re.compile(r"\s*(?:ال(?:أساسية|اساسية|شعبية|ذهبية|عامة|عريضة|جماهيرية|فقهية|صلبة|اقتصادية|صناعية|"
                         r"إنتاجية|انتاجية|أولى|الأولى|قانونية|شرعية)|و(?:المرتكز|الأساس|الاساس|الاستثناء|المنطلق))"
                         r"(?![\u0621-\u064a])")

# a military base the story names: "قاعدة العند الجوية", "قاعدة انجرليك", "قاعدة عسكرية"
_BASE_NAMED = re.compile(r"(?<![\u0621-\u064a])(?:[وبلف]|ب?ال|لل)?قاعدة\s+(?:(?:ال)?[\u0621-\u064a]+\s+(?:ال)?"
                         r"(?:جوية|بحرية|عسكرية)|(?:ال)?(?:جوية|بحرية|عسكرية)|(?:ال)?(?:عند|حبانية|انجرليك|إنجرليك|"
                         r"أنجرليك|حميميم|عين الأسد|سبايكر|العديد|الظفرة|صلالة))(?![\u0621-\u064a])")
# the organisation named as such: then a bare "القاعدة" stays al-Qaeda
_QAEDA_NAMED = re.compile(r"تنظيم\s+القاعدة|القاعدة\s+في\s+(?:جزيرة|بلاد|اليمن)")  # (also "لتنظيم القاعدة")


# al-Qaeda acting beside another group, or its members: "اصطفاف القاعدة مع الشرعية", "القاعدة وجماعة الحوثي"
_QAEDA_AFTER = re.compile(r"\s+(?:مع|و(?:جماعة|تنظيم|داعش|الحوثي|حزب|المتطرفين))(?![\u0621-\u064a])")
_QAEDA_BEFORE = re.compile(r"(?:اصطفاف|عناصر|مسلحو|مسلحي|مقاتلو|مقاتلي|زعيم|قيادي|قيادات|فرع|أعضاء|خلايا|"
                           r"إرهابيي|ارهابيي)\s+$")  # (unanchored before: "وعناصر", "ومسلحي" too)


def story_names_a_base(text: str) -> bool:
    """The story names a military base ("قاعدة العند الجوية", "قاعدة انجرليك") and never al-Qaeda as an
    organisation ("تنظيم القاعدة", "القاعدة في جزيرة العرب")."""
    return _BASE_NAMED.search(text) is not None and _QAEDA_NAMED.search(text) is None


def not_al_qaeda(text: str, start: int, end: int, base_story: Callable[[], bool] | None = None) -> bool:
    """A bare "القاعدة" at ``start:end`` is a military base or a common noun, not al-Qaeda: an adjective of a
    base follows it ("القاعدة البحرية", "القاعدة الجوية") or one of the rule or the foundation ("القاعدة الشعبية",
    "القاعدة والمرتكز"), or the story names a base and never al-Qaeda (:func:`story_names_a_base`; ``base_story``:
    that answer, read once per document) and this one is not an armed group's ("عناصر القاعدة", "اصطفاف القاعدة مع
    الشرعية", "القاعدة وجماعة الحوثي")."""
    if _BASE_ADJECTIVE.match(text, end) or _RULE_AFTER.match(text, end):
        return True
    if _QAEDA_AFTER.match(text, end) is not None or _QAEDA_BEFORE.search(text, max(0, start - 20), start):
        return False
    return base_story() if base_story is not None else story_names_a_base(text)


_BRACKET_PAIRS = {"«": "»", "“": "”", "(": ")", '"': '"', "{": "}"}
_BRACKET_CLOSERS = frozenset(_BRACKET_PAIRS.values())


def balance_brackets(tokens: Sequence[str], i: int, j: int) -> tuple[int, int]:
    """The token span ``[i, j)`` of a name without an unbalanced bracket or quotation mark inside it: a closer
    whose opener is outside ends the name before it ('بي.سي" الاميركية' → "بي.سي"); an opener whose closer is
    outside ends it too ("حزب العمال الكردستاني (بي كيه كيه" → the party), unless a single head word stands
    before it, when the name is what the brackets hold ("منظمة «هيومان رايتس ووتش" → "هيومان رايتس ووتش")."""
    stack: list[int] = []
    quote_open = sum(t == '"' for t in tokens[:i]) % 2 == 1  # a straight quote opened before the name
    for k in range(i, j):
        w = tokens[k]
        if stack and w == _BRACKET_PAIRS[tokens[stack[-1]]]:
            stack.pop()
        elif w in _BRACKET_CLOSERS and (w != '"' or quote_open):
            return (i, k) if k > i else (k + 1, j)
        elif w in _BRACKET_PAIRS:
            stack.append(k)
    if not stack:
        return i, j
    k = stack[0]
    return (k + 1, j) if k - i <= 1 else (i, k)


# an imperfect verb in the plural, with its future س ("سيسلمون", "يسعون"): no name's word
_PLURAL_VERB = re.compile(r"^[وف]?س?[يت][^\W\d_]{2,}ون$")
_NAME_PARTICLES = frozenset(identity_key(w) for w in ("عبد", "أبو", "ابو", "أبي", "بن", "ابن", "أم", "آل", "بنت"))


def _language_word(word: str, lex: EntityLexicon) -> bool:
    """A word the dictionary knows as a word of the language, as written or without a proclitic, that is no
    given name, title, place, known name or name particle ("رمز", "اتحادي", "يقيل", "لوسائل"; not "عبد")."""
    key = identity_key(word)
    if (key in lex.given_names or key in lex.titles or key in lex.place_types or lex.is_known_name(key)
            or key in _NAME_PARTICLES):
        return False
    norm = normalize_for_matching(word)
    return is_common_word(norm) or (len(norm) > 3 and norm[0] in "وفبلك" and is_common_word(norm[1:]))


def _document_name_then_words(words: Sequence[str], i: int, j: int, keys: set[tuple[str, ...]],
                              lex: EntityLexicon) -> int:
    """The end of the longest name of this story's persons (``keys``) that starts the person span [i, j) and is
    followed there only by words of the language ("بوتفليقة يقيل" → "بوتفليقة", "المعلمي ومعالي" → "المعلمي");
    ``j`` when there is none."""
    norms = [normalize_for_matching(w) for w in words[i:j]]
    for k in range(j - 1, i, -1):
        if tuple(norms[: k - i]) in keys and all(_language_word(w, lex) for w in words[k:j]):
            return k
    return j


def _common_word_then_kb_person(words: Sequence[str], i: int, j: int, lex: EntityLexicon,
                                frequency: Callable[[str], int]) -> bool:
    """True for a person span whose first word is a frequent common word, no name, and whose rest is a KB
    person's name or family name ("بيان برزاني", "تصريحات روحاني")."""
    key = identity_key(words[i])
    if (key in lex.given_names or key in _NAME_PARTICLES or key in lex.titles or lex.is_known_name(key)
            or frequency(normalize_for_matching(words[i])) < COMMON_WORD_BUCKET + 2):
        return False
    if words[i][:1] == "و" and words[i][1:] not in FUNCTION_WORDS_AS_WRITTEN and (
            identity_key(words[i][1:]) in lex.given_names):
        return False  # "وعلي الشمراني": و + the given name علي (not "وعلى")
    rest = identity_key(" ".join(words[i + 1 : j]))
    ids = lex.kb.named_by(rest)
    return bool(ids) and all(lex.kb.actors[k].type == EntityType.PER.value for k in ids)


def _preposition_on_common_word(first: str, lex: EntityLexicon, frequency: Callable[[str], int]) -> bool:
    """True for a first word that is ب/ل + a frequent common word ("بنشر", "لحضور", "لخمسة"), never a
    known name as written or after the preposition ("لعلي", "بدر")."""
    norm = normalize_for_matching(first)
    if norm[:1] not in ("ب", "ل") or norm.startswith(("ال", "لل")) or len(norm) < 4:
        return False
    stem = norm[1:]
    if lex.is_known_name(identity_key(norm)) or lex.is_known_name(identity_key(stem)) or (
            identity_key(stem) in lex.given_names or identity_key(norm) in lex.given_names):
        return False
    return frequency(stem) >= COMMON_WORD_BUCKET and frequency(stem) > frequency(norm)


# the word before a name a city and a country share that says which it is ("سلطان عمان", "أمين عمان")
_COUNTRY_CUES = frozenset(identity_key(w) for w in (
    "سلطان", "سلطنة", "سفير", "سفيرة", "سفارة", "لسفارة", "منتخب", "خام", "خامي", "حكومة", "شعب"))
_CITY_CUES = frozenset(identity_key(w) for w in ("أمين", "أمانة", "العاصمة", "شوارع", "مطار", "وسط"))

_URL_WORD = re.compile(r"(?i)(www|https?|com|net|org)$")
_APPOSITIVE_GAP = re.compile(r"\s*[(«\"“]\s*")


def _link_appositive_acronyms(text: str, spans: list[EntitySpan], lex: EntityLexicon) -> list[EntitySpan]:
    """A body named in full and then by its known short form in brackets or quotes is that KB actor:
    "منظمة البلدان المصدرة للبترول (أوبك)" is OPEC however the full name is worded."""
    out = list(spans)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if (a.kb_id is None and b.kb_id is not None and a.type == b.type == EntityType.ORG
                and a.sentence_idx == b.sentence_idx and b.kb_id in lex.kb.actors
                and _APPOSITIVE_GAP.fullmatch(text[a.end : b.start])):
            out[n] = replace(a, kb_id=b.kb_id)
    return out
