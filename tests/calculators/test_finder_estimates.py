"""The policy finder estimates amounts with the calculators themselves, and says what is missing."""
from calculators import calculate

ENTERPRISE = {"profile_type": "enterprise", "is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28",
              "ui_insured": True, "insured_employees_base": 200, "layoffs_last_year": 11, "as_of": "2020-06-30"}


def by_rule(result: dict) -> dict:
    return {found["rule"]: found for found in result["matches"]}


def test_amounts_equal_the_calculators_results(params):
    answers = {**ENTERPRISE, "person_days": "1,000", "last_year_ui_contributions_paid": "80000.00"}
    matches = by_rule(calculate("policy-finder", answers, params))
    for rule in ("R1.1", "R5.1"):
        found = matches[rule]
        direct = calculate(found["calculator"], found["inputs"], params)
        headline = next(figure for figure in direct["display"] if figure["name"] == found["estimate"]["amount"]["name"])
        assert found["estimate"]["amount"] == headline
    assert matches["R5.1"]["estimate"]["amount"]["text"]["zh"] == "40,000.00 元"
    assert matches["R1.1"]["estimate"]["amount"]["text"]["en"] == "200,000.00 yuan"


def test_missing_answers_are_named(params):
    matches = by_rule(calculate("policy-finder", ENTERPRISE, params))
    assert [label["zh"] for label in matches["R5.1"]["estimate"]["missing"]] == ["上年度实际缴纳失业保险费"]
    assert matches["R1.1"]["estimate"]["missing"]


def test_information_items_have_no_estimate(params):
    matches = by_rule(calculate("policy-finder", ENTERPRISE, params))
    assert matches["M2"]["estimate"] is None
