"""The online application, tracking and search take anything a browser (or a robot) can send: the answer
is a page (200, 302, 404 or 429), never a server error, and an application is either stored whole — case,
`received` event, identity document, audit entry — or not at all."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.applications.models import Application, ApplicationEvent, IdentityDocument
from gongkai.audit.models import AuditEntry
from tests.applications.conftest import PDF, PNG
from tests.factories import make_personas, valid_resident_id

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=120, suppress_health_check=list(HealthCheck), deadline=None)
# Text a form field may receive: anything, including NUL, lone surrogates excluded (not valid in HTTP).
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)
FIELD_VALUES = st.one_of(
    TEXT, st.lists(TEXT, max_size=3), st.sampled_from(["", "natural_person", "resident_id"])
)
APPLY_FIELDS = [
    "applicant_type", "applicant_name", "id_type", "id_number", "uscc", "legal_representative",
    "contact_person", "phone", "email", "address", "postcode", "request_description",
    "request_document_number", "carriers", "routes", "website",
]  # fmt: skip
GOOD = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "id_type": "resident_id",
    "id_number": valid_resident_id(),
    "phone": "13800000000",
    "request_description": "2025年度退役军人优待证发放情况",
    "carriers": ["paper"],
    "routes": ["post"],
}
UPLOADS = st.one_of(
    st.none(),
    st.binary(max_size=200),
    st.sampled_from([PNG, PDF, b"%PDF", b"\x89PNG", b"MZ\x90\x00"]),
)


def uploadable(name: str) -> str:
    # Django refuses to build a file whose base name is empty, "." or ".." (and its multipart parser drops
    # such a part from a browser), so those names stand in as "f".
    return name if os.path.basename(name) not in ("", ".", "..") else "f"


@pytest.fixture
def agency(db, settings, tmp_path):
    settings.APPLY_RATE_LIMIT = 10**6
    settings.TRACK_RATE_LIMIT = 10**6
    settings.SEARCH_RATE_LIMIT = 10**6
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return make_personas().agency


def counts():
    return (
        Application.objects.count(),
        ApplicationEvent.objects.count(),
        IdentityDocument.objects.count(),
        AuditEntry.objects.filter(action="application.register").count(),
    )


@FUZZ
@given(
    overrides=st.dictionaries(st.sampled_from(APPLY_FIELDS), FIELD_VALUES, max_size=8),
    start_good=st.booleans(),
    upload=UPLOADS,
    name=st.text(max_size=20),
)
@example(overrides={}, start_good=True, upload=PNG, name="id.png")  # the whole write, at least once
@example(overrides={}, start_good=False, upload=b"", name="/")
def test_the_online_application(client, agency, overrides, start_good, upload, name):
    data = {**(GOOD if start_good else {}), **overrides}
    if upload is not None:
        data["identity_document"] = SimpleUploadedFile(uploadable(name), upload)
    before = counts()
    response = client.post(f"/apply/{agency.code}/", data)
    assert response.status_code in (200, 302, 429)
    after = counts()
    if response.status_code == 302:
        assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 1, 1]
    else:
        assert after == before


@FUZZ
@given(reference=TEXT, query_code=TEXT, extra=st.dictionaries(TEXT, TEXT, max_size=2))
def test_tracking(client, agency, reference, query_code, extra):
    response = client.post("/apply/track/", {**extra, "reference": reference, "query_code": query_code})
    assert response.status_code == 200


QUERY = st.dictionaries(
    st.sampled_from(["q", "category", "year", "publisher", "validity", "kind", "order", "page"]),
    st.one_of(TEXT, st.integers(-(10**20), 10**20).map(str), st.lists(TEXT, max_size=2)),
    max_size=6,
)


@FUZZ
@given(query=QUERY, per_agency=st.booleans())
def test_search(client, agency, query, per_agency):
    url = f"/{agency.code}/search/" if per_agency else "/search/"
    response = client.get(url, query)
    assert response.status_code == 200
