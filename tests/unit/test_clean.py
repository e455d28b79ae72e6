"""Tests for pipeline.nlp.clean."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp.clean import CleanedArticle, clean_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BODY = (
    "أكد وزير الخارجية أن المحادثات كانت مثمرة وناقشت قضايا ثنائية رئيسية بالإضافة إلى الوضع الإقليمي.\n"
    "وأضاف أن الجانبين اتفقا على مواصلة التشاور في الأسابيع المقبلة بشأن الملفات العالقة بينهما."
)


def _seed(prefix: str) -> CleanedArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return clean_article(path.read_text(encoding="utf-8"))


def test_seed_003_date_line_signature_and_share_widget() -> None:
    art = _seed("003")
    assert art.published_at == datetime(2025, 11, 6, 1, 16)
    assert art.source == "تلفزيون سوريا"
    assert "مشاركة المقال" not in art.text
    assert "تلفزيون سوريا" not in art.text.split("\n")[-1]
    assert not art.text.startswith("الخميس")
    assert art.title == "التعاون السوري الروسي يعود إلى الواجهة: زيارات رفيعة المستوى واتفاقيات قيد التنفيذ"
    assert art.text.count(art.title) == 1
    assert art.text.startswith(art.title + "\n")


def test_seed_004_byline_and_related_block() -> None:
    art = _seed("004")
    assert (art.source, art.author) == ("الثورة", "منهل إبراهيم")
    assert "آخر الأخبار" not in art.text
    assert "أطباء الطوارئ" not in art.text
    assert "منهل إبراهيم" not in art.text
    assert art.text.endswith("لبناء نموذج جديد من العلاقات.")
    assert art.title == "العلاقات السورية الروسية.. بين التعاون السيادي والمصالح البراغماتية"


def test_seed_002_widgets() -> None:
    art = _seed("002")
    for widget in ("news-details", "التعليقات", "اضافة تعليق"):
        assert widget not in art.text
    assert art.removed_lines == ["news-details", "التعليقات", "اضافة تعليق"]


def test_seed_000_dateline_is_kept() -> None:
    art = _seed("000")
    assert art.dateline == "موسكو"
    assert "موسكو - أكد وزير الخارجية" in art.text
    assert art.title is not None and art.title.startswith("ما آمال دمشق")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_has_a_title_and_is_idempotent(prefix: str) -> None:
    art = _seed(prefix)
    assert art.title
    assert clean_article(art.text).text == art.text


def test_title_line_repeated_is_kept_once() -> None:
    raw = f"عنوان الخبر الرئيسي اليوم\n\nعنوان الخبر الرئيسي اليوم\n\n{BODY}"
    art = clean_article(raw)
    assert art.text == f"عنوان الخبر الرئيسي اليوم\n\n{BODY}"
    assert art.title == "عنوان الخبر الرئيسي اليوم"


def test_metadata_title_goes_on_the_first_line_when_missing() -> None:
    art = clean_article(BODY, title="وزير الخارجية: المحادثات مثمرة")
    assert art.title == "وزير الخارجية: المحادثات مثمرة"
    assert art.text.startswith("وزير الخارجية: المحادثات مثمرة\n\n")
    again = clean_article(f"وزير الخارجية: المحادثات مثمرة\n\n{BODY}", title="وزير الخارجية: المحادثات مثمرة")
    assert again.text.count("المحادثات مثمرة\n") == 1


def test_fallback_title_is_the_first_sentence() -> None:
    art = clean_article(BODY)
    assert art.title == BODY.split(".")[0]


def test_leading_date_line_variants() -> None:
    art = clean_article(f"السبت، 12 شباط 2025 - 10:30 مساء\n\nعنوان\n\n{BODY}")
    assert art.published_at == datetime(2025, 2, 12, 22, 30)
    assert art.text.startswith("عنوان\n")
    art = clean_article(f"2015-07-20 10:00\n{BODY}")
    assert art.published_at == datetime(2015, 7, 20, 10, 0)


@pytest.mark.parametrize("first", ["وصل الرئيس إلى موسكو في 6 نوفمبر 2025", "قمة 6 نوفمبر 2025"])
def test_title_or_sentence_with_a_date_is_not_a_date_line(first: str) -> None:
    raw = f"{first}\n\n{BODY}"
    art = clean_article(raw)
    assert art.published_at is None
    assert art.text == raw


def test_agency_date_line() -> None:
    art = clean_article(f"عنوان\n\nجدة 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n{BODY}")
    assert (art.published_at, art.dateline, art.source) == (datetime(2015, 8, 11), "جدة", "واس")
    assert art.text == f"عنوان\n\n{BODY}"


@pytest.mark.parametrize(
    ("byline", "source", "author"),
    [
        ("الثورة – منهل إبراهيم:", "الثورة", "منهل إبراهيم"),
        ("الوطن - سامر أحمد:", "الوطن", "سامر أحمد"),
        ("بقلم: سامر أحمد", None, "سامر أحمد"),
        ("كتب - سامر أحمد", None, "سامر أحمد"),
        ("سامر أحمد - عين اليوم", "عين اليوم", "سامر أحمد"),
    ],
)
def test_bylines(byline: str, source: str | None, author: str | None) -> None:
    art = clean_article(f"عنوان الخبر\n\n{byline}\n\n{BODY}")
    assert (art.source, art.author) == (source, author)
    assert art.text == f"عنوان الخبر\n\n{BODY}"


def test_byline_with_city() -> None:
    art = clean_article(f"عنوان الخبر\n\nالقاهرة : (د ب أ)\n\n{BODY}")
    assert (art.dateline, art.source) == ("القاهرة", "د ب أ")


@pytest.mark.parametrize("line", ["الشرع - بوتين", "روسيا - أوكرانيا: مفاوضات جديدة", "دمشق: وصل الوفد إلى موسكو"])
def test_headline_with_dash_is_not_a_byline(line: str) -> None:
    raw = f"عنوان\n\n{line}\n\n{BODY}"
    assert clean_article(raw).text == raw


def test_dateline_city() -> None:
    art = clean_article(f"عنوان\n\nموسكو – {BODY}")
    assert art.dateline == "موسكو"
    assert "موسكو - أكد" in art.text
    art = clean_article(f"عنوان\n\nبيروت (رويترز) - {BODY}")
    assert (art.dateline, art.source) == ("بيروت", "رويترز")


@pytest.mark.parametrize(
    "tail",
    [
        "تلفزيون سوريا",
        "سانا",
        "(رويترز)",
        "المصدر: وكالة الأناضول",
        "صحيفة المستقبل",
    ],
)
def test_outlet_signature(tail: str) -> None:
    art = clean_article(f"عنوان\n\n{BODY}\n\n{tail}")
    assert art.source is not None and art.source in tail
    assert art.text == f"عنوان\n\n{BODY}"


def test_writer_signature_line() -> None:
    art = clean_article(f"عنوان\n\n{BODY}\n- سامر أحمد")
    assert art.author == "سامر أحمد"
    assert art.text == f"عنوان\n\n{BODY}"


def test_last_sentence_is_not_a_signature() -> None:
    raw = f"عنوان\n\n{BODY}\nوهذا ما أكده المسؤول."
    assert clean_article(raw).text == raw


@pytest.mark.parametrize(
    "widget",
    [
        "مشاركة المقال:",
        "شارك | طباعة | تعليق",
        "التعليقات (3)",
        "اضافة تعليق",
        "اقرأ أيضاً: الرئيس يصل إلى موسكو",
        "الكلمات المفتاحية: روسيا, سوريا, زيارة",
        "Share on Facebook",
        "https://example.com/news/123",
        "* * *",
        "// انتهى //",
        "عدد المشاهدات: 1520",
    ],
)
def test_widget_lines(widget: str) -> None:
    art = clean_article(f"عنوان\n\n{BODY}\n{widget}\n{BODY}")
    assert widget.split()[0] not in art.text
    assert art.text == f"عنوان\n\n{BODY}\n{BODY}"


def test_related_block_at_the_end_is_cut() -> None:
    related = "أخبار ذات صلة\nالرئيس يصل إلى موسكو\nوزير الخارجية يلتقي نظيره\n\nحالة الطقس غدا"
    art = clean_article(f"عنوان\n\n{BODY}\n\n{BODY}\n\n{related}")
    assert art.text == f"عنوان\n\n{BODY}\n\n{BODY}"


def test_related_block_in_the_middle_drops_only_headlines() -> None:
    raw = f"عنوان\n\n{BODY}\nاقرأ أيضا\nالرئيس يصل إلى موسكو\nوزير الخارجية يلتقي نظيره\n{BODY}\n{BODY}\n{BODY}"
    assert clean_article(raw).text == f"عنوان\n\n{BODY}\n{BODY}\n{BODY}\n{BODY}"


def test_arabic_line_with_english_names_is_kept() -> None:
    raw = f"عنوان\n\n{BODY}\nوقال موقع Chefxchange الإلكتروني إن الخدمة متاحة في لندن وواشنطن.\n{BODY}"
    assert clean_article(raw).text == raw


def test_crlf_and_invisible_characters() -> None:
    raw = "عنوان\r\n\r\n" + BODY.replace("\n", "\r\n") + "\u200f\r\nالتعليقات\r\n"
    art = clean_article(raw)
    assert art.text == f"عنوان\n\n{BODY}"


def test_empty_and_boilerplate_only() -> None:
    assert clean_article("").text == ""
    assert clean_article("  \n\n ").text == ""
    assert clean_article("news-details\n\nالتعليقات\n\nاضافة تعليق").text == ""


_LINES = [
    "",
    "",
    "عنوان الخبر",
    "الخميس, 6 نوفمبر 2025 01:16 AM",
    "الثورة - منهل إبراهيم:",
    "تلفزيون سوريا",
    "مشاركة المقال:",
    "آخر الأخبار",
    "اقرأ أيضا",
    "news-details",
    "التعليقات",
    "موسكو - أكد الوزير أن المحادثات كانت مثمرة وبناءة وشملت ملفات عديدة.",
    "وأضاف أن الزيارة مهمة.",
    "قال المتحدث إن الوفد سيصل غدا",
    "- سامر أحمد",
    "سمات روسيا سوريا",
    "2025",
    "Read more",
    "المصدر: رويترز",
    *BODY.split("\n"),
]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_LINES), st.text(alphabet="اب تث-:.،؟ \u0640\u200fAb1", max_size=25)),
        max_size=14,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_idempotent(lines: list[str], sep: str) -> None:
    once = clean_article(sep.join(lines))
    assert clean_article(once.text).text == once.text
    assert once.text == once.text.strip()
    assert "\n\n\n" not in once.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=10), st.sampled_from(["عنوان", "عنوان الخبر", "Title"]))
def test_idempotent_with_metadata_title(lines: list[str], title: str) -> None:
    once = clean_article("\n".join(lines), title=title)
    assert clean_article(once.text).text == once.text


def test_trailer_glued_to_the_last_paragraph_is_cut() -> None:
    text = ("عنوان الخبر\n\nوكشف الوزير أن الملك سيزور الولايات المتحدة في سبتمبر. رابط الخبر بصحيفة الوئام: عنوان آخر "
            "للخبر نفسه")
    art = clean_article(text)
    assert art.text.endswith("في سبتمبر.")
    assert art.removed_lines == ["رابط الخبر بصحيفة الوئام: عنوان آخر للخبر نفسه"]
    assert clean_article(art.text).text == art.text
    # not a trailer inside a sentence
    kept = "عنوان\n\nقال إن رابط الخبر بصحيفة محلية كان معطلا أمس"
    assert "رابط الخبر" in clean_article(kept).text


def test_a_tag_list_glued_to_the_last_paragraph_is_cut_and_nowhere_else() -> None:
    text = ("عنوان الخبر\n\nوقال إن من سمات القائد الصبر. سمات القيادة كثيرة ومنها الحلم.\n\n"
            "وأكد أن القوات مصدر أمان للشعب اليمني. سمات إعادة الأمل الحوثي السعودية المخلوع صالح")
    art = clean_article(text)
    assert art.text.endswith("للشعب اليمني.")
    assert "سمات القيادة كثيرة" in art.text  # a sentence opening with the word, not in the last paragraph
    assert art.removed_lines == ["سمات إعادة الأمل الحوثي السعودية المخلوع صالح"]
    assert clean_article(art.text).text == art.text


def test_a_related_articles_trailer_glued_to_its_first_headline_is_cut() -> None:
    text = ("عنوان المقال\n\nمجرد خاتمة ساذجة لجرح تجدده الأعياد. مقالات أخرى للكاتبمبادرات بسيطة للتحالف مع "
            "المستقبلخاب وخسر من فجر نفسه")
    art = clean_article(text)
    assert art.text.endswith("تجدده الأعياد.")
    assert art.removed_lines == ["مقالات أخرى للكاتبمبادرات بسيطة للتحالف مع المستقبلخاب وخسر من فجر نفسه"]
    assert clean_article(art.text).text == art.text
    # a one-word trailer still ends at a word boundary
    assert "سماته" in clean_article("عنوان\n\nوأكد أن للقائد صفات. سماته الصبر والحلم").text


def test_a_file_without_line_breaks_loses_no_text_to_a_trailer_marker() -> None:
    """A trailer marker in the middle of a 300,000-character line (a dump with no line breaks) is text: chrome
    cut from the end of a paragraph is short, so the rest of such a line stays."""
    from pipeline.nlp.clean import TRAILER_MAX_CHARS

    body = "وقال الوزير إن المشروع يسير وفق الخطة المرسومة له. " * 3000
    text = body + "مقالات أخرى للكاتب " + body
    art = clean_article(text)
    assert len(art.text) > 0.99 * len(" ".join(text.split())) and art.removed_lines == []
    short = "عنوان المقال\n\n" + body[:300].rsplit(".", 1)[0] + ". مقالات أخرى للكاتبمبادرات بسيطة للتحالف مع المستقبل"
    assert clean_article(short).removed_lines == ["مقالات أخرى للكاتبمبادرات بسيطة للتحالف مع المستقبل"]
    assert TRAILER_MAX_CHARS >= 4 * 463  # the longest real trailer of the sample, with room
