"""Scheduled publication: 签发 with a future 发布时间 keeps the item off the portal, search and API until the
worker publishes it at that time."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from gongkai.disclosure import workflow
from gongkai.disclosure.models import ItemStatus
from gongkai.search.service import public_items
from tests.disclosure.conftest import approve

TITLE = "关于2027年春节期间走访慰问优抚对象的通知"


def awaiting_signature(people, draft):
    item = draft(title=TITLE)
    workflow.submit(item, people.registrar)
    for reviewer in (people.department_head, people.reviewer):
        item = approve(item, reviewer)
    return item


def test_a_future_time_is_kept_and_nothing_is_public_until_it_comes(people, draft, client):
    item = awaiting_signature(people, draft)
    when = timezone.now() + datetime.timedelta(days=2)

    item = workflow.approve(item, people.leader, publish_at=when)

    assert item.status == ItemStatus.SCHEDULED and item.publish_at == when
    assert item.index_number is None and item.published_at is None
    assert not public_items().filter(pk=item.pk).exists()
    assert client.get(f"/{item.agency.code}/items/{item.pk}/").status_code == 404
    assert TITLE not in client.get(f"/{item.agency.code}/search/", {"q": "走访慰问"}).content.decode()
    assert (
        TITLE
        not in client.get(f"/api/agencies/{item.agency.code}/items/", {"page_size": "100"}).content.decode()
    )

    assert workflow.publish_due() == []  # not yet
    with time_machine.travel(when + datetime.timedelta(minutes=1)):
        published = workflow.publish_due()
        assert workflow.publish_due() == []  # running again does nothing twice

    assert [p.pk for p in published] == [item.pk]
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED and item.index_number
    last = item.events.last()
    assert last.actor == people.leader and "发布时间" in last.reason
    assert client.get(f"/{item.agency.code}/items/{item.index_number}/").status_code == 200


def test_the_leader_sets_the_time_on_the_page_and_a_past_time_is_refused(people, draft, client):
    item = awaiting_signature(people, draft)
    client.force_login(people.leader)
    url = reverse("disclosure:item_action", args=[item.pk, "approve"])

    past = client.post(url, {"when": "later", "publish_at": "2020-01-01T09:00"})
    assert past.status_code == 400 and "须晚于现在" in past.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.LEADER_REVIEW

    later = (timezone.localtime() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    typed = later.strftime("%Y-%m-%dT%H:%M")
    slip = client.post(url, {"when": "now", "publish_at": typed})
    assert (
        slip.status_code == 400
        and "在指定时间发布" in slip.content.decode()
        and typed in slip.content.decode()
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.LEADER_REVIEW  # a time typed beside "now" does not publish at once

    response = client.post(
        url, {"when": "later", "publish_at": later.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    assert f"将于 {later:%Y-%m-%d %H:%M} 自动发布" in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.SCHEDULED and item.publish_at == later


def test_a_scheduled_item_can_be_taken_back_to_signature_before_its_time(people, draft):
    item = awaiting_signature(people, draft)
    item = workflow.approve(item, people.leader, publish_at=timezone.now() + datetime.timedelta(hours=5))

    item = workflow.cancel_schedule(item, people.leader, "文号有误，待更正后再签发")

    assert item.status == ItemStatus.LEADER_REVIEW and item.publish_at is None
    assert workflow.publish_due(timezone.now() + datetime.timedelta(days=1)) == []


def test_the_command_publishes_what_is_due(people, draft, capsys):
    item = awaiting_signature(people, draft)
    when = timezone.now() + datetime.timedelta(hours=1)
    workflow.approve(item, people.leader, publish_at=when)

    with time_machine.travel(when + datetime.timedelta(seconds=1)):
        from gongkai.cli import main

        assert main(["disclosure", "publish-due"]) == 0
    assert "共发布 1 条" in capsys.readouterr().out
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED


def test_the_worker_is_given_a_task_that_waits_for_the_set_time(
    people, draft, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    item = awaiting_signature(people, draft)
    when = timezone.now() + datetime.timedelta(days=2)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(item, people.leader, publish_at=when)

    queued = DBTaskResult.objects.filter(
        task_path="gongkai.disclosure.workflow.publish_scheduled_items"
    ).get()
    assert queued.run_after == when
    assert DBTaskResult.objects.ready().filter(pk=queued.pk).count() == 0  # not before its time
    with time_machine.travel(when + datetime.timedelta(seconds=5)):
        assert DBTaskResult.objects.ready().filter(pk=queued.pk).count() == 1
        assert queued.task.call() == 1  # what the worker runs then
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED


def test_the_leader_cancels_a_schedule_on_the_page_only_with_a_reason(people, draft, client):
    item = awaiting_signature(people, draft)
    workflow.approve(item, people.leader, publish_at=timezone.now() + datetime.timedelta(days=1))
    client.force_login(people.leader)
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "已签发，将于" in page and "取消预定发布" in page
    url = reverse("disclosure:item_action", args=[item.pk, "unschedule"])

    refused = client.post(url, {"reason": " "}, follow=True).content.decode()
    assert "须填写理由" in refused
    item.refresh_from_db()
    assert item.status == ItemStatus.SCHEDULED

    client.post(url, {"reason": "发布时间与新闻发布会冲突，另行安排"})
    item.refresh_from_db()
    assert item.status == ItemStatus.LEADER_REVIEW and item.events.last().reason.startswith("发布时间")
