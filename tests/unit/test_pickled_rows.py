"""Rows that cross to and from the worker processes pickle as (class, field values) and come back equal."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field, fields

import pytest

from pipeline.nlp.events import EventMentionRow, Mention, QuoteRow
from pipeline.nlp.ner.tagging import MentionRow
from pipeline.parallel import pickled_by_fields


def _instance(cls: type) -> object:
    values = []
    for i, f in enumerate(fields(cls)):
        kind = str(f.type)
        if "float" in kind:
            values.append(0.25 * i)
        elif "int" in kind and "str" not in kind:
            values.append(i)
        elif "tuple" in kind:
            values.append(("أ", str(i)))
        elif "None" in kind:
            values.append(None)
        else:
            values.append(f"قيمة {i}")
    return cls(*values)


@pytest.mark.parametrize("cls", [MentionRow, Mention, EventMentionRow, QuoteRow])
def test_worker_rows_pickle_by_their_field_values(cls: type) -> None:
    row = _instance(cls)
    reduced = row.__reduce__()
    assert reduced[0] is cls and reduced[1] == tuple(getattr(row, f.name) for f in fields(cls))
    back = pickle.loads(pickle.dumps([row, row], protocol=pickle.HIGHEST_PROTOCOL))
    assert back == [row, row] and type(back[0]) is cls


def test_pickled_by_fields_refuses_a_field_the_constructor_does_not_take() -> None:
    with pytest.raises(TypeError, match="__init__ arguments"):
        @pickled_by_fields
        @dataclass
        class _Row:
            a: int
            b: int = field(init=False, default=0)
