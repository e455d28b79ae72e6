"""Feature extraction for the Arabic CRF tagger.

A sentence (``list[str]`` of tokens) becomes a list of crfsuite feature lists (binary string features).
Everything that depends on one word only is computed once per word type and cached; a token's features
are its own features plus a few features of its neighbours (window ±2), plus sentence-level gazetteer
phrase matches.

Features (switchable by name in :class:`FeatureConfig`, used for the ablation table):

* ``word``     — surface form and matching form (:func:`normalize_for_matching`)
* ``affix``    — prefixes/suffixes of the matching form, length 1–4
* ``clitic``   — proclitics (و ف ب ل ك ال بال لل وال …) and pronoun suffixes (ه ها هم …) split off, the stem
* ``shape``    — digits, Latin letters, punctuation, length
* ``gaz``      — gazetteer membership of the word and its stem (PERS/LOC/ORG), multi-word phrase matches
* ``trigger``  — title/trigger words (الرئيس, وزير, وكالة, شركة, مدينة …) and their type
* ``cluster``  — distributional word clusters learnt from unlabeled news (several granularities)
* ``context``  — word/stem/trigger/gazetteer/lexicon of the neighbours at −2…+2 and word bigrams
* ``lex``      — the training lexicon: the label a word mostly has in the training data
* ``freq``     — log2 frequency bucket of the word and its stem in unlabeled news
* ``dict``     — the word's class in a general Arabic dictionary (Ayaspell, ``hunspell-ar``): common noun,
  verbal noun, adjective, nisba, verb, function word, or the dictionary's own place and person names; alone
  and with the frequency bucket ("a rare word the dictionary knows as a noun" is seldom a name)
* ``nlm``      — how much the word's stem is spelled like a person's name rather than a common word: the
  bucket of a character n-gram likelihood ratio (:mod:`pipeline.nlp.ner.namelike`), alone and with the
  dictionary summary (``dict``)
* ``agg``      — context aggregation over the story (:meth:`FeatureExtractor.aggregate`): what stands around the
  *other* occurrences of the same word (as written or behind a proclitic) within ±20 sentences — a title or
  trigger word before or after them, a gazetteer name before or after them, the article on them, how many
  ("بوش" alone, when "الرئيس جورج بوش" is a few sentences away)

A model's ``config.json`` lists the groups it was trained with; the extractor computes exactly those.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from pipeline.nlp.ner.namelike import NameLikeness
from pipeline.nlp.text import normalize_for_matching

ALL_GROUPS = ("word", "affix", "clitic", "shape", "gaz", "trigger", "cluster", "context", "lex", "freq", "dict",
              "conj", "agg", "nlm")
AGG_WINDOW = 20  # ``agg``: other occurrences this many sentences before or after a token count
# word classes of the dictionary table (``wordclass.tsv``): one letter each
WORD_CLASSES = {
    "n": "common noun", "m": "verbal noun", "a": "adjective or participle", "s": "nisba adjective",
    "x": "other noun or adjective", "v": "verb form", "f": "function word", "t": "particle or tool word",
    "P": "place name", "N": "person name",
}

# --- clitics -------------------------------------------------------------------------------------------
# proclitic sequences in matching form (normalised), longest first; the article is split as part of them
_PROCLITICS = sorted(
    {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")} - {""} | {"لل", "ولل", "فلل"},
    key=len,
    reverse=True,
)
_PROCLITIC_SET = frozenset(_PROCLITICS)
_PROCLITIC_LENGTHS = tuple(sorted({len(p) for p in _PROCLITICS}, reverse=True))
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")

# --- trigger words (matching form, clitic-stripped stems) ----------------------------------------------
_TRIGGERS = {
    "PERS": """رئيس الرئيس وزير الوزير ملك الملك امير الامير شيخ الشيخ سيد السيد السيده الزعيم زعيم نائب
        المتحدث متحدث الناطق ناطق مستشار المستشار سفير السفير الجنرال جنرال العقيد اللواء الفريق المشير
        الدكتور د الاستاذ الامام البابا الرئيسه النائب المدرب مدرب اللاعب لاعب الكاتب الشاعر المخرج الفنان
        الفنانه الممثل المطرب المغني رئيسه وزيره الامين امين الحاكم حاكم قائد القائد عضو العاهل ولي
        المبعوث مبعوث المندوب مندوب النجم المهاجم الحارس الحكم الملكه الاميره السلطان مدير المدير
        المفوض المدعي القاضي الجنرال المرشح مرشح البروفيسور المستشاره بن ابن ابو ام""",
    "LOC": """مدينه المدينه محافظه ولايه عاصمه العاصمه جزيره نهر منطقه المنطقه دوله بلده قريه اقليم
        جمهوريه مملكه اماره بحر البحر جبل جبال خليج مضيق صحراء شمال جنوب شرق غرب وسط ضواحي حي شارع
        ميناء مطار بلاد قطاع الضفه مخيم""",
    "ORG": """وكاله الوكاله شركه الشركه حزب الحزب منظمه المنظمه جامعه الجامعه مجلس المجلس وزاره الوزاره
        هيئه الهيئه بنك البنك مصرف صحيفه الصحيفه جمعيه الجمعيه اتحاد الاتحاد نادي النادي فريق حركه
        الحركه مؤسسه المؤسسه جبهه الجبهه معهد المعهد مركز المركز قناه القناه اذاعه تلفزيون محكمه المحكمه
        لجنه اللجنه مجموعه المجموعه صندوق الصندوق برلمان البرلمان جيش الجيش قوات منتخب المنتخب رابطه
        الرابطه مكتب مجلة مجله المجله الامم""",
    "MISC": """بطوله البطوله كاس جائزه الجائزه دولار يورو جنيه درهم ريال دينار مهرجان المهرجان معرض
        حرب الحرب عمليه اتفاقيه اتفاق مؤتمر المؤتمر قمه القمه دوري الدوري كتاب فيلم مسلسل""",
}
TRIGGERS: dict[str, str] = {}
for _typ, _words in _TRIGGERS.items():
    for _w in _words.split():
        TRIGGERS.setdefault(normalize_for_matching(_w), _typ)

_DIGIT_RE = re.compile(r"\d")
_LATIN_RE = re.compile(r"[A-Za-z]")
_PUNCT_RE = re.compile(r"^[^\w]+$")


@dataclass
class FeatureConfig:
    groups: tuple[str, ...] = ALL_GROUPS
    window: int = 2

    def __post_init__(self) -> None:
        self.groups_set = frozenset(self.groups)

    def has(self, group: str) -> bool:
        return group in self.groups_set


@dataclass
class Resources:
    """Lexical resources used by the features (all keyed by matching form)."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> cluster ids (coarse→fine)
    gaz_words: dict[str, str] = field(default_factory=dict)  # single-word entry -> "LOC|PERS" types
    gaz_phrases: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)  # first word ->
    max_phrase: int = 1
    lex_words: dict[str, str] = field(default_factory=dict)  # word -> dominant training label (B-PERS …)
    freq: dict[str, int] = field(default_factory=dict)  # word -> log2 frequency bucket in unlabeled news
    word_classes: dict[str, str] = field(default_factory=dict)  # word -> dictionary class letters (WORD_CLASSES)
    namelike: NameLikeness | None = None  # ``nlm``: names against common words, letter by letter


