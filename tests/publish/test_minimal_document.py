"""A minimal document (tests/fixtures/minimal_notice): three measures, no annexes, no editorial notes, no parameters,
no calculators, no original.txt. It validates, `handbook build --data` writes it to a folder of its own and says
where, and its pages, search index and sitemap carry nothing of the first document or of the project's guide."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
HANDBOOK = Path(sys.executable).with_name("handbook")
MINIMAL = PROJECT / "tests" / "fixtures" / "minimal_notice"
FIRST_DOCUMENT = re.compile(r"台儿庄|Tai\S{0,6}erzhuang|台政发|Tai Zheng Fa|稳岗|policy-handbook|guide/", re.I)


# Run the real `handbook` command in the project folder.
def run_handbook(*args):
    return subprocess.run([str(HANDBOOK), *map(str, args)], cwd=PROJECT, capture_output=True, text=True,
                          encoding="utf-8", timeout=1200)


# The minimal notice copied to a temporary folder and built there with the default output folder.
@pytest.fixture(scope="module")
def minimal_site(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("documents") / "minimal_notice"
    shutil.copytree(MINIMAL, data)
    done = run_handbook("build", "--data", data)
    assert done.returncode == 0, done.stderr
    site = data.parent / "site-minimal_notice"
    assert done.stdout.strip() == f"built {site.resolve()}"
    return site


def test_minimal_document_validates():
    done = run_handbook("validate", "--data", MINIMAL)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: 1 sections, 3 measures, 3 clauses")


def test_it_has_only_the_pages_of_what_it_holds(minimal_site):
    for language in ("", "en/"):
        assert all((minimal_site / language / "measures" / f"0{number}" / "index.html").is_file() for number in (1, 2, 3))
        assert not (minimal_site / language / "annex-1").exists() and not (minimal_site / language / "annex-2").exists()
        assert not (minimal_site / language / "guide").exists()
        measure = (minimal_site / language / "measures" / "01" / "index.html").read_text(encoding="utf-8")
        assert 'id="annex-2"' not in measure and 'id="notes"' not in measure


def test_nothing_of_the_first_document_appears(minimal_site):
    checked = [path for path in minimal_site.rglob("*") if path.suffix in (".html", ".json", ".xml")]
    assert any(path.name == "sitemap.xml" for path in checked) and any(path.name == "search-index.json" for path in checked)
    found = {str(path.relative_to(minimal_site)): FIRST_DOCUMENT.findall(path.read_text(encoding="utf-8"))
             for path in checked}
    assert not {path: words for path, words in found.items() if words}


def test_attachments_must_match_the_annexes(tmp_path):
    data = tmp_path / "minimal_notice"
    shutil.copytree(MINIMAL, data)
    path = data / "document.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "attachments: []", "attachments:\n- zh: 工作任务分工表\n  en: Division of tasks"), encoding="utf-8")
    done = run_handbook("validate", "--data", data)
    assert done.returncode == 1
    assert re.search(r"document\.yaml:\d+:\d+: attachments: the notice lists 1 attachment\(s\) but the folder has 0 "
                     r"annex file\(s\)", done.stderr), done.stderr
