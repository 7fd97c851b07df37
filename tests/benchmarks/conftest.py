"""A tiny generated province (benchmarks.province at the "tiny" scale) in the test database."""

import pytest


@pytest.fixture
def province(transactional_db):
    # Transactional: the generator drops and rebuilds the search index, which SQLite's schema editor
    # refuses inside the test's transaction.
    from benchmarks.province import SCALES, generate_province

    return generate_province(SCALES["tiny"], seed=7)
