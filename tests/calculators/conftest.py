"""Shared fixture: the policy parameters, exported by the project's own loader from policy_data/."""
import pytest

from tests.calculators.casefiles import load_parameters


@pytest.fixture(scope="session")
def params() -> dict:
    """The exported parameters, loaded once per test session."""
    return load_parameters()
