"""Readable romanisation of Arabic names ("محمد بن سلمان" → "Mohammed bin Salman"), not Buckwalter.

Used for ``entities.name_en`` when neither the knowledge base nor the gazetteer names an entity in English.
Name parts come from ``name_parts_en.tsv`` and from the knowledge base (its Arabic and English names aligned
word by word where both have as many words); other words are spelt letter by letter with the long vowels
written and an "a" where a word would start or end with two consonants. The article is written "al-".

An institution's name is translated instead when every word of it is known (:func:`translate_name`:
"وزارة الداخلية الكويتية" → "Ministry of Interior (Kuwait)", not "Wazara al-Dakhlia al-Kuytia").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from pipeline.lexicons import load_kb, nisba_forms, places, read_rows
from pipeline.nlp.text import identity_key

_LETTERS = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "ى": "a", "ء": "'",
    "ئ": "'", "ؤ": "'", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_VOWELS = frozenset("aiu")


@cache
def _name_parts() -> dict[str, str]:
    parts: dict[str, str] = {}
    kb = load_kb()
    for actor in kb.actors.values():
        if actor.type != "PER":  # an organisation's English name does not follow the Arabic word order
            continue
        ar = identity_key(actor.name_ar).split()
        en = actor.name_en.split("(")[0].split()
        if len(ar) == len(en):
            for a, e in zip(ar, en, strict=True):
                parts.setdefault(a, e)
    for form, english in read_rows("name_parts_en.tsv", ("form", "english")):
        parts[identity_key(form)] = english  # the curated spelling wins
    return parts


def _spell(word: str) -> str:
    """Letter by letter: و/ي are vowels between consonants, consonants at the start and after a vowel."""
    if len(word) >= 4 and word.endswith("ه"):  # a folded ta marbuta: قصرة → qasra
        word = word[:-1] + "ة"
    out: list[str] = []
    for i, ch in enumerate(word):
        prev_vowel = bool(out) and out[-1][-1:] in _VOWELS
        if ch == "و":
            out.append("w" if i == 0 or prev_vowel else "u")
        elif ch == "ي":
            out.append("y" if i == 0 or prev_vowel else "i")
        else:
            out.append(_LETTERS.get(ch, ch))
    text = "".join(out)
    if text.startswith("'") and len(text) > 2 and text[1] not in _VOWELS:
        text = "a" + text[1:]  # an initial ع before a consonant is heard as a vowel: عسير → asir, عمري → amri
    text = text.strip("'")
    if len(text) >= 3 and text[0] not in _VOWELS and text[1] not in _VOWELS and text[:2] not in ("sh", "th", "kh",
                                                                                                  "gh", "dh"):
        text = text[0] + "a" + text[1:]
    if len(text) >= 3 and text[-1] not in _VOWELS and text[-2] not in _VOWELS and text[-2:] not in ("sh", "th",
                                                                                                   "kh", "gh", "dh"):
        text = text[:-1] + "a" + text[-1]
    return text


def _word(word: str) -> str:
    parts = _name_parts()
    key = identity_key(word)
    if key in parts:
        return parts[key]
    if key.startswith("ال") and len(key) > 3:
        rest = key[2:]
        return "al-" + (parts.get(rest) or _spell(rest).capitalize())
    if key.startswith("ابو") and len(key) > 4:  # identity keys write أبو X as one word
        return "Abu " + _word(key[3:])
    if key.startswith("عبدال") and len(key) > 6:
        return "Abdul" + (parts.get("ال" + key[5:]) or _spell(key[5:])).lower().removeprefix("al-")
    return _spell(key).capitalize() if any(c.isalpha() for c in key) else word


def romanize_name(name: str) -> str:
    """English spelling of an Arabic name; Latin words pass through as written."""
    words = identity_key(name).split()
    out = [_word(w) if any("\u0600" <= c <= "\u06ff" for c in w) else w for w in words]
    text = " ".join(out)
    return text if text[1:2].isupper() else text[:1].upper() + text[1:]  # ("iPhone" keeps its small i)


# --- institution names in English ----------------------------------------------------------------------------
_PREPOSITIONS = (("و", "and"), ("ب", "in"), ("لل", "for"), ("ل", "for"))  # a proclitic opening a new phrase
_WORD_PREPOSITIONS = {"في": "in"}  # … and a preposition written as a word (identity keys)
_ARABIAN, _SAUDI = identity_key("العربية"), identity_key("السعودية")  # "العربية السعودية": Saudi Arabian
_OF_THE_HEAD = frozenset({"Charitable"})  # adjectives of the institution itself ("جمعية العيون الخيرية")
_PERSON_LINKS = frozenset({"بن", "بنت", "ال"})
_MAX_PHRASE = 4  # words of the longest glossary entry or place name looked up
_PLACE_CLASSES = frozenset({"Governorate", "Region", "City", "State"})  # before a place: "Jeddah Governorate"
# heads English names with "of" ("Ministry of Interior", "Court of Appeal"); the others take what they are named
# after before them ("Housing Bank", "Buraydah Dates Festival", "News Agency")
_OF_HEADS = frozenset({
    "Ministry", "Authority", "General Authority", "Council", "Municipality", "Emirate", "University", "College",
    "Court", "Administration", "General Directorate", "Directorate", "Presidency", "General Presidency",
    "Federation", "Committee", "Supreme Committee", "Chamber", "Institute", "Organization", "League", "Syndicate",
    "Department", "Unit", "Branch", "Sector", "Office", "Corporation", "General Corporation", "Party", "Movement",
    "Association", "Academy", "Service", "Forces", "Armed Forces", "Army", "Police", "Guard", "Parliament",
})


@dataclass(frozen=True)
class _Glossary:
    heads: dict[str, str]  # identity key without the article -> English, of the words that open a name
    words: dict[str, tuple[str, str]]  # the same -> (English, role) of every other reading
    places: dict[str, str]  # identity key of a place name without the article -> its English name
    countries: dict[str, str]  # identity key of a nationality adjective -> the country's English name


def _bare(key: str) -> str:
    """An identity key without the article of its first word."""
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


@cache
def country_english() -> dict[str, str]:
    """ISO code -> the gazetteer's English name of the country."""
    out: dict[str, str] = {}
    for entry in places().values():
        if entry.subtype == "country" and entry.country_code and entry.name_en:
            out.setdefault(entry.country_code, entry.name_en)
    return out


