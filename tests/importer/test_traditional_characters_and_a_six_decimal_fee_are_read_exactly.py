"""A mirror in traditional characters (020) is read through its labels; its fee of 190.457379 万元 stays a
Decimal, also in the JSON output."""

import json
from decimal import Decimal

from gongkai.formats.cells import dumps
from gongkai.importer import parse_file
from tests.importer.support import FIXTURES


def test_the_traditional_labels_are_matched_and_the_fee_is_exact():
    parsed = parse_file(FIXTURES / "020_suixi_beipo_2022.txt")
    assert parsed.cells.format.version == "2021"
    assert parsed.cells["section2.art20_6.penalty.decisions"] == 4
    fee = parsed.cells["section2.art20_8.fees.amount_wan"]
    assert isinstance(fee, Decimal) and fee == Decimal("190.457379")
    assert parsed.provenance["section2.art20_8.fees.amount_wan"].text == "190.457379"
    text = dumps(parsed.to_dict())
    assert '"amount_wan": 190.457379' in text
    assert json.loads(text, parse_float=Decimal)["section2"]["art20_8"]["fees"]["amount_wan"] == fee
    assert "總體情況" not in parsed.cells.sections["一"]  # the heading is consumed; the text stays as written
    assert "堅持" in parsed.cells.sections["一"]
