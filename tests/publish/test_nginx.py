"""The built site behind the real nginx: types, caching, security headers, precompressed bodies, 404s,
and a calculator that runs in Chromium under the server's Content-Security-Policy."""
import gzip
import json
import http.client
from urllib.parse import urlsplit

import brotli
import pytest

from handbook.site.wheel import pyodide_version
from tests.helpers import expected_header_policy

from .helpers import policy_violations, recording_tab

CALCULATOR = ("/calculators/job-retention-refund/?ui_insured=true&insured_employees_base=200&layoffs=11"
              "&last_year_ui_contributions_paid=80000.00&as_of=2020-06-30")
PYODIDE = f"/assets/calculators/pyodide/{pyodide_version()}/"
LONG_CACHE = "public, max-age=31536000, immutable"
DECODERS = {"gzip": gzip.decompress, "br": brotli.decompress}


# GET a path from nginx with the given request headers; return (status, headers, raw body).
def fetch(nginx_url, path, **headers):
    address = urlsplit(nginx_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path, headers={name.replace("_", "-"): value for name, value in headers.items()})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


# The media type of a response, without its parameters.
def media_type(headers) -> str:
    return headers["Content-Type"].split(";")[0].strip()


# A fingerprinted asset of Material's, as a site path, e.g. /assets/javascripts/bundle.1a2b3c4d.min.js.
def fingerprinted(published_site, pattern) -> str:
    return "/" + next(published_site.glob(pattern)).relative_to(published_site).as_posix()


@pytest.mark.parametrize("path,expected", [(PYODIDE + "pyodide.asm.wasm", "application/wasm"),
                                           (PYODIDE + "pyodide.mjs", "text/javascript"),
                                           (PYODIDE + "pyodide.asm.mjs", "text/javascript"),
                                           ("/assets/javascripts/calculator.js", "text/javascript"),
                                           ("/search-index.json", "application/json"),
                                           ("/en/measures/05/", "text/html"),
                                           ("/calendar/05.ics", "text/calendar"),
                                           ("/en/calendar/all.ics", "text/calendar")])
def test_types(nginx_url, path, expected):
    status, headers, _ = fetch(nginx_url, path)
    assert status == 200
    assert media_type(headers) == expected


@pytest.mark.parametrize("path", ["/", "/en/measures/05/", "/measures/05/", "/search-index.json",
                                  "/en/search-index.json", "/assets/calculators/manifest.json"])
def test_pages_and_json_are_revalidated(nginx_url, path):
    status, headers, _ = fetch(nginx_url, path)
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"
    assert headers["ETag"] and headers["Last-Modified"]


@pytest.mark.parametrize("pattern", ["assets/javascripts/bundle.*.min.js", "assets/stylesheets/main.*.min.css",
                                     "en/assets/stylesheets/palette.*.min.css"])
def test_fingerprinted_assets_are_cached_for_a_year(nginx_url, published_site, pattern):
    status, headers, _ = fetch(nginx_url, fingerprinted(published_site, pattern))
    assert status == 200
    assert headers["Cache-Control"] == LONG_CACHE
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", ["/assets/calculators/manifest.json", "/assets/javascripts/calculator.js",
                                  "/assets/stylesheets/handbook.css"])
def test_assets_without_a_fingerprint_are_revalidated(nginx_url, path):
    assert fetch(nginx_url, path)[1]["Cache-Control"] == "no-cache"


def test_versioned_runtime_wheel_parameters_and_stdlib_are_cached_for_a_year(nginx_url, published_site):
    manifest = json.loads((published_site / "assets/calculators/manifest.json").read_text(encoding="utf-8"))
    named = ["/assets/calculators/" + manifest[key] for key in ("wheel", "parameters", "stdlib")]
    for path in (PYODIDE + "pyodide.asm.wasm", *named):
        status, headers, _ = fetch(nginx_url, path)
        assert status == 200 and headers["Cache-Control"] == LONG_CACHE


@pytest.mark.parametrize("path", ["/en/measures/05/", "/", "/no-such-page/"])
def test_security_headers(nginx_url, published_site, path):
    _, headers, _ = fetch(nginx_url, path)
    assert headers["Content-Security-Policy"] == expected_header_policy(published_site)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]


@pytest.mark.parametrize("encoding", DECODERS)
@pytest.mark.parametrize("path,file", [("/en/measures/05/", "en/measures/05/index.html"),
                                       (PYODIDE + "pyodide.asm.wasm", PYODIDE.lstrip("/") + "pyodide.asm.wasm"),
                                       ("/search-index.json", "search-index.json")])
def test_precompressed_bodies_decode_to_the_file(nginx_url, published_site, encoding, path, file):
    status, headers, body = fetch(nginx_url, path, Accept_Encoding=encoding)
    original = (published_site / file).read_bytes()
    assert status == 200
    assert headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in headers["Vary"]
    assert len(body) < len(original)
    assert DECODERS[encoding](body) == original


def test_brotli_is_preferred_when_both_are_accepted(nginx_url):
    assert fetch(nginx_url, "/", Accept_Encoding="gzip, deflate, br")[1]["Content-Encoding"] == "br"


@pytest.mark.parametrize("path,file", [("/en/measures/05/", "en/measures/05/index.html"),
                                       (PYODIDE + "pyodide.asm.wasm", PYODIDE.lstrip("/") + "pyodide.asm.wasm")])
def test_plain_file_without_accept_encoding(nginx_url, published_site, path, file):
    status, headers, body = fetch(nginx_url, path)
    assert status == 200
    assert "Content-Encoding" not in headers
    assert body == (published_site / file).read_bytes()


def test_missing_directory_slash_redirects_relatively(nginx_url):
    status, headers, _ = fetch(nginx_url, "/en/measures/05")
    assert status == 301
    assert headers["Location"] == "/en/measures/05/"


@pytest.mark.parametrize("path,page", [("/no-such-page/", "404.html"), ("/measures/99/", "404.html"),
                                       ("/en/no-such-page/", "en/404.html")])
def test_missing_page_gets_the_404_page(nginx_url, published_site, path, page):
    status, headers, body = fetch(nginx_url, path)
    assert status == 404
    assert body == (published_site / page).read_bytes()
    assert headers["Cache-Control"] == "no-cache"


# A Chromium tab on nginx that records other-origin requests and policy violations.
@pytest.fixture
def nginx_page(browser, nginx_url):
    with recording_tab(browser, nginx_url) as tab:
        yield tab


def test_calculator_runs_through_nginx_under_its_policy(nginx_page, nginx_url):
    nginx_page.goto(nginx_url + CALCULATOR)
    nginx_page.wait_for_selector("form[data-state=done]", timeout=120_000)
    assert nginx_page.get_attribute("output[name=refund]", "data-value") == '"40000.00"'
    assert nginx_page.foreign_requests == []
    assert policy_violations(nginx_page) == []


@pytest.mark.parametrize("path", ["/", "/en/measures/05/", "/en/search/?q=retention", "/annex-2/"])
def test_pages_run_their_scripts_under_the_policy(nginx_page, nginx_url, path):
    nginx_page.goto(nginx_url + path)
    nginx_page.wait_for_load_state("networkidle")
    assert policy_violations(nginx_page) == []
    assert nginx_page.foreign_requests == []
