"""YAML cases run against a fixture amendment: a parameter whose value changes between two application dates."""
import shutil
from pathlib import Path

import pytest
import yaml

from calculators import calculate
from handbook.data.dataset import load_dataset
from handbook.data.export import export_parameters

PROJECT = Path(__file__).resolve().parents[2]
CASES_DIR = Path(__file__).resolve().parent / "amended_cases"
FIXTURE = PROJECT / "tests" / "fixtures" / "amendment"


@pytest.fixture(scope="module")
def amended_params(tmp_path_factory) -> dict:
    """The parameters of policy_data/ with the fixture's revisions.yaml in place of its own."""
    data = tmp_path_factory.mktemp("amended") / "policy_data"
    shutil.copytree(PROJECT / "policy_data", data)
    shutil.copytree(FIXTURE, data, dirs_exist_ok=True)
    return export_parameters(load_dataset(data))


def load_cases() -> list:
    """Return one pytest parameter per case, named after its file and case name."""
    return [pytest.param(path.stem, case, id=f"{path.parent.name}/{path.stem}: {case['name']}")
            for path in sorted(CASES_DIR.glob("*/*.yaml"))
            for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize(("calculator_id", "case"), load_cases())
def test_amended_case(calculator_id, case, amended_params):
    """The listed outputs match, and the trace's last step names the deciding date and the values in force."""
    result = calculate(calculator_id, case["inputs"], amended_params)
    assert result["status"] == "ok", result.get("errors")
    for key, expected in case.get("output", {}).items():
        assert result[key] == expected, key
    if "trace_last" in case:
        assert result["trace"][-1]["explanation"] == case["trace_last"]
