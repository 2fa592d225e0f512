"""A library: `handbook build --library DIR` makes one site of every document folder in DIR (this document and the
other notice): a home listing both in each language, each document's pages under its folder, a cited number linked
to its document and an unknown one left plain, "cited by" on the cited document's home, one calculator runtime for
all, and data/library.json; `validate --library` names the document folder in every error."""
import http.client
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import jsonschema
import pytest

from handbook.build import BuildFailed
from handbook.library import build_library
from handbook.site.search_shards import FOLDER, query_files, write_sharded_index
from tests.helpers import HANDBOOK, free_port, run_handbook

from .helpers import CITED, CITED_EN, MISSING, NUMBERS, ROOTS, SEARCHES

TITLES = {"zh": ("关于印发积极应对新冠肺炎疫情做好稳就业工作的实施方案的通知", "关于印发松河县支持农村电子商务发展若干措施的通知"),
          "en": ("Notice on issuing the implementation plan for actively responding to the COVID-19 epidemic and "
                 "stabilising employment", "Notice on issuing the Songhe County measures to support rural e-commerce")}


# A built page's text.
def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ROOTS)
def test_the_home_lists_every_document_with_its_facts(library_site, language):
    home = read(library_site[0], ROOTS[language] + "index.html")
    for folder, title, number in zip(("taizhuang", "songhe"), TITLES[language], NUMBERS[language]):
        assert f'<a href="{folder}/">{title}</a>' in home.replace("&#x27;", "'")
        assert f"<dd>{number}</dd>" in home
    assert home.count('class="hb-status"') == 2
    assert ('data-start="2021-04-15"' in home) and ("尚未施行（自2021-04-15起）" in home if language == "zh"
                                                     else "not yet in force (from 2021-04-15)" in home)


@pytest.mark.parametrize("language", ROOTS)
def test_each_document_is_under_its_folder(library_site, language):
    site, root = library_site[0], ROOTS[language]
    for folder in ("taizhuang", "songhe"):
        for page in ("index.html", "measures/01/index.html", "units/index.html"):
            assert (site / root / folder / page).is_file(), (folder, page)
        assert not (site / root / folder / "search-index.json").exists()  # the library's index holds its pages
    assert not (site / root / "measures").exists()
    assert (site / "taizhuang" / "data" / "handbook.json").is_file()
    page = read(site, f"{root}songhe/measures/01/index.html")
    assert '<p class="hb-library-crumb"><a href="../../../">' in page
    other = "../../../../songhe/measures/01/" if language == "en" else "../../../en/songhe/measures/01/"
    assert f'href="{other}"' in page


def test_a_cited_number_links_to_its_document_and_an_unknown_one_stays_plain(library_site):
    site = library_site[0]
    zh, en = read(site, "songhe/measures/01/index.html"), read(site, "en/songhe/measures/01/index.html")
    assert f'<a href="../../../taizhuang/" class="hb-xref">{CITED}</a>' in zh
    assert f'<a href="../../../taizhuang/" class="hb-xref">{CITED_EN}</a>' in en
    assert f'<a href="../../../taizhuang/" class="hb-xref">{CITED}</a>' in en  # the Chinese original beneath
    for page in (zh, en):
        assert MISSING in page and not re.search(r"<a [^>]*>" + re.escape(MISSING), page)
    assert "hb-xref" not in read(site, "taizhuang/measures/01/index.html")


@pytest.mark.parametrize("language", ROOTS)
def test_the_cited_document_lists_what_cites_it(library_site, language):
    site, root = library_site[0], ROOTS[language]
    home = read(site, f"{root}taizhuang/index.html")
    cited = re.search(r'<h2 id="cited-by">([^<]*)</h2><ul>(.*?)</ul>', home)
    assert cited and cited.group(1) == {"zh": "被引用", "en": "Cited by"}[language]
    assert '<a href="../songhe/measures/01/#c1">' in cited.group(2)
    assert NUMBERS[language][1] in cited.group(2)
    assert "cited-by" not in read(site, f"{root}songhe/index.html")


