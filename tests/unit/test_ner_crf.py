"""Tests for the CRF NER: readers, scorer, the shipped model."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from pipeline.nlp.ner.conll import entity_spans, read_anercorp, read_conll
from pipeline.nlp.ner.evaluate import score, summary_json
from pipeline.nlp.ner.features import FeatureExtractor, split_clitics
from pipeline.training.corpora import map_newsfane_label, read_newsfane

SHARED = Path(os.environ.get("AKHBAR_SHARED", Path(__file__).resolve().parents[3] / "shared"))
ANERCORP = SHARED / "data" / "ner" / "anercorp_train.txt"


# --- readers -------------------------------------------------------------------------------------------
def test_read_conll_bom_crlf_lrm_per_alias(tmp_path: Path) -> None:
    raw = (
        "\ufeff\u200eقال O\r\n"
        "\u200eفلاديمير\tB-PER\r\n"
        "بوتين I-PER\r\n"
        "\r\n"
        "في O\r\n"
        "\u200eموسكو B-LOC\r\n"
        " O\r\n"  # a label without a token is skipped
        "\r\n"
    )
    p = tmp_path / "x.conll"
    p.write_bytes(raw.encode("utf-8"))
    sents = read_conll(p)
    assert sents == [
        [("قال", "O"), ("فلاديمير", "B-PERS"), ("بوتين", "I-PERS")],
        [("في", "O"), ("موسكو", "B-LOC")],
    ]


def test_read_conll_repairs_iob1(tmp_path: Path) -> None:
    p = tmp_path / "x.conll"
    p.write_text("a I-ORG\nb I-ORG\nc O\nd I-LOC\n", encoding="utf-8")
    assert [lab for _, lab in read_conll(p)[0]] == ["B-ORG", "I-ORG", "O", "B-LOC"]


def test_read_anercorp_splits_on_final_punctuation(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("ذهب O\nإلى O\nمصر B-LOC\n. O\nهل O\nجاء O\n؟ O\nنعم O\n! O\nو O\n", encoding="utf-8")
    sents = read_anercorp(p)
    assert [len(s) for s in sents] == [4, 3, 2, 1]


def test_read_newsfane_maps_fine_classes(tmp_path: Path) -> None:
    raw = (
        "\ufeff\u200eاعلن\tO\r\n\u200eاتحاد\tB-Non-Governmental\r\n\u200eالكرة\tI-Non-Governmental\r\n"
        "\u200eفي\tO\r\n\u200eالمانيا\tB-Nation\r\n\t\r\n\u200eبوتين\tB-Politician\r\n\u200eالعرب\tB-Group\r\n"
    )
    p = tmp_path / "n.txt"
    p.write_bytes(raw.encode("utf-8"))
    sents = read_newsfane(p)
    assert sents[0] == [("اعلن", "O"), ("اتحاد", "B-ORG"), ("الكرة", "I-ORG"), ("في", "O"), ("المانيا", "B-LOC")]
    assert sents[1] == [("بوتين", "B-PERS"), ("العرب", "O")]
    assert map_newsfane_label("B-Book") == "B-MISC"
    fine = read_newsfane(p, fine=True)
    assert [lab for _, lab in fine[0]] == ["O", "B-Non-Governmental", "I-Non-Governmental", "O", "B-Nation"]
    assert fine[1] == [("بوتين", "B-Politician"), ("العرب", "B-Group")]


# --- scorer --------------------------------------------------------------------------------------------
def test_entity_spans() -> None:
    assert entity_spans(["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG"]) == [
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    ]


def test_score_exact_span_and_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "I-ORG", "O", "O"]]
    r = score(gold, pred)
    # only the PERS span is right: LOC has the wrong type, the ORG span is truncated (partial = error)
    assert r["precision"] == pytest.approx(1 / 3)
    assert r["recall"] == pytest.approx(1 / 3)
    assert r["f1"] == pytest.approx(1 / 3)
    assert r["per_type"]["PERS"]["f1"] == 1.0
    assert r["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert r["per_type"]["ORG"]["support"] == 1 and r["per_type"]["ORG"]["precision"] == 0.0
    assert r["per_type"]["MISC"]["support"] == 0


def test_score_perfect_and_empty() -> None:
    g = [["O", "B-MISC", "I-MISC"]]
    assert score(g, g)["f1"] == 1.0
    assert score([["O"]], [["O"]])["f1"] == 0.0
    line = summary_json({**score(g, g), "tokens_per_s": 1.0})
    assert line.startswith("{") and '"micro_f1": 1.0' in line


def test_split_clitics() -> None:
    assert split_clitics("وبالمدينه") == ("وبال", "مدينه", "")
    assert split_clitics("مدرستها") == ("", "مدرست", "ها")
    assert split_clitics("للاتحاد") == ("لل", "اتحاد", "")


def test_features_without_resources() -> None:
    feats = FeatureExtractor().sentence(["قال", "الرئيس", "بوتين"])
    assert len(feats) == 3 and all(isinstance(f, list) and f for f in feats)


_TINY_DIC = """9
::::::::::::::
stopwords.dic
::::::::::::::
من
::::::::::::::
names.dic
::::::::::::::
#البلدان
لبنان/60
##اسماء،أشخاص##
حاتم/64
##اسم-جامد##
حمامة/65
##المصادر###
إعداد/65
##صفة-مشبهة##
فاتن/168
::::::::::::::
verb.huns.dic
::::::::::::::
يكتب/231\t4890
"""


def test_word_classes_come_from_the_dictionary_sections(tmp_path: Path) -> None:
    from pipeline.training.resources import build_word_classes, save_word_classes

    dic = tmp_path / "ar.dic"
    dic.write_text(_TINY_DIC, encoding="utf-8")
    classes = build_word_classes(dic)
    assert classes == {"من": "f", "لبنان": "P", "حاتم": "N", "حمامه": "n", "اعداد": "m", "فاتن": "a", "يكتب": "v"}
    save_word_classes(classes, tmp_path, copyright_path=tmp_path / "missing")
    assert "لبنان\tP" in (tmp_path / "wordclass.tsv").read_text(encoding="utf-8")
    assert "MPL" in (tmp_path / "LICENSE-ayaspell.txt").read_text(encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="apt-get install hunspell-ar"):
        build_word_classes(tmp_path / "absent.dic")


def test_dictionary_features_see_through_clitics_and_mark_unknown_words() -> None:
    from pipeline.nlp.ner.features import FeatureConfig, Resources

    res = Resources(word_classes={"حمامه": "n", "لبنان": "P"}, freq={"حمامه": 3})
    ext = FeatureExtractor(res, FeatureConfig(groups=("dict",)))
    own = [set(f) for f in ext.sentence(["حمامة", "وبلبنان", "تسيبراس"])]
    assert {"dc=n", "dk=c", "dkf=c3"} <= own[0]
    assert {"dcs=P", "dk=p"} <= own[1]  # found under its stem: وب + لبنان
    assert {"dk=u", "dkf=u0"} <= own[2]


def test_name_likeness_tells_names_from_common_words_by_their_letters(tmp_path: Path) -> None:
    from pipeline.nlp.ner.namelike import NameLikeness

    names = ["شتاينماير", "بوغدانوف", "لافروف", "ماكرون", "فيرشينين", "بوتين", "كيري", "اوباما", "ميركل"]
    common = ["كتاب", "مدرسه", "استقبل", "يعملون", "الاقتصاديه", "وزاره", "حكومه", "اجتماع", "مجلس", "قرار"]
    nl = NameLikeness.from_words(names, common)
    assert nl.score("شويغوف") > 0 > nl.score("المدرسه")  # unseen words: spelled like a name / like a noun
    assert nl.bucket("شويغوف") is not None and nl.bucket("شويغوف") > nl.bucket("المدرسه")  # type: ignore[operator]
    assert nl.bucket("مع") is None and nl.bucket("2015") is None and nl.score("مع") == 0.0  # too short, no letters
    assert -4 <= nl.bucket("وووووووووووووووووو") <= 4  # type: ignore[operator]
    nl.save(tmp_path / "namelike.tsv")
    again = NameLikeness.load(tmp_path / "namelike.tsv")
    assert again is not None and again.score("شويغوف") == nl.score("شويغوف")
    assert NameLikeness.load(tmp_path / "absent.tsv") is None


def test_name_likeness_features_come_with_the_dictionary_summary() -> None:
    from pipeline.nlp.ner.features import FeatureConfig, Resources
    from pipeline.nlp.ner.namelike import NameLikeness

    nl = NameLikeness.from_words(["لافروف", "بوغدانوف", "ماكرون"], ["كتاب", "مدرسه", "اجتماع"])
    res = Resources(word_classes={"كتاب": "n"}, namelike=nl)
    own = [set(f) for f in FeatureExtractor(res, FeatureConfig(groups=("dict", "nlm"))).sentence(
        ["والكتاب", "شويغوف", "مع"])]
    assert any(f.startswith("nl=-") for f in own[0]) and any(f.startswith("nlk=c-") for f in own[0])  # its stem
    assert any(f.startswith("nl=") and not f.startswith("nl=-") for f in own[1])
    assert not any(f.startswith("nl") for f in own[2])
    plain = FeatureExtractor(res, FeatureConfig(groups=("dict",))).sentence(["شويغوف"])[0]
    assert not any(f.startswith("nl") for f in plain)  # a model without the group computes none


def test_conjunction_features_see_a_complement_after_a_body_and_a_nisba_before_a_name() -> None:
    from pipeline.nlp.ner.features import FeatureConfig

    ext = FeatureExtractor(config=FeatureConfig(groups=("clitic", "trigger", "context", "conj")))
    feats = [set(f) for f in ext.sentence(["المنظمة", "العالمية", "للملكية", "الفكرية"])]
    assert {"cj1=لل|", "cj2=لل|ORG"} <= feats[2]  # ل+ال two words after a body's head
    assert "cj1=ال|^" in feats[0]  # sentence start
    name = [set(f) for f in ext.sentence(["تأهل", "الإسباني", "رافايل", "نادال"])]
    assert "-1nisba" in name[2] and "-2nisba" in name[3] and "-1pro=ال" in name[2]


def test_aggregation_gives_a_token_the_cues_around_the_other_occurrences_of_its_stem() -> None:
    from pipeline.nlp.ner.features import FeatureConfig, Resources

    ext = FeatureExtractor(Resources(word_classes={"هناك": "f"}),
                           FeatureConfig(groups=("clitic", "trigger", "gaz", "dict", "agg")))
    story = [
        "قال الرئيس شيراك إن هناك أملا".split(),
        "وأضاف شيراك أن السلام ممكن".split(),
        "ودعا سلام إلى التهدئة وقال هناك".split(),
    ]
    feats = ext.aggregate(story)
    assert feats[1][1] == ["ag=pPERS", "agn=1"]  # "وأضاف شيراك": the title stands before the other one
    assert feats[0][2] == ["agn=1"]  # the title before this one is its own, not another's
    assert feats[2][1] == ["ag=al", "agn=1"]  # "سلام" beside "السلام": the stem is a common noun too
    assert feats[1][3] == ["agn=1"]  # … and "السلام" sees no article on the bare one
    assert feats[0][4] == [] and feats[2][5] == []  # a function word is never aggregated
    assert feats[0][0] == ["agn=1"] and feats[2][4] == ["ag=nPERS", "agn=1"]  # "قال" … "وقال": one word
    assert feats[0][1] == []  # a word said once has nothing to aggregate
    far = [story[0], *[["تمهيد"]] * 20, story[1]]  # the other occurrence 21 sentences on
    assert ext.aggregate(far)[-1][1] == []
    near = [story[0], *[["تمهيد"]] * 19, story[1]]  # 20 sentences on
    assert ext.aggregate(near)[-1][1] == ["ag=pPERS", "agn=1"]
    clitic = ext.aggregate([["زار", "الوزير", "بغداد"], ["وصل", "إلى", "لبغداد"]])  # ب is the name's, ل a proclitic
    assert clitic[1][2] == ["ag=pPERS", "agn=1"] and clitic[0][2] == ["agn=1"]
    off = FeatureExtractor(config=FeatureConfig(groups=("clitic", "trigger")))
    assert off.aggregate(story) == [[[] for _ in s] for s in story]


def test_aggregation_equals_a_plain_pairwise_reading(tagger) -> None:
    """The windows by sentence give what comparing every occurrence with every other one gives (the seeds as one
    story, the shipped model's gazetteer and dictionary, several windows)."""
    from pipeline.nlp.ner.features import FeatureConfig

    ext = FeatureExtractor(tagger.extractor.res, FeatureConfig(groups=(*tagger.extractor.cfg.groups, "agg")))
    story = [s for s in _seed_sentences() if s]
    occurrences = []
    for si, toks in enumerate(story):
        words = [ext.agg_word(t) for t in toks]
        for j, wd in enumerate(words):
            cues = set(wd.own)
            if j > 0:
                cues.update(words[j - 1].before)
            if j + 1 < len(words):
                cues.update(words[j + 1].after)
            occurrences.append((set(wd.keys), si, j, cues))
    for window in (0, 3, 20):
        got = ext.aggregate(story, window=window)
        checked = 0
        for keys, si, j, _ in occurrences:
            others = [c for ks, sj, jj, c in occurrences
                      if keys & ks and abs(sj - si) <= window and (sj, jj) != (si, j)]
            want = [*("ag=" + c for c in sorted(set().union(*others))), f"agn={min(len(others), 3)}"] if others else []
            assert got[si][j] == want, (window, story[si][j], got[si][j], want)
            checked += bool(want)
        assert checked > 100


def test_a_model_with_story_features_decodes_like_pycrfsuite(tmp_path: Path) -> None:
    """``agg`` features reach the NumPy decoder (per document) exactly as the training strings gave them."""
    from pipeline.nlp.ner.crf import CrfTagger
    from pipeline.nlp.ner.features import FeatureConfig, Resources
    from pipeline.training.recipe import train_crf

    train = [
        ("قال الرئيس فلاديمير بوتين في موسكو".split(), ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]),
        ("وأضاف بوتين أن السلام قريب".split(), ["O", "B-PERS", "O", "O", "O"]),
        ("أعلنت وزارة الخارجية الروسية".split(), ["O", "B-ORG", "I-ORG", "I-ORG"]),
        ("وصل الوفد إلى دمشق ثم إلى موسكو".split(), ["O", "O", "O", "B-LOC", "O", "O", "B-LOC"]),
    ] * 3
    cfg = FeatureConfig(groups=("word", "affix", "clitic", "trigger", "context", "agg"))
    path = tmp_path / "model.crfsuite"
    train_crf([list(zip(t, lab, strict=True)) for t, lab in train], FeatureExtractor(Resources(), cfg), path,
              {"max_iterations": 30, "scheme": "bio"})
    tagger = CrfTagger.from_parts(path, Resources(), cfg)
    assert {"ag=pPERS", "ag=al", "agn=3"} <= set(tagger.model.attributes)
    story = [t for t, _ in train[:4]] + ["ورد بوتين على دمشق".split(), []]
    extra = tagger.extractor.aggregate(story)
    got = tagger.tag_documents([story])[0]
    assert got == tagger._decode(story, extra)
    for k, tokens in enumerate(story):
        ref = tagger.tag_one_crfsuite(tokens, extra[k])
        assert [lab for lab, _ in got[k]] == [lab for lab, _ in ref]
        assert all(abs(p - q) < 1e-9 for (_, p), (_, q) in zip(got[k], ref, strict=True))
    assert tagger.tag_one(story[4]) == tagger._decode([story[4]], tagger.extractor.aggregate([story[4]]))[0]


