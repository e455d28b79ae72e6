"""Events and quotations: who did what to whom, when and where — and who said what.

Per sentence (:func:`detect_events`):

* **Triggers by morphology.** Every inflection of the lemmas and verbal nouns of ``event_lemmas_ar.tsv``
  (:mod:`pipeline.nlp.morphology`), a proclitic allowed, never inside an entity mention ("فيصل" is a name,
  not ف + يصل) and never a word that is a name as written. Each form may have several readings; the first
  whose sense rule fits the following words decides ("وقع اتفاقية" AGREE, "وقع انفجار" ASSAULT, "وقع حادث"
  nothing; "وصلت النسبة إلى 50%" is no visit). A verb and the event noun it governs ("شن غارات", "أجرى
  اتصالا هاتفيا") are one event. A circumstantial participle ("…، متهما واشنطن", "بيانا منددا") acts for
  the subject of its clause; the participant right after it is its object.
* **Statements are quotations**, not events (PLOVER has no statement type): a reporting verb (قال، أكد،
  أوضح …) gives a ``quotes`` row with its speaker and the quoted span — direct between quotes or after a
  colon, indirect after إن/أن — see :func:`detect_quotes`. Not a quote: "بين" except as بيّن before what
  is said ("العلاقات بين X و Y" is "between"), a verbal noun after a preposition ("على كشف"), a verb said of
  a thing with neither a named speaker nor إن/أن or a colon ("وتعتبر البطولة مهمة", "أدلة تؤكد"), a speaker
  that is a preposition or particle, a reporting participle after an event trigger of its sentence (the event's
  actor going on: "ندد كاميرون … قائلا"). "أعرب عن شكره/دعمه" is a SUPPORT event.
* **Arguments with Arabic word order.** A verb's subject follows it (VSO) or precedes it (SVO) when the clause
  opens with it — a name, or two to six words that are no time phrase, preposition or particle ("وكالة تأمين
  الودائع تتهم بوجاشيف": the name after the verb is then the object); "وقع الاتفاقية كل من X و Y" is X with Y;
  a verbal noun's agent is its genitive ("زيارة الشيباني") or the subject of the light verb before
  it ("أجرى الشرع زيارة"); host and guest ("استقبل X Y"), caller and callee ("تلقى X اتصالا من Y"), "بحث X
  مع Y"; what "أسفر عن" brought about is done by the subject of أسفر ("أسفرت جهود الشرطة عن القبض على …"),
  unless أسفر is negated. Participants are persons, organisations and countries; when none is named the raw
  words stand in ``actor_text``; "الرئيسين"/"البلدين" stand for the two countries the article is about (and their
  presidents on the day). Countries of actor and recipients (ISO alpha-2) from the entity, its title or its
  nisba. A place is a place mention after في/إلى/ب, never inside an organisation's name.
* **Dates.** The date expression of the sentence nearest the trigger (explicit, ranges, relative to the
  publication day, weekdays), else the publication day; ``date_source`` says which. A year alone ("في 2014")
  is background, not the event's date.

Across articles (:func:`cluster_events`): one row per happening. Mentions of one sentence of the same type
that share a participant are one unit ("زيارة … التقى خلالها"); units with a participant of the same type,
compatible participants (either order for meetings, directed otherwise), dates within a day and compatible
places are one event; an undated unit joins the one dated event it fits best (most shared participants),
else stands alone; a mention without participant is always its own event.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date, datetime, timedelta
from functools import cache

import polars as pl

from pipeline import ids
from pipeline.lexicons import (
    TriggerSense,
    is_participle,
    load_event_lexicon,
    load_lexicon,
    match_reporting,
    match_trigger,
)
from pipeline.nlp.dates import CALENDAR_WORDS, DAY, MONTH_WORDS, WEEKDAY_WORDS, YEAR, DateMention, find_dates
from pipeline.nlp.ner.enrich import PERSON_NOUNS
from pipeline.nlp.ner.resources import is_common_word, shipped_word_classes
from pipeline.nlp.resolve import generic_body_keys, spans_text
from pipeline.nlp.segment import LONG_DOCUMENT_CHARS, sentence_runs
from pipeline.nlp.text import (
    ABBREVIATED_TITLES,
    Token,
    identity_key,
    normalize_for_matching,
    proclitic_splits,
    stem_variants,
    tokenize,
)
from pipeline.parallel import pickled_by_fields
from pipeline.schemas import TABLES, EntityType

# CAMEO root → (quad class, Goldstein value); quad classes as in GDELT 1.0/2.0.
CAMEO_ROOTS: dict[str, tuple[int, float]] = {
    "01": (1, 0.0), "02": (1, 3.0), "03": (1, 4.0), "04": (1, 1.0), "05": (1, 3.5),
    "06": (2, 6.0), "07": (2, 7.0), "08": (2, 5.0),
    "09": (3, -2.0), "10": (3, -5.0), "11": (3, -2.0), "12": (3, -4.0), "13": (3, -6.0),
    "14": (4, -6.5), "15": (4, -7.2), "16": (4, -4.0), "17": (4, -7.0), "18": (4, -9.0),
    "19": (4, -10.0), "20": (4, -10.0),
}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
                "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ACTOR_WINDOW = 8  # tokens after a verb where its subject may stand
# force and its answers are reported with unnamed actors ("أطلقت قوات الأمن", "مسلحون"): their words suffice
UNNAMED_ACTOR_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CRIME", "RETREAT"})
ATTACKS = frozenset({"ASSAULT"})  # an attack is a happening even when no one is named ("تفجير المسجد")
SENSE_WINDOW = 4  # tokens after a trigger its sense rule looks at
MERGE_WINDOW = 5  # a verb and the event noun of the same type this close are one event
DATE_REACH = 90  # characters: a date expression further from the trigger belongs to another clause


def _norms(*words: str) -> frozenset[str]:
    return frozenset(normalize_for_matching(w) for w in words)


def _conjoined_in(word: str, table: frozenset[str]) -> bool:
    """``word`` (a matching form) is in ``table`` as written or behind the conjunction و/ف ("وقررت", "فلم")."""
    return word in table or (word[:1] in ("و", "ف") and word[1:] in table)


NEGATORS = _norms("لم", "لن", "لا", "ما", "ليس", "نفى", "نفت", "دون", "بدون", "عدم")
FUTURE_MARKERS = _norms("سوف", "المتوقع", "يتوقع", "تتوقع", "المقرر", "يعتزم", "تعتزم", "ستتناول", "يرتقب", "ينتظر")
PLACE_PREPOSITIONS = _norms("في", "إلى", "الى", "من", "بمدينة", "داخل", "قرب", "شمال", "جنوب", "شرق", "غرب")
RECIPIENT_PREPOSITIONS = _norms("مع", "إلى", "الى", "على", "ضد", "من", "عن", "لدى", "بين", "تجاه")
_MEASURES = _norms("سلسلة", "موجة", "جولة", "جولات", "عدد", "عددا", "مزيدا", "المزيد", "العديد", "الكثير", "مجموعة",
                   "سلسله")
_ACT = _norms("فعل", "الفعل", "فعلها", "فعله")
_WHAT = _norms("ما", "مما", "بما", "عما")  # (not "كما", "فيما", "لما": also, while, when)
_ORGANISE = _norms("نظم", "نظمت", "ينظم", "تنظم", "نظموا")
_THREW = _norms("ألقى", "ألقت", "ألقوا", "يلقي")
_ISSUED = _norms("أصدر", "أصدرت", "يصدر", "تصدر")
# who decides a measure takes it: "قررت الحكومة طرد …", "اتخذت الحكومة … قرارا بطرد …"
_TOOK = _norms("اتخذ", "اتخذت", "يتخذ", "تتخذ", "اتخذوا")  # (light only with a decision between: _DECISIONS)
_DECIDED = _norms("قرر", "قررت", "يقرر", "تقرر", "قرروا") | _TOOK
_MEASURE_TYPES = ("COERCE", "SANCTION", "CONCEDE", "AID", "RETREAT", "REJECT", "MOBILIZE")
_DECISIONS = _norms("قرار", "قرارا", "القرار", "قرارات", "القرارات", "إجراء", "إجراءات", "الإجراءات", "إجراءا",
                    "خطوة", "خطوات", "الخطوات")
_UNDERTOOK = _norms("باشر", "باشرت", "يباشر", "تباشر")  # "باشرت الشرطة التحقيق", not "باشرت الفرق بلاغا عن سقوط مقذوف"
# who leaves, ends or comes back from a visit made it: "غادر الأمير … بعد زيارة رسمية لها", "اختتم الرئيس زيارة"
_VISIT_FRAME = _norms("غادر", "غادرت", "يغادر", "تغادر", "اختتم", "اختتمت", "يختتم", "تختتم", "أنهى", "أنهت", "ينهي",
                      "تنهي", "عاد", "عادت", "يعود", "تعود")
_SET_UP = _norms("نصب", "نصبت", "نصبوا")  # "نصبوا كمينا": set an ambush (not "ينصب على": it focuses on)
# light verbs of some event types only: a visit, an ambush, organise a protest, "lay" an arrest, issue a sentence,
# undertake an inquiry
_LIGHT_FOR: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_VISIT_FRAME, ("CONSULT",)), **dict.fromkeys(_SET_UP, ("ASSAULT",)),
    **dict.fromkeys(_ORGANISE, ("PROTEST",)), **dict.fromkeys(_THREW, ("COERCE",)),
    **dict.fromkeys(_ISSUED, ("COERCE", "SANCTION", "CONCEDE")),  # ("أصدر قرارا بالعفو": a pardon)
    **dict.fromkeys(_UNDERTOOK, ("INVESTIGATE", "COERCE", "AID")), **dict.fromkeys(_DECIDED, _MEASURE_TYPES)}
LIGHT_VERBS = _VISIT_FRAME | _SET_UP | _ORGANISE | _THREW | _ISSUED | _DECIDED | _norms(
                     "رد", "ردت", "ردوا", "يرد", "ترد", "جدد", "جددت", "يجدد", "تجدد",
                     "أجرى", "أجرت", "يجري", "تجري", "أجريا", "أجروا", "قام", "قامت", "يقوم", "تقوم", "شن", "شنت",
                     "خاض", "خاضت", "يخوض", "تخوض", "واصل", "واصلت", "يواصل", "تواصل", "حقق", "حققت",
                     "نفذ", "نفذت", "ينفذ", "تنفذ", "عقد", "عقدت", "يعقد", "تعقد", "بدأ", "بدأت", "يبدأ", "تبدأ",
                     "أطلق", "أطلقت", "قدم", "قدمت", "وجه", "وجهت", "أعلن", "أعلنت", "فتح", "فتحت", "يفتح", "تفتح",
                     "باشر", "باشرت", "يباشر", "تباشر", "تمكن", "تمكنت", "يتمكن", "تتمكن", "تمكنوا", "نجح", "نجحت")
# who fails, tries or takes part in an act does it ("يفشلان في اقتحام", "حاولت القوات اقتحام"): light verbs whose
# noun follows closely, in the same clause
_TRIED = _norms("فشل", "فشلت", "يفشل", "تفشل", "فشلا", "فشلتا", "يفشلان", "تفشلان", "فشلوا", "يفشلون",
                "حاول", "حاولت", "يحاول", "تحاول", "حاولا", "حاولوا", "يحاولون",
                "شارك", "شاركت", "يشارك", "تشارك", "شاركا", "شاركوا", "يشاركون")
_TRIED_REACH = 10
# the light verb under which "بالتعاون/بالتنسيق مع" is an act of its own ("قامت فرنسا وبريطانيا بالتنسيق")
_PERFORMED_BY = _norms("قام", "قامت", "قاموا", "قاما", "يقوم", "تقوم", "يقومون", "تقومان", "يقومان")
_CARRYING_OUT = _norms("قيام", "بقيام", "وقيام")  # "قيام مواطن … بالاعتداء": the noun's genitive did it
QUOTE_OPEN = frozenset({"«", '"', "“", "'", "‘", "{"})
QUOTE_CLOSE = frozenset({"»", '"', "”", "'", "’", "}"})
THAT = _norms(*(p + c + suffix for p in ("", "ب", "و", "ف", "ل") for c in ("إن", "أن")
                for suffix in ("", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم")))  # "إنهم", "بأنه"
PAIR_COUNTRIES = _norms("البلدين", "الجانبين", "الدولتين", "البلدان", "للبلدين", "بالبلدين")
PAIR_LEADERS = _norms("الرئيسين", "الزعيمين", "للرئيسين", "بالرئيسين")
SEPARATORS = frozenset({".", "،", ",", ";", "؛", ":", "!", "?", "؟", "(", ")"})
PARTICLES = _norms("قد", "لقد", "كما", "ثم", "إذ", "اذ", "حيث", "الذي", "التي", "الذين", "هذا", "هذه", "ذلك", "تلك",
                   "له", "لها", "لهم", "فيه", "فيها", "عنه", "عنها", "أيضا", "ايضا", "اليوم", "أمس", "امس", "هو",
                   "هي", "هم", "أنه", "انه", "أنها", "انها", "لم", "لن", "لا", "ما", "كان", "كانت")
TITLE_WORDS = _norms("أمير", "محافظ", "رئيس", "وزير", "سفير", "نائب", "قائد", "مدير", "أمين", "حاكم", "عمدة", "ملك",
                     "مفتي", "شيخ", "دكتور", "د", "مهندس", "أستاذ", "معالي", "سمو", "صاحب", "فخامة", "سعادة", "سماحة",
                     "فضيلة", "جلالة", "عميد", "لواء", "عقيد", "متحدث", "ناطق", "وكيل", "مساعد", "عضو", "مستشار",
                     "مبعوث", "مندوب", "مسؤول", "قيادي", "خطيب", "داعية",
                     "الرئيس", "الملك", "الأمير", "الشيخ", "المتحدث", "الناطق", "خادم", "ولي", "المدير", "العاهل")
PERSON_TITLES = _norms("أمير", "محافظ", "رئيس", "وزير", "سفير", "نائب", "قائد", "مدير", "أمين", "حاكم", "عمدة",
                       "ملك", "مفتي", "شيخ")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """The parts of an entity mention the event detector needs."""

    start: int
    end: int
    type: str
    subtype: str | None
    entity_id: str
    country_code: str | None = None  # the entity's country (or the mention's title country)

    @property
    def participant(self) -> bool:
        return self.type in (EntityType.PER, EntityType.ORG) or (
            self.type == EntityType.LOC and self.subtype == "country")

    @property
    def place(self) -> bool:
        return self.type == EntityType.LOC


@dataclass(frozen=True)
class DocumentFacts:
    """What the article as a whole says, for arguments a sentence leaves implicit ("البلدين")."""

    countries: tuple[Mention, ...] = ()  # the two countries it names most
    leaders: tuple[Mention, ...] = ()  # their heads of state when the article names them


_MENTION_COLUMNS = tuple(f.name for f in dataclass_fields(Mention))
"""The columns :func:`event_input_keys` reads for each mention: every field of :class:`Mention`."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventMentionRow:
    """An ``event_mentions`` row before clustering (which adds ``event_id``)."""

    event_mention_id: str
    doc_id: str
    sentence_idx: int
    trigger_start: int
    trigger_end: int
    trigger: str
    event_type: str
    mode: str
    cameo_root: str
    quad_class: int
    goldstein: float
    actor_ids: list[str]
    recipient_ids: list[str]
    location_id: str | None
    date: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    date_text: str | None
    negated: bool
    future: bool
    actor_text: str | None
    recipient_text: str | None
    actor_countries: list[str]
    recipient_countries: list[str]
    date_source: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One row of the ``quotes`` table."""

    quote_id: str
    doc_id: str
    sentence_idx: int
    verb_start: int
    verb_end: int
    verb: str
    speaker_id: str | None
    speaker_text: str | None
    speaker_country: str | None
    speaker_source: str | None
    quote_start: int
    quote_end: int
    quote: str
    kind: str
    date: dt.date | None
    date_source: str
    negated: bool


# --- sentence analysis --------------------------------------------------------------------------------------
@dataclass
class _Sentence:
    text: str
    start: int
    end: int
    tokens: list[Token]
    norms: list[str]
    mentions: list[Mention]
    owner: list[int] = field(default_factory=list)  # index of the mention covering each token, or -1

    @classmethod
    def build(cls, text: str, start: int, end: int, mentions: list[Mention]) -> _Sentence:
        toks = tokenize(text[start:end], offset=start)
        ments = sorted(mentions, key=lambda m: m.start)
        owner = [-1] * len(toks)
        j = 0
        for i, t in enumerate(toks):
            while j < len(ments) and ments[j].end <= t.start:
                j += 1
            if j < len(ments) and ments[j].start < t.end and t.start < ments[j].end:
                owner[i] = j
        return cls(text, start, end, toks, [normalize_for_matching(t.text) for t in toks], ments, owner)

    def mention_at(self, i: int) -> Mention | None:
        return self.mentions[self.owner[i]] if 0 <= i < len(self.owner) and self.owner[i] >= 0 else None

    def token_of(self, offset: int) -> int:
        for i, t in enumerate(self.tokens):
            if t.end > offset:
                return i
        return len(self.tokens)

    def after(self, i: int, n: int) -> list[str]:
        """Matching forms of the n words after token i, without proclitics or the article."""
        out = []
        for w in self.norms[i + 1 : i + 1 + n]:
            for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل"):
                if w.startswith(p) and len(w) - len(p) >= 3:
                    w = w[len(p) :]
                    break
            out.append(w)
        return out


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


_DATE_NUMBER_WORDS = _norms("عام", "العام", "لعام", "بعام", "سنة", "السنة", "لسنة", "الساعة", "ساعة", "يوم")


def _date_number(sent: _Sentence, k: int) -> bool:
    """The number at token ``k`` is a date's or a time's: a year (1900–2100), part of a slashed date, or after a
    month's name, عام/سنة, يوم or الساعة."""
    word = sent.norms[k]
    if (word.isdigit() and 1900 <= int(word) <= 2100) or "/" in word or (k > 0 and sent.tokens[k - 1].text == "/"):
        return True  # ("وفي يوم 8/5/1384 وصل")
    before = sent.norms[k - 1] if k > 0 else ""
    return before in _DATE_NUMBER_WORDS or before in MONTH_WORDS or before[1:] in MONTH_WORDS


_BOUND_PRONOUNS = ("هما", "هم", "ها", "ه", "كم", "نا")  # "أعرب عن شكره": شكر + ه


def _without_pronouns(words: Iterable[str]) -> set[str]:
    """The words without a bound pronoun ("شكره" → شكر), a ta marbuta restored where the pronoun opened it
    ("تهنئته", "إدانتها" → تهنئه, ادانه: matching form)."""
    out = set()
    for w in words:
        for p in _BOUND_PRONOUNS:
            if w.endswith(p) and len(w) - len(p) >= 3:
                stem = w[: -len(p)]
                out.add(stem)
                if stem.endswith("ت") and len(stem) >= 4:
                    out.add(stem[:-1] + "ه")
    return out


_ON_IT = _norms("عليه", "عليها", "عليهما", "عليهم")
_ON_IT_BACK = 4  # tokens before the trigger where what such a pronoun takes back stands
HOST_REACH = 12  # tokens after "استقبل" where what is received (a body, patients, applications) still shows
EXPRESS_REACH = 24  # tokens after "عبر/أعرب" where "عن" still opens what is expressed, past a long subject


def _sense_fits(sense: TriggerSense, sent: _Sentence, i: int) -> bool:
    # the words after the trigger, skipping the names of its subject ("وقع الأمير فيصل بن فرحان اتفاقية")
    free = [k for k in range(i + 1, min(len(sent.tokens), i + 1 + 3 * SENSE_WINDOW)) if sent.owner[k] < 0]
    free = free[:SENSE_WINDOW]
    following = [sent.after(k - 1, 1)[0] for k in free]
    raw = [sent.norms[k] for k in free]
    words = {*following, *raw} | {w[:-1] for w in following if w.endswith("ا") and len(w) > 3}  # accusative: تقدما
    words |= _without_pronouns(following)

    if sense.needs and not words & sense.needs:
        # "عبر والد الشهيد الشيخ ناصر بشيري عن عظيم شكره": what is expressed comes after عن, past a long subject
        long_subject = sense.mode == "express" and _long_subject_after(sent, i, _QUANTIFIERS | _HONORIFICS)
        reach = i + 1 + (EXPRESS_REACH if long_subject else 3 * SENSE_WINDOW)
        stop = next((k for k in range(i + 1, min(len(sent.tokens), reach)) if sent.tokens[k].text in (
            "!", "?", "؟", ";", "؛", ":") or (sent.tokens[k].text == "." and len(sent.tokens[k - 1].text) > 1)),
            len(sent.tokens))  # (not the point of "د."
        about = next((k for k in range(i + 1, min(len(sent.tokens), reach, stop))
                      if sent.norms[k] == "عن" or (sense.mode == "describe" and sent.norms[k] in THAT)), None)
        # ("ووصف معاليه حادث التفجير أنه عمل إجرامي": what something is called comes after أنه)
        if about is None:
            return sense.pos == "verb" and _needs_after_subject(sense, sent, i)
        later = [sent.after(k - 1, 1)[0] for k in range(about + 1, min(len(sent.tokens), about + 3))]
        later_words = set(later) | _without_pronouns(later)
        if not later_words & sense.needs:
            return False
    if sense.unless:  # (names included: "دعا الله أن …" is a prayer even where الله was tagged a name)
        reach = HOST_REACH if sense.mode == "host" and i + 1 < len(sent.tokens) and (
            sent.mention_at(i + 1) is None and not _is_title_word(sent.norms[i + 1])) else SENSE_WINDOW
        # (a subject in words, not a name or a title)
        near = set()
        for k in range(i + 1, min(len(sent.tokens), i + 1 + reach)):
            if sent.tokens[k].text in SEPARATORS:
                break  # ("استقبل أهالي محافظة البرك والمراكز والقرى المجاورة صباح أمس جثمان الشهيد": past the
            near.add(sent.norms[k])  # long subject of a verb of receiving, what is received)
        if (words | near) & sense.unless:
            return False
        if i + 1 < len(sent.tokens) and sent.norms[i + 1] in _ON_IT and any(
                {sent.norms[k], sent.norms[k][1:], sent.norms[k][2:]} & sense.unless
                for k in range(max(0, i - _ON_IT_BACK), i)):
            return False  # "مكافحة الحريق والسيطرة عليه": the pronoun takes back the fire named just before
        if sense.pos == "verb" and i >= 2 and sent.norms[i - 1] in _WHO and any(
                {sent.norms[k], sent.norms[k].removeprefix("ال")} & sense.unless for k in range(max(0, i - 4), i - 1)):
            return False  # "الصفقات العقارية التي أبرمها السعوديون": the noun the relative clause is about is its
            # object
    if sense.with_bi and (not (any(w.startswith("ب") and len(w) >= 4 for w in raw) or _bi_after_subject(sent, i))
                          or any(w in THAT or w.startswith(("بان", "بأن")) for w in raw)):
        return False  # "نوه بجهود الوزارة" praises; "نوه إلى أن", "نوه بأن" points out (a statement)
    if sense.doer_before and _doer_before(sent, i) is None:
        return False
    return not (sense.no_number and any(_is_number(w) for w in raw))


def _bi_after_subject(sent: _Sentence, i: int) -> bool:
    """A word with ب follows a long subject of the verb at ``i`` — a title, an honorific or a name first, then
    the word before strong punctuation: "وجه صاحب السمو الأمير جلوي بن عبدالعزيز بن مساعد أمير منطقة نجران،
    بإحداث برامج"."""
    if not _long_subject_after(sent, i, _HONORIFICS | _STYLES):
        return False
    for k in range(i + 1, min(len(sent.tokens), i + 1 + EXPRESS_REACH)):
        word = sent.tokens[k].text
        if word in _SENTENCE_ENDS or sent.norms[k] in THAT:
            return False
        if sent.owner[k] < 0 and word.startswith("ب") and len(word) >= 4 and sent.norms[k] not in _BIN and not (
                word.startswith(("بان", "بأن"))):
            return True
    return False


_STYLES = _norms("صاحب", "معالي", "سعادة", "فضيلة", "سماحة", "فخامة", "دولة")


def _long_subject_after(sent: _Sentence, i: int, openers: frozenset[str]) -> bool:
    """The subject after the verb at token ``i`` may run long: it opens with a named participant, a title or
    one of ``openers`` (honorifics, styles, quantifiers), so what the verb needs may stand far after it."""
    if i + 1 >= len(sent.tokens):
        return False
    first = sent.mention_at(i + 1)
    return (first is not None and first.participant) or _is_title_word(sent.norms[i + 1]) or (
        sent.norms[i + 1] in openers)


def _doer_before(sent: _Sentence, i: int) -> Mention | None:
    """The named person or body (not a place) whose mention ends right before token ``i``: the subject of an
    SVO verb ("مليشيا الحوثي قتلت الأطفال"), which makes a form that could be a passive active."""
    m = sent.mention_at(i - 1) if i > 0 else None
    if m is None or not m.participant or m.place or m.type not in (EntityType.PER, EntityType.ORG):
        return None
    if sent.mention_at(i) is m:
        return None
    first = sent.token_of(m.start)
    if first > 0 and sent.norms[first - 1] in _PARTITIVE:
        return None  # "سبعة من مليشيا الحشد قتلوا": some of them were killed
    # what was done to whom follows the verb at once, a definite noun, a name or a number; "قتل في غارة",
    # "قتلوا وأصيب اثنان": without diacritics, the passive
    if i + 1 >= len(sent.tokens):
        return None
    nxt = sent.norms[i + 1]
    obj = sent.mention_at(i + 1)
    if not (nxt.startswith("ال") or _is_number(nxt) or (obj is not None and obj.participant)):
        return None
    return m


_PARTITIVE = _norms("من", "بين", "ومن")


def _needs_after_subject(sense: TriggerSense, sent: _Sentence, i: int) -> bool:
    """The complement a verb's sense needs after its long subject of titles ("بعث مستشار خادم الحرمين
    الشريفين الأمير خالد الفيصل أمير منطقة مكة المكرمة برقية عزاء"): within six words of the person the title
    chain leads to (a title of his own may stand between)."""
    if i + 1 < len(sent.tokens) and (_is_group(sent.norms[i + 1]) or _body_head(sent.norms[i + 1])) and (
            sent.owner[i + 1] < 0):
        # "أحبط رجال الجمارك في المنفذ هذه المحاولة", "وحذرت إدارة الدفاع المدني في محافظات جازان من مغبة …":
        # past a group or a body named in words, in the same clause
        for k in range(i + 2, min(len(sent.tokens), i + 12)):
            if sent.tokens[k].text in SEPARATORS and sent.tokens[k].text not in ("(", ")"):
                return False  # (a count in brackets goes on: "مفتشو الهيئة (3) محلات")
            bare = sent.after(k - 1, 1)[0]
            if ({bare, sent.norms[k]} | _without_pronouns([bare])) & sense.needs:
                return True
        return False
    if i + 1 >= len(sent.tokens) or not _is_title_word(sent.norms[i + 1]):
        return False
    person = _subject(sent, i + 1, len(sent.tokens))[0]
    if person is None or person.type != EntityType.PER:
        return False
    start = sent.token_of(person.end)
    near = range(start, min(len(sent.tokens), start + 6))
    return bool(({sent.after(k - 1, 1)[0] for k in near} | {sent.norms[k] for k in near}) & sense.needs)


@dataclass
class _Trigger:
    i: int  # token index of the trigger word (first word of a phrase)
    j: int  # token after the trigger
    cut: int  # proclitic characters of the first word, outside the trigger span
    sense: TriggerSense


_NOUN_BEFORE = _norms("على", "في", "من", "عن", "إلى", "الى", "عبر", "حول", "دون", "بدون", "عدم", "قبل", "بعد")
# (after these a form that is a verb or a verbal noun is the noun: "على كشف", "بعد سيطرتها")
# a form read only as a verb right after these is no event: "من زار" is whoever visited (a relative من), and
# after a preposition a verb cannot stand ("دون توقف" is "without stopping")
_NOT_BEFORE_VERBS = _NOUN_BEFORE | _norms("ممن", "لمن", "فمن", "ومن", "بمن", "عمن", "ما", "بما", "مما", "كل", "لكل",
                                          "بكل", "أي", "لأي", "بأي")  # ("كل طالب": every student)
# ("ما تحقق في الجامعة": what was achieved; not كما/فيما/لما, which open a clause of their own)


# modal and conditional words: what follows them may happen, it has not ("يمكن السيطرة عليه", "إذا هاجم")
_MAYBE = _norms("يمكن", "يمكنه", "يمكنها", "يمكنهم", "بإمكان", "بالإمكان", "ينبغي", "يستطيع", "تستطيع", "بوسع")
_IF = _norms("إذا", "اذا", "لو", "لولا", "حال", "وإذا", "فإذا", "ولو")
_MAY_QAD = _norms("قد", "وقد", "فقد")  # before an imperfect "may" (before a perfect "has")


def _first_person_plural(stem: str, sense: TriggerSense) -> bool:
    """An imperfect "we" form ("نطالب", "ندعو", "نرفض"): its "he" form (ن → ي) is a form of the same event."""
    if stem[:1] != "ن" or len(stem) < 4:
        return False
    third = load_event_lexicon().words.get("ي" + stem[1:], ())
    return any(s.pos == "verb" and s.event_type == sense.event_type and s.mode == sense.mode for s in third)


def _we_speaker(sent: _Sentence, i: int) -> Mention | None:
    """Who "we" is for a first-person verb at token ``i``: the person or body a headline opens with before a
    colon ("الجبير: نرفض …"), else the one named right before a reporting verb earlier in the sentence
    ("وقالت شلبي كواست "نطالب …""); None in a writer's own voice."""
    colon = next((k for k in range(0, i) if sent.tokens[k].text == ":"), None)
    if colon is not None and colon > 0:
        m = sent.mention_at(0)
        if m is not None and m.participant and sent.token_of(m.end) >= colon - 0 and all(
                sent.owner[k] == sent.owner[0] for k in range(colon)):
            return m  # the whole stretch before the colon is one name
    for k in range(i - 1, -1, -1):
        if sent.owner[k] < 0 and match_reporting(sent.tokens[k].text) is not None:
            # the speaker stands between the verb and what is said (a colon, a quote mark, إن/أن)
            said = next((b for b in range(k + 1, i) if sent.tokens[b].text == ":" or sent.tokens[b].text in QUOTE_OPEN
                         or sent.norms[b] in THAT), i)
            after = _first_participant(sent, k + 1, min(said, k + 8), set())
            # (a person or a body speaks; a country there is what is spoken of: "واصفا العلاقات مع روسيا")
            return after[1] if after is not None and after[1].type in (EntityType.PER, EntityType.ORG) else None
    return None


def _verb_proclitics_ok(prefix: str, stem: str) -> bool:
    """A verb takes و/ف, and لـ only before an imperfect ("ليزور"); ب/ك and لـ + perfect make a noun or
    another word ("بحث", "كلفت"). ``stem`` is the matching form of what follows the proclitics."""
    if "ب" in prefix or "ك" in prefix:
        return False
    return "ل" not in prefix or stem[:1] in ("ي", "ت", "ن", "ا")


_JOINED_NOUN_GAP = 2  # tokens between two verbal nouns joined by و ("القبض عليه وإحالته": عليه)
_DECIDED_REACH = 4  # tokens between a verb of deciding and the measure decided (its subject: "قررت الحكومة طرد")


def _decided_before(sent: _Sentence, i: int) -> bool:
    """A verb of deciding stands shortly before token ``i`` in its clause: what follows it is a verbal noun,
    no perfect verb ("قررت الحكومة السودانية طرد الملحق": the expulsion; a verb would need أن)."""
    for k in range(i - 1, max(-1, i - 1 - _DECIDED_REACH), -1):
        if sent.tokens[k].text in SEPARATORS or sent.norms[k] in THAT:
            return False
        if _conjoined_in(sent.norms[k], _DECIDED):
            return True
    return False


def _masdar_like(stem: str) -> bool:
    """A three-letter form without a long vowel ("طلب", "دعم", "قصف") is its own verbal noun as well as a
    verb ("بناء على طلب من الحكومة"); "زار", "دعا", "يزور" are verbs only."""
    return len(stem) == 3 and not any(ch in "اىآ" for ch in stem)


_BEFORE_NOUNS = _NOUN_BEFORE | _norms("عقب", "إثر", "اثر", "خلال", "منذ", "أثناء", "اثناء", "لدى", "جراء", "إزاء",
                                      "بسبب")


_MANNER = _norms("كيفية", "طريقة", "آلية", "آليات", "إمكانية", "أهمية", "ضرورة",
                 "أي", "أية", "لأي", "بأي", "وأي", "لأية", "بأية")  # ("ضد أي عدوان": any, none in particular)
_TO_IT = _norms("إليه", "إليها", "إليهم", "إليهما")  # "الذي وصلت إليه": the point reached, a pronoun back to it
_HALT = _norms("وقف", "ايقاف", "إيقاف", "توقف", "وقفا")
# how a halt is qualified before what it halts: "وقف دائم لإطلاق النار", "وقفا فوريا للقصف"
_HALT_HOW = _norms("دائم", "دائما", "شامل", "شاملا", "فوري", "فوريا", "كامل", "كاملا", "تام", "تاما", "مؤقت", "مؤقتا",
                   "نهائي", "نهائيا", "فعلي", "فعليا", "جزئي", "جزئيا", "مستدام", "مستداما")
# the words that make the next one a name: "علي بن أبي طالب", "أبو حاكم", "ابن زار" (not demanded, visited)
_NAME_LINKS = _norms("أبو", "أبي", "أبا", "بن", "ابن", "بنت", "وابن", "وأبو")
# "فجر" is also dawn: before a day or after a word of time it is the time, not "he blew up"
_DAWN = _norms("فجر", "وفجر")
_DAWN_AFTER = _norms("أمس", "امس", "اليوم", "يوم", "الغد", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
                     "الأربعاء", "الخميس", "الجمعة", "أول", "كل")
_DAWN_BEFORE = _norms("صلاة", "منذ", "مع", "حتى", "قبيل", "قبل", "عند", "بعد", "وقت", "ساعات", "ساعة", "طلوع")


_TO = _norms("إلى", "الى")
_GOD = _norms("الله", "المولى", "ربه", "ربها", "ربهم", "للمولى", "لله", "لربه", "لربها", "لربهم")
PRAYER_REACH = 12  # words after دعا where "الله" makes it a prayer, within the clause


def _prayer_after(sent: _Sentence, i: int) -> bool:
    """God named after دعا at token ``i`` before the clause ends, past a long subject ("ودعت دائرة الإفتاء العام
    في الأردن الله عز وجل أن يتقبل …"), or ل + a pronoun right after it ("ولد صالح يدعو له": prays for him): a
    prayer, not an appeal."""
    if i + 1 < len(sent.tokens) and sent.norms[i + 1] in _TO_PRONOUNS and not (i > 0 and sent.norms[i - 1] in _WHO):
        return True  # (but "الهدنات التي دعت لها قيادة التحالف": which it called for)
    for k in range(i + 1, min(len(sent.tokens), i + 1 + PRAYER_REACH)):
        if sent.tokens[k].text in SEPARATORS or sent.norms[k] in THAT or sent.norms[k] in _TO:
            return False  # ("دعا المسلمين إلى تقوى الله": what is called for comes first, an appeal)
        if sent.norms[k] in _GOD and sent.norms[k - 1] != "عبد":  # (not "عبد الله", a name)
            return True
    return False


_MORE_BODY_HEADS = _norms("مكتب", "إدارة", "ادارة", "وحدة", "قسم", "جهاز", "غرفة", "مفوضية", "لجان", "هيئات", "مراكز",
                          "بلدية", "أمانة", "إمارة", "شرطة", "نيابة")  # (a Saudi town's bodies: "بلدية الجنوب")


@cache
def _body_heads() -> frozenset[str]:
    from pipeline.lexicons import matching_set

    return frozenset(h for h in matching_set("org_heads_ar.txt") | _MORE_BODY_HEADS if not h.startswith("ال"))


def _body_head(word: str) -> bool:
    """A body's head noun in the construct state, with or without و/ب/ل ("مكتب", "ولجنة", "بهيئة"): the noun
    after it names the body ("مكتب تحقيقات", "لجنة التحقيق"), it reports no event."""
    heads = _body_heads()
    return word in heads or (word[:1] in ("و", "ب", "ل", "ف") and word[1:] in heads)


# before an indefinite noun phrase, these make it a description of something named before ("هذا عمل إجرامي")
_DESCRIBED_AS = _norms("أنه", "بأنه", "إنه", "أنها", "بأنها", "إنها", "هو", "هي", "هذا", "هذه", "ذلك", "تلك", "يعد",
                       "يعتبر", "تعد", "تعتبر", "يمثل", "تمثل", "مجرد")


def _in_hashtag(sent: _Sentence, i: int) -> bool:
    """The token is part of a hashtag ("#تفجير_طوارئ_عسير"): a name for a topic, not a report."""
    tok = sent.tokens[i]
    before = i > 0 and sent.tokens[i - 1].text in ("#", "_") and sent.tokens[i - 1].end == tok.start
    after = i + 1 < len(sent.tokens) and sent.tokens[i + 1].text == "_" and sent.tokens[i + 1].start == tok.end
    return before or after


_PHRASE_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@cache
def _phrase_heads() -> dict[str, tuple[tuple[int, str], ...]]:
    """Token as written -> its (proclitic letters, first word) readings that open a multi-word trigger: as
    written, without و/ف/ب/ل/ك ("والعملية الانتحارية"), with لل read as ل + ال ("للعمل الجبان")."""
    out: dict[str, list[tuple[int, str]]] = {}
    for head in load_event_lexicon().phrases:
        out.setdefault(head, []).append((0, head))
        for c in _PHRASE_CLITICS:
            out.setdefault(c + head, []).append((len(c), head))
        if head.startswith("ال"):
            for c in ("ول", "فل", "ل"):
                out.setdefault(c + head[1:], []).append((len(c), head))
    return {k: tuple(v) for k, v in out.items()}


def _letters_cut(word: str, letters: int) -> int:
    """Characters of ``word`` that hold its first ``letters`` letters (diacritics and tatweel after them too)."""
    k = seen = 0
    while k < len(word) and seen < letters:
        seen += normalize_for_matching(word[k]) != ""
        k += 1
    while k < len(word) and normalize_for_matching(word[k]) == "":
        k += 1
    return k