@cache
def _glossary() -> _Glossary:
    heads: dict[str, str] = {}
    words: dict[str, tuple[str, str]] = {}
    for form, english, role in read_rows("name_words_en.tsv", ("form", "english", "role")):
        if role not in ("head", "noun", "adj", "title") or not english:
            raise ValueError(f"name_words_en.tsv: row {form!r} needs an English name and a role head|noun|adj|title")
        forms = [form, form + "ة"] if role == "adj" and not form.endswith(("ة", "ى", "ا")) else [form]
        for f in forms:
            key = " ".join(_bare(w) for w in identity_key(f).split())
            if role == "head":
                heads.setdefault(key, english)
            else:
                words.setdefault(key, (english, role))
    gazetteer: dict[str, str] = {}
    for norm, entry in places().items():
        if entry.name_en:  # (without a gloss in brackets: "Al-Ahsa (Al-Hofuf)" is "Al-Ahsa" inside a name)
            english = entry.name_en.split(" (")[0].replace("’", "'")
            gazetteer.setdefault(" ".join(_bare(w) for w in identity_key(norm).split()), english)
    country_en = country_english()
    countries = {identity_key(form): country_en[code] for form, code in nisba_forms().items()
                 if code and code in country_en}
    return _Glossary(heads, words, gazetteer, countries)


@dataclass
class _Group:
    """A noun of the name with its adjectives (English puts them first, in the reverse order)."""

    noun: str
    kind: str  # head | noun | place | person
    adjectives: list[str] = field(default_factory=list)

    def english(self) -> str:
        return " ".join([*reversed(self.adjectives), self.noun])


def _phrase(words: list[str], gl: _Glossary, first: bool = False) -> tuple[str, str, int] | None:
    """(English, role, words taken) of the longest glossary entry or place at the start of ``words``. Only the
    name's ``first`` word reads as a head ("بلدية": Municipality); after it a word is an adjective, a noun or a
    place ("الانتخابات البلدية": Municipal Elections), never a head again ("كلية دار العلوم" is no "College of
    House of Sciences")."""
    for n in range(min(_MAX_PHRASE, len(words)), 0, -1):
        key = " ".join(_bare(w) for w in words[:n])
        if first and key in gl.heads:
            return gl.heads[key], "head", n
        if key in gl.words:
            return (*gl.words[key], n)
        if key in gl.places:
            return gl.places[key], "place", n
    return None


def _person(words: list[str]) -> tuple[str, int]:
    """(English, words taken) of a person's name: the name parts the romanisation knows, "بن" between them."""
    parts = _name_parts()
    taken: list[str] = []
    for w in words:
        if w in _PERSON_LINKS or w in parts or (w.startswith("ال") and w[2:] in parts):
            taken.append(w)
        else:
            break
    while taken and taken[-1] in _PERSON_LINKS:
        taken.pop()
    return " ".join(_word(w) for w in taken), len(taken)


