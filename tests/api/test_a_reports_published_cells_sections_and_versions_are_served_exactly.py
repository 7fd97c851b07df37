"""/api/agencies/<code>/reports/<year>/ serves the latest published version's cells in docs/report-format.md
shape — exactly the cells published, with their stable keys, blanks as null — with its sections, version
number and origin; earlier versions stay reachable, and the list shows every published year."""

import json

import pytest

from gongkai.formats.cells import dumps
from gongkai.reports.services import store_imported
from tests.factories import publish_cells, sample_cells

from .reading import get_json

pytestmark = pytest.mark.django_db


def as_json(cells) -> dict:
    return json.loads(dumps(cells.to_dict(sections={})))


def test_the_cells_are_the_published_versions_own(client, personas):
    agency = personas.agency
    cells = sample_cells(agency, 2025, seed=3)
    publish_cells(agency, 2025, cells)

    got = get_json(client, f"/api/agencies/{agency.code}/reports/2025/")

    assert got["cells"] == as_json(cells)
    assert got["version"] == 1 and got["origin"] == "generated" and got["origin_label"] == "本系统生成"
    assert got["format_version"] == "2021"
    # A few stable keys of docs/report-format.md, by name, so a renamed key cannot pass unnoticed.
    assert (
        got["cells"]["section3"]["new_received"]["natural_person"]
        == cells["section3.new_received.natural_person"]
    )
    assert got["cells"]["section2"]["art20_8"]["fees"]["amount_wan"] == float(
        cells["section2.art20_8.fees.amount_wan"]
    )
    assert set(got["cells"]["section4"]) == {"review", "litigation_direct", "litigation_after_review"}


def test_an_imported_report_keeps_its_blanks_as_null_and_its_sections(client, personas):
    agency = personas.agency
    cells = sample_cells(agency, 2020, seed=1, blank=("section3.granted.total",))
    sections = {n: f"第{n}部分正文" for n in "一二三四五六"}
    store_imported(
        agency, 2020, cells=as_json(cells), sections=sections, source_name="2020.pdf", source=b"%PDF"
    )

    got = get_json(client, f"/api/agencies/{agency.code}/reports/2020/")

    assert got["format_version"] == "2019"
    assert got["origin"] == "imported"
    assert got["cells"]["section3"]["granted"]["total"] is None
    assert (
        got["cells"]["section2"]["art20_5"]["licensing"]["change"]
        == cells["section2.art20_5.licensing.change"]
    )
    assert got["sections"] == sections
    assert [f["kind"] for f in got["files"]] == ["source"]


def test_a_correction_is_served_and_the_first_version_stays_reachable(client, personas):
    agency = personas.agency
    first, corrected = sample_cells(agency, 2025, seed=1), sample_cells(agency, 2025, seed=2)
    publish_cells(agency, 2025, first)
    publish_cells(agency, 2025, corrected)

    latest = get_json(client, f"/api/agencies/{agency.code}/reports/2025/")
    earlier = get_json(client, f"/api/agencies/{agency.code}/reports/2025/", {"version": "1"})

    assert latest["version"] == 2 and latest["reason"] == "更正" and latest["versions"] == [2, 1]
    assert latest["cells"] == as_json(corrected)
    assert earlier["version"] == 1 and earlier["cells"] == as_json(first)
    missing = get_json(client, f"/api/agencies/{agency.code}/reports/2025/", {"version": "3"}, status=404)
    assert "没有第3版" in missing["error"]["message"]


def test_the_list_shows_each_published_year_with_its_versions(client, personas):
    agency = personas.agency
    publish_cells(agency, 2024, sample_cells(agency, 2024))
    publish_cells(agency, 2025, sample_cells(agency, 2025))
    publish_cells(agency, 2025, sample_cells(agency, 2025, seed=5))
    publish_cells(personas.other_agency, 2023, sample_cells(personas.other_agency, 2023))

    got = get_json(client, f"/api/agencies/{agency.code}/reports/")

    assert [(r["year"], r["latest_version"], r["format_version"]) for r in got["reports"]] == [
        (2025, 2, "2021"),
        (2024, 1, "2021"),
    ]
    assert [v["number"] for v in got["reports"][0]["versions"]] == [2, 1]
    assert got["reports"][0]["url"].endswith(f"/api/agencies/{agency.code}/reports/2025/")
