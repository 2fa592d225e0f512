"""Preload hints: every page asks for all the modules its module scripts import, directly or not, at once, instead
of one level of imports after another (each level is a round trip: four levels under search.js); the search page
starts fetching the search index while it is parsed, before its module scripts ask for it. Calculator pages get no
hint of the Pyodide runtime: a preload is received on the page's main thread (Lighthouse mobile, the job-retention
calculator from a shared link: 420 ms of blocking time with the hints, 150-200 ms without), while the worker fetches
and compiles the runtime itself, off that thread."""
import re
from pathlib import Path

from .outputs import SEARCH_INDEX

SEARCH_SCRIPT = re.compile(r'<script src="([^"]*)assets/javascripts/search\.js"')
SEARCH_RESULTS = 'id="hb-search-results"'
MODULE_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/)([\w-]+\.js)" type="module">')
STATIC_IMPORT = re.compile(r'^import [^;]*?from "\./([\w-]+\.js)";', re.MULTILINE)


# The modules each page script of a folder (docs/assets/javascripts) imports by name: {name: [names]}.
def module_imports(folder: Path) -> dict:
    return {path.name: STATIC_IMPORT.findall(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.js"))}


# The page with a modulepreload link at the end of <head> for each module its module scripts import, directly or
# not, that is not itself one of its scripts (imports: module_imports); a page without module scripts unchanged.
def add_module_hints(html: str, imports: dict) -> str:
    scripts = MODULE_SCRIPT.findall(html)
    imported = set()
    waiting = list(scripts)
    while waiting:
        folder, name = waiting.pop()
        children = {(folder, child) for child in imports.get(name, [])} - imported - set(scripts)
        imported |= children
        waiting += children
    links = "".join(f'<link rel="modulepreload" href="{folder}{name}">' for folder, name in sorted(imported))
    return _end_of_head(html, links)


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
    return _end_of_head(html, "".join(f'<link rel="preload" href="{href}" as="fetch" crossorigin>' for href in hrefs))


# The page with links put at the end of its <head>; a page without </head>, or no links, unchanged.
def _end_of_head(html: str, links: str) -> str:
    return html.replace("</head>", links + "</head>", 1)
