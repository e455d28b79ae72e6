import pytest

from pipeline.nlp.ner.base import bio_to_spans, proclitic_length, tag_document
from pipeline.nlp.ner.enrich import entity_lexicon
from pipeline.nlp.ner.rules import RuleTagger
from pipeline.nlp.text import normalize_for_matching


def _spans_with_labels(text: str, labels: dict[str, str], confidence: float = 0.7) -> set[str]:
    """The surfaces :func:`tag_document` keeps over ``text`` (one sentence) when a backend gave each word of
    ``labels`` its BIO label and every other word O."""

    class Fixed:
        name = "fixed"

        def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
            return [[(labels[w], confidence) if w in labels else ("O", 1.0) for w in s] for s in sentences]

    return {text[s.start:s.end] for s in tag_document(text, [(0, len(text))], Fixed(), entity_lexicon())}


def spans(text: str) -> list[tuple[str, str]]:
    out = tag_document(text, [(0, len(text))], RuleTagger(), entity_lexicon())
    for s in out:
        assert text[s.start : s.end]  # offsets point into the text
    return [(text[s.start : s.end], s.type) for s in out]


def test_title_rule_finds_person_after_title_and_nisba():
    assert ("فلاديمير بوتين", "PER") in spans("التقى الرئيس الروسي فلاديمير بوتين نظيره في موسكو")


def test_title_rule_skips_comma_after_role():
    assert ("أسعد الشيباني", "PER") in spans("وزير الخارجية السوري, أسعد الشيباني, وصل")


def test_surname_propagates_within_document():
    found = spans("قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات جيدة. وأضاف لافروف أن الزيارة مهمة")
    assert found.count(("لافروف", "PER")) == 1 and ("سيرغي لافروف", "PER") in found


@pytest.mark.parametrize(("text", "surface"), [
    ("وصل الوفد وموسكو", "موسكو"),
    ("العلاقات بين سوريا وروسيا", "روسيا"),
    ("زيارة لروسيا", "روسيا"),
    ("بيان للكرملين", "لكرملين"),
])
def test_proclitics_stay_outside_the_span(text: str, surface: str):
    assert surface in [s for s, _ in spans(text)]


def test_article_stays_inside_and_gazetteer_types():
    found = spans("أعلن الكرملين أن الأمم المتحدة في دمشق")
    assert ("الكرملين", "ORG") in found and ("الأمم المتحدة", "ORG") in found and ("دمشق", "LOC") in found


def test_org_head_rule():
    assert ("وزارة الدفاع الروسية", "ORG") in spans("وقالت وزارة الدفاع الروسية في بيان")


def test_no_entities_in_plain_prose():
    assert spans("وتأتي هذه المحادثات في إطار تعزيز التعاون") == []


def test_bio_to_spans_handles_stray_inside_and_types():
    labels = [("B-PERS", 0.9), ("I-PERS", 0.7), ("O", 1), ("I-LOC", 0.5), ("B-ORG", 1.0)]
    assert bio_to_spans(labels) == [(0, 2, "PER", 0.8), (3, 4, "LOC", 0.5), (4, 5, "ORG", 1.0)]


