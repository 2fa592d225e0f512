"""What a person sees, read from the rendered page in a real Chromium: words not codes, the finder as a
questionnaire with amounts, input typed the Chinese way, failures of the engine, and no layout shift."""
import re
from urllib.parse import urlencode

import pytest

from calculators import calculate, catalog
from handbook.data.dataset import load_dataset
from handbook.data.export import export_parameters
from tests.conftest import PROJECT

PARAMETERS = export_parameters(load_dataset(PROJECT / "policy_data"))
ENTRIES = {entry["id"]: entry for entry in catalog()}
FINDER = ENTRIES["policy-finder"]
CODES = re.compile(r"\b(true|false|null|None)\b|[{}]")
STATUS_CODES = re.compile(r"\b(likely|possible|obligation|info)\b")
ENTERPRISE = {"profile_type": "enterprise", "is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28",
              "person_days": 1000, "ui_insured": True, "insured_employees_base": 200, "layoffs_last_year": 11,
              "last_year_ui_contributions_paid": "80000.00", "as_of": "2020-06-30"}
LAYOUT_SHIFT = """window.__layoutShift = 0;
new PerformanceObserver(list => { for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__layoutShift += entry.value; } } })
  .observe({ type: "layout-shift", buffered: true });"""


# The query string a shared link carries (list items as name[i].field, booleans as true/false).
def query(inputs: dict) -> str:
    flat = []
    for key, value in inputs.items():
        if isinstance(value, list):
            flat += [(f"{key}[{index}].{field}", _text(item)) for index, row in enumerate(value) for field, item in row.items()]
        else:
            flat.append((key, _text(value)))
    return urlencode(flat)


def _text(value) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


# Open a calculator page from a shared link and wait until it has answered.
def open_with(page, site_url, calculator, inputs, root=""):
    page.goto(f"{site_url}{root}calculators/{calculator}/?{query(inputs)}")
    page.wait_for_selector("form[data-state=done]", timeout=180_000)


# Every name a person must never see: snake_case input and output names (one-word names are English words).
def code_names(entry: dict) -> set:
    names = {field["name"] for field in entry["inputs"]} | {output["name"] for output in entry["outputs"]}
    names |= {sub["name"] for field in entry["inputs"] for sub in field.get("fields", [])}
    return {name for name in names if "_" in name}


# Each calculator's result from its shared link, as the walk (tests/conftest.py) read it in each language.
@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("calculator", sorted(ENTRIES))
def test_rendered_text_has_no_codes(walk, calculator, language):
    step = walk[f"{language} {calculator} result"]
    shown = step["text"]
    assert step["results_shown"] == 1
    assert_no_codes(shown, ENTRIES[calculator], language)


# No code in a shown text: no JSON or Python literal, no input or output name, in Chinese no status code.
def assert_no_codes(shown: str, entry: dict, language: str) -> None:
    assert not CODES.search(shown), CODES.search(shown)
    assert not [name for name in code_names(entry) if re.search(rf"\b{name}\b", shown)]
    if language == "zh":
        assert not STATUS_CODES.search(shown)


@pytest.mark.parametrize("root,amount", [("", "40,000.00 元"), ("en/", "40,000.00 yuan")])
def test_job_retention_case_reads_in_words(page, site_url, root, amount):
    open_with(page, site_url, "job-retention-refund", {"insured_employees_base": "200", "layoffs": "11",
                                                       "last_year_ui_contributions_paid": "80000.00", "ui_insured": "true"}, root)
    assert page.inner_text("output[name=refund]") == amount
    result = calculate("job-retention-refund", ENTRIES["job-retention-refund"]["example"], PARAMETERS)
    basis = next(figure for figure in result["display"] if figure["name"] == "basis")
    assert page.inner_text("output[name=basis]") == basis["text"]["en" if root else "zh"]


def test_numbers_typed_the_chinese_way_are_read_and_shown_back(page, site_url):
    open_with(page, site_url, "job-retention-refund", {"insured_employees_base": "２００", "layoffs": "１１",
                                                       "last_year_ui_contributions_paid": "80,000.00", "ui_insured": "true"})
    assert page.inner_text("output[name=refund]") == "40,000.00 元"
    assert page.input_value('[name="insured_employees_base"]') == "200"
    assert page.input_value('[name="last_year_ui_contributions_paid"]') == "80000.00"


@pytest.mark.parametrize("root,words", [("", "请输入数字"), ("en/", "type a number")])
def test_bad_number_says_what_to_type(page, site_url, root, words):
    open_with(page, site_url, "job-retention-refund", {"insured_employees_base": "abc", "layoffs": "1",
                                                       "last_year_ui_contributions_paid": "100.00", "ui_insured": "true"}, root)
    assert words in page.inner_text('[data-error-for="insured_employees_base"]')
    assert page.get_attribute('[name="insured_employees_base"]', "aria-invalid") == "true"


