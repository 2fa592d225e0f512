"""A fixture amendment (tests/fixtures/amendment): an invented instrument raises measure 5's refund rate to 60 % and
amends clause c1, both from 2021-01-01. The pages show the version in force on the reader's day, marked with its
instrument and date, every version one click away; the revisions page names the instrument."""
import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from handbook.build import build_site
from tests.conftest import serve_folder

PROJECT = Path(__file__).resolve().parents[2]
FIXTURE = PROJECT / "tests" / "fixtures" / "amendment"
AMENDED = "返还其上年度实际缴纳失业保险费的60%"
ORIGINAL = "返还其上年度实际缴纳失业保险费的50%"


# Build the real data with the fixture's revisions.yaml in place, once for this module.
@pytest.fixture(scope="module")
def amended_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("amended")
    data = root / "policy_data"
    shutil.copytree(PROJECT / "policy_data", data)
    shutil.copytree(FIXTURE, data, dirs_exist_ok=True)
    return build_site(str(data), str(root / "site"), str(PROJECT / "mkdocs.yml"), compress=False)


# The amended site served locally.
@pytest.fixture(scope="module")
def amended_url(amended_site):
    server, url = serve_folder(amended_site)
    yield url
    server.shutdown()


# The text of an HTML fragment with the tags removed (replaced by gap).
def text_of(html: str, gap: str = " ") -> str:
    return re.sub(r"<[^>]+>", gap, html)


def test_clause_keeps_the_original_and_marks_the_amendment(amended_site):
    html = (amended_site / "measures" / "05" / "index.html").read_text(encoding="utf-8")
    clause = html[html.index('<li id="c1"'):html.index('<li id="c2"')]
    assert ORIGINAL + "。" in clause and AMENDED + "。" in clause
    assert "经台政发〔2020〕99号修改，自2021-01-01起施行" in text_of(clause, "")
    assert 'href="https://example.org/taizhengfa-2020-99"' in clause
    assert "<details" in clause and "原文，适用至2020-12-31" in text_of(clause, "")


def test_figures_cite_the_text_each_value_was_read_from(amended_site):
    html = (amended_site / "en" / "key-figures" / "index.html").read_text(encoding="utf-8")
    rows = [text_of(row, "") for row in re.findall(r"<tr.*?</tr>", html, flags=re.S) if "refund rate" in row.lower()]
    assert any("50%" in row and "2020-02-22 – 2020-12-31" in row and ORIGINAL in row for row in rows), rows
    assert any("60%" in row and AMENDED in row and "Amended by Tai Zheng Fa [2020] No. 99, in force from 2021-01-01" in row
               for row in rows), rows


def test_revisions_page_names_the_instrument_under_the_right_headings(amended_site):
    html = (amended_site / "revisions" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<th scope="col">(.*?)</th>', html) == ["修订日期", "依据文件", "修订内容"]
    assert "台政发〔2020〕99号" in html and "关于调整稳岗返还标准的通知" in html


@pytest.mark.parametrize(("day", "shown", "hidden", "mark"), [
    ("2021-02-01", AMENDED, ORIGINAL, "经台政发〔2020〕99号修改，自2021-01-01起施行"),
    ("2020-06-01", ORIGINAL, AMENDED, "原文，适用至2020-12-31"),
])
def test_reader_sees_the_text_in_force_on_their_day(browser, amended_url, day, shown, hidden, mark):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat(f"{day}T10:00:00"))
    page.goto(amended_url + "measures/05/")
    visible = page.locator("#c1 > .hb-version:visible")
    assert visible.count() == 1
    assert shown in visible.inner_text() and mark in visible.inner_text()
    assert hidden not in visible.inner_text()
    status = page.inner_text(".hb-status-text")
    assert f"截至{day}" in status, status
    context.close()


def test_a_period_starting_after_the_reader_day_is_not_in_force(browser, amended_url):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(datetime.fromisoformat("2019-12-01T10:00:00"))
    page.goto(amended_url + "en/measures/05/")
    assert page.inner_text(".hb-status-text") == "not yet in force: applies from 2020-01-01 (as of 2019-12-01)"
    context.close()
