"""The policy finder in time and in yuan, in Chromium, Firefox ESR and WebKitGTK: an ended measure is never one you can
apply for, the date asked about can be changed from the result, the 5-hire profile shows its upper bound with its
condition, and after a shared link the result's headline (not the form) is on a phone's first screen, the form one tap
away; without answers in the address the form comes first."""
import json

import pytest

from calculators import calculate
from tests.engines.drivers import ENGINES
from tests.helpers import parameters, query

PARAMETERS = parameters()
# Issue 24: a small mask maker that started production on 2020-02-01, resumed work and took on 5 new hires.
MASK_MAKER = {"profile_type": "enterprise", "size": "small", "is_key_epidemic_supplies_producer": True,
              "production_start_date": "2020-02-01", "resumed_work": True, "new_hires_in_window": 5}
PHONE = (390, 844)
# WebKitGTK's MiniBrowser window cannot be made narrower than its toolbar: its viewport stops at 447 px wide.
NARROWEST = {"chromium": 390, "firefox": 390, "webkit": 447}
JOB_RETENTION = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11, "last_year_ui_contributions_paid": "80000.00"}


# Open the finder (or a calculator) from a shared link and wait for its result.
def open_with(tab, base, inputs, root="", calculator="policy-finder"):
    tab.goto(f"{base}{root}calculators/{calculator}/?{query(inputs)}")
    tab.wait("form[data-state=done]")


# Click a control of the result that computes again, and wait for the new result.
def again(tab, selector):
    tab.evaluate("document.querySelector('form[data-calculator]').removeAttribute('data-state')")
    tab.click(selector)
    tab.wait("form[data-state=done]")


# The measure numbers listed under one status group, in page order.
def listed(tab, status) -> list:
    return tab.evaluate(f"[...document.querySelectorAll('[data-status=\"{status}\"]:not([hidden]) > ul > li > strong > a')]"
                        ".map(a => Number(a.getAttribute('href').replace(/\\/(#.*)?$/, '').split('/').pop()))")


# The CPython match of a rule for some answers.
def cpython_match(inputs, rule) -> dict:
    return next(found for found in calculate("policy-finder", inputs, PARAMETERS)["matches"] if found["rule"] == rule)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_an_ended_measure_is_closed_with_its_dates_and_can_be_viewed_as_of_then(tab, gate):
    open_with(tab, gate.url, {**MASK_MAKER, "as_of": "2026-12-03"})
    assert 1 not in listed(tab, "likely") + listed(tab, "possible")
    assert listed(tab, "closed")[:2] == [1, 1]
    closed = tab.text('[data-status="closed"]')
    assert "适用期为2020-02-10至2020-03-09，已截止" in closed and "适用期为2020-01-24至2020-02-09，已截止" in closed
    assert tab.evaluate("document.querySelector('output[name=asked_on]').value") == "2026-12-03"
    again(tab, '[data-status="closed"] [data-view-as-of="2020-03-09"]')
    assert 1 in listed(tab, "likely")
    assert "as_of=2020-03-09" in tab.evaluate("location.search")


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("root,language", [("", "zh"), ("en/", "en")])
def test_five_hires_show_up_to_5000_with_the_condition(tab, gate, root, language):
    inputs = {**MASK_MAKER, "as_of": "2020-02-15"}
    open_with(tab, gate.url, inputs, root)
    estimate = cpython_match(inputs, "R1.2")["estimate"]
    likely = tab.text('[data-status="likely"]')
    assert estimate["amount"]["text"][language] in likely and estimate["condition"][language] in likely
    assert {"zh": "最多5,000.00 元", "en": "up to 5,000.00 yuan"}[language] in likely
    assert tab.evaluate("document.querySelector('output[name=estimated_total]').value") == estimate["amount"]["text"][language]
    assert listed(tab, "closed")[:1] == [1]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_date_asked_about_is_changed_from_the_result(tab, gate):
    open_with(tab, gate.url, {**MASK_MAKER, "as_of": "2026-12-03"}, "en/")
    tab.evaluate("(() => { const c = document.querySelector('[data-view-date]'); c.value = '2020-02-15'; })()")
    again(tab, '[data-action="view-as-of"]')
    assert tab.evaluate("document.querySelector('output[name=asked_on]').value") == "2020-02-15"
    assert "up to 5,000.00 yuan" in tab.text('[data-status="likely"]')


# Where an element is on the screen: its top and bottom in CSS pixels, and whether it is drawn at all.
def box(tab, selector) -> dict:
    return tab.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); const r = e.getBoundingClientRect();"
                        " return {top: r.top, bottom: r.bottom, drawn: e.getClientRects().length > 0}; })()")


# Whether an element is drawn wholly within the first screen (the page not scrolled).
def on_first_screen(tab, selector) -> bool:
    found = box(tab, selector)
    return found["drawn"] and 0 <= found["top"] and found["bottom"] <= PHONE[1]


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("calculator,root,inputs,headline", [
    ("policy-finder", "", {**MASK_MAKER, "as_of": "2020-02-15"}, ("asked_on", "open_count", "estimated_total")),
    ("policy-finder", "en/", {**MASK_MAKER, "as_of": "2020-02-15"}, ("asked_on", "open_count", "estimated_total")),
    ("job-retention-refund", "", JOB_RETENTION, ("refund",))], ids=["finder-zh", "finder-en", "calculator"])
def test_a_shared_link_opens_on_the_result_at_390_px(tab, gate, engine_name, calculator, root, inputs, headline):
    before = tab.resize(*PHONE)
    try:
        open_with(tab, gate.url, inputs, root, calculator)
        assert tab.viewport() == (NARROWEST[engine_name], PHONE[1])
        assert tab.evaluate("window.scrollY") == 0
        assert on_first_screen(tab, ".hb-figures") and on_first_screen(tab, '[data-action="change-answers"]')
        assert all(on_first_screen(tab, f"output[name={name}]") and tab.evaluate(
            f"document.querySelector('output[name={name}]').value") for name in headline)
        assert box(tab, "form.hb-calc")["top"] >= PHONE[1]
        tab.click('[data-action="change-answers"]')
        tab.wait_until("(f => Math.abs(f.getBoundingClientRect().top - parseFloat(getComputedStyle(f).scrollMarginTop)) < 2)"
                       "(document.querySelector('form.hb-calc'))")
        assert tab.evaluate("document.activeElement.closest('form.hb-calc') !== null")
        assert box(tab, ".md-header")["bottom"] <= box(tab, "form.hb-calc")["top"]
        assert box(tab, "form.hb-calc")["bottom"] <= box(tab, ".hb-result")["top"]
    finally:
        tab.resize(*before)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_without_answers_in_the_address_the_form_comes_first(tab, gate):
    before = tab.resize(*PHONE)
    try:
        tab.goto(f"{gate.url}calculators/policy-finder/")
        tab.wait("form[data-ready]")
        assert box(tab, "form.hb-calc")["top"] < PHONE[1]
        assert box(tab, "form.hb-calc")["bottom"] <= box(tab, ".hb-result")["top"]
        assert tab.evaluate("getComputedStyle(document.querySelector('[data-action=change-answers]')).visibility") == "hidden"
    finally:
        tab.resize(*before)
