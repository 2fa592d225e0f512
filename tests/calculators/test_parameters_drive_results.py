"""Results follow the parameters passed in: a changed value or a later dated value changes them."""
import copy

from calculators import calculate

ACCEPTANCE = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11, "last_year_ui_contributions_paid": "80000.00"}


def with_value(params: dict, parameter_id: str, value: str) -> dict:
    """Return a copy of the parameters with one parameter's every value replaced."""
    changed = copy.deepcopy(params)
    for entry in changed[parameter_id]["values"]:
        entry["value"] = value
    return changed


def with_later_value(params: dict, parameter_id: str, start: str, value: str) -> dict:
    """Return a copy of the parameters where a second value starts on a later date."""
    changed = copy.deepcopy(params)
    values = changed[parameter_id]["values"]
    values[-1]["end"] = None
    values.append({"start": start, "end": None, "value": value})
    return changed


def test_refund_rate_change_changes_the_refund(params):
    """Raising the refund rate from 50 to 60 raises the refund accordingly."""
    inputs = {**ACCEPTANCE, "as_of": "2020-06-30"}
    assert calculate("job-retention-refund", inputs, params)["refund"] == "40000.00"
    changed = calculate("job-retention-refund", inputs, with_value(params, "retention.refund_rate", "60"))
    assert changed["refund"] == "48000.00"
    assert changed["trace"][1]["parameters"] == [{"id": "retention.refund_rate", "value": "60", "unit": "percent"}]


def test_threshold_change_changes_eligibility(params):
    """Tightening the layoff-rate standard makes the acceptance example ineligible."""
    inputs = {**ACCEPTANCE, "as_of": "2020-06-30"}
    result = calculate("job-retention-refund", inputs, with_value(params, "retention.layoff_rate_threshold", "5"))
    assert result["eligible"] is False
    assert result["max_layoffs_allowed"] == 10


def test_later_dated_value_applies_after_its_start(params):
    """A second value starting later is used when the date asked about is after its start, not before."""
    changed = with_later_value(params, "retention.refund_rate", "2021-01-01", "60")
    before = calculate("job-retention-refund", {**ACCEPTANCE, "as_of": "2020-12-31"}, changed)
    after = calculate("job-retention-refund", {**ACCEPTANCE, "as_of": "2021-01-01"}, changed)
    assert before["refund"] == "40000.00"
    assert after["refund"] == "48000.00"
    assert after["in_force"] == {"start": "2020-02-22", "end": None}


def test_value_before_every_start_uses_the_earliest(params):
    """A date before any value starts reads the earliest value, with a warning."""
    changed = with_later_value(params, "retention.refund_rate", "2021-01-01", "60")
    result = calculate("job-retention-refund", {**ACCEPTANCE, "as_of": "2019-01-01"}, changed)
    assert result["refund"] == "40000.00"
    assert result["warnings"]


def test_cap_and_rate_change_the_spring_festival_subsidy(params):
    """The rate and the cap of R1.1 both come from the parameters."""
    inputs = {"is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28", "person_days": 100, "as_of": "2020-02-01"}
    changed = with_value(with_value(params, "sf_subsidy.rate_per_person_day", "300.00"), "sf_subsidy.cap_per_enterprise", "20000.00")
    result = calculate("sf-employment-subsidy", inputs, changed)
    assert (result["gross"], result["subsidy"], result["capped"]) == ("30000.00", "20000.00", True)


def test_window_dates_come_from_the_parameters(params):
    """Moving the hiring window's default end moves the result."""
    inputs = {"resumed_work": True, "hires": [{"hire_date": "2020-03-10", "contract_months": 12, "social_insurance_paid": True}], "as_of": "2020-03-01"}
    assert calculate("new-hire-subsidy", inputs, params)["eligible_hires"] == 0
    changed = with_value(params, "new_hire.window_end_default", "2020-03-10")
    assert calculate("new-hire-subsidy", inputs, changed)["eligible_hires"] == 1


def test_duration_cap_comes_from_the_parameters(params):
    """The maximum deferral is read from the parameters, so validation follows it."""
    inputs = {"is_sme": True, "temporary_difficulty_due_to_epidemic": True, "approved": True, "deferral_start_month": "2020-02",
              "deferral_months": 7, "monthly_contribution": "1.00", "as_of": "2020-03-01"}
    assert calculate("si-deferral", inputs, params)["status"] == "invalid"
    assert calculate("si-deferral", inputs, with_value(params, "si_deferral.max_months", "9"))["status"] == "ok"


def test_optional_national_ceiling_parameter_draws_a_warning(params):
    """When the parameters state a national ceiling for housing-fund rates, a rate above it is warned about."""
    changed = copy.deepcopy(params)
    ceiling = copy.deepcopy(params["housing_fund.min_rate"])
    ceiling.update(id="housing_fund.national_max_rate")
    ceiling["values"][0]["value"] = "12"
    changed["housing_fund.national_max_rate"] = ceiling
    inputs = {"is_msme": True, "difficulty_due_to_epidemic": True, "mode": "defer", "monthly_wage_base": "100.00",
              "current_employer_rate_pct": "13", "current_employee_rate_pct": "12", "months": 1, "as_of": "2020-03-01"}
    assert calculate("housing-fund-relief", inputs, params)["warnings"] == []
    warned = calculate("housing-fund-relief", inputs, changed)["warnings"]
    assert warned == [{"zh": "现行缴存比例高于12%，请核对", "en": "A current rate is above 12%; please check it"}]
