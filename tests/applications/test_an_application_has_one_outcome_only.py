"""Exactly one outcome per decided application: the decision carries it, a second one is refused."""

from datetime import date

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import ApplicationEvent
from gongkai.rules.clock import ClockError
from gongkai.rules.outcomes import Outcome
from tests.factories import make_application

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_the_decision_records_its_outcome_and_a_second_is_refused(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 5))
    client = logged_in(personas.registrar)
    url = reverse("applications:record_event", args=[application.pk, "decided"])
    assert client.post(url, {"date": "2026-01-15", "outcome": "partially_granted"}).status_code == 302
    assert services.outcome_of(application) is Outcome.PARTIALLY_GRANTED
    second = client.post(url, {"date": "2026-01-16", "outcome": "granted"})
    assert "只能有一个办理结果" in str(second.context["form"].non_field_errors())
    assert application.events.filter(type="decided").count() == 1
    assert services.outcome_of(application) is Outcome.PARTIALLY_GRANTED


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_decision_without_an_outcome_is_refused(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 5))
    with pytest.raises(ClockError, match="办理结果"):
        services.record_event(
            application, "decided", date=date(2026, 1, 15), data={}, actor=personas.registrar
        )
    assert not application.events.filter(type="decided").exists()


def test_the_database_holds_one_decision_per_application_whatever_the_caller(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 5))
    ApplicationEvent.objects.create(
        application=application, type="decided", date=date(2026, 1, 6), data={"outcome": "granted"}
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationEvent.objects.create(
            application=application, type="decided", date=date(2026, 1, 7), data={"outcome": "granted"}
        )


def test_every_outcome_of_the_2021_rows_can_be_chosen(personas, logged_in):
    application, _ = make_application(personas.agency)
    form = (
        logged_in(personas.registrar)
        .get(reverse("applications:record_event", args=[application.pk, "decided"]))
        .context["form"]
    )
    offered = set()
    for value, label in form.fields["outcome"].choices:
        if isinstance(label, list | tuple):  # an optgroup: (title, [(value, label), …])
            offered |= {v for v, _ in label}
        elif value:
            offered.add(value)
    assert offered == {o.value for o in Outcome}
