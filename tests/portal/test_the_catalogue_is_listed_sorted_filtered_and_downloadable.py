"""The 主动公开目录 as a list: columns 索引号 名称 文号 成文日期 发布日期 有效性, sortable, filtered by year,
category and 有效性, twenty a page, 政策解读 beside its policy, and the same as a CSV file."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


def at(year, month=1, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


@pytest.fixture
def catalogue():
    p = make_personas()
    rules = make_category(p.agency, "规范性文件", code="gfxwj")
    other = make_category(p.agency, "机构职能", code="jgzn")
    policy = make_item(
        p.agency,
        title="乐清市优待证管理办法",
        document_number="乐退役发〔2024〕3号",
        category=rules,
        published_at=at(2024, 5, 1),
        formed_on=datetime.date(2024, 4, 28),
    )
    make_item(
        p.agency,
        title="关于《优待证管理办法》的解读",
        kind="interpretation",
        interprets=policy,
        category=rules,
        published_at=at(2024, 5, 2),
    )
    make_item(
        p.agency, title="已废止的旧办法", validity="repealed", category=rules, published_at=at(2023, 2, 1)
    )
    make_item(p.agency, title='=HYPERLINK("http://x")机构职能', category=other, published_at=at(2025, 1, 1))
    make_item(p.agency, title="草稿不公开", status="draft", category=rules)
    return p, policy


def rows(html):
    return html.split("<tbody>")[1].split("</tbody>")[0]


def test_the_list_shows_every_public_item_with_its_columns_newest_first(client, catalogue):
    _, policy = catalogue
    html = client.get("/yqtyjrswj/list/").content.decode()
    for heading in ("索引号", "名称", "文号", "成文日期", "发布日期", "有效性"):
        assert f">{heading}<" in html
    body = rows(html)
    assert "草稿不公开" not in body
    assert body.index("机构职能") < body.index("乐清市优待证管理办法") < body.index("已废止的旧办法")
    assert policy.index_number in body and "乐退役发〔2024〕3号" in body and "2024-04-28" in body
    assert 'aria-sort="descending"' in html and "<caption" in html and 'scope="col"' in html


def test_an_interpretation_is_linked_beside_its_policy(client, catalogue):
    html = rows(client.get("/yqtyjrswj/list/").content.decode())
    policy_row = [row for row in html.split("<tr>") if "乐清市优待证管理办法</a>" in row][0]
    assert "解读" in policy_row and "关于《优待证管理办法》的解读</a>" in policy_row


def test_filters_by_year_category_and_validity(client, catalogue):
    assert "已废止的旧办法" in rows(client.get("/yqtyjrswj/list/?year=2023").content.decode())
    assert "乐清市优待证管理办法" not in rows(client.get("/yqtyjrswj/list/?year=2023").content.decode())
    by_category = rows(client.get("/yqtyjrswj/list/?category=jgzn").content.decode())
    assert "机构职能" in by_category and "优待证" not in by_category
    repealed = rows(client.get("/yqtyjrswj/list/?validity=repealed").content.decode())
    assert "已废止的旧办法" in repealed and "优待证" not in repealed


def test_sorting_by_title_ascending_and_a_bad_filter_gets_a_chinese_message(client, catalogue):
    html = client.get("/yqtyjrswj/list/?sort=published&dir=asc").content.decode()
    body = rows(html)
    assert body.index("已废止的旧办法") < body.index("乐清市优待证管理办法")
    assert 'aria-sort="ascending"' in html
    bad = client.get("/yqtyjrswj/list/?year=1888&category=nope")
    assert bad.status_code == 200
    assert "该年份没有公开的信息" in bad.content.decode() and "没有找到该类目" in bad.content.decode()


def test_the_list_pages_twenty_at_a_time(client):
    p = make_personas()
    for n in range(25):
        make_item(
            p.agency, title=f"第{n:02d}号信息", published_at=at(2024, 1, 1) + datetime.timedelta(days=n)
        )
    first = rows(client.get("/yqtyjrswj/list/").content.decode())
    second = rows(client.get("/yqtyjrswj/list/?page=2").content.decode())
    assert first.count("<tr>") == 20 and second.count("<tr>") == 5
    assert "第24号信息" in first and "第00号信息" in second


def test_the_csv_has_the_same_rows_escaped_for_spreadsheets(client, catalogue):
    response = client.get("/yqtyjrswj/list.csv?category=gfxwj")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    # The Chinese file name survives (RFC 6266 filename*), naming the agency and the category.
    from urllib.parse import unquote

    assert "乐清市退役军人事务局主动公开目录（规范性文件）.csv" in unquote(response["Content-Disposition"])
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:6] == ["索引号", "名称", "文号", "成文日期", "发布日期", "有效性"]
    titles = [row[1] for row in table[1:]]
    assert "乐清市优待证管理办法" in titles and "草稿不公开" not in titles
    policy_row = next(row for row in table if row[1] == "乐清市优待证管理办法")
    assert policy_row[6] == "《关于〈优待证管理办法〉的解读》"
    everything = b"".join(client.get("/yqtyjrswj/list.csv").streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in everything


def test_the_category_page_also_links_each_interpretation_beside_its_policy(client, catalogue):
    html = client.get("/yqtyjrswj/catalogue/gfxwj/").content.decode()
    policy_entry = html.split("乐清市优待证管理办法</a>")[1].split("</li>")[0]
    assert "解读" in policy_entry and "关于《优待证管理办法》的解读</a>" in policy_entry
