"""Bytes to text: encoding detection for Arabic news files, binary/empty detection, HTML to text.

:func:`decode_bytes` tries, in order: byte-order marks (UTF-8/16/32), BOM-less UTF-16, strict UTF-8, then
the legacy Arabic code pages windows-1256 and iso-8859-6 (plus charset-normalizer's guess), keeping the
candidate whose text looks most like Arabic. It raises :class:`DecodeError` with a reason code that maps to
``quarantine.reason`` ('empty' | 'binary' | 'undecodable').

:func:`html_to_text` extracts a title and the main text (paragraphs as lines) from an HTML page with
selectolax (lexbor), dropping scripts, navigation, headers/footers, asides, forms and menus.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pipeline.nlp.text import arabic_letter_ratio

EMPTY = "empty"
BINARY = "binary"
UNDECODABLE = "undecodable"

# share of control/unassigned characters above which a decoded candidate is rejected
MAX_JUNK_SHARE = 0.02
# share of control bytes (other than whitespace) above which a file is binary
MAX_CONTROL_BYTE_SHARE = 0.05
_SNIFF_BYTES = 65_536
# broken sequences tolerated in otherwise valid UTF-8 (share of its non-ASCII characters)
MAX_BROKEN_UTF8_SHARE = 0.01
# NUL bytes inside an otherwise valid UTF-8 Arabic text dropped as strays (share of its bytes); NULs padding
# the end of a file (preallocated, cut short by a crash) are dropped whatever their number
MAX_STRAY_NUL_SHARE = 0.001
MAX_STRAY_NULS = 4  # ... or at most this many in a short one
# Arabic letters among the letters of a text whose stray NULs are dropped
MIN_ARABIC_SHARE_WITH_NULS = 0.5

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or docx/xlsx/epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an MS Office (OLE) document"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
)
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1A}
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)  # deleted to count the others in C
_CODEC_NAMES = {
    "cp1256": "windows-1256",
    "iso8859-6": "iso-8859-6",
    "utf-8": "utf-8",
    "cp1252": "windows-1252",
    "cp720": "cp720",
    "cp864": "cp864",
    "mac-arabic": "mac-arabic",
    "latin-1": "iso-8859-1",
    "iso8859-1": "iso-8859-1",
    "ascii": "ascii",
}
_MIXED_SCRIPT_RE = re.compile(
    "[A-Za-z\u00c0-\u024f][\u0621-\u064a\u0671-\u06ff]|[\u0621-\u064a\u0671-\u06ff][A-Za-z\u00c0-\u024f]"
)
_ARABIC_WORD_RE = re.compile("[\u0621-\u064a]+")
# the 100 most frequent in-word letter pairs of Arabic news text
_COMMON_BIGRAMS = frozenset(
    "ال لم وا ية في من لا ات ما ان ار ين لي لت را ري ها لى يا عل با لأ ام ير ول لع نا عا دي بي لل أن ني دا مي "
    "اد لك ون قا ست لس اب مل اء وم مع رة ور لح اع اس لو تي سي لب مو لق عد مس سا لف كا ائ لد هم ته وي مر له يم "
    "يد حا اف تم إل أم لن لإ جا لج شر دة دو وق لش اق مت نه مة تر بر فا رو تو يو رك يل قد تح ود".split()
)
_ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"  # BOM, zero-width and direction marks


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the normalised name of the encoding it was read with."""

    text: str
    encoding: str


