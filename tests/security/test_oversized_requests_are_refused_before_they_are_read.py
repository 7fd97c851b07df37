"""A request body over REQUEST_MAX_BYTES gets a Chinese 413 page and nothing is stored."""

import pytest

from gongkai.applications.models import Application

pytestmark = pytest.mark.django_db


def test_a_body_over_the_limit_is_refused(client, personas, settings):
    settings.REQUEST_MAX_BYTES = 1024
    response = client.post("/apply/yqtyjrswj/", {"applicant_name": "张三", "request_description": "x" * 5000})
    assert response.status_code == 413
    assert "不能超过" in response.content.decode()
    assert Application.objects.count() == 0
