"""Issue 13 item 7: the 依申请公开 台账 — one row per case with its dates, handler and the outcome named as
the report row that counts it; names masked unless the person may reveal them (then audited); formulas in
names stay text; the same from the command line, with the case file of a closed case."""

import csv
import io
import zipfile
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.applications import casework, services
from gongkai.applications.case_ledger import HEADER
from gongkai.audit.models import AuditEntry
from gongkai.cli import main
from gongkai.formats import format_for_year
from gongkai.rules.outcomes import row_label
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def a_year_of_cases(personas):
    first, _ = make_application(personas.agency, received_on=date(2026, 1, 5), applicant_name="欧阳娜娜")
    casework.assign(first, department=personas.office, handler=personas.registrar, actor=personas.registrar)
    services.record_event(
        first,
        "correction_requested",
        date=date(2026, 1, 7),
        data={"correction_deadline": date(2026, 1, 20)},
        actor=None,
    )
    services.record_event(first, "correction_received", date=date(2026, 1, 9), actor=None)
    services.record_event(
        first, "decided", date=date(2026, 1, 20), data={"outcome": "partially_granted"}, actor=None
    )
    services.record_event(first, "delivered", date=date(2026, 1, 21), data={"method": "post"}, actor=None)
    second, _ = make_application(
        personas.agency, received_on=date(2026, 1, 6), applicant_name="=HYPERLINK(1)"
    )
    return first, second


@time_machine.travel(date(2026, 2, 1), tick=False)
def test_the_workspace_download_has_one_row_per_case_with_the_report_rows_label(personas, logged_in):
    first, second = a_year_of_cases(personas)
    client = logged_in(personas.registrar)

    response = client.get(
        reverse("applications:export"), {"agency": personas.agency.code, "year": "2026", "format": "xlsx"}
    )

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert list(rows[0]) == list(HEADER)
    by_ref = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    one = by_ref[first.reference]
    assert one["申请人"] == "欧***" and one["承办科室"] == "办公室"
    assert one["补正告知日期"].date() == date(2026, 1, 7) and one["收到补正日期"].date() == date(2026, 1, 9)
    assert one["办理结果"] == row_label("partially_granted", format_for_year(2026).version)
    assert one["送达日期"].date() == date(2026, 1, 21)
    assert by_ref[second.reference]["申请人"] != "=HYPERLINK(1)"  # masked, and never a formula
    assert not AuditEntry.objects.filter(action="application.ledger.export_full_names").exists()


@time_machine.travel(date(2026, 2, 1), tick=False)
def test_full_names_are_written_only_for_who_may_reveal_them_and_are_audited(personas, logged_in):
    a_year_of_cases(personas)
    query = {"agency": personas.agency.code, "year": "2026", "format": "csv", "reveal": "1"}

    registrar = logged_in(personas.registrar).get(reverse("applications:export"), query)
    text = b"".join(registrar.streaming_content).decode("utf-8-sig")
    assert "欧阳娜娜" in text and "'=HYPERLINK(1)" in text  # the formula stays text
    assert AuditEntry.objects.filter(action="application.ledger.export_full_names").count() == 1

    head = logged_in(personas.department_head).get(reverse("applications:export"), query)
    assert head.status_code == 404  # a department head does not register cases, so exports none


@time_machine.travel(date(2026, 2, 1), tick=False)
def test_the_command_line_writes_the_ledger_and_the_case_file(personas, tmp_path, capsys):
    first, _ = a_year_of_cases(personas)
    ledger = tmp_path / "ledger.csv"

    assert (
        main(
            [
                "applications",
                "export",
                "--agency",
                personas.agency.code,
                "--year",
                "2026",
                "--format",
                "csv",
                "-o",
                str(ledger),
            ]
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(ledger.read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(HEADER) and len(rows) == 3 and rows[1][4] == "欧***"

    archive = tmp_path / "case.zip"
    assert main(["applications", "archive", first.reference, "-o", str(archive)]) == 0
    with zipfile.ZipFile(archive) as package:
        assert f"{first.reference}/application.json" in package.namelist()

    assert main(["applications", "export", "--agency", "nosuch", "--year", "2026", "-o", str(ledger)]) == 2
    assert "没有简称代码为“nosuch”的机关" in capsys.readouterr().err
