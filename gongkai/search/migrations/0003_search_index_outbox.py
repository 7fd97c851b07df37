"""Each server's search index and the outbox of changes it has still to apply, filled by triggers on the
item table (gongkai.search.models, gongkai.search.triggers)."""

import django.db.models.deletion
from django.db import migrations, models

from gongkai.search.triggers import create_triggers, drop_triggers


def forwards(apps, schema_editor):
    create_triggers(schema_editor)


def backwards(apps, schema_editor):
    drop_triggers(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_stored_search_vector'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchNode',
            fields=[
                ('name', models.CharField(max_length=100, primary_key=True, serialize=False, verbose_name='服务器')),
                ('index_token', models.CharField(blank=True, max_length=32, verbose_name='当前索引')),
                ('built_at', models.DateTimeField(blank=True, null=True, verbose_name='建立时间')),
                ('applied_at', models.DateTimeField(blank=True, null=True, verbose_name='最近更新')),
            ],
            options={
                'verbose_name': '检索索引服务器',
                'verbose_name_plural': '检索索引服务器',
                'db_table': 'search_node',
            },
        ),
        migrations.CreateModel(
            name='SearchOutbox',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('item_id', models.BigIntegerField()),
                ('node', models.ForeignKey(on_delete=django.db.models.deletion.DB_CASCADE, related_name='+', to='search.searchnode')),
            ],
            options={
                'verbose_name': '待更新索引的信息',
                'verbose_name_plural': '待更新索引的信息',
                'db_table': 'search_outbox',
                'indexes': [models.Index(fields=['node', 'id'], name='search_outbox_node_id')],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