def test_the_calculator_runtime_is_once_for_the_library(library_site):
    site = library_site[0]
    assert len(list(site.glob("**/pyodide.asm.wasm"))) == 1
    assert sorted(path.relative_to(site).parent.as_posix() for path in site.glob("**/bundle.*.min.js")) == \
        ["assets/javascripts", "en/assets/javascripts"]
    assert (site / "assets" / "calculators" / "pyodide").is_dir()
    manifest = json.loads(read(site, "taizhuang/assets/calculators/manifest.json"))
    assert (site / "taizhuang" / "assets" / "calculators" / manifest["pyodide_dir"] / "pyodide.asm.wasm").resolve().is_file()
    assert (site / "taizhuang" / "assets" / "calculators" / manifest["stdlib"]).resolve().is_file()
    assert (site / "taizhuang" / "assets" / "calculators" / manifest["wheel"]).resolve().is_file()
    page = read(site, "en/taizhuang/calculators/job-retention-refund/index.html")
    assert 'data-worker="../../../../taizhuang/assets/javascripts/calculator-worker.js"' in page
    worker = site / "taizhuang" / "assets" / "javascripts" / "calculator-worker.js"
    imported = re.findall(r'(?:^import .* from |import\()"(\./[^"]+)"', worker.read_text(encoding="utf-8"), re.M)
    assert imported and all((worker.parent / module).is_file() for module in imported), imported


def test_the_library_export_holds_every_document(library_site):
    site = library_site[0]
    export = json.loads(read(site, "data/library.json"))
    jsonschema.validate(export, json.loads(read(site, "data/schema/library.schema.json")))
    documents = {document["folder"]: document for document in export["documents"]}
    assert set(documents) == {"taizhuang", "songhe"}
    assert documents["songhe"]["cites"] == ["taizhuang"] and documents["taizhuang"]["cites"] == []
    assert documents["taizhuang"]["data"] == json.loads(read(site, "taizhuang/data/handbook.json"))
    assert documents["songhe"]["data"]["document"]["number"]["zh"] == NUMBERS["zh"][1]


