"""Tests for pipeline.nlp.decode: fixtures are generated as bytes in tmp_path."""

from __future__ import annotations

import codecs
import pickle
from pathlib import Path

import pytest

from pipeline.nlp.decode import (
    Decoded,
    DecodeError,
    decode_bytes,
    encoding_name,
    html_to_text,
)

ARABIC = (
    "موسكو – أكد وزير الخارجية الروسي، سيرغي لافروف، أن المحادثات التي أجراها وزير الخارجية السوري "
    "كانت “مثمرة” وناقشت قضايا ثنائية رئيسية بالإضافة إلى الوضع الإقليمي.\n"
    "وتأتي هذه المحادثات في إطار تعزيز العلاقات السورية الروسية في عام 2025.\n"
)
# iso-8859-6 has no “ ” – or Arabic-Indic digits; keep a text every code page can encode
PLAIN_ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة، وناقشت قضايا ثنائية رئيسية في العاصمة.\nوأضاف: الوضع جيد.\n"


def _roundtrip(tmp_path: Path, name: str, data: bytes) -> Decoded:
    path = tmp_path / name
    path.write_bytes(data)
    return decode_bytes(path.read_bytes())


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-32", "utf-32"),
    ],
)
def test_unicode_encodings(tmp_path: Path, codec: str, expected: str) -> None:
    decoded = _roundtrip(tmp_path, f"a.{codec}.txt", ARABIC.encode(codec))
    assert decoded == Decoded(ARABIC, expected)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_boms(tmp_path: Path, bom: bytes) -> None:
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    decoded = _roundtrip(tmp_path, "a.txt", bom + ARABIC.encode(codec))
    assert decoded == Decoded(ARABIC, "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, codec: str) -> None:
    assert _roundtrip(tmp_path, "a.txt", ARABIC.encode(codec)) == Decoded(ARABIC, "utf-16")


def test_windows_1256(tmp_path: Path) -> None:
    assert _roundtrip(tmp_path, "a.txt", ARABIC.encode("cp1256")) == Decoded(ARABIC, "windows-1256")


def test_iso_8859_6(tmp_path: Path) -> None:
    assert _roundtrip(tmp_path, "a.txt", PLAIN_ARABIC.encode("iso8859_6")) == Decoded(PLAIN_ARABIC, "iso-8859-6")


def test_windows_1256_plain_text_is_not_taken_for_iso(tmp_path: Path) -> None:
    decoded = _roundtrip(tmp_path, "a.txt", PLAIN_ARABIC.encode("cp1256"))
    assert decoded == Decoded(PLAIN_ARABIC, "windows-1256")


def test_utf8_with_a_truncated_last_character_stays_utf8(tmp_path: Path) -> None:
    data = ARABIC.encode("utf-8") + "ب".encode()[:1]
    decoded = _roundtrip(tmp_path, "a.txt", data)
    assert decoded == Decoded(ARABIC + "\ufffd", "utf-8")


def test_crlf_is_preserved_for_the_cleaner(tmp_path: Path) -> None:
    data = ARABIC.replace("\n", "\r\n").encode("utf-8")
    assert _roundtrip(tmp_path, "a.txt", data).text == ARABIC.replace("\n", "\r\n")


def test_crlf_windows_1256(tmp_path: Path) -> None:
    data = ARABIC.replace("\n", "\r\n").encode("cp1256")
    assert _roundtrip(tmp_path, "a.txt", data).encoding == "windows-1256"


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n", " \n".encode("utf-16")]
)
def test_empty(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        _roundtrip(tmp_path, "empty.txt", data)
    assert info.value.reason == "empty"
    assert info.value.detail


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        bytes(range(256)) * 8,
        b"abc\x00\x01\x02def" * 50,
        b"\x01\x02\x03\x04\x05\x06\x07\x08 hello" * 30,
    ],
)
def test_binary(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        _roundtrip(tmp_path, "blob.bin", data)
    assert info.value.reason == "binary"
    assert "text" in info.value.detail


def test_bad_bom_is_undecodable(tmp_path: Path) -> None:
    with pytest.raises(DecodeError) as info:
        _roundtrip(tmp_path, "bad.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfa abc")
    assert info.value.reason == "undecodable"


def test_error_message_contains_reason() -> None:
    err = DecodeError("binary", "Not text.")
    assert (err.reason, err.detail) == ("binary", "Not text.")
    assert str(err) == "binary: Not text."
    again = pickle.loads(pickle.dumps(err))
    assert (again.reason, again.detail) == ("binary", "Not text.")


def test_encoding_names() -> None:
    assert encoding_name("cp1256") == "windows-1256"
    assert encoding_name("ISO-8859-6") == "iso-8859-6"
    assert encoding_name("UTF8") == "utf-8"


HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>زيارة الشرع إلى موسكو | موقع الأخبار</title>
<meta property="og:title" content="زيارة الشرع إلى موسكو">
<script>var tracking = "لا تظهر";</script><style>body { color: red }</style></head>
<body><header><div class="logo">موقع الأخبار</div><nav><ul><li><a href="/">الرئيسية</a></li>
<li>سياسة</li></ul></nav></header>
<div class="share-buttons">شارك على فيسبوك</div>
<main><article>
  <h1>زيارة الشرع إلى موسكو</h1>
  <p>أجرى الرئيس <b>أحمد الشرع</b> زيارة رسمية إلى موسكو،
     التقى خلالها الرئيس الروسي.</p>
  <p>وناقش الجانبان التعاون الاقتصادي.<br>وقال مصدر إن الزيارة مهمة.</p>
  <div class="related-news"><h3>أخبار ذات صلة</h3><ul><li>خبر آخر</li></ul></div>
  <form><input name="q"><label>ابحث</label></form>
</article></main>
<aside>الأكثر قراءة</aside>
<footer>جميع الحقوق محفوظة</footer>
<noscript>فعّل جافاسكربت</noscript>
</body></html>"""


def test_html_to_text() -> None:
    title, body = html_to_text(HTML)
    assert title == "زيارة الشرع إلى موسكو"
    assert body.split("\n") == [
        "أجرى الرئيس أحمد الشرع زيارة رسمية إلى موسكو، التقى خلالها الرئيس الروسي.",
        "وناقش الجانبان التعاون الاقتصادي.",
        "وقال مصدر إن الزيارة مهمة.",
    ]
    for junk in ("tracking", "color", "الرئيسية", "شارك", "ذات صلة", "ابحث", "الأكثر قراءة", "الحقوق", "جافاسكربت"):
        assert junk not in body


def test_html_without_article_uses_body_and_title_tag() -> None:
    html = "<html><head><title>عنوان الخبر - الجريدة</title></head><body><nav>قائمة</nav><p>نص الخبر.</p></body></html>"
    assert html_to_text(html) == ("عنوان الخبر", "نص الخبر.")


def test_html_wrapper_named_like_a_sidebar_is_kept() -> None:
    html = (
        '<body><div class="page with-sidebar"><div class="post-body"><p>الفقرة الأولى من الخبر.</p>'
        '<p>الفقرة الثانية.</p></div><div class="sidebar">روابط</div></div></body>'
    )
    assert html_to_text(html) == (None, "الفقرة الأولى من الخبر.\nالفقرة الثانية.")


def test_html_empty_and_fragment() -> None:
    assert html_to_text("") == (None, "")
    assert html_to_text("<p>فقرة</p><p>أخرى</p>") == (None, "فقرة\nأخرى")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_html_file_in_any_encoding(tmp_path: Path, codec: str) -> None:
    page = HTML.replace('<meta charset="utf-8">', "").replace("\n", "\r\n")
    decoded = _roundtrip(tmp_path, "page.html", page.encode(codec))
    title, body = html_to_text(decoded.text)
    assert title == "زيارة الشرع إلى موسكو"
    assert body.startswith("أجرى الرئيس أحمد الشرع")
    assert "tracking" not in body and "الرئيسية" not in body


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
@pytest.mark.parametrize(("codec", "expected"), [("cp1256", "windows-1256"), ("iso8859_6", "iso-8859-6")])
def test_seed_articles_in_legacy_code_pages(tmp_path: Path, seed: str, codec: str, expected: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    text = "".join(ch for ch in text if ch.encode(codec, errors="ignore"))  # iso-8859-6 lacks “ ” – …
    decoded = _roundtrip(tmp_path, seed, text.encode(codec))
    assert decoded == Decoded(text, expected)


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8") + b"\x00" * 4096,  # a file padded with NULs (preallocated, cut short by a crash)
        ARABIC.encode("utf-8").replace("المحادثات".encode(), "المحادثات\x00".encode(), 1),  # one stray NUL
        b"\x00" + ARABIC.encode("utf-8") + b"\x00\x00",  # a C-string's terminators around the text
    ],
)
def test_stray_nul_bytes_in_arabic_text_are_dropped(tmp_path: Path, data: bytes) -> None:
    decoded = _roundtrip(tmp_path, "article.txt", data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == ARABIC


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 4096,  # nothing but padding
        ARABIC.encode("utf-8").replace(b" ", b" \x00"),  # a NUL in every word: not a stray byte
        ("hello world " * 40).encode() + b"\x00" + bytes(range(128, 256)),  # NUL and invalid UTF-8
    ],
)
def test_nul_bytes_beyond_a_stray_one_stay_binary(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(DecodeError) as info:
        _roundtrip(tmp_path, "blob.txt", data)
    assert info.value.reason in ("binary", "empty")
