"""Shared fixtures: a freshly built site, a local server for it, a real Chromium, and a walk over every page type."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.static_server import serve_folder
from tests.helpers import PROJECT, free_port, playwright_driver, refusing_proxy, watch_same_origin
from tests.quality.helpers import (CALCULATORS, CONTENT, ROOTS, example_url, observations, show_an_error, static_pages,
                                   violations, visit, watched_tab)

CHROMIUM = Path("/usr/bin/chromium")
RUNTIME_WARMING = pytest.StashKey()
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


# In the controller of a run with workers (scripts/test): compress the runtime into the build cache in the background
# while the first tests run on a site built without compression; the builds that compress then find it there.
def pytest_configure(config):
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        config.stash[RUNTIME_WARMING] = subprocess.Popen(
            [sys.executable, "-c", "from handbook.site.compress import warm_runtime; warm_runtime()"],
            cwd=PROJECT, stdout=subprocess.DEVNULL)


# Let the background compression finish before the run ends.
def pytest_unconfigure(config):
    warming = config.stash.get(RUNTIME_WARMING, None)
    if warming:
        warming.wait()


# The port the session's site is served on; the site is built for that address, as deployed.
@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


# Build the site once per test session from the real data, without the .gz and .br copies: the tests' server sends
# files as they are, and Brotli's highest quality takes half a minute on the runtime (published_site has them).
@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    from handbook.build import build_site
    out = tmp_path_factory.mktemp("built") / "site"
    return build_site(str(PROJECT / "policy_data"), str(out), str(PROJECT / "mkdocs.yml"), compress=False,
                      site_url=f"http://127.0.0.1:{site_port}/")


# The built site as it is published: a copy with the precompressed forms beside its files, as `handbook build` writes.
@pytest.fixture(scope="session")
def published_site(built_site, tmp_path_factory) -> Path:
    from handbook.site.compress import precompress
    copy = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(built_site, copy)
    precompress(copy)
    return copy


# The built site served locally, at the address it was built for.
@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    server, url = serve_folder(built_site, site_port)
    yield url
    server.shutdown()


# The proxy the tests' Chromium sends other origins to, which refuses them: Playwright's options for it.
@pytest.fixture(scope="session")
def proxy():
    server, options = refusing_proxy()
    yield options
    server.shutdown()


# A real headless Chromium; fail (never skip) with the reason if it is missing.
@pytest.fixture(scope="session")
def browser(proxy):
    require_chromium()
    chromium = playwright_driver().chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, proxy=proxy)
    yield chromium
    chromium.close()


# Fail (never skip) naming Chromium when it is missing.
def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing at /usr/bin/chromium: run scripts/setup as root (apt-get install chromium)")


# A Chromium with a profile on disk, as a reader's browser keeps one: besides the HTTP cache it keeps the compiled
# code of scripts and WebAssembly, which a private context (browser.new_context) drops; other origins go to the
# refusing proxy; extra keyword arguments are Playwright's context options.
def profile_context(folder: Path, proxy: dict, **options):
    require_chromium()
    return playwright_driver().chromium.launch_persistent_context(
        str(folder), executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, proxy=proxy, **options)


# Stop the shared Playwright driver after the session's fixtures are torn down, if a test started it.
def pytest_sessionfinish(session):
    if playwright_driver.cache_info().currsize:
        playwright_driver().stop()


# Under pytest-xdist (scripts/test runs a worker per core) keep the tests that share an expensive fixture on one
# worker: the walk through every page type, the published site, the sites built from hostile and from other data,
# and each engine's browser and shared tab.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        group = shared_fixture_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


# The name of the expensive session fixture an item shares with others, or None.
def shared_fixture_group(item) -> str | None:
    if "walk" in item.fixturenames:
        return "walk"
    if "published_site" in item.fixturenames:
        return "published"
    for site in ("hostile_site", "other_site"):
        if site in item.fixturenames:
            return site
    engine_name = getattr(item, "callspec", None) and item.callspec.params.get("engine_name")
    return f"engine-{engine_name}" if engine_name else None


# One profile for the session's readers: its caches and the calculators' saved snapshot are shared, so only the
# first calculator page a worker opens starts Pyodide cold (tests of the cold start use their own).
@pytest.fixture(scope="session")
def reader_context(tmp_path_factory, proxy):
    context = profile_context(tmp_path_factory.mktemp("reader-profile"), proxy)
    yield context
    context.close()


# A fresh tab of the readers' context that records every request made to another origin (the proxy refuses them).
@pytest.fixture
def page(reader_context, site_url):
    tab = reader_context.new_page()
    tab.foreign_requests = []
    watch_same_origin(tab, site_url, tab.foreign_requests)
    yield tab
    tab.close()


# Every page type of both languages in one watched tab of the readers' profile, then each calculator run from its URL
# in each language (the profile's warm start shared), half of them (the languages taking turns) then shown an error by
# their form, then an instant navigation per language: what each step saw, by step, with axe's violations on each page
# type and on those calculators' part of their page, and each result's text as shown.
@pytest.fixture(scope="session")
def walk(reader_context, site_url) -> dict:
    report = {}
    tab = watched_tab(reader_context, site_url)
    for turn, (language, root) in enumerate(ROOTS.items()):
        for kind, path in static_pages(language).items():
            visit(tab, site_url, root + path)
            step = f"{language} {kind}"
            report[step] = {**observations(tab), "axe": violations(tab, step)}
        for calculator in CALCULATORS:
            tab.goto(site_url + root + example_url(calculator))
            tab.wait_for_selector("form[data-state=done]", timeout=60_000)
            step = f"{language} {calculator} result"
            report[step] = {**observations(tab), "text": tab.inner_text("article"),
                            "results_shown": tab.locator(".hb-result[data-state=shown]").count()}
            if calculator in CALCULATORS[turn::len(ROOTS)]:
                report[step]["axe"] = violations(tab, step, CONTENT)
                show_an_error(tab, calculator)
                step = f"{language} {calculator} error"
                report[step] = {**observations(tab), "axe": violations(tab, step, CONTENT)}
        visit(tab, site_url, root + "measures/05/")
        tab.click('nav a[href$="annex-1/"]')
        tab.wait_for_url("**/annex-1/")
        report[f"{language} instant navigation"] = observations(tab)
    tab.close()
    return report


# Each engine's browser, started on first use and kept for the session, behind a gate of its own serving the built
# site (the library's tests add theirs to it); a missing browser fails naming it.
@pytest.fixture(scope="session")
def engines(built_site):
    from tests.engines.drivers import engines_serving  # it reads this module's Chromium settings
    yield from engines_serving(built_site)


# Copy the real data into a temporary folder a test may change.
@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "policy_data"
    shutil.copytree(PROJECT / "policy_data", target)
    return target
