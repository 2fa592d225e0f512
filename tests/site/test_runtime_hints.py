"""Calculator pages leave the Pyodide runtime to their worker (no preload: a preloaded runtime is received on the
page's main thread); pages without a calculator carry no Pyodide byte: no worker, no runtime URL. The search page
starts fetching the search index its script reads. Every page asks at once for each module its scripts import."""
import re
from urllib.parse import urljoin

import pytest

HINT = re.compile(r'<link rel="preload" href="([^"]+)" as="fetch" crossorigin>')
RUNTIME_HINT = re.compile(r'<link rel="(?:module)?preload" href="[^"]*(?:assets/calculators/|pyodide|calculator-worker)')
MODULE_HINT = re.compile(r'<link rel="modulepreload" href="([^"]+)">')
MODULE_SCRIPT = re.compile(r'<script src="([^"]+)" type="module">')
# The modules a page's scripts (search.js, calculator.js, in-force.js, citation.js, palette.js) import, at any depth.
IMPORTED = {"engine.js", "field.js", "output.js", "refusal.js", "worker-protocol.js", "text.js", "trace.js",
            "search-box.js", "search-index.js", "search-match.js"}


# Every built page as (site path, HTML).
def pages(built_site):
    return [(path.relative_to(built_site).as_posix(), path.read_text(encoding="utf-8"))
            for path in sorted(built_site.rglob("*.html"))]


def test_no_calculator_page_preloads_the_runtime(built_site):
    calculator_pages = [(name, html) for name, html in pages(built_site) if "data-worker=" in html]
    assert len(calculator_pages) >= 2 * 15
    assert [name for name, html in calculator_pages if RUNTIME_HINT.search(html)] == []


# Each page's scripts import modules that import others (four levels under search.js): the page asks for all of them
# from its <head>, so a slow link pays one round trip for them, not one per level.
@pytest.mark.parametrize("path", ["index.html", "en/measures/05/index.html", "calculators/job-retention-refund/index.html"])
def test_every_module_a_page_imports_is_asked_for_from_its_head(built_site, path):
    html = (built_site / path).read_text(encoding="utf-8")
    head = html[:html.index("</head>")]
    hinted = [urljoin(f"http://site/{path}", href).removeprefix("http://site/") for href in MODULE_HINT.findall(head)]
    scripts = {urljoin(f"http://site/{path}", src).removeprefix("http://site/") for src in MODULE_SCRIPT.findall(html)}
    assert {name.rsplit("/", 1)[1] for name in hinted} == IMPORTED
    assert all((built_site / name).is_file() for name in hinted)
    assert not scripts & set(hinted)


@pytest.mark.parametrize("word", ["pyodide", "python_stdlib", "calculator-worker", "assets/calculators/"])
def test_pages_without_a_calculator_carry_no_pyodide_byte(built_site, word):
    reading = [(name, html) for name, html in pages(built_site) if "data-worker=" not in html]
    assert len(reading) > 50
    assert [name for name, html in reading if word in html] == []


# Every preload hint of the reading pages: only the search pages', each for the index beside its language root.
def test_reading_pages_preload_only_the_search_index_on_the_search_page(built_site):
    hinted = {}
    for name, html in pages(built_site):
        if "data-worker=" not in html:
            for href in HINT.findall(html[:html.index("</head>")]):
                hinted[name] = urljoin(f"http://site/{name}", href).removeprefix("http://site/")
    assert hinted == {"search/index.html": "search-index.json", "en/search/index.html": "en/search-index.json"}
    assert all((built_site / path).is_file() for path in hinted.values())
