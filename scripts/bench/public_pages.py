"""Benchmark: what a person on a phone meets. Prints the layout-shift total of a calculator page and of the
policy finder opened from a shared link (until the result is shown), and, when npm `lighthouse` is installed
(scripts/setup), the Lighthouse mobile scores of a measure page, a calculator page and the finder, served by
nginx with the project's own configuration (Brotli, cache headers). Targets: layout shift < 0.01; performance >= 95;
accessibility, best practices and SEO 100."""
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
LIGHTHOUSE_PAGES = {"measure page": "measures/05/", "calculator page": SHARED_LINKS["calculator (job-retention refund)"],
                    "policy finder": "calculators/policy-finder/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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


# Lighthouse's mobile scores (0-100) of one page, or None where Lighthouse is not installed.
def lighthouse(url: str) -> dict | None:
    if not LIGHTHOUSE.exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=" + " ".join(FLAGS)],
                       check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


# Build, serve, measure, print.
def main() -> None:
    site = build_site(str(PROJECT / "policy_data"), str(Path(tempfile.mkdtemp()) / "site"), str(PROJECT / "mkdocs.yml"))
    server = Nginx(site)
    root = server.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, link in SHARED_LINKS.items():
            print(f"layout shift, {name}, opened from a shared link at 390 px: {layout_shift(browser, root + link):.4f} "
                  "(target < 0.01)")
        browser.close()
    for name, link in LIGHTHOUSE_PAGES.items():
        scores = lighthouse(root + link)
        if scores is None:
            print("Lighthouse: not installed (npm lighthouse in node_modules; run scripts/setup)")
            break
        print(f"Lighthouse mobile, {name}: " + ", ".join(f"{key} {value}" for key, value in scores.items())
              + " (targets: performance >= 95, the others 100)")
    server.stop()


if __name__ == "__main__":
    sys.exit(main())
