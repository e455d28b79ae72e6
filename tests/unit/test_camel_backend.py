"""The camel backend loads a real (tiny, randomly initialised) BERT token-classification model from disk.

The classifier is rigged to answer B-LOC for every word piece (zero weights, one large bias), so what the
backend and the span code make of a known labelling can be asserted, not only its shape."""

from pathlib import Path

import pytest

from pipeline.nlp.ner.base import tag_document
from pipeline.nlp.ner.camel import CamelBackend
from pipeline.nlp.ner.enrich import entity_lexicon
from pipeline.nlp.ner.tagging import make_backend

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
WORDS = ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    folder = tmp_path_factory.mktemp("tiny-ner-bert")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, "##ين"]
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64, num_labels=len(LABELS),
                        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)})
    model = BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[LABELS.index("B-LOC")] = 10.0
    model.save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), do_lower_case=False, tokenize_chinese_chars=False).save_pretrained(folder)
    return folder


def test_camel_backend_labels_every_word_with_a_probability(tiny_model: Path):
    backend = make_backend("camel", str(tiny_model))
    assert isinstance(backend, CamelBackend)
    sentences = [WORDS, WORDS[:3], ["كلمة_مجهولة", "بوتين"]]
    labels = backend.tag(sentences)
    assert [len(x) for x in labels] == [len(s) for s in sentences]
    for sent in labels:
        for label, prob in sent:
            assert label == "B-LOC" and 0.99 < prob <= 1.0


def test_camel_backend_spans_map_back_to_text(tiny_model: Path):
    text = "قال الرئيس الروسي فلاديمير بوتين في موسكو ."
    spans = tag_document(text, [(0, len(text))], make_backend("camel", str(tiny_model)), entity_lexicon())
    found = [(text[s.start : s.end], s.type) for s in spans]
    # every word is its own B-LOC span; after the enrichment that every backend goes through, the key actor's
    # two words are one person, the nationality adjective and the verb "قال" (a function word) are no name,
    # and "." has no letter
    assert ("فلاديمير بوتين", "PER") in found and ("موسكو", "LOC") in found
    assert not {"الروسي", "قال", "."} & {w for w, _ in found}
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)


def test_camel_backend_needs_a_model_folder(tmp_path: Path):
    with pytest.raises(ValueError, match="AKHBAR_CAMEL_NER_MODEL"):
        make_backend("camel", None)
    with pytest.raises(FileNotFoundError, match=r"config\.json"):
        make_backend("camel", str(tmp_path))
