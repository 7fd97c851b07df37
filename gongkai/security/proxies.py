"""The client's address behind reverse proxies (settings.TRUSTED_PROXIES, from GONGKAI_TRUSTED_PROXIES).

Behind nginx every request comes from nginx's address, so per-address limits (log-in failures, online
applications, the API) would count every member of the public as one. Each proxy appends the address it
received the request from to X-Forwarded-For; the client can write anything to the left of that. So the
header is read only when the request comes from a trusted proxy, from the right: hops that are trusted
proxies themselves are skipped, and the first one that is not is the client — the rightmost untrusted
hop, the one address no client can forge. REMOTE_ADDR is replaced by it for everything after (the peer's
own address is kept in META["GONGKAI_PROXY_ADDR"]).

gunicorn does not do this: its --forwarded-allow-ips only decides whether to believe X-Forwarded-Proto
and the like; REMOTE_ADDR stays the proxy's.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

HEADER = "HTTP_X_FORWARDED_FOR"


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"GONGKAI_TRUSTED_PROXIES 中的“{entry}”不是 IP 地址或网段（例如 127.0.0.1 或 10.0.0.0/8）"
            ) from None
    return tuple(networks)


def _address(text: str):
    """An IP address from a header hop ("203.0.113.7", "[2001:db8::1]:443", "203.0.113.7:5000"), or None."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(peer: str, forwarded_for: str | None, trusted: list[str]) -> str:
    """The client's address for a request from `peer` carrying `forwarded_for` (see the module)."""
    networks = _networks(tuple(trusted))
    if not networks or not forwarded_for or not _trusted(_address(peer), networks):
        return peer
    hops = [hop for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # Not an address: no trusted proxy wrote it, so the client did; the hop to its right is the
            # last one a trusted proxy vouches for.
            break
        if not _trusted(address, networks):
            return str(address)
        peer = str(address)
    return peer


class TrustedProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        _networks(tuple(settings.TRUSTED_PROXIES))  # a wrong entry stops the server at start, in Chinese

    def __call__(self, request):
        trusted = settings.TRUSTED_PROXIES
        if trusted:
            peer = request.META.get("REMOTE_ADDR", "")
            client = client_address(peer, request.META.get(HEADER), trusted)
            if client != peer:
                request.META["GONGKAI_PROXY_ADDR"] = peer
                request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