def _halted(sent: _Sentence, i: int) -> bool:
    """The word at ``i`` is what a halt stops: right after وقف/إيقاف ("لوقف إطلاق النار", "وقف القصف") or after
    وقف and how it is qualified ("وقف دائم لإطلاق النار")."""
    k = i - 1
    if k > 0 and sent.owner[k] < 0 and sent.norms[k] in _HALT_HOW:
        k -= 1
    return k >= 0 and len(sent.norms[k]) <= 6 and any(sent.norms[k].endswith(w) for w in _HALT)


_COINCIDES = _norms("يوافق", "توافق")  # also "falls on (a day)"
_DAY_WORDS = _norms("اليوم", "يوم", "تاريخ", "السنة", "العام", "ذكرى", "دخول", "الأحد", "الاثنين", "الإثنين",
                    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الليلة", "غدا")
_ARMED_WORDS = _norms("الإرهاب", "الارهاب", "الإرهابية", "الارهابية", "الإرهابيون", "الإرهابيين", "صواريخ", "قذائف",
                      "غارات", "الغارات", "المدفعية", "مدافع", "المقاتلات", "الطائرات", "الميليشيات", "المليشيات",
                      "القوات", "المسلحون", "المسلحين", "مسلحون", "مسلحين", "القناصة", "قناصة")


def _armed_side_near(sent: _Sentence, i: int) -> bool:
    """An armed doer within three words before or two after the verb at ``i`` ("طائرات الأباتشي السعودية تستهدف",
    "تستهدف يد الإرهاب"): a force or weapon word or an armed group. An imperfect "يستهدف"/"تستهدف" without
    one aims at something ("برامج تستهدف الشباب", "الحكومة تستهدف شراء الغاز"): no attack."""
    for k in (*range(max(0, i - 3), i), *range(i + 1, min(len(sent.tokens), i + 3))):
        m = sent.mention_at(k)
        if (k < i and sent.norms[k] in _FORCES) or sent.norms[k] in _ARMED_WORDS or (
                m is not None and m.subtype == "armed_group"):
            return True  # (a force word only before it: after it, "تستهدف وحدة بلادنا" is the unity aimed at)
    return False


# what a thing endangers ("تهدد الأمن", "يهدد سلامة الملاحة", "يهدد حياة الأبناء"): no one's threat
_ENDANGERED = _norms("الأمن", "أمن", "امن", "أمننا", "أمنها", "أمنه", "أمنهم", "استقرار", "الاستقرار", "استقرارها",
                     "سلامة", "السلامة", "حياة", "الحياة", "حياتهم", "مستقبل", "المستقبل", "المناخ", "بقاء", "وجود",
                     "الصحة", "صحة", "السلم", "السلام", "المصالح", "مصالح", "الاقتصاد", "اقتصاد", "الوحدة", "وحدة",
                     "النسيج", "الملاحة", "البيئة", "الإسلام", "الاسلام", "الموروث", "الهوية", "الثروة", "المجتمع")


def _endangered_next(sent: _Sentence, i: int) -> bool:
    """The word after the verb at ``i`` is what is endangered (security, lives, the economy …)."""
    return i + 1 < len(sent.tokens) and sent.norms[i + 1] in _ENDANGERED


def _participant_before(sent: _Sentence, i: int) -> bool:
    """A named person, body, armed group or country in the three words before the verb at ``i`` ("داعش تهدد")."""
    return any((m := sent.mention_at(k)) is not None and m.participant for k in range(max(0, i - 3), i))


# talks' verbs and nouns: what follows them is the topic ("ناقش دعم اليمن", "وبحث التعاون بين البلدين")
_TALKED_OVER = _norms("ناقش", "ناقشت", "ناقشا", "ناقشوا", "يناقش", "تناقش", "وناقش", "وناقشت", "بحث", "بحثت", "بحثا",
                      "وبحث", "وبحثت", "يبحث", "تبحث", "تناول", "تناولت", "وتناول", "استعرض", "استعرضت", "واستعرض",
                      "مناقشة", "ومناقشة", "لمناقشة", "لبحث", "استعراض", "واستعراض")
# before a noun of cooperation, words that make it what is spoken of ("أوجه التعاون"), not a cooperation
_COOPERATION_TOPIC = _norms(
    "أوجه", "مجالات", "مجال", "سبل", "آفاق", "علاقات", "مستوى", "بمستوى", "إطار", "أهمية", "مزيد", "المزيد", "حجم",
    "تعزيز", "وتعزيز", "لتعزيز", "بتعزيز", "يعزز", "سيعزز", "تعزز", "ستعزز", "تطوير", "وتطوير", "لتطوير", "تعميق",
    "توثيق", "تفعيل", "تكثيف", "توسيع", "هذا", "لهذا", "بهذا") | _TALKED_OVER
_COOPERATION_NOUNS = _norms("التعاون", "التنسيق", "تعاون", "تنسيق")
# before a verbal noun of support, words that make it a description, an aim or a role, not support given
_SUPPORT_DESCRIBED = _norms("من", "في", "إلى", "الى", "ضرورة", "بضرورة", "أجل") | _TALKED_OVER
_SUPPORT_NOUNS = _norms("دعم", "الدعم", "مساندة", "المساندة")
# right after a form of حمل: responsibility borne ("وتحمل المسؤولية", "يحمل على عاتقه"), nobody blamed
_BORNE = _norms("مسؤولية", "المسؤولية", "مسئولية", "المسئولية", "على", "مسؤولياتها", "مسؤولياته")


def _support_described(sent: _Sentence, i: int, proclitics: str) -> bool:
    """The verbal noun of support at token ``i`` (its proclitic letters given) is described, aimed at or meant:
    glued ل/ب ("لدعم", "بدعم من"), or after من/في/إلى/ضرورة/أجل — also as the second of a pair ("من دعم
    ومساندة")."""
    return proclitics.endswith(("ل", "ب")) or _word_before_pair(sent, i, proclitics, _SUPPORT_NOUNS) in (
        _SUPPORT_DESCRIBED)


def _word_before_pair(sent: _Sentence, i: int, proclitics: str, pair: frozenset[str]) -> str:
    """The matching form of the word before token ``i`` — before the first of a pair when token ``i`` is its
    second, joined by و ("أوجه التعاون والتنسيق": أوجه); "" at the start of the sentence."""
    before = i - 1
    if proclitics == "و" and before > 0 and sent.norms[before] in pair:
        before -= 1
    return sent.norms[before] if before >= 0 else ""


_ACCEPTING = _norms("تلبية", "وتلبية", "تلبيه", "وتلبيه")  # "تلبية لدعوة X": X's invitation, accepted

_INQUIRERS = _norms("الجهات", "الأجهزة", "المحققون", "المحققين", "الادعاء", "الأمن")  # who look into things


def _inquiry_into(sent: _Sentence, i: int, prepositions: frozenset[str]) -> bool:
    """The verb at ``i`` (حقق، تحقق) is followed by what it looks into: its preposition (في، مع، من) right after
    it, or after its subject — a name, or a body or group noun and its adjective ("تحقق الجهات الأمنية في",
    "تحققت فرنسا من", "تتحقق الآن من"). An object between them means it achieved something ("حققت قفزات كبيرة
    في", "حقق المركز الأول في")."""
    k = i + 1
    if k < len(sent.tokens) and sent.norms[k] in _NOW:
        k += 1
    if k < len(sent.tokens) and sent.owner[k] >= 0:
        owner = sent.owner[k]
        while k < len(sent.tokens) and sent.owner[k] == owner:
            k += 1
    elif k < len(sent.tokens) and (_is_group(sent.norms[k]) or sent.norms[k] in _DEFINITE_BODIES
                                   or sent.norms[k] in _INQUIRERS):
        k += 1
        if k < len(sent.tokens) and sent.norms[k].startswith("ال") and sent.norms[k] not in prepositions:
            k += 1
    if k < len(sent.tokens) and sent.norms[k] in _NOW:
        k += 1
    return k < len(sent.tokens) and sent.norms[k] in prepositions


def _triggers(sent: _Sentence, is_name: frozenset[str]) -> list[_Trigger]:
    lex = load_event_lexicon()
    found: list[_Trigger] = []
    i = 0
    while i < len(sent.tokens):
        word = sent.tokens[i].text
        if sent.owner[i] >= 0 or sent.norms[i] in is_name or (i > 0 and sent.norms[i - 1] in _NAME_LINKS) or (
                _in_hashtag(sent, i)):
            i += 1
            continue
        hit: _Trigger | None = None
        generic = i > 0 and (sent.norms[i - 1] in _MANNER or _body_head(sent.norms[i - 1]))
        for letters, head in () if generic else _phrase_heads().get(sent.norms[i], ()):
            # (not "لأي عمل إجرامي": any, none in particular; not "غرفة العمليات العسكرية": a body's name)
            for toks, sense in lex.phrases.get(head, ()):
                if (head, *sent.norms[i + 1 : i + len(toks)]) == toks and _sense_fits(sense, sent, i + len(toks) - 1):
                    if sense.mode == "terror" and not head.startswith("ال") and i > 0 and (
                            sent.norms[i - 1] in _DESCRIBED_AS):
                        break  # "ووصف حادث التفجير أنه عمل إجرامي": what the attack is called, not another one
                    hit = _Trigger(i, i + len(toks), _letters_cut(word, letters), sense)
                    break
            if hit is not None:
                break
        if hit is None:
            match = match_trigger(word)
            if match is not None:
                cut, senses = match
                stem = normalize_for_matching(word[cut:])
                verb_ok, masdar = _verb_proclitics_ok(word[:cut], stem), _masdar_like(stem)
                # a verb reading with proclitics no verb takes: after ب/ل a three-letter form is its verbal noun
                # ("بدعم", "لبحث"), any other form no trigger ("كلفت" is no ك + لفت)
                verb_ok = verb_ok and word[cut : cut + 1] != "إ"  # "وإحالته": إ opens a verbal noun (إفعال), no verb
                fitting = [s if s.pos != "verb" or verb_ok else replace(s, pos="noun") for s in senses
                           if _sense_fits(s, sent, i) and (s.pos != "verb" or verb_ok or masdar)]
                after_trigger = bool(found) and found[-1].j == i  # "اتفاقية تعاون": the noun reading
                after_preposition = i > 0 and sent.norms[i - 1] in _BEFORE_NOUNS  # "بعد سيطرتها": the noun
                after_preposition = after_preposition or _decided_before(sent, i)  # "قررت الحكومة طرد": the noun
                reading = next((s for s in fitting if (after_trigger or after_preposition) and s.pos == "noun"),
                               None) or next(iter(fitting), None)
                if reading is not None and reading.pos == "participle" and i > 0 and _is_number(sent.norms[i - 1]):
                    reading = None  # "ضبط 18 متهما": counted, a participle is a noun (suspects)
                if reading is not None and reading.mode == "seize" and reading.pos == "verb" and i > 0 and (
                        sent.norms[i - 1] in _WHO and stem[:1] in ("ي", "ت")):
                    reading = None  # "المباني التي تسيطر عليها الميليشيات": who holds a place, not a seizure
                if reading is not None and any(sent.norms[k] in _IF or (
                        sent.norms[k] in _MAYBE and reading.event_type != "DEMAND") for k in range(max(0, i - 3), i)):
                    reading = None  # "يمكن السيطرة عليه", "ففي حال دعا هولاند": may or would, not did
                if reading is not None and reading.mode == "visit" and reading.pos == "verb" and i > 0 and (
                        sent.norms[i - 1] in _WHAT or sent.norms[i - 1] == "فيما" or (
                            sent.norms[i - 1] in _WHO and i + 1 < len(sent.norms) and sent.norms[i + 1] in _TO_IT)):
                    reading = None  # "فيما وصل إليه الحرس الوطني من تطور", "اليأس الذي وصلت إليه الجماعات":
                    # what it has reached
                if reading is not None and reading.mode == "visit" and reading.pos == "verb" and (
                        i + 1 == len(sent.tokens) or sent.tokens[i + 1].text in SEPARATORS | QUOTE_CLOSE):
                    reading = None  # "وهم يصلون،": they pray (يصلّون); a visit names who or where
                if reading is not None and reading.mode == "target" and reading.pos == "verb" and stem[:1] in (
                        "ي", "ت") and not _armed_side_near(sent, i):
                    reading = None  # "البرامج التي تستهدف تحفيز الإبداع", "وتستهدف مصر أن تصل عائدات": it aims at
                if reading is not None and reading.event_type == "AGREE" and reading.pos == "verb" and (
                        stem in _COINCIDES) and any(w in _DAY_WORDS for w in sent.norms[i + 1 : i + 4]):
                    reading = None  # "بعيد الجمهورية الذي يوافق هذه السنة اليوم السبت": it falls on, no agreement
                if reading is not None and reading.mode in ("investigate", "verify") and reading.pos == "verb" and (
                        reading.needs) and not _inquiry_into(sent, i, reading.needs):
                    reading = None  # "حققت قفزات كبيرة في", "حقق المركز الأول في": achieved, not looked into
                if reading is not None and reading.mode == "threaten" and reading.pos == "verb" and (
                        _endangered_next(sent, i)) and not _participant_before(sent, i):
                    reading = None  # "ظواهر شاذة تهدد أمننا", "بركان … يهدد سلامة الملاحة": it endangers
                if reading is not None and reading.mode == "appeal" and reading.pos == "noun" and (
                        (i > 0 and sent.norms[i - 1] in _ACCEPTING) or (
                            word[:cut].endswith("ب") and i + 1 < len(sent.tokens) and sent.norms[i + 1] == "من")):
                    reading = None  # "تلبية لدعوة جلالة الملك", "بدعوة من الوزير": an invitation accepted, no appeal
                if reading is not None and reading.mode == "support" and (reading.pos == "noun" or masdar) and (
                        _support_described(sent, i, word[:cut])):
                    reading = None  # "بما يحظى به من دعم", "دور كبير في دعم", "يهدف إلى دعم", "لدعم", "بدعم":
                    # support described, aimed at or meant, not given ("حصل على دعم قوي من", "دعم ترشح زيكو")
                if reading is not None and reading.pos == "verb" and i > 0 and sent.norms[i - 1] in _MAY_QAD and (
                        stem in load_event_lexicon().event_imperfect):
                    reading = None  # "وقد تدعو دول أوبك", "قد ينتقد": قد before an imperfect is "may"
                if reading is not None and reading.mode in ("cooperate", "coordinate") and (
                        reading.pos == "noun" or masdar) and _word_before_pair(
                            sent, i, word[:cut], _COOPERATION_NOUNS) in _COOPERATION_TOPIC:
                    reading = None  # "بحثا أوجه التعاون", "سيعزز التعاون", "في إطار التعاون": the topic of talks
                    # (the talks are the event); "هذا التعاون": one already told
                if reading is not None and reading.mode == "blame" and i + 1 < len(sent.norms) and (
                        sent.norms[i + 1] in _BORNE):
                    reading = None  # "وتحمل المسؤولية", "يحمل على عاتقه مسؤولية": to bear it; blame names who
                    # is blamed before المسؤولية ("حمل الجيش مسلحين أكرادا مسؤولية الانفجار")
                if reading is not None and reading.event_type == "ASSAULT" and _halted(sent, i):
                    reading = None  # "لوقف إطلاق النار", "وقف القصف": a halt to the attack, not one
                if reading is not None and reading.mode in ("appeal", "thank") and _prayer_after(sent, i):
                    reading = None  # "ودعا نائب الرئيس العام لشؤون المسجد الحرام الله أن يحفظ …": a prayer
                if reading is not None and reading.pos == "noun" and cut == 0 and i > 0 and (
                        _body_head(sent.norms[i - 1])):
                    reading = None  # "مكتب تحقيقات الطيران", "لجنة التحقيق", "غرفة العمليات": a body's name
                if reading is not None and i > 0 and sent.norms[i - 1] in _MANNER:
                    reading = None  # "كيفية ضبط الإشعارات", "أهمية التعاون", "كيفية بحث سبل": a topic (the
                    # form after كيفية is a verbal noun however it reads), not a happening
                counted = i > 0 and (_is_number(sent.norms[i - 1]) or (  # "ل (5864) طالبا": a count in brackets
                    i > 1 and sent.tokens[i - 1].text in (")", "]") and _is_number(sent.norms[i - 2])))
                if reading is not None and reading.pos == "verb" and counted and (
                        stem.endswith("ا") or (cut == 0 and not _date_number(sent, i - 1))):
                    reading = None  # "220 طالبا", "100 طالب": counted, the form is a noun (students), not "they
                    # demanded" (but "وفي 20 آذار 2025 بعث بوتين", "وفي 5 أغسطس 2015 طالب": a date, then the verb)
                if reading is not None and stem in _DAWN and (
                        (i + 1 < len(sent.tokens) and sent.norms[i + 1].rstrip("،,.") in _DAWN_AFTER)
                        or (i > 0 and sent.norms[i - 1] in _DAWN_BEFORE)):
                    reading = None  # "أصدر السيسي فجر أمس عفوا", "منذ فجر الجمعة": dawn, not he blew up
                if reading is not None and reading.pos == "verb" and cut == 0 and i > 0 and (
                        sent.norms[i - 1] in _given_names()) and (
                        i + 1 == len(sent.tokens) or sent.tokens[i + 1].text in SEPARATORS):
                    reading = None  # "المخرج المسرحي أمين طالب، إن": a surname after a given name, not a verb
                if reading is not None and reading.pos == "verb" and i > 0 and sent.norms[i - 1] in _NOT_BEFORE_VERBS \
                        and not masdar:
                    reading = None  # "جميع من زار الجناح": whoever visited; "دون توقف": a noun we do not know
                if reading is not None and reading.mode == "phone" and reading.pos == "verb" and stem.startswith((
                        "يتصل", "تتصل")) and i + 1 < len(sent.tokens) and sent.mention_at(i + 1) is None and (
                        sent.norms[i + 1] in _RELATES or (sent.norms[i + 1][:1] == "ب"
                                                          and sent.norms[i + 1] not in _WITH_PRONOUN)):
                    reading = None  # "قضايا تتصل بالاحتجاجات", "يتصل مباشرة بالوزير": it relates to (not "يتصل بي")
                if reading is not None and stem in _REVIEW and not (i > 0 and sent.norms[i - 1] in _IT_WAS_DONE):
                    reading = None  # "كما جرى استعراض مستجدات الأوضاع": talks; after a meeting's noun ("جرى خلال
                    # الاستقبال استعراض العلاقات") the meeting is the event, and elsewhere a review or a parade
                if reading is not None and reading.mode == "instruct" and i > 0 and sent.norms[i - 1] in _NOUN_BEFORE:
                    reading = None  # "وقفوا في وجه الحكومة": in the face of, not "directed"
                if reading is not None:
                    hit = _Trigger(i, i + 1, cut, reading)
        if hit is not None:
            found.append(hit)
            i = hit.j
        else:
            i += 1
    # a verb and the event noun of the same type it governs are one event ("شن غارات", "قصفت … القصف")
    # and an event noun right after another trigger is its complement ("وقع اتفاقية تعاون")
    merged: list[_Trigger] = []
    last_j = -1
    for t in found:
        prev = merged[-1] if merged else None
        complement = t.sense.pos == "noun" and t.i == last_j and not (
            prev is not None and prev.sense.event_type == "DISAPPROVE" and t.sense.event_type in ATTACKS) and (
            _relative_doer(sent, t, len(sent.tokens), 0) == (None, None))
        # (not "أدان الهجوم على المسجد", "أشاد بالزيارة التي قام بها الأمير": the attack condemned, the visit
        # praised are events of their own)
        if prev is not None and (t.i == last_j or (t.i == last_j + 1 and sent.norms[last_j].startswith("ال"))) and (
                _during_impersonal(sent, prev)):  # (an adjective between: "خلال الاجتماع الثنائي مناقشة")
            # "وجرى خلال اللقاء بحث …": the meeting says when; what was done is the (verbal) noun after it
            merged[-1] = t if t.sense.pos == "noun" else replace(t, sense=replace(t.sense, pos="noun"))
            last_j = t.j
            continue
        if prev is not None and prev.sense.mode == "express" and t.sense.pos == "noun" and t.i - prev.j <= (
                EXPRESS_REACH) and (sent.norms[t.i - 1] == "عن" or not any(
                    sent.tokens[k].text in SEPARATORS for k in range(prev.j, t.i))) and (
                {(w := sent.after(t.i - 1, 1)[0])} | _without_pronouns([w])) & prev.sense.needs:
            continue  # "أعرب عن رفضه للتصريحات", "وعبر رئيس البرلمان …، عن استنكاره": what is expressed is the
            # expressing event's, not one of its own
        last_j = t.j
        # (the noun a verb's sense needs is its complement past a long subject too: "تلقى خادم الحرمين الشريفين
        # الملك سلمان بن عبدالعزيز آل سعود حفظه الله اتصالا")
        needed = prev is not None and prev.sense.pattern == "from" and sent.norms[t.i] in prev.sense.needs
        if complement or (prev is not None and prev.sense.event_type == t.sense.event_type
                          and (t.i - prev.j < MERGE_WINDOW or needed) and prev.sense.pos != t.sense.pos
                          and not (prev.sense.pos == "noun" and t.sense.pos == "verb" and (
                              (t.j < len(sent.norms) and sent.norms[t.j] in _DURING_WHICH)  # "زيارة عمل التقى خلالها"
                              or (t.sense.event_type == "CONSULT" and t.sense.mode != prev.sense.mode)))
                          # ("أثناء زيارة إلى لشبونة حيث يلتقي نظيره": a visit, and a meeting in it)
                          and not any(sent.tokens[k].text in SEPARATORS for k in range(prev.j, t.i))):
            if (prev is not None and prev.sense.pos == "verb" and t.sense.pos == "noun" and prev.sense.needs
                    and normalize_for_matching(sent.tokens[prev.i].text[prev.cut :]) in LIGHT_VERBS):
                merged[-1] = t  # "شنت مقاتلات التحالف غارات", "شن هجوما مباغتا": the attack is the noun; شن
                # only lends its subject
            continue
        if (prev is not None and prev.sense.pos == "noun" and t.sense.pos == "verb" and prev.sense.event_type ==
                t.sense.event_type and t.i - prev.j <= 3 and any(sent.norms[k] in _WHO for k in range(prev.j, t.i))
                and all(sent.owner[k] < 0 for k in range(prev.j, t.i))):  # (no name between them)
            continue  # "حادثة التفجير الآثم، التي استهدفت مسجد …": the relative clause tells the same attack
        merged.append(t)
    return merged


def _light_verb(sent: _Sentence, trig: _Trigger, lo: int) -> int | None:
    """The verb a verbal noun is the object of, whose subject does it ("شنت الطائرات غارات", "حاولت القوات
    اقتحام"): the nearest of LIGHT_VERBS in the 15 tokens before it, when it is light for the noun's type."""
    measure = trig.sense.event_type in _MEASURE_TYPES
    light = next((k for k in range(trig.i - 1, max(lo, trig.i - 15) - 1, -1)
                  if ((sent.norms[k] in LIGHT_VERBS or sent.norms[k][1:] in LIGHT_VERBS) and (measure or not (
                      sent.norms[k] in _DECIDED or sent.norms[k][1:] in _DECIDED)))  # (a decision: of measures only)
                  or _conjoined_in(sent.norms[k], _TRIED)
                  or sent.norms[k] in _CARRYING_OUT), None)
    if light is None:
        return None
    if (sent.norms[light] in _TOOK or sent.norms[light][1:] in _TOOK) and not any(
            sent.norms[k] in _DECISIONS for k in range(light + 1, trig.i)):
        return None  # "اتخذت الحكومة قرارا بطرد …", but not "ليتخذ شكلا انتقاميا وتدميرا": took a shape
    if sent.norms[light] in _CARRYING_OUT:  # "قيام X ب + the noun": only with the noun behind ب
        return light if "ب" in sent.tokens[trig.i].text[: trig.cut] and trig.i - light <= _TRIED_REACH + 6 else None
    if sent.norms[light] in _TRIED or sent.norms[light][1:] in _TRIED:
        if trig.i - light > _TRIED_REACH or any(sent.tokens[k].text in SEPARATORS for k in range(light, trig.i)):
            return None  # ("ويحاولون إعادة صياغتها وتحليل نتائجها ولكن … لا يسوؤهم انفجارها": another clause's)
    word = sent.norms[light]
    if trig.sense.event_type not in _LIGHT_FOR.get(word, (trig.sense.event_type,)):
        return None  # "نظمت المؤسسة لقاء", "لم يصدر خامنئي حكما في الاتفاق": light for some types only
    base = word if word in LIGHT_VERBS or word in _TRIED else word[1:]  # (without و/ف: "وغادر")
    if base in _VISIT_FRAME and (trig.sense.mode != "visit" or (base != word and word[:1] not in ("و", "ف"))):
        return None  # a visit's only ("يغادر ستيوارت برنامجه وهو على القمة"; "أعادت" is no أ + عادت)
    if base in _SET_UP and base != word and word[:1] not in ("و", "ف"):
        return None  # ("ينصب على": it focuses on, not ي + نصب)
    if word in _THREW and sent.tokens[light].text.endswith("ي"):
        return None  # "ألقي القبض عليه": a passive (أُلقي), its doer unnamed
    if light + 1 < len(sent.tokens) and sent.norms[light + 1] in _ACT:
        return None  # "برد فعل أمير المنطقة": a reaction, not "responded"
    if light > 0 and sent.norms[light - 1] in _WHAT:
        return None  # "ما تقوم به إسرائيل … يمثل تهديدا": what it does, not the noun's doer
    return light


_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
# verbs by which a relative clause says who carried out what the noun names ("التي شنتها", "الذي ترأسه")
_PERFORMED = LIGHT_VERBS | _norms("أقدم", "أقدمت", "أقر", "أقرت", "يقر", "تقر", "فرض", "فرضت", "يفرض", "تفرض",
                                  "أبرم", "أبرمت", "يبرم", "تبرم", "وقع", "وقعت", "يوقع", "توقع", "توصل", "توصلت",
                                  "ترأس", "ترأست", "يترأس", "تترأس", "صوت", "صوتت", "أطلقت", "يطلق", "تطلق", "تبنى",
                                  "تبنت", "يتبنى", "تتبنى", "شكل", "يشكل", "تشكل", "ارتكب", "ارتكبت", "يرتكب",
                                  "ترتكب", "بذل", "بذلت", "يبذل", "تبذل", "وجهت", "يوجه", "توجه", "اتخذ", "اتخذت",
                                  "يتخذ", "تتخذ", "قاد", "قادت", "يقود", "تقود")


def _relative_doer(sent: _Sentence, trig: _Trigger, hi: int, lo: int) -> tuple[Mention | None, str | None]:
    """The doer a relative clause names for a verbal noun: "الغارات التي شنتها طائرات التحالف", "المباحثات التي
    أجراها الوزير", "الزيارة التي قام بها الأمير". The verb takes the noun back as a pronoun (شنتها, قام بها),
    so the phrase after it is its subject (not "الهجوم الذي استهدف المسجد": there the noun is the subject);
    only a name, a title or a group counts."""
    w = trig.j
    if w + 2 >= min(len(sent.tokens), hi + 2) or sent.norms[w] not in _WHO or sent.owner[w + 1] >= 0:
        return None, None
    verb = w + 1
    subject_at = verb + 1
    form = sent.norms[verb]
    if sent.norms[subject_at] in _PREPOSITION_PRONOUNS:
        subject_at += 1  # "قام بها الأمير"
    else:
        pronoun = next((p for p in _OBJECT_PRONOUNS if form.endswith(p) and len(form) - len(p) >= 3), None)
        if pronoun is None:
            return None, None
        form = form[: -len(pronoun)]
    if not {form, form[:-1] + "ي"} & _PERFORMED:  # ("أجراها": أجرى; not "التي سيطرت عليه", "الذي تعرض له")
        return None, None
    if subject_at >= len(sent.tokens):
        return None, None
    actor, actor_text, _ = _subject(sent, subject_at, len(sent.tokens))
    if actor is not None:
        return (actor, None) if actor.participant else (None, None)
    if not actor_text:
        return None, None
    head = normalize_for_matching(actor_text.split()[0])
    return (None, actor_text) if _is_title_word(head) or _is_group(head) or _generic_body(actor_text) else (None, None)


def _generic_body(words: str) -> bool:
    """A body every state has, named in words the tagger left alone ("النيابة العامة", "القوات المسلحة")."""
    return identity_key(words) in generic_body_keys()


_BY_NATION = frozenset({"ASSAULT", "SANCTION"})  # nouns whose nationality adjective names the doer
_NISBA_REACH = 3  # words after the noun its nationality adjective may stand ("الغارات الجوية التركية")


def _doer_nisba(sent: _Sentence, trig: _Trigger) -> tuple[int, str] | None:
    """(token, country code) of the nationality adjective after an attack or sanction noun, among its
    adjectives: "القصف الإسرائيلي", "الغارات الجوية التركية", "العقوبات الأمريكية". Not past a name, a
    preposition or punctuation (not "الهجوم على السفارة الأمريكية": the target's)."""
    nisba = load_lexicon().nisba
    definite = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :]).startswith("ال")
    for k in range(trig.j, min(len(sent.tokens), trig.j + _NISBA_REACH)):
        word = sent.norms[k]
        if sent.owner[k] >= 0 or sent.tokens[k].text in SEPARATORS or word.startswith("ال") != definite:
            return None
        if not definite and not word.endswith(("ي", "يه")):
            return None  # an indefinite noun's object ("إحراق عائلة فلسطينية"), not an adjective ("غارات جوية تركية")
        code = nisba.get(word)
        if code and word.endswith(("ي", "يه")):
            return k, code  # (an adjective, singular: "خطف روس", "قتل أمريكيين" name the victims, people)
    return None


def _light_subject(sent: _Sentence, light: int, trig: _Trigger, lo: int) -> tuple[Mention | None, str | None]:
    """The subject of the light verb at ``light`` (who does the verbal noun it governs). A verb marked plural
    carries its subject, so what follows it is no subject ("وحاولوا نشر الفوضى واستهداف رجال الأمن"). The
    verbal noun "قيام" has its doer as its genitive ("قيام مواطن في العقد الثالث بالاعتداء")."""
    if sent.norms[light] in _CARRYING_OUT:
        actor, actor_text, _ = _subject(sent, light + 1, trig.i)
        return actor, actor_text
    actor, actor_text, end = _predicate_subject(sent, light, light + 1, trig.i, lo)
    if actor is not None and actor.place and trig.sense.mode == "visit":
        return None, None  # "غادر … المملكة الأردنية بعد زيارة": the place left, not the visitor
    word = sent.tokens[light].text
    if _plural_verb(word[1:] if sent.norms[light][:1] in ("و", "ف") and len(word) > 4 else word) and (
            (actor is not None and actor.start >= sent.tokens[light].end)
            or (actor is None and actor_text is not None and end > light + 1)):
        return None, None
    return actor, actor_text


def _reporting_speaker(sent: _Sentence, said: int, hi: int) -> tuple[Mention | None, str | None]:
    """Who speaks through the reporting verb at ``said``: the name or title between it and the إن/أن (or ":")
    its content opens with, before ``hi``; (None, None) when that is no person or title ("وأكدت اللائحة أن")."""
    content = next((k for k in range(said + 1, hi) if sent.norms[k] in THAT or sent.tokens[k].text == ":"), None)
    if content is None or content <= said + 1:
        return None, None
    actor, actor_text, end = _predicate_subject(sent, said, said + 1, content, 0)
    head = normalize_for_matching(actor_text.split()[0]) if actor_text else ""
    if end > content or (actor_text is not None and not (_is_title_word(head) or _is_group(head))):
        return None, None
    if actor is None and _is_title_word(head) and (named := _titled_person_after(sent, end, content)) is not None:
        return named, None  # "أكد المتحدث الرسمي باسم تعليم المدينة، عمر البرناوي، أن": the person the title leads to
    return actor, actor_text


# أن/إن with no pronoun (a clause with a subject of its own follows), or with "I" (the writer's or a quotation's)
_BARE_THAT = _norms("أنني", "إنني", "بأنني", "أن", "إن", "بأن", "وأن", "وإن", "فإن", "لأن", "ان", "بان", "وان", "فان",
                    "لان")
_BEFORE_VERB = _norms("قد", "لم", "لن", "سوف", "لا", "كان", "كانت", "كانوا", "بات", "باتت")
REPORTED_REACH = 24  # tokens between a reporting verb and the أنه/إنها its content opens with


def _speaker_does_it(sent: _Sentence, trig: _Trigger) -> Mention | None:
    """The speaker of a reporting verb whose content opens with أن/إن + a pronoun right before the verb
    ``trig`` ("وأكدت الشرطة الروسية أنها تتحقق", "وقال الجبير إنه التقى"): the pronoun is the speaker, who does it.
    Only a named speaker, between the reporting verb and its content."""
    k = trig.i - 1
    while k > 0 and sent.norms[k] in _BEFORE_VERB and trig.i - k < 3:
        k -= 1
    if k < 2 or sent.norms[k] not in THAT or sent.norms[k] in _BARE_THAT:
        return None
    for r in range(k - 1, max(-1, k - REPORTED_REACH), -1):
        if sent.norms[r] in THAT or (sent.tokens[r].text in SEPARATORS and sent.tokens[r].text != "،"):
            return None
        if sent.owner[r] < 0 and match_reporting(sent.tokens[r].text) is not None:
            speaker, _ = _reporting_speaker(sent, r, k + 1)
            return speaker if speaker is not None and speaker.participant else None
    return None


_ON_TO = _norms("على", "إلى", "الى")
_REVIEW = _norms("استعراض")
_IT_WAS_DONE = _norms("جرى", "وجرى", "تم", "وتم", "جري", "وجري")
_RELATES = _norms("في", "مباشرة", "اتصالا")  # what an imperfect "يتصل" is followed by when it means "relates"
_WITH_PRONOUN = _norms("بي", "به", "بها", "بهم", "بهما", "بك", "بكم", "بنا", "بهن")
_SPEECH_ACTS = frozenset({"DEMAND", "SUPPORT", "DISAPPROVE", "REJECT", "THREATEN"})  # what a speaker does by speaking
_SPORTS_SPEECH_ACTS = frozenset({"DEMAND", "DISAPPROVE"})  # kept in a sports story, by a named person


def _speaker_goes_on(sent: _Sentence, trig: _Trigger) -> int | None:
    """The reporting verb whose speaker goes on with the verb ``trig`` ("وشدد على أن الشريعة …، وأهاب بالجميع",
    "وأوضح الحربي أن …، وطالب بوجود عقاب"): a speech act (an appeal, praise, a condemnation …) joined by و right
    after a comma, with a reporting verb and its content (أن/إن) before it in the sentence and no other verb of
    an event between; None otherwise. (Not an attack: "قال إن التحالف قصف المدينة، ودمر" goes on with what is
    reported.)"""
    i = trig.i
    if (trig.sense.pos != "verb" or trig.sense.event_type not in _SPEECH_ACTS or i < 3 or trig.cut == 0
            or sent.tokens[i - 1].text not in ("،", ",") or sent.tokens[i].text[:1] != "و"):
        return None
    stem = normalize_for_matching(sent.tokens[i].text[trig.cut :])
    if _plural_verb(stem) or _masdar_like(stem) or stem.endswith(("ما", "تا")):
        return None  # "وعبروا": they, not the speaker; "ودعما من الأمانة": a verbal noun
    content = None
    for k in range(i - 2, -1, -1):
        if sent.norms[k] in THAT:
            content = k
        elif sent.owner[k] < 0 and match_reporting(sent.tokens[k].text) is not None:
            if content is None or (content + 1 < i and (m := sent.mention_at(content + 1)) is not None
                                   and m.participant):
                return None  # "أوضح الأمير أن خادم الحرمين الشريفين … كان حريصا …، وسخر لها": the king goes on
            return k
        elif sent.tokens[k].text in ("؛", ";", ":") or sent.tokens[k].text in QUOTE_CLOSE:
            return None
    return None


def _first_participant(sent: _Sentence, lo: int, hi: int, skip: set[str]) -> tuple[int, Mention] | None:
    for k in range(max(lo, 0), min(hi, len(sent.tokens))):
        m = sent.mention_at(k)
        if m is not None and m.participant and m.entity_id not in skip:
            return k, m
    return None


def _last_participant(sent: _Sentence, lo: int, hi: int, skip: set[str]) -> tuple[int, Mention] | None:
    for k in range(min(hi, len(sent.tokens)) - 1, max(lo, 0) - 1, -1):
        m = sent.mention_at(k)
        if m is not None and m.participant and m.entity_id not in skip:
            return k, m
    return None


def _after_preposition(sent: _Sentence, lo: int, hi: int, preps: frozenset[str], skip: set[str],
                       glued_ok: bool = True) -> list[Mention]:
    """The participants after one of ``preps`` (or, with ``glued_ok``, after a glued ب/ل) in tokens lo…hi."""
    out: list[Mention] = []
    for k in range(max(lo, 1), min(hi, len(sent.tokens))):
        m = sent.mention_at(k)
        if m is None or not m.participant or m.entity_id in skip or (out and out[-1] is m):
            continue
        if sent.owner[k - 1] == sent.owner[k]:
            continue  # not the mention's first word
        word = sent.norms[k]
        glued = ((glued_ok and word[:1] in ("ب", "ل")) or (word[:1] == "و" and "و" in preps)) and (
            sent.tokens[k].start < m.start)  # "بالرئيس", "لروسيا"; "بين X وقوات النظام"
        # the preposition, possibly before a title chain: "من الرئيس الأمريكي باراك أوباما"
        b = k - 1
        while b > max(lo, k - 5) and sent.owner[b] < 0 and sent.norms[b] not in preps and (
                _is_title_word(sent.norms[b]) or sent.norms[b].startswith("ال")):
            b -= 1
        direct = sent.norms[k - 1] in preps or (k >= 2 and sent.norms[k - 2] in preps and sent.owner[k - 1] < 0)
        titled = sent.norms[b] in preps and b + 1 < k and _is_title_word(sent.norms[b + 1])
        if glued or direct or titled:
            out.append(m)
    return out


@cache
def _title_starts() -> frozenset[str]:
    """First words of the title phrases of ``titles_ar.txt`` and the knowledge base's roles."""
    from pipeline.lexicons import load_kb, load_lexicon

    firsts = {t.split()[0] for t in load_lexicon().titles}
    firsts |= {normalize_for_matching(t).split()[0] for role in load_kb().roles for t in role.titles}
    return frozenset(firsts)


