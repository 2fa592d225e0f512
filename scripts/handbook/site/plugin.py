"""MkDocs plugin: generate the handbook's pages in memory from policy_data/."""
import os
import re
from functools import partial
from html import unescape
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import BytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..data.dataset import PAGES_FOLDER, load_dataset
from ..data.errors import DataInvalid
from ..data.export import export_dataset
from ..data.languages import LANGUAGES, ROOT_LANGUAGE, language_folder
from .calculator_pages import calculator_pages
from .config import HandbookConfig
from .csp import add_policy
from .glossary_page import glossary_pages
from .hints import add_module_hints, add_search_hint, module_imports
from .ical import write_calendars
from .labels import label
from .outputs import write_outputs
from .pages import (PRINT_URI, Context, all_pages, annexes, calculator_uri, enabled, measure_uri, section_title,
                    section_uri)
from .print_page import print_page


DESCRIPTION_LENGTH = 150
ANCHOR = re.compile(r'<a [^>]*class="hb-anchor"[^>]*>[^<]*</a>')


class CompiledTemplates(BytecodeCache):
    """The theme's templates as compiled by an earlier build in this process (Jinja checks each one's source
    checksum), so a library's many builds per process compile each template once."""

    compiled = {}

    # Give a template its code compiled before, if any.
    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    # Keep a template's newly compiled code.
    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """Turns a validated dataset into pages, a search index and a JSON export."""

    loaded = None
    preview_address = None
    library = None  # a library.Member while building one document of a library, a library.Home for its home

    # Take the dataset `handbook build` loaded (or load and validate it, under plain mkdocs), and set
    # language, name, the document's own address and repository (site.yaml; a preview's local address instead), and nav.
    def on_config(self, config):
        self.search_entries = []
        self.module_imports = module_imports(Path(config.docs_dir) / "assets" / "javascripts")
        config.theme.get_env = partial(theme_env, config.theme.get_env, self._member())
        if self.library and self.library.is_home:
            config.extra["alternate"] = [
                {"name": name, "lang": code, "prefix": _prefix(self.config.language, code)} for code, name in LANGUAGES.items()]
            self._set_page_words(config, self.config.language, label("library", self.config.language))
            return self.library.configure(config, self.config.language)
        self.data_dir = Path(self.config.data_folder)
        self.dataset = self.loaded or self._load()
        self.export = export_dataset(self.dataset)
        language = self.config.language
        self.ctx = Context(self.export, language, build_date(), self._source_files())
        if self.library:
            self.ctx.to_root_language = self.library.to_root_language()
            config.theme.static_templates.discard("404.html")  # the library's 404 page answers for every path
        config.theme["language"] = language
        config.site_name = self.ctx.t(self.export["document"]["plan_title"])
        self._set_addresses(config, self.dataset.part("site"))
        config.extra["alternate"] = [
            {"name": name, "lang": code, "prefix": self.library.prefix(language, code) if self.library
             else _prefix(language, code)} for code, name in LANGUAGES.items()]
        config.extra["last_revised"] = label("last_revised", language,
                                             date=max(r["date"] for r in self.export["revisions"]))
        config.extra["unofficial"] = label("unofficial", language)
        self._set_page_words(config, language, self._print_head())
        config.nav = self._nav()
        return config

    # The words every page's template shows: the header search's, the print head's and the copy-citation button's.
    @staticmethod
    def _set_page_words(config, language: str, print_head: str) -> None:
        config.extra["search_labels"] = search_labels(language)
        config.extra["print_head"] = print_head
        config.extra["print_address"] = label("print_address", language)
        config.extra["citation_words"] = {key: label(key, language)
                                          for key in ("copy_citation", "citation_copied", "citation_select")}

    # Keep the docs folder's assets; add the document's hand-written pages and the generated ones.
    def on_files(self, files, config):
        kept = [file for file in files if not file.src_uri.endswith(".md")
                and not (self._member() and self.library.shares(file.src_uri))]
        if self.library and self.library.is_home:
            return Files(kept + [File.generated(config, uri, content=markdown)
                                 for uri, markdown in self.library.pages(self.config.language)])
        for path in self._own_pages():
            page = File.generated(config, path.name, abs_src_path=str(path))
            page.edit_uri = f"{self.folder}/{path.relative_to(self.data_dir).as_posix()}"
            kept.append(page)
        original = self._original_text()
        pages = all_pages(self.ctx, original) + [print_page(self.ctx)] + glossary_pages(self.ctx) + calculator_pages(self.ctx)
        for page in pages:
            generated = File.generated(config, page.uri, content=page.markdown)
            generated.edit_uri = f"{self.folder}/{page.source}"
            kept.append(generated)
        return Files(kept)

    # Remember each page's text for the search index (not the print page's, which repeats every page), and
    # describe the page by its opening words.
    def on_page_content(self, html, page, config, files):
        text = _plain(html)
        if page.file.src_uri != PRINT_URI:
            self.search_entries.append({"title": unescape(page.title), "url": page.url, "text": text})
        separator = "：" if self.config.language == "zh" else ": "
        page.meta.setdefault("description", _description(unescape(page.title), text, separator))
        if self._member():
            return self.library.page_content(html, page.url, page.file.src_uri, self.config.language)
        return html

    # Put the Content Security Policy, with the hashes of this page's inline scripts, first in <head>,
    # and the preload hints last: the modules the page's scripts import, and the search index on the search page.
    def on_post_page(self, output, page, config):
        output = add_search_hint(add_module_hints(output, self.module_imports))
        return add_policy(self.library.page_output(output) if self.library else output)

    # The 404 page is not a page to MkDocs: give it the same policy when its template is rendered.
    def on_post_template(self, output_content, template_name, config):
        return add_policy(output_content) if template_name == "404.html" else output_content

    # Write the search index and the open-data files next to the pages.
    def on_post_build(self, config):
        if self.library and self.library.is_home:
            return
        write_outputs(Path(config.site_dir), self.config.language, self.export, self.search_entries)
        write_calendars(Path(config.site_dir), self.ctx, config.site_url)

    # Rebuild when any data file changes under `mkdocs serve`.
    def on_serve(self, server, config, builder):
        server.watch(str(self.data_dir))
        return server

    # Whether this build is one document of a library (not the library's home, nor a site of its own).
    def _member(self) -> bool:
        return bool(self.library and not self.library.is_home)

    # The site's address (per language), repository and edit links from the document's site.yaml; none without it.
    def _set_addresses(self, config, site: dict) -> None:
        address = self.preview_address or site.get("address")
        if address and self.config.language != ROOT_LANGUAGE:
            address = address.rstrip("/") + f"/{self.config.language}/"
        config.site_url = self.library.site_url(self.config.language) if self.library else \
            address and address.rstrip("/") + "/"
        config.repo_url = site.get("repository")
        config.repo_name = _repository_name(config.repo_url) if config.repo_url else None
        config.edit_uri = site.get("edit_uri", "edit/main/") if config.repo_url else None
        self.folder = site.get("folder") or _repository_path(self.data_dir, config)

    # The line every printed page starts with: the document's number, issuing body and date.
    def _print_head(self) -> str:
        document = self.export["document"]
        return " · ".join(self.ctx.t(document[key]) for key in ("number", "issuer", "date_as_written"))

    # The document's hand-written pages in this language (pages/<language>/*.md in its folder), by name.
    def _own_pages(self) -> list:
        return sorted((self.data_dir / PAGES_FOLDER / self.config.language).glob("*.md"))

    # Load and validate the data folder; an invalid one stops the build, naming every error.
    def _load(self):
        try:
            return load_dataset(self.data_dir)
        except DataInvalid as invalid:
            raise PluginError("policy data is invalid:\n" + str(invalid)) from None

    # The data file each kind of page comes from, relative to the data folder.
    def _source_files(self) -> dict:
        files = {kind: name for name, doc in self.dataset.files.items() for kind in [doc.kind]
                 if kind not in ("measure", "parameters")}
        files.update({("measure", doc.data["number"]): name for name, doc in self.dataset.files.items()
                      if doc.kind == "measure"})
        files["parameters"] = "parameters/"
        files["source"] = "original.txt"
        for kind in ("annex1", "annex2", "notes"):
            files.setdefault(kind, files["document"])
        return files

    # The published original text, if the dataset keeps one.
    def _original_text(self) -> str:
        path = self.data_dir / "original.txt"
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    # The navigation: home, sections with their measures, annexes and reference pages.
    def _nav(self) -> list:
        ctx = self.ctx
        nav = [{ctx.label("home"): "index.md"}]
        for section in ctx.data["sections"]:
            measures = [measure for measure in ctx.data["measures"] if measure["section"] == section["number"]]
            nav.append({section_title(ctx, section): [{ctx.label("overview"): section_uri(section["number"])}]
                        + [measure_uri(measure["number"]) for measure in measures]})
        calculators = [calculator_uri(entry["id"]) for entry in enabled(ctx.data)]
        if calculators:
            nav.append({ctx.label("calculators"): ["calculators/index.md"] + calculators})
        nav += [{ctx.label(kind): uri} for kind, uri in annexes(ctx)]
        nav += [{ctx.label("units"): "units/index.md"}, {ctx.label("key_figures"): "key-figures.md"},
                {ctx.label("about_this_site"): self._about_pages()}]
        return nav

    # Reference pages about the text itself.
    def _about_pages(self) -> list:
        pages = ["translation.md"] + (["glossary.md"] if self.ctx.data.get("glossary") else []) + \
            ["revisions.md", "open-data.md", "search.md"]
        if self._original_text():
            pages.insert(0, "original.md")
        return pages + [path.name for path in self._own_pages()]


