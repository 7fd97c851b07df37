"""The public items of each category, counted and listed from one partial index (see Item.Meta)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agencies', '0003_agency_uscc_optional_for_external_agencies'),
        ('disclosure', '0002_item_interprets_partial_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='item',
            index=models.Index(condition=models.Q(('attribute', 'proactive'), ('status', 'published')), fields=['category', 'status', 'attribute', 'published_at'], name='item_public_by_category'),
        ),
    ]