@lru_cache(maxsize=1 << 18)
def _proclitics(n: str) -> tuple[str, ...]:
    """The proclitic sequences a matching-form word may start with, leaving ≥ 2 letters, longest first (two
    of one length cannot both start it; cached: a word type's clitic split, gazetteer candidates and ``agg``
    keys each ask it)."""
    return tuple(n[:k] for k in _PROCLITIC_LENGTHS if len(n) - k >= 2 and n[:k] in _PROCLITIC_SET)


def split_clitics(n: str) -> tuple[str, str, str]:
    """``(proclitic, stem, enclitic)`` of a matching-form word; the stem keeps ≥ 2 letters."""
    pros = _proclitics(n)
    pro = pros[0] if pros else ""
    stem = n[len(pro) :]
    enc = ""
    if not pro.endswith("ال"):  # a definite noun takes no pronoun suffix
        for e in _ENCLITICS:
            if stem.endswith(e) and len(stem) - len(e) >= 3:
                enc = e
                break
    if enc:
        stem = stem[: -len(enc)]
    return pro, stem, enc


def stem_candidates(n: str) -> list[str]:
    """Forms under which a clitic-bearing word may appear in a gazetteer."""
    cands = [n]
    for p in _proclitics(n):
        rest = n[len(p) :]
        cands.append(rest)
        if p.endswith("ال"):
            cands.append("ال" + rest)
        if p.endswith("لل"):
            cands.append("ال" + rest)
    return cands