def translate_name(name: str) -> str | None:
    """The English of an institution's name whose every word the glossary (``name_words_en.tsv``), the
    gazetteer or the name parts know, in English order: adjectives before their noun, "of" between a noun and
    the one it governs, a person's name (its parts known) first ("جامعة الملك عبدالعزيز" → "King Abdulaziz
    University", "شارع خالد بن الوليد" → "Khalid bin al-Waleed Street"), و/ب/ل and في
    as "and"/"in"/"for"/"in", a nationality adjective closing the name as its country ("الجيش التركي" → "Army
    (Türkiye)"). None for one word, a name that does not open with an institution's head noun and one that holds
    a word none of them knows: a half-translated name would be worse than a romanised one."""
    gl = _glossary()
    words = identity_key(name).split()
    if len(words) < 2:  # one word is a name of its own: "الاتحاد" is the club, not "Federation"
        return None
    country = gl.countries.get(words[-1])
    if country is not None:
        saudi = words[-1] == _SAUDI
        words = words[:-1]
        if saudi and words and words[-1] == _ARABIAN:
            words = words[:-1]  # "جمعية الكشافة العربية السعودية": Saudi Arabian, not "Arab … (Saudi Arabia)"
    segments: list[tuple[str | None, list[_Group]]] = [(None, [])]
    i = 0
    pending: str | None = None  # a preposition written as a word of its own ("في": in), for the next phrase
    while i < len(words):
        if i > 0 and pending is None and words[i] in _WORD_PREPOSITIONS and i + 1 < len(words):
            pending = _WORD_PREPOSITIONS[words[i]]  # "الغرفة التجارية الصناعية في جدة"
            i += 1
            continue
        found = _phrase(words[i:], gl, first=i == 0)
        preposition, pending = pending, None
        if found is None and i > 0 and preposition is None:
            for clitic, english in _PREPOSITIONS:
                if words[i].startswith(clitic) and len(words[i]) > len(clitic) + 1:
                    rest = words[i][len(clitic):]
                    rest = "ال" + rest if clitic == "لل" else rest
                    found = _phrase([rest, *words[i + 1:]], gl)
                    if found is not None:
                        preposition = english
                        break
        if found is None and i > 0 and (named := _person(words[i:]))[1] >= 2:
            # a person it is named after, "شارع خالد بن الوليد"; two words at least: one ("الصيد", "النور") is
            # as often a word of the language as a name
            found = (named[0], "person", named[1])
        if found is None:
            return None
        english, role, n = found
        if i == 0 and role != "head":
            return None
        groups = segments[-1][1]
        if preposition == "and" and role == "adj" and groups and groups[-1].adjectives:
            groups[-1].adjectives[-1] += f" and {english}"  # "التقني والمهني": Technical and Vocational
            i += n
            continue
        if preposition is not None:
            segments.append((preposition, []))
        groups = segments[-1][1]
        if role == "place" and groups and groups[-1].kind == "noun" and groups[-1].noun in _PLACE_CLASSES:
            groups[-1] = _Group(f"{english} {groups[-1].noun}", "place")  # "محافظة جدة": Jeddah Governorate
            i += n
            continue
        if role == "adj":
            owner = next((g for g in reversed(groups) if g.kind in ("head", "noun") and (
                english not in _OF_THE_HEAD or g.kind == "head")), None)  # (a charity is the institution)
            if owner is None:
                return None
            owner.adjectives.append(english)
        elif role == "title":
            holder, m = _person(words[i + n:])
            if not m:
                return None
            groups.append(_Group(f"{english} {holder}", "person"))
            n += m
        elif role == "person":
            groups.append(_Group(english, "person"))
        else:
            groups.append(_Group(english, role))
        i += n
    if any(not groups for _, groups in segments):
        return None
    first = segments[0][1]
    joined = 1  # the "and" segments of one noun each right after the first (the nouns the head is named after)
    while joined < len(segments) and segments[joined][0] == "and" and len(segments[joined][1]) == 1 and (
            segments[joined][1][0].kind == "noun"):
        joined += 1
    if (joined >= 2 and len(first) == 2 and first[0].kind == "head" and first[0].noun not in _OF_HEADS
            and first[1].kind == "noun"):
        # "مستشفى الولادة والأطفال": "Maternity and Children Hospital", not "Maternity Hospital and Children";
        # "مستشفى النساء والولادة والأطفال": "Women, Maternity and Children Hospital"
        nouns = [first[1].english(), *(segments[k][1][0].english() for k in range(1, joined))]
        first[1] = _Group(f"{', '.join(nouns[:-1])} and {nouns[-1]}", "noun")
        segments = [segments[0], *segments[joined:]]
    parts = []
    for preposition, groups in segments:
        if len(groups) >= 2 and groups[0].kind == "head" and (
                groups[0].noun not in _OF_HEADS or (len(groups) == 2 and groups[1].kind == "person")):
            # what the head is named after, before it: "King Abdulaziz University", "Buraydah Dates Festival"
            text = " ".join(g.english() for g in reversed(groups))
        else:
            text = " of ".join(g.english() for g in groups)
        parts.append(f"{preposition} {text}" if preposition else text)
    text = " ".join(parts)
    return f"{text} ({country})" if country else text
