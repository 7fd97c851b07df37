"""A pending import belongs to its agency: staff of another agency get 404 on every screen of it (and never
see it in their list); in the agency itself only the disclosure office (registrar, administrator) and a
supervisor above it may review, save or discard it."""

import pytest
from django.test import Client

from gongkai.agencies.models import Role
from gongkai.importer.models import ImportStatus
from tests.factories import make_agency, make_pending_import, make_person

pytestmark = pytest.mark.django_db

SCREENS = ("", "save/", "discard/", "source/")


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_foreign_agencys_pending_import_is_a_404(people):
    foreign = make_agency("温州市某局")
    pending = make_pending_import(foreign, make_person(foreign, Role.REGISTRAR), name="温州.md")
    for user in (people.registrar, people.admin, people.supervisor, people.other_clerk):
        client = _as(user)
        for screen in SCREENS:
            assert client.get(f"/workspace/imports/{pending.pk}/{screen}").status_code == 404
        assert client.post(f"/workspace/imports/{pending.pk}/save/", {}).status_code == 404
        assert "温州.md" not in client.get("/workspace/imports/").content.decode()
    pending.refresh_from_db()
    assert pending.status == ImportStatus.PENDING


def test_only_the_office_and_a_supervisor_may_act_in_the_agency(people):
    pending = make_pending_import(people.agency, people.registrar)
    for user in (people.leader, people.reviewer, people.department_head):
        assert _as(user).get(f"/workspace/imports/{pending.pk}/").status_code == 403
        assert _as(user).post(f"/workspace/imports/{pending.pk}/discard/").status_code == 403
    for user in (people.registrar, people.admin, people.supervisor):
        assert _as(user).get(f"/workspace/imports/{pending.pk}/").status_code == 200
    pending.refresh_from_db()
    assert pending.status == ImportStatus.PENDING


def test_the_upload_form_offers_only_agencies_the_person_may_act_for(people, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import published_report_file

    data = published_report_file(people.other_agency.name, 2022)
    response = _as(people.registrar).post(
        "/workspace/imports/", {"agency": people.other_agency.code, "file": SimpleUploadedFile("r.md", data)}
    )
    assert response.status_code == 400
    assert "请从列表中选择您可以为其导入报告的机关" in response.content.decode()
    # The supervisor of the government above may import for every agency below it.
    response = _as(people.supervisor).post(
        "/workspace/imports/", {"agency": people.other_agency.code, "file": SimpleUploadedFile("r.md", data)}
    )
    assert response.status_code == 302
