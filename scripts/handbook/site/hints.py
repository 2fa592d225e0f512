"""Preload hints: on calculator pages the browser starts fetching the Pyodide runtime and the trimmed
standard library while the page is parsed, before the worker asks for them; the worker's own requests
are then answered from the HTTP cache (the runtime's URLs are versioned and cached for a year).
The search page starts fetching the search index the same way, before its module scripts ask for it.
Other pages get none."""
import hashlib
import re
from functools import lru_cache

from .outputs import SEARCH_INDEX
from .stdlib import recorded_members, trimmed_stdlib
from .wheel import pyodide_runtime, pyodide_version

WORKER = re.compile(r'data-worker="([^"]*)assets/javascripts/calculator-worker\.js"')
SEARCH_SCRIPT = re.compile(r'<script src="([^"]*)assets/javascripts/search\.js"')
SEARCH_RESULTS = 'id="hb-search-results"'


# The site path of the trimmed standard library, as the build names it (by content hash).
@lru_cache(maxsize=1)
def stdlib_path() -> str:
    content = trimmed_stdlib(pyodide_runtime() / "python_stdlib.zip", recorded_members())
    return f"assets/calculators/stdlib/{hashlib.sha256(content).hexdigest()[:16]}/python_stdlib.zip"


# The site paths the worker fetches first, the largest first. The runtime's scripts are not hinted:
# a hint makes a page use them, and they name files (source maps, the full runtime's) the site leaves out.
def runtime_paths() -> list:
    return [f"assets/calculators/pyodide/{pyodide_version()}/pyodide.asm.wasm", stdlib_path(),
            "assets/calculators/manifest.json"]


# The page with preload links at the end of <head> if it has a calculator form; otherwise unchanged.
def add_runtime_hints(html: str) -> str:
    worker = WORKER.search(html)
    if not worker:
        return html
    return _preload(html, [worker.group(1) + path for path in runtime_paths()])


# The search page with a preload link for the search index at the end of <head> (the index search.js
# fetches: the site root its own address names); other pages unchanged.
def add_search_hint(html: str) -> str:
    script = SEARCH_SCRIPT.search(html)
    if SEARCH_RESULTS not in html or not script:
        return html
    return _preload(html, [script.group(1) + SEARCH_INDEX])


# The page with a preload link (fetched as fetch() asks: CORS mode, same-origin credentials) for each href
# at the end of <head>; a page without </head> unchanged.
def _preload(html: str, hrefs: list) -> str:
    links = "".join(f'<link rel="preload" href="{href}" as="fetch" crossorigin>' for href in hrefs)
    return html.replace("</head>", links + "</head>", 1)
