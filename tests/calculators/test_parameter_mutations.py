"""Every parameter is pinned by the calculation cases: moving its value one step up or down (a date by one day)
makes at least one case fail, so a parameter added without a case that depends on it is caught."""
import copy
from datetime import date, timedelta
from decimal import Decimal

import pytest

from calculators import calculate
from tests.calculators.casefiles import all_cases, case_failures

STEPS = (1, -1)


def moved(value: str, unit: str, step: int) -> str:
    """Return a parameter value moved by one step: a date by a day, a number by one."""
    if unit == "date":
        return (date.fromisoformat(value) + timedelta(days=step)).isoformat()
    return str(Decimal(value) + step)


def mutated(params: dict, parameter_id: str, step: int) -> dict:
    """Return a copy of the parameters with every dated value of one parameter moved by a step."""
    changed = copy.deepcopy(params)
    record = changed[parameter_id]
    for entry in record["values"]:
        entry["value"] = moved(str(entry["value"]), record["unit"], step)
    return changed


def first_failing_case(params: dict, cases: list):
    """Return the name of the first case the parameters make fail, else None."""
    return next((f"{folder}/{calculator}: {case['name']}" for calculator, folder, case in cases
                 if case_failures(calculate(calculator, case["inputs"], params), case)), None)


def cited(result: dict) -> set:
    """Return the ids of the parameters a result's trace cites."""
    return {parameter["id"] for step in result.get("trace", []) for parameter in step["parameters"]}


def citing_first(cases: list, citations: list, parameter_id: str) -> list:
    """Return the cases with those whose real result cites the parameter first (they fail soonest when it moves)."""
    order = sorted(range(len(cases)), key=lambda index: parameter_id not in citations[index])
    return [cases[index] for index in order]


@pytest.fixture(scope="module")
def cases() -> list:
    """Every calculation case, in file order."""
    return all_cases()


@pytest.fixture(scope="module")
def citations(params, cases) -> list:
    """For each case, the parameters its real result cites."""
    return [cited(calculate(calculator, case["inputs"], params)) for calculator, _, case in cases]


def test_the_cases_pass_with_the_real_parameters(params, cases):
    assert first_failing_case(params, cases) is None


@pytest.mark.parametrize("step", STEPS)
def test_every_parameter_moved_by_one_step_fails_a_case(params, cases, citations, step):
    uncaught = [parameter_id for parameter_id in sorted(params) if first_failing_case(
        mutated(params, parameter_id, step), citing_first(cases, citations, parameter_id)) is None]
    assert uncaught == [], f"no calculation case notices these parameters moved by {step:+d}"
    assert len(params) >= 42
