"""`handbook calc`: run a calculator on JSON input or on every row of a CSV file."""
import csv
import json
import re
import sys
from decimal import Decimal
from pathlib import Path

from calculators import CALCULATOR_IDS, calculate, catalog

from .dataset import load_dataset
from .export import export_parameters

MONEY = re.compile(r"^-?\d+\.\d{2}$")


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
    if not isinstance(inputs, dict):
        inputs = {"": inputs}
    result = calculate(calculator_id, inputs, parameters)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 2 if result["status"] == "invalid" else 0


# Compute every CSV row; report bad rows by line, write results, and print totals.
def calculate_csv(calculator_id: str, path: str, out: str, parameters: dict) -> int:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    results, totals, bad = [], {}, 0
    for line, row in enumerate(rows, start=2):
        result = calculate(calculator_id, row_inputs(row), parameters)
        results.append((line, row, result))
        if result["status"] == "invalid":
            bad += 1
            for error in result["errors"]:
                print(f"{path}:{line}: {error['field']}: {error['message']['en']}", file=sys.stderr)
            continue
        for key, value in result.items():
            if isinstance(value, str) and MONEY.match(value):
                totals[key] = totals.get(key, Decimal("0.00")) + Decimal(value)
    if out:
        write_results(out, results)
    summary = {"calculator": calculator_id, "rows": len(rows), "computed": len(rows) - bad, "invalid": bad,
               "eligible": sum(1 for _, _, result in results if result.get("eligible") is True),
               "totals": {key: f"{value:.2f}" for key, value in sorted(totals.items())}}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 2 if bad else 0


# Turn one CSV row into inputs: empty cells are omitted, JSON lists and objects are decoded.
def row_inputs(row: dict) -> dict:
    inputs = {}
    for key, value in row.items():
        if key is None or value is None or value.strip() == "":
            continue
        value = value.strip()
        inputs[key] = json.loads(value) if value[:1] in "[{" else value
    return inputs


# Write one output row per input row: the inputs, the status and every scalar output.
def write_results(out: str, results) -> None:
    keys = []
    for _, _, result in results:
        keys += [key for key, value in result.items()
                 if key not in keys and isinstance(value, (str, int, bool)) and key != "calculator"]
    with Path(out).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line"] + keys + ["errors"])
        for line, _, result in results:
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
