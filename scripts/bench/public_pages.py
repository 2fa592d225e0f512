"""Benchmark: what a person on a phone meets. Prints the layout-shift total of a calculator page and of the
policy finder opened from a shared link (until the result is shown), and, when npm `lighthouse` is installed
(scripts/setup), the Lighthouse mobile scores of every page type in both languages (home, a section, a measure,
Annex 1, Annex 2, the glossary, the search page, the finder, a calculator opened from a shared link), median of
--runs, with the metrics behind the performance score, served by nginx with the project's own configuration
(Brotli, cache headers). Targets: layout shift < 0.01; performance >= 95; accessibility, best practices and SEO 100.

    .venv/bin/python scripts/bench/public_pages.py [--runs 3] [--only measure calculator ...]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.build import build_site

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nginx_server import Nginx  # noqa: E402  (a script folder, not a package)

PROJECT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SHARED_LINKS = {
    "calculator (job-retention refund)": "calculators/job-retention-refund/?ui_insured=true&insured_employees_base=200"
                                         "&layoffs=11&last_year_ui_contributions_paid=80000.00&as_of=2020-06-30",
    "policy finder (enterprise)": "calculators/policy-finder/?profile_type=enterprise&ui_insured=true"
                                  "&insured_employees_base=200&layoffs_last_year=11&last_year_ui_contributions_paid=80000.00"
                                  "&as_of=2020-06-30",
}
LIGHTHOUSE_PAGES = {"home": "", "section": "sections/02/", "measure": "measures/05/", "annex-1": "annex-1/",
                    "annex-2": "annex-2/", "glossary": "glossary/", "search": "search/?q=%E7%A8%B3%E5%B2%97",
                    "finder": "calculators/policy-finder/", "calculator": SHARED_LINKS["calculator (job-retention refund)"]}
LANGUAGES = {"zh": "", "en": "en/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
           "speed-index": "SI", "cumulative-layout-shift": "CLS"}
LAYOUT_SHIFT = """window.__layoutShift = 0;
new PerformanceObserver(list => { for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__layoutShift += entry.value; } } })
  .observe({ type: "layout-shift", buffered: true });"""


# The layout-shift total of a page opened from a link at phone size, until its result is shown.
def layout_shift(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(url)
    page.wait_for_selector("form[data-state=done]", timeout=300_000)
    page.wait_for_timeout(500)
    total = page.evaluate("window.__layoutShift")
    context.close()
    return total


# Lighthouse's mobile report of one page: {category: score 0-100, "metrics": {short name: display value},
# "lcp": the largest contentful paint's element}, or None where Lighthouse is not installed.
def lighthouse(url: str) -> dict | None:
    if not LIGHTHOUSE.exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=" + " ".join(FLAGS)],
                       check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
        result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["metrics"] = {short: result["audits"][name].get("displayValue", "") for name, short in METRICS.items()}
    element = result["audits"].get("largest-contentful-paint-element", {}).get("details", {}).get("items", [{}])
    scores["lcp"] = _lcp_selector(element)
    return scores


# The selector of the LCP element in Lighthouse's audit details (its shape differs between versions).
def _lcp_selector(items: list) -> str:
    for item in items:
        for row in item.get("items", [item]):
            node = row.get("node", {})
            if node.get("selector"):
                return node["selector"]
    return "?"


# The median report of several runs (the run whose performance score is the median).
def median_report(url: str, runs: int) -> dict | None:
    reports = [lighthouse(url) for _ in range(runs)]
    if reports[0] is None:
        return None
    reports.sort(key=lambda report: report["performance"])
    median = dict(reports[len(reports) // 2])
    median["runs"] = [report["performance"] for report in reports]
    return median


# Build, serve, measure, print.
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page, the median printed (default 3)")
    parser.add_argument("--only", nargs="+", choices=sorted(LIGHTHOUSE_PAGES), help="these page types only")
    parser.add_argument("--no-layout-shift", action="store_true", help="skip the layout-shift rows")
    options = parser.parse_args()
    site = build_site(str(PROJECT / "policy_data"), str(Path(tempfile.mkdtemp()) / "site"), str(PROJECT / "mkdocs.yml"))
    server = Nginx(site)
    root = server.url
    if not options.no_layout_shift:
        print_layout_shifts(root)
    for kind in options.only or LIGHTHOUSE_PAGES:
        for language, prefix in LANGUAGES.items():
            report = median_report(root + prefix + LIGHTHOUSE_PAGES[kind], options.runs)
            if report is None:
                print("Lighthouse: not installed (npm lighthouse in node_modules; run scripts/setup)")
                server.stop()
                return
            metrics = ", ".join(f"{name} {value}" for name, value in report["metrics"].items())
            print(f"Lighthouse mobile, {kind} ({language}): performance {report['performance']} (runs {report['runs']}; "
                  f"target >= 95), accessibility {report['accessibility']}, best practices {report['best-practices']}, "
                  f"SEO {report['seo']} (targets 100); {metrics}; LCP element {report['lcp']}", flush=True)
    server.stop()


# The layout shift of each shared link at phone size.
def print_layout_shifts(root: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, link in SHARED_LINKS.items():
            print(f"layout shift, {name}, opened from a shared link at 390 px: {layout_shift(browser, root + link):.4f} "
                  "(target < 0.01)")
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
