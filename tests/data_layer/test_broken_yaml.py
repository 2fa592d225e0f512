"""`handbook validate` rejects every kind of broken data file with a located, readable error."""
import difflib
import re
import shutil

import pytest
import yaml

from .helpers import BROKEN, DATA, run_handbook, snapshot

CASES = yaml.safe_load((BROKEN / "cases.yaml").read_text(encoding="utf-8"))["cases"]
BY_FILE = {case["file"]: case for case in CASES}


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    return pytest.param(case, id=case["file"].removesuffix(".yaml"), marks=marks)


# Replace one file of the data copy with a broken file from tests/broken/.
def _break(data_copy, case):
    target = data_copy / case["replaces"]
    assert target.is_file(), f"{case['file']} replaces {case['replaces']}, which is not a data file"
    shutil.copyfile(BROKEN / case["file"], target)


# Each error of stderr as its located first line plus its indented further lines (e.g. the Chinese).
def _errors(stderr):
    errors = []
    for line in stderr.splitlines():
        if line.startswith("    ") and errors:
            errors[-1] += "\n" + line
        else:
            errors.append(line)
    return errors


# The stderr error that reports the case's expected error (with its fix, in English and Chinese), or None.
def _reported(stderr, folder_name, case):
    prefix = f"{folder_name}/{case['replaces']}:{case['line']}:"
    for error in _errors(stderr):
        if not error.startswith(prefix):
            continue
        # FILE:LINE:COLUMN: field: message, or FILE:LINE:COLUMN: message for file-level errors.
        rest = re.sub(r"^\d+: ", "", error[len(prefix):])
        field_ok = rest.startswith(f"{case['field']}: ") if case["field"] else True
        first, _, chinese = rest.partition("\n")
        wanted = [case["message"] in first, case.get("fix", "") in rest, case.get("zh", "") in chinese]
        if field_ok and all(wanted):
            return error
    return None


def test_manifest_lists_every_broken_file_once():
    files = sorted(path.name for path in BROKEN.iterdir() if path.name != "cases.yaml")
    assert sorted(BY_FILE) == files
    assert len(BY_FILE) == len(CASES)
    for case in CASES:
        assert {"file", "replaces", "line", "field", "message"} <= set(case), case
        assert set(case) <= {"file", "kind", "replaces", "line", "field", "message", "fix", "zh", "one_change", "severity",
                             "xfail"}, case
        assert (DATA / case["replaces"]).is_file(), case


@pytest.mark.parametrize("case", [c for c in CASES if c.get("one_change", True)],
                         ids=lambda case: case["file"].removesuffix(".yaml"))
def test_broken_file_is_one_change_from_the_real_file(case):
    real = (DATA / case["replaces"]).read_text(encoding="utf-8").splitlines()
    broken = (BROKEN / case["file"]).read_text(encoding="utf-8").splitlines()
    changes = [op for op in difflib.SequenceMatcher(a=real, b=broken, autojunk=False).get_opcodes()
               if op[0] != "equal"]
    assert len(changes) == 1, changes
    _, real_start, real_end, broken_start, broken_end = changes[0]
    assert real_end - real_start <= 1 and broken_end - broken_start <= 1, changes


def test_not_utf8_case_is_the_real_file_saved_as_gbk():
    case = BY_FILE["not_utf8.yaml"]
    raw = (BROKEN / case["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.decode("gbk") == (DATA / case["replaces"]).read_text(encoding="utf-8")


ERRORS = [case for case in CASES if case.get("severity", "error") == "error"]
WARNINGS = [case for case in CASES if case.get("severity") == "warning"]


@pytest.mark.parametrize("case", [_param(case) for case in ERRORS])
def test_validate_reports_broken_file(case, data_copy):
    _break(data_copy, case)
    before = snapshot(data_copy)

    result = run_handbook("validate", "--data", data_copy)

    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    assert not result.stdout.startswith("OK"), output
    assert _reported(result.stderr, data_copy.name, case), (
        f"expected {data_copy.name}/{case['replaces']}:{case['line']}: "
        f"{case['field'] or '(file-level)'}: …{case['message']}… in:\n{result.stderr}")
    # Every error starts with a FILE:LINE:COLUMN: line; the last line counts them.
    *errors, summary = _errors(result.stderr.strip())
    assert errors and all(re.match(r"^\S+:\d+:\d+: ", error) for error in errors), result.stderr
    assert summary == f"{len(errors)} error(s); nothing was changed."
    # validate never writes: the data folder is byte-identical afterwards.
    assert snapshot(data_copy) == before


def test_validate_accepts_the_real_data_and_changes_nothing(data_copy):
    before = snapshot(data_copy)

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("OK: ")
    counts = {name: int(number) for number, name in re.findall(r"(\d+) ([^,\n]+)", result.stdout)}
    assert counts["measures"] == 24
    assert counts["Annex 2 rows"] == 42
    assert counts["leading group members"] == 43
    assert counts["sections"] == 7
    assert snapshot(data_copy) == before


def test_validate_defaults_to_policy_data():
    result = run_handbook("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ") and "24 measures" in result.stdout


def test_validate_reports_several_errors_at_once(data_copy):
    cases = [BY_FILE["impossible_date.yaml"], BY_FILE["empty_text.yaml"], BY_FILE["negative_amount.yaml"]]
    assert len({case["replaces"] for case in cases}) == len(cases)
    for case in cases:
        _break(data_copy, case)
    before = snapshot(data_copy)

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    for case in cases:
        assert _reported(result.stderr, data_copy.name, case), (case["file"], result.stderr)
    assert result.stderr.strip().splitlines()[-1] == "3 error(s); nothing was changed."
    assert snapshot(data_copy) == before


def test_validate_reports_two_errors_in_one_file(data_copy):
    path = data_copy / "measures" / "02.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  zh: 扩大线上招聘服务\n", "  zh: ''\n", 1)
    text = text.replace("- id: c3\n", "- id: c3\n  note: extra\n", 1)
    path.write_text(text, encoding="utf-8")

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 1
    assert "policy_data/measures/02.yaml:5:3: title.zh: must not be empty" in result.stderr
    assert "policy_data/measures/02.yaml:15:3: clauses[2].note: unexpected property 'note'" in result.stderr


@pytest.mark.parametrize("case", [_param(case) for case in WARNINGS])
def test_validate_warns_and_still_passes(case, data_copy):
    _break(data_copy, case)
    before = snapshot(data_copy)

    result = run_handbook("validate", "--data", data_copy)

    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert _reported(result.stderr, data_copy.name, case), result.stderr
    assert snapshot(data_copy) == before
