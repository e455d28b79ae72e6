"""The contract of every Akhbar table, declared once.

Everything else derives from :data:`TABLES`: the cast before a Parquet write, the Dagster ``TableSchema``
in materialization metadata, the "exact columns and types" asset check, the DuckDB tables and the data
dictionary in ``docs/data_dictionary.md`` (``python -m pipeline.schemas > docs/data_dictionary.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum

import polars as pl


class EntityType(StrEnum):
    """The four entity types of the warehouse (``entity_mentions.type``, ``entities.type``)."""

    PER = "PER"
    ORG = "ORG"
    LOC = "LOC"
    MISC = "MISC"

    @property
    def tag(self) -> str:
        """The type as BIO tags write it in the NER corpora and models (ANERcorp: ``B-PERS``)."""
        return "PERS" if self is EntityType.PER else self.value

    @classmethod
    def parse(cls, name: str) -> EntityType | None:
        """The type a corpus or model calls ``name`` (``PER``/``PERS``/``PERSON``, ``GPE`` → ``LOC``, any
        case); None when it is not one of the four."""
        return _TYPE_NAMES.get(name.strip().upper())


_TYPE_NAMES = {
    "PER": EntityType.PER, "PERS": EntityType.PER, "PERSON": EntityType.PER,
    "ORG": EntityType.ORG, "LOC": EntityType.LOC, "GPE": EntityType.LOC,
    "MISC": EntityType.MISC,
}

STR = pl.String()
INT = pl.Int64()
I32 = pl.Int32()
F64 = pl.Float64()
BOOL = pl.Boolean()
DATE = pl.Date()
DATETIME = pl.Datetime("us", "UTC")  # time-zone aware: BI tools must not read it as local time
STR_LIST = pl.List(pl.String())


@dataclass(frozen=True)
class Column:
    name: str
    dtype: pl.DataType
    description: str
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = field(default_factory=tuple)
    # hive-partitioned on disk by the publication month of the row's document (see PARTITION_COLUMN)
    partitioned: bool = False

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def polars_schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.dtype for c in self.columns})

    def schema_without(self, *names: str) -> pl.Schema:
        """The polars schema of the table without ``names`` (rows before a later stage adds them)."""
        return pl.Schema({c.name: c.dtype for c in self.columns if c.name not in names})

    def frame(self, rows: Sequence[object], without: tuple[str, ...] = ()) -> pl.DataFrame:
        """A frame of ``rows`` (dataclass instances whose fields are the table's columns, in order, minus
        ``without``) with the table's exact types."""
        schema = self.schema_without(*without)
        rows = list(rows)
        names = [f.name for f in fields(rows[0])] if rows and is_dataclass(rows[0]) else []
        if len(names) != len(schema):
            return pl.DataFrame(rows, schema=schema)
        # column by column: polars converts a dataclass row by row through asdict (13k entity rows: 0.4 s)
        return pl.DataFrame({col: [getattr(r, attr) for r in rows] for col, attr in zip(schema, names, strict=True)},
                            schema=schema)

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table {self.name!r} has no column {name!r}")


def _t(name: str, description: str, key: tuple[str, ...], *cols: tuple) -> Table:
    columns = tuple(Column(c[0], c[1], c[2], c[3] if len(c) > 3 else True) for c in cols)
    return Table(name, description, columns, key, partitioned=name in PARTITIONED_TABLES)


# The large per-document tables are written as Hive partitions, one folder per publication month of the
# document: parquet/<table>/published_month=2015-08/part-0.parquet (``unknown`` for undated documents). The
# partition column lives in the folder name only (Hive convention): read the folder with hive partitioning on.
PARTITION_COLUMN = "published_month"
UNKNOWN_MONTH = "unknown"
PARTITIONED_TABLES = frozenset(("documents", "sentences", "entity_mentions", "event_mentions", "quotes"))


NOT_NULL = False