class DecodeError(Exception):
    """Bytes that cannot become a text. ``reason`` is a quarantine reason code, ``detail`` a sentence."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(reason, detail)  # args round-trip through pickle
        self.reason = reason
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.reason}: {self.detail}"


# --- helpers ---------------------------------------------------------------------------------------


def encoding_name(codec: str) -> str:
    """Normalised encoding name: ``cp1256`` → ``windows-1256``, ``iso8859_6`` → ``iso-8859-6`` …"""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec.lower()
    return _CODEC_NAMES.get(name, name)


_BLANK = _ZERO_WIDTH + "".join(
    chr(c) for c in range(0x3000 + 1) if chr(c).isspace())  # every character str.strip() removes is below U+3001


def _is_blank(text: str) -> bool:
    """Only whitespace and zero-width marks (stripping from both ends: no copy of a long text is made)."""
    return not text.strip(_BLANK)


def _junk_share(text: str) -> float:
    """Share of characters that no real text contains: controls, unassigned, private use, U+FFFD."""
    if not text:
        return 0.0
    junk = 0
    for ch in text:
        if ch in "\t\n\r\f":
            continue
        if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            junk += 1
    return junk / len(text)


def _plausibility(text: str) -> float:
    """How much ``text`` looks like Arabic prose: Arabic-letter ratio plus bonuses for the article ال and
    for common letter pairs.

    The bonuses separate windows-1256 from iso-8859-6 when both decode to Arabic letters: in the wrong
    code page ال and the other common letter pairs become rare ones. Words mixing Latin and Arabic letters
    (``ىlوve``), which only a wrong code page produces, are penalised.
    """
    ratio = arabic_letter_ratio(text)
    words = text.split()
    n_words = max(1, len(words))
    article_share = min(1.0, text.count("ال") / n_words)
    mixed_share = sum(1 for w in words if _MIXED_SCRIPT_RE.search(w)) / n_words
    return (
        ratio + 0.5 * article_share + 0.5 * _common_bigram_share(text) - 2 * mixed_share - 5 * _junk_share(text)
    )


def _common_bigram_share(text: str) -> float:
    """Share of in-word Arabic letter pairs among the most frequent ones of Arabic news (~58% in real
    text, far less in text read with the wrong code page)."""
    pairs = [w[i : i + 2] for w in _ARABIC_WORD_RE.findall(text[:_SNIFF_BYTES]) for i in range(len(w) - 1)]
    return sum(1 for p in pairs if p in _COMMON_BIGRAMS) / len(pairs) if pairs else 0.0


def _binary_reason(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"the file starts with the signature of {kind}"
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "the file contains NUL bytes and is not UTF-16/32 text"
    controls = len(head.translate(None, _NOT_CONTROL))
    if controls / max(1, len(head)) > MAX_CONTROL_BYTE_SHARE:
        return f"{controls} of its first {len(head)} bytes are control characters"
    return None


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """BOM-less UTF-16: Arabic (U+06xx) and ASCII give a 0x06/0x00 byte at every other position."""
    if len(data) < 4 or len(data) % 2:
        return None
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    odd, even = head[1::2], head[0::2]
    for high, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = (high.count(0x00) + high.count(0x06)) / len(high)
        if share < 0.9:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _junk_share(text) <= MAX_JUNK_SHARE:
            return Decoded(text, "utf-16")
    return None


def _without_stray_nuls(data: bytes) -> Decoded | None:
    """UTF-8 Arabic text with NUL bytes that no text holds: padding at the end of the file, a C string's
    terminator, a stray byte or two from a broken export. Read without them when what is left is valid UTF-8,
    mostly Arabic, and the NULs inside the text are at most four or one byte in a thousand; otherwise None (binary)."""
    core = data.strip(b"\x00")
    if not core.strip():
        return None
    inner = core.count(b"\x00")
    if inner > max(MAX_STRAY_NULS, MAX_STRAY_NUL_SHARE * len(core)):
        return None
    try:
        text = core.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    if arabic_letter_ratio(text) < MIN_ARABIC_SHARE_WITH_NULS:
        return None
    return Decoded(text, "utf-8")


def _nearly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few broken sequences (a truncated last character, a stray byte): keep it as UTF-8 with
    U+FFFD for the broken bytes rather than reading all of it in a legacy code page (mojibake)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    if good > 0 and bad <= max(1, MAX_BROKEN_UTF8_SHARE * good):
        return Decoded(text, "utf-8")
    return None


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional: the code pages below are tried anyway
        return None
    best = from_bytes(data[:_SNIFF_BYTES]).best()
    return None if best is None else best.encoding


def _legacy_candidates(data: bytes) -> list[Decoded]:
    codecs_to_try = ["cp1256", "iso8859_6"]
    guess = _charset_normalizer_guess(data)
    if guess and encoding_name(guess) not in {encoding_name(c) for c in codecs_to_try}:
        codecs_to_try.append(guess)
    out: list[Decoded] = []
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _junk_share(text) <= MAX_JUNK_SHARE:
            out.append(Decoded(text, encoding_name(codec)))
    return out


def _checked(decoded: Decoded) -> Decoded:
    if _is_blank(decoded.text):
        raise DecodeError(EMPTY, f"The file holds only whitespace ({decoded.encoding}); nothing to ingest.")
    return decoded


# --- public API --------------------------------------------------------------------------------------


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text file, detecting its encoding.

    UTF-8 with a few broken sequences (at most 1% of its non-ASCII characters, e.g. a truncated last
    character) is returned as 'utf-8' with U+FFFD in their place.
    Returns :class:`Decoded` with ``encoding`` one of 'utf-8', 'utf-8-sig', 'utf-16', 'utf-32',
    'windows-1256', 'iso-8859-6' (or charset-normalizer's guess, normalised, for non-Arabic legacy text).
    Raises :class:`DecodeError` with reason 'empty', 'binary' or 'undecodable'.
    """
    if not data or not data.strip():
        raise DecodeError(EMPTY, "The file is empty or holds only whitespace; nothing to ingest.")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(codec), name))
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    UNDECODABLE,
                    f"The file starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start}); re-export it as UTF-8.",
                ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(utf16)
    if b"\x00" in data:
        repaired = _without_stray_nuls(data)
        if repaired is not None:
            return _checked(repaired)
    reason = _binary_reason(data)
    if reason is not None:
        raise DecodeError(BINARY, f"This is not a text file: {reason}. Convert it to UTF-8 text or remove it.")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    nearly = _nearly_utf8(data)
    if nearly is not None:
        return _checked(nearly)
    candidates = _legacy_candidates(data)
    if not candidates:
        raise DecodeError(
            UNDECODABLE,
            "The file is not valid UTF-8 and no Arabic code page (windows-1256, iso-8859-6) decodes it "
            "to readable text; re-save it as UTF-8.",
        )
    best = max(candidates, key=lambda d: _plausibility(d.text))  # ties keep the earlier: windows-1256
    return _checked(best)


