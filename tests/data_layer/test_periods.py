"""A gap between two periods is refused unless the data states it; a calculator asked about a day in a
stated gap says so instead of falling back to the value before."""
from datetime import date

import pytest

from calculators.params import NoValueOnDate, dated_values, select_value
from handbook.data.dataset import load_dataset
from handbook.data.errors import DataInvalid
from handbook.data.export import export_dataset

from .helpers import BROKEN

REFUND_RATE = "parameters/05.yaml"
GAP_START = "  - start: '2020-07-10'\n"


# Put the period-gap file in place with one replacement; return the error messages of loading, or the dataset.
def _load(data, old="", new=""):
    text = (BROKEN / "period_gap.yaml").read_text(encoding="utf-8")
    assert old in text
    (data / REFUND_RATE).write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        return load_dataset(data)
    except DataInvalid as invalid:
        return [str(error) for error in invalid.errors]


def test_stated_gap_is_accepted(data_copy):
    dataset = _load(data_copy, GAP_START, GAP_START + "    gap_before: true\n")
    assert not isinstance(dataset, list), dataset


def test_gap_before_without_a_gap_is_refused(data_copy):
    messages = _load(data_copy, GAP_START, "  - start: '2020-07-01'\n    gap_before: true\n")
    assert len(messages) == 1 and "values[1].gap_before: there is no gap" in messages[0], messages


def test_gap_before_on_the_first_period_is_refused(data_copy):
    messages = _load(data_copy, "    end: '2020-06-30'\n", "    end: '2020-07-09'\n    gap_before: true\n")
    assert len(messages) == 1 and "values[0].gap_before: the first period has no period before it" in messages[0]


@pytest.fixture
def gap_parameters(data_copy):
    dataset = _load(data_copy, GAP_START, GAP_START + "    gap_before: true\n")
    return export_dataset(dataset)["parameters"]


def test_calculator_refuses_a_day_in_a_stated_gap(gap_parameters):
    dated = dated_values("retention.refund_rate", gap_parameters["retention.refund_rate"])
    with pytest.raises(NoValueOnDate) as refused:
        select_value(dated, date(2020, 7, 5))
    message = str(refused.value)
    assert "2020-07-05" in message and "2020-06-30" in message and "2020-07-10" in message
    assert "没有适用的政策数值" in message and "No policy value" in message


@pytest.mark.parametrize(("day", "start"), [(date(2020, 6, 30), date(2020, 2, 22)), (date(2020, 7, 10), date(2020, 7, 10)),
                                            (date(2020, 1, 1), date(2020, 2, 22))])
def test_calculator_days_outside_the_gap_keep_their_value(gap_parameters, day, start):
    dated = dated_values("retention.refund_rate", gap_parameters["retention.refund_rate"])
    assert select_value(dated, day).start == start
