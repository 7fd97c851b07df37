"""Keeping `Item.search_tokens` up to date.

A pre_save signal fills the tokens on every save through the ORM, whoever saves (the workflow, the admin,
the demo); the database side (FTS5 triggers on SQLite, the stored tsvector on PostgreSQL) follows the
column. Bulk inserts and update() bypass signals, so such code calls `tokens_for` or `index_item` itself.
The embedded index follows through the outbox that database triggers fill (gongkai.search.outbox); a
save or delete through the ORM also queues applying it once its transaction commits.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from gongkai.disclosure.models import Item
from gongkai.search.segment import item_text, segment
from gongkai.search.tasks import apply_after_commit

SEARCHED_FIELDS = {"title", "document_number", "index_number", "keywords", "summary", "body"}


def tokens_for(item: Item) -> str:
    return segment(item_text(item))


def index_item(item: Item) -> Item:
    """Recompute and store one item's tokens (for code that changed the row with update())."""
    item.search_tokens = tokens_for(item)
    Item.objects.filter(pk=item.pk).update(search_tokens=item.search_tokens)
    return item


@receiver(pre_save, sender=Item, dispatch_uid="search.fill_item_tokens")
def fill_item_tokens(sender, instance: Item, update_fields=None, **kwargs):
    if update_fields is None:
        instance.search_tokens = tokens_for(instance)


@receiver(post_save, sender=Item, dispatch_uid="search.refresh_after_partial_save")
def refresh_after_partial_save(sender, instance: Item, update_fields=None, **kwargs):
    # save(update_fields=[...]) does not write a column the caller did not name, so write it here.
    if update_fields is not None and SEARCHED_FIELDS & set(update_fields):
        index_item(instance)


@receiver(post_save, sender=Item, dispatch_uid="search.apply_outbox_after_save")
@receiver(post_delete, sender=Item, dispatch_uid="search.apply_outbox_after_delete")
def apply_outbox_after_commit(sender, **kwargs):
    if settings.SEARCH_BACKEND == "index":
        apply_after_commit()
