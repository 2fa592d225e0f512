"""Files written beside the pages: search index, JSON export, CSV tables and JSON Schemas."""
import csv
import io
import json
from pathlib import Path

from ..data.export import to_json
from ..data.jsonschema_export import all_schemas
from ..data.languages import ROOT_LANGUAGE

SEARCH_INDEX = "search-index.json"  # at each language's root; search-match.js fetches it from there


# Write every non-page output of one language build into site_dir.
def write_outputs(site_dir: Path, language: str, export: dict, search_entries: list) -> None:
    index = sorted(search_entries, key=lambda entry: entry["url"])
    (site_dir / SEARCH_INDEX).write_text(
        json.dumps({"language": language, "pages": index}, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    if language != ROOT_LANGUAGE:
        return
    data_dir = site_dir / "data"
    (data_dir / "schema").mkdir(parents=True, exist_ok=True)
    (data_dir / "handbook.json").write_text(to_json(export), encoding="utf-8")
    (data_dir / "parameters.csv").write_text(parameters_csv(export), encoding="utf-8")
    (data_dir / "annex2-tasks.csv").write_text(annex2_csv(export), encoding="utf-8")
    for name, schema in all_schemas().items():
        (data_dir / "schema" / name).write_text(to_json(schema), encoding="utf-8")


# Every dated parameter value as one CSV row.
def parameters_csv(export: dict) -> str:
    rows = [["id", "name_zh", "name_en", "value", "unit", "start", "end", "rule", "measure", "clause", "quote"]]
    for parameter in export["parameters"].values():
        for value in parameter["values"]:
            rows.append([parameter["id"], parameter["name"]["zh"], parameter["name"]["en"], value["value"],
                         parameter["unit"], value["start"], value["end"] or "", parameter["rule"],
                         parameter["measure"], parameter["clause"], parameter["quote"]])
    return _csv(rows)


# Every Annex 2 row as one CSV row.
def annex2_csv(export: dict) -> str:
    rows = [["row", "measure", "task_zh", "text_zh", "text_en", "responsible_as_written", "responsible_ids"]]
    for task in export["annex2"]["tasks"]:
        for row in task["rows"]:
            rows.append([row["id"], task["measure"], task["title"]["zh"], row["text"]["zh"], row["text"]["en"],
                         row["responsible"]["written"], " ".join(row["responsible"]["units"])])
    return _csv(rows)


# Render rows as CSV with a byte-order mark, so spreadsheet programs read the Chinese correctly.
def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return "\ufeff" + buffer.getvalue()
