"""Calculators in Chromium where Playwright alone can look: the form contract, one worker across instant
navigation, the page without JavaScript. The cases every engine runs are in tests/engines/."""
from tests.helpers import ENTRIES, open_with


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
