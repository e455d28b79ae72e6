"""Entities an analyst can group by: safe person linking, titles, countries by ISO code, one type per entity,
proclitics, adjectives, outlets, MISC subtypes, English names, and the knowledge base's form."""

from __future__ import annotations

import re
from datetime import datetime

import polars as pl
import pytest

from pipeline import ids
from pipeline.lexicons import ACTOR_COLUMNS, MISC_SUBTYPES, ORG_SUBTYPES, PERSON_SUBTYPES, ROLE_COLUMNS, load_kb
from pipeline.nlp.ner.base import tag_document
from pipeline.nlp.ner.conll import entity_spans
from pipeline.nlp.ner.enrich import entity_lexicon
from pipeline.nlp.ner.rules import RuleTagger
from pipeline.nlp.resolve import build_entities, compatible, misc_same_as, resolve_mentions
from pipeline.nlp.romanize import romanize_name, translate_name
from pipeline.nlp.text import identity_key, normalize_for_matching

COLUMNS = ("doc_id", "surface", "normalized", "type", "title", "title_country", "kb_id", "country_code")


def frame(rows: list[tuple]) -> pl.DataFrame:
    """Mentions: (doc_id, surface, type[, title[, title_country]])."""
    out = []
    for r in rows:
        doc, surface, typ, *rest = r
        title = rest[0] if rest else None
        country = rest[1] if len(rest) > 1 else None
        out.append((doc, surface, normalize_for_matching(surface), typ, title, country, None, None))
    return pl.DataFrame(out, schema=dict.fromkeys(COLUMNS, pl.String), orient="row")


def docs(days: dict[str, str]) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(days), "published_at": [datetime.fromisoformat(d) for d in days.values()]})


def frame_with(rows: list[tuple], column: str) -> pl.DataFrame:
    """Mentions of (doc_id, surface, type, value) rows, ``column`` (start, sentence_idx) set to the value."""
    return frame([r[:3] for r in rows]).with_columns(pl.Series(column, [r[3] for r in rows]))


def kb_by_mention(resolved: pl.DataFrame) -> dict[str, str | None]:
    """"doc_id/surface" -> the KB actor its mention links to (None: no KB actor)."""
    return dict(zip(resolved["doc_id"] + "/" + resolved["surface"], resolved["kb_id"], strict=True))


def entity_of(resolved: pl.DataFrame, doc: str, surface: str) -> str:
    return resolved.filter((pl.col("doc_id") == doc) & (pl.col("surface") == surface))["entity_id"][0]


def k(name: str) -> tuple[str, ...]:
    return tuple(identity_key(name).split())


# --- names -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("short", "long", "same"), [
    ("محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز آل سعود", True),  # the nasab chain goes on
    ("سلمان بن عبدالعزيز", "محمد بن سلمان بن عبدالعزيز", False),  # given names differ: father and son
    ("سلطان بن سلمان", "محمد بن سلمان", False),
    ("محمد بن نايف", "محمد بن سلمان بن نايف", False),  # a nasab is a prefix, not a subsequence
    ("رجب أردوغان", "رجب طيب أردوغان", True),  # same first and last word, the middle left out
    ("هيلاري كلينتون", "بيل كلينتون", False),
    ("عبد الفتاح السيسي", "عبدالفتاح السيسي", True),  # spacing folded by the identity key
    ("هاني آل إبراهيم", "هاني بن محمد أبوراس", False),  # two family names
    ("عبدالله بن عبدالعزيز آل سعود", "عبدالله بن عبدالعزيز الربيعة", False),
    ("محمد بن سلمان آل سعود", "محمد بن سلمان بن عبدالعزيز", True),  # a nasab chain has no family name
    ("خالد الفالح", "خالد بن عبدالعزيز الفالح", True),  # the nasab left out
    ("فيصل الفالح", "خالد بن عبدالعزيز الفالح", False),
    ("أحمد الفهد", "أحمد الفهد الصباح", True),  # Kuwait's ruling family, named without آل, left out
    ("طلال الفهد", "أحمد الفهد الصباح", False),
    ("محمد نايف", "محمد بن نايف", False),  # a second given name is not a family name after بن
    # generations left out up to a famous ancestor: the same person and father
    ("مشعل بن عبدالله بن مساعد آل سعود", "مشعل بن عبد الله بن عبد العزيز بن مساعد بن جلوي آل سعود", True),
    ("مشعل بن عبدالله بن فيصل", "مشعل بن عبد الله بن عبد العزيز بن مساعد", False),
    ("مشعل بن خالد بن مساعد", "مشعل بن عبد الله بن عبد العزيز بن مساعد", False),  # another father
    ("صالح آل الشيخ", "صالح بن عبد العزيز بن محمد بن إبراهيم آل الشيخ", True),  # given name + family
    ("صالح آل الشيخ", "عبداللطيف بن عبدالعزيز آل الشيخ", False),
    ("صالح آل سعود", "صالح بن محمد آل الشيخ", False),
    ("حسين آل فويز", "حسين بن طلال", False),  # a family the longer name does not give: not the king of Jordan
    ("محمد آل سعود", "محمد بن سلمان", False),
    # "Muhammad" before a (non-Arabic) given name a person is known by: without it, someone else; an Arabic
    # name's second word is his father's, which a short form may leave out
    ("محمد شريف", "محمد نواز شريف", False),
    ("محمد الأحمد", "محمد عبدالله الأحمد", True),
    ("نواز شريف", "محمد نواز شريف", False),  # (a shorter name that drops the first word is never compatible)
    ("إسماعيل ولد الشيخ", "إسماعيل ولد الشيخ أحمد", True),  # ولد: a Mauritanian nasab, like بن
    ("محمد ولد عبدالعزيز", "محمد ولد الشيخ أحمد", False),
    # a family name with and without its article, the father's name left out
    ("علي دوابشة", "علي سعد الدوابشة", True),
    ("علي دوابشة", "علي الدوابشة", True),
    ("علي أحمد", "علي الأحمد", False),  # أحمد is a given name: a father's name, not the family's
    ("سعد دوابشة", "علي سعد الدوابشة", False),
    # a Western compound name with its surname left out; an Arabic name's first two words are given + father
    ("كارلوس إدواردو", "كارلوس إدواردو أوليفيرا", True),
    ("محمد عبدالله", "محمد عبدالله الأحمد", False),
    ("كارلوس إدواردو", "كارلوس سانتوس", False),
    # three names with and without بن between the given name and the father's
    ("محمد عثمان القرني", "محمد بن عثمان القرني", True),
    ("محمد عثمان القرني", "محمد بن علي القرني", False),
    ("محمد سلمان", "محمد بن سلمان", False),  # two names: a given name and a father's, not enough
])
def test_compatible_names(short: str, long: str, same: bool) -> None:
    assert compatible(k(short), k(long)) is same


def test_fathers_sons_and_namesakes_stay_apart() -> None:
    resolved = resolve_mentions(frame([
        ("d1", "محمد بن سلمان", "PER"), ("d1", "سلمان", "PER"),  # bare سلمان: not his son's name
        ("d2", "علي عبدالله صالح", "PER"), ("d2", "أحمد علي عبدالله صالح", "PER"),
        ("d3", "سعد العتيبي", "PER"), ("d4", "خالد العتيبي", "PER"), ("d5", "العتيبي", "PER"),
        ("d6", "فيصل بن سلمان بن عبدالعزيز", "PER"), ("d7", "سلمان بن عبدالعزيز", "PER"),
    ]))
    mbs = entity_of(resolved, "d1", "محمد بن سلمان")
    assert entity_of(resolved, "d1", "سلمان") != mbs
    assert resolved.filter(pl.col("surface") == "سلمان")["subtype"][0] == "name_fragment"
    assert entity_of(resolved, "d2", "علي عبدالله صالح") != entity_of(resolved, "d2", "أحمد علي عبدالله صالح")
    otaibi = entity_of(resolved, "d5", "العتيبي")  # two Otaibis in the corpus: joins neither
    assert otaibi not in (entity_of(resolved, "d3", "سعد العتيبي"), entity_of(resolved, "d4", "خالد العتيبي"))
    assert entity_of(resolved, "d6", "فيصل بن سلمان بن عبدالعزيز") != entity_of(resolved, "d7", "سلمان بن عبدالعزيز")


def test_short_forms_link_inside_their_document_first() -> None:
    resolved = resolve_mentions(frame([
        ("d1", "مرهف أبو قصرة", "PER"), ("d1", "أبو قصرة", "PER"),
        ("d2", "أحمد الحربي", "PER"), ("d2", "الحربي", "PER"), ("d3", "سعد الحربي", "PER"), ("d3", "الحربي", "PER"),
        ("d4", "الحربي", "PER"),  # two Harbis in the corpus and none in d4: unlinked
    ]))
    assert entity_of(resolved, "d1", "أبو قصرة") == entity_of(resolved, "d1", "مرهف أبو قصرة")
    assert entity_of(resolved, "d2", "الحربي") == entity_of(resolved, "d2", "أحمد الحربي")
    assert entity_of(resolved, "d3", "الحربي") == entity_of(resolved, "d3", "سعد الحربي")
    assert entity_of(resolved, "d4", "الحربي") not in {entity_of(resolved, "d2", "أحمد الحربي"),
                                                      entity_of(resolved, "d3", "سعد الحربي")}


def test_titles_resolve_to_the_holder_on_the_day() -> None:
    resolved = resolve_mentions(frame([
        ("d1", "سلمان", "PER", "الملك"), ("d1", "محمد بن سلمان", "PER"),
        ("d2", "لافروف", "PER", "وزير الخارجية الروسي", "RU"),
        ("d3", "فهد", "PER", "الملك"),  # no king Fahd in 2015: the late king
    ]), docs({"d1": "2015-07-21", "d2": "2015-07-21", "d3": "2015-07-21"}))
    kb_of = dict(zip(resolved["surface"], resolved["kb_id"], strict=True))
    assert kb_of["سلمان"] == "salman_bin_abdulaziz" and kb_of["محمد بن سلمان"] == "mohammed_bin_salman"
    assert kb_of["لافروف"] == "sergey_lavrov"
    assert kb_of["فهد"] == "fahd_bin_abdulaziz"


def test_countries_are_one_entity_per_iso_code() -> None:
    resolved = resolve_mentions(frame([
        ("d1", "السعودية", "LOC"), ("d2", "المملكة العربية السعودية", "LOC"), ("d3", "سوريا", "LOC"),
        ("d4", "سورية", "LOC"), ("d5", "داعش", "LOC"), ("d6", "داعش", "ORG"), ("d7", "داعش", "MISC"),
    ]))
    assert entity_of(resolved, "d1", "السعودية") == entity_of(resolved, "d2", "المملكة العربية السعودية")
    assert entity_of(resolved, "d3", "سوريا") == entity_of(resolved, "d4", "سورية")
    assert resolved.filter(pl.col("surface") == "سورية")["country_code"][0] == "SY"
    isis = resolved.filter(pl.col("surface") == "داعش")
    assert isis["entity_id"].n_unique() == 1 and set(isis["type"]) == {"ORG"} and isis["kb_id"][0] == "isis"
    ents = build_entities(resolved)
    saudi = ents.filter(pl.col("country_code") == "SA").row(0, named=True)
    assert saudi["name_ar"] == "السعودية" and saudi["name_en"] == "Saudi Arabia"