RAW_FILES = _t(
    "raw_files",
    "One row per entry found under the input folder: every file, and every link, special file or folder "
    "that could not be read (those are also in quarantine). Sidecar .meta.json files are attached to their "
    "article, not listed; hidden entries (name starting with '.') are skipped.",
    ("path",),
    ("path", STR, "Path of the entry relative to the input folder, '/'-separated (bytes of a name that is not "
     "UTF-8 shown as \\xNN).", NOT_NULL),
    ("bytes", INT, "File size in bytes (0 for an entry that was not read).", NOT_NULL),
    ("sha256", STR, "SHA-256 of the file's bytes (hex), the very bytes that were parsed; null for an entry that "
     "was not read."),
    ("format", STR, "Format from the file name: txt, html, json, jsonl, or the unsupported extension.",
     NOT_NULL),
    ("encoding", STR, "Detected text encoding (utf-8, utf-8-sig, utf-16, windows-1256, iso-8859-6); "
     "null when the file could not be decoded."),
    ("sidecar_path", STR, "Relative path of the <name>.meta.json sidecar read with this file, if any."),
    ("modified_at", DATETIME, "File modification time (UTC)."),
    ("sidecar_problem", STR, "Why the sidecar gave no metadata (cannot be read, not valid JSON, not a JSON object, "
     "none of the keys read) and what to do; null when it was read or there is none. The article is kept."),
)

QUARANTINE = _t(
    "quarantine",
    "Every input file (or JSONL line) that did not become a document, with the reason why.",
    ("source_path", "source_line"),
    ("source_path", STR, "Relative path of the rejected entry (raw_files.path).", NOT_NULL),
    ("source_line", I32, "1-based line of a JSONL file (or element of a JSON array) for a rejected one; 0 for a "
     "whole file.", NOT_NULL),
    ("reason", STR, "Reason code: empty | binary | undecodable | not_arabic | too_short | too_large | "
     "unsupported_format | malformed | duplicate | unreadable | bad_filename | not_a_file | broken_symlink | "
     "symlink_outside_input.", NOT_NULL),
    ("detail", STR, "Readable explanation and what to do about it; for duplicates, the kept doc_id.",
     NOT_NULL),
    ("bytes", INT, "Size of the rejected file or line in bytes (0 when it could not be read).", NOT_NULL),
    ("sha256", STR, "SHA-256 of the rejected bytes (hex); null when the entry could not be read."),
)

DOCUMENTS = _t(
    "documents",
    "One row per cleaned, de-duplicated article. Every offset in the warehouse points into `text`.",
    ("doc_id",),
    ("doc_id", STR, "Deterministic id: first 16 hex chars of SHA-256 of the normalised content.",
     NOT_NULL),
    ("source_path", STR, "Relative path of the input file (raw_files.path).", NOT_NULL),
    ("source_line", I32, "1-based line of the JSONL file (or element of the JSON array) the article came from; 0 "
     "for a whole file.", NOT_NULL),
    ("format", STR, "Input format: txt, html, json or jsonl.", NOT_NULL),
    ("encoding", STR, "Detected encoding of the input file.", NOT_NULL),
    ("title", STR, "Article title (metadata, else the first line of the text)."),
    ("text", STR, "Cleaned article text (Unicode-normalised, boilerplate removed, letters and Arabic punctuation "
     "as written, ASCII digits).", NOT_NULL),
    ("source", STR, "Outlet that published the article (metadata, signature line or byline)."),
    ("author", STR, "Author from metadata or byline."),
    ("url", STR, "Original URL, from metadata."),
    ("published_at", DATETIME, "Publication time (UTC), from metadata or a date in the header; "
     "published_at_origin says which."),
    ("published_at_origin", STR, "Where published_at came from: 'metadata' (a publication date in the "
     "sidecar or JSON), 'text' (a date in the article's header), 'crawl' (only the time the page was fetched, e.g. a "
     "date_extracted field: the article was published then or earlier), or null."),
    ("dateline", STR, "Dateline city at the start of the body ('موسكو –'), if any."),
    ("n_chars", INT, "Length of text in characters.", NOT_NULL),
    ("n_tokens", INT, "Number of camel-tools simple_word_tokenize tokens in text.", NOT_NULL),
    ("content_sha256", STR, "SHA-256 of the matching form of text (exact-duplicate key).", NOT_NULL),
    ("dup_of", STR, "For a near-duplicate copy (a re-edited wire story), the doc_id of the original: the "
     "earliest published document of its cluster (then the smallest doc_id); null for originals. "
     "`WHERE dup_of IS NULL` keeps one document per story. Exact duplicates never get here: they go "
     "to quarantine with reason 'duplicate'."),
    ("cluster_id", STR, "Near-duplicate cluster (same story re-edited): doc_id of the cluster's first "
     "member; equal to doc_id for a singleton.", NOT_NULL),
)

