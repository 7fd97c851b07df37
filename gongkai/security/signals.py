"""Stamp the session at log-in, so its absolute lifetime counts from the log-in itself."""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .sessions import SEEN, STARTED


@receiver(user_logged_in, dispatch_uid="gongkai.security.stamp_session")
def stamp_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED] = now
        request.session[SEEN] = now
