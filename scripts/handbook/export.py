"""The JSON export of a dataset: what the site, the calculators and re-users read."""
import json

from .dataset import Dataset


# Flatten one parameter into the form the calculators package reads.
def export_parameter(parameter: dict) -> dict:
    source = parameter["source"]
    return {
        "id": parameter["id"], "name": parameter["name"], "rule": parameter["rule"], "unit": parameter["unit"],
        "measure": source["measure"], "clause": source["clause"], "quote": source["quote"],
        "reading": parameter.get("reading"),
        "values": [{"start": entry["start"], "end": entry["end"], "value": str(entry["value"])}
                   for entry in parameter["values"]],
    }


# Every parameter, keyed by id.
def export_parameters(dataset: Dataset) -> dict:
    return {parameter["id"]: export_parameter(parameter) for parameter in dataset.parameters}


# The whole dataset as one JSON-ready dictionary.
def export_dataset(dataset: Dataset) -> dict:
    return {
        "document": dataset.part("document"),
        "sections": dataset.part("sections")["sections"],
        "measures": dataset.measures,
        "units": dataset.part("units")["units"],
        "annex1": dataset.part("annex1"),
        "annex2": dataset.part("annex2"),
        "parameters": export_parameters(dataset),
        "notes": dataset.part("notes")["notes"],
        "revisions": dataset.part("revisions")["revisions"],
        "glossary": dataset.files["glossary.yaml"].data if "glossary.yaml" in dataset.files else None,
    }


# Serialise deterministically, so two builds of the same data are byte-identical.
def to_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
