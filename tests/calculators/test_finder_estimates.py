"""The policy finder estimates amounts with the calculators themselves, says what is missing, dates every match on the
day asked about (an ended measure is never one you can apply for) and totals only amounts that can be added."""
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest

from calculators import calculate
from calculators.engine import runner
from calculators.examples import EXAMPLES
from calculators.measures.finder_amounts import estimate, total
from calculators.measures.finder_match import CLOSED, NOT_YET, OPEN

SPRING_FESTIVAL = {"profile_type": "enterprise", "is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28",
                   "person_days": "1,000", "as_of": "2020-02-09"}
RETENTION = {"profile_type": "enterprise", "ui_insured": True, "insured_employees_base": 200, "layoffs_last_year": 11,
             "last_year_ui_contributions_paid": "80000.00", "as_of": "2020-06-30"}
MASK_MAKER = {"profile_type": "enterprise", "size": "small", "is_key_epidemic_supplies_producer": True,
              "production_start_date": "2020-02-01", "resumed_work": True, "new_hires_in_window": 5}
EVERYTHING = {**MASK_MAKER, **RETENTION, "person_days": 1000, "temporary_difficulty_due_to_epidemic": True,
              "in_service_headcount": 20, "struggling_with_recovery_prospects": True, "planning_economic_layoff": True,
              "hosts_graduate_interns": True, "wants_startup_loan": True, "current_staff": 10, "new_eligible_hires_this_year": 5,
              "is_provincial_incubation_demo_base": True, "waived_rent_for_sme_tenants": True}
PERSON = {"profile_type": "person", "age": 19, "registered_unemployed": True, "willing_to_work": True, "is_college_graduate": True,
          "leave_school_date": "2019-07-01", "employment_start_date": "2020-07-01", "employment_type": "flexible",
          "unemployed_before_start": True, "public_welfare_post_end_date": "2020-06-30", "ui_benefit_expiry_date": "2019-12-01",
          "statutory_retirement_date": "2020-11-30", "partnership_entrepreneur": True}
PARTNERS = {"mode": "partnership", "eligible_partners": 3, "requested_amount": "100000.00", "as_of": "2020-03-01"}
# One day a fortnight from before the document to years after its last period.
DAYS = [date(2019, 11, 1) + timedelta(days=14 * step) for step in range(200)]


def by_rule(result: dict) -> dict:
    return {found["rule"]: found for found in result["matches"]}


def test_amounts_equal_the_calculators_results(params):
    for answers, rule, text in ((SPRING_FESTIVAL, "R1.1", "200,000.00 yuan"), (RETENTION, "R5.1", "40,000.00 yuan")):
        found = by_rule(calculate("policy-finder", answers, params))[rule]
        direct = calculate(found["calculator"], found["inputs"], params)
        headline = next(figure for figure in direct["display"] if figure["name"] == found["estimate"]["amount"]["name"])
        assert found["estimate"]["amount"] == headline
        assert found["estimate"]["amount"]["text"]["en"] == text


def test_missing_answers_are_named(params):
    answers = {key: value for key, value in SPRING_FESTIVAL.items() if key != "person_days"}
    assert by_rule(calculate("policy-finder", answers, params))["R1.1"]["estimate"]["missing"]
    answers = {key: value for key, value in RETENTION.items() if key != "last_year_ui_contributions_paid"}
    missing = by_rule(calculate("policy-finder", answers, params))["R5.1"]["estimate"]["missing"]
    assert [label["zh"] for label in missing] == ["上年度实际缴纳失业保险费"]


def test_information_items_have_no_estimate(params):
    assert by_rule(calculate("policy-finder", RETENTION, params))["M2"]["estimate"] is None


