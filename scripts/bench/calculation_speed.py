"""Benchmark: calculations per second on the CSV path in CPython, and one calculation's time in Pyodide."""
import csv
import io
import subprocess
import tempfile
import time
from pathlib import Path

from calculators import calculate
from handbook.calc import parameters_from, row_inputs
from handbook.site.wheel import build_wheel

PROJECT = Path(__file__).resolve().parents[2]
ROWS = 20_000


# A CSV of varied job-retention-refund rows, as an official's spreadsheet would hold.
def sample_csv(rows: int) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["ui_insured", "insured_employees_base", "layoffs", "last_year_ui_contributions_paid", "as_of"])
    for index in range(rows):
        writer.writerow(["true", 20 + index % 400, index % 25, f"{1000 + index * 7}.50", "2020-06-30"])
    return buffer.getvalue()


# Time the CSV path (parse, compute, collect) in CPython.
def cpython_rate(parameters: dict) -> float:
    text = sample_csv(ROWS)
    started = time.perf_counter()
    for row in csv.DictReader(io.StringIO(text)):
        calculate("job-retention-refund", row_inputs(row), parameters)
    return ROWS / (time.perf_counter() - started)


# Time one calculation inside Pyodide under Node (median of many).
def pyodide_time() -> str:
    folder = Path(tempfile.mkdtemp())
    wheel = build_wheel(folder)
    script = PROJECT / "scripts" / "bench" / "pyodide-calc.mjs"
    parameters = folder / "parameters.json"
    from handbook.data.export import to_json
    parameters.write_text(to_json(parameters_from(str(PROJECT / "policy_data"))), encoding="utf-8")
    return subprocess.run(["node", str(script), str(PROJECT), str(wheel), str(parameters)],
                          capture_output=True, text=True, check=True, cwd=PROJECT).stdout.strip()


# Print the figures.
def main() -> None:
    parameters = parameters_from(str(PROJECT / "policy_data"))
    print(f"CPython CSV path: {cpython_rate(parameters):,.0f} calculations/s (target >= 20,000)")
    print(f"Pyodide: {pyodide_time()} (target < 5 ms per calculation)")


if __name__ == "__main__":
    main()
