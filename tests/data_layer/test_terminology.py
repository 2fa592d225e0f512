"""The glossary is a check: every zh/en pair renders its terms and modal verbs as the glossary says."""
import shutil

import pytest
import yaml

from .helpers import DATA, ROOT, run_handbook, snapshot

GLOSSARY = yaml.safe_load((DATA / "glossary.yaml").read_text(encoding="utf-8"))


# The (file, line of its English) of the first clause whose Chinese has term and whose English has rendering.
def _clause_using(term: str, rendering: str):
    for path in sorted((DATA / "measures").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            if lines[index - 1].startswith("- id: c") and term in line and rendering in lines[index + 1]:
                return path.relative_to(DATA), index + 2
    return None


@pytest.mark.parametrize("entry", [entry for entry in GLOSSARY["terms"] if entry["zh"] in ("就业见习补贴", "稳岗返还",
                                                                                          "创业担保贷款", "政策找人")],
                         ids=lambda entry: entry["zh"])
def test_changing_one_terms_english_in_a_clause_fails_at_its_line(entry, data_copy):
    found = _clause_using(entry["zh"], entry["en"])
    assert found, f"no clause renders {entry['zh']} as {entry['en']}"
    relative, line = found
    path = data_copy / relative
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[line - 1] = lines[line - 1].replace(entry["en"], "PLACEHOLDER WORDING", 1)
    path.write_text("".join(lines), encoding="utf-8")
    before = snapshot(data_copy)

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert f"policy_data/{relative}:{line}:3: clauses[" in result.stderr, result.stderr
    assert f"the Chinese has '{entry['zh']}'" in result.stderr and f"'{entry['en']}'" in result.stderr, result.stderr
    assert snapshot(data_copy) == before


def test_real_data_has_no_terminology_or_modal_violation(dataset):
    from handbook.data.terminology import check_terminology, unused_terms
    assert list(check_terminology(dataset)) == []
    assert unused_terms(dataset) == []


def test_modal_override_silences_the_rule_for_its_sentence(data_copy):
    path = data_copy / "measures" / "22.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("that policy shall draw up", "that policy should draw up"),
                    encoding="utf-8")
    glossary = data_copy / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "modal_overrides:\n- quote: 政策牵头部门应提前制定\n"
                        "  word: 应\n  note:\n    zh: 测试。\n    en: A test.\n", encoding="utf-8")

    result = run_handbook("validate", "--data", data_copy)

    assert result.returncode == 0, result.stderr


def test_a_document_without_a_glossary_still_checks_body_names(tmp_path):
    target = tmp_path / "policy_data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "other_notice", target)
    assert not (target / "glossary.yaml").exists()

    result = run_handbook("validate", "--data", target)

    assert result.returncode == 0, result.stderr
