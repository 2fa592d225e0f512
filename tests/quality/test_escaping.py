"""Escaping: hostile text in the data is refused with its file, line and field, or shown as text that runs nothing;
hostile calculator inputs in the URL are reported as errors, as text."""
import html
import json
import re
import shutil
from urllib.parse import urlencode

import pytest
import yaml

from handbook.build import BuildFailed, build_site
from handbook.static_server import serve_folder
from tests.helpers import PROJECT, watch_same_origin
from tests.quality.helpers import nu_messages

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
           '<a href="javascript:alert(1)">link</a>', "{{ 7*7 }}", "{% raw %}", "</title></td></div><script>alert(2)</script>",
           '"><svg onload=alert(3)>', "&lt;b&gt; &amp;", "**bold** <b>bold</b> [link](https://example.org) \\*",
           "\n\n# Heading\n\n<div>"]
PAYLOAD = " ".join(HOSTILE)
LONG = "长" * 10_000 + "long " * 2_000
# (data file, text of the one line that holds the value, the field the loader names)
FIELDS = [("document.yaml", "  zh: 台儿庄区应对新冠肺炎疫情做好稳就业工作的实施方案", "plan_title.zh"),
          ("document.yaml", "  en: \"Tai'erzhuang District Implementation Plan for Responding", "plan_title.en"),
          ("sections.yaml", "紧盯援企纾困", "title.zh"), ("sections.yaml", "Focus on aiding enterprises", "title.en"),
          ("measures/05.yaml", "  zh: 加大稳岗返还", "title.zh"),
          ("measures/05.yaml", "Increase job-retention refunds", "title.en"),
          ("measures/05.yaml", "对不裁员或少裁员的参保企业", "clauses[0].zh"),
          ("measures/05.yaml", "Insured enterprises that make no or few layoffs", "clauses[0].en"),
          ("units.yaml", "    zh: 区人力资源社会保障局", "name.zh"),
          ("units.yaml", "District Human Resources and Social Security Bureau", "name.en"),
          ("notes.yaml", "通知所附附件目录称附件2为", "text.zh"),
          ("notes.yaml", "The attachment list after the main", "text.en"),
          ("parameters/05.yaml", "    zh: 稳岗返还标准", "name.zh"),
          ("parameters/05.yaml", "Job-retention refund rate", "name.en"),
          ("annex2.yaml", "对不裁员或少裁员的参保企业，返还", "text.zh"),
          ("annex2.yaml", "Insured enterprises that make no", "text.en")]
UNIT_EN = 9  # the index in FIELDS of the unit's English name
HIDDEN = {"right-to-left override": "\u202e", "bell": "\u0007", "escape": "\u001b", "null": "\u0000",
          "zero-width joiner": "\u200d"}
PAGES = ["", "sections/02/", "measures/05/", "units/", "units/hrss/", "annex-1/", "annex-2/", "translation/",
         "key-figures/", "calculators/job-retention-refund/"]
INJECTED_HTML = (r"<script>alert", r"<img src=x", r"<svg onload", r'<a\s[^<>]*href="?javascript:', r"<b>bold", r"<div>\s*\n\s*</")
INJECTED = "img[src=x], a[href^='javascript' i], svg[onload], [onerror], b"


# The line number (from 1) of the one line of a data file that contains needle.
def line_of(data, name: str, needle: str) -> int:
    lines = (data / name).read_text(encoding="utf-8").split("\n")
    found = [number for number, line in enumerate(lines, 1) if needle in line]
    assert len(found) == 1, (name, needle, found)
    return found[0]


# Append text to the value on one line of a data file, written as a JSON string (valid YAML).
def append_to_line(data, name: str, needle: str, text: str) -> int:
    path, number = data / name, line_of(data, name, needle)
    lines = path.read_text(encoding="utf-8").split("\n")
    key, value = lines[number - 1].split(":", 1)
    lines[number - 1] = f"{key}: {json.dumps(yaml.safe_load(value) + text, ensure_ascii=False)}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