# "وقال رئيس الوزراء أمام اللجنة المركزية": where or when it was said ends the speaker's phrase
_ADVERBIAL_PREPOSITIONS = _norms("أمام", "امام", "خلال", "عقب", "أثناء", "اثناء", "عبر", "حول", "قبيل", "إثر", "اثر")


def _phrase_end(sent: _Sentence, lo: int, hi: int, limit: int = 12) -> int:
    """The token after the noun phrase starting at ``lo``: it ends at punctuation, a preposition, إن/أن,
    a number or a trigger (a title chain "وزير الخارجية السعودي عادل الجبير" is one phrase)."""
    end = min(hi, len(sent.tokens), lo + limit)
    k = lo
    while k < end and not _ends_phrase(sent, k, lo, reporting_too=True):
        k += 1
    return k


_ABBREVIATED_TITLES = _norms(*ABBREVIATED_TITLES)


def _ends_phrase(sent: _Sentence, k: int, lo: int, reporting_too: bool) -> bool:
    """Token ``k`` closes a noun phrase that starts at ``lo``: punctuation, an opening quote, a particle or
    preposition, إن/أن, a number, no letter at all, or a trigger (and, with ``reporting_too``, a reporting
    verb) outside any entity mention."""
    word, text = sent.norms[k], sent.tokens[k].text
    if text == "." and k > lo and sent.norms[k - 1] in _ABBREVIATED_TITLES:
        return False  # "د. بخاري", "م. عبداللطيف": the point of an abbreviated title
    if sent.owner[k] >= 0 and text.isalpha():
        return False  # a word of a name is no particle: "علي بن أحمد الحربي" (على's matching form is علي)
    if (text in SEPARATORS or text in QUOTE_OPEN or word in PARTICLES or word in RECIPIENT_PREPOSITIONS
            or word in PLACE_PREPOSITIONS or word in THAT or word in _SUBORDINATORS or word in _ADVERBIAL_PREPOSITIONS
            or _is_number(word)
            or not any(ch.isalpha() for ch in word)):
        return True
    if k > lo and sent.owner[k] < 0 and _preposition_with_pronoun(word):
        return True  # "فرار المسلحين منها"
    if k > lo and sent.owner[k] < 0:
        return bool(match_trigger(text) or (reporting_too and match_reporting(text)))
    return False


def _is_title_word(word: str) -> bool:
    return word in TITLE_WORDS or word.removeprefix("ال") in TITLE_WORDS or word in _title_starts()


_FORCES = _norms("مقاتلات", "طائرات", "طيران", "قوات", "مدفعية", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "عناصر",
                 "مسلحو", "مسلحي", "مقاتلو", "مقاتلي", "جنود", "دبابات", "بوارج", "سفن", "زوارق", "وحدات", "كتائب",
                 "فصائل", "سلاح", "مروحيات", "طائرة", "مقاتلة", "وحدة", "دورية", "دوريات")
# the head nouns of a medium's name ("صحيفة الحياة", "وكالة رويترز"); a newspaper's own name is any word, the
# other media's only an organisation the tagger found
_NEWSPAPERS = _norms("صحيفة", "جريدة", "مجلة")
_MEDIA_HEADS = _NEWSPAPERS | _norms("وكالة", "قناة", "شبكة", "إذاعة", "تلفزيون")


def _indefinite_nisba(word: str) -> bool:
    """An indefinite feminine adjective of origin or kind ("أمريكية", "محلية"): what follows an unnamed
    newspaper."""
    return not word.startswith("ال") and word.endswith("يه")


def _named_newspaper(words: str) -> bool:
    """True when the words are a newspaper and its name ("صحيفة تينيسيان المحلية", 'صحيفة «الشرق»'), not a
    newspaper without one ("صحيفة أمريكية", "الصحيفة")."""
    parts = [normalize_for_matching(w) for w in words.split()]
    return len(parts) > 1 and parts[0] in _NEWSPAPERS and not _indefinite_nisba(parts[1])


def _in_body_name(sent: _Sentence, k: int) -> bool:
    """Token ``k`` goes on with a body's name in words ("مكتب مراقبة الأصول الخارجية"): not a time, a quantifier,
    a word behind ب/ل ("بتفريق", "بطباعة"), a person's name, nor an indefinite word after a definite one (the
    object: "مجلس إدارة النادي إعادة تشكيل")."""
    word = sent.norms[k]
    m = sent.mention_at(k)
    if word in _TIME_WORDS or word in _TIME_ADVERBIAL or word in _NAME_BREAKERS or word in _QUANTIFIERS:
        return False
    if m is not None:
        return m.type != EntityType.PER
    if word[:1] in ("ب", "ل") and not word.startswith("لل"):
        return False
    return word.startswith("ال") or not sent.norms[k - 1].startswith("ال")


BODY_NAME_WORDS = 6  # words of a body's name in words after its head noun ("مكتب مراقبة الأصول الخارجية")
# words that end a body's name in words besides _TIME_WORDS and _TIME_ADVERBIAL: time nouns and adverbs
# ("وكالة ناسا الفضائية الأسبوع الماضي", "شركة سويس ري للتأمين أخيرا")
_NAME_BREAKERS = _norms("الأسبوع", "الشهر", "السنة", "الأسابيع", "الأشهر", "الأيام", "الساعات", "أخيرا", "أيضا",
                        "رسميا", "سابقا", "لاحقا")
_PERSON_NOUNS = _norms("المريض", "المريضة", "الطالب", "الطالبة", "المواطن", "المواطنة", "الشاب", "الفتاة",
                       "الرجل", "الطفل", "الطفلة", "السيدة", "الأم", "الأب", "اللاعب", "المعلم", "المعلمة", "المقيم",
                       "الزوجة", "الزوج", "الشيخ", "الفنان", "الفنانة", "الكاتب", "الكاتبة", "المتهم", "الضحية")
_OTHER = _norms("أخرى", "آخر", "اخرى", "أخريين", "أخريات", "آخرين", "مماثلة", "مماثل", "جديدة", "جديد")
_IN_IT = _norms("فيها", "فيه")
_SPEECHES = _norms("كلمة", "كلمته", "كلمتها", "خطاب", "خطابا", "خطابه", "خطابها", "رسالة", "رسالته", "مقابلة",
                   "تصريح", "تصريحا", "تصريحه", "محاضرة", "خطبة", "خطبته")
_AS_SHE = _norms("كما", "وكما")  # "كما قالت": as she said — the person named before said it
_AS = _AS_SHE | _norms("حسبما", "بحسبما", "وحسبما", "مثلما")  # no subject stands before the verb
_ACCORDING = _norms("حسب", "بحسب", "وحسب", "وبحسب", "وفق", "وفقا", "طبقا")  # "حسب ما كشف مصدر": the speaker follows


_THAT_BEFORE_AS = _norms("وذلك", "ذلك")  # "…، وذلك حسبما أعلنت الرابطة": no part of what was said
_JUST_AS = _norms("مثلما")
_ON = _norms("على")
# what may follow the speaker of a "كما قال …" that closes its sentence: the outlet told, the time
_ATTRIBUTION_TAIL = _norms("في", "عبر", "خلال", "اليوم", "أمس", "امس", "مساء", "صباح", "يوم", "الليلة", "سابقا",
                           "أيضا", "ايضا")


def _attributed_before(sent: _Sentence, i: int, subject_end: int) -> tuple[int, int] | None:
    """(first, last) tokens of what a reporting verb after "حسب ما", "بحسب ما", "وفق ما", "حسبما" or "كما"
    attributes to its speaker when the attribution closes the sentence: the words before it ("قتل شخصان …
    ثم انتحر، كما أفادت الشرطة.", "… خطف ثمانية مقاتلين آخرين، بحسب ما ذكر المرصد السوري لحقوق الإنسان.").
    None when the statement follows instead (إن/أن, a colon or a quotation mark after the verb; fewer than three
    words before: "وبحسب ما ذكرت الوزارة، فإن …"), and for "كما" ("also": "كما أكد الجانبان رفضهما …") unless
    only the outlet told or a time follows its speaker and the verb is a perfect."""
    if subject_end <= i + 1 or not _as_said(sent, i) or sent.norms[i].endswith("وا"):
        return None  # no speaker named after the verb ("كما روى لمتابعيه الطرق …"); "كما ذكروا سعود": an object
    a = i - 1 if sent.norms[i - 1] in _AS else i - 2  # the "as" word
    last = a - 1
    while last >= 0 and (sent.tokens[last].text in SEPARATORS or sent.norms[last] in _THAT_BEFORE_AS):
        last -= 1
    first = 0
    while first < last and (sent.tokens[first].text in SEPARATORS or sent.tokens[first].text in QUOTE_OPEN):
        first += 1
    if last - first < 2:
        return None
    for k in range(i + 1, len(sent.tokens)):
        if sent.norms[k] in THAT or sent.tokens[k].text == ":" or sent.tokens[k].text in QUOTE_OPEN:
            return None
    if sent.norms[a] in _AS_SHE or sent.norms[a] in _JUST_AS:
        if sent.norms[i] in load_event_lexicon().reporting_imperfect:
            return None  # "كما يقول المثل", "كما يقول الفلسطينيون": a saying, no statement of the news
        rest = [k for k in range(subject_end, len(sent.tokens)) if sent.tokens[k].text not in SEPARATORS]
        if rest and not (sent.norms[rest[0]][:1] == "ل" or sent.norms[rest[0]] in _ATTRIBUTION_TAIL):
            return None
    return first, last


def _as_said(sent: _Sentence, i: int) -> bool:
    """The verb at ``i`` follows "كما", "حسبما", "حسب ما" or "على ما" (as / according to what … said): the words
    before are no subject of it."""
    return i > 0 and (sent.norms[i - 1] in _AS or (i > 1 and sent.norms[i - 1] in ("ما", "لما") and (
        sent.norms[i - 2] in _ACCORDING or sent.norms[i - 2] in _ON)))  # ("على ما أعلن متحدث": per the spokesman)


def _subject(sent: _Sentence, lo: int, hi: int) -> tuple[Mention | None, str | None, int]:
    """(entity, words, end token) of the subject phrase starting at token ``lo``. A name right there is the
    subject (a capital stands for its government: "أطلقت أنقرة"); after a title chain ("وزير الخارجية
    السعودي عادل الجبير", "رئيس مجلس إدارة البنك الأهلي منصور الميمان") the person it leads to; otherwise the
    subject is the words of its first one or two words ("الحملة", "العمير"), the object follows them."""
    if lo < len(sent.tokens) and sent.owner[lo] < 0 and _preposition_with_pronoun(sent.norms[lo]):
        return None, None, lo  # "اتصلت بي", "تقوم به": a pronoun is no subject's words
    end = _phrase_end(sent, lo, hi, limit=16)
    if end == lo:
        return None, None, lo
    first = sent.mention_at(lo)
    if first is not None and (first.participant or first.place):
        return first, None, max(lo + 1, sent.token_of(first.end))
    if first is None and sent.norms[lo] in _FORCES and lo + 1 < min(hi, len(sent.tokens)):
        # "مقاتلات التحالف العربي", "مسلحو تنظيم داعش", "مدفعية الجيش السعودي": the force acts for the body
        # it belongs to, the one an analyst counts
        body = sent.mention_at(lo + 1)
        if body is not None and body.participant and sent.tokens[lo + 1].start == body.start:
            return body, None, max(lo + 2, sent.token_of(body.end))
    if first is None and lo + 1 < min(hi, len(sent.tokens)) and sent.norms[lo].startswith("ال") and (
            load_lexicon().nisba.get(sent.norms[lo]) is not None or sent.norms[lo] in _PERSON_NOUNS
            or identity_key(sent.norms[lo]) in PERSON_NOUNS) and (
            (person := sent.mention_at(lo + 1)) is not None and person.type == EntityType.PER
            and sent.tokens[lo + 1].start == person.start):
        return person, None, max(lo + 2, sent.token_of(person.end))  # "انتقد البرتغالي جوزيه مورينيو", "ووصف
        # الشاعر عبدالقادر كمال": a nationality or an occupation before a name is his apposition
    if first is None and (member_of := _members_of(sent, lo, hi)) is not None:
        return member_of, None, max(lo + 3, sent.token_of(member_of.end))
    if first is None and sent.norms[lo] in _MEDIA_HEADS and lo + 1 < min(hi, len(sent.tokens)):
        # "ذكرت صحيفة الحياة", "نقلت وكالة رويترز": the medium named after its head noun speaks
        body = sent.mention_at(lo + 1)
        if body is not None and body.participant and sent.tokens[lo + 1].start == body.start and (
                sent.norms[lo] in _NEWSPAPERS or (body.type == EntityType.ORG and body.subtype in (
                    None, "outlet", "agency", "company"))):  # (not "وكالة وزارة الداخلية", a deputy ministry)
            return body, None, max(lo + 2, sent.token_of(body.end))
        k = lo + 1  # a newspaper's name the tagger missed, with its adjectives: "صحيفة تينيسيان المحلية"
        while sent.norms[lo] in _NEWSPAPERS and body is None and k < min(hi, len(sent.tokens), lo + 4) and (
                sent.tokens[k].text.isalpha() and sent.mention_at(k) is None) and not (
                sent.norms[k].startswith("ال") or _indefinite_nisba(sent.norms[k]) or sent.norms[k] in THAT
                or sent.norms[k] in PARTICLES or sent.norms[k] in _TIME_WORDS or sent.norms[k] in _PREPOSITIONS_NEEDED
                or match_reporting(sent.norms[k]) or match_trigger(sent.norms[k])
                or (k > lo + 1 and sent.norms[k].endswith("ا"))):  # (an adverb after the name: "نقلا", "أيضا")
            k += 1  # ("صحيفة ديلي ميل")
        if k > lo + 1:
            while k < min(hi, len(sent.tokens), lo + 4) and sent.mention_at(k) is None and (
                    sent.norms[k].startswith("ال") and _indefinite_nisba(sent.norms[k][2:])):
                k += 1
            return None, sent.text[sent.tokens[lo].start : sent.tokens[k - 1].end], k
    if first is None and _body_head(sent.norms[lo]) and sent.norms[lo][:1] not in ("ب", "ل") and (
            not _is_title_word(sent.norms[lo])):
        # "وذكر مكتب مراقبة الأصول الخارجية أن", "أعلنت وكالة ناسا الفضائية": a body named in words, its head
        # noun and the words of its name up to a time or the phrase's end
        k = lo + 1
        while k < min(end, lo + BODY_NAME_WORDS) and _in_body_name(sent, k):
            k += 1
        if k > lo + 1:
            return None, sent.text[sent.tokens[lo].start : sent.tokens[k - 1].end], k
    if _is_title_word(sent.norms[lo]):
        conveyed = next((t for t in range(lo, end) if sent.norms[t] in _CONVEYED_WORDS), end)
        names = [m for k in range(lo, conveyed) if (m := sent.mention_at(k)) is not None and not (
            (at := sent.token_of(m.start)) > 0 and sent.norms[at - 1] in _OF_ANOTHER)]
        # ("نائب خادم الحرمين الشريفين … الأمير محمد بن نايف": the deputy, not the king he deputises for; "مفتي
        # الجمهورية اللبنانية تعازي الشعب لخادم الحرمين الملك سلمان": past what the title's holder conveys, the
        # names are who it goes to)
        person = next((m for m in names if m.type == EntityType.PER), None) or next(
            (m for m in names if m.participant), None)
        if (person is None or person.type != EntityType.PER) and end < min(hi, len(sent.tokens)) and (
                sent.norms[end] in _CHAIN_PREPOSITIONS) and (held := _chain_holder(sent, end, hi)) is not None:
            return held, None, max(end + 1, sent.token_of(held.end))
        comma = _comma_after_body(sent, end, hi) if person is not None and person.type != EntityType.PER else None
        if person is not None and person.type != EntityType.PER and comma is not None:
            # "مساعد نائب رئيس الهيئة العامة للطيران المدني، المهندس طارق العبد الجبار", "الرئيس التنفيذي لشركة
            # الأوراق المالية و الإستثمار (سيكو)، السيدة نجلاء الشيراوي": the title's holder, named after the comma
            # (a title or style of his own may come first), not the body he works for
            k = comma + 1
            while k < min(hi, len(sent.tokens), comma + 4) and sent.mention_at(k) is None and (
                    _is_title_word(sent.norms[k]) or sent.norms[k] in _STYLES_OF_ADDRESS):
                k += 1
            held = sent.mention_at(k) if k < min(hi, len(sent.tokens)) else None
            if held is not None and held.type == EntityType.PER and sent.tokens[k].start == held.start:
                return held, None, max(k + 1, sent.token_of(held.end))
        if person is not None:
            return person, None, max(end, sent.token_of(person.end))
        return None, sent.text[sent.tokens[lo].start : sent.tokens[end - 1].end], end
    k = lo + 1
    if sent.norms[lo] in _QUANTIFIERS and k < min(hi, len(sent.tokens)):
        # "ثمن عدد من المختصين", "وينتقد معظم سكان أوكيناوا": the quantified noun belongs to the subject
        if sent.norms[k] == "من" and k + 1 < min(hi, len(sent.tokens)):
            k += 1
        m = sent.mention_at(k)
        k = max(k + 1, sent.token_of(m.end)) if m is not None else k + 1
    if k < end and sent.norms[k].startswith("ال") and sent.mention_at(k) is None:
        k += 1
    if sent.norms[lo] not in _HONORIFICS:  # (not what is said: 'وقال سموه «مرحبا بكل زائر».')
        k = _past_quoted_name(sent, k)  # 'قناة «العربية»', 'صحيفة "الحياة"'
    return None, sent.text[sent.tokens[lo].start : sent.tokens[k - 1].end], k


# people or forces named as members of a body: "مراقبون من مكاتب فرع وزارة العمل", "مسلحون من تنظيم داعش"
_MEMBERS = _FORCES | _norms("مراقبون", "مراقبين", "مفتشون", "مفتشين", "فريق", "فرق", "موظفو", "موظفون", "موظفين",
                            "أفراد", "رجال", "مسلحون", "مسلحين", "مقاتلون", "مقاتلين", "خبراء", "مختصون", "مختصين",
                            "ممثلون", "ممثلين", "أعضاء", "وفد", "مندوبون", "مندوبين", "لجنة", "لجان", "منسوبو",
                            "منسوبي", "عمال", "مهندسون", "مهندسين", "أطباء")
MEMBERS_REACH = 3  # words between "من" and the body: "مراقبون من مكاتب فرع وزارة العمل"


def _members_of(sent: _Sentence, lo: int, hi: int) -> Mention | None:
    """The body whose members the subject at ``lo`` names ("مراقبون من مكاتب فرع وزارة العمل", "وفد من وزارة
    الخارجية"): they act for it, and an analyst counts the body. Only a person or body, not a place ("مسلحون من
    حلب"), and only over plain words between "من" and it (no punctuation, no other name)."""
    end = min(hi, len(sent.tokens))
    if sent.norms[lo] not in _MEMBERS or lo + 2 >= end or sent.norms[lo + 1] != "من":
        return None
    for k in range(lo + 2, min(end, lo + 3 + MEMBERS_REACH)):
        m = sent.mention_at(k)
        if m is not None:
            return m if m.participant and not m.place and m.type == EntityType.ORG and (
                sent.tokens[k].start == m.start) else None
        if not sent.tokens[k].text.isalpha():
            return None
    return None


_STYLES_OF_ADDRESS = _norms("السيد", "السيدة", "الآنسة", "الأستاذة", "الدكتورة")
BODY_TAIL = 6  # tokens of a body's name the tagger left out before the comma that closes it


def _comma_after_body(sent: _Sentence, end: int, hi: int) -> int | None:
    """The comma that closes a title's body at token ``end`` or a few tokens on: the rest of its name and its
    abbreviation in brackets may stand between ("لشركة الأوراق المالية و الإستثمار (سيكو)،"), no name, number,
    إن/أن or other punctuation."""
    for k in range(end, min(hi, len(sent.tokens), end + BODY_TAIL)):
        text = sent.tokens[k].text
        if text in ("،", ","):
            return k
        if text in ("(", ")"):
            continue
        m = sent.mention_at(k)
        if (m is not None and m.type == EntityType.PER) or text in SEPARATORS or not text.isalpha() or (
                sent.norms[k] in THAT or match_reporting(sent.norms[k])):
            return None
    return None


def _chain_holder(sent: _Sentence, at: int, hi: int) -> Mention | None:
    """The person a title chain names past a preposition at token ``at`` ("سفير خادم الحرمين الشريفين لدى الأردن
    الأمير خالد بن فيصل"): the first person within ``CHAIN_REACH`` tokens, right after a title word or another
    name, with no punctuation, إن/أن, number or trigger before it."""
    for k in range(at + 1, min(hi, len(sent.tokens), at + 1 + CHAIN_REACH)):
        m = sent.mention_at(k)
        if m is not None and m.type == EntityType.PER and sent.tokens[k].start == m.start:
            before = sent.norms[k - 1]
            named_before = sent.mention_at(k - 1) is not None
            return m if _is_title_word(before) or before in _ABBREVIATED_TITLES or named_before or (
                sent.tokens[k - 1].text == "." and k > 1 and sent.norms[k - 2] in _ABBREVIATED_TITLES) else None
        if m is None and _ends_phrase(sent, k, at + 1, reporting_too=True) and not (
                sent.norms[k] in _CHAIN_PREPOSITIONS or (sent.tokens[k].text == "." and sent.norms[k - 1] in (
                    _ABBREVIATED_TITLES))):
            return None
    return None


def _past_quoted_name(sent: _Sentence, k: int) -> int:
    """The token after a short name in quotes standing at ``k`` (up to four words, no punctuation inside,
    the sentence going on after it), else ``k``."""
    if k >= len(sent.tokens) or sent.tokens[k].text not in QUOTE_OPEN:
        return k
    close = next((t for t in range(k + 1, min(len(sent.tokens), k + 6)) if sent.tokens[t].text in QUOTE_CLOSE), None)
    if close is None or close == k + 1 or close + 1 >= len(sent.tokens) or any(
            sent.tokens[t].text in SEPARATORS for t in range(k + 1, close)):
        return k
    after = sent.tokens[close + 1].text
    return close + 1 if after not in SEPARATORS or after in (",", "،", "(") else k


_PREPOSITIONS_NEEDED = _norms("على", "في", "مع", "عن", "إلى", "الى", "من")
_FROM_IS_OBJECT = frozenset({"ASSAULT", "COERCE", "RETREAT", "SANCTION"})
_PASSIVE_FORMS = _norms("اغتيل", "اغتيلت")  # spelt as passives only ("اغتيل": was assassinated)
_DURING = _norms("خلال", "أثناء", "اثناء", "في", "عقب", "إثر", "اثر", "بعد", "قبل", "لدى", "منذ")
# (construct forms only: "سفير خادم الحرمين" is the king's ambassador, "السفير أحمد قطان" the ambassador himself)
_OF_ANOTHER = _norms("نائب", "مستشار", "مبعوث", "ممثل", "مساعد", "سكرتير", "نجل", "شقيق", "حفيد", "زوجة", "سفير",
                     "سفيرة", "قنصل", "مندوب")
# prepositions inside a title chain: "سفير خادم الحرمين الشريفين لدى الأردن الأمير خالد بن فيصل", "المشرف العام
# على مركز الملك سلمان للإغاثة الدكتور عبدالله الربيعة", "وزير الخارجية في حكومة …"
# what a title's holder conveys to someone ("نقل مفتي الجمهورية تعازي الشعب لخادم الحرمين"): the name after it is
# who receives it
_CONVEYED_WORDS = _norms("تعازي", "تعازيه", "تعازيها", "التعازي", "تهاني", "تهانيه", "التهاني", "تهنئة", "شكر",
                         "الشكر", "تحيات", "تحية", "عزاء", "العزاء", "تعزية", "مواساة", "رسالة", "برقية")
_CHAIN_PREPOSITIONS = _norms("لدى", "على", "في", "عن")
CHAIN_REACH = 14  # tokens after such a preposition where the chain's holder may be named
_QUANTIFIERS = _norms("عدد", "بعض", "جميع", "معظم", "أحد", "إحدى", "كثير", "الكثير", "العديد", "غالبية", "أغلب", "مئات",
                      "آلاف", "عشرات", "مجموعة", "كافة", "أكثر", "ممثلو", "ممثلي")


CLAUSE_OPENERS = _norms("كان", "كانت", "وكان", "وكانت", "قد", "وقد", "لقد", "بينما", "فيما", "حين", "عندما", "ثم",
                        "لكن", "ولكن")


def _clause_start(sent: _Sentence, i: int) -> int:
    """The first token of the clause of token ``i``: after punctuation, إن/أن, a quote mark, كان/قد, or another
    verb of event or speech."""
    k = i - 1
    while k >= 0:
        tok, word = sent.tokens[k].text, sent.norms[k]
        if (tok in SEPARATORS or tok in ("/", "-", "–") or tok in QUOTE_OPEN or tok in QUOTE_CLOSE or word in THAT
                or word in CLAUSE_OPENERS
                or (sent.owner[k] < 0 and (match_trigger(tok) or match_reporting(tok)))):
            return k + 1
        k -= 1
    return 0


OPENERS = _norms("خلال", "بعد", "قبل", "منذ", "عند", "أثناء", "اثناء", "حول", "عقب", "إثر", "اثر", "لدى", "بحسب", "وفق",
                 "وفقا", "أما", "اما", "إذ", "اذ", "و", "ف", "لكن", "بل", "أي", "كذلك", "أيضا", "ايضا", "وسط", "ضمن",
                 "أمام", "امام", "لأن", "لان", "لأنه", "كما", "مثلما", "بفضل", "بفعل", "بسبب", "بموجب",
                 "بالإضافة", "إضافة")


def _preposition_with_pronoun(word: str) -> bool:
    """"منها", "عليه", "معهم", "بي": a preposition carrying a pronoun."""
    if word in _PREPOSITIONS_WITH_ME:
        return True
    for pronoun in _BOUND_PRONOUNS:
        if word.endswith(pronoun) and word[: -len(pronoun)] in _PREPOSITION_STEMS:
            return True
    return False


_PREPOSITIONS_WITH_ME = _norms("بي", "لي", "مني", "عني", "معي", "ضدي")  # (not "علي": the name Ali)
_PREPOSITION_STEMS = _norms("من", "عن", "على", "علي", "الي", "إلى", "في", "ل", "ب", "مع", "عند", "لدى", "لدي", "بين",
                            "ضد", "منذ")


def _opens_clause(word: str) -> bool:
    """A clause starting with this word does not start with its subject ("وخلال خطابه", "وردا على", "في بيان")."""
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 2 else word
    for pronoun in ("هما", "هم", "ها", "ه"):  # "خلالها", "معه", "بعدهم"
        if bare.endswith(pronoun) and bare[: -len(pronoun)] in OPENERS | RECIPIENT_PREPOSITIONS | PLACE_PREPOSITIONS:
            return True
    return (word in OPENERS or bare in OPENERS or bare in PARTICLES or bare in RECIPIENT_PREPOSITIONS
            or bare in PLACE_PREPOSITIONS or _is_number(word) or (bare.endswith("ا") and not bare.startswith("ال")))


def _opening_subject(sent: _Sentence) -> Mention | None:
    """The subject of a sentence that opens with a verb: a person or body named right after its first word
    ("وبثت جبهة النصرة …"), when that word is a verb form and no other word."""
    m = sent.mention_at(1) if len(sent.tokens) > 2 else None
    if m is None or not m.participant or m.place or sent.tokens[1].start != m.start:
        return None
    return m if sent.mention_at(0) is None and _verb_form(sent.tokens[0].text) else None


def _topic_subject(sent: _Sentence, i: int, reach: int = 24) -> Mention | None:
    """The person or body a sentence opens with (after at most a title word: "والملا عبد المنان"), when the
    words from it to the verb at ``i`` are an apposition closed by a comma, with no trigger or reporting verb
    (the dictionary's verb readings would take "رجل", "دين"), relative pronoun, إن/أن or other punctuation in
    them: "والملا عبد المنان الشقيق الأصغر للملا عمر، وهو رجل دين أيضا، أشار إلى أن …"."""
    first = _first_participant(sent, 0, min(i, 3), set())
    if first is None or i - first[0] > reach:
        return None
    k, m = first
    if m.type not in (EntityType.PER, EntityType.ORG) or m.place or any(
            not _is_title_word(sent.norms[j].removeprefix("و")) for j in range(k)):
        return None
    for j in range(sent.token_of(m.end), i):
        text = sent.tokens[j].text
        if text in ("،", ","):
            continue
        if (text in SEPARATORS or text in QUOTE_OPEN or text in QUOTE_CLOSE or sent.norms[j] in THAT
                or sent.norms[j] in _WHO or (sent.mention_at(j) is None and (
                    match_trigger(text) is not None or match_reporting(text) is not None))):
            return None
    return m


def _described_subject(sent: _Sentence, i: int, reach: int = 30) -> Mention | None:
    """The person or body a sentence opens with, when a relative clause describes it and a comma closes the
    description right before the verb at ``i``: "ولكن بينيتيز الذي تولى تدريب ريال مدريد في يونيو الماضي خلفا
    لكارلو انشيلوتي، أكد أنه …" (not the name inside the description)."""
    if i < 4 or sent.tokens[i - 1].text not in ("،", ","):
        return None
    first = _first_participant(sent, 0, 3, set())
    if first is None or i - first[0] > reach:
        return None
    m = first[1]
    end = sent.token_of(m.end)
    if m.type not in (EntityType.PER, EntityType.ORG) or m.place or end >= i or sent.norms[end] not in _WHO:
        return None
    if any((sent.tokens[j].text in SEPARATORS and sent.tokens[j].text not in ("،", ",")) or sent.norms[j] in THAT
           for j in range(end, i)):
        return None
    return m


def _verb_form(word: str) -> bool:
    """``word`` (after و/ف) can be a perfect verb: the dictionary knows it as one ("أعلن", "زار"), or does not
    know it and it ends in the feminine ت ("وبثت")."""
    classes = shipped_word_classes()
    form = normalize_for_matching(word)
    if classes.get(form) is not None and "v" not in classes[form]:
        return False
    bare = form[1:] if form[:1] in ("و", "ف") and len(form) > 3 else form
    if bare in _given_names() or bare.startswith("ال"):
        return False
    found = classes.get(bare)
    return "v" in found if found is not None else (bare.endswith("ت") and 3 <= len(bare) <= 6)


def _joined_verb(sent: _Sentence, i: int) -> bool:
    """The trigger or reporting verb at token ``i`` carries و or ف ("واعترض", "فقال"): it opens a clause of its
    own, so the words before it are not its subject."""
    hit = match_trigger(sent.tokens[i].text)
    said = match_reporting(sent.tokens[i].text) if hit is None else None
    cut = hit[0] if hit is not None else (said[0] if said is not None else 0)
    return any(ch in "وف" for ch in sent.tokens[i].text[:cut])


# forces of nature and disease: what they destroy or hold is no one's attack or arrest
_NATURAL_FORCES = _norms("الحريق", "حريق", "الحرائق", "حرائق", "النيران", "نيران", "السيول", "سيول", "الأمطار", "أمطار",
                         "الزلزال", "زلزال", "الزلازل", "العاصفة", "عاصفة", "الإعصار", "إعصار", "الأعاصير", "الفيضانات",
                         "فيضانات", "الفيضان", "البكتيريا", "الحشرات", "الفيروس", "فيروس", "المرض", "الرياح", "البركان")


def _calendar_date(text: str) -> bool:
    """A date written with its month's name or digits ("الرابع من ديسمبر 2014", "14/7/2015"): in reported speech,
    what is spoken of (not "أمس" or "يوم الثلاثاء", which are the statement's day as often as not)."""
    return any(ch.isdigit() for ch in text) or any(normalize_for_matching(w) in MONTH_WORDS for w in text.split())


_TIME_LEAD = _norms("في", "وفي", "و")  # before a time phrase opening a clause
_MONTH_NAMES = CALENDAR_WORDS | MONTH_WORDS


def _after_leading_time(sent: _Sentence, c: int, i: int) -> int:
    """The first token after a time phrase opening the clause at ``c`` ("وفي يوم الخميس 5 مارس", "أمس،"), before
    the verb at ``i``; ``c`` when the clause opens with none."""
    k = c
    while k < i and sent.owner[k] < 0 and (
            sent.norms[k] in _TIME_LEAD or sent.norms[k] in _TIME_WORDS or sent.norms[k] in _TIME_ADVERBIAL
            or sent.norms[k] in _MONTH_NAMES or _is_number(sent.norms[k]) or sent.tokens[k].text in ("،", ",")):
        k += 1
    return k if k > c and sent.norms[k - 1] not in _TIME_LEAD else c


def _fronted_subject(sent: _Sentence, c: int, i: int) -> bool:
    """True when the words from the clause start ``c`` to the verb at ``i`` are a fronted subject (SVO): two
    to six words, the first no preposition, particle or clause opener, none a preposition or a date word."""
    if i - c == 1 and sent.mention_at(c) is None and sent.norms[c] in _DEFINITE_BODIES and (
            c == 0 or sent.tokens[c - 1].text in SEPARATORS or sent.tokens[c - 1].text in QUOTE_OPEN):
        return not _joined_verb(sent, i)  # "الحكومة تتهم الحوثيين", "النادي يتهم بينيتيز": a body named by its noun
    if not 2 <= i - c <= 6 or _opens_clause(sent.norms[c]) or (sent.mention_at(c) is None and (
            sent.norms[c][:1] in ("ب", "ل", "ك") and len(sent.norms[c]) > 3)):
        return False
    hit = match_trigger(sent.tokens[i].text)
    if hit is not None and any(ch in "بل" for ch in sent.tokens[i].text[: hit[0]]):
        return False  # "برفض واشنطن", "لطلب الوكالة": after ب/ل the form is a verbal noun
    if _joined_verb(sent, i):
        return False  # "اتخذ القرار على عجل واعترض عدد من الأعضاء": a verb after و opens a clause of its own
    if c > 0 and not (sent.tokens[c - 1].text in SEPARATORS or sent.tokens[c - 1].text in ("/", "-", "–")
                      or sent.tokens[c - 1].text in QUOTE_OPEN
                      or sent.tokens[c - 1].text in QUOTE_CLOSE or sent.norms[c - 1] in THAT
                      or sent.norms[c - 1] in CLAUSE_OPENERS):
        return False  # the clause starts after another verb ("… ناقش الأزمة الليبية ودعم مصر"): no subject here
    for k in range(c, i):
        w = sent.norms[k]
        if (w in PLACE_PREPOSITIONS or w in RECIPIENT_PREPOSITIONS or w in _TIME_WORDS or w in _SUBORDINATORS
                or (k > c and _opens_clause(w)) or _is_number(w) or sent.tokens[k].text in SEPARATORS
                or not any(ch.isalpha() for ch in w)):
            return False
    return True


# a body named by its noun alone, as the fronted subject of a headline or clause ("الحكومة تتهم الحوثيين")
_DEFINITE_BODIES = _norms("الحكومة", "المعارضة", "النادي", "الوزارة", "الإدارة", "الاتحاد", "المجلس", "اللجنة",
                          "الهيئة", "البرلمان", "الرئاسة", "الجامعة", "الشركة", "الجمعية", "الشرطة", "الجيش",
                          "القوات", "الأمانة", "البلدية", "السفارة", "المحكمة", "النيابة", "الحركة", "الجماعة",
                          "التنظيم", "الحزب", "التحالف", "المقاومة", "الميليشيات", "المليشيات", "السلطات", "الأمم",
                          "المنظمة", "الوكالة", "الإمارة", "الجبهة", "الكتلة")


_SUBORDINATORS = _norms("حتى", "كي", "لكي", "لأن", "إذا", "اذا", "لو", "عندما", "التي", "الذي", "الذين", "اللاتي",
                        "اللواتي", "ما", "من", "لذلك", "لذا")


_TIME_WORDS = _norms("مساء", "صباح", "ظهر", "فجر", "ليلة", "ليل", "يوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
                     "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "غدا", "اليوم", "الآن", "حاليا", "مؤخرا",
                     "بعد", "قبل", "خلال", "منذ", "عام", "العام", "الماضي", "الحالي", "المقبل", "الجاري")


_TIME_ADVERBIAL = _norms("فجر", "صباح", "مساء", "ظهر", "ظهيرة", "ليلة", "ليل", "يوم", "أمس", "امس", "اليوم", "غدا",
                         "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
                         "الماضي", "المقبل", "الجاري", "الفائت", "يومها", "حينها", "وقتها", "آنذاك", "حينذاك",
                         "خلالها", "خلاله", "خلالهما", "خلالهم", "بعدها", "بعده", "عندها", "عندئذ", "حينئذ", "الآن",
                         "حاليا")
