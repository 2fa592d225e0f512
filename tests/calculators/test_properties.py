"""Properties that hold for all inputs: caps, signs, monotonicity, and never raising."""
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import CALCULATOR_IDS, calculate, catalog

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
AS_OF = "2020-06-30"

amounts = st.decimals(min_value=0, max_value=Decimal("1e12"), places=2, allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=0, max_value=10**7)
dates_2020 = st.dates(min_value=date(2019, 1, 1), max_value=date(2022, 12, 31))
months_2020 = st.dates(min_value=date(2019, 1, 1), max_value=date(2022, 12, 1)).map(lambda day: day.isoformat()[:7])


def in_force(params: dict, parameter_id: str) -> Decimal:
    """Read a parameter's value for AS_OF straight from the exported data, as a Decimal: the latest value started
    by then (a value whose period has ended still applies to claims about it)."""
    entries = sorted(params[parameter_id]["values"], key=lambda entry: entry["start"])
    started = [entry for entry in entries if entry["start"] <= AS_OF] or entries[:1]
    return Decimal(str(started[-1]["value"]))


def money(value: Decimal) -> str:
    """Format a generated amount as the decimal string the calculators take."""
    return f"{value:.2f}"


def run(calculator_id: str, inputs: dict, params: dict) -> dict:
    """Calculate and insist on a valid result."""
    result = calculate(calculator_id, {**inputs, "as_of": AS_OF}, params)
    assert result["status"] == "ok", result.get("errors")
    return result


def sf_inputs(person_days: int) -> dict:
    """Inputs of an eligible Spring-Festival subsidy claim."""
    return {"is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28", "person_days": person_days}


@SETTINGS
@given(counts, counts)
def test_sf_subsidy_capped_non_negative_and_monotone(params, fewer, more):
    """More person-days never give less; the subsidy never exceeds the cap of the data or goes below zero."""
    cap = in_force(params, "sf_subsidy.cap_per_enterprise")
    low, high = sorted((fewer, more))
    low_result, high_result = run("sf-employment-subsidy", sf_inputs(low), params), run("sf-employment-subsidy", sf_inputs(high), params)
    for result in (low_result, high_result):
        assert Decimal(0) <= Decimal(result["subsidy"]) <= cap and Decimal(result["cap"]) == cap
        assert result["capped"] == (Decimal(result["gross"]) > cap)
    assert Decimal(low_result["subsidy"]) <= Decimal(high_result["subsidy"])


hire = st.fixed_dictionaries({
    "hire_date": dates_2020.map(date.isoformat),
    "contract_months": st.integers(min_value=0, max_value=120),
    "open_ended": st.booleans(),
    "social_insurance_paid": st.booleans(),
})


@SETTINGS
@given(st.lists(hire, max_size=8), st.booleans())
def test_hiring_subsidy_counts_each_qualifying_hire(params, hires, resumed):
    """The subsidy is the per-hire rate times the qualifying hires; adding a good hire adds one."""
    rate = Decimal(params["new_hire.subsidy_per_hire"]["values"][0]["value"])
    result = run("new-hire-subsidy", {"resumed_work": resumed, "hires": hires}, params)
    assert result["eligible_hires"] == sum(result["per_hire"])
    assert Decimal(result["subsidy"]) == rate * result["eligible_hires"]
    good = {"hire_date": "2020-02-20", "contract_months": 12, "social_insurance_paid": True}
    more = run("new-hire-subsidy", {"resumed_work": resumed, "hires": hires + [good]}, params)
    assert more["eligible_hires"] == result["eligible_hires"] + (1 if resumed else 0)


@SETTINGS
@given(st.integers(min_value=1, max_value=5000), st.data(), amounts)
def test_fewer_layoffs_never_lose_the_refund(params, base, data, paid):
    """If a layoff count passes, every smaller count passes too; the standard is the data's, inclusive and exact;
    refunds are never negative."""
    layoffs = data.draw(st.integers(min_value=1, max_value=base))
    inputs = {"ui_insured": True, "insured_employees_base": base, "last_year_ui_contributions_paid": money(paid)}
    more = run("job-retention-refund", {**inputs, "layoffs": layoffs}, params)
    fewer = run("job-retention-refund", {**inputs, "layoffs": layoffs - 1}, params)
    assert fewer["eligible"] or not more["eligible"]
    small = base <= in_force(params, "retention.small_enterprise_max_staff")
    threshold = in_force(params, "retention.small_enterprise_layoff_threshold" if small
                         else "retention.layoff_rate_threshold")
    assert more["eligible"] == (layoffs * 100 <= threshold * base)
    assert Decimal(more["refund"]) >= 0 and Decimal(fewer["refund"]) >= 0


@SETTINGS
@given(amounts, amounts)
def test_more_contributions_never_less_refund(params, first, second):
    """The normal refund is monotone in last year's contributions."""
    low, high = sorted((first, second))
    inputs = {"ui_insured": True, "insured_employees_base": 100, "layoffs": 0}
    low_refund = run("job-retention-refund", {**inputs, "last_year_ui_contributions_paid": money(low)}, params)["refund"]
    high_refund = run("job-retention-refund", {**inputs, "last_year_ui_contributions_paid": money(high)}, params)["refund"]
    assert Decimal(0) <= Decimal(low_refund) <= Decimal(high_refund)


