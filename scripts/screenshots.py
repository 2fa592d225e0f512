"""Take the README's screenshots (home and a measure page, in Chinese and English) from a fresh build, and the
library home's at a phone's width from a fresh build of the tests' two-document library."""
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from handbook.build import build_site

PROJECT = Path(__file__).resolve().parents[1]
SHOTS = {"home-zh.png": "", "home-en.png": "en/", "measure-05-zh.png": "measures/05/",
         "measure-05-en.png": "en/measures/05/"}
LIBRARY_SHOTS = {"library-home-zh.png": "", "library-home-en.png": "en/"}
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
        library_shots(browser)
        browser.close()
    server.shutdown()


# Build the tests' two-document library, serve it, and save a full-page phone-width screenshot of its home.
def library_shots(browser) -> None:
    from handbook.library import build_library
    from tests.conftest import serve_folder
    from tests.library.helpers import make_library
    work = Path(tempfile.mkdtemp())
    (work / "library").mkdir()
    site = build_library(str(make_library(work / "library")), str(work / "site"), str(PROJECT / "mkdocs.yml"))
    server, url = serve_folder(site)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for name, path in LIBRARY_SHOTS.items():
        page.goto(url + path)
        page.screenshot(path=str(OUT / name), full_page=True)
        print(f"wrote {OUT / name}")
    server.shutdown()


if __name__ == "__main__":
    main()
