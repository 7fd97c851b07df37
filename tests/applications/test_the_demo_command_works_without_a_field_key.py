"""`gongkai demo --no-serve` on a fresh machine, where GONGKAI_FIELD_KEY is not set and DEBUG is off: the demo
still registers its cases, with identity numbers encrypted by the installation's derived key, instead of
stopping half-way. A production setting without the key keeps refusing (see crypto)."""

from argparse import Namespace

import pytest
from django.core.exceptions import ImproperlyConfigured

from gongkai.applications import crypto
from gongkai.applications.models import Application
from gongkai.cli.site import demo

pytestmark = pytest.mark.django_db


def test_the_demo_loads_its_cases_with_encrypted_numbers_without_a_key(settings, capsys):
    settings.DEBUG = False
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.FIELD_KEY_FROM_SECRET = False
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")  # what a production server does without the key

    assert demo(Namespace(no_serve=True, addr="127.0.0.1:8000")) == 0

    cases = Application.objects.filter(agency__code="yqsmzj").exclude(id_number_encrypted="")
    assert cases.exists()
    case = cases.first()
    assert crypto.decrypt(case.id_number_encrypted)[-4:] == case.id_number_masked[-4:]
    assert "演示账号" in capsys.readouterr().out
