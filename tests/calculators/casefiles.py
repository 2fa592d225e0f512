"""The calculation cases as data: loading them, and every case's full result as JSON for comparison."""
import json
from pathlib import Path

import yaml

from calculators import calculate
from handbook.data.dataset import load_dataset
from handbook.data.export import export_parameters

PROJECT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).resolve().parent / "cases"


def load_parameters() -> dict:
    """Return the parameters of policy_data/ exactly as the site and the CLI export them."""
    return export_parameters(load_dataset(PROJECT / "policy_data"))


def case_files() -> list:
    """Return every case file, cases/<measure>/<calculator-id>.yaml."""
    return sorted(CASES_DIR.glob("*/*.yaml"))


def all_cases() -> list:
    """Return (calculator id, case folder, case) for every case, in file order."""
    return [(path.stem, path.parent.name, case) for path in case_files()
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def case_failures(result: dict, case: dict) -> list:
    """Return what a result gets wrong against a case (empty when it holds): status, errors (kind and field, in
    order), each listed output exactly, and for `includes` each listed item found in the list output, matching
    on the item's listed keys."""
    if "errors" in case:
        errors = [{"kind": error["kind"], "field": error["field"]} for error in result.get("errors", [])]
        failures = [] if result["status"] == "invalid" and errors == case["errors"] else [("errors", errors)]
    else:
        failures = [] if result["status"] == "ok" else [("status", result.get("errors"))]
    failures += [(key, result.get(key)) for key, expected in case.get("output", {}).items() if result.get(key) != expected]
    failures += [(key, item) for key, items in case.get("includes", {}).items() for item in items
                 if not any(contains(found, item) for found in result.get(key) or [])]
    return failures + reading_failures(result, case)


def reading_failures(result: dict, case: dict) -> list:
    """Return what a result gets wrong in what a person reads: `shown` figure texts, words `explained` in the
    trace (per language) and words of each error's Chinese message (`messages`, in error order)."""
    shown = {figure["name"]: figure["text"] for figure in result.get("display", [])}
    failures = [(f"shown {name}", shown.get(name)) for name, expected in case.get("shown", {}).items()
                if shown.get(name) != expected]
    failures += [(f"explained {language}", words) for language, words in case.get("explained", {}).items()
                 if not any(words in step["explanation"][language] for step in result.get("trace", []))]
    messages = [error["message"]["zh"] for error in result.get("errors", [])]
    failures += [("message", words) for number, words in enumerate(case.get("messages", []))
                 if number >= len(messages) or words not in messages[number]]
    return failures


def contains(found: dict, item: dict) -> bool:
    """Tell whether a result's list item has every key of an expected item, with equal values."""
    return isinstance(found, dict) and all(found.get(key) == value for key, value in item.items())


def all_results_json() -> str:
    """Return every case's complete result, keyed by case, as canonical JSON."""
    parameters = load_parameters()
    results = {f"{folder}/{calculator}: {case['name']}": calculate(calculator, case["inputs"], parameters)
               for calculator, folder, case in all_cases()}
    return json.dumps(results, ensure_ascii=False, sort_keys=True)
