"""What a person types into a cell is read strictly by the cell's kind: whole counts, 增/减 for the 2019
本年增/减, amounts with at most six decimals in the column's unit; blank, “/” and “—” are not reported."""

from decimal import Decimal

import pytest

from gongkai.formats.declaration import Column, Kind
from gongkai.importer.corrections import CorrectionError, typed_value

COUNT = Column("total", "总计")
SIGNED = Column("change", "本年增/减", Kind.SIGNED)
AMOUNT = Column("fee_wan", "本年收费金额（单位：万元）", Kind.AMOUNT)


@pytest.mark.parametrize(
    ("text", "column", "value"),
    [
        ("12", COUNT, 12),
        (" 1,234 ", COUNT, 1234),
        ("１２", COUNT, 12),
        ("0", COUNT, 0),
        ("", COUNT, None),
        ("/", COUNT, None),
        ("—", AMOUNT, None),
        ("增3", SIGNED, 3),
        ("减2", SIGNED, -2),
        ("-2", SIGNED, -2),
        ("190.457379", AMOUNT, Decimal("190.457379")),
    ],
)
def test_accepted(text, column, value):
    got = typed_value(text, column)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    ("text", "column"),
    [("十二", COUNT), ("-3", COUNT), ("2.5", COUNT), ("增3", COUNT), ("3件", COUNT), ("1.1234567", AMOUNT),
     ("1234567890", AMOUNT), ("增", SIGNED), ("1e3", AMOUNT)],
)  # fmt: skip
def test_refused_with_the_typed_text_named(text, column):
    with pytest.raises(CorrectionError, match=f"您填写的是“{text}”"):
        typed_value(text, column)
