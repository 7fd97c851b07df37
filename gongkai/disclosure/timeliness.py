"""Art. 26 timeliness: items published late, and catalogue categories left without updates (栏目不更新).

《条例》第二十六条: proactively disclosed information is published within 20 working days of its formation
or change. A category's update frequency says how often something new must appear in it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from gongkai.calendar.workdays import add_workdays
from gongkai.disclosure.catalogue import catalogue_tree, flatten
from gongkai.disclosure.models import (
    CatalogueCategory,
    DisclosureAttribute,
    Item,
    ItemStatus,
    UpdateFrequency,
)
from gongkai.rules.workdays import MissingCalendarYear

ART_26_WORKDAYS = 20
UNPUBLISHED = {
    ItemStatus.DRAFT,
    ItemStatus.DEPARTMENT_REVIEW,
    ItemStatus.SECRECY_REVIEW,
    ItemStatus.LEADER_REVIEW,
}


def publication_due(formed_on: date) -> date:
    """The last day on which an item formed on `formed_on` may be published (Art. 26)."""
    return add_workdays(formed_on, ART_26_WORKDAYS)


def is_late(formed_on: date, published_on: date) -> bool:
    return published_on > publication_due(formed_on)


def previous_period(frequency: str, today: date) -> tuple[date, date] | None:
    """The last complete period of `frequency` before `today` (inclusive bounds), None if it has none.

    monthly → last calendar month; quarterly → last calendar quarter; yearly → last calendar year.
    """
    if frequency == UpdateFrequency.MONTHLY:
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if frequency == UpdateFrequency.QUARTERLY:
        quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = quarter_start - timedelta(days=1)
        return date(end.year, end.month - 2, 1), end
    if frequency == UpdateFrequency.YEARLY:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None


@dataclass
class LateItem:
    item: Item
    due: date
    published_on: date


def late_items(items, *, year: int | None = None) -> list[LateItem]:
    """Published 主动公开 items (of the queryset `items`) that went out after their Art. 26 deadline."""
    items = items.filter(
        attribute=DisclosureAttribute.PROACTIVE,
        status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN],
        published_at__isnull=False,
    ).select_related("agency")
    if year:
        items = items.filter(index_year=year)
    late = []
    for item in items.order_by("-published_at"):
        published_on = timezone.localdate(item.published_at)
        try:
            due = publication_due(item.formed_on)
        except MissingCalendarYear:
            continue  # the calendar cannot say; not flagged rather than guessed
        if published_on > due:
            late.append(LateItem(item, due, published_on))
    return late


@dataclass
class StaleCategory:
    category: CatalogueCategory
    reason: str


def stale_categories(agency, today: date | None = None) -> list[StaleCategory]:
    """Categories of `agency` that missed their update frequency as of `today`.

    A category counts the items of its whole subtree, so a parent whose children are kept up to date
    is not stale itself.
    """
    today = today or timezone.localdate()
    tree = catalogue_tree(agency)
    proactive = Item.objects.filter(agency=agency, attribute=DisclosureAttribute.PROACTIVE)
    subtree: dict[int, set[int]] = {}

    def collect(node) -> set[int]:
        ids = {node.category.pk}
        for child in node.children:
            ids |= collect(child)
        subtree[node.category.pk] = ids
        return ids

    for node in tree:
        collect(node)

    stale = []
    for node in flatten(tree):
        category, ids = node.category, subtree[node.category.pk]
        frequency = category.update_frequency
        if frequency == UpdateFrequency.WITHIN_20_WORKDAYS:
            overdue = []
            for item in proactive.filter(category_id__in=ids, status__in=UNPUBLISHED).order_by("formed_on"):
                try:
                    if publication_due(item.formed_on) < today:
                        overdue.append(item)
                except MissingCalendarYear:
                    continue
            if overdue:
                stale.append(
                    StaleCategory(
                        category,
                        f"有 {len(overdue)} 条信息形成已超过 20 个工作日仍未发布（最早：{overdue[0].title}）",
                    )
                )
            continue
        period = previous_period(frequency, today)
        if period is None:
            continue
        start, end = period
        published = proactive.filter(
            category_id__in=ids,
            published_at__isnull=False,
            published_at__date__gte=start,
            published_at__date__lte=end,
        )
        if not published.exists():
            label = UpdateFrequency(frequency).label
            stale.append(
                StaleCategory(category, f"更新频率为“{label}”，{start:%Y-%m-%d}至{end:%Y-%m-%d}没有发布信息")
            )
    return stale