# two-word adverbials that may stand between a verb and its subject ("وردت في حينه القوات", "وأعلنت في وقت سابق
# الوزارة"); "في وقت" takes its adjective too
_ADVERBIAL_PAIRS = frozenset((normalize_for_matching(a), normalize_for_matching(b)) for a, b in (
    ("في", "حينه"), ("في", "حينها"), ("في", "وقت"), ("على", "الفور"), ("في", "المقابل"), ("بعد", "ذلك"),
    ("إثر", "ذلك"), ("اثر", "ذلك"), ("عقب", "ذلك"), ("في", "الأثناء"), ("من", "جهته"),
    ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها")))
_EARLIER_LATER = _norms("سابق", "لاحق", "متأخر", "مبكر")
_QAD = _norms("قد", "لقد")
_WHO = _norms("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين")
_IN_TURN = _norms("بدوره", "بدورها", "بدورهم", "بدورهما", "قد", "بالفعل", "أيضا", "ايضا")
_KANA_REACH = 25  # tokens back from "قد + verb" to its كان: a subject of titles is long ("وكان صاحب السمو الملكي …")
_KANA = _norms("كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا", "فكان", "فكانت", "كانا", "وكانا")


# a preposition with its pronoun right after a verb ("وافق عليه", "أعلن عنها"): the subject may follow it
_PREPOSITION_PRONOUNS = _norms("عليه", "عليها", "إليه", "إليها", "فيه", "فيها", "عنه", "عنها", "به", "بها", "له",
                               "لها", "لنا", "منه", "منها")

RELATIVE_HEAD_REACH = 6  # words of "فريق من شرطة ومرور الأحساء" back from its relative pronoun
_OF_PERSONS = _norms("الذي", "الذين")  # (not "المسلحين من المحافظة التي": التي is the province's)


def _predicate_subject(sent: _Sentence, i: int, j: int, hi: int, lo: int) -> tuple[Mention | None, str | None, int]:
    """The subject of the verb at token ``i``: a name or a title right after the verb (VSO: "ندد كاميرون", "أكد
    وزير الخارجية …"); else the phrase the clause opens with when the verb follows it (SVO: "وكالة تأمين
    الودائع تتهم …", "الملك سلمان استقبل …"); else the words right after the verb. A phrase glued to a
    preposition ("بسحب", "بضرورة") is no subject."""
    c = max(_clause_start(sent, i), lo)
    t = j
    while t < min(j + 3, hi, len(sent.tokens) - 1) and sent.owner[t] < 0 and sent.norms[t] in _TIME_ADVERBIAL:
        t += 1
    if t == j and t + 2 < min(hi, len(sent.tokens)) and sent.owner[t] < 0 and sent.owner[t + 1] < 0 and (
            sent.norms[t], sent.norms[t + 1]) in _ADVERBIAL_PAIRS:
        t += 2 + (sent.norms[t + 1] == "وقت" and sent.norms[t + 2] in _EARLIER_LATER)
    j = t  # "استهدف فجر الأحد مخفر …", "أعلنت أمس الوزارة": the time said first, then the subject
    k = i - 1
    while k > lo and sent.norms[k] in _IN_TURN:
        k -= 1
    if k > lo and (sent.norms[k] in _WHO or (sent.norms[k][:1] == "و" and sent.norms[k][1:] in _WHO)):
        # "منصور الميمان، الذي بدوره ثمن": the name the relative clause is of
        b = k - 1 if sent.tokens[k - 1].text in (",", "،") else k
        while b - 1 > lo and sent.owner[b - 1] < 0 and sent.norms[b - 1] in _TIME_ADVERBIAL:
            b -= 1  # "النيابة العامة يوم الجمعة الماضي والتي قررت": past the time said after the name
        m = sent.mention_at(b - 1) if b > lo else None
        if m is not None and sent.norms[k][:1] == "و" and ((at := sent.token_of(m.start)) < 0 or (
                sent.tokens[at].start < m.start and sent.tokens[at].text[:1] in ("ل", "ب")) or (
                at > 0 and sent.norms[at - 1] in RECIPIENT_PREPOSITIONS | PLACE_PREPOSITIONS)):
            return None, None, i  # "للتحالف المناهض لتنظيم داعش والذي يشن": "and which" may go back further
        if m is not None and m.participant:
            return m, None, i
        if m is None and b > lo and (sent.norms[b - 1] in _PERSON_NOUNS or _is_group(sent.norms[b - 1]) or (
                sent.norms[b - 1].startswith("ال") and _is_title_word(sent.norms[b - 1]))):
            # "هذه المريضة التي أعربت بدورها عن شكرها": the person the relative clause is about, in words
            return None, sent.tokens[b - 1].text, i
        for r in range(b - 1, max(lo, b - 4) - 1, -1):
            words = sent.text[sent.tokens[r].start : sent.tokens[b - 1].end]
            if m is None and sent.owner[r] < 0 and _generic_body(words):
                return None, words, i  # "النيابة العامة التي قررت": a body every state has, in words
        for r in range(b - 2, max(lo, b - 1 - RELATIVE_HEAD_REACH), -1):
            if sent.tokens[r].text in SEPARATORS:
                break
            if sent.owner[r] < 0 and sent.norms[k] in _OF_PERSONS and (
                    sent.norms[r] in _MEMBERS or _is_group(sent.norms[r])) and sent.norms[r + 1] in _PARTITIVE:
                # "فريق من شرطة ومرور الأحساء الذي أشاد": the group of, not a word before it
                return None, sent.text[sent.tokens[r].start : sent.tokens[b - 1].end], i
    if c == i and i >= 3 and sent.norms[i - 1] in _QAD:  # "وكانت تركيا قد رفضت": كان + subject + قد + verb
        for b in range(i - 2, max(lo, i - _KANA_REACH) - 1, -1):
            if sent.tokens[b].text in SEPARATORS or sent.tokens[b].text in QUOTE_OPEN:
                break
            if sent.owner[b] < 0 and sent.norms[b] in _KANA:
                if b + 1 < i - 1:
                    subject = _subject(sent, b + 1, i - 1)
                    if subject[0] is not None or subject[1] is not None:
                        return subject[0], subject[1], i
                break
    if c < i:  # SVO when the clause is just a name and the verb: "الملك سلمان استقبل الرئيس …"
        named = _after_leading_time(sent, c, i)  # ("وفي يوم الخميس 5 مارس الملك سلمان استقبل …")
        while named < i - 1 and sent.owner[named] < 0 and _is_title_word(sent.norms[named]) and (
                sent.mention_at(named + 1) is not None):
            named += 1  # (the title before the name: "الملك سلمان استقبل")
        first = sent.mention_at(named)
        if first is not None and first.participant and all(
                sent.owner[k] == sent.owner[named] for k in range(named, i)):
            return first, None, i
        if _fronted_subject(sent, c, i):  # "وكالة تأمين الودائع تتهم بوجاشيف": the name after is the object
            subject = _subject(sent, c, i)
            if subject[0] is None and subject[1] is not None:
                subject = (None, sent.text[sent.tokens[c].start : sent.tokens[i - 1].end], i)
            if subject[0] is not None or subject[1] is not None:
                return subject
    if j + 1 < len(sent.tokens) and sent.tokens[j].text in QUOTE_OPEN:  # 'وأوضح "القحطاني"', 'أعلنت «ستاروود»'
        m = sent.mention_at(j + 1)
        close = next((k for k in range(j + 1, min(j + 8, hi, len(sent.tokens)))
                      if sent.tokens[k].text in QUOTE_CLOSE), None)
        if m is not None and m.participant and close is not None and sent.token_of(m.end) <= close:
            return m, None, close + 1
        if close is not None and close > j + 1 and close + 2 < len(sent.tokens) and not any(
                sent.tokens[k].text in SEPARATORS for k in range(j + 1, close)) and not (
                sent.norms[j + 1] in THAT or sent.norms[j + 1] in NEGATORS or sent.norms[j + 1] in PARTICLES):
            # (a name in quotes with what is said after it; not a short quotation itself: 'وقال "لا تعليق"')
            return None, sent.text[sent.tokens[j + 1].start : sent.tokens[close - 1].end], close + 1
    if j + 1 < len(sent.tokens) and sent.norms[j] in _PREPOSITION_PRONOUNS and sent.owner[j] < 0:
        m = sent.mention_at(j + 1)  # "القرار الذي وافق عليه مجلس الوزراء": VSO with a preposition between
        if (m is not None and m.participant and sent.tokens[j + 1].start == m.start) or (
                _is_title_word(sent.norms[j + 1])) or (m is None and sent.norms[j + 1] in UNNAMED_SPEAKERS) or (
                # "وقال لنا مدير النادي إن …", "وفق ما صرح به مصدر أمني"
                m is None and sent.norms[j + 1] in _QUANTIFIERS and i > 0 and sent.norms[i - 1] in _WHO):
            return _subject(sent, j + 1, hi)  # ("المقطع الذي دعا فيه أحد أعضاء التنظيم": a counted subject)
    if j < len(sent.tokens):
        m = sent.mention_at(j)
        glued = m is not None and sent.tokens[j].start < m.start and sent.tokens[j].text[:1] in ("ب", "ل")
        if (m is not None and (m.participant or m.place) and not glued) or _is_title_word(sent.norms[j]):
            return _subject(sent, j, hi)  # (not "استعانت بهيئة المساحة": after ب/ل the name is an object)
    for k in range(j, min(j + 3, hi, len(sent.tokens) - 2)):  # "وقع الاتفاقية كل من X و Y": X (Y is the other side)
        if sent.norms[k] == "كل" and sent.norms[k + 1] == "من" and (
                sent.mention_at(k + 2) is not None or _is_title_word(sent.norms[k + 2])):
            return _subject(sent, k + 2, hi)  # (not "شكر كل من أسهم": "everyone who")
    if j + 1 < min(hi, len(sent.tokens)) and sent.norms[j] in _QUANTIFIERS and sent.norms[j + 1] == "من" and (
            sent.mention_at(j) is None):
        return _subject(sent, j, hi)  # "واعترض عدد من الأعضاء": a counted subject after the verb
    if c < i and _joined_verb(sent, i) and (opening := _opening_subject(sent)) is not None and (
            sent.token_of(opening.start) < c or c == 0) and match_reporting(sent.tokens[0].text) is None and not (
            sent.norms[i].endswith("نا")) and not any(
            sent.norms[k] in THAT or sent.norms[k] in _WHO for k in range(1, i)):
        # "وبثت جبهة النصرة شريطا …، وأكدت …", "أثار جوارديولا الشكوك حول … وقال إن …" (no comma: the clause is
        # the sentence's): the subject of the sentence's first verb (not in what a reporting verb says, "وأضاف
        # تونر أن الحوثيين … وأطلقوا", nor in a relative clause)
        return opening, None, j
    if c < i and i - c <= 25 and not _opens_clause(sent.norms[c]) and not _as_said(sent, i) and not (
            sent.norms[c][:1] == "ب" and sent.mention_at(c) is None) and not (
            i - c == 1 and sent.mention_at(c) is None and not sent.norms[c].startswith("ال")):
        # (one bare indefinite word is no subject: "خشية دعم نشاط …")
        subject = _subject(sent, c, i)
        if subject[0] is None and subject[1] is not None and i - c <= 6:  # the whole phrase before the verb
            subject = (None, sent.text[sent.tokens[c].start : sent.tokens[i - 1].end], i)
        if subject[0] is not None or subject[1] is not None:
            return subject
    if j < len(sent.tokens) and sent.mention_at(j) is None and sent.norms[j][:1] in ("ب", "ل") and (
            len(sent.norms[j]) > 3) and not _word_of_its_own(sent.norms[j]) and not (
            sent.norms[j].startswith("بعض")) and sent.norms[j] not in _body_heads():  # (not "بلدية الجنوب")
        return None, None, j  # ("بسحب", "بضرورة": a preposition's phrase; not "باحثون", "لاعبون", "بعضهم")
    if sent.norms[i].endswith("وا"):
        return None, None, j  # "واعتبروا تزييف الحسابات السبب", "أبدوا رغبتهم": a plural verb carries its
        # subject, the words after it are its object
    return _subject(sent, j, hi)


_WITHOUT = _norms("بدون", "وبدون")


def _word_of_its_own(word: str) -> bool:
    """A word starting with ب/ل in the nominative plural ("باحثون", "لاعبون"): after a preposition a plural
    would be in the genitive (-ين), so its first letter is a root letter (not "بدون", without)."""
    return len(word) >= 5 and word.endswith("ون") and word not in _WITHOUT


def _noun_phrase(sent: _Sentence, lo: int, hi: int) -> str | None:
    """The raw words of the noun phrase starting at token ``lo`` ("قوات الأمن", "بوجاشيف"), up to 4 words,
    ending at punctuation, a preposition, إن/أن, a number or a trigger."""
    end = min(hi, len(sent.tokens), lo + 4)
    k = lo
    while k < end and not _ends_phrase(sent, k, lo, reporting_too=False):
        k += 1
    return sent.text[sent.tokens[lo].start : sent.tokens[k - 1].end] if k > lo else None


@dataclass
class _Arguments:
    actors: list[Mention]
    recipients: list[Mention]
    place: Mention | None
    actor_text: str | None
    recipient_text: str | None
    passive: bool = False  # it was done: "تم ضبط …" (the doer is not named in the clause), "أسفر عن ضبط …"
    quoted: bool = False  # the actor's words are a name in quotes the tagger missed ('دعوة "فاو"')
    actor_country: str | None = None  # the country a nationality adjective names as the doer ("الغارات التركية")
    titled: bool = False  # the doer is the title phrase a verbal noun governs ("زيارة الوزير الأمريكي")


PASSIVE_MARKERS = _norms("تم", "يتم", "سيتم", "وتم", "ويتم", "فتم", "وسيتم")


_RELATIVES = _WHO | _IN_TURN  # words between a subject and its verb: "مهاب مميش، الذي رحب", "الذي بدوره ثمن"


_IMPERSONAL_LIGHT = _norms("جرى", "وجرى", "كما جرى")
_LIGHT_NOUNS = _norms("تنفيذ", "إجراء", "اجراء", "إصدار", "اصدار", "عقد", "شن", "تقديم", "توجيه", "إلقاء", "القاء",
                      "فتح", "إعلان", "اعلان")


_DURING_MEETING = _norms("خلال", "أثناء", "اثناء")


_AT = _norms("في", "خلال", "أثناء", "اثناء")
MEETING_SPEAKER_REACH = 4  # tokens between a reporting verb and the "في/خلال" of the meeting it was said at


def _speaker_at_meeting(sent: _Sentence, trig: _Trigger) -> tuple[Mention | None, str | None] | None:
    """The speaker of a reporting verb right before "في/خلال" + a meeting noun ("وأكد وزير التعليم في الاجتماع
    الأول للجنة العليا أن …", "وقال الوزير خلال الاجتماع إن …"): who spoke at the meeting took part in it. A named
    person or body, or a title; None when no reporting verb stands there."""
    at = trig.i - 1
    if at < 1 or sent.norms[at] not in _AT or "اجتماع" not in sent.norms[trig.i]:
        return None  # (a meeting, not an interview: "قال … في مقابلة مع صحيفة" is a statement)
    for r in range(at - 1, max(-1, at - 1 - MEETING_SPEAKER_REACH), -1):
        if sent.tokens[r].text in SEPARATORS:
            return None
        if sent.owner[r] < 0 and match_reporting(sent.tokens[r].text) is not None:
            actor, actor_text, _ = _predicate_subject(sent, r, r + 1, at, 0)
            if actor is not None and actor.participant and not actor.place:
                return actor, None
            head = normalize_for_matching(actor_text.split()[0]) if actor_text else ""
            return (None, actor_text) if head and _is_title_word(head) else None
    return None


def _during_impersonal(sent: _Sentence, trig: _Trigger) -> bool:
    """True for a trigger noun after "جرى/تم خلال" ("وجرى خلال اللقاء", "وتم خلال الاجتماع"): the occasion of
    what the noun after it says was done."""
    return trig.i >= 2 and sent.norms[trig.i - 1] in _DURING_MEETING and (
        sent.norms[trig.i - 2] in _IMPERSONAL_LIGHT or sent.norms[trig.i - 2] in PASSIVE_MARKERS)


_RESULTED = _norms("أسفر", "أسفرت", "وأسفر", "وأسفرت", "يسفر", "تسفر", "ويسفر", "وتسفر", "أسفرا", "وأسفرا", "أسفرتا")
RESULT_REACH = 8  # tokens between أسفر and the عن of what it brought about ("أسفرت جهود شرطة منطقة الرياض عن")


def _result_verb(sent: _Sentence, trig: _Trigger, lo: int) -> int | None:
    """The token of أسفر when the verbal-noun trigger is what it brought about ("أسفرت الحملة عن ضبط 20
    مخالفا", "ما أسفر عن اعتقال خمسة"): right after عن, أسفر a few words before it in the same clause, and
    not negated ("لم تسفر المشاورات عن اتفاق": nothing came of them)."""
    if trig.sense.pos != "noun" or trig.i < 2 or sent.norms[trig.i - 1] != "عن":
        return None
    for k in range(trig.i - 2, max(lo, trig.i - 2 - RESULT_REACH) - 1, -1):
        if sent.tokens[k].text in SEPARATORS:
            return None
        if sent.norms[k] in _RESULTED:
            return None if _negated(sent, k) else k
    return None


# modes whose verb is done to a person: with nobody after the verb, the perfect reads as a passive (قُتل، اعتُقل)
_DONE_TO_PERSONS = frozenset({"abduct", "assassinate", "kill", "arrest", "detain", "deport", "release", "stab",
                              "torture", "execute"})
_RELEASED_HIM = _norms("عنه", "عنها", "عنهم", "عنهما")
_AFTER_PASSIVE = _DURING | _norms("أمس", "امس", "اليوم", "مساء", "صباح", "فجر", "ظهر", "ليلة",
                                   "يوم", "عام", "جراء", "بسبب", "بتهمة", "بتهم", "وهو", "وهي")


def _nobody_after(sent: _Sentence, trig: _Trigger) -> bool:
    """A perfect verb done to a person with no subject or object after it — a preposition (not the verb's own:
    "قبضت على"), a time, "عنه" or the end of the sentence right after it ("اعتقل في عام 2009", "أفرج عنه في
    يناير"), and no body or force named before it ("قوات الأمن أوقفت …" did it): its passive reading."""
    before = next((m for k in range(trig.i - 1, max(-1, trig.i - 4), -1)
                   if (m := sent.mention_at(k)) is not None and m.participant and not m.place), None)
    if (before is not None and before.type != EntityType.PER) or (
            trig.i > 0 and (sent.norms[trig.i - 1] in _FORCES or _is_group(sent.norms[trig.i - 1]))):
        return False
    stem = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :])
    if stem[:1] in ("ي", "ت", "ن", "س") or trig.j - trig.i != 1 or (
            len(stem) > 4 and stem.endswith(("ه", "ها", "هم", "هما", "ني"))):
        return False  # an imperfect, a phrase, or a verb with its object pronoun ("كانت أوقفته": active)
    j = trig.j
    if j >= len(sent.tokens) or sent.tokens[j].text in _SENTENCE_ENDS:
        return True  # (not a comma: "إن قوات الأمن أوقفت، منذ أمس الجمعة، 320 شخصا")
    if sent.norms[j] in _RELEASED_HIM:
        return trig.sense.mode == "release"
    return sent.norms[j] in _AFTER_PASSIVE and sent.mention_at(j + 1) is None


def _passive(sent: _Sentence, trig: _Trigger, lo: int) -> bool:
    """"تم ضبط …", "وجرى خلال الاجتماع مناقشة …": the trigger is done, by nobody named in the clause — right
    after تم/يتم, or a verbal noun a few words after the impersonal جرى with no name between them."""
    if trig.i > 0 and sent.norms[trig.i - 1] in PASSIVE_MARKERS:
        return True
    if trig.i > 1 and sent.norms[trig.i - 2] in PASSIVE_MARKERS and sent.norms[trig.i - 1] in _LIGHT_NOUNS:
        return True  # "تم تنفيذ حكم القتل", "تم إجراء محادثات": a light verbal noun between تم and the trigger
    if trig.i > 0 and sent.norms[trig.i - 1] in _THREW and sent.tokens[trig.i - 1].text.endswith("ي") and (
            sent.tokens[trig.i - 1].text != "يلقي"):
        return True  # "ألقي القبض عليه": a passive (أُلقي), spelt with ي where the active has ى
    if trig.sense.pos == "verb" and normalize_for_matching(sent.tokens[trig.i].text[trig.cut :]) in _PASSIVE_FORMS:
        return True  # "اغتيل القيادي": the one after the verb is who it was done to
    if trig.sense.pos != "noun" or (trig.i > 0 and (sent.norms[trig.i - 1] in OPENERS or sent.norms[trig.i - 1]
                                                      in PLACE_PREPOSITIONS or sent.norms[trig.i - 1] in _TIME_WORDS)):
        return False  # "وجرى خلال الاجتماع …": the noun after a preposition is when, not what
    for k in range(trig.i - 1, max(lo, trig.i - 6) - 1, -1):
        if sent.tokens[k].text in SEPARATORS or sent.mention_at(k) is not None:
            return False
        if sent.norms[k] in _IMPERSONAL_LIGHT:
            return True
    return False


def _object_of_preposition(sent: _Sentence, m: Mention) -> bool:
    """The mention is the object of a preposition: after "في", "إلى", "من" … or glued to ب/ل/ك ("بالعراق")."""
    first = sent.token_of(m.start)
    if first > 0 and sent.owner[first - 1] != sent.owner[first] and (
            sent.norms[first - 1] in PLACE_PREPOSITIONS or sent.norms[first - 1] in RECIPIENT_PREPOSITIONS):
        return True
    return sent.tokens[first].start < m.start and sent.tokens[first].text[:1] in ("ب", "ل", "ك")


def _clause_participant_before(sent: _Sentence, lo: int, i: int) -> tuple[int, Mention] | None:
    """The last participant in the six tokens before the trigger at ``i`` that can be its subject: in the same
    clause (no punctuation or quote mark between them) and not the object of a preposition ("في العراق")."""
    hit = _last_participant(sent, max(lo, i - 6), i, set())
    if hit is None:
        return None
    _, m = hit
    if _object_of_preposition(sent, m):
        return None  # "في العراق", "بالعراق", "لروسيا"
    first = sent.token_of(m.start)
    between = [t for t in range(first, i) if sent.owner[t] < 0]
    if all(sent.tokens[t].text in (",", "،") or sent.norms[t] in _RELATIVES for t in between):
        return hit  # "برلسكوني، سيوقع", "الفريق مهاب مميش، الذي رحب": the name, a comma, the verb
    if any(sent.tokens[t].text in SEPARATORS or sent.tokens[t].text in QUOTE_OPEN
           or sent.tokens[t].text in QUOTE_CLOSE for t in between):
        return None
    return hit


_CLAUSE_ENDS = frozenset({".", "،", ",", ";", "؛", ":", "!", "?", "؟"})
BETWEEN_REACH = 10  # tokens after a verbal noun where "بين X و Y" still names its two sides


def _between_after(sent: _Sentence, j: int, hi: int) -> int | None:
    """Token of the "بين" that names the sides of the verbal noun ending at ``j`` ("اشتباكات عنيفة دارت منتصف
    ليل أمس بين X و Y"), within the clause: not past a comma or the next trigger."""
    between = normalize_for_matching("بين")
    for k in range(j, min(j + BETWEEN_REACH, hi, len(sent.tokens))):
        if sent.tokens[k].text in _CLAUSE_ENDS:
            if sent.tokens[k].text in (",", "،") and k + 1 < len(sent.tokens) and sent.norms[k + 1] == between:
                # ("اشتباكات عنيفة دارت (أمس)، بين الجيش …": a comma right before the sides is no clause end)
                return k + 1  # "اندلعت مواجهات، بين رجال القبائل وميليشيات الحوثي": a comma before the sides
            return None
        if sent.norms[k] == between:
            return k
    return None


_AGENT_VERBS = _norms("شنه", "شنها", "شنته", "نفذه", "نفذها", "نفذته", "ارتكبه", "ارتكبها", "ارتكبته", "تبناه",
                      "تبنته", "تبناها")
_FIRE = _norms("نار", "النار", "نيران", "النيران", "ناري")  # the complement of إطلاق before its doer
AGENT_REACH = 8  # tokens after a verbal noun where "من قبل X" or "شنه X" still names its doer


_COUNTERPARTS = _norms("نظيره", "نظيرته", "نظيرها", "نظيريه", "نظراءه", "نظرائه", "نظيرهم", "نظراءهم", "نظرائهم")
_OBJECT_GENITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION", "INVESTIGATE", "CONCEDE", "AID"})
# (the genitive of these nouns is what is done to: "قصف المواطنين", "اعتقال المتظاهرين", "الإفراج عن")


# verbal nouns whose named genitive is who they are done to: a person arrested, referred, executed, assassinated,
# abducted ("اعتقال ميخائيل كودوركوفسكي", "إحالة محمد بديع", "اغتيال الرئيس"); anyone expelled ("طرد الحوثيين")
_PERSON_DONE_TO = frozenset({"arrest", "detain", "deport", "refer", "execute", "sentence", "chase", "assassinate",
                             "abduct", "stab", "torture", "target", "honour"})  # (and honoured: "تكريم فهد العجلان")
_ANYONE_DONE_TO = frozenset({"expel"})
_TO_PRONOUNS = _norms("له", "لها", "لهم", "لهما", "لهن")


def _done_to_genitive(sent: _Sentence, trig: _Trigger, genitive: Mention) -> bool:
    """True when the named genitive of a verbal noun is who it is done to, not its doer: a person after an arrest,
    a referral, an execution, an assassination … (:data:`_PERSON_DONE_TO`), anyone after an expulsion — unless
    the noun's own object follows the genitive ("احتجاز الجيش لهم", "طرد السعودية للسفير")."""
    mode = trig.sense.mode
    if not ((mode in _PERSON_DONE_TO and genitive.type == EntityType.PER)
            or (mode in _ANYONE_DONE_TO and genitive.participant)):
        return False
    after = next((k for k in range(trig.j, len(sent.tokens)) if sent.tokens[k].start >= genitive.end), None)
    if after is None or not sent.tokens[after].text.startswith("ل"):
        return True
    # the noun's object behind ل — a pronoun, a person, a title, a group — makes the genitive its doer ("احتجاز
    # الجيش لهم", "طرد السعودية للسفير"); a place or a court behind it is where to ("إحالة محمد بديع لمحاكمة جديدة")
    norm = sent.norms[after]
    bare = norm[2:] if norm.startswith("لل") else norm[1:]
    held = sent.mention_at(after)
    return not (norm in _TO_PRONOUNS or (held is not None and held.type == EntityType.PER)
                or _is_title_word(bare) or _is_title_word("ال" + bare) or _is_group(bare) or _is_group("ال" + bare))


_DOER_POSSESSIVE = frozenset({"seize", "advance", "clash", "airstrike", "operation"})
# (of these attack nouns the pronoun is who does it, "سيطرتها", "غاراتها"; of the others what is done to,
# "استهدافه", "اعتقالهم")


@cache
def _group_nouns() -> frozenset[str]:
    from pipeline.lexicons import matching_set

    return matching_set("actor_nouns_ar.txt")


def _is_group(word: str) -> bool:
    """A common noun naming a group that acts ("المسلحين", "الأهالي"; ``actor_nouns_ar.txt``)."""
    nouns = _group_nouns()
    return _conjoined_in(word, nouns)


def _plural_verb(form: str) -> bool:
    """A verb form marked for a plural subject: perfect "-وا" ("هاجموا"), imperfect "ي/ت…ون" ("يرفضون")."""
    word = normalize_for_matching(form)
    return len(word) >= 4 and (word.endswith("وا") or (word[:1] in ("ي", "ت") and word.endswith("ون")))


SPORTS_STORY_WORDS = 5  # different sports words that make a story a sports story
SPORTS_SENTENCE_WORDS = 2  # different sports words that make a sentence of another story the game's
_CLUB_WORDS = _norms("نادي", "النادي", "الأندية")  # (a club is literary too: "نادي أبها الأدبي")


@cache
def _sports_re() -> re.Pattern[str]:
    """One pattern for the words of ``sports_words_ar.txt`` as written, with up to two proclitics; ة/ه, أ/ا
    and ى/ي either way."""
    from pipeline.lexicons import read_lines

    def loose(word: str) -> str:
        return "".join({"ة": "[ةه]", "أ": "[أا]", "ى": "[ىي]"}.get(ch, re.escape(ch)) for ch in word)

    alternatives = sorted({loose(w) for w in read_lines("sports_words_ar.txt")}, key=len, reverse=True)
    return re.compile(r"(?<![\u0621-\u064A])[وفبلك]{0,2}(" + "|".join(alternatives) + r")(?![\u0621-\u064A])")


_GAME_WORDS = _norms("مباراة", "المباراة", "ملعب", "الملعب", "مباريات", "المباريات", "الودية", "مرمى", "المرمى")
# (not دوري, "my role", nor الجولة, a tour)


def _sports_sentence(sentence: str) -> bool:
    """A sentence about a game: a word for a match or a stadium, with a proclitic or not ("يستقبل هجر نظيره
    الرائد على ملعب …", "على هامش المباراة الودية التقى لاعبو النصر"): teams meet, no diplomats."""
    return any(variant in _GAME_WORDS for word in re.findall(r"[\u0621-\u064A]+", sentence)
               for split in proclitic_splits(word) for variant in stem_variants(word, split))


SPORTS_BLOCK_CHARS = 5_000  # a long document (a digest, a dump) is judged sports or not in runs of this length


def _game_sentence(sentence: str) -> bool:
    """``SPORTS_SENTENCE_WORDS`` or more different sports words in one sentence (club words left out)."""
    return len({w for m in _sports_re().finditer(sentence)
                if (w := normalize_for_matching(m.group(1))) not in _CLUB_WORDS}) >= SPORTS_SENTENCE_WORDS


def sports_sentences(text: str, sentences: Sequence[tuple[int, int]]) -> set[int]:
    """The sentences (indices) that belong to a sports story: all of an article's when it is one; in a document
    longer than ``LONG_DOCUMENT_CHARS``, those of each run of consecutive sentences of up to
    ``SPORTS_BLOCK_CHARS`` characters that is one (a digest of a hundred stories is no single sports story)."""
    if len(text) <= LONG_DOCUMENT_CHARS:
        return set(range(len(sentences))) if sports_story(text) else set()
    out: set[int] = set()
    for first, end in sentence_runs(sentences, SPORTS_BLOCK_CHARS):
        if sports_story(text[sentences[first][0] : sentences[end - 1][1]]):
            out.update(range(first, end))
    return out


def sports_story(text: str) -> bool:
    """A story about players, transfers, matches or refereeing: ``SPORTS_STORY_WORDS`` or more different words
    of ``sports_words_ar.txt`` (with proclitics). Its "attacks", "deals" and "statements" are the game's."""
    seen: set[str] = set()
    for m in _sports_re().finditer(text):
        seen.add(normalize_for_matching(m.group(1)))
        if len(seen) >= SPORTS_STORY_WORDS:
            return True
    return False


def _possessive(word: str) -> bool:
    """A verbal noun carrying a possessive pronoun ("سيطرتها", "زيارته", "دعمهم"): its doer is a pronoun."""
    lex = load_event_lexicon()
    for pronoun in ("هما", "هم", "ها", "ه"):
        stem = word[: -len(pronoun)]
        if word.endswith(pronoun) and len(stem) >= 3:
            forms = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)  # "سيطرت" + ها: the noun سيطرة
            if any(sense.pos == "noun" for form in forms for sense in lex.words.get(normalize_for_matching(form), ())):
                return True
    return False


def _is_complement(word: str, needs: frozenset[str]) -> bool:
    """``word`` (with its article or a bound pronoun) is one of the complements a sense needs."""
    bare = word.removeprefix("ال")
    forms = {word, bare, "ال" + bare} | {bare[: -len(p)] for p in _BOUND_PRONOUNS if bare.endswith(p)}
    return bool(forms & needs)


def _glued_participant(sent: _Sentence, k: int) -> bool:
    """Token ``k`` is a proclitic glued to the first word of a named participant ("لتكتل التغيير")."""
    m = sent.mention_at(k)
    return m is not None and m.participant and sent.tokens[k].start < m.start and (
        k == 0 or sent.owner[k - 1] != sent.owner[k])


_COUNTS = _norms("اثنين", "اثنان", "ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "ست", "سبعة", "سبع",
                 "ثمانية", "ثماني", "تسعة", "تسع", "عشرة", "عشر", "عشرات", "مئات", "آلاف", "عددا", "نحو", "قرابة")


def _counted_object(sent: _Sentence, k: int) -> bool:
    """Token ``k`` opens a counted object ("ثمانية مقاتلين", "12 شخصا"): after a verbal noun with a pronoun
    ("بعد ايام من خطفها ثمانية مقاتلين") the pronoun did it; the object is who suffered it."""
    return k + 1 < len(sent.tokens) and sent.owner[k] < 0 and (sent.norms[k] in _COUNTS or _is_number(
        sent.norms[k])) and sent.norms[k + 1] not in _TIME_WORDS and sent.norms[k + 1] not in _DURATIONS


_DURATIONS = _norms("أيام", "ساعات", "ساعة", "أسابيع", "أسبوعا", "أشهر", "شهرا", "شهور", "سنوات", "سنة", "عاما",
                    "أعوام", "يوما", "دقائق", "دقيقة", "مرات", "مرة")


def _agent_after(sent: _Sentence, j: int, hi: int, by_from: bool = False) -> tuple[Mention | None, str | None]:
    """The doer named after a verbal noun, in its clause: "هجمات … من قبل الحوثيين", "على يد مسلحين", "هجوم
    شنه مقاتلو المقاومة" — (entity, None), or (None, words) when no entity stands there. With ``by_from`` (an
    attack or an arrest) also a doer right after من: "لإطلاق نار من أشخاص مجهولين", "هجوم من الحوثيين"."""
    end = min(j + AGENT_REACH, hi, len(sent.tokens))
    by = j + 1 if j < end and sent.norms[j] in _FIRE else j  # "لإطلاق نار من أشخاص مجهولين": من right after
    if by_from and by + 1 < end and sent.norms[by] == "من":
        m = sent.mention_at(by + 1)
        if m is not None and m.participant and m.start >= sent.tokens[by + 1].start:
            return m, None
        if m is None and (_is_group(sent.norms[by + 1]) or (
                by + 2 < end and sent.owner[by + 2] < 0 and _is_group(sent.norms[by + 2]))):
            return None, _noun_phrase(sent, by + 1, hi)
    at = _agent_mark(sent, j, end, _CLAUSE_ENDS, _AGENT_VERBS, len(sent.tokens))
    if at is None:
        return None, None
    m = sent.mention_at(at)
    if m is not None and m.participant:
        return m, None
    words = _noun_phrase(sent, at, hi)
    return None, words if words and not _opens_clause(normalize_for_matching(words.split()[0])) else None


_SENTENCE_ENDS = frozenset({".", ";", "؛", ":", "!", "?", "؟"})


def _agent_mark(sent: _Sentence, j: int, end: int, stops: frozenset[str], marks: frozenset[str],
                limit: int | None = None) -> int | None:
    """The token after the first "من قبل" or "على يد" (by, at the hands of) — or after one of ``marks`` ("شنه",
    "برصاص") — starting in tokens j…end, before any of ``stops``: where the doer is named (the name may run
    up to ``limit``, by default ``end``)."""
    limit = end if limit is None else limit
    for k in range(j, end):
        if sent.tokens[k].text in stops:
            return None
        if k + 2 < limit and ((sent.norms[k] == "من" and sent.norms[k + 1] == "قبل") or (
                sent.norms[k] in ("على", "علي") and sent.norms[k + 1] == "يد")):
            return k + 2
        if k + 1 < limit and sent.owner[k] < 0 and sent.norms[k] in marks:
            return k + 1
    return None


PASSIVE_AGENT_REACH = 16  # tokens after a passive where "من قبل X" / "برصاص X" still names its doer
_BY_FIRE_OF = _norms("برصاص", "برصاصة", "بنيران", "بقذائف", "بقذيفة", "بصواريخ", "بصاروخ", "بغارة", "بغارات")


def _passive_agent(sent: _Sentence, j: int, hi: int, attack: bool) -> tuple[Mention | None, str | None]:
    """The doer a passive names after it, in its sentence up to the next trigger: "من قبل X", "على يد X" and,
    for an attack, "برصاص X" / "بنيران X" — a named participant or a group ("مجهولين", "مسلحين"), not a
    manner ("برصاص طائش"). (entity, None), (None, words) or (None, None)."""
    end = min(j + PASSIVE_AGENT_REACH, hi, len(sent.tokens))
    at = _agent_mark(sent, j, end, _SENTENCE_ENDS, _BY_FIRE_OF if attack else frozenset())
    if at is None:
        return None, None
    m = sent.mention_at(at)
    if m is not None:
        return (m, None) if m.participant else (None, None)
    if _is_title_word(sent.norms[at]):  # "من قبل وزير الداخلية الأمير …"
        who, words, _ = _subject(sent, at, hi)
        return who if who is not None and who.participant else None, None if who is not None else words
    if _is_group(sent.norms[at]):  # the group and its definite or group words after it
        last = at + 1
        while last < min(at + 3, end) and sent.mention_at(last) is None and sent.tokens[last].text.isalpha() and (
                sent.norms[last].startswith("ال") or _is_group(sent.norms[last])):
            last += 1
        return None, sent.text[sent.tokens[at].start : sent.tokens[last - 1].end]
    return None, None


_GOING_ON = _norms("مواصلة", "استمرار", "ومواصلة", "واستمرار", "بمواصلة", "باستمرار", "لمواصلة", "لاستمرار")


def _continued_by(sent: _Sentence, trig: _Trigger, lo: int) -> tuple[Mention | None, str | None] | None:
    """The doer of a verbal noun that a "going on" noun governs, named between them ("مواصلة بلاده دعم …",
    "استمرار المملكة العربية السعودية دعم …"): (entity, None), (None, words) or None."""
    if trig.sense.pos == "participle" or trig.cut > 0 or trig.i < lo + 2:
        return None
    last = trig.i - 1
    m = sent.mention_at(last)
    first = sent.token_of(m.start) if m is not None else last
    if first - 1 < lo or sent.norms[first - 1] not in _GOING_ON:
        return None
    if m is not None:
        return (m, None) if m.participant else None
    word, norm = sent.tokens[last].text, sent.norms[last]
    if not word.isalpha() or _preposition_with_pronoun(norm) or not (
            norm.startswith("ال") or norm.endswith(("ه", "ها", "هم"))):
        return None  # (a definite noun or one with a pronoun, "بلاده"; not "استمرار تبادل اطلاق النار")
    return None, word


def _visitor_before(sent: _Sentence, trig: _Trigger) -> Mention | None:
    """For a verb of meeting followed by "خلالها/خلاله" (during it), whose subject is dropped: the sentence's
    first person before it (else its first body that is not a dateline's outlet), who made the visit or held the
    meeting ("غادر الأمير … بعد زيارة عمل التقى خلالها الرئيس المصري"); None when none stands there."""
    if trig.sense.mode != "meeting" or trig.j >= len(sent.tokens) or sent.norms[trig.j] not in _DURING_WHICH:
        return None  # (other verbs take their subject after it: "أشاد خلالها الرئيس وأعضاء الفريق بدور …")
    doers = [m for k in range(trig.i) if (m := sent.mention_at(k)) is not None and m.participant
             and m.type in (EntityType.PER, EntityType.ORG) and m.subtype not in ("agency", "outlet")]
    return next((m for m in doers if m.type == EntityType.PER), doers[0] if doers else None)


