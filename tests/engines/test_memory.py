"""Memory: the worker is released when the reader leaves the calculators, and reloading a calculator
ten times does not keep a runtime per visit (measured in Chromium, by the browser's resident memory)."""
import pytest

from tests.engines.drivers import tree_rss
from tests.engines.test_calculators import EXAMPLES
from tests.helpers import query

CALCULATOR = "job-retention-refund"
# A Pyodide runtime kept per reload would add at least this much for each of the last seven reloads.
RUNTIME_BYTES = 40 * 2**20


# The dedicated workers running the calculators in a Playwright page.
def calculator_workers(page) -> list:
    return [worker for worker in page.workers if worker.url.endswith("calculator-worker.js")]


# In Chromium's shared tab (its calculators start warm): the worker goes when an instant navigation leaves them.
@pytest.mark.parametrize("engine_name", ["chromium"])
def test_leaving_the_calculators_releases_the_worker(tab, gate):
    tab.goto(f"{gate.url}calculators/{CALCULATOR}/?{query(EXAMPLES[CALCULATOR])}")
    tab.wait("form[data-state=done]")
    assert len(calculator_workers(tab.page)) == 1
    tab.click('nav a[href$="annex-1/"]')
    tab.page.wait_for_url("**/annex-1/")
    tab.page.wait_for_function("!document.querySelector('form[data-calculator]')")
    for _ in range(100):
        if not calculator_workers(tab.page):
            break
        tab.page.wait_for_timeout(100)
    assert calculator_workers(tab.page) == []


# In Chromium's shared tab: ten reloads of a calculator, each after its snapshot is restored or kept.
@pytest.mark.parametrize("engine_name", ["chromium"])
def test_ten_reloads_do_not_grow_memory_without_bound(engine, tab, gate):
    url = f"{gate.url}calculators/{CALCULATOR}/?{query(EXAMPLES[CALCULATOR])}"
    sizes = []
    for _ in range(10):
        tab.goto(url)
        tab.wait("form[data-state=done]")
        tab.wait_until("window.__handbookTimings.snapshot || window.__handbookSnapshotSaved")
        sizes.append(tree_rss(engine.pid()))
    assert len(calculator_workers(tab.page)) == 1
    assert sizes[-1] - sizes[2] < 7 * RUNTIME_BYTES, [size >> 20 for size in sizes]
