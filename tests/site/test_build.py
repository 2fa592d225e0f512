"""The built site: every page the data implies exists in both languages, and every link resolves."""
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml

from tests.helpers import PROJECT
LANGUAGE_ROOTS = {"zh": "", "en": "en/"}


# Counts from the data, read independently of the generator.
def data_counts():
    units = yaml.safe_load((PROJECT / "policy_data/units.yaml").read_text(encoding="utf-8"))["units"]
    sections = yaml.safe_load((PROJECT / "policy_data/sections.yaml").read_text(encoding="utf-8"))["sections"]
    measures = sorted(PROJECT.glob("policy_data/measures/*.yaml"))
    return [unit["id"] for unit in units], len(sections), len(measures)


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_generated_page_exists(built_site, language):
    root = built_site / LANGUAGE_ROOTS[language]
    unit_ids, sections, measures = data_counts()
    expected = (["index.html", "annex-1/index.html", "annex-2/index.html", "units/index.html",
                 "key-figures/index.html", "original/index.html", "translation/index.html", "search/index.html"]
                + [f"sections/{n:02d}/index.html" for n in range(1, sections + 1)]
                + [f"measures/{n:02d}/index.html" for n in range(1, measures + 1)]
                + [f"units/{unit}/index.html" for unit in unit_ids])
    missing = [path for path in expected if not (root / path).is_file()]
    assert not missing
    assert measures == 24 and sections == 7


def test_page_count_is_what_the_data_implies(built_site):
    unit_ids, sections, measures = data_counts()
    generated = 9 + sections + measures + len(unit_ids)
    zh_pages = [path for path in built_site.rglob("index.html") if not path.relative_to(built_site).parts[0] == "en"]
    en_pages = list((built_site / "en").rglob("index.html"))
    assert len(zh_pages) == len(en_pages) >= generated


@pytest.mark.parametrize("language,lang_attribute", [("zh", "zh"), ("en", "en")])
def test_language_attribute_and_unofficial_notice(built_site, language, lang_attribute):
    html = (built_site / LANGUAGE_ROOTS[language] / "measures/05/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang_attribute}"' in html
    assert ("unofficial translation" in html) == (language == "en")


def test_measure_page_has_clause_anchors_units_figures_and_annex_rows(built_site):
    html = (built_site / "measures/05/index.html").read_text(encoding="utf-8")
    for anchor in ("c1", "c2", "c3", "c4"):
        assert f'id="{anchor}"' in html
    assert "区人力资源社会保障局" in html and "../../units/hrss/" in html
    assert "将稳岗返还裁员率标准放宽到5.5%" in html
    assert 'id="A2-10"' in html
    assert "已到期" in (built_site / "measures/01/index.html").read_text(encoding="utf-8")


def test_edit_links_open_the_yaml(built_site):
    html = (built_site / "measures/05/index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]*/edit/main/policy_data/measures/05\.yaml"', html)


class LinkCollector(HTMLParser):
    """Collect the URLs (links, sources, form actions, URLs kept for scripts) and ids of one page."""

    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for key in ("href", "src", "action", "data-href", "data-worker"):
            if attributes.get(key):
                self.links.append(attributes[key])


def test_every_internal_link_and_anchor_resolves(built_site):
    pages, broken = {}, []
    for path in built_site.rglob("*.html"):
        collector = LinkCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        pages[path] = collector
    for path, collector in pages.items():
        base = "http://site/" + path.relative_to(built_site).as_posix()
        for link in collector.links:
            target = urlparse(urljoin(base, link))
            if target.netloc != "site":
                continue
            file = built_site / unquote(target.path.lstrip("/"))
            file = file / "index.html" if file.is_dir() else file
            if not file.exists():
                broken.append(f"{path.relative_to(built_site)} -> {link}")
            elif target.fragment and file in pages and target.fragment not in pages[file].ids:
                broken.append(f"{path.relative_to(built_site)} -> {link} (anchor)")
    assert not broken, "\n".join(broken[:20])


ASSET_REFERENCES = re.compile(r"""url\(\s*["']?(?!data:)([^"')\s]+)|from\s+["'](\.{1,2}/[^"']+)["']"""
                              r"""|new URL\(\s*["'](\.{1,2}/[^"']+)["'],\s*import\.meta\.url""")


# The files a stylesheet or script of the site refers to (url(), module imports, URLs relative to the module).
def asset_references(asset: Path) -> list:
    return [next(group for group in match if group)
            for match in ASSET_REFERENCES.findall(asset.read_text(encoding="utf-8", errors="replace"))]


def test_every_file_a_stylesheet_or_script_in_use_refers_to_exists(built_site):
    in_use = set()
    for path in built_site.rglob("*.html"):
        collector = LinkCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        targets = [urlparse(urljoin("http://site/" + path.relative_to(built_site).as_posix(), link))
                   for link in collector.links]
        in_use |= {built_site / unquote(target.path.lstrip("/")) for target in targets
                   if target.netloc == "site" and target.path.endswith((".css", ".js", ".mjs"))}
    assert any(asset.name == "calculator-worker.js" for asset in in_use)
    missing = [f"{asset.relative_to(built_site)} -> {reference}" for asset in sorted(in_use)
               for reference in asset_references(asset) if not (asset.parent / reference).resolve().exists()]
    assert missing == []


def test_nothing_is_loaded_from_another_origin(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(built_site)}: {match}" for match in re.findall(r'src="(?:https?:)?//[^"]+"', html)]
        for link_tag in re.findall(r"<link [^>]+>", html):
            if re.search(r'href="(?:https?:)?//', link_tag) and not re.search(r'rel="(canonical|alternate)"', link_tag):
                offenders.append(f"{path.relative_to(built_site)}: {link_tag}")
    assert offenders == []


def test_open_data_files_are_published(built_site):
    assert (built_site / "data/handbook.json").is_file()
    assert (built_site / "data/parameters.csv").read_text(encoding="utf-8-sig").startswith("id,")
    assert len((built_site / "data/annex2-tasks.csv").read_text(encoding="utf-8-sig").splitlines()) == 43


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_glossary_page_lists_every_term_and_body_from_the_data(built_site, language):
    glossary = yaml.safe_load((PROJECT / "policy_data/glossary.yaml").read_text(encoding="utf-8"))
    unit_ids, _, _ = data_counts()
    html = unescape((built_site / LANGUAGE_ROOTS[language] / "glossary/index.html").read_text(encoding="utf-8"))
    for entry in glossary["terms"]:
        assert entry["zh"] in html and entry["en"] in html, entry
        if "note" in entry:
            assert entry["note"][language] in html, entry
    assert all(f"../units/{unit}/" in html for unit in unit_ids)
    assert "glossary/" in (built_site / LANGUAGE_ROOTS[language] / "translation/index.html").read_text(encoding="utf-8")


# No script file holds up the first paint: every <script src> of every page is deferred or a module.
def test_no_page_loads_a_parser_blocking_script(built_site):
    blocking = {}
    for path in built_site.rglob("*.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", path.read_text(encoding="utf-8"))
        late = [tag for tag in tags if " defer" not in tag and 'type="module"' not in tag]
        if late:
            blocking[path.relative_to(built_site).as_posix()] = late
    assert blocking == {}
