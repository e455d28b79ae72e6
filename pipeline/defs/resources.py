"""Dagster resources: the warehouse (Parquet + DuckDB paths), the input folder and the NER backend."""


from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
from pydantic import Field, PrivateAttr

from pipeline.config import SQL_DIR, NerBackendName
from pipeline.nlp.ner.enrich import EntityLexicon, entity_lexicon
from pipeline.schemas import TABLES
from pipeline.storage.parquet import PART, ParquetStore
from pipeline.storage.warehouse import DB_NAME, WarehouseLayout

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
    """Where tables live (see :mod:`pipeline.storage.warehouse`): each run writes into its own folder
    ``<root>/runs/<run_id>/``, reads its own tables there (else the published ones) and, once every blocking
    check has passed, the ``published_run`` asset makes it ``<root>/current`` in one atomic switch. Readers
    use the stable paths ``<root>/parquet/<table>/part-0.parquet`` and ``<root>/akhbar.duckdb``."""

    root: str
    sql_dir: str = str(SQL_DIR)
    duckdb_storage_version: str = ""  # AKHBAR_DUCKDB_STORAGE_VERSION: e.g. "v1.0.0" for older DuckDB clients
    _run_id: str | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._run_id = context.run.run_id if context.run else None

    @property
    def layout(self) -> WarehouseLayout:
        return WarehouseLayout(self.root)

    @property
    def run_id(self) -> str:
        if self._run_id is None:
            raise RuntimeError("the warehouse resource is used outside a Dagster run")
        return self._run_id

    @property
    def store(self) -> ParquetStore:
        """This run's tables (its staging folder)."""
        return self.layout.staging(self.run_id)

    def read(self, table: str) -> pl.DataFrame:
        """The table as this run wrote it, else as last published."""
        path = self.layout.table_path(table, self._run_id)
        if path is None:
            raise FileNotFoundError(
                f"table {table!r} is not in warehouse {self.root}: materialize the asset {table!r} (and its "
                f"upstream assets) first, e.g. `akhbar run --warehouse {self.root}`")
        return pl.read_parquet(path, glob=False)

    def publish(self, table: str, frame: pl.DataFrame, **extra: Any) -> dg.MaterializeResult:
        """Write ``frame`` as the table's Parquet in this run's folder (contract cast, atomic) and describe
        it for Dagster. Nothing is visible to readers before the run is published."""
        written = self.store.write(table, frame)
        metadata: dict[str, Any] = {
            "dagster/row_count": dg.MetadataValue.int(written.height),
            "dagster/column_schema": table_schema(table),
            "path": dg.MetadataValue.path(str(self.layout.root / "parquet" / table / PART)),
            "staged_at": dg.MetadataValue.path(str(self.store.path(table))),
            "preview": dg.MetadataValue.md(markdown_preview(written)),
            **extra,
        }
        return dg.MaterializeResult(asset_key=dg.AssetKey(table), metadata=metadata)

    @property
    def database_path(self) -> Path:
        """The stable path of the published database."""
        return self.layout.database_path

    @property
    def staged_database_path(self) -> Path:
        return self.layout.run_dir(self.run_id) / DB_NAME


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
