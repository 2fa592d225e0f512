"""The calculators and the finder in Chromium, Firefox ESR and WebKitGTK: one list of cases, one set of
assertions, run per engine: the URL contract, the same figures as CPython, errors next to their field,
the page's language, and no request to another origin. Shown texts are compared with CPython's `display`."""
import json

import pytest

from calculators import calculate
from tests.engines.drivers import ENGINES
from tests.helpers import ENTRIES, parameters, query

PARAMETERS = parameters()
EXAMPLES = {calculator: entry["example"] for calculator, entry in ENTRIES.items()}
# Chromium runs every calculator; the other engines a subset that covers money, percentages, modes and list rows.
SUBSET = ("job-retention-refund", "new-hire-subsidy", "housing-fund-relief", "startup-loan")
CALCULATOR_RUNS = [(engine, calculator) for engine in ENGINES for calculator in sorted(EXAMPLES)
                   if engine == "chromium" or calculator in SUBSET]
RETENTION = EXAMPLES["job-retention-refund"]
FINDER_PROFILES = {
    "enterprise": {"profile_type": "enterprise", "size": "small", "resumed_work": True, "new_hires_in_window": 3,
                   "ui_insured": True, "insured_employees_base": 48, "layoffs_last_year": 2, "as_of": "2020-03-01"},
    "person": {"profile_type": "person", "age": 19, "registered_unemployed": True, "willing_to_work": True,
               "as_of": "2020-03-01"},
}


# Open a calculator with inputs in its URL and wait for the computed result (or the errors).
def open_with(tab, base, calculator, inputs, root=""):
    tab.goto(f"{base}{root}calculators/{calculator}/?{query(inputs)}")
    tab.wait("form[data-state=done]")


# The raw value of every <output> on the page.
def outputs(tab) -> dict:
    pairs = tab.evaluate("[...document.querySelectorAll('output[name]')]"
                         ".map(o => [o.getAttribute('name'), o.getAttribute('data-value')])")
    return {name: json.loads(value) for name, value in pairs}


# The text of every <output> the page shows (those of hidden rows left out).
def shown_texts(tab) -> dict:
    pairs = tab.evaluate("[...document.querySelectorAll('output[name]')].filter(o => !o.closest('[hidden]'))"
                         ".map(o => [o.getAttribute('name'), o.value])")
    return dict(pairs)


# The measure numbers of the finder's matches as listed on the page, sorted.
def shown_matches(tab) -> list:
    hrefs = tab.evaluate("[...document.querySelectorAll('[data-result=\"matches\"] > li > strong > a')]"
                         ".map(a => a.getAttribute('href'))")
    return sorted(int(href.rstrip("/").split("/")[-1].split("#")[0]) for href in hrefs)


# CPython's display texts, in one language, of the figures that have an <output> on the page.
def display_texts(result: dict, names, language: str) -> dict:
    return {figure["name"]: figure["text"][language] for figure in result["display"] if figure["name"] in names}


@pytest.mark.parametrize("engine_name,calculator", CALCULATOR_RUNS)
def test_url_driven_result_equals_cpython(tab, gate, calculator):
    open_with(tab, gate.url, calculator, EXAMPLES[calculator])
    expected = calculate(calculator, EXAMPLES[calculator], PARAMETERS)
    if "matches" in expected:
        assert shown_matches(tab) == sorted(match["measure"] for match in expected["matches"])
        assert tab.take_foreign() == []
        return
    shown = outputs(tab)
    assert shown, "no <output> elements"
    assert {name: expected.get(name) for name in shown} == shown
    assert shown_texts(tab) == display_texts(expected, shown, "zh")
    assert tab.take_foreign() == []


@pytest.mark.parametrize("engine_name", ENGINES)
def test_invalid_input_is_shown_next_to_its_field(tab, gate):
    open_with(tab, gate.url, "job-retention-refund", {**RETENTION, "insured_employees_base": "-3"})
    field = '[name="insured_employees_base"]'
    assert tab.text('[data-error-for="insured_employees_base"]').strip()
    assert tab.evaluate(f"document.querySelector('{field}').getAttribute('aria-invalid')") == "true"
    assert "insured_employees_base-error" in tab.evaluate(f"document.querySelector('{field}').getAttribute('aria-describedby')")


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("root,words", [("", "计算过程"), ("en/", "How it was calculated")])
def test_language_of_labels_and_trace_follows_the_page(tab, gate, root, words):
    open_with(tab, gate.url, "job-retention-refund", RETENTION, root)
    assert words in tab.text(".hb-result")
    assert ("一般标准" in tab.text('[data-result="trace"]')) == (root == "")


@pytest.mark.parametrize("engine_name", ENGINES)
def test_form_filled_by_the_reader(tab, gate):
    tab.goto(gate.url + "en/calculators/job-retention-refund/")
    tab.wait("form[data-ready]")
    tab.fill('[name="insured_employees_base"]', "200")
    tab.select('[name="ui_insured"]', "true")
    tab.fill('[name="layoffs"]', "11")
    tab.fill('[name="last_year_ui_contributions_paid"]', "80000.00")
    tab.click("form button[type=submit]")
    tab.wait("form[data-state=done]")
    assert outputs(tab)["refund"] == "40000.00"
    assert "insured_employees_base=200" in tab.evaluate("location.search")
    assert shown_texts(tab)["refund"] == "40,000.00 yuan"


@pytest.mark.parametrize("engine_name", ENGINES)
def test_not_eligible_with_twelve_layoffs(tab, gate):
    open_with(tab, gate.url, "job-retention-refund", {**RETENTION, "layoffs": 12}, "en/")
    assert outputs(tab)["eligible"] is False
    assert tab.text('[data-result="reasons"]').strip()


@pytest.mark.parametrize("engine_name", ENGINES)
def test_policy_finder_for_an_enterprise(tab, gate):
    inputs = FINDER_PROFILES["enterprise"]
    open_with(tab, gate.url, "policy-finder", inputs)
    text = tab.text(".hb-result")
    expected = {match["measure"] for match in calculate("policy-finder", inputs, PARAMETERS)["matches"]}
    assert {1, 5} <= expected
    assert all(f"第{number}条" in text for number in expected)
    links = tab.evaluate("[...document.querySelectorAll('[data-result=\"matches\"] a')].map(a => a.href)")
    assert any("new-hire-subsidy/?" in link for link in links)
    assert tab.take_foreign() == []


@pytest.mark.parametrize("engine_name", ENGINES)
def test_policy_finder_for_a_person(tab, gate):
    open_with(tab, gate.url, "policy-finder", FINDER_PROFILES["person"], "en/")
    assert "Measure 11" in tab.text(".hb-result")
