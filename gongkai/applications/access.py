"""The cases a person may see: those of every agency gongkai.agencies.access lets them see (404 elsewhere).
What they may do with them are the `case.*` and `letter.*` actions of gongkai.agencies.access.ACTIONS."""

from gongkai.agencies.access import agencies_visible_to

from .models import Application

# What the staff screens load a case from (through gongkai.agencies.access.load_authorized).
CASES = Application.objects.select_related("agency")


def cases_visible_to(user):
    return Application.objects.filter(agency__in=agencies_visible_to(user))
