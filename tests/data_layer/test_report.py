"""One cause, one report: a removed or duplicated unit is named first, its consequences summarised."""
import re

from .helpers import run_handbook, snapshot

FINANCE = "- id: finance\n  name:\n    zh: 区财政局\n    en: District Finance Bureau\n"


# Edit units.yaml of the data copy, run validate, and return (exit status, stderr lines).
def _validate_with_units(data, old, new):
    path = data / "units.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = snapshot(data)
    result = run_handbook("validate", "--data", data)
    assert "Traceback" not in result.stderr
    assert snapshot(data) == before
    return result.returncode, result.stderr.strip().splitlines()


def test_removed_unit_is_one_cause_with_its_references(data_copy):
    status, lines = _validate_with_units(data_copy, FINANCE, "")
    assert status == 1
    located = [line for line in lines if re.match(r"^\S+:\d+:\d+: ", line)]
    assert len(located) == 1, lines
    assert "unit 'finance' is not in units.yaml (removed or renamed?); this causes 82 errors: annex1.yaml:176, " \
        in located[0]
    assert "… and 74 more" in located[0]
    assert any("单位“finance”不在 units.yaml 中" in line for line in lines)
    assert lines[-1] == "1 error(s) (82 in all, grouped by cause); nothing was changed."


def test_duplicate_unit_id_is_printed_first(data_copy):
    status, lines = _validate_with_units(data_copy, "- id: development_reform\n", "- id: finance\n")
    assert status == 1
    assert lines[0] == "policy_data/units.yaml:15:3: units[3].id: duplicate unit id 'finance'"
    located = [line for line in lines if re.match(r"^\S+:\d+:\d+: ", line)]
    assert len(located) == 3, lines
    assert lines[-1] == "3 error(s) (34 in all, grouped by cause); nothing was changed."