def test_proclitic_length_rules():
    known = {normalize_for_matching("موسكو"), normalize_for_matching("واشنطن")}
    is_known = known.__contains__
    assert proclitic_length("وموسكو", is_known) == 1
    assert proclitic_length("واشنطن", is_known) == 0  # the و belongs to the name
    assert proclitic_length("والكرملين", is_known) == 1
    assert proclitic_length("بالعراق", is_known) == 1
    assert proclitic_length("بوتين", is_known) == 0  # ب is part of an unknown name: keep it
    assert proclitic_length("فلاديمير", is_known) == 0
    names = is_known.__self__ | {normalize_for_matching("أحمد"), normalize_for_matching("فيصل")}
    assert proclitic_length("وأحمد", names.__contains__) == 1
    assert proclitic_length("فيصل", names.__contains__) == 0  # a name as written keeps its ف (not "يصل")
    # a conjunction before an unknown word goes only when the rest is the more frequent word
    freq = {normalize_for_matching("مارتن"): 6, normalize_for_matching("ومارتن"): 1,
            normalize_for_matching("ويندوز"): 5}.get
    assert proclitic_length("ومارتن", is_known, frequency=lambda w: freq(w, 0)) == 1
    assert proclitic_length("ويندوز", is_known, frequency=lambda w: freq(w, 0)) == 0  # not "يندوز"
    assert proclitic_length("بلاتر", is_known, frequency=lambda w: freq(w, 0)) == 0  # not "لاتر"
    # after ك ("like") a place or body, never a bare given name: "كرافت" is Kraft, not ك + رأفت
    given = {normalize_for_matching("رأفت"), normalize_for_matching("رافت")}
    places_and_given = (known | given | {normalize_for_matching("إيران")}).__contains__
    assert proclitic_length("كإيران", places_and_given, is_given=given.__contains__) == 1
    assert proclitic_length("كرافت", places_and_given, is_given=given.__contains__) == 0
    assert proclitic_length("ورأفت", places_and_given, is_given=given.__contains__) == 1


def test_propagate_names_extends_and_repeats_any_backend_output():
    from pipeline.nlp.ner.base import name_keys, person_names, propagate_names

    sents = [["التقى", "أحمد", "الشرع", "بوتين"], ["وقال", "الشرع", "إن", "ولافروف", "وأحمد", "الشرع"]]
    labels = [[("O", 1.0), ("B-PERS", 0.9), ("I-PERS", 0.9), ("B-LOC", 0.5)],
              [("O", 1.0), ("O", 1.0), ("O", 1.0), ("O", 1.0), ("B-PERS", 0.8), ("O", 1.0)]]
    keys = name_keys(person_names(sents, labels))
    assert keys == {("احمد", "الشرع"), ("الشرع",)}
    out = propagate_names(sents, labels, keys)
    assert [lab for lab, _ in out[0]] == ["O", "B-PERS", "I-PERS", "B-LOC"]  # other types untouched
    assert [lab for lab, _ in out[1]] == ["O", "B-PERS", "O", "O", "B-PERS", "I-PERS"]  # extended to the full name


def test_proclitic_length_between_two_places_and_before_an_article_of_no_word() -> None:
    places = {normalize_for_matching(w) for w in ("وجدة", "جدة", "واشنطن")}
    freq = {normalize_for_matching("جدة"): 7, normalize_for_matching("وجدة"): 5,
            normalize_for_matching("كاليفورنيا"): 4, normalize_for_matching("بالعراق"): 5,
            normalize_for_matching("العراق"): 7}
    kwargs = {"frequency": lambda w: freq.get(w, 0), "is_place": places.__contains__}
    assert proclitic_length("وجدة", places.__contains__, **kwargs) == 1  # and Jeddah, not Oujda
    assert proclitic_length("واشنطن", places.__contains__, **kwargs) == 0  # "اشنطن" is no place
    assert proclitic_length("كاليفورنيا", places.__contains__, **kwargs) == 0  # "اليفورنيا" is no word
    assert proclitic_length("بالعراق", places.__contains__, **kwargs) == 1
    # ل before the article is written لل: what is left is the word with its article ("الدفاع"), not "لدفاع"
    freq2 = {normalize_for_matching("للدفاع"): 5, normalize_for_matching("الدفاع"): 9}
    assert proclitic_length("للدفاع", places.__contains__, frequency=lambda w: freq2.get(w, 0)) == 1


def test_proclitic_length_keeps_the_f_of_a_word_more_frequent_as_written() -> None:
    known = {normalize_for_matching(w) for w in ("رانس", "سوريا", "غانا")}.__contains__  # Reims, Syria, Ghana
    freq = {normalize_for_matching("فرانس"): 3, normalize_for_matching("سوريا"): 9, normalize_for_matching("فسوريا"): 1,
            normalize_for_matching("غانا"): 1, normalize_for_matching("وغانا"): 2}
    kwargs = {"frequency": lambda w: freq.get(w, 0)}
    assert proclitic_length("فرانس", known, **kwargs) == 0  # "فرانس برس", not ف + Reims
    assert proclitic_length("فسوريا", known, **kwargs) == 1
    assert proclitic_length("وغانا", known, **kwargs) == 1  # و stands before names often: and Ghana
    common = {normalize_for_matching("ورد"): 8, normalize_for_matching("فورد"): 2,
              normalize_for_matching("ومارتن"): 1, normalize_for_matching("مارتن"): 6}
    assert proclitic_length("فورد", known, frequency=lambda w: common.get(w, 0)) == 0  # Ford, not ف + ورد
    assert proclitic_length("ومارتن", known, frequency=lambda w: common.get(w, 0)) == 1


