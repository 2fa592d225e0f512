"""`handbook diff` names every change in Chinese and English, between data folders and git revisions."""
from pathlib import Path

from tests.helpers import PROJECT, run_handbook

REVISION = {"zh": "稳岗返还裁员率标准调整为6%。", "en": "The layoff-rate standard for the job-retention refund becomes 6%."}


# Replace a piece of text that occurs exactly once in a data file.
def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# Reword a clause's English, change a parameter value, remove a note and add a revision.
def make_changes(data: Path) -> None:
    replace_once(data / "measures" / "05.yaml", "Speed up fully online handling", "Quickly achieve fully online handling")
    replace_once(data / "parameters" / "05.yaml", "value: '5.5'", "value: '6'")
    notes = (data / "notes.yaml").read_text(encoding="utf-8")
    start = notes.index("- id: m01-a2-punctuation")
    (data / "notes.yaml").write_text(notes[:start] + notes[notes.index("- id:", start + 1):], encoding="utf-8")
    with (data / "revisions.yaml").open("a", encoding="utf-8") as revisions:
        revisions.write(f"- date: '2021-03-01'\n  changes:\n    zh: {REVISION['zh']}\n    en: {REVISION['en']}\n")


# Assert that one change is reported as a Chinese line followed by its English line.
def assert_pair(output: str, zh_parts, en_parts) -> None:
    lines = output.splitlines()
    found = [index for index, line in enumerate(lines) if all(part in line for part in zh_parts)]
    assert found, f"no Chinese line with {zh_parts} in:\n{output}"
    assert all(part in lines[found[0] + 1] for part in en_parts), f"no English line with {en_parts} after {lines[found[0]]}"


# Assert that the output reports each of the changes make_changes made, in both languages.
def assert_reports_changes(output: str) -> None:
    assert_pair(output, ["第5条 c4", "（英文）", "“Speed up fully online handling", "→ “Quickly achieve fully online handling"],
                ["Measure 5, clause c4", "(English)", "“Speed up fully online handling", "→ “Quickly achieve fully online handling"])
    assert_pair(output, ["`retention.layoff_rate_threshold`", "5.5%（2020-02-22起", "→ 6%（2020-02-22起"],
                ["`retention.layoff_rate_threshold`", "5.5% (from 2020-02-22", "→ 6% (from 2020-02-22"])
    assert_pair(output, ["删除编者注 `m01-a2-punctuation`"], ["Editorial note `m01-a2-punctuation` removed"])
    assert_pair(output, ["新增修订记录（2021-03-01）", REVISION["zh"]], ["Revision added (2021-03-01)", REVISION["en"]])


def test_diff_of_two_folders_names_each_change_in_both_languages(data_copy):
    make_changes(data_copy)
    done = run_handbook("diff", PROJECT / "policy_data", data_copy)
    assert done.returncode == 0, done.stderr
    assert_reports_changes(done.stdout)
    assert "共4处变更。 / 4 change(s)." in done.stdout


def test_identical_folders_have_no_changes(data_copy):
    done = run_handbook("diff", PROJECT / "policy_data", data_copy)
    assert done.returncode == 0, done.stderr
    assert "无变更" in done.stdout and "No changes" in done.stdout


def test_a_git_revision_is_compared_as_committed():
    done = run_handbook("diff", "HEAD", "HEAD")
    assert done.returncode == 0, done.stderr
    assert "No changes" in done.stdout and "`HEAD`" in done.stdout


def test_git_revision_against_a_changed_folder(data_copy):
    make_changes(data_copy)
    done = run_handbook("diff", "HEAD", data_copy)
    assert done.returncode == 0, done.stderr
    assert_reports_changes(done.stdout)


def test_unknown_revision_is_refused():
    done = run_handbook("diff", "no-such-revision", "HEAD")
    assert done.returncode == 2
    assert "'no-such-revision' is neither a data folder nor a git revision" in done.stderr


def test_invalid_data_is_reported_like_validate(data_copy):
    replace_once(data_copy / "parameters" / "05.yaml", "value: '5.5'", "value: 'TODO'")
    lines = (data_copy / "parameters" / "05.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index("    value: 'TODO'") + 1
    done = run_handbook("diff", PROJECT / "policy_data", data_copy)
    assert done.returncode == 1 and done.stdout == ""
    assert f"{data_copy}: the data does not validate" in done.stderr
    assert f"policy_data/parameters/05.yaml:{line}:5: parameters[4].values[0].value: 'TODO' is neither" in done.stderr