def test_misc_subtypes_and_english_names() -> None:
    resolved = resolve_mentions(frame([("d1", "دولار", "MISC"), ("d2", "دولارا", "MISC"), ("d3", "الله", "MISC"),
                                       ("d4", "سعود الدوسري", "PER")]))
    assert entity_of(resolved, "d1", "دولار") == entity_of(resolved, "d2", "دولارا")  # accusative ا
    sub = dict(zip(resolved["surface"], resolved["subtype"], strict=True))
    assert sub["دولار"] == "currency" and sub["الله"] == "deity"
    # common nouns a tagger calls names keep their rows, out of leaderboards: haute couture, drifters (slang)
    nouns = resolve_mentions(frame([("d5", "هوت كوتير", "MISC"), ("d6", "درباويا", "MISC")]))
    assert nouns["subtype"].to_list() == ["common_noun", "common_noun"]
    ents = build_entities(resolved)
    dosari = ents.filter(pl.col("type") == "PER").row(0, named=True)
    assert dosari["name_en"] == "Saud al-Dosari" and dosari["name_en_source"] == "romanised"


def test_a_currency_or_god_is_one_entity_with_or_without_its_article() -> None:
    # the top of the MISC list held "دولار" and "الدولار", "يورو" and "اليورو", "الله" and "لله" (ل + الله)
    resolved = resolve_mentions(frame([("d1", "دولار", "MISC"), ("d2", "الدولار", "MISC"), ("d3", "دولارات", "MISC"),
                                       ("d4", "يورو", "MISC"), ("d5", "اليورو", "MISC"), ("d6", "الله", "MISC"),
                                       ("d7", "لله", "MISC"), ("d8", "الدولار الأمريكي", "MISC"),
                                       ("d9", "الريال", "MISC"), ("d10", "الريال اليمني", "MISC")]))
    assert len({entity_of(resolved, d, s) for d, s in (("d1", "دولار"), ("d2", "الدولار"), ("d3", "دولارات"),
                                                       ("d8", "الدولار الأمريكي"))}) == 1
    assert entity_of(resolved, "d4", "يورو") == entity_of(resolved, "d5", "اليورو")
    assert entity_of(resolved, "d6", "الله") == entity_of(resolved, "d7", "لله")
    assert entity_of(resolved, "d9", "الريال") != entity_of(resolved, "d10", "الريال اليمني")  # a named rial stays
    assert entity_of(resolved, "d1", "دولار") != entity_of(resolved, "d4", "يورو")
    same_as = misc_same_as()
    assert all(same_as.get(target) == target for target in same_as.values())  # every target is its own entry
    names = dict(zip(build_entities(resolved)["entity_id"], build_entities(resolved)["name_ar"], strict=True))
    assert names[entity_of(resolved, "d1", "دولار")] in ("دولار", "الدولار")  # its listed form, not the longest


@pytest.mark.parametrize(("arabic", "english"), [
    ("محمد بن سلمان", "Mohammed bin Salman"), ("الشيباني", "Al-Shaibani"), ("مرهف أبو قصرة", "Murhaf Abu Qasra"),
    ("عبد الفتاح السيسي", "Abdel Fattah al-Sisi"), ("Windows 10", "Windows 10"),
    # foreign names by the English spelling of their parts, not letter by letter ("Juraj Bush", "Adulaf Hatlar")
    ("جورج بوش", "George Bush"), ("أدولف هتلر", "Adolf Hitler"), ("ايكر كاسياس", "Iker Casillas"),
    ("لويس فان جال", "Louis van Gaal"), ("آيفون", "iPhone"), ("صنداي تايمز", "Sunday Times"),
])
def test_romanisation_is_readable(arabic: str, english: str) -> None:
    assert romanize_name(arabic) == english


def test_romanisation_keeps_an_initial_ain_as_a_vowel() -> None:
    # ع before a consonant opens the word with a vowel: "العمراني" is not "al-Mrani", "عسير" not "Sir"
    assert romanize_name("العمراني") == "Al-Amrani"
    assert romanize_name("مستشفى عسير").split()[-1] == "Asir"
    assert romanize_name("عطية").lower() == "atia"


@pytest.mark.parametrize(("arabic", "english"), [
    ("وزارة الداخلية الكويتية", "Ministry of Interior (Kuwait)"),
    ("الهيئة العامة للطيران المدني", "General Authority for Civil Aviation"),
    ("المؤسسة العامة للتدريب التقني والمهني", "General Corporation for Technical and Vocational Training"),
    ("جامعة الملك عبدالعزيز", "King Abdulaziz University"),
    ("مستشفى الملك فهد التخصصي بالدمام", "King Fahd Specialist Hospital in Dammam"),
    ("أمانة محافظة جدة", "Municipality of Jeddah Governorate"),
    ("اللجنة العامة للانتخابات البلدية", "General Committee for Municipal Elections"),
    ("محكمة الاستئناف", "Court of Appeal"),
    ("شارع خالد بن الوليد", "Khalid bin al-Waleed Street"), ("وزارة التربية والتعليم", "Ministry of Education"),
    ("مدينة الملك عبد العزيز للعلوم والتقنية", "King Abdulaziz City for Sciences and Technology"),
    ("مستشفى الولادة والأطفال", "Maternity and Children Hospital"),
    ("وزارة المياه والكهرباء", "Ministry of Water and Electricity"),
    # في as "in"; three nouns joined by و before a head that takes no "of"; "العربية السعودية" is the country
    # at the end; a charity is the institution, whatever noun stands between ("العيون" is no glossary word: the
    # eyes, and the town of "نادي العيون الرياضي")
    ("الغرفة التجارية الصناعية في جدة", "Chamber of Commerce and Industry in Jeddah"),
    ("مستشفى النساء والولادة والأطفال", "Women, Maternity and Children Hospital"),
    ("جمعية الكشافة العربية السعودية", "Association of Scouts (Saudi Arabia)"),
    ("جمعية المكفوفين الخيرية", "Charitable Association of Blind"),
    ("معهد الدراسات العليا في العلوم الاجتماعية", "Institute of Graduate Studies in Social Sciences"),
    ("محكمة النقض", "Court of Cassation"),
    ("وزارة الكهرباء والماء الكويتية", "Ministry of Electricity and Water (Kuwait)"),
])
def test_institution_names_are_translated_when_every_word_is_known(arabic: str, english: str) -> None:
    assert translate_name(arabic) == english


def test_names_with_an_unknown_word_or_no_institution_head_are_not_translated() -> None:
    assert translate_name("نادي الهلال") is None  # a club's own name is no glossary word
    assert translate_name("الاتحاد") is None  # one word that is not a head: a club, not "Federation"
    assert translate_name("الجيش الحر") is None  # "الحر" is unknown: no half-translated name
    assert translate_name("محمد بن سلمان") is None  # a person
    assert translate_name("وزارة الصيد البحري") is None  # one word a name part too is no person: not "Essid"
    assert translate_name("البرلمان") is None  # one word is a name of its own ("الاتحاد" the club), never glossed


def test_a_body_of_one_country_names_its_country_in_english() -> None:
    # "مجلس الوزراء" of Egypt and of Yemen are two entities; their English names tell them apart
    resolved = resolve_mentions(frame_with([("d1", "مجلس الوزراء", "ORG", "EG"), ("d2", "مجلس الوزراء", "ORG", "EG")],
                                           "country_code"))
    row = build_entities(resolved).row(0, named=True)
    assert row["name_en"] == "Council of Ministers (Egypt)" and row["country_code"] == "EG"
    # (no second time when the name says it already)
    resolved = resolve_mentions(frame_with([("d1", "وزارة الداخلية الكويتية", "ORG", "KW")], "country_code"))
    assert build_entities(resolved).row(0, named=True)["name_en"] == "Ministry of Interior (Kuwait)"


def test_entities_take_a_translated_name_over_a_romanised_one() -> None:
    entities = build_entities(resolve_mentions(frame([("d1", "وزارة الداخلية الكويتية", "ORG"),
                                                      ("d2", "وزارة الداخلية الكويتية", "ORG")])))
    row = entities.row(0, named=True)
    assert (row["name_en"], row["name_en_source"]) == ("Ministry of Interior (Kuwait)", "translated")


# --- mentions in text ---------------------------------------------------------------------------------------
def spans(text: str) -> list[tuple[str, str, str | None]]:
    out = tag_document(text, [(0, len(text))], RuleTagger(), entity_lexicon())
    for s in out:
        assert text[s.start : s.end]
    return [(text[s.start : s.end], s.type.value if hasattr(s.type, "value") else s.type, s.kb_id) for s in out]


def test_names_that_begin_like_proclitics_keep_their_letters() -> None:
    found = [s for s, _, _ in spans("واستقبل الأمير فيصل بن سلمان وفدا من جمعية وليد الخيرية. وقال بلاتر إن فيصل محق")]
    assert "فيصل بن سلمان" in found and "يصل" not in " ".join(found).split()
    assert not any(s.startswith("يصل") for s in found)


def test_nationality_adjectives_are_not_persons() -> None:
    found = spans("التقى مسؤولين روس رفيعي المستوى، وقال المحللون الروس إن التنسيق سوري روسي")
    assert all(t != "PER" for _, t, _ in found), found


@pytest.mark.parametrize(("labels", "body", "person"), [
    # a body, a title and a name the backend tagged as one organisation
    (["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"], "هيئة كبار العلماء", "عبدالعزيز آل الشيخ"),
])
def test_a_name_after_a_title_inside_an_organisation_span_is_a_person(
        labels: list[str], body: str, person: str) -> None:
    from pipeline.nlp.ner.enrich import split_at_titles

    words = "رئيس هيئة كبار العلماء الشيخ عبدالعزيز آل الشيخ إن".split()
    labs = [("O", 1.0), *[(lab, 0.9) for lab in labels], ("O", 1.0)]
    out = split_at_titles([words], [labs], entity_lexicon())[0]
    got = [(" ".join(words[a:b]), t) for a, b, t in entity_spans([lab for lab, _ in out])]
    assert (body, "ORG") in got and (person, "PERS") in got, got


def test_a_known_organisation_then_a_foreign_name_are_two_mentions() -> None:
    from pipeline.nlp.ner.enrich import split_at_titles

    words = "وقال المتحدث باسم البنتاجون جيف ديفيس إن".split()
    labs = [("O", 1.0)] * 3 + [("B-LOC", 0.9), ("I-LOC", 0.9), ("I-LOC", 0.9), ("O", 1.0)]
    out = split_at_titles([words], [labs], entity_lexicon())[0]
    assert [(" ".join(words[a:b]), t) for a, b, t in entity_spans([lab for lab, _ in out])] == [("البنتاجون", "ORG"),
                                                                              ("جيف ديفيس", "PERS")]
    words = "وقال مجلس الأمن الدولي إن".split()  # a body's own name stays whole
    labs = [("O", 1.0), ("B-ORG", 0.9), ("I-ORG", 0.9), ("I-ORG", 0.9), ("O", 1.0)]
    assert split_at_titles([words], [labs], entity_lexicon())[0] == labs


def test_a_person_span_starts_after_a_verb_inside_it() -> None:
    from pipeline.nlp.ner.enrich import split_at_titles

    words = "فيديو داعشي هدد ناصر القصبي بالقتل".split()
    labs = [("O", 1.0), ("B-PERS", 0.9), ("I-PERS", 0.9), ("I-PERS", 0.9), ("I-PERS", 0.9), ("O", 1.0)]
    out = split_at_titles([words], [labs], entity_lexicon())[0]
    assert [(" ".join(words[a:b]), t) for a, b, t in entity_spans([lab for lab, _ in out])] == [("ناصر القصبي", "PERS")]


