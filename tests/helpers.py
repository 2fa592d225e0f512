"""Helpers shared by the test folders: paths, the `handbook` command, a same-origin watch and a refusing proxy for
browser tabs, calculator pages driven from their URL, and the Content Security Policy written out independently of
the product."""
import base64
import functools
import hashlib
import http.server
import json
import socket
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from calculators import catalog
from tests.calculators.casefiles import load_parameters

PROJECT = Path(__file__).resolve().parents[1]
# The real console script of the virtual environment running the tests (there is no __main__).
HANDBOOK = Path(sys.executable).parent / "handbook"
ENTRIES = {entry["id"]: entry for entry in catalog()}
NGINX = Path("/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
# What Debian's /etc/nginx/nginx.conf provides around a site, with every path in one folder; the access log
# holds the bytes sent per request (the benchmarks count them).
NGINX_MAIN_CONFIG = """\
user {user};
load_module {module};
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    log_format bytes '$bytes_sent $uri';
    access_log {work}/access.log bytes;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    sendfile on;
    include {work}/handbook.conf;
}}
"""

# The exported parameters of policy_data/, loaded once.
@functools.cache
def parameters() -> dict:
    return load_parameters()


# Run the real `handbook` command; return the completed process with text output.
def run_handbook(*args, cwd=PROJECT, timeout=120):
    return subprocess.run([str(HANDBOOK), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


# A free TCP port on 127.0.0.1.
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Record in foreign every request a Playwright page or context makes outside site_url (data: and blob: aside). It
# only listens, so the browser keeps its HTTP and compiled-code caches (a route would turn them off); the tests'
# Chromium sends other origins to a RefusingProxy.
def watch_same_origin(target, site_url: str, foreign: list) -> None:
    target.on("request", lambda request: None if request.url.startswith((site_url, "data:", "blob:"))
              else foreign.append(request.url))


class RefusingProxy(http.server.BaseHTTPRequestHandler):
    """The proxy of the tests' Chromium: only requests for other origins reach it (127.0.0.1 is reached directly),
    and each is refused."""

    # Refuse a proxied request.
    def do_GET(self):
        self.send_error(403, "other origin")

    do_HEAD = do_POST = do_CONNECT = do_GET

    # No line per refusal: the tests record and report them.
    def log_message(self, *args):
        pass


# Start a refusing proxy on 127.0.0.1 in a background thread; return the server and Playwright's proxy option for it
# (Playwright sends loopback addresses to a proxy too, unless they are bypassed).
def refusing_proxy():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RefusingProxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, {"server": f"http://127.0.0.1:{server.server_address[1]}", "bypass": "127.0.0.1,localhost"}


# Flatten inputs into the query string the form uses (list items as name[i].field).
def query(inputs: dict) -> str:
    flat = []
    for key, value in inputs.items():
        if isinstance(value, list):
            flat += [(f"{key}[{index}].{field}", _text(item)) for index, row in enumerate(value)
                     for field, item in row.items()]
        else:
            flat.append((key, _text(value)))
    return urlencode(flat)


# A value as a form control holds it.
def _text(value) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


# Open a calculator page with inputs in the URL and wait for the computed result.
def open_with(page, site_url, calculator, inputs, root=""):
    page.goto(f"{site_url}{root}calculators/{calculator}/?{query(inputs)}")
    page.wait_for_selector("form[data-state=done]", timeout=120_000)


# The raw values of every <output> on the page.
def outputs(page) -> dict:
    return {name: json.loads(value) for name, value in page.eval_on_selector_all(
        "output[name]", "os => os.map(o => [o.getAttribute('name'), o.getAttribute('data-value')])")}


# The policy the site must carry, written out here rather than taken from the product: scripts from the site
# and by hash only (plus WebAssembly compilation for Pyodide), nothing inline otherwise, no plugins, no <base>.
POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; worker-src 'self'; style-src 'self'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")


# The <meta> policy expected for a page whose inline scripts have these hashes.
def expected_policy(hashes) -> str:
    return POLICY.format(hashes="".join(f" {digest}" for digest in hashes))


# The response-header policy expected for a site: every inline script of the site, and no framing.
def expected_header_policy(site_dir: Path) -> str:
    return expected_policy(site_script_hashes(site_dir)) + "; frame-ancestors 'none'"


class _InlineScripts(HTMLParser):
    """Collect the text of every <script> the browser runs as inline JavaScript (no src, a JavaScript type)."""

    RUNNABLE = ("", "text/javascript", "application/javascript", "module")

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and (attributes.get("type") or "").lower() in self.RUNNABLE:
            self._current = []

    def handle_data(self, data):
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


# The 'sha256-…' source of every inline script of a page, in page order, without repeats (parsed with html.parser).
def inline_script_hashes(html: str) -> list:
    parser = _InlineScripts()
    parser.feed(html)
    digests = ["'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
               for text in parser.scripts]
    return list(dict.fromkeys(digests))


# Every inline-script hash of every page of a built site, sorted.
def site_script_hashes(site_dir: Path) -> list:
    return sorted({digest for page in Path(site_dir).rglob("*.html")
                   for digest in inline_script_hashes(page.read_text(encoding="utf-8"))})


# The test process's one Playwright driver, started on first use: Playwright's sync API allows one per thread,
# so the Chromium of the cross-engine suite and the `browser` fixture share it (conftest stops it at the end).
@functools.lru_cache(maxsize=1)
def playwright_driver():
    from playwright.sync_api import sync_playwright
    return sync_playwright().start()
