"""The pipeline's person layer over a tagger's labels, for scoring on CoNLL files (``akhbar ner-eval``).

In ``akhbar run`` every backend's labels go through :func:`pipeline.nlp.ner.base.tag_document`: titles are
cut out of person spans, names found in full are propagated through the article, persons announced by a
title, a nationality or a reporting verb are added, and words of the language are taken out of names
(:mod:`pipeline.nlp.ner.enrich`). :func:`person_layer` runs the same function over a CoNLL file's
sentences, in runs of :data:`RUN_SENTENCES` sentences read as one article, and puts its person spans in place
of the tagger's own; places, organisations and miscellaneous names stay the tagger's. (The rest of the
enrichment follows Akhbar's own conventions — armies, outlets and clubs are organisations, a nationality
adjective is no place — which are not ANERcorp's, so scoring them against ANERcorp would measure
conventions, not names.) A title standing alone for its holder ("الرئيس الفرنسي") is a reference to a person
in Akhbar's tables but no name, and is left out here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from pipeline.nlp.ner.base import Labels, tag_document
from pipeline.nlp.ner.enrich import EntityLexicon
from pipeline.nlp.text import Token
from pipeline.schemas import EntityType

# sentences read together as one article (a CoNLL file such as ANERcorp's has no article boundaries; the
# CRF's consistency step looks 20 sentences either way)
RUN_SENTENCES = 20
PER_TAG = EntityType.PER.tag
_PER_SUFFIX = "-" + PER_TAG


def _run_text(sentences: Sequence[Sequence[str]]) -> tuple[str, list[tuple[int, int]], list[list[Token]]]:
    """The sentences' words joined by spaces, one sentence a line: text, sentence spans and tokens."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    tokens: list[list[Token]] = []
    pos = 0
    for words in sentences:
        sent_tokens = []
        start = pos
        for k, word in enumerate(words):
            if k:
                pos += 1
            sent_tokens.append(Token(word, pos, pos + len(word)))
            pos += len(word)
        spans.append((start, pos))
        tokens.append(sent_tokens)
        parts.append(" ".join(words))
        pos += 1  # the line break
    return "\n".join(parts), spans, tokens


def person_layer(
    sentences: Sequence[Sequence[str]],
    labels: Sequence[Labels],
    lex: EntityLexicon,
    frequency: Callable[[str], int] = lambda _: 0,
    run: int = RUN_SENTENCES,
) -> list[Labels]:
    """``labels`` (one ``(label, marginal)`` list per sentence, BIO) with their person spans replaced by the
    ones :func:`tag_document` gives over the same words and labels; every other label unchanged.

    A pipeline span that starts or ends inside a word (a proclitic left out: "وبوش") covers the whole word,
    as CoNLL labels words. ``lex`` is the enrichment lexicon (:func:`pipeline.nlp.ner.enrich.entity_lexicon`)."""
    out: list[Labels] = []
    for at in range(0, len(sentences), run):
        words = [list(s) for s in sentences[at : at + run]]
        backend = [list(labs) for labs in labels[at : at + run]]
        text, spans, tokens = _run_text(words)
        found = tag_document(text, spans, _Fixed(backend), lex, frequency, tokens=tokens, backend_labels=backend,
                             titles=False)
        layered = [[("O", 1.0) if lab.endswith(_PER_SUFFIX) else (lab, p) for lab, p in labs]
                   if any(lab.endswith(_PER_SUFFIX) for lab, _ in labs) else labs for labs in backend]
        for span in found:
            if span.type != EntityType.PER or (span.title and span.title == text[span.start:span.end]):
                continue
            sent = tokens[span.sentence_idx]
            first = bisect_right([tok.end for tok in sent], span.start)  # the word the span starts in
            last = bisect_left([tok.start for tok in sent], span.end)  # after the word it ends in
            row = layered[span.sentence_idx]
            if first < last and all(row[k][0] == "O" for k in range(first, last)):
                for k in range(first, last):
                    row[k] = (("B-" if k == first else "I-") + PER_TAG, span.confidence)
        out.extend(layered)
    return out


class _Fixed:
    """A backend that has already tagged (its labels come in ``backend_labels``); never called."""

    name = "fixed"

    def __init__(self, labels: list[Labels]) -> None:
        self._labels = labels

    def tag(self, sentences: list[list[str]]) -> list[Labels]:
        return self._labels
