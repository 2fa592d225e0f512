"""A library site: every document built by the per-document machinery under /<folder>/ (English under
/en/<folder>/), a home page listing them all, cross-references between them, one shared calculator runtime,
and the library-wide open data. The handbook plugin calls a Member while it builds one document of a library
and a Home while it builds the library's home; `handbook build --library` assembles the parts."""
import json
import multiprocessing
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue

from ..data.export import export_dataset, to_json
from ..data.languages import LANGUAGES, ROOT_LANGUAGE, language_folder
from ..data.library import Library, citations, document_period, export_library, library_schema
from .labels import label
from .library_finder import FINDER_SCRIPT, FINDER_URI, finder_markdown
from .outputs import SEARCH_INDEX
from .pages import FINDER, Context, measure_uri, page_url, search_page
from .render import block, esc, link, md_text, tag
from .search_shards import write_sharded_index

SHARED = ("pyodide", "stdlib", "wheel")  # calculator assets the documents share, each named by version or content hash
SHARED_FROM_MANIFEST = "../../../assets/calculators/"  # from /<folder>/assets/calculators/ to the library's
PRELOAD = re.compile(r'(<link rel="preload" href="[^"]*?)(assets/calculators/(?:pyodide|stdlib)/|search-index\.json")')
# The finder page's hint at the shared runtime, named from its first document's worker (/<folder>/assets/javascripts/).
DOCUMENT_RUNTIME = re.compile(r'(<link rel="preload" href="(?:\.\./)*)[^/"]+/(assets/calculators/(?:pyodide|stdlib)/)')
# A page's reference to the theme's and the site's assets (styles, scripts, images), the same in every build, so stored
# once per language at the library's root; each document keeps its calculator assets and the worker that reads them
# (with the module of its messages, which it imports from beside it).
OWN_ASSETS = ("assets/calculators/", "assets/javascripts/calculator-worker.js", "assets/javascripts/worker-protocol.js")
ASSET = re.compile(r'((?:href|src)="(?:\.\./)*)(assets/(?!calculators/|javascripts/calculator-worker\.js))')
TAG = re.compile(r"(<[^>]+>)")
ANCHOR_OPEN = re.compile(r"<a[\s>]", re.I)


@dataclass
class Member:
    """One document built as part of a library: its folder, the library's address, the other documents'
    numbers it links when a clause cites them, and the clauses of other documents that cite it."""

    folder: str
    address: str = None
    links: dict = field(default_factory=dict)     # {language: {escaped number: folder}}
    cited_by: list = field(default_factory=list)  # [{"folder", "measure", "clause", "text": {language: str}}]
    is_home = False

    # The document's address in a language: the library's, then en/ for English, then the folder.
    def site_url(self, language: str) -> str:
        return self.address and f"{self.address.rstrip('/')}/{language_folder(language)}{self.folder}/"

    # The relative path from this document's pages in one language to the same pages in another.
    def prefix(self, current: str, target: str) -> str:
        if current == target:
            return ""
        return "../" * (1 + (current != ROOT_LANGUAGE)) + language_folder(target) + f"{self.folder}/"

    # The relative path from this document's English root to its Chinese root (where the calculator assets are).
    def to_root_language(self) -> str:
        return self.prefix("en", ROOT_LANGUAGE)

    # A page's content with a link to the library home first, cross-references linked on measure pages,
    # and "cited by" at the end of the document's home.
    def page_content(self, html: str, url: str, source: str, language: str) -> str:
        up = "../" * len([part for part in url.split("/") if part]) + "../"
        crumb = tag("p", link(up, label("library", language)), class_="hb-library-crumb")
        if source.startswith("measures/") and self.links.get(language):
            html = link_numbers(html, {number: f"{up}{folder}/" for number, folder in self.links[language].items()})
        if url == "" and self.cited_by:
            html += cited_by_list(self.cited_by, up, language)
        return crumb + html

    # Whether a file of the docs folder is one the library stores once per language at its root (the document keeps
    # only its calculator assets and worker).
    @staticmethod
    def shares(uri: str) -> bool:
        return not uri.startswith(OWN_ASSETS)

    # A built page whose styles, scripts and preload hints point at the library's shared copies, one folder up
    # (the search page's hint at the library's search index).
    def page_output(self, html: str) -> str:
        return ASSET.sub(r"\1../\2", PRELOAD.sub(r"\1../\2", html))


