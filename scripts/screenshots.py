"""Take the README's screenshots (home and a measure page, in Chinese and English) from a fresh build."""
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.build import build_site

PROJECT = Path(__file__).resolve().parents[1]
SHOTS = {"home-zh.png": "", "home-en.png": "en/", "measure-05-zh.png": "measures/05/",
         "measure-05-en.png": "en/measures/05/"}
OUT = PROJECT / "docs" / "screenshots"


# Build the site, serve it, and save one phone-width and one desktop screenshot per page.
def main() -> None:
    sys.path.insert(0, str(PROJECT))
    from tests.conftest import CHROMIUM_FLAGS, serve_folder
    site = build_site(str(PROJECT / "policy_data"), str(Path(tempfile.mkdtemp()) / "site"), str(PROJECT / "mkdocs.yml"))
    server, url = serve_folder(site)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in SHOTS.items():
            page.goto(url + path)
            page.screenshot(path=str(OUT / name))
            print(f"wrote {OUT / name}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