def test_validate_names_the_document_folder_in_every_error(library, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(library, broken)
    (broken / "songhe" / "measures" / "02.yaml").write_text("number: 2\nsection: [\n", encoding="utf-8")
    (broken / "taizhuang" / "units.yaml").unlink()
    done = run_handbook("validate", "--library", broken, cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    located = [line for line in done.stderr.splitlines() if re.match(r"^\S+:\d+:\d+:", line)]
    assert any(line.startswith("songhe/measures/02.yaml:") for line in located), done.stderr
    assert any(line.startswith("taizhuang/units.yaml:") for line in located), done.stderr
    assert all(line.split("/")[0] in ("songhe", "taizhuang") for line in located), done.stderr
    assert "Traceback" not in done.stderr


def test_validate_says_ok_for_each_document(library):
    done = run_handbook("validate", "--library", library)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "OK: 2 documents"
    assert done.stdout.splitlines()[1].startswith("songhe: 2 sections, 4 measures")


def test_two_documents_with_one_number_are_an_error(library, tmp_path):
    twice = tmp_path / "twice"
    shutil.copytree(library, twice)
    shutil.copytree(library / "songhe", twice / "songhe-copy")
    done = run_handbook("validate", "--library", twice, cwd=tmp_path)
    assert done.returncode == 1 and re.search(r"^songhe-copy/document.yaml:\d+:\d+: number.zh: ", done.stderr, re.M)


def test_an_empty_library_and_a_folder_named_like_a_site_path_are_errors(library, tmp_path):
    (tmp_path / "empty").mkdir()
    done = run_handbook("validate", "--library", tmp_path / "empty", cwd=tmp_path)
    assert done.returncode == 1 and "empty:1:1: the library has no document folder" in done.stderr
    shutil.copytree(library / "songhe", tmp_path / "named" / "en")
    done = run_handbook("validate", "--library", tmp_path / "named", cwd=tmp_path)
    assert done.returncode == 1 and "en:1:1: a document folder cannot be named en" in done.stderr


def test_a_failed_build_leaves_the_previous_site(library, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous", encoding="utf-8")
    broken = tmp_path / "broken"
    shutil.copytree(library, broken)
    (broken / "songhe" / "units.yaml").unlink()
    with pytest.raises(BuildFailed, match="songhe/units.yaml"):
        build_library(str(broken), str(out))
    assert [path.name for path in out.iterdir()] == ["index.html"] and read(out, "index.html") == "previous"
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".site")]


# The command builds the library for the address in the library's own site.yaml, beside the document folders.
def test_the_build_command_builds_the_library_for_its_address(library, tmp_path):
    addressed = tmp_path / "addressed"
    shutil.copytree(library, addressed)
    (addressed / "site.yaml").write_text("address: https://library.example.gov.cn/\n", encoding="utf-8")
    done = run_handbook("build", "--library", addressed, "--out", tmp_path / "out", timeout=600)
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    assert (out / "songhe" / "index.html").is_file() and (out / "en" / "index.html").is_file()
    assert '<link rel="canonical" href="https://library.example.gov.cn/en/songhe/measures/01/">' in \
        read(out, "en/songhe/measures/01/index.html")
    assert "<loc>https://library.example.gov.cn/</loc>" in read(out, "sitemap.xml")


# `handbook serve --library` builds the library for its local address and serves it.
def test_serve_serves_the_library(library, tmp_path):
    port = free_port()
    process = subprocess.Popen([str(HANDBOOK), "serve", "--library", str(library), "--out", str(tmp_path / "site"),
                                "--port", str(port)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and process.poll() is None and not _answers(port, "/en/songhe/"):
            time.sleep(0.5)
        assert _answers(port, "/songhe/measures/01/") and _answers(port, "/"), process.stdout
        assert f'href="http://127.0.0.1:{port}/taizhuang/"' in read(tmp_path / "site", "taizhuang/index.html")
    finally:
        process.terminate()
        process.wait(timeout=30)


# Whether the local server answers a path with 200.
def _answers(port: int, path: str) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


# In Chromium at a phone's width, in both languages: the home fits, the reader's day redoes the status built for
# 2019-01-01, a document opens from it, its cross-reference leads to the cited document, one document's search finds
# the other's text and names it, and the calculator runs on the library's shared runtime.
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_in_a_browser(library_reader, library_site, language):
    site, url = library_site
    tab = library_reader.new_page()
    tab.goto(url + ROOTS[language])
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    statuses = tab.locator(".hb-status-text").all_inner_texts()
    assert statuses == [{"zh": "施行中", "en": "in force"}[language]] * 2
    tab.click(".hb-library a[href$='/songhe/']")
    tab.wait_for_url(f"**/{ROOTS[language]}songhe/")
    tab.goto(url + ROOTS[language] + "songhe/measures/01/")
    tab.click("a.hb-xref")
    tab.wait_for_url(f"**/{ROOTS[language]}taizhuang/")
    assert tab.locator("#cited-by").count() == 1
    tab.goto(url + ROOTS[language] + "taizhuang/search/?q=" + {"zh": "电商公共服务中心", "en": "e-commerce public service"}[language])
    tab.wait_for_selector("#hb-search-results li a")
    assert NUMBERS[language][1] in tab.locator("#hb-search-results li a").first.inner_text()
    tab.goto(url + ROOTS[language] + "taizhuang/calculators/job-retention-refund/")
    tab.fill('[name="insured_employees_base"]', "200")
    tab.select_option('[name="ui_insured"]', "true")
    tab.fill('[name="layoffs"]', "11")
    tab.fill('[name="last_year_ui_contributions_paid"]', "80000.00")
    tab.click("form button[type=submit]")
    tab.wait_for_selector("""output[name=refund][data-value='"40000.00"']""", state="attached")
    tab.close()


# The header box on a page of one document finds the phrase and lists only pages of the document that holds it.
def header_titles(tab, url: str, query: str) -> list:
    tab.goto(url)
    tab.wait_for_selector("form.hb-header-search[data-ready]")
    tab.fill("#hb-header-q", query)
    tab.wait_for_selector("#hb-header-results [role=option]")
    return tab.locator("#hb-header-results .hb-suggest-title").all_inner_texts()


# The titles the search page lists for a query.
def page_titles(tab, url: str, query: str) -> list:
    tab.goto(f"{url}?q={query}")
    tab.wait_for_selector("#hb-search-results li a")
    return tab.locator("#hb-search-results li a").all_inner_texts()


# In Chromium, in both languages: from a page of the other document and from the library's home, the header box and
# the search page find a phrase of each document, every result naming that document; what they fetch of the index is the library's (never one
# document's own), a few of its shards, and nothing from another site.
@pytest.mark.parametrize("language", ROOTS)
def test_the_library_search_finds_each_document(browser, library_site, language):
    site, url = library_site
    context = browser.new_context()
    tab = context.new_page()
    fetched = []
    tab.on("request", lambda request: fetched.append(request.url))
    root = url + ROOTS[language]
    for query, number, other in zip(SEARCHES[language], NUMBERS[language], ("songhe", "taizhuang")):
        for titles in (header_titles(tab, f"{root}{other}/measures/01/", query), header_titles(tab, root, query),
                       page_titles(tab, f"{root}{other}/search/", query), page_titles(tab, f"{root}search/", query)):
            assert titles and all(title.endswith(f" · {number}") for title in titles), (query, titles)
    context.close()
    index = [address[len(root):] for address in fetched if "search-index" in address]
    assert all(address.startswith(url) for address in fetched)
    assert "search-index.json" in index and not [address for address in index if "/search-index.json" in address]
    shards = {address for address in index if address.startswith(f"{FOLDER}/shards/")}
    assert 0 < len(shards) < len(list((site / ROOTS[language] / FOLDER / "shards").iterdir())) / 2


# In Chromium, a Chinese word is found inside a longer one (险费 in 社会保险费) across the library.
def test_the_library_search_finds_a_word_inside_a_longer_one(browser, library_site):
    context = browser.new_context()
    tab = context.new_page()
    titles = page_titles(tab, f"{library_site[1]}songhe/search/", "险费")
    context.close()
    assert f"社会保险费缓缴 · {NUMBERS['zh'][0]}" in titles, titles


# A document's search page preloads the library's search index (its manifest), not the document's own.
def test_a_documents_search_page_preloads_the_librarys_index(library_site):
    page = read(library_site[0], "en/songhe/search/index.html")
    assert '<link rel="preload" href="../../search-index.json" as="fetch" crossorigin>' in page
    assert json.loads(read(library_site[0], "en/search-index.json"))["shards"] >= 16


# The Python replay of a query, on the built library: the word inside a longer one is found, and each result's page
# is the library's, its title naming its document.
def test_a_replayed_query_finds_a_word_inside_a_longer_one(library_site):
    files, shown = query_files(library_site[0], "险费", 25)
    assert f"社会保险费缓缴 · {NUMBERS['zh'][0]}" in [page["title"] for page in shown]
    assert all(page["url"].startswith(("taizhuang/", "songhe/")) for page in shown)


# In the split index of twenty documents (the built library's pages, ten times over, each copy numbered), a query
# fetches the manifest, the shards of its grams and the fragments of the pages it checks: a few files of the index
# and a small part of its bytes, and finds the phrase in every copy that holds it.
def test_a_query_fetches_a_small_part_of_the_index(library_site, tmp_path):
    fragments = sorted((library_site[0] / FOLDER / "pages").glob("*.json"), key=lambda path: int(path.stem))
    library = [page for path in fragments for page in json.loads(path.read_text(encoding="utf-8"))]
    pages = [{**page, "url": f"copy-{copy}/{page['url']}", "title": f"{page['title']} (copy {copy})"}
             for copy in range(10) for page in library]
    write_sharded_index(tmp_path, "zh", pages)
    index = [path for path in tmp_path.rglob("*.json")]
    files, shown = query_files(tmp_path, "电商公共服务中心", 25)
    assert len([path for path in files if path.parent.name == "shards"]) <= 7  # one per pair of characters
    assert len(files) < len(index) / 10
    assert sum(path.stat().st_size for path in files) < sum(path.stat().st_size for path in index) / 10
    assert len(shown) == 25 and all(f" · {NUMBERS['zh'][1]} (copy " in page["title"] for page in shown)
    assert {page["title"].rpartition(" ")[2] for page in shown} == {f"{copy})" for copy in range(10)}
