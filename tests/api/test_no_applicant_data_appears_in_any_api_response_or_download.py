"""The API exposes nothing of 依申请公开's people: with applications on file (names, identity numbers,
contact data, addresses, what they asked for, their query codes) and a report counted from them, none of
those values appears in any API answer — every documented address, every page, every CSV and XLSX."""

import io
import re
import zipfile
from datetime import date

import pytest

from gongkai.applications.services import record_event
from gongkai.reports.compute import build_cells
from tests.factories import make_application, make_item, publish_cells, valid_resident_id

from .reading import get_json

pytestmark = pytest.mark.django_db

APPLICANTS = [
    {
        "applicant_name": "欧阳秘密",
        "id_number": valid_resident_id("33038219770707123"),
        "phone": "13912345678",
        "email": "ouyang.secret@example.com",
        "address": "乐清市城南街道隐私路88号",
        "request_description": "欧阳秘密本人的低保审批材料",
    },
    {
        "applicant_type": "commercial",
        "applicant_name": "乐清市保密测试有限公司",
        "uscc": "91330382MA2HXXXX1X",
        "contact_person": "司马联系",
        "legal_representative": "诸葛法人",
        "phone": "0577-61234567",
        "address": "乐清市经济开发区机密大道1号",
        "request_description": "诸葛法人申请的土地出让合同",
    },
]


@pytest.fixture
def world(personas):
    agency = personas.agency
    secrets = []
    for fields in APPLICANTS:
        fields = dict(fields)
        if fields.get("applicant_type") == "commercial":
            fields.pop("uscc")  # a made-up code would fail the check; the company's name is enough
        application, query_code = make_application(
            agency, received_on=date(2025, 3, 3), actor=personas.registrar, **fields
        )
        record_event(application, "decided", date=date(2025, 3, 20), data={"outcome": "granted"}, actor=None)
        secrets += [v for k, v in fields.items() if k not in ("applicant_type",)]
        secrets += (
            [query_code, application.id_number_masked] if application.id_number_masked else [query_code]
        )
    cells = build_cells(agency, 2025)
    assert cells["section3.new_received.total"] == 2  # the report does count them
    publish_cells(agency, 2025, cells)
    make_item(agency, title="2026年工作要点")
    return {"code": agency.code, "year": "2025", "government": personas.government.code}, secrets


def answers(client, values) -> list[tuple[str, str]]:
    """(address, text) of every API answer reachable from the OpenAPI document, downloads unpacked."""
    document = get_json(client, "/api/openapi.json")
    item = get_json(client, f"/api/agencies/{values['code']}/items/")["items"][0]["index_number"]
    values = {**values, "index_number": item}
    urls = []
    for path in document["paths"]:
        for code in {values["code"], values["government"]}:
            urls.append(
                re.sub(
                    r"\{(\w+)\}", lambda m, c=code: c if m.group(1) == "code" else values[m.group(1)], path
                )
            )
    found = []
    for url in sorted(set(urls)):
        for table in ("", "2", "3", "4"):
            response = client.get(url, {"table": table} if table else {})
            assert response.status_code in (200, 400, 404), (url, response.status_code)
            content = response.getvalue()
            if content.startswith(b"PK"):  # an XLSX: read every part of the zip
                with zipfile.ZipFile(io.BytesIO(content)) as z:
                    text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
            else:
                text = content.decode("utf-8-sig")
            found.append((f"{url}?table={table}", text))
    return found


def test_no_personal_value_appears_anywhere(client, world):
    values, secrets = world
    seen = answers(client, values)
    assert len(seen) > 40
    assert any("section3" in text for _, text in seen)  # the report was among them
    leaks = [(url, s) for url, text in seen for s in secrets if s and s in text]
    assert not leaks, leaks
