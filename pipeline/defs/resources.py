"""Dagster resources: the warehouse (Parquet + DuckDB paths), the input folder and the NER backend."""


from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
from pydantic import Field

from pipeline.config import SQL_DIR, NerBackendName
from pipeline.nlp.ner.enrich import EntityLexicon, entity_lexicon
from pipeline.schemas import TABLES
from pipeline.storage.parquet import ParquetStore

PREVIEW_ROWS = 5
PREVIEW_CELL_CHARS = 60


def table_schema(table: str) -> dg.TableSchema:
    """Dagster TableSchema (with descriptions and nullability) from the table contract."""
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name=c.name,
                type=str(c.dtype),
                description=c.description,
                constraints=dg.TableColumnConstraints(nullable=c.nullable),
            )
            for c in TABLES[table].columns
        ]
    )


def markdown_preview(frame: pl.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    """First rows as a markdown table, long cells shortened (text bodies, lists)."""
    if frame.is_empty():
        return "_no rows_"

    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        text = text.replace("\n", " ").replace("|", "\\|")
        return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"

    head = frame.head(rows)
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    for row in head.iter_rows():
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


class Warehouse(dg.ConfigurableResource):
    """Where tables live: ``<root>/parquet/<table>/part-0.parquet`` and ``<root>/akhbar.duckdb``."""

    root: str
    sql_dir: str = str(SQL_DIR)

    @property
    def store(self) -> ParquetStore:
        return ParquetStore(self.root)

    def read(self, table: str) -> pl.DataFrame:
        return self.store.read(table)

    def publish(self, table: str, frame: pl.DataFrame, **extra: Any) -> dg.MaterializeResult:
        """Write ``frame`` as the table's Parquet (contract cast, atomic) and describe it for Dagster."""
        written = self.store.write(table, frame)
        metadata: dict[str, Any] = {
            "dagster/row_count": dg.MetadataValue.int(written.height),
            "dagster/column_schema": table_schema(table),
            "path": dg.MetadataValue.path(str(self.store.path(table))),
            "preview": dg.MetadataValue.md(markdown_preview(written)),
            **extra,
        }
        return dg.MaterializeResult(asset_key=dg.AssetKey(table), metadata=metadata)

    @property
    def database_path(self) -> Path:
        return Path(self.root) / "akhbar.duckdb"


class InputFiles(dg.ConfigurableResource):
    """The folder of raw articles and ingestion limits (defaults: pipeline/config.py)."""

    input_dir: str
    max_file_bytes: int
    near_duplicate_threshold: float


class NerConfig(dg.ConfigurableResource):
    """Which NER backend tags entities (pipeline.config.NerBackendName) and the camel model folder."""

    backend: NerBackendName
    camel_model_dir: str | None = None
    kb_extra: list[str] = Field(default_factory=list)  # the user's knowledge-base TSV files, read after the shipped one

    def entity_lexicon(self) -> EntityLexicon:
        """The knowledge base, gazetteer and title lexicon the entity stages match against."""
        return entity_lexicon(tuple(self.kb_extra))
