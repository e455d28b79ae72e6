"""Run an NER backend over documents and produce ``entity_mentions`` rows (before resolution)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from pipeline import ids
from pipeline.config import NerBackendName, parse_backend
from pipeline.nlp.ner.base import Labels, NerBackend, tag_document
from pipeline.nlp.ner.enrich import EntityLexicon, entity_lexicon, word_frequencies
from pipeline.schemas import TABLES


class CrfBackend:
    """NerBackend ``crf``: the CRF model shipped in ``pipeline/resources/models/ner_crf`` (see its MODEL_CARD)."""

    name = "crf"

    def __init__(self, model_dir: str | None = None) -> None:
        from pipeline.nlp.ner.crf import CrfTagger

        self.tagger = CrfTagger.load(model_dir)

    def tag(self, sentences: list[list[str]]) -> list[Labels]:
        return self.tagger.tag(sentences)


def make_backend(name: NerBackendName | str, camel_model_dir: str | None = None) -> NerBackend:
    """The NER backend called ``name`` (:class:`pipeline.config.NerBackendName`)."""
    backend = parse_backend(str(name), source="NER backend")
    if backend is NerBackendName.GAZETTEER:
        from pipeline.nlp.ner.rules import RuleTagger

        return RuleTagger()
    if backend is NerBackendName.CRF:
        return CrfBackend()
    from pipeline.nlp.ner.camel import CamelBackend

    if not camel_model_dir:
        raise ValueError("the 'camel' NER backend needs a model folder: set AKHBAR_CAMEL_NER_MODEL to a "
                         "directory holding CAMeL's ner-arabert model (config.json, weights, vocab)")
    return CamelBackend(camel_model_dir)


@dataclass(frozen=True, slots=True)
class MentionRow:
    """An ``entity_mentions`` row before resolution (which adds ``subtype`` and ``entity_id``)."""

    mention_id: str
    doc_id: str
    sentence_idx: int
    start: int
    end: int
    surface: str
    normalized: str
    type: str
    confidence: float
    backend: str
    title: str | None
    title_country: str | None
    kb_id: str | None
    country_code: str | None


RESOLVED_COLUMNS = ("subtype", "entity_id")  # added by pipeline.nlp.resolve.resolve_mentions


def tag_documents(
    documents: pl.DataFrame, sentences: pl.DataFrame, backend: NerBackend, lex: EntityLexicon | None = None
) -> pl.DataFrame:
    """One row per entity span in every document (entity_id and subtype are added by resolution)."""
    lex = lex or entity_lexicon()
    frequencies = word_frequencies()

    def frequency(form: str) -> int:
        return frequencies.get(form, 0)

    spans_by_doc: dict[str, list[tuple[int, int]]] = {}
    for row in sentences.sort("doc_id", "sentence_idx").iter_rows(named=True):
        spans_by_doc.setdefault(row["doc_id"], []).append((row["start"], row["end"]))
    rows: list[MentionRow] = []
    for doc in documents.select("doc_id", "text").sort("doc_id").iter_rows(named=True):
        text = doc["text"]
        for span in tag_document(text, spans_by_doc.get(doc["doc_id"], []), backend, lex, frequency):
            rows.append(MentionRow(
                mention_id=ids.mention_id(doc["doc_id"], span.start, span.end),
                doc_id=doc["doc_id"],
                sentence_idx=span.sentence_idx,
                start=span.start,
                end=span.end,
                surface=text[span.start : span.end],
                normalized=span.normalized,
                type=span.type,
                confidence=span.confidence,
                backend=backend.name,
                title=span.title,
                title_country=span.title_country,
                kb_id=span.kb_id,
                country_code=span.country_code,
            ))
    return TABLES["entity_mentions"].frame(rows, without=RESOLVED_COLUMNS)
