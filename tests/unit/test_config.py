"""Settings have one default each and fail with the cause and the fix; lexicons fail loudly when missing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import DEFAULT_NEAR_DUPLICATE_THRESHOLD, NerBackendName, Settings
from pipeline.definitions import build_definitions
from pipeline.lexicons import LexiconError, read_lines, read_rows


def test_backend_from_the_environment_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKHBAR_NER_BACKEND", "gazetteer")
    assert Settings.from_env().ner_backend is NerBackendName.GAZETTEER
    monkeypatch.setenv("AKHBAR_NER_BACKEND", "bert")
    with pytest.raises(ValueError, match=r"AKHBAR_NER_BACKEND.*crf, gazetteer, camel"):
        Settings.from_env()


def test_definitions_validate_the_settings(tmp_path: Path) -> None:
    inp, out = tmp_path / "in", tmp_path / "out"
    inp.mkdir()
    with pytest.raises(ValueError, match=r"does not exist.*AKHBAR_INPUT"):
        build_definitions(Settings(input_dir=str(tmp_path / "missing"), warehouse_dir=str(out)))
    with pytest.raises(ValueError, match="AKHBAR_CAMEL_NER_MODEL"):
        build_definitions(Settings(input_dir=str(inp), warehouse_dir=str(out),
                                   ner_backend=NerBackendName.CAMEL, camel_model_dir=str(tmp_path)))
    defs = build_definitions(Settings(input_dir=str(inp), warehouse_dir=str(out)))
    assert defs.resources["inputs"].near_duplicate_threshold == DEFAULT_NEAR_DUPLICATE_THRESHOLD


@pytest.mark.parametrize("warehouse", ["in", "in/wh", "."])
def test_warehouse_and_input_must_not_overlap(tmp_path: Path, warehouse: str) -> None:
    (tmp_path / "in").mkdir()
    with pytest.raises(ValueError, match="overlap"):
        Settings(input_dir=str(tmp_path / "in"), warehouse_dir=str(tmp_path / warehouse)).validate()


def test_input_must_be_a_folder_and_warehouse_writable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    with pytest.raises(ValueError, match="is a file, not a folder"):
        Settings(input_dir=str(tmp_path / "a.txt"), warehouse_dir=str(tmp_path / "wh")).validate()
    (tmp_path / "in").mkdir()
    with pytest.raises(ValueError, match="is a file; pass a folder"):
        Settings(input_dir=str(tmp_path / "in"), warehouse_dir=str(tmp_path / "a.txt")).validate(for_writing=True)
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root ignores permissions
            pytest.skip("running as a user that can write anywhere")
        with pytest.raises(ValueError, match="cannot write to the warehouse"):
            Settings(input_dir=str(tmp_path / "in"), warehouse_dir=str(locked / "wh")).validate(for_writing=True)
    finally:
        locked.chmod(0o700)


def test_a_missing_lexicon_is_an_error_not_an_empty_list() -> None:
    with pytest.raises(LexiconError, match="reinstall"):
        read_lines("no_such_lexicon.txt")


def test_lexicon_rules_comments_blank_lines_and_header(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pipeline.lexicons as lx

    (tmp_path / "x.tsv").write_text("# a comment\n\nname\tcode\n  موسكو\tRU  \r\n>heading\n", encoding="utf-8")
    monkeypatch.setattr(lx, "LEXICON_DIR", tmp_path)
    assert read_lines("x.tsv") == ["name\tcode", "موسكو\tRU", ">heading"]
    assert read_rows("x.tsv", ("name", "code")) == [("موسكو", "RU"), (">heading", "")]
