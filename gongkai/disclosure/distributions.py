"""Where else a published item went out, so the report's outreach figures come from records."""

from django.db import transaction

from gongkai import audit
from gongkai.agencies.access import require
from gongkai.disclosure.models import Distribution, ItemStatus


class DistributionError(Exception):
    """A distribution that cannot be recorded; the message is shown to the person."""


def add_distribution(distribution: Distribution, actor) -> Distribution:
    item = distribution.item
    require(actor, "item.distribute", item.agency)
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
