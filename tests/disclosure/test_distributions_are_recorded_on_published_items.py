import datetime

import pytest
from django.urls import reverse

from gongkai.disclosure.distributions import DistributionError, add_distribution
from gongkai.disclosure.models import Channel, Distribution


def test_a_published_item_records_where_else_it_went_out(people, draft, publish, client):
    item = publish(draft())
    client.force_login(people.registrar)
    client.post(
        reverse("disclosure:distribution_add", args=[item.pk]),
        {"channel": "new_media", "outlet": "温州市退役军人事务局公众号", "count": "2", "date": "2026-03-05"},
    )
    row = Distribution.objects.get(item=item)
    assert (row.get_channel_display(), row.outlet, row.count) == (
        "政务新媒体/公众号",
        "温州市退役军人事务局公众号",
        2,
    )
    assert (
        "温州市退役军人事务局公众号"
        in client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    )


def test_a_draft_has_no_distributions(people, draft):
    with pytest.raises(DistributionError, match="只有已发布"):
        add_distribution(
            Distribution(
                item=draft(), channel=Channel.NEWSPAPER, outlet="乐清日报", date=datetime.date(2026, 3, 5)
            ),
            people.registrar,
        )


def test_another_agencys_clerk_cannot_record_distributions(people, draft, publish, client):
    item = publish(draft())
    client.force_login(people.other_clerk)
    response = client.post(
        reverse("disclosure:distribution_add", args=[item.pk]),
        {"channel": "newspaper", "outlet": "乐清日报", "count": "1", "date": "2026-03-05"},
    )
    assert response.status_code == 404 and not Distribution.objects.exists()
