"""A role title right before a person's name is a mention of that person of its own (``mention_kind`` 'title',
``name_mention_id`` the name's mention): "وزير الخارجية" of "وزير الخارجية السعودي، عادل الجبير" is Adel al-Jubeir,
as ACE counts a name and a nominal. Words of address and rank are no role, the nationality adjective stays a
reference to the country; a title holding a body's name leaves that name the mention; the name stays the entity's
name, events and references read names only."""

from __future__ import annotations

import polars as pl

from pipeline.nlp.ner.tagging import tag_documents
from pipeline.nlp.resolve import build_entities, named_mentions, resolve_mentions
from tests.unit.test_entity_spans import FixedTagger


def _rows(text: str, phrases: list[tuple[str, str]]) -> pl.DataFrame:
    documents = pl.DataFrame({"doc_id": ["d1"], "text": [text]})
    sentences = pl.DataFrame({"doc_id": ["d1"], "sentence_idx": [0], "start": [0], "end": [len(text)]})
    return tag_documents(documents, sentences, FixedTagger(phrases))


def _roles(rows: pl.DataFrame) -> list[str]:
    return rows.filter(pl.col("name_mention_id").is_not_null())["surface"].to_list()


def test_a_role_title_before_a_name_is_a_mention_of_the_same_person() -> None:
    text = "عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع نظيره المصري في القاهرة."
    rows = _rows(text, [("عادل الجبير", "PER"), ("القاهرة", "LOC")])
    role = rows.filter(pl.col("name_mention_id").is_not_null()).row(0, named=True)
    name = rows.filter(pl.col("surface") == "عادل الجبير").row(0, named=True)
    assert text[role["start"] : role["end"]] == role["surface"] == "وزير الخارجية"  # (السعودي: a reference)
    assert (role["mention_kind"], role["name_mention_id"], role["type"]) == ("title", name["mention_id"], "PER")
    assert name["mention_kind"] == "name" and name["name_mention_id"] is None
    resolved = resolve_mentions(rows)
    ids = dict(zip(resolved["surface"].to_list(), resolved["entity_id"].to_list(), strict=True))
    assert ids["وزير الخارجية"] == ids["عادل الجبير"] != ids["القاهرة"]
    assert resolved["mention_id"].to_list() == rows["mention_id"].to_list()  # the rows keep their order
    ents = build_entities(resolved)
    person = ents.filter(pl.col("entity_id") == ids["عادل الجبير"]).row(0, named=True)
    assert person["name_ar"] == "عادل الجبير" and person["n_mentions"] == 2  # counted, never its name
    assert "وزير الخارجية" not in named_mentions(resolved)["surface"].to_list()


def test_the_role_leaves_out_words_of_address_and_rank_and_one_word_is_no_role() -> None:
    assert _roles(_rows("وأكد وزير الصحة الدكتور خالد الفالح أن", [("خالد الفالح", "PER")])) == ["وزير الصحة"]
    assert _roles(_rows("استقبل صاحب السمو الملكي الأمير خالد الفيصل الوفد",
                        [("خالد الفيصل", "PER")])) == []  # a style and a rank: no role
    assert _roles(_rows("وقال الدكتور عبدالله الربيعة إن", [("عبدالله الربيعة", "PER")])) == []
    assert _roles(_rows("وقال الرئيس بشار الأسد إن", [("بشار الأسد", "PER")])) == []  # a bare head
    assert _roles(_rows("وقال الرئيس السوري بشار الأسد إن", [("بشار الأسد", "PER")])) == ["الرئيس"]
    assert _roles(_rows("وأكد رئيس الوزراء البريطاني ديفيد كاميرون أن", [("ديفيد كاميرون", "PER")])) == ["رئيس الوزراء"]
    assert _roles(_rows("ونقل تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز للحضور",
                        [("سلمان بن عبدالعزيز", "PER")])) == ["خادم الحرمين الشريفين"]


def test_no_role_after_the_name_or_over_a_body_and_a_proclitic_stays_outside() -> None:
    assert _roles(_rows("دافع محمد جواد ظريف، وزير الخارجية الإيراني، عن الاتفاق", [("محمد جواد ظريف", "PER")])) == []
    text = "وكان رئيس الاتحاد الكويتي طلال الفهد قد اعتذر"
    assert _roles(_rows(text, [("الاتحاد الكويتي", "ORG"), ("طلال الفهد", "PER")])) == []  # the body stays its own
    rows = _rows("صدمت رواية للكاتب التونسي شكري المبخوت القراء", [("شكري المبخوت", "PER")])
    role = rows.filter(pl.col("name_mention_id").is_not_null()).row(0, named=True)
    assert (role["surface"], role["normalized"]) == ("لكاتب", "الكاتب")  # (ل+ال: the article back)


