"""Schemathesis, with every check it has, against the live server's /api/openapi.json: every value the
document allows is served (no 400 for a schema-valid year, version or page), every value it forbids is
refused (an empty enum, a number past a declared bound), methods the API does not have answer 405, unknown
addresses answer JSON, and nothing is a server error. The run is bounded (a few examples per operation
after the boundary cases, a fixed seed), so it takes seconds."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import make_item, make_personas, publish_cells, sample_cells

SCHEMATHESIS = shutil.which("st", path=str(Path(sys.executable).parent)) or shutil.which("st")


@pytest.fixture
def published(transactional_db, settings):
    settings.API_RATE_LIMIT = 1_000_000  # the run sends hundreds of requests from one address
    agency = make_personas().agency
    for year in (2020, 2025):
        publish_cells(agency, year, sample_cells(agency, year))
    make_item(agency, title="2026年工作要点")
    return agency


def test_the_api_passes_every_schemathesis_check(live_server, published, tmp_path):
    assert SCHEMATHESIS, "找不到 schemathesis 的命令 st（开发依赖）"
    result = subprocess.run(
        [
            SCHEMATHESIS,
            "run",
            live_server.url.replace("localhost", "127.0.0.1") + "/api/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "3",
            "--seed",
            "20261102",
            "--workers",
            "1",
            "--request-timeout",
            "20",
            "--no-color",
        ],  # fmt: skip
        cwd=tmp_path,  # its example database stays out of the repository
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout
