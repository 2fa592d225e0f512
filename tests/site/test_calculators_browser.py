"""Calculators in a real Chromium: the same figures as CPython, errors by the field, the finder, no JS."""
import pytest

from calculators import calculate
from tests.helpers import ENTRIES, open_with, outputs, parameters

PARAMETERS = parameters()


@pytest.mark.parametrize("calculator", sorted(ENTRIES))
def test_url_driven_result_equals_cpython(page, site_url, calculator):
    inputs = ENTRIES[calculator]["example"]
    open_with(page, site_url, calculator, inputs)
    expected = calculate(calculator, inputs, PARAMETERS)
    shown = outputs(page)
    assert shown, "no <output> elements"
    assert {name: expected.get(name) for name in shown} == shown
    assert page.foreign_requests == []


def test_form_contract(page, site_url):
    page.goto(site_url + "calculators/new-hire-subsidy/")
    assert page.get_attribute("form[data-calculator]", "data-calculator") == "new-hire-subsidy"
    assert page.locator('[name="hires[0].hire_date"]').count() == 1
    assert page.locator('output[name="subsidy"]').count() == 1


def test_invalid_input_is_shown_next_to_its_field(page, site_url):
    open_with(page, site_url, "job-retention-refund",
              {"ui_insured": "true", "insured_employees_base": "-3", "layoffs": "1", "last_year_ui_contributions_paid": "100.00"})
    error = page.inner_text('[data-error-for="insured_employees_base"]')
    assert error.strip()
    assert page.get_attribute('[name="insured_employees_base"]', "aria-invalid") == "true"
    assert "insured_employees_base-error" in page.get_attribute('[name="insured_employees_base"]', "aria-describedby")


@pytest.mark.parametrize("root,words", [("", "计算过程"), ("en/", "How it was calculated")])
def test_language_of_labels_and_trace_follows_the_page(page, site_url, root, words):
    open_with(page, site_url, "job-retention-refund", ENTRIES["job-retention-refund"]["example"], root)
    text = page.inner_text(".hb-result")
    assert words in text
    trace = page.inner_text('[data-result="trace"]')
    assert ("一般标准" in trace) == (root == "")


def test_not_eligible_with_twelve_layoffs(page, site_url):
    inputs = {**ENTRIES["job-retention-refund"]["example"], "layoffs": 12}
    open_with(page, site_url, "job-retention-refund", inputs, "en/")
    assert outputs(page)["eligible"] is False
    assert page.inner_text('[data-result="reasons"]').strip()


def test_policy_finder_for_an_enterprise(page, site_url):
    inputs = {"profile_type": "enterprise", "size": "small", "resumed_work": True, "new_hires_in_window": 3,
              "ui_insured": True, "insured_employees_base": 48, "layoffs_last_year": 2, "as_of": "2020-03-01"}
    open_with(page, site_url, "policy-finder", inputs)
    text = page.inner_text(".hb-result")
    expected = {match["measure"] for match in calculate("policy-finder", inputs, PARAMETERS)["matches"]}
    assert {1, 5} <= expected
    for number in expected:
        assert f"第{number}条" in text
    links = page.eval_on_selector_all('[data-result="matches"] a', "as => as.map(a => a.href)")
    assert any("new-hire-subsidy/?" in link for link in links)


def test_policy_finder_for_a_person(page, site_url):
    inputs = {"profile_type": "person", "age": 19, "registered_unemployed": True, "willing_to_work": True,
              "as_of": "2020-03-01"}
    open_with(page, site_url, "policy-finder", inputs, "en/")
    assert "Measure 11" in page.inner_text(".hb-result")


def test_moving_between_calculators_keeps_one_worker(page, site_url):
    open_with(page, site_url, "internship-subsidy", ENTRIES["internship-subsidy"]["example"])
    page.evaluate("window.__handbookMarker = 1")
    page.click('nav a[href$="calculators/job-retention-refund/"]')
    page.wait_for_url("**/job-retention-refund/")
    page.fill('[name="insured_employees_base"]', "200")
    page.select_option('[name="ui_insured"]', "true")
    page.fill('[name="layoffs"]', "11")
    page.fill('[name="last_year_ui_contributions_paid"]', "80000.00")
    page.click("form button[type=submit]")
    page.wait_for_selector("""output[name=refund][data-value='"40000.00"']""", state="attached")
    assert page.evaluate("window.__handbookMarker") == 1


def test_calculator_page_is_readable_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "calculators/job-retention-refund/")
    assert tab.is_visible("noscript p") and "JavaScript" in tab.inner_text("noscript p")
    assert "40,000.00 元" in tab.locator("#example ~ table").nth(1).inner_text()
    assert tab.is_visible("#rules")
    context.close()


def test_second_visit_starts_from_the_snapshot_with_the_same_result(page, site_url):
    inputs = ENTRIES["job-retention-refund"]["example"]
    open_with(page, site_url, "job-retention-refund", inputs)
    first = outputs(page)
    for _ in range(100):
        if page.evaluate("caches.open('handbook-pyodide-snapshots').then(c => c.keys()).then(k => k.length)") == 1:
            break
        page.wait_for_timeout(100)
    second = page.context.new_page()
    open_with(second, site_url, "job-retention-refund", inputs)
    assert second.evaluate("window.__handbookTimings.snapshot") is True
    assert outputs(second) == first
