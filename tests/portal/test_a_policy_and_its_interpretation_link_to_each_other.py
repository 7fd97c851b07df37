import pytest

from tests.factories import make_item, make_personas

pytestmark = pytest.mark.django_db


def test_the_policy_lists_its_interpretation_and_the_interpretation_names_its_policy(client):
    p = make_personas()
    policy = make_item(p.agency, title="优待证管理办法", kind="normative")
    reading = make_item(
        p.agency, title="《优待证管理办法》政策解读", kind="interpretation", interprets=policy
    )
    policy_html = client.get(f"/yqtyjrswj/items/{policy.index_number}/").content.decode()
    reading_html = client.get(f"/yqtyjrswj/items/{reading.index_number}/").content.decode()
    assert "相关解读" in policy_html
    assert f'href="/yqtyjrswj/items/{reading.index_number}/">《优待证管理办法》政策解读</a>' in policy_html
    assert (
        f'<a href="/yqtyjrswj/items/{policy.index_number}/">《优待证管理办法》</a>的政策解读' in reading_html
    )


def test_an_unpublished_interpretation_is_not_linked(client):
    p = make_personas()
    policy = make_item(p.agency, title="优待证管理办法", kind="normative")
    make_item(p.agency, title="解读草稿", kind="interpretation", interprets=policy, status="draft")
    html = client.get(f"/yqtyjrswj/items/{policy.index_number}/").content.decode()
    assert "相关解读" not in html and "解读草稿" not in html
