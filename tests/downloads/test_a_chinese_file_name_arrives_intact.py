"""A download keeps its Chinese file name: the browser is told it in the RFC 6266 form (filename*=utf-8''…),
and what it decodes is the name gongkai gave — for a case's letter, an imported report's original file and an
open-data table."""

import json
from email.message import Message

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.applications import letters
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.reports.services import store_imported
from tests.factories import make_application, make_personas

pytestmark = pytest.mark.django_db


def downloaded_name(response) -> str:
    assert response.status_code == 200
    header = Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_content_disposition() == "attachment"
    assert "filename*=utf-8''" in response["Content-Disposition"]  # not an ASCII-only name
    return header.get_filename()


def test_a_letter_downloads_under_its_case_reference_and_kind(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path
    people = make_personas()
    application, _ = make_application(people.agency, actor=people.registrar)
    letter = letters.draft_letter(application, "receipt", actor=people.registrar)
    client = Client()
    client.force_login(people.registrar)
    url = reverse("applications:letter_file", args=[application.pk, letter.pk, "docx"])
    assert downloaded_name(client.get(url)) == f"{application.reference}-受理回执-草稿.docx"


def published(agency, year=2022):
    cells = json.loads(dumps(ReportCells.blank(format_for_year(year), agency.name, year).to_dict()))
    source = "乐清市退役军人事务局2022年政府信息公开工作年度报告".encode()
    # The importer chose to publish the original (it stays private otherwise).
    store_imported(
        agency,
        year,
        cells=cells,
        source_name="2022年报（原件）.txt",
        source=source,
        provenance={"source_public": True},
    )


def test_an_imported_reports_original_keeps_the_name_it_was_uploaded_under():
    agency = make_personas().agency
    published(agency)
    url = reverse("public_reports:file", args=[agency.code, 2022, 1, "source"])
    assert downloaded_name(Client().get(url)) == "2022年报（原件）.txt"


def test_an_open_data_table_is_named_after_the_report_and_its_part():
    agency = make_personas().agency
    published(agency)
    response = Client().get(f"/api/agencies/{agency.code}/reports/2022.csv", {"table": "3"})
    assert (
        downloaded_name(response) == "乐清市退役军人事务局2022年政府信息公开工作年度报告（第三部分表格）.csv"
    )