SENTENCES = _t(
    "sentences",
    "Sentence spans over documents.text: a sentence ends after . ! ? ؟ ؛ ; followed by a space, at every newline,"
    " and at a stop glued to the next Arabic word ('احترامهم.وفي'); never inside a number, after a one-letter"
    " abbreviation ('د. محمد', 'د.إبراهيم') or inside a dotted acronym ('سي.إن.إن').",
    ("doc_id", "sentence_idx"),
    ("doc_id", STR, "Document the sentence belongs to.", NOT_NULL),
    ("sentence_idx", I32, "0-based position of the sentence in its document.", NOT_NULL),
    ("start", INT, "Start character offset into documents.text (inclusive).", NOT_NULL),
    ("end", INT, "End character offset into documents.text (exclusive).", NOT_NULL),
    ("text", STR, "The sentence: documents.text[start:end].", NOT_NULL),
)

ENTITY_MENTIONS = _t(
    "entity_mentions",
    "One row per named-entity span in a document, linked to its entity.",
    ("mention_id",),
    ("mention_id", STR, "Deterministic id: hash of doc_id, start, end.", NOT_NULL),
    ("doc_id", STR, "Document of the mention.", NOT_NULL),
    ("sentence_idx", I32, "Sentence of the mention.", NOT_NULL),
    ("start", INT, "Start character offset into documents.text; proclitics (و ف ب ل ك) are outside.",
     NOT_NULL),
    ("end", INT, "End character offset (exclusive) into documents.text.", NOT_NULL),
    ("surface", STR, "documents.text[start:end].", NOT_NULL),
    ("normalized", STR, "Matching form of the surface (no diacritics, folded alef/ya/ta marbuta).",
     NOT_NULL),
    ("type", STR, "PER | ORG | LOC | MISC: the type of its entity (one type per entity, by vote over its "
     "mentions; the knowledge base and gazetteer decide for theirs).", NOT_NULL),
    ("subtype", STR, "Finer class of its entity when known: country, province, city, region, landmark (places); "
     "head_of_state, minister, royal, armed_group, club, outlet, operation, event, … (knowledge base); "
     "resolution (a UN Security Council resolution named by its number: 'القرار 2216'); currency, religion, "
     "deity, scripture, common_noun (names analysts usually leave out, whatever their type: 'السنة' typed "
     "ORG is religion); name_fragment (a bare given name or 'بن X' its article does not settle)."),
    ("entity_id", STR, "Entity this mention refers to (entities.entity_id).", NOT_NULL),
    ("confidence", F64, "Backend confidence in [0, 1].", NOT_NULL),
    ("backend", STR, "NER backend that produced the mention (gazetteer, crf, camel).", NOT_NULL),
    ("title", STR, "Title or role attached to a person mention, as written: before the name ('وزير الخارجية "
     "الروسي' in 'وزير الخارجية الروسي سيرغي لافروف') or right after it ('ولي العهد'); equal to the "
     "surface when the title alone names its holder ('أكد الرئيس الأمريكي')."),
    ("title_country", STR, "ISO 3166-1 alpha-2 code of the country the title names (its nationality "
     "adjective: 'الروسي' → RU); for a place name several countries share ('طرابلس'), the country the "
     "document is about, which decides the place (LB → Tripoli, Lebanon)."),
    ("kb_id", STR, "Key-actor knowledge-base id (pipeline/resources/kb) the mention resolves to, when it does "
     "(by alias, by context, or by a title held on the publication day)."),
    ("country_code", STR, "For a mention naming a country, its ISO 3166-1 alpha-2 code ('المملكة' in a Saudi "
     "article → SA)."),
    ("mention_kind", STR, "name | title. 'title': a person named by a role, either alone ('أكد الرئيس "
     "الأمريكي') or right before the name of the same person ('وزير الخارجية' of 'وزير الخارجية السعودي، عادل "
     "الجبير': two mentions of one entity, as ACE counts a name and a nominal; the nationality adjective stays a "
     "reference); words of address and rank alone ('الدكتور', 'الأمير') are no title mention.", NOT_NULL),
    ("name_mention_id", STR, "For a title right before a name, or the same title alone elsewhere in a document "
     "that gave it that name: the mention_id of the name, whose entity it takes; null otherwise. To count each "
     "naming once, leave out the rows whose name starts within 40 characters after them (the title right before "
     "its name; pipeline.nlp.resolve.named_mentions)."),
)

