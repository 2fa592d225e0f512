"""Accessibility: axe-core finds no WCAG 2.1 A/AA violation on any page type, in both languages and palettes;
a calculator can be filled and submitted with the keyboard alone, with visible focus and announced errors."""
import pytest

from tests.helpers import watch_same_origin
from tests.quality.helpers import (CALCULATORS, CONTENT, ROOTS, SEARCHES, example_url, show_an_error, static_pages,
                                   violations, visit)

DARK_PAGES = ["", "measures/05/", "annex-2/", "units/hrss/", "search/?q=%E7%A8%B3%E5%B2%97"]


# A new tab of context that fails its test if it asked another origin for anything (the proxy refuses it).
def guarded_tab(context, site_url):
    foreign = []
    tab = context.new_page()
    watch_same_origin(tab, site_url, foreign)
    yield tab
    assert foreign == []
    tab.close()


# A fresh tab of the readers' profile for axe (its calculators start warm).
@pytest.fixture
def axe_tab(reader_context, site_url):
    yield from guarded_tab(reader_context, site_url)


# A tab in a context of its own, for a colour scheme: Material stores the palette it first chose in localStorage,
# which a shared context would carry from a light page into a dark run.
@pytest.fixture
def scheme_tab(browser, site_url):
    context = browser.new_context()
    yield from guarded_tab(context, site_url)
    context.close()


# A context following a dark system scheme, for the session.
@pytest.fixture(scope="session")
def dark_context(browser):
    context = browser.new_context(color_scheme="dark")
    yield context
    context.close()


# A tab of the dark-scheme context shared by the dark runs (the calculator's warm start with it).
@pytest.fixture
def dark_tab(dark_context, site_url):
    yield from guarded_tab(dark_context, site_url)


# Every page type as the walk found it (tests/quality/conftest.py).
@pytest.mark.parametrize("language", ROOTS)
def test_every_page_type_has_no_violations(walk, language, capsys):
    found = [line for kind in static_pages(language) for line in walk[f"{language} {kind}"]["axe"]]
    with capsys.disabled():
        print(f"\naxe: {len(static_pages(language))} page types in {language}")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ROOTS)
def test_every_calculator_before_a_result_has_no_violations(axe_tab, site_url, language):
    axe_tab.route("**/calculator-worker.js", lambda route: route.abort())
    found = []
    for calculator in CALCULATORS:
        visit(axe_tab, site_url, f"{ROOTS[language]}calculators/{calculator}/")
        found += violations(axe_tab, f"{language} {calculator} before", CONTENT)
    assert found == [], "\n".join(found)


# Each calculator once with a URL-driven result and then with an error, the languages taking turns, as the walk found it.
def test_every_calculator_with_a_result_and_with_an_error_has_no_violations(walk, capsys):
    steps = [f"{language} {calculator} {state}" for turn, language in enumerate(ROOTS)
             for calculator in CALCULATORS[turn::len(ROOTS)] for state in ("result", "error")]
    found = [line for step in steps for line in walk[step]["axe"]]
    with capsys.disabled():
        print(f"\naxe: {len(CALCULATORS)} calculators before a result in each language, with a result and with an error")
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ROOTS)
def test_dark_palette_has_no_violations(dark_tab, site_url, language):
    found = []
    for path in DARK_PAGES + [example_url("job-retention-refund")]:
        visit(dark_tab, site_url, ROOTS[language] + path)
        if "calculators/" in path:
            dark_tab.wait_for_selector("form[data-state=done]", timeout=60_000)
        assert dark_tab.get_attribute("body", "data-md-color-scheme") == "slate"
        found += violations(dark_tab, f"{language} dark {path}")
    show_an_error(dark_tab, "job-retention-refund")
    found += violations(dark_tab, f"{language} dark job-retention-refund error")
    assert found == [], "\n".join(found)


# The header's search-as-you-type list, open with a result chosen, in both palettes.
@pytest.mark.parametrize("language", ROOTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_result_list_has_no_violations(scheme_tab, site_url, language, scheme):
    scheme_tab.emulate_media(color_scheme=scheme)
    visit(scheme_tab, site_url, ROOTS[language] + "measures/01/")
    scheme_tab.wait_for_selector("form.hb-header-search[data-ready]")
    scheme_tab.fill("#hb-header-q", SEARCHES[language])
    scheme_tab.wait_for_selector(".hb-suggest:not([hidden]) [role=option]")
    scheme_tab.keyboard.press("ArrowDown")
    scheme_tab.wait_for_selector("#hb-header-results [aria-selected=true]")
    found = violations(scheme_tab, f"{language} {scheme} header search", ".md-header")
    assert found == [], "\n".join(found)


# The focused element, its name, and whether it shows a focus indicator (an outline or a box shadow),
# on itself or, for Material's visually hidden toggles, on the label drawn next to it.
FOCUS = """() => {
    const focused = document.activeElement, next = focused.nextElementSibling;
    const drawn = [focused, ...(focused.labels || []), ...(next && next.tagName === "LABEL" ? [next] : [])];
    const visible = drawn.some((element) => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    });
    return {name: focused.name, visible, element: focused.outerHTML.slice(0, 120)};
}"""


# Press Tab until the control called name has focus, checking that every stop shows its focus.
def tab_to(tab, name: str) -> None:
    for _ in range(300):
        tab.keyboard.press("Tab")
        stop = tab.evaluate(FOCUS)
        assert stop["visible"], stop["element"]
        if stop["name"] == name:
            return
    pytest.fail(f"Tab never reached {name}")


def test_calculator_with_the_keyboard_alone(axe_tab, site_url):
    visit(axe_tab, site_url, "calculators/job-retention-refund/")
    tab_to(axe_tab, "ui_insured")
    axe_tab.keyboard.press("ArrowDown")
    assert axe_tab.input_value('[name="ui_insured"]') == "true"
    for name, value in (("insured_employees_base", "200"), ("layoffs", "11"), ("last_year_ui_contributions_paid", "80000.00")):
        tab_to(axe_tab, name)
        axe_tab.keyboard.type(value)
    axe_tab.keyboard.press("Enter")
    axe_tab.wait_for_function("() => document.querySelector('output[name=refund]').value === '40,000.00 元'", timeout=60_000)


def test_an_error_is_described_and_announced(axe_tab, site_url):
    axe_tab.goto(site_url + example_url("job-retention-refund"))
    axe_tab.wait_for_selector("form[data-state=done]", timeout=60_000)
    axe_tab.focus('[name="insured_employees_base"]')
    axe_tab.keyboard.press("ControlOrMeta+A")
    axe_tab.keyboard.type("-3")
    axe_tab.keyboard.press("Enter")
    axe_tab.wait_for_selector('[aria-invalid="true"]', timeout=60_000)
    control = axe_tab.evaluate("""() => {
        const control = document.activeElement;
        const slots = control.getAttribute("aria-describedby").split(" ").map((id) => document.getElementById(id));
        const error = slots.find((slot) => slot && slot.classList.contains("hb-field-error"));
        return {name: control.name, error: error && error.textContent,
                live: !!(error && error.closest("[aria-live], [role=alert], [role=status]"))};
    }""")
    assert control["name"] == "insured_employees_base"
    assert control["error"].strip()
    assert control["live"]