@pytest.mark.parametrize("hires", [1, 5, 37])
def test_the_hiring_bound_is_what_the_calculator_pays_when_every_hire_qualifies(params, hires):
    found = by_rule(calculate("policy-finder", {**MASK_MAKER, "new_hires_in_window": hires, "as_of": "2020-02-15"}, params))["R1.2"]
    every_one = [{"hire_date": "2020-02-15", "contract_months": 12, "social_insurance_paid": True}] * hires
    paid = calculate("new-hire-subsidy", {"resumed_work": True, "hires": every_one}, params)
    assert paid["eligible_hires"] == hires
    assert found["estimate"]["value"] == paid["subsidy"] and found["estimate"]["up_to"] is True
    assert "12个月以上" in found["estimate"]["condition"]["zh"] and "social insurance" in found["estimate"]["condition"]["en"]


def test_the_mask_maker_today_is_told_measure_1_has_closed(params):
    result = calculate("policy-finder", {**MASK_MAKER, "as_of": "2026-12-03"}, params)
    first = [found for found in result["matches"] if found["measure"] == 1]
    assert [found["status"] for found in first] == [CLOSED, CLOSED]
    assert all(found["timing"]["zh"].startswith("适用期为2020-") for found in first)
    assert result["open_count"] == 0 and "estimated_total" not in result


@pytest.mark.parametrize("profile", [EVERYTHING, PERSON], ids=["enterprise", "person"])
def test_no_match_is_open_outside_its_period(params, profile):
    for day in DAYS:
        for found in calculate("policy-finder", {**profile, "as_of": day.isoformat()}, params)["matches"]:
            period = found["in_force"]
            if not period:
                continue
            start, end = date.fromisoformat(period["start"]), period["end"] and date.fromisoformat(period["end"])
            expected = NOT_YET if day < start else CLOSED if end and day > end else found["met"]
            assert found["status"] == expected, (day, found["rule"])
            assert (found["estimate"] is None) or found["status"] not in (CLOSED, NOT_YET)


@pytest.mark.parametrize("profile", [EVERYTHING, PERSON], ids=["enterprise", "person"])
def test_the_total_adds_the_open_amounts_each_calculator_once(params, profile):
    for day in DAYS[::4]:
        result = calculate("policy-finder", {**profile, "as_of": day.isoformat()}, params)
        counted = [found for found in result["matches"] if found["status"] in OPEN and found["estimate"]
                   and found["estimate"].get("in_total")]
        assert len({found["calculator"] for found in counted}) == len(counted)
        expected = sum((Decimal(found["estimate"]["value"]) for found in counted), Decimal(0))
        assert Decimal(result.get("estimated_total") or 0) == expected
        assert result["open_count"] == len({found["measure"] for found in result["matches"] if found["status"] in OPEN})


def test_two_rules_paying_through_one_calculator_count_once_the_larger():
    normal = {"value": "300.00", "up_to": False, "in_total": True}
    struggling = {"value": "900.00", "up_to": False, "in_total": True}
    hiring = {"value": "5000.00", "up_to": True, "in_total": True}
    matches = [{"status": "likely", "calculator": "job-retention-refund", "estimate": normal},
               {"status": "possible", "calculator": "job-retention-refund", "estimate": struggling},
               {"status": "likely", "calculator": "new-hire-subsidy", "estimate": hiring},
               {"status": CLOSED, "calculator": "sf-employment-subsidy", "estimate": None}]
    assert total(matches) == (Decimal("5900.00"), True)
    assert normal["in_total"] is False and struggling["in_total"] is True


@pytest.mark.parametrize("calculator", ["si-deferral", "startup-loan"])
def test_a_deferral_or_a_loan_is_shown_but_never_added(params, calculator):
    ctx = SimpleNamespace(run=runner(params))
    inputs = EXAMPLES[calculator] if calculator == "si-deferral" else PARTNERS
    figure = estimate({"status": "likely", "calculator": calculator, "inputs": inputs}, ctx)
    assert Decimal(figure["value"]) > 0 and figure["in_total"] is False
    assert total([{"status": "likely", "calculator": calculator, "estimate": figure}]) == (None, False)