def test_titles_are_recorded_and_cut_out_of_names() -> None:
    text = "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات جيدة"
    out = tag_document(text, [(0, len(text))], RuleTagger(), entity_lexicon())
    lavrov = next(s for s in out if text[s.start : s.end] == "سيرغي لافروف")
    assert lavrov.title == "وزير الخارجية الروسي" and lavrov.title_country == "RU"
    assert lavrov.kb_id == "sergey_lavrov"


def test_outlets_in_quotes_and_the_region_elsewhere() -> None:
    found = spans('وقال مصدر لـ"الشرق الأوسط" إن التوتر في الشرق الأوسط يتزايد')
    assert ("الشرق الأوسط", "ORG", "asharq_al_awsat") in found
    assert ("الشرق الأوسط", "LOC", None) in found


def test_kingdom_alone_is_saudi_arabia_in_a_saudi_article() -> None:
    text = "أكد خادم الحرمين الشريفين أن المملكة تدعم اليمن. وزار الوفد السعودي الرياض"
    out = tag_document(text, [(0, len(text))], RuleTagger(), entity_lexicon())
    kingdom = next(s for s in out if text[s.start : s.end] == "المملكة")
    assert kingdom.country_code == "SA"
    other = "قال ملك الأردن إن المملكة الأردنية الهاشمية تدعم الحوار"
    assert not any(other[s.start : s.end] == "المملكة" for s in
                   tag_document(other, [(0, len(other))], RuleTagger(), entity_lexicon()))


def test_named_after_a_person_is_the_place_or_body() -> None:
    found = spans("وصلت طائرة مركز الملك سلمان للإغاثة إلى مطار الملك عبدالعزيز الدولي")
    types = {s: t for s, t, _ in found}
    assert types.get("مطار الملك عبدالعزيز الدولي") == "LOC"
    assert any(s.startswith("مركز الملك سلمان") and t == "ORG" for s, t, _ in found)
    assert not any(t == "PER" for _, t, _ in found)


# --- the knowledge base -------------------------------------------------------------------------------------
def test_knowledge_base_files_are_well_formed() -> None:
    from pipeline.config import RESOURCES_DIR

    for name, columns in (("key_actors.tsv", ACTOR_COLUMNS), ("key_roles.tsv", ROLE_COLUMNS)):
        rows = [ln.split("\t") for ln in (RESOURCES_DIR / "kb" / name).read_text(encoding="utf-8").split("\n")
                if ln and not ln.startswith("#")]
        assert tuple(rows[0]) == columns
        assert all(len(r) == len(columns) for r in rows[1:]), name
    kb = load_kb()
    assert len(kb.actors) >= 300 and len(kb.roles) >= 200
    owners: dict[str, str] = {}
    for actor in kb.actors.values():
        assert re.fullmatch(r"[a-z0-9_]+", actor.kb_id)
        assert (actor.type, actor.subtype in PERSON_SUBTYPES, actor.subtype in ORG_SUBTYPES,
                actor.subtype in MISC_SUBTYPES) in (
            ("PER", True, False, False), ("ORG", False, True, False), ("MISC", False, False, True)), actor.kb_id
        assert actor.country is None or re.fullmatch(r"[A-Z]{2}", actor.country)
        assert actor.father_kb_id is None or kb.actors[actor.father_kb_id].type == "PER"
        for alias in actor.aliases:
            key = identity_key(alias)
            assert owners.setdefault(key, actor.kb_id) == actor.kb_id, f"alias {alias} of two actors"
            assert key not in kb.by_ambiguous or kb.by_ambiguous[key] == (actor.kb_id,), alias
    for role in kb.roles:
        assert role.kb_id in kb.actors and kb.actors[role.kb_id].type == "PER"
        assert role.start is None or role.end is None or role.start <= role.end
        assert role.titles


def test_users_add_actors_through_their_own_file(tmp_path) -> None:
    from pipeline.config import RESOURCES_DIR
    from pipeline.lexicons import parse_kb_files

    extra = tmp_path / "mine.tsv"
    extra.write_text("\t".join(ACTOR_COLUMNS) + "\n" + "\t".join(
        ["acme_corp", "ORG", "company", "Acme Corporation", "شركة أكمي", "شركة أكمي|أكمي", "SA", "A company",
         "", "", ""]) + "\n", encoding="utf-8")
    kb = parse_kb_files([RESOURCES_DIR / "kb" / "key_actors.tsv", extra])
    assert kb.by_alias[identity_key("أكمي")] == "acme_corp"
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\ttype\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="first line must name the columns"):
        parse_kb_files([bad])


# --- linking inside the document, leaders, dual heads, facilities, shared place names ----------------------
def test_a_bare_form_is_the_actor_its_document_names() -> None:
    rows = [("d1", "النادي الأهلي المصري", "ORG"), ("d1", "الأهلي", "ORG"),
            ("d2", "البنك الأهلي", "ORG"), ("d2", "الأهلي", "ORG")]
    resolved = resolve_mentions(frame(rows))
    kb = kb_by_mention(resolved)
    assert kb["d1/الأهلي"] == "al_ahly_sc" and kb["d2/الأهلي"] == "ncb"


def test_a_bare_family_name_is_the_leader_of_the_story_country() -> None:
    rows = [("d1", "صنعاء", "LOC"), ("d1", "اليمن", "LOC"), ("d1", "صالح", "PER"),
            ("d2", "دمشق", "LOC"), ("d2", "سوريا", "LOC"), ("d2", "الأسد", "MISC")]
    resolved = resolve_mentions(frame([*rows, ("d3", "صالح", "PER")]))
    kb = kb_by_mention(resolved)
    assert kb["d1/صالح"] == "ali_abdullah_saleh"
    assert kb["d3/صالح"] is None  # no country in the story: a bare given name settles nothing


