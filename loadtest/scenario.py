"""What simulated people do against a running server. Each function does one unit of work and returns
what the server acknowledged; a failure raises Failure (wrong answer) or OSError (connection lost)."""

import base64
import hashlib
import re
from itertools import count
from urllib.parse import urlencode

from .client import Client

REFERENCE = re.compile(r'<span class="code-box">([A-Z0-9_-]+-\d{4}-\d{5})</span>')
ITEM_LINK = re.compile(r'href="(/[a-z0-9_-]+/items/[^"]+/)"')
# The smallest PNG the identity-document check accepts.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
ID_NUMBER = "330382198001010010"  # GB 11643 check character correct
CHALLENGE = re.compile(r'name="challenge" value="([^"]+)"')
PROOF_BITS = re.compile(r'data-proof-bits="(\d+)"')


def solve(challenge: str, bits: int) -> str:
    """The proof of work the form's script finds in a browser (gongkai.security.proof), found here."""
    for n in count():
        digest = hashlib.sha256(f"{challenge}:{n}".encode()).digest()
        if bits == 0 or int.from_bytes(digest, "big") >> (256 - bits) == 0:
            return str(n)
    raise AssertionError("count() never ends")


class Failure(Exception):
    """The server answered, but not what a working system answers."""


def apply_online(client: Client, agency: str, n: int) -> str:
    """Submit one online application as a browser does (consent given, the proof of work done); returns the
    受理编号 shown to the applicant."""
    form = client.get(f"/apply/{agency}/")
    challenge, bits = CHALLENGE.search(form.text), PROOF_BITS.search(form.text)
    if form.status != 200 or not challenge or not bits:
        raise Failure(f"申请表页面返回 {form.status}，没有防自动提交的挑战")
    response = client.post(
        f"/apply/{agency}/",
        {
            "privacy_consent": "on",
            "challenge": challenge.group(1),
            "proof": solve(challenge.group(1), int(bits.group(1))),
            "applicant_type": "natural_person",
            "applicant_name": f"压力测试申请人{n}",
            "id_type": "resident_id",
            "id_number": ID_NUMBER,
            "phone": "13800000000",
            "request_description": f"第{n}号：2025年度退役军人优待证发放情况",
            "carriers": ["paper"],
            "routes": ["post"],
        },
        files={"identity_document": ("id.png", PNG, "image/png")},
    )
    if response.status != 302:
        raise Failure(f"网上申请返回 {response.status}")
    done = client.get("/apply/done/")
    match = REFERENCE.search(done.text)
    if done.status != 200 or not match:
        raise Failure(f"申请完成页返回 {done.status}，没有受理编号")
    return match.group(1)


def browse(client: Client, agency: str, n: int) -> int:
    """A reader's visit: home, agency, catalogue, a search, an item. Returns the number of pages read."""
    query = urlencode({"q": ["工作要点", "退役军人", "优待证"][n % 3], "page": 1 + n % 2})
    pages = ["/", f"/{agency}/", f"/{agency}/catalogue/", f"/search/?{query}"]
    for path in pages:
        response = client.get(path)
        if response.status != 200:
            raise Failure(f"{path} 返回 {response.status}")
    links = ITEM_LINK.findall(response.text) or ITEM_LINK.findall(client.get(f"/{agency}/catalogue/").text)
    if links:
        item = client.get(links[n % len(links)])
        if item.status != 200:
            raise Failure(f"{links[n % len(links)]} 返回 {item.status}")
        return len(pages) + 1
    return len(pages)


def sign_off(client: Client, pk: int) -> bool:
    """The leader's 签发 of one item; True when the next page confirms publication."""
    response = client.post(
        f"/workspace/disclosure/{pk}/approve/", {"when": "now"}, token_from=f"/workspace/disclosure/{pk}/"
    )
    if response.status != 302:
        raise Failure(f"签发返回 {response.status}")
    page = client.get(response.location)
    return "已签发并发布" in page.text
