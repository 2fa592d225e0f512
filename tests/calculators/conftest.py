"""Shared fixtures: the policy parameters exported from policy_data/parameters/*.yaml."""
from pathlib import Path

import pytest
import yaml

PARAMETER_DIR = Path(__file__).resolve().parents[2] / "policy_data" / "parameters"


def load_parameters(directory: Path = PARAMETER_DIR) -> dict:
    """Export every parameter file into the dict the calculators take (a stand-in for the real loader)."""
    exported = {}
    for path in sorted(directory.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["parameters"]:
            source = item["source"]
            exported[item["id"]] = {
                "id": item["id"],
                "name": item["name"],
                "rule": item["rule"],
                "unit": item["unit"],
                "measure": source["measure"],
                "clause": source["clause"],
                "quote": source["quote"],
                "reading": item.get("reading"),
                "values": [
                    {key: None if entry.get(key) is None else str(entry[key]) for key in ("start", "end", "value")}
                    for entry in item["values"]
                ],
            }
    return exported


@pytest.fixture(scope="session")
def params() -> dict:
    """The exported parameters, loaded once per test session."""
    return load_parameters()