Phrase = tuple[tuple[str, ...], str]  # (matching forms of the words, type) of a multi-word gazetteer entry


class WordFeatures(NamedTuple):
    """Everything about one word type that does not depend on its sentence (cached per word)."""

    own: list[str]  # the word's own features
    context: dict[int, list[str]]  # offset (-2…+2, not 0) -> the features a neighbour at that offset gets
    norm: str  # matching form
    phrases: tuple[Phrase, ...]  # gazetteer phrases that may start at this word
    pro: str = ""  # proclitic sequence split off the word (``conj``)
    trig: str = ""  # trigger type of the word (``conj``)
    neighbour: tuple[str, ...] = ()  # what a neighbour gets, before its offset is prefixed ("n=…" → "-1n=…")


class AggWord(NamedTuple):
    """What context aggregation (``agg``) needs of one word type."""

    keys: tuple[str, ...]  # the word as written and each proclitic reading of it, ≥ 3 letters ("وفرنسا" →
    # وفرنسا, فرنسا): two occurrences are one name when they share one (empty: never aggregated, a function word)
    before: tuple[str, ...]  # the cues it gives the word after it (its trigger and gazetteer types: "pPERS" …)
    after: tuple[str, ...]  # the cues it gives the word before it ("nPERS", "ngLOC" …)
    own: tuple[str, ...]  # its own cue: ("al",) with the article (ال, بال, لل …)


def _agg_word(n: str, pro: str, stem: str, trig: str, gaz: Sequence[str], function_word: bool) -> AggWord:
    """:class:`AggWord` of a word from what :meth:`FeatureExtractor.word_features` finds out about it."""
    keys: tuple[str, ...] = ()
    if n.isalpha() and not function_word:
        keys = tuple(dict.fromkeys(c for c in (n, *(n[len(q):] for q in _proclitics(n)), stem)
                                   if len(c) >= 3 and c.isalpha()))
    before = (("p" + trig,) if trig else ()) + tuple("pg" + x for x in gaz)
    after = (("n" + trig,) if trig else ()) + tuple("ng" + x for x in gaz)
    return AggWord(keys, before, after, ("al",) if pro.endswith("ال") else ())


