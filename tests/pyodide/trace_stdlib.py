"""Trace which members of Pyodide's python_stdlib.zip the calculators need, and run every calculation
case in Pyodide under Node with a given standard-library zip (tests/pyodide/run-cases.mjs).

    .venv/bin/python -m tests.pyodide.trace_stdlib --write   # regenerate scripts/handbook/site/stdlib-members.txt

The trace is recorded in a committed file rather than run by the build: it takes Node and a
Pyodide start (several seconds), while the build takes about two and needs neither.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.site.stdlib import MEMBERS, members_text
from handbook.site.wheel import PROJECT, build_wheel, pyodide_version
from tests.calculators.casefiles import all_cases, load_parameters

RUNNER = Path(__file__).with_name("run-cases.mjs")
FULL_STDLIB = PROJECT / "node_modules" / "pyodide" / "python_stdlib.zip"


# Write the parameters and every case, keyed as in all_results_json, for run-cases.mjs; return its path.
def write_cases(folder: Path) -> Path:
    cases = {f"{folder_name}/{calculator}: {case['name']}":
             {"calculator": calculator, "inputs": json.dumps(case["inputs"], ensure_ascii=False, default=str)}
             for calculator, folder_name, case in all_cases()}
    path = folder / "cases.json"
    path.write_text(json.dumps({"parameters": json.dumps(load_parameters(), ensure_ascii=False), "cases": cases},
                               ensure_ascii=False), encoding="utf-8")
    return path


# Start run-cases.mjs in the background with mode arguments ("--trace" or "--stdlib", zip);
# return the process and the path its output will be written to.
def start_run(folder: Path, cases: Path, wheel: Path, *mode: str):
    out = folder / f"out{mode[0]}.json"
    process = subprocess.Popen(["node", str(RUNNER), str(cases), str(wheel), str(out), *mode],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT)
    return process, out


# Wait for a run; return its output ({"results": ..., "opened": [...]}); raise RuntimeError with Node's words if it failed.
def finish_run(process, out: Path) -> dict:
    stdout, stderr = process.communicate(timeout=900)
    if process.returncode != 0:
        raise RuntimeError(f"run-cases.mjs failed ({process.returncode}):\n{stdout[-3000:]}{stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


# The sorted members of the full standard-library zip read while Pyodide starts and runs every case.
def trace() -> list:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        return finish_run(*start_run(folder, write_cases(folder), build_wheel(folder), "--trace"))["opened"]


# Print the traced members, or with --write record them in stdlib-members.txt.
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Trace the standard-library members the calculators need in Pyodide.")
    parser.add_argument("--write", action="store_true", help=f"write {MEMBERS.relative_to(PROJECT)}")
    text = members_text(trace(), pyodide_version())
    if parser.parse_args(argv).write:
        MEMBERS.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
