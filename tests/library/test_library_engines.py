"""The library's search and finder in Chromium, Firefox ESR and WebKitGTK: from a page of one document, the header box
and the search page find a phrase of each document in the library's split index, every result naming that document;
the library's finder, opened from a shared link, runs taizhuang's finder in its own worker and lists songhe as a
document without a finder; nothing is requested from another origin."""
import json
from urllib.parse import quote

import pytest

from tests.engines.drivers import ENGINES, shared_sessions
from tests.engines.test_finder import NARROWEST
from tests.helpers import query

from .helpers import NUMBERS, ROOTS, SEARCHES
from .test_library_finder import ANSWERS, NO_FINDER

TITLES = {"#hb-header-results": ".hb-suggest-title", "#hb-search-results": "li a"}  # a result list: its titles


# The library through each engine's gate (the session's browsers), an origin of its own, added on first use:
# get(name) -> its base URL.
@pytest.fixture(scope="module")
def library_urls(engines, library_site):
    urls = {}

    def get(name):
        if name not in urls:
            urls[name] = engines(name).gate.add_site(library_site[0])
        return urls[name]
    return get


# One tab per engine on the library for the module (so the finder's runs share its warm start), closed at the end.
@pytest.fixture(scope="module")
def library_tabs(engines):
    yield from shared_sessions(engines)


# This test's engine's address of the library and its shared tab there, cleared of recorded other-origin requests.
@pytest.fixture
def library_tab(library_urls, library_tabs, engine_name):
    url = library_urls(engine_name)  # before the tab, which counts the library's address as its own
    tab = library_tabs(engine_name)
    tab.take_foreign()
    return url, tab


# The titles a result list shows once it has results.
def listed_titles(tab, results: str) -> list:
    selector = f"{results} {TITLES[results]}"
    tab.wait(selector)
    return tab.evaluate(f"[...document.querySelectorAll({json.dumps(selector)})].map((node) => node.textContent)")


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_search_in_every_engine(library_tab, engine_name, language):
    url, tab = library_tab
    root = url + ROOTS[language]
    for query, number, other in zip(SEARCHES[language], NUMBERS[language], ("songhe", "taizhuang")):
        tab.goto(f"{root}{other}/measures/01/")
        tab.wait("form.hb-header-search[data-ready]")
        tab.fill("#hb-header-q", query)
        boxed = listed_titles(tab, "#hb-header-results")
        tab.goto(f"{root}{other}/search/?q={quote(query)}")
        paged = listed_titles(tab, "#hb-search-results")
        for titles in (boxed, paged):
            assert titles and all(title.endswith(f" · {number}") for title in titles), (engine_name, query, titles)
    assert tab.take_foreign() == []


# The library's finder from a shared link at a phone's width (WebKitGTK's narrowest): taizhuang's section lists
# measure 1 to apply for, linked to taizhuang's page, and songhe stands under the documents without a finder.
@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_finder_in_every_engine(library_tab, engine_name, language):
    url, tab = library_tab
    root = url + ROOTS[language]
    before = tab.resize(NARROWEST[engine_name], 844)
    try:
        tab.goto(f"{root}finder/?{query(ANSWERS)}")
        # This page's form, not the last test's: the tab is shared, and its last page may be the other language's.
        tab.wait_until(f"location.pathname === '/{ROOTS[language]}finder/'"
                       " && document.querySelector('form[data-library-finder][data-state=done]')")
        likely = tab.evaluate("[...document.querySelectorAll("
                              "'[data-document=taizhuang] [data-status=likely] li > strong > a')].map((a) => a.href)")
        states = tab.evaluate("[...document.querySelectorAll('.hb-document-finder')].map((section) =>"
                              " `${section.getAttribute('data-document')}: ${section.querySelector('.hb-result')"
                              "?.getAttribute('data-state')}`)")
        assert f"{root}taizhuang/measures/01/" in likely, (engine_name, likely, states)
        without = tab.text("#without-finder + ul")
        assert NUMBERS[language][1] in without and NO_FINDER[language] in without
        assert tab.evaluate("document.documentElement.scrollWidth") <= NARROWEST[engine_name]
        assert tab.take_foreign() == []
    finally:
        tab.resize(*before)