# The mark that tells which field a payload on a page came from.
def marker(index: int) -> str:
    return f"⟦{index}⟧"


# The real data with a marked hostile payload appended to every field, the unit keeping its name as a variant.
def hostile_data(data):
    for index, (name, needle, _) in enumerate(FIELDS):
        append_to_line(data, name, needle, f" {marker(index)} {PAYLOAD}")
    append_to_line(data, "measures/05.yaml", "Insured enterprises that make no or few layoffs", " " + LONG)
    units = data / "units.yaml"
    name = '  name:\n    zh: "区人力资源社会保障局'
    units.write_text(units.read_text(encoding="utf-8").replace(name, "  variants:\n  - 区人力资源社会保障局\n" + name),
                     encoding="utf-8")
    rename_body(data, FIELDS[UNIT_EN][1], f"{FIELDS[UNIT_EN][1]} {marker(UNIT_EN)} {PAYLOAD}")
    (data / "original.txt").unlink()  # the hostile Chinese is in no original: validate would refuse it
    return data


# Every other one-line value that names the body by its registry name names it by the hostile name instead
# (the terminology check holds Annex 1 posts and other texts to the registry name).
def rename_body(data, old: str, new: str) -> None:
    for path in sorted(data.rglob("*.yaml")):
        if path.name == "units.yaml":
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(lines):
            key, colon, value = line.partition(": ")
            if colon and old in value and key.strip() == "en":
                lines[number] = f"{key}: {json.dumps(yaml.safe_load(value).replace(old, new), ensure_ascii=False)}"
        path.write_text("\n".join(lines), encoding="utf-8")


# The site built from the hostile data, served locally.
@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    data = hostile_data(shutil.copytree(PROJECT / "policy_data", tmp_path_factory.mktemp("hostile") / "policy_data"))
    site = build_site(str(data), str(data.parent / "site"), str(PROJECT / "mkdocs.yml"), compress=False)
    server, url = serve_folder(site)
    yield site, url
    server.shutdown()


# A context for the hostile site, kept for the module so that its calculators start warm after the first.
@pytest.fixture(scope="module")
def hostile_context(browser):
    context = browser.new_context()
    yield context
    context.close()


# A tab that records dialogs and requests to other origins (which the proxy refuses).
@pytest.fixture
def tab(hostile_context, hostile_site):
    foreign = []
    page = hostile_context.new_page()
    watch_same_origin(page, hostile_site[1], foreign)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    page.close()
    assert foreign == []


@pytest.mark.parametrize("kind", HIDDEN)
def test_invisible_characters_are_refused_naming_file_line_and_field(data_copy, tmp_path, kind):
    lines = {(name, field): append_to_line(data_copy, name, needle, HIDDEN[kind]) for name, needle, field in FIELDS}
    with pytest.raises(BuildFailed) as refused:
        build_site(str(data_copy), str(tmp_path / "site"), str(PROJECT / "mkdocs.yml"))
    for (name, field), number in lines.items():
        assert re.search(rf"{re.escape(name)}:{number}:\d+: \S*{re.escape(field)}: .*invisible", str(refused.value)), \
            (name, field, str(refused.value))
    assert not (tmp_path / "site").exists()


def test_a_raw_control_byte_is_refused_naming_file_and_line(data_copy, tmp_path):
    path = data_copy / "measures/05.yaml"
    number = line_of(data_copy, "measures/05.yaml", "  zh: 加大稳岗返还")
    path.write_text(path.read_text(encoding="utf-8").replace("加大稳岗返还", "加大\x07稳岗返还", 1), encoding="utf-8")
    with pytest.raises(BuildFailed) as refused:
        build_site(str(data_copy), str(tmp_path / "site"), str(PROJECT / "mkdocs.yml"))
    assert re.search(rf"measures/05\.yaml:{number}:\d+:.*special characters", str(refused.value)), str(refused.value)


