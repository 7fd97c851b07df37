"""At log-in: stamp the session, so its absolute lifetime counts from the log-in itself; and write the
refusals of minutes gone by to the audit trail (they are otherwise written by the next refusal)."""

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


@receiver(user_logged_in, dispatch_uid="gongkai.security.flush_denials")
def flush_denials(sender, request, user, **kwargs):
    from .denials import flush

    flush()
