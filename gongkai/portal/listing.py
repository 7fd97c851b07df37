"""The 主动公开目录 as a list (索引号, 名称, 文号, 成文日期, 发布日期, 有效性), for a whole agency or one category:
sorted by any column, filtered by year, category and 有效性, a page at a time or as a whole CSV file.

Each policy carries the public interpretations (政策解读) of it, so a list shows them beside it.
"""

import io
from collections.abc import Iterator

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.disclosure.models import CatalogueCategory, Item, Validity
from gongkai.portal.catalogue import item_url
from gongkai.rules.punctuation import book_title
from gongkai.search.service import category_subtree_ids, public_items
from gongkai.spreadsheets import csv_writer

PAGE_SIZE = 20
# The list's columns, in order: the key in the address, the item field, and the column's heading.
COLUMNS = (
    ("index", "index_number"),
    ("title", "title"),
    ("number", "document_number"),
    ("formed", "formed_on"),
    ("published", "published_at"),
    ("validity", "validity"),
)
SORT_FIELDS = dict(COLUMNS)
DEFAULT_SORT = ("published", "desc")


def column_label(field_name: str) -> str:
    label = str(Item._meta.get_field(field_name).verbose_name)
    return "名称" if field_name == "title" else label


class ListForm(forms.Form):
    year = forms.TypedChoiceField(label="发布年份", required=False, coerce=int, empty_value=None)
    category = forms.ModelChoiceField(
        label="目录类目",
        queryset=CatalogueCategory.objects.none(),
        required=False,
        empty_label="全部类目",
        to_field_name="code",
    )
    validity = forms.ChoiceField(label="有效性", choices=[("", "全部")] + Validity.choices, required=False)
    sort = forms.ChoiceField(label="排序列", choices=[(key, key) for key in SORT_FIELDS], required=False)
    dir = forms.ChoiceField(label="排序方向", choices=[("asc", "升序"), ("desc", "降序")], required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = CatalogueCategory.objects.filter(agency=agency).order_by(
            "position", "code"
        )
        years = public_items().filter(agency=agency).dates("published_at", "year", order="DESC")
        self.fields["year"].choices = [("", "全部年份")] + [(d.year, f"{d.year}年") for d in years]
        self.fields["year"].error_messages["invalid_choice"] = "该年份没有公开的信息，请从列表中选择。"
        self.fields["category"].error_messages["invalid_choice"] = "没有找到该类目，请从列表中选择。"
        for name in ("validity", "sort", "dir"):
            self.fields[name].error_messages["invalid_choice"] = "请从列表中选择。"

    def ordering(self) -> tuple[str, str]:
        data = self.cleaned_data if self.is_valid() else {}
        key = data.get("sort") or DEFAULT_SORT[0]
        direction = data.get("dir") or ("asc" if data.get("sort") in ("index", "title", "number") else "desc")
        return key, direction


def listed_items(agency, *, year=None, category=None, validity="", sort=DEFAULT_SORT) -> QuerySet[Item]:
    qs = public_items().filter(agency=agency)
    if category is not None:
        qs = qs.filter(category_id__in=category_subtree_ids(category))
    if year:
        qs = qs.filter(published_at__year=year)
    if validity:
        qs = qs.filter(validity=validity)
    key, direction = sort
    field = SORT_FIELDS.get(key, SORT_FIELDS[DEFAULT_SORT[0]])
    sign = "-" if direction == "desc" else ""
    # The id breaks ties, so a page never repeats or skips an item whatever the column.
    return qs.only(*SORT_FIELDS.values(), "agency_id", "kind").order_by(f"{sign}{field}", f"{sign}pk")


def attach_interpretations(items: list[Item], agency) -> None:
    """Give each item `public_interpretations`: the public 政策解读 of it, newest first."""
    by_policy: dict[int, list[Item]] = {item.pk: [] for item in items}
    for item in items:
        item.agency = agency
        item.public_interpretations = by_policy[item.pk]
    if not by_policy:
        return
    readings = (
        public_items()
        .filter(interprets_id__in=list(by_policy))
        .select_related("agency")
        .only("pk", "title", "index_number", "interprets_id", "agency__code")
        .order_by("-published_at", "-pk")
    )
    for reading in readings:
        by_policy[reading.interprets_id].append(reading)


def published_day(item: Item) -> str:
    return timezone.localtime(item.published_at).date().isoformat() if item.published_at else ""


def csv_rows(items: QuerySet[Item], agency, link) -> Iterator[bytes]:
    """The list as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese), every cell escaped, produced
    a row at a time so a whole agency's catalogue is never held in memory at once.

    `link` makes an address absolute. The interpretations of the agency's policies are read once.
    """
    readings: dict[int, list[str]] = {}
    for policy, title in (
        public_items()
        .filter(interprets__agency=agency)
        .order_by("-published_at", "-pk")
        .values_list("interprets_id", "title")
    ):
        readings.setdefault(policy, []).append(book_title(title))
    out = io.StringIO()
    writer = csv_writer(out, lineterminator="\r\n")

    def flush() -> bytes:
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text.encode("utf-8")

    writer.writerow([column_label(field) for _, field in COLUMNS] + ["政策解读", "网址"])
    yield "\ufeff".encode() + flush()
    for n, item in enumerate(items.iterator(chunk_size=2000), start=1):
        item.agency = agency
        writer.writerow(
            [
                item.index_number,
                item.title,
                item.document_number,
                item.formed_on.isoformat() if item.formed_on else "",
                published_day(item),
                item.get_validity_display(),
                "；".join(readings.get(item.pk, [])),
                link(item_url(item)),
            ]
        )
        if n % 500 == 0:
            yield flush()
    yield flush()
