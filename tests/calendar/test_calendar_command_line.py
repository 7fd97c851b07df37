import pytest


@pytest.mark.django_db
def test_add_workdays_prints_the_deadline(cli):
    assert cli("calendar", "add-workdays", "2026-01-30", "40") == (0, "2026-04-02\n", "")


@pytest.mark.django_db
def test_a_bad_date_exits_2_with_a_chinese_message(cli):
    code, out, err = cli("calendar", "add-workdays", "2026-02-30", "5")
    assert (code, out) == (2, "")
    assert "日期无效：2026-02-30" in err


@pytest.mark.django_db
def test_a_year_without_data_exits_2_and_suggests_provisional(cli):
    code, out, err = cli("calendar", "add-workdays", "2026-12-20", "20")
    assert (code, out) == (2, "")
    assert "2027 年的工作日历尚未录入" in err and "--provisional" in err


@pytest.mark.django_db
def test_provisional_prints_the_date_with_a_mark(cli):
    code, out, _ = cli("calendar", "add-workdays", "2026-12-20", "20", "--provisional")
    assert code == 0
    assert out.startswith("2027-01-15（临时")


@pytest.mark.django_db
def test_provisional_inside_known_years_prints_no_mark(cli):
    assert cli("calendar", "add-workdays", "2026-01-30", "40", "--provisional") == (0, "2026-04-02\n", "")


@pytest.mark.django_db
def test_show_lists_rest_days_make_up_days_and_the_notice(cli):
    code, out, _ = cli("calendar", "show", "2026")
    assert code == 0
    assert "国办发明电〔2025〕7号" in out
    assert "2026-02-23 星期一  春节" in out
    assert "调休上班" in out and "2026-01-04 星期日  元旦" in out


@pytest.mark.django_db
def test_show_of_a_year_without_data_exits_2(cli):
    code, _, err = cli("calendar", "show", "2031")
    assert code == 2 and "2031 年的工作日历尚未录入" in err