def test_an_accusative_word_of_the_language_is_no_proclitic_and_a_name() -> None:
    from pipeline.nlp.ner.enrich import first_word_keys, is_common_accusative

    assert is_common_accusative("باكرا") and is_common_accusative("لزاما") and is_common_accusative("كمينا")
    assert not is_common_accusative("كوريا") and not is_common_accusative("بريطانيا")  # كوري, بريطاني: names' words
    assert not is_common_accusative("وجوبا")  # after و a name may follow: "الخرطوم وجوبا"
    assert [cut for cut, _ in first_word_keys("باكرا")] == [0]  # no ب + Accra
    assert any(cut for cut, _ in first_word_keys("بلندن"))
    assert proclitic_length("فاديا", lambda form: form == "ادي") == 0  # Fadia, not ف + ادي


def test_an_accusative_word_tagged_as_a_place_is_dropped() -> None:
    text = "وأشارت إلى أن المتمردين نصبوا «كمينا» قرب مكان التفجير في كوريا."
    spans = _spans_with_labels(text, {"كمينا": "B-LOC", "كوريا": "B-LOC"}, 0.6)
    assert "كوريا" in spans and not any("مينا" in s for s in spans)


def test_a_name_known_as_a_whole_keeps_its_first_letter_between_quotation_marks() -> None:
    text = "وقال مصدر في الاتحاد لوكالة «فرانس برس» إن اللجنة ستعلن عنها قريبا."
    assert "فرانس برس" in _spans_with_labels(text, {"فرانس": "B-ORG", "برس": "I-ORG"}, 0.9)


def test_proclitic_length_before_a_names_particle() -> None:
    assert proclitic_length("وبن", lambda _: False) == 1  # "وبن علوي"
    assert proclitic_length("وآل", lambda _: False) == 1
    assert proclitic_length("بن", lambda _: False) == 0


