"""The workspace upload page: registrars and admins of the agency only; errors by row; nothing half-saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.statistics.models import Matter, StatisticEntry
from tests.factories import PASSWORD, make_agency, make_person
from tests.statistics.importfiles import GOOD_ROWS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
URL = reverse("statistics:import")


def logged_in(client, agency, role):
    person = make_person(agency, role)
    client.login(username=person.username, password=PASSWORD)
    return person


def upload(client, agency, name, data):
    return client.post(URL, {"agency": agency.code, "file": SimpleUploadedFile(name, data)})


def test_a_registrar_imports_a_file_and_sees_the_figures(client):
    agency = make_agency()
    logged_in(client, agency, Role.REGISTRAR)
    response = upload(client, agency, "figures.xlsx", xlsx_bytes(GOOD_ROWS))
    assert response.status_code == 302
    assert Matter.objects.filter(agency=agency).count() == 2
    page = client.get(response.url)
    assert "已导入清单事项 2 项、统计数据 2 条" in page.content.decode()
    assert "其他对外管理服务事项处理决定数量" in page.content.decode()


def test_a_bad_file_shows_each_row_error_and_saves_nothing(client):
    agency = make_agency()
    logged_in(client, agency, Role.ADMIN)
    rows = GOOD_ROWS + [["政府集中采购项目数量", "", "2020-01-01", "", "-3", "采购系统"]]
    response = upload(client, agency, "figures.csv", csv_bytes(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "未保存任何记录" in html
    assert "第6行：数值：数值不能为负数。" in html
    assert not Matter.objects.exists() and not StatisticEntry.objects.exists()


def test_a_leader_may_not_import(client):
    agency = make_agency()
    logged_in(client, agency, Role.LEADER)
    assert upload(client, agency, "figures.csv", csv_bytes(GOOD_ROWS)).status_code == 403
    assert not Matter.objects.exists()


def test_another_agencys_registrar_gets_404_and_saves_nothing(client):
    agency, other = make_agency(), make_agency()
    logged_in(client, other, Role.REGISTRAR)
    assert upload(client, agency, "figures.csv", csv_bytes(GOOD_ROWS)).status_code == 404
    assert client.get(reverse("statistics:overview"), {"agency": agency.code}).status_code == 404
    assert not Matter.objects.exists()


def test_a_file_of_another_type_is_refused_by_the_form(client):
    agency = make_agency()
    logged_in(client, agency, Role.REGISTRAR)
    response = upload(client, agency, "figures.pdf", b"%PDF-1.4")
    assert "只能导入 .csv 或 .xlsx 文件" in response.content.decode()


def test_the_overview_lists_figures_imported_from_the_command_line(client):
    from gongkai.statistics.importing import import_statistics

    agency = make_agency()
    assert import_statistics(agency, csv_bytes(GOOD_ROWS), "figures.csv", actor=None).ok
    logged_in(client, agency, Role.LEADER)
    html = client.get(reverse("statistics:overview"), {"agency": agency.code}).content.decode()
    assert "系统导入" in html and "浙江政务服务网办件统计" in html
    assert "导入统计文件" not in html  # a leader sees the figures but is not offered the import
