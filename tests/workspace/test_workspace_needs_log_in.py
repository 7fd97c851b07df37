import pytest

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_is_sent_to_the_log_in_page(client):
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/workspace/"


def test_the_log_in_page_asks_to_log_in_first(client):
    html = client.get("/accounts/login/?next=/workspace/").content.decode()
    assert "请先登录" in html
    assert 'name="next" value="/workspace/"' in html