ENTITIES = _t(
    "entities",
    "One row per real-world entity, resolved from its mentions.",
    ("entity_id",),
    ("entity_id", STR, "Deterministic id: hash of the identity key (knowledge-base id, country ISO code, "
     "GeoNames id, or the folded name).", NOT_NULL),
    ("type", STR, "PER | ORG | LOC | MISC (one per entity: the knowledge base or gazetteer, else a vote over "
     "its mentions).", NOT_NULL),
    ("name_ar", STR, "Canonical Arabic name: the knowledge base's, else the most frequent longest surface.",
     NOT_NULL),
    ("name_en", STR, "English name: from the knowledge base or the gazetteer (CLDR / GeoNames), else an "
     "institution's name translated word by word ('Ministry of Interior (Kuwait)'), else a readable romanisation; "
     "name_en_source says which.", NOT_NULL),
    ("aliases", STR_LIST, "Distinct surfaces seen for this entity, sorted.", NOT_NULL),
    ("n_mentions", INT, "Number of mentions.", NOT_NULL),
    ("n_docs", INT, "Number of documents mentioning it.", NOT_NULL),
    ("country_code", STR, "ISO 3166-1 alpha-2 country code for places, when known."),
    ("geonames_id", INT, "GeoNames id for places, when known."),
    ("lat", F64, "Latitude (WGS84) for cities, when known."),
    ("lon", F64, "Longitude (WGS84) for cities, when known."),
    ("subtype", STR, "Finer class (see entity_mentions.subtype); entity_leaderboard leaves out currency, "
     "religion, deity, scripture, common_noun and name_fragment by default."),
    ("kb_id", STR, "Key-actor knowledge-base id (pipeline/resources/kb/key_actors.tsv), when the entity is one."),
    ("name_en_source", STR, "Where name_en comes from: kb | gazetteer | lexicon (a listed currency, deity, "
     "religion, scripture or common noun) | rule (a numbered Security Council resolution) | translated (an "
     "institution's name whose every word the glossary name_words_en.tsv or the gazetteer knows) | romanised.",
     NOT_NULL),
    ("description_en", STR, "Role description from the knowledge base ('King of Saudi Arabia (2015–)')."),
)

ENTITY_ALIASES = _t(
    "entity_aliases",
    "Each distinct surface form of an entity and how often it occurs.",
    ("entity_id", "alias"),
    ("entity_id", STR, "Entity (entities.entity_id).", NOT_NULL),
    ("alias", STR, "A surface form as written in documents.", NOT_NULL),
    ("n_mentions", INT, "Mentions with this exact surface.", NOT_NULL),
)

ENTITY_REFERENCES = _t(
    "entity_references",
    "Nationality adjectives and demonyms outside entity mentions ('المحللون الروس', 'التنسيق السوري', "
    "'السوريين'): references to a country that are not its name, so they are never persons or places. Count "
    "them with the country's mentions for how much the press talks about it.",
    ("reference_id",),
    ("reference_id", STR, "Deterministic id: hash of doc_id and the span.", NOT_NULL),
    ("doc_id", STR, "Document (documents.doc_id).", NOT_NULL),
    ("sentence_idx", I32, "Sentence of the reference (sentences.sentence_idx).", NOT_NULL),
    ("start", INT, "Start character offset into documents.text (a conjunction و/ف stays outside).", NOT_NULL),
    ("end", INT, "End character offset (exclusive) into documents.text.", NOT_NULL),
    ("surface", STR, "documents.text[start:end].", NOT_NULL),
    ("kind", STR, "nationality: a nationality adjective or demonym (the only kind so far).", NOT_NULL),
    ("country_code", STR, "ISO 3166-1 alpha-2 code of the country referred to ('الروسي' → RU).", NOT_NULL),
    ("entity_id", STR, "The country's entity (entities.entity_id) when the corpus names the country; null "
     "otherwise."),
)

