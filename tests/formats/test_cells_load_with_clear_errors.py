"""Loading a cells document: JSON shape, null as "not reported", exact decimals, Chinese errors."""

import json
from decimal import Decimal

import pytest

from gongkai.formats import get_format
from gongkai.formats.cells import (
    CellsError,
    ReportCells,
    cells_from_dict,
    dumps,
    load_cells,
    parse_cells_json,
)


def _document(**changes) -> dict:
    doc = {"format_version": "2021", "agency": "示例市测试局", "year": 2022}
    doc.update(changes)
    return doc


def test_the_seed_cells_load_in_the_2019_format_with_its_figures(seed_cells_path):
    cells = load_cells(seed_cells_path)
    assert (cells.format.version, cells.agency, cells.year) == ("2019", "乐清市退役军人事务局", 2020)
    assert cells["section2.art20_5.other_services.prev_items"] == 71
    assert cells["section2.art20_5.other_services.change"] == 5
    assert cells["section2.art20_5.other_services.decisions"] == 9016
    assert cells["section3.new_received.total"] == 0
    assert cells["section4.litigation_after_review.total"] == 0


def test_a_missing_or_null_cell_is_not_reported_rather_than_zero():
    cells = cells_from_dict(_document(section3={"granted": {"natural_person": None, "commercial": 0}}))
    assert cells["section3.granted.natural_person"] is None
    assert cells["section3.granted.commercial"] == 0
    assert cells["section3.granted.research"] is None


def test_an_amount_in_wan_survives_a_round_trip_through_json_exactly():
    text = json.dumps(_document(section2={"art20_8": {"fees": {"amount_wan": 0}}}))
    text = text.replace('"amount_wan": 0', '"amount_wan": 190.457379')
    cells = parse_cells_json(text)
    assert cells["section2.art20_8.fees.amount_wan"] == Decimal("190.457379")
    written = dumps(cells.to_dict())
    assert '"amount_wan": 190.457379' in written
    assert parse_cells_json(written).values == cells.values


def test_counts_are_ints_and_a_whole_amount_is_still_a_decimal():
    cells = cells_from_dict(
        _document(section2={"art20_8": {"fees": {"amount_wan": 3}}}, section4={"review": {"total": 2.0}})
    )
    assert type(cells["section4.review.total"]) is int
    assert cells["section2.art20_8.fees.amount_wan"] == Decimal(3)


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"section3": {"new_recieved": {}}}, "new_recieved"),
        ({"section3": {"new_received": {"people": 1}}}, "people"),
        ({"section2": {"art20_9": {}}}, "art20_9"),  # 2019 only
        ({"colour": "red"}, "colour"),
        ({"format_version": "2018"}, "2018"),
        ({"year": "2022"}, "year"),
        ({"agency": ""}, "agency"),
        ({"section4": {"review": {"total": "3"}}}, "section4.review.total"),
        ({"section4": {"review": {"total": True}}}, "section4.review.total"),
        ({"section4": {"review": 3}}, "section4.review"),
        ({"sections": {"七": "正文"}}, "七"),
        ({"cell_text": {"section4.review.totals": "/"}}, "section4.review.totals"),
    ],
)
def test_a_wrong_document_is_refused_with_a_chinese_message_naming_the_key(changes, named):
    with pytest.raises(CellsError) as caught:
        cells_from_dict(_document(**changes))
    assert named in str(caught.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


def test_a_missing_file_and_bad_json_are_cells_errors(tmp_path):
    with pytest.raises(CellsError, match="找不到文件"):
        load_cells(tmp_path / "nope.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format_version": "2021",', encoding="utf-8")
    with pytest.raises(CellsError, match="不是有效的 JSON（第 1 行"):
        load_cells(broken)


def test_the_text_of_a_cell_that_was_not_a_number_is_kept_beside_it():
    cells = cells_from_dict(_document(cell_text={"section3.total.total": "/"}))
    assert cells["section3.total.total"] is None
    assert cells.to_dict()["cell_text"] == {"section3.total.total": "/"}


def test_to_dict_has_exactly_the_declared_blocks_rows_and_columns():
    fmt = get_format("2019")
    doc = ReportCells.blank(fmt, "甲局", 2020).to_dict()
    assert list(doc) == ["format_version", "agency", "year", "section2", "section3", "section4"]
    leaves = [
        f"section2.{b}.{r}.{c}"
        for b, rows in doc["section2"].items()
        for r, cols in rows.items()
        for c in cols
    ]
    leaves += [f"section3.{r}.{c}" for r, cols in doc["section3"].items() for c in cols]
    leaves += [f"section4.{b}.{c}" for b, cols in doc["section4"].items() for c in cols]
    assert leaves == [a for a, _ in fmt.cells()]


def test_setting_an_address_the_format_lacks_is_refused():
    cells = ReportCells.blank(get_format("2021"), "甲局", 2022)
    with pytest.raises(KeyError):
        cells["section2.art20_9.procurement.amount"] = 1