# The theme's template environment, with the templates this process compiled before; for a document of a library,
# listing none of the theme's files, whose copies at the library's root its pages use.
def theme_env(get_env, member: bool):
    env = get_env()
    env.bytecode_cache = CompiledTemplates()
    if member:
        env.list_templates = lambda *args, **kwargs: []
    return env


# The header search box's words in a language; {count} is left for search-box.js to fill in.
def search_labels(language: str) -> dict:
    keep = {"count": "{count}"}
    return {"label": label("search", language), "none": label("search_none", language),
            "count": label("search_count", language, **keep), "count_one": label("search_count_one", language),
            "all": label("search_all", language, **keep)}


# The name shown beside the repository link: GitHub, GitLab or Bitbucket, else the host's name.
def _repository_name(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return {"github.com": "GitHub", "gitlab.com": "GitLab", "bitbucket.org": "Bitbucket"}.get(host, host)


# The data folder as a path inside the repository (relative to mkdocs.yml).
def _repository_path(data_dir: Path, config) -> str:
    relative = os.path.relpath(data_dir.resolve(), Path(config.config_file_path).resolve().parent)
    return Path(relative).as_posix() if not relative.startswith("..") else data_dir.name


# The relative prefix from a page in one language's tree to the same page in another's.
def _prefix(current: str, target: str) -> str:
    if current == target:
        return ""
    return ("../" if current != ROOT_LANGUAGE else "") + language_folder(target)


# The date page statuses are computed for: SOURCE_DATE_EPOCH if set, so builds are reproducible.
def build_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()


# Strip tags and collapse whitespace, for the search index.
# A page's meta description: its title and its first words, cut at a length search engines show whole.
def _description(title: str, text: str, separator: str) -> str:
    body = text[len(title):].strip() if text.startswith(title) else text
    summary = f"{title}{separator}{body}" if body else title
    return summary if len(summary) <= DESCRIPTION_LENGTH else summary[:DESCRIPTION_LENGTH - 1].rstrip() + "…"


def _plain(html: str) -> str:
    text = re.sub(r"<[^>]+>", " ", ANCHOR.sub(" ", html))
    return unescape(re.sub(r"\s+", " ", text).strip())