def _fixture_documents() -> list[str]:
    """Texts to compare two ways of tagging on: the seeds and the labelled sentences, 25 to a document."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    docs = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    sentences = [json.loads(line)["sentence"] for name in ("events_gold", "events_dev3", "events_dev5")
                 for line in (root / "tests" / "fixtures" / "events" / f"{name}.jsonl").read_text(
                     encoding="utf-8").splitlines() if line.strip()]
    docs += [" ".join(sentences[k : k + 25]) for k in range(0, len(sentences), 25)]
    return docs


def test_titled_positions_equal_titled_at_everywhere() -> None:
    from pipeline.nlp.ner.enrich import _titled_at, identity_key, titled_positions
    from pipeline.nlp.text import tokenize

    lex = entity_lexicon()
    seen = 0
    for text in _fixture_documents():
        words = [t.text for t in tokenize(text)]
        keys = [identity_key(w) for w in words]
        got = titled_positions(words, keys, lex)
        assert got == [_titled_at(words, keys, i, lex) for i in range(len(words))]
        seen += sum(got)
    assert seen > 50


def test_dictionary_scan_skips_only_tokens_where_no_rule_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """apply_dictionary steps over tokens no rule can start at; scanning every token gives the same spans."""
    import pipeline.nlp.ner.enrich as enrich
    from pipeline.nlp.ner.tagging import make_backend

    lex = entity_lexicon()
    backend = make_backend("crf")
    docs = _fixture_documents()

    def tag_all() -> list[list[tuple[int, int, str, str | None]]]:
        return [[(s.start, s.end, str(s.type), s.kb_id) for s in tag_document(text, [(0, len(text))], backend, lex)]
                for text in docs]

    fast = tag_all()
    real = enrich._word_cues
    monkeypatch.setattr(enrich, "_word_cues", lambda token, lex: (True, *real(token, lex)[1:]))
    assert tag_all() == fast
    assert sum(len(spans) for spans in fast) > 500


def test_the_crown_prince_in_the_accusative_is_no_person_named_leah() -> None:
    text = "وأصدر الملك أمرا بتعيين الأمير مقرن بن عبد العزيز وليا للعهد."
    assert not any("ليا" in s for s in _spans_with_labels(text, {"وليا": "B-PERS"}, 0.6))


@pytest.mark.parametrize(("text", "words", "kept"), [
    ("وعقد الوزير مؤتمرا صحفيا في الرياض.", ("مؤتمرا", "صحفيا"), False),
    ("وقرر المجلس تعيين خالد وتعيينه نائبا للرئيس.", ("وتعيينه", "نائبا"), False),
    ("وشاهد السكان أسدا هاربا في الحي.", ("أسدا", "هاربا"), False),
    ("وشاركت الممثلة أوبرا وينفري في الحفل.", ("أوبرا", "وينفري"), True),  # a name, not an accusative
    ("وظهرت الممثلة كيت مارا في الفيلم.", ("كيت", "مارا"), True),
    ("وأنشد الشاعر طاهر أبو فاشا قصيدته.", ("طاهر", "أبو", "فاشا"), True),  # a name particle: a person
])
def test_a_person_span_of_words_of_the_language_one_in_the_accusative_is_dropped(
        text: str, words: tuple[str, ...], kept: bool) -> None:
    labels = {w: ("B-" if k == 0 else "I-") + "PERS" for k, w in enumerate(words)}
    assert any(words[-1] in f for f in _spans_with_labels(text, labels, 0.6)) is kept


@pytest.mark.parametrize(("text", "word", "tag", "kept"), [
    ("ومن يريدون النيل منه وتشويهه بأعمالهم.", "النيل", "LOC", False),  # to harm, not the Nile
    ("وزار الوفد ضفاف النيل في القاهرة.", "النيل", "LOC", True),
    ("ويميل الناس إلى تصديق هذه الأخبار بسرعة.", "الأخبار", "ORG", False),  # the news
    ("وقالت صحيفة «الأخبار» إن الوزير استقال.", "الأخبار", "ORG", True),  # the daily, named as an outlet
    ("ولسان حاله يقول إنه لم يسمع.", "ولسان", "ORG", False),
    ("فويل لهم مما كتبت أيديهم.", "فويل", "ORG", False),
])
def test_common_words_that_are_names_elsewhere(text: str, word: str, tag: str, kept: bool) -> None:
    assert bool(_spans_with_labels(text, {word: "B-" + tag})) is kept


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("حدث خلاف شديد بيني وبين المخرج.", "بيني", "PERS"),  # between me and
    ("إذ لا أمن بلا إيمان ولا نماء.", "إيمان", "PERS"),  # faith
    ("وكأن البعض يتكهن بمصير الميت من خلال علاماته.", "الميت", "LOC"),  # the deceased
])
def test_words_of_the_language_in_their_contexts_are_no_names(text: str, word: str, tag: str) -> None:
    assert _spans_with_labels(text, {word: "B-" + tag}) == set()


def test_a_mortar_is_a_weapon_not_a_name() -> None:
    assert _spans_with_labels("وضبطت القوات مدفع هاون مع 40 قذيفة هاون وعددا من الأسلحة.", {"هاون": "B-MISC"}) == set()


def test_a_bare_qaeda_is_the_military_base_the_story_names():
    """"القاعدة" is al-Qaeda unless it is a base: an adjective of a base after it, or a story that names a base
    and never the organisation — and even there not when an armed group's words stand around it."""
    text = "وتقدمت المقاومة نحو قاعدة العند الجوية وسيطرت على القاعدة أمس."
    assert "القاعدة" not in _spans_with_labels(text, {"القاعدة": "B-ORG"})
    text = "وسيطرت المقاومة على القاعدة البحرية بعدن."
    assert "القاعدة" not in _spans_with_labels(text, {"القاعدة": "B-ORG"})
    text = "ونقل الأسرى إلى قاعدة العند الجوية، وقال القائد إن القاعدة وجماعة الحوثي يقاتلون معا."
    assert "القاعدة" in _spans_with_labels(text, {"القاعدة": "B-ORG"})
    text = "وقال تنظيم القاعدة في جزيرة العرب إن القاعدة مستمرة، ونقل الجرحى إلى قاعدة العند الجوية."
    assert "القاعدة" in _spans_with_labels(text, {"القاعدة": "B-ORG"})
    text = "وتبنى القاعدة الهجوم على الفندق."
    assert "القاعدة" in _spans_with_labels(text, {"القاعدة": "B-ORG"})
    text = "ويبقى الأمن هو القاعدة والمرتكز لأي عمل آخر."  # the foundation
    assert "القاعدة" not in _spans_with_labels(text, {"القاعدة": "B-ORG"})