# --- HTML ------------------------------------------------------------------------------------------

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "canvas", "button", "select", "input", "textarea", "label", "menu", "dialog", "object", "embed",
    "video", "audio", "map",
)  # fmt: skip
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog")
_BOILERPLATE_ATTR_RE = re.compile(
    r"(?:^|[\s_\-])(?:menu|nav|navbar|navigation|footer|sidebar|share|sharing|social|comments?|related|"
    r"breadcrumbs?|advert\w*|ads?|adv|cookie\w*|newsletter|subscribe|widget|popup|modal|banner|tags|"
    r"most-read|trending|pagination|toolbar)(?:$|[\s_\-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "figcaption", "address", "hr", "br",
)  # fmt: skip
_CONTENT_SELECTORS = ('[itemprop="articleBody"]', "article", "main", '[role="main"]')
_PARAGRAPH_MARK = "\u2029"
_DROP_MARK = "data-akhbar-drop"
_TITLE_SUFFIX_RE = re.compile(r"\s+[|\-–—«»]\s+[^|\-–—]{1,60}$")
_WS_RE = re.compile(r"\s+")


def _text_of(node: LexborNode | None) -> str:
    return "" if node is None else _WS_RE.sub(" ", node.text(deep=True, separator=" ")).strip()


def _title(tree: LexborHTMLParser) -> str | None:
    text = _text_of(tree.css_first("article h1"))
    if text:
        return text
    og = tree.css_first('meta[property="og:title"]')
    if og is not None and (og.attributes.get("content") or "").strip():
        return _WS_RE.sub(" ", og.attributes["content"] or "").strip()
    text = _text_of(tree.css_first("main h1") or tree.css_first("h1"))
    if text:
        return text
    title = _text_of(tree.css_first("title"))
    if not title:
        return None
    return _TITLE_SUFFIX_RE.sub("", title) or title


