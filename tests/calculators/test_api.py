"""The public API: ids, the result and error shapes, the catalog, and the acceptance example."""
import json

import pytest

from calculators import CALCULATOR_IDS, calculate, catalog
from calculators.rules import RULES

CONTRACT_IDS = {
    "sf-employment-subsidy", "new-hire-subsidy", "si-deferral", "medical-rate-cut", "job-retention-refund",
    "disability-fund-exemption", "housing-fund-relief", "internship-subsidy", "graduate-si-subsidy-eligibility",
    "assistance-extension", "startup-loan", "incubator-operating-subsidy", "layoff-notice-check",
    "ui-extension-to-retirement", "policy-finder",
}
INPUT_TYPES = {"bool", "int", "money", "percent", "date", "month", "choice", "list", "date_range", "month_range"}
RESULT_KEYS = {"calculator", "status", "reasons", "rules", "measure", "readings", "trace", "as_of", "in_force", "warnings",
               "display", "normalised"}
ACCEPTANCE = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11, "last_year_ui_contributions_paid": "80000.00"}


def test_calculator_ids_match_the_contract():
    """Every contract id is there, and nothing else."""
    assert set(CALCULATOR_IDS) == CONTRACT_IDS


def test_unknown_calculator_raises_key_error(params):
    """An unknown id is a programming error."""
    with pytest.raises(KeyError):
        calculate("no-such-calculator", {}, params)


def test_acceptance_example(params):
    """The brief's example: eligible with a 40000.00 refund citing measure 5; one more layoff is not."""
    result = calculate("job-retention-refund", ACCEPTANCE, params)
    assert result["status"] == "ok" and result["eligible"] is True and result["refund"] == "40000.00"
    assert {step["measure"] for step in result["trace"]} == {5}
    assert all(step["clause"] and step["explanation"]["zh"] and step["explanation"]["en"] for step in result["trace"])
    refused = calculate("job-retention-refund", {**ACCEPTANCE, "layoffs": 12}, params)
    assert refused["eligible"] is False and refused["refund"] == "0.00" and refused["reasons"]


def test_trace_explains_the_arithmetic(params):
    """A trace step reads as a sum a person can check."""
    inputs = {"is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28", "person_days": 1000, "as_of": "2020-02-01"}
    explanations = [step["explanation"]["zh"] for step in calculate("sf-employment-subsidy", inputs, params)["trace"]]
    assert "200.00 元 × 1000人天 = 200,000.00 元" in explanations


def test_invalid_result_shape(params):
    """Errors carry kind, field and a bilingual message, and nothing else is returned."""
    result = calculate("job-retention-refund", {"layoffs": "many"}, params)
    assert set(result) == {"calculator", "status", "errors", "normalised"}
    assert all(set(error) == {"kind", "field", "message"} and set(error["message"]) == {"zh", "en"} for error in result["errors"])


def test_float_money_message(params):
    """A float amount is refused with the contract's explanation."""
    result = calculate("job-retention-refund", {**ACCEPTANCE, "last_year_ui_contributions_paid": 80000.0}, params)
    assert result["errors"][0]["message"]["en"] == 'money must be a decimal string such as "100.00", not a float'


def test_catalog_describes_every_calculator():
    """Catalog entries have the fields forms need, in JSON-able form."""
    entries = catalog()
    json.dumps(entries)
    assert [entry["id"] for entry in entries] == list(CALCULATOR_IDS)
    for entry in entries:
        assert set(entry) == {"id", "title", "measure", "rules", "inputs", "outputs", "example", "headline"}
        assert entry["inputs"][-1]["name"] == "as_of"
        for field in entry["inputs"] + [sub for field in entry["inputs"] for sub in field.get("fields", [])]:
            assert field["type"] in INPUT_TYPES
            assert set(field["label"]) == set(field["help"]) == {"zh", "en"}
            assert field["type"] != "choice" or field["choices"]


@pytest.mark.parametrize("entry", catalog(), ids=lambda entry: entry["id"])
def test_example_runs_and_returns_declared_outputs(params, entry):
    """Each worked example is valid, and its result has exactly the common keys plus the declared outputs."""
    result = calculate(entry["id"], entry["example"], params)
    assert result["status"] == "ok", result.get("errors")
    declared = {output["name"] for output in entry["outputs"]}
    assert set(result) == RESULT_KEYS | declared
    assert result["measure"] == entry["measure"]
    assert all(reading["id"] and reading["zh"] and reading["en"] for reading in result["readings"])


def test_rule_table_agrees_with_the_parameters(params):
    """Where a parameter names a rule, the package cites the same measure and clause for it."""
    for parameter in params.values():
        rule = RULES[parameter["rule"]]
        assert int(parameter["rule"][1:].split(".")[0]) == parameter["measure"]
        assert rule.clause == parameter["clause"], parameter["id"]