def _arguments(sent: _Sentence, trig: _Trigger, lo: int, hi: int, facts: DocumentFacts,
               previous_actor: Mention | None = None, last_actor: Mention | None = None,
               previous_words: str | None = None) -> _Arguments:
    """Actor, recipients and place of the trigger, looking between the previous trigger (``lo``) and the next
    one (``hi``). A verb with no subject of its own ("… زيارة إلى موسكو، التقى خلالها نظيره") has the actor
    of the sentence's previous event (``previous_actor``), or the group noun it was done by (``previous_words``:
    "رفض الأهالي تسلم الجثث، وطالبوا بالتحقيق") when the verb is joined to it by و."""
    pattern = trig.sense.pattern
    titled_genitive = False
    quoted: str | None = None
    fronted = False  # the subject is words before the verb (SVO)
    destination: Mention | None = None  # the place a visit goes to
    actor: Mention | None = None
    recipients: list[Mention] = []
    actor_text = recipient_text = None
    if (continued := _continued_by(sent, trig, lo)) is not None:
        # "مواصلة بلاده دعم جهود الأمم المتحدة": who goes on doing it does it (the form read as a noun)
        doer, words = continued
        obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), {doer.entity_id} if doer else set())
        return _Arguments([doer] if doer else [], [obj[1]] if obj else [], None, words, None)
    if trig.sense.pos == "participle":
        # "وتحدث بوتين عن العلاقات، متهما واشنطن بعرقلة الحل": the doer is the clause's subject (the previous
        # event's actor, else the first participant before it); the participant right after is the object
        actor = previous_actor
        first = _first_participant(sent, 0, trig.i, set()) if actor is None else None
        said = None if actor is not None else next((k for k in range(trig.i - 1, -1, -1)  # its reporting verb
                                                    if sent.owner[k] < 0 and match_reporting(sent.tokens[k].text)
                                                    is not None), None)
        if actor is None and said is not None and (first is None or first[0] < said):
            # "وأبان مساعد مدير الأمن العام أن …، مثمنا جهود …", "سبق- المدينة: أكد المتحدث … أن …، متوعدا":
            # the speaker of the reporting verb, not a name (a byline) before that verb
            actor, actor_text = _reporting_speaker(sent, said, trig.i)
        if actor is None and actor_text is None:
            actor = first[1] if first else None
        if actor is None and actor_text is None and said is not None and trig.sense.needs:
            # "وأعرب الطالب عن سعادته …، مقدما شكره": the words the reporting verb's subject is
            said_by, words, end = _predicate_subject(sent, said, said + 1, trig.i, 0)
            if said_by is None and words and end <= trig.i and len(words.split()) <= 4 and not _opens_clause(
                    normalize_for_matching(words.split()[0])):
                actor_text = words
        if actor is None and actor_text is None:  # "تذمر الأهالي واستياءهم، مطالبين بضرورة …": the group
            group = next((k for k in range(trig.i - 1, -1, -1) if sent.owner[k] < 0 and _is_group(sent.norms[k])),
                         None)
            actor_text = _noun_phrase(sent, group, trig.i) if group is not None else None
        if actor is not None:
            obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), {actor.entity_id})
            if obj is not None:
                recipients.append(obj[1])
    elif (result := _result_verb(sent, trig, 0)) is not None:  # (past a trigger between: "أسفرت الحملة الأمنية عن")
        # "أسفرت جهود شرطة الرياض عن ضبط …": what the subject of أسفر brought about, done by that subject (the
        # previous event's actor when أسفر has none of its own: "نفذت قوة خاصة عملية أسفرت عن … إلقاء القبض")
        subject = _first_participant(sent, result + 1, trig.i - 1, set())
        actor = subject[1] if subject is not None and not subject[1].place else None
        if actor is None and result + 1 < trig.i - 1:
            actor_text = _noun_phrase(sent, result + 1, trig.i - 1)
        elif actor is None:
            actor = previous_actor
        obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), {actor.entity_id} if actor else set())
        return _Arguments([actor] if actor else [], [obj[1]] if obj else [], None, actor_text, None, passive=True)
    elif trig.sense.pos == "verb" and trig.sense.mode in _DONE_TO_PERSONS and _nobody_after(sent, trig):
        # "وكان الرجل قد اعتقل بعد أحداث السفارة", "كما اعتقل في عام 2009", "الشيخ السديرة أفرج عنه": a passive
        # (اعتُقل، أُفرج عنه); the person before it is who it was done to, the doer only one named after it
        doer, doer_text = _passive_agent(sent, trig.j, hi, trig.sense.event_type in ATTACKS)
        before = _clause_participant_before(sent, lo, trig.i)
        patient = [before[1]] if before is not None and before[1].type == EntityType.PER and (
            doer is None or doer.entity_id != before[1].entity_id) else []
        return _Arguments([doer] if doer else [], patient, None, doer_text, None, passive=True)
    elif _passive(sent, trig, lo):
        # "تم ضبط عدد من المخالفين": a passive; what follows is the object, the doer only when named after
        # "من قبل", "على يد" or, for an attack, "برصاص" ("اغتيل القيادي … برصاص مجهولين")
        obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), set())
        doer, doer_text = _passive_agent(sent, trig.j, hi, trig.sense.event_type in ATTACKS)
        if doer is not None and obj is not None and doer.entity_id == obj[1].entity_id:
            obj = None
        return _Arguments([doer] if doer else [], [obj[1]] if obj else [], None, doer_text, None, passive=True)
    elif trig.sense.pos == "verb" and trig.sense.doer_before and (doer := _doer_before(sent, trig.i)) is not None:
        actor = doer  # "مليشيا الحوثي قتلت الأطفال": the name before the verb did it; what follows suffered it
        obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), {doer.entity_id})
        if obj is not None and not obj[1].place:
            recipients.append(obj[1])
        elif trig.j < len(sent.tokens):
            recipient_text = _noun_phrase(sent, trig.j, hi)
    elif trig.sense.pos == "verb":
        after = _first_participant(sent, trig.j, min(trig.j + ACTOR_WINDOW, hi), set())
        before = _clause_participant_before(sent, lo, trig.i)
        if pattern == "from":  # تلقى X اتصالا من Y: Y calls X
            callers = _after_preposition(sent, trig.j, hi, _norms("من"), set(), glued_ok=False)
            if after and callers and after[1] is callers[0]:
                after = None  # "وتلقى اتصالا هاتفيا من الرئيس الأميركي": the first name after is the caller's
            if before and any(sent.tokens[k].text in SEPARATORS for k in range(before[0], trig.i)):
                before = None  # "وقلده قلادة الملك عبد العزيز، وتلقى اتصالا": another clause's name
            receiver = after[1] if after else (before[1] if before else None)
            caller = [m for m in callers if receiver is None or m.entity_id != receiver.entity_id]
            actor = caller[0] if caller else None
            recipients = [receiver] if receiver else []
            if receiver is None and trig.j < len(sent.tokens) and not _is_complement(sent.norms[trig.j],
                                                                                    trig.sense.needs):
                recipient_text = _subject(sent, trig.j, hi)[1]  # "تلقى خادم الحرمين الشريفين اتصالا …"
        else:
            # VSO: the phrase right after the verb is its subject (a title chain included); SVO when the verb
            # is followed by a preposition, إن/أن or nothing ("بوتين أكد …")
            if trig.j < len(sent.tokens) and _opens_clause(sent.norms[trig.j]) and previous_actor is not None and (
                    sent.mention_at(trig.j) is None):
                actor = previous_actor  # "التقى خلالها …": the subject is dropped
            elif (visitor := _visitor_before(sent, trig)) is not None:
                actor = visitor  # "غادر الأمير … بعد زيارة عمل التقى خلالها الرئيس …": the one who made the visit
            else:
                actor, actor_text, subject_end = _predicate_subject(sent, trig.i, trig.j, hi, lo)
                fronted = actor_text is not None and subject_end <= trig.i
                if trig.j < len(sent.tokens) and sent.norms[trig.j] in _COUNTERPARTS and not fronted and (
                        actor is None or actor.start >= sent.tokens[trig.j].start):
                    # "حيث يلتقي نظيره روي ماشيتي": the counterpart is the object; the subject was named before
                    if actor is not None:
                        recipients.append(actor)
                    earlier = _last_participant(sent, lo, trig.i, set())  # "وصل … المعلم إلى مسقط، والتقى نظيره"
                    actor = before[1] if before is not None else previous_actor or (
                        earlier[1] if earlier is not None and not earlier[1].place else None)
                    actor_text = None
                if _plural_verb(sent.tokens[trig.i].text[trig.cut :]) and (
                        (actor is not None and actor.start >= sent.tokens[trig.i].end) or (
                        actor_text is not None and not fronted)):
                    # "يرفضون الديمقراطية": a verb marked plural carries its subject; in Arabic the subject
                    # after the verb leaves it singular ("قال المسؤولون"), so what follows is the object
                    if actor is not None:
                        recipients.append(actor)
                    actor, actor_text = None, None
                    c = max(_clause_start(sent, trig.i), lo)
                    hit = _clause_participant_before(sent, lo, trig.i)
                    if hit is not None:  # the subject before it: "وأكد أن المسلحين يهاجمون …"
                        actor = hit[1]
                    elif 1 <= trig.i - c <= 6 and not _opens_clause(sent.norms[c]):
                        actor_text = sent.text[sent.tokens[c].start : sent.tokens[trig.i - 1].end]
                        fronted = True
            if actor is not None and actor.place and trig.sense.mode == "visit" and (
                    actor.start >= sent.tokens[trig.j - 1].end):
                # "بنجامين سيصل الخرطوم", "زار كينيا": the place after a verb of visiting is where to; the
                # visitor is the participant before the verb, else the sentence's previous actor
                destination = actor
                actor = before[1] if before is not None else previous_actor
            if actor is None and actor_text is not None and _opens_clause(
                    normalize_for_matching(actor_text.split()[0])):
                actor_text = None  # "وعرض تعاونا عمليا", "رفضت أخيرا المشاركة": no subject of its own
            if actor is None and actor_text is not None and trig.sense.needs and trig.sense.mode != "happened":
                # "وقدم شكره", "وقدم الوزير شكره للمشاركين": the word the sense needs is its object
                at = next((m.start() for m in re.finditer(r"\S+", actor_text)
                           if _is_complement(normalize_for_matching(m.group()), trig.sense.needs)), None)
                if at is not None:
                    actor_text = actor_text[:at].rstrip() or None
            if actor is None and actor_text is not None and trig.sense.with_bi:
                # "ووجه الوزير ببذل المزيد": what the ب-word brings is the object, not the subject's words
                at = next((mm.start() for mm in re.finditer(r"\S+", actor_text) if mm.start() > 0
                           and mm.group().startswith("ب") and normalize_for_matching(mm.group()) not in _BIN), None)
                if at is not None:
                    actor_text = actor_text[:at].rstrip() or None
            if actor is None and actor_text is None and before is not None and previous_actor is None:
                actor = before[1]
            if actor is None and actor_text is None:
                actor = previous_actor
            if actor is None and actor_text is None and (said := _speaker_goes_on(sent, trig)) is not None:
                actor, actor_text = _reporting_speaker(sent, said, trig.i)  # "وأوضح الحربي أن …، وطالب بوجود"
            if actor is None and actor_text is None and previous_words and _joined_verb(sent, trig.i):
                actor_text = previous_words
    else:
        # a verbal noun: its genitive, else the subject of the light verb before it, else the nearest before
        genitive = sent.mention_at(trig.j) if trig.j < len(sent.tokens) else None
        # 'وجاءت دعوة "فاو"': the genitive in quotes, a name or the words of one
        if genitive is None and trig.j + 1 < len(sent.tokens) and sent.tokens[trig.j].text in QUOTE_OPEN:
            genitive = sent.mention_at(trig.j + 1)
            close = next((k for k in range(trig.j + 1, min(trig.j + 5, len(sent.tokens)))
                          if sent.tokens[k].text in QUOTE_CLOSE), None)
            if genitive is None and close is not None and close > trig.j + 1:
                quoted = sent.text[sent.tokens[trig.j + 1].start : sent.tokens[close - 1].end]
        glued = sent.tokens[trig.j].text[:1] if genitive is not None and (
            genitive.start > sent.tokens[trig.j].start) else ""
        if glued in ("ب", "ك") or (glued == "ل" and (trig.sense.mode == "visit" or trig.sense.event_type == "AID")):
            # "اتصالا بالرئيس", "زيارة لجنوب السودان", "تقديم الدعم للسعودية": a preposition, not the genitive
            # (but "هجوما للحوثيين", "فرار جماعي للحوثيين": لـ of the doer)
            genitive = None
        if genitive is not None and genitive.place and trig.sense.mode == "visit":
            destination, genitive = genitive, None  # "زيارة كينيا": where to, not who
        between_at = _between_after(sent, trig.j, hi)
        between = between_at is not None
        # "تدخل طيران التحالف لدعم المقاتلين", "توجهت قوات لدعم المقاومة": لـ of purpose, the genitive is who
        # is supported, the doer is the clause's subject
        purpose = trig.cut > 0 and sent.tokens[trig.i].text[: trig.cut] in ("ل", "ول", "فل") and not between
        if purpose and ((genitive is not None and genitive.participant) or (
                genitive is None and trig.j < len(sent.tokens) and _is_group(sent.norms[trig.j]))):
            if genitive is not None:
                recipients.append(genitive)
            else:
                recipient_text = _noun_phrase(sent, trig.j, hi)
            hit = _clause_participant_before(sent, lo, trig.i)
            actor = hit[1] if hit else previous_actor
        elif trig.j == trig.i + 1 and _possessive(sent.norms[trig.i]) and (
                trig.sense.event_type not in _OBJECT_GENITIVE or trig.sense.mode in _DOER_POSSESSIVE
                or _counted_object(sent, trig.j)):
            # "بعد سيطرتها على نقطة الربيعي": the pronoun is the doer the sentence named before
            hit = _clause_participant_before(sent, lo, trig.i)
            actor = last_actor or (hit[1] if hit else None)
        elif genitive is not None and genitive.place and trig.sense.event_type in ("ASSAULT", "COERCE") and (
                genitive.subtype != "country"):
            recipients.append(genitive)  # "تفجير الخبر", "قصف حلب": the place attacked, not the attacker
            if (light := _light_verb(sent, trig, lo)) is not None:  # "حزب الله يفشل في اقتحام الزبداني"
                actor, actor_text = _light_subject(sent, light, trig, lo)
        elif genitive is not None and _done_to_genitive(sent, trig, genitive):
            recipients.append(genitive)  # "اعتقال ميخائيل كودوركوفسكي", "طرد الحوثيين من عدن": who it is done to
            if (light := _light_verb(sent, trig, lo)) is not None:  # "نجحت قوات المقاومة في طرد الحوثيين"
                actor, actor_text = _light_subject(sent, light, trig, lo)
        elif genitive is not None and genitive.participant:
            actor = genitive
        elif genitive is None and trig.j < len(sent.tokens) and _is_group(sent.norms[trig.j]) and (
                trig.sense.event_type not in _OBJECT_GENITIVE):
            actor_text = _noun_phrase(sent, trig.j, hi)  # "استنكار النقابات", "فرار المسلحين الحوثيين"
        elif genitive is None and trig.j < min(hi, len(sent.tokens)) and sent.owner[
                trig.j] < 0 and _is_title_word(sent.norms[trig.j]) and trig.sense.event_type not in _OBJECT_GENITIVE \
                and trig.j == trig.i + 1 and not normalize_for_matching(sent.tokens[trig.i].text[trig.cut:]).startswith(
                    "ال") and pattern != "host":
            # "زيارة الوزير الأمريكي", "دعوة الرئيس الأميركي باراك أوباما": an indefinite verbal noun's genitive
            # title is its doer (a definite noun takes no genitive: "حضر الاستقبال سفير …" is who attended)
            actor, actor_text, _ = _subject(sent, trig.j, hi)
            titled_genitive = True
        elif genitive is None and trig.j < min(hi, len(sent.tokens)) and sent.norms[trig.j] in _HONORIFICS and (
                trig.sense.event_type not in _OBJECT_GENITIVE and pattern != "host"):
            actor_text = sent.tokens[trig.j].text  # "أثناء زيارة سموه لمصر": his highness's visit
            titled_genitive = True
        elif between:  # "اشتباكات بين X و Y"
            sides = _after_preposition(sent, between_at or trig.j, hi, _norms("بين", "و"), set())
            side = between_at + 1 if between_at is not None and between_at + 1 < len(sent.tokens) else None
            side_group = side is not None and _is_group(sent.norms[side])
            if sides and (side is None or not side_group or sent.mention_at(side) is not None):
                actor, recipients = sides[0], sides[1:]
            elif side is not None and side_group:
                recipients = sides  # the second side, when it is named
                # "معارك عنيفة بين المقاومة ومليشيا الحوثي": the first side in words, up to the و of the second
                end = side + 1
                while end < min(side + 4, hi, len(sent.tokens)) and not sent.norms[end].startswith("و") and (
                        not _ends_phrase(sent, end, side, reporting_too=False)):
                    end += 1
                actor_text = sent.text[sent.tokens[side].start : sent.tokens[end - 1].end]
        else:
            actor, actor_text = _agent_after(sent, trig.j, hi, trig.sense.event_type in ATTACKS or (
                trig.sense.event_type == "COERCE"))
            light = _light_verb(sent, trig, lo)
            if light is not None and actor is None and actor_text is None:
                actor, actor_text = _light_subject(sent, light, trig, lo)
                if actor is None and trig.i > 1 and sent.norms[trig.i - 1] == "من" and (
                        sent.norms[trig.i - 2] in _MEASURES):
                    actor_text = None  # "نفذت اليوم سلسلة من الغارات": the measure of the object, not a doer
            source = _after_preposition(sent, trig.j, min(hi, trig.j + 4), _norms("من"), set(), glued_ok=False)
            if actor is None and actor_text is None and source and trig.sense.event_type not in _FROM_IS_OBJECT:
                # "مساعدات من المملكة إلى اليمن" (but "تحرير المحافظة من داعش": what it is freed from)
                actor = source[0]
            agent = next((k for k in range(trig.j, min(trig.j + 3, hi, len(sent.tokens)))
                          if sent.norms[k][:2] == "لل" or (sent.norms[k][:1] == "ل" and (
                              _is_group(sent.norms[k][1:]) or _glued_participant(sent, k)))), None)
            if agent is not None and any(match_trigger(sent.tokens[t].text) for t in range(trig.j, agent)):
                agent = None  # "الغارات استهدفت مواقع للمتمردين": the object of a verb between, not the doer
            if actor is None and actor_text is None and agent is not None and trig.sense.event_type not in (
                    "AID", "SUPPORT") and trig.sense.mode != "visit":
                # "العمليات العسكرية للقوات الأمنية العراقية", "فرار جماعي للحوثيين": the agent after لـ (an
                # adjective is none); but "تقديم الدعم للسعودية": لـ of whom aid goes to
                named = sent.mention_at(agent)
                if named is not None and named.participant and sent.owner[agent - 1] != sent.owner[agent]:
                    actor = named
                else:
                    actor_text = _noun_phrase(sent, agent, hi)
    if trig.sense.pos == "noun" and actor is None and actor_text is None and quoted is not None:
        actor_text = quoted
    if trig.sense.pos == "noun" and actor is None and actor_text is None:
        actor, actor_text = _relative_doer(sent, trig, hi, lo)
    actor_country = None
    if trig.sense.pos == "noun" and actor is None and actor_text is None and trig.sense.event_type in _BY_NATION:
        nation = _doer_nisba(sent, trig)  # "الغارات الجوية التركية", "القصف الإسرائيلي"
        if nation is not None:
            actor_text, actor_country = sent.tokens[nation[0]].text, nation[1]
    skip = {actor.entity_id} if actor else set()
    if pattern in ("host", "mutual", "subj_obj") and trig.sense.pos == "verb" and actor is None and fronted:
        # "وكالة تأمين الودائع تتهم بوجاشيف": a subject of words before the verb, the name after is the object
        obj = _first_participant(sent, trig.j, min(trig.j + 3, hi), set())
        if obj is not None:
            recipients.append(obj[1])
    if pattern in ("host", "mutual", "subj_obj") and trig.sense.pos == "verb" and actor is not None:
        # the object: the next participant after the subject ("استقبل الملك سلمان وزير الدفاع الأمريكي")
        start = sent.token_of(actor.end) if actor.start >= sent.tokens[trig.j - 1].end else trig.j
        while start < min(hi, len(sent.tokens)) and sent.mention_at(start) is None and _opens_clause(
                sent.norms[start]) and not _is_title_word(sent.norms[start]):
            start += 1  # "التقى خلالها نظيره …"
        obj = _first_participant(sent, start, min(start + ACTOR_WINDOW, hi), skip)
        if obj is not None:
            recipients.append(obj[1])
        elif pattern == "host" and start < hi and _is_title_word(sent.norms[start]):
            recipient_text = _subject(sent, start, hi)[1]  # "استقبل الأمير سفير دولة الكويت لدى المملكة"
    if pattern in ("with", "mutual", "subj_obj", "host"):
        reach = hi if trig.sense.pos == "verb" else min(hi, trig.j + 4)  # a noun's complements follow it closely
        for m in _after_preposition(sent, trig.j, reach, RECIPIENT_PREPOSITIONS,
                                    skip | {r.entity_id for r in recipients}):
            recipients.append(m)
    # the two countries ("البلدين") or their presidents ("الرئيسين") of the article
    if actor is None and not recipients:
        near = set(sent.norms[trig.j : trig.j + 3]) | set(sent.norms[max(0, trig.i - 2) : trig.i])
        pair = facts.leaders if near & PAIR_LEADERS else facts.countries if near & PAIR_COUNTRIES else ()
        if len(pair) == 2:
            actor, recipients = pair[0], [pair[1]]
    place: Mention | None = destination
    for k in range(trig.j, min(len(sent.tokens), hi) if place is None else trig.j):
        cand = sent.mention_at(k)
        if cand is not None and cand.place and sent.owner[k - 1] != sent.owner[k] and (
                sent.norms[k - 1] in PLACE_PREPOSITIONS or (
                sent.tokens[k].start < cand.start and (sent.tokens[k].text[:1] == "ب" or (
                    sent.tokens[k].text[:1] == "ل" and trig.sense.mode == "visit")))):
            place = cand  # ("بمتحف باردو"; "زيارة لجنوب السودان": where a visit goes)
            break
    if place is None:  # the one city of the trigger's stretch of the sentence
        first_tok, last_tok = sent.tokens[max(lo, 0)], sent.tokens[min(hi, len(sent.tokens)) - 1]
        cities = [m for m in sent.mentions if m.place and m.subtype in ("city", "region")
                  and first_tok.start <= m.start and m.end <= last_tok.end]
        place = cities[0] if len(cities) == 1 else None
    if trig.sense.mode == "visit" and any(r.place for r in recipients):
        # "زار هولاند مصر", "زيارة لجنوب السودان": a visit's place is where it goes, not a recipient
        place = place or next(r for r in recipients if r.place)
        recipients = [r for r in recipients if not r.place]
    if trig.sense.mode == "visit" and trig.sense.pos == "noun" and actor is None and actor_text is None and (
            place is not None):
        # "طالب فلاح مصطفى خلال زيارة إلى الولايات المتحدة": the visitor is the clause's person or body
        hit = _last_participant(sent, max(lo, trig.i - 6), trig.i, set())
        if hit is not None and not hit[1].place and all(
                sent.norms[t] in _DURING for t in range(sent.token_of(hit[1].end - 1) + 1, trig.i)):
            actor = hit[1]
    if place is not None and actor is not None and place.entity_id == actor.entity_id:
        place = None
    recipients = [r for r in recipients if actor is None or r.entity_id != actor.entity_id]
    recipients = [r for r in recipients if not _led_by(sent, r)]
    return _Arguments([actor] if actor else [], recipients, place, _no_verb_in(actor_text), recipient_text,
                      quoted=actor is None and quoted is not None and actor_text == quoted, actor_country=actor_country,
                      titled=titled_genitive and (actor is not None or actor_text is not None))


_LEADING = _norms("بقيادة", "قيادة", "تقوده", "يقوده", "تقودها", "يقودها", "بزعامة", "بدعم", "بمشاركة")


def _led_by(sent: _Sentence, m: Mention) -> bool:
    """The mention names who leads or backs the actor ("طائرات التحالف بقيادة المملكة", "الذي تقوده المملكة"),
    not who the event is done to."""
    at = sent.token_of(m.start)
    return any(sent.norms[k] in _LEADING for k in range(max(0, at - 2), at))


_MA_IS_WHAT = _norms("حسب", "بحسب", "وحسب", "وبحسب", "وفق", "وفقا", "ووفق", "كما", "وكما", "مثل", "بعد", "عن",
                     "من", "على", "إلى", "الى", "في")  # before these "ما" is "what", not "not"


def _negated(sent: _Sentence, i: int) -> bool:
    lo = max(0, i - 2)
    return any(_conjoined_in(b, NEGATORS) and not (
        b == "ما" and k > 0 and sent.norms[k - 1] in _MA_IS_WHAT)  # "بحسب ما ذكرت": according to what …
        for k, b in enumerate(sent.norms[lo:i], start=lo))


_MAY = _norms("يمكن", "ويمكن", "يمكنه", "يمكنها", "يمكنهم", "بإمكان", "بامكان", "ربما", "وربما", "يحتمل")
# (not قد: before a perfect it means "already", and "توعدت", "تبرع", "نوه" are perfects that look imperfect; قد
# right before a form only the lexicon's imperfects have is "may": ``_MAY_QAD`` in ``_triggers``)


# words that take an attack with ل as what befell or was met, not as a purpose: "تعرض المركز لقذائف", "تصدت
# المقاومة لهجمات", "أعرب عن استنكاره للاعتداء", "الذكرى العاشرة للهجمات", "تبادل لإطلاق النار"
_TAKES_LI_STEMS = ("تعرض", "يتعرض", "تتعرض", "نتعرض", "معرض", "عرضة", "التعرض", "تصدى", "تصدت", "يتصدى", "تتصدى",
                   "التصدي", "تصد", "استنكار", "مستنكر", "إدانة", "تألم", "رفض", "ضحية", "ضحايا", "تبادل", "ذكرى",
                   "نتيجة", "ردا", "ضمن", "إثر", "جراء", "مسرح")
_TAKES_LI = re.compile("^[وفبل]?(?:ال)?(?:" + "|".join(normalize_for_matching(w) for w in _TAKES_LI_STEMS) + ")")
PURPOSE_REACH = 16  # tokens back where such a word may stand ("تعرض مركز المسيال بقطاع ظهران الجنوب … لقذائف")


_AIMED_AT = _norms("بهدف", "بغرض", "لأجل", "سعيا", "وبهدف", "بقصد")
_FROM = _norms("من", "ومن")


def _purpose(sent: _Sentence, trig: _Trigger) -> bool:
    """An attack or coercion noun with ل is what something was for — "لم يدخل الأراضي السورية لتدمير أهداف",
    "في طريقهم لاقتحام قاعدة العند", "مخططات الأعداء لاستهداف المملكة" — unless a word before it in its clause
    takes it as what befell or was met (``_TAKES_LI``)."""
    if trig.sense.pos != "noun" or trig.sense.event_type not in ("ASSAULT", "COERCE"):
        return False
    if trig.i > 0 and (sent.norms[trig.i - 1] in _AIMED_AT or (
            trig.i > 1 and sent.norms[trig.i - 2] in _FROM and sent.norms[trig.i - 1] == "اجل")):
        return True  # "ملتزمون بالعمل من أجل تدمير الخلافة", "بهدف اقتحام": what is aimed at
    if not trig.cut or sent.tokens[trig.i].text[: trig.cut].lstrip("وف") != "ل":
        return False
    for k in range(trig.i - 1, max(-1, trig.i - 1 - PURPOSE_REACH), -1):
        if sent.tokens[k].text in _SENTENCE_ENDS:
            break
        if _TAKES_LI.match(sent.norms[k]):
            return False
    return True


_THAT_AN = _norms("أن", "ان")
_OPINION_REACH = 6  # tokens after "يتفق" where "على أن" + a definite noun makes it an opinion shared


def _agreeing_with_a_view(sent: _Sentence, trig: _Trigger) -> bool:
    """Agreeing with a view, not an agreement reached: a verb of agreeing in the first person singular ("أتفق مع
    أوباما"), or followed by "على أن" and a statement about a thing ("الجميع يتفق على أن البنية التحتية أفضل"; not
    "اتفق الطرفان على أن يتم …", a plan agreed)."""
    if trig.sense.mode != "agree" or trig.sense.pos != "verb":
        return False
    if sent.tokens[trig.i].text[trig.cut :].startswith("أتفق"):
        return True
    for k in range(trig.j, min(len(sent.tokens) - 2, trig.j + _OPINION_REACH)):
        if sent.tokens[k].text in SEPARATORS:
            return False
        if sent.norms[k] in _ON and sent.norms[k + 1] in _THAT_AN and (
                sent.norms[k + 2].startswith("ال")):
            return True
    return False


def _possible_only(sent: _Sentence, trig: _Trigger) -> bool:
    """An imperfect verb after "يمكن أن" or "ربما" (may): a possibility, not something that happened
    ("ويمكن أن ترفض الإرسالية", "ربما تلتقي نجوما")."""
    if trig.sense.pos != "verb":
        return False
    word = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :])
    if word[:1] not in ("ي", "ت", "ن"):
        return False
    k = trig.i - 1
    if k >= 0 and sent.norms[k] in THAT:
        k -= 1
    return k >= 0 and sent.norms[k] in _MAY


# words before an event noun that make it a possibility, a risk or what is to be prevented ("احتمال وقوع هجوم
# مرتفع", "لمنع حدوث هجمات"), with the verbal noun of happening between them
_UNREAL_BEFORE = _norms("احتمال", "احتمالات", "احتمالية", "خطر", "مخاطر", "خشية", "مخاوف", "تحذير", "تحذيرات",
                        "منع", "لمنع", "تجنب", "لتجنب", "تفادي", "لتفادي", "تفاديا", "تجنبا", "وقاية")
_HAPPENING = _norms("وقوع", "حدوث", "تنفيذ", "شن", "تكرار", "تكرر")
# verbs of considering or calling: the indefinite accusative noun after them names what something was
# ("وعد السديس ذلك عدوانا", "واعتبر الحزب هذا القصف «عدوانا»"), no event of its own
_CALLED_IT = _norms("اعتبر", "اعتبرت", "يعتبر", "تعتبر", "اعتبروا", "معتبرا", "معتبرة", "معتبرين", "عد", "عدت",
                     "يعد", "تعد", "عادا", "وصف", "وصفت", "يصف", "تصف", "واصفا", "واصفة", "رأى", "يرى", "اعتبره",
                     "اعتبرها", "يعتبره", "يعتبرها", "تعتبره", "تعتبرها", "معتبره", "معتبرها", "عده", "عدها",
                     "وصفه", "وصفها")
_CALLED_IT_REACH = 6  # tokens between such a verb and the noun (its subject and object: "السديس ذلك")


def _not_real(sent: _Sentence, trig: _Trigger) -> bool:
    """An event noun named as a possibility or a risk ("احتمال وقوع هجوم", "لمنع حدوث هجمات"), or as what
    something else is called ("وعد السديس ذلك عدوانا"): nothing happened of its own."""
    if trig.sense.pos != "noun":
        return False
    k = trig.i - 1
    if k >= 0 and sent.norms[k] in _HAPPENING:
        k -= 1
    if k >= 0 and sent.norms[k] in _UNREAL_BEFORE:
        return True
    word = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :])
    if word.startswith("ال") or not word.endswith("ا") or word.endswith(("ها", "هما")):
        return False  # (the accusative of the naming verbs' second object, not "غاراتها": its raids)
    for k in range(trig.i - 1, max(-1, trig.i - 1 - _CALLED_IT_REACH), -1):
        if sent.tokens[k].text in SEPARATORS:
            return False
        norm = sent.norms[k]
        if _conjoined_in(norm, _CALLED_IT):
            return True
    return False


def _future(sent: _Sentence, trig: _Trigger) -> bool:
    word = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :])
    if trig.sense.pos == "verb" and word.startswith("س") and len(word) > 3 and word[1] in "يتنا":
        return True
    return any(_conjoined_in(b, FUTURE_MARKERS)  # "ويتوقع أن", "وسوف"
               for b in sent.norms[max(0, trig.i - 3) : trig.i])


def _earlier(sent: _Sentence, i: int) -> bool:
    """The verb at token ``i`` is a pluperfect ("وكان المجلس قد صادق", "وكان رئيس المجلس أعلن"): an earlier
    happening recalled as background, not one of the publication day."""
    for k in range(i - 1, max(-1, i - 14), -1):
        if sent.tokens[k].text in SEPARATORS or sent.norms[k] in THAT:
            return False
        if sent.owner[k] < 0 and sent.norms[k] in _KANA:
            return True
    return False


RELATIVE_DATE_REACH = 12  # tokens from a relative pronoun to a date its clause still holds
_COMMAS = frozenset({"،", ",", "؛", ";"})  # (not the brackets of "ديسمبر (كانون الأول)")


def _outside_relative_clauses(sent: _Sentence, dates: list[DateMention], anchor: int) -> list[DateMention]:
    """The dates that may date the reporting verb at document offset ``anchor``, without those inside a relative
    clause before it that ends before it — at a comma, or at the verb when it opens a clause of its own with و:
    "بينيتيز الذي تولى تدريب ريال مدريد في يونيو الماضي، أكد أنه …", "الجريمة التي وقعت ظهر أمس وقال …" (the
    relative clause's verb happened then, not the statement). (For event triggers the same test moved as many
    dates wrong as right on news_sample: "مؤتمر … الذي يقام يومي 7 إلى 8 أكتوبر، ويتناول …، فيما يتم تكريم".)"""
    out = []
    at = sent.token_of(anchor)
    for d in dates:
        k = sent.token_of(d.start + sent.start)
        if k >= at:
            out.append(d)
            continue
        held = False
        for r in range(k - 1, max(-1, k - RELATIVE_DATE_REACH), -1):
            if sent.tokens[r].text in _CLAUSE_ENDS:
                break
            if sent.norms[r] in _PLURAL_WHO:
                held = True
                break
        closed = any(sent.tokens[q].text in _COMMAS for q in range(k, at)) or (
            anchor > sent.tokens[at].start and sent.tokens[at].text[:1] == "و")  # ("وقال": its proclitic و)
        if not (held and closed):
            out.append(d)
    return out


_RESUMED = _norms("فيه", "فيها", "فيهم", "فيهما")


def _describes_its_head(sent: _Sentence, trig: _Trigger) -> bool:
    """The verb at ``trig`` opens a relative clause that takes its head back as an object pronoun or with فيه —
    "المواقع التي دمرتها ميليشيات الحوثي", "الهدنة التي طلبها الرئيس", "المقطع الذي دعا فيه": it describes
    the thing (what the militia once destroyed), it does not report a happening of the day; unlike "الفريق الذي
    أشاد بالتنظيم", where the head is the doer and the clause goes on with the news."""
    k = trig.i - 1
    if k >= 0 and sent.norms[k] in _QAD:
        k -= 1
    if k < 0 or sent.norms[k] not in _PLURAL_WHO or trig.sense.pos != "verb" or trig.cut:
        return False
    if trig.j < len(sent.norms) and sent.norms[trig.j] in _RESUMED:
        return True
    form = sent.norms[trig.i]
    lexicon = load_event_lexicon().words
    return any(form.endswith(p) and len(form) - len(p) >= 3 and any(
        sense.pos == "verb" for sense in lexicon.get(form[: -len(p)], ())) for p in _OBJECT_PRONOUNS)

_NOW = _norms("الآن", "حاليا", "حالياً")
# (and "at that time": an earlier time the story told of, not the publication day)
_LATELY = _norms("مؤخرا", "مؤخراً", "ومؤخرا", "سابقا", "سابقاً", "آنفا", "آنفاً", "حينها", "آنذاك", "انذاك", "حينذاك",
                 "حينئذ", "يومها")
_SOME_TIME = _norms("فترة", "مدة", "وقت")  # "قبل فترة", "منذ مدة", "في وقت سابق"
_RECALL_REACH = 12  # tokens around a trigger where "مؤخرا" or "قبل فترة" dates it
_AGO = re.compile(r"(?:منذ|قبل)\s")  # a date counted back from the publication day ("منذ ثلاثة أيام")


def _recalled(sent: _Sentence, i: int, j: int, stop: int | None = None) -> bool:
    """The clause of the trigger at tokens ``i``…``j`` says it happened at some undated earlier time —
    "زار … طهران مؤخرا", "واستعانت الوزارة قبل فترة", "في وقت سابق" — so it has no date, not the publication
    day's (as the labelled sets code it)."""
    n = len(sent.tokens) if stop is None else min(stop, len(sent.tokens))  # (a quotation's: not into what it says)
    if any(sent.norms[k] in _NOW for k in range(j, min(n, j + 2))):
        return False  # "أنها تتحقق الآن من سجلات جرائم … لم تحل سابقا": now (the earlier is another clause's)
    for step, end in ((-1, max(-1, i - _RECALL_REACH)), (1, min(n, j + _RECALL_REACH))):
        k = i - 1 if step < 0 else j
        while k != end:
            word = sent.norms[k]
            if sent.tokens[k].text in SEPARATORS or (step > 0 and word in _CLAUSE_OF_ITS_OWN):
                break  # ("التصريحات الصادرة مؤخرا": the statements were recent, not the reaction to them)
            if word in _LATELY or (word in _SOME_TIME and k > 0 and sent.norms[k - 1] in _BEFORE_SINCE) or (
                    word == "وقت" and k + 1 < n and sent.norms[k + 1] in _EARLIER_ADJ):
                return True
            k += step
    return False


def _content_opens(sent: _Sentence, i: int) -> int | None:
    """The token where what the reporting verb at ``i`` says opens: أن/إن or a colon (not a quotation mark, which
    also sets off names: 'أكد مسؤول في «نزاهة» قبل فترة')."""
    return next((k for k in range(i + 1, len(sent.tokens)) if sent.norms[k] in THAT or sent.tokens[k].text == ":"),
                None)


_BEFORE_SINCE = _norms("قبل", "منذ")
_CLAUSE_OF_ITS_OWN = _norms("الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي", "الصادرة", "الصادر", "الصادرين")
_EARLIER_ADJ = _norms("سابق", "مضى")
_YEAR_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]{4}")


def _next_year(value: date) -> date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


_EVENING = re.compile(r"(?:مساء|ليلة|ليل)\s*$")
EVENING_HOUR = 18  # before this hour of the publication time, "this evening" of a past event was yesterday's


def _evening_not_yet(text: str, sent_start: int, dates: list[DateMention], anchor: int, published_at: datetime
                     ) -> bool:
    """The trigger's date is "مساء اليوم" / "ليلة اليوم" (this evening) and the article came out before the
    evening: a done deed ("استقبل الأمير مساء اليوم") happened the evening before."""
    near = [d for d in dates if d.text in ("اليوم", "الیوم")]  # (its sentence's: the publication day too)
    if not near or published_at.hour >= EVENING_HOUR:
        return False
    d = min(near, key=lambda dm: abs(dm.start + sent_start - anchor))
    at = sent_start + d.start
    return bool(_EVENING.search(text[max(0, at - 8) : at]))


