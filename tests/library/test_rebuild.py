"""A library rebuilt under serve after an edit to one document: only that document's parts are built again (the
other document's and the home's files are the very files of the build before), and the site equals a full build."""
from pathlib import Path

import pytest

from handbook.library import Kept, build_library
from tests.helpers import PROJECT

from .helpers import make_library

BUILT_ON = "1546300800"
TITLE, EDITED = "Improve cold-chain logistics for farm products", "Improve cold-chain logistics for farm produce"
ADDRESS = "http://127.0.0.1:8000/"
REBUILT = ("songhe/", "en/songhe/", "search-index.json", "en/search-index.json", "search-index/", "en/search-index/",
           "data/")  # the edit's, and the library-wide search index and data


# Every file of a built site by its path: (inode, modification time).
def identities(site: Path) -> dict:
    return {path.relative_to(site).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
            for path in site.rglob("*") if path.is_file()}


# Every file of a built site by its path: its bytes.
def contents(site: Path) -> dict:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


# The library built as serve builds it, then rebuilt after songhe's measure 2 got a new English title; the site's
# file identities before the edit, the site, and the library.
@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    root = tmp_path_factory.mktemp("rebuild")
    library = make_library(root / "library")
    kept = Kept(root / "kept")
    kept.folder.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILT_ON)
        site = build_library(str(library), str(root / "site"), str(PROJECT / "mkdocs.yml"), compress=False,
                             site_url=ADDRESS, kept=kept)
        before = identities(site)
        measure = library / "songhe" / "measures" / "02.yaml"
        measure.write_text(measure.read_text(encoding="utf-8").replace(TITLE, EDITED), encoding="utf-8")
        build_library(str(library), str(site), str(PROJECT / "mkdocs.yml"), compress=False, site_url=ADDRESS,
                      kept=kept)
    return before, site, library


def test_the_edited_document_is_rebuilt(rebuilt):
    before, site, _ = rebuilt
    page = "en/songhe/measures/02/index.html"
    assert EDITED in (site / page).read_text(encoding="utf-8")
    assert identities(site)[page] != before[page]


def test_the_other_document_and_the_home_are_the_files_built_before(rebuilt):
    before, site, _ = rebuilt
    after = identities(site)
    untouched = [path for path in before if not path.startswith(REBUILT)]
    assert any(path.startswith("taizhuang/") for path in untouched) and "index.html" in untouched
    assert {path: after[path] for path in untouched} == {path: before[path] for path in untouched}


def test_the_rebuilt_site_equals_a_full_build(rebuilt, tmp_path):
    _, site, library = rebuilt
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILT_ON)
        full = build_library(str(library), str(tmp_path / "full"), str(PROJECT / "mkdocs.yml"), compress=False,
                             site_url=ADDRESS)
    assert contents(site) == contents(full)
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]

