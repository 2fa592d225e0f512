"""Calculators in Chromium where Playwright alone can look: the form contract, one worker across instant
navigation, the result first after a shared link reached by instant navigation, the page without JavaScript. The cases
every engine runs are in tests/engines/."""
from tests.helpers import ENTRIES, open_with

PHONE = {"width": 390, "height": 844}
MASK_MAKER = {"profile_type": "enterprise", "size": "small", "is_key_epidemic_supplies_producer": True,
              "production_start_date": "2020-02-01", "resumed_work": True, "new_hires_in_window": 5, "as_of": "2020-02-15"}
ENTERPRISE = {"profile_type": "enterprise", "ui_insured": True, "insured_employees_base": 200, "layoffs_last_year": 11,
              "last_year_ui_contributions_paid": "80000.00", "as_of": "2020-06-30"}


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
    assert tab.is_visible("noscript p") and "JavaScript" in tab.inner_text("noscript p")
    assert "40,000.00 元" in tab.locator("#example ~ table").nth(1).inner_text()
    assert tab.is_visible("#rules")
    context.close()


# The top of the form and of the result on the screen, in CSS pixels.
def tops(page) -> tuple:
    return tuple(page.evaluate("['form.hb-calc', '.hb-result'].map(s => document.querySelector(s).getBoundingClientRect().top)"))


# The finder's link to a calculator carries the answers: the calculator, reached by instant navigation (the head
# script does not run again), shows its result first when they answer all it asks, its form first when they do not
# (the finder knows how many were hired, not when: the new-hire calculator asks each hire's date), and a calculator
# reached without answers shows its form first.
def test_a_shared_link_followed_by_instant_navigation_opens_on_the_result(page, site_url):
    page.set_viewport_size(PHONE)
    open_with(page, site_url, "policy-finder", ENTERPRISE)
    page.evaluate("window.__handbookMarker = 1")
    page.click('.hb-calc-link a[href*="job-retention-refund/?"]')
    page.wait_for_url("**/calculators/job-retention-refund/?*")
    page.wait_for_selector("form[data-calculator=job-retention-refund][data-state=done]", timeout=120_000)
    assert page.evaluate("window.__handbookMarker") == 1
    form, result = tops(page)
    assert result < PHONE["height"] <= form
    open_with(page, site_url, "policy-finder", MASK_MAKER)
    page.evaluate("window.__handbookMarker = 2")
    page.click('[data-status="likely"] .hb-calc-link a[href*="new-hire-subsidy/?"]')
    page.wait_for_url("**/calculators/new-hire-subsidy/?*")
    page.wait_for_selector("form[data-calculator=new-hire-subsidy][data-state=done]", timeout=120_000)
    form, result = tops(page)
    assert form < result and form < PHONE["height"] and page.evaluate("window.__handbookMarker") == 2
    page.evaluate("document.querySelector('nav a[href$=\"calculators/job-retention-refund/\"]').click()")
    page.wait_for_url("**/job-retention-refund/")
    page.wait_for_selector("form[data-calculator=job-retention-refund][data-ready]")
    assert page.evaluate("window.__handbookMarker") == 2
    form, result = tops(page)
    assert form < result and form < PHONE["height"]


def test_a_shared_link_without_javascript_leaves_the_page_as_it_is(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "calculators/policy-finder/?profile_type=enterprise&size=small")
    assert tab.get_attribute("html", "data-hb-shared") is None and tab.is_visible("#how")
    context.close()
