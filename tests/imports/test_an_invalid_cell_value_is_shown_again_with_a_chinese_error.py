"""A value that does not fit its cell (text, a negative count, a fraction of a case, too many decimals) is
refused with a Chinese message at that cell; the form comes back with everything typed, and nothing is
saved — not even the valid corrections typed with it."""

import pytest

from gongkai.importer.pending import cells_of
from tests.factories import make_pending_import

pytestmark = pytest.mark.django_db

CELL = "section3.granted.commercial"


def _form(pending) -> dict:
    from gongkai.formats.layout import format_value

    cells = cells_of(pending)
    form = {"year": pending.year, "format_version": pending.format_version}
    form.update({a: format_value(cells[a], c.kind) for a, c in cells.format.cells()})
    return form


@pytest.mark.parametrize("typed", ["十二", "-3", "2.5", "12件（含转办）"])
def test_an_invalid_count_is_shown_again_with_the_reason(registrar, people, typed):
    pending = make_pending_import(people.agency, people.registrar)
    form = _form(pending)
    form[CELL] = typed
    form["section3.granted.natural_person"] = "41"  # valid, but the form as a whole is not saved
    response = registrar.post(f"/workspace/imports/{pending.pk}/", form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "须为不小于 0 的整数" in page and f"您填写的是“{typed}”" in page
    assert f'value="{typed}"' in page and 'value="41"' in page
    pending.refresh_from_db()
    assert pending.corrections == {}


def test_an_invalid_year_and_amount_are_named(registrar, people):
    pending = make_pending_import(people.agency, people.registrar)
    form = _form(pending)
    form["year"] = "二〇二二"
    amount = next(a for a, c in cells_of(pending).format.cells() if c.kind == "amount")
    form[amount] = "1.1234567"
    page = registrar.post(f"/workspace/imports/{pending.pk}/", form).content.decode()
    assert "报告年度须为四位数字" in page and "最多六位小数" in page and 'value="二〇二二"' in page


def test_a_blank_or_slash_means_not_reported(registrar, people):
    pending = make_pending_import(people.agency, people.registrar)
    form = _form(pending)
    form[CELL] = "/"
    assert registrar.post(f"/workspace/imports/{pending.pk}/", form).status_code == 302
    pending.refresh_from_db()
    assert pending.corrections == {CELL: None} and cells_of(pending)[CELL] is None
