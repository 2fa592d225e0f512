"""validate, build and serve print what changed in the policy data since the last commit, and write nothing."""
import shutil
import subprocess

import pytest

from handbook import cli

from .helpers import DATA, run_handbook, snapshot


# Run git in folder with a fixed identity.
def _git(folder, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    """A git repository whose one commit holds a copy of policy_data/; returns the data folder."""
    data = tmp_path / "repo" / "policy_data"
    shutil.copytree(DATA, data)
    _git(data.parent, "init", "-q")
    _git(data.parent, "add", "-A")
    _git(data.parent, "commit", "-q", "-m", "data")
    return data


# Change the job-retention refund rate from 50 to 75 in the working tree.
def _raise_refund_rate(data):
    path = data / "parameters" / "05.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    value: '50'\n", "    value: '75'\n", 1), encoding="utf-8")


def test_validate_prints_the_changes_since_the_last_commit(repository):
    _raise_refund_rate(repository)
    before = snapshot(repository.parent)

    result = run_handbook("validate", "--data", repository)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "Parameter `retention.refund_rate` (Job-retention refund rate): value 50% (from 2020-02-22, no end date) " \
        "→ 75% (from 2020-02-22, no end date)" in result.stdout
    assert "参数 `retention.refund_rate`（稳岗返还标准）取值：50%" in result.stdout
    assert snapshot(repository.parent) == before


@pytest.mark.parametrize("in_git", [True, False], ids=["unchanged", "outside-git"])
def test_validate_prints_only_ok_when_there_is_nothing_to_show(repository, data_copy, in_git):
    result = run_handbook("validate", "--data", repository if in_git else data_copy)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("OK: ")


@pytest.mark.parametrize(("command", "module", "function"), [
    ("build", "handbook.build", "build_site"), ("serve", "handbook.serve", "serve"),
])
def test_build_and_serve_print_the_changes_first(repository, monkeypatch, capsys, tmp_path, command, module, function):
    _raise_refund_rate(repository)
    started = []
    monkeypatch.setattr(f"{module}.{function}", lambda *args, **kwargs: started.append(capsys.readouterr().out) or tmp_path)

    cli.main([command, "--data", str(repository), "--out", str(tmp_path / "site")])

    assert started and "value 50% (from 2020-02-22, no end date) → 75%" in started[0]
