import pytest

from tests.factories import make_personas


@pytest.fixture
def people(db, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return make_personas()


@pytest.fixture
def registrar(client, people):
    client.force_login(people.registrar)
    return client
