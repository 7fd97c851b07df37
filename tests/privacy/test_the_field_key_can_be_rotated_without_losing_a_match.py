"""With a new key put first, `gongkai keys rotate` re-encrypts every case so that the old key can be
dropped: names, contact data and identity numbers still read back, and a repeat application by the same
person is still recognised."""

import pytest
from django.db import connection

from gongkai.applications.key_rotation import new_key
from gongkai.applications.models import Application
from gongkai.applications.services import matching_keys
from gongkai.cli import main
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db


def raw_phone(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone FROM applications_application WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_rotation_moves_everything_to_the_new_key(personas, settings, capsys):
    old, new = new_key(), new_key()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    number = valid_resident_id("33038219750505001")
    application, _ = make_application(personas.agency, id_number=number, phone="13912345678")
    before = raw_phone(application.pk)

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert main(["keys", "rotate"]) == 0
    assert "重新加密 1 件" in capsys.readouterr().out
    assert raw_phone(application.pk) != before

    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone
    application = Application.objects.get(pk=application.pk)
    assert application.phone == "13912345678" and application.applicant_name == "张三"
    from gongkai.applications import crypto

    assert crypto.decrypt(application.id_number_encrypted) == number
    repeat, _ = make_application(personas.agency, id_number=number, phone="13912345678")
    assert repeat.applicant_key == application.applicant_key == matching_keys(application)[0]


def test_a_new_key_is_printed(capsys):
    assert main(["keys", "new"]) == 0
    assert len(capsys.readouterr().out.strip()) == 44
