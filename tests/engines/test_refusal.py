"""Graceful refusal: where the calculator cannot run (no Worker, no WebAssembly, a page opened from
file://, where browsers may run no module script) the page says so once in its language, links to what the page
offers without it (a calculator's rules and worked example, the finder's guide and list of measures), and nothing
spins."""
import pytest

from tests.engines.drivers import ENGINES

REMOVE = {"no Worker": "delete window.Worker;", "no WebAssembly": "delete window.WebAssembly;"}
WORDS = {"": "计算器无法在此运行", "en/": "The calculator cannot run here"}
PAGE = "calculators/job-retention-refund/"
FINDER = "calculators/policy-finder/"
# WebKitWebDriver runs no script before a page's own, so it meets the refusal through file:// only.
REMOVALS = [(engine, removed) for engine in ENGINES if engine != "webkit" for removed in REMOVE]


# The refusal notes the page shows (every calculator page carries a file page's own, shown only there).
SHOWN = "[...document.querySelectorAll('.hb-refusal')].filter((note) => note.getClientRects().length > 0)"


# The shown refusal note's text and links, once the page shows one (the script's, or a file page's own).
def refusal(tab) -> dict:
    tab.wait_until(f"{SHOWN}.length > 0", timeout_s=30)
    return tab.evaluate(f"""(() => {{
      const shown = {SHOWN}, note = shown[0];
      return {{ text: note.innerText, links: [...note.querySelectorAll('a')].map(a => a.getAttribute('href')),
               notes: shown.length, formHidden: document.querySelector('form[data-calculator]').getClientRects().length === 0,
               progressShown: [...document.querySelectorAll('.hb-progress')].some(p => p.getClientRects().length > 0),
               targets: [...note.querySelectorAll('a')].every(a => !!document.getElementById(a.hash.slice(1))) }};
    }})()""")


# The refusal says why in the page's language and leads to the sections readable without it, which exist.
def assert_refused(seen: dict, root: str, links: tuple = ("#rules", "#example")) -> None:
    assert seen["text"].startswith(WORDS[root]), seen["text"]
    assert seen["links"] == list(links) and seen["targets"], seen
    assert seen["notes"] == 1 and seen["formHidden"] and not seen["progressShown"], seen


@pytest.mark.parametrize("engine_name,removed", REMOVALS)
@pytest.mark.parametrize("root", WORDS)
def test_a_browser_without_worker_or_webassembly_is_told_and_shown_the_rules(engine, gate, removed, root):
    tab = engine.session(init_script=REMOVE[removed])
    try:
        tab.goto(f"{gate.url}{root}{PAGE}?layoffs=3")
        assert_refused(refusal(tab), root)
        assert tab.take_foreign() == []
    finally:
        tab.close()


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("root", WORDS)
def test_a_page_opened_from_a_file_is_told_and_shown_the_rules(tab, built_site, root):
    tab.goto((built_site / f"{root}{PAGE}index.html").as_uri())
    seen = refusal(tab)
    assert_refused(seen, root)
    assert ("file" in seen["text"]) == (root == "en/")


@pytest.mark.parametrize("engine_name", ENGINES)
def test_the_finder_opened_from_a_file_leads_to_its_guide_and_measures(tab, built_site):
    tab.goto((built_site / f"{FINDER}index.html").as_uri())
    assert_refused(refusal(tab), "", ("#how", "#measures"))
