"""Pages carry Content-Security-Policy with a nonce that changes per response, nosniff, a referrer policy,
X-Frame-Options and COOP; HSTS only when the site is configured as HTTPS-only."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PAGES = ["/", "/accounts/login/", "/apply/track/", "/search/?q=通知"]


@pytest.mark.parametrize("url", PAGES)
def test_the_headers_are_set(client, personas, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response


@pytest.mark.urls("tests.security.nonce_urls")
def test_a_nonce_used_by_a_template_is_in_the_header_and_new_each_time(client):
    nonces = []
    for _ in range(2):
        response = client.get("/inline/")
        nonce = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
        assert f"script-src 'self' 'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_SSL_REDIRECT=False)
def test_hsts_is_sent_over_https_when_configured(client, personas):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
