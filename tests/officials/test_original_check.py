"""`handbook validate` compares the Chinese text with original.txt; `build` for another document has its own folder."""
import subprocess
import sys
from pathlib import Path

from handbook.cli import output_folder

PROJECT = Path(__file__).resolve().parents[2]
HANDBOOK = Path(sys.executable).parent / "handbook"


def test_an_edited_chinese_clause_fails_validate_with_file_line_and_field(data_copy):
    path = data_copy / "measures" / "07.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("给予社会保险补贴") == 1
    path.write_text(text.replace("给予社会保险补贴", "给予社保补贴"), encoding="utf-8")
    done = subprocess.run([str(HANDBOOK), "validate", "--data", str(data_copy)], cwd=PROJECT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 1
    line = next(line for line in done.stderr.splitlines() if "original.txt" in line)
    number = text[:text.index("给予社会保险补贴")].count("\n") + 1
    assert line.startswith(f"policy_data/measures/07.yaml:{number}:"), line
    assert "].zh: this Chinese text is not in original.txt word for word" in line


def test_without_original_txt_nothing_is_compared(data_copy):
    (data_copy / "original.txt").unlink()
    done = subprocess.run([str(HANDBOOK), "validate", "--data", str(data_copy)], cwd=PROJECT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr


def test_another_data_folder_builds_into_a_folder_of_its_own():
    assert output_folder("policy_data", None) == "site"
    assert output_folder("documents/my_notice", None) == "documents/site-my_notice"
    assert output_folder("my_notice", None) == "site-my_notice"
    assert output_folder("documents/my_notice", "public") == "public"
