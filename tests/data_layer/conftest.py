"""Fixtures for the data-layer tests."""
import shutil

import pytest

from .helpers import DATA


@pytest.fixture
def data_copy(tmp_path):
    """A fresh copy of policy_data/, still named policy_data, inside a temporary folder."""
    target = tmp_path / "policy_data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def dataset():
    """The real dataset, loaded and validated in-process."""
    from handbook.dataset import load_dataset
    return load_dataset(DATA)


@pytest.fixture(scope="session")
def original_squashed():
    """policy_data/original.txt with all whitespace removed."""
    from handbook.dataset import squash
    return squash((DATA / "original.txt").read_text(encoding="utf-8"))
