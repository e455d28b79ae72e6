"""Dagster resources: the warehouse (Parquet + DuckDB paths), the input folder and the NER backend."""


from pathlib import Path
from typing import Any

import dagster as dg
import polars as pl
from pydantic import Field, PrivateAttr

from pipeline.config import SQL_DIR, NerBackendName
from pipeline.nlp.ner.enrich import EntityLexicon, entity_lexicon
from pipeline.schemas import TABLES
from pipeline.storage.atomic import replace_atomically
from pipeline.storage.parquet import ParquetStore
from pipeline.storage.warehouse import DB_NAME, REPORTS, WarehouseLayout

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


# The rows an analyst wants to see first in the UI, per table (column, descending); other tables show their
# first rows in key order.
PREVIEW_ORDER: dict[str, tuple[str, bool]] = {
    "documents": ("published_at", True),
    "entities": ("n_mentions", True),
    "entity_aliases": ("n_mentions", True),
    "events": ("n_articles", True),
    "entity_stats": ("n_mentions", True),
    "entity_daily": ("n_mentions", True),
    "entity_pairs": ("n_docs", True),
    "source_stats": ("n_docs", True),
    "source_type_stats": ("n_mentions", True),
    "quarantine": ("bytes", True),
}


def _preview_type(dtype: pl.DataType) -> str:
    if dtype.is_integer():
        return "int"
    if dtype.is_float():
        return "float"
    if dtype == pl.Boolean:
        return "bool"
    if isinstance(dtype, pl.Datetime):
        return "datetime"
    if dtype == pl.Date:
        return "date"
    return "string"


def _preview_cell(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = (value.isoformat() if hasattr(value, "isoformat") else str(value)).replace("\n", " ")
    return text if len(text) <= PREVIEW_CELL_CHARS else text[: PREVIEW_CELL_CHARS - 1] + "…"


def table_preview(table: str, frame: pl.DataFrame, rows: int = PREVIEW_ROWS) -> dg.TableMetadataValue:
    """The table's most telling rows (``PREVIEW_ORDER``) as typed Dagster table metadata: numbers stay
    numbers, lists are joined, long text is shortened."""
    order = PREVIEW_ORDER.get(table)
    head = frame.sort(order[0], descending=order[1], nulls_last=True).head(rows) if order else frame.head(rows)
    return typed_table(head)


def typed_table(frame: pl.DataFrame) -> dg.TableMetadataValue:
    """Every row of ``frame`` (keep it small) as typed Dagster table metadata."""
    schema = dg.TableSchema(columns=[dg.TableColumn(name=name, type=_preview_type(dtype))
                                     for name, dtype in frame.schema.items()])
    records = [dg.TableRecord({k: _preview_cell(v) for k, v in row.items()}) for row in frame.iter_rows(named=True)]
    return dg.MetadataValue.table(records=records, schema=schema)


class Warehouse(dg.ConfigurableResource):
    """Where tables live (see :mod:`pipeline.storage.warehouse`): each run writes into its own folder
    ``<root>/runs/<run_id>/``, reads its own tables there (else the published ones) and, once every blocking
    check has passed, the ``published_run`` asset makes it ``<root>/current`` in one atomic switch. Readers
    use the stable paths ``<root>/parquet/<table>/`` and ``<root>/akhbar.duckdb``."""

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

    def read(self, table: str, columns: list[str] | None = None) -> pl.DataFrame:
        """The table as this run wrote it, else as last published."""
        store = self.layout.table_store(table, self._run_id)
        if store is None:
            raise FileNotFoundError(
                f"table {table!r} is not in warehouse {self.root}: materialize the asset {table!r} (and its "
                f"upstream assets) first, e.g. `akhbar run --warehouse {self.root}`")
        return store.read(table, columns)

    def publish(self, table: str, frame: pl.DataFrame, **extra: Any) -> dg.MaterializeResult:
        """Write ``frame`` as the table's Parquet in this run's folder (contract cast, atomic) and describe
        it for Dagster. Nothing is visible to readers before the run is published."""
        documents = None
        if TABLES[table].partitioned and table != "documents":  # partitions follow their documents' month
            documents = self.read("documents", ["doc_id", "published_at"])
        written = self.store.write(table, frame, documents)
        stable = ParquetStore(self.layout.root).location(table)  # <root>/parquet/... points at the current run
        metadata: dict[str, Any] = {
            "dagster/row_count": dg.MetadataValue.int(written.height),
            "dagster/column_schema": table_schema(table),
            "path": dg.MetadataValue.path(str(stable)),
            "staged_at": dg.MetadataValue.path(str(self.store.location(table))),
            "preview": table_preview(table, written),
            **extra,
        }
        return dg.MaterializeResult(asset_key=dg.AssetKey(table), metadata=metadata)

    def write_report(self, name: str, data: bytes) -> dg.MetadataValue:
        """Write a report file (a chart) into this run's ``reports/`` folder, atomically; readers find it at
        ``<root>/current/reports/<name>`` once the run is published. Returns the metadata value linking it."""
        target = self.layout.run_dir(self.run_id) / REPORTS / name
        def write(tmp: str) -> None:
            Path(tmp).write_bytes(data)

        replace_atomically(target, write)
        return dg.MetadataValue.path(str(self.layout.current_link / REPORTS / name))

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
