"""Article cleaning: stored-form text, boilerplate lines removed, header metadata extracted.

:func:`clean_article` applies :func:`pipeline.nlp.text.clean_text`, then general line-level rules, repeated
until nothing changes (so the result is idempotent):

1. a leading date line (``الخميس, 6 نوفمبر 2025 01:16 AM``, or an agency line
   ``جدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس``) becomes ``published_at`` (and ``dateline``/``source``)
   and is removed;
2. widget lines made only of boilerplate phrases (lexicon ``boilerplate_ar.txt``: ``التعليقات``,
   ``مشاركة المقال:``, ``news-details`` …), label lines (``سمات …``, ``اقرأ أيضا: …``), short mostly-Latin lines
   and lines without letters are removed;
3. a related-links heading (``آخر الأخبار``, ``أخبار ذات صلة`` …) and the block of headlines after it are
   removed (everything after it when the heading is in the second half of the article);
4. a repeated title line, and any line repeating the line before it, are removed;
5. a byline just after the title (``الثورة - منهل إبراهيم:``) gives ``source``/``author`` and is removed;
6. a short final line naming an outlet (lexicon ``outlets_ar.txt``, or 1–3 words without sentence
   punctuation after the last sentence) gives ``source`` and is removed.

The title line stays the first line of the text (mentions in titles matter). A dateline city at the start of
the first paragraph (``موسكو - أكد …``) is recorded in ``dateline`` and kept in the text. Rules are general:
none is keyed to a particular outlet's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from pipeline.lexicons import places, read_lines
from pipeline.nlp.dates import find_dates, parse_published_at
from pipeline.nlp.segment import sentence_spans
from pipeline.nlp.text import clean_text, fold_text, variant_pattern

BOILERPLATE_LEXICON = "boilerplate_ar.txt"
OUTLETS_LEXICON = "outlets_ar.txt"
STOPWORDS_LEXICON = "stopwords_ar.txt"

MAX_PASSES = 8
# chrome cut from the end of a paragraph is short (the longest in the 2,000-article sample: 463 characters, an
# "مقالات أخرى للكاتب" list); a longer "rest of the line" is text (a file without line breaks), never cut
TRAILER_MAX_CHARS = 2_000
RELATED_BLOCK_MAX_CHARS = 5_000  # the same for everything after a related-articles heading
TITLE_MAX_WORDS = 30
FALLBACK_TITLE_WORDS = 20
LABEL_SHORT_WORDS = 6
LATIN_LINE_MAX_WORDS = 12
BYLINE_MAX_WORDS = 10
BYLINE_PART_MAX_WORDS = 4
SIGNATURE_MIN_WORDS = 2  # a lone word at the end is more often a caption or a name than an outlet
SIGNATURE_MAX_WORDS = 3
HEADLINE_MAX_WORDS = 25
HEADING_MAX_WORDS = 6

_SENTENCE_END = (".", "!", "?", "\u061f", ";", "\u061b", "\u2026")
_SENTENCE_END_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_TITLE_BAD_END = (".", "!", ";", ",", ":", "\u060c", "\u061b")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_DIGIT_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"\s+")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:بقلم|كتب|كتبت|كتبه|اعداد|إعداد|تحرير|متابعة|تقرير|ترجمة|حوار|by)\s*[:\-]?\s+(?P<who>.+?)\s*:?$",
    re.IGNORECASE,
)
_CREDIT_SPLIT_RE = re.compile(r"\s+(?:تصوير|تحرير|إعداد|اعداد|ترجمة|متابعة)\s*:?\s*")
_SOURCE_PREFIX_RE = re.compile(r"^(?:المصدر|المصادر|نقلا عن|نقلاً عن|source)\s*[:\-]\s*(?P<src>.+?)\s*\.?$", re.I)
_DATELINE_RE = re.compile(
    r"^(?P<city>[\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2})\s*(?:\((?P<agency>[^()]{1,30})\)\s*)?[-:]\s+\S"
)
_WRITER_SIGNATURE_RE = re.compile(r"^[-\u2013\u2014]+\s*(?P<who>[^\W\d_][^-\u2013\u2014]*?)\s*$")
# byline parts that name no one: "عين اليوم - متابعات"
_NOT_AUTHORS = frozenset({"متابعات", "وكالات", "خاص", "المحرر", "محرر", "التحرير", "فريق التحرير", "مراسلون"})
# words a date line may hold besides the date itself (matching forms)
_DATE_LINE_WORDS = frozenset(
    (
        "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت am pm ص م مساء مساءا صباحا الساعه "
        "نشر في بتاريخ تاريخ النشر اخر تحديث التحديث تم gmt utc بتوقيت غرينتش جرينتش مكه المكرمه "
        "الموافق هـ ه هجري هجريه ميلادي محرم صفر ربيع الاول الثاني الاخر جمادى الاولى الاخره رجب شعبان "
        "رمضان شوال ذو ذي القعده الحجه"
    ).split()
)


@dataclass
class CleanedArticle:
    """A cleaned article: stored text plus metadata found in its header and footer."""

    text: str
    title: str | None
    source: str | None
    author: str | None
    dateline: str | None
    published_at: datetime | None
    removed_lines: list[str] = field(default_factory=list)


@dataclass
class _Found:
    """Metadata collected across passes; the first value found wins."""

    source: str | None = None
    author: str | None = None
    dateline: str | None = None
    published_at: datetime | None = None
    removed: list[str] = field(default_factory=list)

    def set(self, **values: object) -> None:
        for name, value in values.items():
            if value and getattr(self, name) is None:
                setattr(self, name, value)


# --- lexicons ----------------------------------------------------------------------------------------


def line_key(text: str) -> str:
    """Matching form of a line without punctuation: the key lexicons are compared on."""
    key = _PUNCT_RE.sub(" ", fold_text(text).lower())
    return _SPACES_RE.sub(" ", key).strip()


@dataclass(frozen=True)
class _Boilerplate:
    phrases: re.Pattern[str]
    phrase_set: frozenset[str]
    labels: tuple[str, ...]
    headings: frozenset[str]
    trailers: re.Pattern[str] | None  # chrome glued to the end of a paragraph: cut from there to the line end
    last_trailers: re.Pattern[str] | None  # tag lists glued to the article's last paragraph only


@cache
def _boilerplate() -> _Boilerplate:
    phrases: set[str] = set()
    labels: set[str] = set()
    headings: set[str] = set()
    trailers: list[str] = []
    last_trailers: list[str] = []
    for entry in read_lines(BOILERPLATE_LEXICON):
        if entry.startswith("$"):
            trailers.append(entry[1:].strip())
        elif entry.startswith("%"):
            last_trailers.append(entry[1:].strip())
        elif entry.startswith(">"):
            headings.add(line_key(entry[1:]))
        elif entry.startswith("^"):
            labels.add(line_key(entry[1:]))
        else:
            phrases.add(line_key(entry))
    phrases.discard("")
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"
    return _Boilerplate(
        phrases=re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"),
        phrase_set=frozenset(phrases),
        labels=tuple(sorted(labels - {""}, key=len, reverse=True)),
        headings=frozenset(headings - {""}),
        trailers=_trailer_pattern(trailers),
        last_trailers=_trailer_pattern(last_trailers),
    )


def _trailer_pattern(trailers: list[str]) -> re.Pattern[str] | None:
    """Any of ``trailers`` at a line start or after punctuation and a space ("… اليمني. سمات …")."""
    if not trailers:
        return None
    # A trailer of several words is specific enough to match when the site glued the next headline to it
    # ("مقالات أخرى للكاتبرسائل ظريف …"); a one-word trailer must end at a word boundary.
    return re.compile(r"(?:^|(?<=[^\w\s]) )(?:" + "|".join(
        variant_pattern(t) + ("" if " " in t else r"(?!\w)")
        for t in sorted(trailers, key=len, reverse=True)) + r")")


@cache
def _outlets() -> frozenset[str]:
    return frozenset(line_key(name) for name in read_lines(OUTLETS_LEXICON))


@cache
def _places() -> frozenset[str]:
    return frozenset(line_key(entry.name_ar) for entry in places().values())


# --- line predicates -----------------------------------------------------------------------------------


def _words(line: str) -> list[str]:
    return line.split()


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_SENTENCE_END_CLOSERS).endswith(_SENTENCE_END)


def _is_widget(line: str) -> bool:
    """A line made only of boilerplate phrases, a label line, a short mostly-Latin line, or no letters."""
    if _LETTER_RE.search(line) is None:
        return True
    words = _words(line)
    if len(words) <= LATIN_LINE_MAX_WORDS:
        letters = _LETTER_RE.findall(line)
        if len(_LATIN_RE.findall(line)) / len(letters) > 0.5:
            return True
    key = line_key(" ".join(words[: LATIN_LINE_MAX_WORDS + 1]))  # enough for phrases, labels and headings
    lex = _boilerplate()
    if key in lex.headings:  # left to _related_blocks, which also drops the headlines after it
        return False
    if len(words) <= LATIN_LINE_MAX_WORDS and not _LETTER_RE.search(lex.phrases.sub(" ", key)):
        return True
    return _is_label(line, key, lex.labels)


def _is_label(line: str, key: str, labels: tuple[str, ...]) -> bool:
    for label in labels:
        if key == label or key.startswith(label + " "):
            if len(_words(line)) <= LABEL_SHORT_WORDS:
                return True
            # a long line is a label line only when the label is followed by a separator
            n_label_words = len(label.split())
            head = " ".join(_words(line)[:n_label_words])
            after = line[len(head) :].lstrip() if line.startswith(head) else ""
            if after[:1] in (":", "-", "|", "\u2013", "\u2014"):
                return True
    return False


def _is_heading(line: str) -> bool:
    return len(_words(line)) <= HEADING_MAX_WORDS and line_key(line) in _boilerplate().headings


def _is_headline_like(line: str) -> bool:
    return 0 < len(_words(line)) <= HEADLINE_MAX_WORDS and not _ends_sentence(line)


def _is_title_like(line: str) -> bool:
    words = _words(line)
    return 0 < len(words) <= TITLE_MAX_WORDS and not line.endswith(_TITLE_BAD_END)


# --- rules: each takes the lines and returns the kept lines ---------------------------------------------


def _nonblank(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line]


def _drop(lines: list[str], indexes: set[int], found: _Found) -> list[str]:
    found.removed.extend(lines[i] for i in sorted(indexes) if lines[i])
    return [line for i, line in enumerate(lines) if i not in indexes]


def _leading_date_line(lines: list[str], found: _Found) -> list[str]:
    for i in _nonblank(lines)[:3]:
        line = lines[i]
        if len(_words(line)) > 12 or _DIGIT_RE.search(line) is None:
            continue
        published = parse_published_at(line)
        if published is None:
            continue
        info = _date_line_info(line)
        if info is not None:
            found.set(published_at=published, **info)
            return _drop(lines, {i}, found)
    return lines


def _date_line_info(line: str) -> dict[str, str] | None:
    """dateline/source of a line that holds only a date (plus weekday, time, Hijri date, labels), or None.

    An agency line ``جدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس`` may start with a city (up to 3
    words before the first number) when it also names an outlet or says الموافق.
    """
    if _ends_sentence(line):
        return None
    rest = line
    for mention in reversed(find_dates(line)):
        rest = rest[: mention.start] + " 0 " + rest[mention.end :]  # (a number stands for it: what comes before
        # the first one is the dateline)
    tokens = _words(_TIME_RE.sub(" ", rest))
    first_number = next((k for k, t in enumerate(tokens) if _DIGIT_RE.search(t)), len(tokens))
    lead, tail = tokens[:first_number], [line_key(t) for t in tokens[first_number:]]
    tail = [t for t in tail if t]
    if any(not _DIGIT_RE.search(t) and t not in _DATE_LINE_WORDS and _classify(t) == "person" for t in tail):
        return None
    outlets = [t for t in tail if _classify(t) == "outlet"]
    lead_known = all(line_key(t) in _DATE_LINE_WORDS or not line_key(t) for t in lead)
    agency_line = bool(outlets) or "الموافق" in tail
    if not lead_known and not (agency_line and len(lead) <= 3):
        return None
    info: dict[str, str] = {}
    if lead and not lead_known:
        info["dateline"] = " ".join(lead)
    if outlets:
        info["source"] = outlets[-1]
    return info


def _widgets(lines: list[str], found: _Found) -> list[str]:
    drop = {i for i in _nonblank(lines) if _is_widget(lines[i])}
    for i in sorted(drop):
        if found.published_at is None and len(_words(lines[i])) <= 12 and _DIGIT_RE.search(lines[i]):
            found.set(published_at=parse_published_at(lines[i]))
    return _drop(lines, drop, found) if drop else lines


def _trailers(lines: list[str], found: _Found) -> list[str]:
    """Cut site chrome glued to the end of a paragraph ("… في سبتمبر. رابط الخبر بصحيفة الوئام: <title>"), and
    a tag list glued to the end of the article's last paragraph ("… للشعب اليمني. سمات إعادة الأمل الحوثي …"),
    when what it would cut is no longer than ``TRAILER_MAX_CHARS``."""
    bp = _boilerplate()
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    out = []
    for i, line in enumerate(lines):
        for pattern in (bp.trailers, bp.last_trailers if i == last else None):
            m = pattern.search(line) if pattern is not None else None
            if m is not None and len(line) - m.start() <= TRAILER_MAX_CHARS:
                found.removed.append(line[m.start() :].strip())
                line = line[: m.start()].rstrip()
        out.append(line)
    return out


def _related_blocks(lines: list[str], found: _Found) -> list[str]:
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        if line and _is_heading(line):
            if seen / total >= 0.5 and total - seen <= RELATED_BLOCK_MAX_CHARS:
                return _drop(lines, set(range(i, len(lines))), found)
            drop = {i}
            for j in range(i + 1, len(lines)):
                if not lines[j]:
                    continue
                if not _is_headline_like(lines[j]):
                    break
                drop.add(j)
            return _drop(lines, drop, found)
        seen += len(line)
    return lines


def _title_index(lines: list[str]) -> int | None:
    """Index of the title line: the first line, short, without final punctuation, followed by a blank
    line, the end, or a much longer paragraph."""
    idx = _nonblank(lines)
    if not idx or not _is_title_like(lines[idx[0]]):
        return None
    first = idx[0]
    if first + 1 >= len(lines) or not lines[first + 1]:
        return first
    following = lines[first + 1]
    if len(following) >= 2 * len(lines[first]) and _ends_sentence(following):
        return first
    return None


def _repeats(lines: list[str], found: _Found) -> list[str]:
    drop: set[int] = set()
    title = _title_index(lines)
    title_key = line_key(lines[title]) if title is not None else None
    previous_key = None
    for i in _nonblank(lines):
        line = lines[i]
        key = line_key(line) if len(_words(line)) <= TITLE_MAX_WORDS else line  # long paragraphs: exact
        if i != title and key and (key == title_key or key == previous_key):
            drop.add(i)
        previous_key = key
    return _drop(lines, drop, found) if drop else lines


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(line_key(w) for w in read_lines(STOPWORDS_LEXICON))


def _has_stopword(phrase: str) -> bool:
    return any(word in _stopwords() for word in line_key(phrase).split())


def _classify(part: str) -> str:
    key = line_key(part)
    if key in _NOT_AUTHORS:
        return "none"
    if key in _places():  # الرياض, الخليج, عمان: a city before a newspaper of the same name
        return "place"
    if key in _outlets():
        return "outlet"
    return "person"


def _byline_parts(line: str) -> list[str] | None:
    body = line.strip().rstrip(":").strip()
    pieces = [p for chunk in body.split(":", 1) for p in re.split(r"\s+[-\u2013\u2014|]\s+|\s*/\s*", chunk)]
    parts = [p.strip().strip("()").strip() for p in pieces]
    if not 2 <= len(parts) <= 4:
        return None
    for part in parts:
        n = len(_words(part))
        if not 1 <= n <= BYLINE_PART_MAX_WORDS or _DIGIT_RE.search(part) or not _LETTER_RE.search(part):
            return None
    return parts


def _strip_leading_widgets(line: str) -> str:
    """Drop boilerplate words glued before a byline by the scraper (``Next Previous عين اليوم - …``)."""
    words = _words(line)
    phrases = _boilerplate().phrase_set
    while len(words) > 1 and line_key(words[0]) in phrases:
        words = words[1:]
    return " ".join(words)


def _parse_byline(line: str) -> dict[str, str] | None:
    """source/author/dateline of a byline line, or None when the line is not one."""
    line = _strip_leading_widgets(line)
    if len(_words(line)) > BYLINE_MAX_WORDS or _ends_sentence(line):
        return None
    if m := _BYLINE_PREFIX_RE.match(line):
        who = _CREDIT_SPLIT_RE.split(m["who"])[0].strip()
        return {} if line_key(who) in _NOT_AUTHORS else {"author": who}
    if m := _SOURCE_PREFIX_RE.match(line):
        return {"source": m["src"].strip()}
    parts = _byline_parts(line)
    if parts is None:
        return None
    kinds = [_classify(p) for p in parts]
    if kinds.count("outlet") > 1 or (kinds.count("place") > 1 and "outlet" not in kinds):
        return None  # "روسيا - أوكرانيا: …" is a headline; "عين اليوم - مكة المكرمة / جدة" a byline
    people = [p for p, k in zip(parts, kinds, strict=True) if k == "person"]
    if any(_has_stopword(p) for p in people):  # a person part is a name, not a phrase
        return None
    if "outlet" not in kinds and "place" not in kinds:
        if kinds == ["person", "person"] and line.rstrip().endswith(":"):  # "الثورة - منهل إبراهيم:"
            return {"source": parts[0], "author": parts[1]}
        return None
    info: dict[str, str] = {}
    if "outlet" in kinds:
        info["source"] = parts[kinds.index("outlet")]
    if "place" in kinds:
        info["dateline"] = parts[kinds.index("place")]
    if people:
        info["author"] = " - ".join(people)
    return info


def _byline(lines: list[str], found: _Found) -> list[str]:
    idx = _nonblank(lines)
    title = _title_index(lines)
    candidates = [i for i in idx if title is None or i > title][:2]
    for i in candidates:
        info = _parse_byline(lines[i])
        if info is not None:
            found.set(**info)
            return _drop(lines, {i}, found)
    return lines


def _signature(lines: list[str], found: _Found) -> list[str]:
    idx = _nonblank(lines)
    if len(idx) < 2:
        return lines
    last, before = idx[-1], idx[-2]
    line = lines[last]
    key = line_key(line.strip("()[]"))
    after_body = _ends_sentence(lines[before]) and _title_index(lines) != last
    short = not _ends_sentence(line) and not _DIGIT_RE.search(line) and _LETTER_RE.match(line[-1]) is not None
    if key in _outlets() and len(_words(line)) <= 6:
        found.set(source=line.strip("()[] "))
    elif m := _SOURCE_PREFIX_RE.match(line):
        if len(_words(m["src"])) > 5:
            return lines
        found.set(source=m["src"].strip())
    elif m := _WRITER_SIGNATURE_RE.match(line):  # "- بريدة" / "- ابتسام عبدالله" closing an opinion piece
        if not (short and after_body and len(_words(m["who"])) <= SIGNATURE_MAX_WORDS):
            return lines
        kind = _classify(m["who"])
        if kind != "none":
            found.set(**{"dateline" if kind == "place" else "source" if kind == "outlet" else "author": m["who"]})
    elif short and after_body and SIGNATURE_MIN_WORDS <= len(_words(line)) <= SIGNATURE_MAX_WORDS:
        found.set(source=line)
    else:
        return lines
    return _drop(lines, {last}, found)


_RULES = (_leading_date_line, _trailers, _widgets, _related_blocks, _repeats, _byline, _signature)


def _join(lines: list[str]) -> str:
    return _MANY_NEWLINES_RE.sub("\n\n", "\n".join(lines)).strip()


def _clean_pass(text: str, found: _Found) -> str:
    lines = text.split("\n")
    for rule in _RULES:
        lines = rule(lines, found)
    return _join(lines)


# --- title and dateline -----------------------------------------------------------------------------------


def _fallback_title(text: str) -> str | None:
    """The first sentence of the text, cut at a comma (or word) boundary to about 20 words."""
    first_line = next((line for line in text.split("\n") if line), "")
    spans = sentence_spans(first_line)
    if not spans:
        return None
    sentence = first_line[spans[0][0] : spans[0][1]]
    words = _words(sentence)
    if len(words) <= FALLBACK_TITLE_WORDS:
        return sentence.rstrip(".!;,:\u060c\u061b ")
    head = " ".join(words[:FALLBACK_TITLE_WORDS])
    cut = max(head.rfind(","), head.rfind("\u060c"))
    return (head[:cut] if cut > len(head) // 3 else head).rstrip(".!;,:\u060c\u061b ")


def _dateline(lines: list[str]) -> tuple[str | None, str | None]:
    """City (and agency in brackets) at the start of the first body paragraph: ``موسكو - أكد …``."""
    title = _title_index(lines)
    for i in _nonblank(lines):
        if i == title:
            continue
        m = _DATELINE_RE.match(lines[i])
        if m is None or len(_words(lines[i])) < 8:
            return None, None
        city = m["city"]
        places = _places()
        if (places and line_key(city) not in places) or (not places and len(_words(city)) > 1):
            return None, None
        agency = m["agency"].strip() if m["agency"] and line_key(m["agency"]) in _outlets() else None
        return city, agency
    return None, None


def _with_title(text: str, title: str | None) -> str:
    """Put a metadata title on the first line unless one of the first lines already is that title."""
    if not title:
        return text
    title_key = line_key(title)
    lines = text.split("\n")
    if any(line_key(lines[i]) == title_key for i in _nonblank(lines)[:3]):
        return text
    return f"{title}\n\n{text}" if text else title


def clean_article(raw_text: str, *, title: str | None = None) -> CleanedArticle:
    """Clean a raw article text and extract its header/footer metadata (see the module docstring).

    ``title`` (from metadata) is returned as the title and, when the text does not already show it in its
    first lines, put on the first line of the text. Idempotent:
    ``clean_article(clean_article(x).text).text == clean_article(x).text``.
    """
    given_title = " ".join(clean_text(title).split()) if title else None
    text = _with_title(clean_text(raw_text), given_title)
    found = _Found()
    for _ in range(MAX_PASSES):
        cleaned = _clean_pass(text, found)
        if cleaned == text:
            break
        text = cleaned
    lines = text.split("\n")
    title_index = _title_index(lines)
    detected = lines[title_index] if title_index is not None else _fallback_title(text)
    city, agency = _dateline(lines)
    found.set(dateline=city, source=agency)
    return CleanedArticle(
        text=text,
        title=given_title or detected or None,
        source=found.source,
        author=found.author,
        dateline=found.dateline,
        published_at=found.published_at,
        removed_lines=found.removed,
    )
