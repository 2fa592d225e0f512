"""Shared by the quality tests: the page types of the site, a watched Chromium tab, axe-core, and the Nu Html Checker."""
import json
import subprocess
from urllib.parse import quote

from calculators import catalog
from tests.helpers import PROJECT, query, watch_same_origin

ROOTS = {"zh": "", "en": "en/"}
SEARCHES = {"zh": "稳岗返还", "en": "retention"}
CALCULATORS = [entry["id"] for entry in catalog()]
EXAMPLES = {entry["id"]: entry["example"] for entry in catalog()}
NUMBER_TYPES = ("int", "money", "percent")
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# Run axe on a part of the page once every finite animation has finished (half-faded elements have no fixed contrast).
RUN_AXE = """async (scope) => {
    const finite = document.getAnimations().filter((a) => a.effect.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => null)));
    return axe.run(document.querySelector(scope), {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
}"""
CONTENT = ".md-content"  # what differs between calculators; whole calculator pages are among the page types
TRANSITION_MS = 200  # Material's buttons change colour over 125 ms; axe reads the colour at rest, with the pointer on it
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


# Every page type except the calculators, as paths under a language root.
def static_pages(language: str) -> dict:
    return {"home": "", "section": "sections/02/", "measure": "measures/05/", "annex-1": "annex-1/",
            "annex-2": "annex-2/", "units": "units/", "unit": "units/hrss/", "key-figures": "key-figures/",
            "translation": "translation/", "original": "original/", "revisions": "revisions/", "guide": "guide/",
            "calculators": "calculators/", "search": f"search/?q={quote(SEARCHES[language])}",
            "finder": "calculators/policy-finder/", "calculator": "calculators/job-retention-refund/"}


# A calculator page whose URL computes the catalog's example.
def example_url(calculator: str) -> str:
    return f"calculators/{calculator}/?{query(EXAMPLES[calculator])}"


# An input that makes a calculator's inputs invalid: a number field set to -3, else a required field emptied.
def invalid_input(calculator: str) -> tuple:
    entry = next(entry for entry in catalog() if entry["id"] == calculator)
    numbers = [field["name"] for field in entry["inputs"] if field["type"] in NUMBER_TYPES]
    required = [field["name"] for field in entry["inputs"] if field.get("required") and field["type"] != "list"]
    return (numbers[0], "-3") if numbers else (required[0], "")


# Wait until a page's scripts have done their first work: search results listed, calculator form shown.
def settle(tab, path: str) -> None:
    if "search/?q=" in path:
        tab.wait_for_selector("#hb-search-results[data-count]")
    elif "calculators/" in path and not path.endswith("calculators/"):
        tab.wait_for_selector("form[data-ready]")


# Open a path of the site in a tab and wait for it to settle.
def visit(tab, site_url: str, path: str) -> None:
    tab.goto(site_url + path)
    settle(tab, path)


# A new tab of context that records requests to other origins (which the proxy refuses), CSP violations, dialogs and
# script errors.
def watched_tab(context, site_url: str):
    tab = context.new_page()
    tab.add_init_script(CSP_WATCH)
    tab.foreign_requests, tab.console_csp, tab.dialogs, tab.errors = [], [], [], []
    watch_same_origin(tab, site_url, tab.foreign_requests)
    tab.on("console", lambda message: "Content Security Policy" in message.text and tab.console_csp.append(message.text))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    return tab


# Every CSP violation a watched tab saw on its current document, from events and from the console.
def csp_violations(tab) -> list:
    return tab.evaluate("window.__cspViolations || []") + tab.console_csp


# What a watched tab saw since the last look: CSP violations, requests to other origins, script errors.
def observations(tab) -> dict:
    seen = {"csp": csp_violations(tab), "foreign": list(tab.foreign_requests), "errors": list(tab.errors)}
    for kept in (tab.console_csp, tab.foreign_requests, tab.errors):
        kept.clear()
    return seen


# Check files with the Nu Html Checker in one JVM; return its messages.
def nu_messages(files) -> list:
    run = subprocess.run(["java", "-jar", str(VNU), "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    return json.loads(run.stderr)["messages"]


# Every axe violation in a part of the tab's current document (all of it by default), one line per element. axe is
# evaluated by the driver, which the page's Content-Security-Policy does not govern, so no tab needs it bypassed.
def violations(tab, where: str, scope: str = "html") -> list:
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.evaluate(AXE.read_text(encoding="utf-8"))
    found = tab.evaluate(RUN_AXE, scope)["violations"]
    return [f"{where}: {rule['id']} ({rule['help']}) at {node['target']}" for rule in found for node in rule["nodes"]]


# Put a calculator into its error state by the form itself: a bad value (or a required value removed), then submit;
# the pointer stays on the button, so its hovered colours are checked too.
def show_an_error(tab, calculator: str) -> None:
    name, value = invalid_input(calculator)
    tab.eval_on_selector(f'[name="{name}"]', "(control, value) => { control.value = value; }", value)
    tab.click("form[data-calculator] button[type=submit]")
    tab.wait_for_selector('[aria-invalid="true"]')
    tab.hover("form[data-calculator] button[type=submit]")
    tab.wait_for_timeout(TRANSITION_MS)