@dataclass
class Home:
    """The library's home: every document with its number, title, issuer, date and period, and the library's finder."""

    documents: list  # [{"folder", "number", "title", "issuer", "date", "period": (start, end or None)}]
    today: date
    exports: dict = field(default_factory=dict)  # {folder: export} of the documents with a finder, for the finder page
    address: str = None
    revised: str = ""  # the latest revision date of any document
    is_home = True

    # Set the home build's name, address, repository (none), navigation and its finder's script for one language.
    def configure(self, config, language: str):
        config.theme["language"] = language
        config.site_name = label("library", language)
        config.site_url = self.address and f"{self.address.rstrip('/')}/{language_folder(language)}"
        config.repo_url = config.repo_name = config.edit_uri = None
        config.extra["last_revised"] = label("last_revised", language, date=self.revised)
        config.extra["unofficial"] = label("unofficial", language)
        config.nav = [{label("home", language): "index.md"}, {label("library_finder", language): FINDER_URI}, "search.md"]
        config.extra_javascript.append(ExtraScriptValue(FINDER_SCRIPT))
        config.extra_javascript[-1].type = "module"
        return config

    # A built page of the home whose hints at the runtime point at the library's shared copy (the finder's, hinted
    # from a document's worker); other pages unchanged.
    def page_output(self, html: str) -> str:
        return DOCUMENT_RUNTIME.sub(r"\1\2", html)

    # The home build's pages: the list of documents, the finder and the search page, in one language, as (uri, markdown).
    def pages(self, language: str) -> list:
        ctx = Context({}, language, self.today, {"document": ""})
        search = search_page(ctx)
        return [("index.md", home_markdown(self, language)),
                (FINDER_URI, finder_markdown(self.documents, self.exports, language, self.today)), (search.uri, search.markdown)]


# The home page's Markdown: the intro and one entry per document, newest first.
def home_markdown(home: Home, language: str) -> str:
    today = home.today.isoformat()
    documents = sorted(home.documents, key=lambda entry: (entry["date"], entry["number"]["zh"]), reverse=True)
    items = "".join(_document_item(entry, language, today) for entry in documents)
    finder = tag("p", esc(label("library_finder_lead", language)) + link("finder/", label("library_finder", language)),
                 class_="hb-library-finder")
    body = tag("p", esc(label("library_intro", language, today=today))) + finder + tag("ol", items, class_="hb-library")
    return f"# {md_text(label('library', language))}\n" + block(body)


# One document of the home list: its title linked, then number, issuer, date and status.
def _document_item(entry: dict, language: str, today: str) -> str:
    facts = [("number", esc(entry["number"][language])), ("issuer", esc(entry["issuer"][language])),
             ("date", esc(entry["date"]))]
    rows = "".join(tag("dt", esc(label(key, language))) + tag("dd", value) for key, value in facts)
    rows += tag("dt", esc(label("status", language))) + status_cell(entry["period"], language, today)
    title = tag("p", link(f"{entry['folder']}/", entry["title"][language]), class_="hb-library-title")
    return tag("li", title + tag("dl", rows, class_="hb-facts"))


# A document's status on a day, with the period and wordings in-force.js redoes for the reader's day.
def status_cell(period: tuple, language: str, today: str) -> str:
    start, end = period
    wordings = {"not_yet": label("library_not_yet", language, start="{start}"),
                "no_end": label("library_in_force", language), "in_force": label("library_in_force", language),
                "expired": label("library_ended", language, end="{end}")}
    key = "not_yet" if today < start else "no_end" if end is None else "expired" if end < today else "in_force"
    shown = wordings[key].replace("{start}", start).replace("{end}", end or "")
    return tag("dd", tag("span", esc(shown), class_="hb-status-text"), class_="hb-status", data_start=start,
               data_end=end or "", data_built=today, **{f"data_{name}": text for name, text in wordings.items()})


# Text outside links with every cited number linked to its document (numbers: {escaped number: href}).
def link_numbers(html: str, numbers: dict) -> str:
    pattern = re.compile("|".join(re.escape(number) for number in sorted(numbers, key=len, reverse=True)))
    parts, depth = [], 0
    for part in TAG.split(html):
        if part.startswith("<"):
            depth += 1 if ANCHOR_OPEN.match(part) else -1 if part.lower().startswith("</a") else 0
        elif depth == 0 and part:
            part = pattern.sub(lambda found: tag("a", found.group(0), href=numbers[found.group(0)], class_="hb-xref"), part)
        parts.append(part)
    return "".join(parts)


# The "cited by" section of a document's home: each citing clause, linked (up: from the page to the library root).
def cited_by_list(cited_by: list, up: str, language: str) -> str:
    items = "".join(tag("li", link(f"{up}{entry['folder']}/{page_url(measure_uri(entry['measure']))}#{entry['clause']}",
                                   entry["text"][language])) for entry in cited_by)
    return tag("h2", esc(label("cited_by", language)), id="cited-by") + tag("ul", items)


