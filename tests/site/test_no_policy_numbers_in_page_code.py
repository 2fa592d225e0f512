"""No policy number is typed into the page-side code: every figure reaches the browser from the data."""
import re
from decimal import Decimal
from pathlib import Path

from handbook.data.dataset import load_dataset
from tests.helpers import PROJECT

SCRIPTS = sorted((PROJECT / "docs" / "assets" / "javascripts").glob("*.js"))
GENERIC = {Decimal(0), Decimal(1)}
NUMBER = re.compile(r"(?<![\w.\[])(\d+(?:\.\d+)?)(?![\w.])")
DATE = re.compile(r"\b(19|20)\d\d-\d\d(-\d\d)?\b")


# Every number and date that policy_data holds as a parameter value.
def policy_values() -> tuple:
    values = [str(entry["value"]) for parameter in load_dataset(PROJECT / "policy_data").parameters
              for entry in parameter["values"]]
    numbers = {Decimal(value) for value in values if not DATE.fullmatch(value)} - GENERIC
    return numbers, {value for value in values if DATE.fullmatch(value)}


# The code of a script without its comments.
def code(path: Path) -> str:
    return re.sub(r"//[^\n]*|/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)


def test_scripts_exist():
    assert {path.name for path in SCRIPTS} >= {"calculator.js", "calculator-worker.js", "search.js"}


def test_no_policy_number_or_date_in_page_scripts():
    numbers, dates = policy_values()
    found = [f"{path.name}: {match.group(1)}" for path in SCRIPTS for match in NUMBER.finditer(code(path))
             if Decimal(match.group(1)) in numbers]
    found += [f"{path.name}: {match.group(0)}" for path in SCRIPTS for match in DATE.finditer(code(path))]
    assert found == [], f"policy numbers typed into page code (they belong in policy_data/): {found}; known: {sorted(dates)[:3]}…"