EVENT_MENTIONS = _t(
    "event_mentions",
    "One row per event trigger found in a sentence, with its arguments.",
    ("event_mention_id",),
    ("event_mention_id", STR, "Deterministic id: hash of doc_id and trigger span.", NOT_NULL),
    ("event_id", STR, "Cross-document event cluster (events.event_id).", NOT_NULL),
    ("doc_id", STR, "Document of the trigger.", NOT_NULL),
    ("sentence_idx", I32, "Sentence of the trigger.", NOT_NULL),
    ("trigger_start", INT, "Start offset of the trigger word in documents.text (proclitics outside).",
     NOT_NULL),
    ("trigger_end", INT, "End offset (exclusive) of the trigger word.", NOT_NULL),
    ("trigger", STR, "documents.text[trigger_start:trigger_end].", NOT_NULL),
    ("event_type", STR, "PLOVER event type: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, "
     "INVESTIGATE, DEMAND, DISAPPROVE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT. "
     "Statements are in the quotes table.", NOT_NULL),
    ("mode", STR, "PLOVER mode: visit, host, meeting, talks, phone, sign, praise, condemn, arrest, airstrike …"),
    ("cameo_root", STR, "CAMEO root code, two digits ('04' consult).", NOT_NULL),
    ("quad_class", I32, "CAMEO quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, "
     "4 material conflict.", NOT_NULL),
    ("goldstein", F64, "Goldstein scale value of the CAMEO root (-10..10).", NOT_NULL),
    ("actor_ids", STR_LIST, "Entities acting (sources), entities.entity_id.", NOT_NULL),
    ("recipient_ids", STR_LIST, "Entities acted upon (targets), entities.entity_id.", NOT_NULL),
    ("location_id", STR, "Place of the event (entities.entity_id), when stated."),
    ("date", DATE, "Event date (start), from a date in the sentence, else the publication date."),
    ("date_end", DATE, "End date for a range ('من 28 إلى 31 أكتوبر')."),
    ("date_precision", STR, "day | month | year; null when no date is known."),
    ("date_text", STR, "The date expression in the sentence; null when the publication date was used."),
    ("negated", BOOL, "True when the trigger is negated (لم، لن، لا، نفى …).", NOT_NULL),
    ("future", BOOL, "True when the event is announced for the future (سـ، سوف، من المتوقع …).",
     NOT_NULL),
    ("actor_text", STR, "The words naming the actor when no entity does ('قوات الأمن'); cut before a relative "
     "pronoun, never a clause ending on a preposition or a phrase of purpose after ل/ب."),
    ("recipient_text", STR, "The words naming the recipient when no entity does (cleaned like actor_text)."),
    ("actor_countries", STR_LIST, "ISO 3166-1 alpha-2 codes of the actors' countries (from the entity, its "
     "title or its nisba): GDELT's Actor1CountryCode.", NOT_NULL),
    ("recipient_countries", STR_LIST, "ISO codes of the recipients' countries: GDELT's Actor2CountryCode.",
     NOT_NULL),
    ("date_source", STR, "Where `date` comes from: text (a date expression of the sentence) | publication (the "
     "article's publication day) | none.", NOT_NULL),
)

EVENTS = _t(
    "events",
    "One row per happening: event mentions of the same type between compatible participants (either order "
    "for meetings and talks), dated within a day of each other, at compatible places, across articles. A "
    "mention without a named participant is an event of its own.",
    ("event_id",),
    ("event_id", STR, "Deterministic id: hash of type, first member mention and day.", NOT_NULL),
    ("event_type", STR, "PLOVER event type.", NOT_NULL),
    ("mode", STR, "Most frequent PLOVER mode among the mentions."),
    ("cameo_root", STR, "CAMEO root code.", NOT_NULL),
    ("quad_class", I32, "CAMEO quad class.", NOT_NULL),
    ("goldstein", F64, "Goldstein scale value.", NOT_NULL),
    ("actor_ids", STR_LIST, "Actors (entities.entity_id).", NOT_NULL),
    ("recipient_ids", STR_LIST, "Recipients (entities.entity_id).", NOT_NULL),
    ("location_id", STR, "Most frequent stated location."),
    ("date", DATE, "Event date."),
    ("date_end", DATE, "Latest end date among mentions."),
    ("date_precision", STR, "Precision of the date."),
    ("n_mentions", INT, "Event mentions in the cluster.", NOT_NULL),
    ("n_articles", INT, "Distinct documents reporting it.", NOT_NULL),
    ("n_sources", INT, "Distinct outlets reporting it (documents with unknown source count as one "
     "'unknown' source).", NOT_NULL),
    ("first_seen", DATETIME, "Earliest publication time (UTC) of a reporting document."),
    ("last_seen", DATETIME, "Latest publication time (UTC) of a reporting document."),
    ("actor_countries", STR_LIST, "ISO codes of the actors' countries.", NOT_NULL),
    ("recipient_countries", STR_LIST, "ISO codes of the recipients' countries.", NOT_NULL),
)

