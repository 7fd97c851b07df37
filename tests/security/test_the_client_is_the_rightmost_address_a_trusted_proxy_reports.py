"""Behind a reverse proxy every request comes from the proxy. X-Forwarded-For is believed only from a proxy
listed in GONGKAI_TRUSTED_PROXIES, and read from the right: trusted hops are skipped, and the first one that
is not is the client. A client writing the header itself, directly or through the proxy, cannot choose the
address it is counted under."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.security.proxies import client_address

TRUSTED = ["127.0.0.1", "10.0.0.0/8"]


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "client"),
    [
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),  # nginx on the same host
        ("127.0.0.1", "198.51.100.1, 203.0.113.5", "203.0.113.5"),  # the client forged the left part
        ("127.0.0.1", "203.0.113.5, 10.1.2.3", "203.0.113.5"),  # two proxies: the inner one skipped
        ("10.1.2.3", "203.0.113.5:51234", "203.0.113.5"),  # a hop with its port
        ("127.0.0.1", "[2001:db8::7]:443", "2001:db8::7"),
        ("127.0.0.1", "2001:db8::7", "2001:db8::7"),
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),  # not from a trusted proxy: the header is ignored
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "10.1.2.3, 10.4.5.6", "10.1.2.3"),  # only proxies: the farthest one
        ("127.0.0.1", "<script>, 203.0.113.5", "203.0.113.5"),
        ("127.0.0.1", "203.0.113.5, unknown", "127.0.0.1"),  # no proxy writes "unknown": stop at the last one
    ],
)
def test_the_client_is_the_rightmost_untrusted_hop(peer, forwarded_for, client):
    assert client_address(peer, forwarded_for, TRUSTED) == client


def test_without_trusted_proxies_the_header_means_nothing():
    assert client_address("127.0.0.1", "203.0.113.5", []) == "127.0.0.1"


def test_a_wrong_entry_is_a_chinese_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="不是 IP 地址或网段"):
        client_address("127.0.0.1", "203.0.113.5", ["nginx.local"])


@pytest.mark.django_db
def test_the_log_in_limit_counts_the_address_the_proxy_reports(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.LOGIN_ADDRESS_LIMIT = 3
    for n in range(3):
        client.post(
            "/accounts/login/",
            {"username": f"guess{n}", "password": "x"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.5",  # a different forged address each time
        )
    refused = client.post(
        "/accounts/login/",
        {"username": "next", "password": "x"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert "登录失败次数过多" in refused.content.decode()
    other = client.post(
        "/accounts/login/",
        {"username": "next", "password": "x"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    assert "登录失败次数过多" not in other.content.decode()
