"""The full-text index over disclosure items: FTS5 on SQLite, a GIN expression index on PostgreSQL."""

from django.db import migrations, models

from gongkai.search.backends import create_search_index, drop_search_index


# A query that is a 文号 looks the item up directly; without this index that is a full scan.
DOCUMENT_NUMBER_INDEX = models.Index(fields=["document_number"], name="item_document_number_idx")


def forwards(apps, schema_editor):
    item = apps.get_model("disclosure", "Item")
    create_search_index(schema_editor, item)
    schema_editor.add_index(item, DOCUMENT_NUMBER_INDEX)


def backwards(apps, schema_editor):
    item = apps.get_model("disclosure", "Item")
    schema_editor.remove_index(item, DOCUMENT_NUMBER_INDEX)
    drop_search_index(schema_editor, item)


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
