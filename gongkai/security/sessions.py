"""Staff sessions end after settings.SESSION_IDLE_SECONDS without a request, and in any case
settings.SESSION_ABSOLUTE_SECONDS after log-in, so a forgotten browser on a shared office PC does not stay
signed in. The last-seen time is written at most once a minute, so reading pages costs no session write."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers

STARTED = "gongkai.session.started"
SEEN = "gongkai.session.seen"
SEEN_RESOLUTION = 60


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(STARTED, now)
            seen = session.get(SEEN, now)
            idle = now - seen > settings.SESSION_IDLE_SECONDS
            if idle or now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                messages.info(
                    request,
                    "您长时间未操作，已自动退出登录，请重新登录。"
                    if idle
                    else "登录已超过最长时限，请重新登录。",
                )
                response = redirect_to_login(request.get_full_path())
                add_never_cache_headers(response)
                return response
            if now - seen >= SEEN_RESOLUTION or SEEN not in session:
                session[SEEN] = now
        return self.get_response(request)
