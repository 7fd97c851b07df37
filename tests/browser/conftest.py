"""Browser test harness: Playwright driving Debian's Chromium against pytest-django's live server.

The make targets install the `chromium` package; no browser is ever downloaded. Each test gets a
fresh browser context (no shared cookies) and a `page` whose failures save a screenshot under
test-artifacts/ for inspection.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by the test
# itself (creating personas) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# axe-core from npm, installed by `make test` (target system-browser) into the folder the Makefile owns.
AXE_SCRIPT = Path(
    os.environ.get("GONGKAI_AXE")
    or Path(__file__).resolve().parents[2] / ".tools/npm/node_modules/axe-core/axe.min.js"
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"找不到 Chromium（{CHROMIUM}）：请运行 make test，它会安装 chromium 软件包。")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(
        locale="zh-CN", base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Chromium reports what the Content-Security-Policy blocked on the console: any such report fails the
    # test, so every browser flow also checks that no page relies on inline script or style.
    blocked = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    if blocked:
        pytest.fail("内容安全策略（CSP）拦截了页面内容：\n" + "\n".join(blocked))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def log_in(page):
    """Log a person in through the real form, as a user would."""

    def _log_in(username: str, password: str):
        page.goto("/accounts/login/")
        page.get_by_label("用户名").fill(username)
        page.get_by_label("密码").fill(password)
        page.get_by_role("button", name="登录").click()
        page.wait_for_load_state()
        return page

    return _log_in


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now and return its violations (every rule, every impact).

    The script is evaluated through the DevTools protocol, which the page's Content-Security-Policy does
    not govern, so the check never needs the policy relaxed.
    """
    if not AXE_SCRIPT.exists():
        pytest.fail(f"找不到 axe-core（{AXE_SCRIPT}）：请运行 make test，它会用 npm 安装。")
    # A check right after a click that navigates could otherwise read a page still being replaced
    # (seen once on a loaded machine: "no level-one heading" on a page that has one).
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => (await window.axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result
    ]


@pytest.fixture
def assert_accessible():
    """`assert_accessible(page)` fails the test with axe-core's findings if the page has any violation."""

    def check(page, where: str = ""):
        found = axe_violations(page)
        if found:
            lines = [f"{v['impact']}: {v['id']} — {v['help']} {v['targets']}" for v in found]
            pytest.fail(f"axe-core 在 {where or page.url} 发现无障碍问题：\n" + "\n".join(lines))

    return check