_TODAY = re.compile(r"(?<!\w)اليوم(?!\w)")  # "اليوم": in what is reported, the speaker's today — the day it was said
_QUOTATION_RE = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
QUOTATION_WORDS = 6  # words of a quotation, not a phrase in quotation marks ('حصلت على “دعم قوي” … أمس')


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of the sentence [start, end) as document offsets: text between quotation marks, of
    ``QUOTATION_WORDS`` words or more (a shorter phrase in quotation marks is no quotation)."""
    return [(m.start(), m.end()) for m in _QUOTATION_RE.finditer(text, start, end)
            if len(m.group().split()) >= QUOTATION_WORDS]


def _dates_of_its_quotation(quotations: list[tuple[int, int]], start: int, dates: list[DateMention], anchor: int
                            ) -> list[DateMention]:
    """The dates (offsets from the sentence ``start``) that may date the trigger at document offset ``anchor``:
    inside a quotation ('وجاء في بيان للدائرة أمس: «مرة أخرى تستهدف يد الإرهاب …»'), only the quotation's own
    (the date outside is when it was said); elsewhere, all of them."""
    for q_start, q_end in quotations:
        if q_start < anchor < q_end:
            return [d for d in dates if q_start <= d.start + start < q_end]
    return dates


_PAST_MARKS = _norms("الماضي", "الماضية", "أمس", "امس", "اليوم", "الليلة", "السابق")


def _coming_weekday(text: str) -> bool:
    """The date expression is a weekday alone ("يوم الأربعاء"), not "الأربعاء الماضي", "أمس الأربعاء" or
    "اليوم السبت"."""
    words = [normalize_for_matching(w) for w in text.split()]
    return any(w in WEEKDAY_WORDS for w in words) and not any(w in _PAST_MARKS for w in words)


def _names_a_month(text: str) -> bool:
    """The date expression names a month ("في سبتمبر", "الخامس من أغسطس"), not only a day or weekday, and not
    one gone by ("في يونيو الماضي")."""
    words = [normalize_for_matching(w) for w in text.split()]
    return any(w in MONTH_WORDS or w[1:] in MONTH_WORDS for w in words) and not any(w in _PAST_MARKS for w in words)


def _event_date(dates: list[DateMention], sent_start: int, anchor: int, reference: date | None,
                earlier: bool = False, future: bool = False,
                ) -> tuple[date | None, date | None, str | None, str | None, str]:
    """(date, end, precision, text, source) for the trigger at document offset ``anchor``; an ``earlier``
    (pluperfect) happening without a date of its own has none, not the publication day; a ``future`` one
    dated by a month or day without a year ("سيزور … في سبتمبر") falls after the publication day."""
    usable = [d for d in dates if not (d.precision == YEAR and reference is not None)  # a year alone: background
              and (reference is None or abs((d.start + sent_start) - anchor) <= DATE_REACH)]
    if usable:
        d = min(usable, key=lambda dm: abs((dm.start + sent_start) - anchor))
        if future and reference is not None and d.date < reference and not _YEAR_DIGITS.search(d.text):
            if _names_a_month(d.text):
                # "سيزور الولايات المتحدة في سبتمبر" (July): the coming September, not the last one
                return _next_year(d.date), d.date_end and _next_year(d.date_end), d.precision, d.text, "text"
            if _coming_weekday(d.text):  # "سيزور … يوم الأربعاء" (on a Thursday): next Wednesday
                week = timedelta(days=7)
                return d.date + week, d.date_end and d.date_end + week, d.precision, d.text, "text"
        return d.date, d.date_end, d.precision, d.text, "text"
    if reference is not None and not earlier:
        return reference, None, DAY, None, "publication"
    return None, None, None, None, "none"


def _country(m: Mention) -> str | None:
    return m.country_code


def document_facts(mentions: Sequence[Mention], leaders: dict[str, Mention]) -> DocumentFacts:
    """The two countries an article names most (and their heads of state, when given by country code)."""
    counts = Counter(m.entity_id for m in mentions if m.type == EntityType.LOC and m.subtype == "country")
    by_id = {m.entity_id: m for m in mentions}
    top = [by_id[e] for e, _ in counts.most_common(2)]
    heads = tuple(leaders[c] for c in (m.country_code for m in top) if c in leaders)
    return DocumentFacts(tuple(top), heads if len(heads) == 2 else ())


@cache
def _given_names() -> frozenset[str]:
    from pipeline.lexicons import listed_given_names

    return frozenset(normalize_for_matching(n) for n in listed_given_names())


def _verb_only(word: str) -> bool:
    """The dictionary knows ``word`` (or it after و/ف) only as a verb form ("يسجل", "ويتنصل", "تتجلى"), and it
    is no given name ("حسين", "وائل", "نواف" are verb forms too)."""
    classes = shipped_word_classes()
    form = normalize_for_matching(word)
    if form in _given_names():
        return False
    found = classes.get(form)
    if found is None and form[:1] in ("و", "ف") and len(form) > 3:
        form = form[1:]
        found = classes.get(form)
    return found is not None and set(found) == {"v"} and form not in _given_names()


_NO_DOER = _norms("هناك", "هنالك", "أو", "او", "نفسه", "نفسها", "أنفسهم", "أنفسهما", "تكون", "يكون", "جلسة",
                  "جلسات", "جولة", "جولات", "وتأتي", "ويأتي", "تأتي", "يأتي")
_GOING_ON_VERBS = _norms("وتواصل", "ويواصل", "تواصل", "يواصل")  # "وتواصل المقاومة فرض حصار": its subject follows
_DANGLING = _norms("على", "في", "من", "عن", "إلى", "الى", "مع", "حتى", "منذ", "لدى", "عند")
_PLURAL_WHO = _WHO | _norms("اللواتي", "اللاتي")


# indefinite adjectives of a deed that are no doer though they end in no ية ("ضبط حكومي", "قصف جوي")
_ADJECTIVES_OF_DEEDS = _norms("حكومي", "جوي", "بري", "بحري", "أمني", "عسكري", "مدفعي", "صاروخي", "عنيف", "واسع",
                              "مكثف", "مباغت", "مفاجئ", "جديد", "دولي", "رسمي", "تكتيكي")


def _doer_words(words: str | None, deed: bool = False) -> str | None:
    """Words for a doer or receiver an analyst can read: cut before a relative pronoun ("المتظاهرون الذين
    جابوا شوارع كابل" → "المتظاهرون"); none when they end on a preposition ("عملت على", "ترافق مع") or open
    with a common word behind ل/ب ("لاختيار مراجعي الحسابات", "بسوء استخدام": a phrase of purpose or manner),
    except a force whose body follows ("لطيران التحالف" → "طيران التحالف")."""
    if not words:
        return words
    parts = words.split()
    norms = [normalize_for_matching(w) for w in parts]
    cut = next((k for k, w in enumerate(norms) if w in _PLURAL_WHO), len(parts))
    parts, norms = parts[:cut], norms[:cut]
    if len(parts) > 1 and norms[0] in _GOING_ON_VERBS:
        parts, norms = parts[1:], norms[1:]
    if not parts or norms[-1] in _DANGLING or norms[0] in _NO_DOER:
        return None  # (not "هناك", "نفسه", "جلسة": "there", "himself", the session a meeting was held in)
    first = norms[0]
    if len(parts) == 1 and not first.startswith("ال") and first not in load_lexicon().nisba and (
            first in _ADJECTIVES_OF_DEEDS or (first.endswith("يه") and first[:-1] in _ADJECTIVES_OF_DEEDS)):
        return None  # "غارة جوية", "ضبط حكومي", "قصف مكثف": the deed's adjective, no doer (but "معاليه",
        # "بلدية", "انتحاري" — his excellency, a municipality, a suicide bomber — are, and a nationality
        # adjective stays the doer's words with its country: "غارات جوية تركية")
    if not deed and first.startswith("لل") and len(first) > 4 and not is_common_word(first) and (
            is_common_word(first[2:]) or is_common_word("ال" + first[2:])):
        return None  # "للقضاء", "للتحقيق": to the judiciary, for questioning (ل + ال), no doer (but for an
        # attack, ``deed``, ل marks the doer: "هجوم للجماعة", "قصف للطيران الحربي")
    if first[:1] in ("ل", "ب") and not first.startswith("لل") and not is_common_word(first) and (
            first not in _body_heads()) and (is_common_word(first[1:]) or is_common_word(first[1:].removeprefix("ال"))):
        if first[1:] in _FORCES and len(parts) > 1:
            return " ".join([parts[0][1:], *parts[1:]])
        return None
    return " ".join(parts)


def _no_verb_in(words: str | None, speaker: bool = False) -> str | None:
    """Words for a doer or speaker, unless one of them is a verb: "ويتنصل الجميع", "يسجل نشاطا متناميا" are
    a clause, not a name. A ``speaker`` a body's head opens is the body, whatever its name spells ("وكالة أنباء
    ريا نوفوستي": RIA, not "ريّا"); a doer's words are checked all the same ("شرطة المدينة تطيح بمواطن": a
    headline's clause)."""
    if words is None or (speaker and _body_head(normalize_for_matching(words.split()[0]))):
        return words
    return None if any(_verb_only(w) for w in words.split()) else words


def _a_facility(sent: _Sentence, args: _Arguments) -> bool:
    """The actor is an airport, a port, a hospital or a crossing (by its first word)."""
    words = args.actor_text or (sent.text[args.actors[0].start : args.actors[0].end] if args.actors else "")
    first = normalize_for_matching(words.split()[0]) if words.split() else ""
    return first.removeprefix("ال") in _FACILITIES


_CRITICISE_ROOT = "11"  # CAMEO 11: disapprove
_LAUNCH = _norms("شن", "شنت", "شنوا", "يشن", "تشن", "يشنون", "سيشن", "ستشن")


def _launched(sent: _Sentence, trig: _Trigger) -> bool:
    """The attack noun at ``trig`` is what a form of شن launches ("شن مارادونا هجوما"), the verb at most four
    tokens before it."""
    return any(_conjoined_in(sent.norms[k], _LAUNCH)
               for k in range(max(0, trig.i - 4), trig.i))


_FACILITIES = _norms("مطار", "ميناء", "مرفأ", "مستشفى", "منفذ", "مستودع", "محطة", "معبر", "مستوصف", "مختبر", "عيادة",
                     "عيادات")
_BOTH_SIDES = _norms("الطرفان", "الطرفين", "الجانبان", "الجانبين")


def _is_happening(trig: _Trigger, args: _Arguments) -> bool:
    """Whether a trigger reports something that happened rather than names a topic ("الاتفاق النووي"): it has
    a named side; or it is a passive ("تم ضبط"); or its doer is a group noun ("استنكار النقابات"); or a verb
    or an unnamed-actor event has words for its doer; or it is an attack noun ("تفجير المسجد") or a measure noun
    with its complement ("إحباط محاولة تهريب"). A sense that needs a
    named participant needs one. (Keeping also every verb with a dropped subject, "كما أعرب عن شكره", was
    measured in stop 26 and cost type+actor F1 on two of the three labelled sets; ``detect_events`` keeps
    only one that opens its sentence, "وأشاد بدور …", which the labelled sets code as an event.)"""
    sense = trig.sense
    if args.actors or args.recipients or args.passive or args.quoted or args.titled:
        return True
    if args.actor_text and (_is_group(normalize_for_matching(args.actor_text.split()[0])) or _generic_body(
            args.actor_text)):
        return True  # (a body named in words: "التحقيقات التي أجرتها النيابة العامة")
    if args.actor_text and normalize_for_matching(args.actor_text.split()[0]) in _BOTH_SIDES:
        return True  # "عقد الطرفان جلسة مباحثات", "وبحث الجانبان": both parties, named before
    if sense.participant:
        return False
    if args.actor_text:
        return sense.pos in ("verb", "participle") or sense.event_type in UNNAMED_ACTOR_TYPES
    # a measure noun whose sense found the complement it needs ("إحباط محاولة تهريب", "حكم بالسجن"): it happened
    if sense.event_type == "COERCE" and sense.pos == "noun" and sense.needs - _PREPOSITIONS_NEEDED:
        return True
    # an attack noun ("تفجير المسجد"), or an attack verb with the complement its sense needs ("أطلق النار",
    # "شن هجمات"): an attack happened even when nobody is named
    # (not "التي تسيطر عليها ميليشيات": control is a state; its sense needs only the preposition على)
    # (not control with nobody named: "السيطرة على ضغط الدم", "السيطرة على الموقف" are no attack)
    return sense.event_type in ATTACKS and sense.mode not in _CONTROL_MODES and (
        sense.pos == "noun" or bool(sense.needs - _PREPOSITIONS_NEEDED))


_CONVEYING = re.compile(r"(?:[يتنأ]|س[يتن])?(?:بعث|نقل|رفع)")
_NOT_CONVEYED = _norms("أسمى", "آيات", "اسمى", "ايات")  # ("رفع أسمى آيات الشكر": the thanks are the event)
_CONVEY_STOPS = frozenset({".", "!", "?", "؟", "؛", ";"})  # (a comma may stand inside the subject's titles)
_GLUED = frozenset("وفبل")
_CONVEYED_REACH = 16  # tokens after a verb of conveying where what it conveys may stand (past a long name)


def _conveyed(sent: _Sentence, trig: _Trigger, hi: int) -> tuple[int, int] | None:
    """The span of what a verb of conveying carries — "بعث … برقية تهنئة", "نقل … تعازي الشعب", "رفع … التهاني":
    the congratulation, condolence or thanks is the event (as the labelled sets mark it), not the sending. The
    complement's proclitics stay outside ("وتهانيه")."""
    if trig.sense.pos != "verb" or trig.sense.mode not in ("condole", "thank") or not trig.sense.needs:
        return None
    verb = normalize_for_matching(sent.tokens[trig.i].text[trig.cut :])
    if not _CONVEYING.fullmatch(verb[: len(verb) - 1] if verb.endswith("ت") else verb):
        return None
    for k in range(trig.j, min(len(sent.tokens), trig.j + _CONVEYED_REACH)):
        if sent.tokens[k].text in _CONVEY_STOPS or (k >= hi and match_trigger(sent.tokens[k].text) is None):
            break  # (the complement may be the next trigger itself: "تهنئة" is an event noun of its own)
        word = sent.norms[k]
        if sent.owner[k] >= 0 or word in _NOT_CONVEYED:
            continue
        cut = 0
        while cut < 2 and not _is_complement(word[cut:], trig.sense.needs) and word[cut : cut + 1] in _GLUED:
            cut += 1
        if _is_complement(word[cut:], trig.sense.needs):
            return sent.tokens[k].start + cut, sent.tokens[k].end
    return None


_BIN = _norms("بن", "بنت")
_CONTROL_MODES = frozenset({"seize"})
_VIOLENT = _norms("عنيفة", "العنيفة", "ضارية", "الضارية", "طاحنة", "الطاحنة", "شرسة", "الشرسة", "دامية", "الدامية",
                  "مسلحة", "المسلحة")


_QUESTION = re.compile(r"(?:^|\s)[وف]?هل\s[^؟?]*[؟?]\s*$")


def _question(sentence: str) -> bool:
    """A yes-no question ("هل الاعتداء على دول البلطيق ممكن؟"): what it asks about has not happened as told."""
    return _QUESTION.search(sentence) is not None


_WITNESSED = re.compile(r"[وف]?(?:[يت]?شهد|شهد[تا]|شهدتا)")
_WITNESSED_BY_IT = re.compile(r"شهد(?:ه|ها|ته|تها)")
_MAY_NOT_YET = _norms("لن", "قد")  # before an imperfect شهد: it will not, it may ("ينتظر ان تشهد" is THAT's)
_WITNESS_REACH = 5  # tokens between شهد and the event noun (its subject: "شهدت مدينة فيرغسون أمس")


def _witnessed(sent: _Sentence, trig: _Trigger) -> bool:
    """An event noun that is the object of شهد happened, where it happened being the subject: "شهدت مدينة
    فيرغسون احتجاجات", "شهدت المنطقة اشتباكات"; or a noun a relative clause says was witnessed: "الاحتجاجات
    التي شهدتها المدينة". Not past punctuation, nor another verb of the same letters ("استشهد": a martyr)."""
    if trig.sense.pos != "noun":
        return False
    w = trig.j
    if w + 1 < len(sent.tokens) and sent.norms[w] in _WHO and _WITNESSED_BY_IT.fullmatch(sent.norms[w + 1]):
        return True
    before = trig.i - 1
    if before >= 0 and sent.owner[before] < 0 and not sent.norms[before].startswith(("ال", "وال")) and (
            sent.norms[before] not in _TIME_ADVERBIAL) and not _WITNESSED.fullmatch(sent.norms[before]):
        return False  # "شهد قطاع الاتصالات انخفاضا": the genitive of a noun of the subject
    for k in range(trig.i - 1, max(-1, trig.i - 1 - _WITNESS_REACH), -1):
        if sent.tokens[k].text in SEPARATORS or sent.tokens[k].text in QUOTE_OPEN or sent.norms[k] in _WHO:
            return False  # ("تشهد فيه الحركة التي بدأت مفاوضات": another clause's)
        if sent.owner[k] < 0 and _WITNESSED.fullmatch(sent.norms[k]):
            if k > 0 and (sent.norms[k - 1] in THAT or sent.norms[k - 1] in _MAY_NOT_YET):
                return False  # "ينتظر ان تشهد الايام القادمة اجتماعا": it may, not it did
            # right after the verb a definite noun is its subject ("وشهد الملتقى … عقد جلستين"), not what it saw
            return k < trig.i - 1 or not normalize_for_matching(sent.tokens[trig.i].text).startswith("ال")
    return False


def _violent_clash(sent: _Sentence, trig: _Trigger) -> bool:
    """A clash noun with its adjective of violence happened though no side is named: "معارك عنيفة",
    "الاشتباكات العنيفة", "مواجهات مسلحة" (not "معركة الانتخابات", "مواجهة التحديات")."""
    return (trig.sense.mode == "clash" and trig.sense.pos == "noun" and trig.j < len(sent.norms)
            and sent.norms[trig.j] in _VIOLENT)


def detect_events(
    doc_id: str,
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    published_at: datetime | None,
    is_name: frozenset[str] = frozenset(),
    facts: DocumentFacts | None = None,
) -> tuple[list[EventMentionRow], list[QuoteRow]]:
    """Event mention rows (without event_id) and quotation rows of one document. A sports story has no events
    (its "attacks" and "deals" are the game's; see :func:`sports_sentences` for a document longer than any
    article) but its statements are quoted ("وقال مدرب الفريق إن …": the two labelled sets drawn blind, dev9 and
    dev10, code them; the eight older ones leave them out)."""
    sporting = sports_sentences(text, sentences)
    reference = published_at.date() if published_at else None
    facts = facts or DocumentFacts()
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    starts = [s for s, _ in sentences]
    for m in mentions:
        idx = bisect.bisect_right(starts, m.start) - 1
        if idx >= 0 and m.start < sentences[idx][1]:
            by_sentence[idx].append(m)
    rows: list[EventMentionRow] = []
    quotes: list[QuoteRow] = []
    by_id = {m.entity_id: m for m in mentions if m.type == EntityType.PER}
    named = {m.entity_id: m for m in mentions if m.participant}
    carried: tuple[int, Mention] | None = None  # the last named doer or speaker: "ودعا إلى …" goes on for them
    persons = sorted((m for m in mentions if m.type == EntityType.PER), key=lambda m: m.start)
    person_starts = [m.start for m in persons]
    title_holders: dict[str, tuple[list[int], list[Mention]]] = {}  # a title -> the persons it names, in text order
    # the last event of each (type, mode) with a named doer: "شنت مقاتلات التحالف 44 غارة … وأن الغارات استهدفت"
    antecedents: dict[tuple[str, str], tuple[int, list[Mention]]] = {}
    verb_doers: list[tuple[int, int, Mention]] = []  # (trigger offset, sentence, person) of the events done by a verb
    said_at: list[int] = []  # the offsets of every reporting verb, its statement kept or not ("قالت مصادر")
    for sidx, (s, e) in enumerate(sentences):
        first_row = len(rows)
        sent = _Sentence.build(text, s, e, by_sentence.get(sidx, []))
        triggers = [] if _question(text[s:e]) else _triggers(sent, is_name)
        if sidx in sporting:  # a sports story's attacks and deals are the game's; what its people say is theirs
            triggers = [t for t in triggers if t.sense.event_type in _SPORTS_SPEECH_ACTS and t.sense.pos == "verb"]
        reporting = [] if not sent.tokens else _reporting_verbs(sent, is_name, {t.i for t in triggers})
        said_at += [sent.tokens[i].start + cut for i, cut, _ in reporting]
        if not triggers and not reporting:
            continue
        dates = find_dates(text[s:e], reference)
        quotations = _quotations(text, s, e) if dates and triggers else []
        previous_actor: Mention | None = None
        previous_words: str | None = None  # the previous event's doer in words, when no entity names it
        last_actor: Mention | None = None
        verb_doer: tuple[int, list[Mention], str | None] | None = None  # the previous verb's (token, actors, words)
        noun_doer: tuple[int, list[Mention], str | None] | None = None  # the same for the previous verbal noun
        game: bool | None = None  # the sentence is about the game (found out when needed)
        goes_on: list[int] = []  # tokens of the events a speaker goes on with after what he said (ends a quote)
        for n, trig in enumerate(triggers):
            lo = triggers[n - 1].j if n > 0 else 0
            hi = triggers[n + 1].i if n + 1 < len(triggers) else len(sent.tokens)
            args = _arguments(sent, trig, lo, hi, facts, previous_actor, last_actor, previous_words)
            we = trig.sense.pos == "verb" and _first_person_plural(
                normalize_for_matching(sent.tokens[trig.i].text[trig.cut :]), trig.sense)
            if we:  # "نطالب الولايات المتحدة …": "we" do it; the name after the verb is its object
                args = _Arguments([], [*args.actors, *args.recipients], args.place, None, None)
                speaker = _we_speaker(sent, trig.i)
                if speaker is not None:
                    args = replace(args, actors=[speaker], recipients=[
                        r for r in args.recipients if r.entity_id != speaker.entity_id])
            if trig.sense.mode == "deliver" and not args.actors and (
                    donor := next((m for m in args.recipients if m.type == EntityType.ORG), None)) is not None:
                # "وصلت الطائرة الإغاثية … مقدمة من مركز الملك سلمان": the body that sent the aid gives it, the
                # aircraft or convoy that arrived is no doer
                args = replace(args, actors=[donor], actor_text=None,
                               recipients=[m for m in args.recipients if m is not donor])
            if (trig.sense.pos == "verb" and not we and verb_doer is not None and verb_doer[0] == n - 1
                    and not args.actors and args.actor_text is not None and _joined_verb(sent, trig.i)
                    and args.actor_text == sent.text[sent.tokens[lo].start : sent.tokens[trig.i - 1].end]
                    and (verb_doer[1] or verb_doer[2])):
                # "أن دوريات الرقابة أغلقت المحال وطبقت عليها …": what stands between two verbs joined by و is the
                # first one's object; the second has the first one's subject
                args = replace(args, actors=list(verb_doer[1]), actor_text=None if verb_doer[1] else verb_doer[2])
            if (trig.sense.pos == "noun" and noun_doer is not None and noun_doer[0] == n - 1 and not args.actors
                    and (args.actor_text is None or args.actor_text[:1] == "ل")  # (not "للقضاء": where to)
                    and not args.passive and (noun_doer[1] or noun_doer[2])
                    and trig.sense.event_type == triggers[n - 1].sense.event_type
                    and sent.tokens[trig.i].text[:1] == "و" and trig.i - triggers[n - 1].j <= _JOINED_NOUN_GAP):
                # "قررت القبض عليه وإحالته للقضاء": a verbal noun joined by و to the one before has its doer
                args = replace(args, actors=list(noun_doer[1]), actor_text=None if noun_doer[1] else noun_doer[2])
            if (trig.sense.pos == "verb" and not we and not args.actors and (args.actor_text is None or all(
                    normalize_for_matching(w) in _TIME_ADVERBIAL for w in args.actor_text.split()))
                    and not args.passive and (said_by := _speaker_does_it(sent, trig)) is not None):
                # "وأكدت الشرطة الروسية أنها تتحقق …": the pronoun after أن is the speaker, who does it
                args = replace(args, actors=[said_by], actor_text=None, recipients=[
                    r for r in args.recipients if r.entity_id != said_by.entity_id])
            if (trig.sense.event_type == "CONSULT" and trig.sense.pos == "noun" and not args.actors
                    and (args.actor_text is None or args.actor_text[:1] == "ل")  # (not "للجنة العليا": whose meeting)
                    and (held_by := _speaker_at_meeting(sent, trig)) is not None):
                # "وأكد وزير التعليم في الاجتماع الأول للجنة العليا أن …": he spoke at the meeting, so took part
                args = replace(args, actors=[held_by[0]] if held_by[0] else [], actor_text=held_by[1],
                               titled=held_by[1] is not None)
            opening = trig.sense.pos == "verb" and not we and _opens_sentence(
                text, s, sent.tokens[trig.i].start + trig.cut)
            if (not opening and not we and not args.actors and args.actor_text is None
                    and (said := _speaker_goes_on(sent, trig)) is not None):
                # "وشدد على أن …، وأهاب بالجميع": the sentence's opening reporting verb has no subject of its own,
                # so the speaker carried from before goes on
                dropped = sent.norms[said + 1] in THAT or (
                    sent.norms[said + 1] in _ON_TO and sent.norms[said + 2] in THAT)  # (not "وتحدث والد الشهيد بأنه")
                opening = dropped and _opens_sentence(text, s, sent.tokens[said].start + (match_reporting(
                    sent.tokens[said].text) or (0,))[0])
            if (opening and not args.actors and args.actor_text is None and not args.passive
                    and carried is not None and sidx - carried[0] <= SPEAKER_CARRY):
                who = carried[1]  # "… قال الوزير …. ودعا إلى …": the subject dropped at the sentence start
                args = replace(args, actors=[who], recipients=[r for r in args.recipients
                                                               if r.entity_id != who.entity_id])
            key = (trig.sense.event_type, trig.sense.mode)
            earlier = antecedents.get(key)
            if (trig.sense.pos == "noun" and not args.actors and args.actor_text is None and not args.passive
                    and earlier is not None and sidx - earlier[0] <= ANAPHOR_REACH
                    and (normalize_for_matching(sent.tokens[trig.i].text[trig.cut :]).startswith("ال") or (
                        trig.j < len(sent.tokens) and sent.norms[trig.j] in _OTHER))
                    and trig.sense.event_type in _ANAPHORIC and _is_happening(trig, args)):
                # ("ثلاث غارات أخرى": more of the same, by the same doer)
                # "… وأشارت مصادر إلى أن الغارات استهدفت مواقع": the definite noun is the event named before
                # (only a noun that reports an event by itself, an attack: "الاتفاق" alone stays a topic)
                args = replace(args, actors=earlier[1], recipients=[
                    r for r in args.recipients if all(r.entity_id != a.entity_id for a in earlier[1])])
            if not args.actors and args.actor_text:
                # "وأكد أمين منطقة عسير …" after "أمين منطقة عسير صالح القاضي": the person the title named
                # (actor_text keeps the title)
                holder = _title_holder(args.actor_text, persons, person_starts, text, sent.tokens[trig.i].start,
                                       title_holders)
                if holder is not None:
                    args = replace(args, actors=[holder], recipients=[
                        r for r in args.recipients if r.entity_id != holder.entity_id])
            headline = sidx == 0 and trig.sense.pos == "noun" and trig.sense.event_type in UNNAMED_ACTOR_TYPES and (
                _headline_start(sent, trig.i))
            if (not _is_happening(trig, args) and not (opening and not trig.sense.participant) and not headline
                    and not _violent_clash(sent, trig) and not _witnessed(sent, trig)):
                continue  # nobody named does it: a topic ("الاتفاق النووي"), not an event
            if trig.sense.mode == "attack" and trig.sense.pos == "verb" and any(
                    m.type == EntityType.PER for m in (*args.actors, *args.recipients)):
                # "هاجم زيد أبو زيد نوري المالكي متهما إياه …": a person attacks with words
                trig = replace(trig, sense=replace(trig.sense, event_type="DISAPPROVE", mode="criticise",
                                                   cameo_root=_CRITICISE_ROOT))
            elif trig.sense.mode == "attack" and trig.sense.pos == "noun" and args.actors and all(
                    m.type == EntityType.PER for m in args.actors) and _launched(sent, trig):
                # "وشن مارادونا هجوما على الفيفا", "شن عون هجوما عنيفا على الحكومة": a person's attack is words
                trig = replace(trig, sense=replace(trig.sense, event_type="DISAPPROVE", mode="criticise",
                                                   cameo_root=_CRITICISE_ROOT))
            if _possible_only(sent, trig):
                continue  # "ويمكن أن ترفض الإرسالية": what may happen has not
            if _agreeing_with_a_view(sent, trig) and len(args.actors) + len(args.recipients) < 2:
                continue  # "أتفق مع أوباما", "الجميع يتفق على أن البنية التحتية أفضل": a view shared (but "اتفق
                # المعلم وبن علوي على أن الوقت حان": two named sides agreeing at their meeting)
            if _not_real(sent, trig):
                continue  # "احتمال وقوع هجوم", "وعد السديس ذلك عدوانا": a risk, or a name for what happened
            if _purpose(sent, trig):
                continue  # "لم يدخل الأراضي السورية لتدمير أهداف": what it was for, not what happened
            if trig.sense.event_type == "COOPERATE" and trig.sense.pos == "noun" and "ب" in sent.tokens[
                    trig.i].text[: trig.cut] and not ((light := _light_verb(sent, trig, 0)) is not None and (
                    sent.norms[light] in _PERFORMED_BY or sent.norms[light][1:] in _PERFORMED_BY)):
                continue  # "نظمت الجمعية الدورة بالتعاون مع …": how something was done, no event of its own (but
                # "قامت فرنسا وبريطانيا بالتنسيق فيما بينها" did it)
            if trig.sense.event_type == "SUPPORT" and trig.sense.pos == "noun" and "ب" in sent.tokens[
                    trig.i].text[: trig.cut] and trig.j < len(sent.tokens) and sent.norms[trig.j] == "من":
                continue  # "تنفيذ القوات عمليات بدعم من الحشد الشعبي": backed by, how it was done, no event of its own
            if trig.sense.event_type == "CONSULT" and _sports_sentence(text[s:e]):
                continue  # "يستقبل هجر نظيره … على ملعب …": a match, not a visit
            if sidx in sporting:
                if not (args.actors and args.actors[0].type == EntityType.PER):
                    continue  # (in a sports story only a named person's criticism or appeal: "انتقد مورينيو …")
            else:
                if game is None:
                    game = _game_sentence(text[s:e])
                if game:
                    continue  # "توصل نادي ليفربول إلى اتفاق مع مواطنه استون فيلا لضم مهاجم …": the game's deal
            if trig.sense.event_type in ("ASSAULT", "COERCE") and not args.actors and args.actor_text and (
                    normalize_for_matching(args.actor_text.split()[0]) in _NATURAL_FORCES):
                continue  # "وكان الحريق قد دمر 24 منزلا", "الأمطار والسيول تحتجز …": nature, nobody's attack
            if trig.sense.mode == "host" and _a_facility(sent, args):
                continue  # "استقبل مطار الجوف أول رحلة", "ميناء عدن الذي يستقبلها": a place receiving goods
            if args.actors and args.actors[0].type == EntityType.PER:
                previous_actor = args.actors[0]
                if trig.sense.pos == "verb":
                    verb_doers.append((sent.tokens[trig.i].start, sidx, args.actors[0]))
            previous_words = args.actor_text if not args.actors and not args.passive and args.actor_text and (
                _is_group(normalize_for_matching(args.actor_text.split()[0]))) else None  # ("الأهالي")
            if args.actors:
                last_actor = args.actors[0]
                antecedents[(trig.sense.event_type, trig.sense.mode)] = (sidx, list(args.actors))  # (as coded)
            t_start, t_end = sent.tokens[trig.i].start + trig.cut, sent.tokens[trig.j - 1].end
            if (conveyed := _conveyed(sent, trig, hi)) is not None:
                t_start, t_end = conveyed  # "بعث الملك برقية تهنئة": the congratulation, not the sending
            future = _future(sent, trig)
            ev_date, ev_end, precision, date_text, source = _event_date(
                _dates_of_its_quotation(quotations, s, dates, t_start), s, t_start, reference,
                (trig.sense.pos == "verb" and (_earlier(sent, trig.i) or _describes_its_head(sent, trig)))
                or _recalled(sent, trig.i, trig.j), future)
            if (ev_date is not None and (date_text == "اليوم" or source == "publication") and published_at is not None
                    and not future
                    and trig.sense.pos == "verb"
                    and _evening_not_yet(text, s, dates, t_start, published_at)):
                ev_date -= timedelta(days=1)  # "استقبل مساء اليوم" in an article out at 13:25: last evening
            quad, goldstein = CAMEO_ROOTS[trig.sense.cameo_root]
            rows.append(EventMentionRow(
                event_mention_id=ids.event_mention_id(doc_id, t_start, t_end),
                doc_id=doc_id,
                sentence_idx=sidx,
                trigger_start=t_start,
                trigger_end=t_end,
                trigger=text[t_start:t_end],
                event_type=trig.sense.event_type,
                mode=trig.sense.mode,
                cameo_root=trig.sense.cameo_root,
                quad_class=quad,
                goldstein=goldstein,
                actor_ids=[m.entity_id for m in args.actors],
                recipient_ids=sorted({m.entity_id for m in args.recipients}),
                location_id=args.place.entity_id if args.place else None,
                date=ev_date,
                date_end=ev_end,
                date_precision=precision,
                date_text=date_text,
                negated=_negated(sent, trig.i),
                future=future,
                actor_text=_doer_words(args.actor_text, trig.sense.event_type in ATTACKS),
                recipient_text=_doer_words(args.recipient_text),
                actor_countries=sorted({c for m in args.actors if (c := _country(m))} | (
                    {args.actor_country} if args.actor_country and args.actor_text else set())),
                recipient_countries=sorted({c for m in args.recipients if (c := _country(m))}),
                date_source=source,
            ))
            if _speaker_goes_on(sent, trig) is not None:
                goes_on.append(trig.i)
            verb_doer = (n, list(args.actors), args.actor_text) if trig.sense.pos == "verb" else None
            noun_doer = (n, list(args.actors), args.actor_text) if trig.sense.pos == "noun" else None
        own = rows[first_row:]  # this sentence's rows (rows are appended sentence by sentence)
        actors_before = [(sent.token_of(r.trigger_start), by_id[r.actor_ids[0]]) for r in own
                         if r.actor_ids and r.actor_ids[0] in by_id]
        new_quotes = detect_quotes(doc_id, sidx, sent, reporting, dates, reference, actors_before,
                                   sentences[sidx - 1] if sidx > 0 else None, goes_on)
        # "وقالت مصادر محلية إن طيران التحالف قصف …", "وقال مصدر عسكري إن عبوة ناسفة …": the event is the news,
        # unnamed sources only its sourcing (but "ويرى مراقبون أن لقاء الشرع-بوتين يمثل مؤشرا": an opinion on
        # talks named by their noun)
        new_quotes = [q for q in new_quotes if q.speaker_source != "unnamed" or not any(
            q.quote_start <= r.trigger_start < q.quote_end and (
                r.event_type in UNNAMED_ACTOR_TYPES or _reads_as_verb(r.trigger)) for r in own)]
        quotes += new_quotes
        doers = [(r.trigger_start, r.actor_ids[0]) for r in own if r.actor_ids]
        doers += [(q.verb_start, q.speaker_id) for q in new_quotes if q.speaker_id]
        if doers:
            last_doer = named.get(max(doers)[1])
            if last_doer is not None:
                carried = (sidx, last_doer)
    quotes = carry_speakers(newspaper_speakers(quotes, mentions, text), sentences, text, verb_doers, said_at,
                            [(m.start, m.entity_id) for m in persons])
    rows = honorific_doers(rows, persons, sentences, text)
    return rows, titled_speakers(honorific_speakers(quotes, persons, sentences, text), persons, person_starts, text)


def _reads_as_verb(trigger: str) -> bool:
    """The first word of a trigger as written has a verb or participle reading ("قصف", "شنوا", "أعرب"; not
    "المباحثات", "لقاء")."""
    hit = match_trigger(trigger.split()[0]) if trigger.strip() else None
    return hit is not None and any(sense.pos != "noun" for sense in hit[1])


ANAPHOR_REACH = 1  # sentences back where a definite event noun with no doer finds the event it names again
_ANAPHORIC = ATTACKS | {"SANCTION"}  # (not "الحكم" after an arrest: the court sentences, not the police)
HONORIFIC_REACH = 3  # sentences back where the person an honorific pronoun ("سموه") stands for is named
_HONORIFICS = _norms("سموه", "سموها", "معاليه", "معاليها", "فخامته", "جلالته", "سعادته", "سعادتها", "سماحته",
                     "دولته", "نيافته", "غبطته")
# who an honorific cannot stand for, by the person's knowledge-base subtype (an unknown subtype fits any):
# سمو for princes, معالي for ministers, فخامة for presidents, جلالة for kings, سماحة for clerics
_HONORIFIC_MISFITS: dict[str, frozenset[str]] = {
    **dict.fromkeys(_norms("سموه", "سموها"), frozenset({"head_of_state", "head_of_government", "religious"})),
    **dict.fromkeys(_norms("معاليه", "معاليها", "سعادته", "سعادتها"), frozenset({"head_of_state", "royal"})),
    **dict.fromkeys(_norms("فخامته", "دولته"), frozenset({"royal", "minister", "official", "diplomat", "military",
                                                         "religious", "athlete", "militant"})),
    **dict.fromkeys(_norms("جلالته"), frozenset({"minister", "official", "diplomat", "military", "religious",
                                                 "athlete", "militant", "head_of_government"})),
    **dict.fromkeys(_norms("سماحته", "نيافته", "غبطته"), frozenset({"head_of_state", "head_of_government", "royal",
                                                                    "minister", "athlete", "militant"})),
}
_NOT_PERSONS = frozenset({"name_fragment", "currency", "common_noun"})


_TITLE_GAP = 30  # characters between a title phrase and the name it leads to ("مدير المرصد رامي عبد الرحمن")


_NEWSPAPER_ANAPHORS = _norms("الصحيفة", "الجريدة", "المجلة")
_NEWSPAPER_NAMED = re.compile(r"(?<!\w)[وفبل]?(?:صحيفة|جريدة|مجلة)\s+([«\"“]?)(\w+)")


def _the_newspaper(words: str) -> bool:
    """"الصحيفة", "الصحيفة البريطانية": the newspaper, with at most its nisba adjectives (it names none)."""
    parts = [normalize_for_matching(w) for w in words.split()]
    return bool(parts) and parts[0] in _NEWSPAPER_ANAPHORS and all(
        p.startswith("ال") and p.endswith("يه") for p in parts[1:3]) and len(parts) <= 3


def newspaper_speakers(quotes: list[QuoteRow], mentions: Sequence[Mention], text: str) -> list[QuoteRow]:
    """A speaker named only "الصحيفة" ("وأضافت الصحيفة أن …") is the newspaper the document named last before
    the verb ("ذكرت صحيفة الحياة", 'صحيفة «هآرتس»'; its entity when the tagger found the name;
    ``speaker_source`` = 'newspaper', speaker_text keeps "الصحيفة"). With no newspaper named before (or only
    an unnamed one, "صحيفة أمريكية") nobody is quoted and the row is dropped."""
    out: list[QuoteRow] = []
    for q in quotes:
        if q.speaker_id is None and q.speaker_text and _the_newspaper(q.speaker_text):
            named = [m for m in _NEWSPAPER_NAMED.finditer(text, 0, q.verb_start)
                     if m.group(1) or not _indefinite_nisba(normalize_for_matching(m.group(2)))]
            if not named:
                continue
            at = (named[-1].start(1), named[-1].start(2))
            who = next((m for m in mentions if m.participant and m.start in at), None)
            q = replace(q, speaker_id=who.entity_id if who else None,
                        speaker_country=who.country_code if who else None, speaker_source="newspaper")
        out.append(q)
    return out


def titled_speakers(quotes: list[QuoteRow], persons: Sequence[Mention], starts: list[int], text: str
                    ) -> list[QuoteRow]:
    """A speaker named only by a title ("وقال مدير المرصد") is the person the document named with that very title
    before the verb ("وقال مدير المرصد رامي عبد الرحمن …"): the last place the title's words stand right before a
    person's name (titles of his own, "اللواء", "الدكتور", may come between) (``speaker_source`` = 'title';
    speaker_text keeps the title). ``persons`` come sorted by offset, ``starts`` are their start offsets."""
    out: list[QuoteRow] = []
    holders: dict[str, tuple[list[int], list[Mention]]] = {}
    for q in quotes:
        if q.speaker_id is None and q.speaker_text:
            who = _title_holder(q.speaker_text, persons, starts, text, q.verb_start, holders)
            if who is not None:
                q = replace(q, speaker_id=who.entity_id, speaker_country=who.country_code, speaker_source="title")
        out.append(q)
    return out


def _title_holder(title: str, persons: Sequence[Mention], starts: list[int], text: str, before: int,
                  holders: dict[str, tuple[list[int], list[Mention]]]) -> Mention | None:
    """The person named right after the last occurrence of ``title`` that ends before offset ``before`` (see
    :func:`_title_holders`; ``holders`` keeps each title's occurrences for the document)."""
    if title not in holders:
        holders[title] = _title_holders(title, persons, starts, text)
    ends, who_at = holders[title]
    k = bisect.bisect_right(ends, before)
    return who_at[k - 1] if k else None


def _title_holders(title: str, persons: Sequence[Mention], starts: list[int], text: str
                   ) -> tuple[list[int], list[Mention]]:
    """When ``title`` is a title phrase ("مدير المرصد", or one definite title word, "المحامي"), the end offsets of
    its occurrences that a person's name follows right after (titles of his own may come between) and those
    persons, in text order (``starts``: the persons' start offsets, sorted); one pass over the document, so
    that a title a long document repeats thousands of times costs no search per quotation."""
    words = title.split()
    if not words or not _is_title_word(normalize_for_matching(words[0])) or (
            len(words) == 1 and not normalize_for_matching(words[0]).startswith("ال")):
        return [], []  # (one word only when definite: "وقال المحامي" after "المحامي خالد أبو راشد")
    ends: list[int] = []
    who_at: list[Mention] = []
    at = text.find(title)
    while at >= 0:
        end = at + len(title)
        k = bisect.bisect_left(starts, end)
        while k < len(persons) and persons[k].start <= end + _TITLE_GAP:
            gap = text[end : persons[k].start].replace("،", " ").replace(",", " ").split()
            if all(_is_title_word(normalize_for_matching(w)) for w in gap):
                ends.append(end)
                who_at.append(persons[k])
                break
            k += 1
        at = text.find(title, end)
    return ends, who_at


def honorific_speakers(quotes: list[QuoteRow], persons: Sequence[Mention], sentences: Sequence[tuple[int, int]],
                       text: str) -> list[QuoteRow]:
    """A speaker named only by an honorific pronoun ("وقال سموه", "وأكد معاليه") is the last person the
    document names before the verb, within ``HONORIFIC_REACH`` sentences, that the honorific can name (not a
    president for معاليه; for سموه a prince — a name after الأمير — first) (``speaker_source`` = 'pronoun')."""
    starts = [m.start for m in persons]
    out: list[QuoteRow] = []
    for q in quotes:
        pronoun = normalize_for_matching(q.speaker_text.split()[0]) if q.speaker_text else ""
        if q.speaker_id is None and pronoun in _HONORIFICS:
            who = _honorific_holder(pronoun, q.verb_start, q.sentence_idx, persons, starts, sentences, text)
            if who is not None:
                q = replace(q, speaker_id=who.entity_id, speaker_country=who.country_code, speaker_source="pronoun")
        out.append(q)
    return out


def _honorific_holder(pronoun: str, before: int, sentence_idx: int, persons: Sequence[Mention], starts: list[int],
                      sentences: Sequence[tuple[int, int]], text: str) -> Mention | None:
    """The person an honorific pronoun ("سموه", "معاليه") stands for: the last one named before offset ``before``
    within ``HONORIFIC_REACH`` sentences that the honorific can name (for سموه a prince first)."""
    earliest = sentences[max(0, sentence_idx - HONORIFIC_REACH)][0]
    misfits = _HONORIFIC_MISFITS.get(pronoun, frozenset()) | _NOT_PERSONS
    last = bisect.bisect_left(starts, before)
    fits = [m for m in persons[:last] if m.start >= earliest and m.subtype not in misfits
            and not (pronoun in _PRINCELY and normalize_for_matching(text[m.start : m.end]).startswith(_KINGLY))]
    if pronoun in _PRINCELY:  # "وقال سموه": the prince named last, else the last person who fits
        fits = [m for m in fits if _after_prince_title(text, m)] or fits
    return fits[-1] if fits else None


def honorific_doers(rows: list[EventMentionRow], persons: Sequence[Mention], sentences: Sequence[tuple[int, int]],
                    text: str) -> list[EventMentionRow]:
    """An event whose doer is only an honorific pronoun ("أثناء زيارة سموه لمصر") is done by the person it stands
    for, as a quotation's speaker is (``actor_text`` keeps the pronoun)."""
    starts = [m.start for m in persons]
    out: list[EventMentionRow] = []
    for r in rows:
        pronoun = normalize_for_matching(r.actor_text) if r.actor_text else ""
        if not r.actor_ids and pronoun in _HONORIFICS:
            who = _honorific_holder(pronoun, r.trigger_start, r.sentence_idx, persons, starts, sentences, text)
            if who is not None and who.entity_id not in r.recipient_ids:
                r = replace(r, actor_ids=[who.entity_id], actor_countries=sorted(
                    {*r.actor_countries, *([who.country_code] if who.country_code else [])}))
        out.append(r)
    return out


_PRINCELY = _norms("سموه", "سموها")
_KINGLY = tuple(_norms("خادم الحرمين", "الملك", "ملك"))
_PRINCE_TITLE = re.compile(r"(?:الأمير|الامير|الأميرة|الاميرة|سمو)\s+$")


def _after_prince_title(text: str, m: Mention) -> bool:
    """The person's name follows الأمير/الأميرة/سمو ("صاحب السمو الملكي الأمير فيصل بن خالد")."""
    return bool(_PRINCE_TITLE.search(text[max(0, m.start - 12) : m.start])) or text[m.start : m.end].startswith(
        ("الأمير", "الامير", "الأميرة"))


_OPENING_WORDS = frozenset({"", "و", "ف", "كما", "ثم", "وكما"})  # before a verb that opens its sentence
# "but he" before a verb that opens its sentence: the pronoun is the previous speaker ("لكنه أضاف أن …")
_PRONOUN_OPENERS = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها", "إلا أنه", "إلا أنها", "الا انه", "الا انها",
                              "غير أنه", "غير أنها", "غير انه", "غير انها"})
