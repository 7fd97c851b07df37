import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/no-such-agency/", "/workspace/no-such-page/"])
def test_an_unknown_address_gets_a_chinese_404_page(client, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert 'lang="zh-Hans"' in html
    assert "<h1>页面不存在</h1>" in html
    assert "返回政府信息公开首页" in html