# The home of a library, for its build date and address.
def library_home(library: Library, today: date, address: str = None) -> Home:
    documents = []
    for folder, dataset in library.documents.items():
        document = dataset.part("document")
        documents.append({"folder": folder, "number": document["number"], "title": document["title"],
                          "issuer": document["issuer"], "date": str(document["date"]), "period": document_period(dataset)})
    revised = max(str(revision["date"]) for dataset in library.documents.values()
                  for revision in dataset.part("revisions")["revisions"])
    exports = {folder: export_dataset(dataset) for folder, dataset in library.documents.items()
               if FINDER in dataset.part("document").get("calculators", [])}
    return Home(documents, today, exports, address, revised)


# Each document's part in the library, by folder: what it links and what cites it.
def library_members(library: Library, address: str = None) -> dict:
    documents = {folder: dataset.part("document") for folder, dataset in library.documents.items()}
    found = citations(library)
    members = {}
    for folder in library.documents:
        others = {other: document["number"] for other, document in documents.items() if other != folder}
        links = {language: {esc(number[code]): other for other, number in others.items()
                            for code in {ROOT_LANGUAGE, language}} for language in LANGUAGES}
        cited_by = [_citing(library, citation, documents[citation.citing]) for citation in found if citation.cited == folder]
        members[folder] = Member(folder, address, links, cited_by)
    return members


# One citing clause as the cited document's home lists it: number, title and clause, per language.
def _citing(library: Library, citation, document: dict) -> dict:
    measure = next(measure for measure in library.documents[citation.citing].measures
                   if measure["number"] == citation.measure)
    sentence = [clause["id"] for clause in measure["clauses"]].index(citation.clause) + 1
    text = {language: f"{document['number'][language]} {document['title'][language]}{label('colon', language)}"
                      f"{label('clause_citation', language, number=citation.measure, sentence=sentence)}"
            for language in LANGUAGES}
    return {"folder": citation.citing, "measure": citation.measure, "clause": citation.clause, "text": text}


# Move one document's runtime, standard library and wheel to the library's assets (once for all documents),
# and point the document's manifest at them.
def share_runtime(site: Path, folder: str) -> None:
    own, shared = site / folder / "assets" / "calculators", site / "assets" / "calculators"
    if not (own / "manifest.json").is_file():
        return
    for name in SHARED:
        _merge(own / name, shared / name)
    manifest = json.loads((own / "manifest.json").read_text(encoding="utf-8"))
    for key in ("wheel", "pyodide_dir", "stdlib"):
        manifest[key] = SHARED_FROM_MANIFEST + manifest[key]
    (own / "manifest.json").write_text(to_json(manifest), encoding="utf-8")


# Move every file of source into target, keeping target's copy where both have one (the names carry versions or hashes).
def _merge(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        moved = target / path.relative_to(source)
        if path.is_file() and not moved.exists():
            moved.parent.mkdir(parents=True, exist_ok=True)
            path.rename(moved)
    shutil.rmtree(source)


# One search index per language at the library's root, of every document's pages, each title naming its document,
# split into shards and fragments so that a query fetches only what it needs (search_shards.py); the documents' own
# indexes, which no page of the library reads, are removed.
# The languages are indexed side by side, a process each (the index of 100 documents takes seconds per language, and
# serve writes it again after every edit).
def merge_search_indexes(site: Path, library: Library) -> None:
    numbers = [{folder: dataset.part("document")["number"][language] for folder, dataset in library.documents.items()}
               for language in LANGUAGES]
    with ProcessPoolExecutor(len(LANGUAGES), mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_merge_language, [site] * len(LANGUAGES), LANGUAGES, numbers))


# One language's split index at its root, from its documents' own indexes (numbers: {folder: document number}).
def _merge_language(site: Path, language: str, numbers: dict) -> None:
    root, pages = site / language_folder(language), []
    for folder, number in numbers.items():
        own = root / folder / SEARCH_INDEX
        pages += [{**page, "url": f"{folder}/{page['url']}", "title": f"{page['title']} · {number}"}
                  for page in json.loads(own.read_text(encoding="utf-8"))["pages"]]
        own.unlink()
    write_sharded_index(root, language, pages)


# The library-wide open data: data/library.json (every document's export) and its JSON Schema.
def write_library_data(site: Path, library: Library) -> None:
    (site / "data" / "schema").mkdir(parents=True, exist_ok=True)
    (site / "data" / "library.json").write_text(to_json(export_library(library)), encoding="utf-8")
    (site / "data" / "schema" / "library.schema.json").write_text(to_json(library_schema()), encoding="utf-8")