def test_bioes_labels_round_trip_to_bio() -> None:
    from pipeline.nlp.ner.conll import from_bioes, to_bioes

    bio = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC", "O", "I-ORG"]
    assert to_bioes(bio) == ["B-PERS", "E-PERS", "O", "S-LOC", "B-LOC", "I-LOC", "E-LOC", "O", "S-ORG"]
    assert from_bioes(to_bioes(bio)) == [*bio[:-1], "B-ORG"]  # a stray I- is repaired to B-


# --- shipped model -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tagger():
    from pipeline.nlp.ner.crf import CrfTagger, default_model_dir

    if not (default_model_dir() / "model.crfsuite").exists():
        pytest.skip("shipped model missing")
    return CrfTagger.load()


def test_shipped_model_tags_names(tagger) -> None:
    tokens = "قال الرئيس الروسي فلاديمير بوتين في موسكو".split()
    out = tagger.tag([tokens])[0]
    labels = [lab for lab, _ in out]
    assert labels[3] == "B-PERS" and labels[4] == "I-PERS"
    assert labels[6] == "B-LOC"
    assert labels[0] == "O"
    assert all(0.0 <= p <= 1.0 for _, p in out)


def test_shipped_model_long_sentence_not_truncated(tagger) -> None:
    base = "قال الرئيس الروسي فلاديمير بوتين في موسكو إن".split()
    tokens = (base * 700)[:5000]
    out = tagger.tag([tokens, [], ["موسكو"]])
    assert len(out[0]) == 5000 and out[1] == [] and len(out[2]) == 1
    assert [lab for lab, _ in out[0][-2000:]].count("B-LOC") >= 200


