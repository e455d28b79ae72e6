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
