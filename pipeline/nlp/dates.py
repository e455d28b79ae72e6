"""Arabic date expressions in news text, and parsing of header/metadata date strings.

:func:`find_dates` returns :class:`DateMention` spans (``text[start:end] == mention.text``) for

* full dates with Levantine (كانون الثاني …) or Egyptian/Gulf/Maghrebi (يناير، جانفي …) month names:
  ``6 نوفمبر 2025``, ``18 كانون الأول 2024``, ``12 شباط 2025م``;
* numeric dates ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ``yyyy-mm-dd``, ``yyyy/mm/dd``;
* Hijri dates (the Umm al-Qura calendar of the Saudi press, converted with ``hijridate``): ``25 شوال 1436هـ``,
  ``27/6/1384ه``, ``1436/10/5`` (a year of 1300–1500 with a day and month), and a day and Hijri month without year
  (``في 10 شوال``), resolved against the reference's Hijri year;
* day ranges ``من 28 إلى 31 أكتوبر`` (``date`` .. ``date_end``);
* month + year ``نوفمبر 2025`` and year expressions ``عام 2002`` / ``العام 2024``;
* expressions resolved against a ``reference`` date (usually the publication date), found only when a
  reference is given: a day and month without year (``في 15 أكتوبر``), ``أكتوبر الماضي``,
  ``تشرين الأول الجاري``, ``الشهر الماضي``, ``العام الماضي``, ``اليوم``, ``أمس``, ``أمس الأول``, ``غدا``,
  ``اليوم الأربعاء``, ``يوم الثلاثاء``, ``منذ ثلاثة أيام``, ``قبل يومين``, ``منذ أسبوع``.

Spelling variants (أ/ا/إ/آ, ي/ى, ة/ه, diacritics) and Arabic-Indic digits are accepted. Every date is
validated (no 31 February). Month precision gives the first day of the month, year precision 1 January;
``date_end`` is set only for explicit ranges.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, cast

from pipeline.nlp.text import normalize_for_matching
from pipeline.nlp.text import variant_pattern as _variant_regex

DAY = "day"
MONTH = "month"
YEAR = "year"

MIN_YEAR = 1800
MAX_YEAR = 2100
# a day+month without year that would land more than this after the reference is put in the year before
FUTURE_TOLERANCE = timedelta(days=31)

# --- lexicon ---------------------------------------------------------------------------------------
# month number -> spellings (written in one canonical spelling; variants are produced by _letter_class)
_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "جانفييه"),
    2: ("فبراير", "شباط", "فيفري", "فبرير"),
    3: ("مارس", "آذار"),
    4: ("أبريل", "نيسان", "أفريل", "ابريل"),
    5: ("مايو", "أيار", "ماي"),
    6: ("يونيو", "يونيه", "حزيران", "جوان"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "جويليه", "يوليوز"),
    8: ("أغسطس", "آب", "أوت", "غشت"),
    9: ("سبتمبر", "أيلول", "شتنبر"),
    10: ("أكتوبر", "تشرين الأول", "تشرين أول"),
    11: ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    12: ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر"),
}
# Hijri month number -> spellings (the Umm al-Qura months of the Saudi press)
_HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع آخر"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أول"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذا القعدة"),
    12: ("ذو الحجة", "ذي الحجة", "ذا الحجة"),
}
# month words that are also ordinary words or names: accepted only with a day, a year or a relative word
_AMBIGUOUS_MONTHS = {"مارس", "ماي", "آب", "أوت", "جوان"}

_WEEKDAYS: dict[str, int] = {  # Python weekday(): Monday == 0
    "الاثنين": 0,
    "الإثنين": 0,
    "الثلاثاء": 1,
    "الأربعاء": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_SEP = r"[\s,،]*"
_NOT_WORD_BEFORE = r"(?<![\w])"
_NOT_WORD_AFTER = r"(?![\w])"
# optional conjunction/preposition glued to a relative word: وأمس، بالأمس
_CLITIC = r"(?:[وف]?(?:ب|ل)?)"


class _LazyPattern:
    """A module-level pattern compiled on first use. The date patterns take 0.4 s to compile; a process that
    never reads a date (the main process of a run whose documents and events are read in worker processes)
    should not pay it at import."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source, self._flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)


def _lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    return cast(re.Pattern[str], _LazyPattern(source, flags))


def _alternation(words: list[str]) -> str:
    return "|".join(_variant_regex(w) for w in sorted(words, key=len, reverse=True))


_MONTH_BY_FOLD: dict[str, int] = {normalize_for_matching(w): n for n, ws in _MONTHS.items() for w in ws}
# month and weekday names that are never anything else (matching forms): a name tagger's "نيسان" is April
CALENDAR_WORDS = frozenset(
    {k for k in _MONTH_BY_FOLD if k not in {normalize_for_matching(w) for w in _AMBIGUOUS_MONTHS}}
    | {normalize_for_matching(w) for w in _WEEKDAYS})
