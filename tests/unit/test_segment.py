"""Tests for pipeline.nlp.segment."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.segment import sentence_spans, sentences


def test_basic_split() -> None:
    text = "قال الوزير إن المحادثات مثمرة. وأضاف: هل هذا جيد؟ نعم! ثم؛ انتهى"
    assert sentences(text) == ["قال الوزير إن المحادثات مثمرة.", "وأضاف: هل هذا جيد؟", "نعم!", "ثم؛", "انتهى"]


def test_cleaned_forms_of_arabic_punctuation() -> None:
    # clean_text (arclean) turns ؟ into ? and ؛ into ;
    assert sentences("هل وصل? نعم; وصل") == ["هل وصل?", "نعم;", "وصل"]


def test_numbers_and_abbreviations_do_not_split() -> None:
    text = "بلغ النمو 3.5 بالمئة وفق د. محمد علي. وقال إن U.S. army و Mr. Smith حضرا."
    assert sentences(text) == ["بلغ النمو 3.5 بالمئة وفق د. محمد علي.", "وقال إن U.S. army و Mr. Smith حضرا."]


def test_newlines_split_and_whitespace_is_excluded() -> None:
    text = "  عنوان الخبر  \n\n  الفقرة الأولى. الثانية  \n"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["عنوان الخبر", "الفقرة الأولى.", "الثانية"]


def test_closing_quotes_stay_with_the_sentence() -> None:
    assert sentences('قال: "هذا جيد." ثم غادر.') == ['قال: "هذا جيد."', "ثم غادر."]
    assert sentences("قال «انتهى الأمر!» وغادر") == ["قال «انتهى الأمر!»", "وغادر"]


def test_ellipsis_and_double_points() -> None:
    assert sentences("حلب.. طوابير وساعات... من الانتظار") == ["حلب..", "طوابير وساعات...", "من الانتظار"]


def test_empty() -> None:
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []


@given(st.text(alphabet="اب ت.!?؟؛;\n\t 3\"»)(.د", max_size=200))
def test_spans_partition_non_whitespace(text: str) -> None:
    spans = sentence_spans(text)
    covered: set[int] = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        last_end = end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered


@given(st.text(max_size=300))
def test_spans_on_any_text(text: str) -> None:
    spans = sentence_spans(text)
    assert spans == sorted(spans)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2
    non_ws = {i for i, ch in enumerate(text) if not ch.isspace()}
    assert non_ws <= {i for s, e in spans for i in range(s, e)}
    assert all(text[s:e].strip() == text[s:e] and s < e for s, e in spans)


def test_point_glued_to_the_next_sentence_splits() -> None:
    # news sites often drop the space after a full stop (a heading run into the body, or a paste)
    text = "وحث النشء على احترامهم.وفي ذلك السياق، أكد الشيخ الأمر!وقال: انتهى؟«نعم» قالها."
    assert sentences(text) == ["وحث النشء على احترامهم.", "وفي ذلك السياق، أكد الشيخ الأمر!", "وقال: انتهى؟",
                               "«نعم» قالها."]


def test_glued_abbreviations_numbers_and_latin_do_not_split() -> None:
    # one-letter abbreviations (د.إبراهيم, أ.د.محمد, ص.ب), decimals and domains stay whole
    for text in ("نقل محاضرة الشيخ د.إبراهيم الدويش عبر الدائرة.", "قال أ.د.محمد علي ذلك.",
                 "العنوان ص.ب 1234 الرياض.", "بلغ 3.5 بالمئة.", "زوروا alriyadh.com للتفاصيل."):
        assert sentences(text) == [text]


def test_glued_acronyms_and_ellipses_do_not_split() -> None:
    for text in ("وقالت شبكة (سي.إن.إن) إن الأمر انتهى.", "وقالت إن.بي.سي إن الحسابات اخترقت.",
                 "أكد: السمعة كبيرة..اللي ما عنده خبر", "قال “بناء على التوجيهات السامية...لتلبية طلب”",
                 "بنوك إتش.إس.بي.سي وستاندرد."):
        assert sentences(text) == [text]


def test_sentence_runs_cover_every_sentence_once_within_the_length() -> None:
    from pipeline.nlp.segment import sentence_runs

    spans = [(0, 40), (41, 90), (91, 300), (301, 320), (321, 330)]
    assert sentence_runs(spans, 100) == [(0, 2), (2, 3), (3, 5)]  # (91, 300) is longer: a run of its own
    assert sentence_runs(spans, 10_000) == [(0, 5)] and sentence_runs([], 100) == []
