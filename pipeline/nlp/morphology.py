"""Light Arabic morphology for trigger words: the inflected forms of a verb and of a verbal noun.

News reports events in the third person, so a verb is generated from its perfect and imperfect third person
masculine singular (``زار``/``يزور``, ``التقى``/``يلتقي``, ``دعا``/``يدعو``, ``أدان``/``يدين``):

* perfect: masculine/feminine, singular/dual/plural (زار، زارت، زارا، زارتا، زاروا، زرن); a final ى or ا of a
  defective verb turns into its stem (التقى → التقت، التقيا، التقوا; دعا → دعت، دعوا);
* imperfect: the prefixes ي ت ن أ, dual and plural endings (يزوران، يزورون، يزوروا), the future سـ
  (سيزور) and the jussive after لم (يزر: give it as an extra form);
* object pronouns on the verb (اعتقلوه، استهدفتها، التقاه، يستقبلها، يتهمونه): on every plural in وا, and
  on every form of a verb of four letters or more; a three-letter verb takes them only after وا, because
  its feminine ت + pronoun is the spelling of a noun in ة + pronoun (رحلتها، حملته) and its bare ه the
  spelling of a noun in ة (طلبه) — the reason too that a bare ه is never added to a masculine form;
* verbal noun: with and without the article, the feminine ending bound to a pronoun (زيارته، زيارتها،
  زيارتهم), the dual (زيارتين) and, when given, the plural.

Proclitics (و ف ب ل ك) are not generated: trigger matching strips them. All forms are matching forms
(:func:`pipeline.nlp.text.normalize_for_matching`).
"""

from __future__ import annotations

from pipeline.nlp.text import normalize_for_matching

_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")


def perfect_forms(verb: str) -> set[str]:
    """Third-person perfect forms of a verb given in the 3rd person masculine singular."""
    v = normalize_for_matching(verb)
    if not v:
        return set()
    if v.endswith("ي") and len(v) > 2:  # التقى (ى folded to ي), أعطى, ألقى
        stem = v[:-1]
        return {v, stem + "ت", stem + "يا", stem + "تا", stem + "وا", stem + "ين"}
    if v.endswith("ا") and len(v) > 2:  # دعا, نجا
        stem = v[:-1]
        return {v, stem + "ت", stem + "وا", stem + "تا", stem + "وت"}
    return {v, v + "ت", v + "ا", v + "تا", v + "وا", v + "ن"}


def imperfect_forms(verb: str) -> set[str]:
    """Imperfect forms (3rd person, all numbers and genders, and the 1st person plural), with the future
    prefix سـ, from the 3rd person masculine singular (``يزور``)."""
    v = normalize_for_matching(verb)
    if len(v) < 3 or v[0] not in "يت":
        return set()
    stem = v[1:]
    out: set[str] = set()
    for prefix in _IMPERFECT_PREFIXES:
        if prefix == "ا" and len(stem) == 3:
            continue  # "أغرم" is a verb of its own (fell in love), not "I fine": أفعل is also a perfect
        out.add(prefix + stem)
    if stem.endswith("ي"):  # يلتقي → يلتقيان, يلتقون
        plural = stem[:-1] + "ون"
        out |= {"ي" + stem + "ان", "ت" + stem + "ان", "ي" + plural, "ي" + stem[:-1] + "وا"}
    elif stem.endswith("و"):  # يدعو → يدعوان, يدعون
        out |= {"ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem[:-1] + "ون", "ي" + stem[:-1] + "وا"}
    else:
        out |= {"ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem + "ون", "ت" + stem + "ون", "ي" + stem + "وا",
                "ي" + stem + "ن"}
    out |= {"س" + form for form in out}
    return out


_OBJECTS = ("ها", "هم", "هما", "ني", "نا")  # object pronouns safe on any form (a bare ه is not: see above)


def object_forms(perfect: str, imperfect: str) -> set[str]:
    """Forms of a verb with an object pronoun (see the module docstring for which)."""
    v = normalize_for_matching(perfect)
    perfects = perfect_forms(perfect)
    imperfects = imperfect_forms(imperfect)
    out: set[str] = set()
    for f in perfects | imperfects:
        if f.endswith("وا"):  # اعتقلوا → اعتقلوه (the alif drops before a pronoun)
            out |= {f[:-1] + p for p in ("ه", *_OBJECTS)}
    if len(v) < 4:
        return out
    defective = v.endswith("ي")  # التقى → التقاه، التقاها; التقت → التقته
    base = v[:-1] + "ا" if defective else v
    out |= {base + p for p in _OBJECTS}
    if defective:
        out.add(base + "ه")
    out |= {(v[:-1] if defective else v) + "ت" + p for p in ("ه", *_OBJECTS)}
    for f in imperfects:
        if f.endswith(("ون", "ان")):  # يتهمونه، يستقبلانها
            out |= {f + p for p in ("ه", "ها", "هم")}
        elif not f.endswith(("وا", "ن")):
            out |= {f + p for p in _OBJECTS}
    return out


def noun_forms(noun: str) -> set[str]:
    """A verbal or event noun with and without the article, bound to a pronoun, in the dual."""
    n = normalize_for_matching(noun)
    if not n:
        return set()
    bare = n[2:] if n.startswith("ال") and len(n) > 4 else n
    out = {bare, "ال" + bare}
    bound = bare[:-1] + "ت" if bare.endswith("ه") else bare  # زياره → زيارت + ه
    out |= {bound + p for p in _PRONOUNS}
    if bare.endswith("ه"):
        out |= {bound + "ين", bound + "ان", "ال" + bound + "ين", "ال" + bound + "ان"}
    else:
        out |= {bare + "ين", bare + "ان", "ال" + bare + "ين", bare + "ا"}  # accusative: اتصالا، هجوما
    return out
