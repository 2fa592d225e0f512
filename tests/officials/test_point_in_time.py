"""A parameter given a new value from a date: calculations use the value in force, the site shows the history."""
import json
import re
from pathlib import Path

from handbook.build import build_site
from tests.helpers import PROJECT, run_handbook

REVISION = {"zh": "稳岗返还标准自2021年1月1日起调整为60%。", "en": "The job-retention refund rate is 60% from 1 January 2021."}
INPUTS = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11, "last_year_ui_contributions_paid": "80000.00"}


# End the 50% refund rate on 2020-12-31, add 60% from 2021-01-01, and record the revision.
def date_the_refund_rate(data: Path) -> None:
    path = data / "parameters" / "05.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  - start: '2020-02-22'\n    end: null\n    value: '50'\n"
    assert text.count(old) == 1
    new = ("  - start: '2020-02-22'\n    end: '2020-12-31'\n    value: '50'\n"
           "  - start: '2021-01-01'\n    end: null\n    value: '60'\n")
    path.write_text(text.replace(old, new), encoding="utf-8")
    with (data / "revisions.yaml").open("a", encoding="utf-8") as revisions:
        revisions.write(f"- date: '2021-01-01'\n  changes:\n    zh: {REVISION['zh']}\n    en: {REVISION['en']}\n")


# The refund the calculator gives as of a date, from the data folder given.
def refund_as_of(data: Path, as_of: str) -> str:
    done = run_handbook("calc", "job-retention-refund", "--data", data, "--input", json.dumps({**INPUTS, "as_of": as_of}))
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)["refund"]


# The table rows of a built page, as text with the tags removed.
def table_rows(page: Path) -> list:
    html = page.read_text(encoding="utf-8")
    return [re.sub(r"<[^>]+>", " ", row) for row in re.findall(r"<tr.*?</tr>", html, flags=re.S)]


# Assert that a page's tables show both refund-rate values, each with its period.
def assert_value_history(page: Path, open_end: str) -> None:
    rows = [row for row in table_rows(page) if "返还其上年度实际缴纳失业保险费的50%" in row]
    assert any("50%" in row and "2020-02-22 – 2020-12-31" in row for row in rows), rows
    assert any("60%" in row and f"2021-01-01 – ({open_end})" in row for row in rows), rows


def test_calculation_uses_the_value_in_force(data_copy):
    date_the_refund_rate(data_copy)
    assert refund_as_of(data_copy, "2020-06-01") == "40000.00"
    assert refund_as_of(data_copy, "2021-06-01") == "48000.00"


def test_site_shows_the_value_history_and_the_revision(data_copy, tmp_path):
    from handbook.site.labels import label
    date_the_refund_rate(data_copy)
    site = build_site(str(data_copy), str(tmp_path / "site"), str(PROJECT / "mkdocs.yml"), compress=False)
    for language, prefix in (("zh", site), ("en", site / "en")):
        open_end = label("open_end", language)
        assert_value_history(prefix / "key-figures" / "index.html", open_end)
        assert_value_history(prefix / "measures" / "05" / "index.html", open_end)
        revisions = [row for row in table_rows(prefix / "revisions" / "index.html") if "2021-01-01" in row]
        assert len(revisions) == 1 and REVISION[language] in revisions[0], revisions
