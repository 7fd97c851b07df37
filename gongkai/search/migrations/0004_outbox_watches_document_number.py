"""The index holds the years of each item's 文号 (search by 文号 year): a changed 文号 is queued for it too."""

from django.db import migrations

from gongkai.search.triggers import COLUMNS_BEFORE_DOCUMENT_YEAR, create_triggers, drop_triggers


def forwards(apps, schema_editor):
    drop_triggers(schema_editor)
    create_triggers(schema_editor)


def backwards(apps, schema_editor):
    drop_triggers(schema_editor)
    create_triggers(schema_editor, COLUMNS_BEFORE_DOCUMENT_YEAR)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_search_index_outbox'),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
