import pytest
from django.urls import reverse

from gongkai.agencies.access import NotAllowed
from gongkai.audit.models import AuditEntry
from gongkai.disclosure.catalogue import (
    CatalogueError,
    catalogue_tree,
    delete_category,
    flatten,
    save_category,
)
from gongkai.disclosure.models import CatalogueCategory, UpdateFrequency


def category(people, code, name, parent=None, position=0, **fields):
    return save_category(
        CatalogueCategory(
            agency=people.agency, parent=parent, code=code, name=name, position=position, **fields
        ),
        people.admin,
    )


def test_categories_form_a_tree_with_children_under_their_parent_in_position_order(people):
    policies = category(people, "zcwj", "政策文件", position=1)
    category(people, "gfxwj", "行政规范性文件", parent=policies, position=2)
    category(people, "qtwj", "其他文件", parent=policies, position=1)
    category(people, "jgzn", "机构职能", position=0)

    rows = [(node.depth, node.category.name) for node in flatten(catalogue_tree(people.agency))]

    assert rows == [(0, "机构职能"), (0, "政策文件"), (1, "其他文件"), (1, "行政规范性文件")]


def test_a_category_records_the_articles_it_serves_its_frequency_and_department(people):
    saved = category(
        people,
        "czyjs",
        "财政预决算",
        art_items="第二十条第（八）项",
        update_frequency=UpdateFrequency.YEARLY,
        department=people.office,
    )
    saved.refresh_from_db()
    assert (saved.art_items, saved.get_update_frequency_display(), saved.department) == (
        "第二十条第（八）项",
        "每年",
        people.office,
    )


def test_only_the_agencys_administrator_edits_the_catalogue(people):
    with pytest.raises(NotAllowed, match="管理员"):
        save_category(CatalogueCategory(agency=people.agency, code="x", name="某类目"), people.registrar)
    assert not CatalogueCategory.objects.exists()


def test_a_category_cannot_be_moved_under_its_own_child(people):
    parent = category(people, "zcwj", "政策文件")
    child = category(people, "gfxwj", "行政规范性文件", parent=parent)
    parent.parent = child
    with pytest.raises(CatalogueError, match="下级类目"):
        save_category(parent, people.admin)


def test_every_change_is_audited(people):
    saved = category(people, "zcwj", "政策文件")
    saved.name = "政策文件（含规范性文件）"
    save_category(saved, people.admin)
    delete_category(saved, people.admin)
    actions = list(
        AuditEntry.objects.filter(action__startswith="disclosure.category")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["disclosure.category.create", "disclosure.category.edit", "disclosure.category.delete"]


def test_a_category_holding_items_is_not_deleted(people, draft):
    saved = category(people, "zcwj", "政策文件")
    draft(category=saved)
    with pytest.raises(CatalogueError, match="已有政府信息"):
        delete_category(saved, people.admin)
    assert CatalogueCategory.objects.filter(pk=saved.pk).exists()


def test_the_administrator_adds_a_category_in_the_workspace_and_others_are_refused(people, client):
    url = reverse("disclosure:category_new", args=[people.agency.code])
    data = {"code": "zcwj", "name": "政策文件", "update_frequency": "monthly", "position": 1}

    client.force_login(people.registrar)
    assert client.post(url, data).status_code == 403

    client.force_login(people.admin)
    response = client.post(url, data)
    assert response.status_code == 302
    assert CatalogueCategory.objects.get(agency=people.agency).name == "政策文件"
    page = client.get(reverse("disclosure:catalogue", args=[people.agency.code]))
    assert "政策文件" in page.content.decode() and "每月" in page.content.decode()


def test_deleting_a_category_asks_for_confirmation_first(people, client):
    saved = category(people, "zcwj", "政策文件")
    client.force_login(people.admin)
    url = reverse("disclosure:category_delete", args=[people.agency.code, saved.pk])
    assert "确认删除" in client.get(url).content.decode()
    assert CatalogueCategory.objects.filter(pk=saved.pk).exists()
    client.post(url)
    assert not CatalogueCategory.objects.filter(pk=saved.pk).exists()
