"""Fixtures for the data-layer tests (data_copy comes from tests/conftest.py)."""
import pytest

from .helpers import DATA


@pytest.fixture(scope="session")
def dataset():
    """The real dataset, loaded and validated in-process."""
    from handbook.data.dataset import load_dataset
    return load_dataset(DATA)


@pytest.fixture(scope="session")
def original_squashed():
    """policy_data/original.txt with all whitespace removed."""
    from handbook.data.texts import squash
    return squash((DATA / "original.txt").read_text(encoding="utf-8"))