class FeatureExtractor:
    """Turns tokenised sentences into crfsuite feature lists; caches per-word features."""

    def __init__(self, resources: Resources | None = None, config: FeatureConfig | None = None):
        self.res = resources or Resources()
        self.cfg = config or FeatureConfig()
        self._cache: dict[str, WordFeatures] = {}
        self._agg: dict[str, AggWord] = {}

    # -- per word type -------------------------------------------------------------------------------
    def _word(self, w: str) -> WordFeatures:
        """The features of word type ``w`` (cached)."""
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        out = self.word_features(w)
        if len(self._cache) < 500_000:
            self._cache[w] = out
        return out

    def word_features(self, w: str, offsets: bool = True) -> WordFeatures:
        """The features of word type ``w``, not cached (:meth:`_word` caches them); without ``offsets``
        its ``context`` is left empty (``neighbour`` has the features to prefix)."""
        cfg, res = self.cfg, self.res
        has = cfg.groups_set.__contains__
        n = normalize_for_matching(w) or w
        own: list[str] = ["b"]
        ctx: list[str] = []
        if has("word"):
            own.append("w=" + w)
            own.append("n=" + n)
            ctx.append("n=" + n)
        pro, stem, enc = split_clitics(n)
        cands = stem_candidates(n)
        if has("affix"):
            for k in (1, 2, 3, 4):
                if len(n) > k:
                    own.append(f"p{k}=" + n[:k])
                    own.append(f"s{k}=" + n[-k:])
        if has("clitic"):
            own.append("pro=" + pro)
            own.append("enc=" + enc)
            own.append("st=" + stem)
            ctx.append("st=" + stem)
            if len(stem) > 3:
                own.append("sts3=" + stem[-3:])
                own.append("stp3=" + stem[:3])
            if stem.endswith(("يه", "يين", "يون", "ي")) and pro.endswith("ال"):
                own.append("nisba")
                if has("conj"):
                    ctx.append("nisba")
            if has("conj"):
                ctx.append("pro=" + pro)
        if has("shape"):
            if _DIGIT_RE.search(n):
                own.append("dig" if n.isdigit() else "hasdig")
                ctx.append("dig")
            if _LATIN_RE.search(w):
                own.append("lat")
                if w[:1].isupper():
                    own.append("cap")
            if _PUNCT_RE.match(w):
                own.append("punct")
                ctx.append("pu=" + w)
            own.append("len=" + str(min(len(stem), 8)))
        if has("gaz") and res.gaz_words:
            types = set()
            for c in cands:
                t = res.gaz_words.get(c)
                if t:
                    types.update(t.split("|"))
                    if c == n:
                        own.extend("gx=" + x for x in t.split("|"))
            for t in sorted(types):
                own.append("g=" + t)
                ctx.append("g=" + t)
        function_word = False  # ``dict``: a function word (never aggregated, ``agg``)
        trig = ""
        if has("trigger"):
            t = TRIGGERS.get(n) or TRIGGERS.get(stem) or TRIGGERS.get("ال" + stem)
            trig = t or ""
            if t:
                own.append("tr=" + t)
                own.append("trw=" + stem)
                ctx.append("tr=" + t)
                ctx.append("trw=" + stem)
        if has("lex") and res.lex_words:
            lab = res.lex_words.get(n)
            if lab:
                own.append("lx=" + lab)
                ctx.append("lx=" + lab)
            else:
                for c in cands[1:]:
                    lab = res.lex_words.get(c)
                    if lab:
                        own.append("lxs=" + lab)
                        ctx.append("lx=" + lab)
                        break
        if has("freq") and res.freq:
            fb = res.freq.get(n, 0)
            sb = res.freq.get(stem, 0) if stem != n else fb
            own.append(f"fq={fb}")
            own.append(f"fqs={sb}")
            ctx.append(f"fq={min(fb, 6)}")
        if has("dict") and res.word_classes:
            cls = res.word_classes.get(n)
            own_form = cls is not None
            if cls is None:
                cls = ""
                for c in (*cands[1:], stem):
                    found = res.word_classes.get(c)
                    if found:
                        cls = found
                        break
            summary = ("p" if any(c in "PN" for c in cls) else "f" if any(c in "ft" for c in cls)
                       else "c" if cls else "u")
            function_word = summary == "f"
            own.extend(("dc=" if own_form else "dcs=") + letter for letter in cls)
            own.append("dk=" + summary)
            own.append(f"dkf={summary}{min(res.freq.get(n, 0), 8)}")
            ctx.append("dk=" + summary)
        if has("nlm") and res.namelike is not None:
            bucket = res.namelike.bucket(stem)
            if bucket is not None:
                own.append(f"nl={bucket}")
                if has("dict") and res.word_classes:
                    own.append(f"nlk={summary}{bucket}")
        if has("cluster") and res.clusters:
            cl = res.clusters.get(n) or res.clusters.get(stem)
            if cl:
                for i, c in enumerate(cl):
                    own.append(f"c{i}=" + c)
            else:
                own.append("c=unk")
        if has("agg") and len(self._agg) < 500_000 and w not in self._agg:
            self._agg[w] = _agg_word(n, pro, stem, trig, sorted(types) if has("gaz") and res.gaz_words else (),
                                     function_word)
        phrases: tuple[Phrase, ...] = ()
        if has("gaz") and res.gaz_phrases:
            phrases = tuple(p for c in cands for p in res.gaz_phrases.get(c, ()))
        win = cfg.window if has("context") else 0
        ctx_off = {d: [f"{d:+d}" + x for x in ctx] for d in range(-win, win + 1) if d} if offsets else {}
        return WordFeatures(own, ctx_off, n, phrases, pro, trig, tuple(ctx) if win else ())

    # -- per sentence ---------------------------------------------------------------------------------
    @staticmethod
    def _phrase_matches(words: list[WordFeatures]) -> list[list[str]]:
        """B-/I- gazetteer phrase features from longest multi-word matches."""
        out: list[list[str]] = [[] for _ in words]
        i, n = 0, len(words)
        while i < n:
            best = 0
            btype = ""
            cands = words[i].phrases
            if cands:
                for toks, typ in cands:
                    L = len(toks)
                    if L > best and i + L <= n and all(words[i + j].norm == toks[j] for j in range(1, L)):
                        best, btype = L, typ
            if best:
                out[i].append("gpB=" + btype)
                for j in range(i + 1, i + best):
                    out[j].append("gpI=" + btype)
                i += best
            else:
                i += 1
        return out

    @property
    def window(self) -> int:
        """How many neighbours on each side give a token their context features (0 without ``context``)."""
        return self.cfg.window if self.cfg.has("context") else 0

    def sentence(self, tokens: list[str]) -> list[list[str]]:
        cfg = self.cfg
        words = [self._word(t) for t in tokens]
        n = len(words)
        feats: list[list[str]] = []
        ctx_on = cfg.has("context")
        win = self.window
        phrase = self._phrase_matches(words) if cfg.has("gaz") and self.res.gaz_phrases else None
        conj = cfg.has("conj")
        for i, wf in enumerate(words):
            own, norm = wf.own, wf.norm
            f = list(own)
            if conj:  # the word's proclitic with the trigger types before it ("المنظمة العالمية للملكية")
                t1 = words[i - 1].trig if i > 0 else "^"
                t2 = words[i - 2].trig if i > 1 else "^"
                f.append(f"cj1={wf.pro}|{t1}")
                f.append(f"cj2={wf.pro}|{t2}")
            if i == 0:
                f.append("BOS")
            if i == n - 1:
                f.append("EOS")
            for d in range(1, win + 1):
                if i - d >= 0:
                    f.extend(words[i - d].context[-d])
                else:
                    f.append(f"-{d}BOS")
                if i + d < n:
                    f.extend(words[i + d].context[d])
                else:
                    f.append(f"+{d}EOS")
            if ctx_on:
                if i > 0:
                    f.append("bg-=" + words[i - 1].norm + "|" + norm)
                if i + 1 < n:
                    f.append("bg+=" + norm + "|" + words[i + 1].norm)
            if phrase is not None and phrase[i]:
                f.extend(phrase[i])
                if i > 0 and phrase[i - 1]:
                    f.extend("-1" + x for x in phrase[i - 1])
                if i + 1 < n and phrase[i + 1]:
                    f.extend("+1" + x for x in phrase[i + 1])
            feats.append(f)
        return feats

    # -- per story (``agg``) --------------------------------------------------------------------------
    def agg_word(self, w: str) -> AggWord:
        """:class:`AggWord` of word type ``w`` (cached; :meth:`word_features` fills the cache as it goes)."""
        hit = self._agg.get(w)
        if hit is not None:
            return hit
        wf = self.word_features(w, offsets=False)
        hit = self._agg.get(w)
        if hit is not None:
            return hit
        pro, stem, _enc = split_clitics(wf.norm)  # only when the cache is full
        return _agg_word(wf.norm, pro, stem, wf.trig, sorted(x[2:] for x in wf.own if x.startswith("g=")),
                         "dk=f" in wf.own)

    def aggregate(self, sentences: Sequence[Sequence[str]], window: int = AGG_WINDOW) -> list[list[list[str]]]:
        """The ``agg`` features of every token of a story's ``sentences`` (empty lists without ``agg``).

        Context aggregation (Ratinov & Roth 2009, in a form for Arabic): a token gets the cues seen around
        the *other* occurrences of the same word within ``window`` sentences — the same word as written or
        behind a proclitic ("بوش", "وبوش", "لبوش"; :attr:`AggWord.keys`) — ``ag=pPERS`` (a title or person
        trigger word before one of them; ``n…`` after it), ``ag=pgPERS`` (a gazetteer name before it; ``ng…``
        after), ``ag=al`` (one carries the article: the word is used as a common noun), and ``agn=1|2|3``
        (how many, capped). A name a story introduces with a title and repeats bare ("وأضاف شيراك") is the
        case it is for."""
        out: list[list[list[str]]] = [[[] for _ in s] for s in sentences]
        if not self.cfg.has("agg"):
            return out
        sent_of: list[int] = []  # occurrence -> its sentence
        token_of: list[int] = []  # … and its token
        cues_of: list[tuple[str, ...]] = []  # … the cues around it
        keys_of: list[tuple[str, ...]] = []  # … its keys
        by_key: dict[str, list[int]] = {}  # key -> its occurrences, in story order
        cache, word = self._agg, self.agg_word
        for si, toks in enumerate(sentences):
            words = [cache.get(t) or word(t) for t in toks]
            last = len(words) - 1
            for j, wd in enumerate(words):
                keys = wd.keys
                if not keys:
                    continue
                cues = wd.own
                if j and words[j - 1].before:
                    cues = cues + words[j - 1].before
                if j < last and words[j + 1].after:
                    cues = cues + words[j + 1].after
                k = len(sent_of)
                sent_of.append(si)
                token_of.append(j)
                cues_of.append(cues)
                keys_of.append(keys)
                for key in keys:
                    found = by_key.get(key)
                    if found is None:
                        by_key[key] = [k]
                    else:
                        found.append(k)
        # per key shared by two or more occurrences: their sentences, and those of the occurrences with a cue
        shared: dict[str, tuple[list[int], list[int], list[int], list[int]]] = {}
        for key, ks in by_key.items():
            if len(ks) > 1:
                cued = [x for x in ks if cues_of[x]]
                shared[key] = (ks, [sent_of[x] for x in ks], cued, [sent_of[x] for x in cued])
        made: dict[tuple[frozenset[str], int], list[str]] = {}  # the same features, one list (never mutated)
        for k, keys in enumerate(keys_of):
            active = [a for key in keys if (a := shared.get(key)) is not None]
            if not active:
                continue
            si = sent_of[k]
            lo_s, hi_s = si - window, si + window
            many = False
            near: set[int] = set()
            for ks, sents, _cued, _cued_sents in active:
                lo, hi = bisect_left(sents, lo_s), bisect_right(sents, hi_s)
                if hi - lo > 3:  # itself and three others: agn is capped at 3
                    many = True
                    break
                near.update(ks[lo:hi])
            others = 3 if many else min(len(near) - 1, 3)
            if not others:
                continue
            seen: set[str] = set()
            for _ks, _sents, cued, cued_sents in active:
                for x in cued[bisect_left(cued_sents, lo_s) : bisect_right(cued_sents, hi_s)]:
                    if x != k:
                        seen.update(cues_of[x])
            signature = (frozenset(seen), others)
            feats = made.get(signature)
            if feats is None:
                feats = made[signature] = [*("ag=" + c for c in sorted(seen)), f"agn={others}"]
            out[si][token_of[k]] = feats
        return out