def test_list_row_error_lands_on_its_row(page, site_url):
    hires = [{"hire_date": "2020-02-17", "contract_months": 24, "social_insurance_paid": True},
             {"hire_date": "2020-02-24", "contract_months": "-1", "social_insurance_paid": True}]
    open_with(page, site_url, "new-hire-subsidy", {"resumed_work": True, "hires": hires})
    assert "第2项" in page.inner_text('[data-error-for="hires[1].contract_months"]')
    assert page.inner_text('[data-error-for="hires[0].contract_months"]') == ""
    assert page.get_attribute('[name="hires[1].contract_months"]', "aria-invalid") == "true"
    assert page.get_attribute('[name="hires[0].contract_months"]', "aria-invalid") is None


@pytest.mark.parametrize("root,words", [("", "计算引擎未能启动"), ("en/", "did not start")])
def test_a_worker_that_fails_is_heard_and_can_be_retried(page, site_url, root, words):
    page.route("**/calculator-worker.js", lambda route: route.fulfill(status=200, content_type="text/javascript",
                                                                      body="throw new Error('broken');"))
    page.goto(f"{site_url}{root}calculators/job-retention-refund/?{query(ENTRIES['job-retention-refund']['example'])}")
    page.wait_for_selector(".hb-engine-error:not([hidden])", timeout=60_000)
    assert words in page.inner_text(".hb-engine-error")
    page.unroute("**/calculator-worker.js")
    page.click("[data-action=retry]")
    page.wait_for_selector(".hb-result[data-state=shown]", timeout=180_000)
    assert page.is_hidden(".hb-engine-error")


def test_finder_asks_an_enterprise_only_enterprise_questions(page, site_url):
    page.goto(site_url + "calculators/policy-finder/")
    page.wait_for_selector("form[data-ready]")
    page.select_option('[name="profile_type"]', "enterprise")
    assert page.is_visible('[name="insured_employees_base"]')
    assert not page.is_visible('[name="age"]') and not page.is_visible('[name="leave_school_date"]')
    page.select_option('[name="profile_type"]', "person")
    assert page.is_visible('[name="age"]')
    assert not page.is_visible('[name="insured_employees_base"]') and not page.is_visible('[name="size"]')


@pytest.mark.parametrize("root,language", [("", "zh"), ("en/", "en")])
def test_finder_shows_the_amounts_the_calculators_give(page, site_url, root, language):
    spring = {"is_key_epidemic_supplies_producer": True, "production_start_date": "2020-01-28", "person_days": 1000}
    refund = {"ui_insured": True, "insured_employees_base": 200, "last_year_ui_contributions_paid": "80000.00"}
    for answers, day, calculator, inputs, name in (
            (spring, "2020-02-09", "sf-employment-subsidy", spring, "subsidy"),
            ({**refund, "layoffs_last_year": 11}, "2020-06-30", "job-retention-refund", {**refund, "layoffs": 11}, "refund")):
        open_with(page, site_url, "policy-finder", {"profile_type": "enterprise", **answers, "as_of": day}, root)
        shown = page.inner_text('[data-status="likely"]')
        result = calculate(calculator, {**inputs, "as_of": day}, PARAMETERS)
        figure = next(figure for figure in result["display"] if figure["name"] == name)
        assert figure["text"][language] in shown
        assert page.inner_text("output[name=estimated_total]") == figure["text"][language]
        assert_no_codes(page.inner_text("article"), FINDER, language)
    links = page.eval_on_selector_all('[data-status="likely"] a', "as => as.map(a => a.href)")
    assert any("job-retention-refund/?" in link and "last_year_ui_contributions_paid=80000.00" in link for link in links)


@pytest.mark.parametrize("calculator,inputs", [("job-retention-refund", ENTRIES["job-retention-refund"]["example"]),
                                               ("policy-finder", ENTERPRISE)])
def test_a_shared_link_does_not_shift_the_page(page, site_url, calculator, inputs):
    page.set_viewport_size({"width": 390, "height": 844})
    page.add_init_script(LAYOUT_SHIFT)
    open_with(page, site_url, calculator, inputs)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__layoutShift") < 0.01


def test_finder_explains_itself_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "calculators/policy-finder/")
    assert tab.is_visible("#how") and tab.is_visible("#measures")
    assert tab.locator("#measures ~ ul a").count() >= 20
    assert not tab.is_visible("form.hb-calc")
    context.close()
