"""The calculation suite passes inside Pyodide (Node, offline), with results identical to CPython's."""
import json
import shutil
import subprocess

import pytest

from handbook.site.wheel import build_wheel
from tests.calculators.casefiles import all_results_json
from tests.helpers import PROJECT

PACKAGES = PROJECT / ".cache" / "pyodide-packages"


# Run the suite in Pyodide once; return its exit status, output and results.
@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    if not shutil.which("node"):
        pytest.fail("node is missing: install Node.js 20 (scripts/setup checks for it)")
    if not PACKAGES.is_dir() or not (PROJECT / "node_modules" / "pyodide").is_dir():
        pytest.fail("Pyodide test packages are missing: run scripts/setup (pip download + npm ci)")
    folder = tmp_path_factory.mktemp("pyodide")
    wheel = build_wheel(folder)
    results = folder / "results.json"
    process = subprocess.run(["node", str(PROJECT / "tests/pyodide/run-in-pyodide.mjs"), str(PROJECT), str(PACKAGES),
                              str(wheel), str(results)], capture_output=True, text=True, timeout=900, cwd=PROJECT)
    return process, results


def test_calculation_suite_passes_inside_pyodide(pyodide_run):
    process, _ = pyodide_run
    assert process.returncode == 0, process.stdout[-4000:] + process.stderr[-4000:]
    assert " passed" in process.stdout


def test_every_case_gives_the_same_result_in_pyodide_and_cpython(pyodide_run):
    _, results = pyodide_run
    in_pyodide, in_cpython = json.loads(results.read_text(encoding="utf-8")), json.loads(all_results_json())
    assert in_pyodide.keys() == in_cpython.keys()
    differing = [name for name in in_cpython if in_pyodide[name] != in_cpython[name]]
    assert differing == []
