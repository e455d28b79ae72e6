"""The hand-labelled event sets are well formed: every span they name is in its sentence, every type is
PLOVER (or STATEMENT), dates are ISO days, and no two sets share an article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipeline.nlp.events import PLOVER_TYPES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
SETS = ("events_gold.jsonl", "events_heldout2.jsonl", "events_dev3.jsonl", "events_heldout4.jsonl", "events_dev5.jsonl",
        "events_dev6.jsonl", "events_dev7.jsonl")


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", SETS)
def test_labelled_spans_are_in_their_sentence(name: str):
    rows = _rows(name)
    numbers = [r["n"] for r in rows]
    assert numbers == sorted(set(numbers)), "sentence numbers are unique and in order"
    for r in rows:
        sentence = r["sentence"].replace("،", ",").replace("؟", "?")
        for ev in r["events"]:
            assert ev["type"] in (*PLOVER_TYPES, "STATEMENT"), (name, r["n"], ev["type"])
            for part in (ev["trigger"], ev["actor"], ev["place"], *ev["recipients"]):
                if part:
                    assert part.replace("،", ",").replace("؟", "?") in sentence, (name, r["n"], part)
            if ev["date"]:
                date.fromisoformat(ev["date"])
            assert ev["date_source"] in ("text", "publication", "none")


def test_the_sets_share_no_article():
    paths = [{r["path"] for r in _rows(name)} for name in SETS]
    for n, a in enumerate(paths):
        for b in paths[n + 1 :]:
            assert not a & b
