"""Settings: where input comes from, where the warehouse goes, limits and backends — and every path.

Every setting has one default, declared here and nowhere else; every path the package uses is derived here.
Sources of a setting, strongest first: CLI flags, environment variables (``AKHBAR_*``), these defaults.
Relative paths are taken relative to the current directory. :meth:`Settings.validate` runs before any
run, from the CLI and from the Dagster definitions alike.
"""

from __future__ import annotations

import importlib.resources
import os
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

# --- paths ---------------------------------------------------------------------------------------------
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent  # the source checkout (meaningful for seeds/ and ../shared only)
RESOURCES_DIR = PACKAGE_DIR / "resources"
LEXICON_DIR = RESOURCES_DIR / "lexicons"
MODELS_DIR = RESOURCES_DIR / "models"
NER_MODEL_DIR = MODELS_DIR / "ner_crf"  # the shipped CRF model


def _sql_dir() -> Path:
    """``sql/`` of the checkout, installed as the package ``pipeline.sql`` (so a wheel has the views)."""
    try:
        return Path(str(importlib.resources.files("pipeline.sql")))
    except ModuleNotFoundError:  # a source tree on PYTHONPATH, not installed
        return PROJECT_ROOT / "sql"


SQL_DIR = _sql_dir()
DEFAULT_SHARED_DIR = PROJECT_ROOT.parent / "shared"  # training corpora beside the checkout (never shipped)


class NerBackendName(StrEnum):
    """The NER backends ``akhbar run --ner-backend`` and ``AKHBAR_NER_BACKEND`` accept."""

    CRF = "crf"  # the CRF model shipped in pipeline/resources/models/ner_crf
    GAZETTEER = "gazetteer"  # gazetteer and title rules, no statistical model
    CAMEL = "camel"  # camel-tools' NERecognizer on a local BERT model folder


# --- defaults --------------------------------------------------------------------------------------------
DEFAULT_MAX_FILE_BYTES = 5_000_000
DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8  # estimated Jaccard of word 5-shingles for one story cluster
DEFAULT_NER_BACKEND = NerBackendName.CRF


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not a whole number of bytes; unset it or give e.g. 5000000") from exc


def _check_writable(folder: Path) -> None:
    """Raise ValueError unless ``folder`` exists (or can be created) and a file can be written in it."""
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"the warehouse {str(folder)!r} is a file; pass a folder (--warehouse DIR or "
                         "AKHBAR_WAREHOUSE)")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".akhbar-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as err:
        raise ValueError(f"cannot write to the warehouse {str(folder)!r} ({err.strerror or err}); choose a folder "
                         "you can write (--warehouse DIR or AKHBAR_WAREHOUSE) or fix its permissions") from None


EXECUTORS = ("in_process", "multiprocess")


def parse_backend(name: str, source: str = "AKHBAR_NER_BACKEND") -> NerBackendName:
    """The backend called ``name``; the error names the valid choices and where the bad value came from."""
    try:
        return NerBackendName(name)
    except ValueError:
        choices = ", ".join(b.value for b in NerBackendName)
        raise ValueError(f"unknown NER backend {name!r} ({source}); choose one of {choices}") from None


