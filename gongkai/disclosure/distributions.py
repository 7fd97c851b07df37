"""Where else a published item went out, so the report's outreach figures come from records."""

from django.db import transaction

from gongkai import audit
from gongkai.disclosure.access import is_staff_of
from gongkai.disclosure.models import Distribution, ItemStatus


class DistributionError(Exception):
    """A distribution that cannot be recorded; the message is shown to the person."""


def add_distribution(distribution: Distribution, actor) -> Distribution:
    item = distribution.item
    if not is_staff_of(actor, item.agency):
        raise DistributionError(f"登记发布渠道须由{item.agency.name}的工作人员办理。")
    if item.status not in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN):
        raise DistributionError("只有已发布的信息可以登记其他发布渠道。")
    if distribution.count < 1:
        raise DistributionError("次数至少为 1。")
    with transaction.atomic():
        distribution.save()
        audit.record(
            "disclosure.distribution.add",
            actor=actor,
            agency=item.agency,
            target=item,
            details={
                "channel": distribution.channel,
                "outlet": distribution.outlet,
                "count": distribution.count,
                "date": distribution.date.isoformat(),
            },
        )
    return distribution
