"""A report published outside gongkai (read by the importer) is stored as the agency's published report for
that year: blank cells stay null, the source file is kept with its SHA-256 and provenance, the year is
locked, and `report build` returns it as the current state. The source is not public unless chosen."""

import hashlib
import json

import pytest

from gongkai.cli import main
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.reports.models import Origin
from gongkai.reports.services import store_imported
from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def test_the_imported_version_keeps_null_cells_the_source_and_its_provenance(capsys, client):
    agency = make_agency("乐清市民政局", code="yqsmzj")
    cells = ReportCells.blank(format_for_year(2022), agency.name, 2022)
    cells["section3.new_received.natural_person"] = 12
    data = json.loads(dumps(cells.to_dict()))
    source = "乐清市民政局2022年政府信息公开工作年度报告……".encode()

    version = store_imported(
        agency,
        2022,
        cells=data,
        sections={"一": "2022年，本局收到政府信息公开申请12件。"},
        source_name="2022年报.txt",
        source=source,
        provenance={"url": "http://www.yueqing.gov.cn/art/2023/1/30/art_1.html", "parser": "txt"},
    )
    assert version.origin == Origin.IMPORTED and version.report.locked
    assert version.cells["section3"]["new_received"]["total"] is None
    (original,) = version.files.all()
    assert original.kind == "source" and original.sha256 == hashlib.sha256(source).hexdigest()
    assert version.provenance["parser"] == "txt"

    assert main(["report", "build", "--agency", "yqsmzj", "--year", "2022", "--format", "json"]) == 0
    built = json.loads(capsys.readouterr().out)
    assert built["section3"]["new_received"]["natural_person"] == 12
    assert built["section3"]["new_received"]["total"] is None and built["version"]["origin"] == "imported"
    # Kept for the staff, not offered to the public unless the importer chose to publish it.
    assert client.get("/yqsmzj/reports/2022/v1/source/").status_code == 404
