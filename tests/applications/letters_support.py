"""Helpers for the letter tests: a case at a given stage, and a letter taken through sign-off."""

from datetime import date

from gongkai.applications import letters, services
from gongkai.applications.letters.workflow import issued_by_registrar
from tests.factories import make_application

RECEIVED = date(2026, 1, 12)  # a Monday


def decided_case(personas, outcome="granted", *, received_on=RECEIVED, **fields):
    application, _ = make_application(personas.agency, received_on=received_on, **fields)
    services.record_event(
        application, "decided", date=date(2026, 1, 20), data={"outcome": outcome}, actor=personas.registrar
    )
    return application


def issued_letter(personas, application, kind="receipt", *, issued_on=date(2026, 1, 21)):
    letter = letters.draft_letter(application, kind, actor=personas.registrar)
    if issued_by_registrar(letter):  # a 受理回执, by default (LetterSettings)
        return letters.issue_letter(letter, actor=personas.registrar, issued_on=issued_on)
    letter = letters.sign_as_head(letter, actor=personas.department_head)
    return letters.issue_letter(letter, actor=personas.leader, issued_on=issued_on)
