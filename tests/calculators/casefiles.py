"""The calculation cases as data: loading them, and every case's full result as JSON for comparison."""
import json
from pathlib import Path

import yaml

from calculators import calculate
from handbook.dataset import load_dataset
from handbook.export import export_parameters

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


def all_results_json() -> str:
    """Return every case's complete result, keyed by case, as canonical JSON."""
    parameters = load_parameters()
    results = {f"{folder}/{calculator}: {case['name']}": calculate(calculator, case["inputs"], parameters)
               for calculator, folder, case in all_cases()}
    return json.dumps(results, ensure_ascii=False, sort_keys=True)