def test_a_single_word_of_the_language_in_the_accusative_is_no_person():
    text = "ويعين خالد بن صالح العباد نائبا لرئيس المراسم الملكية."
    assert "نائبا" not in _spans_with_labels(text, {"نائبا": "B-PERS"})
    assert "شهريا" not in _spans_with_labels("حيث أصبح ما يصرف للفرد شهريا 783 ريالا.", {"شهريا": "B-PERS"})
    # names ending in ا stay: a given name, a foreign name the dictionary does not know
    assert "أوباما" in _spans_with_labels("وقال الرئيس أوباما إن الاتفاق جيد.", {"أوباما": "B-PERS"})
    assert "زكريا" in _spans_with_labels("وقال زكريا إن الاتفاق جيد.", {"زكريا": "B-PERS"})


def test_the_guests_of_the_merciful_are_the_pilgrims_no_name():
    text = "وتستعد الجهات لخدمة ضيوف الرحمن في موسم الحج."
    assert not {"ضيوف الرحمن", "الرحمن"} & _spans_with_labels(text, {"ضيوف": "B-PERS", "الرحمن": "I-PERS"})
    text = "ورحب ضيف الله الشهري بالحضور."  # the given name Dhaifallah stays
    assert "ضيف الله الشهري" in _spans_with_labels(text, {"ضيف": "B-PERS", "الله": "I-PERS", "الشهري": "I-PERS"})


def test_a_bare_medina_after_its_bodies_or_beside_mecca_is_medina() -> None:
    """"المدينة" alone is Medina after its governance or services, beside Mecca or another Saudi city, or as a
    dateline; elsewhere it is "the city" the story spoke of, no mention."""
    class Fixed:
        name = "fixed"

        def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
            return [[("B-LOC", 0.9) if w in ("المدينة", "والمدينة", "مكة") else ("O", 1.0) for w in s]
                    for s in sentences]

    def normalized(text: str) -> dict[str, str]:
        return {text[s.start:s.end]: s.normalized for s in tag_document(text, [(0, len(text))], Fixed(),
                                                                         entity_lexicon())}

    medina = normalize_for_matching("المدينة المنورة")
    assert normalized("وقام أمين المدينة بجولة في الحارة.")["المدينة"] == medina
    assert normalized("ويزور الحجاج مكة والمدينة كل عام.")["المدينة"] == medina
    assert normalized("خالد الشاماني- سبق- المدينة: أسفرت حملة تفتيشية عن ضبط مخالفين.")["المدينة"] == medina
    assert "المدينة" not in normalized("وسيطرت القوات على المدينة أمس.")  # "the city": no mention


def test_an_acronym_keeps_the_letter_name_that_looks_like_inna() -> None:
    """"إن.بي.سي" (NBC): a span the tagger began at "بي" gets its first letter name back."""
    class Fixed:
        name = "fixed"

        def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
            out = []
            for s in sentences:
                row, inside = [], False
                for w in s:
                    inside = w == "بي" or (inside and w in (".", "سي"))
                    row.append(("B-ORG" if w == "بي" else "I-ORG", 0.9) if inside else ("O", 1.0))
                out.append(row)
            return out

    text = 'وقال كاميرون لشبكة "ان.بي.سي" الاميركية إن بريطانيا ستفعل المزيد.'
    got = {text[s.start:s.end] for s in tag_document(text, [(0, len(text))], Fixed(), entity_lexicon())}
    assert "ان.بي.سي" in got and "بي.سي" not in got


