"""One address may submit only so many online applications an hour; the next one is refused, unsaved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications.models import Application
from tests.factories import proven_submission, valid_resident_id

from .conftest import PNG

pytestmark = pytest.mark.django_db


def form(n):
    return {
        "applicant_type": "natural_person",
        "applicant_name": f"申请人{n}",
        "id_type": "resident_id",
        "id_number": valid_resident_id(),
        "phone": "13600000000",
        "request_description": f"信息{n}",
        "carriers": ["paper"],
        "routes": ["post"],
        "identity_document": SimpleUploadedFile("id.png", PNG),
        **proven_submission("yqtyjrswj"),
    }


def test_the_submission_over_the_limit_is_refused(personas, client, settings):
    settings.APPLY_RATE_LIMIT = 2
    url = reverse("apply:form", args=["yqtyjrswj"])
    assert client.post(url, form(1)).status_code == 302
    assert client.post(url, form(2)).status_code == 302
    refused = client.post(url, form(3))
    assert refused.status_code == 429
    assert "稍后再试" in refused.content.decode()
    assert Application.objects.count() == 2
    # Another address is not affected.
    assert client.post(url, form(4), REMOTE_ADDR="10.0.0.9").status_code == 302


def test_a_form_filled_by_a_robot_is_not_stored(personas, client):
    response = client.post(reverse("apply:form", args=["yqtyjrswj"]), {**form(1), "website": "http://spam"})
    assert response.status_code == 429
    assert Application.objects.count() == 0
