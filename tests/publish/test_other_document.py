"""Any document, not just 台政发〔2020〕2号: a second, calculator-free notice in tests/fixtures/other_notice
validates, builds into a complete site in both languages whose names all come from it, and can be searched."""
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from handbook.build import build_site
from handbook.data.dataset import load_dataset
from handbook.data.texts import source_texts, squash
from handbook.static_server import serve_folder
from tests.helpers import PROJECT, run_handbook

from .helpers import policy_violations, recording_tab

OTHER = PROJECT / "tests" / "fixtures" / "other_notice"
LANGUAGE_ROOTS = {"zh": "", "en": "en/"}
PLAN_TITLES = {"zh": "松河县支持农村电子商务发展若干措施", "en": "Songhe County Measures to Support Rural E-commerce"}
NUMBERS = {"zh": "松政办发〔2021〕7号", "en": "Song Zheng Ban Fa [2021] No. 7"}
UNITS = ("county_government", "commerce", "finance", "agriculture", "market_regulation", "hrss", "townships")
PAGES = (["index.html", "annex-1/index.html", "annex-2/index.html", "units/index.html", "key-figures/index.html",
          "original/index.html", "translation/index.html", "revisions/index.html", "search/index.html",
          "search-index.json", "sections/01/index.html", "sections/02/index.html"]
         + [f"measures/{number:02d}/index.html" for number in range(1, 5)]
         + [f"units/{unit}/index.html" for unit in UNITS])
# The first document's place name, in Chinese and romanised (the apostrophe may be an HTML entity).
FIRST_DOCUMENT = re.compile(r"台儿庄|Tai\S{0,6}erzhuang", re.I)
TEXT_SUFFIXES = (".html", ".json", ".xml", ".csv", ".js", ".css", ".txt")


# The other notice built into a site of its own.
@pytest.fixture(scope="module")
def other_site(tmp_path_factory) -> Path:
    return build_site(str(OTHER), str(tmp_path_factory.mktemp("other") / "site"), str(PROJECT / "mkdocs.yml"),
                      compress=False)


def test_validate_says_ok_with_the_counts():
    done = run_handbook("validate", "--data", OTHER)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ("OK: 2 sections, 4 measures, 6 clauses, 7 units, 3 leading group members, "
                                   "3 Annex 2 rows, 2 parameters, 1 editorial notes, 1 revisions")


# Every file of policy_data/ but the optional glossary: this fixture is also the document without one.
def test_the_fixture_has_the_files_of_policy_data():
    expected = {path.relative_to(PROJECT / "policy_data").parts[0] for path in (PROJECT / "policy_data").iterdir()}
    assert {path.name for path in OTHER.iterdir()} == expected - {"schema", "glossary.yaml"}


def test_every_chinese_text_is_verbatim_in_the_original():
    original = squash((OTHER / "original.txt").read_text(encoding="utf-8"))
    texts = list(source_texts(load_dataset(OTHER)))
    assert len(texts) > 50
    assert [text for _, _, text in texts if squash(text) not in original] == []


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_every_page_is_built(other_site, language):
    root = other_site / LANGUAGE_ROOTS[language]
    assert [page for page in PAGES if not (root / page).is_file()] == []


def test_no_calculator_pages_or_runtime(other_site):
    assert not list(other_site.rglob("calculators"))
    assert not list(other_site.rglob("*.wasm"))


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_titles_come_from_the_document(other_site, language):
    root, plan = other_site / LANGUAGE_ROOTS[language], PLAN_TITLES[language]
    assert f"<title>{plan}</title>" in (root / "index.html").read_text(encoding="utf-8")
    measure = (root / "measures/02/index.html").read_text(encoding="utf-8")
    assert re.search(rf"<title>[^<]* - {re.escape(plan)}</title>", measure)
    assert NUMBERS[language] in (root / "index.html").read_text(encoding="utf-8")


def test_nothing_of_the_first_document_leaks_into_the_site(other_site):
    leaks = [path.relative_to(other_site).as_posix() for path in other_site.rglob("*")
             if path.suffix in TEXT_SUFFIXES and FIRST_DOCUMENT.search(path.read_text(encoding="utf-8", errors="replace"))]
    assert leaks == []


@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_search_index_holds_the_documents_pages(other_site, language):
    index = (other_site / LANGUAGE_ROOTS[language] / "search-index.json").read_text(encoding="utf-8")
    assert '"measures/02/"' in index
    assert ("冷藏保鲜设施" if language == "zh" else "cold storage") in index


# The other notice's site served on 127.0.0.1.
@pytest.fixture(scope="module")
def other_url(other_site):
    server, url = serve_folder(other_site)
    yield url.rstrip("/")
    server.shutdown()


@pytest.mark.parametrize("root,query,expected", [("", "冷链", "measures/02/"), ("", "何晓梅", "annex-1/"),
                                                 ("en/", "cold storage", "en/measures/02/"),
                                                 ("en/", "organic", "en/measures/03/")])
def test_search_finds_the_documents_words(browser, other_url, root, query, expected):
    with recording_tab(browser, other_url) as tab:
        tab.goto(f"{other_url}/{root}search/?q={quote(query)}")
        tab.wait_for_selector("#hb-search-results[data-count]")
        results = [href.replace(other_url + "/", "") for href in
                   tab.eval_on_selector_all("#hb-search-results a", "links => links.map(a => a.href)")]
        assert expected in results[:5], results[:5]
        assert tab.foreign_requests == []
        assert policy_violations(tab) == []


# The document's site.yaml gives its address (canonical links, sitemap) and repository (edit links), in each language.
@pytest.mark.parametrize("language", LANGUAGE_ROOTS)
def test_address_and_edit_links_come_from_the_documents_site_settings(other_site, language):
    root = LANGUAGE_ROOTS[language]
    measure = (other_site / root / "measures/02/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="https://songhe.example.gov.cn/handbook/{root}measures/02/">' in measure
    edit = "https://gitlab.com/songhe-county/handbook/-/edit/main/documents/songhe-2021-7/measures/02.yaml"
    assert f'href="{edit}"' in measure
    sitemap = (other_site / root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>https://songhe.example.gov.cn/handbook/{root}measures/02/</loc>" in sitemap


# Its own hand-written pages (pages/<language>/*.md) are on its site, in the navigation, and edited where they are.
@pytest.mark.parametrize("language,title", [("zh", "松河县编辑指南"), ("en", "Songhe County editors' guide")])
def test_the_documents_own_guide_is_on_its_site(other_site, language, title):
    guide = (other_site / LANGUAGE_ROOTS[language] / "guide/index.html").read_text(encoding="utf-8")
    assert title.replace("'", "&#39;") in guide or title in guide
    assert f"documents/songhe-2021-7/pages/{language}/guide.md" in guide
    home = (other_site / LANGUAGE_ROOTS[language] / "index.html").read_text(encoding="utf-8")
    assert 'href="guide/"' in home