_AMBIGUOUS_FOLDED = {normalize_for_matching(w) for w in _AMBIGUOUS_MONTHS}
# every Gregorian month name (matching forms), the ambiguous ones ("مارس", "آب") included: for a phrase already
# known to be a date ("وفي يوم الخميس 5 مارس")
MONTH_WORDS = frozenset(_MONTH_BY_FOLD)
_WEEKDAY_BY_FOLD: dict[str, int] = {normalize_for_matching(w): n for w, n in _WEEKDAYS.items()}
WEEKDAY_WORDS = frozenset(_WEEKDAY_BY_FOLD)

_MONTH_RE = _alternation([w for ws in _MONTHS.values() for w in ws])
_HIJRI_MONTH_BY_FOLD: dict[str, int] = {normalize_for_matching(w): n for n, ws in _HIJRI_MONTHS.items() for w in ws}
_HIJRI_MONTH_RE = _alternation([w for ws in _HIJRI_MONTHS.values() for w in ws])
_WEEKDAY_RE = _alternation(list(_WEEKDAYS))
# "تشرين الثاني/نوفمبر", "نوفمبر (تشرين الثاني)", "يوليو تموز": a second name for the same month
_MONTH_GROUP = (
    rf"(?P<{{name}}>{_MONTH_RE})(?:(?:\s*[/(]\s*|\s+)(?:{_MONTH_RE})(?:\s*\))?(?=\W|$))?{_NOT_WORD_AFTER}"
)
_YEAR_GROUP = rf"(?P<{{name}}>{_D}{{{{4}}}})(?!{_D})(?:\s*(?:م|ميلادي(?:ة)?){_NOT_WORD_AFTER})?"
_DAY_GROUP = rf"(?<!{_D})(?P<{{name}}>{_D}{{{{1,2}}}})(?!{_D})"
_PAST = _alternation(["الماضي", "الماضية", "المنصرم", "المنصرمة", "السابق", "الفائت"])
_CURRENT = _alternation(["الجاري", "الجارية", "الحالي", "الحالية", "هذا"])
_NEXT = _alternation(["المقبل", "المقبلة", "القادم", "القادمة"])
_RELATIVE_WORD = rf"(?:(?P<past>{_PAST})|(?P<current>{_CURRENT})|(?P<next>{_NEXT})){_NOT_WORD_AFTER}"
_HIJRI_AFTER = r"(?!\s*(?:هـ|ه(?![\w])|هجري))"


def _group(template: str, name: str) -> str:
    return template.format(name=name)


_HIJRI_MARK = r"(?:\s*(?:هـ|ه(?![\w])|هجري(?:ة)?(?![\w])))"
_HIJRI_RE = _lazy(  # "25 شوال 1436هـ", "10 شوال", "8 من ذي القعدة لعام 1436"
    rf"(?<![\w/.\-]){_group(_DAY_GROUP, 'd')}\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_HIJRI_MONTH_RE}){_NOT_WORD_AFTER}"
    rf"(?:{_SEP}(?:(?:من\s+)?(?:عام|العام|لعام|سنة)\s+)?(?P<y>1[345]{_D}{{2}})(?!{_D}){_HIJRI_MARK}?)?"
)
_NUMERIC_HIJRI_RE = _lazy(  # "27/6/1384ه", "10/10/1436هـ" (a Gregorian dd/mm/yyyy has a year of 1800 or more)
    rf"(?<![\w/.\-])(?P<d>{_D}{{1,2}})(?P<sep>[/.\-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<y>1[345]{_D}{{2}})(?!{_D}|[/\-])"
    rf"{_HIJRI_MARK}?"
)
_NUMERIC_HIJRI_YMD_RE = _lazy(  # "1436/10/5" (a Gregorian yyyy/mm/dd has a year of 1800 or more)
    rf"(?<![\w/.\-])(?P<y>1[345]{_D}{{2}})(?P<sep>[/\-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})(?![\w/\-]|\.{_D})"
    rf"{_HIJRI_MARK}?"
)
MIN_HIJRI_YEAR, MAX_HIJRI_YEAR = 1343, 1500  # the range of hijridate's Umm al-Qura table
_SAFAR = 2  # "صفر" is also zero


