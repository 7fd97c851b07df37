"""After the demo loads, `gongkai report build` for 乐清市退役军人事务局 2020 gives the seed report's §二 table
(every cell the published text kept) and its §一 公文 figures 50 / 28 / 22; §三 and §四, now computed from
the cases, are all 0 as the seed says."""

import json
from pathlib import Path

import pytest

from gongkai.cli import main
from gongkai.demo import load_demo

pytestmark = pytest.mark.django_db
SEED_CELLS = Path(__file__).resolve().parents[1] / "data" / "seed_2020_cells.json"


def cells_of(section: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in section.items():
        if isinstance(value, dict):
            out.update(cells_of(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def build(capsys, *args):
    code = main(["report", "build", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_section2_table_equals_every_cell_the_seed_kept(capsys):
    load_demo()
    code, out, _ = build(capsys, "--agency", "乐清市退役军人事务局", "--year", "2020", "--format", "json")
    assert code == 0
    report = json.loads(out)
    seed = json.loads(SEED_CELLS.read_text(encoding="utf-8"))
    assert (report["format_version"], report["agency"], report["year"]) == (
        "2019",
        "乐清市退役军人事务局",
        2020,
    )
    ours, theirs = cells_of(report["section2"]), cells_of(seed["section2"])
    assert set(ours) == set(theirs)
    kept = {address: value for address, value in theirs.items() if value is not None}
    assert len(kept) == 12
    assert {address: ours[address] for address in kept} == kept
    # The cells the extracted text lost: §一 says there were no 行政处罚/行政强制 decisions; nothing was recorded.
    assert all(ours[address] == 0 for address in theirs if address not in kept)

    assert report["facts"]["documents_issued"] == 50
    assert report["facts"]["documents_proactive"] == 28
    assert report["facts"]["documents_not_public"] == 22
    by_category = report["facts"]["items_by_category"]
    assert (by_category["机构设置"], by_category["公示公告"], by_category["人事任免"]) == (5, 6, 3)
    assert sum(by_category.values()) == 28 + 14

    # The seed agency had no applications, reviews or lawsuits in 2020: every §三/§四 cell is 0.
    assert set(cells_of(report["section3"]).values()) == {0}
    assert set(cells_of(report["section4"]).values()) == {0}


def test_the_json_carries_the_contact_block_the_html_shows_and_the_publication_date(capsys, tmp_path):
    load_demo()
    code, out, _ = build(capsys, "--agency", "yqtyjrswj", "--year", "2020", "--format", "json")
    report = json.loads(out)
    contact = report["contact"]
    assert contact["agency"] == "乐清市退役军人事务局"
    assert {"phone", "email", "website"} <= set(contact)
    target = tmp_path / "report.html"
    build(capsys, "--agency", "yqtyjrswj", "--year", "2020", "--format", "html", "-o", str(target))
    html = target.read_text(encoding="utf-8")
    for key in ("phone", "email", "website"):
        assert contact[key] in html
    assert (
        len(report["published_on"]) == 10 and report["published_on"] == report["version"]["published_at"][:10]
    )
    # A draft is not published: its date is null, its contact block is there all the same.
    code, out, _ = build(capsys, "--agency", "yqtyjrswj", "--year", "2021", "--format", "json")
    draft = json.loads(out)
    assert draft["published_on"] is None and draft["contact"]["phone"] == contact["phone"]


def test_the_agency_may_be_named_by_code_and_other_formats_need_a_file(capsys, tmp_path):
    load_demo()
    code, out, _ = build(capsys, "--agency", "yqtyjrswj", "--year", "2020")
    assert code == 0 and json.loads(out)["section2"]["art20_5"]["other_services"]["decisions"] == 9016
    assert build(capsys, "--agency", "yqtyjrswj", "--year", "2020", "--format", "docx")[0] == 2
    target = tmp_path / "report.html"
    assert (
        build(capsys, "--agency", "yqtyjrswj", "--year", "2020", "--format", "html", "-o", str(target))[0]
        == 0
    )
    html = target.read_text(encoding="utf-8")
    assert "乐清市退役军人事务局2020年政府信息公开工作年度报告" in html
    assert 'data-cell="section2.art20_5.other_services.decisions">9016<' in html
