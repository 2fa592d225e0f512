"""Calculators in Chromium where Playwright alone can look: the form contract, one worker across instant
navigation, the page without JavaScript. The cases every engine runs are in tests/engines/."""
import json
from urllib.parse import urlencode

from calculators import catalog
from handbook.dataset import load_dataset
from handbook.export import export_parameters
from tests.conftest import PROJECT

PARAMETERS = export_parameters(load_dataset(PROJECT / "policy_data"))
ENTRIES = {entry["id"]: entry for entry in catalog()}


# Flatten inputs into the query string the form uses (list items as name[i].field).
def query(inputs: dict) -> str:
    flat = []
    for key, value in inputs.items():
        if isinstance(value, list):
            flat += [(f"{key}[{index}].{field}", _text(item)) for index, row in enumerate(value)
                     for field, item in row.items()]
        else:
            flat.append((key, _text(value)))
    return urlencode(flat)


# A value as a form control holds it.
def _text(value) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


# Open a calculator page with inputs in the URL and wait for the computed result.
def open_with(page, site_url, calculator, inputs, root=""):
    page.goto(f"{site_url}{root}calculators/{calculator}/?{query(inputs)}")
    page.wait_for_selector("form[data-state=done]", timeout=120_000)


# The raw values of every <output> on the page.
def outputs(page) -> dict:
    return {name: json.loads(value) for name, value in page.eval_on_selector_all(
        "output[name]", "os => os.map(o => [o.getAttribute('name'), o.getAttribute('data-value')])")}


def test_form_contract(page, site_url):
    page.goto(site_url + "calculators/new-hire-subsidy/")
    assert page.get_attribute("form[data-calculator]", "data-calculator") == "new-hire-subsidy"
    assert page.locator('[name="hires[0].hire_date"]').count() == 1
    assert page.locator('output[name="subsidy"]').count() == 1


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
    assert tab.is_visible("noscript") or "JavaScript" in tab.content()
    assert "40000.00" in tab.locator("#example ~ table").nth(1).inner_text()
    assert tab.is_visible("#rules")
    context.close()
