"""Fixtures for the cross-engine tests: the gate serving the built site, a shared tab per engine (the browsers are
tests/conftest.py's `engines`)."""
import pytest

from tests.engines.drivers import shared_sessions


# The engine a test is parametrised with (its `engine_name`).
@pytest.fixture
def engine(engines, engine_name):
    return engines(engine_name)


# The site as that engine reaches it: http://127.0.0.1:PORT/ and http://intranet.test/.
@pytest.fixture
def gate(engine):
    return engine.gate


# One tab per engine for the session (so the calculator cases share its warm start); cleared of
# recorded other-origin requests before each test.
@pytest.fixture(scope="session")
def shared_tabs(engines):
    yield from shared_sessions(engines)


# The shared tab of this test's engine.
@pytest.fixture
def tab(shared_tabs, engine_name):
    shared = shared_tabs(engine_name)
    shared.take_foreign()
    return shared


# A fresh tab with storage of its own, closed after the test.
@pytest.fixture
def fresh_tab(engine):
    session = engine.session()
    session.take_foreign()
    yield session
    session.close()
