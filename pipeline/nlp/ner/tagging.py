"""Run an NER backend over documents and produce ``entity_mentions`` rows (before resolution)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

import polars as pl

from pipeline import ids
from pipeline.config import NerBackendName, parse_backend
from pipeline.nlp import segment
from pipeline.nlp.ner.base import EntitySpan, Labels, NerBackend, sentence_tokens, span_normalized, tag_document
from pipeline.nlp.ner.enrich import EntityLexicon, RoleHeld, entity_lexicon, standalone_roles, word_frequencies
from pipeline.nlp.text import Token, identity_key, normalize_for_matching, url_country
from pipeline.parallel import first_use_cache, ordered_map, pickled_by_fields
from pipeline.schemas import TABLES


class CrfBackend:
    """NerBackend ``crf``: the CRF model shipped in ``pipeline/resources/models/ner_crf`` (see its MODEL_CARD)."""

    name = "crf"

    def __init__(self, model_dir: str | None = None) -> None:
        from pipeline.nlp.ner.crf import CrfTagger

        self.tagger = CrfTagger.load(model_dir)

    def tag(self, sentences: list[list[str]]) -> list[Labels]:
        return self.tagger.tag(sentences)

    def tag_many(self, documents: list[list[list[str]]]) -> list[list[Labels]]:
        """:meth:`tag` for each of several documents, decoded together."""
        return self.tagger.tag_documents(documents)


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


@pickled_by_fields
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
    mention_kind: str = "name"
    name_mention_id: str | None = None


RESOLVED_COLUMNS = ("subtype", "entity_id")  # added by pipeline.nlp.resolve.resolve_mentions


@dataclass(frozen=True)
class TaggingSpec:
    """What a worker process needs to tag like the parent: the backend and the lexicon settings."""

    backend: str
    camel_model_dir: str | None = None
    kb_extra: tuple[str, ...] = ()


def _load_state(spec: TaggingSpec) -> tuple[NerBackend, EntityLexicon, dict[str, int]]:
    return make_backend(spec.backend, spec.camel_model_dir), entity_lexicon(spec.kb_extra), word_frequencies()


_worker_state = first_use_cache(_load_state)


DOCUMENTS_PER_DECODE = 64  # documents whose sentences a backend with ``tag_many`` labels in one call


PIECE_CHARS = 10_000  # a longer document (a digest, a dump) is tagged in runs of sentences of about this length


@dataclass(frozen=True)
class _Piece:
    """What one tagging call sees: a whole article, or a run of a long document's sentences (``text`` is the
    piece, ``spans`` its sentences relative to it; ``offset`` and ``first_sentence`` put its rows back)."""

    doc_id: str
    text: str
    spans: list[tuple[int, int]]
    outlet: str | None
    offset: int = 0
    first_sentence: int = 0


def document_pieces(doc_id: str, text: str, spans: list[tuple[int, int]], outlet: str | None) -> list[_Piece]:
    """An article is one piece. A document longer than ``LONG_DOCUMENT_CHARS`` is cut between sentences into
    runs of up to ``PIECE_CHARS`` characters (a longer sentence is a run of its own), each tagged as a document
    of its own: a digest's stories do not share a context, and the runs go to all workers."""
    if len(text) <= segment.LONG_DOCUMENT_CHARS or not spans:
        return [_Piece(doc_id, text, spans, outlet)]
    pieces: list[_Piece] = []
    for first, end in segment.sentence_runs(spans, PIECE_CHARS):
        lo, hi = spans[first][0], spans[end - 1][1]
        pieces.append(_Piece(doc_id, text[lo:hi], [(s - lo, e - lo) for s, e in spans[first:end]], outlet, lo, first))
    return pieces


def _tag_one_document(piece: _Piece, backend: NerBackend, lex: EntityLexicon, frequencies: dict[str, int],
                      tokens: list[list[Token]] | None = None, backend_labels: list[Labels] | None = None,
                      ) -> list[MentionRow]:
    rows: list[MentionRow] = []
    held: list[tuple[RoleHeld, EntitySpan, str]] = []  # roles right before names, with the name and its mention
    doc_id, text, offset = piece.doc_id, piece.text, piece.offset
    spans = tag_document(text, piece.spans, backend, lex, lambda form: frequencies.get(form, 0), piece.outlet,
                         tokens, backend_labels)
    for span in spans:
        mention_id = ids.mention_id(doc_id, span.start + offset, span.end + offset)
        title_only = span.title is not None and normalize_for_matching(span.title) == span.normalized
        rows.append(MentionRow(
            mention_id=mention_id,
            doc_id=doc_id,
            sentence_idx=span.sentence_idx + piece.first_sentence,
            start=span.start + offset,
            end=span.end + offset,
            surface=text[span.start : span.end],
            normalized=span.normalized,
            type=span.type,
            confidence=span.confidence,
            backend=backend.name,
            title=span.title,
            title_country=span.title_country,
            kb_id=span.kb_id,
            country_code=span.country_code,
            mention_kind="title" if title_only else "name",
        ))
        if span.role_span is not None and not any(
                other.start < span.role_span[1] and span.role_span[0] < other.end for other in spans):
            a, b = span.role_span
            cut = int(text[a : a + 1] == "ل" and a > 0 and text[a - 1] == "ل")  # "للكاتب": "لكاتب", article back
            rows.append(_role_row(span, span.sentence_idx, a, b, cut, piece, mention_id, backend.name))
            held.append((RoleHeld(tuple(map(identity_key, rows[-1].normalized.split())), span.start, identity_key(
                span.normalized.split()[-1])), span, mention_id))
    if held:  # the same role alone elsewhere in the document: "وأكد وزير الخارجية أن" after "وزير الخارجية السعودي،
        # عادل الجبير"
        taken = [(sp.start, sp.end) for sp in spans] + [(r.start - offset, r.end - offset) for r in rows]
        for place in standalone_roles(tokens if tokens is not None else sentence_tokens(text, piece.spans),
                                      [role for role, _, _ in held], taken, lex):
            _, span, mention_id = held[place.holder]
            rows.append(_role_row(span, place.sentence, place.start, place.end, place.cut, piece, mention_id,
                                  backend.name))
    return rows