def test_gazetteer_towns_that_are_also_words_are_places_in_a_list_of_places():
    text = "وكانت الرحلة مرورا بالحصينية، وثجر، وسلطانة، والسليل، والأفلاج، والحوطة والخرج."
    assert {"السليل", "الأفلاج", "الخرج"} <= _spans_with_labels(text, {})
    # two such words and no place are no list of places: channels and a descendant
    assert _spans_with_labels("حيث تكثر الأفلاج، والسليل.", {}) == set()


def _fixed(label_of: dict[str, str]) -> object:
    class Fixed:
        name = "fixed"

        def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
            return [[(label_of[w], 0.9) if w in label_of else ("O", 1.0) for w in s] for s in sentences]

    return Fixed()


def test_an_outlet_named_like_a_city_is_the_city_where_a_place_is_named():
    text = "وبلغت المخالفات (140) مخالفة في الخبر، و(82) مخالفة بالأحساء."
    found = tag_document(text, [(0, len(text))], _fixed({"الخبر": "B-ORG"}), entity_lexicon())
    assert ("الخبر", "LOC") in [(text[s.start:s.end], s.type.value) for s in found]
    quoted = "وقالت قناة «الخبر» في تقرير لها إن الوضع صعب."
    found = tag_document(quoted, [(0, len(quoted))], _fixed({"الخبر": "B-ORG"}), entity_lexicon())
    assert ("الخبر", "LOC") not in [(quoted[s.start:s.end], s.type.value) for s in found]


def test_a_known_body_ends_before_the_role_of_its_verbs_object():
    text = "واختار الاتحاد الآسيوي الحكم السعودي الدولي خليل جلال مقيما للحكام."
    found = _spans_with_labels(text, {"الاتحاد": "B-ORG", "الآسيوي": "I-ORG", "الحكم": "I-ORG",
                                      "السعودي": "I-ORG", "الدولي": "I-ORG"})
    assert "الاتحاد الآسيوي" in found and not any("الحكم" in f for f in found)


def test_a_given_name_and_bin_before_a_person_are_his_name():
    name = {"هليل": "B-PERS", "الزويهري": "I-PERS"}
    assert _spans_with_labels("والمرشح الوحيد حتى الآن هو مساعد بن هليل الزويهري.", name) == {"مساعد بن هليل الزويهري"}
    # a word that is no given name stays outside
    assert "الطبيب بن هليل الزويهري" not in _spans_with_labels("وقال الطبيب بن هليل الزويهري.", name)


def test_the_conjunction_before_a_name_particle_is_no_part_of_the_name():
    assert _spans_with_labels("هناك كيكو كاسيا ودي خيا.", {"ودي": "B-PERS", "خيا": "I-PERS"}) == {"دي خيا"}


def test_a_person_after_a_titled_body_and_the_roles_adjective():
    found = _spans_with_labels("في تحرك رئيس الأهلي الجديد مساعد الزويهري لإقناع اللاعب.", {"الأهلي": "B-ORG"})
    assert "مساعد الزويهري" in found


def test_an_article_cut_from_its_ordinal_ends_no_name():
    labels = {"البطولة": "B-MISC", "العربية": "I-MISC", "ال": "I-MISC"}
    assert _spans_with_labels("في البطولة العربية ال 13 المقامة حاليا", labels) == {"البطولة العربية"}


def test_a_foreign_one_word_name_before_the_relative_that_tells_of_him():
    assert "ريفاس" in _spans_with_labels("وسيلتحق المحترف الفنزويلي ريفاس الذي يتواجد حاليا ببلاده بالمعسكر.", {})
    # a country's adjective before its own noun's relative clause names nobody
    assert _spans_with_labels("وأكد المدرب أن الدوري الإسباني الذي انطلق أمس قوي.", {}) == set()