_RANGE_RE = _lazy(
    rf"(?:{_NOT_WORD_BEFORE}(?:من|بين)\s+)?{_group(_DAY_GROUP, 'd1')}"
    rf"(?:\s+{_group(_MONTH_GROUP, 'm1')}(?:{_SEP}{_group(_YEAR_GROUP, 'y1')})?)?"
    rf"\s*(?:-|–|—|إلى|الى|حتى|و)\s*{_group(_DAY_GROUP, 'd2')}\s+{_group(_MONTH_GROUP, 'm2')}"
    rf"(?:{_SEP}{_group(_YEAR_GROUP, 'y2')})?{_HIJRI_AFTER}"
)
_FULL_RE = _lazy(
    rf"{_group(_DAY_GROUP, 'd')}\s*(?:من\s+)?(?:شهر\s+)?{_group(_MONTH_GROUP, 'm')}"
    rf"(?:{_SEP}(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?{_group(_YEAR_GROUP, 'y')}{_HIJRI_AFTER}|\s+{_RELATIVE_WORD})?"
)
# a day of the month as an ordinal word: "الثاني من يونيو", "الحادي والعشرين من مارس" (masculine: of اليوم)
_ORDINAL_UNITS = (("الأول", "الاول"), ("الثاني",), ("الثالث",), ("الرابع",), ("الخامس",), ("السادس",), ("السابع",),
                  ("الثامن",), ("التاسع",))
_ORDINAL_DAYS: dict[str, int] = {w: n for n, ws in enumerate(_ORDINAL_UNITS, start=1) for w in ws}
_ORDINAL_DAYS |= {"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30, "الحادي والعشرين": 21,
                  "الحادي والثلاثين": 31}
_ORDINAL_DAYS |= {f"{w} عشر": 10 + n for n, ws in enumerate(_ORDINAL_UNITS, start=1) for w in ws if n > 1}
_ORDINAL_DAYS |= {f"{w} والعشرين": 20 + n for n, ws in enumerate(_ORDINAL_UNITS, start=1) for w in ws if n > 1}
_ORDINAL_DAY_BY_FOLD = {normalize_for_matching(w): n for w, n in _ORDINAL_DAYS.items()}
_ORDINAL_RE_PART = _alternation(list(_ORDINAL_DAYS))
_ORDINAL_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}(?P<o1>{_ORDINAL_RE_PART})(?:\s+و(?P<o2>{_ORDINAL_RE_PART}))?\s+من\s+(?:شهر\s+)?"
    rf"{_group(_MONTH_GROUP, 'm')}(?:{_SEP}(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?{_group(_YEAR_GROUP, 'y')}"
    rf"{_HIJRI_AFTER}|\s+{_RELATIVE_WORD})?"
)
# nouns an ordinal before "من + month" counts instead of the day: "الأسبوع الأول من يونيو", "النصف الثاني من"
_ORDINAL_OF = frozenset(normalize_for_matching(w) for w in (
    "الأسبوع", "الاسبوع", "الأسابيع", "النصف", "الربع", "الثلث", "العشر", "الجزء", "الدور", "الشوط", "المرحلة",
    "الفصل", "الشهر", "العام", "الموسم", "الجولة", "الأيام", "الايام", "الأسبوعين", "اليومين", "الدفعة", "الحلقة"))
_WORD_BEFORE_RE = _lazy(r"(\S+)\s+$")

