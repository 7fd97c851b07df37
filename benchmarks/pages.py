"""Portal pages per second from a real server (gunicorn, one sync worker, on loopback) against a view
that does no work on the same server through the same middleware. The item page is measured twice: on
the first visit to each of its pages (rendered) and then on visits served from the page cache.

One client sends one request at a time, so requests per second is the inverse of the mean latency, server
and client sharing the same machine. Every response must be 200.

The sides take turns in ROUNDS short blocks (the minimal view, the catalogue, a share of the first visits,
the kept pages, then again), and each rate is its requests over its time summed across the blocks. The
machine's speed drifts over tens of seconds (the minimal view alone ran anywhere between 900 and 1,550 per
second on one machine); measured one after the other, a ratio compared two different machines as much
as two pages. Each block's ratio is kept too, and the spread is printed beside the total.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import Item, ItemStatus

REPO = Path(__file__).resolve().parent.parent
# Pages visited once each for the first-visit rate: enough for a few seconds of requests (500 took under
# a second, where one pause of the machine moved the rate by a tenth).
FIRST_VISITS = 2_500
ROUNDS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DEBUG": "0",
        "SECURE_COOKIES": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PYTHONPATH": str(REPO),
    }
    log = open(Path(settings.DATA_DIR) / "server.log", "ab")  # noqa: SIM115 — lives as long as the server
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "gongkai.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
        ],  # fmt: skip
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/bench/minimal/") == 200:
                return process
        except OSError:
            time.sleep(0.2)
        if process.poll() is not None:
            raise RuntimeError("gunicorn 退出，见 var/bench/server.log")
    raise RuntimeError("gunicorn 未能在 60 秒内启动")


def get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


class Side:
    """One side's requests and seconds, summed over its blocks, and its rate in each block."""

    def __init__(self):
        self.requests, self.seconds, self.block_rates = 0, 0.0, []

    def add(self, requests: int, seconds: float) -> None:
        self.requests += requests
        self.seconds += seconds
        self.block_rates.append(requests / seconds)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def timed(port: int, paths: list[str], seconds: float) -> tuple[int, float]:
    """Requests to `paths` in turn for `seconds`: how many, in how long."""
    for path in paths[:5]:  # warm the worker and the database cache
        get(port, path)
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        status = get(port, paths[done % len(paths)])
        if status != 200:
            raise RuntimeError(f"{paths[done % len(paths)]} 返回 {status}")
        done += 1
    return done, time.perf_counter() - started


def one_pass(port: int, paths: list[str]) -> tuple[int, float]:
    """Each path once, in order: how many, in how long."""
    started = time.perf_counter()
    for path in paths:
        status = get(port, path)
        if status != 200:
            raise RuntimeError(f"{path} 返回 {status}")
    return len(paths), time.perf_counter() - started


def spread(ours: Side, baseline: Side) -> tuple[float, float]:
    """The lowest and highest of the blocks' ratios, each block against the minimal view's block of the
    same round."""
    ratios = [o / b for o, b in zip(ours.block_rates, baseline.block_rates, strict=True)]
    return min(ratios), max(ratios)


def run(context) -> list[dict]:
    # The busiest agency: the largest catalogue and the most items to pick from.
    agency = Agency.objects.order_by("pk").first()
    items = list(
        Item.objects.filter(agency=agency, status=ItemStatus.PUBLISHED)
        .exclude(index_number=None)
        .order_by("?")
        .values_list("index_number", flat=True)[:FIRST_VISITS]
    )
    item_paths = [f"/{agency.code}/items/{ref}/" for ref in items]
    minimal, catalogue, item_first, item_kept = Side(), Side(), Side(), Side()
    block = context.seconds / ROUNDS
    port = free_port()
    server = start_server(port)
    try:
        for number in range(ROUNDS):
            minimal.add(*timed(port, ["/bench/minimal/"], block))
            catalogue.add(*timed(port, [f"/{agency.code}/catalogue/"], block))
            # First visits render every page; afterwards the same pages come from the page cache (until
            # anything they show changes), which is what most readers of a popular item get.
            visited = item_paths[: len(item_paths) * (number + 1) // ROUNDS]
            item_first.add(*one_pass(port, visited[len(item_paths) * number // ROUNDS :]))
            item_kept.add(*timed(port, visited, block))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return [
        {
            "name": f"目录页（{agency.name}）",
            "ours_rate": catalogue.rate,
            "bare_rate": minimal.rate,
            "spread": spread(catalogue, minimal),
            "unit": "次/秒",
            "goal": {"at_least": 0.25},
        },
        {
            "name": "信息页（首次访问，渲染）",
            "ours_rate": item_first.rate,
            "bare_rate": minimal.rate,
            "spread": spread(item_first, minimal),
            "unit": "次/秒",
            "goal": {"at_least": 0.40},
        },
        {
            "name": "信息页（再次访问，页面缓存）",
            "ours_rate": item_kept.rate,
            "bare_rate": minimal.rate,
            "spread": spread(item_kept, minimal),
            "unit": "次/秒",
        },
    ]
