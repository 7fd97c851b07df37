"""Every kind of portal page, opened in a real browser at 1280 px and at 390 px: axe-core finds no
violation of any impact, nothing is logged as an error on the console (a missing favicon would be), and
no page is wider than the screen. The 适老化 display is checked the same way."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.disclosure.attachments import add_attachment
from tests.factories import make_category, make_item, make_personas, publish_cells, sample_cells

WIDTHS = {"desktop": 1280, "phone": 390}
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def portal(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    p = make_personas()
    rules = make_category(p.agency, "规范性文件", code="gfxwj")
    when = timezone.make_aware(datetime.datetime(2024, 5, 1, 9))
    policy = make_item(
        p.agency,
        title="乐清市退役军人优待证管理办法",
        document_number="乐退役发〔2024〕3号",
        category=rules,
        published_at=when,
        summary="为规范《乐清市退役军人优待证管理办法》的实施，制定本办法。",
        body="<p>第一条 为规范优待证的申领、发放和管理，制定本办法。</p>",
    )
    reading = make_item(
        p.agency,
        title="关于《乐清市退役军人优待证管理办法》的政策解读",
        kind="interpretation",
        interprets=policy,
        category=rules,
        published_at=when,
    )
    # The policy carries an attachment, as most published documents do: its page is the "item with
    # attachments" of the crawl.
    add_attachment(policy, SimpleUploadedFile("乐退役发〔2024〕3号.pdf", PDF), p.registrar)
    publish_cells(p.agency, 2024, sample_cells(p.agency, 2024))
    return p, policy, reading


def addresses(policy, reading) -> dict[str, str]:
    return {
        "首页": "/",
        "机关": "/yqtyjrswj/",
        "指南": "/yqtyjrswj/guide/",
        "目录": "/yqtyjrswj/catalogue/",
        "类目": "/yqtyjrswj/catalogue/gfxwj/",
        "目录列表": "/yqtyjrswj/list/",
        "目录列表（筛选、排序）": "/yqtyjrswj/list/?year=2024&validity=valid&sort=title&dir=asc",
        "信息（带附件）": f"/yqtyjrswj/items/{policy.index_number}/",
        "解读": f"/yqtyjrswj/items/{reading.index_number}/",
        "检索（有结果）": "/search/?q=优待证",
        "检索（无结果）": "/search/?q=不存在的词语",
        "本机关检索": "/yqtyjrswj/search/?q=优待证",
        "高级检索": "/search/advanced/",
        "高级检索（有结果）": "/search/advanced/?q=优待证&agency=yqtyjrswj&document_year=2024",
        "高级检索（输入有误）": "/search/advanced/?published_from=2024-06-01&published_to=2024-05-01",
        "网上申请": "/apply/yqtyjrswj/",
        "进度查询": "/apply/track/",
        "年度报告列表": "/yqtyjrswj/reports/",
        "年度报告": "/yqtyjrswj/reports/2024/",
        "开放数据接口": "/api/",
    }


SEARCH_BUTTON_GAP = """() => {
  const main = document.querySelector(".search-form__main");
  if (!main) return 0;
  const box = main.querySelector("input").getBoundingClientRect();
  return main.querySelector("button").getBoundingClientRect().top - box.bottom;
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_every_portal_page_has_no_axe_violation_console_error_or_sideways_scroll(
    browser, live_server, portal, assert_accessible, width
):
    _, policy, reading = portal
    context = browser.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": WIDTHS[width], "height": 900}
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for name, address in addresses(policy, reading).items():
            response = page.goto(address)
            assert response.status == 200, f"{name} {address} 返回 {response.status}"
            if name == "信息（带附件）":
                assert page.get_by_text("乐退役发〔2024〕3号.pdf").count() >= 1, "附件没有列在信息页上"
            assert_accessible(page, f"{name}（{address}，{WIDTHS[width]} px）")
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name}（{address}）在 {WIDTHS[width]} px 下比屏幕宽 {overflow} px"
            # The search button sits beside the box, or right under it on a phone (not a screen below).
            gap = page.evaluate(SEARCH_BUTTON_GAP)
            assert gap <= 24, f"{name}（{address}）在 {WIDTHS[width]} px 下检索按钮离检索框 {gap} px"
        assert errors == [], errors
    finally:
        context.close()


def test_the_elder_display_is_accessible_and_larger(page, portal, assert_accessible):
    _, policy, _ = portal
    page.goto(f"/yqtyjrswj/items/{policy.index_number}/")
    standard = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    page.get_by_role("link", name="适老化模式（大字体、高对比度）").click()
    page.wait_for_load_state()
    assert page.evaluate("() => document.documentElement.classList.contains('elder')")
    larger = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")
    assert larger >= standard * 1.2
    assert_accessible(page)
    # Remembered on the next page, and switched back the same way.
    page.goto("/yqtyjrswj/list/")
    assert page.evaluate("() => document.documentElement.classList.contains('elder')")
    assert_accessible(page)
    page.get_by_role("link", name="退出适老化模式").click()
    page.wait_for_load_state()
    assert not page.evaluate("() => document.documentElement.classList.contains('elder')")