def test_shipped_model_fits_the_package_budget() -> None:
    from pipeline.nlp.ner.crf import default_model_dir

    size = sum(p.stat().st_size for p in default_model_dir().iterdir() if p.is_file())
    assert size <= 50 * 1024 * 1024


@pytest.mark.skipif(not ANERCORP.exists(), reason="shared corpora absent")
def test_anercorp_reader_on_shared_data() -> None:
    sents = read_anercorp(ANERCORP)
    assert len(sents) > 3000
    labels = {lab for s in sents for _, lab in s}
    assert labels <= {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}


def test_evaluate_file_splits_a_file_without_blank_lines_into_sentences(tmp_path: Path) -> None:
    from pipeline.nlp.ner.evaluate import evaluate_file

    class Recorder:
        def __init__(self) -> None:
            self.seen: list[list[str]] = []

        def tag(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
            self.seen = sentences
            return [[("O", 1.0)] * len(s) for s in sentences]

    flat = tmp_path / "flat.txt"  # ANERcorp's layout: no blank line anywhere
    flat.write_text("زار O\nبوش B-PERS\nبغداد B-LOC\n. O\nثم O\nعاد O\n. O\n", encoding="utf-8")
    rec = Recorder()
    result = evaluate_file(flat, rec, verbose=False)
    assert [len(s) for s in rec.seen] == [4, 3] and result["support"] == 2
    blocks = tmp_path / "blocks.txt"  # with blank lines: the file's own sentences, even with a "." inside
    blocks.write_text("زار O\n. O\nبوش B-PERS\n\nعاد O\n", encoding="utf-8")
    evaluate_file(blocks, rec, verbose=False)
    assert [len(s) for s in rec.seen] == [3, 1]


# --- NumPy decoding against pycrfsuite -------------------------------------------------------------------
def _seed_sentences() -> list[list[str]]:
    """The seed articles cut into sentences at final punctuation, plus edge cases."""
    from pipeline.nlp.text import tokenize

    out: list[list[str]] = []
    for path in sorted((Path(__file__).resolve().parents[2] / "seeds").iterdir()):
        cur: list[str] = []
        for tok in tokenize(path.read_text(encoding="utf-8", errors="replace")):
            cur.append(tok.text)
            if tok.text in {".", "؟", "!", "؛"}:
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return [*out, [], ["موسكو"], ["."], "قال الرئيس الروسي فلاديمير بوتين في موسكو".split() * 40]


def test_crf_model_reads_the_weights_pycrfsuite_dumps(tagger) -> None:
    import pycrfsuite

    from pipeline.nlp.ner.crfdecode import CrfModel

    path = tagger.model_dir / "model.crfsuite"
    model = CrfModel.read(path)
    ref = pycrfsuite.Tagger()
    ref.open(str(path))
    info = ref.info()  # weights printed with 6 decimals
    assert list(model.labels) == ref.labels()
    assert model.attributes == {a: int(i) for a, i in info.attributes.items()}
    assert model.state.shape == (len(model.attributes) + 1, len(model.labels)) and not model.state[-1].any()
    index = {lab: k for k, lab in enumerate(model.labels)}
    assert len(info.state_features) == int((model.state != 0).sum())
    for (attr, lab), w in info.state_features.items():
        assert abs(model.state[model.attributes[attr], index[lab]] - w) <= 5e-7
    for (a, b), w in info.transitions.items():
        assert abs(model.trans[index[a], index[b]] - w) <= 5e-7


def test_crf_model_rejects_other_files(tmp_path: Path) -> None:
    from pipeline.nlp.ner.crfdecode import CrfModel

    bad = tmp_path / "model.crfsuite"
    bad.write_bytes(b"not a model at all")
    with pytest.raises(ValueError, match="not a first-order crfsuite model"):
        CrfModel.read(bad)


def test_word_scores_equal_the_scores_of_the_feature_strings(tagger) -> None:
    from pipeline.nlp.ner.crfdecode import WordScores

    fresh = FeatureExtractor(tagger.extractor.res, tagger.extractor.cfg)
    small = WordScores(fresh, tagger.model, max_words=50)  # starts its table afresh many times
    kinds: set[str] = set()
    for tokens in _seed_sentences():
        if not tokens:
            continue
        strings = fresh.sentence(tokens)
        kinds.update(f[:4] if f[:2] in ("-1", "+1") else f[:3] for feats in strings for f in feats)
        expected = [tagger.model.score(f) for f in strings]
        for got in (tagger._scores.sentence(tokens), small.sentence(tokens)):
            assert got.shape == (len(tokens), len(tagger.model.labels))
            for row, exp in zip(got, expected, strict=True):
                assert max(abs(row - exp)) < 1e-9
    assert {"cj1", "cj2", "BOS", "EOS", "bg-", "bg+", "gpB", "gpI", "-1gp", "+1gp", "-2n", "+2n"} <= kinds


def test_numpy_decoding_gives_pycrfsuite_labels_and_marginals(tagger) -> None:
    sentences = _seed_sentences()
    assert sum(len(s) for s in sentences) > 2000
    fast = tagger.tag_documents([sentences])[0] if tagger.propagation is None else None
    story = tagger.extractor.aggregate(sentences)  # the seeds read as one story (``agg``)
    decoded = tagger._decode(sentences, story)  # without the consistency step, as tag_one_crfsuite
    for tokens, extra, got in zip(sentences, story, decoded, strict=True):
        ref = tagger.tag_one_crfsuite(tokens, extra)
        assert [lab for lab, _ in got] == [lab for lab, _ in ref]
        assert all(abs(p - q) < 1e-9 for (_, p), (_, q) in zip(got, ref, strict=True))
    if fast is not None:
        assert fast == decoded


def test_documents_tagged_together_equal_documents_tagged_one_by_one(tagger) -> None:
    sentences = _seed_sentences()
    docs = [sentences[:7], sentences[7:8], [], sentences[8:40], sentences[40:]]
    together = tagger.tag_documents(docs)
    assert together == [tagger.tag(doc) for doc in docs]


def test_a_sentence_decodes_the_same_in_any_batch(tagger) -> None:
    """Determinism: which sentences share a batch (and its padding) never changes a bit of the output."""
    emissions = [tagger._scores.sentence(s) for s in _seed_sentences()]
    together = tagger.model.decode(emissions)
    for e, (path, marg) in zip(emissions, together, strict=True):
        alone_path, alone_marg = tagger.model.decode([e])[0]
        assert np.array_equal(path, alone_path) and np.array_equal(marg, alone_marg)


@pytest.mark.parametrize("o_threshold", [None, 0.9])
def test_numpy_decoding_of_a_bio_model_with_and_without_the_o_threshold(tmp_path: Path, o_threshold) -> None:
    """A model trained on BIO labels (not the shipped BIOES) decodes like pycrfsuite too, threshold included."""
    import pycrfsuite

    from pipeline.nlp.ner.crf import CrfTagger
    from pipeline.nlp.ner.features import FeatureConfig, Resources

    train = [
        ("قال الرئيس فلاديمير بوتين في موسكو".split(), ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]),
        ("زار بوتين دمشق أمس".split(), ["O", "B-PERS", "B-LOC", "O"]),
        ("أعلنت وزارة الخارجية الروسية".split(), ["O", "B-ORG", "I-ORG", "I-ORG"]),
        ("وصل الوفد إلى دمشق".split(), ["O", "O", "O", "B-LOC"]),
    ] * 3
    cfg = FeatureConfig()
    extractor = FeatureExtractor(Resources(), cfg)
    trainer = pycrfsuite.Trainer(verbose=False)
    for tokens, labels in train:
        trainer.append(extractor.sentence(tokens), labels)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30})
    path = tmp_path / "model.crfsuite"
    trainer.train(str(path))
    tagger = CrfTagger.from_parts(path, Resources(), cfg, o_threshold=o_threshold)
    sentences = [tokens for tokens, _ in train[:4]] + ["بوتين في دمشق وموسكو".split(), []]
    for tokens, got in zip(sentences, tagger._decode(sentences), strict=True):
        ref = tagger.tag_one_crfsuite(tokens)
        assert [lab for lab, _ in got] == [lab for lab, _ in ref]
        assert all(abs(p - q) < 1e-9 for (_, p), (_, q) in zip(got, ref, strict=True))


