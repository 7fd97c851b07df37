"""The database-specific half of search: an FTS5 table on SQLite, a GIN expression index on PostgreSQL.

Both index `Item.search_tokens` (jieba words joined by spaces). On SQLite an external-content FTS5 table
with the unicode61 tokenizer is kept in step by triggers, so bulk inserts stay indexed too. On PostgreSQL
the index is built from the very expression Django emits for SearchVector("search_tokens",
config="simple"), so the planner can use it for the ORM's own queries.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector

FTS_TABLE = "search_item_fts"
GIN_INDEX = "item_search_tokens_gin"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        search_tokens, content='disclosure_item', content_rowid='id', tokenize='unicode61')""",
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_tokens) VALUES (new.id, new.search_tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens) VALUES ('delete', old.id, old.search_tokens);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF search_tokens ON disclosure_item BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_tokens) VALUES ('delete', old.id, old.search_tokens);
        INSERT INTO {FTS_TABLE}(rowid, search_tokens) VALUES (new.id, new.search_tokens);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def search_vector() -> SearchVector:
    return SearchVector("search_tokens", config="simple")


def gin_index() -> GinIndex:
    return GinIndex(search_vector(), name=GIN_INDEX)


def create_search_index(schema_editor, item_model) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.add_index(item_model, gin_index())


def drop_search_index(schema_editor, item_model) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.remove_index(item_model, gin_index())


def rebuild_sqlite_index(cursor) -> None:
    """Rebuild the whole FTS5 table from the items (after a bulk load with the triggers dropped)."""
    cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