@dataclass(frozen=True)
class Settings:
    input_dir: str = field(default_factory=lambda: str(PROJECT_ROOT / "seeds"))
    warehouse_dir: str = field(default_factory=lambda: str(PROJECT_ROOT / "warehouse"))
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    ner_backend: NerBackendName = DEFAULT_NER_BACKEND
    camel_model_dir: str | None = None
    near_duplicate_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD
    kb_extra: tuple[str, ...] = ()  # the user's knowledge-base TSV files (AKHBAR_KB_EXTRA, os.pathsep-separated)
    # Dagster executor of UI and sensor runs (AKHBAR_EXECUTOR): "in_process" (one process; the per-document
    # stages still use every core through pipeline.parallel) or "multiprocess" (a process per step)
    executor: str = "in_process"
    duckdb_storage_version: str = ""  # AKHBAR_DUCKDB_STORAGE_VERSION: write akhbar.duckdb for older clients

    @classmethod
    def from_env(cls) -> Settings:
        base = cls()
        backend = os.environ.get("AKHBAR_NER_BACKEND")
        return replace(
            base,
            input_dir=os.environ.get("AKHBAR_INPUT") or base.input_dir,
            warehouse_dir=os.environ.get("AKHBAR_WAREHOUSE") or base.warehouse_dir,
            max_file_bytes=_env_int("AKHBAR_MAX_FILE_BYTES", base.max_file_bytes),
            ner_backend=parse_backend(backend) if backend else base.ner_backend,
            camel_model_dir=os.environ.get("AKHBAR_CAMEL_NER_MODEL") or base.camel_model_dir,
            kb_extra=tuple(p for p in (os.environ.get("AKHBAR_KB_EXTRA") or "").split(os.pathsep) if p),
            executor=os.environ.get("AKHBAR_EXECUTOR") or base.executor,
            duckdb_storage_version=os.environ.get("AKHBAR_DUCKDB_STORAGE_VERSION") or base.duckdb_storage_version,
        )

    def with_paths(self, input_dir: str | None = None, warehouse_dir: str | None = None) -> Settings:
        return replace(
            self,
            input_dir=str(Path(input_dir).resolve()) if input_dir else self.input_dir,
            warehouse_dir=str(Path(warehouse_dir).resolve()) if warehouse_dir else self.warehouse_dir,
        )

    def validate(self, for_writing: bool = False) -> None:
        """Raise ValueError with the cause and what to do when a setting cannot work. ``for_writing`` also
        checks the warehouse folder can be written (before a run starts, not halfway through it)."""
        parse_backend(str(self.ner_backend))
        source = Path(self.input_dir)
        if not source.exists():
            raise ValueError(f"input folder {self.input_dir!r} does not exist; pass --input DIR or set AKHBAR_INPUT")
        if not source.is_dir():
            raise ValueError(f"input {self.input_dir!r} is a file, not a folder; pass the folder that holds the "
                             "articles (--input DIR or AKHBAR_INPUT)")
        inp, out = source.resolve(), Path(self.warehouse_dir).resolve()
        if inp == out or inp in out.parents or out in inp.parents:
            raise ValueError(f"the warehouse {str(out)!r} and the input folder {str(inp)!r} overlap (one is inside "
                             "the other), so a run would read its own output; choose a warehouse outside the input "
                             "folder (--warehouse DIR or AKHBAR_WAREHOUSE)")
        if for_writing:
            _check_writable(out)
        if self.ner_backend == NerBackendName.CAMEL and not (
            self.camel_model_dir and (Path(self.camel_model_dir) / "config.json").is_file()
        ):
            raise ValueError(
                f"the 'camel' NER backend needs a local BERT model folder (with config.json), got "
                f"{self.camel_model_dir!r}; set AKHBAR_CAMEL_NER_MODEL to the folder of CAMeL's ner-arabert "
                "model, or use --ner-backend crf"
            )
        for path in self.kb_extra:
            if not Path(path).is_file():
                raise ValueError(f"knowledge-base file {path!r} (AKHBAR_KB_EXTRA) does not exist; fix the path or "
                                 "unset the variable (see pipeline/resources/kb/README.md for the columns)")
        if self.executor not in EXECUTORS:
            raise ValueError(f"AKHBAR_EXECUTOR must be one of {', '.join(EXECUTORS)}, got {self.executor!r}")
        if self.max_file_bytes <= 0:
            raise ValueError(f"max_file_bytes must be positive, got {self.max_file_bytes} (AKHBAR_MAX_FILE_BYTES)")
        if not 0 < self.near_duplicate_threshold <= 1:
            raise ValueError(f"near_duplicate_threshold must lie in (0, 1], got {self.near_duplicate_threshold}")