# the columns both participant bridges share (both are made by pipeline.nlp.events.event_participants)
_PARTICIPANT_COLUMNS = (
    ("entity_id", STR, "Participant (entities.entity_id).", NOT_NULL),
    ("role", STR, "actor | recipient | location.", NOT_NULL),
    ("country_code", STR, "The participant entity's country (ISO 3166-1 alpha-2), when known."),
)

EVENT_PARTICIPANTS = _t(
    "event_participants",
    "Flat bridge of events and their participants, for BI tools that cannot read lists: one row per event, "
    "entity and role.",
    ("event_id", "entity_id", "role"),
    ("event_id", STR, "Event (events.event_id).", NOT_NULL),
    *_PARTICIPANT_COLUMNS,
)

EVENT_MENTION_PARTICIPANTS = _t(
    "event_mention_participants",
    "Flat bridge of event mentions and their participants as that sentence names them (actor_ids, "
    "recipient_ids, location_id of event_mentions), for BI tools that cannot read lists: one row per event "
    "mention, entity and role.",
    ("event_mention_id", "entity_id", "role"),
    ("event_mention_id", STR, "Event mention (event_mentions.event_mention_id).", NOT_NULL),
    *_PARTICIPANT_COLUMNS,
)

QUOTES = _t(
    "quotes",
    "Who said what: one row per reporting verb (قال، أكد، أوضح …) with its speaker and what is said, quoted "
    "('direct', between quotes or after a colon) or reported ('indirect', after إن/أن) — GDELT's Quotations on "
    "the Arabic original. Every span is an offset into documents.text.",
    ("quote_id",),
    ("quote_id", STR, "Deterministic id: hash of doc_id and the verb's span.", NOT_NULL),
    ("doc_id", STR, "Document of the quotation.", NOT_NULL),
    ("sentence_idx", I32, "Sentence of the reporting verb.", NOT_NULL),
    ("verb_start", INT, "Start offset of the reporting verb in documents.text (proclitics outside); for a statement "
     "that speaks, the phrase 'جاء في بيان'.", NOT_NULL),
    ("verb_end", INT, "End offset (exclusive) of the reporting verb.", NOT_NULL),
    ("verb", STR, "documents.text[verb_start:verb_end].", NOT_NULL),
    ("speaker_id", STR, "The speaker (entities.entity_id), when an entity is named."),
    ("speaker_text", STR, "The words naming the speaker when no entity does ('المصادر')."),
    ("speaker_country", STR, "The speaker entity's country (ISO alpha-2), when known."),
    ("speaker_source", STR, "Where the speaker comes from: 'text' (named at the verb), 'unnamed' (unnamed people "
     "named at the verb, 'وقالت مصادر محلية', 'وأكد شهود عيان', 'ذكر تقرير إخباري': speaker_text holds their words, "
     "no entity; leave them out with speaker_source <> 'unnamed'; when what they report is an event of the "
     "sentence, the event is the row and they are no quotation), 'previous' (a verb opening "
     "its sentence with its subject dropped, 'وأضاف أن …', speaks for the speaker of the document's quotation "
     "just before, within two sentences, or with none, for the person who did the last event before it, 'وانتقد "
     "عباس … . وقال إن …'), 'pronoun' (an honorific pronoun, 'وقال سموه', 'وأكد معاليه', stands "
     "for the last person the document names before it, within three sentences; speaker_text keeps the "
     "pronoun), 'title' (a title alone, 'وقال مدير المرصد', stands for the person the document named right after "
     "that title before the verb; speaker_text keeps the title), 'newspaper' ('الصحيفة' alone, 'وأضافت الصحيفة أن …', "
     "stands for the newspaper the document named last before the verb, 'ذكرت صحيفة الحياة'; speaker_text keeps "
     "'الصحيفة'); null when no speaker is known."),
    ("quote_start", INT, "Start offset of what is said (for a verb whose object is a demonstrative, 'صرح بذلك "
                         "المتحدث …', 'أوضح ذلك اللواء …', the document's previous sentence, which is what it "
                         "refers to).", NOT_NULL),
    ("quote_end", INT, "End offset (exclusive) of what is said.", NOT_NULL),
    ("quote", STR, "documents.text[quote_start:quote_end].", NOT_NULL),
    ("kind", STR, "direct | indirect.", NOT_NULL),
    ("date", DATE, "Date of the statement: a date in the sentence, else the publication day."),
    ("date_source", STR, "text | publication | none.", NOT_NULL),
    ("negated", BOOL, "True when the speaker denies (نفى) or the verb is negated.", NOT_NULL),
)

