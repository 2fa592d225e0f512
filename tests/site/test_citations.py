"""A citation for every clause, Annex 2 row and Annex 1 member: the same anchor in both languages, the document's
number in its citation, and a copy button that works with and without the Clipboard API (the ¶ link without
JavaScript)."""
import re
from html import unescape

import pytest
import yaml

from tests.helpers import PROJECT

ROOTS = {"zh": "", "en": "en/"}
NUMBER = {"zh": "台政发〔2020〕2号", "en": "Tai Zheng Fa [2020] No. 2"}
INTRANET = "http://intranet.test/"


# Every element's (id, data-citation) in a built page, in order.
def citations(html: str) -> list:
    return [(anchor, unescape(citation)) for anchor, citation in
            re.findall(r'<[a-z]+ id="([^"]+)"[^>]*? data-citation="([^"]+)"', html)]


# A page of the built site in one language.
def read(built_site, language: str, page: str) -> str:
    return (built_site / ROOTS[language] / page).read_text(encoding="utf-8")


def test_the_document_number_comes_from_document_yaml():
    document = yaml.safe_load((PROJECT / "policy_data/document.yaml").read_text(encoding="utf-8"))
    assert document["number"] == NUMBER


@pytest.mark.parametrize("language", ROOTS)
def test_every_clause_cites_the_document_measure_and_sentence(built_site, language):
    for path in sorted(PROJECT.glob("policy_data/measures/*.yaml")):
        measure = yaml.safe_load(path.read_text(encoding="utf-8"))
        number = measure["number"]
        found = citations(read(built_site, language, f"measures/{number:02d}/index.html"))
        clauses = [(anchor, text) for anchor, text in found if re.fullmatch(r"c\d+", anchor)]
        expected = [(clause["id"], f"台政发〔2020〕2号 第{number}条第{sentence}句" if language == "zh"
                     else f"Tai Zheng Fa [2020] No. 2, Measure {number}, sentence {sentence}")
                    for sentence, clause in enumerate(measure["clauses"], start=1)]
        assert clauses == expected
        assert f'<a href="#{measure["clauses"][0]["id"]}" class="hb-anchor"' in read(
            built_site, language, f"measures/{number:02d}/index.html")


def test_annex_rows_and_members_have_the_same_anchors_in_both_languages(built_site):
    annex2 = yaml.safe_load((PROJECT / "policy_data/annex2.yaml").read_text(encoding="utf-8"))
    annex1 = yaml.safe_load((PROJECT / "policy_data/annex1.yaml").read_text(encoding="utf-8"))
    rows = [row["id"] for task in annex2["tasks"] for row in task["rows"]]
    members = [f"A1-{index:02d}" for index in range(1, len(annex1["members"]) + 1)]
    found = {language: (citations(read(built_site, language, "annex-2/index.html")),
                        citations(read(built_site, language, "annex-1/index.html"))) for language in ROOTS}
    for language, (rows_found, members_found) in found.items():
        assert [anchor for anchor, _ in rows_found] == rows
        assert [anchor for anchor, _ in members_found] == members
        assert all(text.startswith(NUMBER[language]) for _, text in rows_found + members_found)
    assert dict(found["zh"][0])["A2-10"] == "台政发〔2020〕2号 附件2第10项"
    assert dict(found["en"][0])["A2-10"] == "Tai Zheng Fa [2020] No. 2, Annex 2, item 10"
    assert dict(found["zh"][1])["A1-03"] == "台政发〔2020〕2号 附件1第3名"
    assert dict(found["en"][1])["A1-03"] == "Tai Zheng Fa [2020] No. 2, Annex 1, member 3"


def test_the_button_is_a_module_of_its_own_and_no_inline_script(built_site):
    html = read(built_site, "zh", "measures/05/index.html")
    assert '<script src="../../assets/javascripts/citation.js" type="module"></script>' in html
    script = (PROJECT / "docs/assets/javascripts/citation.js").read_text(encoding="utf-8")
    code = re.sub(r"^\s*//.*$", "", script, flags=re.M)
    assert "(function" not in code and "var " not in code
    assert not re.search(r"[\u4e00-\u9fff]", script) and "Copy" not in code


# A context whose tabs can read the clipboard on the local site, and can open the site at a plain-HTTP host name.
@pytest.fixture
def clipboard_context(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    context.route(f"{INTRANET}**", lambda route: route.fulfill(
        response=route.fetch(url=route.request.url.replace(INTRANET, site_url))))
    yield context
    context.close()


# Click a clause's copy button and return the status it shows.
def copy_clause(tab, clause: str) -> str:
    tab.click(f"#{clause} .hb-cite-button")
    tab.wait_for_function(f"document.querySelector('#{clause} .hb-cite-status').textContent !== ''")
    return tab.text_content(f"#{clause} .hb-cite-status")


@pytest.mark.parametrize("language,copied", [("zh", "已复制引用和链接"), ("en", "Citation and link copied")])
def test_copy_citation_uses_the_clipboard_api_where_there_is_one(clipboard_context, site_url, language, copied):
    tab = clipboard_context.new_page()
    tab.goto(f"{site_url}{ROOTS[language]}measures/05/")
    assert tab.text_content("#c3 .hb-cite-button") == ("复制引用" if language == "zh" else "Copy citation")
    assert copy_clause(tab, "c3") == copied
    citation = {"zh": "台政发〔2020〕2号 第5条第3句", "en": "Tai Zheng Fa [2020] No. 2, Measure 5, sentence 3"}[language]
    assert tab.evaluate("navigator.clipboard.readText()") == f"{citation} {site_url}{ROOTS[language]}measures/05/#c3"


def test_copy_citation_on_a_plain_http_host_selects_and_copies(clipboard_context, site_url):
    tab = clipboard_context.new_page()
    tab.goto(f"{INTRANET}measures/05/")
    assert tab.evaluate("[window.isSecureContext, typeof navigator.clipboard]") == [False, "undefined"]
    assert copy_clause(tab, "c2") == "已复制引用和链接"
    assert tab.is_hidden("#c2 .hb-cite-field")
    reader = clipboard_context.new_page()
    reader.goto(site_url)
    assert reader.evaluate("navigator.clipboard.readText()") == f"台政发〔2020〕2号 第5条第2句 {INTRANET}measures/05/#c2"


def test_annex_rows_get_a_copy_button_too(clipboard_context, site_url):
    tab = clipboard_context.new_page()
    tab.goto(f"{site_url}en/annex-2/")
    tab.click("#A2-10 .hb-cite-button")
    tab.wait_for_function("document.querySelector('#A2-10 .hb-cite-status').textContent !== ''")
    assert tab.evaluate("navigator.clipboard.readText()") == \
        f"Tai Zheng Fa [2020] No. 2, Annex 2, item 10 {site_url}en/annex-2/#A2-10"


def test_without_javascript_the_pilcrow_link_stays_and_no_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site_url}measures/05/")
    assert tab.locator("#c1 a.hb-anchor").get_attribute("href") == "#c1"
    assert tab.locator(".hb-cite-button").count() == 0
    context.close()