rent_months = st.lists(st.tuples(months_2020, amounts), max_size=8, unique_by=lambda pair: pair[0])


@SETTINGS
@given(rent_months, amounts)
def test_incubator_subsidy_capped_and_monotone(params, waived, extra):
    """The subsidy never exceeds the cap of the data; raising a counted month's amount never lowers it."""
    entries = [{"month": month, "amount": money(amount)} for month, amount in waived]
    result = run("incubator-operating-subsidy", {"is_provincial_demo_base": True, "monthly_rent_waived": entries}, params)
    assert Decimal(0) <= Decimal(result["subsidy"]) <= in_force(params, "incubator.cap")
    if result["months_counted"]:
        first = result["months_counted"][0]
        raised = [{**entry, "amount": money(Decimal(entry["amount"]) + extra)} if entry["month"] == first else entry for entry in entries]
        higher = run("incubator-operating-subsidy", {"is_provincial_demo_base": True, "monthly_rent_waived": raised}, params)
        assert Decimal(higher["subsidy"]) >= Decimal(result["subsidy"])


@SETTINGS
@given(st.integers(min_value=2, max_value=50), amounts)
def test_partnership_loan_never_above_cap_or_request(params, partners, requested):
    """The approvable amount is the smaller of the request and the partnership cap of the data."""
    result = run("startup-loan", {"mode": "partnership", "eligible_partners": partners, "requested_amount": money(requested)}, params)
    assert Decimal(result["approvable"]) == min(requested, in_force(params, "startup_loan.partnership_cap"))


@SETTINGS
@given(st.integers(min_value=1, max_value=10**6), st.data())
def test_more_new_hires_never_lose_the_loan(params, staff, data):
    """If a number of new hires reaches the share of the data (inclusive, exact), one more does too."""
    hires = data.draw(st.integers(min_value=0, max_value=staff - 1))
    inputs = {"mode": "enterprise", "current_staff": staff}
    fewer = run("startup-loan", {**inputs, "new_eligible_hires_this_year": hires}, params)
    more = run("startup-loan", {**inputs, "new_eligible_hires_this_year": hires + 1}, params)
    assert more["eligible"] or not fewer["eligible"]
    large = staff > in_force(params, "startup_loan.large_staff_threshold")
    share = in_force(params, "startup_loan.large_hiring_ratio" if large else "startup_loan.hiring_ratio")
    assert fewer["eligible"] == (hires * 100 >= share * staff)


@SETTINGS
@given(amounts.filter(lambda value: value > 0), st.integers(min_value=1, max_value=600), st.integers(min_value=1, max_value=1000))
def test_internship_total_is_monotone_in_months(params, wage, months, interns):
    """One more month never lowers the internship subsidy."""
    inputs = {"local_monthly_min_wage": money(wage), "interns": interns}
    shorter = run("internship-subsidy", {**inputs, "months": months}, params)
    longer = run("internship-subsidy", {**inputs, "months": months + 1}, params)
    assert Decimal(0) <= Decimal(shorter["total"]) <= Decimal(longer["total"])


@SETTINGS
@given(dates_2020, st.integers(min_value=1, max_value=800), amounts)
def test_benefit_extension_non_negative(params, expiry, days_to_retirement, benefit):
    """The extension is never negative, and an ineligible result pays nothing."""
    retirement = expiry + timedelta(days=days_to_retirement)
    result = run("ui-extension-to-retirement", {
        "benefit_expiry_date": expiry.isoformat(), "statutory_retirement_date": retirement.isoformat(),
        "still_unemployed": True, "monthly_benefit": money(benefit),
    }, params)
    assert Decimal(result["total"]) >= 0 and result["extension_months"] >= 0
    assert result["eligible"] or result["total"] == "0.00"


FIELD_NAMES = sorted({field["name"] for entry in catalog() for field in entry["inputs"]})
wild_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers(min_value=-(10**40), max_value=10**40)
    | st.text(max_size=12) | st.sampled_from(["true", "false", "2020-02-30", "2020-02", "9999-12-31", "12", "-1", "1e5", "0.001", "80000.00"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8) | st.sampled_from(FIELD_NAMES), children, max_size=3),
    max_leaves=6,
)
wild_inputs = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), wild_values, max_size=8)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CALCULATOR_IDS), wild_inputs | wild_values)
def test_arbitrary_inputs_never_raise(params, calculator_id, inputs):
    """Whatever comes in, the answer is a result dict that is ok or invalid."""
    result = calculate(calculator_id, inputs, params)
    assert isinstance(result, dict)
    assert result["status"] in ("ok", "invalid")
    if result["status"] == "invalid":
        assert result["errors"] and all(error["kind"] in ("ValidationError", "InconsistentInput") for error in result["errors"])