def test_quotes_in_titles_are_shown_as_written(built_site):
    for path in built_site.rglob("*.html"):
        assert "&amp;#" not in path.read_text(encoding="utf-8"), path.relative_to(built_site)
    page = (built_site / "en" / "measures" / "03" / "index.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>([^<]*)</title>", page).group(1))
    assert title.startswith("3. Organise workers' safe, orderly return to work - Tai'erzhuang District")


def test_the_search_index_holds_plain_text(built_site):
    index = (built_site / "en" / "search-index.json").read_text(encoding="utf-8")
    assert "&#x27;" not in index and "&amp;" not in index


def test_no_page_carries_injected_markup(hostile_site):
    site = hostile_site[0]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for pattern in INJECTED_HTML:
            assert not re.search(pattern, html, re.I), f"{path.relative_to(site)}: {pattern}"
        assert ">49<" not in html and " 49 " not in html


def test_pages_with_hostile_text_are_valid_html(hostile_site):
    site = hostile_site[0]
    files = [site / root / page / "index.html" for root in ("", "en/") for page in ("", "measures/05", "units/hrss")]
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in nu_messages(files) if m["type"] != "info"]
    assert errors == []


@pytest.mark.parametrize("language,root", [("zh", ""), ("en", "en/")])
def test_hostile_text_is_shown_as_text_and_runs_nothing(tab, hostile_site, language, root):
    shown, literal = set(), " ".join(HOSTILE[:-1])  # what every page must show, up to where a list shortens it
    for path in PAGES:
        tab.goto(hostile_site[1] + root + path)
        assert tab.locator(INJECTED).count() == 0, path
        assert not tab.evaluate("[...document.scripts].some((script) => script.textContent.includes('alert'))"), path
        assert f"{marker(0 if language == 'zh' else 1)} {literal}" in tab.title(), path
        text = tab.inner_text("body")
        for index in range(len(FIELDS)):
            if marker(index) in text:
                shown.add(index)
                for after in text.split(marker(index) + " ")[1:]:
                    assert literal.startswith(after[:len(literal)].split("…")[0]), (path, FIELDS[index], after)
    assert {index for index, field in enumerate(FIELDS) if field[2].endswith(language)} <= shown
    assert tab.dialogs == []


def test_the_long_text_is_shown_whole(tab, hostile_site):
    tab.goto(hostile_site[1] + "en/measures/05/")
    assert LONG.strip() in tab.inner_text("#c1")


HOSTILE_INPUTS = {"ui_insured": "<script>alert(1)</script>", "insured_employees_base": "<img src=x onerror=alert(1)>",
                  "layoffs": '"><svg onload=alert(3)>', "last_year_ui_contributions_paid": "1e999999",
                  "application_date": "{{ 7*7 }}", '"]<img src=x onerror=alert(4)>': "1", "hires[0].x": "1"}


@pytest.mark.parametrize("root", ["", "en/"])
def test_hostile_calculator_inputs_in_the_url_are_errors_shown_as_text(tab, hostile_site, root):
    tab.goto(f"{hostile_site[1]}{root}calculators/job-retention-refund/?{urlencode(HOSTILE_INPUTS)}")
    tab.wait_for_selector("form[data-state=done]", timeout=60_000)
    assert tab.input_value('[name="insured_employees_base"]') == HOSTILE_INPUTS["insured_employees_base"]
    errors = tab.eval_on_selector_all(".hb-field-error", "slots => slots.map((slot) => slot.textContent).join(' ')")
    assert errors.strip()
    assert tab.locator(INJECTED).count() == 0
    assert tab.dialogs == []


def test_a_huge_row_index_or_a_broken_list_name_in_the_url_does_not_break_the_page(tab, hostile_site):
    query = urlencode({"resumed_work": "true", "hires[10000000].hire_date": "2020-02-20", 'x"]y[0].z': "1"})
    tab.goto(f"{hostile_site[1]}calculators/new-hire-subsidy/?{query}")
    tab.wait_for_selector("form[data-state=done]", timeout=60_000)
    assert tab.locator("[data-row]").count() == 1
