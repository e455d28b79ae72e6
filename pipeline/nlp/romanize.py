"""Readable romanisation of Arabic names ("محمد بن سلمان" → "Mohammed bin Salman"), not Buckwalter.

Used for ``entities.name_en`` when neither the knowledge base nor the gazetteer names an entity in English.
Name parts come from ``name_parts_en.tsv`` and from the knowledge base (its Arabic and English names aligned
word by word where both have as many words); other words are spelt letter by letter with the long vowels
written and an "a" where a word would start or end with two consonants. The article is written "al-".
"""

from __future__ import annotations

from functools import cache

from pipeline.lexicons import load_kb, read_rows
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
    text = "".join(out).strip("'")
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
    return text[:1].upper() + text[1:]
