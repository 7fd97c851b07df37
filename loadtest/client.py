"""A small HTTP client on the standard library: cookies, Django's CSRF token, form and multipart posts.

One Client is one browser: it keeps its own session cookie. Redirects are not followed unless asked,
so a caller sees the 302 that acknowledges a saved form.
"""

import http.client
import re
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class Client:
    def __init__(self, base_url: str, timeout: float = 30, on_response=None):
        parts = urlsplit(base_url)
        self.on_response = on_response  # called with (method, path, status, seconds) after each request
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self._conn = None

    def _connection(self):
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Response:
        headers = dict(headers or {})
        headers["Host"] = f"{self.host}:{self.port}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
            headers["Origin"] = f"http://{self.host}:{self.port}"
        started = time.perf_counter()
        try:
            conn = self._connection()
            conn.request(method, path, body=body, headers=headers)
            raw = conn.getresponse()
            data = raw.read()
        except (OSError, http.client.HTTPException):
            self.close()  # the server went away: the next request opens a new connection
            raise
        seconds = time.perf_counter() - started
        if self.on_response is not None:
            self.on_response(method, path, raw.status, seconds)
        response_headers = {k.lower(): v for k, v in raw.getheaders()}
        for name, value in raw.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        if response_headers.get("connection", "").lower() == "close":
            self.close()
        return Response(raw.status, response_headers, data, seconds)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def csrf_token(self, path: str) -> str:
        page = self.get(path)
        match = CSRF_FIELD.search(page.text)
        if not match:
            raise RuntimeError(f"{path} 没有 CSRF 令牌（{page.status}）")
        return match.group(1)

    def post(
        self, path: str, fields: dict, files: dict | None = None, token_from: str | None = None
    ) -> Response:
        fields = {**fields, "csrfmiddlewaretoken": self.csrf_token(token_from or path)}
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields, doseq=True).encode(), "application/x-www-form-urlencoded"
        return self.request("POST", path, body, {"Content-Type": content_type})

    def log_in(self, username: str, password: str) -> None:
        response = self.post("/accounts/login/", {"username": username, "password": password})
        if response.status != 302:
            raise RuntimeError(f"{username} 登录失败（{response.status}）")


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = "----gongkai" + secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode()
            )
    for name, (filename, data, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n".encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