def _is_boilerplate(node: LexborNode) -> bool:
    attrs = node.attributes
    if (attrs.get("role") or "").lower() in _DROP_ROLES:
        return True
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(names.strip()) and _BOILERPLATE_ATTR_RE.search(names) is not None


def _holds_content(node: LexborNode, body_chars: int) -> bool:
    """A wrapper named like boilerplate (``page with-sidebar``) that holds the article must stay."""
    if node.css_first(", ".join(_CONTENT_SELECTORS)) is not None:
        return True
    return len(_text_of(node)) > 0.5 * body_chars


def _decompose_outermost(nodes: list[LexborNode]) -> None:
    """Remove ``nodes`` from the tree; nodes inside another removed node go with it (never touched after
    their ancestor is freed)."""
    for node in nodes:
        node.attrs[_DROP_MARK] = "1"
    for node in nodes:
        parent = node.parent
        while parent is not None and _DROP_MARK not in parent.attributes:
            parent = parent.parent
        if parent is None:
            node.decompose()


def _strip_boilerplate(root: LexborNode) -> None:
    _decompose_outermost(root.css(", ".join(_DROP_TAGS)))
    body_chars = len(_text_of(root))
    candidates = [
        node
        for node in root.css("[class], [id], [role], [aria-hidden], [hidden]")
        if node.tag not in ("html", "body", "article", "main") and _is_boilerplate(node)
    ]
    _decompose_outermost([node for node in candidates if not _holds_content(node, body_chars)])


def _content_root(tree: LexborHTMLParser) -> LexborNode | None:
    for selector in _CONTENT_SELECTORS:
        nodes = tree.css(selector)
        if nodes:
            best = max(nodes, key=lambda n: len(_text_of(n)))
            if len(_text_of(best)) >= 80:
                return best
    return tree.body


def _paragraph_lines(root: LexborNode) -> list[str]:
    for tag in _BLOCK_TAGS:
        for node in root.css(tag):
            node.insert_before(_PARAGRAPH_MARK)
            node.insert_after(_PARAGRAPH_MARK)
    raw = root.text(deep=True, separator="")
    lines = (_WS_RE.sub(" ", part).strip() for part in raw.split(_PARAGRAPH_MARK))
    return [line for line in lines if line]


def html_to_text(html: str) -> tuple[str | None, str]:
    """Title and main text of an HTML page; the text has one paragraph per line.

    The title is the ``<h1>`` of the ``<article>``, else ``og:title``, else the first ``<h1>``, else
    ``<title>`` without a trailing site name. The body comes from ``[itemprop=articleBody]``,
    ``<article>``, ``<main>`` or ``[role=main]`` (the longest of the first kind present), else ``<body>``,
    after removing scripts, styles, navigation, header/footer, asides, forms and elements whose class/id
    names a menu, share bar, comments, related links or ads. A first line equal to the title is dropped from the body.
    """
    tree = LexborHTMLParser(html)
    title = _title(tree)
    if tree.body is None:
        return title, ""
    _strip_boilerplate(tree.body)
    root = _content_root(tree)
    lines = _paragraph_lines(root) if root is not None else []
    if title and lines and lines[0] == title:
        lines = lines[1:]
    return title, "\n".join(lines)