def test_a_document_longer_than_any_article_is_tagged_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5 MB digest is cut between sentences into article-sized runs, each tagged as a document of its own (in
    parallel when there are workers): its rows are those of the runs, put back at the runs' offsets and
    sentence numbers; an article is one piece."""
    import polars as pl

    from pipeline.nlp import segment
    from pipeline.nlp.ner import tagging
    from pipeline.nlp.ner.tagging import TaggingSpec, document_pieces, make_backend, tag_documents

    monkeypatch.setattr(segment, "LONG_DOCUMENT_CHARS", 2_000)
    monkeypatch.setattr(tagging, "PIECE_CHARS", 600)
    lines = [ln.strip() for p in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if len(ln.strip()) > 40][:40]
    text = "\n".join(lines)
    spans, at = [], 0
    for ln in lines:
        spans.append((at, at + len(ln)))
        at += len(ln) + 1
    pieces = document_pieces("big", text, spans, None)
    assert len(pieces) > 3 and sum(len(p.spans) for p in pieces) == len(spans)
    assert all(len(p.text) <= 600 or len(p.spans) == 1 for p in pieces)
    assert [(s + p.offset, e + p.offset) for p in pieces for s, e in p.spans] == spans
    assert document_pieces("a", text[:1_500], spans[:3], None)[0].spans == spans[:3]  # an article: whole
    documents = pl.DataFrame({"doc_id": ["big"], "text": [text]})
    sentences = pl.DataFrame({"doc_id": ["big"] * len(spans), "sentence_idx": list(range(len(spans))),
                              "start": [s for s, _ in spans], "end": [e for _, e in spans]})
    backend = make_backend("crf")
    rows = tag_documents(documents, sentences, backend)
    assert rows.height > 20
    for r in rows.iter_rows(named=True):
        assert text[r["start"] : r["end"]] == r["surface"]
        s, e = spans[r["sentence_idx"]]
        assert s <= r["start"] and r["end"] <= e
    # each run's rows are those of the run tagged as an article of its own
    alone = []
    for p in pieces:
        doc = pl.DataFrame({"doc_id": ["big"], "text": [p.text]})
        sents = pl.DataFrame({"doc_id": ["big"] * len(p.spans), "sentence_idx": list(range(len(p.spans))),
                              "start": [s for s, _ in p.spans], "end": [e for _, e in p.spans]})
        monkeypatch.setattr(segment, "LONG_DOCUMENT_CHARS", 10**9)
        got = tag_documents(doc, sents, backend)
        alone += [(r["start"] + p.offset, r["end"] + p.offset, r["sentence_idx"] + p.first_sentence, r["type"])
                  for r in got.iter_rows(named=True)]
        monkeypatch.setattr(segment, "LONG_DOCUMENT_CHARS", 2_000)
    assert rows.select("start", "end", "sentence_idx", "type").rows() == alone
    from pipeline import parallel

    monkeypatch.setattr(parallel, "MIN_ITEMS_FOR_POOL", 1)
    pooled = tag_documents(documents, sentences, backend, spec=TaggingSpec("crf"), workers=2)
    parallel.shutdown()
    assert pooled.equals(rows)
