"""A public item page is rendered once and then served from the cache, until a committed change to
anything the portal shows (the item, an interpretation of it, its agency) makes every server render it
again. Signed-in staff always get a page rendered for them."""

import pytest
from django.test import Client

from gongkai.disclosure import workflow
from tests.factories import PASSWORD, make_item, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client):
    p = make_personas()
    policy = make_item(p.agency, title="优待证管理办法", kind="normative")
    url = f"/{p.agency.code}/items/{policy.index_number}/"
    client.get(url)  # rendered and kept
    return p, policy, url


def test_a_kept_page_is_served_without_reading_the_item_again(client, page, django_assert_max_num_queries):
    _, policy, url = page
    with django_assert_max_num_queries(1):  # the portal's generation, nothing else
        response = client.get(url)
    assert response.status_code == 200 and "优待证管理办法" in response.content.decode()


def test_a_changed_title_is_shown_once_the_change_is_committed(
    client, page, django_capture_on_commit_callbacks
):
    _, policy, url = page
    with django_capture_on_commit_callbacks(execute=True):
        policy.title = "优待证管理办法（修订）"
        policy.save()
    assert "优待证管理办法（修订）" in client.get(url).content.decode()


def test_a_withdrawn_item_shows_the_withdrawal_notice_at_once(
    client, page, django_capture_on_commit_callbacks
):
    p, policy, url = page
    with django_capture_on_commit_callbacks(execute=True):
        workflow.withdraw(policy, p.leader, "政策已废止")
    html = client.get(url).content.decode()
    assert "该信息已撤回" in html


def test_a_new_interpretation_is_listed_on_its_policy(client, page, django_capture_on_commit_callbacks):
    p, policy, url = page
    with django_capture_on_commit_callbacks(execute=True):
        make_item(p.agency, title="《优待证管理办法》政策解读", kind="interpretation", interprets=policy)
    assert "相关解读" in client.get(url).content.decode()


def test_a_renamed_agency_is_shown_on_its_item_pages(client, page, django_capture_on_commit_callbacks):
    p, _, url = page
    with django_capture_on_commit_callbacks(execute=True):
        p.agency.name = "乐清市退役军人事务管理局"
        p.agency.save()
    assert "乐清市退役军人事务管理局" in client.get(url).content.decode()


def test_signed_in_staff_get_their_own_header_not_the_kept_page(page):
    p, _, url = page
    staff = Client()
    assert staff.login(username=p.registrar.username, password=PASSWORD)
    html = staff.get(url).content.decode()
    assert "工作台" in html and "工作人员登录" not in html
