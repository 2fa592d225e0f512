"""The two-document library and its site, built once per test process (a package scope would rebuild it each time
a worker comes back to the package between other tests)."""
from pathlib import Path

import pytest

from handbook.library import build_library
from handbook.static_server import serve_folder
from tests.helpers import PROJECT, free_port

from .helpers import make_library

BUILT_ON = "1546300800"  # 2019-01-01, before either document's period: the reader's day must redo the status


# The two-document library, in a temporary folder.
@pytest.fixture(scope="session")
def library(tmp_path_factory) -> Path:
    return make_library(tmp_path_factory.mktemp("library"))


# The library built once, on a fixed build day, for the address it is served at.
@pytest.fixture(scope="session")
def library_site(library, tmp_path_factory):
    port = free_port()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILT_ON)
        site = build_library(str(library), str(tmp_path_factory.mktemp("built") / "site"), str(PROJECT / "mkdocs.yml"),
                             compress=False, site_url=f"http://127.0.0.1:{port}/")
    server, url = serve_folder(site, port)
    yield site, url
    server.shutdown()


# A phone-width context for the library's readers in Chromium, kept for the session so that the finder's worker starts
# from its saved snapshot after the first run.
@pytest.fixture(scope="session")
def library_reader(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()
