from django.urls import reverse

from gongkai.disclosure.models import ItemStatus


def test_another_agencys_clerk_gets_not_found_for_the_page_the_form_and_the_buttons(people, client, draft):
    item = draft()
    client.force_login(people.other_clerk)

    assert client.get(reverse("disclosure:item", args=[item.pk])).status_code == 404
    assert client.get(reverse("disclosure:item_edit", args=[item.pk])).status_code == 404
    for action in ("submit", "approve", "return"):
        assert (
            client.post(
                reverse("disclosure:item_action", args=[item.pk, action]), {"reason": "x"}
            ).status_code
            == 404
        )
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT


def test_the_item_list_shows_only_the_persons_agencies(people, client, draft):
    draft(title="退役军人事务局的草稿")
    client.force_login(people.other_clerk)
    assert "退役军人事务局的草稿" not in client.get(reverse("disclosure:items")).content.decode()


def test_a_colleague_who_is_not_the_drafter_cannot_edit_the_draft(people, client, draft):
    item = draft()
    client.force_login(people.reviewer)
    assert client.get(reverse("disclosure:item_edit", args=[item.pk])).status_code == 403


def test_another_agencys_clerk_cannot_draft_for_this_agency(people, client):
    client.force_login(people.other_clerk)
    response = client.get(reverse("disclosure:item_new"), {"agency": people.agency.code})
    assert response.status_code == 404  # as for an agency that does not exist: nothing is given away
