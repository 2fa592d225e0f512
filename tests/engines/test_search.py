"""Search as you type in the header, in Chromium, Firefox ESR and WebKitGTK: results under the box while
typing (Chinese substrings, English stems), the matched words marked, the combobox pattern (arrows, Enter,
Escape, aria-activedescendant, a live region), and nothing run while an input method's composition is open."""
import json

import pytest

from tests.engines.drivers import ENGINES

BOX = "#hb-header-q"
LIST = "#hb-header-results"
# Root, query, a page among the first five, and how every marked word begins (a Chinese term itself, an English stem).
QUERIES = [("", "保险", "measures/04/", ("保险",)), ("en/", "guaranteed loans", "en/measures/15/", ("guarant", "loan"))]


# Type a query into the header box as a reader would, and wait until its results are listed.
def type_query(tab, query):
    tab.fill(BOX, query)
    tab.wait_until(f"document.querySelector({json.dumps(LIST)}) && "
                   f"document.querySelector({json.dumps(BOX)}).getAttribute('aria-expanded') === 'true'")


# The listed results' addresses (relative to the site), best first.
def listed(tab, gate):
    hrefs = tab.evaluate(f"[...document.querySelectorAll('{LIST} [role=option]')].map(a => a.href)")
    return [href.replace(gate.url, "") for href in hrefs]


# Open a page and wait until the header box is ready (search.js ran).
def open_page(tab, url):
    tab.goto(url)
    tab.wait("form.hb-header-search[data-ready]")


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("root,query,expected,marked", QUERIES)
def test_typing_lists_results_with_the_matched_words_marked(tab, gate, root, query, expected, marked):
    open_page(tab, gate.url + root + "measures/01/")
    type_query(tab, query)
    results = listed(tab, gate)
    assert expected in results[:5], results
    assert all(url.startswith("en/") == (root == "en/") for url in results)
    marks = tab.evaluate(f"[...document.querySelectorAll('{LIST} .hb-snippet mark')].map(m => m.textContent)")
    assert marks and all(mark.lower().startswith(marked) for mark in marks), marks
    assert tab.evaluate(f"document.querySelector('{BOX}').getAttribute('role')") == "combobox"
    assert tab.evaluate(f"document.querySelector('{BOX}').getAttribute('aria-controls')") == LIST[1:]
    count = int(tab.evaluate(f"document.querySelector('{LIST}').dataset.count"))
    status = tab.evaluate("document.querySelector('.hb-header-search [role=status]').textContent")
    assert str(count) in status and ("条结果" in status) == (root == "")
    assert tab.take_foreign() == []


@pytest.mark.parametrize("engine_name", ENGINES)
def test_a_query_without_results_says_so(tab, gate):
    open_page(tab, gate.url + "en/")
    type_query(tab, "zzzqqq")
    assert listed(tab, gate) == []
    assert tab.text(".hb-suggest-none") == "No results."
    assert tab.evaluate("document.querySelector('.hb-header-search [role=status]').textContent") == "No results."


@pytest.mark.parametrize("engine_name", ENGINES)
def test_arrow_and_enter_open_the_chosen_result(tab, gate):
    open_page(tab, gate.url + "measures/01/")
    type_query(tab, "稳岗返还")
    first = listed(tab, gate)[0]
    tab.press(BOX, "ArrowDown")
    tab.press(BOX, "ArrowDown")
    tab.press(BOX, "ArrowUp")
    active = tab.evaluate(f"document.querySelector('{BOX}').getAttribute('aria-activedescendant')")
    assert tab.evaluate(f"document.getElementById('{active}').getAttribute('aria-selected')") == "true"
    assert tab.evaluate(f"document.getElementById('{active}').href") == gate.url + first
    tab.press(BOX, "Enter")
    tab.wait_until(f"location.href === {json.dumps(gate.url + first)}")
    tab.wait_until(f"document.querySelector('{BOX}') && document.querySelector('{BOX}').getAttribute('aria-expanded') === 'false'")
    type_query(tab, "见习")
    assert "measures/07/" in listed(tab, gate)[:5]


@pytest.mark.parametrize("engine_name", ENGINES)
def test_escape_closes_the_list(tab, gate):
    open_page(tab, gate.url + "en/measures/01/")
    type_query(tab, "retention")
    tab.press(BOX, "ArrowDown")
    tab.press(BOX, "Escape")
    assert tab.evaluate("document.querySelector('.hb-suggest').hidden") is True
    assert tab.evaluate(f"document.querySelector('{BOX}').getAttribute('aria-expanded')") == "false"
    assert tab.evaluate(f"document.querySelector('{BOX}').hasAttribute('aria-activedescendant')") is False
    assert tab.evaluate(f"document.querySelector('{BOX}').value") == "retention"
    assert tab.evaluate("location.pathname").endswith("/en/measures/01/")


# While a composition is open: the box's text changes (input events marked isComposing) and Enter is pressed
# to pick a candidate; then the composition ends and the same Enter arrives again (Safari's order). Clicks on the
# results are recorded (and not followed): none may happen. Returns what the page saw.
COMPOSE = """(async () => {
  const box = document.querySelector('#hb-header-q'), clicks = [];
  document.addEventListener('click', (e) => { clicks.push(e.target.closest('a') && e.target.closest('a').href);
    e.preventDefault(); }, true);
  const turn = () => new Promise((done) => setTimeout(done, 0));
  const enter = (composing) => { const key = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter',
    bubbles: true, cancelable: true, isComposing: composing }); box.dispatchEvent(key); return key.defaultPrevented; };
  const before = box.closest('form').querySelector('[role=listbox]').innerHTML;
  box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
  box.value = '社会保险';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '社会保险',
    inputType: 'insertCompositionText' }));
  await turn(); await turn();
  const during = { unchanged: box.closest('form').querySelector('[role=listbox]').innerHTML === before,
                   prevented: enter(true) };
  box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '社会保险' }));
  const ending = enter(false);
  await turn(); await turn();
  return { during, ending, clicks, href: location.href,
           expanded: box.getAttribute('aria-expanded'), listed: box.closest('form').querySelector('[role=listbox]').children.length };
})()"""


@pytest.mark.parametrize("engine_name", ENGINES)
def test_nothing_runs_during_a_composition_and_its_enter_does_not_navigate(tab, gate):
    open_page(tab, gate.url + "measures/01/")
    type_query(tab, "稳岗")
    tab.press(BOX, "ArrowDown")
    seen = tab.evaluate(COMPOSE)
    assert seen["during"] == {"unchanged": True, "prevented": True}
    assert seen["ending"] is True
    assert seen["clicks"] == [] and seen["href"] == gate.url + "measures/01/"
    assert seen["expanded"] == "true" and seen["listed"] > 0
    assert "measures/04/" in listed(tab, gate)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_header_form_still_submits_to_the_search_page(tab, gate):
    open_page(tab, gate.url + "measures/01/")
    tab.fill(BOX, "稳岗返还")
    tab.press(BOX, "Enter")
    tab.wait("#hb-search-results[data-count]")
    assert "search/?q=" in tab.evaluate("location.href")
    assert tab.evaluate("document.querySelectorAll('#hb-search-results .hb-snippet mark').length") > 0