_NUMERIC_DMY_RE = _lazy(  # ("04/08/2015م": the Gregorian mark glued to the year)
    rf"(?<![\w/.\-])(?P<d>{_D}{{1,2}})(?P<sep>[/.\-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<y>{_D}{{4}})(?:م(?![\w]))?"
    rf"(?![\w/\-]|\.{_D})"
)
_NUMERIC_YMD_RE = _lazy(
    rf"(?<![\w/.\-])(?P<y>{_D}{{4}})(?P<sep>[/\-])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})(?![\w/\-]|\.{_D})"
)
_DAY_BEFORE_RE = _lazy(rf"{_D}\s*(?:من\s+)?$")
_MONTH_YEAR_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}(?:شهر\s+)?{_group(_MONTH_GROUP, 'm')}{_SEP}(?:(?:من\s+)?(?:عام|العام|سنة)\s+)?"
    rf"{_group(_YEAR_GROUP, 'y')}{_HIJRI_AFTER}"
)
_MONTH_RELATIVE_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}(?:(?:شهر|الشهر)\s+)?{_group(_MONTH_GROUP, 'm')}\s+{_RELATIVE_WORD}"
)
_MONTH_ALONE_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}(?:(?:[وف]?(?:في|خلال|منذ|حتى|مطلع|منتصف|أواخر|اواخر|أوائل|اوائل|نهاية|بداية)\s+)(?:شهر\s+)?|شهر\s+)"
    rf"{_group(_MONTH_GROUP, 'm')}(?!\s*(?:و|-|إلى|الى|حتى)\s*(?:{_MONTH_RE}))"
)
_THIS_MONTH_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}{_CLITIC}(?P<core>الشهر\s+{_RELATIVE_WORD}|(?P<this>هذا)\s+الشهر{_NOT_WORD_AFTER})"
)
_THIS_YEAR_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}{_CLITIC}(?P<core>(?:العام|{_variant_regex('السنة')})\s+{_RELATIVE_WORD}"
    rf"|(?P<this>هذا\s+العام|{_variant_regex('هذه')}\s+{_variant_regex('السنة')}){_NOT_WORD_AFTER})"
)
_YEAR_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}{_CLITIC}(?P<core>(?:عام|العام|سنة|لعام)\s+{_group(_YEAR_GROUP, 'y')}){_HIJRI_AFTER}"
)
_YESTERDAY = _variant_regex("أمس")
_RELATIVE_DAY_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}{_CLITIC}(?P<core>"
    rf"(?P<before_yesterday>(?:{_YESTERDAY}\s+\(?(?:{_variant_regex('الأول')})\)?|{_variant_regex('أول')}\s+(?:من\s+)?"
    rf"{_YESTERDAY}|(?:(?:ليلة|مساء|صباح)\s+)?{_variant_regex('البارحة')}\s+{_variant_regex('الأولى')}))"
    rf"|(?P<yesterday>(?:(?:يوم|ليلة|مساء|صباح)\s+)?(?:ال)?(?:{_YESTERDAY}|{_variant_regex('البارحة')})"
    rf"(?:\s+\(?(?P<y_wd>{_WEEKDAY_RE})\)?)?)"
    rf"|(?P<after_tomorrow>بعد\s+{_variant_regex('غد')})"
    rf"|(?P<tomorrow>(?:{_variant_regex('غدا')}|{_variant_regex('غدًا')})(?:\s+(?P<t_wd>{_WEEKDAY_RE}))?)"
    rf"|(?P<today>{_variant_regex('اليوم')}(?:\s+\(?(?P<wd>{_WEEKDAY_RE})\)?)?)"
    rf"){_NOT_WORD_AFTER}"
)
_COUNTS = {"ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7,
           "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10}
_COUNT_BY_FOLD = {normalize_for_matching(w): n for w, n in _COUNTS.items()}
_DAYS_AGO_RE = _lazy(  # "منذ ثلاثة أيام", "قبل يومين", "قبل 4 أيام", "منذ أسبوع" (not "قبل يومين من الانتخابات")
    rf"{_NOT_WORD_BEFORE}[وف]?(?P<core>(?:منذ|قبل)\s+(?:(?P<two>{_variant_regex('يومين')})"
    rf"|(?P<week>{_variant_regex('أسبوع')})|(?P<two_weeks>{_variant_regex('أسبوعين')})"
    rf"|(?:(?P<n>{_D}{{1,2}})|(?P<word>{_alternation(list(_COUNTS))}))\s+(?:{_variant_regex('أيام')}|يوما|يومًا)))"
    rf"{_NOT_WORD_AFTER}(?!\s+(?:من|على|عن)(?![\w]))"
)
_WEEKDAY_PHRASE_RE = _lazy(
    rf"{_NOT_WORD_BEFORE}{_CLITIC}(?P<core>(?:يوم|صباح|مساء|ليلة|فجر|ظهر)\s+(?P<wd>{_WEEKDAY_RE})"
    rf"(?:\s+(?:(?P<past>{_PAST})|(?P<next>{_NEXT})))?"
    # a bare weekday only with الماضي/المقبل ("الخميس الماضي"): alone it is also a prayer or a name
    rf"|(?P<bare_wd>{_WEEKDAY_RE})\s+(?:(?P<bare_past>{_PAST})|(?P<bare_next>{_NEXT}))){_NOT_WORD_AFTER}"
)
# "اليوم" is also a noun ("اليوم الوطني", "عين اليوم"): words after/before it that rule out "today"
_NOT_TODAY_BEFORE = _lazy(
    r"(?:(?<!\w)(?:عين|صحيفة|جريدة|مجلة|موقع|دار|روسيا|إسرائيل|اسرائيل|نفس|ذلك|ذات|هذا|في|مدار|طوال|طيلة|ل)\s+"
    r"|[\"«“])$"
)
# a weekday followed by a number introduces an explicit (possibly Hijri) date: "يوم الثلاثاء 26/10/1436ه"
_DIGIT_AFTER_RE = _lazy(rf"[\s,،(]*{_D}")
_CLITIC_BL_RE = _lazy("[بل]")
_NOT_TODAY_AFTER = _lazy(r"\s*(?:ال\w+|من\s+(?:أيام|ايام))")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the date it denotes: ``text[start:end] == mention.text``."""

    start: int
    end: int
    text: str
    date: dt.date
    date_end: dt.date | None
    precision: str  # 'day' | 'month' | 'year'


# --- helpers ---------------------------------------------------------------------------------------


def _int(digits: str) -> int:
    return int(digits)  # int() accepts Arabic-Indic and Persian digits


def _month(name: str) -> int | None:
    folded = normalize_for_matching(name)
    return _MONTH_BY_FOLD.get(folded)


def _make_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, reference: date) -> date | None:
    """The date of ``day``/``month`` closest to ``reference`` not more than a month after it."""
    candidate = _make_date(reference.year, month, day)
    if candidate is not None and candidate - reference <= FUTURE_TOLERANCE:
        return candidate
    return _make_date(reference.year - 1, month, day)


def _month_start(year: int, month: int) -> date | None:
    return _make_date(year, month, 1)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _relative_month(month: int, kind: str, reference: date) -> date | None:
    """``month`` qualified by الماضي / الجاري / المقبل, relative to ``reference``."""
    year = reference.year
    if kind == "past" and month >= reference.month:
        year -= 1
    elif kind == "next" and month <= reference.month:
        year += 1
    return _month_start(year, month)


def _relative_day(month: int, day: int, kind: str, reference: date) -> date | None:
    """``day month`` qualified by الماضي (last such day before) / المقبل (next after) / الجاري."""
    candidate = _make_date(reference.year, month, day)
    if kind == "past" and (candidate is None or candidate >= reference):
        return _make_date(reference.year - 1, month, day)
    if kind == "next" and (candidate is None or candidate <= reference):
        return _make_date(reference.year + 1, month, day)
    return candidate


def _relative_kind(match: re.Match[str]) -> str:
    for kind in ("past", "current", "next"):
        if match.groupdict().get(kind):
            return kind
    return "current"


def _weekday(name: str | None) -> int | None:
    return None if name is None else _WEEKDAY_BY_FOLD.get(normalize_for_matching(name))


# --- matchers: each yields (start, end, date, date_end, precision) -----------------------------------

_Candidate = tuple[int, int, date, date | None, str]


def _ranges(text: str, reference: date | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _RANGE_RE.finditer(text):
        month2 = _month(m["m2"])
        month1 = _month(m["m1"]) if m["m1"] else month2
        if month1 is None or month2 is None:
            continue
        year2 = _int(m["y2"]) if m["y2"] else None
        year1 = _int(m["y1"]) if m["y1"] else None
        d1, d2 = _int(m["d1"]), _int(m["d2"])
        if year2 is None:
            if reference is None:
                continue
            end = _year_for(month2, d2, reference)
            if end is None:
                continue
            year2 = end.year
        if year1 is None:
            year1 = year2 if (month1, d1) <= (month2, d2) else year2 - 1
        first, last = _make_date(year1, month1, d1), _make_date(year2, month2, d2)
        if first is None or last is None or not first < last or (last - first).days > 366:
            continue
        out.append((m.start(), m.end(), first, last, DAY))
    return out


def _full_dates(text: str, reference: date | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _FULL_RE.finditer(text):
        month = _month(m["m"])
        if month is None:
            continue
        day = _int(m["d"])
        if m["y"]:
            value = _make_date(_int(m["y"]), month, day)
        elif reference is not None and (m["past"] or m["current"] or m["next"]):  # "2 أبريل الماضي"
            value = _relative_day(month, day, _relative_kind(m), reference)
        elif reference is not None:
            value = _year_for(month, day, reference)
        else:
            continue
        if value is not None:
            out.append((m.start(), m.end(), value, None, DAY))
    return out


def _ordinal_dates(text: str, reference: date | None) -> list[_Candidate]:
    """"الثاني من يونيو الماضي", "الحادي والعشرين من مارس 2024", "السابع والثامن من تموز" (a range of two days);
    not an ordinal that counts a week, a half or a round ("الأسبوع الأول من يونيو")."""
    out: list[_Candidate] = []
    for m in _ORDINAL_RE.finditer(text):
        before = _WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and normalize_for_matching(before.group(1)) in _ORDINAL_OF:
            continue
        month = _month(m["m"])
        day = _ORDINAL_DAY_BY_FOLD.get(normalize_for_matching(m["o1"]))
        if month is None or day is None:
            continue
        if m["y"]:
            value = _make_date(_int(m["y"]), month, day)
        elif reference is not None and (m["past"] or m["current"] or m["next"]):
            value = _relative_day(month, day, _relative_kind(m), reference)
        elif reference is not None:
            value = _year_for(month, day, reference)
        else:
            continue
        if value is None:
            continue
        last = None
        if m["o2"] and (day2 := _ORDINAL_DAY_BY_FOLD.get(normalize_for_matching(m["o2"]))) and day2 > day:
            last = _make_date(value.year, month, day2)
        out.append((m.start(), m.end(), value, last, DAY))
    return out


def _day_month_year_matches(text: str, regexes: Sequence[re.Pattern[str]],
                            to_date: Callable[[int, int, int], date | None]) -> list[_Candidate]:
    """Day candidates of the numeric patterns ``regexes`` (groups y, m, d), each converted by ``to_date``
    (Gregorian or Hijri); a day the calendar does not have is none."""
    out: list[_Candidate] = []
    for regex in regexes:
        for m in regex.finditer(text):
            value = to_date(_int(m["y"]), _int(m["m"]), _int(m["d"]))
            if value is not None:
                out.append((m.start(), m.end(), value, None, DAY))
    return out


def _numeric_dates(text: str, _reference: date | None) -> list[_Candidate]:
    return _day_month_year_matches(text, (_NUMERIC_DMY_RE, _NUMERIC_YMD_RE), _make_date)


def _hijri_to_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) day; None out of the table's range or for a day the month
    does not have."""
    if not MIN_HIJRI_YEAR <= year <= MAX_HIJRI_YEAR or not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    from hijridate import Hijri  # (imported on first use: most texts hold no Hijri date)

    try:
        value = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(value.year, value.month, value.day)


def _hijri_year_for(month: int, day: int, reference: date) -> date | None:
    """The Gregorian date of a Hijri day and month without year: in the reference's Hijri year, or the one
    before when that is more than a month after the reference."""
    from hijridate import Gregorian

    try:
        year = Gregorian(reference.year, reference.month, reference.day).to_hijri().year
    except (ValueError, OverflowError):
        return None
    for candidate_year in (year, year - 1):
        value = _hijri_to_date(candidate_year, month, day)
        if value is not None and value - reference <= FUTURE_TOLERANCE:
            return value
    return None


def _hijri_dates(text: str, reference: date | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _HIJRI_RE.finditer(text):
        month = _HIJRI_MONTH_BY_FOLD.get(normalize_for_matching(m["m"]))
        if month is None:
            continue
        day = _int(m["d"])
        if m["y"]:
            value = _hijri_to_date(_int(m["y"]), month, day)
        elif month == _SAFAR:
            continue  # "فاز 3 صفر": a score; Safar only with its year
        elif reference is not None:
            value = _hijri_year_for(month, day, reference)
        else:
            continue
        if value is not None:
            out.append((m.start(), m.end(), value, None, DAY))
    return out + _day_month_year_matches(text, (_NUMERIC_HIJRI_RE, _NUMERIC_HIJRI_YMD_RE), _hijri_to_date)


def _month_years(text: str, _reference: date | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _MONTH_YEAR_RE.finditer(text):
        if _DAY_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "31 فبراير 2024": an invalid full date is not demoted to a month
        month = _month(m["m"])
        value = _month_start(_int(m["y"]), month) if month else None
        if value is not None:
            out.append((m.start(), m.end(), value, None, MONTH))
    return out


def _relative_months(text: str, reference: date | None) -> list[_Candidate]:
    if reference is None:
        return []
    out: list[_Candidate] = []
    for m in _MONTH_RELATIVE_RE.finditer(text):
        month = _month(m["m"])
        value = _relative_month(month, _relative_kind(m), reference) if month else None
        if value is not None:
            out.append((m.start(), m.end(), value, None, MONTH))
    for m in _MONTH_ALONE_RE.finditer(text):
        month = _month(m["m"])
        if month is None or normalize_for_matching(m["m"]) in _AMBIGUOUS_FOLDED:
            continue
        value = _year_for(month, 1, reference)
        if value is not None:
            out.append((m.start("m"), m.end(), value, None, MONTH))
    for m in _THIS_MONTH_RE.finditer(text):
        delta = {"past": -1, "current": 0, "next": 1}[_relative_kind(m)]
        year, month = _shift_month(reference.year, reference.month, delta)
        value = _month_start(year, month)
        if value is not None:
            out.append((m.start("core"), m.end("core"), value, None, MONTH))
    return out


def _years(text: str, reference: date | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _YEAR_RE.finditer(text):
        value = _make_date(_int(m["y"]), 1, 1)
        if value is not None:
            out.append((m.start("core"), m.end("core"), value, None, YEAR))
    if reference is not None:
        for m in _THIS_YEAR_RE.finditer(text):
            delta = {"past": -1, "current": 0, "next": 1}[_relative_kind(m)]
            value = _make_date(reference.year + delta, 1, 1)
            if value is not None:
                out.append((m.start("core"), m.end("core"), value, None, YEAR))
    return out


def _is_today(text: str, m: re.Match[str]) -> bool:
    """``اليوم`` means "today" unless it is a noun: اليوم الوطني, عين اليوم, ذلك اليوم."""
    if m["wd"]:
        return True
    if _NOT_TODAY_BEFORE.search(text[max(0, m.start("core") - 12) : m.start("core")]):
        return False
    if text[m.end("core") : m.end("core") + 1] in ('"', "»", "”"):
        return False
    return _NOT_TODAY_AFTER.match(text, m.end("core")) is None


def _relative_days(text: str, reference: date | None) -> list[_Candidate]:
    if reference is None:
        return []
    out: list[_Candidate] = []
    for m in _RELATIVE_DAY_RE.finditer(text):
        if (m["wd"] or m["y_wd"] or m["t_wd"]) and _DIGIT_AFTER_RE.match(text, m.end("core")):
            continue
        if m["before_yesterday"]:
            value = reference - timedelta(days=2)
        elif m["yesterday"]:
            if _CLITIC_BL_RE.search(text, m.start(), m.start("core")) and not m["core"].startswith("ال"):
                continue  # لامس "touched", not ل + أمس
            weekday = _weekday(m["y_wd"])
            # the weekday decides ("أمس الثلاثاء" in a story collected after midnight is two days back)
            value = reference - timedelta(days=1) if weekday is None else (
                reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1))
        elif m["after_tomorrow"]:
            value = reference + timedelta(days=2)
        elif m["tomorrow"]:
            value = reference + timedelta(days=1)
        elif _is_today(text, m):
            weekday = _weekday(m["wd"])  # "اليوم (الأربعاء)" in a story collected on Thursday: Wednesday
            value = reference if weekday is None else reference - timedelta(days=(reference.weekday() - weekday) % 7)
        else:
            continue
        out.append((m.start("core"), m.end("core"), value, None, DAY))
    for m in _DAYS_AGO_RE.finditer(text):
        days = 2 if m["two"] else 7 if m["week"] else 14 if m["two_weeks"] else (
            _int(m["n"]) if m["n"] else _COUNT_BY_FOLD.get(normalize_for_matching(m["word"]), 0))
        if 1 <= days <= 31:
            out.append((m.start("core"), m.end("core"), reference - timedelta(days=days), None, DAY))
    for m in _WEEKDAY_PHRASE_RE.finditer(text):
        weekday = _weekday(m["wd"] or m["bare_wd"])
        if weekday is None or _DIGIT_AFTER_RE.match(text, m.end("core")):
            continue
        if m["next"] or m["bare_next"]:
            value = reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
        else:  # a bare weekday in news refers to the last such day, up to the reference day itself
            value = reference - timedelta(days=(reference.weekday() - weekday) % 7)
            if (m["past"] or m["bare_past"]) and value == reference:
                value -= timedelta(days=7)
        out.append((m.start("core"), m.end("core"), value, None, DAY))
    return out


# What each matcher's expressions need (a pre-check: most sentences have none, and the matchers' patterns are
# long): a digit; a month's name as a whole word; a weekday; a relative day word (أمس، البارحة، غدا، بعد غد،
# اليوم); "الشهر"; "العام" or "السنة". A text with none of them has no date at all.
_CUE_PATTERNS = {
    "digit": _D,
    "month": rf"{_NOT_WORD_BEFORE}(?:{_MONTH_RE}){_NOT_WORD_AFTER}",
    "hijri_month": rf"{_NOT_WORD_BEFORE}(?:{_HIJRI_MONTH_RE}){_NOT_WORD_AFTER}|1[345]{_D}{{2}}",
    "weekday": _WEEKDAY_RE,
    "day_word": "|".join(_variant_regex(w) for w in ("أمس", "البارحة", "غدا", "غدًا", "اليوم"))
                + rf"|بعد\s+{_variant_regex('غد')}|(?:منذ|قبل)\s+\S+(?:\s+\S+)?",
    "month_word": _variant_regex("الشهر"),
    "year_word": "|".join(_variant_regex(w) for w in ("العام", "السنة")),
}
_CUE_RES = {name: _lazy(pattern) for name, pattern in _CUE_PATTERNS.items()}
_DATE_CUE_RE = _lazy("|".join(f"(?:{p})" for p in _CUE_PATTERNS.values()))


def _date_cues(text: str) -> frozenset[str]:
    """The cues of :data:`_CUE_PATTERNS` that ``text`` holds (none for most sentences: one search)."""
    if not _DATE_CUE_RE.search(text):
        return frozenset()
    return frozenset(name for name, cue in _CUE_RES.items() if cue.search(text))


# in priority order: on overlap the longer span wins, on equal length the earlier matcher
_MATCHERS = (_ranges, _full_dates, _numeric_dates, _month_years, _relative_months, _years, _relative_days,
             _hijri_dates, _ordinal_dates)
# the cues each matcher cannot match without: all of the first set, or (second set) any one
_NEEDS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"digit", "month"}), frozenset()),  # ranges: days and a month
    (frozenset({"digit", "month"}), frozenset()),  # a day and a month
    (frozenset({"digit"}), frozenset()),  # numeric dates
    (frozenset({"digit", "month"}), frozenset()),  # a month and a year
    (frozenset(), frozenset({"month", "month_word"})),  # "أكتوبر الماضي", "في أكتوبر", "الشهر الماضي"
    (frozenset(), frozenset({"digit", "year_word"})),  # "عام 2002", "العام الماضي", "هذه السنة"
    (frozenset(), frozenset({"day_word", "weekday"})),  # "أمس", "اليوم الأربعاء", "يوم الثلاثاء"
    (frozenset({"digit", "hijri_month"}), frozenset()),  # "25 شوال 1436هـ", "27/6/1384ه"
    (frozenset({"month"}), frozenset()),  # "الثاني من يونيو"
)


