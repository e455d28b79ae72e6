"""Tests for pipeline.nlp.dates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.dates import DateMention, find_dates, parse_published_at

REF = date(2025, 11, 6)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _one(text: str, reference: date | None = REF) -> DateMention:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("الخميس, 6 نوفمبر 2025 01:16 AM", "6 نوفمبر 2025", date(2025, 11, 6)),
        ("وفي 12 شباط 2025 أجرى الرئيس", "12 شباط 2025", date(2025, 2, 12)),
        ("في 18 كانون الأول 2024، وصف", "18 كانون الأول 2024", date(2024, 12, 18)),
        ("في 20 آذار 2025 بعث", "20 آذار 2025", date(2025, 3, 20)),
        ("يوم 3 ابريل 2020", "3 ابريل 2020", date(2020, 4, 3)),
        ("يوم 3 إبريل 2020", "3 إبريل 2020", date(2020, 4, 3)),
        ("في 5 يونيه 2019م", "5 يونيه 2019م", date(2019, 6, 5)),
        ("في ٦ نوفمبر ٢٠٢٥ صباحا", "٦ نوفمبر ٢٠٢٥", date(2025, 11, 6)),
        ("6 تشرين الثاني/نوفمبر 2025", "6 تشرين الثاني/نوفمبر 2025", date(2025, 11, 6)),
        ("15 من شهر أكتوبر 2024", "15 من شهر أكتوبر 2024", date(2024, 10, 15)),
        ("في 1 جانفي 2024", "1 جانفي 2024", date(2024, 1, 1)),
        ("بتاريخ 20/10/2024 وقع", "20/10/2024", date(2024, 10, 20)),
        ("بتاريخ ٢٠/١٠/٢٠٢٤ وقع", "٢٠/١٠/٢٠٢٤", date(2024, 10, 20)),
        ("نشر 2024-02-29.", "2024-02-29", date(2024, 2, 29)),
        ("في 29.02.2024", "29.02.2024", date(2024, 2, 29)),
    ],
)
def test_full_dates(text: str, surface: str, expected: date) -> None:
    mention = _one(text, None)
    assert mention.text == surface
    assert text[mention.start : mention.end] == surface
    assert mention.date == expected
    assert mention.precision == "day"
    assert mention.date_end is None


@pytest.mark.parametrize("text", ["31 فبراير 2024", "في 2024-02-30", "30/02/2023", "عام 1436هـ", "فاز 3 صفر",
                                  "بتاريخ 1436/13/5", "في 30/2/1200هـ"])
def test_invalid_dates_and_hijri_years_alone_are_ignored(text: str) -> None:
    assert find_dates(text, REF) == []


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("باشر صباح اليوم الاثنين 25 شوال 1436 بلاغا", "25 شوال 1436", date(2015, 8, 10)),
    ("الموافق 24 شوال 1436هـ", "24 شوال 1436هـ", date(2015, 8, 9)),
    ("يوم 21 جمادى الآخرة 1436", "21 جمادى الآخرة 1436", date(2015, 4, 10)),
    ("في 8 من ذي القعدة لعام 1436", "8 من ذي القعدة لعام 1436", date(2015, 8, 23)),
    ("يوم الاثنين 27/6/1384ه تولى الملك فيصل", "27/6/1384ه", date(1964, 11, 2)),
    ("بتاريخ 1436/10/5", "1436/10/5", date(2015, 7, 21)),
    ("في 3 صفر 1437هـ", "3 صفر 1437هـ", date(2015, 11, 15)),
])
def test_hijri_dates_are_converted_with_the_umm_al_qura_calendar(text: str, surface: str, expected: date) -> None:
    mention = _one(text, None)
    assert (mention.text, mention.date, mention.precision) == (surface, expected, "day")
    assert text[mention.start : mention.end] == surface


def test_a_numeric_date_with_the_gregorian_mark_glued_to_its_year() -> None:
    got = find_dates("يوم الثلاثاء 19/10/1436ه الموافق 04/08/2015م على زيادة رأس المال", REF)
    assert [(m.text, m.date) for m in got] == [("19/10/1436ه", date(2015, 8, 4)), ("04/08/2015م", date(2015, 8, 4))]


def test_a_hijri_day_without_year_takes_the_references_hijri_year() -> None:
    (mention,) = find_dates("في 10 شوال", date(2015, 8, 11))
    assert mention.date == date(2015, 7, 26)
    (mention,) = find_dates("في 28 ذي الحجة", date(2015, 8, 11))  # not yet this Hijri year: the one before
    assert mention.date.year == 2014


def test_day_month_without_year_uses_reference() -> None:
    mention = _one("خلال لقاء الرئيسين في 15 أكتوبر، بالإضافة")
    assert (mention.text, mention.date, mention.precision) == ("15 أكتوبر", date(2025, 10, 15), "day")


def test_day_month_later_than_reference_goes_to_previous_year() -> None:
    assert _one("في 20 ديسمبر", date(2025, 1, 10)).date == date(2024, 12, 20)
    assert _one("في 20 يناير", date(2025, 1, 10)).date == date(2025, 1, 20)


def test_without_reference_relative_expressions_are_not_reported() -> None:
    assert find_dates("في 15 أكتوبر وأمس واليوم وفي أكتوبر الماضي") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في 2 أبريل الماضي.", date(2025, 4, 2)),
        ("في 2 نوفمبر الماضي", date(2025, 11, 2)),
        ("في 12 نوفمبر المقبل", date(2025, 11, 12)),
        ("في 2 نوفمبر المقبل", date(2026, 11, 2)),
        ("في ال30 من تشرين الأول (أكتوبر) الماضي", date(2025, 10, 30)),
    ],
)
def test_day_month_with_relative_word(text: str, expected: date) -> None:
    mention = _one(text)
    assert (mention.date, mention.precision) == (expected, "day")


def test_double_month_names() -> None:
    mention = _one("في يوليو تموز 2013 إثر", None)
    assert (mention.text, mention.date, mention.precision) == ("يوليو تموز 2013", date(2013, 7, 1), "month")
    assert find_dates("في مايو ويونيو 1999.", REF) == []


def test_verbs_and_outlet_names_are_not_relative_days() -> None:
    assert find_dates("حينما لامس أقل مستوى", REF) == []
    assert find_dates("قال السفير ل اليوم : إن", REF) == []
    assert _one("وبالأمس كانوا هنا").date == date(2025, 11, 5)


@pytest.mark.parametrize(
    "text",
    [
        'وقال ل "اليوم" مدير',
        "بحسب روسيا اليوم.",
        "ست وجبات في اليوم كفيلة",
        "على مدار اليوم, وهذا",
        "ابتداء من يوم الثلاثاء 26 / 10 / 1436ه",
    ],
)
def test_today_and_weekday_false_positives(text: str) -> None:
    assert find_dates(text, REF) == []


def test_weekday_before_explicit_date_defers_to_the_date() -> None:
    mentions = find_dates("اعتبارا من يوم الأربعاء 15 يوليو 2015.", REF)
    assert [(m.text, m.date) for m in mentions] == [("15 يوليو 2015", date(2015, 7, 15))]


def test_range() -> None:
    mention = _one("زيارة استمرت من 28 إلى 31 أكتوبر. وعقد")
    assert mention.text == "من 28 إلى 31 أكتوبر"
    assert (mention.date, mention.date_end, mention.precision) == (date(2025, 10, 28), date(2025, 10, 31), "day")


def test_range_across_months_and_years() -> None:
    mention = _one("من 28 ديسمبر 2024 إلى 3 يناير 2025", None)
    assert (mention.date, mention.date_end) == (date(2024, 12, 28), date(2025, 1, 3))


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("للزيارة التي قام بها في أكتوبر الماضي.", "أكتوبر الماضي", date(2025, 10, 1)),
        ("في موسكو في تشرين الأول الجاري.", "تشرين الأول الجاري", date(2025, 10, 1)),
        ("في آذار الماضي، استأنفت", "آذار الماضي", date(2025, 3, 1)),
        ("في نوفمبر الماضي", "نوفمبر الماضي", date(2024, 11, 1)),
        ("في يناير المقبل", "يناير المقبل", date(2026, 1, 1)),
        ("خلال الشهر الماضي", "الشهر الماضي", date(2025, 10, 1)),
        ("في سبتمبر. وأعلن", "سبتمبر", date(2025, 9, 1)),
        ("في تموز 2025", "تموز 2025", date(2025, 7, 1)),
    ],
)
def test_month_precision(text: str, surface: str, expected: date) -> None:
    mention = _one(text)
    assert (mention.text, mention.date, mention.precision) == (surface, expected, "month")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("في عام 2002 وقع", "عام 2002", date(2002, 1, 1)),
        ("خلال العام 2024.", "العام 2024", date(2024, 1, 1)),
        ("في العام الماضي", "العام الماضي", date(2024, 1, 1)),
        ("هذا العام", "هذا العام", date(2025, 1, 1)),
    ],
)
def test_year_precision(text: str, surface: str, expected: date) -> None:
    mention = _one(text)
    assert (mention.text, mention.date, mention.precision) == (surface, expected, "year")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("بالرئيس بوتين يوم أمس، حيث", "يوم أمس", date(2025, 11, 5)),
        ("وقال أمس إن", "أمس", date(2025, 11, 5)),
        ("وقع أمس الأول", "أمس الأول", date(2025, 11, 4)),
        ("وقع أول أمس", "أول أمس", date(2025, 11, 4)),
        ("يصل غداً إلى", "غداً", date(2025, 11, 7)),
        ("يصل غدا إلى", "غدا", date(2025, 11, 7)),
        # the reference (6 Nov 2025) is a Thursday: a story collected after midnight says "today, Wednesday"
        ("أجرى الرئيس، اليوم الأربعاء، زيارة", "اليوم الأربعاء", date(2025, 11, 5)),
        ("أجرى الرئيس، اليوم (الخميس)، زيارة", "اليوم (الخميس)", date(2025, 11, 6)),
        ("وقال أمس (الثلاثاء) إن", "أمس (الثلاثاء)", date(2025, 11, 4)),
        ("استقبل في جدة البارحة الوفد", "البارحة", date(2025, 11, 5)),
        ("تمكن رجال الأمن البارحة الأولى من ضبط", "البارحة الأولى", date(2025, 11, 4)),  # the night before last
        ("وقع ليلة البارحة الاولى في", "ليلة البارحة الاولى", date(2025, 11, 4)),
        ("دارت منتصف ليل أمس (الأول) بين", "أمس (الأول)", date(2025, 11, 4)),
        ("وقع أول من أمس", "أول من أمس", date(2025, 11, 4)),
        ("على المسجد الخميس الماضي، يرافقه", "الخميس الماضي", date(2025, 10, 30)),
        ("يصل الأحد المقبل إلى", "الأحد المقبل", date(2025, 11, 9)),
        ("أعلن اليوم أن", "اليوم", date(2025, 11, 6)),
        ("قال يوم الثلاثاء", "يوم الثلاثاء", date(2025, 11, 4)),
    ],
)
def test_relative_days(text: str, surface: str, expected: date) -> None:
    mention = _one(text)
    assert (mention.text, mention.date, mention.precision) == (surface, expected, "day")


@pytest.mark.parametrize(
    "text", ["اليوم الوطني", "صحيفة عين اليوم", "الأمسية الثقافية", "مطلع تسعينيات القرن الماضي", "مارس الرياضة"]
)
def test_non_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_seed_004_dates() -> None:
    text = (SEEDS / "004_71cf752dea56cd4a.txt").read_text(encoding="utf-8")
    found = {(m.text, m.date, m.precision) for m in find_dates(text, REF)}
    assert ("12 شباط 2025", date(2025, 2, 12), "day") in found
    assert ("20 آذار 2025", date(2025, 3, 20), "day") in found
    assert ("18 كانون الأول 2024", date(2024, 12, 18), "day") in found
    assert ("تشرين الأول الجاري", date(2025, 10, 1), "month") in found
    assert ("آذار الماضي", date(2025, 3, 1), "month") in found


@given(st.text(alphabet="0123456789 /-.يناير شباط أمس اليوم عام من إلى في الماضي ٠١٢٣", max_size=80))
def test_spans_are_consistent(text: str) -> None:
    mentions = find_dates(text, REF)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        assert m.precision in {"day", "month", "year"}
        last_end = m.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الخميس, 6 نوفمبر 2025 01:16 AM", datetime(2025, 11, 6, 1, 16)),
        ("الخميس، 6 نوفمبر 2025 01:16 PM", datetime(2025, 11, 6, 13, 16)),
        ("6 تشرين الثاني 2025 - 1:05 م", datetime(2025, 11, 6, 13, 5)),
        ("2015-07-20", datetime(2015, 7, 20)),
        ("2015-07-20T10:00:00", datetime(2015, 7, 20, 10)),
        ("2015-07-20 10:00", datetime(2015, 7, 20, 10)),
        ("2015-07-20 15:38:33", datetime(2015, 7, 20, 15, 38, 33)),
        ("2015-07-20T10:00:00+03:00", datetime(2015, 7, 20, 7)),
        ("2015-07-20T10:00:00Z", datetime(2015, 7, 20, 10)),
        ("Mon, 20 Jul 2015 10:00:00 +0000", datetime(2015, 7, 20, 10)),
        ("20/07/2015 10:00", datetime(2015, 7, 20, 10)),
        ("  6 نوفمبر 2025  ", datetime(2025, 11, 6)),
    ],
)
def test_parse_published_at(text: str, expected: datetime) -> None:
    parsed = parse_published_at(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is None


@pytest.mark.parametrize("text", ["", "   ", "nonsense", "نوفمبر 2025", "31 فبراير 2024"])
def test_parse_published_at_rejects(text: str) -> None:
    assert parse_published_at(text) is None


def test_a_bare_weekday_is_no_date():
    assert find_dates("بعد صلاة الجمعة في المسجد", REF) == []


def test_date_cue_prefilter_never_hides_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_dates runs a matcher only on a text holding the cues it needs (a digit, a month, a weekday, a
    relative word) and returns at once without any; with every matcher run on every text it finds the same
    dates, in real sentences and in date phrases
    spelt with diacritics, tatweel and Arabic-Indic digits."""
    import json
    import random
    from pathlib import Path

    from pipeline.nlp import dates

    root = Path(__file__).resolve().parents[2]
    texts = [line for p in sorted((root / "seeds").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    texts += [json.loads(line)["sentence"] for name in ("events_gold", "events_dev3", "events_dev5")
              for line in (root / "tests" / "fixtures" / "events" / f"{name}.jsonl").read_text(
                  encoding="utf-8").splitlines() if line.strip()]
    phrases = ["في 15 أكتوبر", "أكتوبر الماضي", "تشرين الأول الجاري", "الشهر الماضي", "العام الماضي", "هذه السنة",
               "اليوم الأربعاء", "أمس الأول", "أول من أمس", "غدًا الخميس", "بعد غد", "يوم الثلاثاء", "الخميس المقبل",
               "البارحة", "من 28 إلى 31 أكتوبر", "نوفمبر ٢٠٢٥", "عام 2002", "12/03/2015", "في آب", "مطلع أيار"]
    rng = random.Random(7)
    for phrase in phrases:
        for _ in range(5):  # a diacritic or a tatweel after some letters
            texts.append("قال المسؤول " + "".join(
                ch + (rng.choice("\u064e\u064f\u0650\u0651\u0652\u0640") if ch.isalpha() and rng.random() < 0.3 else "")
                for ch in phrase) + " إن الوفد وصل")
    reference = date(2015, 7, 20)
    with_cue = [dates.find_dates(t, reference) for t in texts]
    skipped = sum(not dates._DATE_CUE_RE.search(t) for t in texts)
    monkeypatch.setattr(dates, "_date_cues", lambda text: frozenset(dates._CUE_PATTERNS))  # every matcher runs
    assert [dates.find_dates(t, reference) for t in texts] == with_cue
    assert sum(map(bool, with_cue)) > 150 and skipped > 300


@pytest.mark.parametrize(
    ("text", "surface", "expected", "end"),
    [
        ("وقدم بلاتر استقالته في الثاني من يونيو الماضي بعد أربعة أيام", "الثاني من يونيو الماضي", date(2025, 6, 2),
         None),
        ("في الحادي والعشرين من مارس 2024 أعلن", "الحادي والعشرين من مارس 2024", date(2024, 3, 21), None),
        ("منذ الأول من شهر أكتوبر", "الأول من شهر أكتوبر", date(2025, 10, 1), None),
        ("اتفقا في السابع والثامن من تموز/يوليو على استخدام القاعدة", "السابع والثامن من تموز/يوليو",
         date(2025, 7, 7), date(2025, 7, 8)),
        ("في الثالث عشر من سبتمبر", "الثالث عشر من سبتمبر", date(2025, 9, 13), None),
    ],
)
def test_a_day_written_as_an_ordinal_word(text: str, surface: str, expected: date, end: date | None) -> None:
    m = _one(text)
    assert (m.text, m.date, m.date_end, m.precision) == (surface, expected, end, "day")


@pytest.mark.parametrize("text", ["في الأسبوع الأول من يونيو", "خلال النصف الثاني من العام", "الدور الثاني من مارس"])
def test_an_ordinal_of_a_week_or_a_half_is_no_day(text: str) -> None:
    assert all(m.precision != "day" for m in find_dates(text, REF))


def test_a_day_of_every_year_is_no_date() -> None:
    text = "يمنع العمل تحت الشمس ما بين 15 من شهر يونيو إلى نهاية 15 من شهر سبتمبر من كل عام ميلادي، نظرا للحرارة"
    assert find_dates(text, date(2015, 8, 6)) == []
    # "كل عام" in another clause leaves the date alone
    (mention,) = find_dates("وصل الوفد في 15 سبتمبر الماضي، ويزور المملكة كل عام", date(2015, 10, 6))
    assert mention.date == date(2015, 9, 15)
