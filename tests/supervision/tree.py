"""A city with districts and offices, for the supervision tests.

city = build_city(year)   city government → two districts → offices; most published, one imported with
                          blank cells, one without a report; a sibling city outside with its own report
"""

from dataclasses import dataclass, field

from gongkai.agencies.models import AgencyKind, Level
from tests.factories import make_agency, publish_cells, sample_cells

# Cells the imported report of the first district's second office leaves blank.
BLANK = ("section3.granted.total", "section3.granted.natural_person", "section4.review.corrected")


@dataclass
class City:
    city: object
    districts: list
    offices: list
    imported: object  # the office whose report was imported with BLANK cells
    silent: object  # the office with no report at all
    outside: object  # an agency of another city, with a published report
    cells: dict = field(default_factory=dict)  # agency id → the cells its report holds


def build_city(year: int) -> City:
    city = make_agency("温州市人民政府", level=Level.CITY, kind=AgencyKind.GOVERNMENT)
    districts = [
        make_agency(f"温州市{name}区人民政府", parent=city, kind=AgencyKind.GOVERNMENT)
        for name in ("鹿城", "龙湾")
    ]
    offices = [
        make_agency(f"{district.name[:-4]}{office}", parent=district)
        for district in districts
        for office in ("民政局", "司法局", "教育局")
    ]
    imported, silent = offices[1], offices[5]
    outside = make_agency("杭州市民政局", parent=make_agency("杭州市人民政府", kind=AgencyKind.GOVERNMENT))
    built = City(city, districts, offices, imported, silent, outside)
    for seed, agency in enumerate([city, *districts, *offices, outside], start=1):
        if agency == silent:
            continue
        cells = sample_cells(agency, year, seed=seed, blank=BLANK if agency == imported else ())
        publish_cells(agency, year, cells, imported=agency == imported)
        built.cells[agency.pk] = cells
    return built
