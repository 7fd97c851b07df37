"""After the agency's retention period, the applicants' personal data of closed cases is erased — by the
background task or by hand after confirmation — while open or recent cases keep it and the annual report
of the year does not change by one cell."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from gongkai.applications.models import Application, IdentityDocument
from gongkai.applications.personal_data import ERASED_NAME, erase_personal_data, expired_cases
from gongkai.applications.services import add_identity_document, record_event
from gongkai.applications.tasks import erase_expired_personal_data
from gongkai.audit.models import AuditEntry
from gongkai.cli import main
from gongkai.formats import get_format
from gongkai.reports.applications_cells import section3_cells
from tests.applications.conftest import PNG
from tests.reports.placing import place

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


@pytest.fixture
def cases(personas):
    agency = personas.agency
    agency.personal_data_retention_years = 3
    agency.save()
    old = place(agency, date(2021, 3, 1), decided=date(2021, 3, 20), outcome="granted")
    record_event(old, "delivered", date=date(2021, 3, 22), data={"method": "direct"}, actor=None)
    add_identity_document(old, SimpleUploadedFile("id.png", PNG))
    withdrawn = place(agency, date(2022, 1, 10), withdrawn=date(2022, 2, 1))
    recent = place(agency, date(2024, 1, 8), withdrawn=date(2024, 1, 20))  # closed < 3 years ago
    still_open = place(agency, date(2021, 5, 6), decided=date(2021, 5, 20))  # decided, never delivered
    return {"old": old, "withdrawn": withdrawn, "recent": recent, "open": still_open}


def test_only_cases_closed_longer_than_the_period_are_due(personas, cases):
    due = {a.reference for a in expired_cases(personas.agency, TODAY)}
    assert due == {cases["old"].reference, cases["withdrawn"].reference}


def test_the_task_erases_them_and_the_report_of_their_year_is_unchanged(
    personas, cases, private_files, django_capture_on_commit_callbacks
):
    fmt = get_format("2021")
    before = {year: section3_cells(personas.agency, year, fmt) for year in (2021, 2022)}
    stored_file = IdentityDocument.objects.get(application=cases["old"]).file.name

    with django_capture_on_commit_callbacks(execute=True):
        assert erase_expired_personal_data.call(personas.agency.pk, TODAY.isoformat()) == 2

    old = Application.objects.get(pk=cases["old"].pk)
    assert old.applicant_name == ERASED_NAME
    assert not (old.phone or old.id_number_encrypted or old.id_number_masked or old.id_number_fingerprint)
    assert old.personal_data_erased_at is not None
    assert not IdentityDocument.objects.filter(application=old).exists()
    assert not (private_files / stored_file).exists()
    assert old.events.count() == 3  # received, decided, delivered stay
    assert Application.objects.get(pk=cases["open"].pk).applicant_name == "张三"
    assert Application.objects.get(pk=cases["recent"].pk).applicant_name == "张三"
    after = {year: section3_cells(personas.agency, year, fmt) for year in (2021, 2022)}
    assert after == before
    assert AuditEntry.objects.filter(action="application.personal_data.erase").count() == 2


def test_erasing_twice_changes_nothing_more(personas, cases):
    erase_personal_data(cases["old"], reason="测试")
    erase_personal_data(cases["old"], reason="测试")
    assert AuditEntry.objects.filter(action="application.personal_data.erase").count() == 1


def test_an_agency_without_a_period_keeps_everything(personas, cases):
    personas.agency.personal_data_retention_years = None
    personas.agency.save()
    assert expired_cases(personas.agency, TODAY) == []


def test_by_hand_the_command_asks_for_confirmation(personas, cases, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("不\n"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "不")
    assert main(["applications", "erase-personal-data", "--date", TODAY.isoformat()]) == 1
    assert "未删除" in capsys.readouterr().out
    assert Application.objects.get(pk=cases["old"].pk).applicant_name == "张三"

    monkeypatch.setattr("builtins.input", lambda prompt: "删除")
    assert main(["applications", "erase-personal-data", "--date", TODAY.isoformat()]) == 0
    assert Application.objects.get(pk=cases["old"].pk).applicant_name == ERASED_NAME


def test_the_command_without_a_terminal_needs_yes(personas, cases, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["applications", "erase-personal-data", "--date", TODAY.isoformat()]) == 2
    assert main(["applications", "erase-personal-data", "--date", TODAY.isoformat(), "--dry-run"]) == 0
    assert Application.objects.get(pk=cases["old"].pk).applicant_name == "张三"
    assert main(["applications", "erase-personal-data", "--date", TODAY.isoformat(), "--yes"]) == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM applications_application WHERE id = %s", [cases["old"].pk])
        assert cursor.fetchone()[0] == ""
