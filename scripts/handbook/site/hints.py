"""Preload hints: the search page starts fetching the search index while it is parsed, before its module scripts
ask for it. Calculator pages get none: a preload of the Pyodide runtime is received on the page's main thread
(Lighthouse mobile, the job-retention calculator from a shared link: 420 ms of blocking time with the hints,
150-200 ms without), while the worker fetches and compiles the runtime itself, off that thread."""
import re

from .outputs import SEARCH_INDEX

SEARCH_SCRIPT = re.compile(r'<script src="([^"]*)assets/javascripts/search\.js"')
SEARCH_RESULTS = 'id="hb-search-results"'


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
