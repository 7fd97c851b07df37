"""The site's error pages that need more than a template (gongkai/urls.py names them as handlers). They sit
above the apps, since an error below /api/ is answered in the API's JSON.

bad_request       400: reads nothing of the request (its body may be what could not be parsed); JSON below /api/
csrf_failure      403 for a form posted without a valid CSRF token, in Chinese; marked for the audit
page_not_found    404: JSON below /api/ (an address the URL patterns cannot even match), else the page
"""

from django.shortcuts import render
from django.views import defaults

from gongkai.api.responses import error_response, open_to_every_origin

CSRF_FAILED = "csrf"


def bad_request(request, exception=None):
    if request.path.startswith("/api/"):
        return _api_error(400, "请求内容无法解析：表单须以 UTF-8 编码提交。开放数据接口只接受 GET。")
    return render(request, "security/bad_request.html", status=400)


def csrf_failure(request, reason=""):
    request.gongkai_denied = CSRF_FAILED  # gongkai.security.denials audits it with the other refusals
    return render(request, "security/csrf_failure.html", status=403)


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return _api_error(404, "开放数据接口没有该地址；全部地址见 /api/openapi.json。")
    return defaults.page_not_found(request, exception)


def _api_error(status: int, message: str):
    return open_to_every_origin(error_response(status, message))
