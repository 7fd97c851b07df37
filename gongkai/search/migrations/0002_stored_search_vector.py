"""PostgreSQL: the search vector stored in a generated column with the GIN index on it, instead of an index
on the expression (see gongkai.search.backends). SQLite keeps its FTS5 table; nothing changes there."""

from django.db import migrations

from gongkai.search.backends import (
    GIN_INDEX,
    VECTOR_COLUMN,
    create_search_index,
    expression_gin_index,
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
    create_search_index(schema_editor, apps.get_model("disclosure", "Item"))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
    schema_editor.execute(f"ALTER TABLE disclosure_item DROP COLUMN IF EXISTS {VECTOR_COLUMN}")
    schema_editor.add_index(apps.get_model("disclosure", "Item"), expression_gin_index())


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [migrations.RunPython(forwards, backwards)]