def _select(candidates: list[tuple[int, _Candidate]]) -> list[_Candidate]:
    """Longest candidates first (then matcher priority), skipping any that overlaps one already chosen."""
    ordered = sorted(candidates, key=lambda pc: (-(pc[1][1] - pc[1][0]), pc[0], pc[1][0]))
    starts: list[int] = []  # chosen spans, sorted by start; they never overlap
    chosen: list[_Candidate] = []
    for _, cand in ordered:
        i = bisect.bisect_left(starts, cand[0])
        if i > 0 and chosen[i - 1][1] > cand[0]:
            continue
        if i < len(chosen) and chosen[i][0] < cand[1]:
            continue
        starts.insert(i, cand[0])
        chosen.insert(i, cand)
    return chosen


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",،"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",،"):
        end -= 1
    return start, end


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """Date expressions in ``text``, in text order, non-overlapping.

    ``reference`` (normally the publication date) resolves expressions without a year and relative ones
    (``أمس``, ``أكتوبر الماضي``); without it those are not reported. A ``datetime`` reference is used
    as its date.
    """
    if isinstance(reference, datetime):
        reference = reference.date()
    cues = _date_cues(text)
    if not cues:
        return []
    candidates = [(prio, cand) for prio, (matcher, (every, some)) in enumerate(zip(_MATCHERS, _NEEDS, strict=True))
                  if every <= cues and (not some or not some.isdisjoint(cues)) for cand in matcher(text, reference)]
    mentions = []
    for start, end, value, value_end, precision in _select(candidates):
        start, end = _trim(text, start, end)
        if _every_year_after(text, end):
            continue  # "ما بين 15 من شهر يونيو إلى … 15 من شهر سبتمبر من كل عام": days of every year, no date
        mentions.append(DateMention(start, end, text[start:end], value, value_end, precision))
    return mentions


