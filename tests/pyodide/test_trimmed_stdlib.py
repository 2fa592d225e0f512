"""The site's trimmed python_stdlib.zip is enough: every calculation case, the finder's included, gives
CPython's result in Pyodide under Node started with exactly that zip, the way the worker runs it; and
the recorded member list is what a fresh trace finds."""
import json
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from handbook.site.stdlib import recorded_members, write_trimmed_stdlib
from handbook.site.wheel import build_wheel
from tests.calculators.casefiles import all_results_json

from .trace_stdlib import FULL_STDLIB, finish_run, start_run, write_cases

REGENERATE = "run `.venv/bin/python -m tests.pyodide.trace_stdlib --write` and commit scripts/handbook/site/stdlib-members.txt"


# Run the cases with the trimmed zip and the trace with the full one, side by side; yield both outputs.
@pytest.fixture(scope="module")
def runs():
    if not shutil.which("node"):
        pytest.fail("node is missing: install Node.js 20 (scripts/setup checks for it)")
    if not FULL_STDLIB.is_file():
        pytest.fail("node_modules/pyodide is missing: run scripts/setup (npm ci)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        cases, wheel = write_cases(folder), build_wheel(folder)
        trimmed = write_trimmed_stdlib(FULL_STDLIB, folder / "stdlib")
        started = [start_run(folder, cases, wheel, "--stdlib", str(trimmed)), start_run(folder, cases, wheel, "--trace")]
        yield {"trimmed": finish_run(*started[0]), "trace": finish_run(*started[1]), "zip": trimmed}


def test_every_case_gives_cpythons_result_with_exactly_the_trimmed_stdlib(runs):
    in_pyodide, in_cpython = runs["trimmed"]["results"], json.loads(all_results_json())
    assert in_pyodide.keys() == in_cpython.keys()
    assert [name for name in in_cpython if in_pyodide[name] != in_cpython[name]] == []
    assert any(name.startswith("m24/policy-finder") for name in in_pyodide)


def test_the_trimmed_zip_holds_exactly_the_recorded_members(runs):
    with zipfile.ZipFile(runs["zip"]) as archive:
        assert archive.namelist() == sorted(recorded_members())


def test_the_recorded_members_are_what_a_fresh_trace_finds(runs):
    traced, recorded = set(runs["trace"]["opened"]), set(recorded_members())
    assert {"encodings/__init__.py", "json/__init__.py", "decimal.py"} <= traced
    assert (sorted(traced - recorded), sorted(recorded - traced)) == ([], []), REGENERATE


def test_the_trimmed_zip_is_the_same_bytes_every_time():
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        assert (write_trimmed_stdlib(FULL_STDLIB, Path(first)).read_bytes()
                == write_trimmed_stdlib(FULL_STDLIB, Path(second)).read_bytes())
