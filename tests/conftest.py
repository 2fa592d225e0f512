"""Shared fixtures: a freshly built site, a local server for it, and a real Chromium."""
import functools
import http.server
import shutil
import socket
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler with the types a browser needs for modules and WebAssembly."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm",
                      ".json": "application/json", ".whl": "application/zip"}

    # Keep test output quiet.
    def log_message(self, *args):
        pass


# A free TCP port on 127.0.0.1.
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The port the session's site is served on; the site is built for that address, as deployed.
@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


# Build the site once per test session from the real data.
@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    from handbook.build import build_site
    out = tmp_path_factory.mktemp("built") / "site"
    return build_site(str(PROJECT / "policy_data"), str(out), str(PROJECT / "mkdocs.yml"),
                      site_url=f"http://127.0.0.1:{site_port}/")


# Serve a folder on 127.0.0.1 (on a free port unless one is given); return the server and its base URL.
def serve_folder(folder: Path, port: int = 0):
    handler = functools.partial(SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# The built site served locally, at the address it was built for.
@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    server, url = serve_folder(built_site, site_port)
    yield url
    server.shutdown()


# A real headless Chromium; fail (never skip) with the reason if it is missing.
@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: run scripts/setup as root (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# A fresh page that records every request made to another origin.
@pytest.fixture
def page(browser, site_url):
    context = browser.new_context()
    foreign = []
    context.route("**/*", lambda route: _route(route, site_url, foreign))
    tab = context.new_page()
    tab.foreign_requests = foreign
    yield tab
    context.close()


# Let same-origin requests through; record and block any other.
def _route(route, site_url, foreign):
    url = route.request.url
    if url.startswith(site_url) or url.startswith("data:") or url.startswith("blob:"):
        route.continue_()
    else:
        foreign.append(url)
        route.abort()


# Copy the real data into a temporary folder a test may change.
@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "policy_data"
    shutil.copytree(PROJECT / "policy_data", target)
    return target