SPEAKER_CARRY = 2  # sentences back where the previous quotation's speaker still speaks for "وأضاف"
SPEAKER_CARRY_FAR = 5  # … and further back, when no other person is named in between


_STATEMENT_NOUNS = _norms("بيان", "بيانا", "البيان", "تقرير", "التقرير")
_ISSUED_BY = _norms("صادر", "الصادر", "صدر", "عن", "من")


_CAME = _norms("جاء", "وجاء")


def _came_in_statement(sent: _Sentence, i: int) -> bool:
    """"وجاء في بيان للوزارة أن …": it says so in a statement, which speaks (the verb at ``i``, then في and a
    statement noun)."""
    return sent.norms[i] in _CAME and i + 2 < len(sent.tokens) and sent.norms[i + 1] == "في" and (
        sent.norms[i + 2] in _STATEMENT_NOUNS)


def _statement_issuer(sent: _Sentence, k: int, hi: int) -> tuple[Mention | None, str | None, int] | None:
    """Who issued a statement named at token ``k - 1`` ("بيان"): a named body right after it, after لـ, or after
    "صادر عن"; else a definite noun glued to لـ ("للوزارة": the ministry's words). None when it names nobody."""
    end = min(hi, len(sent.tokens), k + 4)
    while k < end and sent.owner[k] < 0 and sent.norms[k] in _ISSUED_BY:
        k += 1
    if k >= end:
        return None
    m = sent.mention_at(k)
    if m is not None and m.participant and sent.owner[k - 1] != sent.owner[k]:  # (k ≥ 1: after the noun)
        return m, None, max(k + 1, sent.token_of(m.end))
    word = sent.tokens[k].text
    if m is None and word.startswith("لل") and len(word) > 4:
        return None, "ال" + word[2:], k + 1  # "بيان للوزارة": الوزارة
    return None


def _words_before(text: str, sentence_start: int, verb_start: int) -> str:
    """The words of a sentence before its verb, without the spaces, quote marks and dashes around them."""
    return text[sentence_start:verb_start].strip(" \t\n\"'«“(-—–")


def _headline_start(sent: _Sentence, i: int) -> bool:
    """A verbal noun (token ``i``) opens the document's first sentence, its title, alone or after a place and a
    colon ("القبض على 22 باكستانيا في حملة …", "تونس: اعتقال شبكة كانت تخطط …"): a title reports what happened
    (not after a person and a colon, "النجيفي: مظاهرات العراقيين نتاج فشل …": what he said)."""
    before = _words_before(sent.text, sent.start, sent.tokens[i].start)
    if before in _OPENING_WORDS:
        return True
    if i < 2 or sent.tokens[i - 1].text != ":" or i > 4:
        return False
    return all((m := sent.mention_at(k)) is not None and m.place for k in range(i - 1))


def _opens_sentence(text: str, sentence_start: int, verb_start: int) -> bool:
    """Only an opening word ("و", "كما", "ثم") stands between the sentence start and the verb."""
    return _words_before(text, sentence_start, verb_start) in _OPENING_WORDS


_SAID_STRIP = " \t\n\r\"'«»“”().,:;؛،!?؟-—–"


def _said_before(text: str, previous: tuple[int, int]) -> tuple[int, int, str] | None:
    """The previous sentence of the document ``text`` as what was said: its offsets without the whitespace,
    quotation marks and punctuation around it; None when nothing is left or it is a heading-length scrap."""
    start, end = previous
    while start < end and text[start] in _SAID_STRIP:
        start += 1
    while end > start and text[end - 1] in _SAID_STRIP:
        end -= 1
    return (start, end, "indirect") if end - start >= 15 else None


def _topic_first(sent: _Sentence, i: int) -> bool:
    """The sentence opens with the topic of what the verb at ``i`` says ("وعن …", "وحول …", "وبشأن …") and no
    other verb or punctuation but a comma stands between: the words before the verb are no speaker."""
    return 1 < i <= TOPIC_WORDS and sent.norms[0] in _TOPIC_HEADS and not any(
        (sent.tokens[k].text in SEPARATORS and sent.tokens[k].text not in ("،", ",")) or sent.norms[k] in THAT
        or (match_reporting(sent.norms[k]) is not None and sent.norms[k] not in _BETWEEN)
        or sent.norms[k] in _SPOKE or sent.norms[k][1:] in _SPOKE  # ("وحول المعرض تحدث رئيس النادي … فقال")
        for k in range(1, i))


TOPIC_WORDS = 14  # tokens a topic opening its sentence may take before the verb
_TOPIC_HEADS = _norms("وعن", "عن", "وحول", "حول", "وبشأن", "بشأن", "وبخصوص", "بخصوص")  # not "وفيما" (while)
_BETWEEN = _norms("بين", "وبين")  # the preposition, spelt like the reporting verb بيّن


def carry_speakers(quotes: list[QuoteRow], sentences: list[tuple[int, int]], text: str,
                   doers: Sequence[tuple[int, int, Mention]] = (), said_at: Sequence[int] = (),
                   persons: Sequence[tuple[int, str]] = ()) -> list[QuoteRow]:
    """A quotation whose verb opens its sentence with no speaker ("وأضاف أن …", "وتابع: …", "لكنه أضاف أن …")
    speaks for the speaker of the document's previous quotation, when that one is at most ``SPEAKER_CARRY``
    sentences back, or ``SPEAKER_CARRY_FAR`` when no other person is named in between (``persons``: (offset,
    entity id) of the document's person mentions, in order); with no such quotation, a verb after "و" or "ثم"
    speaks for the person who did the last event before it in ``SPEAKER_CARRY``, when no reporting verb stands
    between them ("وانتقد عباس … . وقال إن …"; ``doers``: (trigger offset, sentence, person) of events with a
    verb trigger, ``said_at``: every reporting verb's offset, both in document order) (``speaker_source`` =
    'previous')."""
    out: list[QuoteRow] = []
    last: QuoteRow | None = None
    offsets = [d[0] for d in doers]
    person_at = [p[0] for p in persons]

    def others_between(a: int, b: int, speaker: str | None) -> bool:
        lo, hi = bisect.bisect_left(person_at, a), bisect.bisect_left(person_at, b)
        return any(persons[k][1] != speaker for k in range(lo, hi))

    for q in quotes:
        before = _words_before(text, sentences[q.sentence_idx][0], q.verb_start)
        opens = before in _OPENING_WORDS or before in _PRONOUN_OPENERS or (
            # "وعن معسكر الفريق قال: …", "وعن ترشحه لخلافة بلاتر قال إن …": the topic first, then the verb
            normalize_for_matching(before.split(" ", 1)[0]) in _TOPIC_OPENERS)
        if q.speaker_source is None and last is not None and opens and (
                q.sentence_idx - last.sentence_idx <= SPEAKER_CARRY or (
                q.sentence_idx - last.sentence_idx <= SPEAKER_CARRY_FAR
                and not others_between(last.verb_end, q.verb_start, last.speaker_id))):
            q = replace(q, speaker_id=last.speaker_id, speaker_text=last.speaker_text,
                        speaker_country=last.speaker_country, speaker_source="previous")
        elif q.speaker_source is None and opens and before and (
                k := bisect.bisect_left(offsets, q.verb_start)) > 0 and (
                q.sentence_idx - doers[k - 1][1] <= SPEAKER_CARRY) and (
                bisect.bisect_left(said_at, q.verb_start) == bisect.bisect_right(said_at, doers[k - 1][0])):
            who = doers[k - 1][2]
            q = replace(q, speaker_id=who.entity_id, speaker_country=who.country_code, speaker_source="previous")
        if q.speaker_source is not None:
            last = q
        out.append(q)
    return out


# --- quotations -------------------------------------------------------------------------------------------
# a sentence that opens with its topic ("وعن معسكر الفريق قال: …") then quotes the document's last speaker
_TOPIC_OPENERS = _norms("وعن", "عن", "وحول", "حول", "وبشأن", "بشأن", "وبخصوص", "بخصوص", "وفيما", "وردا")
# words for a source of figures, not of words: "بينت الدراسة", "وأشارت الإحصائية": nobody to quote
UNNAMED_SOURCES = _norms("الدراسة", "دراسة", "دراسات", "الدراسات", "الإحصاءات", "البيانات", "الأرقام", "النتائج",
                         "نتائج", "أرقام", "إحصاءات", "بيانات", "مؤشرات", "المؤشرات", "تقديرات", "التقديرات",
                         "استطلاع", "الاستطلاع", "التوقعات", "توقعات", "النشرة", "نشرة", "إحصائية", "الإحصائية",
                         "المادة", "مادة", "معلومات", "المعلومات", "الصحيفة", "صحيفة")
# unnamed people speaking ("وقالت مصادر محلية", "وأكد شهود عيان"): quoted, with their words as the speaker
UNNAMED_SPEAKERS = _norms("مصادر", "المصادر", "مصدر", "المصدر", "تقارير", "التقارير", "التقرير", "تقرير", "ناشطون",
                          "الناشطون", "شهود", "مراقبون", "المراقبون", "محللون", "المحللون", "خبراء", "الخبراء",
                          "أنباء", "الأنباء", "سكان", "السكان")
# reporting forms that are also other words: بين "between", يذكر "it is worth mentioning", تبين "it appeared"
_IMPERSONAL = _norms("يذكر", "تبين", "يتبين", "يتوقع", "يعتقد", "يبدو", "يلاحظ")
_AMBIGUOUS_REPORTING = _norms("بين", "تبين", "يذكر", "ذكر", "يقدر", "قدر", "يرى", "تابع", "تابعت", "يتابع", "تتابع",
                               "تابعوا", "يتابعون", "رأوا",
                               "تقول", "يقول", "علق", "علقت", "يعلق", "تعلق")
# (علق: also "suspended", "hung"; تابع: also "followed", "went on with")


# after these the form of a reporting verb is its verbal noun ("على كشف", "عدم ذكر")
_PRONOUN_OBJECTS = _norms("فيه", "فيها", "له", "لها", "لهم", "لنا")


def _content_follows(sent: _Sentence, i: int, reach: int = 16) -> bool:
    """True when إن/أن or a colon follows token ``i`` before the end of its clause ("يقول منظم الفعالية
    الفنان الشاب عوض زارب: إن …")."""
    for k in range(i + 1, min(len(sent.tokens), i + reach)):
        if sent.tokens[k].text == ":" or sent.norms[k] in THAT:
            return True
        if sent.tokens[k].text in SEPARATORS:
            return False
    return False


def _bayyana(sent: _Sentence, i: int, cut: int) -> bool:
    """True when "بين" at token ``i`` is the verb بيّن ("explained"), not the preposition "between". Inside a
    clause it is the verb only right before إن/أن ("كلمة بين فيها أن"); opening a clause ("وبين الفواز أن")
    its content (إن/أن or a colon) must follow before the next comma — "وبين الهلال والنصر مباراة" has none."""
    norms, toks = sent.norms, sent.tokens
    nxt = norms[i + 1 : i + 3]
    if nxt and (nxt[0] in THAT or (nxt[0] in _PRONOUN_OBJECTS and len(nxt) > 1 and nxt[1] in THAT)):
        return True
    if cut == 0 and i > 0 and toks[i - 1].text not in SEPARATORS and toks[i - 1].text not in QUOTE_CLOSE:
        return False
    if _content_follows(sent, i):
        return True
    m = sent.mention_at(i + 1)
    return ((m is not None and m.type == EntityType.PER and m.start == toks[i + 1].start)
            or (i + 1 < len(norms) and _is_title_word(norms[i + 1]))) and _content_after_apposition(sent, i)


def _content_after_apposition(sent: _Sentence, i: int, reach: int = 30) -> bool:
    """True when a speaker named right after token ``i`` is followed by an apposition between commas and then
    by إن/أن ("بين الدكتور سالم باعجاجه، وكيل كلية العلوم الإدارية في جامعة الطائف، أن …"): the commas
    close the apposition, not the clause. No verb may stand in it."""
    commas = 0
    for k in range(i + 1, min(len(sent.tokens), i + reach)):
        text = sent.tokens[k].text
        if sent.norms[k] in THAT:
            return commas > 0 and sent.tokens[k - 1].text in ("،", ",")
        if text in ("،", ","):
            commas += 1
            continue
        if text in SEPARATORS or commas > 2 or (sent.mention_at(k) is None and _verb_form(text)
                                                and k > i + 1 and sent.tokens[k - 1].text in ("،", ",")):
            return False
    return False


def _reporting_verbs(sent: _Sentence, is_name: frozenset[str], taken: set[int]) -> list[tuple[int, int, bool]]:
    """(token, proclitic length, denies) of the reporting verbs of the sentence that open a statement: not an
    event trigger, not the second verb of the same speaker's statement ("قال … مشيرا إلى أن", "وأضاف … مؤكدا"),
    and for the words that are also something else (بين, يذكر) only with a speaker or إن/أن right after."""
    out: list[tuple[int, int, bool]] = []
    for i, tok in enumerate(sent.tokens):
        if i in taken or sent.owner[i] >= 0 or sent.norms[i] in is_name:
            continue
        if sent.norms[i] in _SAYINGS and _saying_source(sent, i) is not None:
            out.append((i, 0, False))  # "نقلت الوكالة عن الوزير قوله": his saying, reported
            continue
        if _came_in_statement(sent, i):
            out.append((i, 1 if sent.norms[i][:1] == "و" else 0, False))  # "وجاء في بيان للوزارة أن …"
            continue
        hit = match_reporting(tok.text)
        if hit is None:
            continue
        word = normalize_for_matching(tok.text[hit[0] :])
        if tok.text.endswith("ه") and word in load_event_lexicon().reporting_participles:
            continue  # "مع مضيفه النرويجي": its host (ه, a pronoun), not the participle "مضيفة" (ة)
        if word in _first_person_reporting():
            continue  # "أقول لكم", "نؤكد أن": the writer's own voice (or a quotation's, said by its verb)
        if i > 0 and sent.norms[i - 1] in _MAY_QAD and word in load_event_lexicon().reporting_imperfect:
            continue  # "وقد يتساءل البعض", "وقد يقول قائل": may ask, may say
        after = sent.norms[i + 1] if i + 1 < len(sent.norms) else ""
        if word in _ESTIMATED and (after[:1] == "ب" or after == "ما" or _is_number(after) or (
                after in _ESTIMATED_WHAT and (i == 0 or sent.mention_at(i - 1) is None))):
            continue  # "تقدر بنحو", "ثروة تقدر ما بين", "لا تقدر بثمن", "وقدرت كلفة الجولة بين": a value (the
            # thing estimated right after the verb is a passive's subject), nobody speaks
        if word in _WORTH_MENTIONING and i >= 2 and not sent.norms[i - 1].startswith("ال") and any(
                sent.norms[k] in _WITHOUT_ANY for k in range(max(0, i - 3), i - 1)):
            continue  # "دونما تغير يذكر", "دون أي فائدة تذكر": worth mentioning
        if i + 1 < len(sent.norms) and sent.norms[i + 1] == "لي":
            continue  # "وقال لي مدير النادي", "تبين لي": told the writer — a column's anecdote, not the news
        if word in _DREW and i + 1 < len(sent.norms) and sent.norms[i + 1] in _ATTENTION:
            continue  # "ولفتت أنظارهم", "يلفت الانتباه": drew attention, no statement
        nxt = sent.norms[i + 1 : i + 4]
        if word in _IMPERSONAL and nxt and nxt[0] in THAT:
            continue  # "ويذكر أن", "وتبين أن": a formula, nobody speaks
        if i > 0 and sent.norms[i - 1] in _NOUN_BEFORE:
            continue  # "على كشف هويتهما", "بعد إعلان": after a preposition the form is a verbal noun
        if word == "بين" and not _bayyana(sent, i, hit[0]):
            continue  # "العلاقات بين المملكة والولايات المتحدة": "between"
        if word in _AMBIGUOUS_REPORTING:
            # "حسب ما ذكر المرصد", "كما ذكر البنك المركزي.": a perfect after "as" attributes what came before
            attributes = _as_said(sent, i) and word not in load_event_lexicon().reporting_imperfect
            if (i > 0 and sent.norms[i - 1] in _norms("من", "ما") and not attributes) or not (
                    any(w in THAT or w == ":" for w in nxt) or _content_follows(sent, i)
                    or (i + 1 < len(sent.tokens) and (sent.tokens[i + 1].text in QUOTE_OPEN or (
                        sent.norms[i + 1] in _SAYING_ON)))  # 'وتابع "لن نكرر …"', "وتابع بالقول"
                    or sent.mention_at(i + 1) is not None
                    or (i + 1 < len(sent.norms) and _is_title_word(sent.norms[i + 1]))
                    or (attributes and nxt and nxt[0].startswith("ال"))):
                continue
        if word in _SPOKE and not _spoke_about(sent, i):
            continue  # "ويتحدث إلى مصاب", "التقارير التي تحدثت": no named speaker talking about something
        if word in load_event_lexicon().reporting_participles and any(t < i for t in taken):
            continue  # "ندد كاميرون … قائلا", "ودعا إلى … مشيرا إلى": the event's actor going on, no statement
        if out:  # a second verb opens a new statement only with a speaker of its own right at it
            own = (sent.mention_at(i + 1) is not None or sent.mention_at(i - 1) is not None
                   or (i + 1 < len(sent.norms) and (_is_title_word(sent.norms[i + 1])
                                                    or sent.norms[i + 1] in _HONORIFICS))  # "وقال سموه"
                   or (i + 2 < len(sent.norms) and sent.norms[i + 1] in _PREPOSITION_PRONOUNS
                       and sent.mention_at(i + 2) is not None))  # "وفق ما أفادت به وزارة الداخلية"
            if not own or word.endswith("ا"):  # "مشيرا", "مؤكدا": the same speaker goes on
                continue
        out.append((i, hit[0], hit[1]))
    return out


_SPOKE = _norms("تحدث", "تحدثت", "يتحدث", "تتحدث", "تحدثوا", "يتحدثون", "سيتحدث", "تحدثا")
_DURING_IT = _norms("خلالها", "خلاله", "فيها", "فيه")
_DURING_WHICH = _norms("خلالها", "خلاله")  # "زيارة … التقى خلالها …": a visit, and a meeting during it
_ABOUT = _norms("عن", "عما")
SPOKE_REACH = 12  # tokens after تحدث where its عن may stand ("تحدث إمام وخطيب المسجد النبوي الشيخ … عن")


def _spoke_about(sent: _Sentence, i: int) -> bool:
    """تحدث at token ``i`` reports what was said: عن (about) further on in its clause ("وتحدث الوزير الألماني
    عن مأساة …", "تحدث خلالها عن"), not in a relative clause ("التقارير التي تحدثت عن": a source, no speaker)
    and not to or with someone ("ويتحدث إلى مصاب")."""
    if i > 0 and sent.norms[i - 1] in _WHO:
        return False
    k = i + 1
    while k < len(sent.tokens) and sent.norms[k] in _DURING_IT:
        k += 1
    verb = normalize_for_matching(sent.tokens[i].text)
    bare = verb[1:] if verb[:1] in ("و", "ف") else verb
    if (i == 0 or (i == 1 and sent.norms[0] in _OPENING_WORDS)) and k < len(sent.tokens) and (
            sent.norms[k] in _ABOUT) and bare == "تحدث":
        return True  # "وتحدث عن …" opening its sentence: the speaker of the sentence before ("وتتحدث عن":
        # mostly a book or a film the sentence before named)
    named = False
    for t in range(i + 1, min(len(sent.tokens), i + SPOKE_REACH)):
        m = sent.mention_at(t)
        named = named or (m is not None and m.type in (EntityType.PER, EntityType.ORG)) or _is_title_word(
            sent.norms[t]) or sent.norms[t] in _HONORIFICS  # "وتحدث سموه عما …"
        if sent.norms[t] in _ABOUT:
            return named  # a person, a body or a title speaks, not "تتحدث الرواية عن"
        if sent.tokens[t].text in SEPARATORS or sent.norms[t] in _TO or sent.norms[t] == "مع":
            return False
    return False


_DREW = _norms("لفت", "لفتت", "يلفت", "تلفت", "لفتوا", "يلفتون")
_SAYING_ON = _norms("بالقول", "قائلا", "قائلة", "قائلين")
_ESTIMATED = _norms("قدر", "قدرت", "يقدر", "تقدر", "قدرها", "يقدرها", "تقدرها")
_ESTIMATED_WHAT = _norms("تكلفة", "كلفة", "التكلفة", "الكلفة", "قيمة", "القيمة", "حجم", "عدد", "مشاركة", "خسائر",
                         "الخسائر", "أرباح", "الأرباح", "ثروة", "ثروته", "مساحة", "المساحة")
_WORTH_MENTIONING = _norms("يذكر", "تذكر")
_WITHOUT_ANY = _norms("دون", "دونما", "بدون", "بلا", "أي", "أية", "لا", "ولا", "لم", "ولم")
_ATTENTION = _norms("الأنظار", "أنظار", "أنظارهم", "أنظارنا", "الانتباه", "انتباه", "انتباهي", "انتباهه",
                    "انتباههم", "الاهتمام", "النظر", "نظر")


@cache
def _first_person_reporting() -> frozenset[str]:
    """First-person forms of the reporting verbs ("أقول", "نؤكد", "أشير"), from their third-person imperfects;
    never a form that is also a perfect ("أوضح": I clarify / he clarified)."""
    lex = load_event_lexicon()
    third = {f for f in lex.reporting_imperfect if f[:1] == "ي" and not f.endswith(("ون", "ان"))}
    forms = {p + f[1:] for f in third for p in ("ا", "ن")}
    return frozenset(f for f in forms if f not in lex.reporting and match_trigger(f) is None)


def _past_told_outlet(sent: _Sentence, k: int, hi: int) -> int:
    """The token after an outlet a statement was told to, when one stands at ``k`` ('أكد ل"الرياض" أسامة
    النجيفي …', "قال لـ«عكاظ» المتحدث …"): ل or لـ, an opening quote, the outlet, the closing quote."""
    if k + 1 >= hi:
        return k
    m = sent.mention_at(k)
    if m is not None and m.type == EntityType.ORG and sent.tokens[k].text[:1] == "ل" and (
            m.start == sent.tokens[k].start + 1) and sent.mention_at(k - 1) is not m:
        end = sent.token_of(m.end)  # "وقال لعكاظ المتحدث …": the outlet glued to لـ
        return end if end < hi else k
    if sent.norms[k] not in ("ل", "لـ"):
        return k
    m = sent.mention_at(k + 1)
    if m is not None and m.type == EntityType.ORG and sent.tokens[k + 1].start == m.start:
        end = sent.token_of(m.end)  # "قال لـ الشرق الأوسط المتحدث …"
        return end if end < hi else k
    if k + 2 >= hi or sent.tokens[k + 1].text not in QUOTE_OPEN:
        return k
    close = next((t for t in range(k + 2, min(hi, k + 7)) if sent.tokens[t].text in QUOTE_CLOSE), None)
    return close + 1 if close is not None and close + 1 < hi else k


def _past_outlet_after_speaker(sent: _Sentence, k: int, hi: int) -> int:
    """The token after an outlet a statement was told to when it follows the speaker at ``k``, past a comma
    ("كشف المستشار …، ل«الشرق الأوسط» عن …"), else ``k``: an outlet in quotes, or a mention the entities
    table calls an outlet (after a speaker a plain ل + body is more often the rest of his title)."""
    told = k
    while told < len(sent.tokens) - 1 and sent.tokens[told].text in (",", "،"):
        told += 1
    outlet = sent.mention_at(told) or (sent.mention_at(told + 1) if told + 1 < len(sent.tokens) else None)
    quoted = told + 1 < len(sent.tokens) and sent.tokens[told + 1].text in QUOTE_OPEN
    if not quoted and (outlet is None or outlet.subtype != "outlet"):
        return k
    past = _past_told_outlet(sent, told, hi)
    return past if past > told else k


_SAYINGS = _norms("قوله", "قولها", "قولهم", "قولهما", "قولهن")
SAYING_REACH = 15  # tokens before "قوله" where "عن" + the one who said it may stand


def _saying_source(sent: _Sentence, i: int) -> tuple[Mention | None, str | None] | None:
    """Who said what "قوله" (his saying) at token ``i`` reports: the name after the nearest عن before it, in
    its clause ("ونقلت «رويترز» عن المبادرين للاقتراح قولهم، إنهم …", "نقلت الوكالة عن وزير الخارجية عادل
    الجبير قوله"); (None, words) when no name stands there; None without عن."""
    for k in range(i - 1, max(-1, i - SAYING_REACH), -1):
        if sent.tokens[k].text in SEPARATORS and sent.tokens[k].text not in ("«", "»"):
            return None
        if sent.norms[k] == "عن" and k + 1 < i:
            named = [m for t in range(k + 1, i) if (m := sent.mention_at(t)) is not None and m.participant]
            persons = [m for m in named if m.type == EntityType.PER]
            if persons or named:
                return (persons or named)[0], None
            words = sent.text[sent.tokens[k + 1].start : sent.tokens[i - 1].end].strip(" «»\"“”")
            return (None, words) if words else None
    return None


_DEMONSTRATIVES = _norms("ذلك", "بذلك", "بهذا")  # "أوضح ذلك اللواء …", "صرح بذلك المتحدث …"
_DETERMINERS = _norms("هذا", "هذه")  # the object only before a word without ال ("أكد هذا مدير …", not "هذا المستوى")
_SCRIPTURE = _norms("الله", "رسول", "الرسول", "النبي", "نبي", "تعالى", "سبحانه", "صلى", "عز", "جل")
_MEMBERSHIP = _norms("من", "أحد", "احد", "إحدى", "احدى", "واحدا", "واحدة", "أكبر", "أهم", "أبرز", "أفضل", "أكثر")
_CONSIDERED = _norms("اعتبر", "يعتبر", "تعتبر", "اعتبرت", "تعتبران", "يعتبران")


def _of_things(sent: _Sentence, i: int, cut: int) -> bool:
    """True for a reporting form that, without a named speaker or a content marker, says something of a
    thing: "is considered" (يعتبر/تعتبر) or an imperfect in a description ("أدلة تؤكد", "خريطة توضح").
    A perfect verb with a subject of words is still a statement ("وأكد البيان عدم صحة …")."""
    word = normalize_for_matching(sent.tokens[i].text[cut:])
    return word in _CONSIDERED or word in load_event_lexicon().reporting_imperfect


def _long_quotation(sent: _Sentence, k: int) -> bool:
    """The quotation mark at token ``k`` opens ``QUOTATION_WORDS`` words or more (not a quoted name: «فيفا»)."""
    close = next((q for q in range(k + 1, len(sent.tokens)) if sent.tokens[q].text in QUOTE_CLOSE), len(sent.tokens))
    return sum(1 for q in range(k + 1, close) if sent.tokens[q].text not in SEPARATORS) >= QUOTATION_WORDS


THAT_REACH = 12  # tokens after a reporting verb where the إن/أن of what it reports may stand
# tokens after a short quotation where a comma and إن/أن show it was the speaker's name or description ('أبان علي
# الناصر "وسيط عقاري" في مكتب عقاري بالأحساء ل"الوطن"، أن …'), not what he said
ON_THE_WAY_REACH = 12
QUOTE_MARK_REACH = 22  # … and its opening quotation mark or colon


def _quote_span(sent: _Sentence, start: int, hi: int, stop: int | None = None) -> tuple[int, int, str] | None:
    """(start, end, kind) of what is said after token ``start``: between quotes, after a colon, or after
    إن/أن (indirect) — to the closing quote or the end of the sentence (an indirect one to ``stop``, the comma
    before a speech act its speaker goes on with); the quote mark, colon or إن/أن stands before ``hi`` (the
    sentence's next reporting verb, which has its own)."""
    toks = sent.tokens
    told: tuple[int, int, str] | None = None  # what follows an outlet told in quotes, when nothing else is said
    past = -1  # the closing mark of that outlet's name
    marker = -1  # the إن/أن, colon or quotation mark a quoted name or description leads to (reached past THAT_REACH)
    for k in range(start, min(len(toks), start + QUOTE_MARK_REACH, hi)):
        w = toks[k].text
        if k <= past:
            continue
        if k >= start + THAT_REACH and k != marker and not (
                w == ":" or (w in QUOTE_OPEN and _long_quotation(sent, k))):
            continue  # (a colon or a quotation further on, past a long title chain: "وقال أندرياس لوتش كبير
            # المشرفين على هذه الدراسة من المعهد الاتحادي … في برلين «…»"; not a name in quotation marks)
        if w in QUOTE_OPEN and k > 0 and _told_outlet(sent, k - 1):
            close = next((q for q in range(k + 1, min(len(toks), k + 5)) if toks[q].text in QUOTE_CLOSE), None)
            if close is not None and close + 1 < len(toks):
                # 'كشفت مصادر مطلعة ل“الوئام” حقيقة الصورة', 'أكد عدد من العاملين ل"الرياض" رصدهم': the outlet
                # told, not what it was told (that comes after it, or after إن/أن further on)
                # past the outlet's adjectives and the إن/أن or colon a few words on ('لقناة «سي بي سي» التلفزيونية
                # المصرية، أنه «يجب …»'), and the quote mark that opens what was said
                that = next((t for t in range(close + 1, min(len(toks), close + 7))
                             if sent.norms[t] in THAT or toks[t].text == ":"), None)
                after = close + 1 if that is None else that + 1
                if after >= len(toks):
                    continue  # (the colon ends the sentence: nothing said after the outlet)
                while after + 1 < len(toks) and (toks[after].text in SEPARATORS or toks[after].text in QUOTE_OPEN):
                    after += 1
                last = (stop - 1) if stop is not None and stop > after else len(toks) - 1
                while last > after and (toks[last].text in SEPARATORS or toks[last].text in QUOTE_CLOSE):
                    last -= 1
                if any(ch.isalpha() for ch in sent.text[toks[after].start : toks[last].end]):
                    told = told or (toks[after].start, toks[last].end, "indirect")
                    past = close
                    continue  # (with nothing after the outlet, 'ل"سبق"؛', the quoted name stays what was said)
        if w in QUOTE_OPEN or (w == ":" and k + 1 < len(toks)):
            first = k + 1 + (1 if w == ":" and k + 1 < len(toks) and toks[k + 1].text in QUOTE_OPEN else 0)
            if w == ":" and first + 1 < len(toks) and sent.norms[first] in THAT:
                first += 1  # "…: إن المرسم يهدف": what is said starts after إن
            if first >= len(toks):
                return None
            end = next((q for q in range(first, len(toks)) if toks[q].text in QUOTE_CLOSE and q > first), None)
            last = (end - 1) if end is not None else len(toks) - 1
            while last > first and toks[last].text in SEPARATORS:
                last -= 1
            leads_to = None if w == ":" or end is None or end - first > 2 else next((
                q for q in range(end + 1, min(len(toks), end + ON_THE_WAY_REACH))
                if (q <= end + 5 and (toks[q].text == ":" or toks[q].text in QUOTE_OPEN)) or (
                    q <= end + 3 and sent.norms[q] in THAT) or (
                    sent.norms[q] in THAT and toks[q - 1].text in (",", "،", "؛", ";"))), None)
            on_the_way = leads_to is not None
            if last >= first and not on_the_way:
                # (not a quoted name on the way to what is said: 'عبر حسابها في “تويتر” بقولها: “…”', 'ذكرت
                # قناة «العربية» أن …')
                return toks[first].start, toks[last].end, "direct"
            if leads_to is not None and end is not None:
                past, marker = end, leads_to  # (its closing mark opens nothing: '"' closes as well as opens)
        if sent.norms[k] in THAT and k + 1 < len(toks) and not (
                toks[k + 1].text == "." and toks[k + 1].start == toks[k].end) and not (
                toks[k - 1].text == "." and toks[k - 1].end == toks[k].start):  # (not "إن.بي.سي", "سي.إن.إن")
            last = (stop - 1) if stop is not None and stop > k + 1 else len(toks) - 1
            while last > k + 1 and toks[last].text in SEPARATORS:
                last -= 1
            return toks[k + 1].start, toks[last].end, "indirect"
    return told


