"""A wrong query code and an unknown 受理编号 get the same answer, which says nothing about the case."""

import pytest
from django.urls import reverse

from tests.factories import make_application

pytestmark = pytest.mark.django_db


def _answer(client, reference, code):
    response = client.post(reverse("apply:track"), {"reference": reference, "query_code": code})
    assert response.status_code == 200
    return response.context["error"], response.context["result"], response.content.decode()


def test_a_wrong_code_and_an_unknown_number_get_the_same_answer(personas, client):
    application, code = make_application(personas.agency, applicant_name="周某某")
    wrong = "AAAAA-AAAAA" if code != "AAAAA-AAAAA" else "BBBBB-BBBBB"
    wrong_code = _answer(client, application.reference, wrong)
    unknown = _answer(client, "YQTYJRSWJ-2099-99999", code)
    assert wrong_code[0] == unknown[0] and wrong_code[0]
    assert wrong_code[1] is None and unknown[1] is None
    for page in (wrong_code[2], unknown[2]):
        assert "周某某" not in page
        assert personas.agency.name not in page
        assert application.received_on.isoformat() not in page
    assert _answer(client, application.reference, code)[1] is not None


def test_tracking_lookups_are_rate_limited(personas, client, settings):
    settings.TRACK_RATE_LIMIT = 3
    application, code = make_application(personas.agency)
    for _ in range(3):
        _answer(client, application.reference, "AAAAA-AAAAA")
    response = client.post(reverse("apply:track"), {"reference": application.reference, "query_code": code})
    assert response.status_code == 429
