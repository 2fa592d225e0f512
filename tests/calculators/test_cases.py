"""Run every YAML case under cases/ through calculate() and compare the listed keys exactly."""
import pytest
import yaml

from calculators import CALCULATOR_IDS, calculate
from tests.calculators.casefiles import all_cases, case_failures, case_files

MIN_CASES_PER_CALCULATOR = 4


def load_cases() -> list:
    """Return one pytest parameter per case, named after its file and case name."""
    return [pytest.param(calculator, case, id=f"{folder}/{calculator}: {case['name']}")
            for calculator, folder, case in all_cases()]


@pytest.mark.parametrize(("calculator_id", "case"), load_cases())
def test_case(calculator_id, case, params):
    """The result has the expected status, errors, output values, list items, shown texts, explanations and messages."""
    assert case_failures(calculate(calculator_id, case["inputs"], params), case) == []


def test_every_calculator_has_enough_cases():
    """Each calculator has its own case file with at least a handful of cases."""
    counts = {path.stem: len(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in case_files()}
    assert sorted(counts) == sorted(CALCULATOR_IDS)
    assert all(count >= MIN_CASES_PER_CALCULATOR for count in counts.values()), counts