ENTITY_STATS = _t(
    "entity_stats",
    "Mention statistics per entity over the whole corpus.",
    ("entity_id",),
    ("entity_id", STR, "Entity (entities.entity_id).", NOT_NULL),
    ("name_ar", STR, "Canonical Arabic name (copied from entities for convenience).", NOT_NULL),
    ("type", STR, "Entity type.", NOT_NULL),
    ("n_mentions", INT, "Mentions of the entity.", NOT_NULL),
    ("n_docs", INT, "Documents mentioning it.", NOT_NULL),
    ("n_clusters", INT, "Near-duplicate story clusters mentioning it.", NOT_NULL),
    ("n_sources", INT, "Distinct outlets mentioning it (unknown source counts as one).", NOT_NULL),
    ("first_seen", DATETIME, "Earliest publication time (UTC) of a document mentioning it."),
    ("last_seen", DATETIME, "Latest publication time (UTC) of a document mentioning it."),
    ("share_of_voice", F64, "Its mentions as a share of all mentions of its type (PER, ORG, LOC, MISC): 0..1.",
     NOT_NULL),
    ("top_co_mentioned_id", STR, "The entity it shares most documents with (ties: higher PMI, then id); null "
     "when it never shares a document."),
    ("top_co_mentioned_name", STR, "That entity's name (entities.name_ar)."),
    ("top_co_mentioned_docs", INT, "Documents the two share."),
)

ENTITY_DAILY = _t(
    "entity_daily",
    "Mentions per entity per publication day (documents without a date are left out).",
    ("entity_id", "day"),
    ("entity_id", STR, "Entity (entities.entity_id).", NOT_NULL),
    ("day", DATE, "Publication day (UTC).", NOT_NULL),
    ("n_mentions", INT, "Mentions that day.", NOT_NULL),
    ("n_docs", INT, "Documents mentioning it that day.", NOT_NULL),
)

ENTITY_PAIRS = _t(
    "entity_pairs",
    "Co-occurrence of two entities (entity_a < entity_b).",
    ("entity_a", "entity_b"),
    ("entity_a", STR, "First entity (lexicographically smaller id).", NOT_NULL),
    ("entity_b", STR, "Second entity.", NOT_NULL),
    ("n_docs", INT, "Documents where both are mentioned (in a document naming more than 500 entities: where both "
     "share a sentence; see entity_pair_docs).", NOT_NULL),
    ("n_sentences", INT, "Sentences where both are mentioned.", NOT_NULL),
    ("pmi", F64, "Pointwise mutual information over documents, ln(n_docs * N / (n_docs_a * n_docs_b)), N the "
     "documents with a mention: > 0 when the two appear together more than chance. Unreliable on one or two "
     "documents; filter on n_docs (the entity_network view keeps n_docs >= 2).", NOT_NULL),
)

ENTITY_PAIR_DOCS = _t(
    "entity_pair_docs",
    "Flat bridge behind entity_pairs, for BI tools and for reading what links two entities: one row per pair of "
    "entities and document that mentions both (as many rows per pair as its n_docs). A document naming more than "
    "500 distinct entities (a digest or a dump, not an article: real articles name at most about a hundred) "
    "contributes only the pairs that share one of its sentences, not every two of its thousands.",
    ("entity_a", "entity_b", "doc_id"),
    ("entity_a", STR, "First entity (lexicographically smaller id), entities.entity_id.", NOT_NULL),
    ("entity_b", STR, "Second entity, entities.entity_id.", NOT_NULL),
    ("doc_id", STR, "A document mentioning both (documents.doc_id).", NOT_NULL),
    ("n_sentences", INT, "Sentences of that document mentioning both (0: only in different sentences).", NOT_NULL),
)

