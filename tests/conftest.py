"""Shared test set-up. Personas and factories live in tests/factories.py.

pytest-django loads the settings before any conftest runs, so test-only configuration is applied
here through the `settings` fixture rather than environment variables.
"""

import itertools

import pytest

_index_folders = itertools.count()


@pytest.fixture(autouse=True)
def tasks_run_immediately(settings):
    # Background tasks (reminders, rendering) run inside the test instead of waiting for a worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def search_index_of_its_own(settings, tmp_path_factory):
    # A test that builds a search index builds it in a folder of its own: the database is rolled back
    # after each test, files on disk are not. The folder is only made if the test builds an index.
    settings.SEARCH_INDEX_DIR = tmp_path_factory.getbasetemp() / "search-index" / str(next(_index_folders))


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Production-strength PBKDF2 costs ~0.3 s per password; tests check behaviour, not hashing cost.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def field_key_from_secret(settings):
    # Identity numbers are encrypted with a key derived from the test SECRET_KEY (gongkai.applications.crypto).
    settings.FIELD_KEY_FROM_SECRET = True


DB_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


@pytest.fixture(autouse=True)
def working_day_calendar(request):
    """Every database test sees the 2019–2026 working-day table and an empty calendar cache.

    The migration seeds the table, but a transactional test (the browser tests, for one) flushes every
    table when it ends; seeding again is a cheap no-op when the years are present.
    """
    from gongkai.calendar import workdays

    uses_db = request.node.get_closest_marker("django_db") or DB_FIXTURES.intersection(request.fixturenames)
    if uses_db:
        from gongkai.calendar.models import CalendarDay, CalendarYear
        from gongkai.calendar.seed import seed

        request.getfixturevalue("transactional_db" if "live_server" in request.fixturenames else "db")
        seed(CalendarYear, CalendarDay)
    workdays.invalidate()
    yield
    workdays.invalidate()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    # Rate-limit counters live in the (per-process) cache: each test starts from zero, so the order in
    # which tests run never decides whether a request is refused.
    from django.core.cache import cache

    from gongkai.portal import page_cache

    cache.clear()
    # Likewise what the portal keeps per generation: a rolled-back test repeats generation numbers.
    page_cache.forget_remembered()
    yield


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a free port of this machine, for the whole run: an S3-compatible endpoint as
    MinIO, OSS, COS or OBS would be, with no network beyond the loopback."""
    import socket

    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


_buckets = itertools.count()


class Bucket:
    """The bucket a test runs on, read directly with boto3 as the operator would, around gongkai."""

    def __init__(self, endpoint: str, name: str):
        import boto3

        self.name = name
        self.resource = boto3.resource(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="gongkai-test",
            aws_secret_access_key="gongkai-test-secret",
        )
        self.bucket = self.resource.Bucket(name)

    def object_keys(self) -> list[str]:
        return sorted(entry.key for entry in self.bucket.objects.all())

    def read(self, key: str) -> bytes:
        return self.bucket.Object(key).get()["Body"].read()

    def put(self, key: str, data: bytes) -> None:
        self.bucket.Object(key).put(Body=data)

    def delete(self, key: str) -> None:
        self.bucket.Object(key).delete()


@pytest.fixture
def object_storage(settings, tmp_path, s3_server):
    """gongkai's files on a fresh bucket of the moto server, made beforehand as the operator makes it
    (gongkai never creates one), configured as GONGKAI_S3_BUCKET etc. would configure it. The local
    folders point at empty temporary ones, so a test can show that nothing lands there."""
    from gongkai.storage import file_storages

    bucket = Bucket(s3_server, f"gongkai-test-{next(_buckets)}")
    bucket.resource.create_bucket(Bucket=bucket.name)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    settings.STORAGES = file_storages(
        {
            "bucket_name": bucket.name,
            "endpoint_url": s3_server,
            "region_name": "us-east-1",
            "addressing_style": "path",
            "access_key": "gongkai-test",
            "secret_key": "gongkai-test-secret",
        }
    )
    return bucket
