"""Settings: where input comes from, where the warehouse goes, limits and backends.

Every path and limit is read here and nowhere else. Sources, strongest first: CLI flags, environment
variables (``AKHBAR_*``), defaults. Relative paths are taken relative to the current directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = PROJECT_ROOT / "sql"

NER_BACKENDS = ("crf", "gazetteer", "camel")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not a whole number of bytes; unset it or give e.g. 5000000") from exc


@dataclass(frozen=True)
class Settings:
    input_dir: str = field(default_factory=lambda: str(PROJECT_ROOT / "seeds"))
    warehouse_dir: str = field(default_factory=lambda: str(PROJECT_ROOT / "warehouse"))
    max_file_bytes: int = 5_000_000
    ner_backend: str = "crf"
    camel_model_dir: str | None = None
    near_duplicate_threshold: float = 0.8

    @classmethod
    def from_env(cls) -> Settings:
        base = cls()
        return replace(
            base,
            input_dir=os.environ.get("AKHBAR_INPUT") or base.input_dir,
            warehouse_dir=os.environ.get("AKHBAR_WAREHOUSE") or base.warehouse_dir,
            max_file_bytes=_env_int("AKHBAR_MAX_FILE_BYTES", base.max_file_bytes),
            ner_backend=os.environ.get("AKHBAR_NER_BACKEND") or base.ner_backend,
            camel_model_dir=os.environ.get("AKHBAR_CAMEL_NER_MODEL") or base.camel_model_dir,
        )

    def with_paths(self, input_dir: str | None = None, warehouse_dir: str | None = None) -> Settings:
        return replace(
            self,
            input_dir=str(Path(input_dir).resolve()) if input_dir else self.input_dir,
            warehouse_dir=str(Path(warehouse_dir).resolve()) if warehouse_dir else self.warehouse_dir,
        )

    def validate(self) -> None:
        if self.ner_backend not in NER_BACKENDS:
            raise ValueError(
                f"unknown NER backend {self.ner_backend!r}; choose one of {', '.join(NER_BACKENDS)} "
                "(AKHBAR_NER_BACKEND)"
            )
        if not Path(self.input_dir).is_dir():
            raise ValueError(
                f"input folder {self.input_dir!r} does not exist; pass --input DIR or set AKHBAR_INPUT"
            )
