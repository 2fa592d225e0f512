"""`handbook calc`: JSON in, JSON out; CSV rows with totals; invalid input exits 2 with structured errors."""
import json
from decimal import Decimal

from tests.helpers import run_handbook

RETENTION = {"ui_insured": True, "insured_employees_base": 200, "layoffs": 11,
             "last_year_ui_contributions_paid": "80000.00"}


# Run the handbook command; return (exit status, stdout, stderr).
def run(*args):
    process = run_handbook(*args)
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


def test_input_that_is_not_an_object_gets_one_clear_message():
    status, out, _ = run("calc", "job-retention-refund", "--input", "[1]")
    result = json.loads(out)
    assert status == 2 and [error["message"]["en"] for error in result["errors"]] == ["the inputs must be an object"]


def test_csv_totals_only_money_outputs_with_eligible_row_counts(tmp_path):
    rows = tmp_path / "enterprises.csv"
    rows.write_text("ui_insured,insured_employees_base,layoffs,last_year_ui_contributions_paid\n"
                    "true,200,11,80000.00\ntrue,200,-5,1000.00\ntrue,20,4,3000.00\n", encoding="utf-8")
    out_file = tmp_path / "results.csv"
    status, out, err = run("calc", "job-retention-refund", "--csv", str(rows), "--out", str(out_file))
    summary = json.loads(out)
    assert status == 2 and (summary["rows"], summary["computed"], summary["invalid"], summary["eligible"]) == (3, 2, 1, 2)
    assert set(summary["totals"]) == {"normal_refund", "alternative_refund", "refund"}
    assert summary["totals"]["refund"] == {"total": "41500.00", "eligible_rows": 2}
    assert f"{rows}:3: layoffs:" in err
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 4


# Good rows with their refund, rows the calculator refuses, and rows with a cell that is not valid JSON.
GOOD = [("true,200,11,80000.00", "40000.00", True), ("true,20,4,3000.00", "1500.00", True),
        ("true,200,12,80000.00", "0.00", False)]
REFUSED = "true,200,-5,1000.00"
MALFORMED = 'true,200,"[{""layoffs"": 1",1000.00'


def test_a_thousand_rows_mixing_good_invalid_and_malformed_cells(tmp_path):
    lines, kinds = [], []
    for index in range(1000):
        kind = "malformed" if index % 10 == 3 else "refused" if index % 10 == 7 else GOOD[index % 3]
        kinds.append(kind)
        lines.append(MALFORMED if kind == "malformed" else REFUSED if kind == "refused" else kind[0])
    rows = tmp_path / "batch.csv"
    rows.write_text("ui_insured,insured_employees_base,layoffs,last_year_ui_contributions_paid\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run("calc", "job-retention-refund", "--csv", str(rows))
    summary = json.loads(out)
    good = [kind for kind in kinds if isinstance(kind, tuple)]
    expected = sum(Decimal(kind[1]) for kind in good)
    assert status == 2
    assert (summary["rows"], summary["computed"], summary["invalid"]) == (1000, len(good), 1000 - len(good))
    assert summary["eligible"] == sum(1 for kind in good if kind[2])
    assert summary["totals"]["refund"] == {"total": f"{expected:.2f}", "eligible_rows": summary["eligible"]}
    malformed_lines = [index + 2 for index, kind in enumerate(kinds) if kind == "malformed"]
    refused_lines = [index + 2 for index, kind in enumerate(kinds) if kind == "refused"]
    for line in malformed_lines:
        assert f"{rows}:{line}: layoffs: cell is not valid JSON" in err
    for line in refused_lines:
        assert f"{rows}:{line}: layoffs:" in err
    assert len(err.splitlines()) == len(malformed_lines) + len(refused_lines)
