"""Print: the whole document on one page (notice, every measure, both annexes) printed to PDF by headless Chromium
and read back with pypdf; a printed measure page carries the document's number, issuer, date and its address, and
no navigation, header, footer, search or forms."""
import io
import re
import unicodedata
from html import unescape

import pytest
import yaml
from pypdf import PdfReader

from tests.helpers import PROJECT

ROOTS = {"zh": "", "en": "en/"}
ANNEXES = {"zh": ("附件1 领导小组", "附件2 任务清单"), "en": ("Annex 1: Leading group", "Annex 2: Task list")}


# A data file of policy_data, read independently of the generator.
def data(name: str):
    return yaml.safe_load((PROJECT / "policy_data" / name).read_text(encoding="utf-8"))


# Text without any whitespace, to compare Chinese across line breaks.
def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Text a PDF reader extracts: the Noto CJK font maps some ideographs and radicals to one glyph, so Chromium's
# ToUnicode table gives a radical (⼈ for 人, ⺠ for 民); NFKC turns the Kangxi radicals back, and a radical of the
# supplement block stands for the ideograph it draws.
def pdf_text(pdf: bytes, first_page_only: bool = False) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return squashed(unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pages[:1 if first_page_only else None])))


# Whether expected text is in extracted PDF text, a radical of the supplement block matching the ideograph it draws.
def found(expected: str, extracted: str) -> bool:
    pattern = "".join(f"(?:{re.escape(char)}|[\u2e80-\u2eff])" if "\u4e00" <= char <= "\u9fff" else re.escape(char)
                      for char in squashed(unicodedata.normalize("NFKC", expected)))
    return re.search(pattern, extracted) is not None


@pytest.mark.parametrize("language", ROOTS)
def test_the_print_page_holds_the_notice_every_measure_and_both_annexes(built_site, language):
    html = unescape((built_site / ROOTS[language] / "print/index.html").read_text(encoding="utf-8"))
    document = data("document.yaml")
    assert document["notice"][language] in html and document["preamble"][language] in html
    for path in sorted(PROJECT.glob("policy_data/measures/*.yaml")):
        measure = yaml.safe_load(path.read_text(encoding="utf-8"))
        for clause in measure["clauses"]:
            assert clause[language] in html and clause["zh"] in html, (measure["number"], clause["id"])
            assert f'id="m{measure["number"]:02d}-{clause["id"]}"' in html
    rows = [row for task in data("annex2.yaml")["tasks"] for row in task["rows"]]
    assert all(f'id="{row["id"]}"' in html and row["text"][language] in html for row in rows)
    assert all(member["name"]["zh"] in html for member in data("annex1.yaml")["members"])
    assert all(title in html for title in ANNEXES[language])
    home = (built_site / ROOTS[language] / "index.html").read_text(encoding="utf-8")
    words = "打印全文" if language == "zh" else "Print the whole document"
    assert f'<p class="hb-print-link"><a href="print/">{words}</a></p>' in home


@pytest.mark.parametrize("language", ROOTS)
def test_the_whole_document_prints_to_a_pdf_with_its_text(page, site_url, language):
    page.goto(f"{site_url}{ROOTS[language]}print/")
    pdf = page.pdf(format="A4")
    text = pdf_text(pdf)
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    measures = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(PROJECT.glob("policy_data/measures/*.yaml"))]
    assert all(found(measure["title"][language], text) for measure in measures)
    assert all(found(title, text) for title in ANNEXES[language])
    assert found(data("annex2.yaml")["tasks"][-1]["rows"][-1]["text"]["zh"][:20], text)
    assert found(data("annex1.yaml")["members"][-1]["name"]["zh"], text)
    assert found(data("document.yaml")["number"][language], text)
    assert "复制引用" not in text and "Copy citation" not in text
    assert page.foreign_requests == []


@pytest.mark.parametrize("language", ROOTS)
def test_a_printed_measure_page_is_its_text_with_number_issuer_date_and_address(page, site_url, language):
    page.goto(f"{site_url}{ROOTS[language]}measures/05/")
    page.wait_for_selector(".hb-cite-button")
    page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".hb-header-search",
              ".hb-cite-button", ".hb-calendar", ".md-content__button"]
    for selector in hidden:
        assert page.locator(selector).count() and not page.locator(selector).first.is_visible(), selector
    assert page.locator("form:visible").count() == 0
    head = page.text_content(".hb-print-head")
    document = data("document.yaml")
    for key in ("number", "issuer", "date_as_written"):
        assert document[key][language] in head
    assert f"{site_url}{ROOTS[language]}measures/05/" in head
    assert page.is_visible(".hb-print-head") and page.is_visible("#c1")
    assert page.is_visible(".hb-unofficial") == (language == "en")
    if language == "en":
        assert "The Chinese original prevails." in page.text_content(".hb-unofficial")
    text = pdf_text(page.pdf(format="A4"), first_page_only=True)
    assert found(document["number"][language], text) and found(document["issuer"][language], text)
    assert found(f"{site_url}{ROOTS[language]}measures/05/", text)
