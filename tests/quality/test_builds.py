"""Reproducible, atomic builds: two clean builds are byte-identical; a failed build leaves the previous site
exactly as it was and never writes to the data folder."""
import hashlib
import shutil
from pathlib import Path

import pytest

import handbook.build
import handbook.data.dataset
import handbook.site.plugin
import handbook.site.wheel
from handbook.build import BuildFailed, build_site
from tests.helpers import PROJECT

EPOCH = "1582329600"  # 2020-02-22, the notice's date


# The sha256 of every file under folder, by relative path.
def fingerprint(folder: Path) -> dict:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


# Two clean builds of the real data with the same SOURCE_DATE_EPOCH, and the data folder's fingerprint before.
@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    data = shutil.copytree(PROJECT / "policy_data", tmp_path_factory.mktemp("data") / "policy_data")
    before = fingerprint(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        sites = [build_site(str(data), str(tmp_path_factory.mktemp(name) / "site"), str(PROJECT / "mkdocs.yml"))
                 for name in ("first", "second")]
    return data, before, sites


# Build, expect a refusal, and check that the previous site and the data folder were left exactly as they were.
def assert_refused_and_untouched(data: Path, site: Path, config_file: Path = PROJECT / "mkdocs.yml") -> str:
    site_before, data_before = fingerprint(site), fingerprint(data)
    with pytest.raises(BuildFailed) as refused:
        build_site(str(data), str(site), str(config_file))
    assert fingerprint(site) == site_before
    assert fingerprint(data) == data_before
    assert [path.name for path in site.parent.iterdir() if path.name.startswith(".")] == []
    return str(refused.value)


def test_two_clean_builds_are_byte_identical(two_builds, capsys):
    data, before, (first, second) = two_builds
    one, other = fingerprint(first), fingerprint(second)
    differing = sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))
    with capsys.disabled():
        print(f"\nreproducible: {len(one)} files compared, {len(differing)} differ")
    assert differing == []
    assert fingerprint(data) == before


def test_bad_yaml_leaves_the_site_and_the_data_untouched(two_builds, data_copy):
    site = two_builds[2][0]
    (data_copy / "measures" / "05.yaml").write_text("number: 5\ntitle: [unclosed\n", encoding="utf-8")
    assert "measures/05.yaml:" in assert_refused_and_untouched(data_copy, site)


def test_a_strict_mode_warning_leaves_the_site_untouched(two_builds, data_copy):
    site = two_builds[2][0]
    with (data_copy / "pages" / "zh" / "guide.md").open("a", encoding="utf-8") as guide:
        guide.write("\n[a page that does not exist](nowhere.md)\n")
    assert "nowhere.md" in assert_refused_and_untouched(data_copy, site)


def test_a_missing_runtime_leaves_the_site_untouched(two_builds, data_copy, tmp_path, monkeypatch):
    site = two_builds[2][0]
    monkeypatch.setattr(handbook.site.wheel, "PROJECT", tmp_path)
    assert "node_modules/pyodide is missing" in assert_refused_and_untouched(data_copy, site)


def test_a_build_loads_the_data_once(tmp_path, monkeypatch):
    """build_site reads and validates the data folder once; every language's build and the calculator assets
    take that dataset (a second load anywhere, in this process or a forked language build, fails the build)."""
    loads = []

    def counted(root):
        loads.append(root)
        return handbook.data.dataset.load_dataset(root)

    def refused(root):
        raise AssertionError(f"the data folder was loaded a second time: {root}")

    monkeypatch.setattr(handbook.build, "load_dataset", counted)
    monkeypatch.setattr(handbook.site.plugin, "load_dataset", refused)
    build_site(str(PROJECT / "policy_data"), str(tmp_path / "site"), str(PROJECT / "mkdocs.yml"), compress=False)
    assert loads == [str(PROJECT / "policy_data")]