def _role_row(span: EntitySpan, sentence: int, a: int, b: int, cut: int, piece: _Piece, name_mention_id: str,
              backend: str) -> MentionRow:
    """A mention of the person named by ``span`` by a role (characters ``a:b`` of sentence ``sentence`` of the
    piece, ``cut`` proclitic characters before it): right before the name ("وزير الخارجية" of "وزير الخارجية
    السعودي، عادل الجبير") or alone elsewhere in the document; linked to the name's mention, whose entity
    resolution gives it."""
    doc_id, text, offset = piece.doc_id, piece.text, piece.offset
    return MentionRow(
        mention_id=ids.mention_id(doc_id, a + offset, b + offset), doc_id=doc_id,
        sentence_idx=sentence + piece.first_sentence, start=a + offset, end=b + offset, surface=text[a:b],
        normalized=span_normalized(text, a, b, cut), type=span.type, confidence=span.confidence, backend=backend,
        title=span.title, title_country=span.title_country, kb_id=None, country_code=None, mention_kind="title",
        name_mention_id=name_mention_id)


def _tag_many(docs: Sequence[_Piece], backend: NerBackend, lex: EntityLexicon, frequencies: dict[str, int]
              ) -> list[MentionRow]:
    """Tag documents (pieces); a backend with ``tag_many`` labels the sentences of :data:`DOCUMENTS_PER_DECODE`
    documents at a time (the same labels as one by one)."""
    many = getattr(backend, "tag_many", None)
    rows: list[MentionRow] = []
    for lo in range(0, len(docs), DOCUMENTS_PER_DECODE):
        group = docs[lo : lo + DOCUMENTS_PER_DECODE]
        tokens = [sentence_tokens(piece.text, piece.spans) for piece in group]
        labels: list[list[Labels] | None] = (
            list(many([[[t.text for t in sent] for sent in toks] for toks in tokens])) if many is not None
            else [None] * len(group))
        for piece, toks, labs in zip(group, tokens, labels, strict=True):
            rows += _tag_one_document(piece, backend, lex, frequencies, toks, labs)
    return rows


def _tag_batch(batch: Sequence[tuple[TaggingSpec, _Piece]]) -> list[MentionRow]:
    """Worker side: tag a batch of (spec, piece)."""
    rows: list[MentionRow] = []
    for spec, items in groupby(batch, key=lambda item: item[0]):
        backend, lex, frequencies = _worker_state(spec)
        rows += _tag_many([item[1] for item in items], backend, lex, frequencies)
    return rows


def outlet_countries(documents: pl.DataFrame) -> dict[str, str | None]:
    """doc_id -> the country of the article's address (:func:`pipeline.nlp.text.url_country`)."""
    if "url" not in documents.columns:
        return dict.fromkeys(documents["doc_id"].to_list())
    return {d: url_country(u) for d, u in documents.select("doc_id", "url").iter_rows()}


def tag_documents(
    documents: pl.DataFrame, sentences: pl.DataFrame, backend: NerBackend, lex: EntityLexicon | None = None,
    spec: TaggingSpec | None = None, workers: int | None = None,
) -> pl.DataFrame:
    """One row per entity span in every document (entity_id and subtype are added by resolution).

    With ``spec`` (how to rebuild ``backend`` and ``lex`` in another process) the documents are tagged in
    worker processes (:mod:`pipeline.parallel`), with the same rows as a serial run."""
    lex = lex or entity_lexicon()
    spans_by_doc: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in sentences.sort("doc_id", "sentence_idx").select("doc_id", "start", "end").iter_rows():
        spans_by_doc.setdefault(doc_id, []).append((start, end))
    docs = documents.select("doc_id", "text").sort("doc_id").rows()
    outlets = outlet_countries(documents)
    pieces = [piece for doc_id, text in docs
              for piece in document_pieces(doc_id, text, spans_by_doc.get(doc_id, []), outlets[doc_id])]
    if spec is not None and (workers is None or workers > 1):
        rows = ordered_map(_tag_batch, [(spec, piece) for piece in pieces], workers)
    else:
        rows = _tag_many(pieces, backend, lex, word_frequencies())
    return TABLES["entity_mentions"].frame(rows, without=RESOLVED_COLUMNS)