def _alone(text: str, phrases: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(surface, name it stands for) of the role mentions that are not right before their name."""
    rows = _rows(text, phrases)
    names = dict(zip(rows["mention_id"].to_list(), rows["surface"].to_list(), strict=True))
    starts = dict(zip(rows["mention_id"].to_list(), rows["start"].to_list(), strict=True))
    roles = rows.filter(pl.col("name_mention_id").is_not_null())
    return [(s, names[n]) for s, n, e in roles.select("surface", "name_mention_id", "end").iter_rows()
            if not 0 <= starts[n] - e <= 12]


def test_the_role_alone_elsewhere_in_the_document_is_the_person_who_holds_it() -> None:
    text = ("عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع نظيره. وأكد وزير الخارجية أن المملكة ماضية. "
            "وزار رئيس الوزراء العراقي حيدر العبادي بغداد. وقال المستشار الاقتصادي لرئيس الوزراء، في حديث، إن "
            "الزيارة ناجحة.")
    phrases = [("عادل الجبير", "PER"), ("حيدر العبادي", "PER"), ("بغداد", "LOC")]
    assert _alone(text, phrases) == [("وزير الخارجية", "عادل الجبير"), ("رئيس الوزراء", "حيدر العبادي")]
    resolved = resolve_mentions(_rows(text, phrases))
    assert resolved.filter(pl.col("surface").is_in(["وزير الخارجية", "عادل الجبير"]))["entity_id"].n_unique() == 1


def test_no_role_alone_when_it_is_another_s_or_longer_or_held_by_two() -> None:
    first = "عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع نظيره. "
    phrases = [("عادل الجبير", "PER")]
    assert _alone(first + "وقال نائب وزير الخارجية إن الوفد وصل.", phrases) == []  # his deputy
    assert _alone(first + "والتقى وزير الخارجية الأمريكي الوفد.", phrases) == []  # another country's
    assert _alone(first + "واستقبل وزير الخارجية بجمهورية بنغلاديش الوفد.", phrases) == []
    two = ("وقال رئيس الوزراء البريطاني ديفيد كاميرون إن الاتفاق جيد. ورد رئيس الوزراء اليوناني ألكسيس تسيبراس "
           "بأن رئيس الوزراء يعرف ذلك.")
    assert _alone(two, [("ديفيد كاميرون", "PER"), ("ألكسيس تسيبراس", "PER")]) == []  # two hold it: no one


def test_a_role_right_after_another_name_is_that_name_s_title() -> None:
    # "المرشد الأعلى للثورة" is Khamenei's role in the story, but after "الخميني" it is Khomeini's title
    text = ("ورد المرشد الأعلى للثورة علي خامنئي على الاتفاق. وذكر الكاتب بما جرى عندما صرح الخميني المرشد الأعلى "
            "للثورة عام 1979 أن الثورة ستصدر.")
    assert _alone(text, [("علي خامنئي", "PER"), ("الخميني", "PER")]) == []


def test_a_name_behind_and_opens_a_new_item_the_title_before_it_is_the_previous_name_s() -> None:
    text = "وحضر اللقاء نزار بن عبيد مدني وزير الدولة للشؤون الخارجية، وخالد بن علي الحميدان رئيس الاستخبارات."
    rows = _rows(text, [("نزار بن عبيد مدني", "PER"), ("خالد بن علي الحميدان", "PER")])
    assert _roles(rows) == []
    titles = dict(zip(rows["surface"].to_list(), rows["title"].to_list(), strict=True))
    assert titles["خالد بن علي الحميدان"] is None  # (the title after Nizar Madani stays his)


def test_a_rank_behind_a_proclitic_is_no_role_and_a_name_settled_as_a_body_has_none() -> None:
    # "للفريق" is ل + "الفريق" (the team, or the rank): no role of two words once it is gone
    assert _roles(_rows("تحت أنظار المدير الفني للفريق البرتغالي مانويل قوميز، والذي دخل",
                        [("مانويل قوميز", "PER")])) == []
    rows = _rows("وأعلن المدير العام سامي نتدبر أن الأرباح ارتفعت.", [("سامي نتدبر", "PER")])
    assert _roles(rows) == ["المدير العام"]
    name = rows.filter(pl.col("surface") == "سامي نتدبر")
    as_body = pl.concat([name.with_columns(pl.lit(f"d{k}").alias("doc_id"), pl.lit(f"m{k}").alias("mention_id"),
                                           pl.lit("ORG").alias("type")) for k in range(2, 5)])
    resolved = resolve_mentions(pl.concat([rows, as_body]))  # the corpus reads the name as a body: no role
    assert resolved.filter(pl.col("name_mention_id").is_not_null()).height == 0
    assert set(resolved["type"].to_list()) == {"ORG"}


def test_events_read_a_role_alone_but_not_the_role_right_before_its_name() -> None:
    text = ("عقد وزير الخارجية السعودي، عادل الجبير، اجتماعاً مع نظيره. وأكد وزير الخارجية أن المملكة ماضية.")
    resolved = resolve_mentions(_rows(text, [("عادل الجبير", "PER")]))
    roles = named_mentions(resolved).filter(pl.col("name_mention_id").is_not_null())
    assert roles["start"].to_list() == [text.index("وزير الخارجية أن")]  # the role alone, not the apposed one
    assert resolved.filter(pl.col("name_mention_id").is_not_null()).height == 2
