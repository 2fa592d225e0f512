"""Improbable values pass once the official confirms them in the data; impossible ones never do."""
import shutil

import pytest

from handbook.data.dataset import load_dataset
from handbook.data.errors import DataInvalid

from .helpers import BROKEN

REFUND_RATE = "parameters/05.yaml"


# The error messages of loading data, or [] when it loads.
def _messages(data) -> list:
    try:
        load_dataset(data)
    except DataInvalid as invalid:
        return [str(error) for error in invalid.errors]
    return []


# Put a broken file in place, then replace text in it.
def _edit(data, broken, old, new):
    shutil.copyfile(BROKEN / broken, data / REFUND_RATE)
    path = data / REFUND_RATE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("broken", "value"), [
    ("ten_fold_change.yaml", "    value: '4'\n"),
    ("percent_as_fraction.yaml", "    value: '0.6'\n"),
])
def test_confirmed_value_is_accepted(data_copy, broken, value):
    _edit(data_copy, broken, value, value + "    confirmed: true\n")
    assert _messages(data_copy) == []


def test_impossible_value_cannot_be_confirmed(data_copy):
    _edit(data_copy, "percent_out_of_range.yaml", "    value: '150'\n", "    value: '150'\n    confirmed: true\n")
    [message] = _messages(data_copy)
    assert "values[0].value: '150' is outside the valid range for percent" in message


def test_confirmation_of_nothing_is_refused(data_copy):
    path = data_copy / REFUND_RATE
    path.write_text(path.read_text(encoding="utf-8").replace("    value: '50'\n", "    value: '50'\n    confirmed: true\n", 1),
                    encoding="utf-8")
    [message] = _messages(data_copy)
    assert "values[0].confirmed: nothing here needs confirming; remove `confirmed: true`" in message
    assert "此值无需确认" in message


def test_confirmed_must_be_true(data_copy):
    path = data_copy / REFUND_RATE
    path.write_text(path.read_text(encoding="utf-8").replace("    value: '50'\n", "    value: '50'\n    confirmed: yes\n", 1),
                    encoding="utf-8")
    [message] = _messages(data_copy)
    assert "values[0].confirmed: write true here, or remove the line" in message