SOURCE_STATS = _t(
    "source_stats",
    "Volume per outlet ('unknown' when the source could not be determined).",
    ("source",),
    ("source", STR, "Outlet name, or 'unknown'.", NOT_NULL),
    ("n_docs", INT, "Documents from the outlet.", NOT_NULL),
    ("n_mentions", INT, "Entity mentions in those documents.", NOT_NULL),
    ("n_events", INT, "Event mentions in those documents.", NOT_NULL),
)

SOURCE_TYPE_STATS = _t(
    "source_type_stats",
    "What each outlet covers: per outlet and entity type (PER, ORG, LOC, MISC) or event type (PLOVER), its "
    "mentions, the documents carrying them and the share of the outlet's mentions of that kind.",
    ("source", "kind", "type"),
    ("source", STR, "Outlet name, or 'unknown'.", NOT_NULL),
    ("kind", STR, "'entity' (type is entity_mentions.type) or 'event' (type is event_mentions.event_type).",
     NOT_NULL),
    ("type", STR, "Entity type or PLOVER event type.", NOT_NULL),
    ("n_mentions", INT, "Entity mentions (kind 'entity') or event mentions (kind 'event') of this type in the "
     "outlet's documents.", NOT_NULL),
    ("n_docs", INT, "The outlet's documents with at least one such mention.", NOT_NULL),
    ("n_distinct", INT, "Distinct entities (kind 'entity') or distinct events (kind 'event') among them.",
     NOT_NULL),
    ("share_of_source", F64, "n_mentions / all the outlet's mentions of the same kind (0..1): the outlet's mix.",
     NOT_NULL),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        RAW_FILES, QUARANTINE, DOCUMENTS, SENTENCES, ENTITY_MENTIONS, ENTITIES, ENTITY_ALIASES, ENTITY_REFERENCES,
        EVENT_MENTIONS, EVENTS, EVENT_PARTICIPANTS, EVENT_MENTION_PARTICIPANTS, QUOTES, ENTITY_STATS, ENTITY_DAILY,
        ENTITY_PAIRS, ENTITY_PAIR_DOCS, SOURCE_STATS, SOURCE_TYPE_STATS,
    )
}


def data_dictionary() -> str:
    """Markdown data dictionary of every table (the content of docs/data_dictionary.md)."""
    lines = [
        "# Akhbar data dictionary",
        "",
        "Generated from `pipeline/schemas.py` by `python -m pipeline.schemas > docs/data_dictionary.md`;"
        " a test keeps it in sync. Parquet files live in `<warehouse>/parquet/<table>/part-0.parquet`, except"
        " the large per-document tables (" + ", ".join(f"`{t}`" for t in sorted(PARTITIONED_TABLES)) + "),"
        f" which are Hive-partitioned by the publication month of their document:"
        f" `<warehouse>/parquet/<table>/{PARTITION_COLUMN}=2015-08/part-0.parquet` (`{PARTITION_COLUMN}="
        f"{UNKNOWN_MONTH}` for undated documents; the `{PARTITION_COLUMN}` column is in the folder name only —"
        " read the folder with Hive partitioning on, e.g. DuckDB `read_parquet('parquet/entity_mentions/*/*.parquet',"
        " hive_partitioning = true)`). The DuckDB database `<warehouse>/akhbar.duckdb` holds a table of the same"
        " name for each.",
        "",
    ]
    for t in TABLES.values():
        layout = f"; partitioned by `{PARTITION_COLUMN}`" if t.partitioned else ""
        lines += [f"## `{t.name}`", "", t.description, "", f"Key: `{', '.join(t.key)}`{layout}", "",
                  "| column | type | null | description |", "|---|---|---|---|"]
        for c in t.columns:
            lines.append(f"| `{c.name}` | {c.dtype} | {'yes' if c.nullable else 'no'} | {c.description} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(data_dictionary(), end="")
