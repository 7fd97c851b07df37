"""The demo's 2020 of the seed agency: 8 大类 and 18 小类, valid 文号, national-form 索引号, the seed's outreach."""

import re

import pytest
from django.db.models import Sum

from gongkai.demo import load_demo
from gongkai.disclosure.models import CatalogueCategory, Distribution, Item, OfficialDocument
from gongkai.rules.document_number import validate_document_number
from gongkai.rules.index_number import NATIONAL_FORM

pytestmark = pytest.mark.django_db
SEED_TOP = [
    "机构信息",
    "人事信息",
    "政府信息公开相关信息",
    "财务信息",
    "政务动态",
    "政策文件",
    "政策解读",
    "网络问效",
]


def test_the_seed_catalogue_numbers_and_outreach():
    load_demo()
    categories = CatalogueCategory.objects.filter(agency__code="yqtyjrswj")
    assert (
        list(categories.filter(parent=None).order_by("position").values_list("name", flat=True)) == SEED_TOP
    )
    assert categories.exclude(parent=None).count() == 18

    for number in OfficialDocument.objects.filter(agency__code="yqtyjrswj").values_list(
        "document_number", flat=True
    ):
        validate_document_number(number)
    numbers = Item.objects.exclude(index_number=None).values_list("index_number", flat=True)
    assert numbers and all(NATIONAL_FORM.match(n) for n in numbers)

    outreach = dict(
        Distribution.objects.filter(item__agency__code="yqtyjrswj")
        .values("outlet")
        .annotate(n=Sum("count"))
        .values_list("outlet", "n")
    )
    assert outreach == {
        "浙江省退役军人事务厅公众号": 21,
        "浙江省退役军人事务厅网站": 38,
        "浙江新闻": 29,
        "乐清日报": 24,
        "温州市退役军人事务局公众号": 93,
        "其他媒体": 4,
    }
    # Every other demo agency has published items in several years, for the portal and search.
    for code in ("yqszf", "yqsmzj", "yqsczj", "yqslsz"):
        years = set(Item.objects.filter(agency__code=code).values_list("index_year", flat=True))
        assert len(years) >= 5


def test_no_demo_summary_nests_its_book_title_marks():
    load_demo()
    nested = [
        summary
        for summary in Item.objects.values_list("summary", flat=True)
        if "《" in summary and "《" in summary[summary.index("《") + 1 : summary.rindex("》")]
    ]
    assert nested == []
    quoted = Item.objects.get(agency__code="yqszf", title__contains="印发《乡村振兴管理办法》")
    assert "《乐清市人民政府关于印发〈乡村振兴管理办法〉的通知》" in quoted.summary


def test_every_later_normative_document_carries_a_文号_a_reader_finds_it_by(client):
    load_demo()
    normative = Item.objects.filter(kind="normative", formed_on__year__gt=2020, status="published")
    assert normative.count() >= 5 * 5  # five agencies, 2021 onwards
    for item in normative:
        validate_document_number(item.document_number)
    # The search hint offers looking a document up by its 文号; the demo's own numbers answer it.
    item = normative.get(agency__code="yqszf", title__contains="《乡村振兴管理办法》")
    page = client.get("/search/", {"q": item.document_number}).content.decode()
    # Whole, with no character of it marked as a search word.
    assert item.title in page


def test_the_search_hints_example_finds_a_document_in_the_demo_and_no_title_doubles_a_word(client):
    load_demo()
    page = client.get("/search/").content.decode()
    example = re.search(r"文号（如 ([^）]+号)）", page).group(1)
    found = client.get("/search/", {"q": example}).content.decode()
    assert "文号/索引号匹配" in found and "（共 1 条）" in found
    assert not Item.objects.filter(title__contains="管理管理").exists()
    # The seed agency's later 文号 use the prefix of its 2020 ledger, so one prefix finds them all.
    seed_numbers = Item.objects.filter(agency__code="yqtyjrswj").exclude(document_number="")
    assert all(n.startswith("乐退役军人〔") for n in seed_numbers.values_list("document_number", flat=True))
