"""Fixtures of the quality tests: a watched Chromium tab (the walk over every page type is tests/conftest.py's)."""
import pytest

from tests.quality.helpers import watched_tab


# A watched tab of the readers' profile for one test.
@pytest.fixture
def watched(reader_context, site_url):
    tab = watched_tab(reader_context, site_url)
    yield tab
    tab.close()
