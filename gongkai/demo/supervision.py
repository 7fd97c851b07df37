"""Demo reports for the supervision pages: 乐清市财政局 and 乐清市柳市镇人民政府 published their 2020 reports
outside gongkai (imported, with invented figures that balance), so that the demo supervisor (乐清市人民政府)
sees a city total of three reports beside the seed's, one of them with a blank cell."""

from dataclasses import dataclass
from decimal import Decimal

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.reports.models import AnnualReport

YEAR = 2020


@dataclass(frozen=True)
class DemoFigures:
    """What an agency's published report states; its other cells are 0."""

    people_received: int  # §三 new applications from 自然人
    companies_received: int  # … and from 商业企业
    granted: int
    not_held: int
    review_upheld: int  # §四 行政复议 结果维持
    procurement_amount: Decimal | None  # §二 采购总金额; None is left blank


# By agency code.
FIGURES = {
    "yqsczj": DemoFigures(
        people_received=6,
        companies_received=2,
        granted=5,
        not_held=3,
        review_upheld=1,
        procurement_amount=Decimal("1520000"),
    ),
    "yqslsz": DemoFigures(
        people_received=9,
        companies_received=0,
        granted=7,
        not_held=2,
        review_upheld=0,
        procurement_amount=None,  # left blank in the published report
    ),
}


def demo_cells(agency, figures: DemoFigures) -> ReportCells:
    person, company, granted = figures.people_received, figures.companies_received, figures.granted
    not_held, upheld, amount = figures.not_held, figures.review_upheld, figures.procurement_amount
    cells = ReportCells.blank(format_for_year(YEAR), agency.name, YEAR)
    s2, s3, s4 = cells.format.section2, cells.format.section3, cells.format.section4
    for address, _ in cells.format.cells():
        cells[address] = 0
    cells[s2.block("art20_9").address("procurement", "amount")] = amount
    for row, value in (("new_received", person + company), ("total", person + company)):
        cells[s3.address(row, "natural_person")] = person
        cells[s3.address(row, "commercial")] = company
        cells[s3.address(row, "total")] = value
    # Companies' requests granted first, then people's; what is left of people's was not held.
    cells[s3.address("granted", "commercial")] = min(company, granted)
    cells[s3.address("granted", "natural_person")] = granted - min(company, granted)
    cells[s3.address("granted", "total")] = granted
    cells[s3.address("unable_not_held", "natural_person")] = not_held
    cells[s3.address("unable_not_held", "total")] = not_held
    cells[s4.address("review", "upheld")] = upheld
    cells[s4.address("review", "total")] = upheld
    return cells


def load_demo_supervision(agencies: dict, *, actor=None) -> None:
    import json

    from gongkai.reports.services import store_imported

    for code, figures in FIGURES.items():
        agency = agencies[code]
        if AnnualReport.objects.filter(agency=agency, year=YEAR).exists():
            continue  # loaded before
        cells = demo_cells(agency, figures)
        store_imported(
            agency,
            YEAR,
            cells=json.loads(dumps(cells.to_dict(sections={}))),
            source_name=f"{agency.name}{YEAR}年政府信息公开工作年度报告.html",
            provenance={"note": "演示数据：虚构的已发布报告"},
            actor=actor,
        )
