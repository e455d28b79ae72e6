"""The import graph only points down, training stays apart from the runtime, and the package ships whole.

Layers (see docs/architecture.md), lowest first; a module may import from its own layer or lower ones.
"""

from __future__ import annotations

import ast
import dataclasses
import tomllib
from pathlib import Path

import pytest

from pipeline.nlp.documents import DocumentRow
from pipeline.nlp.events import EventMentionRow, QuoteRow
from pipeline.nlp.ingest import RawFile, Rejection
from pipeline.nlp.ner.tagging import RESOLVED_COLUMNS, MentionRow
from pipeline.nlp.resolve import EntityRow
from pipeline.nlp.segment import SentenceRow
from pipeline.schemas import TABLES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pipeline"

LAYERS: list[tuple[str, ...]] = [
    ("pipeline.config", "pipeline.ids", "pipeline.schemas", "pipeline.nlp.text",
     "pipeline.nlp.morphology", "pipeline.parallel"),  # text primitives, word forms, ids, contract, pool
    ("pipeline.lexicons",),
    ("pipeline.nlp.decode", "pipeline.nlp.segment", "pipeline.nlp.dates", "pipeline.nlp.dedup",
     "pipeline.nlp.romanize"),
    ("pipeline.nlp.ingest", "pipeline.nlp.clean"),
    ("pipeline.nlp.documents",),
    ("pipeline.nlp.ner",),
    ("pipeline.nlp.resolve",),
    ("pipeline.nlp.events",),
    ("pipeline.stats", "pipeline.report", "pipeline.storage", "pipeline.training"),
    ("pipeline.defs",),
    ("pipeline.definitions",),
    ("pipeline.cli", "pipeline.benchmark"),
]


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int:
    best, rank = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    if rank < 0:
        raise AssertionError(f"{module} is in no layer of tests/unit/test_architecture.py: add it")
    return rank


def pipeline_imports(path: Path) -> set[str]:
    """Every pipeline module ``path`` imports, at top level or inside functions."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            for alias in node.names:  # "from pipeline import ids" imports the module pipeline.ids
                sub = f"{node.module}.{alias.name}"
                is_module = (ROOT / Path(*sub.split("."))).with_suffix(".py").exists() or (
                    ROOT / Path(*sub.split(".")) / "__init__.py").exists()
                out.add(sub if is_module else node.module)
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_down(path: Path) -> None:
    me = module_name(path)
    if me in ("pipeline", "pipeline.nlp", "pipeline.nlp.ner", "pipeline.resources"):
        return
    up = sorted(m for m in pipeline_imports(path) if layer_of(m) > layer_of(me))
    assert not up, f"{me} (layer {layer_of(me)}) imports from higher layers: {up}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_runtime_never_imports_training(path: Path) -> None:
    me = module_name(path)
    if me.startswith("pipeline.training") or me == "pipeline.cli":  # cli imports it lazily for ner-train
        return
    assert not [m for m in pipeline_imports(path) if m.startswith("pipeline.training")]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_module_level_name_is_silently_redefined(path: Path) -> None:
    """A second module-level ``X = …`` (or ``def X``) replaces the first for every function of the module,
    also those written above it: two unrelated word sets once shared one name, and a rule read the wrong one.
    Re-binding a name to a value computed from itself (``ASSETS = map(…, ASSETS)``) is allowed."""
    seen: dict[str, int] = {}
    clashes = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names = [node.target.id]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names = [node.name]
        value = getattr(node, "value", None)
        used = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            if name in seen and name not in used:
                clashes.append(f"{name} (lines {seen[name]} and {node.lineno})")
            seen[name] = node.lineno
    assert not clashes, f"{module_name(path)} defines again: {clashes}"


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {module_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")} | {"pipeline.sql"}
    assert listed == found, "pyproject.toml [tool.setuptools] packages must list every package"
    assert (ROOT / "sql" / "__init__.py").exists()


@pytest.mark.parametrize(
    ("row_type", "table", "without"),
    [
        (RawFile, "raw_files", ()),
        (Rejection, "quarantine", ()),
        (DocumentRow, "documents", ()),
        (SentenceRow, "sentences", ()),
        (MentionRow, "entity_mentions", RESOLVED_COLUMNS),
        (EntityRow, "entities", ()),
        (EventMentionRow, "event_mentions", ("event_id",)),
        (QuoteRow, "quotes", ()),
    ],
)
def test_row_types_are_the_table_contract(row_type: type, table: str, without: tuple[str, ...]) -> None:
    fields = [f.name for f in dataclasses.fields(row_type)]
    assert fields == [c for c in TABLES[table].names if c not in without]


def _bound_twice(tree: ast.Module) -> list[str]:
    """Module-level names bound a second time by a value that does not read them: the later binding silently
    replaces the first (a second ``_ON`` in events.py once emptied another rule's list)."""
    seen: set[str] = set()
    twice: list[str] = []
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.AST | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            targets = [ast.Name(id=node.name)]
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            reads_itself = value is not None and any(
                isinstance(n, ast.Name) and n.id == target.id for n in ast.walk(value))
            if target.id in seen and not reads_itself:
                twice.append(f"{target.id} (line {node.lineno})")
            seen.add(target.id)
    return twice


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_silently_bound_twice(path: Path) -> None:
    assert _bound_twice(ast.parse(path.read_text(encoding="utf-8"))) == []


def test_a_second_binding_is_found() -> None:
    tree = ast.parse('_ON = {"على"}\nX = [1]\nX = list(X)\n_ON = {"في"}\n')
    assert _bound_twice(tree) == ["_ON (line 4)"]
