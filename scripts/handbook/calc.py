"""`handbook calc`: run a calculator on JSON input or on every row of a CSV file."""
import csv
import json
import sys
from decimal import Decimal
from pathlib import Path

from calculators import CALCULATOR_IDS, calculate, catalog
from calculators.result import invalid_result

from .data.dataset import load_dataset
from .data.export import export_parameters

# The parameters of the data folder, in the form the calculators read.
def parameters_from(data: str) -> dict:
    return export_parameters(load_dataset(data))


# Print every calculator id with its title.
def list_calculators() -> int:
    for entry in catalog():
        print(f"{entry['id']:34} {entry['title']['zh']} / {entry['title']['en']}")
    return 0


# Compute one result from a JSON object of inputs; exit 2 when the input is invalid.
def calculate_json(calculator_id: str, text: str, parameters: dict) -> int:
    try:
        inputs = json.loads(text)
    except json.JSONDecodeError as exc:
        print(json.dumps({"status": "invalid", "errors": [{"kind": "ValidationError", "field": "",
                          "message": {"zh": f"输入不是有效的JSON：{exc.msg}", "en": f"input is not valid JSON: {exc.msg}"}}]},
                         ensure_ascii=False, indent=1))
        return 2
    result = calculate(calculator_id, inputs, parameters)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 2 if result["status"] == "invalid" else 0


# Compute every CSV row; report bad rows by line, write results, and print the summary with totals.
def calculate_csv(calculator_id: str, path: str, out: str, parameters: dict) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    results = []
    for line, row in enumerate(rows, start=2):
        inputs, errors = row_inputs(row)
        result = invalid_result(calculator_id, errors) if errors else calculate(calculator_id, inputs, parameters)
        results.append((line, result))
        for error in result.get("errors", []):
            field = f"{error['field']}: " if error["field"] else ""
            print(f"{path}:{line}: {field}{error['message']['en']}", file=sys.stderr)
    if out:
        write_results(out, results)
    summary = batch_summary(calculator_id, [result for _, result in results])
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 2 if summary["invalid"] else 0


# The names of a calculator's declared money outputs, in catalog order.
def money_outputs(calculator_id: str) -> list:
    entry = next(entry for entry in catalog() if entry["id"] == calculator_id)
    return [output["name"] for output in entry["outputs"] if output["type"] == "money"]


# Rows, computed, invalid and eligible counts (a calculator without an `eligible` output counts every computed
# row), and per declared money output its total over computed rows and its eligible rows
# (shape: {"refund": {"total": "0.00", "eligible_rows": 0}}).
def batch_summary(calculator_id: str, results: list) -> dict:
    computed = [result for result in results if result["status"] != "invalid"]
    eligible = [result for result in computed if result.get("eligible", True) is True]
    totals = {}
    for name in money_outputs(calculator_id):
        values = [Decimal(result[name]) for result in computed if isinstance(result.get(name), str)]
        counted = sum(1 for result in eligible if isinstance(result.get(name), str))
        totals[name] = {"total": f"{sum(values, Decimal('0.00')):.2f}", "eligible_rows": counted}
    return {"calculator": calculator_id, "rows": len(results), "computed": len(computed),
            "invalid": len(results) - len(computed), "eligible": len(eligible), "totals": totals}


# Turn one CSV row into (inputs, errors): empty cells are omitted, JSON lists and objects are decoded,
# and a cell that is not valid JSON is that row's error naming its column.
def row_inputs(row: dict) -> tuple:
    inputs, errors = {}, []
    for key, value in row.items():
        if key is None:
            errors += [cell_error("", "这一行的单元格多于表头的列", "the row has more cells than the header has columns")
                       for cell in value if cell.strip()][:1]
            continue
        if value is None or value.strip() == "":
            continue
        value = value.strip()
        if value[:1] not in "[{":
            inputs[key] = value
            continue
        try:
            inputs[key] = json.loads(value)
        except json.JSONDecodeError as exc:
            errors.append(cell_error(key, f"单元格不是有效的JSON：{exc.msg}（第{exc.pos + 1}个字符）",
                                     f"cell is not valid JSON: {exc.msg} (character {exc.pos + 1})"))
    return inputs, errors


# One cell's error in the calculators' error shape.
def cell_error(field: str, zh: str, en: str) -> dict:
    return {"kind": "ValidationError", "field": field, "message": {"zh": zh, "en": en}}


# Write one output row per input row: the inputs, the status and every scalar output.
def write_results(out: str, results) -> None:
    keys = []
    for _, result in results:
        keys += [key for key, value in result.items()
                 if key not in keys and isinstance(value, (str, int, bool)) and key != "calculator"]
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line"] + keys + ["errors"])
        for line, result in results:
            errors = "; ".join(f"{error['field']}: {error['message']['en']}" for error in result.get("errors", []))
            writer.writerow([line] + [result.get(key, "") for key in keys] + [errors])


# Dispatch the calc subcommand's options.
def run(args) -> int:
    if args.list:
        return list_calculators()
    if args.calculator not in CALCULATOR_IDS:
        print(f"unknown calculator '{args.calculator}'; `handbook calc --list` shows them", file=sys.stderr)
        return 2
    parameters = parameters_from(args.data)
    if args.csv:
        return calculate_csv(args.calculator, args.csv, args.out, parameters)
    return calculate_json(args.calculator, args.input or "{}", parameters)
