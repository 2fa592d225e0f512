"""`handbook calc`: JSON in, JSON out; CSV rows with totals; invalid input exits 2 with structured errors."""
import json
import subprocess
import sys
from pathlib import Path

HANDBOOK = Path(sys.executable).parent / "handbook"
RETENTION = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11,
             "last_year_ui_contributions_paid": "80000.00"}


# Run the handbook command; return (exit status, stdout, stderr).
def run(*args):
    process = subprocess.run([str(HANDBOOK), *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in process.stderr
    return process.returncode, process.stdout, process.stderr


def test_job_retention_refund_eligible_with_trace_citing_measure_5():
    status, out, _ = run("calc", "job-retention-refund", "--input", json.dumps(RETENTION))
    result = json.loads(out)
    assert status == 0 and result["eligible"] is True and result["refund"] == "40000.00"
    assert any(step["measure"] == 5 for step in result["trace"])


def test_twelve_layoffs_is_not_eligible_with_a_reason():
    status, out, _ = run("calc", "job-retention-refund", "--input", json.dumps({**RETENTION, "layoffs": 12}))
    result = json.loads(out)
    assert status == 0 and result["eligible"] is False and result["refund"] == "0.00"
    assert result["reasons"] and result["reasons"][0]["zh"] and result["reasons"][0]["en"]


def test_invalid_input_prints_errors_as_json_and_exits_2():
    status, out, _ = run("calc", "job-retention-refund", "--input", json.dumps({**RETENTION, "layoffs": -1}))
    result = json.loads(out)
    assert status == 2 and result["status"] == "invalid"
    assert {"kind": "ValidationError", "field": "layoffs"} == {k: result["errors"][0][k] for k in ("kind", "field")}


def test_malformed_json_is_an_error_not_a_traceback():
    status, out, _ = run("calc", "job-retention-refund", "--input", "{not json")
    assert status == 2 and json.loads(out)["status"] == "invalid"


def test_list_names_every_calculator():
    status, out, _ = run("calc", "--list")
    assert status == 0 and "job-retention-refund" in out and "policy-finder" in out


def test_unknown_calculator_is_refused():
    status, _, err = run("calc", "no-such-calculator", "--input", "{}")
    assert status == 2 and "calc --list" in err


def test_csv_rows_totals_and_a_bad_row_reported_by_line(tmp_path):
    rows = tmp_path / "enterprises.csv"
    rows.write_text("ui_insured,insured_employees_base,layoffs,last_year_ui_contributions_paid\n"
                    "true,200,11,80000.00\ntrue,200,-5,1000.00\ntrue,20,4,3000.00\n", encoding="utf-8")
    out_file = tmp_path / "results.csv"
    status, out, err = run("calc", "job-retention-refund", "--csv", str(rows), "--out", str(out_file))
    summary = json.loads(out)
    assert status == 2 and summary["rows"] == 3 and summary["invalid"] == 1 and summary["computed"] == 2
    assert summary["totals"]["refund"] == "41500.00"
    assert f"{rows}:3: layoffs:" in err
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 4
