"""Where each server's search index stands, and the changes it has still to apply.

Every server that answers searches from an index of its own is a SearchNode. Database triggers on the
item table (gongkai.search.triggers) add one SearchOutbox row per node for every inserted or deleted
item and every update of a column the index holds, in the writer's own transaction, so no path of
writing — the ORM, update(), a bulk load, raw SQL — can leave an index behind without a row saying so.
Each node's follower applies its rows to its index and deletes them; a node's rows not yet applied are
what a search on that node checks against the database (gongkai.search.service).
"""

from django.db import models


class SearchNode(models.Model):
    name = models.CharField("服务器", max_length=100, primary_key=True)
    # The directory (under the node's index folder) of the index it serves; empty until its first build.
    index_token = models.CharField("当前索引", max_length=32, blank=True)
    built_at = models.DateTimeField("建立时间", null=True, blank=True)
    applied_at = models.DateTimeField("最近更新", null=True, blank=True)

    class Meta:
        db_table = "search_node"
        verbose_name = "检索索引服务器"
        verbose_name_plural = "检索索引服务器"

    def __str__(self) -> str:
        return self.name


class SearchOutbox(models.Model):
    # Removed with its node, by the database itself (a restore forgets every node in one statement).
    node = models.ForeignKey(SearchNode, on_delete=models.DB_CASCADE, related_name="+")
    # Not a foreign key: a deleted item's row must outlive it, so that its node removes it from the index.
    item_id = models.BigIntegerField()

    class Meta:
        db_table = "search_outbox"
        verbose_name = "待更新索引的信息"
        verbose_name_plural = "待更新索引的信息"
        indexes = [models.Index(fields=["node", "id"], name="search_outbox_node_id")]

    def __str__(self) -> str:
        return f"{self.node_id}: {self.item_id}"