_TOLD_HEADS = _norms("صحيفة", "جريدة", "مجلة", "قناة", "وكالة", "موقع", "إذاعة", "تلفزيون", "شبكة", "برنامج")


def _told_outlet(sent: _Sentence, k: int) -> bool:
    """Token ``k`` is the ل that addresses an outlet named next in quotes ("ل“الوئام”", "لـ«عكاظ»", "لصحيفة
    «الرأي»")."""
    norm = sent.norms[k]
    return norm in ("ل", "لـ") or sent.tokens[k].text in ("ل", "لـ") or (
        norm[:1] == "ل" and (norm[1:] in _TOLD_HEADS or norm[1:].removeprefix("ل") in _TOLD_HEADS))


_CONJUNCTIONS = _norms("أو", "او", "ثم", "بل", "لكن", "ولكن", "حتى")


def _words_before_content(sent: _Sentence, lo: int, hi: int) -> tuple[str, int] | None:
    """The words between a reporting verb and its إن/أن or colon when no name or title was recognised there
    ("أكد باتريك تاكر محلل سياسي أمريكي، أن …": a name the tagger missed): two to eight words, none a
    separator (a comma may close them), a preposition, a particle, a time word, a number or a trigger; the
    first no verb, no clause opener, no unnamed source or statement noun. Returns (words, token index of the
    إن/أن/colon)."""
    for k in range(lo, min(hi, len(sent.tokens), lo + 10)):
        if sent.norms[k] in THAT or sent.tokens[k].text == ":":
            end = k - 1 if k > lo and sent.tokens[k - 1].text in (",", "،") else k
            if end - lo < 2:
                return None
            words = sent.norms[lo:end]
            first = words[0]
            if _preposition_with_pronoun(first) or first in _CONJUNCTIONS or (
                    first[:1] == "ل" and not _word_of_its_own(first)):
                return None  # "قال لي …", "يقول للمحامي …", "قال فيهم …", "أو يتخذ …": no speaker's name
            if any(sent.tokens[t].text in SEPARATORS or sent.tokens[t].text in QUOTE_OPEN
                   or sent.tokens[t].text in QUOTE_CLOSE for t in range(lo, end)):
                return None
            if _opens_clause(first) or first in UNNAMED_SOURCES or first in _STATEMENT_NOUNS or (
                    _verb_only(first)) or any(
                    w in PLACE_PREPOSITIONS or w in RECIPIENT_PREPOSITIONS or w in _TIME_WORDS or w in PARTICLES
                    or w in _SUBORDINATORS or _is_number(w) or match_reporting(w) or match_trigger(w)
                    for w in words):
                return None
            return sent.text[sent.tokens[lo].start : sent.tokens[end - 1].end], k
        if sent.tokens[k].text in SEPARATORS and sent.tokens[k].text not in (",", "،"):
            return None
    return None


def _titled_person_after(sent: _Sentence, lo: int, hi: int) -> Mention | None:
    """The person a title's long complement leads to before what is said: the first person mention in the
    dozen tokens after ``lo``, before إن/أن, a colon, a quote mark or another reporting verb — or, when one stands
    after a comma, that one: the holder in apposition, not a person the complement names ("القيادي في حزب المؤتمر
    الفصيل المؤيد للمخلوع صالح، ياسر العواضي، عن")."""
    first: Mention | None = None
    for k in range(lo, min(hi, len(sent.tokens), lo + 12)):
        text = sent.tokens[k].text
        if sent.norms[k] in THAT or text == ":" or text in QUOTE_OPEN or (
                sent.owner[k] < 0 and match_reporting(text)):
            break
        m = sent.mention_at(k)
        if m is not None and m.participant and m.type == EntityType.PER and sent.tokens[k].start == m.start:
            if k > lo and sent.tokens[k - 1].text in (",", "،"):
                return m
            first = first or m
    return first


def _name_word(sent: _Sentence, end: int, k: int) -> bool:
    """Token ``end`` may go on a name that starts at ``k``: no mention, article, time word, إن/أن, verb or
    anything that closes a phrase."""
    word = sent.norms[end]
    return (sent.owner[end] < 0 and not word.startswith("ال") and word not in _TIME_ADVERBIAL and word not in THAT
            and any(ch.isalpha() for ch in word) and not _ends_phrase(sent, end, k, reporting_too=True)
            and not _verb_only(sent.tokens[end].text))


def _unknown_name_end(sent: _Sentence, k: int, hi: int) -> int:
    """The end of a speaker's words starting at ``k`` ("وقال محمد ناطقي إن"): up to four words with no article,
    number or word of time that run straight on to إن/أن, after a first word with no article; just the word at
    ``k`` otherwise."""
    end = k + 1
    if sent.norms[k].startswith("ال") or _opens_clause(sent.norms[k]) or sent.norms[k] in PARTICLES:
        return end  # ("وقالت الحكومة قبل عامين إن": a common noun, what follows is not its name; "أو يتخذ")
    while end < min(hi, len(sent.tokens), k + 4) and _name_word(sent, end, k):
        end += 1
    return end if end > k + 1 and end < len(sent.tokens) and sent.norms[end] in THAT else k + 1


def detect_quotes(doc_id: str, sidx: int, sent: _Sentence, verbs: list[tuple[int, int, bool]],
                  dates: list[DateMention], reference: date | None,
                  actors_before: Sequence[tuple[int, Mention]] = (),
                  previous_sentence: tuple[int, int] | None = None, ends: Sequence[int] = ()) -> list[QuoteRow]:
    """One ``quotes`` row per reporting verb that introduces a quoted or reported content. A verb whose
    subject is dropped after an event of the sentence has that event's actor as speaker ("بعث بوتين رسالة
    … أعرب فيها عن دعمه"); ``actors_before`` are (trigger token, actor) of the sentence's events. A verb with a
    demonstrative for its object ("أوضح ذلك اللواء …", "صرح بذلك المتحدث …") said the document's previous
    sentence (``previous_sentence``, its offsets in the document). A content ends before the comma of a speech
    act its speaker goes on with (``ends``: tokens of those acts, "وشدد على أن …، وأهاب بالجميع")."""
    out: list[QuoteRow] = []
    for n, (i, cut, denies) in enumerate(verbs):
        hi = verbs[n + 1][0] if n + 1 < len(verbs) else len(sent.tokens)
        came = _came_in_statement(sent, i)
        after = i + 2 if came or (i + 2 < hi and (sent.norms[i + 1] in _DEMONSTRATIVES or (  # "أوضح ذلك اللواء …"
            sent.norms[i + 1] in _DETERMINERS and not sent.norms[i + 2].startswith("ال")))) else i + 1
        after = _past_told_outlet(sent, after, hi)
        saying = sent.norms[i] in _SAYINGS
        if saying:  # "ونقلت رويترز عن الوزير قوله إن …": the one named after عن said it
            said_by = _saying_source(sent, i)
            if said_by is None:
                continue
            speaker, speaker_text, subject_end = said_by[0], said_by[1], i + 1
        else:
            speaker, speaker_text, subject_end = _predicate_subject(sent, i, after, hi, 0)
        topic_first = _topic_first(sent, i)
        if (speaker is not None or speaker_text is not None) and subject_end <= i and topic_first:
            # "وعن ترشحه لخلافة بلاتر قال: …", "وحول رؤيته لأسباب الاستسلام … الاتحاد السوفييتي، قال": the words
            # before the verb are its topic, not its speaker (the last speaker goes on, carry_speakers)
            speaker, speaker_text, subject_end = None, None, i + 1
        if speaker is not None and speaker.end <= sent.tokens[i].start and after < hi and not saying and (
                _is_title_word(sent.norms[after])):
            # "نايف عبدالله - عين اليوم أوضح الناطق الإعلامي …": a title right after a reporting verb is its
            # speaker; what stands before is a byline or a topic
            speaker, speaker_text, subject_end = _subject(sent, after, hi)
        if speaker is None and speaker_text and _is_title_word(normalize_for_matching(speaker_text.split()[0])):
            named = _titled_person_after(sent, subject_end, hi)
            if named is not None:  # "وأوضح المشرف على مركز الموهبة بالجامعة الدكتور ظافر الحماد أن …"
                speaker, speaker_text, subject_end = named, None, max(subject_end, sent.token_of(named.end))
        if speaker is None and speaker_text and not saying and subject_end == after + 1 and after < len(sent.tokens) \
                and speaker_text == sent.tokens[after].text:
            subject_end = _unknown_name_end(sent, after, hi)  # "وقال محمد ناطقي إن": a name the tagger missed
            speaker_text = sent.text[sent.tokens[after].start : sent.tokens[subject_end - 1].end]
        if after < len(sent.tokens) and sent.norms[after] in _STATEMENT_NOUNS:
            # "وأوضح بيان للوزارة أن", "وقال بيان صادر عن وزارة الداخلية إن": the body that issued the statement
            issuer = _statement_issuer(sent, after + 1, hi)
            if issuer is None and came and after + 1 < hi and sent.tokens[after + 1].text.isalpha() and (
                    _is_title_word(sent.norms[after + 1]) or _body_head(sent.norms[after + 1])):
                # "وجاء في بيان رئيس إقليم كردستان مسعود برزاني", "بيان لجنة التحقيقات": its genitive ("بيان
                # المجلس" after "مجلس القضاء الأعلى" is left to carry_speakers)
                issuer = _subject(sent, after + 1, hi)
            if issuer is not None:
                speaker, speaker_text, subject_end = issuer
            elif came and sent.norms[after].startswith("ال"):
                # "وجاء في البيان أن …": the statement named before speaks, no speaker carried over ("وجاء في بيان:"
                # after "أعلنت البحرين …" is Bahrain's, carried by carry_speakers)
                speaker, speaker_text, subject_end = None, sent.tokens[after].text, after + 1
        participle = not saying and is_participle(normalize_for_matching(sent.tokens[i].text[cut:]))
        if participle and speaker is None:
            # "…، مؤكدا ضرورة أخذ خطوات": a circumstantial participle speaks for its clause's subject (the
            # sentence's last actor, else its first person or body); the words after it are what is said
            speaker_text, subject_end = None, i + 1
            earlier = [a for k, a in actors_before if k < i]
            people = [m for k in range(i) if (m := sent.mention_at(k)) is not None and m.participant
                      and (k == 0 or sent.owner[k - 1] != sent.owner[k])]
            speaker = earlier[-1] if earlier else next((m for m in people if m.type == EntityType.PER), next(
                (m for m in people if m.type == EntityType.ORG), None))  # (a place in the clause speaks for none)
        subject_end = max(subject_end, i + 1)
        previous = [a for k, a in actors_before if k < i]
        # ("وقعت ظهر امس وقال": a time, the speaker is the sentence's actor)
        a_time = speaker_text is not None and all(
            normalize_for_matching(w) in _TIME_ADVERBIAL for w in speaker_text.split())
        if previous and speaker is None and (speaker_text is None or _opens_clause(
                normalize_for_matching(speaker_text.split()[0])) or a_time):
            speaker, speaker_text = previous[-1], None
        if speaker is None and speaker_text and (_opens_clause(normalize_for_matching(speaker_text.split()[0]))
                                                 or normalize_for_matching(speaker_text.split()[0]) in _MANNER
                                                 or len(speaker_text) < 3 or a_time):
            speaker_text = None  # "أكدوا بعد زيارتهم", "يؤكد ل«الشرق الأوسط»": no speaker there
        unnamed = None  # the words before إن/أن when no name or title stands there
        if speaker is None and speaker_text is None and not participle and not saying:
            unnamed = _words_before_content(sent, after, hi)  # "أكد باتريك تاكر محلل سياسي أمريكي، أن …"
            if unnamed is not None:
                speaker_text, subject_end = unnamed
        if speaker is None and speaker_text is None and not participle and not saying and (
                described := _described_subject(sent, i)) is not None:
            speaker = described  # "ولكن بينيتيز الذي تولى تدريب ريال مدريد …، أكد أنه": the name its clause is about
        if speaker is None and speaker_text is None and not participle and not topic_first:  # SVO: "بوتين قال إن"
            before = _last_participant(sent, max(0, i - 6), i, set())
            if before is not None and _object_of_preposition(sent, before[1]):
                before = None  # "وعن معسكر الفريق المقام حاليا في النمسا قال:": a place, not the speaker
            speaker = before[1] if before else None
        if speaker is None and speaker_text is None and not participle and not saying and i > 3 and (
                sent.tokens[i - 1].text in ("،", ",")) and not _joined_verb(sent, i):
            speaker = _topic_subject(sent, i)  # "والملا عبد المنان الشقيق الأصغر للملا عمر، وهو رجل دين، أشار إلى أن"
        if speaker is None and speaker_text is None and not participle and i > 1 and sent.norms[i - 1] in _AS_SHE:
            # "والسبب كما قالت أنها …": "as she said", the person the sentence named before
            speaker = next((m for k in range(i - 2, -1, -1) if (m := sent.mention_at(k)) is not None
                            and m.type == EntityType.PER), None)
        if speaker is None and speaker_text is None and not participle and i > 1 and _joined_verb(sent, i):
            speaker = _opening_subject(sent)  # "وبثت جبهة النصرة شريطا …، وأكدت أنهم …": the sentence's subject
        if speaker is None and not participle and i > 1 and i + 1 < len(sent.tokens) and (
                sent.norms[i + 1] in _IN_IT) and any(sent.norms[k] in _SPEECHES for k in range(max(0, i - 6), i)) and (
                (giver := next((m for k in range(i) if (m := sent.mention_at(k)) is not None
                                and m.type == EntityType.PER), None)) is not None):
            # "وألقى الشيخ عبدالمجيد العمري كلمة في حفل الافتتاح أكد فيها أن": who gave the speech
            speaker, speaker_text = giver, None
        if speaker is None and speaker_text is None and i > 1 and not topic_first and not (
                sent.norms[0] in _TOPIC_OPENERS and i + 1 < len(sent.tokens) and sent.tokens[i + 1].text == ":"):
            continue  # a speaker only the previous sentence names is taken only at the sentence start ("وقال:")
        if speaker is None and speaker_text and any(normalize_for_matching(w) in _WHO for w in speaker_text.split()):
            continue  # "بين الجانبين التي أعلن عنها", "دار بيرسون التي تؤكد": a relative clause about a thing
        if speaker is None and speaker_text and normalize_for_matching(speaker_text.split()[0]) in UNNAMED_SOURCES and (
                not _named_newspaper(speaker_text)) and not _the_newspaper(speaker_text):
            continue  # "بينت الدراسة", "وأشارت الإحصائية": figures, no one to quote ("الصحيفة": see
            # newspaper_speakers); unnamed people ("وقالت مصادر محلية") are quoted, speaker_source 'unnamed'
        if speaker is None and speaker_text and (hit := match_trigger(speaker_text.split()[0])) is not None and any(
                sense.pos == "noun" for sense in hit[1]):
            continue  # "وكشفت التحقيقات أن", "نفى سحب …": an event, no one speaking
        if speaker is None and speaker_text and normalize_for_matching(speaker_text.split()[0]) in _SCRIPTURE:
            continue  # "قال الله تعالى", "قال رسول الله": scripture quoted, not a statement of the news
        if normalize_for_matching(sent.tokens[i].text[cut:]) in _CONSIDERED and subject_end < len(sent.tokens) and (
                sent.norms[subject_end] in _MEMBERSHIP):
            continue  # "ويعتبر الهادي من المعارضين القدامى": he is considered one of them, not a statement
        content_from = subject_end if subject_end > i + 1 else i + 1
        content_from = _past_outlet_after_speaker(sent, content_from, hi)
        # a next reporting verb that opens a clause of its own ("…، وقال سموه «…»") says its own words
        bound = hi if hi < len(sent.tokens) and (sent.tokens[hi].text[:1] == "و" or (
            sent.tokens[hi - 1].text in SEPARATORS)) else len(sent.tokens)
        attributed = _attributed_before(sent, i, subject_end)
        span = (sent.tokens[attributed[0]].start, sent.tokens[attributed[1]].end, "indirect") if (
            attributed is not None) else _quote_span(sent, content_from, bound, min(
                (k - 1 for k in ends if k - 1 > content_from + 1), default=None))
        if after == i + 2 and previous_sentence is not None and i <= 1 and span is None and (
                speaker is not None or speaker_text is not None):
            said = _said_before(sent.text, previous_sentence)
            if said is None:
                continue
            span = said
        if span is None and speaker is None and ((speaker_text is not None and _of_things(sent, i, cut)) or (
                normalize_for_matching(sent.tokens[i].text[cut:]) in _CONSIDERED)):
            continue  # "وتعتبر البطولة مهمة", "أدلة تؤكد عظمة": words, no named speaker and no content marker
        if span is None:  # no quote mark, colon or إن/أن: what follows the speaker is what was said
            rest = content_from
            while rest < len(sent.tokens) and (sent.tokens[rest].text in SEPARATORS or sent.norms[rest] in (
                    "الى", "في", "على", "عن") or sent.norms[rest] in THAT):  # ("، إنه لا يرغب …")
                rest += 1
            last = bound - 1
            while last > rest and sent.tokens[last].text in SEPARATORS:
                last -= 1
            if rest > last or (rest == last and not denies):
                continue  # (one word is no statement, 'بحسب ما ذكرت صحيفة «ديلي ميل» البريطانية'; a denial is:
                # 'نفت الوزارة الأمر')
            # "تحدث عما …" (عن + ما, the ن assimilated): what was said starts at ما
            skip = 1 if sent.norms[rest] == "عما" and rest < last else 0
            span = (sent.tokens[rest].start + skip, sent.tokens[last].end, "indirect")
        q_start, q_end, kind = span
        v_start, v_end = sent.tokens[i].start + cut, sent.tokens[i + 2 if came else i].end  # ("جاء في بيان")
        if speaker is None and unnamed is None:  # words with a verb in them are a clause, no speaker: "وألقى
            speaker_text = _no_verb_in(speaker_text, speaker=True)  # المدير كلمة بين فيها" (the unnamed words
            # were checked)
        if speaker_text and len(speaker_text.split()) > 1 and normalize_for_matching(
                speaker_text.split()[-1]) in _SAYINGS:
            speaker_text = speaker_text.rsplit(" ", 1)[0]  # "وأضاف الوزير قوله إن": the minister, not "his saying"
        # the statement's own date is never one inside the words quoted ("«اقترح عقد مؤتمر في سبتمبر»") nor after
        # the أن/إن that opens what is reported ("وذكر البيان أنه تم تنفيذ الحكم … أمس": executed yesterday,
        # reported today); in reported speech without it a day often is the statement's too ("وأعلنت القيادة في
        # بيان أمس عن استشهاد …"), a month or a year is what is spoken of ("سدادها الرواتب إلى شهر أبريل")
        last_before = max((k for k, t in enumerate(sent.tokens) if t.end <= q_start), default=None)
        that_opened = last_before is not None and last_before > i and sent.norms[last_before] in THAT
        outside = [d for d in dates if not q_start <= d.start + sent.start < q_end or (
            kind != "direct" and d.precision == "day" and not _AGO.match(d.text) and (
                _TODAY.search(d.text) if that_opened else not _calendar_date(d.text)))]
        # ("أكد النجيفي بأن انطلاق مظاهرات المواطنين منذ ثلاثة أيام": days ago date what is reported, not the
        # statement)
        outside = _outside_relative_clauses(sent, outside, v_start)
        q_date, _, _, _, source = _event_date(outside, sent.start, v_start, reference,
                                              _earlier(sent, i) or _recalled(sent, i, i + 1, _content_opens(sent, i)))
        out.append(QuoteRow(
            quote_id="Q" + ids.stable_id("quote", doc_id, v_start, v_end, length=15),
            doc_id=doc_id,
            sentence_idx=sidx,
            verb_start=v_start,
            verb_end=v_end,
            verb=sent.text[v_start:v_end],
            speaker_id=speaker.entity_id if speaker else None,
            speaker_text=speaker_text,
            speaker_country=speaker.country_code if speaker else None,
            speaker_source=("unnamed" if speaker is None and speaker_text and normalize_for_matching(
                speaker_text.split()[0]) in UNNAMED_SPEAKERS else "text") if speaker is not None or speaker_text
            else None,
            quote_start=q_start,
            quote_end=q_end,
            quote=sent.text[q_start:q_end],
            kind=kind,
            date=q_date,
            date_source=source,
            negated=denies or _negated(sent, i),
        ))
    return out


# --- from the stored tables ------------------------------------------------------------------------------------
def mention_index(entity_mentions: pl.DataFrame, entities: pl.DataFrame) -> dict[str, list[Mention]]:
    """doc_id -> the mentions the detector needs, with each entity's country (or the mention's title country)."""
    countries = dict(zip(entities["entity_id"], entities["country_code"], strict=True))
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    cols = ("doc_id", "start", "end", "type", "subtype", "entity_id", "title_country")
    for doc, start, end, typ, sub, eid, tcountry in entity_mentions.select(cols).iter_rows():
        by_doc[doc].append(Mention(start, end, typ, sub, eid, countries.get(eid) or tcountry))
    return by_doc


def leaders_by_country(entities: pl.DataFrame, day: date | None) -> dict[str, Mention]:
    """ISO code -> the head of state of that country on ``day`` among the corpus's entities (knowledge-base
    heads of state), for "الرئيسين"."""
    from pipeline.lexicons import load_kb

    if "kb_id" not in entities.columns:
        return {}
    kb = load_kb()
    roles: dict[str, list] = defaultdict(list)
    for role in kb.roles:
        roles[role.kb_id].append(role)
    out: dict[str, Mention] = {}
    heads = entities.filter((pl.col("subtype") == "head_of_state") & pl.col("kb_id").is_not_null())
    for eid, kb_id, country in heads.select("entity_id", "kb_id", "country_code").iter_rows():
        if country and country not in out and any(r.heads_state and r.holds(day) for r in roles[kb_id]):
            out[country] = Mention(0, 0, EntityType.PER.value, "head_of_state", eid, country)
    return out


@cache
def _name_words() -> frozenset[str]:
    """One-word names (given names, dictionary entries): a trigger is never one of them."""
    from pipeline.nlp.ner.enrich import entity_lexicon

    lex = entity_lexicon()
    return frozenset(lex.given_names) | frozenset(k for k in lex.entries if " " not in k)


def _detect_batch(batch: Sequence[tuple[str, str, datetime | None, list[tuple[int, int]], list[Mention],
                                        DocumentFacts]]) -> list[tuple[list[EventMentionRow], list[QuoteRow]]]:
    """Worker side: events and quotations of a batch of documents."""
    names = _name_words()
    return [detect_events(doc_id, text, spans, mentions, published, names, facts)
            for doc_id, text, published, spans, mentions, facts in batch]


EventInput = tuple[str, str, datetime | None, list[tuple[int, int]], list[Mention], DocumentFacts]
"""Everything event detection reads of one document: (doc_id, text, published_at, sentence spans, its entity
mentions, what the article as a whole says); its cache key comes from the tables (:func:`event_input_keys`)."""


def event_input_keys(
    version: str, documents: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame,
    entities: pl.DataFrame,
) -> dict[str, str]:
    """doc_id -> the cache key of its event detection, in ``documents`` order, read off the same columns
    :func:`event_inputs` reads (and so equal for two documents exactly when their inputs are), without building
    the inputs: the text by its bytes, the publication time, the sentence spans, every field of every
    :class:`Mention` in stored order, and the heads of state of the publication day (all :func:`document_facts`
    reads besides the mentions)."""
    missing = "\x00"  # (no id, code or type contains NUL)
    spans = spans_text(sentences, ["sentence_idx"])
    countries = entities.select("entity_id", pl.col("country_code").alias("_entity_country"))
    fields = (entity_mentions.select("doc_id", "start", "end", "type", "subtype", "entity_id", "title_country")
              .join(countries, on="entity_id", how="left", maintain_order="left")
              .with_columns(pl.when(pl.col("_entity_country").is_not_null() & (pl.col("_entity_country") != ""))
                            .then(pl.col("_entity_country")).otherwise(pl.col("title_country")).alias("country_code")))
    mentions = dict(
        fields.group_by("doc_id", maintain_order=True)
        .agg(pl.concat_str([pl.col(c).cast(pl.String).fill_null(missing) for c in _MENTION_COLUMNS],
                           separator="\x1f").str.join("\x1e"))
        .iter_rows())
    leaders: dict[date | None, str] = {}
    keys: dict[str, str] = {}
    for doc_id, text, published in documents.select("doc_id", "text", "published_at").iter_rows():
        day = published.date() if published else None
        if day not in leaders:
            leaders[day] = repr(sorted((c, m.entity_id) for c, m in leaders_by_country(entities, day).items()))
        keys[doc_id] = ids.text_digest(version, doc_id, text, repr(published), spans.get(doc_id, ""),
                                       mentions.get(doc_id, ""), leaders[day])
    return keys


def event_inputs(
    documents: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame,
    entities: pl.DataFrame | None = None,
) -> list[EventInput]:
    """The input of event detection for every document, in ``documents`` order."""
    if entities is None:
        entities = pl.DataFrame(schema={"entity_id": pl.String, "country_code": pl.String, "subtype": pl.String,
                                        "kb_id": pl.String})
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in sentences.sort("doc_id", "sentence_idx").select("doc_id", "start", "end").iter_rows():
        spans[doc_id].append((start, end))
    by_doc = mention_index(entity_mentions, entities)
    leaders: dict[date | None, dict[str, Mention]] = {}
    items: list[EventInput] = []
    for doc_id, text, published in documents.select("doc_id", "text", "published_at").iter_rows():
        doc_mentions = by_doc.get(doc_id, [])
        day = published.date() if published else None
        if day not in leaders:
            leaders[day] = leaders_by_country(entities, day)
        items.append((doc_id, text, published, spans.get(doc_id, []), doc_mentions,
                      document_facts(doc_mentions, leaders[day])))
    return items


def detect_all(items: Sequence[EventInput], workers: int | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(event mention rows without event_id, quotes) of ``items``, in their order; in worker processes when
    there are many (:mod:`pipeline.parallel`)."""
    from pipeline.parallel import ordered_map

    rows: list[EventMentionRow] = []
    quotes: list[QuoteRow] = []
    for r, q in ordered_map(_detect_batch, items, workers):
        rows += r
        quotes += q
    return (TABLES["event_mentions"].frame(rows, without=("event_id",)), TABLES["quotes"].frame(quotes))


def event_mentions_frame(
    documents: pl.DataFrame, sentences: pl.DataFrame, entity_mentions: pl.DataFrame,
    entities: pl.DataFrame | None = None, workers: int | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(event mention rows without event_id, quotes) of every document, from the stored tables."""
    return detect_all(event_inputs(documents, sentences, entity_mentions, entities), workers)


# --- clustering ---------------------------------------------------------------------------------------------
@dataclass
class _Cluster:
    event_type: str
    mutual: bool
    actors: set[str]
    recipients: set[str]
    day: date | None
    location: str | None
    members: list[dict]


def _compatible(c: _Cluster, actors: set[str], recipients: set[str], day: date | None, location: str | None,
                undated_ok: bool, same_story: bool = True) -> bool:
    """Can a unit with these participants, day and place be the happening of cluster ``c``? Across stories
    (articles that are not copies of each other) one shared participant is not enough: two, or one and the
    same named place."""
    if not same_story:
        shared = (actors | recipients) & (c.actors | c.recipients)
        if len(shared) < 2 and not (shared and location and location == c.location):
            return False
    if c.day is not None and day is not None:
        if abs((c.day - day).days) > 1:
            return False
    elif not undated_ok:
        return False
    if c.location and location and c.location != location:
        return False
    if c.mutual:
        mine, theirs = actors | recipients, c.actors | c.recipients
        return bool(mine & theirs) and (mine <= theirs or theirs <= mine)
    if actors and c.actors and not (actors <= c.actors or c.actors <= actors):
        return False
    if recipients and c.recipients and not (recipients <= c.recipients or c.recipients <= recipients):
        return False
    return bool((actors & c.actors) or (recipients & c.recipients))


def _absorb(cluster: _Cluster, unit: _Cluster) -> None:
    cluster.actors |= unit.actors
    cluster.recipients |= unit.recipients - cluster.actors
    cluster.location = cluster.location or unit.location
    cluster.members += unit.members


def cluster_events(mentions: pl.DataFrame, documents: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Give every event mention an ``event_id`` and build the ``events`` rows (see the module docstring).

    ``documents`` supplies doc_id, source and published_at for n_sources/first_seen/last_seen, and
    cluster_id (near-duplicate copies of one story) when it has it.
    """
    from pipeline.lexicons import load_event_lexicon as _lexicon

    mutual_modes = {s.mode for senses in _lexicon().words.values() for s in senses if s.pattern == "mutual"}
    ordered = mentions.sort("doc_id", "trigger_start")
    rows = ordered.to_dicts()
    # first, the mentions of one sentence of the same type that share a participant are one happening
    # ("أجرى الشرع زيارة إلى موسكو، التقى خلالها بوتين"): a unit; units are then clustered across articles
    units: list[_Cluster] = []
    open_units: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for r in rows:
        actors, recipients = set(r["actor_ids"]), set(r["recipient_ids"])
        mutual = r["mode"] in mutual_modes
        key = (r["doc_id"], r["sentence_idx"], r["event_type"])
        unit = next((units[u] for u in open_units[key]
                     if (actors | recipients) & (units[u].actors | units[u].recipients)), None)
        if unit is None:
            unit = _Cluster(r["event_type"], mutual, set(), set(), None, None, [])
            if actors or recipients:
                open_units[key].append(len(units))
            units.append(unit)
        unit.mutual = unit.mutual or mutual
        unit.actors |= actors
        unit.recipients |= recipients - unit.actors
        unit.location = unit.location or r["location_id"]
        unit.members.append(r)
    for unit in units:
        dated = [m for m in unit.members if m["date"] is not None]
        text_dated = [m for m in dated if m["date_source"] == "text"] or dated
        unit.day = min(m["date"] for m in text_dated) if text_dated else None

    # the story of each article: its near-duplicate cluster (wire copies), else itself
    story = {d: (c or d) for d, c in (documents.select("doc_id", "cluster_id").iter_rows()
                                      if "cluster_id" in documents.columns
                                      else ((d, None) for d in documents["doc_id"]))}

    def same_story(c: _Cluster, unit: _Cluster) -> bool:
        mine = {story.get(m["doc_id"], m["doc_id"]) for m in unit.members}
        return any(story.get(m["doc_id"], m["doc_id"]) in mine for m in c.members)

    # A unit can only join a happening it shares a participant with (a condition of _compatible), and a
    # dated one only a happening within a day of it: clusters are indexed by (type, participant) and
    # (type, participant, day), and only those candidates are tried, in creation order — the first that
    # fits wins, exactly as a scan over every cluster of the type would find.
    clusters: list[_Cluster] = []
    by_part: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_part_day: dict[tuple[str, str, date | None], list[int]] = defaultdict(list)
    indexed: dict[int, set[str]] = defaultdict(set)

    def index(ci: int) -> None:
        c = clusters[ci]
        for e in (c.actors | c.recipients) - indexed[ci]:
            indexed[ci].add(e)
            by_part[(c.event_type, e)].append(ci)
            by_part_day[(c.event_type, e, c.day)].append(ci)

    def candidates(unit: _Cluster, days: Iterable[date | None] | None) -> list[int]:
        found: set[int] = set()
        for e in unit.actors | unit.recipients:
            if days is None:
                found.update(by_part.get((unit.event_type, e), ()))
            else:
                for d in days:
                    found.update(by_part_day.get((unit.event_type, e, d), ()))
        return sorted(found)

    undated: list[_Cluster] = []
    for unit in sorted(units, key=lambda u: (u.day is None, u.day or date.min, u.members[0]["doc_id"],
                                             u.members[0]["trigger_start"])):
        if not unit.actors and not unit.recipients:
            clusters.append(unit)  # nobody to tell two happenings apart: it stays alone
            continue
        if unit.day is None:
            undated.append(unit)
            continue
        near = [unit.day + timedelta(days=k) for k in (-1, 0, 1)]
        best = next((ci for ci in candidates(unit, near) if _compatible(
            clusters[ci], unit.actors, unit.recipients, unit.day, unit.location, False,
            same_story(clusters[ci], unit))), None)
        if best is None:
            clusters.append(unit)
            index(len(clusters) - 1)
        else:
            _absorb(clusters[best], unit)
            index(best)
    for unit in undated:  # an undated unit joins the one dated happening it can be, else stands alone
        fits = [ci for ci in candidates(unit, None)
                if _compatible(clusters[ci], unit.actors, unit.recipients, None, unit.location, True,
                               same_story(clusters[ci], unit))]
        if len(fits) > 1:  # the happenings that share most participants with it
            overlap = {ci: len((unit.actors | unit.recipients) & (clusters[ci].actors | clusters[ci].recipients))
                       for ci in fits}
            top = max(overlap.values())
            fits = [ci for ci in fits if overlap[ci] == top]
        if len(fits) == 1:
            _absorb(clusters[fits[0]], unit)
            index(fits[0])
        else:
            clusters.append(unit)
            index(len(clusters) - 1)
    docs = {r["doc_id"]: r for r in documents.select("doc_id", "source", "published_at").iter_rows(named=True)}
    events = []
    for c in clusters:
        members = sorted(c.members, key=lambda m: m["event_mention_id"])
        eid = ids.event_id(c.event_type, members[0]["event_mention_id"], c.day)
        for m in members:
            m["event_id"] = eid
        modes = Counter(m["mode"] for m in members if m["mode"])
        locations = Counter(m["location_id"] for m in members if m["location_id"])
        dated = [m for m in members if m["date"] is not None]
        precisions = [m["date_precision"] for m in dated if m["date_precision"]]
        times = [docs[m["doc_id"]]["published_at"] for m in members if docs[m["doc_id"]]["published_at"]]
        ends = [m["date_end"] for m in members if m["date_end"]]
        text_dated = [m for m in dated if m["date_source"] == "text"] or dated
        first = members[0]
        actor_ids = sorted({a for m in members for a in m["actor_ids"]})
        events.append({
            "event_id": eid,
            "event_type": c.event_type,
            "mode": min(modes, key=lambda k: (-modes[k], k)) if modes else None,
            "cameo_root": first["cameo_root"],
            "quad_class": first["quad_class"],
            "goldstein": first["goldstein"],
            "actor_ids": actor_ids,
            "recipient_ids": sorted({a for m in members for a in m["recipient_ids"]} - set(actor_ids)),
            "location_id": min(locations, key=lambda k: (-locations[k], k)) if locations else None,
            "date": min(m["date"] for m in text_dated) if text_dated else None,
            "date_end": max(ends) if ends else None,
            "date_precision": min(precisions, key=["day", "month", "year"].index) if precisions else None,
            "n_mentions": len(members),
            "n_articles": len({m["doc_id"] for m in members}),
            "n_sources": len({docs[m["doc_id"]]["source"] or "unknown" for m in members}),
            "first_seen": min(times) if times else None,
            "last_seen": max(times) if times else None,
            "actor_countries": sorted({x for m in members for x in m["actor_countries"]}),
            "recipient_countries": sorted({x for m in members for x in m["recipient_countries"]}),
        })
    schema = TABLES["event_mentions"].schema_without()
    with_ids = ordered.with_columns(pl.Series("event_id", [r["event_id"] for r in rows], pl.String)).select(
        list(schema)).cast(schema)
    return with_ids, pl.DataFrame(events, schema=TABLES["events"].polars_schema)


def event_participants(events: pl.DataFrame, entities: pl.DataFrame, key: str = "event_id") -> pl.DataFrame:
    """The flat bridge for BI tools that cannot read lists: one row per (event, entity, role), ``key`` naming
    the event (``event_id`` for events, ``event_mention_id`` for event mentions)."""
    countries = entities.select("entity_id", "country_code")
    parts = [
        events.select(key, pl.col("actor_ids").alias("entity_id")).explode("entity_id")
        .with_columns(pl.lit("actor").alias("role")),
        events.select(key, pl.col("recipient_ids").alias("entity_id")).explode("entity_id")
        .with_columns(pl.lit("recipient").alias("role")),
        events.select(key, pl.col("location_id").alias("entity_id"))
        .with_columns(pl.lit("location").alias("role")),
    ]
    out = pl.concat(parts).filter(pl.col("entity_id").is_not_null()).unique()
    return out.join(countries, on="entity_id", how="left").select(key, "entity_id", "role", "country_code")
