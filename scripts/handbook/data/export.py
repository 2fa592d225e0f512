"""The JSON export of a dataset: what the site, the calculators and re-users read."""
import json

from .amendments import amended_values, clause_versions
from .dataset import Dataset


# Flatten one parameter into the form the calculators package reads, with the amendments of revisions applied.
def export_parameter(parameter: dict, revisions: list = ()) -> dict:
    source = parameter["source"]
    values = [{"start": entry["start"], "end": entry["end"], "value": str(entry["value"])} for entry in parameter["values"]]
    return {
        "id": parameter["id"], "name": parameter["name"], "rule": parameter["rule"], "unit": parameter["unit"],
        "measure": source["measure"], "clause": source["clause"], "quote": source["quote"],
        "reading": parameter.get("reading"),
        "values": amended_values(values, list(revisions), parameter["id"]),
    }


# Every parameter, keyed by id.
def export_parameters(dataset: Dataset) -> dict:
    revisions = dataset.part("revisions")["revisions"]
    return {parameter["id"]: export_parameter(parameter, revisions) for parameter in dataset.parameters}


# Every measure, each amended clause carrying its later versions under "versions".
def export_measures(dataset: Dataset) -> list:
    revisions = dataset.part("revisions")["revisions"]
    measures = []
    for measure in dataset.measures:
        clauses = []
        for clause in measure["clauses"]:
            versions = clause_versions(revisions, measure["number"], clause["id"])
            clauses.append({**clause, "versions": versions} if versions else clause)
        measures.append({**measure, "clauses": clauses})
    return measures


# The whole dataset as one JSON-ready dictionary.
def export_dataset(dataset: Dataset) -> dict:
    return {
        "document": dataset.part("document"),
        "sections": dataset.part("sections")["sections"],
        "measures": export_measures(dataset),
        "units": dataset.part("units")["units"],
        "annex1": dataset.part("annex1"),
        "annex2": dataset.part("annex2"),
        "parameters": export_parameters(dataset),
        "notes": dataset.part("notes")["notes"],
        "revisions": dataset.part("revisions")["revisions"],
        "parts": [kind for kind in ("annex1", "annex2", "notes") if dataset.has(kind)],
        "glossary": dataset.files["glossary.yaml"].data if "glossary.yaml" in dataset.files else None,
    }


# Serialise deterministically, so two builds of the same data are byte-identical.
def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