def test_dual_heads_facilities_and_shared_city_names() -> None:
    rows = [("d1", "جامعتي الملك عبد العزيز", "ORG"),
            ("d2", "مسجد الأمير نايف بن عبدالعزيز", "LOC"), ("d2", "مسجد الأمير نايف", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert resolved.filter(pl.col("doc_id") == "d1")["kb_id"][0] == "king_abdulaziz_university"
    assert entity_of(resolved, "d2", "مسجد الأمير نايف") == entity_of(resolved, "d2", "مسجد الأمير نايف بن عبدالعزيز")
    places = frame([("d3", "طرابلس", "LOC", None, "LB"), ("d4", "طرابلس", "LOC", None, "LY")])
    ents = build_entities(resolve_mentions(places))
    assert sorted(ents["country_code"].to_list()) == ["LB", "LY"]


def test_an_entity_is_named_with_its_article_back() -> None:
    rows = [("d1", "لقذافي", "PER"), ("d1", "لقذافي", "PER"), ("d2", "القذافي", "PER")]
    f = frame(rows).with_columns(pl.lit("القذافي").alias("normalized"))
    ents = build_entities(resolve_mentions(f))
    assert "لقذافي" not in ents["name_ar"].to_list()


def test_a_family_name_two_persons_of_the_document_share_is_the_one_named_last() -> None:
    rows = [("d1", "أحمد الشرع", "PER", 10), ("d1", "ماهر الشرع", "PER", 200), ("d1", "الشرع", "PER", 300),
            ("d1", "أحمد الشرع", "PER", 400), ("d1", "الشرع", "PER", 450)]
    f = frame_with(rows, "start")
    resolved = resolve_mentions(f)
    ids = resolved["entity_id"].to_list()
    assert ids[2] == ids[1] and ids[4] == ids[0] and ids[0] != ids[1]


def test_a_family_name_two_persons_share_is_the_one_the_story_called_by_the_noun_before_it() -> None:
    text = ("قتل الطفل الفلسطيني علي دوابشة وإصابة والده سعد دوابشة. وتوفي سعد دوابشة اليوم. "
            "وستقدم السلطة ملف مقتل الطفل دوابشة إلى المحكمة، وقال الأب دوابشة")
    starts = [text.index("علي دوابشة"), text.index("سعد دوابشة"), text.rindex("سعد دوابشة"),
              text.index("الطفل دوابشة") + len("الطفل "), text.index("الأب دوابشة") + len("الأب ")]
    names = ["علي دوابشة", "سعد دوابشة", "سعد دوابشة", "دوابشة", "دوابشة"]
    rows = [("d1", s, "PER") for s in names]
    f = frame(rows).with_columns(pl.Series("start", starts))
    resolved = resolve_mentions(f, pl.DataFrame({"doc_id": ["d1"], "text": [text]}))
    ids = resolved["entity_id"].to_list()
    assert ids[0] != ids[1] == ids[2]
    assert ids[3] == ids[0]  # "الطفل دوابشة": the child the story named, not the father named last
    assert ids[4] == ids[1]  # "الأب": no namesake was called so, the one named last before it


def test_a_family_name_alone_is_the_person_its_story_names_but_a_place_written_as_one_stays_a_place() -> None:
    texts = {"d1": "قال برناردينو ليون اليوم إن ليون متفائل", "d2": "وفي مدينة ليون الفرنسية قرر المزارعون",
             "d3": "أكد عاطي بن عطية القرشي أن القرشي سيحضر", "d4": "وقال عاطي بن عطية القرشي إنه", }
    rows = [("d1", "برناردينو ليون", "PER"), ("d1", "ليون", "PER"), ("d2", "ليون", "LOC"),
            ("d3", "عاطي بن عطية القرشي", "PER"), ("d3", "القرشي", "MISC"), ("d4", "عاطي بن عطية القرشي", "PER")]
    starts = [texts[d].index(s) if s != "ليون" or d != "d1" else texts[d].rindex(s) for d, s, _ in rows]
    f = frame(rows).with_columns(pl.Series("start", starts))
    documents = pl.DataFrame({"doc_id": list(texts), "published_at": [datetime(2015, 8, 1)] * 4,
                              "text": list(texts.values())})
    resolved = resolve_mentions(f, documents)
    leon = entity_of(resolved, "d1", "برناردينو ليون")
    # the corpus's "ليون" is mostly the person; the city written after "مدينة" stays a place of its own
    assert entity_of(resolved, "d1", "ليون") == leon and entity_of(resolved, "d2", "ليون") != leon
    assert resolved.filter(pl.col("doc_id") == "d2")["type"][0] == "LOC"
    # a family name the tagger called MISC in a story naming the person in full is that person
    assert entity_of(resolved, "d3", "القرشي") == entity_of(resolved, "d3", "عاطي بن عطية القرشي")


def test_a_bare_head_links_to_the_body_of_its_document() -> None:
    resolved = resolve_mentions(frame([("d1", "وزارة الحج", "ORG"), ("d1", "الوزارة", "ORG")]))
    assert entity_of(resolved, "d1", "الوزارة") == entity_of(resolved, "d1", "وزارة الحج")


def test_references_carry_their_country_entity_when_the_corpus_names_it() -> None:
    from pipeline.nlp.resolve import build_references

    text = "زار الوفد الروسي سوريا، وقال مسؤول بريطاني إن الوفد السوري رحب"
    documents = pl.DataFrame({"doc_id": ["d1"], "text": [text]})
    sentences = pl.DataFrame({"doc_id": ["d1"], "sentence_idx": [0], "start": [0], "end": [len(text)]})
    s = text.index("سوريا")
    mentions = pl.DataFrame({"doc_id": ["d1"], "start": [s], "end": [s + len("سوريا")],
                             "entity_id": [ids.entity_id("cc:SY")]})
    refs = build_references(documents, sentences, mentions)
    assert refs["surface"].to_list() == ["الروسي", "بريطاني", "السوري"]
    linked = dict(zip(refs["country_code"], refs["entity_id"], strict=True))
    assert linked == {"RU": None, "GB": None, "SY": ids.entity_id("cc:SY")}  # only Syria is named
    assert all(text[a:b] == t for a, b, t in refs.select("start", "end", "surface").iter_rows())


def test_oman_and_amman_and_the_gulf_by_its_two_names() -> None:
    rows = [("d1", "عمان", "LOC", None, "OM"), ("d2", "سلطنة عمان", "LOC"), ("d3", "عمان", "LOC", None, "JO"),
            ("d4", "الخليج", "LOC"), ("d5", "الخليج العربي", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "عمان") == entity_of(resolved, "d2", "سلطنة عمان")  # Oman
    assert entity_of(resolved, "d3", "عمان") != entity_of(resolved, "d1", "عمان")  # Amman
    assert entity_of(resolved, "d4", "الخليج") == entity_of(resolved, "d5", "الخليج العربي")
    ents = build_entities(resolved)
    assert sorted(ents.filter(pl.col("name_en").is_in(["Oman", "Amman"]))["country_code"].to_list()) == ["JO", "OM"]


def test_a_foreign_name_spelt_with_other_long_vowels_is_the_kb_person_but_arabic_names_are_not() -> None:
    rows = [("d1", "هيلري كلنتون", "PER"), ("d2", "وهيلري كلنتون", "PER"), ("d3", "محمد عباس", "PER")]
    resolved = resolve_mentions(frame(rows))
    kb = dict(zip(resolved["surface"], resolved["kb_id"], strict=True))
    assert kb["هيلري كلنتون"] == "hillary_clinton" and kb["وهيلري كلنتون"] == "hillary_clinton"
    assert kb["محمد عباس"] is None  # not محمود عباس


def test_the_definite_head_alone_is_the_body_its_document_named() -> None:
    rows = [("d1", "جامعة الدمام", "ORG"), ("d1", "الجامعة", "ORG"), ("d2", "الجامعة", "ORG"),
            ("d3", "خالد بن عبدالعزيز الفالح", "PER"), ("d4", "خالد الفالح", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "الجامعة") == entity_of(resolved, "d1", "جامعة الدمام")
    assert entity_of(resolved, "d2", "الجامعة") != entity_of(resolved, "d1", "جامعة الدمام")  # nothing settles it
    assert entity_of(resolved, "d4", "خالد الفالح") == entity_of(resolved, "d3", "خالد بن عبدالعزيز الفالح")


def test_a_body_named_without_its_country_is_the_one_of_the_story() -> None:
    rows = [("d1", "جمعية المهندسين السعودية", "ORG"), ("d2", "جمعية المهندسين المصرية", "ORG"),
            ("d3", "الرياض", "LOC"), ("d3", "جمعية المهندسين", "ORG"), ("d4", "جمعية المهندسين", "ORG")]
    resolved = resolve_mentions(frame(rows))
    saudi, egyptian = (entity_of(resolved, "d1", "جمعية المهندسين السعودية"),
                       entity_of(resolved, "d2", "جمعية المهندسين المصرية"))
    assert entity_of(resolved, "d3", "جمعية المهندسين") == saudi
    assert entity_of(resolved, "d4", "جمعية المهندسين") not in {saudi, egyptian}  # no country: two candidates


def test_a_body_every_state_has_is_the_one_of_its_storys_country() -> None:
    rows = [("d1", "الرياض", "LOC"), ("d1", "جدة", "LOC"), ("d1", "هيئة الأركان العامة", "ORG"),
            ("d2", "اليمن", "LOC"), ("d2", "صنعاء", "LOC"), ("d2", "هيئة الأركان العامة", "ORG"),
            ("d3", "الرياض", "LOC"), ("d3", "هيئة الأركان العامة", "ORG"),
            ("d4", "هيئة الأركان العامة", "ORG"), ("d5", "هيئة الأركان العامة", "ORG")]
    resolved = resolve_mentions(frame(rows))
    saudi, yemeni = entity_of(resolved, "d1", "هيئة الأركان العامة"), entity_of(resolved, "d2", "هيئة الأركان العامة")
    assert saudi != yemeni and entity_of(resolved, "d3", "هيئة الأركان العامة") == saudi
    # no country anywhere: each stays with its document, never one body across countries
    assert entity_of(resolved, "d4", "هيئة الأركان العامة") != entity_of(resolved, "d5", "هيئة الأركان العامة")


def test_other_names_of_a_body_every_state_has_are_that_countrys_body() -> None:
    rows = [("d1", "اليمن", "LOC"), ("d1", "عدن", "LOC"), ("d1", "هيئة الأركان", "ORG"),
            ("d2", "هيئة الأركان العامة للقوات المسلحة اليمنية", "ORG"),
            ("d3", "اليمن", "LOC"), ("d3", "هيئة الأركان العامة", "ORG")]
    resolved = resolve_mentions(frame(rows))
    yemeni = entity_of(resolved, "d2", "هيئة الأركان العامة للقوات المسلحة اليمنية")
    assert entity_of(resolved, "d1", "هيئة الأركان") == yemeni == entity_of(resolved, "d3", "هيئة الأركان العامة")


def test_a_bare_family_name_is_the_namesake_its_document_names_not_the_kb_actor() -> None:
    rows = [("d1", "عبد الله الدخيل", "PER", 100), ("d1", "الدخيل", "PER", 400),  # a club manager, not the minister
            ("d2", "مرسي", "PER", 0), ("d2", "هشام مرسي", "PER", 60),  # the headline names him just before
            ("d3", "القذافي", "PER", 100), ("d3", "الساعدي القذافي", "PER", 1500),  # his son, named much later
            ("d4", "الدخيل", "PER", 10)]
    f = frame_with(rows, "start")
    resolved = resolve_mentions(f)
    kb = kb_by_mention(resolved)
    assert kb["d1/الدخيل"] is None
    assert entity_of(resolved, "d1", "الدخيل") == entity_of(resolved, "d1", "عبد الله الدخيل")
    assert kb["d2/مرسي"] is None
    assert entity_of(resolved, "d2", "مرسي") == entity_of(resolved, "d2", "هشام مرسي")
    assert kb["d3/القذافي"] == "muammar_gaddafi"
    assert kb["d4/الدخيل"] == "azzam_al_dakhil"  # nothing else in its document: the KB's minister


def test_a_foreign_name_spelt_two_ways_is_one_person_but_arabic_names_never() -> None:
    rows = [("d1", "أليكسيس تسيبراس", "PER"), ("d2", "ألكسيس تسيبراس", "PER"), ("d3", "الكسيس تسيبراس", "PER"),
            ("d4", "خالد الشمري", "PER"), ("d5", "خالد الشميري", "PER"),  # two families
            ("d6", "محمد الحربي", "PER"), ("d7", "محمود الحربي", "PER"),  # two given names
            ("d8", "كريستيان غروس", "PER"), ("d9", "كريستيان جروس", "PER"),  # G written غ or ج
            ("d10", "خالد الغامدي", "PER"), ("d11", "خالد الجامدي", "PER"),  # but never two Arabic families
            ("d12", "خاميز رودريجيز", "PER"), ("d13", "خاميس رودريجيز", "PER"),  # a final S written ز or س
            ("d14", "خالد العنزي", "PER"), ("d15", "خالد العنسي", "PER")]  # (not an Arabic family's ز)
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d12", "خاميز رودريجيز") == entity_of(resolved, "d13", "خاميس رودريجيز")
    assert entity_of(resolved, "d14", "خالد العنزي") != entity_of(resolved, "d15", "خالد العنسي")
    assert len({entity_of(resolved, d, s) for d, s, _ in rows[:3]}) == 1
    assert entity_of(resolved, "d8", "كريستيان غروس") == entity_of(resolved, "d9", "كريستيان جروس")
    assert entity_of(resolved, "d10", "خالد الغامدي") != entity_of(resolved, "d11", "خالد الجامدي")
    assert entity_of(resolved, "d4", "خالد الشمري") != entity_of(resolved, "d5", "خالد الشميري")
    assert entity_of(resolved, "d6", "محمد الحربي") != entity_of(resolved, "d7", "محمود الحربي")


def test_a_foreign_name_spelt_another_way_goes_where_its_main_spelling_goes() -> None:
    """"سولاي مونتاري" is spelt like "سولي مونتاري", which is "سولي علي مونتاري" in its own article: all three
    are one person."""
    rows = [("d1", "سولي علي مونتاري", "PER"), ("d1", "سولي مونتاري", "PER"), ("d2", "سولي مونتاري", "PER"),
            ("d3", "سولي مونتاري", "PER"), ("d4", "سولاي مونتاري", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert len({entity_of(resolved, d, s) for d, s, _ in rows}) == 1


def test_a_family_name_written_with_and_without_its_article_is_one_person_across_articles() -> None:
    rows = [("d1", "يونس العليوي", "PER"), ("d2", "يونس العليوي", "PER"), ("d3", "يونس عليوي", "PER"),
            ("d4", "خالد الشميري", "PER"), ("d5", "خالد الشميري", "PER"),  # the most frequent of three spellings
            ("d6", "خالد شمري", "PER"), ("d9", "خالد الشمري", "PER"),  # but these two are another family
            ("d7", "محمد العلي", "PER"), ("d8", "محمد علي", "PER")]  # علي is a given name: two persons
    resolved = resolve_mentions(frame(rows))
    assert len({entity_of(resolved, d, s) for d, s, _ in rows[:3]}) == 1
    assert entity_of(resolved, "d6", "خالد شمري") == entity_of(resolved, "d9", "خالد الشمري")
    assert entity_of(resolved, "d6", "خالد شمري") != entity_of(resolved, "d4", "خالد الشميري")
    assert entity_of(resolved, "d4", "خالد الشميري") == entity_of(resolved, "d5", "خالد الشميري")
    assert entity_of(resolved, "d7", "محمد العلي") != entity_of(resolved, "d8", "محمد علي")


def test_a_facility_is_one_entity_with_or_without_international() -> None:
    rows = [("d1", "مطار الملك خالد الدولي", "ORG"), ("d2", "مطار الملك خالد", "ORG"),
            ("d3", "مطار الملك عبدالعزيز", "ORG")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "مطار الملك خالد الدولي") == entity_of(resolved, "d2", "مطار الملك خالد")
    assert entity_of(resolved, "d2", "مطار الملك خالد") != entity_of(resolved, "d3", "مطار الملك عبدالعزيز")


def test_a_bare_form_its_document_names_in_full_is_that_actor_whatever_its_type() -> None:
    rows = [("d1", "حزب العمال الكردستاني", "ORG"), ("d1", "الكردستاني", "MISC"),
            ("d2", "الكردستاني", "MISC")]  # nothing names the party in d2
    resolved = resolve_mentions(frame(rows))
    kb = kb_by_mention(resolved)
    assert kb["d1/الكردستاني"] == "pkk" and kb["d2/الكردستاني"] is None


def test_a_role_title_alone_is_its_holder_on_the_day() -> None:
    rows = [("d1", "أمير قطر", "PER", "أمير قطر", "QA"), ("d2", "أمير قطر", "PER", "أمير قطر", "QA"),
            ("d3", "أمير قطر", "PER", "أمير قطر", "QA")]
    days = docs({"d1": "2015-08-03", "d2": "2010-01-01"})  # d3 has no date
    resolved = resolve_mentions(frame(rows), days)
    assert resolved["kb_id"].to_list()[:2] == ["tamim_bin_hamad", "hamad_bin_khalifa"]
    assert resolved["kb_id"][2] is None and resolved["subtype"][2] == "name_fragment"
    # a title that holds its own nationality ("المرشد الإيراني": "المرشد" is no title alone)
    resolved = resolve_mentions(frame([("d1", "المرشد الإيراني", "PER", "المرشد الإيراني", "IR")]),
                                docs({"d1": "2015-07-20"}))
    assert resolved["kb_id"][0] == "ali_khamenei"
    # "المليك" (the monarch), a title only the Saudi kings hold
    resolved = resolve_mentions(frame([("d1", "المليك", "PER", "المليك", "SA")]), docs({"d1": "2015-08-03"}))
    assert resolved["kb_id"][0] == "salman_bin_abdulaziz"


def test_a_name_written_without_its_space_is_the_two_word_name() -> None:
    rows = [("d1", "بشار الأسد", "PER"), ("d2", "بشارالأسد", "PER"), ("d3", "عبدالرحمن", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d2", "بشارالأسد") == entity_of(resolved, "d1", "بشار الأسد")


def test_a_family_fragment_is_the_person_of_that_family_its_document_names() -> None:
    rows = [("d1", "عبد العزيز بن عبد الله آل الشيخ", "PER"), ("d1", "آل الشيخ", "PER"), ("d2", "آل الشيخ", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "آل الشيخ") == entity_of(resolved, "d1", "عبد العزيز بن عبد الله آل الشيخ")
    assert resolved.filter(pl.col("doc_id") == "d2")["subtype"][0] == "name_fragment"


def test_a_council_two_countries_have_is_the_one_its_sentence_or_the_two_before_name() -> None:
    rows = [("d1", "الرياض", "LOC", 0), ("d1", "مجلس الشورى", "ORG", 1),
            ("d2", "طهران", "LOC", 0), ("d2", "إيران", "LOC", 0), ("d2", "مجلس الشورى", "ORG", 1),
            # a Saudi column that goes on about Iran: no country in its sentence or the two before, so the
            # council is the corpus's own country's, named bare as domestic bodies are
            ("d3", "مجلس الشورى", "ORG", 1), ("d3", "إيران", "LOC", 3), ("d3", "إيران", "LOC", 4),
            # the council in a sentence about Tehran, in a story that names Saudi Arabia elsewhere
            ("d4", "الرياض", "LOC", 0), ("d4", "طهران", "LOC", 1), ("d4", "مجلس الشورى", "ORG", 1),
            # Iran named the sentence before: the Iranian council
            ("d5", "إيران", "LOC", 2), ("d5", "مجلس الشورى", "ORG", 3),
            ("d6", "جدة", "LOC", 0), ("d7", "الدمام", "LOC", 0)]
    f = frame_with(rows, "sentence_idx")
    resolved = resolve_mentions(f)
    kb = kb_by_mention(resolved)
    assert kb["d1/مجلس الشورى"] == "saudi_shura_council" and kb["d2/مجلس الشورى"] == "iran_majlis"
    assert kb["d3/مجلس الشورى"] == "saudi_shura_council" and kb["d4/مجلس الشورى"] == "iran_majlis"
    assert kb["d5/مجلس الشورى"] == "iran_majlis"


def test_a_royal_court_beside_a_republic_is_the_corpus_kingdoms() -> None:
    rows = [("d1", "مصر", "LOC", 0), ("d1", "الديوان الملكي", "ORG", 1), ("d1", "مصر", "LOC", 2),
            ("d2", "جدة", "LOC", 0), ("d3", "الدمام", "LOC", 0)]
    f = frame_with(rows, "sentence_idx")
    resolved = resolve_mentions(f)
    kb = kb_by_mention(resolved)
    assert kb["d1/الديوان الملكي"] == "saudi_royal_court"


def test_the_capital_phrase_is_the_capital() -> None:
    rows = [("d1", "العاصمة البريطانية", "LOC"), ("d2", "لندن", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "العاصمة البريطانية") == entity_of(resolved, "d2", "لندن")


def test_a_title_whose_holder_is_unknown_sits_beside_ambiguous_forms() -> None:
    # a title alone without a holder in the KB (a fragment) in a document with a bare club name
    rows = [("d1", "الرئيس الأوكراني", "PER", "الرئيس الأوكراني", "UA"), ("d1", "الأهلي", "ORG"),
            ("d1", "الهلال", "ORG")]
    resolved = resolve_mentions(frame(rows), docs({"d1": "2015-08-03"}))
    assert resolved.height == 3


def test_a_body_of_one_country_only_is_not_linked_in_a_story_about_another() -> None:
    rows = [("d1", "الرياض", "LOC", 0), ("d1", "وزارة العمل", "ORG", 1),
            ("d2", "القاهرة", "LOC", 0), ("d2", "مصر", "LOC", 0), ("d2", "وزارة العمل", "ORG", 1),
            ("d3", "بغداد", "LOC", 0), ("d3", "العراق", "LOC", 0), ("d3", "وزارة العمل", "ORG", 1),
            # other countries in its own sentence, in a Saudi story: the Saudi ministry
            ("d4", "الرياض", "LOC", 0), ("d4", "إندونيسيا", "LOC", 2), ("d4", "وزارة العمل", "ORG", 2),
            # the same in an Egyptian story: not the Saudi one
            ("d5", "القاهرة", "LOC", 0), ("d5", "مصر", "LOC", 2), ("d5", "وزارة العمل", "ORG", 2),
            # a list of countries none with a ministry of that name, in a story naming no other: the corpus's own
            ("d7", "وزارة العمل", "ORG", 0), ("d7", "بنجلاديش", "LOC", 0), ("d7", "النيجر", "LOC", 0),
            ("d8", "الرياض", "LOC", 0), ("d9", "جدة", "LOC", 0)]
    f = frame_with(rows, "sentence_idx")
    resolved = resolve_mentions(f)
    kb = kb_by_mention(resolved)
    assert kb["d1/وزارة العمل"] == "saudi_ministry_labour" and kb["d4/وزارة العمل"] == "saudi_ministry_labour"
    assert kb["d5/وزارة العمل"] is None and kb["d7/وزارة العمل"] == "saudi_ministry_labour"
    # the body of the one country its story names: Egypt's, the entity "وزارة العمل المصرية" names elsewhere
    egypt = resolve_mentions(pl.concat([f, frame([("d6", "وزارة العمل المصرية", "ORG")]).with_columns(
        pl.Series("sentence_idx", [0]))], how="diagonal"))
    assert entity_of(egypt, "d5", "وزارة العمل") == entity_of(egypt, "d6", "وزارة العمل المصرية")
    assert egypt.filter(pl.col("doc_id") == "d6")["country_code"][0] == "EG"
    assert kb["d2/وزارة العمل"] is None and kb["d3/وزارة العمل"] is None
    assert entity_of(resolved, "d2", "وزارة العمل") != entity_of(resolved, "d3", "وزارة العمل")  # never one body


def test_a_security_council_resolution_is_one_entity_by_its_number() -> None:
    text = ("دعا إلى تطبيق قرار مجلس الأمن رقم 2216. وقال إن مجلس الأمن اتخذ القرار 2216 بالإجماع، "
            "وبحث تنفيذ قرار مجلس الأمن الدولي (٢٢١٦) والقرار 2254.")
    tagged = tag_document(text, [(0, len(text))], RuleTagger(), entity_lexicon())
    rows = [("d1", text[s.start : s.end], s.type.value) for s in tagged]
    assert [r[1] for r in rows if r[2] == "MISC"] == [
        "قرار مجلس الأمن رقم 2216", "القرار 2216", "قرار مجلس الأمن الدولي (٢٢١٦)", "القرار 2254"]
    assert ("d1", "مجلس الأمن", "ORG") in rows  # the council itself, where it acts
    resolved = resolve_mentions(frame(rows))
    misc = resolved.filter(pl.col("type") == "MISC")
    assert misc["entity_id"].n_unique() == 2 and set(misc["subtype"]) == {"resolution"}
    assert entity_of(resolved, "d1", "القرار 2216") == entity_of(resolved, "d1", "قرار مجلس الأمن رقم 2216")
    names = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    assert "UN Security Council Resolution 2216" in names["name_en"].to_list()
    # without the council in the document a numbered decision is no resolution
    other = "صدر القرار 1436 بتاريخ أمس"
    assert not tag_document(other, [(0, len(other))], RuleTagger(), entity_lexicon())


def test_a_saudi_province_is_one_entity_apart_from_its_capital_city() -> None:
    rows = [("d1", "منطقة مكة المكرمة", "LOC"), ("d2", "منطقة مكة", "LOC"), ("d3", "مكة المكرمة", "LOC"),
            ("d4", "منطقة عسير", "LOC"), ("d5", "عسير", "LOC"), ("d6", "محافظة جدة", "LOC"), ("d7", "جدة", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d6", "محافظة جدة") == entity_of(resolved, "d7", "جدة")  # a governorate: the city
    assert entity_of(resolved, "d1", "منطقة مكة المكرمة") == entity_of(resolved, "d2", "منطقة مكة")
    assert entity_of(resolved, "d1", "منطقة مكة المكرمة") != entity_of(resolved, "d3", "مكة المكرمة")
    assert entity_of(resolved, "d4", "منطقة عسير") == entity_of(resolved, "d5", "عسير")
    entities = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    makkah = entities.filter(pl.col("name_en") == "Makkah Province")
    assert makkah.height == 1 and makkah["subtype"][0] == "province" and makkah["country_code"][0] == "SA"
    # a region's short form is the region ("أهالي الشرقية": the Eastern Province)
    resolved = resolve_mentions(frame([("d1", "المنطقة الشرقية", "LOC"), ("d2", "الشرقية", "LOC")]))
    assert entity_of(resolved, "d1", "المنطقة الشرقية") == entity_of(resolved, "d2", "الشرقية")


def test_a_long_name_with_the_whole_nasab_is_the_kb_person_its_ends_name() -> None:
    rows = [("d1", "بندر بن محمد بن حمزة أسعد حجار", "PER"), ("d2", "بندر حجار", "PER"),
            # a king's grandnephew whose nasab starts like the king's is not the king
            ("d3", "عبدالله بن عبدالعزيز بن مساعد آل سعود", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert resolved["kb_id"].to_list()[:2] == ["bandar_hajjar", "bandar_hajjar"]
    assert resolved["kb_id"][2] != "abdullah_bin_abdulaziz"


def three_places_then_the_city_and_the_province(text: str, places: list[str]) -> pl.DataFrame:
    """Resolves the three listed ``places`` of ``text`` (document d1), the last one's city use after them, and
    "منطقة <last>" in a document d2: rows 1 and 4 should be one entity (the province), 3 another (the city)."""
    last = places[-1]
    rows = [*(("d1", p, "LOC", text.index(p)) for p in places), ("d1", last, "LOC", text.rindex(last)),
            ("d2", "منطقة " + last, "LOC", 0)]
    f = frame_with(rows, "start")
    return resolve_mentions(f, pl.DataFrame({"doc_id": ["d1", "d2"], "text": [text, "منطقة " + last]}))


def test_places_listed_after_provinces_are_the_provinces() -> None:
    text = "في مناطق عسير ونجران وجازان، وفي جازان المدينة"
    resolved = three_places_then_the_city_and_the_province(text, ["عسير", "نجران", "جازان"])
    ids_ = resolved["entity_id"].to_list()
    assert ids_[2] == ids_[4] and ids_[3] != ids_[4]  # the listed one is the province, the other the city
    assert resolved["subtype"].to_list()[:3] == ["province", "province", "province"]
    entities = build_entities(resolved.with_columns(pl.lit(1).alias("end")))
    assert "Jazan Province" in entities["name_en"].to_list() and "Jizan" in entities["name_en"].to_list()


def test_the_two_holy_mosques_are_landmarks_by_any_of_their_names() -> None:
    rows = [("d1", "المسجد الحرام", "LOC"), ("d2", "بيت الله الحرام", "LOC"), ("d3", "المسجد النبوي", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "المسجد الحرام") == entity_of(resolved, "d2", "بيت الله الحرام")
    assert entity_of(resolved, "d1", "المسجد الحرام") != entity_of(resolved, "d3", "المسجد النبوي")
    assert set(resolved["subtype"]) == {"landmark"}


def test_a_person_is_named_by_a_surface_made_of_names_not_by_a_stretched_span() -> None:
    rows = [("d1", "لوفاء سلمان", "PER"), ("d1", "سلمان", "PER"), ("d1", "سلمان", "PER"),
            ("d2", "سيلفيو برلسكوني", "PER"), ("d2", "برلسكوني", "PER")]
    resolved = resolve_mentions(frame(rows))
    names = set(build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))["name_ar"])
    assert "لوفاء سلمان" not in names  # "for the loyalty of Salman": a proclitic on a common word
    assert "سيلفيو برلسكوني" in names  # a full name seen once


@pytest.mark.parametrize("city", ["الطائف", "الأحساء", "القطيف", "ينبع", "خميس مشيط", "بيشة", "الظهران", "عنيزة",
                                  "حفر الباطن", "أبو عريش", "الرياض", "جدة", "الدمام"])
def test_saudi_cities_are_in_the_gazetteer_with_coordinates(city: str) -> None:
    resolved = resolve_mentions(frame([("d1", city, "LOC")]))
    entities = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    assert entities["country_code"][0] == "SA" and entities["lat"][0] is not None, city


def test_a_name_ending_with_a_nationality_adjective_carries_its_country() -> None:
    resolved = resolve_mentions(frame([("d1", "الشرطة البريطانية", "ORG"), ("d2", "الجيش التركي", "ORG")]))
    assert resolved["country_code"].to_list() == ["GB", "TR"]


def test_a_shared_place_name_is_read_by_what_else_its_story_names() -> None:
    """Bare "عمان" (the stored text has no vowels: عُمان and عمّان are both "عمان") is Oman in a story that
    names Muscat or says "العمانية", Amman in one about Jordan; with no such evidence, the country (as "الكويت",
    "تونس" are: in news_sample every bare "عمان" no word of its story explains is Oman)."""
    texts = {"d1": "اخترقت رصاصة رأس طفلة في عمان أمس، وقالت السلطات العمانية إن الطفلة نقلت إلى مسقط",
             "d2": "وصلت إلى عمان طائرة تقل جرحى يمنيين إلى المستشفيات الأردنية",
             "d3": "سبق له تسجيل عمل في عمان على مساحة 4030 مترا",
             "d4": "التقى الرئيس في طرابلس وفدا من الحكومة الليبية"}
    # the tagger gives a shared name its outlet's country (SA here) as title_country
    rows = [("d1", "عمان", "LOC", None, "SA"), ("d1", "مسقط", "LOC"), ("d2", "عمان", "LOC", None, "SA"),
            ("d3", "عمان", "LOC", None, "SA"), ("d4", "طرابلس", "LOC", None, "SA"), ("d5", "سلطنة عمان", "LOC"),
            ("d6", "عمّان", "LOC", None, "JO")]
    documents = pl.DataFrame({"doc_id": [f"d{n}" for n in range(1, 7)],
                              "text": [texts.get(f"d{n}", "") for n in range(1, 7)]})
    resolved = resolve_mentions(frame(rows), documents)
    oman, amman = entity_of(resolved, "d5", "سلطنة عمان"), entity_of(resolved, "d6", "عمّان")
    assert entity_of(resolved, "d1", "عمان") == oman  # the Omani authorities, Muscat
    assert entity_of(resolved, "d2", "عمان") == amman  # Jordanian hospitals
    assert entity_of(resolved, "d3", "عمان") == oman  # nothing says which: the country
    cue = resolve_mentions(frame([("d1", "عمان", "LOC", None, "JO"), ("d1", "مسقط", "LOC")]), documents)
    assert entity_of(cue, "d1", "عمان") == amman  # its own words ("أمين عمان") before the story's
    # read as Oman in Saudi stories ("سلطان عمان"), the row is Oman's, not the gazetteer's default city
    sultan = frame([(f"d{n}", "عمان", "LOC", None, "SA") for n in range(3)]).with_columns(
        pl.lit("OM").alias("country_code"))
    assert build_entities(resolve_mentions(sultan))["name_en"].to_list() == ["Oman"]
    # its Arabic name is the one no city shares, when its mentions use it
    both = pl.concat([sultan, frame([("d9", "سلطنة عمان", "LOC")])], how="diagonal")
    assert build_entities(resolve_mentions(both))["name_ar"].to_list() == ["سلطنة عمان"]
    tripoli = entity_of(resolved, "d4", "طرابلس")
    ents = build_entities(resolved)
    assert ents.filter(pl.col("entity_id") == tripoli)["country_code"][0] == "LY"  # "الحكومة الليبية"


def test_an_events_short_form_links_to_its_documents_long_name_only() -> None:
    rows = [("d1", "مهرجان بريدة للتمور", "MISC"), ("d1", "مهرجان بريدة", "MISC"), ("d2", "مهرجان بريدة", "MISC"),
            ("d3", "كأس العالم للأندية", "MISC"), ("d4", "كأس العالم", "MISC"), ("d1", "بريدة", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "مهرجان بريدة") == entity_of(resolved, "d1", "مهرجان بريدة للتمور")
    assert entity_of(resolved, "d1", "مهرجان بريدة") != entity_of(resolved, "d1", "بريدة")  # not the city
    assert entity_of(resolved, "d4", "كأس العالم") != entity_of(resolved, "d3", "كأس العالم للأندية")


def test_a_capital_named_like_its_country_is_the_city() -> None:
    rows = [("d1", "العاصمة التونسية", "LOC"), ("d2", "تونس", "LOC"), ("d3", "العاصمة الكويتية", "LOC"),
            ("d4", "الكويت", "LOC")]
    resolved = resolve_mentions(frame(rows))
    names = dict(zip(resolved["surface"], resolved.join(build_entities(resolved).select("entity_id", "name_en"),
                                                         on="entity_id", how="left")["name_en"], strict=True))
    assert names == {"العاصمة التونسية": "Tunis", "تونس": "Tunisia", "العاصمة الكويتية": "Kuwait City",
                     "الكويت": "Kuwait"}


def test_two_spellings_of_democratic_are_one_name() -> None:
    assert identity_key("حزب الشعوب الديموقراطي") == identity_key("حزب الشعوب الديمقراطي")


def test_both_hamza_seats_of_affairs_and_official_are_one_name() -> None:
    assert identity_key("وزارة الشئون الاجتماعية") == identity_key("وزارة الشؤون الاجتماعية")
    assert identity_key("المسئول الإعلامي") == identity_key("المسؤول الإعلامي")
    assert identity_key("الشيوعي") != identity_key("الشؤون")


def test_the_particle_of_a_european_name_with_or_without_its_space() -> None:
    assert identity_key("خورخي دا سيلفا") == identity_key("خورخي داسيلفا")
    assert identity_key("لويس فان جال") == identity_key("لويس فانجال")
    rows = [("d1", "خورخي دا سيلفا", "PER"), ("d2", "خورخي داسيلفا", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert resolved["entity_id"].n_unique() == 1


def test_a_party_name_many_countries_have_is_its_countrys_party() -> None:
    rows = [("d1", "حزب العمال", "ORG"), ("d1", "بريطانيا", "LOC"), ("d2", "حزب العمال الكردستاني", "ORG"),
            ("d2", "تركيا", "LOC"), ("d3", "حزب العمال", "ORG"), ("d3", "أنقرة", "LOC"),
            ("d4", "حزب العمال", "ORG"), ("d4", "لندن", "LOC")]
    resolved = resolve_mentions(frame(rows))
    labour, pkk = entity_of(resolved, "d1", "حزب العمال"), entity_of(resolved, "d2", "حزب العمال الكردستاني")
    assert labour != pkk  # a British story's Labour is not the PKK the corpus names in full
    assert entity_of(resolved, "d3", "حزب العمال") == pkk  # a Turkish story's short form is
    assert entity_of(resolved, "d4", "حزب العمال") == labour
    assert resolved.filter(pl.col("entity_id") == labour)["country_code"].unique().to_list() == ["GB"]


def test_a_ministers_title_alone_is_the_minister_of_the_storys_country_that_day() -> None:
    rows = [("d1", "وزير العدل", "PER", "وزير العدل"), ("d1", "الرياض", "LOC"),
            ("d2", "وزير الخارجية", "PER", "وزير الخارجية"), ("d2", "جدة", "LOC")]
    resolved = resolve_mentions(frame(rows), docs({"d1": "2015-08-03", "d2": "2015-08-03"}))
    kb = kb_by_mention(resolved)
    assert kb["d1/وزير العدل"] == "waleed_al_samaani" and kb["d2/وزير الخارجية"] == "adel_al_jubeir"


def test_a_mosque_is_one_entity_by_either_head_with_or_without_an_honorific() -> None:
    rows = [("d1", "جامع الإمام الصادق", "LOC"), ("d1", "مسجد الإمام الصادق", "LOC"), ("d2", "مسجد الصادق", "LOC"),
            ("d3", "مسجد الأمير نايف", "LOC"), ("d3", "جامع الملك فهد", "LOC")]
    resolved = resolve_mentions(frame(rows))
    sadiq = entity_of(resolved, "d1", "جامع الإمام الصادق")
    assert entity_of(resolved, "d1", "مسجد الإمام الصادق") == sadiq == entity_of(resolved, "d2", "مسجد الصادق")
    assert entity_of(resolved, "d3", "مسجد الأمير نايف") != entity_of(resolved, "d3", "جامع الملك فهد")


def test_a_clubs_head_and_its_kb_name_are_the_kb_club() -> None:
    rows = [("d1", "فريق تشيلسي", "ORG"), ("d2", "تشيلسي", "ORG"), ("d3", "فريق الشباب", "ORG")]
    resolved = resolve_mentions(frame(rows))
    kb = dict(zip(resolved["surface"], resolved["kb_id"], strict=True))
    assert kb["فريق تشيلسي"] == kb["تشيلسي"] == "chelsea_fc"
    assert kb["فريق الشباب"] == "al_shabab_fc"  # the club, not the Somali al-Shabaab


def test_a_body_named_with_its_countrys_adjective_inside_is_that_countrys_body() -> None:
    rows = [("d1", "الاتحاد الجزائري لكرة القدم", "ORG"), ("d1", "الاتحاد الجزائري", "ORG"),
            ("d2", "الاتحاد الجزائري لكرة القدم", "ORG"), ("d3", "الاتحاد السعودي لكرة القدم", "ORG")]
    resolved = resolve_mentions(frame(rows))
    algeria = entity_of(resolved, "d1", "الاتحاد الجزائري لكرة القدم")
    assert entity_of(resolved, "d1", "الاتحاد الجزائري") == algeria
    assert entity_of(resolved, "d2", "الاتحاد الجزائري لكرة القدم") == algeria
    assert algeria != entity_of(resolved, "d3", "الاتحاد السعودي لكرة القدم")
    assert resolved.filter(pl.col("entity_id") == algeria)["country_code"].unique().to_list() == ["DZ"]


def test_an_event_named_by_its_head_is_one_entity_in_any_word_order() -> None:
    rows = [("d1", "مهرجان بريدة للتمور", "MISC"), ("d2", "مهرجان تمور بريدة", "MISC"), ("d2", "مهرجان بريدة", "MISC"),
            ("d3", "مهرجان جدة للتسوق", "MISC")]
    resolved = resolve_mentions(frame(rows))
    dates = entity_of(resolved, "d1", "مهرجان بريدة للتمور")
    assert entity_of(resolved, "d2", "مهرجان تمور بريدة") == dates == entity_of(resolved, "d2", "مهرجان بريدة")
    assert entity_of(resolved, "d3", "مهرجان جدة للتسوق") != dates


def test_one_foreign_person_spelt_with_other_long_vowels() -> None:
    rows = [("d1", "جورجيوس دونيس", "PER"), ("d2", "جيورجيوس دونيس", "PER"), ("d3", "جوريجيوس دونيس", "PER"),
            ("d4", "جورجيوس دونيس", "PER")]
    assert resolve_mentions(frame(rows))["entity_id"].n_unique() == 1
    # Arabic given names never match by skeleton
    rows = [("d1", "محمد الشمري", "PER"), ("d2", "محمود الشمري", "PER"), ("d3", "محمد الشمري", "PER")]
    assert resolve_mentions(frame(rows))["entity_id"].n_unique() == 2


def test_a_kb_body_with_descriptive_adjectives_after_it_is_that_body() -> None:
    resolved = resolve_mentions(frame([
        ("d1", "حزب سيريزا اليساري الراديكالي", "ORG"), ("d2", "حزب الله اللبناني", "ORG"),
        ("d3", "وزارة الداخلية المصرية", "ORG"), ("d4", "حزب العمال الكردستاني التركي", "ORG"),
    ]))
    kb = dict(zip(resolved["surface"], resolved["kb_id"], strict=True))
    assert kb["حزب سيريزا اليساري الراديكالي"] == "syriza"
    assert kb["حزب الله اللبناني"] == "hezbollah"
    # a nationality adjective of another country than the body's is another body
    assert kb["وزارة الداخلية المصرية"] != "saudi_mol_interior"


def test_a_bare_name_after_a_movement_head_is_the_party_not_the_club() -> None:
    text = "نفى النظام أعضاء حركة «النهضة» إلى أوروبا."
    start = text.index("النهضة")
    mentions = frame([("d1", "النهضة", "ORG")]).with_columns(pl.Series("start", [start]))
    documents = pl.DataFrame({"doc_id": ["d1"], "text": [text]})
    resolved = resolve_mentions(mentions, documents)
    assert resolved["kb_id"][0] == "ennahda"


def test_a_coach_named_by_his_nickname_or_full_given_name_is_one_person() -> None:
    rows = [("d1", "بيب جوارديولا", "PER"), ("d2", "جوسيب جوارديولا", "PER"), ("d3", "جوارديولا", "PER"),
            ("d4", "جوزيه مورينيو", "PER"), ("d5", "مورينهو", "PER")]
    resolved = resolve_mentions(frame(rows))
    kb = dict(zip([r[1] for r in rows], resolved["kb_id"].to_list(), strict=True))
    assert kb["بيب جوارديولا"] == kb["جوسيب جوارديولا"] == "pep_guardiola"
    assert kb["جوزيه مورينيو"] == "jose_mourinho"
    ids = resolved["entity_id"].to_list()
    assert ids[0] == ids[1] and ids[3] != ids[0]


def test_a_country_name_after_its_capital_phrase_is_the_capital() -> None:
    texts = {"d1": "أقيم التمرين على ملعب قرطاج بالعاصمة التونسية «تونس» مساء أمس",
             "d2": "وقالت الحكومة إن تونس تواجه الإرهاب"}
    rows = [("d1", "العاصمة التونسية", "LOC"), ("d1", "تونس", "LOC"), ("d2", "تونس", "LOC")]
    starts = [texts["d1"].index("العاصمة التونسية"), texts["d1"].index("«تونس»") + 1, texts["d2"].index("تونس")]
    f = frame(rows).with_columns(pl.Series("start", starts))
    resolved = resolve_mentions(f, pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    ids = resolved["entity_id"].to_list()
    assert ids[0] == ids[1] != ids[2]  # the capital twice; the country in the other story
    ents = build_entities(resolved)
    assert sorted(ents["name_en"].to_list()) == ["Tunis", "Tunisia"]
    assert sorted(ents["name_ar"].to_list()) == ["تونس", "مدينة تونس"]  # the city not named as its country


def test_a_name_a_country_shares_with_a_foreign_capital_is_the_country_unless_the_story_says_otherwise() -> None:
    texts = {"d1": "حيث سبق له تسجيل عمل في عمان على مساحة 4030 مترا مربعا",
             "d2": "وصلت طائرة مقبلة من العاصمة الأردنية عمان مساء أمس",
             "d3": "وقال وزير الخارجية الأردني إن عمان ترحب بالقرار وإن الأردن يدعمه"}
    rows = [("d1", "عمان", "LOC"), ("d2", "عمان", "LOC"), ("d3", "عمان", "LOC"), ("d3", "الأردن", "LOC")]
    starts = [texts["d1"].index("عمان"), texts["d2"].index("عمان"), texts["d3"].index("عمان"),
              texts["d3"].index("الأردن")]
    f = frame(rows).with_columns(pl.Series("start", starts))
    resolved = resolve_mentions(f, pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    name_en = dict(build_entities(resolved).select("entity_id", "name_en").iter_rows())
    assert [name_en[e] for e in resolved["entity_id"].to_list()[:3]] == ["Oman", "Amman", "Amman"]


def test_a_ministry_every_country_has_is_the_one_its_story_named_with_its_adjective() -> None:
    texts = {"d1": "كشفت وزارة الداخلية الكويتية أمس عن ضبط شبكة. وشارك المتهمون في القتال في العراق وسورية. "
                   "وتأتي هذه الخطوة بعد تمكن وزارة الداخلية من كشف ملابسات التفجير"}
    rows = [("d1", "وزارة الداخلية الكويتية", "ORG"), ("d1", "العراق", "LOC"), ("d1", "سورية", "LOC"),
            ("d1", "وزارة الداخلية", "ORG")]
    starts = [texts["d1"].index("وزارة الداخلية الكويتية"), texts["d1"].index("العراق"), texts["d1"].index("سورية"),
              texts["d1"].rindex("وزارة الداخلية")]
    f = frame(rows).with_columns(pl.Series("start", starts))
    resolved = resolve_mentions(f, pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
    assert entity_of(resolved, "d1", "وزارة الداخلية") == entity_of(resolved, "d1", "وزارة الداخلية الكويتية")


def test_a_definite_head_with_a_names_closing_adjective_is_that_name_of_its_story() -> None:
    rows = [("d1", "قناة السويس الجديدة", "LOC"), ("d1", "القناة الجديدة", "LOC"), ("d2", "القناة الجديدة", "LOC"),
            ("d2", "قناة الجزيرة", "ORG")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "القناة الجديدة") == entity_of(resolved, "d1", "قناة السويس الجديدة")
    # a story that names no such name leaves it to itself, never to another story's canal
    assert entity_of(resolved, "d2", "القناة الجديدة") != entity_of(resolved, "d1", "قناة السويس الجديدة")


def test_a_town_named_with_its_head_is_the_town() -> None:
    rows = [("d1", "مدينة كوباني", "LOC"), ("d2", "عين العرب", "LOC"), ("d3", "كوباني", "LOC"),
            ("d4", "بلدة الزبداني", "LOC"), ("d4", "الزبداني", "LOC")]
    resolved = resolve_mentions(frame(rows))
    kobani = entity_of(resolved, "d3", "كوباني")
    assert entity_of(resolved, "d1", "مدينة كوباني") == kobani == entity_of(resolved, "d2", "عين العرب")
    assert entity_of(resolved, "d4", "بلدة الزبداني") == entity_of(resolved, "d4", "الزبداني")


def test_places_in_brackets_among_bracketed_provinces_are_the_provinces() -> None:
    text = "الحكام: محمد الشهري من (نجران)، عبدالله شحيذي من (جازان)، وأحمد الشمري من (حائل). وفي حائل المدينة"
    resolved = three_places_then_the_city_and_the_province(text, ["نجران", "جازان", "حائل"])
    ids_ = resolved["entity_id"].to_list()
    assert ids_[2] == ids_[4] and ids_[3] != ids_[4]  # the bracketed one is the province, the other the city


def test_an_industrial_city_is_apart_from_its_town() -> None:
    rows = [("d1", "مدينة ينبع الصناعية", "LOC"), ("d2", "ينبع الصناعية", "LOC"), ("d3", "ينبع", "LOC"),
            ("d3", "محافظة ينبع", "LOC")]
    resolved = resolve_mentions(frame(rows))
    industrial = entity_of(resolved, "d1", "مدينة ينبع الصناعية")
    assert industrial == entity_of(resolved, "d2", "ينبع الصناعية") != entity_of(resolved, "d3", "ينبع")
    assert entity_of(resolved, "d3", "محافظة ينبع") == entity_of(resolved, "d3", "ينبع")


def test_a_municipality_is_one_entity_with_or_without_its_division_word() -> None:
    rows = [("d1", "أمانة منطقة الرياض", "ORG"), ("d2", "أمانة الرياض", "ORG"), ("d3", "أمانة محافظة الطائف", "ORG"),
            ("d4", "أمانة الطائف", "ORG"), ("d5", "إمارة منطقة عسير", "ORG"), ("d6", "إمارة عسير", "ORG")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "أمانة منطقة الرياض") == entity_of(resolved, "d2", "أمانة الرياض")
    assert entity_of(resolved, "d3", "أمانة محافظة الطائف") == entity_of(resolved, "d4", "أمانة الطائف")
    assert entity_of(resolved, "d5", "إمارة منطقة عسير") == entity_of(resolved, "d6", "إمارة عسير")
    assert entity_of(resolved, "d2", "أمانة الرياض") != entity_of(resolved, "d4", "أمانة الطائف")


def test_a_province_or_state_named_by_its_city_is_that_place_as_a_governorate_is() -> None:
    rows = [("d1", "إقليم ماردين", "LOC"), ("d2", "محافظة ماردين", "LOC"), ("d3", "ماردين", "LOC"),
            ("d4", "ولاية نيويورك", "LOC"), ("d5", "نيويورك", "LOC")]
    resolved = resolve_mentions(frame(rows))
    mardin = entity_of(resolved, "d3", "ماردين")
    assert entity_of(resolved, "d1", "إقليم ماردين") == entity_of(resolved, "d2", "محافظة ماردين") == mardin
    assert entity_of(resolved, "d4", "ولاية نيويورك") == entity_of(resolved, "d5", "نيويورك") != mardin


def test_a_listed_currency_or_deity_has_its_english_name_from_the_lexicon() -> None:
    rows = [("d1", "دولار", "MISC"), ("d2", "الدولار", "ORG"), ("d3", "الله", "MISC"), ("d4", "القرآن الكريم", "MISC")]
    resolved = resolve_mentions(frame(rows))
    ents = {r["entity_id"]: r for r in build_entities(resolved).iter_rows(named=True)}
    dollar = ents[entity_of(resolved, "d1", "دولار")]
    assert (dollar["name_en"], dollar["name_en_source"]) == ("dollar", "lexicon")
    assert ents[entity_of(resolved, "d3", "الله")]["name_en"] == "Allah"
    assert ents[entity_of(resolved, "d4", "القرآن الكريم")]["name_en"] == "Quran"


def test_a_chamber_of_commerce_by_its_full_name_is_the_chamber_of_its_city() -> None:
    rows = [("d1", "الغرفة التجارية الصناعية بجدة", "ORG"), ("d2", "غرفة جدة", "ORG"),
            ("d3", "الغرفة التجارية الصناعية في جدة", "ORG"), ("d4", "الغرفة التجارية الصناعية بالرياض", "ORG"),
            ("d5", "غرفة الرياض", "ORG")]
    resolved = resolve_mentions(frame(rows))
    jeddah = entity_of(resolved, "d1", "الغرفة التجارية الصناعية بجدة")
    assert jeddah == entity_of(resolved, "d2", "غرفة جدة")
    assert jeddah == entity_of(resolved, "d3", "الغرفة التجارية الصناعية في جدة")
    riyadh = entity_of(resolved, "d4", "الغرفة التجارية الصناعية بالرياض")
    assert riyadh == entity_of(resolved, "d5", "غرفة الرياض") != jeddah


def test_an_agency_that_reports_is_the_agency_not_the_region_or_the_adjective() -> None:
    found = spans("ونقلت الأناضول عن ضابط تركي أن الهجوم وقع في جنوب شرق تركيا.")
    assert ("الأناضول", "ORG", "anadolu") in found, found
    found = spans("وسافر الوفد إلى الأناضول أمس.")
    assert not any(kb == "anadolu" for _, _, kb in found), found
    found = spans("وقالت اليوم الثلاثاء إن الوزارة أغلقت المكتب.")
    assert not any(kb == "al_yaum" for _, _, kb in found), found


def test_a_district_named_with_its_area_word_is_the_district() -> None:
    rows = [("d1", "منطقة دار سعد", "LOC"), ("d2", "دار سعد", "LOC"), ("d3", "منطقة عسير", "LOC"),
            ("d3", "أبها", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "منطقة دار سعد") == entity_of(resolved, "d2", "دار سعد")
    assert entity_of(resolved, "d3", "منطقة عسير") != entity_of(resolved, "d3", "أبها")


def test_an_organisation_named_without_its_generic_head_in_another_article_is_the_same() -> None:
    rows = [("d1", "منظمة هيومن رايتس ووتش", "ORG"), ("d2", "هيومن رايتس ووتش", "ORG"),
            ("d3", "شركة كونوكو فيليبس", "ORG"), ("d4", "كونوكو فيليبس", "ORG")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "منظمة هيومن رايتس ووتش") == entity_of(resolved, "d2", "هيومن رايتس ووتش")
    assert entity_of(resolved, "d3", "شركة كونوكو فيليبس") == entity_of(resolved, "d4", "كونوكو فيليبس")


def test_a_foreign_organisation_spelt_with_other_long_vowels_is_one_entity() -> None:
    """"منظمة هيومان رايتس ووتش" and "هيومن رايتس ووتش" are one body (the KB's, when one spelling is linked);
    two names that differ in an Arabic word stay apart ("حزب العمل" ≠ "حزب العمال", "جامعة الملك سعود" ≠
    "جامعة الملك سعد")."""
    rows = [("d1", "منظمة هيومان رايتس ووتش", "ORG"), ("d2", "هيومن رايتس ووتش", "ORG"),
            ("d3", "شركة بوليبرو ترايدنغ", "ORG"), ("d4", "شركة بوليبرو ترايدنغ", "ORG"),
            ("d5", "شركة بوليبرو ترايدينغ", "ORG"),
            ("d6", "حزب العمل", "ORG"), ("d7", "حزب العمال", "ORG"),
            ("d8", "جامعة الملك سعود", "ORG"), ("d9", "جامعة الملك سعد", "ORG")]
    resolved = resolve_mentions(frame(rows))
    hrw = entity_of(resolved, "d1", "منظمة هيومان رايتس ووتش")
    assert hrw == entity_of(resolved, "d2", "هيومن رايتس ووتش")
    assert resolved.filter(pl.col("entity_id") == hrw)["kb_id"].unique().to_list() == ["human_rights_watch"]
    assert entity_of(resolved, "d5", "شركة بوليبرو ترايدينغ") == entity_of(resolved, "d3", "شركة بوليبرو ترايدنغ")
    assert entity_of(resolved, "d6", "حزب العمل") != entity_of(resolved, "d7", "حزب العمال")
    assert entity_of(resolved, "d8", "جامعة الملك سعود") != entity_of(resolved, "d9", "جامعة الملك سعد")


def test_a_place_spelt_with_other_long_vowels_or_g_is_the_place_the_gazetteer_knows() -> None:
    """"سالزبورج" = "سالزبورغ", "تايلند" = "تايلاند", "بروكسيل" = "بروكسل"; a longer name with the same skeleton
    ("فاراناسي": F-R-N-S, like فرنسا) and a definite word stay what they are; the mention carries the place's
    subtype."""
    rows = [("d1", "سالزبورغ", "LOC"), ("d2", "سالزبورج", "LOC"), ("d3", "تايلاند", "LOC"), ("d4", "تايلند", "LOC"),
            ("d5", "بروكسل", "LOC"), ("d6", "بروكسيل", "LOC"), ("d7", "فرنسا", "LOC"), ("d8", "فيرانيسي", "LOC")]
    resolved = resolve_mentions(frame(rows))
    for a, b in [("d1", "d2"), ("d3", "d4"), ("d5", "d6")]:
        first = resolved.filter(pl.col("doc_id") == a).row(0, named=True)
        second = resolved.filter(pl.col("doc_id") == b).row(0, named=True)
        assert (first["entity_id"], first["subtype"]) == (second["entity_id"], second["subtype"]), (a, b)
    assert entity_of(resolved, "d7", "فرنسا") != entity_of(resolved, "d8", "فيرانيسي")


def test_an_ambiguous_place_word_alone_is_the_longer_place_its_story_names_with_it() -> None:
    """"البيضاء" in a story of "الدار البيضاء" is Casablanca, in a story of "محافظة البيضاء" the Yemeni
    governorate; "أفريقيا" is no homograph and stays Africa beside "جنوب أفريقيا"."""
    rows = [("d1", "الدار البيضاء", "LOC"), ("d1", "البيضاء", "LOC"), ("d2", "محافظة البيضاء", "LOC"),
            ("d2", "البيضاء", "LOC"), ("d3", "جنوب أفريقيا", "LOC"), ("d3", "أفريقيا", "LOC")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "البيضاء") == entity_of(resolved, "d1", "الدار البيضاء")
    assert entity_of(resolved, "d2", "البيضاء") == entity_of(resolved, "d2", "محافظة البيضاء")
    assert entity_of(resolved, "d1", "البيضاء") != entity_of(resolved, "d2", "البيضاء")
    assert entity_of(resolved, "d3", "أفريقيا") != entity_of(resolved, "d3", "جنوب أفريقيا")


def test_a_given_name_no_list_has_is_the_person_of_its_document_named_so() -> None:
    """"دانا" after "دانا بيشوب" in one article is that person, listed given name or not; a word that is a
    family name elsewhere in the corpus is not taken for a first name."""
    rows = [("d1", "دانا بيشوب", "PER"), ("d1", "دانا", "PER"),
            ("d2", "شويل بن معيض آل عامر", "PER"), ("d2", "شويل", "PER"),
            ("d3", "حديش القرني", "PER"), ("d4", "سعيد حديش", "PER"), ("d4", "حديش", "PER")]
    resolved = resolve_mentions(frame(rows))
    assert entity_of(resolved, "d1", "دانا") == entity_of(resolved, "d1", "دانا بيشوب")
    assert entity_of(resolved, "d2", "شويل") == entity_of(resolved, "d2", "شويل بن معيض آل عامر")
    assert entity_of(resolved, "d4", "حديش") == entity_of(resolved, "d4", "سعيد حديش")  # (its family name)


def test_a_word_after_al_family_is_no_first_name_of_the_document() -> None:
    """"سرور" of "قرية آل سرور" is a family, not "سرور حسن الزهراني" named earlier in the story."""
    texts = {"d1": "قال سرور حسن الزهراني وأعيان قرية آل سرور إن سرور سيحضر"}
    rows = [("d1", "سرور حسن الزهراني", "PER"), ("d1", "سرور", "PER"), ("d1", "سرور", "PER")]
    starts = [texts["d1"].index("سرور حسن"), texts["d1"].index("آل سرور") + 3, texts["d1"].rindex("سرور")]
    f = frame(rows).with_columns(pl.Series("start", starts))
    documents = pl.DataFrame({"doc_id": ["d1"], "published_at": [datetime(2015, 8, 1)], "text": list(texts.values())})
    resolved = resolve_mentions(f, documents).sort("start")
    full, family, bare = resolved["entity_id"].to_list()
    assert bare == full and family != full


def test_a_bare_body_in_a_story_abroad_is_the_one_its_story_named_with_a_country() -> None:
    rows = [("d8", "الرياض", "LOC", 0), ("d9", "جدة", "LOC", 0), ("d10", "الدمام", "LOC", 0),
            # a story about an attack in Kuwait, naming Iraq most: its bare ministry is the Kuwaiti one
            ("d1", "الكويت", "LOC", 0), ("d1", "وزارة الداخلية الكويتية", "ORG", 0), ("d1", "العراق", "LOC", 1),
            ("d1", "العراق", "LOC", 2), ("d1", "العراق", "LOC", 2), ("d1", "وزارة الداخلية", "ORG", 6),
            # a Saudi story that names Qatar's cabinet once: its bare cabinet stays the Saudi one
            ("d2", "الرياض", "LOC", 0), ("d2", "جدة", "LOC", 0), ("d2", "مجلس الوزراء القطري", "ORG", 1),
            ("d2", "مجلس الوزراء", "ORG", 4)]
    resolved = resolve_mentions(frame_with(rows, "sentence_idx"))
    kb = kb_by_mention(resolved)
    assert kb["d1/وزارة الداخلية"] is None
    assert entity_of(resolved, "d1", "وزارة الداخلية") == entity_of(resolved, "d1", "وزارة الداخلية الكويتية")
    assert kb["d2/مجلس الوزراء"] == "saudi_council_of_ministers"


def test_a_body_is_not_named_by_a_longer_form_the_tagger_stretched_once() -> None:
    rows = [(f"d{k}", "مجلس التنمية السياحية", "ORG") for k in range(4)]
    rows.append(("d9", "مجلس التنمية السياحية الجاهزية التامة", "ORG"))
    resolved = resolve_mentions(frame(rows))
    names = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    assert resolved["entity_id"].n_unique() == 1 and names["name_ar"].to_list() == ["مجلس التنمية السياحية"]
    # a body's nationality added once keeps the longer name; a longer name seen twice is the name
    rows = [(f"d{k}", "جامعة أكسفورد", "ORG") for k in range(4)] + [("d9", "جامعة أكسفورد البريطانية", "ORG")]
    resolved = resolve_mentions(frame(rows))
    names = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    assert resolved["entity_id"].n_unique() == 1 and names["name_ar"].to_list() == ["جامعة أكسفورد البريطانية"]
    rows = [(f"d{k}", "هيئة قناة السويس", "ORG") for k in range(4)]
    rows += [("d8", "هيئة قناة السويس المصرية", "ORG"), ("d9", "هيئة قناة السويس المصرية", "ORG")]
    resolved = resolve_mentions(frame(rows))
    names = build_entities(resolved.with_columns(pl.lit(0).alias("start"), pl.lit(1).alias("end")))
    assert resolved["entity_id"].n_unique() == 1 and names["name_ar"].to_list() == ["هيئة قناة السويس المصرية"]
