"""The colour toggle in a real Chromium: the system's scheme or the reader's choice is on the page from its first
paint (the header's inline script, not a module), the choice survives instant navigation and new pages, the
keyboard works it, and Material's palette component (which restyled every page twice on load) is not mounted."""
import pytest

SCHEMES = {"light": ("default", "slate"), "dark": ("slate", "default")}


# The palette on <body>, and which toggles show (one, the other palette's).
def state(tab) -> tuple:
    return tuple(tab.evaluate("[document.body.getAttribute('data-md-color-scheme'),"
                        " [...document.querySelectorAll('[data-hb-palette] label')].filter(l => !l.hidden).length]"))


# A context of its own (the choice is kept in localStorage) following a system colour scheme.
@pytest.fixture
def scheme_context(browser):
    contexts = []

    def make(scheme):
        contexts.append(browser.new_context(color_scheme=scheme))
        return contexts[-1]
    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("system", SCHEMES)
def test_the_toggle_switches_keeps_and_restores_the_palette(scheme_context, site_url, system):
    first, other = SCHEMES[system]
    tab = scheme_context(system).new_page()
    tab.goto(site_url + "measures/05/")
    tab.wait_for_selector("[data-hb-palette][data-ready]")
    assert state(tab) == (first, 1)
    assert tab.locator("[data-md-component=palette]").count() == 0
    tab.click("[data-hb-palette] label:not([hidden])")
    assert state(tab) == (other, 1)
    assert tab.get_attribute("meta[name=color-scheme]", "content") == ("dark" if other == "slate" else "light")
    tab.evaluate("document.querySelector('nav a[href$=\"annex-1/\"]').click()")
    tab.wait_for_url("**/annex-1/")
    assert state(tab) == (other, 1)
    tab.route("**/palette.js", lambda route: route.abort())
    tab.goto(site_url + "glossary/")
    assert state(tab) == (other, 1), "the inline script, not the module, puts the kept choice on the page"
    tab.unroute("**/palette.js")
    tab.goto(site_url + "key-figures/")
    tab.wait_for_selector("[data-hb-palette][data-ready]")
    tab.focus("[data-hb-palette] input:checked")
    tab.keyboard.press("Enter")
    assert state(tab) == (first, 1)
    tab.close()


def test_without_javascript_the_page_keeps_its_built_palette_and_shows_no_toggle(browser, site_url):
    context = browser.new_context(java_script_enabled=False, color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url + "measures/05/")
    assert state(tab) == ("default", 0)
    context.close()
