"""`handbook new` writes files whose every placeholder `handbook validate` reports by file and line."""
from pathlib import Path

import yaml

from tests import helpers

MEASURE = {"title": {"zh": "示例措施", "en": "An example measure"},
           "clauses": [{"id": "c1", "zh": "示例条文。", "en": "Example clause."}],
           "responsible": {"written": "区人力资源社会保障局、区财政局", "units": ["hrss", "finance"]}}
PARAMETER = {"name": {"zh": "示例比例", "en": "Example rate"}, "rule": "R5.1", "unit": "percent",
             "quote": "返还其上年度实际缴纳失业保险费的50%",
             "values": [{"start": "2020-02-22", "end": None, "value": "50"}]}


# Run the real `handbook` command in the folder that holds the data copy.
def run_handbook(data: Path, *args):
    return helpers.run_handbook(*args, "--data", data.name, cwd=data.parent)


# The numbers of the lines of a file that still say TODO.
def todo_lines(path: Path) -> list:
    return [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if "TODO" in line]


# Assert that validate fails and reports every TODO line of a file, by file and line.
def assert_todos_reported(data: Path, relative: str) -> None:
    done = run_handbook(data, "validate")
    assert done.returncode == 1
    reported = [line for line in done.stderr.splitlines() if line.startswith(f"policy_data/{relative}:")]
    lines = todo_lines(data / relative)
    assert lines
    for number in lines:
        assert any(line.startswith(f"policy_data/{relative}:{number}:") and "TODO" in line for line in reported), \
            f"line {number} of {relative} is not reported:\n{done.stderr}"


# Rewrite a data file with its first (schema) line kept and its content changed by fill.
def rewrite(path: Path, fill) -> None:
    first, data = path.read_text(encoding="utf-8").splitlines()[0], yaml.safe_load(path.read_text(encoding="utf-8"))
    fill(data)
    path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Fill the placeholders of the last parameter of a parameters file.
def fill_parameter(data: dict) -> None:
    parameter = data["parameters"][-1]
    parameter.update({key: value for key, value in PARAMETER.items() if key != "quote"})
    parameter["source"]["quote"] = PARAMETER["quote"]


def test_new_measure_is_reported_until_filled_in(data_copy):
    done = run_handbook(data_copy, "new", "measure", "--number", "25", "--section", "7")
    assert done.returncode == 0, done.stderr
    path = data_copy / "measures" / "25.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schema/measure.schema.json"
    assert_todos_reported(data_copy, "measures/25.yaml")
    rewrite(path, lambda measure: measure.update(MEASURE))
    done = run_handbook(data_copy, "validate")
    assert done.returncode == 0, done.stderr
    assert "25 measures" in done.stdout


def test_new_measure_never_overwrites(data_copy):
    before = (data_copy / "measures" / "05.yaml").read_bytes()
    done = run_handbook(data_copy, "new", "measure", "--number", "5", "--section", "2")
    assert done.returncode == 1
    assert "measures/05.yaml already exists; nothing was written" in done.stderr
    assert (data_copy / "measures" / "05.yaml").read_bytes() == before


def test_new_parameter_is_appended_and_reported_until_filled_in(data_copy):
    path = data_copy / "parameters" / "05.yaml"
    before = path.read_text(encoding="utf-8")
    done = run_handbook(data_copy, "new", "parameter", "--id", "example.rate", "--measure", "5", "--clause", "c1")
    assert done.returncode == 0, done.stderr
    assert path.read_text(encoding="utf-8").startswith(before)
    assert_todos_reported(data_copy, "parameters/05.yaml")
    stderr = run_handbook(data_copy, "validate").stderr
    assert "parameters[7].values[0].start: expected a date written YYYY-MM-DD, got 'TODO" in stderr
    assert "parameters[7].values[0].value: 'TODO the number or date' is neither a number nor a date" in stderr
    rewrite(path, fill_parameter)
    done = run_handbook(data_copy, "validate")
    assert done.returncode == 0, done.stderr
    assert "43 parameters" in done.stdout


def test_new_parameter_creates_a_missing_file_with_its_schema_line(data_copy):
    done = run_handbook(data_copy, "new", "parameter", "--id", "example.count", "--measure", "2", "--clause", "c1")
    assert done.returncode == 0, done.stderr
    path = data_copy / "parameters" / "02.yaml"
    assert path.read_text(encoding="utf-8").splitlines()[:2] == [
        "# yaml-language-server: $schema=../schema/parameters.schema.json", "parameters:"]
    assert_todos_reported(data_copy, "parameters/02.yaml")


def test_new_parameter_refuses_a_taken_id(data_copy):
    before = (data_copy / "parameters" / "05.yaml").read_bytes()
    done = run_handbook(data_copy, "new", "parameter", "--id", "retention.refund_rate", "--measure", "5", "--clause", "c1")
    assert done.returncode == 1
    assert "'retention.refund_rate' already exists" in done.stderr
    assert (data_copy / "parameters" / "05.yaml").read_bytes() == before


def test_missing_options_are_named(data_copy):
    done = run_handbook(data_copy, "new", "parameter", "--id", "example.rate")
    assert done.returncode == 2
    assert "needs --measure, --clause" in done.stderr
