"""Arabic text primitives: cleaning, matching normalisation, tokens with offsets, clitics.

Two forms of a text exist in Akhbar:

* the **stored text** (``documents.text``): Unicode-normalised, cleaned of control characters and tatweel,
  letters kept as written. Every offset in the warehouse points into it.
* the **matching form** (:func:`normalize_for_matching`): diacritics removed, alef/ya/ta-marbuta variants
  folded, Arabic-Indic digits turned into ASCII. Used for lookups and grouping, never for offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.charmap import CharMapper
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# zero-width and bidirectional control characters, BOM, soft hyphen
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff" + TATWEEL + "]")
_HSPACE_RE = re.compile(r"[^\S\n]+")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# fold_text's characters: camel-tools' Arabic diacritics and the tatweel dropped, alef forms → ا, ى → ي, ة → ه,
# Arabic-Indic digits → ASCII
_FOLD_TABLE = {**dict.fromkeys(map(ord, "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670" + TATWEEL)),
               **{ord(c): "\u0627" for c in "\u0625\u0623\u0671\u0622"}, ord("\u0649"): "\u064a",
               ord("\u0629"): "\u0647", **_ARABIC_INDIC_DIGITS}

# Punctuation an analyst quotes as written: camel-tools' arclean would make it ASCII (، → ,  ؟ → ?  « → ")
KEPT_PUNCTUATION = frozenset("،؛؟«»“”‘’")
# titles written as one letter and a point before a name: "د. بخاري" (دكتور), "م. جديع" (مهندس), "أ. فاتن" (أستاذ)
ABBREVIATED_TITLES = ("د", "م", "أ")


def _arclean_keeping(kept: frozenset[str]) -> CharMapper:
    """camel-tools ``arclean`` with the characters ``kept`` left as they are."""
    arclean = CharMapper.builtin_mapper("arclean")
    charmap = getattr(arclean, "_charmap", None)
    if not isinstance(charmap, dict):  # a camel-tools without the map we derive from: arclean as it is
        return arclean
    return CharMapper({k: (k if k in kept else v) for k, v in charmap.items()}, getattr(arclean, "_default", None))


_ARCLEAN = _arclean_keeping(KEPT_PUNCTUATION)
# the kept characters as arclean writes them (one for one, so offsets hold): to compare with ASCII-punctuated text
ASCII_PUNCTUATION = str.maketrans({c: CharMapper.builtin_mapper("arclean")(c) for c in KEPT_PUNCTUATION})

# Proclitics that may precede a name: conjunction (و ف), then preposition (ب ل ك). The article ال is
# part of the name and never stripped.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_CLITIC_PREFIXES = tuple(c + p for c in ("", *_CONJUNCTIONS) for p in ("", *_PREPOSITIONS) if c + p)
_CLITIC_INITIALS = frozenset(p[0] for p in _CLITIC_PREFIXES)


def clean_text(raw: str) -> str:
    """Return the stored form of a raw article text.

    NFKC-style Unicode normalisation (camel-tools ``normalize_unicode``) and ``arclean`` — except that the
    Arabic comma, semicolon and question mark and the quotation marks «» “” ‘’ stay as written — then removal of
    zero-width/bidi marks and tatweel, LF newlines, single spaces inside lines, no trailing spaces, at most
    one blank line in a row, no leading/trailing blank lines. Idempotent.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    text = normalize_unicode(text)
    text = _ARCLEAN(text)
    text = _INVISIBLE_RE.sub("", text)
    lines = [_HSPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _MANY_NEWLINES_RE.sub("\n\n", text)
    return text.strip()


_DIACRITICS_PATTERN = "[\u064b-\u0652\u0670\u0640]*"
_LETTER_CLASSES = {"أ": "[أاإآ]", "ا": "[أاإآ]", "إ": "[أاإآ]", "آ": "[أاإآ]", "ي": "[يى]", "ى": "[يى]",
                   "ة": "[ةه]", "ه": "[ةه]", " ": r"\s+"}


def variant_pattern(word: str) -> str:
    """A regular expression for ``word`` as written in running text: alef/ya/ta-marbuta spelt either way,
    diacritics and tatweel allowed between letters, any run of spaces between words."""
    return _DIACRITICS_PATTERN.join(_LETTER_CLASSES.get(ch) or re.escape(ch) for ch in word) + _DIACRITICS_PATTERN


def normalize_digits(text: str) -> str:
    """Turn Arabic-Indic and Persian digits into ASCII digits (length-preserving)."""
    return text.translate(_ARABIC_INDIC_DIGITS)


def fold_text(text: str) -> str:
    """Matching form of any text, uncached (use it for whole documents; :func:`normalize_for_matching`
    caches words and names): no diacritics/tatweel, أ/إ/آ/ٱ→ا, ى→ي, ة→ه, ASCII digits, single spaces.
    Used to compare, never to compute offsets. After NFKC, one character table does what camel-tools'
    ``dediac_ar``, ``normalize_alef_ar``, ``normalize_alef_maksura_ar`` and ``normalize_teh_marbuta_ar`` do
    one after the other (each maps or drops single characters; :func:`fold_text_camel` is the reference, and
    a test compares the two)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.translate(_FOLD_TABLE).split())


def fold_text_camel(text: str) -> str:
    """:func:`fold_text` step by step with camel-tools' functions (the reference it is tested against)."""
    text = unicodedata.normalize("NFKC", text)
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    text = normalize_digits(text)
    return " ".join(text.split())


normalize_for_matching = lru_cache(maxsize=200_000)(fold_text)
"""Matching form of a word or phrase (:func:`fold_text`, cached: lookups repeat the same words)."""

_HAMZA_SEATS = str.maketrans({"ء": None, "ئ": "ي", "ؤ": "و"})


def fold_hamza(text: str) -> str:
    """The matching form with hamza seats folded too (ء dropped, ئ→ي, ؤ→و): a coarser key for
    spotting the same text in corpora that spell hamza differently."""
    return normalize_for_matching(text).translate(_HAMZA_SEATS)


_JOINED_PARTS_RE = re.compile(r"(?:(?<=^)|(?<= ))(عبد|ابو|دا|دي|دو|فان|فون|ديل) (?=\S)")
_ALLAH_RE = re.compile(r"(?<=\S) (?=الله(?: |$))")
_IBN_RE = re.compile(r"(?<=\S) ابن (?=\S)")


@lru_cache(maxsize=200_000)
def identity_key(name: str) -> str:
    """The key two spellings of one name share: the matching form with hamza seats folded
    (:func:`fold_hamza`), the two-word name parts written as one ("عبد الله" = "عبدالله",
    "أبو بكر" = "أبوبكر", "نصر الله" = "نصرالله", and the particles of European names: "دا سيلفا" =
    "داسيلفا", "فان جال" = "فانجال", "دي ماريا" = "ديماريا"), "ابن" between names written "بن", and "ديموقراطي" =
    "ديمقراطي", and the two hamza seats of "شؤون"/"شئون" and "مسؤول"/"مسئول" ("وزارة الشئون الاجتماعية" =
    "وزارة الشؤون الاجتماعية"). Compares names, never text offsets."""
    key = fold_hamza(name).replace("ديموقراط", "ديمقراط")  # two spellings of one loanword
    key = key.replace("شيون", "شوون").replace("مسيول", "مسوول")  # ئ or ؤ: both spellings are common
    if " " not in key:
        return key  # (each pattern below joins or rewrites words around a space)
    key = _JOINED_PARTS_RE.sub(r"\1", key)
    key = _ALLAH_RE.sub("", key)
    return _IBN_RE.sub(" بن ", key)


def arabic_letter_ratio(text: str) -> float:
    """Share of Arabic letters among the letters of ``text`` (0.0 when it has no letters)."""
    letters, arabic = letter_counts(text)
    return arabic / letters if letters else 0.0


def letter_counts(text: str) -> tuple[int, int]:
    """(letters, Arabic letters) of ``text`` (each distinct character classified once)."""
    letters = arabic = 0
    for ch, n in Counter(text).items():
        if ch.isalpha():
            letters += n
        if _ARABIC_LETTER_RE.match(ch):
            arabic += n
    return letters, arabic


@dataclass(slots=True, unsafe_hash=True)  # not frozen: made millions of times, and a frozen __init__ costs 3x
class Token:
    """A token and its character span: ``text[start:end] == token.text`` (treat as read-only)."""

    text: str
    start: int
    end: int


_NON_SPACE_RE = re.compile(r"\S+")


@lru_cache(maxsize=1 << 18)
def _word_pieces(word: str) -> tuple[tuple[str, int], ...]:
    """(token, offset in ``word``) of ``simple_word_tokenize`` over one whitespace-free word (cached: a
    corpus has far fewer word types than words)."""
    out, pos = [], 0
    for tok in simple_word_tokenize(word):
        start = word.index(tok, pos)
        out.append((tok, start))
        pos = start + len(tok)
    return tuple(out)


@lru_cache(maxsize=1)
def _one_pass_tokens() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the characters that send a text to the word-by-word path, one pattern for every token of any other text).

    ``simple_word_tokenize`` splits off each match of its symbol pattern that is in its symbol set. In a text
    without emoji joiners (U+FE0F, U+20E3, U+200D) and without characters beyond the BMP (regional indicators,
    skin tones, tag characters, most emoji), every such match is one character, whatever follows it; so the
    tokens are those characters and the runs of other non-space characters between them, which one pattern
    finds in one pass."""
    from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE

    split = sorted(c for c in _SYMBOLS_ALL if len(c) == 1 and ord(c) < 0x10000
                   and (m := _SYMBOLS_RE.match(c)) is not None and m[0] == c)
    chars = "".join(re.escape(c) for c in split)
    return (re.compile("[\ufe0f\u20e3\u200d\U00010000-\U0010ffff]"),
            re.compile(f"[{chars}]|[^\\s{chars}]+"))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """camel-tools ``simple_word_tokenize`` with character offsets.

    Tokens are exactly those of ``simple_word_tokenize`` (punctuation split off words), found in one regular
    expression pass (:func:`_one_pass_tokens`), or, in a text with emoji sequences, word by word (each word
    tokenised once per process and cached); ``offset`` is added to every span so a sentence can be tokenised
    in place inside its document.
    """
    unsafe, one_pass = _one_pass_tokens()
    if unsafe.search(text) is None:
        return [Token(m.group(), m.start() + offset, m.end() + offset) for m in one_pass.finditer(text)]
    tokens: list[Token] = []
    for m in _NON_SPACE_RE.finditer(text):
        base = m.start() + offset
        for tok, at in _word_pieces(m.group()):
            tokens.append(Token(tok, base + at, base + at + len(tok)))
    return tokens


def count_tokens(text: str) -> int:
    """Number of ``simple_word_tokenize`` tokens in ``text`` (one pass, or per word as :func:`tokenize`)."""
    unsafe, one_pass = _one_pass_tokens()
    if unsafe.search(text) is None:
        return len(one_pass.findall(text))
    return sum(map(_piece_count, text.split()))


@lru_cache(maxsize=1 << 18)
def _piece_count(word: str) -> int:
    return len(_word_pieces(word))


def proclitic_splits(word: str, min_stem: int = 2) -> list[int]:
    """Candidate lengths of a proclitic prefix of ``word``, longest first, always ending with 0.

    Covers و/ف, ب/ل/ك and their combinations (وب، ول، فل، وك …). A split is offered only when at least
    ``min_stem`` characters remain. The article ال is never treated as a clitic.
    """
    return list(_proclitic_splits(word, min_stem))


@lru_cache(maxsize=1 << 18)
def _proclitic_splits(word: str, min_stem: int) -> tuple[int, ...]:
    if not word or word[0] not in _CLITIC_INITIALS:
        return (0,)
    splits: set[int] = set()
    for prefix in _CLITIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            splits.add(len(prefix))
    return (*sorted(splits, reverse=True), 0)


def stem_variants(word: str, prefix_len: int) -> list[str]:
    """Matching forms a name can take after removing ``prefix_len`` proclitic characters.

    ``للكرملين`` minus ``ل`` is ``لكرملين`` in the text but stands for ``الكرملين``: when a ل preposition
    is stripped before a word starting with ل, the article form is offered as well.
    """
    return list(_stem_variants(word, prefix_len))


@lru_cache(maxsize=1 << 18)
def _stem_variants(word: str, prefix_len: int) -> tuple[str, ...]:
    stem = word[prefix_len:]
    variants = [normalize_for_matching(stem)]
    if prefix_len and word[prefix_len - 1] == "ل" and stem.startswith("ل") and len(stem) > 2:
        variants.append(normalize_for_matching("ا" + stem))
    return tuple(variants)


def has_arabic(text: str) -> bool:
    """True when ``text`` contains at least one Arabic letter."""
    return _ARABIC_LETTER_RE.search(text) is not None


# country-code top-level domains that are not a country's press ("tv", "io", "co" …) or not ISO codes ("uk")
_GENERIC_CC_TLDS = frozenset({"tv", "io", "co", "me", "fm", "ai", "cc", "ws", "to", "la", "gg", "im", "am"})
_TLD_TO_ISO = {"uk": "GB"}


def url_country(url: str | None) -> str | None:
    """ISO 3166-1 alpha-2 code of the country an article's address names by its country-code top-level
    domain ("okaz.com.sa" → SA, "bbc.co.uk" → GB); None for generic domains (".com", ".net", ".tv")."""
    if not url:
        return None
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].rstrip(".").lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or not tld.isascii() or not tld.isalpha() or tld in _GENERIC_CC_TLDS:
        return None
    return _TLD_TO_ISO.get(tld, tld.upper())