_EVERY_YEAR = re.compile(r"(?<!\w)(?:كل\s+(?:عام|سنة|سنه)|سنويا|سنويًا)(?!\w)")
EVERY_YEAR_REACH = 60  # characters after a date, in its clause, where "من كل عام" makes it a yearly day


def _every_year_after(text: str, end: int) -> bool:
    """A "كل عام" ("every year") follows the date in its clause."""
    tail = re.split(r"[.،,؛;:\n]", text[end : end + EVERY_YEAR_REACH], maxsplit=1)[0]
    return _EVERY_YEAR.search(tail) is not None


# --- publication dates -----------------------------------------------------------------------------

_TIME_RE = _lazy(
    rf"(?<!{_D})(?P<h>{_D}{{1,2}}):(?P<mi>{_D}{{2}})(?::(?P<s>{_D}{{2}}))?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?|ص|م|صباحا|صباحًا|مساء|مساءً|مساءا)(?![\w]))?"
)
_ARABIC_LETTER_RE = _lazy("[\u0621-\u064a]")
_STRPTIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
)


def _naive_utc(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def _parse_machine(text: str) -> datetime | None:
    """ISO 8601, RFC 2822 and a few fixed formats."""
    candidate = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        return _naive_utc(datetime.fromisoformat(candidate))
    except ValueError:
        pass
    if _ARABIC_LETTER_RE.search(text):
        return None
    for fmt in _STRPTIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    try:
        return _naive_utc(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _parse_time(text: str) -> tuple[int, int, int] | None:
    m = _TIME_RE.search(text)
    if m is None:
        return None
    hour, minute, second = _int(m["h"]), _int(m["mi"]), _int(m["s"]) if m["s"] else 0
    ampm = (m["ampm"] or "").replace(".", "").lower()
    if ampm in ("pm", "م") or ampm.startswith("مساء"):
        hour = hour % 12 + 12
    elif ampm in ("am", "ص") or ampm.startswith("صباح"):
        hour = hour % 12
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def parse_published_at(text: str) -> datetime | None:
    """Parse a header or metadata date string into a naive datetime (UTC assumed).

    Accepts ISO strings (``2015-07-20``, ``2015-07-20T10:00:00``, ``2015-07-20 10:00``, with offsets,
    which are converted to UTC), RFC 2822 strings, ``dd/mm/yyyy [hh:mm]``, and Arabic header lines such as
    ``الخميس, 6 نوفمبر 2025 01:16 AM`` or ``6 تشرين الثاني 2025 - 13:05``. Returns ``None`` when no full
    date (day, month and year) is found.
    """
    if not text or not text.strip():
        return None
    text = " ".join(text.split())
    parsed = _parse_machine(text)
    if parsed is not None:
        return parsed if MIN_YEAR <= parsed.year <= MAX_YEAR else None
    mentions = [m for m in find_dates(text) if m.precision == DAY and m.date_end is None]
    if not mentions:
        return None
    first = mentions[0]
    clock = _parse_time(text[first.end :]) or _parse_time(text[: first.start]) or (0, 0, 0)
    return datetime(first.date.year, first.date.month, first.date.day, *clock)
