"""Fixtures of the quality tests: a watched Chromium tab, and a walk over every page type."""
import pytest

from tests.quality.helpers import (CALCULATORS, CONTENT, ROOTS, example_url, observations, show_an_error, static_pages,
                                   violations, visit, watched_tab)


# A watched tab of the readers' profile for one test.
@pytest.fixture
def watched(reader_context, site_url):
    tab = watched_tab(reader_context, site_url)
    yield tab
    tab.close()


# Every page type of both languages in one watched tab of the readers' profile, each calculator run from its URL once
# and then shown an error by its form (the languages taking turns, the profile's warm start shared), then an instant
# navigation per language: what each step saw, by step, with axe's violations on each page type and on each
# calculator's part of its page.
@pytest.fixture(scope="session")
def walk(reader_context, site_url) -> dict:
    report = {}
    tab = watched_tab(reader_context, site_url)
    for turn, (language, root) in enumerate(ROOTS.items()):
        for kind, path in static_pages(language).items():
            visit(tab, site_url, root + path)
            step = f"{language} {kind}"
            report[step] = {**observations(tab), "axe": violations(tab, step)}
        for calculator in CALCULATORS[turn::len(ROOTS)]:
            tab.goto(site_url + root + example_url(calculator))
            tab.wait_for_selector("form[data-state=done]", timeout=60_000)
            step = f"{language} {calculator} result"
            report[step] = {**observations(tab), "axe": violations(tab, step, CONTENT)}
            show_an_error(tab, calculator)
            step = f"{language} {calculator} error"
            report[step] = {**observations(tab), "axe": violations(tab, step, CONTENT)}
        visit(tab, site_url, root + "measures/05/")
        tab.click('nav a[href$="annex-1/"]')
        tab.wait_for_url("**/annex-1/")
        report[f"{language} instant navigation"] = observations(tab)
    tab.close()
    return report
