"""The library's finder (finder/ and en/finder/): linked from the home, it asks the policy finder's questions once and
runs each finder-enabled document's finder in that document's own worker, showing one section per document (here
taizhuang's, with its matches linked to its pages), then the documents without a finder (songhe, linked to read);
the page is made for any number of documents with a finder, none included."""
import re
from datetime import date

import pytest

from calculators import calculate
from handbook.data.dataset import load_dataset
from handbook.data.export import export_dataset
from handbook.site.library_finder import finder_markdown
from tests.helpers import PROJECT, parameters, query
from tests.quality.helpers import violations

from .helpers import NUMBERS, ROOTS

FINDER_PAGE = "finder/index.html"
# Issue 24's small mask maker (tests/engines/test_finder.py), asked about on 2020-02-15: measure 1 is one to apply for.
ANSWERS = {"profile_type": "enterprise", "size": "small", "is_key_epidemic_supplies_producer": "true",
           "production_start_date": "2020-02-01", "resumed_work": "true", "new_hires_in_window": "5", "as_of": "2020-02-15"}
NO_FINDER = {"zh": "本文件没有计算器", "en": "has no calculator"}
LIKELY = {"zh": "可申请", "en": "You can apply"}


# A built page's text.
def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ROOTS)
def test_the_home_links_the_library_finder(library_site, language):
    home = read(library_site[0], ROOTS[language] + "index.html")
    assert '<p class="hb-library-finder">' in home and '<a href="finder/">' in home


@pytest.mark.parametrize("language", ROOTS)
def test_the_finder_page_lists_every_document(library_site, language):
    page = read(library_site[0], ROOTS[language] + FINDER_PAGE)
    up = "../" if language == "zh" else "../../"
    assert 'data-library-finder="policy-finder"' in page and "<form class=\"hb-calc\" data-calculator" not in page
    assert f'data-document="taizhuang" data-worker="{up}taizhuang/assets/javascripts/calculator-worker.js"' in page
    assert '<a href="../taizhuang/calculators/policy-finder/">' in page
    assert 'data-href="../taizhuang/measures/01/"' in page
    without = page[page.index('id="without-finder"'):]
    assert '<a href="../songhe/">' in without and NUMBERS[language][1] in without and NO_FINDER[language] in without
    assert 'data-document="songhe"' not in page
    assert re.findall(r'<link rel="preload" href="([^"]+)"', page) == []


# The measure numbers the taizhuang section lists as ones to apply for, from their links' addresses.
def likely_measures(tab) -> list:
    return tab.evaluate("[...document.querySelectorAll('[data-document=taizhuang] [data-status=likely]:not([hidden]) li > strong > a')]"
                        ".map((a) => a.href)")


# Answer the finder's questions as the mask maker, in the form.
def answer(tab) -> None:
    tab.select_option('[name="profile_type"]', ANSWERS["profile_type"])
    for name, value in ANSWERS.items():
        control = tab.locator(f'[name="{name}"]')
        if name != "profile_type":
            control.select_option(value) if control.evaluate("(node) => node.tagName") == "SELECT" else control.fill(value)


# In Chromium at a phone's width, in both languages: from the home, the finder answered as an enterprise shows
# taizhuang's section with its estimated total and measure 1 to apply for (linked to taizhuang's page), and songhe
# under "without a finder"; the same answers from the page's shared link show the same with taizhuang's section on
# the first screen, "Change answers" leading to the form below; nothing is requested from another origin.
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_finder_in_a_browser(library_reader, library_site, language):
    site, url = library_site
    computed = calculate("policy-finder", ANSWERS, parameters())
    likely = {match["measure"] for match in computed["matches"] if match["status"] == "likely"}
    total = next(figure for figure in computed["display"] if figure["name"] == "estimated_total")["text"][language]
    tab = library_reader.new_page()
    fetched = []
    tab.on("request", lambda request: fetched.append(request.url))
    tab.goto(url + ROOTS[language])
    tab.click(".hb-library-finder a")
    tab.wait_for_selector("form[data-library-finder][data-ready]")
    answer(tab)
    tab.click("form[data-library-finder] button[type=submit]")
    tab.wait_for_selector("form[data-library-finder][data-state=done]", timeout=120000)
    measure = f"{url}{ROOTS[language]}taizhuang/measures/01/"
    assert 1 in likely and measure in likely_measures(tab)
    assert LIKELY[language] in tab.locator("[data-document=taizhuang] [data-status=likely]").inner_text()
    assert tab.locator("[data-document=taizhuang] output[name=estimated_total]").inner_text() == total
    without = tab.locator("#without-finder + ul").inner_text()
    assert NUMBERS[language][1] in without and NO_FINDER[language] in without
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.goto(tab.url)
    tab.wait_for_selector("form[data-library-finder][data-state=done]", timeout=120000)
    assert measure in likely_measures(tab)
    assert tab.evaluate("document.querySelector('#doc-taizhuang').getBoundingClientRect().top + scrollY") < 844
    tab.click(".hb-change-answers button")
    assert tab.evaluate("document.activeElement.name") == "profile_type"
    assert tab.evaluate("document.querySelector('form[data-library-finder]').getBoundingClientRect().top") < 844
    tab.close()
    assert fetched and all(address.startswith(url) for address in fetched)


# axe-core finds no WCAG 2.1 A/AA violation on the library's finder, in both languages, before and after its result.
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_finder_has_no_accessibility_violations(library_reader, library_site, language):
    url = library_site[1] + ROOTS[language] + "finder/"
    tab = library_reader.new_page()
    tab.goto(url)
    found = violations(tab, "before")
    tab.goto(f"{url}?{query(ANSWERS)}")
    tab.wait_for_selector("form[data-library-finder][data-state=done]", timeout=120000)
    found += violations(tab, "after")
    tab.close()
    assert found == []


# The home's entry for a document folder, numbered and titled as the document is.
def entry_for(folder: str, export: dict) -> dict:
    return {"folder": folder, "number": export["document"]["number"], "title": export["document"]["title"]}


# Any number of documents may have a finder: each gets its own section and worker; with none there is no form, and
# every document stands under the documents without a finder.
@pytest.mark.parametrize("language", ROOTS)
def test_the_finder_page_for_any_number_of_finders(language):
    export = export_dataset(load_dataset(PROJECT / "policy_data"))
    both = finder_markdown([entry_for("one", export), entry_for("two", export)], {"one": export, "two": export},
                           language, date(2020, 2, 15))
    assert both.count('class="hb-document-finder"') == 2 and both.count("<form ") == 1
    assert 'data-worker="' + ("../" if language == "zh" else "../../") + 'two/assets/javascripts/calculator-worker.js"' in both
    assert 'id="without-finder"' not in both
    none = finder_markdown([entry_for("one", export)], {}, language, date(2020, 2, 15))
    assert "<form " not in none and 'class="hb-document-finder"' not in none
    assert '<a href="../one/">' in none[none.index('id="without-finder"'):]


# A shared link without the required first answer opens on the form, the question marked and no section waiting.
def test_a_link_without_who_is_asking_opens_on_the_form(library_reader, library_site):
    tab = library_reader.new_page()
    tab.goto(f"{library_site[1]}en/finder/?size=small")
    tab.wait_for_selector("form[data-library-finder][data-state=done]", timeout=120000)
    assert tab.get_attribute('[name="profile_type"]', "aria-invalid") == "true"
    assert tab.get_attribute("[data-document=taizhuang] .hb-result", "data-state") == "empty"
    assert tab.evaluate("document.documentElement.hasAttribute('data-hb-shared')") is False
    tab.close()
